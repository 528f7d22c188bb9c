/* Where Chinese text may break: ICU's line-break iterator (UAX #14 with
 * the Chinese locale, which already refuses a break before 。，、） and
 * after （), then the kinsoku rules of the language file on top (W3C
 * clreq, the basic set): a character of `no-start` never begins a line,
 * one of `no-end` never ends one, two alike of `inseparable` (the two-em
 * dash ——, the ellipsis ……) are never split. UAX #14 keeps the quotation
 * marks “ ” to both neighbours; between Han characters the rules open a
 * break before an opening mark and after a closing one. */
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/ustring.h>

#include "layout/script.h"
#include "util/text.h"
#include "util/mem.h"

int folio_in_set(const char *set, uint32_t cp)
{
    /* a house style list: items between '|', spaces around them */
    if (!set || cp == ' ' || cp == '|')
        return 0;
    size_t n = strlen(set);
    for (size_t i = 0; i < n;) {
        uint32_t c;
        i += (size_t)folio_utf8_next(set + i, n - i, &c);
        if (c == cp)
            return 1;
    }
    return 0;
}

int folio_cjk_text(const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        if ((unsigned char)s[i] < 0xE2) { /* below U+2000 */
            i++;
            continue;
        }
        i += (size_t)folio_utf8_next(s + i, len - i, &cp);
        if (folio_script_of(cp) == FOLIO_SCRIPT_HAN)
            return 1;
    }
    return 0;
}

/* The characters around byte position p. */
static uint32_t before(const char *s, size_t p)
{
    size_t k = p;
    while (k > 0 && ((unsigned char)s[k - 1] & 0xC0) == 0x80)
        k--;
    if (k > 0)
        k--;
    uint32_t cp;
    folio_utf8_next(s + k, p - k, &cp);
    return cp;
}

static uint32_t after(const char *s, size_t len, size_t p)
{
    uint32_t cp;
    folio_utf8_next(s + p, len - p, &cp);
    return cp;
}

static int han(uint32_t cp)
{
    return folio_script_of(cp) == FOLIO_SCRIPT_HAN;
}

/* May a line end at p, between a and b? */
static int allowed(const folio_cjk_rules *r, uint32_t a, uint32_t b, int icu)
{
    if (folio_in_set(r->no_start, b) || folio_in_set(r->no_end, a))
        return 0;
    if (a == b && folio_in_set(r->inseparable, a))
        return 0;
    if (icu)
        return 1;
    /* UAX #14 glues quotation marks to both sides: in Han text a break
     * comes before an opening mark and after a closing one */
    return (folio_in_set(r->no_end, b) && han(a)) || (folio_in_set(r->no_start, a) && han(b));
}

int folio_cjk_breaks(const folio_cjk_rules *r, const char *s, size_t len, size_t *pos)
{
    UErrorCode err = U_ZERO_ERROR;
    int32_t ulen = 0;
    if (len > INT32_MAX / 2)
        return FOLIO_E_LIMIT;
    u_strFromUTF8Lenient(NULL, 0, &ulen, s, (int32_t)len, &err);
    err = U_ZERO_ERROR;
    UChar *u = folio_malloc(((size_t)ulen + 1) * sizeof *u);
    size_t *at = folio_malloc(((size_t)ulen + 1) * sizeof *at); /* UTF-16 unit -> byte */
    char *icu = folio_calloc(len + 1, 1);
    int n = 0;
    if (!u || !at || !icu) {
        n = FOLIO_E_NOMEM;
        goto done;
    }
    /* decode by hand, so each UTF-16 unit knows its byte */
    int32_t k = 0;
    for (size_t i = 0; i < len && k < ulen;) {
        uint32_t cp;
        size_t step = (size_t)folio_utf8_next(s + i, len - i, &cp);
        at[k] = i;
        if (cp > 0xFFFF && k + 1 < ulen) {
            u[k++] = (UChar)(0xD7C0 + (cp >> 10));
            at[k] = i;
            u[k++] = (UChar)(0xDC00 | (cp & 0x3FF));
        } else {
            u[k++] = (UChar)(cp > 0xFFFF ? 0xFFFD : cp);
        }
        i += step;
    }
    ulen = k;
    at[ulen] = len;
    UBreakIterator *bi = ubrk_open(UBRK_LINE, "zh", u, ulen, &err);
    if (U_FAILURE(err)) {
        n = FOLIO_E_NOMEM;
        goto done;
    }
    for (int32_t b = ubrk_first(bi); b != UBRK_DONE; b = ubrk_next(bi))
        if (b > 0 && b < ulen)
            icu[at[b]] = 1;
    ubrk_close(bi);
    for (size_t p = 1; p < len; p++) {
        if (((unsigned char)s[p] & 0xC0) == 0x80)
            continue;
        uint32_t a = before(s, p), c = after(s, len, p);
        if (a == ' ' || c == ' ' || a == 0xA0 || c == 0xA0)
            continue; /* spaces are the paragraph's own breaks */
        if (!han(a) && !han(c))
            continue; /* Latin words break at their spaces, as elsewhere */
        if (allowed(r, a, c, icu[p]))
            pos[n++] = p;
    }
done:
    free(u);
    free(at);
    free(icu);
    return n;
}
