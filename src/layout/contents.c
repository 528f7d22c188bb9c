/* A contents entry (E/2025/72): its label and text set in the style's
 * place, ending before the page column at the frame's right edge; on its
 * last line dot leaders, on a grid so that the dots of every entry stand
 * in columns, up to the page column, where the page of the block the
 * entry names (learnt by a first pass of the layout) is set flush right. */
#include <stdio.h>
#include <string.h>

#include "layout/layout_internal.h"

#define PAGE_COLUMN FOLIO_PT(27)  /* the frame's right edge to the leaders' end */
#define LEADER_GAP FOLIO_PT(3)    /* between the text and the first dot */

static int text_item(lctx *L, vblock *vb, vline *ln, const folio_pstyle *st, const char *s,
                     int32_t x)
{
    folio_item it = {0};
    it.kind = FOLIO_ITEM_TEXT;
    it.face = (uint8_t)FOLIO_FACE_REGULAR;
    it.size = st->size;
    it.x = x;
    it.text = s;
    it.len = (uint32_t)strlen(s);
    int rc = folio_items_push(L->a, &vb->items, &it);
    ln->nitems = vb->items.n - ln->item0;
    return rc;
}

/* Right to left: the page column at the frame's left edge, the leaders
 * from the text's left end to it. */
static int rtl_entry(lctx *L, const folio_fblock *fb, vblock *vb)
{
    const folio_flow *f = L->flow;
    const folio_pstyle *st = fb->style;
    hbox box = folio_style_box(f, st);
    int32_t end = f->page.frame_left + PAGE_COLUMN;
    if (end < box.right - FOLIO_PT(72))
        box.left = end;
    int rc = folio_set_paragraph(L, st, fb->label, fb->runs, fb->nruns, box, vb);
    const folio_fblock *target = fb->toc_target ? &f->blocks[fb->toc_target - 1] : NULL;
    if (rc || !vb->nlines || !target)
        return rc;
    vline *ln = &vb->lines[vb->nlines - 1];
    int32_t x = box.right; /* where the last line's text ends, on the left */
    for (size_t i = ln->item0; i < ln->item0 + ln->nitems; i++)
        if (vb->items.v[i].kind == FOLIO_ITEM_TEXT && vb->items.v[i].x < x)
            x = vb->items.v[i].x;
    int page = L->block_page ? L->block_page[fb->toc_target - 1] : 0;
    int32_t pitch = folio_text_width(L->fonts, FOLIO_FACE_REGULAR, st->size, ". ", 2);
    if (pitch > 0) {
        int32_t to = (x - LEADER_GAP) / pitch * pitch, n = (to - end) / pitch;
        if (n > 0) {
            char *dots = folio_alloc(L->out->arena, (size_t)n * 2 + 1);
            if (!dots)
                return FOLIO_E_NOMEM;
            for (int32_t k = 0; k < n; k++)
                memcpy(dots + 2 * k, ". ", 2);
            dots[2 * n - 1] = 0;
            if ((rc = text_item(L, vb, ln, st, dots, to - n * pitch + pitch / 2)))
                return rc;
        }
    }
    if (page > 0) {
        char *num = folio_sprintf(L->out->arena, "%d", page);
        if (!num)
            return FOLIO_E_NOMEM;
        rc = text_item(L, vb, ln, st, num, f->page.frame_left);
    }
    return rc;
}

int folio_set_entry(lctx *L, const folio_fblock *fb, vblock *vb)
{
    const folio_flow *f = L->flow;
    if (f->lang.rtl)
        return rtl_entry(L, fb, vb);
    const folio_pstyle *st = fb->style;
    hbox box = folio_style_box(f, st);
    int32_t end = f->page.frame_right - PAGE_COLUMN;
    if (box.right > end || box.right < end)
        box.right = end > box.left + FOLIO_PT(72) ? end : box.right;
    int rc = folio_set_paragraph(L, st, fb->label, fb->runs, fb->nruns, box, vb);
    if (rc || !vb->nlines)
        return rc;
    vline *ln = &vb->lines[vb->nlines - 1];
    /* where the last line's text ends */
    int32_t x = box.left;
    for (size_t i = ln->item0; i < ln->item0 + ln->nitems; i++) {
        const folio_item *it = &vb->items.v[i];
        if (it->kind != FOLIO_ITEM_TEXT)
            continue;
        int32_t w = folio_text_width(L->fonts, (folio_face)it->face, it->size, it->text, it->len);
        if (it->x + w > x)
            x = it->x + w;
    }
    const folio_fblock *target = fb->toc_target ? &f->blocks[fb->toc_target - 1] : NULL;
    int page = target && L->block_page ? L->block_page[fb->toc_target - 1] : 0;
    if (!target)
        return 0; /* names nothing: no leaders, no page */
    /* the leaders: ". " on a grid from the page's left edge */
    int32_t pitch = folio_text_width(L->fonts, FOLIO_FACE_REGULAR, st->size, ". ", 2);
    if (pitch > 0) {
        int32_t from = (x + LEADER_GAP + pitch - 1) / pitch * pitch;
        int32_t n = (end - from) / pitch;
        if (n > 0) {
            /* the page keeps the text: in the layout's own arena */
            char *dots = folio_alloc(L->out->arena, (size_t)n * 2 + 1);
            if (!dots)
                return FOLIO_E_NOMEM;
            for (int32_t k = 0; k < n; k++)
                memcpy(dots + 2 * k, ". ", 2);
            dots[2 * n - 1] = 0; /* no space after the last dot */
            if ((rc = text_item(L, vb, ln, st, dots, from)))
                return rc;
        }
    }
    if (page > 0) {
        char *num = folio_sprintf(L->out->arena, "%d", page);
        if (!num)
            return FOLIO_E_NOMEM;
        int32_t w = folio_text_width(L->fonts, FOLIO_FACE_REGULAR, st->size, num, strlen(num));
        rc = text_item(L, vb, ln, st, num, f->page.frame_right - w);
        /* the page is the entry's text (a word of it); the leaders are not */
        if (!rc) {
            vb->items.v[vb->items.n - 1].sid = L->tag.text;
            vb->items.v[vb->items.n - 1].word_start = 1;
        }
    }
    return rc;
}
