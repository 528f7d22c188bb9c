/* folio — fonts: the TrueType faces folio embeds and their metrics.
 *
 * Faces 0 to 3 are the house font (the bundled Liberation Serif: regular,
 * bold, italic, bold italic), loaded with folio_fonts_load. Further faces
 * (a language's Chinese or Arabic face) are found by name through
 * fontconfig when a document first asks for them (folio_fonts_find) and
 * take the next ids; a face once loaded never changes. Loading is guarded
 * by a lock, so one folio_fonts may be shared by threads. */
#ifndef FOLIO_FONTS_H
#define FOLIO_FONTS_H

#include "style/flow.h"

typedef struct folio_fonts folio_fonts;
struct hb_font_t;
struct hb_face_t;

/* Faces of one process: the four house faces and those found by name
 * (an item keeps its face in a byte, the layout a 32-bit set of them). */
#define FOLIO_FONTS_MAX 32

/* Load the four faces of the house font from `dir` (NULL: the installed or
 * built-in search path). Each file is checked with FreeType first. */
int folio_fonts_load(folio_ctx *ctx, const char *dir, folio_fonts **out);
void folio_fonts_free(folio_fonts *f);

/* The face named `name` — a family ("Noto Naskh Arabic") or a full name
 * ("Noto Naskh Arabic Bold", "Liberation Serif Italic") — into *face: a
 * house face when the house font has that name, else the installed font
 * fontconfig knows by it, loaded on first use. Returns 0, 1 when no
 * installed font has that name (fontconfig's substitutes do not count),
 * or an error (a font that cannot be read). */
int folio_fonts_find(folio_ctx *ctx, const folio_fonts *f, const char *name, int *face);

/* Path of the TrueType file of a face (borrowed), and the face's index in
 * it (a .ttc collection holds several). */
const char *folio_fonts_path(const folio_fonts *f, int face);
int folio_fonts_index(const folio_fonts *f, int face);
/* The name the face was asked for by ("AR PL UMing CN"); the house faces
 * have none (NULL). */
const char *folio_fonts_name(const folio_fonts *f, int face);
/* The face as HarfBuzz shapes and subsets it, made on first use (NULL when
 * out of memory); read-only, shareable. */
struct hb_font_t *folio_fonts_hb(const folio_fonts *f, int face);
/* Units per em of a face. */
unsigned folio_fonts_upem(const folio_fonts *f, int face);

/* Advance of a code point in 1/1000 em, as libharu writes it (rounded
 * down); -1 when the face has no glyph for it. */
int folio_glyph_width(const folio_fonts *f, int face, uint32_t cp);
/* Advance of glyph `gid` in 1/1000 em, as libharu writes it; 0 past the
 * font's glyphs. */
int folio_gid_width(const folio_fonts *f, int face, unsigned gid);
/* Width of UTF-8 text at `size` (mpt), in mpt. Missing glyphs count as a
 * space. */
int32_t folio_text_width(const folio_fonts *f, int face, int32_t size,
                         const char *utf8, size_t len);

/* Find an installed font by name with fontconfig (font_find.c): its file
 * (malloc'd) and face index; 0 when found, 1 when no font has that family
 * or full name, FOLIO_E_NOMEM. */
int folio_fc_lookup(const char *name, char **path, int *index);

#endif
