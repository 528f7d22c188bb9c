/* Putting items straight onto a page (page_items.c). */
#ifndef FOLIO_LAYOUT_PAGE_ITEMS_H
#define FOLIO_LAYOUT_PAGE_ITEMS_H

#include "layout/layout_internal.h"

/* Text and art belong to the structure element L->tag.text; rules are
 * always layout artifacts. */
/* Text `s` (NUL-terminated; nothing when empty) at baseline (x, y). */
int folio_page_text(lctx *L, folio_page *p, folio_face face, int32_t size, int32_t x,
              int32_t y, const char *s);
/* `n` bytes of `s` (not NUL-terminated) at baseline (x, y). */
int folio_page_text_n(lctx *L, folio_page *p, folio_face face, int32_t size, int32_t x,
                int32_t y, const char *s, size_t n);
/* A finished page gives back its spare item slots (it keeps a few for
 * the running head and number added at the end). */
void folio_page_trim(folio_page *p);
/* Artwork scaled into the box (x, y, w, h). */
int folio_page_art(lctx *L, folio_page *p, const folio_art *art, int32_t x, int32_t y,
             int32_t w, int32_t h);
/* A horizontal rule from (x, y), `w` long, `t` thick. */
int folio_page_rule(lctx *L, folio_page *p, int32_t x, int32_t y, int32_t w, int32_t t);

#endif
