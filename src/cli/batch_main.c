/* `folio batch IN -o DIR`: every report of a folder or a manifest rendered
 * by parallel workers, up-to-date ones skipped, a JSON summary at the end.
 * Exit status (cli.h): 0 when every document succeeded (or was up to
 * date), 1 when any failed for its input, 2 for a usage or manifest error,
 * 3 when the system refused (an output or the summary cannot be written,
 * memory). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli/batch.h"

static const char batch_usage[] =
    "usage: folio batch IN -o DIR [-j N] [--shard K/N] [options]\n"
    "\n"
    "Render every report of IN to DIR/NAME.pdf and DIR/NAME.docx with parallel\n"
    "workers. IN is a folder (every *.md, *.xml and *.docx in it, by name;\n"
    "a DOCX rendered into its own folder writes no DOCX over itself) or a manifest:\n"
    "  CSV (.csv): a header row naming the columns, then one report a row;\n"
    "  JSON lines (.jsonl, .ndjson): one flat object of strings a line.\n"
    "Keys: input (relative to the manifest's folder), output (base name),\n"
    "lang, station, symbol, job-number, date; a row's values override the\n"
    "options below, which override the report's own metadata.\n"
    "A document whose input, options and folio version are unchanged since\n"
    "its outputs were written (DIR/.NAME.folio-stamp) is skipped.\n"
    "\n"
    "batch options:\n"
    "  -j, --jobs N         worker threads (default: the CPUs this process may\n"
    "                       use, by its affinity and cgroup quota; at most as many\n"
    "                       as the available memory holds)\n"
    "      --shard K/N      render only shard K of N: document i (from 0, in\n"
    "                       the order of IN) when i mod N = K - 1\n"
    "      --summary FILE   JSON summary (default DIR/folio-batch.json, or\n"
    "                       DIR/folio-batch.K-of-N.json for a shard)\n"
    "      --force          render even what is up to date\n"
    "      --merge SHARD... merge shard summaries (as folio summary)\n"
    "\n"
    "options of both commands:\n";

static const char batch_exit[] =
    "Progress: one line per document, or a progress line on a terminal.\n"
    "Two runs writing the same documents wait for each other (a lock per\n"
    "document in DIR/.folio-lock).\n";

/* A whole number in [lo, hi] spelt out entirely; -1 otherwise. */
static long number(const char *s, const char **end, long lo, long hi)
{
    char *e;
    errno = 0;
    long v = strtol(s, &e, 10);
    if (e == s || errno || v < lo || v > hi || (!end && *e))
        return -1;
    if (end)
        *end = e;
    return v;
}

static int parse_shard(batch_opts *o, const char *v)
{
    const char *slash;
    long k = number(v, &slash, 1, 1000000), n = -1;
    if (k > 0 && *slash == '/')
        n = number(slash + 1, NULL, 1, 1000000);
    if (n < 1 || k > n)
        return cli_bad_usage("--shard \"%s\": give K/N with 1 <= K <= N, e.g. --shard 2/4", v);
    o->shard_k = (int)k;
    o->shard_n = (int)n;
    return 0;
}

/* A copy without trailing slashes, so that paths join cleanly. */
static const char *trimmed(folio_arena *a, const char *s)
{
    size_t n = strlen(s);
    while (n > 1 && s[n - 1] == '/')
        n--;
    return folio_strndup(a, s, n);
}

/* Returns 0, EXIT_USAGE (after saying why) or -1 when the help was shown. */
static int parse(batch_opts *o, int argc, char **argv)
{
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i], *val = NULL;
        int taken = cli_take_common(&o->c, argc, argv, &i);
        if (taken == EXIT_USAGE)
            return EXIT_USAGE;
        if (taken)
            continue;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(batch_usage, stdout);
            cli_print_common_help(stdout, &o->c);
            fputs(batch_exit, stdout);
            fputs(cli_exit_help, stdout);
            return -1;
        }
        int wants_value = !strcmp(a, "-j") || !strcmp(a, "--jobs") || !strcmp(a, "--shard") ||
                          !strcmp(a, "--summary");
        if (wants_value && ++i >= argc)
            return cli_bad_usage("%s needs a value", a);
        val = wants_value ? argv[i] : !strncmp(a, "-j", 2) ? a + 2 : NULL;
        if (!strcmp(a, "--shard")) {
            if (parse_shard(o, val))
                return EXIT_USAGE;
        } else if (!strcmp(a, "--summary")) {
            o->summary = val;
        } else if (val) { /* -j N, --jobs N, -jN */
            if ((o->threads = (int)number(val, NULL, 1, 4096)) < 0)
                return cli_bad_usage("%s \"%s\": give a number of threads, 1 to 4096", a, val);
            o->threads_given = 1;
        } else if (!strcmp(a, "--force")) {
            o->force = 1;
        } else if (a[0] == '-' && a[1]) {
            return cli_bad_usage("unknown option %s", a);
        } else if (o->in) {
            return cli_bad_usage("more than one input: %s (give a folder or a manifest)", a);
        } else {
            o->in = a;
        }
    }
    if (!o->in)
        return cli_bad_usage("%s", "batch needs a folder or a manifest");
    if (!o->c.outdir)
        return cli_bad_usage("%s", "batch needs an output folder: -o DIR");
    int rc = cli_finish_common(&o->c);
    if (rc)
        return rc;
    if (!o->threads)
        o->threads = cli_cpus_available();
    return 0;
}

