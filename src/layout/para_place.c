/* Each piece of a broken paragraph placed on its line: justified by
 * placing every word (libharu's word spacing does not work with the
 * 2-byte fonts it embeds), labels, right-to-left order, font expansion. */
#include "layout/para.h"

hbox folio_style_box(const folio_flow *f, const folio_pstyle *s)
{
    int32_t l = s->frame_relative ? f->page.frame_left : f->page.column_left;
    int32_t r = s->frame_relative ? f->page.frame_right : f->page.column_right;
    if (f->lang.rtl) /* the indents mirror: the start is on the right */
        return (hbox){l + s->indent_right, r - s->indent_left};
    return (hbox){l + s->indent_left, r - s->indent_right};
}

/* A piece at x (its left edge; with `mirror`, x counts from the right:
 * the piece lands at mirror - x - its width). */
static int place_text(lctx *L, vblock *b, vline *ln, const frag *f, int32_t x,
                      int32_t hscale, int32_t mirror)
{
    folio_item it = {0};
    int32_t w = scaled(f->width, hscale), left = mirror ? mirror - x - w : x;
    int rc;
    if (f->len > UINT32_MAX) /* items keep 32-bit lengths */
        return folio_error(L->ctx, FOLIO_E_LIMIT, (folio_pos){0, 0},
                           "a word of %zu bytes is too long to set", (size_t)f->len);
    if (f->shaped) {
        folio_glyph_run gr = {f->text, f->len, f->face, f->level, f->size, left,
                              -f->rise, hscale == 1000 ? 0 : hscale, 0, f->sid,
                              f->word_start};
        int32_t drawn;
        rc = folio_place_glyphs(L, &b->items, &gr, &drawn);
    } else {
        it.kind = FOLIO_ITEM_TEXT;
        it.sid = f->sid;
        it.word_start = f->word_start;
        it.x = left;
        it.y = -f->rise;
        it.face = (uint8_t)f->face;
        it.size = f->size;
        it.hscale = hscale == 1000 ? 0 : hscale;
        it.text = f->text;
        it.len = f->len;
        rc = folio_items_push(L->a, &b->items, &it);
    }
    if (!rc && f->uri) {
        folio_item lk = {0};
        lk.kind = FOLIO_ITEM_LINK;
        lk.sid = f->sid;
        lk.x = left;
        lk.y = -f->rise - f->size * 8 / 10;
        lk.w = w;
        lk.h = f->size;
        lk.uri = f->uri;
        rc = folio_items_push(L->a, &b->items, &lk);
    }
    if (!rc && f->note)
        rc = folio_vblock_note(L, b, ln, f->note);
    ln->nitems = b->items.n - ln->item0;
    return rc;
}

/* The label's width: in the language's faces and order when the house
 * font cannot set it alone. */
int32_t folio_para_label_width(lctx *L, const folio_pstyle *st, const char *label)
{
    return folio_inline_width(L, folio_role_of(st->face, st->face), st->size, label,
                              strlen(label), L->flow->lang.rtl);
}

int folio_para_place_label(lctx *L, vblock *b, vline *ln, const folio_pstyle *st,
                       const char *label, int32_t x, int32_t mirror)
{
    size_t len = strlen(label);
    int rtl = L->flow->lang.rtl;
    if (!mirror && folio_inline_plain(L, label, len, rtl)) {
        frag f = {label, len, st->face, st->size, 0, 0, NULL, NULL, BRK_NONE, 0, 0, 0,
                  L->tag.label, 0};
        f.width = folio_text_width(L->fonts, f.face, f.size, f.text, f.len);
        return place_text(L, b, ln, &f, x, 1000, 0);
    }
    int32_t w = folio_para_label_width(L, st, label);
    int rc = folio_inline_place(L, &b->items, folio_role_of(st->face, st->face), st->size,
                                mirror ? mirror - x - w : x, 0, label, len, rtl, L->tag.label,
                                NULL);
    ln->nitems = b->items.n - ln->item0;
    return rc;
}

/* floor(extra * part / whole): the share of the extra room of the glue up
 * to `part`, so the shares add up to exactly `extra` and the line ends on
 * the margin. */
static int64_t share(int64_t extra, int64_t part, int64_t whole)
{
    int64_t num = extra * part;
    return num >= 0 ? num / whole : -((-num + whole - 1) / whole);
}


