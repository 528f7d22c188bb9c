/* The layout stage: sets every styled block, then builds the pages. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/blockset.h"
#include "layout/script.h"
#include "util/text.h"
#include "util/mem.h"

/* Contents entries print the pages of the blocks they name: lay the
 * document out once to learn them (an entry's page column has the same
 * width whatever its number, so the second pass breaks every line and
 * page as the first did). */
static int contents_pages(lctx *L)
{
    const folio_flow *f = L->flow;
    size_t k = 0;
    while (k < f->nblocks && !f->blocks[k].toc_target)
        k++;
    if (k == f->nblocks || !f->page_of)
        return 0;
    L->block_page = f->page_of; /* the flow's, so that the DOCX has them too */
    folio_arena *a = folio_arena_new();
    folio_layout *scratch = a ? folio_alloc(a, sizeof *scratch) : NULL;
    blockset bs = {0};
    int rc = 0;
    if (!scratch) {
        folio_arena_free(a);
        return FOLIO_E_NOMEM;
    }
    scratch->arena = a;
    scratch->flow = f;
    if (!(scratch->glyphs = folio_glyph_map_new(a))) {
        folio_arena_free(a);
        return FOLIO_E_NOMEM;
    }
    lctx P = *L;
    P.a = a;
    P.out = scratch;
    /* the scratch pass says nothing: the real one says it all again (and
     * fails where it failed) */
    folio_ctx *quiet = NULL;
    if (!(rc = folio_ctx_new(NULL, &quiet))) {
        P.ctx = quiet;
        if (!(rc = folio_blockset_init(&bs, f->nblocks)))
            rc = folio_build_pages(&P, &bs);
    }
    folio_ctx_free(quiet);
    folio_blockset_free(&bs);
    folio_layout_free(scratch);
    return rc == FOLIO_E_NOMEM ? rc : 0;
}

int folio_layout_run(folio_ctx *ctx, const folio_flow *flow, const folio_fonts *fonts,
                     folio_layout **out)
{
    int rc = 0;
    folio_arena *a = folio_arena_new();
    folio_layout *l = a ? folio_alloc(a, sizeof *l) : NULL;
    blockset bs = {0};
    *out = NULL;
    if (!l) {
        rc = FOLIO_E_NOMEM;
        goto done;
    }
    l->arena = a;
    l->flow = flow;
    l->width = flow->page.width;
    l->height = flow->page.height;
    l->title = flow->mast.title;
    l->subject = flow->mast.symbol;
    l->author = "United Nations";
    l->lang = flow->lang_tag;
    l->date_epoch = flow->date_epoch;
    lctx L = {ctx, a, flow, fonts, l, NULL, NULL, {0, 0, 0}};
    if (!(l->glyphs = folio_glyph_map_new(a))) {
        rc = FOLIO_E_NOMEM;
        goto done;
    }
    /* the structure first: the contents' first pass sets blocks too */
    folio_tagplan plan;
    if ((rc = folio_tag_plan(&L, &plan)))
        goto done;
    L.plan = &plan;
    if ((rc = contents_pages(&L)))
        goto done;
    if ((rc = folio_blockset_init(&bs, flow->nblocks)) || (rc = folio_build_pages(&L, &bs)) ||
        (rc = folio_layout_check_on_page(ctx, l, fonts)))
        goto done;
    for (int i = FOLIO_FACE_COUNT; i < FOLIO_FONTS_MAX; i++)
        if (l->faces_used & (1u << i))
            l->face_name[i] = folio_fonts_name(fonts, i);
    *out = l;
    l = NULL;
    a = NULL;
done:
    folio_blockset_free(&bs);
    if (l)
        folio_layout_free(l); /* l lives in a */
    else
        folio_arena_free(a);  /* the arena came, its first block did not */
    return rc;
}

void folio_layout_free(folio_layout *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->npages; i++)
        free(l->pages[i].items); /* page items grow on the heap */
    folio_arena_free(l->arena);
}
