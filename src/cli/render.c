/* `folio render`: one report in, its PDF and DOCX out. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

void cli_print_diags(const folio_ctx *ctx)
{
    for (size_t i = 0; i < ctx->ndiags; i++) {
        const folio_diag *d = &ctx->diags[i];
        const char *sev = d->severity == FOLIO_ERROR ? "error" : "warning";
        const char *msg = d->message ? d->message : "(out of memory)";
        if (d->pos.line > 0)
            fprintf(stderr, "%s:%d:%d: %s: %s\n", d->file ? d->file : "folio", d->pos.line,
                    d->pos.col > 0 ? d->pos.col : 1, sev, msg);
        else
            fprintf(stderr, "%s: %s: %s\n", d->file ? d->file : "folio", sev, msg);
    }
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
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%.*s%s%.*s%s", (int)dlen, dir, dlen ? "/" : "", (int)blen, base, ext);
    return p;
}

typedef struct job {
    folio_ctx *ctx;
    const folio_layout *layout;
    const folio_flow *flow;
    const folio_fonts *fonts;
} job;

static int write_pdf(const char *path, void *arg)
{
    job *j = arg;
    return folio_pdf_write(j->ctx, j->layout, j->fonts, path);
}

static int write_docx(const char *path, void *arg)
{
    job *j = arg;
    return folio_docx_write(j->ctx, j->flow, path);
}

static int write_trace(folio_ctx *ctx, const char *path, const folio_layout *l)
{
    if (!strcmp(path, "-"))
        return folio_layout_trace(l, stdout);
    FILE *f = fopen(path, "w");
    if (!f)
        return folio_error(ctx, FOLIO_E_IO, (folio_pos){0, 0}, "cannot write %s", path);
    int rc = folio_layout_trace(l, f);
    if (fclose(f) != 0 && !rc)
        rc = FOLIO_E_IO;
    return rc;
}

int cli_render(const render_opts *o)
{
    folio_ctx ctx;
    folio_report *report = NULL;
    folio_flow *flow = NULL;
    folio_fonts *fonts = NULL;
    folio_layout *layout = NULL;
    char *data = NULL, *pdf = NULL, *docx = NULL;
    size_t len = 0;
    int rc;

    folio_ctx_init(&ctx, o->input);
    if ((rc = folio_read_file(&ctx, o->input, 0, &data, &len)) ||
        (rc = folio_read_markdown(&ctx, data, len, o->input, NULL, &report)) ||
        (rc = folio_style_apply(&ctx, report, &o->style, &flow)))
        goto done;
    if (o->want_pdf || o->trace) {
        if ((rc = folio_fonts_load(&ctx, o->fonts_dir, &fonts)) ||
            (rc = folio_layout_run(&ctx, flow, fonts, &layout)))
            goto done;
    }
    if (o->trace && (rc = write_trace(&ctx, o->trace, layout)))
        goto done;
    job j = {&ctx, layout, flow, fonts};
    if (o->want_pdf) {
        if (!(pdf = output_path(o->input, o->outdir, ".pdf"))) {
            rc = FOLIO_E_NOMEM;
            goto done;
        }
        if ((rc = cli_write_atomic(&ctx, pdf, write_pdf, &j)))
            goto done;
    }
    if (o->want_docx) {
        if (!(docx = output_path(o->input, o->outdir, ".docx"))) {
            rc = FOLIO_E_NOMEM;
            goto done;
        }
        if ((rc = cli_write_atomic(&ctx, docx, write_docx, &j)))
            goto done;
    }
    if (!o->quiet) {
        if (pdf)
            fprintf(stderr, "folio: wrote %s (%zu pages)\n", pdf, layout->npages);
        if (docx)
            fprintf(stderr, "folio: wrote %s\n", docx);
    }
done:
    if (rc == FOLIO_E_NOMEM && !ctx.nerrors)
        folio_error(&ctx, rc, (folio_pos){0, 0}, "out of memory");
    cli_print_diags(&ctx);
    folio_layout_free(layout);
    folio_fonts_free(fonts);
    folio_flow_free(flow);
    folio_report_free(report);
    folio_ctx_free(&ctx);
    free(data);
    free(pdf);
    free(docx);
    return rc == 0 ? EXIT_OK : rc == FOLIO_E_USAGE ? EXIT_USAGE : EXIT_INPUT;
}
