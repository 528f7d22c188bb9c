/* The words of a UN masthead and of the dialect, in the six languages:
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

/* Compare the folded form of s with a list of folded phrases. */
static int folded_in(const char *s, size_t n, const char *const *list, size_t count)
{
    char *f = folio_text_fold(s, n);
    if (!f)
        return 0;
    int found = 0;
    for (size_t i = 0; i < count && !found; i++)
        found = strcmp(f, list[i]) == 0;
    free(f);
    return found;
}

int folio_md_is_wordmark(const char *s, size_t n)
{
    static const char *const marks[] = {
        "united nations", "nations unies", "naciones unidas",
        "организация объединенных наций", "联合国", "الأمم المتحدة", "الامم المتحدة"};
    return folded_in(s, n, marks, sizeof marks / sizeof marks[0]);
}

int folio_md_distribution(const char *s, size_t n, folio_distribution *d, int *known)
{
    static const struct { const char *word; folio_distribution d; } words[] = {
        {"general", FOLIO_DISTR_GENERAL},       {"generale", FOLIO_DISTR_GENERAL},
        {"общая", FOLIO_DISTR_GENERAL},         {"limited", FOLIO_DISTR_LIMITED},
        {"limitee", FOLIO_DISTR_LIMITED},       {"limitada", FOLIO_DISTR_LIMITED},
        {"ограниченная", FOLIO_DISTR_LIMITED},  {"restricted", FOLIO_DISTR_RESTRICTED},
        {"restreinte", FOLIO_DISTR_RESTRICTED}, {"reservada", FOLIO_DISTR_RESTRICTED},
        {"restringida", FOLIO_DISTR_RESTRICTED}};
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
        *known = 0;
        for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
            if (strcmp(p, words[i].word) == 0) {
                *d = words[i].d;
                *known = 1;
            }
    }
    free(f);
    return is_distr;
}

/* The language named after an "Original:" prefix in folded text. */
static int original_rest(const char *f, int *lang)
{
    static const char *const prefixes[] = {"original", "язык оригинала", "原文",
                                           "الأصل", "الاصل"};
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
        if (!starts(f, prefixes[i]))
            continue;
        const char *p = f + strlen(prefixes[i]);
        while (*p == ' ')
            p++;
        if (*p != ':')
            return 0;
        p++;
        while (*p == ' ')
            p++;
        *lang = folio_lang_index(p);
        return 1;
    }
    return 0;
}

int folio_md_original_line(const char *s, size_t n, int *lang)
{
    char *f = folio_text_fold(s, n);
    if (!f)
        return 0;
    int r = original_rest(f, lang);
    free(f);
    return r;
}

int folio_md_bracket_original(const char *s, size_t n, int *lang)
{
    s = folio_md_trim(s, &n);
    if (n < 2 || s[0] != '[' || s[n - 1] != ']')
        return 0;
    return folio_md_original_line(s + 1, n - 2, lang);
}

int folio_md_is_session(const char *s, size_t n)
{
    if (folio_utf8_count(s, n) > 80)
        return 0;
    char *f = folio_text_fold(s, n);
    if (!f)
        return 0;
    int r = has_word(f, "session") || has_word(f, "sesion") ||
            strstr(f, "periodo de sesiones") || has_word(f, "сессия") ||
            has_word(f, "сессии") || strstr(f, "届会议") || strstr(f, "الدورة");
    free(f);
    return r;
}

