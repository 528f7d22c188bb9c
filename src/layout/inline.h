/* Text in the language's faces on one line (inline.c). */
#ifndef FOLIO_LAYOUT_INLINE_H
#define FOLIO_LAYOUT_INLINE_H

#include "layout/layout_internal.h"

/* A piece of text in one face at one bidirectional level, to be shaped
 * and placed: its left edge at x, baseline y, glyphs scaled by hscale
 * (1/1000; 0 none). With `mirror` (not 0), x is measured from the right:
 * the piece's left edge is mirror - x - its width. */
typedef struct folio_glyph_run {
    const char *text;
    size_t len;
    int face, level;
    int32_t size;
    int32_t x, y;
    int32_t hscale;
    int32_t mirror;
    uint32_t sid;            /* its structure element or artifact kind */
    unsigned char word_start;/* a word space comes before it in the text */
} folio_glyph_run;

/* Shape the piece and append its glyphs to `out` as items (a new item
 * where the writer's pen must jump); its width into *width. */
int folio_place_glyphs(lctx *L, itemlist *out, const folio_glyph_run *r, int32_t *width);

/* Is the text set by the house font alone, left to right (one plain
 * item)? `rtl`: the base direction, 1 right to left, 0 left to right, -1
 * the first strong letter's. */
int folio_inline_plain(lctx *L, const char *s, size_t len, int rtl);
/* Width of a short text in role `role` (a face, or FOLIO_ROLE_HEADINGS). */
int32_t folio_inline_width(lctx *L, int role, int32_t size, const char *s, size_t len,
                           int rtl);
/* Set a short text on one line from x (its left edge), baseline y: split
 * by face, in visual order, shaped; its items of structure element `sid`.
 * Its width into *width (may be NULL). */
int folio_inline_place(lctx *L, itemlist *out, int role, int32_t size, int32_t x, int32_t y,
                       const char *s, size_t len, int rtl, uint32_t sid, int32_t *width);

#endif
