/* A set block's storage: its items, its lines, the notes its lines cite.
 * Every setter (paragraphs, shaped runs, tables, the masthead) appends
 * through these. */
#include <string.h>

#include "layout/layout_internal.h"
#include "util/vec.h"

int folio_items_push(folio_arena *a, itemlist *l, const folio_item *it)
{
    if (FOLIO_ARENA_VEC_ROOM(a, l->v, l->n, l->cap, 64))
        return FOLIO_E_NOMEM;
    l->v[l->n++] = *it;
    return 0;
}

vline *folio_vblock_line(lctx *L, vblock *b, int32_t height)
{
    if (FOLIO_ARENA_VEC_ROOM(L->a, b->lines, b->nlines, b->cap, 8))
        return NULL;
    vline *ln = &b->lines[b->nlines++];
    memset(ln, 0, sizeof *ln);
    ln->height = height;
    ln->item0 = b->items.n;
    ln->note0 = b->nnotes;
    return ln;
}

int folio_vblock_note(lctx *L, vblock *b, vline *line, const folio_fnote *n)
{
    if (FOLIO_ARENA_VEC_ROOM(L->a, b->notes, b->nnotes, b->notes_cap, 8))
        return FOLIO_E_NOMEM;
    b->notes[b->nnotes++] = n;
    line->nnotes++;
    return 0;
}
