/* One document: read with the public readers, then folio_render (the
 * pipeline lives in src/render/), shared by `folio render` and every job
 * of `folio batch`; and the `render` command itself. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "util/mem.h"

void cli_print_where(FILE *out, const folio_diag *d)
{
    const char *file = d->file ? d->file : "folio";
    if (d->pos.line > 0)
        fprintf(out, "%s:%d:%d", file, d->pos.line, d->pos.col > 0 ? d->pos.col : 1);
    else
        fputs(file, out);
}

void cli_print_diags(const folio_ctx *ctx)
{
    const folio_diag *d;
    for (size_t i = 0; (d = folio_ctx_diag(ctx, i)); i++) {
        cli_print_where(stderr, d);
        fprintf(stderr, ": %s: %s\n", d->severity == FOLIO_ERROR ? "error" : "warning",
                d->message ? d->message : "(out of memory)");
    }
}

size_t cli_warnings(const folio_ctx *ctx)
{
    const folio_diag *d;
    size_t n = 0;
    for (size_t i = 0; (d = folio_ctx_diag(ctx, i)); i++)
        n += d->severity == FOLIO_WARNING;
    return n;
}

/* --trace FILE, or - for standard output: written as soon as the pages are
 * laid out, before the outputs; a file is written atomically like them
 * (never through a symbolic link in place). */
typedef struct trace_to {
    folio_ctx *ctx;
    const char *path;
} trace_to;

typedef struct text_out {
    const char *text;
    size_t len;
} text_out;

static int write_text(const char *path, void *arg)
{
    const text_out *t = arg;
    return folio_write_bytes(path, t->text, t->len);
}

static int write_trace(const char *text, size_t len, void *arg)
{
    const trace_to *t = arg;
    text_out out = {text, len};
    if (!strcmp(t->path, "-"))
        return fwrite(text, 1, len, stdout) == len ? 0 : FOLIO_E_IO;
    return folio_write_atomic(t->ctx, t->path, write_text, &out);
}

/* The trace of `folio check`: the pages are laid out, nothing is kept. */
static int no_trace(const char *text, size_t len, void *arg)
{
    (void)text;
    (void)len;
    (void)arg;
    return 0;
}

/* Does the name end in .xml (any case)? */
int cli_is_xml(const char *path)
{
    size_t n = strlen(path);
    return n > 4 && !strcasecmp(path + n - 4, ".xml");
}

static int looks_xml(const char *input, const char *data, size_t len);

int cli_is_docx(const char *path)
{
    size_t n = strlen(path);
    return n > 5 && !strcasecmp(path + n - 5, ".docx");
}

int cli_same_file(const char *in, const char *out)
{
    struct stat a, b;
    if (!out)
        return 0;
    if (!strcmp(in, out))
        return 1;
    return stat(in, &a) == 0 && stat(out, &b) == 0 && a.st_dev == b.st_dev &&
           a.st_ino == b.st_ino;
}

int cli_read_limited(folio_ctx *ctx, const char *input, const char *data, size_t len,
                     const folio_read_options *lim, const folio_house *house,
                     folio_report **out)
{
    if (looks_xml(input, data, len))
        return folio_read_xml(ctx, data, len, input, lim, house, out);
    if (cli_is_docx(input))
        return folio_read_docx(ctx, data, len, input, lim, house, out);
    return folio_read_markdown(ctx, data, len, input, lim, house, out);
}

/* Standard input, cut off at the limit. */
static int read_stdin(folio_ctx *ctx, size_t max, char **data, size_t *len)
{
    size_t n = 0, cap = 64 * 1024;
    char *buf = folio_malloc(cap + 1);
    *data = NULL;
    *len = 0;
    if (!buf)
        return folio_error(ctx, FOLIO_E_NOMEM, (folio_pos){0, 0}, "out of memory");
    for (;;) {
        if (n == cap) {
            size_t want = cap * 2 > max + 1 ? max + 1 : cap * 2;
            char *nb = want > cap ? folio_realloc(buf, want + 1) : NULL;
            if (!nb) {
                free(buf);
                if (want <= cap)
                    return folio_error(ctx, FOLIO_E_LIMIT, (folio_pos){0, 0},
                                       "standard input is larger than the limit of %zu bytes "
                                       "(raise it with --max-input-bytes)", max);
                return folio_error(ctx, FOLIO_E_NOMEM, (folio_pos){0, 0}, "out of memory");
            }
            buf = nb;
            cap = want;
        }
        ssize_t got = read(STDIN_FILENO, buf + n, cap - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            free(buf);
            return folio_error(ctx, FOLIO_E_IO, (folio_pos){0, 0},
                               "cannot read standard input: %s", strerror(errno));
        }
        if (got == 0)
            break;
        n += (size_t)got;
        if (n > max) {
            free(buf);
            return folio_error(ctx, FOLIO_E_LIMIT, (folio_pos){0, 0},
                               "standard input is larger than the limit of %zu bytes "
                               "(raise it with --max-input-bytes)", max);
        }
    }
    buf[n] = 0;
    *data = buf;
    *len = n;
    return 0;
}

