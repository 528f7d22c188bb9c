/* The one place folio allocates from, with SQLite's test_malloc hook: a
 * test arms a count and the Nth allocation fails, so that every
 * FOLIO_E_NOMEM path runs (tests/nomem/). Unarmed, the cost is one relaxed
 * atomic load per allocation. */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

static atomic_int armed;
static atomic_long count, fail_at, failed;

int folio_mem_should_fail(void)
{
    if (!atomic_load_explicit(&armed, memory_order_relaxed))
        return 0;
    long n = atomic_fetch_add_explicit(&count, 1, memory_order_relaxed) + 1;
    if (n != atomic_load_explicit(&fail_at, memory_order_relaxed))
        return 0;
    atomic_fetch_add_explicit(&failed, 1, memory_order_relaxed);
    return 1;
}

void *folio_malloc(size_t size)
{
    return folio_mem_should_fail() ? NULL : malloc(size);
}

void *folio_calloc(size_t n, size_t size)
{
    return folio_mem_should_fail() ? NULL : calloc(n, size);
}

void *folio_realloc(void *p, size_t size)
{
    return folio_mem_should_fail() ? NULL : realloc(p, size);
}

char *folio_mem_strndup(const char *s, size_t n)
{
    size_t len = strnlen(s, n);
    char *p = folio_malloc(len + 1);
    if (p) {
        memcpy(p, s, len);
        p[len] = 0;
    }
    return p;
}

char *folio_mem_strdup(const char *s)
{
    return folio_mem_strndup(s, strlen(s));
}

void folio_mem_test_arm(long n)
{
    atomic_store(&armed, 0);
    atomic_store(&count, 0);
    atomic_store(&failed, 0);
    atomic_store(&fail_at, n < 1 ? 0 : n);
    atomic_store(&armed, 1);
}

long folio_mem_test_disarm(void)
{
    atomic_store(&armed, 0);
    return atomic_load(&count);
}

long folio_mem_test_failed(void)
{
    return atomic_load(&failed);
}
