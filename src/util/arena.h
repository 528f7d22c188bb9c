/* Arenas (internal): many small allocations freed together, one arena per
 * lifetime (report, flow, layout, scratch). */
#ifndef FOLIO_UTIL_ARENA_H
#define FOLIO_UTIL_ARENA_H

#include <stddef.h>

typedef struct folio_arena folio_arena;

folio_arena *folio_arena_new(void);
void folio_arena_free(folio_arena *a);
void *folio_alloc(folio_arena *a, size_t size);          /* zeroed; NULL on OOM */
char *folio_strdup(folio_arena *a, const char *s);
char *folio_strndup(folio_arena *a, const char *s, size_t n);
char *folio_sprintf(folio_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Grow an arena array: returns a copy with room for `want` elements (the old
 * block is abandoned to the arena). Used by readers that build arrays. */
void *folio_grow(folio_arena *a, void *old, size_t elsize, size_t have, size_t want);
size_t folio_arena_bytes(const folio_arena *a);

#endif
