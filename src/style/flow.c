/* The flow being built by the style stage's parts (apply.c, blocks.c,
 * notes.c, furniture.c): a block appended, a style found by name, the
 * flow freed. */
#include <string.h>

#include "style/style_internal.h"
#include "util/vec.h"

const folio_pstyle *folio_flow_style(const folio_flow *f, const char *name)
{
    for (size_t i = 0; i < f->nstyles; i++)
        if (f->styles[i] && f->styles[i]->name && !strcmp(f->styles[i]->name, name))
            return f->styles[i];
    return NULL;
}

folio_fblock *folio_style_push(folio_flow *f, size_t *cap)
{
    if (FOLIO_ARENA_VEC_ROOM(f->arena, f->blocks, f->nblocks, *cap, 256))
        return NULL;
    folio_fblock *b = &f->blocks[f->nblocks++];
    memset(b, 0, sizeof *b);
    return b;
}

void folio_flow_free(folio_flow *f)
{
    if (f)
        folio_arena_free(f->arena);
}
