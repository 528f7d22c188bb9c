/* The readers' versioned options, their defaults, and what every
 * reader's entry point does around its reading. */
#include "read/entry.h"
#include "util/ctx.h"
#include "util/mem.h"

int folio_read_options_init(folio_read_options *o, unsigned version)
{
    static const folio_read_options init = FOLIO_READ_OPTIONS_INIT;
    if (!o || version < 1 || version > FOLIO_READ_OPTIONS_VERSION)
        return FOLIO_E_USAGE;
    *o = init;
    o->version = version;
    return 0;
}

int folio_read_entry(folio_reader read, folio_ctx *ctx, const char *data, size_t len,
                     const char *name, const folio_read_options *opt,
                     const folio_house *house, folio_report **out)
{
    unsigned long failures = folio_mem_failures();
    size_t errors = folio_ctx_errors(ctx);
    int rc = folio_ctx_settle(ctx, failures, errors, read(ctx, data, len, name, opt, house, out));
    if (rc) {
        folio_report_free(*out);
        *out = NULL;
    }
    return rc;
}
