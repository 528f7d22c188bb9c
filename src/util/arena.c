/* Arena allocator: chunks freed together at the end of a lifetime. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "util/mem.h"

typedef struct chunk {
    struct chunk *next;
    size_t size, used;
    max_align_t data[];
} chunk;

struct folio_arena {
    chunk *head;
    size_t total;
};

folio_arena *folio_arena_new(void)
{
    return folio_calloc(1, sizeof(folio_arena));
}

void folio_arena_free(folio_arena *a)
{
    if (!a)
        return;
    for (chunk *c = a->head, *n; c; c = n) {
        n = c->next;
        free(c);
    }
    free(a);
}

void *folio_alloc(folio_arena *a, size_t size)
{
    const size_t align = sizeof(max_align_t);
    size = (size + align - 1) / align * align;
    if (size == 0)
        size = align;
    chunk *c = a->head;
    if (!c || c->size - c->used < size) {
        size_t want = size > 60000 ? size : 64 * 1024 - sizeof(chunk);
        chunk *n = folio_malloc(sizeof(chunk) + want);
        if (!n)
            return NULL;
        n->size = want;
        n->used = 0;
        /* A big one-off block goes behind the current chunk so the current
         * chunk's free room is not lost. */
        if (c && size > 60000) {
            n->next = c->next;
            c->next = n;
        } else {
            n->next = c;
            a->head = n;
        }
        a->total += want;
        c = n;
    }
    void *p = (char *)c->data + c->used;
    c->used += size;
    memset(p, 0, size);
    return p;
}

char *folio_strndup(folio_arena *a, const char *s, size_t n)
{
    char *p = folio_alloc(a, n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = 0;
    }
    return p;
}

char *folio_strdup(folio_arena *a, const char *s)
{
    return s ? folio_strndup(a, s, strlen(s)) : NULL;
}

char *folio_sprintf(folio_arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    char *p = folio_alloc(a, (size_t)n + 1);
    if (!p)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

void *folio_grow(folio_arena *a, void *old, size_t elsize, size_t have, size_t want)
{
    if (want && elsize > SIZE_MAX / want)
        return NULL;
    void *p = folio_alloc(a, elsize * want);
    if (p && old && have)
        memcpy(p, old, elsize * (have < want ? have : want));
    return p;
}

size_t folio_arena_bytes(const folio_arena *a)
{
    return a ? a->total : 0;
}
