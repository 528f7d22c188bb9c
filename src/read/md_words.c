/* The words of a UN masthead and of the dialect, in the languages of the
 * house style (each language file gives its own):
 * "United Nations", "Distr.: General", "Original: English", session and
 * agenda lines, annex headings, duty stations, document symbols. */
#include <stdlib.h>
#include <string.h>

#include "read/md_internal.h"

static int starts(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

/* A letter byte for word boundaries: ASCII letters and any non-ASCII byte
 * (Cyrillic and accented letters are multi-byte). */
static int letter_byte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (unsigned char)c >= 0x80;
}

/* `word` occurs in folded text as a whole word. */
static int has_word(const char *f, const char *word)
{
    size_t wl = strlen(word);
    for (const char *p = strstr(f, word); p; p = strstr(p + 1, word)) {
        int before = p > f && letter_byte(p[-1]);
        int after = letter_byte(p[wl]);
        if (!before && !after)
            return 1;
    }
    return 0;
}

int folio_md_is_symbol(const char *s, size_t n)
{
    s = folio_md_trim(s, &n);
    while (n && s[n - 1] == '*')
        n--;
    if (n < 3 || n > 120)
        return 0;
    size_t ncomp = 0, i = 0;
    int second_digit = 0;
    while (i <= n) {
        size_t start = i;
        while (i < n && s[i] != '/')
            i++;
        size_t len = i - start;
        const char *c = s + start;
        if (len == 0)
            return 0;
        if (ncomp == 0) { /* the series: A, E, S, CTOC, UNEP... */
            if (len > 10)
                return 0;
            for (size_t k = 0; k < len; k++)
                if (!is_upper(c[k]))
                    return 0;
        } else {
            if (!is_upper(c[0]) && !is_digit(c[0]))
                return 0;
            for (size_t k = 0; k < len; k++) {
                char ch = c[k];
                if (!is_upper(ch) && !is_digit(ch) && !(ch >= 'a' && ch <= 'z') &&
                    ch != '.' && ch != '-' && ch != '(' && ch != ')')
                    return 0;
                if (ncomp == 1 && is_digit(ch))
                    second_digit = 1;
            }
        }
        ncomp++;
        i++; /* past the '/' (or the end) */
    }
    return ncomp >= 3 || (ncomp == 2 && second_digit);
}

/* A word or phrase of a list in folded text: as a whole word, except for
 * words of Arabic and Chinese, which have no word boundaries to check. */
static int has_term(const char *f, const char *term)
{
    return (unsigned char)term[0] >= 0xD8 ? strstr(f, term) != NULL : has_word(f, term);
}

/* The id of the house word the whole of a folded text is, or NULL. */
static const folio_house_word *whole(const folio_house *h, folio_house_list l, const char *f)
{
    size_t count;
    const folio_house_word *w = folio_house_words(h, l, &count);
    for (size_t i = 0; i < count; i++)
        if (!strcmp(f, w[i].text))
            return &w[i];
    return NULL;
}

int folio_md_is_wordmark(const folio_house *h, const char *s, size_t n)
{
    char *f = folio_text_fold(s, n);
    if (!f)
        return 0;
    int found = whole(h, FOLIO_HL_WORDMARK, f) != NULL;
    /* a wordmark in spaced characters ("联 合 国", as Chinese mastheads
     * print it): the characters without the spaces */
    if (!found && strchr(f, ' ') && (unsigned char)f[0] >= 0xE0) {
        char *o = f;
        for (const char *p = f; *p; p++)
            if (*p != ' ')
                *o++ = *p;
        *o = 0;
        found = whole(h, FOLIO_HL_WORDMARK, f) != NULL;
    }
    free(f);
    return found;
}

int folio_md_distribution(const folio_house *h, const char *s, size_t n, folio_distribution *d,
                          int *known)
{
    char *f = folio_text_fold(s, n);
    if (!f)
        return 0;
    const char *p = f + 5;
    int is_distr = starts(f, "distr");
    if (is_distr && starts(p, "ibution"))
        p += 7;
    /* "Distr.: General": the word, a stop or colon, one category word */
    is_distr = is_distr && (*p == '.' || *p == ':' || *p == ' ');
    while (is_distr && (*p == '.' || *p == ' ' || *p == ':'))
        p++;
    is_distr = is_distr && *p && !strchr(p, ' ');
    if (is_distr) {
        const folio_house_word *w = whole(h, FOLIO_HL_DISTR, p);
        *known = w != NULL;
        if (w)
            *d = !strcmp(w->id, "restricted") ? FOLIO_DISTR_RESTRICTED
                 : !strcmp(w->id, "limited")  ? FOLIO_DISTR_LIMITED
                                              : FOLIO_DISTR_GENERAL;
    }
    free(f);
    return is_distr;
}

