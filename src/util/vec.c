#include "util/vec.h"

#include <stdint.h>
#include <string.h>

#include "folio/base.h"
#include "util/mem.h"

/* The next capacity, or 0 when it would not fit in a size_t. */
static size_t next_cap(size_t cap, size_t elsize, size_t first)
{
    size_t want = cap ? cap * 2 : (first ? first : 1);
    if (want <= cap || want > SIZE_MAX / elsize)
        return 0;
    return want;
}

/* The pointer is read and written through memcpy: the slot holds a T *,
 * not a void *. In arena `a`, or on the heap when `a` is NULL. */
static int room(folio_arena *a, void *slot, size_t *cap, size_t n, size_t elsize,
                size_t first)
{
    void *old, *grown;
    size_t want;
    if (n < *cap)
        return 0;
    want = next_cap(*cap, elsize, first);
    if (!want)
        return FOLIO_E_NOMEM;
    memcpy(&old, slot, sizeof old);
    grown = a ? folio_grow(a, old, elsize, n, want) : folio_realloc(old, want * elsize);
    if (!grown)
        return FOLIO_E_NOMEM;
    memcpy(slot, &grown, sizeof grown);
    *cap = want;
    return 0;
}

int folio_vec_room(void *slot, size_t *cap, size_t n, size_t elsize, size_t first)
{
    return room(NULL, slot, cap, n, elsize, first);
}

int folio_arena_vec_room(folio_arena *a, void *slot, size_t *cap, size_t n,
                         size_t elsize, size_t first)
{
    return a ? room(a, slot, cap, n, elsize, first) : FOLIO_E_NOMEM;
}
