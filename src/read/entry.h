/* What every reader's public entry point does around its own reading. */
#ifndef FOLIO_READ_ENTRY_H
#define FOLIO_READ_ENTRY_H

#include "folio/read.h"

typedef int (*folio_reader)(folio_ctx *ctx, const char *data, size_t len, const char *name,
                            const folio_read_options *opt, const folio_house *house,
                            folio_report **out);

/* Run `read`; an allocation failure it could not report, or an error it
 * reported without failing, makes the read fail (folio_ctx_settle); a
 * failed read leaves *out NULL and frees what it made. */
int folio_read_entry(folio_reader read, folio_ctx *ctx, const char *data, size_t len,
                     const char *name, const folio_read_options *opt,
                     const folio_house *house, folio_report **out);

#endif
