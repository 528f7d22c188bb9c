/* Roman numerals: I, IV, XIV, MCMXCIV. */
#include <string.h>

#include "util/roman.h"

char *folio_roman(int n, int lower, char *buf, size_t cap)
{
    static const struct { int v; const char *s; } parts[] = {
        {1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"},
        {50, "L"},   {40, "XL"},  {10, "X"},  {9, "IX"},   {5, "V"},   {4, "IV"},
        {1, "I"}};
    size_t o = 0;
    if (cap == 0)
        return buf;
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        size_t len = strlen(parts[i].s);
        while (n >= parts[i].v && o + len < cap) {
            for (size_t k = 0; k < len; k++)
                buf[o++] = lower ? (char)(parts[i].s[k] - 'A' + 'a') : parts[i].s[k];
            n -= parts[i].v;
        }
    }
    buf[o] = 0;
    return buf;
}
