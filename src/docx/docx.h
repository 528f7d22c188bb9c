/* folio — the DOCX writer (libxml2 + libzip): the styled flow as
 * WordprocessingML; Word paginates it itself. */
#ifndef FOLIO_DOCX_H
#define FOLIO_DOCX_H

#include "style/flow.h"
#include "util/dest.h"

/* Write `f` to `path` (the caller writes to a temporary name and renames). */
int folio_docx_write(folio_ctx *ctx, const folio_flow *f, const char *path);
/* The same, to a file or into memory. */
int folio_docx_write_to(folio_ctx *ctx, const folio_flow *f, const folio_dest *dest);

#endif