/* The language named after an "Original:" prefix in folded text. */
static int original_rest(const folio_house *h, const char *f, const char **lang)
{
    size_t count;
    const folio_house_word *w = folio_house_words(h, FOLIO_HL_ORIGINAL, &count);
    for (size_t i = 0; i < count; i++) {
        if (!starts(f, w[i].text))
            continue;
        const char *p = f + strlen(w[i].text);
        while (*p == ' ')
            p++;
        if (*p != ':')
            return 0;
        p++;
        while (*p == ' ')
            p++;
        *lang = folio_house_lang(h, p);
        return 1;
    }
    return 0;
}

int folio_md_original_line(const folio_house *h, const char *s, size_t n, const char **lang)
{
    char *f = folio_text_fold(s, n);
    if (!f)
        return 0;
    int r = original_rest(h, f, lang);
    free(f);
    return r;
}

int folio_md_bracket_original(const folio_house *h, const char *s, size_t n, const char **lang)
{
    s = folio_md_trim(s, &n);
    if (n < 2 || s[0] != '[' || s[n - 1] != ']')
        return 0;
    return folio_md_original_line(h, s + 1, n - 2, lang);
}

int folio_md_is_session(const folio_house *h, const char *s, size_t n)
{
    if (folio_utf8_count(s, n) > 80)
        return 0;
    char *f = folio_text_fold(s, n);
    if (!f)
        return 0;
    size_t count;
    const folio_house_word *w = folio_house_words(h, FOLIO_HL_SESSION, &count);
    int r = 0;
    for (size_t i = 0; i < count && !r; i++)
        r = has_term(f, w[i].text);
    free(f);
    return r;
}

int folio_md_is_agenda_item(const folio_house *h, const char *s, size_t n)
{
    if (folio_utf8_count(s, n) > 120)
        return 0;
    char *f = folio_text_fold(s, n);
    if (!f)
        return 0;
    int r = 0;
    size_t count;
    /* "Item 3 ...": a lead word and a number; or a phrase anywhere */
    const folio_house_word *w = folio_house_words(h, FOLIO_HL_AGENDA_LEAD, &count);
    for (size_t i = 0; i < count && !r; i++) {
        size_t k = strlen(w[i].text);
        r = starts(f, w[i].text) && f[k] == ' ' && is_digit(f[k + 1]);
    }
    w = folio_house_words(h, FOLIO_HL_AGENDA, &count);
    for (size_t i = 0; i < count && !r; i++)
        r = strstr(f, w[i].text) != NULL;
    free(f);
    return r;
}

/* What may follow "Annex": a roman numeral, a number or one letter. */
static int annex_number(const char *p)
{
    size_t n = strlen(p);
    if (n == 0)
        return 1;
    if (n == 1 && p[0] >= 'a' && p[0] <= 'z')
        return 1;
    int all_digits = 1;
    for (size_t i = 0; i < n; i++)
        all_digits &= is_digit(p[i]);
    if (all_digits && n <= 3)
        return 1;
    return folio_md_roman_value(p, n) > 0;
}

/* Numerals of the house written one after another: "一", "二十". */
static int numerals(const folio_house *h, const char *p)
{
    size_t count;
    const folio_house_word *w = folio_house_words(h, FOLIO_HL_NUMERAL, &count);
    while (*p) {
        size_t k = 0;
        while (k < count && !starts(p, w[k].text))
            k++;
        if (k == count)
            return 0;
        p += strlen(w[k].text);
    }
    return 1;
}

