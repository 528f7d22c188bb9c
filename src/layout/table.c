/* Setting a table the UN way: horizontal rules only (top, under the column
 * heads, bottom), column widths from content, cells that wrap. Each row is
 * one line of the block, so the page builder can split between rows and
 * repeat the head rows. */
#include <stdlib.h>
#include <string.h>

#include "layout/layout_internal.h"
#include "util/mem.h"

#define PAD_X FOLIO_PT(3)    /* half the gap between columns */
#define PAD_TOP FOLIO_PT(2)
#define PAD_BOTTOM FOLIO_PT(3)
#define RULE FOLIO_PT(0.5)

/* Column widths: natural widths when they fit, else shrink the columns
 * that have room to wrap, in proportion to how much they can give. */
static int column_widths(lctx *L, const folio_fblock *fb, int32_t avail, int32_t *w)
{
    const folio_table *t = fb->table;
    int64_t sum_min = 0, sum_max = 0;
    int32_t *mn = folio_calloc(t->ncols, sizeof *mn), *mx = folio_calloc(t->ncols, sizeof *mx);
    int rc = 0;
    if (!mn || !mx) {
        rc = FOLIO_E_NOMEM;
        goto done;
    }
    for (size_t r = 0; r < t->nrows; r++)
        for (size_t c = 0; c < t->ncols; c++) {
            const folio_cell *cell = &t->cells[r * t->ncols + c];
            const folio_pstyle *st = r < t->head_rows ? fb->head_style : fb->cell_style;
            int32_t a, b;
            if ((rc = folio_measure_runs(L, st, cell->runs, cell->nruns, &a, &b)))
                goto done;
            if (a + 2 * PAD_X > mn[c])
                mn[c] = a + 2 * PAD_X;
            if (b + 2 * PAD_X > mx[c])
                mx[c] = b + 2 * PAD_X;
        }
    for (size_t c = 0; c < t->ncols; c++) {
        sum_min += mn[c];
        sum_max += mx[c];
    }
    for (size_t c = 0; c < t->ncols; c++) {
        if (sum_max <= avail) /* spread the spare room in proportion */
            w[c] = sum_max ? (int32_t)((int64_t)mx[c] * avail / sum_max) : avail / (int32_t)t->ncols;
        else if (sum_min <= avail)
            w[c] = mn[c] + (int32_t)((int64_t)(mx[c] - mn[c]) * (avail - sum_min) /
                                     (sum_max - sum_min));
        else
            w[c] = (int32_t)((int64_t)mn[c] * avail / sum_min);
    }
done:
    free(mn);
    free(mx);
    return rc;
}

static int rule(lctx *L, vblock *b, int32_t x, int32_t y, int32_t w)
{
    folio_item it = {0};
    it.kind = FOLIO_ITEM_RULE;
    it.x = x;
    it.y = y;
    it.w = w;
    it.thickness = RULE;
    return folio_items_push(L->a, &b->items, &it);
}

/* One column's cell of a row, set as a paragraph in its own box. */
static int set_cell(lctx *L, const folio_fblock *fb, size_t r, size_t c, int32_t x,
                    const int32_t *w, vblock *cb)
{
    const folio_table *t = fb->table;
    const folio_pstyle *st = r < t->head_rows ? fb->head_style : fb->cell_style;
    const folio_cell *cell = &t->cells[r * t->ncols + c];
    hbox cbox = {x + PAD_X, x + w[c] - PAD_X};
    folio_pstyle cst = *st;
    folio_align al = t->align ? t->align[c] : FOLIO_ALIGN_DEFAULT;
    cst.align = al == FOLIO_ALIGN_RIGHT ? FOLIO_H_RIGHT
                : al == FOLIO_ALIGN_CENTER ? FOLIO_H_CENTER : FOLIO_H_LEFT;
    return folio_set_paragraph(L, &cst, NULL, cell->runs, cell->nruns, cbox, cb);
}

/* Copy line `li` of a cell onto the block's line `ln`, `dy` below it. */
static int copy_cell_line(lctx *L, const vblock *cb, size_t li, int32_t dy, vblock *out,
                          size_t ln)
{
    int rc;
    if (li >= cb->nlines)
        return 0;
    for (size_t k = 0; k < cb->lines[li].nitems; k++) {
        folio_item it = cb->items.v[cb->lines[li].item0 + k];
        it.y += dy;
        if ((rc = folio_items_push(L->a, &out->items, &it)))
            return rc;
    }
    for (size_t k = 0; k < cb->lines[li].nnotes; k++)
        if ((rc = folio_vblock_note(L, out, &out->lines[ln], cb->notes[cb->lines[li].note0 + k])))
            return rc;
    return 0;
}

