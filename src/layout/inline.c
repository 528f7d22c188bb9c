/* Text in the language's faces, on one line: the glyphs of a shaped piece
 * as items (paragraph.c places each piece of a line with it), and a short
 * text set whole — a label, a masthead line, a running head — split by
 * face, ordered by the bidirectional algorithm and shaped. Text the
 * house font sets alone, left to right, takes none of this: one item of
 * its code points, as before. */
#include <stdlib.h>
#include <string.h>

#include "layout/inline.h"
#include "layout/script.h"
#include "util/text.h"
#include "util/mem.h"

static int32_t mpt(int64_t units, int32_t size, int32_t hscale)
{
    return (int32_t)(units * size / 1000 * hscale / 1000);
}

/* The end of the text of glyphs whose last cluster starts at `hi`: the
 * next cluster's start. */
static uint32_t text_end(const folio_shaped *sh, uint32_t hi, size_t len)
{
    uint32_t end = (uint32_t)len;
    for (size_t i = 0; i < sh->n; i++)
        if (sh->cluster[i] > hi && sh->cluster[i] < end)
            end = sh->cluster[i];
    return end;
}

/* An item of glyphs [g0, g1) of `sh`, listed in `pick`. */
static int glyph_item(lctx *L, itemlist *out, const folio_glyph_run *r, const folio_shaped *sh,
                      const size_t *pick, size_t n, int32_t left, int32_t hs, int first)
{
    uint16_t *codes = folio_alloc(L->out->arena, (n + 1) * sizeof *codes);
    if (!codes)
        return FOLIO_E_NOMEM;
    uint32_t lo = UINT32_MAX, top = 0;
    for (size_t k = 0; k < n; k++) {
        codes[k] = sh->code[pick[k]];
        if (sh->cluster[pick[k]] < lo)
            lo = sh->cluster[pick[k]];
        if (sh->cluster[pick[k]] >= top)
            top = sh->cluster[pick[k]];
    }
    uint32_t hi = text_end(sh, top, r->len);
    folio_item it = {0};
    it.kind = FOLIO_ITEM_TEXT;
    it.sid = r->sid;
    /* the word space before the run's first item only */
    it.word_start = r->word_start && !first;
    it.face = (uint8_t)r->face;
    it.size = r->size;
    it.hscale = hs == 1000 ? 0 : hs;
    it.x = left + mpt(sh->x[pick[0]], r->size, hs);
    it.y = r->y - mpt(sh->y[pick[0]], r->size, 1000);
    it.text = r->text + lo;
    it.len = hi > lo ? hi - lo : 0;
    it.codes = codes;
    return folio_items_push(L->a, out, &it);
}

int folio_place_glyphs(lctx *L, itemlist *out, const folio_glyph_run *r, int32_t *width)
{
    folio_shaped sh;
    int rc = folio_shape_text(L->ctx, L->fonts, L->out->glyphs, L->a, r->face, r->level,
                              L->flow ? L->flow->lang_tag : NULL, r->text, r->len, &sh);
    if (rc)
        return rc;
    int32_t hs = r->hscale ? r->hscale : 1000;
    *width = mpt(sh.advance, r->size, hs);
    int32_t left = r->mirror ? r->mirror - r->x - *width : r->x;
    size_t *pick = folio_malloc((sh.n + 1) * sizeof *pick), n = 0;
    int items = 0; /* made so far: the first has the word space */
    if (!pick)
        return FOLIO_E_NOMEM;
    /* The glyphs on the pen, left to right, one item as long as the pen
     * moves by the PDF's widths (a kerned glyph starts another); a mark
     * placed off the pen has no advance and is drawn apart after them, so
     * the word stays one run of text for a reader that sorts glyphs into
     * lines (poppler makes a word of each glyph drawn left of the one
     * before: right to left glyphs cannot be drawn in reading order). */
    for (size_t i = 0; i < sh.n && !rc; i++) {
        if (sh.moved[i])
            continue;
        if (n && sh.x[i] != sh.x[pick[n - 1]] + sh.w[pick[n - 1]]) {
            rc = glyph_item(L, out, r, &sh, pick, n, left, hs, items++);
            n = 0;
        }
        pick[n++] = i;
    }
    if (!rc && n)
        rc = glyph_item(L, out, r, &sh, pick, n, left, hs, items++);
    for (size_t i = 0; i < sh.n && !rc; i++)
        if (sh.moved[i])
            rc = glyph_item(L, out, r, &sh, &i, 1, left, hs, items++);
    free(pick);
    return rc;
}

/* ---- a short text, whole -------------------------------------------------*/

typedef struct piece {
    folio_seg seg;
    int shaped;
    int32_t width;
} piece;