int folio_md_is_annex(const folio_house *h, const char *s, size_t n)
{
    if (n > 200)
        return 0;
    char *f = folio_text_fold(s, n);
    if (!f)
        return 0;
    size_t fl = strlen(f);
    while (fl && (f[fl - 1] == ':' || f[fl - 1] == '.'))
        f[--fl] = 0;
    int r = 0;
    size_t count;
    /* the annex labels of the languages ("Annex", "Anexo", "附件",
     * "المرفق"), and after one what the language numbers annexes with */
    const folio_house_word *w = folio_house_words(h, FOLIO_HL_ANNEX, &count);
    for (size_t i = 0; i < count && !r; i++) {
        size_t wl = strlen(w[i].text);
        if (strncmp(f, w[i].text, wl))
            continue;
        const char *p = f + wl;
        switch (w[i].n) {
        case FOLIO_ANNEX_NUMERALS: /* 附件, 附件一, 附件二... */
            r = numerals(h, p);
            break;
        case FOLIO_ANNEX_WORD: /* المرفق, المرفق الأول */
            r = *p == 0 || (*p == ' ' && strchr(p + 1, ' ') == NULL);
            break;
        default: /* Annex, Annex I, Annex 2, Annex A */
            if (*p == 0 || *p == ' ')
                r = annex_number(*p ? p + 1 : p);
            break;
        }
    }
    free(f);
    return r;
}

const char *folio_md_station_in(const folio_house *h, const char *s, size_t n)
{
    char *f = folio_text_fold(s, n);
    if (!f)
        return NULL;
    const char *r = NULL;
    size_t count;
    const folio_house_word *w = folio_house_words(h, FOLIO_HL_STATION_NAME, &count);
    for (size_t i = 0; i < count && !r; i++)
        if (has_term(f, w[i].text))
            r = w[i].id;
    free(f);
    return r;
}

const char *folio_md_station_name(const folio_house *h, const char *s, size_t n)
{
    char *f = folio_text_fold(s, n);
    if (!f)
        return NULL;
    const char *r = NULL;
    /* the station's own name, "new-york", also without its hyphens */
    for (size_t i = 0; i < h->nstations && !r; i++) {
        const char *id = h->stations[i];
        char bare[128];
        size_t k = 0;
        for (const char *p = id; *p && k + 1 < sizeof bare; p++)
            if (*p != '-')
                bare[k++] = *p;
        bare[k] = 0;
        if (!strcmp(f, id) || !strcmp(f, bare))
            r = id;
    }
    size_t count;
    const folio_house_word *w = folio_house_words(h, FOLIO_HL_STATION_NAME, &count);
    for (size_t i = 0; i < count && !r; i++)
        if (strcmp(f, w[i].text) == 0)
            r = w[i].id;
    free(f);
    return r;
}

const char *folio_md_station_of_symbol(const folio_house *h, const char *symbol)
{
    /* series serviced by one duty station (a fallback when the text names
     * no city) */
    return folio_house_longest_prefix(h, FOLIO_HL_SERIES, symbol);
}

size_t folio_md_lang_words(const folio_house *h, const char *key, const char *folded)
{
    size_t best = 0;
    for (size_t i = 0; i < h->nlangs; i++) {
        const char *list = folio_house_lang_get(h, h->langs[i], key);
        const char *s;
        size_t len;
        for (int k = 0; list && folio_house_item(list, k, &s, &len); k++) {
            char *f = len ? folio_text_fold(s, len) : NULL;
            if (!f)
                continue;
            size_t fl = strlen(f);
            /* the item as a whole word (or phrase) at the start; words of
             * Chinese and Arabic have no boundary to check */
            if (fl > best && !strncmp(folded, f, fl) &&
                ((unsigned char)f[0] >= 0xD8 || !letter_byte(folded[fl])))
                best = fl;
            free(f);
        }
    }
    return best;
}

int folio_md_annex_heading(const folio_house *h, const char *s, size_t n)
{
    if (n == 0 || n > 400)
        return 0;
    if (n <= 200 && folio_md_is_annex(h, s, n))
        return 1;
    char *f = folio_text_fold(s, n);
    if (!f)
        return 0;
    int r = 0;
    size_t count;
    /* an annex word followed by more words: "Annex to the letter dated" */
    const folio_house_word *w = folio_house_words(h, FOLIO_HL_ANNEX, &count);
    for (size_t i = 0; i < count && !r; i++) {
        size_t wl = strlen(w[i].text);
        if (w[i].n == FOLIO_ANNEX_ROMAN && !strncmp(f, w[i].text, wl) && f[wl] == ' ' &&
            letter_byte(f[wl + 1]))
            r = 1;
    }
    /* "Appendix", "Enclosure II", "Appendix to the annex" */
    if (!r && folio_md_lang_words(h, "read-appendix", f))
        r = 2;
    free(f);
    return r;
}