int cli_read_input(folio_ctx *ctx, const char *path, const folio_read_options *lim,
                   char **data, size_t *len)
{
    size_t max = lim && lim->max_bytes ? lim->max_bytes : CLI_DEFAULT_MAX_INPUT;
    struct stat st;
    if (!strcmp(path, "-"))
        return read_stdin(ctx, max, data, len);
    /* a regular file says its size: refuse it before reading a byte */
    if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && (uintmax_t)st.st_size > max) {
        *data = NULL;
        *len = 0;
        return folio_error(ctx, FOLIO_E_LIMIT, (folio_pos){0, 0},
                           "input of %jd bytes: more than the limit of %zu "
                           "(raise it with --max-input-bytes)",
                           (intmax_t)st.st_size, max);
    }
    return folio_read_file(ctx, path, max, data, len);
}

static int looks_xml(const char *input, const char *data, size_t len)
{
    if (strcmp(input, "<stdin>"))
        return cli_is_xml(input);
    size_t i = 0;
    if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3))
        i = 3;
    while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r'))
        i++;
    return i < len && data[i] == '<';
}

int cli_render_report(folio_ctx *ctx, const cli_doc *doc, const folio_report *report,
                      const folio_resources *res, folio_output *out, int *system)
{
    folio_render_options opt = FOLIO_RENDER_OPTIONS_INIT;
    trace_to trace = {ctx, doc->trace};
    opt.pdf_path = doc->pdf;
    opt.docx_path = doc->docx;
    opt.to_memory = doc->to_memory;
    opt.station = doc->meta->station;
    opt.language = doc->meta->language;
    opt.symbol = doc->meta->symbol;
    opt.job_number = doc->meta->job_number;
    opt.date = doc->meta->date;
    if (doc->limits) {
        opt.max_notes = doc->limits->max_notes;
        opt.max_table_cells = doc->limits->max_table_cells;
        opt.max_paragraph_bytes = doc->limits->max_paragraph_bytes;
    }
    if (doc->check) {
        opt.trace = no_trace;
    } else if (doc->trace) {
        opt.trace = write_trace;
        opt.trace_arg = &trace;
    }
    int rc = folio_render(ctx, report, res, &opt, out);
    /* what the system refused (a file that cannot be written, memory, the
     * fonts), as against what the input is */
    if (system)
        *system = rc == FOLIO_E_IO || rc == FOLIO_E_NOMEM || rc == FOLIO_E_FONT;
    return rc;
}

int cli_render_doc(folio_ctx *ctx, const cli_doc *doc, const folio_resources *res,
                   size_t *npages, int *system)
{
    folio_report *report = NULL;
    folio_output out;
    int rc;
    if (system)
        *system = 0;
    if ((rc = cli_read_limited(ctx, doc->input, doc->data, doc->len, doc->limits,
                               folio_resources_house(res), &report)))
        goto done;
    if ((rc = cli_render_report(ctx, doc, report, res, &out, system)))
        goto done;
    if (npages)
        *npages = out.pages;
    folio_output_free(&out);
done:
    if (rc == FOLIO_E_NOMEM && !folio_ctx_errors(ctx))
        folio_error(ctx, rc, (folio_pos){0, 0}, "out of memory");
    if (rc == FOLIO_E_NOMEM && system)
        *system = 1;
    folio_report_free(report);
    return rc;
}

int cli_exit_status(int rc, int system)
{
    return rc == 0 ? EXIT_OK : rc == FOLIO_E_USAGE ? EXIT_USAGE
           : system || rc == FOLIO_E_NOMEM ? EXIT_SYSTEM : EXIT_INPUT;
}

