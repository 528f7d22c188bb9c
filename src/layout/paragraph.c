/* Setting a paragraph: runs become words of styled fragments, the line
 * breaker chooses line ends, and each word is placed on its line (justified
 * by placing every word, since libharu's word spacing does not work with
 * the 2-byte fonts it embeds). */
#include <stdlib.h>
#include <string.h>

#include "layout/layout_internal.h"

typedef struct frag {
    const char *text;
    size_t len;
    folio_face face;
    int32_t size, rise, width;
    const char *uri;
    const folio_fnote *note;
} frag;

typedef struct wordlist {
    frag *f;
    size_t nf, fcap;
    size_t *first;           /* first fragment of each word */
    lb_word *w;
    size_t nw, wcap;
} wordlist;

static void words_free(wordlist *wl)
{
    free(wl->f);
    free(wl->first);
    free(wl->w);
}

static folio_face face_of(folio_face base, unsigned style)
{
    int bold = base == FOLIO_FACE_BOLD || base == FOLIO_FACE_BOLD_ITALIC ||
               (style & FOLIO_STRONG);
    int italic = base == FOLIO_FACE_ITALIC || base == FOLIO_FACE_BOLD_ITALIC ||
                 (style & FOLIO_EMPH);
    return bold && italic ? FOLIO_FACE_BOLD_ITALIC
           : bold         ? FOLIO_FACE_BOLD
           : italic       ? FOLIO_FACE_ITALIC
                          : FOLIO_FACE_REGULAR;
}

static int new_word(wordlist *wl, int32_t space_before_new)
{
    if (wl->nw == wl->wcap) {
        size_t cap = wl->wcap ? wl->wcap * 2 : 64;
        lb_word *w = realloc(wl->w, cap * sizeof *w);
        size_t *first = realloc(wl->first, cap * sizeof *first);
        if (w)
            wl->w = w;
        if (first)
            wl->first = first;
        if (!w || !first)
            return FOLIO_E_NOMEM;
        wl->wcap = cap;
    }
    if (wl->nw)
        wl->w[wl->nw - 1].space = space_before_new;
    wl->first[wl->nw] = wl->nf;
    wl->w[wl->nw++] = (lb_word){0, 0, 0};
    return 0;
}

static int add_frag(wordlist *wl, const frag *f)
{
    if (wl->nf == wl->fcap) {
        size_t cap = wl->fcap ? wl->fcap * 2 : 128;
        frag *v = realloc(wl->f, cap * sizeof *v);
        if (!v)
            return FOLIO_E_NOMEM;
        wl->f = v;
        wl->fcap = cap;
    }
    wl->f[wl->nf++] = *f;
    wl->w[wl->nw - 1].width += f->width;
    return 0;
}

static int is_space(const char *s, size_t len, size_t *adv)
{
    /* ASCII spaces, tabs, newlines; U+00A0 is a no-break space: not here. */
    (void)len;
    if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
        *adv = 1;
        return 1;
    }
    return 0;
}

/* Split runs into words. `pending_space` says a space came before the next
 * fragment, so it starts a new word. */