/* The links and note markers of a cell: how far its inline elements
 * reach (structure.c numbers them cell after cell). */
static uint32_t tagged_runs(const folio_flow *f, const folio_cell *cell)
{
    uint32_t n = 0;
    for (size_t i = 0; i < cell->nruns; i++)
        n += (uint32_t)folio_tag_run(f, &cell->runs[i]);
    return n;
}

int folio_set_table(lctx *L, const folio_fblock *fb, hbox box, vblock *out)
{
    const folio_table *t = fb->table;
    int32_t avail = box.right - box.left;
    int32_t *w = NULL;
    vblock *cells = NULL;
    int rc = 0;
    /* the table's tag names its first cell; the others follow */
    const folio_tag tab = L->tag;
    uint32_t inl = tab.inline0;
    if (!t || !t->ncols || !t->nrows)
        return 0;
    if (!(w = folio_calloc(t->ncols, sizeof *w)) || !(cells = folio_calloc(t->ncols, sizeof *cells))) {
        rc = FOLIO_E_NOMEM;
        goto done;
    }
    if ((rc = column_widths(L, fb, avail, w)))
        goto done;
    out->space_before = FOLIO_PT(6);
    out->space_after = fb->notes_follow ? FOLIO_PT(3) : FOLIO_PT(12); /* notes hug it */
    out->head_rows = t->head_rows;
    /* A row is one line of the block, kept whole on its page; a row too
     * tall for a page under the repeated head rows is given one block line
     * per text line, so the page builder can split it (as Word breaks a
     * row across pages). */
    const folio_page_geom *pg = &L->flow->page;
    int32_t room = pg->body_bottom - pg->body_top, head_h = 0;
    int32_t width = 0;
    for (size_t c = 0; c < t->ncols; c++)
        width += w[c];
    for (size_t r = 0; r < t->nrows; r++) {
        const folio_pstyle *st = r < t->head_rows ? fb->head_style : fb->cell_style;
        int32_t ascent = st->leading * 3 / 4 + PAD_TOP;
        size_t nl = 0;
        int32_t x = box.left;
        for (size_t c = 0; c < t->ncols; x += w[c], c++) {
            memset(&cells[c], 0, sizeof cells[c]);
            uint32_t cell = tab.text ? tab.text + (uint32_t)(r * t->ncols + c) : 0;
            L->tag = (folio_tag){cell, cell, inl};
            if (tab.text)
                inl += tagged_runs(L->flow, &t->cells[r * t->ncols + c]);
            /* right to left, the first column is the rightmost */
            int32_t cx = L->flow->lang.rtl ? box.left + box.right - x - w[c] : x;
            if ((rc = set_cell(L, fb, r, c, cx, w, &cells[c])))
                goto done;
            if (cells[c].nlines > nl)
                nl = cells[c].nlines;
        }
        int32_t below = st->leading / 4 + PAD_BOTTOM;
        int32_t height = ascent + (nl ? (int32_t)(nl - 1) * st->leading : 0) + below;
        int split = r >= t->head_rows && nl > 1 && height > room - head_h;
        for (size_t li = 0; li < (split ? nl : 1); li++) {
            if (!folio_vblock_line(L, out, li == 0 ? ascent : st->leading)) {
                rc = FOLIO_E_NOMEM;
                goto done;
            }
            size_t ln = out->nlines - 1;
            for (size_t c = 0; c < t->ncols; c++) {
                if (split)
                    rc = copy_cell_line(L, &cells[c], li, 0, out, ln);
                else
                    for (size_t cl = 0; cl < cells[c].nlines && !rc; cl++)
                        rc = copy_cell_line(L, &cells[c], cl, (int32_t)cl * st->leading, out, ln);
                if (rc)
                    goto done;
            }
            if (li == 0 && r == 0 && (rc = rule(L, out, box.left, -ascent, width)))
                goto done;
            out->lines[ln].nitems = out->items.n - out->lines[ln].item0;
        }
        vline *last = &out->lines[out->nlines - 1];
        last->depth = split ? below : height - ascent;
        if ((t->head_rows && r + 1 == t->head_rows) || r + 1 == t->nrows) {
            if ((rc = rule(L, out, box.left, last->depth, width)))
                goto done;
            last->nitems = out->items.n - last->item0;
        }
        if (r < t->head_rows)
            head_h += height;
    }
done:
    L->tag = tab;
    free(w);
    free(cells);
    return rc;
}
