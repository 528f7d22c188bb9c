/* The words as boxes, glue and penalties for the line breaker
 * (linebreak.c), with the glue between Chinese characters. */
#include "layout/para.h"

static int push(itemvec *iv, lb_item it, size_t ref)
{
    if (iv->n == iv->cap) {
        size_t cap = iv->cap ? iv->cap * 2 : 256;
        lb_item *v = folio_realloc(iv->v, cap * sizeof *v);
        if (v)
            iv->v = v;
        size_t *r = folio_realloc(iv->ref, cap * sizeof *r);
        if (r)
            iv->ref = r;
        if (!v || !r)
            return FOLIO_E_NOMEM;
        iv->cap = cap;
    }
    iv->ref[iv->n] = ref;
    iv->v[iv->n++] = it;
    return 0;
}

static int line_end(itemvec *iv, size_t k)
{
    int rc = push(iv, (lb_item){0, 0, 0, LB_NEVER, LB_PENALTY, 0}, k);
    if (!rc)
        rc = push(iv, (lb_item){0, LB_FIL, 0, 0, LB_GLUE, 0}, k);
    if (!rc)
        rc = push(iv, (lb_item){0, 0, 0, LB_FORCE, LB_PENALTY, 0}, k);
    return rc;
}

/* The last and the first character of two pieces. */
static uint32_t last_char(const frag *f)
{
    size_t k = f->len;
    while (k > 0 && ((unsigned char)f->text[k - 1] & 0xC0) == 0x80)
        k--;
    uint32_t cp = 0;
    if (k > 0)
        folio_utf8_next(f->text + k - 1, f->len - k + 1, &cp);
    return cp;
}

static uint32_t first_char(const frag *f)
{
    uint32_t cp = 0;
    if (f->len)
        folio_utf8_next(f->text, f->len, &cp);
    return cp;
}

static int latin_alnum(uint32_t cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
           (cp >= 0xC0 && cp < 0x250 && cp != 0xD7 && cp != 0xF7);
}

/* The glue between two characters of text without spaces (W3C clreq):
 * nothing between ideographs, a quarter em (house style: latin-gap)
 * between an ideograph and a Latin letter or digit; it stretches by the
 * language's `stretch`, and closes up by half an em beside a full-width
 * mark whose half is blank (punctuation compression comes first: nothing
 * else shrinks). */
static lb_item cjk_glue(lctx *L, const frag *a, const frag *b)
{
    const folio_cjk_rules *r = &L->flow->lang.cjk;
    uint32_t x = last_char(a), y = first_char(b);
    int32_t size = a->size;
    lb_item g = {0, (int32_t)((int64_t)r->stretch * size / 1000), 0, 0, LB_GLUE, 0};
    int hx = folio_script_of(x) == FOLIO_SCRIPT_HAN, hy = folio_script_of(y) == FOLIO_SCRIPT_HAN;
    if ((hx && latin_alnum(y) && !folio_in_set(r->half_after, x)) ||
        (hy && latin_alnum(x) && !folio_in_set(r->half_before, y)))
        g.width = (int32_t)((int64_t)r->latin_gap * size / 1000);
    if (folio_in_set(r->half_after, x))
        g.shrink += size / 2;
    if (folio_in_set(r->half_before, y))
        g.shrink += size / 2;
    return g;
}

/* Boxes for the pieces (stretching and shrinking by `expand` / 1000 of
 * their width when glyphs may be scaled), penalties where a word may be
 * cut, glue for the spaces and between characters of text without
 * spaces, and the end of every forced line. */
int folio_para_make_items(lctx *L, const wordlist *wl, int32_t expand, int32_t max, itemvec *iv)
{
    const folio_break_costs *c = &L->flow->lang.costs;
    int rc = 0;
    int64_t group = 0; /* width of the words joined by no-break spaces so far */
    for (size_t k = 0; k < wl->nw && !rc; k++) {
        const word *w = &wl->w[k];
        size_t end = folio_para_word_end(wl, k);
        int64_t ww = 0;
        for (size_t fi = w->first; fi < end; fi++)
            ww += wl->f[fi].width;
        /* a word wider than the line (a word with thousands of note
         * markers, say) may break between its pieces, not run off it */
        int wide = ww > max;
        for (size_t fi = w->first; fi < end && !rc; fi++) {
            const frag *f = &wl->f[fi];
            int32_t flex = (int32_t)((int64_t)f->width * expand / 1000);
            rc = push(iv, (lb_item){f->width, flex, flex, 0, LB_BOX, 0}, fi);
            if (!rc && wide && f->brk == BRK_NONE && fi + 1 < end)
                rc = push(iv, (lb_item){0, 0, 0, c->cut_penalty, LB_PENALTY, 0}, fi);
            if (rc || f->brk == BRK_NONE || fi + 1 == end)
                continue;
            if (f->brk == BRK_CJK) {
                rc = push(iv, cjk_glue(L, f, &wl->f[fi + 1]), fi);
                continue;
            }
            lb_item pen = {0, 0, 0, c->cut_penalty, LB_PENALTY, 0};
            if (f->brk == BRK_HYPHEN) {
                pen.width = folio_text_width(L->fonts, f->face, f->size, "-", 1);
                pen.penalty = c->hyphen_penalty;
                pen.flags = LB_FLAGGED | LB_PATTERN;
            } else if (f->brk == BRK_EXPLICIT) {
                pen.penalty = c->exhyphen_penalty;
                pen.flags = LB_FLAGGED;
            }
            rc = push(iv, pen, fi);
        }
        if (rc)
            break;
        group = w->nobreak ? group + ww + w->space : 0;
        if (k + 1 == wl->nw || w->forced) {
            rc = line_end(iv, k);
        } else {
            /* words joined by no-break spaces stay together, unless
             * together they are wider than the line */
            if (w->nobreak && group + folio_para_word_width(wl, k + 1) <= max)
                rc = push(iv, (lb_item){0, 0, 0, LB_NEVER, LB_PENALTY, 0}, k);
            if (!rc)
                rc = push(iv,
                          (lb_item){w->space,
                                    (int32_t)((int64_t)w->space * c->stretch_num / c->stretch_den),
                                    (int32_t)((int64_t)w->space * c->shrink_num / c->shrink_den),
                                    0, LB_GLUE, 0},
                          k);
        }
    }
    return rc;
}
