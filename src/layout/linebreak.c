/* Line breaking: first fit, allowing word spaces to shrink to 80 % of their
 * natural width before a word moves to the next line (as TeX's glue does).
 * A replaceable unit: the optimal (Knuth-Plass) breaker takes its place
 * behind the same interface. */
#include "layout/layout_internal.h"

size_t break_lines(const lb_word *w, size_t n, int32_t first, int32_t rest,
                   size_t *ends)
{
    size_t lines = 0, i = 0;
    while (i < n) {
        int32_t avail = lines == 0 ? first : rest;
        int64_t natural = w[i].width, shrunk = w[i].width;
        size_t j = i + 1;
        while (j < n && !w[j - 1].forced) {
            int64_t nat = natural + w[j - 1].space + w[j].width;
            int64_t shr = shrunk + w[j - 1].space * 4 / 5 + w[j].width;
            if (shr > avail)
                break;
            natural = nat;
            shrunk = shr;
            j++;
        }
        ends[lines++] = j;
        i = j;
    }
    return lines;
}
