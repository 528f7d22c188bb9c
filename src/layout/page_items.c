/* Items straight onto a page: the masthead, footers and running heads. */
#include <stdlib.h>
#include <string.h>

#include "layout/inline.h"
#include "layout/page_items.h"
#include "util/mem.h"

int folio_page_push(lctx *L, folio_page *p, const folio_item *it)
{
    if (p->nitems == p->cap) {
        /* on the heap, not the arena: a grown array frees its old copy */
        size_t cap = p->cap ? p->cap * 2 : 256;
        folio_item *v = folio_realloc(p->items, cap * sizeof *v);
        if (!v)
            return FOLIO_E_NOMEM;
        p->items = v;
        p->cap = cap;
    }
    p->items[p->nitems++] = *it;
    if (it->kind == FOLIO_ITEM_TEXT)
        L->out->faces_used |= 1u << it->face;
    return 0;
}

void folio_page_trim(folio_page *p)
{
    /* room for the running head and page number still to come */
    size_t cap = p->nitems + 8;
    if (cap >= p->cap)
        return;
    /* A fresh block of the exact size rather than realloc: shrinking in
     * place leaves the tail as a free fragment too small for the next
     * page's array, a quarter of the items' memory in a long report. The
     * whole old block is reused by the next page instead. */
    folio_item *v = folio_malloc(cap * sizeof *v);
    if (!v)
        return; /* keeping the larger array is fine */
    memcpy(v, p->items, p->nitems * sizeof *v);
    free(p->items);
    p->items = v;
    p->cap = cap;
}

/* A text the house font cannot set alone, or not left to right: set in
 * the language's faces, in visual order (inline.c). */
static int mixed_text(lctx *L, folio_page *p, folio_face face, int32_t size, int32_t x,
                      int32_t y, const char *s, size_t n)
{
    itemlist items = {0};
    int rc = folio_inline_place(L, &items, face, size, x, y, s, n, -1, L->tag.text, NULL);
    for (size_t i = 0; i < items.n && !rc; i++)
        rc = folio_page_push(L, p, &items.v[i]);
    return rc;
}

int folio_page_text_n(lctx *L, folio_page *p, folio_face face, int32_t size, int32_t x,
                int32_t y, const char *s, size_t n)
{
    folio_item it = {0};
    if (!s || !n)
        return 0;
    if (!folio_inline_plain(L, s, n, -1))
        return mixed_text(L, p, face, size, x, y, s, n);
    if (n > UINT32_MAX) /* items keep 32-bit lengths */
        return folio_error(L->ctx, FOLIO_E_LIMIT, (folio_pos){0, 0},
                           "a text of %zu bytes is too long to set", n);
    it.kind = FOLIO_ITEM_TEXT;
    it.sid = L->tag.text;
    it.x = x;
    it.y = y;
    it.face = face;
    it.size = size;
    it.text = s;
    it.len = n;
    return folio_page_push(L, p, &it);
}

int folio_page_text(lctx *L, folio_page *p, folio_face face, int32_t size, int32_t x,
              int32_t y, const char *s)
{
    return s ? folio_page_text_n(L, p, face, size, x, y, s, strlen(s)) : 0;
}

int folio_page_art(lctx *L, folio_page *p, const folio_art *art, int32_t x, int32_t y,
             int32_t w, int32_t h)
{
    folio_item it = {0};
    it.kind = FOLIO_ITEM_ART;
    it.sid = L->tag.text;
    it.art = art;
    it.x = x;
    it.y = y;
    it.w = w;
    it.h = h;
    return folio_page_push(L, p, &it);
}

int folio_page_rule(lctx *L, folio_page *p, int32_t x, int32_t y, int32_t w, int32_t t)
{
    folio_item it = {0};
    it.kind = FOLIO_ITEM_RULE;
    it.x = x;
    it.y = y;
    it.w = w;
    it.thickness = t;
    return folio_page_push(L, p, &it);
}
