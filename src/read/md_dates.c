/* Dates as typed in the languages of the house style, turned into ISO
 * 8601: month names, the words around them and day suffixes come from the
 * language files, as do the patterns of languages that number the month
 * ("{yyyy}年{m}月{d}日"). */
#include <stdlib.h>
#include <string.h>

#include "read/md_internal.h"

/* A month named by one folded word, in any language of the house (its
 * [months]: Russian genitive forms, both Arabic names...), 0 otherwise. */
int folio_md_month(const folio_house *h, const char *folded, size_t n)
{
    while (n && folded[n - 1] == '.')
        n--;
    size_t count;
    const folio_house_word *w = folio_house_words(h, FOLIO_HL_MONTH, &count);
    for (size_t i = 0; i < count; i++)
        if (strlen(w[i].text) == n && memcmp(w[i].text, folded, n) == 0)
            return w[i].n;
    return 0;
}

/* Month names of two words ("كانون الثاني"): whether `t` is the first word
 * (part = 0) or the last word (part = 1) of one. */
static int month_part(const folio_house *h, const char *t, size_t n, int part)
{
    size_t count;
    const folio_house_word *w = folio_house_words(h, FOLIO_HL_MONTH, &count);
    for (size_t i = 0; i < count; i++) {
        const char *sp = strchr(w[i].text, ' ');
        if (!sp)
            continue;
        const char *s = part ? sp + 1 : w[i].text;
        size_t len = part ? strlen(sp + 1) : (size_t)(sp - w[i].text);
        if (len == n && !memcmp(s, t, n))
            return 1;
    }
    return 0;
}

/* The month of a two-word name, `a` then `b`; 0 when they are not one. */
static int two_word_month(const folio_house *h, const char *a, size_t an, const char *b,
                          size_t bn)
{
    size_t count;
    const folio_house_word *w = folio_house_words(h, FOLIO_HL_MONTH, &count);
    for (size_t i = 0; i < count; i++) {
        const char *t = w[i].text;
        if (strlen(t) == an + 1 + bn && !memcmp(t, a, an) && t[an] == ' ' &&
            !memcmp(t + an + 1, b, bn))
            return w[i].n;
    }
    return 0;
}

static int days_in_month(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return days[m - 1];
}

static int valid_ymd(int y, int m, int d)
{
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

static int digits(const char *s, size_t n, int *v)
{
    if (n == 0 || n > 4)
        return 0;
    int x = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        x = x * 10 + (s[i] - '0');
    }
    *v = x;
    return 1;
}

int folio_md_parse_iso_date(const char *s, size_t n, int *y, int *m, int *d)
{
    int yy, mm, dd;
    if (n != 10 || s[4] != '-' || s[7] != '-' || !digits(s, 4, &yy) ||
        !digits(s + 5, 2, &mm) || !digits(s + 8, 2, &dd) || !valid_ymd(yy, mm, dd))
        return -1;
    *y = yy, *m = mm, *d = dd;
    return 0;
}

static int eq(const char *s, size_t n, const char *lit)
{
    return strlen(lit) == n && memcmp(s, lit, n) == 0;
}

/* The `date` patterns of the house's languages that write the month as a
 * number ("{yyyy}年{m}月{d}日"), one by one: *i = 0 first; NULL at the end.
 * The others name the month and are read word by word below. */
static const char *number_pattern(const folio_house *h, size_t *i)
{
    while (*i < h->nlangs) {
        const char *p = folio_house_lang_get(h, h->langs[(*i)++], "date");
        if (p && strstr(p, "{m}") && !strstr(p, "{month}"))
            return p;
    }
    return NULL;
}

/* A date as such a pattern writes it, "2019年8月14日": a number for each
 * {d}, {m} and {yyyy}, the rest as written, spaces allowed between. */
static int pattern_date(const char *pat, const char *s, size_t n, int *y, int *m, int *d)
{
    int v[3] = {0, 0, 0}; /* year, month, day */
    size_t i = 0;
    while (*pat) {
        while (*pat == ' ')
            pat++;
        while (i < n && s[i] == ' ')
            i++;
        if (!*pat)
            break;
        int slot = !strncmp(pat, "{yyyy}", 6) ? 0 : !strncmp(pat, "{m}", 3) ? 1
                   : !strncmp(pat, "{d}", 3)  ? 2 : -1;
        if (slot >= 0) {
            size_t start = i;
            while (i < n && s[i] >= '0' && s[i] <= '9')
                i++;
            if (!digits(s + start, i - start, &v[slot]))
                return -1;
            pat = strchr(pat, '}') + 1;
            continue;
        }
        /* the text up to the next placeholder or space, as written */
        size_t k = strcspn(pat, "{ ");
        if (!k)
            k = 1;
        if (n - i < k || memcmp(s + i, pat, k) != 0)
            return -1;
        i += k;
        pat += k;
    }
    if (i != n || !valid_ymd(v[0], v[1], v[2]))
        return -1;
    *y = v[0], *m = v[1], *d = v[2];
    return 0;
}

/* Words allowed around the day, month and year; the first word of a
 * two-word month name is one too ("كانون" of "كانون الثاني"). */
static int filler(const folio_house *h, const char *t, size_t n)
{
    size_t count;
    const folio_house_word *w = folio_house_words(h, FOLIO_HL_DATE_WORD, &count);
    for (size_t i = 0; i < count; i++)
        if (eq(t, n, w[i].text))
            return 1;
    return month_part(h, t, n, 0);
}