static int make_words(lctx *L, const folio_pstyle *st, const folio_run *runs,
                      size_t nruns, wordlist *wl)
{
    int pending_space = 1, rc = 0;
    int32_t space_w = 0;
    for (size_t r = 0; r < nruns; r++) {
        const folio_run *run = &runs[r];
        folio_face face = face_of(st->face, run->style);
        int32_t size = st->size, rise = 0;
        if (run->style & FOLIO_SUPER) {
            size = st->size * 6 / 10;
            rise = st->size * 33 / 100;
        }
        if (run->kind == FOLIO_RUN_LINE_BREAK) {
            if (wl->nw)
                wl->w[wl->nw - 1].forced = 1;
            pending_space = 1;
            continue;
        }
        if (run->kind == FOLIO_RUN_NOTE_REF) {
            const folio_fnote *fn = run->note ? folio_flow_note(L->flow, run->note) : NULL;
            if (!fn)
                continue;
            /* an endnote's marker is only a mark: its text is elsewhere */
            frag f = {fn->mark, strlen(fn->mark), face_of(st->face, 0),
                      st->size * 6 / 10, st->size * 33 / 100, 0, NULL,
                      fn->endnote ? NULL : fn};
            f.width = folio_text_width(L->fonts, f.face, f.size, f.text, f.len);
            if ((pending_space || !wl->nw) && (rc = new_word(wl, space_w)))
                return rc;
            pending_space = 0;
            if ((rc = add_frag(wl, &f)))
                return rc;
            continue;
        }
        if (!run->text)
            continue;
        const char *s = run->text;
        size_t len = strlen(s), i = 0;
        int32_t sw = folio_text_width(L->fonts, face, size, " ", 1);
        while (i < len) {
            size_t adv;
            if (is_space(s + i, len - i, &adv)) {
                pending_space = 1;
                space_w = sw;
                i += adv;
                continue;
            }
            size_t j = i;
            while (j < len && !is_space(s + j, len - j, &adv))
                j++;
            if ((pending_space || !wl->nw) && (rc = new_word(wl, space_w)))
                return rc;
            pending_space = 0;
            frag f = {s + i, j - i, face, size, rise, 0, run->link, NULL};
            f.width = folio_text_width(L->fonts, face, size, f.text, f.len);
            if ((rc = add_frag(wl, &f)))
                return rc;
            i = j;
        }
    }
    return 0;
}

/* A word wider than any line (a long URL) is cut into pieces that fit,
 * after a slash or hyphen where possible. */
static int split_long_words(lctx *L, wordlist *wl, int32_t max)
{
    for (size_t w = 0; w < wl->nw; w++) {
        if (wl->w[w].width <= max)
            continue;
        size_t fi = wl->first[w];
        size_t fend = w + 1 < wl->nw ? wl->first[w + 1] : wl->nf;
        if (fend - fi != 1)
            continue; /* mixed-style words: rare; left to overflow */
        frag f = wl->f[fi];
        int32_t acc = 0;
        size_t i = 0, cut = 0, last_soft = 0;
        while (i < f.len) {
            uint32_t cp;
            int n = folio_utf8_next(f.text + i, f.len - i, &cp);
            int gw = folio_glyph_width(L->fonts, f.face, cp);
            int32_t cw = (int32_t)((int64_t)(gw < 0 ? 250 : gw) * f.size / 1000);
            if (acc + cw > max && i > 0) {
                cut = last_soft ? last_soft : i;
                break;
            }
            acc += cw;
            i += (size_t)n;
            if (cp == '/' || cp == '-' || cp == '.' || cp == '_' || cp == '?' || cp == '&')
                last_soft = i;
        }
        if (!cut || cut >= f.len)
            continue;
        /* Make room for one more word and fragment after w. */
        int32_t space = wl->w[w].space;
        int forced = wl->w[w].forced;
        if (new_word(wl, 0))
            return FOLIO_E_NOMEM;
        if (wl->nf == wl->fcap) {
            frag *v = realloc(wl->f, (wl->fcap * 2 + 1) * sizeof *v);
            if (!v)
                return FOLIO_E_NOMEM;
            wl->f = v;
            wl->fcap = wl->fcap * 2 + 1;
        }
        memmove(&wl->f[fi + 2], &wl->f[fi + 1], (wl->nf - fi - 1) * sizeof *wl->f);
        wl->nf++;
        memmove(&wl->w[w + 2], &wl->w[w + 1], (wl->nw - w - 2) * sizeof *wl->w);
        memmove(&wl->first[w + 2], &wl->first[w + 1], (wl->nw - w - 2) * sizeof *wl->first);
        for (size_t k = w + 2; k < wl->nw; k++)
            wl->first[k]++;
        frag head = f, tail = f;
        head.len = cut;
        head.width = folio_text_width(L->fonts, f.face, f.size, head.text, head.len);
        tail.text = f.text + cut;
        tail.len = f.len - cut;
        tail.width = folio_text_width(L->fonts, f.face, f.size, tail.text, tail.len);
        wl->f[fi] = head;
        wl->f[fi + 1] = tail;
        wl->first[w + 1] = fi + 1;
        wl->w[w] = (lb_word){head.width, 0, 1};
        wl->w[w + 1] = (lb_word){tail.width, space, forced};
    }
    return 0;
}

