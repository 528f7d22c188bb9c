/* Bidirectional text with FriBidi: the embedding level of every character
 * of a paragraph (UAX #9, rules P2 to I1 with bracket pairs), then, line
 * by line, the visual order of the line's pieces (rule L2). A paragraph of
 * an Arabic document is right to left; its Latin symbols and numbers are
 * left-to-right islands in it ("(CCPR/C/SWE/7)", "2016"). */
#include <stdlib.h>
#include <string.h>

#include <fribidi.h>

#include "layout/script.h"
#include "util/text.h"
#include "util/mem.h"

int folio_bidi_needed(const char *s, size_t len, int rtl)
{
    if (rtl)
        return 1;
    for (size_t i = 0; i < len; i++) {
        if ((unsigned char)s[i] < 0xD6) /* below U+0590: nothing right to left */
            continue;
        uint32_t cp;
        folio_utf8_next(s + i, len - i, &cp);
        if (folio_is_rtl_char(cp))
            return 1;
    }
    return 0;
}

int folio_bidi_levels(const char *s, size_t len, int rtl, uint8_t *levels)
{
    size_t n = 0;
    FriBidiChar *u = folio_malloc((len + 1) * sizeof *u);
    size_t *at = folio_malloc((len + 1) * sizeof *at);
    FriBidiCharType *types = folio_malloc((len + 1) * sizeof *types);
    FriBidiBracketType *brackets = folio_malloc((len + 1) * sizeof *brackets);
    FriBidiLevel *lv = folio_malloc((len + 1) * sizeof *lv);
    int rc = FOLIO_E_NOMEM;
    if (!u || !at || !types || !brackets || !lv)
        goto done;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        at[n] = i;
        i += (size_t)folio_utf8_next(s + i, len - i, &cp);
        u[n++] = cp;
    }
    at[n] = len;
    if (n == 0) {
        rc = rtl > 0;
        goto done;
    }
    fribidi_get_bidi_types(u, (FriBidiStrIndex)n, types);
    fribidi_get_bracket_types(u, (FriBidiStrIndex)n, types, brackets);
    FriBidiParType base = rtl > 0 ? FRIBIDI_PAR_RTL : rtl == 0 ? FRIBIDI_PAR_LTR : FRIBIDI_PAR_ON;
    if (!fribidi_get_par_embedding_levels_ex(types, brackets, (FriBidiStrIndex)n, &base, lv))
        goto done;
    for (size_t k = 0; k < n; k++)
        memset(levels + at[k], lv[k], at[k + 1] - at[k]);
    rc = FRIBIDI_IS_RTL(base) ? 1 : 0;
done:
    free(u);
    free(at);
    free(types);
    free(brackets);
    free(lv);
    return rc;
}

void folio_bidi_order(const uint8_t *levels, size_t n, size_t *order)
{
    uint8_t hi = 0, lo = 255;
    for (size_t i = 0; i < n; i++) {
        order[i] = i;
        if (levels[i] > hi)
            hi = levels[i];
        if (levels[i] < lo)
            lo = levels[i];
    }
    if (lo % 2 == 0)
        lo++;
    /* from the highest level down to the lowest odd one, reverse every run
     * of elements at that level or higher */
    for (int l = hi; l >= lo; l--) {
        size_t i = 0;
        while (i < n) {
            if (levels[order[i]] < l) {
                i++;
                continue;
            }
            size_t j = i;
            while (j < n && levels[order[j]] >= l)
                j++;
            for (size_t a = i, b = j - 1; a < b; a++, b--) {
                size_t t = order[a];
                order[a] = order[b];
                order[b] = t;
            }
            i = j;
        }
    }
}