/* The default summary: one per shard, so that shards sharing DIR do not
 * overwrite each other's. Lives as long as the process. */
static const char *default_summary(folio_arena *a, const batch_opts *o)
{
    if (o->shard_n == 1)
        return folio_sprintf(a, "%s/folio-batch.json", o->c.outdir);
    return folio_sprintf(a, "%s/folio-batch.%d-of-%d.json", o->c.outdir, o->shard_k, o->shard_n);
}

/* What besides a job's own input and options decides its outputs: the
 * folio version and the resources (every file of the house style, the
 * fonts' and the emblem image's bytes). */
static uint64_t setup_hash(const folio_resources *res)
{
    uint64_t h = batch_hash(BATCH_HASH_START, FOLIO_VERSION, sizeof FOLIO_VERSION);
    uint64_t r = folio_resources_fingerprint(res);
    return batch_hash(h, &r, sizeof r);
}

/* The workers memory allows: each may hold its document's model, layout
 * and outputs, measured at about 40 times the input's size besides a
 * fixed 24 MiB (fonts' subsets, libharu, libxml2); a tenth of what is
 * available stays free. */
static int bound_by_memory(const batch_list *l, int threads, unsigned long long avail)
{
    unsigned long long biggest = 0;
    for (size_t i = 0; i < l->n; i++) {
        struct stat st;
        if (stat(l->jobs[i].input, &st) == 0 && (unsigned long long)st.st_size > biggest)
            biggest = (unsigned long long)st.st_size;
    }
    if (!avail)
        return threads;
    unsigned long long each = (24ull << 20) + 40 * biggest;
    unsigned long long fit = avail / 10 * 9 / each;
    return fit < 1 ? 1 : fit < (unsigned long long)threads ? (int)fit : threads;
}

/* Same file? By device and inode when it exists, else by name. */
static int same_file(const char *a, const char *b)
{
    struct stat x, y;
    if (stat(a, &x) == 0 && stat(b, &y) == 0)
        return x.st_dev == y.st_dev && x.st_ino == y.st_ino;
    return !strcmp(a, b);
}

/* The summary must not overwrite what the batch reads or writes. */
static int check_summary(folio_ctx *ctx, const batch_opts *o, const batch_list *l)
{
    const char *s = o->summary;
    struct stat st;
    if (stat(s, &st) == 0 && !S_ISREG(st.st_mode))
        return folio_error(ctx, FOLIO_E_USAGE, (folio_pos){0, 0},
                           "--summary %s: not a regular file", s);
    if (same_file(s, o->in))
        return folio_error(ctx, FOLIO_E_USAGE, (folio_pos){0, 0},
                           "--summary %s is the manifest itself", s);
    for (size_t i = 0; i < l->n; i++) {
        const batch_job *j = &l->jobs[i];
        const char *what = same_file(s, j->input) ? "an input"
                           : j->pdf && same_file(s, j->pdf)    ? "an output"
                           : j->docx && same_file(s, j->docx)  ? "an output"
                           : same_file(s, j->stamp)            ? "a stamp"
                                                               : NULL;
        if (what)
            return folio_error(ctx, FOLIO_E_USAGE, (folio_pos){0, 0},
                               "--summary %s is %s of the batch (%s)", s, what, j->input);
    }
    return 0;
}

static void print_totals(const batch_opts *o, const batch_list *l, double secs)
{
    size_t count[4] = {0};
    for (size_t i = 0; i < l->n; i++)
        count[l->jobs[i].status]++;
    fprintf(stderr, "folio: %zu document%s: %zu ok, %zu skipped (up to date), %zu failed "
            "in %.1fs; summary in %s\n", l->n, l->n == 1 ? "" : "s", count[JOB_OK], count[JOB_SKIPPED],
            count[JOB_FAILED], secs, o->summary);
}

