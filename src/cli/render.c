/* One document: read with the public readers, then folio_render (the
 * pipeline lives in src/render/), shared by `folio render` and every job
 * of `folio batch`; and the `render` command itself. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

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

int cli_no_memory(void)
{
    fputs("folio: out of memory\n", stderr);
    return EXIT_INPUT;
}

/* --trace FILE, or - for standard output: written as soon as the pages are
 * laid out, before the outputs. */
typedef struct trace_to {
    folio_ctx *ctx;
    const char *path;
} trace_to;

static int write_trace(const char *text, size_t len, void *arg)
{
    const trace_to *t = arg;
    if (!strcmp(t->path, "-"))
        return fwrite(text, 1, len, stdout) == len ? 0 : FOLIO_E_IO;
    FILE *f = fopen(t->path, "w");
    if (!f)
        return folio_error(t->ctx, FOLIO_E_IO, (folio_pos){0, 0}, "cannot write %s", t->path);
    int rc = fwrite(text, 1, len, f) == len ? 0 : FOLIO_E_IO;
    if (fclose(f) != 0 && !rc)
        rc = FOLIO_E_IO;
    return rc;
}

/* Does the name end in .xml (any case)? */
int cli_is_xml(const char *path)
{
    size_t n = strlen(path);
    return n > 4 && !strcasecmp(path + n - 4, ".xml");
}

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
    if (cli_is_xml(input))
        return folio_read_xml(ctx, data, len, input, lim, house, out);
    if (cli_is_docx(input))
        return folio_read_docx(ctx, data, len, input, lim, house, out);
    return folio_read_markdown(ctx, data, len, input, lim, house, out);
}

int cli_read_input(folio_ctx *ctx, const char *path, const folio_read_options *lim,
                   char **data, size_t *len)
{
    size_t max = lim && lim->max_bytes ? lim->max_bytes : CLI_DEFAULT_MAX_INPUT;
    struct stat st;
    /* a regular file says its size: refuse it before reading a byte; a
     * pipe is cut off at the limit by folio_read_file */
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

int cli_render_doc(folio_ctx *ctx, const cli_doc *doc, const folio_resources *res,
                   size_t *npages)
{
    folio_render_options opt = FOLIO_RENDER_OPTIONS_INIT;
    folio_report *report = NULL;
    folio_output out;
    trace_to trace = {ctx, doc->trace};
    int rc;
    if ((rc = cli_read_limited(ctx, doc->input, doc->data, doc->len, doc->limits,
                               folio_resources_house(res), &report)))
        goto done;
    opt.pdf_path = doc->pdf;
    opt.docx_path = doc->docx;
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
    if (doc->trace) {
        opt.trace = write_trace;
        opt.trace_arg = &trace;
    }
    if ((rc = folio_render(ctx, report, res, &opt, &out)))
        goto done;
    if (npages)
        *npages = out.pages;
done:
    if (rc == FOLIO_E_NOMEM && !folio_ctx_errors(ctx))
        folio_error(ctx, rc, (folio_pos){0, 0}, "out of memory");
    folio_report_free(report);
    return rc;
}

/* DIR/NAME.ext from the input's base name without its extension. */
static char *output_path(const char *input, const char *outdir, const char *ext)
{
    const char *base = strrchr(input, '/');
    base = base ? base + 1 : input;
    const char *dot = strrchr(base, '.');
    size_t blen = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    const char *dir = outdir;
    size_t dlen;
    if (dir)
        dlen = strlen(dir);
    else {
        dir = input;
        dlen = (size_t)(base - input);
        if (dlen)
            dlen--; /* drop the slash */
    }
    size_t n = dlen + blen + strlen(ext) + 4;
    char *p = folio_malloc(n);
    if (p)
        snprintf(p, n, "%.*s%s%.*s%s", (int)dlen, dir, dlen ? "/" : "", (int)blen, base, ext);
    return p;
}

static const char render_usage[] =
    "usage: folio render INPUT [options]\n"
    "\n"
    "Render a report to the official PDF and an editable DOCX: DIR/NAME.pdf\n"
    "and DIR/NAME.docx (DIR: -o, else the input's folder). INPUT is XML when\n"
    "its name ends in .xml (report XML, or Akoma Ntoso when its root is\n"
    "<akomaNtoso>), a Word document when it ends in .docx (folio's DOCX\n"
    "continued in Word, or one started from `folio template`; give -o DIR so\n"
    "the new DOCX does not replace it), else Markdown in the UN house dialect.\n"
    "\n"
    "options:\n"
    "      --trace FILE     write the laid-out pages as text (- for stdout)\n";

int cli_render_main(int argc, char **argv)
{
    cli_common o;
    const char *input = NULL, *trace = NULL;
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
            fputs("Exit status: 0 success, 1 input error, 2 usage error.\n", stdout);
            return EXIT_OK;
        }
        if (!strcmp(a, "--trace")) {
            if (++i >= argc)
                return cli_bad_usage("%s needs a value", a);
            trace = argv[i];
        } else if (a[0] == '-' && a[1])
            return cli_bad_usage("unknown option %s", a);
        else if (input)
            return cli_bad_usage("more than one input: %s", a);
        else
            input = a;
    }
    if (!input)
        return cli_bad_usage("%s", "render needs an input file");
    int rc = cli_finish_common(&o);
    if (rc)
        return rc;

    folio_ctx *ctx;
    folio_resources *res = NULL;
    char *data = NULL, *pdf = NULL, *docx = NULL;
    size_t npages = 0;
    cli_doc doc = {input, NULL, 0, NULL, NULL, trace, &o.meta, &o.limits};
    if (folio_ctx_new(input, &ctx)) {
        cli_free_common(&o);
        return cli_no_memory();
    }
    if ((rc = cli_read_input(ctx, input, &o.limits, &data, &doc.len)))
        goto done;
    doc.data = data;
    /* the style stage measures the furniture with the fonts, for either
     * output: the resources are loaded whatever is wanted */
    if ((rc = folio_resources_load(ctx, &o.res, &res)))
        goto done;
    if ((o.want_pdf && !(pdf = output_path(input, o.outdir, ".pdf"))) ||
        (o.want_docx && !(docx = output_path(input, o.outdir, ".docx")))) {
        rc = folio_error(ctx, FOLIO_E_NOMEM, (folio_pos){0, 0}, "out of memory");
        goto done;
    }
    if (cli_same_file(input, docx)) {
        rc = folio_error(ctx, FOLIO_E_USAGE, (folio_pos){0, 0},
                         "the DOCX would replace the input %s: give -o DIR, or --pdf", input);
        goto done;
    }
    doc.pdf = pdf;
    doc.docx = docx;
    if ((rc = cli_render_doc(ctx, &doc, res, &npages)))
        goto done;
    if (!o.quiet) {
        if (pdf)
            fprintf(stderr, "folio: wrote %s (%zu page%s)\n", pdf, npages, npages == 1 ? "" : "s");
        if (docx)
            fprintf(stderr, "folio: wrote %s\n", docx);
    }
done:
    cli_print_diags(ctx);
    folio_resources_free(res);
    folio_ctx_free(ctx);
    cli_free_common(&o);
    free(data);
    free(pdf);
    free(docx);
    return rc == 0 ? EXIT_OK : rc == FOLIO_E_USAGE ? EXIT_USAGE : EXIT_INPUT;
}
