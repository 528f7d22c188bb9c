/* A paragraph's runs as words of styled fragments: faces, spaces, the
 * bidirectional levels, shaped pieces, the paragraph numbers kept whole. */
#include "layout/para.h"
#include "util/vec.h"

void folio_para_words_free(wordlist *wl)
{
    free(wl->f);
    free(wl->w);
    memset(wl, 0, sizeof *wl);
}

size_t folio_para_word_end(const wordlist *wl, size_t k)
{
    return k + 1 < wl->nw ? wl->w[k + 1].first : wl->nf;
}

int64_t folio_para_word_width(const wordlist *wl, size_t k)
{
    int64_t w = 0; /* a word of megabytes is wider than 2^31 millipoints */
    for (size_t fi = wl->w[k].first; fi < folio_para_word_end(wl, k); fi++)
        w += wl->f[fi].width;
    return w;
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

/* Start a word; the previous one gets the space between them. */
int folio_para_new_word(wordlist *wl, int32_t space_before, int nobreak_before)
{
    if (FOLIO_VEC_ROOM(wl->w, wl->nw, wl->wcap, 64))
        return FOLIO_E_NOMEM;
    if (wl->nw) {
        wl->w[wl->nw - 1].space = space_before;
        wl->w[wl->nw - 1].nobreak = (unsigned char)nobreak_before;
    }
    wl->w[wl->nw++] = (word){wl->nf, 0, 0, 0};
    return 0;
}

int folio_para_add_frag(wordlist *wl, const frag *f)
{
    if (FOLIO_VEC_ROOM(wl->f, wl->nf, wl->fcap, 128))
        return FOLIO_E_NOMEM;
    wl->f[wl->nf] = *f;
    /* the first piece of a word after the first word */
    wl->f[wl->nf].word_start = wl->nw > 1 && wl->w[wl->nw - 1].first == wl->nf;
    wl->nf++;
    return 0;
}

/* 1 for a breaking space (ASCII spaces, tabs, newlines), 2 for U+00A0, a
 * space that never breaks; 0 otherwise. */
static int space_at(const char *s, size_t len, size_t *adv)
{
    if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
        *adv = 1;
        return 1;
    }
    if (len >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0) {
        *adv = 2;
        return 2;
    }
    return 0;
}

/* "paragraph 5", "párrafos 3 a 7", "пункт 2": the space before the number
 * does not break. */
static void keep_paragraph_numbers(const folio_lang_labels *lang, wordlist *wl)
{
    const char *const *words = lang->nobreak_after;
    size_t nwords = lang->nnobreak;
    for (size_t k = 0; k + 1 < wl->nw; k++) {
        const word *w = &wl->w[k];
        size_t last = folio_para_word_end(wl, k) - 1;
        const frag *next = &wl->f[wl->w[k + 1].first];
        if (w->forced || w->nobreak || wl->f[last].note || next->note || !next->len ||
            next->text[0] < '0' || next->text[0] > '9')
            continue;
        if (folio_hyph_is_nobreak_word(words, nwords, wl->f[last].text, wl->f[last].len))
            wl->w[k].nobreak = 1;
    }
}

/* The width of a piece; pieces the shaper must see are shaped to be
 * measured (and again to be placed, with their codes). */
int folio_para_measure(lctx *L, frag *f)
{
    f->shaped = (L->flow->lang.fonts.mixed || f->level) && !f->note &&
                folio_shape_needed(f->text, f->len, f->level);
    if (!f->shaped) {
        f->width = folio_text_width(L->fonts, f->face, f->size, f->text, f->len);
        return 0;
    }
    folio_shaped sh;
    int rc = folio_shape_text(L->ctx, L->fonts, NULL, L->a, f->face, f->level,
                              L->flow->lang_tag, f->text, f->len, &sh);
    if (!rc)
        f->width = (int32_t)((int64_t)sh.advance * f->size / 1000);
    return rc;
}

/* The bidirectional levels of a paragraph's text: the runs' texts (a note
 * marker as its mark, a line break as a space) one after another; run r
 * starts at off[r]. NULL levels when the paragraph needs none. */
typedef struct para_levels {
    uint8_t *v;
    size_t *off;
} para_levels;

static int levels_of(lctx *L, const folio_run *runs, size_t nruns, para_levels *pl)
{
    int rtl = L->flow->lang.rtl, need = rtl, rc = 0;
    size_t total = 0;
    memset(pl, 0, sizeof *pl);
    for (size_t r = 0; r < nruns; r++)
        if (runs[r].kind == FOLIO_RUN_TEXT && runs[r].text && !need)
            need = folio_bidi_needed(runs[r].text, strlen(runs[r].text), 0);
    if (!need)
        return 0;
    if (!(pl->off = folio_malloc((nruns + 1) * sizeof *pl->off)))
        return FOLIO_E_NOMEM;
    for (int pass = 0; pass < 2; pass++) {
        char *buf = NULL;
        if (pass && !(buf = folio_malloc(total ? total : 1)))
            return FOLIO_E_NOMEM;
        total = 0;
        for (size_t r = 0; r < nruns; r++) {
            const char *t = "";
            if (runs[r].kind == FOLIO_RUN_TEXT && runs[r].text)
                t = runs[r].text;
            else if (runs[r].kind == FOLIO_RUN_NOTE_REF && runs[r].note) {
                const folio_fnote *fn = folio_flow_note(L->flow, runs[r].note);
                t = fn ? fn->mark : "";
            } else if (runs[r].kind == FOLIO_RUN_LINE_BREAK)
                t = " ";
            size_t n = strlen(t);
            pl->off[r] = total;
            if (buf)
                memcpy(buf + total, t, n);
            total += n;
        }
        pl->off[nruns] = total;
        if (buf) {
            if (!(pl->v = folio_malloc(total ? total : 1)))
                rc = FOLIO_E_NOMEM;
            else if ((rc = folio_bidi_levels(buf, total, rtl, pl->v)) > 0)
                rc = 0;
            free(buf);
        }
    }
    return rc;
}

