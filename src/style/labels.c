/* Number labels: roman numerals and letters (a ... z, aa ...). */
#include <string.h>

#include "style/style_internal.h"

const char *folio_style_roman(folio_arena *a, int n, int lower)
{
    static const struct { int v; const char *s; } t[] = {
        {1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"},
        {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}};
    char buf[64] = "";
    size_t k = 0;
    if (n <= 0 || n > 3999)
        return folio_sprintf(a, "%d", n);
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        while (n >= t[i].v) {
            for (const char *s = t[i].s; *s; s++)
                buf[k++] = lower ? (char)(*s - 'A' + 'a') : *s;
            n -= t[i].v;
        }
    buf[k] = 0;
    return folio_strdup(a, buf);
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