int folio_md_is_agenda_item(const char *s, size_t n)
{
    static const char *const leads[] = {"item ", "agenda item ", "point ", "tema ",
                                        "пункт ", "البند "};
    static const char *const phrases[] = {
        "provisional agenda", "preliminary list", "of the agenda", "ordre du jour",
        "del programa", "повестки дня", "议程", "جدول الأعمال"};
    if (folio_utf8_count(s, n) > 120)
        return 0;
    char *f = folio_text_fold(s, n);
    if (!f)
        return 0;
    int r = 0;
    for (size_t i = 0; i < sizeof leads / sizeof leads[0] && !r; i++)
        r = starts(f, leads[i]) && is_digit(f[strlen(leads[i])]);
    for (size_t i = 0; i < sizeof phrases / sizeof phrases[0] && !r; i++)
        r = strstr(f, phrases[i]) != NULL;
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

int folio_md_is_annex(const char *s, size_t n)
{
    static const char *const words[] = {"annex", "annexe", "anexo", "приложение"};
    if (n > 200)
        return 0;
    char *f = folio_text_fold(s, n);
    if (!f)
        return 0;
    size_t fl = strlen(f);
    while (fl && (f[fl - 1] == ':' || f[fl - 1] == '.'))
        f[--fl] = 0;
    int r = 0;
    for (size_t i = 0; i < sizeof words / sizeof words[0] && !r; i++) {
        size_t wl = strlen(words[i]);
        if (strncmp(f, words[i], wl) == 0 && (f[wl] == 0 || f[wl] == ' '))
            r = annex_number(f[wl] ? f + wl + 1 : f + wl);
    }
    if (!r && starts(f, "附件")) { /* 附件, 附件一, 附件二... */
        const char *p = f + strlen("附件");
        r = 1;
        while (*p && r) {
            static const char *const nums[] = {"一", "二", "三", "四", "五",
                                               "六", "七", "八", "九", "十"};
            int ok = 0;
            for (size_t k = 0; k < 10 && !ok; k++)
                if (starts(p, nums[k])) {
                    p += strlen(nums[k]);
                    ok = 1;
                }
            r = ok;
        }
    }
    if (!r && starts(f, "المرفق")) { /* المرفق, المرفق الأول */
        const char *p = f + strlen("المرفق");
        r = *p == 0 || (*p == ' ' && strchr(p + 1, ' ') == NULL);
    }
    free(f);
    return r;
}

static const struct { const char *name; const char *station; } stations[] = {
    {"new york", "new-york"},  {"nueva york", "new-york"}, {"нью-йорк", "new-york"},
    {"纽约", "new-york"},      {"نيويورك", "new-york"},   {"geneva", "geneva"},
    {"geneve", "geneva"},      {"ginebra", "geneva"},     {"женева", "geneva"},
    {"日内瓦", "geneva"},      {"جنيف", "geneva"},        {"vienna", "vienna"},
    {"vienne", "vienna"},      {"viena", "vienna"},       {"вена", "vienna"},
    {"维也纳", "vienna"},      {"فيينا", "vienna"},       {"nairobi", "nairobi"},
    {"найроби", "nairobi"},    {"内罗毕", "nairobi"},     {"نيروبي", "nairobi"},
};

const char *folio_md_station_in(const char *s, size_t n)
{
    char *f = folio_text_fold(s, n);
    if (!f)
        return NULL;
    const char *r = NULL;
    for (size_t i = 0; i < sizeof stations / sizeof stations[0] && !r; i++) {
        const char *name = stations[i].name;
        /* Arabic and Chinese names: no word boundaries to check */
        int found = (unsigned char)name[0] >= 0xD8 ? strstr(f, name) != NULL
                                                   : has_word(f, name);
        if (found)
            r = stations[i].station;
    }
    free(f);
    return r;
}

const char *folio_md_station_name(const char *s, size_t n)
{
    char *f = folio_text_fold(s, n);
    if (!f)
        return NULL;
    const char *r = NULL;
    if (strcmp(f, "new-york") == 0 || strcmp(f, "newyork") == 0)
        r = "new-york";
    for (size_t i = 0; i < sizeof stations / sizeof stations[0] && !r; i++)
        if (strcmp(f, stations[i].name) == 0)
            r = stations[i].station;
    free(f);
    return r;
}

const char *folio_md_station_of_symbol(const char *symbol)
{
    /* series serviced by one duty station (a fallback when the text names
     * no city) */
    static const struct { const char *prefix; const char *station; } series[] = {
        {"A/HRC/", "geneva"},   {"CCPR/", "geneva"},   {"CERD/", "geneva"},
        {"CAT/", "geneva"},     {"CRC/", "geneva"},    {"CRPD/", "geneva"},
        {"E/C.12/", "geneva"},  {"ECE/", "geneva"},    {"TD/", "geneva"},
        {"CTOC/", "vienna"},    {"CAC/", "vienna"},    {"E/CN.7/", "vienna"},
        {"E/CN.15/", "vienna"}, {"A/AC.105/", "vienna"}, {"UNEP/", "nairobi"},
        {"HSP/", "nairobi"}};
    if (!symbol)
        return NULL;
    for (size_t i = 0; i < sizeof series / sizeof series[0]; i++)
        if (starts(symbol, series[i].prefix))
            return series[i].station;
    return NULL;
}