int items_push(folio_arena *a, itemlist *l, const folio_item *it)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        folio_item *v = folio_grow(a, l->v, sizeof *v, l->n, cap);
        if (!v)
            return FOLIO_E_NOMEM;
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = *it;
    return 0;
}

vline *vblock_line(lctx *L, vblock *b, int32_t height)
{
    if (b->nlines == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 8;
        vline *v = folio_grow(L->a, b->lines, sizeof *v, b->nlines, cap);
        if (!v)
            return NULL;
        b->lines = v;
        b->cap = cap;
    }
    vline *ln = &b->lines[b->nlines++];
    memset(ln, 0, sizeof *ln);
    ln->height = height;
    ln->item0 = b->items.n;
    ln->note0 = b->nnotes;
    return ln;
}

int vblock_note(lctx *L, vblock *b, vline *line, const folio_fnote *n)
{
    if (b->nnotes == b->notes_cap) {
        size_t cap = b->notes_cap ? b->notes_cap * 2 : 8;
        const folio_fnote **v = folio_grow(L->a, b->notes, sizeof *v, b->nnotes, cap);
        if (!v)
            return FOLIO_E_NOMEM;
        b->notes = v;
        b->notes_cap = cap;
    }
    b->notes[b->nnotes++] = n;
    line->nnotes++;
    return 0;
}

hbox style_box(const folio_flow *f, const folio_pstyle *s)
{
    int32_t l = s->frame_relative ? f->page.frame_left : f->page.column_left;
    int32_t r = s->frame_relative ? f->page.frame_right : f->page.column_right;
    return (hbox){l + s->indent_left, r - s->indent_right};
}

static int place_text(lctx *L, vblock *b, vline *ln, const frag *f, int32_t x)
{
    folio_item it = {0};
    it.kind = FOLIO_ITEM_TEXT;
    it.x = x;
    it.y = -f->rise;
    it.face = f->face;
    it.size = f->size;
    it.text = f->text;
    it.len = f->len;
    int rc = items_push(L->a, &b->items, &it);
    if (!rc && f->uri) {
        folio_item lk = {0};
        lk.kind = FOLIO_ITEM_LINK;
        lk.x = x;
        lk.y = -f->rise - f->size * 8 / 10;
        lk.w = f->width;
        lk.h = f->size;
        lk.uri = f->uri;
        rc = items_push(L->a, &b->items, &lk);
    }
    if (!rc && f->note)
        rc = vblock_note(L, b, ln, f->note);
    ln->nitems = b->items.n - ln->item0;
    return rc;
}

static int place_label(lctx *L, vblock *b, vline *ln, const folio_pstyle *st,
                       const char *label, int32_t x)
{
    frag f = {label, strlen(label), st->face, st->size, 0, 0, NULL, NULL};
    return place_text(L, b, ln, &f, x);
}

/* floor(extra * g / gaps): the first g gaps' part of the extra room, so the
 * parts add up to exactly `extra` and the line ends on the margin. */
static int64_t share(int64_t extra, size_t g, size_t gaps)
{
    int64_t num = extra * (int64_t)g, den = (int64_t)gaps;
    return num >= 0 ? num / den : -((-num + den - 1) / den);
}