/* The pieces of s in visual order, with their widths. */
static int pieces_of(lctx *L, int role, int32_t size, const char *s, size_t len, int rtl,
                     piece **out, size_t *n, int32_t *total)
{
    const folio_lang_labels *lang = &L->flow->lang;
    folio_segs segs = {0};
    uint8_t *levels = NULL;
    int ctx = -1, rc = 0;
    if (folio_bidi_needed(s, len, rtl > 0)) {
        if (!(levels = folio_malloc(len)))
            return FOLIO_E_NOMEM;
        if ((rc = folio_bidi_levels(s, len, rtl, levels)) < 0)
            goto done;
        rc = 0;
    }
    if ((rc = folio_segment(L->fonts, &lang->fonts, role, s, len, levels, &ctx, &segs)))
        goto done;
    piece *v = folio_malloc((segs.n + 1) * sizeof *v);
    uint8_t *lv = folio_malloc(segs.n + 1);
    size_t *order = folio_malloc((segs.n + 1) * sizeof *order);
    if (!v || !lv || !order) {
        free(v);
        free(lv);
        free(order);
        rc = FOLIO_E_NOMEM;
        goto done;
    }
    *total = 0;
    for (size_t i = 0; i < segs.n; i++) {
        const folio_seg *sg = &segs.v[i];
        lv[i] = sg->level;
    }
    folio_bidi_order(lv, segs.n, order);
    for (size_t k = 0; k < segs.n && !rc; k++) {
        piece *p = &v[k];
        p->seg = segs.v[order[k]];
        p->shaped = folio_shape_needed(s + p->seg.start, p->seg.len, p->seg.level);
        if (p->shaped) {
            folio_shaped sh;
            rc = folio_shape_text(L->ctx, L->fonts, NULL, L->a, p->seg.face, p->seg.level,
                                  NULL, s + p->seg.start, p->seg.len, &sh);
            p->width = rc ? 0 : (int32_t)((int64_t)sh.advance * size / 1000);
        } else {
            p->width = folio_text_width(L->fonts, p->seg.face, size, s + p->seg.start,
                                        p->seg.len);
        }
        *total += p->width;
    }
    free(lv);
    free(order);
    if (rc) {
        free(v);
        goto done;
    }
    *out = v;
    *n = segs.n;
done:
    free(levels);
    free(segs.v);
    return rc;
}

int folio_inline_plain(lctx *L, const char *s, size_t len, int rtl)
{
    return !L->flow || (!L->flow->lang.fonts.mixed && !folio_bidi_needed(s, len, rtl > 0) &&
                        !folio_fontset_other_text(&L->flow->lang.fonts, s, len));
}

int32_t folio_inline_width(lctx *L, int role, int32_t size, const char *s, size_t len, int rtl)
{
    if (folio_inline_plain(L, s, len, rtl))
        return folio_text_width(L->fonts, role == FOLIO_ROLE_HEADINGS ? FOLIO_FACE_BOLD : role,
                                size, s, len);
    piece *v = NULL;
    size_t n = 0;
    int32_t total = 0;
    if (pieces_of(L, role, size, s, len, rtl, &v, &n, &total))
        total = 0;
    free(v);
    return total;
}

int folio_inline_place(lctx *L, itemlist *out, int role, int32_t size, int32_t x, int32_t y,
                       const char *s, size_t len, int rtl, uint32_t sid, int32_t *width)
{
    piece *v = NULL;
    size_t n = 0;
    int32_t total = 0;
    int rc = pieces_of(L, role, size, s, len, rtl, &v, &n, &total);
    /* each piece's place from the visual order; the pieces drawn in
     * reading order (by where their text starts), so the text taken as
     * drawn is the text */
    int32_t *at = rc ? NULL : folio_malloc((n + 1) * sizeof *at);
    size_t *byte = rc ? NULL : folio_malloc((n + 1) * sizeof *byte);
    if (!rc && (!at || !byte))
        rc = FOLIO_E_NOMEM;
    for (size_t k = 0; k < n && !rc; k++) {
        at[k] = x;
        x += v[k].width;
        size_t j = k; /* insertion sort: a line has few pieces */
        for (; j > 0 && v[byte[j - 1]].seg.start > v[k].seg.start; j--)
            byte[j] = byte[j - 1];
        byte[j] = k;
    }
    for (size_t i = 0; i < n && !rc; i++) {
        size_t k = byte[i];
        const piece *p = &v[k];
        x = at[k];
        if (p->shaped) {
            folio_glyph_run gr = {s + p->seg.start, p->seg.len, p->seg.face, p->seg.level,
                                  size, x, y, 0, 0, sid, 0};
            int32_t w;
            rc = folio_place_glyphs(L, out, &gr, &w);
        } else {
            folio_item it = {0};
            it.kind = FOLIO_ITEM_TEXT;
            it.sid = sid;
            it.face = p->seg.face;
            it.size = size;
            it.x = x;
            it.y = y;
            it.text = s + p->seg.start;
            it.len = (uint32_t)p->seg.len;
            rc = folio_items_push(L->a, out, &it);
        }
    }
    free(at);
    free(byte);
    free(v);
    if (width)
        *width = total;
    return rc;
}