/* What a line is made of: natural width, stretch and shrink of its glue
 * and of its boxes (font expansion). */
typedef struct linesum {
    int64_t natural, boxes;
    int64_t stretch, shrink, box_stretch, box_shrink;
    int64_t glues;
    int fil;
} linesum;

static linesum sum_line(const lb_item *v, size_t s, size_t e)
{
    linesum m = {0};
    for (size_t i = s; i < e; i++) {
        m.natural += v[i].width;
        if (v[i].kind == LB_BOX) {
            m.boxes += v[i].width;
            m.box_stretch += v[i].stretch;
            m.box_shrink += v[i].shrink;
        } else if (v[i].kind == LB_GLUE) {
            m.glues++;
            if (v[i].stretch == LB_FIL)
                m.fil = 1;
            else
                m.stretch += v[i].stretch;
            m.shrink += v[i].shrink;
        } else {
            m.natural -= v[i].width; /* a penalty inside the line: no width */
        }
    }
    return m;
}

/* The glyph scale of a justified line: the boxes take their part of the
 * extra room (in proportion to their stretch or shrink), within the house
 * style's font expansion. */
static int32_t line_scale(const linesum *m, int64_t extra, int32_t expansion)
{
    int64_t bw = extra > 0 ? m->box_stretch : m->box_shrink;
    int64_t gw = extra > 0 ? m->stretch : m->shrink;
    if (!bw || !m->boxes)
        return 1000;
    int64_t part = extra * bw / (bw + gw);
    int64_t s = 1000 + part * 1000 / m->boxes;
    if (s > 1000 + expansion)
        s = 1000 + expansion;
    if (s < 1000 - expansion)
        s = 1000 - expansion;
    return (int32_t)s;
}

/* The text drawn from box item i on: a word's pieces that stay on one line
 * are one text, measured whole. Returns the last item taken. */
static size_t group_at(lctx *L, const wordlist *wl, const itemvec *iv, size_t i, size_t e,
                       frag *f)
{
    const lb_item *v = iv->v;
    *f = wl->f[iv->ref[i]];
    int merged = 0;
    while (i + 2 < e && v[i + 1].kind == LB_PENALTY && v[i + 2].kind == LB_BOX &&
           wl->f[iv->ref[i + 2]].cont) {
        f->len += wl->f[iv->ref[i + 2]].len;
        merged = 1;
        i += 2;
    }
    if (merged)
        folio_para_measure(L, f); /* a piece failing to shape keeps the pieces' sum */
    return i;
}

/* A piece or a space of a line, as it will be drawn. */
typedef struct elem {
    frag f;                  /* a piece (not for a space) */
    int32_t width;           /* as drawn (scaled; a space stretched) */
    uint8_t level;
    uint8_t space;
} elem;

/* Draw a line's elements from x: in their order, or, when some are right
 * to left, in the visual order of their levels (UAX #9 L2; a space takes
 * the lower level of its neighbours). With `mirror`, x counts from the
 * right edge, so the elements go from the right in reverse visual
 * order. */
static int place_elems(lctx *L, vblock *out, vline *ln, elem *el, size_t n, int32_t x,
                       int32_t hscale, int bidi, int32_t mirror)
{
    size_t *order = NULL;
    int rc = 0;
    if (bidi || mirror) {
        uint8_t *lv = folio_malloc(n + 1);
        order = folio_malloc((n + 1) * sizeof *order);
        if (!lv || !order) {
            free(lv);
            free(order);
            return FOLIO_E_NOMEM;
        }
        for (size_t k = 0; k < n; k++) {
            if (el[k].space) {
                uint8_t a = k > 0 ? el[k - 1].level : 0, b = k + 1 < n ? el[k + 1].level : 0;
                el[k].level = a < b ? a : b;
            }
            lv[k] = el[k].level;
        }
        folio_bidi_order(lv, n, order);
        free(lv);
    }
    if (!order) {
        for (size_t k = 0; k < n && !rc; k++) {
            if (!el[k].space)
                rc = place_text(L, out, ln, &el[k].f, x, hscale, mirror);
            x += el[k].width;
        }
        return rc;
    }
    /* each element's place from the visual order (reused: order[k] gets
     * the x of element k); the pieces drawn in reading order, so that the
     * text taken as drawn is the text */
    int32_t *at = folio_malloc((n + 1) * sizeof *at);
    if (!at) {
        free(order);
        return FOLIO_E_NOMEM;
    }
    for (size_t k = 0; k < n; k++) {
        size_t e = mirror ? order[n - 1 - k] : order[k];
        at[e] = x;
        x += el[e].width;
    }
    for (size_t e = 0; e < n && !rc; e++)
        if (!el[e].space)
            rc = place_text(L, out, ln, &el[e].f, at[e], hscale, mirror);
    free(at);
    free(order);
    return rc;
}

