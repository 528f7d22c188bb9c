/* The blocks of a flow, set on demand and released once placed, so layout
 * holds a few blocks at a time instead of the whole document's lines. */
#ifndef FOLIO_LAYOUT_BLOCKSET_H
#define FOLIO_LAYOUT_BLOCKSET_H

#include "layout/layout_internal.h"

typedef struct blockset {
    size_t n;
    vblock *v;               /* block i, valid while arena[i] is set */
    folio_arena **arena;     /* each block's own arena, NULL when not set */
    uint8_t *warned;         /* code points already reported as missing */
} blockset;

int folio_blockset_init(blockset *bs, size_t n);
void folio_blockset_free(blockset *bs);
/* Block i, setting it first when needed; NULL on error (*rc says which). */
const vblock *folio_blockset_get(lctx *L, blockset *bs, size_t i, int *rc);
/* Block i has been placed: free its lines and items. */
void folio_blockset_release(blockset *bs, size_t i);

/* Warn once per character that the font cannot draw. */
void folio_warn_missing_glyphs(lctx *L, blockset *bs, const folio_item *items, size_t n,
                         folio_pos pos);

/* Set one styled block into `vb` (block.c). */
int folio_set_block(lctx *L, const folio_fblock *fb, vblock *vb);

#endif
