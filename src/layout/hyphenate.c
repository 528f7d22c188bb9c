/* Hyphenation points of words, with libhyphen and the pattern dictionaries
 * a language's house style file names: Debian's for LibreOffice
 * (hyphen-en-us, hyphen-es, hyphen-fr), or folio's own where Debian's is
 * poor (Russian: styles/hyphen/hyph_ru.dic, built into the binary with the
 * rest of the house style). Also the one piece of word knowledge the
 * breaker needs besides: the words a following number stays with. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <hyphen.h>

#include "house/house.h"
#include "layout/fonts.h"
#include "layout/hyphenate.h"
#include "util/text.h"
#include "util/mem.h"

/* Longest word (in characters) looked at; longer ones are not cut. */
#define WORD_MAX 96

typedef enum enc { ENC_UTF8, ENC_KOI8R, ENC_LATIN1 } enc;

struct hyph_dict {
    HyphenDict *h;
    enc enc;
};

/* The dictionary libhyphen read, in an encoding folio converts to; NULL
 * (and h freed) otherwise. */
static hyph_dict *wrap(HyphenDict *h)
{
    if (!h)
        return NULL;
    enc en = ENC_UTF8;
    if (!h->utf8) {
        if (!strncmp(h->cset, "KOI8-R", 6))
            en = ENC_KOI8R;
        else if (!strncmp(h->cset, "ISO8859-1", 9) || !strncmp(h->cset, "ISO-8859-1", 10))
            en = ENC_LATIN1;
        else {
            hnj_hyphen_free(h);
            return NULL;
        }
    }
    hyph_dict *d = folio_malloc(sizeof *d);
    if (!d) {
        hnj_hyphen_free(h);
        return NULL;
    }
    d->h = h;
    d->enc = en;
    return d;
}

/* One dictionary of a `hyphenation` list: a file of the house style (read
 * from its bytes), or a path on the system. */
static hyph_dict *load_one(const folio_house *house, const char *name)
{
    if (name[0] == '/')
        return access(name, R_OK) == 0 ? wrap(hnj_hyphen_load(name)) : NULL;
    const folio_house_file *f = folio_house_find_file(house, name);
    if (!f || !f->len)
        return NULL;
    FILE *fp = fmemopen((void *)f->data, f->len, "r");
    if (!fp)
        return NULL;
    HyphenDict *h = hnj_hyphen_load_file(fp);
    fclose(fp);
    return wrap(h);
}

/* The first dictionary of the list that loads (folio_house_memo_get's
 * maker). */
static void *load(const folio_house *house, const char *key, void *arg)
{
    const char *spec = arg, *s;
    size_t len;
    (void)key;
    for (int i = 0; folio_house_item(spec, i, &s, &len); i++) {
        char name[4096];
        if (!len || len >= sizeof name)
            continue;
        memcpy(name, s, len);
        name[len] = 0;
        hyph_dict *d = load_one(house, name);
        if (d)
            return d;
    }
    return NULL;
}

static void drop(void *p)
{
    hyph_dict *d = p;
    hnj_hyphen_free(d->h);
    free(d);
}

const hyph_dict *folio_hyph_dict(const folio_house *h, const char *spec)
{
    if (!h || !spec || !*spec)
        return NULL;
    char key[4200];
    if (snprintf(key, sizeof key, "hyphenation:%s", spec) >= (int)sizeof key)
        return NULL;
    return folio_house_memo_get(h, key, load, (void *)spec, drop);
}

/* Letters of the scripts the dictionaries cover. */
static int is_letter(uint32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
           (c >= 0x400 && c <= 0x481) || (c >= 0x48A && c <= 0x4FF);
}

static int is_upper(uint32_t c)
{
    if (c >= 'A' && c <= 'Z')
        return 1;
    if (c >= 0xC0 && c <= 0xDE)
        return c != 0xD7;
    if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177))
        return c % 2 == 0;
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
        return c % 2 == 1;
    if (c == 0x178)
        return 1;
    return c >= 0x400 && c <= 0x42F;
}

