/* Setting a paragraph: runs become words of styled fragments; in justified
 * text the fragments are cut where a line may end inside a word (hyphen-
 * ation points, explicit hyphens); the words become boxes, glue and
 * penalties for the line breaker (linebreak.c); and each piece is placed on
 * its line (justified by placing every word, since libharu's word spacing
 * does not work with the 2-byte fonts it embeds). */
#include <stdlib.h>
#include <string.h>

#include "layout/hyphenate.h"
#include "layout/inline.h"
#include "layout/layout_internal.h"
#include "layout/script.h"
#include "util/text.h"
#include "util/mem.h"

/* The costs of breaking (penalties of breaks inside words, how far a
 * space stretches and shrinks, the emergency stretch) are the language's,
 * from the house style: L->flow->lang.costs. */
#define MAX_POINTS 48            /* break points looked for in one fragment */

enum { BRK_NONE, BRK_HYPHEN, BRK_EXPLICIT, BRK_CUT,
       BRK_CJK /* between characters of text without spaces: glue */ };

static int32_t scaled(int32_t w, int32_t hscale)
{
    return (int32_t)((int64_t)w * hscale / 1000);
}

typedef struct frag {
    const char *text;
    size_t len;
    int face;                /* a face of the fonts (layout/fonts.h) */
    int32_t size, rise, width;
    const char *uri;
    const folio_fnote *note;
    unsigned char brk;       /* a line may end after this piece: BRK_* */
    unsigned char cont;      /* the text goes on from the previous piece */
    unsigned char level;     /* bidirectional level (odd: right to left) */
    unsigned char shaped;    /* set through the shaper (inline.c) */
    uint32_t sid;            /* its structure element (L->tag) */
    unsigned char word_start;/* a space comes before it in the text (set
                                by add_frag) */
} frag;

typedef struct word {
    size_t first;            /* its first fragment */
    int32_t space;           /* natural space after it */
    unsigned char forced;    /* a line ends after it */
    unsigned char nobreak;   /* the space after it does not break */
} word;

typedef struct wordlist {
    frag *f;
    size_t nf, fcap;
    word *w;
    size_t nw, wcap;
} wordlist;

static void words_free(wordlist *wl)
{
    free(wl->f);
    free(wl->w);
    memset(wl, 0, sizeof *wl);
}

static size_t word_end(const wordlist *wl, size_t k)
{
    return k + 1 < wl->nw ? wl->w[k + 1].first : wl->nf;
}

static int64_t word_width(const wordlist *wl, size_t k)
{
    int64_t w = 0; /* a word of megabytes is wider than 2^31 millipoints */
    for (size_t fi = wl->w[k].first; fi < word_end(wl, k); fi++)
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
static int new_word(wordlist *wl, int32_t space_before, int nobreak_before)
{
    if (wl->nw == wl->wcap) {
        size_t cap = wl->wcap ? wl->wcap * 2 : 64;
        word *w = folio_realloc(wl->w, cap * sizeof *w);
        if (!w)
            return FOLIO_E_NOMEM;
        wl->w = w;
        wl->wcap = cap;
    }
    if (wl->nw) {
        wl->w[wl->nw - 1].space = space_before;
        wl->w[wl->nw - 1].nobreak = (unsigned char)nobreak_before;
    }
    wl->w[wl->nw++] = (word){wl->nf, 0, 0, 0};
    return 0;
}

static int add_frag(wordlist *wl, const frag *f)
{
    if (wl->nf == wl->fcap) {
        size_t cap = wl->fcap ? wl->fcap * 2 : 128;
        frag *v = folio_realloc(wl->f, cap * sizeof *v);
        if (!v)
            return FOLIO_E_NOMEM;
        wl->f = v;
        wl->fcap = cap;
    }
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
        size_t last = word_end(wl, k) - 1;
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
static int measure(lctx *L, frag *f)
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
        return add_frag(wl, &f);
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
        if (!(rc = measure(L, &f)))
            rc = add_frag(wl, &f);
    }
    free(segs.v);
    return rc;
}

/* Split runs into words. `pending` says a space came before the next
 * fragment, so it starts a new word; `nobreak` that the space was U+00A0. */