int cli_batch_main(int argc, char **argv)
{
    batch_opts o;
    batch_list l = {0};
    folio_ctx *ctx = NULL;
    folio_resources *res = NULL;
    batch_progress *progress = NULL;
    folio_arena *a = NULL;
    cli_temps temps = {0};
    int status = EXIT_SYSTEM, rc;
    cli_lock lock = {-1, ""};

    memset(&o, 0, sizeof o);
    cli_common_init(&o.c);
    o.shard_k = o.shard_n = 1;
    for (int i = 0; i < argc; i++)
        if (!strcmp(argv[i], "--merge")) { /* folio batch --merge: folio summary */
            cli_free_common(&o.c);
            memmove(argv + i, argv + i + 1, (size_t)(argc - i - 1) * sizeof *argv);
            return cli_summary_main(argc - 1, argv);
        }
    if ((rc = parse(&o, argc, argv)))
        return rc < 0 ? EXIT_OK : rc;
    long long started = (long long)time(NULL);
    if (folio_ctx_new(o.in, &ctx)) {
        cli_free_common(&o.c);
        return cli_no_memory();
    }
    if (!(a = folio_arena_new()) || !(o.in = trimmed(a, o.in)) ||
        !(o.c.outdir = trimmed(a, o.c.outdir)) ||
        (!o.summary && !(o.summary = default_summary(a, &o)))) {
        rc = folio_error(ctx, FOLIO_E_NOMEM, (folio_pos){0, 0}, "out of memory");
        goto done;
    }
    if ((rc = batch_list_read(ctx, &o, &l))) {
        status = rc == FOLIO_E_NOMEM ? EXIT_SYSTEM : EXIT_USAGE;
        goto done;
    }
    l.total = l.n;
    batch_list_shard(&l, o.shard_k, o.shard_n);
    if ((rc = check_summary(ctx, &o, &l))) {
        status = EXIT_USAGE;
        goto done;
    }
    status = EXIT_SYSTEM;
    if ((rc = cli_make_dirs(ctx, o.c.outdir)) || (rc = cli_temps_list(o.c.outdir, &temps)))
        goto done;
    o.temps = &temps;
    if (l.n && (rc = folio_resources_load(ctx, &o.c.res, &res))) {
        status = rc == FOLIO_E_STYLE ? EXIT_INPUT : EXIT_SYSTEM;
        goto done;
    }
    o.setup_hash = setup_hash(res);
    /* as many workers as the CPUs (or -j) and the memory allow; each with
     * a stack of its own size, whatever `ulimit -s` says */
    int cpus = o.threads;
    o.threads = bound_by_memory(&l, o.threads, cli_memory_available());
    o.stack_bytes = (size_t)16 << 20;
    if (o.threads < cpus && !o.c.quiet)
        fprintf(stderr, "folio: %d worker%s, not %d: the available memory holds no more\n",
                o.threads, o.threads == 1 ? "" : "s", cpus);
    if (!(progress = batch_progress_new(l.n, o.c.quiet))) {
        rc = folio_error(ctx, FOLIO_E_NOMEM, (folio_pos){0, 0}, "out of memory");
        goto done;
    }
    if (!l.n && !o.c.quiet)
        fprintf(stderr, "folio: no documents in %s%s\n", o.in,
                o.shard_n > 1 ? " for this shard" : "");
    batch_run(&o, &l, res, progress);
    double secs = batch_progress_end(progress);
    /* the summary, under its own lock (another run of this shard may be
     * writing it), after removing what a killed run left of it */
    const char *sl = strrchr(o.summary, '/');
    char *sdir = sl ? folio_strndup(a, o.summary, (size_t)(sl - o.summary)) : "";
    if (!sdir || (rc = cli_lock_name(ctx, *sdir ? sdir : (sl ? "/" : "."), o.summary, &lock)))
        goto done;
    cli_temps_free(&temps);
    if (!cli_temps_list(*sdir ? sdir : (sl ? "/" : "."), &temps))
        cli_temps_remove(&temps, *sdir ? sdir : (sl ? "/" : "."), sl ? sl + 1 : o.summary);
    if ((rc = batch_summary_write(ctx, &o, &l, secs, started, (long long)time(NULL))))
        goto done;
    if (!o.c.quiet)
        print_totals(&o, &l, secs);
    status = EXIT_OK;
    size_t warned = 0;
    for (size_t i = 0; i < l.n; i++) {
        if (l.jobs[i].status == JOB_FAILED && l.jobs[i].system)
            status = EXIT_SYSTEM;
        else if (l.jobs[i].status == JOB_FAILED && status == EXIT_OK)
            status = EXIT_INPUT;
        warned += l.jobs[i].ctx && cli_warnings(l.jobs[i].ctx);
    }
    if (status == EXIT_OK && o.c.fail_if_warnings && warned) {
        fprintf(stderr, "folio: %zu document%s with warnings: failing, as --fail-if-warnings "
                "asks\n", warned, warned == 1 ? "" : "s");
        status = EXIT_INPUT;
    }
done:
    cli_unlock(&lock);
    cli_temps_free(&temps);
    cli_print_diags(ctx);
    batch_progress_free(progress);
    folio_resources_free(res);
    batch_list_free(&l);
    folio_arena_free(a);
    folio_ctx_free(ctx);
    cli_free_common(&o.c);
    return status;
}