static uint32_t lower(uint32_t c)
{
    if (!is_upper(c))
        return c;
    if (c <= 0xDE)
        return c + 0x20;
    if (c == 0x178)
        return 0xFF;
    if (c < 0x400)
        return c + 1;
    return c < 0x410 ? c + 0x50 : c + 0x20;
}

/* The dashes after which a line may end inside a word: hyphens, and the en
 * dash of "Italy–Libya" or "2016–2018" (TeX breaks after both). */
static int is_hyphen(uint32_t c)
{
    return c == '-' || c == 0x2010 || c == 0x2013;
}

static int is_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

/* A range of numbers, "2016-2018" or "(2016–2018)," (the core cp[a..b),
 * punctuation around it checked by the caller): the index of the first
 * digit after the dash when both numbers are long enough to stand apart
 * at the end and start of a line, else 0. */
static size_t number_range(const uint32_t *cp, size_t a, size_t b, size_t left, size_t right)
{
    size_t k = a;
    while (k < b && is_digit(cp[k]))
        k++;
    if (k - a < left || k >= b || !is_hyphen(cp[k]))
        return 0;
    size_t f = k + 1;
    while (f < b && is_digit(cp[f]))
        f++;
    return f == b && b - (k + 1) >= right ? k + 1 : 0;
}

static int is_apostrophe(uint32_t c)
{
    return c == '\'' || c == 0x2019;
}

/* Punctuation that may stand around a word that is hyphenated. */
static int is_punctuation(uint32_t c)
{
    return (c < 0x80 && strchr("\"'()[],.;:!?-", (int)c) && c) || c == 0xAB || c == 0xBB ||
           c == 0xA1 || c == 0xBF || (c >= 0x2018 && c <= 0x201F) || c == 0x2026 ||
           c == 0x2013 || c == 0x2014;
}

/* KOI8-R codes of а..я (U+0430..U+044F), in Unicode order. */
static const unsigned char koi8r_lower[32] = {
    0xC1, 0xC2, 0xD7, 0xC7, 0xC4, 0xC5, 0xD6, 0xDA, 0xC9, 0xCA, 0xCB,
    0xCC, 0xCD, 0xCE, 0xCF, 0xD0, 0xD2, 0xD3, 0xD4, 0xD5, 0xC6, 0xC8,
    0xC3, 0xDE, 0xDB, 0xDD, 0xDF, 0xD9, 0xD8, 0xDC, 0xC0, 0xD1};

/* Append the lower-case form of `c` in the dictionary's encoding; returns
 * bytes written, 0 when the encoding has no such character. */
static size_t encode(enc en, uint32_t c, char *o)
{
    c = lower(c);
    switch (en) {
    case ENC_KOI8R:
        if (c >= 0x430 && c <= 0x44F) {
            *o = (char)koi8r_lower[c - 0x430];
            return 1;
        }
        if (c == 0x451) { /* ё */
            *o = (char)0xA3;
            return 1;
        }
        return c < 0x80 ? (*o = (char)c, 1) : 0;
    case ENC_LATIN1:
        return c < 0x100 ? (*o = (char)c, 1) : 0;
    case ENC_UTF8:
        break;
    }
    return folio_utf8_put(o, c);
}

/* Pattern points inside the letters cp[a..b) (a word without hyphens or
 * apostrophes): sets cut[k] for a break before character k. */
static void pattern_points(const hyph_dict *d, size_t left, size_t right, const uint32_t *cp,
                           size_t a, size_t b, unsigned char *cut)
{
    char word[WORD_MAX * 3 + 1];
    char hyph[WORD_MAX * 3 + 5];
    size_t n = 0;
    if (b - a < left + right)
        return;
    for (size_t k = a; k < b; k++) {
        size_t m = encode(d->enc, cp[k], word + n);
        if (!m)
            return;
        n += m;
    }
    word[n] = 0;
    memset(hyph, 0, sizeof hyph);
    char **rep = NULL;
    int *pos = NULL, *cutv = NULL;
    if (hnj_hyphen_hyphenate3(d->h, word, (int)n, hyph, NULL, &rep, &pos, &cutv, (int)left,
                              (int)right, (int)left, (int)right) == 0) {
        /* hyph[k] (one per character, also in UTF-8) odd: a break after k;
         * the limits are checked again because the compound rules of some
         * dictionaries can relax them. */
        for (size_t k = left - 1; k + right < b - a; k++)
            if ((hyph[k] & 1) && !(rep && rep[k]))
                cut[a + k + 1] = 1;
    }
    if (rep) {
        for (size_t k = 0; k < n; k++)
            free(rep[k]);
        free(rep);
    }
    free(pos);
    free(cutv);
}

