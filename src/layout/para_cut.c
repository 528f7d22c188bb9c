/* Where a line may end inside a word: hyphenation points, explicit
 * hyphens, the characters of text without spaces (kinsoku), a piece
 * cut when nothing else fits. */
#include "layout/para.h"

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
        if (!np || !(rc = folio_para_measure(L, &part)))
            rc = folio_para_add_frag(out, &part);
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
    size_t first = in->w[k].first, end = folio_para_word_end(in, k), total = 0;
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
            if ((rc = folio_para_measure(L, &piece)) || (rc = add_cjk_piece(L, out, &piece, max)))
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
    for (size_t fi = wl->w[k].first; fi < folio_para_word_end(wl, k); fi++)
        if (!wl->f[fi].note && folio_cjk_text(wl->f[fi].text, wl->f[fi].len))
            return 1;
    return 0;
}

/* Cut the fragments of `in` where lines may end inside words: at hyph-
 * enation points and explicit hyphens when `hyph` (justified text), and in
 * web addresses and fragments wider than `max`. The pieces go to `out`. */
int folio_para_cut_words(lctx *L, const wordlist *in, int hyph, const hyph_dict *d,
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
        if ((rc = folio_para_new_word(out, k ? in->w[k - 1].space : 0, k ? in->w[k - 1].nobreak : 0)))
            break;
        out->w[out->nw - 1].forced = w->forced;
        if (cjk_word(L, in, k)) {
            if ((rc = cut_cjk(L, in, k, max, out)))
                break;
            continue;
        }
        for (size_t fi = w->first; fi < folio_para_word_end(in, k) && !rc; fi++) {
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
                if (np && (rc = folio_para_measure(L, &piece)))
                    break;
                if ((rc = folio_para_add_frag(out, &piece)))
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
