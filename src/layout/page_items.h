/* Putting items straight onto a page (page_items.c). */
#ifndef FOLIO_LAYOUT_PAGE_ITEMS_H
#define FOLIO_LAYOUT_PAGE_ITEMS_H

#include "layout/layout_internal.h"

/* Text `s` (NUL-terminated; nothing when empty) at baseline (x, y). */
int page_text(lctx *L, folio_page *p, folio_face face, int32_t size, int32_t x,
              int32_t y, const char *s);
/* A horizontal rule from (x, y), `w` long, `t` thick. */
int page_rule(lctx *L, folio_page *p, int32_t x, int32_t y, int32_t w, int32_t t);

#endif