int set_paragraph(lctx *L, const folio_pstyle *st, const char *label,
                  const folio_run *runs, size_t nruns, hbox box, vblock *out)
{
    wordlist wl = {0};
    size_t *ends = NULL;
    int rc = 0;
    int32_t width = box.right - box.left;
    int32_t first_x = box.left, label_x = 0;
    int32_t label_w = label ? folio_text_width(L->fonts, st->face, st->size, label,
                                               strlen(label)) : 0;

    out->space_before = st->space_before;
    out->space_after = st->space_after;
    out->keep_with_next = st->keep_with_next;
    out->page_break_before = st->page_break_before;
    if (st->label_place == FOLIO_LABEL_AT_INDENT) {
        /* The first line starts at the tab stop, label or not: an
         * unnumbered paragraph is indented like a numbered one. */
        label_x = box.left + st->label_indent;
        first_x = box.left + st->first_line;
        int32_t min_x = label_x + label_w + st->size / 4;
        if (label && first_x < min_x)
            first_x = min_x;
    } else if (label) {
        label_x = box.left - st->label_gap - label_w;
    }
    if ((rc = make_words(L, st, runs, nruns, &wl)))
        goto done;
    if ((rc = split_long_words(L, &wl, width)))
        goto done;
    if (!wl.nw) {
        if (label) {
            vline *ln = vblock_line(L, out, st->leading);
            if (!ln || (rc = place_label(L, out, ln, st, label, label_x)))
                rc = rc ? rc : FOLIO_E_NOMEM;
        }
        goto done;
    }
    if (!(ends = malloc(wl.nw * sizeof *ends))) {
        rc = FOLIO_E_NOMEM;
        goto done;
    }
    size_t nlines = break_lines(wl.w, wl.nw, box.right - first_x, width, ends);
    size_t start = 0;
    for (size_t li = 0; li < nlines; li++) {
        size_t end = ends[li];
        int32_t x0 = li == 0 ? first_x : box.left;
        int32_t avail = box.right - x0, natural = 0;
        for (size_t k = start; k < end; k++)
            natural += wl.w[k].width + (k + 1 < end ? wl.w[k].space : 0);
        int last = li + 1 == nlines || wl.w[end - 1].forced;
        int64_t extra = avail - natural;
        size_t gaps = end - start - 1;
        int justify = st->align == FOLIO_H_JUSTIFY && !last && gaps > 0;
        if (!justify && extra < 0)
            extra = 0;
        if (st->align == FOLIO_H_CENTER)
            x0 += (int32_t)(extra / 2);
        else if (st->align == FOLIO_H_RIGHT)
            x0 += (int32_t)extra;
        vline *ln = vblock_line(L, out, st->leading);
        if (!ln) {
            rc = FOLIO_E_NOMEM;
            goto done;
        }
        if (li == 0 && label && (rc = place_label(L, out, ln, st, label, label_x)))
            goto done;
        int32_t x = x0;
        for (size_t k = start; k < end; k++) {
            size_t fend = k + 1 < wl.nw ? wl.first[k + 1] : wl.nf;
            int32_t fx = x;
            for (size_t fi = wl.first[k]; fi < fend; fi++) {
                if ((rc = place_text(L, out, ln, &wl.f[fi], fx)))
                    goto done;
                fx += wl.f[fi].width;
            }
            x += wl.w[k].width;
            if (k + 1 < end) {
                int32_t add = 0;
                if (justify) {
                    size_t g = k - start;
                    add = (int32_t)(share(extra, g + 1, gaps) - share(extra, g, gaps));
                }
                x += wl.w[k].space + add;
            }
        }
        start = end;
    }
done:
    free(ends);
    words_free(&wl);
    return rc;
}

int measure_runs(lctx *L, const folio_pstyle *st, const folio_run *runs,
                 size_t nruns, int32_t *minw, int32_t *maxw)
{
    wordlist wl = {0};
    int rc = make_words(L, st, runs, nruns, &wl);
    int64_t total = 0;
    int32_t widest = 0;
    for (size_t k = 0; !rc && k < wl.nw; k++) {
        total += wl.w[k].width + (k + 1 < wl.nw ? wl.w[k].space : 0);
        if (wl.w[k].width > widest)
            widest = wl.w[k].width;
    }
    *minw = widest;
    *maxw = total > INT32_MAX / 2 ? INT32_MAX / 2 : (int32_t)total;
    words_free(&wl);
    return rc;
}
