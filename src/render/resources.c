/* Resources: the fonts (loaded and measured once) and the house style
 * (loaded once, given, or the process's default house), shared read-only
 * by every render that is given them. */
#include <stdlib.h>

#include "render/resources.h"
#include "util/ctx.h"
#include "util/mem.h"
#include "util/version.h"

int folio_resources_options_init(folio_resources_options *o, unsigned version)
{
    static const folio_resources_options init = FOLIO_RESOURCES_OPTIONS_INIT;
    if (!o || version < 1 || version > FOLIO_RESOURCES_OPTIONS_VERSION)
        return FOLIO_E_USAGE;
    *o = init;
    o->version = version;
    return 0;
}

int folio_resources_load(folio_ctx *ctx, const folio_resources_options *opt,
                         folio_resources **out)
{
    folio_resources *res = NULL;
    unsigned long failures = folio_mem_failures();
    size_t errors = ctx ? ctx->nerrors : 0;
    int rc;
    *out = NULL;
    if (opt && (rc = folio_check_version(ctx, opt->version, FOLIO_RESOURCES_OPTIONS_VERSION,
                                         "folio_resources_options")))
        return rc;
    if (!(res = folio_calloc(1, sizeof *res))) {
        rc = FOLIO_E_NOMEM;
        goto done;
    }
    if (opt && opt->house)
        res->house = opt->house;
    else if (opt && opt->style_path)
        rc = folio_house_load(ctx, opt->style_path, &res->own_house);
    else
        rc = folio_house_default(ctx, &res->house);
    if (rc)
        goto done;
    if (res->own_house)
        res->house = res->own_house;
    if ((rc = folio_fonts_load(ctx, opt ? opt->fonts_dir : NULL, &res->fonts)))
        goto done;
    *out = res;
    res = NULL;
done:
    if ((rc = folio_ctx_settle(ctx, failures, errors, rc))) {
        folio_resources_free(*out);
        *out = NULL;
    }
    folio_resources_free(res);
    return rc;
}

void folio_resources_free(folio_resources *res)
{
    if (!res)
        return;
    folio_fonts_free(res->fonts);
    folio_house_free(res->own_house);
    free(res);
}

const folio_house *folio_resources_house(const folio_resources *res)
{
    return res ? res->house : NULL;
}
