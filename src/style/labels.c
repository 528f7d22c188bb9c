/* Number labels: roman numerals and letters (a ... z, aa ...). */
#include <string.h>

#include "style/style_internal.h"
#include "util/roman.h"

const char *folio_style_roman(folio_arena *a, int n, int lower)
{
    char buf[64];
    if (n <= 0 || n > 3999)
        return folio_sprintf(a, "%d", n);
    return folio_strdup(a, folio_roman(n, lower, buf, sizeof buf));
}

const char *folio_style_letter(folio_arena *a, int n, int upper)
{
    /* 1 -> a, 26 -> z, 27 -> aa (the UN doubles the letter). */
    char buf[16];
    int rep = (n - 1) / 26 + 1, k;
    char c = (char)((upper ? 'A' : 'a') + (n - 1) % 26);
    if (n <= 0 || rep > 10)
        return folio_sprintf(a, "%d", n);
    for (k = 0; k < rep; k++)
        buf[k] = c;
    buf[k] = 0;
    return folio_strdup(a, buf);
}