size_t folio_hyph_points(const hyph_dict *d, int left_min, int right_min, const char *text,
                         size_t len, hyph_point *out, size_t max)
{
    size_t left = left_min > 0 ? (size_t)left_min : 1;
    size_t right = right_min > 0 ? (size_t)right_min : 1;
    uint32_t cp[WORD_MAX + 1];
    size_t off[WORD_MAX + 1];
    unsigned char cut[WORD_MAX + 1]; /* 1 pattern point, 2 after a hyphen */
    size_t n = 0, i = 0;
    while (i < len) {
        if (n == WORD_MAX)
            return 0;
        off[n] = i;
        i += (size_t)folio_utf8_next(text + i, len - i, &cp[n]);
        n++;
    }
    off[n] = len;
    /* The core: from the first letter or digit to the last. */
    size_t a = 0, b = n;
    while (a < b && !is_letter(cp[a]) && !is_digit(cp[a]))
        a++;
    while (b > a && !is_letter(cp[b - 1]) && !is_digit(cp[b - 1]))
        b--;
    if (b - a < left + right)
        return 0;
    for (size_t k = 0; k < n; k++)
        if ((k < a || k >= b) && !is_punctuation(cp[k]))
            return 0; /* "(see/", "e-mail:x@y" */
    size_t range = number_range(cp, a, b, left, right);
    if (range && max) {
        /* "2016-2018": after the dash, as after a compound's hyphen */
        out[0] = (hyph_point){off[range], 1};
        return 1;
    }
    int capitals = 0;
    for (size_t k = a; k < b; k++) {
        if (!is_letter(cp[k]) && !is_hyphen(cp[k]) && !is_apostrophe(cp[k]))
            return 0; /* digits, '/', '@', '.', ...: symbols, numbers, addresses */
        if (k > a && is_upper(cp[k]))
            capitals = 1; /* acronyms, "CoE-GRECO": cut only after a hyphen */
    }
    memset(cut, 0, n + 1);
    /* Segments of letters between hyphens and apostrophes. */
    size_t s = a;
    while (s < b) {
        size_t e = s;
        while (e < b && is_letter(cp[e]))
            e++;
        if (d && !capitals)
            pattern_points(d, left, right, cp, s, e, cut);
        if (e < b && is_hyphen(cp[e]) && e + 1 < b) {
            /* "non-governmental": a break after the hyphen when both
             * parts are long enough */
            size_t f = e + 1;
            while (f < b && is_letter(cp[f]))
                f++;
            if (e - s >= left && f - (e + 1) >= right)
                cut[e + 1] = 2;
        }
        s = e < b ? e + 1 : e;
    }
    size_t m = 0;
    for (size_t k = a + 1; k < b && m < max; k++)
        if (cut[k])
            out[m++] = (hyph_point){off[k], cut[k] == 2};
    return m;
}

int folio_hyph_capitalised(const char *text, size_t len)
{
    for (size_t i = 0; i < len;) {
        uint32_t c;
        i += (size_t)folio_utf8_next(text + i, len - i, &c);
        if (is_letter(c))
            return is_upper(c);
        if (!is_punctuation(c))
            return 0; /* "2030", "@UN" */
    }
    return 0;
}

int folio_hyph_is_nobreak_word(const char *const *words, size_t n, const char *text,
                               size_t len)
{
    if (!n)
        return 0;
    size_t i = 0;
    while (i < len) { /* an opening bracket or quote */
        uint32_t c;
        int k = folio_utf8_next(text + i, len - i, &c);
        if (is_letter(c))
            break;
        i += (size_t)k;
    }
    char *low = folio_text_fold(text + i, len - i);
    int found = 0;
    for (size_t w = 0; low && !found && w < n; w++)
        found = !strcmp(low, words[w]);
    free(low);
    return found;
}
