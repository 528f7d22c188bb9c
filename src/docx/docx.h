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

/* A Word template (.dotx) of the house style for the options' station and
 * language: the paragraph and character styles, the numbering lists, the
 * page set-up with its headers and footers, an empty body; written to
 * `path` (the caller writes to a temporary name and renames). */
int folio_docx_write_template(folio_ctx *ctx, const folio_style_options *opt,
                              const folio_fonts *fonts, const char *path);
/* The same, to a file or into memory. */
int folio_docx_write_template_to(folio_ctx *ctx, const folio_style_options *opt,
                                 const folio_fonts *fonts, const folio_dest *dest);

#endif
