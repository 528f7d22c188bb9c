/* folio — the PDF writer (libharu): draws a laid-out document. */
#ifndef FOLIO_PDF_H
#define FOLIO_PDF_H

#include "folio/layout.h"

/* Write `l` to `path` (the caller writes to a temporary name and renames). */
int folio_pdf_write(folio_ctx *ctx, const folio_layout *l,
                    const folio_fonts *fonts, const char *path);

#endif
