/* folio_render: a report through the pipeline — limits, style, layout,
 * PDF and DOCX — for any caller (the command line's render and batch are
 * two). */
#include <stdlib.h>
#include <string.h>

#include "docx/docx.h"
#include "model/limits.h"
#include "pdf/pdf.h"
#include "render/render_internal.h"
#include "render/resources.h"
#include "util/mem.h"

enum { OUT_PDF, OUT_DOCX, NOUTS };

typedef struct pipeline {
    folio_layout *layout;    /* its items are freed as the PDF is drawn */
    const folio_flow *flow;
    const folio_fonts *fonts;
} pipeline;

static int write_pdf(folio_ctx *ctx, const folio_dest *dest, void *arg)
{
    pipeline *p = arg;
    return folio_pdf_write_release_to(ctx, p->layout, p->fonts, dest);
}

static int write_docx(folio_ctx *ctx, const folio_dest *dest, void *arg)
{
    const pipeline *p = arg;
    return folio_docx_write_to(ctx, p->flow, dest);
}

static int trace(folio_ctx *ctx, const folio_render_options *opt, const folio_layout *l)
{
    char *text = NULL;
    size_t len = 0;
    int rc = folio_layout_trace(l, &text, &len);
    if (!rc)
        rc = opt->trace(text, len, opt->trace_arg);
    free(text);
    (void)ctx;
    return rc;
}

int folio_render(folio_ctx *ctx, const folio_report *r, const folio_resources *res,
                 const folio_render_options *opt, folio_output *out)
{
    static const folio_render_options nothing = FOLIO_RENDER_OPTIONS_INIT;
    folio_render_out outs[NOUTS];
    folio_resources *own = NULL;
    folio_flow *flow = NULL;
    folio_layout *layout = NULL;
    unsigned long failures = folio_mem_failures();
    size_t errors;
    int rc;
    memset(outs, 0, sizeof outs);
    if (out)
        memset(out, 0, sizeof *out);
    if (!ctx)
        return FOLIO_E_USAGE;
    errors = ctx->nerrors;
    if (!opt)
        opt = &nothing;
    if ((rc = folio_check_version(ctx, opt->version, FOLIO_RENDER_OPTIONS_VERSION,
                                  "folio_render_options")))
        return rc;
    if (opt->to_memory & ~(unsigned)(FOLIO_PDF | FOLIO_DOCX))
        return folio_error(ctx, FOLIO_E_USAGE, (folio_pos){0, 0},
                           "folio_render: to_memory 0x%X: only FOLIO_PDF and FOLIO_DOCX",
                           opt->to_memory);
    if (!r)
        return folio_error(ctx, FOLIO_E_USAGE, (folio_pos){0, 0}, "folio_render: no report");
    if (opt->to_memory && !out)
        return folio_error(ctx, FOLIO_E_USAGE, (folio_pos){0, 0},
                           "folio_render: outputs wanted in memory, but no folio_output");
    outs[OUT_PDF].path = opt->pdf_path;
    outs[OUT_PDF].memory = (opt->to_memory & FOLIO_PDF) != 0;
    outs[OUT_DOCX].path = opt->docx_path;
    outs[OUT_DOCX].memory = (opt->to_memory & FOLIO_DOCX) != 0;
    int want_pdf = outs[OUT_PDF].path || outs[OUT_PDF].memory;
    int want_docx = outs[OUT_DOCX].path || outs[OUT_DOCX].memory;

    folio_limits lim = {opt->max_notes, opt->max_table_cells, opt->max_paragraph_bytes};
    if (!res && !(rc = folio_resources_load(ctx, NULL, &own)))
        res = own;
    if (rc || (rc = folio_render_check_options(ctx, opt, res->house)) ||
        (rc = folio_report_check_limits(ctx, r, &lim)))
        goto done;
    folio_style_options style = {res->house, opt->station, opt->language,
                                 opt->symbol, opt->job_number, opt->date};
    if ((rc = folio_style_apply(ctx, r, &style, res->fonts, &flow)))
        goto done;
    /* a DOCX alone needs the layout too when it has contents: their
     * entries cache the pages the layout finds (the flow's page_of) */
    int need_pages = want_docx && flow->page_of;
    if ((want_pdf || opt->trace || need_pages) &&
        (rc = folio_layout_run(ctx, flow, res->fonts, &layout)))
        goto done;
    if (opt->trace && (rc = trace(ctx, opt, layout)))
        goto done;
    size_t pages = layout ? layout->npages : 0;
    pipeline p = {layout, flow, res->fonts};
    if (want_pdf && (rc = folio_render_write(ctx, &outs[OUT_PDF], write_pdf, &p)))
        goto done;
    if (want_docx && (rc = folio_render_write(ctx, &outs[OUT_DOCX], write_docx, &p)))
        goto done;
    /* an allocation failed that could not say so (a libxml2 writer call,
     * a lost warning): the outputs may lack something */
    if (folio_mem_failures() != failures) {
        rc = FOLIO_E_NOMEM;
        goto done;
    }
    if ((rc = folio_render_commit(ctx, outs, NOUTS)))
        goto done;
    if (out) {
        *out = (folio_output){outs[OUT_PDF].data, outs[OUT_PDF].len, outs[OUT_DOCX].data,
                              outs[OUT_DOCX].len, pages};
        outs[OUT_PDF].data = outs[OUT_DOCX].data = NULL;
    }
done:
    rc = folio_ctx_settle(ctx, failures, errors, rc);
    folio_render_discard(outs, NOUTS);
    folio_layout_free(layout);
    folio_flow_free(flow);
    folio_resources_free(own);
    return rc;
}

void folio_output_free(folio_output *out)
{
    if (!out)
        return;
    free(out->pdf);
    free(out->docx);
    memset(out, 0, sizeof *out);
}