/* A day with a suffix of a language ([lang] day-suffixes): "1er", "1re",
 * "1º", "1°", "1st", "2nd". */
static int ordinal_day(const folio_house *h, const char *t, size_t n, int *v)
{
    size_t k = 0;
    while (k < n && k < 2 && t[k] >= '0' && t[k] <= '9')
        k++;
    if (k == 0 || !digits(t, k, v))
        return 0;
    size_t count;
    const folio_house_word *w = folio_house_words(h, FOLIO_HL_ORDINAL, &count);
    for (size_t i = 0; i < count; i++)
        if (eq(t + k, n - k, w[i].text))
            return 1;
    return 0;
}

/* Month named by one token; Arabic writes "آب/أغسطس" (both names), and
 * "الثاني/يناير" after the first word of "كانون الثاني". */
static int token_month(const folio_house *h, const char *t, size_t n)
{
    int found = 0;
    size_t start = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i == n || t[i] == '/') {
            int m = folio_md_month(h, t + start, i - start);
            if (m && found && m != found)
                return 0;
            if (m)
                found = m;
            else if (i - start && !filler(h, t + start, i - start) &&
                     !month_part(h, t + start, i - start, 1))
                return 0;
            start = i + 1;
        }
    }
    return found;
}

int folio_md_parse_date(const folio_house *h, const char *s, size_t n, int *y, int *m, int *d)
{
    s = folio_md_trim(s, &n);
    if (folio_md_parse_iso_date(s, n, y, m, d) == 0)
        return 0;
    size_t k = 0;
    for (const char *p; (p = number_pattern(h, &k));)
        if (pattern_date(p, s, n, y, m, d) == 0)
            return 0;
    char *f = folio_text_fold(s, n);
    if (!f)
        return -1;
    int day = 0, mon = 0, year = 0, ok = 1;
    size_t fl = strlen(f);
    const char *prev = NULL;
    size_t prevlen = 0;
    for (size_t i = 0; i < fl && ok;) {
        while (i < fl && (f[i] == ' ' || f[i] == ','))
            i++;
        size_t start = i;
        while (i < fl && f[i] != ' ' && f[i] != ',')
            i++;
        const char *t = f + start;
        size_t tl = i - start;
        if (tl == 0)
            break;
        int v = 0, mm;
        if (digits(t, tl, &v)) {
            if (tl == 4 && !year)
                year = v;
            else if (tl <= 2 && v >= 1 && v <= 31 && !day)
                day = v;
            else
                ok = 0;
        } else if (ordinal_day(h, t, tl, &v)) {
            if (day || v < 1 || v > 31)
                ok = 0;
            day = v;
        } else if ((mm = token_month(h, t, tl)) != 0) {
            if (mon && mon != mm)
                ok = 0;
            mon = mm;
        } else if (prev && (mm = two_word_month(h, prev, prevlen, t, tl)) != 0) {
            mon = mon ? mon : mm;
        } else if (!filler(h, t, tl)) {
            ok = 0;
        }
        prev = t;
        prevlen = tl;
    }
    free(f);
    if (!ok || !day || !mon || !year || !valid_ymd(year, mon, day))
        return -1;
    *y = year, *m = mon, *d = day;
    return 0;
}

/* Separators between words when looking for month names. */
static int word_char(uint32_t c)
{
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    return c != 0x2013 && c != 0x2014 && c != 0x060C && c != 0x00B0 && c != 0x00BA &&
           c != 0x201C && c != 0x201D && c != 0x00AB && c != 0x00BB && c != 0xFF0C &&
           c != 0x3001;
}

int folio_md_mentions_date(const folio_house *h, const char *s, size_t n)
{
    char *f = folio_text_fold(s, n);
    if (!f)
        return 0;
    size_t fl = strlen(f);
    int found = 0;
    /* the month as a number: a number followed by what follows {m} in a
     * pattern ("8月") */
    size_t k = 0;
    for (const char *p; !found && (p = number_pattern(h, &k));) {
        const char *mark = strstr(p, "{m}") + 3;
        size_t ml = strcspn(mark, "{ ");
        for (size_t i = 1; ml && i + ml <= fl && !found; i++)
            if (memcmp(f + i, mark, ml) == 0 && f[i - 1] >= '0' && f[i - 1] <= '9')
                found = 1;
    }
    size_t i = 0, start = 0;
    int inword = 0;
    while (i <= fl && !found) {
        uint32_t c = 0;
        size_t len = 1;
        if (i < fl) {
            len = folio_utf8_decode((const unsigned char *)f + i, fl - i, &c);
            if (len == 0)
                len = 1, c = ' ';
        }
        int w = i < fl && word_char(c);
        if (w && !inword)
            start = i, inword = 1;
        else if (!w && inword) {
            if (folio_md_month(h, f + start, i - start))
                found = 1;
            inword = 0;
        }
        i += len;
    }
    free(f);
    return found;
}

int folio_md_has_year(const char *s, size_t n)
{
    for (size_t i = 0; i + 4 <= n; i++) {
        int v;
        if ((i == 0 || s[i - 1] < '0' || s[i - 1] > '9') &&
            (i + 4 == n || s[i + 4] < '0' || s[i + 4] > '9') && digits(s + i, 4, &v) &&
            v >= 1945 && v <= 2099)
            return 1;
    }
    return 0;
}
