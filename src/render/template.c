/* folio_render_template: the house style as a Word template (.dotx), for
 * editors who start a UN document in Word (folio template). */
#include <string.h>

#include "docx/docx.h"
#include "render/render_internal.h"
#include "render/resources.h"
#include "util/mem.h"

typedef struct tpl {
    const folio_style_options *style;
    const folio_fonts *fonts;
} tpl;

static int write_template(folio_ctx *ctx, const folio_dest *dest, void *arg)
{
    const tpl *t = arg;
    return folio_docx_write_template_to(ctx, t->style, t->fonts, dest);
}

int folio_render_template(folio_ctx *ctx, const folio_resources *res,
                          const folio_render_options *opt, folio_output *out)
{
    folio_render_out o;
    folio_resources *own = NULL;
    unsigned long failures = folio_mem_failures();
    size_t errors;
    int rc;
    memset(&o, 0, sizeof o);
    if (out)
        memset(out, 0, sizeof *out);
    if (!ctx)
        return FOLIO_E_USAGE;
    errors = ctx->nerrors;
    if (!opt || (rc = folio_check_version(ctx, opt->version, FOLIO_RENDER_OPTIONS_VERSION,
                                          "folio_render_options")))
        return opt ? rc : folio_error(ctx, FOLIO_E_USAGE, (folio_pos){0, 0},
                                      "folio_render_template: no options");
    o.path = opt->docx_path;
    o.memory = (opt->to_memory & FOLIO_DOCX) != 0;
    if (o.memory && !out)
        return folio_error(ctx, FOLIO_E_USAGE, (folio_pos){0, 0},
                           "folio_render_template: a template wanted in memory, but no "
                           "folio_output");
    if (!o.path && !o.memory)
        return folio_error(ctx, FOLIO_E_USAGE, (folio_pos){0, 0},
                           "folio_render_template: no docx_path and no FOLIO_DOCX in "
                           "to_memory");
    if (!res && !(rc = folio_resources_load(ctx, NULL, &own)))
        res = own;
    if (rc || (rc = folio_render_check_options(ctx, opt, res->house)))
        goto done;
    folio_style_options style = {res->house, opt->station, opt->language,
                                 opt->symbol, opt->job_number, opt->date};
    tpl t = {&style, res->fonts};
    if ((rc = folio_render_write(ctx, &o, write_template, &t)))
        goto done;
    if (folio_mem_failures() != failures) {
        rc = FOLIO_E_NOMEM;
        goto done;
    }
    if ((rc = folio_render_commit(ctx, &o, 1)))
        goto done;
    if (out) {
        out->docx = o.data;
        out->docx_len = o.len;
        o.data = NULL;
    }
done:
    rc = folio_ctx_settle(ctx, failures, errors, rc);
    folio_render_discard(&o, 1);
    folio_resources_free(own);
    return rc;
}
