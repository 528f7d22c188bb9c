/* Text in several scripts and directions (script.c, bidi.c, shape.c,
 * cjk_break.c): which face sets each character, the bidirectional levels
 * of a paragraph, shaping into glyphs and the private-use codes that draw
 * them, and where text without spaces may break. */
#ifndef FOLIO_LAYOUT_SCRIPT_H
#define FOLIO_LAYOUT_SCRIPT_H

#include "layout/layout.h"

/* ---- scripts and faces (script.c) ------------------------------------- */

/* The script of a code point, or -1 for characters of no script of their
 * own (spaces, punctuation shared by scripts), which take their
 * neighbours'. ASCII and Latin letters, digits and punctuation are Latin. */
int folio_script_of(uint32_t cp);
/* Right-to-left letters (Arabic, Hebrew, Syriac ...). */
int folio_is_rtl_char(uint32_t cp);
/* Characters a shaper must see (joining scripts, marks), and private-use
 * code points, which folio's own codes would shadow. */
int folio_needs_shaper(uint32_t cp);

/* The role of text: its face in a paragraph style whose face is
 * `style_face` (headings: the bold of a bold style). */
int folio_role_of(folio_face style_face, folio_face face);

/* A piece of text in one face at one bidirectional level. */
typedef struct folio_seg {
    size_t start, len;
    uint8_t face, level;
} folio_seg;

typedef struct folio_segs {
    folio_seg *v;
    size_t n, cap;
} folio_segs;

/* Split s[0, len) into pieces of one face and one level: each character in
 * the face of its script for `role`, or the nearest face of the fontset
 * that has it (the Latin face first). `levels`: one per byte, or NULL (all
 * 0). `*ctx` is the script of the text before (-1 none) and is updated.
 * Appends to `out` (malloc'd). */
int folio_segment(const folio_fonts *fonts, const folio_fontset *fs, int role, const char *s,
                  size_t len, const uint8_t *levels, int *ctx, folio_segs *out);

/* Does the text hold a character of a script the language names no face
 * for but the house does (fs->other): it is then set character by
 * character even where the language's faces are the house's. */
int folio_fontset_other_text(const folio_fontset *fs, const char *s, size_t len);

/* ---- bidirectional text (bidi.c) --------------------------------------- */

/* Does text need the bidirectional algorithm: a right-to-left letter or
 * an RTL base direction. */
int folio_bidi_needed(const char *s, size_t len, int rtl);
/* The embedding level of every byte of the UTF-8 text s (levels[len]) in a
 * paragraph of base direction `rtl` (1) or left to right (0); -1 takes the
 * direction of the first strong letter. Returns the paragraph's level, or
 * FOLIO_E_NOMEM. */
int folio_bidi_levels(const char *s, size_t len, int rtl, uint8_t *levels);
/* Visual order of n elements of the given levels (UAX #9 rule L2): order[k]
 * is the element shown k-th from the left. */
void folio_bidi_order(const uint8_t *levels, size_t n, size_t *order);

/* ---- shaping (shape.c) ------------------------------------------------- */

/* A shaped piece of text: its glyphs left to right, each with the code
 * that draws it and its place in 1/1000 em from the piece's start. */
typedef struct folio_shaped {
    uint16_t *code;          /* the glyph's code (a private-use code when
                                the glyph is not the character's own) */
    int32_t *x, *y;          /* place and rise, 1/1000 em */
    int32_t *w;              /* its advance as the PDF's widths say */
    uint32_t *cluster;       /* byte of the text it comes from */
    uint8_t *moved;          /* placed off the pen (a mark above or below
                                its letter): drawn apart, after its word */
    size_t n;
    int32_t advance;         /* the whole width, 1/1000 em */
} folio_shaped;

/* Does a piece in `face` at `level` go through the shaper: odd levels
 * (mirrored brackets) and joining scripts. */
int folio_shape_needed(const char *s, size_t len, int level);
/* Shape s[0, len) in `face` at `level` with HarfBuzz; with `map`, give
 * every glyph a code (the layout's private-use table; ctx for its
 * errors), else measure only (ctx may be NULL). Arrays come from `a`. */
int folio_shape_text(folio_ctx *ctx, const folio_fonts *fonts, folio_glyph_map *map,
                     folio_arena *a, int face, int level, const char *lang, const char *s,
                     size_t len, folio_shaped *out);
/* The layout's table of private-use codes (glyph_map.c), in `a`. */
folio_glyph_map *folio_glyph_map_new(folio_arena *a);
/* The code of glyph `gid` standing for `text` in `face`: the same pair
 * always gets the same code. */
int folio_glyph_code(folio_ctx *ctx, folio_glyph_map *m, int face, unsigned gid,
                     const char *text, size_t len, uint16_t *code);

/* Width of UTF-8 text at `size` in role `role` of a language's fontset,
 * each character in its own face, shaped where it must be (what the
 * furniture plan measures), in mpt. */
int32_t folio_text_width_set(const folio_fonts *fonts, const folio_fontset *fs, int role,
                             int rtl, int32_t size, const char *s, size_t len);

/* ---- breaking text without spaces (cjk_break.c) ------------------------ */

/* Does the text hold characters written without spaces (Han, kana). */
int folio_cjk_text(const char *s, size_t len);
/* Byte offsets (ascending, inside (0, len)) where a line may end within
 * s: ICU's line-break iterator, then the language's rules. Returns the
 * count written to pos (room for len), or FOLIO_E_NOMEM. */
int folio_cjk_breaks(const folio_cjk_rules *r, const char *s, size_t len, size_t *pos);
/* Is cp in `set`, a house style list of characters ("、 | 。 | ，"). */
int folio_in_set(const char *set, uint32_t cp);

#endif