int cli_make_dirs(folio_ctx *ctx, const char *dir)
{
    char *p = folio_mem_strdup(dir);
    int rc = 0;
    if (!p)
        return folio_error(ctx, FOLIO_E_NOMEM, (folio_pos){0, 0}, "out of memory");
    for (char *s = p + 1;; s++) {
        if (*s && *s != '/')
            continue;
        char c = *s;
        *s = 0;
        if (mkdir(p, 0777) != 0 && errno != EEXIST) {
            rc = folio_error(ctx, FOLIO_E_IO, (folio_pos){0, 0},
                             "cannot create the folder %s: %s", p, strerror(errno));
            break;
        }
        if (!(*s = c))
            break;
    }
    free(p);
    struct stat st;
    if (!rc && (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)))
        rc = folio_error(ctx, FOLIO_E_IO, (folio_pos){0, 0}, "%s is not a folder", dir);
    return rc;
}

/* The base name of the outputs: --name, else the input's name without its
 * extension, else (standard input) the document symbol with its slashes
 * as hyphens (A/HRC/55/1 -> A-HRC-55-1). NULL after an error. */
static char *output_name(folio_ctx *ctx, const char *input, const char *given,
                         const folio_report *r, const cli_meta *meta)
{
    char *name = NULL;
    if (given) {
        name = folio_mem_strdup(given);
    } else if (strcmp(input, "-")) {
        const char *base = strrchr(input, '/');
        base = base ? base + 1 : input;
        const char *dot = strrchr(base, '.');
        name = folio_mem_strndup(base, dot && dot != base ? (size_t)(dot - base) : strlen(base));
    } else {
        const char *sym = meta->symbol ? meta->symbol : folio_report_get(r, FOLIO_FIELD_SYMBOL);
        if (!sym || !*sym) {
            folio_error(ctx, FOLIO_E_USAGE, (folio_pos){0, 0},
                        "standard input has no document symbol to name the outputs: give "
                        "--name NAME (or -o - to write to standard output)");
            return NULL;
        }
        if ((name = folio_mem_strdup(sym)))
            for (char *c = name; *c; c++)
                if (*c == '/' || *c == ' ')
                    *c = '-';
    }
    if (!name) {
        folio_error(ctx, FOLIO_E_NOMEM, (folio_pos){0, 0}, "out of memory");
        return NULL;
    }
    const char *why = cli_bad_name(name);
    if (why) {
        folio_error(ctx, FOLIO_E_USAGE, (folio_pos){0, 0}, "output name \"%.60s%s\": %s", name,
                    strlen(name) > 60 ? "..." : "", why);
        free(name);
        return NULL;
    }
    return name;
}

static char *join(const char *dir, const char *name, const char *ext)
{
    size_t n = strlen(dir) + strlen(name) + strlen(ext) + 2;
    char *p = folio_malloc(n);
    if (p)
        snprintf(p, n, "%s%s%s%s", dir, *dir ? "/" : "", name, ext);
    return p;
}

static const char render_usage[] =
    "usage: folio render INPUT [options]\n"
    "\n"
    "Render a report to the official PDF and an editable DOCX: DIR/NAME.pdf\n"
    "and DIR/NAME.docx (DIR: -o, made when missing, else the input's folder;\n"
    "NAME: --name, else the input's name, else the document symbol). INPUT is\n"
    "XML when its name ends in .xml (report XML, or Akoma Ntoso when its root\n"
    "is <akomaNtoso>), a Word document when it ends in .docx (folio's DOCX\n"
    "continued in Word, or one started from `folio template`: give -o DIR so\n"
    "the new DOCX does not replace it), else Markdown in the UN house dialect;\n"
    "- reads standard input (XML when it starts with '<').\n"
    "\n"
    "options:\n"
    "  -o -                 write the one format asked for (--pdf or --docx) to\n"
    "                       standard output\n"
    "      --name NAME      base name of the outputs\n"
    "      --trace FILE     write the laid-out pages as text (- for stdout)\n";