int folio_para_place_line(lctx *L, const folio_pstyle *st, const wordlist *wl, const itemvec *iv,
                      const line *li, vblock *out, vline *ln, int32_t mirror)
{
    const lb_item *v = iv->v;
    linesum m = sum_line(v, li->s, li->e);
    const lb_item *brk = &v[li->e];
    const frag *hyph = NULL;
    if (brk->kind == LB_PENALTY && (brk->flags & LB_FLAGGED) &&
        wl->f[iv->ref[li->e]].brk == BRK_HYPHEN) {
        hyph = &wl->f[iv->ref[li->e]];
        m.natural += brk->width;
    }
    int64_t extra = li->avail - m.natural, whole = 0;
    int32_t x = li->x0, hscale = 1000;
    int by = 0; /* glue takes the extra room by 1 stretch, 2 shrink, 3 evenly */
    /* the last line keeps its natural spaces unless it must shrink */
    if (st->align == FOLIO_H_JUSTIFY && m.glues && (!m.fil || extra < 0)) {
        hscale = line_scale(&m, extra, L->flow->font_expansion);
        /* the glue takes what the texts, as drawn at that scale, leave */
        int64_t texts = hyph ? scaled(brk->width, hscale) : 0, glue = 0;
        for (size_t i = li->s; i < li->e; i++) {
            if (v[i].kind == LB_GLUE) {
                glue += v[i].width;
            } else if (v[i].kind == LB_BOX) {
                frag f;
                i = group_at(L, wl, iv, i, li->e, &f);
                texts += scaled(f.width, hscale);
            }
        }
        extra = li->avail - texts - glue;
        /* an overfull line (a word wider than the column) sticks out
         * rather than overprinting its words */
        if (extra < -m.shrink)
            extra = -m.shrink;
        by = extra > 0 ? (m.stretch > 0 ? 1 : 3) : extra < 0 ? (m.shrink > 0 ? 2 : 3) : 0;
        whole = by == 1 ? m.stretch : by == 2 ? m.shrink : m.glues;
    } else {
        if (extra < 0)
            extra = 0;
        if (st->align == FOLIO_H_CENTER)
            x += (int32_t)(extra / 2);
        else if (st->align == FOLIO_H_RIGHT)
            x += (int32_t)extra;
    }
    /* The line's pieces and spaces in their order, with their widths. */
    size_t cap = li->e - li->s + 2, n = 0;
    elem *el = folio_malloc(cap * sizeof *el);
    if (!el)
        return FOLIO_E_NOMEM;
    int64_t done = 0, given = 0;
    int rc = 0, bidi = 0;
    for (size_t i = li->s; i < li->e; i++) {
        if (v[i].kind == LB_GLUE) {
            int32_t add = 0;
            if (by) {
                done += by == 1 ? v[i].stretch : by == 2 ? v[i].shrink : 1;
                int64_t upto = share(extra, done, whole);
                add = (int32_t)(upto - given);
                given = upto;
            }
            el[n++] = (elem){{0}, v[i].width + add, 0, 1};
            continue;
        }
        if (v[i].kind != LB_BOX)
            continue;
        frag f;
        i = group_at(L, wl, iv, i, li->e, &f);
        el[n++] = (elem){f, scaled(f.width, hscale), f.level, 0};
        bidi |= f.level != 0;
    }
    if (hyph) {
        frag h = *hyph;
        h.text = "-";
        h.len = 1;
        h.width = brk->width;
        h.uri = NULL;
        h.note = NULL;
        h.shaped = 0;
        /* a hyphen of the layout's own is not text: a reader joins the word */
        h.sid = FOLIO_SID_ARTIFACT;
        h.word_start = 0;
        el[n++] = (elem){h, scaled(h.width, hscale), h.level, 0};
    }
    rc = place_elems(L, out, ln, el, n, x, hscale, bidi, mirror);
    free(el);
    return rc;
}
