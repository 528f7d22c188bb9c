/* Akoma Ntoso: what the reader and the writer both need to know about
 * labels, language names and distribution lines. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/akn_names.h"
#include "util/text.h"

static int all_of(const char *s, size_t n, const char *set)
{
    for (size_t i = 0; i < n; i++)
        if (!strchr(set, s[i]))
            return 0;
    return n > 0;
}

folio_label_kind folio_akn_label_kind(const char *label, folio_label_kind hint)
{
    static const char *const bullets[] = {"-", "*", "+", "\xE2\x80\xA2", "\xE2\x97\xA6",
                                          "\xE2\x96\xAA", "\xE2\x97\x8F", "\xE2\x80\x93",
                                          "\xC2\xB7"};
    if (!label || !*label)
        return FOLIO_LABEL_NONE;
    for (size_t i = 0; i < sizeof bullets / sizeof bullets[0]; i++)
        if (!strcmp(label, bullets[i]))
            return FOLIO_LABEL_BULLET;
    /* the core: without "(" before and "." or ")" after */
    const char *s = label;
    size_t n = strlen(s);
    if (*s == '(')
        s++, n--;
    if (n && (s[n - 1] == '.' || s[n - 1] == ')'))
        n--;
    if (!n)
        return FOLIO_LABEL_NONE;
    if (all_of(s, n, "0123456789"))
        return FOLIO_LABEL_ARABIC;
    /* "12.1", "140.254": a sub-numbered item */
    if (all_of(s, n, "0123456789.") && s[0] != '.' && s[n - 1] != '.') {
        size_t i = 1;
        while (i < n && !(s[i] == '.' && s[i - 1] == '.'))
            i++;
        if (i == n)
            return FOLIO_LABEL_DECIMAL;
    }
    int single = n == 1;
    if (all_of(s, n, "IVXLCDM")) {
        if (!single)
            return FOLIO_LABEL_ROMAN;
        if (hint == FOLIO_LABEL_ROMAN || hint == FOLIO_LABEL_UPPER)
            return hint;
        return strchr("IVX", s[0]) ? FOLIO_LABEL_ROMAN : FOLIO_LABEL_UPPER;
    }
    if (all_of(s, n, "ivxlcdm")) {
        if (!single)
            return FOLIO_LABEL_LOWER_ROMAN;
        if (hint == FOLIO_LABEL_LOWER_ROMAN || hint == FOLIO_LABEL_LOWER)
            return hint;
        return FOLIO_LABEL_LOWER;
    }
    if (single && s[0] >= 'A' && s[0] <= 'Z')
        return FOLIO_LABEL_UPPER;
    if (single && s[0] >= 'a' && s[0] <= 'z')
        return FOLIO_LABEL_LOWER;
    return FOLIO_LABEL_NONE;
}

folio_label_kind folio_akn_item_hint(int level)
{
    return level >= 2 ? FOLIO_LABEL_LOWER_ROMAN : FOLIO_LABEL_LOWER;
}

/* The language a masthead in language `in` writes its right-hand block
 * in (the house's `block`: French and Spanish their own, the others
 * English), "en" when `in` is unknown. */
static const char *block_of(const folio_house *h, const char *in)
{
    const char *b = in ? folio_house_lang_get(h, in, "block") : NULL;
    return b ? b : "en";
}

/* Upper-case the first letter of a UTF-8 string in place (Latin-1 and
 * Cyrillic letters; others stay). */
static void capitalise(char *s)
{
    unsigned char *u = (unsigned char *)s;
    if (u[0] >= 'a' && u[0] <= 'z') {
        u[0] -= 32;
    } else if (u[0] == 0xC3 && u[1] >= 0xA0 && u[1] <= 0xBE && u[1] != 0xB7) {
        u[1] -= 0x20; /* à..þ -> À..Þ */
    } else if (u[0] == 0xD0 && u[1] >= 0xB0 && u[1] <= 0xBF) {
        u[1] -= 0x20; /* а..п -> А..П */
    } else if (u[0] == 0xD1 && u[1] >= 0x80 && u[1] <= 0x8F) {
        u[0] = 0xD0; /* р..я -> Р..Я */
        u[1] += 0x20;
    }
}

const char *folio_akn_lang_name(const folio_house *h, const char *code, const char *in,
                                int capital, char *buf, size_t cap)
{
    const char *s;
    size_t n;
    if (!code || !folio_house_lang_name(h, code, block_of(h, in), &s, &n) || n + 1 > cap)
        return NULL;
    memcpy(buf, s, n);
    buf[n] = 0;
    if (capital)
        capitalise(buf);
    return buf;
}

const char *folio_akn_lang3(const folio_house *h, const char *code, char *buf, size_t cap)
{
    const char *s;
    size_t n;
    if (!code || !folio_house_item(folio_house_lang_get(h, code, "iso639-2"), 0, &s, &n) ||
        !n || n + 1 > cap)
        return NULL;
    memcpy(buf, s, n);
    buf[n] = 0;
    return buf;
}

const char *folio_akn_distr_text(const folio_house *h, folio_distribution d, const char *in)
{
    static const char *const keys[] = {"distr-general", "distr-limited", "distr-restricted"};
    const char *key = keys[(unsigned)d <= 2 ? (unsigned)d : 0];
    const char *v = folio_house_lang_get(h, block_of(h, in), key);
    return v ? v : folio_house_lang_get(h, "en", key);
}

const char *folio_akn_original_prefix(const folio_house *h, const char *in, char *buf,
                                      size_t cap)
{
    const char *p = folio_house_lang_get(h, block_of(h, in), "original");
    if (!p)
        p = folio_house_lang_get(h, "en", "original");
    const char *at = p ? strstr(p, "{lang}") : NULL;
    size_t n = at ? (size_t)(at - p) : 0;
    if (!at || n + 1 > cap)
        return "Original: ";
    memcpy(buf, p, n);
    buf[n] = 0;
    return buf;
}

/* Case-insensitive search for an ASCII word part. */
static int has(const char *s, const char *part)
{
    size_t m = strlen(part);
    for (; *s; s++)
        if (!strncasecmp(s, part, m))
            return 1;
    return 0;
}

folio_distribution folio_akn_distr(const char *text)
{
    if (!text)
        return FOLIO_DISTR_GENERAL;
    if (has(text, "restr") || has(text, "reserv"))
        return FOLIO_DISTR_RESTRICTED;
    if (has(text, "limit"))
        return FOLIO_DISTR_LIMITED;
    return FOLIO_DISTR_GENERAL;
}

int folio_akn_is_un(const folio_house *h, const char *text)
{
    /* the wordmarks of the house's languages, as a whole (folded) */
    char *f = folio_text_fold(text, strlen(text));
    if (!f)
        return 0;
    size_t count;
    const folio_house_word *w = folio_house_words(h, FOLIO_HL_WORDMARK, &count);
    int found = 0;
    for (size_t i = 0; i < count && !found; i++)
        found = !strcmp(f, w[i].text);
    free(f);
    return found;
}
