/* folio — fonts: the TrueType faces folio embeds and their metrics.
 * Loaded once per process (FreeType), then read-only: safe to share. */
#ifndef FOLIO_FONTS_H
#define FOLIO_FONTS_H

#include "style/flow.h"

typedef struct folio_fonts folio_fonts;

/* Load the four faces of the house font from `dir` (NULL: the installed or
 * built-in search path). Each file is checked with FreeType first. */
int folio_fonts_load(folio_ctx *ctx, const char *dir, folio_fonts **out);
void folio_fonts_free(folio_fonts *f);

/* Path of the TrueType file of a face (borrowed). */
const char *folio_fonts_path(const folio_fonts *f, folio_face face);
/* Advance of a code point in 1/1000 em, as libharu writes it (rounded
 * down); -1 when the face has no glyph for it. */
int folio_glyph_width(const folio_fonts *f, folio_face face, uint32_t cp);
/* Width of UTF-8 text at `size` (mpt), in mpt. Missing glyphs count as a
 * space. */
int32_t folio_text_width(const folio_fonts *f, folio_face face, int32_t size,
                         const char *utf8, size_t len);

#endif
