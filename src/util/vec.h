/* One growable array for the whole code base: room for one more element,
 * capacity doubling from a first size, with the size overflow checked.
 *
 *     if (FOLIO_VEC_ROOM(rs->v, rs->n, rs->cap, 8))
 *         return FOLIO_E_NOMEM;
 *     rs->v[rs->n++] = run;
 *
 * FOLIO_VEC_ROOM grows a heap array (folio_realloc, freed with free());
 * FOLIO_ARENA_VEC_ROOM one in an arena (the old copy stays in the arena
 * until it is freed). Both leave the array and its capacity as they were
 * when they fail. */
#ifndef FOLIO_UTIL_VEC_H
#define FOLIO_UTIL_VEC_H

#include <stddef.h>

#include "util/arena.h"

/* slot: the address of the array pointer (any object pointer type). */
int folio_vec_room(void *slot, size_t *cap, size_t n, size_t elsize,
                   size_t first);
int folio_arena_vec_room(folio_arena *a, void *slot, size_t *cap, size_t n,
                         size_t elsize, size_t first);

#define FOLIO_VEC_ROOM(v, n, cap, first) \
    folio_vec_room(&(v), &(cap), (n), sizeof *(v), (first))
#define FOLIO_ARENA_VEC_ROOM(arena, v, n, cap, first) \
    folio_arena_vec_room((arena), &(v), &(cap), (n), sizeof *(v), (first))

#endif
