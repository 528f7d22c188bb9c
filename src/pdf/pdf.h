/* folio — the PDF writer (libharu): draws a laid-out document. */
#ifndef FOLIO_PDF_H
#define FOLIO_PDF_H

#include "layout/layout.h"
#include "util/dest.h"

/* Write `l` to `path` (the caller writes to a temporary name and renames). */
int folio_pdf_write(folio_ctx *ctx, const folio_layout *l,
                    const folio_fonts *fonts, const char *path);
/* The same, for a caller done with the layout's items: each page's items
 * are freed as soon as the page is drawn (the pages stay, empty), so a
 * long report never holds its items and its PDF objects at once. */
int folio_pdf_write_release(folio_ctx *ctx, folio_layout *l,
                            const folio_fonts *fonts, const char *path);
/* folio_pdf_write_release to a file or into memory. */
int folio_pdf_write_release_to(folio_ctx *ctx, folio_layout *l,
                               const folio_fonts *fonts, const folio_dest *dest);

#endif
