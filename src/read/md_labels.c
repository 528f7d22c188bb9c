/* Labels typed at the start of headings and paragraphs: "IV.", "B.", "3.",
 * "12.", "(a)", "a)", "(iv)", "•". Which of two readings an ambiguous one
 * ("I." chapter or letter I) takes is decided by the dialect pass. */
#include <string.h>

#include "read/md_internal.h"
#include "util/roman.h"

static int roman_digit(char c)
{
    switch (c) {
    case 'I': case 'i': return 1;
    case 'V': case 'v': return 5;
    case 'X': case 'x': return 10;
    case 'L': case 'l': return 50;
    case 'C': case 'c': return 100;
    case 'D': case 'd': return 500;
    case 'M': case 'm': return 1000;
    default: return 0;
    }
}

int folio_md_roman_value(const char *s, size_t n)
{
    if (n == 0 || n > 15)
        return 0;
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        int d = roman_digit(s[i]);
        if (!d)
            return 0;
        int next = i + 1 < n ? roman_digit(s[i + 1]) : 0;
        v += d < next ? -d : d;
    }
    if (v <= 0 || v >= 4000)
        return 0;
    /* only the canonical spelling counts: "IIII" and "IC" are not numerals */
    char buf[20];
    folio_roman(v, 0, buf, sizeof buf);
    if (strlen(buf) != n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (roman_digit(buf[i]) != roman_digit(s[i]))
            return 0;
    return v;
}

/* White space after position i: its length in bytes (NBSP counts). */
static size_t space_len(const char *s, size_t n, size_t i)
{
    size_t k = i;
    for (;;) {
        if (k < n && (s[k] == ' ' || s[k] == '\t'))
            k++;
        else if (k + 1 < n && (unsigned char)s[k] == 0xC2 && (unsigned char)s[k + 1] == 0xA0)
            k += 2;
        else
            break;
    }
    return k - i;
}

static int set(folio_md_label *out, folio_label_kind kind, int value, int alt,
               size_t len, size_t skip)
{
    out->kind = kind;
    out->value = value;
    out->alt_letter = alt;
    out->len = len;
    out->skip = skip;
    return 1;
}

int folio_md_heading_label(const char *s, size_t n, folio_md_label *out)
{
    if (n < 2)
        return 0;
    size_t k = 0;
    while (k < n && roman_digit(s[k]) && s[k] >= 'A' && s[k] <= 'Z')
        k++;
    if (k > 0 && k < n && s[k] == '.') {
        size_t sp = space_len(s, n, k + 1);
        int v = folio_md_roman_value(s, k);
        if (v && (k + 1 == n || sp))
            return set(out, FOLIO_LABEL_ROMAN, v, k == 1 ? s[0] - 'A' + 1 : 0, k + 1,
                       k + 1 + sp);
    }
    if (s[0] >= 'A' && s[0] <= 'Z' && s[1] == '.') {
        size_t sp = space_len(s, n, 2);
        if (n == 2 || sp)
            return set(out, FOLIO_LABEL_UPPER, s[0] - 'A' + 1, 0, 2, 2 + sp);
    }
    k = 0;
    int v = 0;
    while (k < n && k < 4 && s[k] >= '0' && s[k] <= '9')
        v = v * 10 + (s[k++] - '0');
    if (k > 0 && k < 4 && k < n && s[k] == '.') {
        size_t sp = space_len(s, n, k + 1);
        if (k + 1 == n || sp)
            return set(out, FOLIO_LABEL_ARABIC, v, 0, k + 1, k + 1 + sp);
    }
    return 0;
}

int folio_md_number_label(const char *s, size_t n, folio_md_label *out)
{
    size_t k = 0;
    int v = 0;
    while (k < n && k < 7 && s[k] >= '0' && s[k] <= '9')
        v = v * 10 + (s[k++] - '0');
    if (k == 0 || k > 6 || k >= n || s[k] != '.')
        return 0;
    size_t sp = space_len(s, n, k + 1);
    if (!sp || k + 1 + sp >= n)
        return 0;
    return set(out, FOLIO_LABEL_ARABIC, v, 0, k + 1, k + 1 + sp);
}

int folio_md_item_label(const char *s, size_t n, folio_md_label *out)
{
    static const char *const bullets[] = {"•", "◦", "▪", "●", "–"};
    for (size_t i = 0; i < sizeof bullets / sizeof bullets[0]; i++) {
        size_t bl = strlen(bullets[i]);
        if (n > bl && memcmp(s, bullets[i], bl) == 0) {
            size_t sp = space_len(s, n, bl);
            if (sp)
                return set(out, FOLIO_LABEL_BULLET, 0, 0, bl, bl + sp);
        }
    }
    size_t start = s[0] == '(' ? 1 : 0;
    size_t k = start;
    while (k < n && k - start < 6 && s[k] >= 'a' && s[k] <= 'z')
        k++;
    size_t letters = k - start;
    if (letters == 0 || letters > 5 || k >= n || s[k] != ')')
        return 0;
    size_t len = k + 1;
    size_t sp = space_len(s, n, len);
    if (!sp)
        return 0;
    const char *in = s + start;
    int roman = folio_md_roman_value(in, letters);
    if (roman && letters == 1 && (in[0] == 'i' || in[0] == 'v' || in[0] == 'x'))
        return set(out, FOLIO_LABEL_LOWER_ROMAN, roman, in[0] - 'a' + 1, len, len + sp);
    if (roman && letters > 1)
        return set(out, FOLIO_LABEL_LOWER_ROMAN, roman, 0, len, len + sp);
    for (size_t i = 1; i < letters; i++) /* "(aa)" after "(z)" */
        if (in[i] != in[0])
            return 0;
    return set(out, FOLIO_LABEL_LOWER, (int)(letters - 1) * 26 + (in[0] - 'a' + 1), 0, len,
               len + sp);
}

int folio_md_decimal_label(const char *s, size_t n, size_t *len, size_t *skip)
{
    size_t k = 0;
    int groups = 0;
    for (;;) {
        size_t d = 0;
        while (k < n && d < 6 && s[k] >= '0' && s[k] <= '9')
            k++, d++;
        if (!d || (k < n && s[k] >= '0' && s[k] <= '9'))
            return 0;
        groups++;
        if (k + 1 < n && s[k] == '.' && s[k + 1] >= '0' && s[k + 1] <= '9' && groups < 5) {
            k++;
            continue;
        }
        break;
    }
    if (groups < 2)
        return 0;
    size_t l = k < n && s[k] == '.' ? k + 1 : k;
    size_t sp = space_len(s, n, l);
    if (!sp || l + sp >= n)
        return 0;
    *len = l;
    *skip = l + sp;
    return 1;
}

size_t folio_md_resolution_number(const char *s, size_t n)
{
    size_t k = 0, digits = 0, slashes = 0;
    while (k < n && ((s[k] >= '0' && s[k] <= '9') || (s[k] == '/' && k > 0))) {
        digits += s[k] != '/';
        slashes += s[k] == '/';
        k++;
    }
    if (!slashes || digits < 2 || s[k - 1] == '/' || k + 1 >= n || s[k] != '.' ||
        s[k + 1] != ' ')
        return 0;
    return k + 1;
}
