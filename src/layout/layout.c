/* The layout stage: sets every styled block, then builds the pages. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/blockset.h"
#include "layout/script.h"
#include "util/text.h"
#include "util/mem.h"

/* Bookmark text: the label and the plain text of the runs. */
static const char *plain_text(folio_arena *a, const char *label, const folio_run *r,
                              size_t n)
{
    size_t len = label ? strlen(label) + 1 : 0;
    for (size_t i = 0; i < n; i++)
        if (r[i].kind == FOLIO_RUN_TEXT && r[i].text)
            len += strlen(r[i].text);
    char *s = folio_alloc(a, len + 1), *o = s;
    if (!s)
        return NULL;
    if (label)
        o += sprintf(o, "%s ", label);
    for (size_t i = 0; i < n; i++)
        if (r[i].kind == FOLIO_RUN_TEXT && r[i].text) {
            size_t k = strlen(r[i].text);
            memcpy(o, r[i].text, k);
            o += k;
        }
    *o = 0;
    return s;
}

static int end_rule(lctx *L, vblock *vb)
{
    const folio_flow *f = L->flow;
    vline *ln = folio_vblock_line(L, vb, FOLIO_PT(18));
    if (!ln)
        return FOLIO_E_NOMEM;
    vb->end_rule = 1;
    folio_item it = {0};
    it.kind = FOLIO_ITEM_RULE;
    it.x = (f->page.width - f->end_rule_width) / 2;
    it.y = -FOLIO_PT(4);
    it.w = f->end_rule_width;
    it.thickness = FOLIO_PT(0.5);
    int rc = folio_items_push(L->a, &vb->items, &it);
    ln->nitems = 1;
    return rc;
}

/* A short rule over a block (the notes set under a list): 2.6 cm at the
 * column's edge, in room added above the block's first line. */
static int rule_above(lctx *L, vblock *vb)
{
    const vline *ln = &vb->lines[0];
    folio_item it = {0};
    it.kind = FOLIO_ITEM_RULE;
    it.x = L->flow->page.column_left;
    it.y = -ln->height - FOLIO_PT(2);
    it.w = FOLIO_CM(2.6);
    it.thickness = FOLIO_PT(0.5);
    vb->space_before += FOLIO_PT(9);
    int rc = folio_items_push(L->a, &vb->items, &it);
    if (rc)
        return rc;
    /* it belongs to the first line: move it among that line's items */
    folio_item r = vb->items.v[vb->items.n - 1];
    size_t at = ln->item0 + ln->nitems;
    memmove(&vb->items.v[at + 1], &vb->items.v[at], (vb->items.n - 1 - at) * sizeof r);
    vb->items.v[at] = r;
    vb->lines[0].nitems++;
    for (size_t i = 1; i < vb->nlines; i++)
        vb->lines[i].item0++;
    return 0;
}

int folio_set_block(lctx *L, const folio_fblock *fb, vblock *vb)
{
    int rc = 0;
    switch (fb->kind) {
    case FOLIO_FLOW_PARA:
        rc = fb->toc_entry ? folio_set_entry(L, fb, vb)
                           : folio_set_paragraph(L, fb->style, fb->label, fb->runs, fb->nruns,
                                                 folio_style_box(L->flow, fb->style), vb);
        if (!rc && fb->style->outline_level) {
            vb->outline_level = fb->style->outline_level;
            /* the bookmark outlives the block: in the layout's own arena */
            vb->outline_text = plain_text(L->out->arena, fb->label, fb->runs, fb->nruns);
            if (!vb->outline_text)
                rc = FOLIO_E_NOMEM;
        }
        break;
    case FOLIO_FLOW_TABLE:
        rc = folio_set_table(L, fb, folio_style_box(L->flow, fb->style), vb);
        break;
    case FOLIO_FLOW_PAGE_BREAK:
        vb->page_break_before = 1;
        rc = folio_vblock_line(L, vb, 0) ? 0 : FOLIO_E_NOMEM;
        break;
    case FOLIO_FLOW_END_RULE:
        rc = end_rule(L, vb);
        break;
    }
    vb->box = fb->box;
    if (!rc && fb->rule_above && vb->nlines)
        rc = rule_above(L, vb);
    return rc;
}