int cli_render_main(int argc, char **argv)
{
    cli_common o;
    const char *input = NULL, *trace = NULL, *name_opt = NULL;
    cli_common_init(&o);
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        int taken = cli_take_common(&o, argc, argv, &i);
        if (taken == EXIT_USAGE)
            return EXIT_USAGE;
        if (taken)
            continue;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(render_usage, stdout);
            cli_print_common_help(stdout, &o);
            fputs(cli_exit_help, stdout);
            return EXIT_OK;
        }
        if (!strcmp(a, "--trace") || !strcmp(a, "--name")) {
            if (++i >= argc)
                return cli_bad_usage("%s needs a value", a);
            *(a[2] == 't' ? &trace : &name_opt) = argv[i];
        } else if (a[0] == '-' && a[1])
            return cli_bad_usage("unknown option %s", a);
        else if (input)
            return cli_bad_usage("more than one input: %s", a);
        else
            input = a;
    }
    if (!input)
        return cli_bad_usage("%s", "render needs an input file (- for standard input)");
    int to_stdout = o.outdir && !strcmp(o.outdir, "-");
    if (to_stdout && o.only_pdf == o.only_docx)
        return cli_bad_usage("%s", "-o - writes one format: give --pdf or --docx");
    if (to_stdout && trace && !strcmp(trace, "-"))
        return cli_bad_usage("%s", "-o - and --trace - cannot both use standard output");
    if (to_stdout && isatty(STDOUT_FILENO))
        return cli_bad_usage("%s", "-o -: standard output is a terminal; redirect it to a file "
                                   "or a pipe");
    int rc = cli_finish_common(&o);
    if (rc)
        return rc;

    const char *shown = strcmp(input, "-") ? input : "<stdin>";
    folio_ctx *ctx;
    folio_resources *res = NULL;
    folio_report *report = NULL;
    folio_output out = {0};
    char *data = NULL, *pdf = NULL, *docx = NULL, *name = NULL, *dir = NULL;
    int system = 0;
    cli_lock lock = {-1, ""};
    cli_temps temps = {0};
    cli_doc doc = {shown, NULL, 0, NULL, NULL, trace, &o.meta, &o.limits, 0, 0};
    if (folio_ctx_new(shown, &ctx)) {
        cli_free_common(&o);
        return cli_no_memory();
    }
    if ((rc = cli_read_input(ctx, input, &o.limits, &data, &doc.len)))
        goto done;
    doc.data = data;
    /* the style stage measures the furniture with the fonts, for either
     * output: the resources are loaded whatever is wanted */
    if ((rc = folio_resources_load(ctx, &o.res, &res))) {
        system = rc != FOLIO_E_STYLE;
        goto done;
    }
    if ((rc = cli_read_limited(ctx, shown, data, doc.len, &o.limits, folio_resources_house(res),
                               &report)))
        goto done;
    if (to_stdout) {
        doc.to_memory = o.only_pdf ? FOLIO_PDF : FOLIO_DOCX;
    } else {
        if (!(name = output_name(ctx, input, name_opt, report, &o.meta))) {
            rc = folio_ctx_errors(ctx) ? FOLIO_E_USAGE : FOLIO_E_NOMEM;
            goto done;
        }
        const char *slash = strrchr(input, '/');
        dir = o.outdir ? folio_mem_strdup(o.outdir)
              : slash && strcmp(input, "-") ? folio_mem_strndup(input, (size_t)(slash - input))
                                            : folio_mem_strdup("");
        if (!dir || (o.want_pdf && !(pdf = join(dir, name, ".pdf"))) ||
            (o.want_docx && !(docx = join(dir, name, ".docx")))) {
            rc = folio_error(ctx, FOLIO_E_NOMEM, (folio_pos){0, 0}, "out of memory");
            goto done;
        }
        if (!*dir && slash == input) { /* an input in / itself */
            free(dir);
            dir = folio_mem_strdup("/");
        }
        /* -o DIR is made when missing; then the outputs of NAME are
         * written under its lock, after removing what a killed run left */
        if ((o.outdir && (rc = cli_make_dirs(ctx, dir))) ||
            (rc = cli_lock_name(ctx, dir, name, &lock)) || (rc = cli_temps_list(dir, &temps))) {
            system = 1;
            goto done;
        }
        if (cli_same_file(input, docx)) {
            rc = folio_error(ctx, FOLIO_E_USAGE, (folio_pos){0, 0},
                             "the DOCX would replace the input %s: give -o DIR, or --pdf", input);
            goto done;
        }
        char final[1024];
        snprintf(final, sizeof final, "%s.pdf", name);
        cli_temps_remove(&temps, dir, final);
        snprintf(final, sizeof final, "%s.docx", name);
        cli_temps_remove(&temps, dir, final);
        doc.pdf = pdf;
        doc.docx = docx;
    }
    if ((rc = cli_render_report(ctx, &doc, report, res, &out, &system)))
        goto done;
    if (to_stdout) {
        const char *bytes = out.pdf ? out.pdf : out.docx;
        size_t n = out.pdf ? out.pdf_len : out.docx_len;
        if (fwrite(bytes, 1, n, stdout) != n || fflush(stdout) != 0) {
            rc = folio_error(ctx, FOLIO_E_IO, (folio_pos){0, 0},
                             "cannot write standard output: %s", strerror(errno));
            system = 1;
            goto done;
        }
    }
    if (!o.quiet) {
        if (pdf)
            fprintf(stderr, "folio: wrote %s (%zu page%s)\n", pdf, out.pages,
                    out.pages == 1 ? "" : "s");
        if (docx)
            fprintf(stderr, "folio: wrote %s\n", docx);
    }
