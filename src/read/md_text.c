/* Text helpers of the Markdown reader: trimming white space (UTF-8
 * decoding and folding are util/text.h's). */
#include <stdlib.h>
#include <string.h>

#include "read/md_internal.h"
#include "util/text.h"

static int trim_space_at(const unsigned char *s, size_t n)
{
    if (n >= 1 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\r'))
        return 1;
    if (n >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
        return 2;
    return 0;
}

const char *folio_md_trim(const char *s, size_t *n)
{
    size_t len = *n;
    int k;
    while (len && (k = trim_space_at((const unsigned char *)s, len))) {
        s += k;
        len -= (size_t)k;
    }
    for (;;) {
        if (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\n' ||
                    s[len - 1] == '\r'))
            len--;
        else if (len >= 2 && (unsigned char)s[len - 2] == 0xC2 &&
                 (unsigned char)s[len - 1] == 0xA0)
            len -= 2;
        else
            break;
    }
    *n = len;
    return s;
}