int folio_blockset_init(blockset *bs, size_t n)
{
    bs->n = n;
    bs->v = folio_calloc(n + 1, sizeof *bs->v);
    bs->arena = folio_calloc(n + 1, sizeof *bs->arena);
    bs->warned = folio_calloc(0x110000 / 8, 1);
    return bs->v && bs->arena && bs->warned ? 0 : FOLIO_E_NOMEM;
}

/* The faces of the language's body text, for messages: "Liberation
 * Serif, AR PL UMing CN". */
static const char *faces_named(lctx *L)
{
    const folio_fontset *fs = &L->flow->lang.fonts;
    char *s = folio_strdup(L->a, "Liberation Serif");
    for (int sc = 0; s && sc < FOLIO_SCRIPT_COUNT; sc++) {
        int face = fs->face[FOLIO_FACE_REGULAR][sc], seen = face < FOLIO_FACE_COUNT;
        for (int k = 0; k < sc; k++)
            seen |= fs->face[FOLIO_FACE_REGULAR][k] == face;
        if (!seen)
            s = folio_sprintf(L->a, "%s, %s", s, folio_fonts_name(L->fonts, face));
    }
    return s ? s : "";
}

/* Characters the font cannot draw come out blank: say so, once per
 * character, at the first block that uses it. */
void folio_warn_missing_glyphs(lctx *L, blockset *bs, const folio_item *items, size_t n,
                         folio_pos pos)
{
    for (size_t i = 0; i < n; i++) {
        const folio_item *it = &items[i];
        if (it->kind != FOLIO_ITEM_TEXT)
            continue;
        for (size_t k = 0; k < it->len;) {
            uint32_t cp;
            k += (size_t)folio_utf8_next(it->text + k, it->len - k, &cp);
            if (cp >= 0x110000 || folio_glyph_width(L->fonts, it->face, cp) >= 0 ||
                (bs->warned[cp / 8] & (1u << (cp % 8))))
                continue;
            /* a shaped glyph of the character (a mark, a ligature's part)
             * is drawn even where the face maps no glyph to it alone */
            if (it->codes && ((cp >= 0x200B && cp <= 0x200F) || cp == 0x2060 || cp == 0xFEFF))
                continue;
            bs->warned[cp / 8] |= (uint8_t)(1u << (cp % 8));
            if (!L->flow->lang.fonts.mixed)
                folio_warn(L->ctx, pos,
                           "U+%04X cannot be drawn with the house font (Liberation Serif): "
                           "it is left blank in the PDF", (unsigned)cp);
            else
                folio_warn(L->ctx, pos,
                           "U+%04X cannot be drawn with the fonts of the language (%s): "
                           "it is left blank in the PDF", (unsigned)cp,
                           faces_named(L));
        }
    }
}

void folio_blockset_free(blockset *bs)
{
    for (size_t i = 0; bs->arena && i < bs->n; i++)
        folio_arena_free(bs->arena[i]);
    free(bs->v);
    free(bs->arena);
    free(bs->warned);
}

const vblock *folio_blockset_get(lctx *L, blockset *bs, size_t i, int *rc)
{
    *rc = 0;
    if (bs->arena[i])
        return &bs->v[i];
    /* the block's lines and items live in an arena of its own */
    lctx B = *L;
    if (!(B.a = bs->arena[i] = folio_arena_new())) {
        *rc = FOLIO_E_NOMEM;
        return NULL;
    }
    memset(&bs->v[i], 0, sizeof bs->v[i]);
    bs->v[i].index = i;
    if ((*rc = folio_set_block(&B, &L->flow->blocks[i], &bs->v[i]))) {
        folio_blockset_release(bs, i);
        return NULL;
    }
    const folio_fblock *fb = &L->flow->blocks[i];
    folio_warn_missing_glyphs(L, bs, bs->v[i].items.v, bs->v[i].items.n,
                        fb->src ? fb->src->pos : (folio_pos){0, 0});
    return &bs->v[i];
}

void folio_blockset_release(blockset *bs, size_t i)
{
    folio_arena_free(bs->arena[i]);
    bs->arena[i] = NULL;
    memset(&bs->v[i], 0, sizeof bs->v[i]);
}

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
    lctx L = {ctx, a, flow, fonts, l, NULL};
    if (!(l->glyphs = folio_glyph_map_new(a))) {
        rc = FOLIO_E_NOMEM;
        goto done;
    }
    if ((rc = contents_pages(&L)))
        goto done;
    if ((rc = folio_blockset_init(&bs, flow->nblocks)) || (rc = folio_build_pages(&L, &bs)))
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
