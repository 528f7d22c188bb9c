/* `folio batch IN -o DIR`: every report of a folder or a manifest rendered
 * by parallel workers, up-to-date ones skipped, a JSON summary at the end.
 * Exit status: 0 when every document succeeded (or was up to date), 1 when
 * any failed, 2 for a usage or manifest error. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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
    "  -j, --jobs N         worker threads (default: the online cores)\n"
    "      --shard K/N      render only shard K of N: document i (from 0, in\n"
    "                       the order of IN) when i mod N = K - 1\n"
    "      --summary FILE   JSON summary (default DIR/folio-batch.json, or\n"
    "                       DIR/folio-batch.K-of-N.json for a shard)\n"
    "      --force          render even what is up to date\n"
    "\n"
    "options of both commands:\n";

static const char batch_exit[] =
    "Progress: one line per document, or a progress line on a terminal.\n"
    "Exit status: 0 every document succeeded or was up to date, 1 some failed,\n"
    "2 usage or manifest error.\n";

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
    if (!o->threads) {
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        o->threads = cores > 0 ? (int)(cores < 4096 ? cores : 4096) : 1;
    }
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
 * folio version, the house style in use (every file of it, as loaded) and
 * the fonts. */
static uint64_t setup_hash(const batch_opts *o)
{
    const char *datadir = getenv("FOLIO_DATADIR");
    const char *parts[] = {FOLIO_VERSION, o->c.res.fonts_dir ? o->c.res.fonts_dir : "-",
                           datadir ? datadir : "-", o->c.style_path ? "style" : "-"};
    uint64_t h = BATCH_HASH_START;
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
        h = batch_hash(h, parts[i], strlen(parts[i]) + 1);
    uint64_t house = folio_house_fingerprint(o->c.house);
    return batch_hash(h, &house, sizeof house);
}

/* mkdir -p */
static int make_dirs(folio_ctx *ctx, const char *dir, folio_arena *a)
{
    char *p = folio_strdup(a, dir);
    if (!p)
        return FOLIO_E_NOMEM;
    for (char *s = p + 1;; s++) {
        if (*s && *s != '/')
            continue;
        char c = *s;
        *s = 0;
        if (mkdir(p, 0777) != 0 && errno != EEXIST)
            return folio_error(ctx, FOLIO_E_IO, (folio_pos){0, 0},
                               "cannot create the folder %s: %s", p, strerror(errno));
        if (!(*s = c))
            break;
    }
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
        return folio_error(ctx, FOLIO_E_IO, (folio_pos){0, 0}, "%s is not a folder", dir);
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
    int status = EXIT_INPUT, rc;

    memset(&o, 0, sizeof o);
    cli_common_init(&o.c);
    o.shard_k = o.shard_n = 1;
    if ((rc = parse(&o, argc, argv)))
        return rc < 0 ? EXIT_OK : rc;
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
        status = rc == FOLIO_E_NOMEM ? EXIT_INPUT : EXIT_USAGE;
        goto done;
    }
    batch_list_shard(&l, o.shard_k, o.shard_n);
    o.setup_hash = setup_hash(&o);
    if ((rc = make_dirs(ctx, o.c.outdir, a)))
        goto done;
    batch_sweep(&o, &l);
    if (l.n && (rc = folio_resources_load(ctx, &o.c.res, &res)))
        goto done;
    if (!(progress = batch_progress_new(l.n, o.c.quiet))) {
        rc = folio_error(ctx, FOLIO_E_NOMEM, (folio_pos){0, 0}, "out of memory");
        goto done;
    }
    if (!l.n && !o.c.quiet)
        fprintf(stderr, "folio: no documents in %s%s\n", o.in,
                o.shard_n > 1 ? " for this shard" : "");
    batch_run(&o, &l, res, progress);
    double secs = batch_progress_end(progress);
    if ((rc = batch_summary_write(ctx, &o, &l, secs)))
        goto done;
    if (!o.c.quiet)
        print_totals(&o, &l, secs);
    status = EXIT_OK;
    for (size_t i = 0; i < l.n; i++)
        if (l.jobs[i].status == JOB_FAILED)
            status = EXIT_INPUT;
done:
    cli_print_diags(ctx);
    batch_progress_free(progress);
    folio_resources_free(res);
    batch_list_free(&l);
    folio_arena_free(a);
    folio_ctx_free(ctx);
    cli_free_common(&o.c);
    return status;
}
