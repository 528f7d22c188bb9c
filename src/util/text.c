/* UTF-8 and the folding used to compare words written in any of the six
 * official languages: one implementation for the reader, the model's
 * language names and the font metrics. */
#include <stdlib.h>
#include <string.h>

#include "util/text.h"
#include "util/mem.h"

size_t folio_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    if (n == 0)
        return 0;
    unsigned c = s[0];
    size_t len;
    uint32_t v, min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        len = 2, v = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3, v = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4, v = c & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    /* overlong forms, surrogates and code points past U+10FFFF */
    if (v < min || (v >= 0xD800 && v <= 0xDFFF) || v > 0x10FFFF)
        return 0;
    *cp = v;
    return len;
}

int folio_utf8_next(const char *s, size_t len, uint32_t *cp)
{
    size_t n = folio_utf8_decode((const unsigned char *)s, len, cp);
    if (n == 0) { /* not UTF-8: one byte, drawn as a replacement */
        *cp = 0xFFFD;
        return 1;
    }
    return (int)n;
}

size_t folio_utf8_count(const char *s, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            count++;
    return count;
}

/* Base letter of a Latin-1 or Latin Extended-A letter, 0 when none. */
static uint32_t latin_base(uint32_t c)
{
    static const char map[] = /* U+00C0 .. U+00FF */
        "aaaaaaaceeeeiiii" /* C0-CF */
        "dnooooo\0ouuuuy\0s" /* D0-DF: × and Þ kept, ß → s */
        "aaaaaaaceeeeiiii" /* E0-EF */
        "dnooooo\0ouuuuy\0y"; /* F0-FF */
    if (c >= 0xC0 && c <= 0xFF)
        return (unsigned char)map[c - 0xC0];
    return 0;
}

static uint32_t fold_cp(uint32_t c)
{
    if (c >= 'A' && c <= 'Z')
        return c + 32;
    uint32_t b = latin_base(c);
    if (b)
        return b;
    if (c >= 0x0410 && c <= 0x042F) /* Cyrillic capitals */
        return c + 0x20;
    if (c == 0x0401 || c == 0x0451) /* Ё ё → е */
        return 0x0435;
    if (c == 0x2019 || c == 0x2018 || c == 0x02BC) /* apostrophes */
        return '\'';
    if (c == 0xFF1A) /* full-width colon */
        return ':';
    if (c >= 0x0660 && c <= 0x0669) /* Arabic-Indic digits */
        return '0' + (c - 0x0660);
    if (c >= 0x06F0 && c <= 0x06F9)
        return '0' + (c - 0x06F0);
    if (c == 0x0640) /* Arabic tatweel: drawn, not written */
        return 0;
    if (c >= 0x0300 && c <= 0x036F) /* combining accents (decomposed text) */
        return 0;
    return c;
}

static int is_space_cp(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == 0xA0 || c == 0x202F || c == 0x2007 || c == 0x2009 || c == 0x3000;
}

size_t folio_utf8_put(char *o, uint32_t c)
{
    if (c < 0x80) {
        o[0] = (char)c;
        return 1;
    } else if (c < 0x800) {
        o[0] = (char)(0xC0 | (c >> 6));
        o[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    } else if (c < 0x10000) {
        o[0] = (char)(0xE0 | (c >> 12));
        o[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        o[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (c >> 18));
    o[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    o[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

char *folio_text_fold(const char *s, size_t n)
{
    /* folding never makes a character longer */
    char *out = folio_malloc(n + 1);
    if (!out)
        return NULL;
    size_t o = 0, i = 0;
    int space = 0;
    while (i < n) {
        uint32_t c;
        size_t len = folio_utf8_decode((const unsigned char *)s + i, n - i, &c);
        if (len == 0) { /* not UTF-8: keep the byte */
            c = (unsigned char)s[i];
            len = 1;
            if (space && o)
                out[o++] = ' ';
            space = 0;
            out[o++] = (char)c;
            i += len;
            continue;
        }
        i += len;
        if (is_space_cp(c)) {
            space = 1;
            continue;
        }
        c = fold_cp(c);
        if (c == 0)
            continue;
        if (space && o)
            out[o++] = ' ';
        space = 0;
        o += folio_utf8_put(out + o, c);
    }
    out[o] = 0;
    return out;
}

