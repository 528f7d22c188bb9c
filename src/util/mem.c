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
/* Failed allocations on this thread, injected or real: some callers cannot
 * report a failure (a libxml2 writer call that drops what it could not
 * allocate and returns success; a yes-or-no predicate), so each public
 * entry point compares this count before and after (SQLite's
 * mallocFailed). */
static _Thread_local unsigned long thread_failures;
/* Inside a third-party call that crashes on a failed allocation (so the
 * hook leaves its allocations alone: neither counted nor failed). */
static _Thread_local int unhooked;

void folio_mem_unhook(int on)
{
    unhooked += on ? 1 : -1;
}

unsigned long folio_mem_failures(void)
{
    return thread_failures;
}

/* Where an injected failure happens: a breakpoint here (gdb -ex 'break
 * folio_mem_injected') shows who did not cope with it. */
__attribute__((noinline)) void folio_mem_injected(long n)
{
    atomic_fetch_add_explicit(&failed, 1, memory_order_relaxed);
    thread_failures++;
    (void)n;
}

int folio_mem_should_fail(void)
{
    if (!atomic_load_explicit(&armed, memory_order_relaxed) || unhooked)
        return 0;
    long n = atomic_fetch_add_explicit(&count, 1, memory_order_relaxed) + 1;
    if (n != atomic_load_explicit(&fail_at, memory_order_relaxed))
        return 0;
    folio_mem_injected(n);
    return 1;
}

/* p, counting a real failure (the hook counts its own). */
static void *counted(void *p)
{
    if (!p)
        thread_failures++;
    return p;
}

void *folio_malloc(size_t size)
{
    return folio_mem_should_fail() ? NULL : counted(malloc(size));
}

void *folio_calloc(size_t n, size_t size)
{
    return folio_mem_should_fail() ? NULL : counted(calloc(n, size));
}

void *folio_realloc(void *p, size_t size)
{
    return folio_mem_should_fail() ? NULL : counted(realloc(p, size ? size : 1));
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

long folio_mem_test_count(void)
{
    return atomic_load(&count);
}