static int make_words(lctx *L, const folio_pstyle *st, const folio_run *runs,
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
            if ((pending || !wl->nw) && (rc = new_word(wl, space_w, nobreak)))
                goto done;
            pending = nobreak = 0;
            if ((rc = add_frag(wl, &f)))
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
            if ((pending || !wl->nw) && (rc = new_word(wl, space_w, nobreak)))
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

static int soft_char(uint32_t c)
{
    return c == '/' || c == '-' || c == '.' || c == '_' || c == '?' || c == '&' ||
           c == '=' || c == '#';
}

/* Where a web address, or any fragment wider than `max`, may be cut:
 * after a slash, dot, hyphen ..., before "%", and where a stretch between
 * those is still wider than `max`, wherever it must. At most `room` points
 * go to `pts`; with pts NULL they are only counted. */
static size_t cut_points(lctx *L, const frag *f, int32_t max, hyph_point *pts, size_t room)
{
    size_t n = 0, i = 0, last = 0;
    int32_t acc = 0;          /* width since the last point */
    while (i < f->len && n < room) {
        uint32_t cp, next = 0;
        int k = folio_utf8_next(f->text + i, f->len - i, &cp);
        int gw = folio_glyph_width(L->fonts, f->face, cp);
        int32_t cw = (int32_t)((int64_t)(gw < 0 ? 250 : gw) * f->size / 1000);
        if (acc + cw > max && i > last) {
            if (pts)
                pts[n] = (hyph_point){i, 0};
            n++;
            last = i;
            acc = 0;
        }
        acc += cw;
        i += (size_t)k;
        if (i < f->len)
            folio_utf8_next(f->text + i, f->len - i, &next);
        /* after a slash or dot, before an escape ("%20") */
        if (i < f->len && n < room && i > last &&
            ((soft_char(cp) && !soft_char(next)) || (next == '%' && cp != '%'))) {
            if (pts)
                pts[n] = (hyph_point){i, 0};
            n++;
            last = i;
            acc = 0;
        }
    }
    return n;
}

/* An address on the web: cut at its slashes and dots rather than leave a
 * line with wide gaps before it. */
static int is_url(const frag *f)
{
    size_t i = 0;
    while (i < f->len && (f->text[i] == '(' || f->text[i] == '<' || f->text[i] == '['))
        i++;
    const char *s = f->text + i;
    size_t n = f->len - i;
    return (n > 8 && !strncmp(s, "https://", 8)) || (n > 7 && !strncmp(s, "http://", 7)) ||
           (n > 4 && !strncmp(s, "www.", 4));
}

/* Where a piece wider than the column may be cut: between any two
 * characters (not before a combining mark, nor inside joined letters), so
 * the line before it can be filled. Byte offsets into pts; their count. */
static size_t char_points(const frag *f, size_t *pts, size_t room)
{
    size_t n = 0, i = 0;
    uint32_t prev = 0;
    while (i < f->len && n < room) {
        uint32_t cp;
        size_t k = (size_t)folio_utf8_next(f->text + i, f->len - i, &cp);
        if (i > 0 && !(cp >= 0x0300 && cp <= 0x036F) &&
            !(folio_needs_shaper(prev) && folio_needs_shaper(cp)))
            pts[n++] = i;
        prev = cp;
        i += k;
    }
    return n;
}

/* Add a piece of text without spaces. A web address in it is cut after
 * its slashes and dots, as in English; another piece wider than `max` (a
 * run the kinsoku rules keep whole, a Latin word longer than a line)
 * between any characters, with the glue of text without spaces there, so
 * no line runs past the column and the lines around it fill. The last
 * part keeps the piece's own break. */
static int add_cjk_piece(lctx *L, wordlist *out, const frag *piece, int32_t max)
{
    hyph_point hp[MAX_POINTS];
    size_t np = 0, *pts = NULL;
    int rc = 0, brk = BRK_CUT;
    if (!piece->note && is_url(piece)) {
        np = cut_points(L, piece, max, hp, MAX_POINTS);
        if (np && !(pts = folio_malloc(np * sizeof *pts)))
            return FOLIO_E_NOMEM;
        for (size_t p = 0; p < np; p++)
            pts[p] = hp[p].at;
    } else if (!piece->note && piece->width > max) {
        if (!(pts = folio_malloc(piece->len * sizeof *pts)))
            return FOLIO_E_NOMEM;
        np = char_points(piece, pts, piece->len);
        brk = BRK_CJK;
    }
    size_t at = 0;
    for (size_t p = 0; p <= np && !rc; p++) {
        frag part = *piece;
        size_t end = p < np ? pts[p] : piece->len;
        part.text = piece->text + at;
        part.len = end - at;
        part.cont = piece->cont || p > 0;
        part.brk = p < np ? (unsigned char)brk : piece->brk;
        if (!np || !(rc = measure(L, &part)))
            rc = add_frag(out, &part);
        at = end;
    }
    free(pts);
    return rc;
}

/* Cut a word of text without spaces between its characters, where the
 * language's rules allow (cjk_break.c): the pieces end in BRK_CJK. The
 * word's fragments are read as one text, so a rule sees across them. */
static int cut_cjk(lctx *L, const wordlist *in, size_t k, int32_t max, wordlist *out)
{
    size_t first = in->w[k].first, end = word_end(in, k), total = 0;
    for (size_t fi = first; fi < end; fi++)
        total += in->f[fi].len;
    char *buf = folio_malloc(total + 1);
    size_t *pos = folio_malloc((total + 1) * sizeof *pos);
    int n = buf && pos ? 0 : FOLIO_E_NOMEM, rc = 0;
    if (!n) {
        size_t o = 0;
        for (size_t fi = first; fi < end; fi++) {
            memcpy(buf + o, in->f[fi].text, in->f[fi].len);
            o += in->f[fi].len;
        }
        n = folio_cjk_breaks(&L->flow->lang.cjk, buf, total, pos);
    }
    size_t at_word = 0, p = 0;
    for (size_t fi = first; fi < end && n >= 0 && !rc; fi++) {
        const frag *f = &in->f[fi];
        size_t at = 0;
        for (;;) {
            /* the next break inside this fragment, or its end */
            while (p < (size_t)n && pos[p] <= at_word + at)
                p++;
            size_t cut = p < (size_t)n && pos[p] < at_word + f->len ? pos[p] - at_word
                                                                    : f->len;
            frag piece = *f;
            piece.text = f->text + at;
            piece.len = cut - at;
            piece.cont = at > 0;
            piece.brk = cut < f->len || (p < (size_t)n && pos[p] == at_word + f->len)
                            ? BRK_CJK
                            : BRK_NONE;
            if ((rc = measure(L, &piece)) || (rc = add_cjk_piece(L, out, &piece, max)))
                break;
            if (cut == f->len)
                break;
            at = cut;
        }
        at_word += f->len;
    }
    free(buf);
    free(pos);
    return n < 0 ? n : rc;
}

/* Does word k hold text written without spaces (and the language break
 * it between characters)? */
static int cjk_word(lctx *L, const wordlist *wl, size_t k)
{
    if (!L->flow->lang.cjk.on)
        return 0;
    for (size_t fi = wl->w[k].first; fi < word_end(wl, k); fi++)
        if (!wl->f[fi].note && folio_cjk_text(wl->f[fi].text, wl->f[fi].len))
            return 1;
    return 0;
}

/* Cut the fragments of `in` where lines may end inside words: at hyph-
 * enation points and explicit hyphens when `hyph` (justified text), and in
 * web addresses and fragments wider than `max`. The pieces go to `out`. */
static int cut_words(lctx *L, const wordlist *in, int hyph, const hyph_dict *d,
                     int32_t max, wordlist *out)
{
    const folio_break_costs *c = &L->flow->lang.costs;
    hyph_point pts[MAX_POINTS], *big = NULL;
    int rc = 0;
    for (size_t k = 0; k < in->nw && !rc; k++) {
        const word *w = &in->w[k];
        /* names, and the paragraph's last word, break only at their own
         * hyphens when the house says so */
        const frag *f0 = &in->f[w->first];
        const hyph_dict *wd = d;
        if ((!c->hyphenate_capitalised && folio_hyph_capitalised(f0->text, f0->len)) ||
            (!c->hyphenate_last_word && k + 1 == in->nw))
            wd = NULL;
        if ((rc = new_word(out, k ? in->w[k - 1].space : 0, k ? in->w[k - 1].nobreak : 0)))
            break;
        out->w[out->nw - 1].forced = w->forced;
        if (cjk_word(L, in, k)) {
            if ((rc = cut_cjk(L, in, k, max, out)))
                break;
            continue;
        }
        for (size_t fi = w->first; fi < word_end(in, k) && !rc; fi++) {
            const frag *f = &in->f[fi];
            size_t np = 0;
            int cut = 0;
            hyph_point *at_pts = pts;
            if (!f->note && (f->width > max || is_url(f))) {
                /* as many pieces as it takes, counted first: a word of
                 * 20,000 letters is hundreds of lines, and a word of
                 * megabytes is wider than its 32-bit width says */
                size_t room = cut_points(L, f, max, NULL, SIZE_MAX);
                if (room > MAX_POINTS) {
                    hyph_point *more = folio_realloc(big, room * sizeof *big);
                    if (!more) {
                        rc = FOLIO_E_NOMEM;
                        break;
                    }
                    big = more;
                    at_pts = big;
                } else {
                    room = MAX_POINTS;
                }
                np = cut_points(L, f, max, at_pts, room);
                cut = 1;
            } else if (!f->note && hyph) {
                np = folio_hyph_points(wd, L->flow->lang.hyph_left, L->flow->lang.hyph_right,
                                       f->text, f->len, pts, MAX_POINTS);
            }
            size_t at = 0;
            for (size_t p = 0; p <= np; p++) {
                size_t end = p < np ? at_pts[p].at : f->len;
                frag piece = *f;
                piece.text = f->text + at;
                piece.len = end - at;
                piece.cont = p > 0;
                piece.brk = p == np ? BRK_NONE
                            : cut   ? BRK_CUT
                            : at_pts[p].explicit_hyphen ? BRK_EXPLICIT
                                                     : BRK_HYPHEN;
                if (np && (rc = measure(L, &piece)))
                    break;
                if ((rc = add_frag(out, &piece)))
                    break;
                at = end;
            }
        }
    }
    free(big);
    if (rc)
        return rc;
    if (in->nw) {
        out->w[out->nw - 1].space = in->w[in->nw - 1].space;
        out->w[out->nw - 1].nobreak = in->w[in->nw - 1].nobreak;
    }
    return 0;
}

/* The items for the breaker; ref[i] is the fragment of a box or penalty and
 * the word (before the space) of a glue. */
typedef struct itemvec {
    lb_item *v;
    size_t *ref;
    size_t n, cap;
} itemvec;

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
static int make_items(lctx *L, const wordlist *wl, int32_t expand, int32_t max, itemvec *iv)
{
    const folio_break_costs *c = &L->flow->lang.costs;
    int rc = 0;
    int64_t group = 0; /* width of the words joined by no-break spaces so far */
    for (size_t k = 0; k < wl->nw && !rc; k++) {
        const word *w = &wl->w[k];
        size_t end = word_end(wl, k);
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
            if (w->nobreak && group + word_width(wl, k + 1) <= max)
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
static int32_t label_width(lctx *L, const folio_pstyle *st, const char *label)
{
    return folio_inline_width(L, folio_role_of(st->face, st->face), st->size, label,
                              strlen(label), L->flow->lang.rtl);
}

static int place_label(lctx *L, vblock *b, vline *ln, const folio_pstyle *st,
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
    int32_t w = label_width(L, st, label);
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

/* One line: items [s, e) of `iv`, ending with a break at item e. */
typedef struct line {
    size_t s, e;
    int32_t x0, avail;
} line;

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
        measure(L, f); /* a piece failing to shape keeps the pieces' sum */
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

static int place_line(lctx *L, const folio_pstyle *st, const wordlist *wl, const itemvec *iv,
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

int folio_set_paragraph(lctx *L, const folio_pstyle *st, const char *label,
                  const folio_run *runs, size_t nruns, hbox box, vblock *out)
{
    wordlist raw = {0}, wl = {0};
    itemvec iv = {0};
    size_t *ends = NULL, nlines = 0;
    int rc = 0;
    int32_t width = box.right - box.left;
    int32_t first_x = box.left, label_x = 0;
    int32_t label_w = label ? label_width(L, st, label) : 0;
    int justify = st->align == FOLIO_H_JUSTIFY;
    /* A right-to-left paragraph is set as its mirror image: every x from
     * the box's right edge (the box itself mirrors its indents). */
    int32_t mirror = L->flow->lang.rtl ? box.left + box.right : 0;

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
    } else if (st->label_place == FOLIO_LABEL_HANG) {
        /* the label at its place, the text at the indent (or after a
         * label wider than the room left for it) */
        label_x = box.left + st->label_indent;
        int32_t min_x = label_x + label_w + st->size / 4;
        if (label && first_x < min_x)
            first_x = min_x;
    } else if (label) {
        label_x = box.left - st->label_gap - label_w;
    }
    if ((rc = make_words(L, st, runs, nruns, &raw)))
        goto done;
    if (!raw.nw) {
        if (label) {
            vline *ln = folio_vblock_line(L, out, st->leading);
            if (!ln || (rc = place_label(L, out, ln, st, label, label_x, mirror)))
                rc = rc ? rc : FOLIO_E_NOMEM;
        }
        goto done;
    }
    const folio_break_costs *costs = &L->flow->lang.costs;
    const hyph_dict *dict =
        justify ? folio_hyph_dict(L->flow->house, L->flow->lang.hyphenation) : NULL;
    lb_params prm = {box.right - first_x, width,
                     (int32_t)((int64_t)costs->emergency_stretch * st->size / 1000), justify, 0,
                     costs, 0};
    prm.narrow = (int32_t)((int64_t)costs->narrow_measure * st->size);
    /* Most paragraphs are set by the first pass, which never hyphenates:
     * try that on words cut only at their explicit hyphens, and look for
     * hyphenation points (a fifth of the layout's time) only when it finds
     * no setting. The first pass skips pattern points, so its setting is
     * the same either way. */
    prm.first_pass_only = dict != NULL;
    /* what must fit on any line, the first (after a label) included */
    int32_t cut_max = box.right - first_x < width ? box.right - first_x : width;
    if (cut_max < st->size)
        cut_max = st->size;
    for (;;) {
        rc = cut_words(L, &raw, justify, prm.first_pass_only ? NULL : dict, cut_max, &wl);
        if (rc || (rc = make_items(L, &wl, justify ? L->flow->font_expansion : 0, cut_max, &iv)))
            goto done;
        free(ends);
        if (!(ends = folio_malloc(iv.n * sizeof *ends))) {
            rc = FOLIO_E_NOMEM;
            goto done;
        }
        rc = folio_break_lines(iv.v, iv.n, &prm, ends, &nlines);
        if (rc != LB_NO_FIT)
            break;
        prm.first_pass_only = 0; /* again, with the hyphenation points */
        words_free(&wl);
        iv.n = 0;
    }
    words_free(&raw); /* the pieces are all that is needed from here on */
    if (rc)
        goto done;
    size_t start = 0;
    for (size_t li = 0; li < nlines; li++) {
        /* what vanishes after a break: glue and penalties before a box */
        while (start < ends[li] && iv.v[start].kind != LB_BOX)
            start++;
        int32_t x0 = li == 0 ? first_x : box.left;
        line l = {start, ends[li], x0, box.right - x0};
        vline *ln = folio_vblock_line(L, out, st->leading);
        if (!ln) {
            rc = FOLIO_E_NOMEM;
            goto done;
        }
        if (li == 0 && label && (rc = place_label(L, out, ln, st, label, label_x, mirror)))
            goto done;
        size_t text0 = out->items.n; /* the line's text, after its label */
        if ((rc = place_line(L, st, &wl, &iv, &l, out, ln, mirror)))
            goto done;
        /* "I. Introduction": a label in the text's own element is a word */
        if (li == 0 && label && L->tag.label == L->tag.text && text0 > ln->item0)
            for (size_t k = text0; k < out->items.n; k++)
                if (out->items.v[k].kind == FOLIO_ITEM_TEXT && out->items.v[k].sid == L->tag.text) {
                    out->items.v[k].word_start = 1;
                    break;
                }
        ln->hyphenated = iv.v[ends[li]].kind == LB_PENALTY &&
                         (iv.v[ends[li]].flags & LB_FLAGGED);
        start = ends[li] + 1;
    }
done:
    free(ends);
    free(iv.v);
    free(iv.ref);
    words_free(&raw);
    words_free(&wl);
    return rc;
}

int folio_measure_runs(lctx *L, const folio_pstyle *st, const folio_run *runs,
                 size_t nruns, int32_t *minw, int32_t *maxw)
{
    wordlist wl = {0};
    int rc = make_words(L, st, runs, nruns, &wl);
    int64_t total = 0, group = 0, widest = 0;
    for (size_t k = 0; !rc && k < wl.nw; k++) {
        int64_t w = word_width(&wl, k);
        int32_t sp = k + 1 < wl.nw ? wl.w[k].space : 0;
        total += w + sp;
        /* words joined by no-break spaces are one unbreakable group */
        group += w;
        if (group > widest)
            widest = group;
        group = wl.w[k].nobreak && !wl.w[k].forced ? group + sp : 0;
    }
    *minw = widest > INT32_MAX / 2 ? INT32_MAX / 2 : (int32_t)widest;
    *maxw = total > INT32_MAX / 2 ? INT32_MAX / 2 : (int32_t)total;
    words_free(&wl);
    return rc;
}