done:
    cli_unlock(&lock);
    cli_print_diags(ctx);
    int status = cli_exit_status(rc, system);
    if (!rc && o.fail_if_warnings && cli_warnings(ctx)) {
        fprintf(stderr, "folio: %zu warning%s: failing, as --fail-if-warnings asks\n",
                cli_warnings(ctx), cli_warnings(ctx) == 1 ? "" : "s");
        status = EXIT_INPUT;
    }
    cli_temps_free(&temps);
    folio_output_free(&out);
    folio_report_free(report);
    folio_resources_free(res);
    folio_ctx_free(ctx);
    cli_free_common(&o);
    free(data);
    free(pdf);
    free(docx);
    free(name);
    free(dir);
    return status;
}

static const char check_usage[] =
    "usage: folio check FILE... [options]\n"
    "\n"
    "Read, style and lay out each report (- for standard input) as render\n"
    "would, writing nothing; print its warnings and errors with file, line\n"
    "and column. Exit status 1 when any has an error (or, with\n"
    "--fail-if-warnings, a warning).\n"
    "\n"
    "options:\n";

int cli_check_main(int argc, char **argv)
{
    cli_common o;
    const char **inputs = folio_calloc((size_t)argc + 1, sizeof *inputs);
    size_t n = 0;
    cli_common_init(&o);
    if (!inputs)
        return cli_no_memory();
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        int taken = cli_take_common(&o, argc, argv, &i);
        if (taken == EXIT_USAGE || (taken && (!strcmp(a, "-o") || !strcmp(a, "--output") ||
                                              !strcmp(a, "--pdf") || !strcmp(a, "--docx")))) {
            free(inputs);
            return taken == EXIT_USAGE ? EXIT_USAGE
                                       : cli_bad_usage("check writes nothing: %s has no use", a);
        }
        if (taken)
            continue;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(check_usage, stdout);
            cli_print_common_help(stdout, &o);
            fputs(cli_exit_help, stdout);
            free(inputs);
            return EXIT_OK;
        }
        if (a[0] == '-' && a[1]) {
            free(inputs);
            return cli_bad_usage("unknown option %s", a);
        }
        inputs[n++] = a;
    }
    if (!n) {
        free(inputs);
        return cli_bad_usage("%s", "check needs one or more input files");
    }
    int rc = cli_finish_common(&o);
    if (rc) {
        free(inputs);
        return rc;
    }
    folio_ctx *ctx = NULL;
    folio_resources *res = NULL;
    int status = EXIT_OK;
    if (folio_ctx_new(NULL, &ctx) || (rc = folio_resources_load(ctx, &o.res, &res))) {
        cli_print_diags(ctx);
        status = ctx ? EXIT_SYSTEM : cli_no_memory();
        goto done;
    }
    folio_ctx_free(ctx);
    ctx = NULL;
    for (size_t i = 0; i < n; i++) {
        const char *shown = strcmp(inputs[i], "-") ? inputs[i] : "<stdin>";
        char *data = NULL;
        int system = 0;
        cli_doc doc = {shown, NULL, 0, NULL, NULL, NULL, &o.meta, &o.limits, 0, 1};
        if (folio_ctx_new(shown, &ctx)) {
            status = cli_no_memory();
            break;
        }
        if (!(rc = cli_read_input(ctx, inputs[i], &o.limits, &data, &doc.len))) {
            doc.data = data;
            rc = cli_render_doc(ctx, &doc, res, NULL, &system);
        }
        cli_print_diags(ctx);
        size_t w = cli_warnings(ctx);
        int st = cli_exit_status(rc, system);
        if (!rc && o.fail_if_warnings && w)
            st = EXIT_INPUT;
        if (!o.quiet)
            fprintf(stderr, "folio: %s: %s%s (%zu warning%s)\n", shown,
                    rc ? "fails" : "ok", rc ? "" : st ? ", but warnings fail it" : "", w,
                    w == 1 ? "" : "s");
        /* the worst: a system error, then a usage error, then an input one */
        if (st == EXIT_SYSTEM || (st == EXIT_USAGE && status != EXIT_SYSTEM) ||
            (st == EXIT_INPUT && status == EXIT_OK))
            status = st;
        free(data);
        folio_ctx_free(ctx);
        ctx = NULL;
    }
done:
    folio_ctx_free(ctx);
    folio_resources_free(res);
    cli_free_common(&o);
    free(inputs);
    return status;
}