static void levels_free(para_levels *pl)
{
    free(pl->v);
    free(pl->off);
}

/* The pieces of one word's text of one run: in the language's faces by
 * script and at their bidirectional levels (lv: the text's levels, or
 * NULL). The run's own face when the house font sets it alone. */
static int add_pieces(lctx *L, wordlist *wl, const frag *proto, int role, const uint8_t *lv,
                      int *script)
{
    const folio_lang_labels *lang = &L->flow->lang;
    int rc;
    if (!lang->fonts.mixed && !lv &&
        !folio_fontset_other_text(&lang->fonts, proto->text, proto->len)) {
        frag f = *proto;
        f.width = folio_text_width(L->fonts, f.face, f.size, f.text, f.len);
        return folio_para_add_frag(wl, &f);
    }
    folio_segs segs = {0};
    if ((rc = folio_segment(L->fonts, &lang->fonts, role, proto->text, proto->len, lv, script,
                            &segs)))
        return rc;
    for (size_t i = 0; i < segs.n && !rc; i++) {
        frag f = *proto;
        f.text = proto->text + segs.v[i].start;
        f.len = segs.v[i].len;
        f.face = segs.v[i].face;
        f.level = segs.v[i].level;
        if (!(rc = folio_para_measure(L, &f)))
            rc = folio_para_add_frag(wl, &f);
    }
    free(segs.v);
    return rc;
}

/* Split runs into words. `pending` says a space came before the next
 * fragment, so it starts a new word; `nobreak` that the space was U+00A0. */
int folio_para_make_words(lctx *L, const folio_pstyle *st, const folio_run *runs,
                      size_t nruns, wordlist *wl)
{
    int pending = 1, nobreak = 0, rc = 0, script = -1;
    int32_t space_w = 0;
    uint32_t next_inline = L->tag.inline0;
    para_levels pl;
    if ((rc = levels_of(L, runs, nruns, &pl)))
        goto done;
    for (size_t r = 0; r < nruns; r++) {
        const folio_run *run = &runs[r];
        /* a link or a note marker is an element of its own */
        uint32_t sid = next_inline && folio_tag_run(L->flow, run) ? next_inline++ : L->tag.text;
        folio_face face = face_of(st->face, run->style);
        int role = folio_role_of(st->face, face);
        int32_t size = st->size, rise = 0;
        if (run->style & FOLIO_SUPER) {
            size = st->size * 6 / 10;
            rise = st->size * 33 / 100;
        }
        if (run->kind == FOLIO_RUN_LINE_BREAK) {
            if (wl->nw)
                wl->w[wl->nw - 1].forced = 1;
            pending = 1;
            nobreak = 0;
            continue;
        }
        if (run->kind == FOLIO_RUN_NOTE_REF) {
            const folio_fnote *fn = run->note ? folio_flow_note(L->flow, run->note) : NULL;
            if (!fn)
                continue;
            /* an endnote's marker is only a mark: its text is elsewhere */
            frag f = {fn->mark, strlen(fn->mark), face_of(st->face, 0),
                      st->size * 6 / 10, st->size * 33 / 100, 0, NULL,
                      fn->endnote ? NULL : fn, BRK_NONE, 0, 0, 0, sid, 0};
            f.width = folio_text_width(L->fonts, f.face, f.size, f.text, f.len);
            if (pl.v)
                f.level = pl.v[pl.off[r]];
            if ((pending || !wl->nw) && (rc = folio_para_new_word(wl, space_w, nobreak)))
                goto done;
            pending = nobreak = 0;
            if ((rc = folio_para_add_frag(wl, &f)))
                goto done;
            continue;
        }
        if (!run->text)
            continue;
        const char *s = run->text;
        size_t len = strlen(s), i = 0;
        int32_t sw = folio_text_width(L->fonts, face, size, " ", 1);
        while (i < len) {
            size_t adv;
            int sp = space_at(s + i, len - i, &adv);
            if (sp) {
                pending = 1;
                nobreak |= sp == 2;
                space_w = sw;
                /* a space after text in a face of its own is that face's */
                if (wl->nf && wl->f[wl->nf - 1].face != (int)face &&
                    folio_glyph_width(L->fonts, wl->f[wl->nf - 1].face, ' ') >= 0)
                    space_w = folio_text_width(L->fonts, wl->f[wl->nf - 1].face, size, " ", 1);
                i += adv;
                continue;
            }
            size_t j = i;
            while (j < len && !space_at(s + j, len - j, &adv))
                j++;
            if ((pending || !wl->nw) && (rc = folio_para_new_word(wl, space_w, nobreak)))
                goto done;
            pending = nobreak = 0;
            frag f = {s + i, j - i, face, size, rise, 0, run->link, NULL, BRK_NONE, 0, 0, 0,
                      sid, 0};
            if ((rc = add_pieces(L, wl, &f, role, pl.v ? pl.v + pl.off[r] + i : NULL, &script)))
                goto done;
            i = j;
        }
    }
    /* a hard break at the very end would leave an empty line */
    if (wl->nw)
        wl->w[wl->nw - 1].forced = 0;
    keep_paragraph_numbers(&L->flow->lang, wl);
done:
    levels_free(&pl);
    return rc;
}
