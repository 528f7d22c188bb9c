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

/* The value of a decimal digit at s (ASCII, Arabic-Indic or Eastern
 * Arabic-Indic), its bytes into *len; -1 when none. */
static int digit_at(const char *s, size_t n, size_t *len)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n >= 1 && u[0] >= '0' && u[0] <= '9') {
        *len = 1;
        return u[0] - '0';
    }
    /* U+0660..U+0669: D9 A0..A9; U+06F0..U+06F9: DB B0..B9 */
    if (n >= 2 && u[0] == 0xD9 && u[1] >= 0xA0 && u[1] <= 0xA9) {
        *len = 2;
        return u[1] - 0xA0;
    }
    if (n >= 2 && u[0] == 0xDB && u[1] >= 0xB0 && u[1] <= 0xB9) {
        *len = 2;
        return u[1] - 0xB0;
    }
    return -1;
}

int folio_md_number_label(const char *s, size_t n, folio_md_label *out)
{
    size_t k = 0, digits = 0, dl;
    int v = 0, d;
    while (digits < 7 && (d = digit_at(s + k, n - k, &dl)) >= 0) {
        v = v * 10 + d;
        k += dl;
        digits++;
    }
    if (digits == 0 || digits > 6 || k >= n)
        return 0;
    /* "12." or, in Arabic documents, "12-", "١٢ -" */
    size_t end = k;
    if (s[k] == '.') {
        end = k + 1;
    } else {
        size_t g = space_len(s, n, k);
        if (g > 1 || k + g >= n || s[k + g] != '-')
            return 0;
        end = k + g + 1;
    }
    size_t sp = space_len(s, n, end);
    if (!sp || end + sp >= n)
        return 0;
    return set(out, FOLIO_LABEL_ARABIC, v, 0, end, end + sp);
}

/* ---- labels of a language's lists ----------------------------------------*/

/* The core of a listed label ("ألف -" -> "ألف", "一." -> "一"): without
 * the marks that close it. */
static size_t core_len(const char *s, size_t n)
{
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '.' || s[n - 1] == '-' || s[n - 1] == ')'))
        n--;
    if (n > 0 && s[0] == '(')
        return n; /* "(أ)": the caller strips the brackets */
    return n;
}

/* Does s start with the label core c, closed as `closers` allows, then
 * white space? Returns the bytes of the label and sets *skip. */
static size_t closed_by(const char *s, size_t n, const char *c, size_t cn, const char *closers,
                        size_t *skip)
{
    if (cn == 0 || cn > n || memcmp(s, c, cn))
        return 0;
    size_t k = cn;
    k += space_len(s, n, k) == 1 ? 1 : 0;
    size_t cl = 0;
    for (const char *p = closers; *p; p += strlen(p) + 1)
        if (n - k >= strlen(p) && !memcmp(s + k, p, strlen(p)) && strlen(p) > cl)
            cl = strlen(p);
    if (!cl)
        return 0;
    size_t sp = space_len(s, n, k + cl);
    if (!sp && k + cl < n)
        return 0;
    *skip = k + cl + sp;
    return k + cl;
}

/* The longest label of the list `key` of any language that s starts with:
 * its place in the list (1-based), or 0. */
static int listed(const folio_house *h, const char *key, const char *s, size_t n,
                  const char *closers, size_t *len, size_t *skip)
{
    int best = 0;
    size_t best_core = 0;
    for (size_t l = 0; h && l < h->nlangs; l++) {
        const char *list = folio_house_lang_get(h, h->langs[l], key), *it;
        size_t il;
        for (int i = 0; folio_house_item(list, i, &it, &il); i++) {
            size_t cn = core_len(it, il), ln, sk;
            if (cn <= best_core || !(ln = closed_by(s, n, it, cn, closers, &sk)))
                continue;
            best = i + 1;
            best_core = cn;
            *len = ln;
            *skip = sk;
        }
    }
    return best;
}

/* Closing marks of a heading label, each NUL-terminated: ".", "-", the
 * en dash, the ideographic comma and full stop. */
static const char heading_closers[] = ".\0-\0\xE2\x80\x93\0\xE3\x80\x81\0\xEF\xBC\x8E\0";

int folio_md_heading_label_in(const folio_house *h, const char *s, size_t n,
                              folio_md_label *out)
{
    size_t len = 0, skip = 0;
    int v;
    if (folio_md_heading_label(s, n, out))
        return 1;
    if ((v = listed(h, "chapter-labels", s, n, heading_closers, &len, &skip)))
        return set(out, FOLIO_LABEL_ROMAN, v, 0, len, skip);
    if ((v = listed(h, "section-labels", s, n, heading_closers, &len, &skip)))
        return set(out, FOLIO_LABEL_UPPER, v, 0, len, skip);
    return 0;
}

int folio_md_item_label_in(const folio_house *h, const char *s, size_t n, folio_md_label *out)
{
    if (folio_md_item_label(s, n, out))
        return 1;
    /* "(أ)" and "أ)": a language's letters */
    size_t start = n > 0 && s[0] == '(' ? 1 : 0, len = 0, skip = 0;
    int v = listed(h, "item-letters", s + start, n - start, ")\0", &len, &skip);
    return v ? set(out, FOLIO_LABEL_LOWER, v, 0, start + len, start + skip) : 0;
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
