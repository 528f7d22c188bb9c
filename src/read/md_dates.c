/* Dates as typed in the six official languages, turned into ISO 8601. */
#include <stdlib.h>
#include <string.h>

#include "read/md_internal.h"

/* Folded month names (see folio_text_fold): English, French, Spanish, Russian
 * (nominative and genitive), Arabic (Egyptian and Levantine names, with
 * and without hamza). Chinese months are numbers (8月). */
static const struct { const char *name; int month; } months[] = {
    {"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5},
    {"june", 6}, {"july", 7}, {"august", 8}, {"september", 9}, {"october", 10},
    {"november", 11}, {"december", 12},
    {"janvier", 1}, {"fevrier", 2}, {"mars", 3}, {"avril", 4}, {"mai", 5},
    {"juin", 6}, {"juillet", 7}, {"aout", 8}, {"septembre", 9}, {"octobre", 10},
    {"novembre", 11}, {"decembre", 12},
    {"enero", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"mayo", 5},
    {"junio", 6}, {"julio", 7}, {"agosto", 8}, {"septiembre", 9},
    {"setiembre", 9}, {"octubre", 10}, {"noviembre", 11}, {"diciembre", 12},
    {"январь", 1}, {"февраль", 2}, {"март", 3}, {"апрель", 4}, {"май", 5},
    {"июнь", 6}, {"июль", 7}, {"август", 8}, {"сентябрь", 9}, {"октябрь", 10},
    {"ноябрь", 11}, {"декабрь", 12},
    {"января", 1}, {"февраля", 2}, {"марта", 3}, {"апреля", 4}, {"мая", 5},
    {"июня", 6}, {"июля", 7}, {"августа", 8}, {"сентября", 9}, {"октября", 10},
    {"ноября", 11}, {"декабря", 12},
    {"يناير", 1}, {"فبراير", 2}, {"مارس", 3}, {"أبريل", 4}, {"ابريل", 4},
    {"مايو", 5}, {"يونيه", 6}, {"يونيو", 6}, {"يوليه", 7}, {"يوليو", 7},
    {"أغسطس", 8}, {"اغسطس", 8}, {"سبتمبر", 9}, {"أكتوبر", 10}, {"اكتوبر", 10},
    {"نوفمبر", 11}, {"ديسمبر", 12},
    {"شباط", 2}, {"آذار", 3}, {"نيسان", 4}, {"أيار", 5}, {"ايار", 5},
    {"حزيران", 6}, {"تموز", 7}, {"آب", 8}, {"أيلول", 9}, {"ايلول", 9},
};

int folio_md_month(const char *folded, size_t n)
{
    while (n && folded[n - 1] == '.')
        n--;
    for (size_t i = 0; i < sizeof months / sizeof months[0]; i++)
        if (strlen(months[i].name) == n && memcmp(months[i].name, folded, n) == 0)
            return months[i].month;
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

/* "2019年8月14日" (spaces allowed between the parts). */
static int chinese_date(const char *s, size_t n, int *y, int *m, int *d)
{
    static const char *const marks[] = {"年", "月", "日"};
    int v[3];
    size_t i = 0;
    for (int k = 0; k < 3; k++) {
        while (i < n && s[i] == ' ')
            i++;
        size_t start = i;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
        if (!digits(s + start, i - start, &v[k]))
            return -1;
        while (i < n && s[i] == ' ')
            i++;
        size_t ml = strlen(marks[k]);
        if (n - i < ml || memcmp(s + i, marks[k], ml) != 0)
            return -1;
        i += ml;
    }
    while (i < n && s[i] == ' ')
        i++;
    if (i != n || !valid_ymd(v[0], v[1], v[2]))
        return -1;
    *y = v[0], *m = v[1], *d = v[2];
    return 0;
}

/* Words allowed around the day, month and year. */
static int filler(const char *t, size_t n)
{
    static const char *const words[] = {"de", "del", "el", "le", "the", "of", "года",
                                         "год", "г", "г.", "كانون", "تشرين"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (eq(t, n, words[i]))
            return 1;
    return 0;
}

/* A day with an ordinal suffix: "1er", "1re", "1º", "1°", "1st", "2nd". */
static int ordinal_day(const char *t, size_t n, int *v)
{
    size_t k = 0;
    while (k < n && k < 2 && t[k] >= '0' && t[k] <= '9')
        k++;
    if (k == 0 || !digits(t, k, v))
        return 0;
    static const char *const suffixes[] = {"er", "re", "o", "a", "º", "ª", "°",
                                           "st", "nd", "rd", "th"};
    for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++)
        if (eq(t + k, n - k, suffixes[i]))
            return 1;
    return 0;
}

/* Month named by one token; Arabic writes "آب/أغسطس" (both names). */
static int token_month(const char *t, size_t n)
{
    int found = 0;
    size_t start = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i == n || t[i] == '/') {
            int m = folio_md_month(t + start, i - start);
            if (m && found && m != found)
                return 0;
            if (m)
                found = m;
            else if (i - start && !filler(t + start, i - start) &&
                     !eq(t + start, i - start, "الثاني") &&
                     !eq(t + start, i - start, "الأول"))
                return 0;
            start = i + 1;
        }
    }
    return found;
}

int folio_md_parse_date(const char *s, size_t n, int *y, int *m, int *d)
{
    s = folio_md_trim(s, &n);
    if (folio_md_parse_iso_date(s, n, y, m, d) == 0 || chinese_date(s, n, y, m, d) == 0)
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
        } else if (ordinal_day(t, tl, &v)) {
            if (day || v < 1 || v > 31)
                ok = 0;
            day = v;
        } else if ((mm = token_month(t, tl)) != 0) {
            if (mon && mon != mm)
                ok = 0;
            mon = mm;
        } else if (prev && eq(prev, prevlen, "كانون") && eq(t, tl, "الثاني")) {
            mon = mon ? mon : 1;
        } else if (prev && eq(prev, prevlen, "كانون") && eq(t, tl, "الأول")) {
            mon = mon ? mon : 12;
        } else if (prev && eq(prev, prevlen, "تشرين") && eq(t, tl, "الأول")) {
            mon = mon ? mon : 10;
        } else if (prev && eq(prev, prevlen, "تشرين") && eq(t, tl, "الثاني")) {
            mon = mon ? mon : 11;
        } else if (!filler(t, tl)) {
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

int folio_md_mentions_date(const char *s, size_t n)
{
    char *f = folio_text_fold(s, n);
    if (!f)
        return 0;
    size_t fl = strlen(f);
    int found = 0;
    /* the Chinese form: a number followed by 月 */
    const char *yue = "月";
    for (size_t i = 1; i + 3 <= fl && !found; i++)
        if (memcmp(f + i, yue, 3) == 0 && f[i - 1] >= '0' && f[i - 1] <= '9')
            found = 1;
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
            if (folio_md_month(f + start, i - start))
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
