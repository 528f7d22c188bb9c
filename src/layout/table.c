/* Setting a table the UN way: horizontal rules only (top, under the column
 * heads, bottom), column widths from content, cells that wrap. Each row is
 * one line of the block, so the page builder can split between rows and
 * repeat the head rows. */
#include <stdlib.h>
#include <string.h>

#include "layout/layout_internal.h"

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
    int32_t *mn = calloc(t->ncols, sizeof *mn), *mx = calloc(t->ncols, sizeof *mx);
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
            if ((rc = measure_runs(L, st, cell->runs, cell->nruns, &a, &b)))
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
    return items_push(L->a, &b->items, &it);
}

int set_table(lctx *L, const folio_fblock *fb, hbox box, vblock *out)
{
    const folio_table *t = fb->table;
    int32_t avail = box.right - box.left;
    int32_t *w = NULL;
    int rc = 0;
    if (!t || !t->ncols || !t->nrows)
        return 0;
    if (!(w = calloc(t->ncols, sizeof *w)))
        return FOLIO_E_NOMEM;
    if ((rc = column_widths(L, fb, avail, w)))
        goto done;
    out->space_before = FOLIO_PT(6);
    out->space_after = fb->notes_follow ? FOLIO_PT(3) : FOLIO_PT(12); /* notes hug it */
    out->head_rows = t->head_rows;
    for (size_t r = 0; r < t->nrows; r++) {
        const folio_pstyle *st = r < t->head_rows ? fb->head_style : fb->cell_style;
        int32_t ascent = st->leading * 3 / 4 + PAD_TOP;
        vline *row = vblock_line(L, out, ascent);
        if (!row) {
            rc = FOLIO_E_NOMEM;
            goto done;
        }
        size_t row_index = (size_t)(row - out->lines);
        int32_t depth = 0, x = box.left;
        for (size_t c = 0; c < t->ncols; c++) {
            const folio_cell *cell = &t->cells[r * t->ncols + c];
            vblock cb = {0};
            hbox cbox = {x + PAD_X, x + w[c] - PAD_X};
            folio_pstyle cst = *st;
            folio_align al = t->align ? t->align[c] : FOLIO_ALIGN_DEFAULT;
            cst.align = al == FOLIO_ALIGN_RIGHT ? FOLIO_H_RIGHT
                        : al == FOLIO_ALIGN_CENTER ? FOLIO_H_CENTER : FOLIO_H_LEFT;
            if ((rc = set_paragraph(L, &cst, NULL, cell->runs, cell->nruns, cbox, &cb)))
                goto done;
            /* vblock_line may have moved out->lines: refresh the row. */
            row = &out->lines[row_index];
            for (size_t li = 0; li < cb.nlines; li++) {
                int32_t dy = (int32_t)li * st->leading;
                for (size_t k = 0; k < cb.lines[li].nitems; k++) {
                    folio_item it = cb.items.v[cb.lines[li].item0 + k];
                    it.y += dy;
                    if ((rc = items_push(L->a, &out->items, &it)))
                        goto done;
                }
                for (size_t k = 0; k < cb.lines[li].nnotes; k++)
                    if ((rc = vblock_note(L, out, row, cb.notes[cb.lines[li].note0 + k])))
                        goto done;
            }
            int32_t d = cb.nlines ? (int32_t)(cb.nlines - 1) * st->leading : 0;
            if (d > depth)
                depth = d;
            x += w[c];
        }
        depth += st->leading / 4 + PAD_BOTTOM;
        row->depth = depth;
        if (r == 0 && (rc = rule(L, out, box.left, -ascent, x - box.left)))
            goto done;
        if ((t->head_rows && r + 1 == t->head_rows) || r + 1 == t->nrows)
            if ((rc = rule(L, out, box.left, depth, x - box.left)))
                goto done;
        row->nitems = out->items.n - row->item0;
    }
done:
    free(w);
    return rc;
}
