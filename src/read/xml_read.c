/* folio_read_xml: report XML (docs/report-xml.md) or Akoma Ntoso
 * (docs/akn.md) into the report model. Both are parsed the same secure
 * way; the root element says which builder takes the tree. */
#include "folio/read.h"
#include "model/limits.h"
#include "model/model.h"
#include "read/entry.h"
#include "read/xml_internal.h"
#include "util/ctx.h"
#include "util/mem.h"
#include "util/version.h"

enum {
    DEFAULT_MAX_DEPTH = 256,            /* also libxml2's own limit */
};
#define DEFAULT_MAX_BYTES ((size_t)64 << 20)

static int read_xml(folio_ctx *ctx, const char *data, size_t len, const char *name,
                    const folio_read_options *opt, const folio_house *house,
                    folio_report **out)
{
    size_t max_bytes = opt && opt->max_bytes ? opt->max_bytes : DEFAULT_MAX_BYTES;
    int max_depth = opt && opt->max_depth > 0 ? opt->max_depth : DEFAULT_MAX_DEPTH;
    folio_limits lim = folio_limits_of(opt);
    folio_report *rep = NULL;
    xmlDocPtr doc = NULL;
    int rc;
    *out = NULL;
    if (opt && (rc = folio_check_version(ctx, opt->version, FOLIO_READ_OPTIONS_VERSION,
                                         "folio_read_options")))
        return rc;
    if ((rc = folio_ctx_name(ctx, name)))
        return rc;
    if (len > max_bytes) {
        rc = folio_error(ctx, FOLIO_E_LIMIT, (folio_pos){0, 0},
                         "input is %zu bytes, more than the limit of %zu", len, max_bytes);
        goto done;
    }
    if ((rc = folio_house_or_default(ctx, house, &house)) ||
        (rc = folio_xml_parse(ctx, data, len, &doc)))
        goto done;
    if ((rc = folio_report_new(ctx, name, &rep)))
        goto done;
    if (folio_xml_is_akn(doc))
        rc = folio_akn_build(ctx, house, doc, data, len, max_depth, rep);
    else if (!(rc = folio_xml_validate(ctx, doc)))
        rc = folio_xml_build(ctx, house, doc, max_depth, rep);
    if (rc)
        goto done;
    if ((rc = folio_report_check_limits(ctx, rep, &lim)))
        goto done;
    *out = rep;
    rep = NULL;
done:
    folio_report_free(rep);
    xmlFreeDoc(doc);
    return rc;
}

int folio_read_xml(folio_ctx *ctx, const char *data, size_t len, const char *name,
                   const folio_read_options *opt, const folio_house *house,
                   folio_report **out)
{
    return folio_read_entry(read_xml, ctx, data, len, name, opt, house, out);
}
