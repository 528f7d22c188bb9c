/* folio_house_fingerprint: what a house style is, as one number, for
 * callers that keep outputs up to date (folio batch's stamps). */
#include <string.h>

#include "house/house.h"

static uint64_t fnv1a(uint64_t h, const void *data, size_t len)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 0x100000001b3ull; /* FNV-1a 64 prime */
    }
    return h;
}

uint64_t folio_house_fingerprint(const folio_house *h)
{
    uint64_t v = 0xcbf29ce484222325ull; /* FNV-1a 64 offset basis */
    for (size_t i = 0; h && i < h->nfiles; i++) {
        const folio_house_file *f = &h->files[i];
        v = fnv1a(v, f->name, strlen(f->name) + 1);
        v = fnv1a(v, f->data, f->len);
    }
    return v;
}
