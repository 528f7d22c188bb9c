/* Every heap allocation of folio goes through these (internal), so that a
 * test can make the Nth one fail, as SQLite's test_malloc does: arena
 * chunks, the writers' buffers, and the allocations of the libraries that
 * take an allocator (libxml2, cmark-gfm, libharu, FreeType, libpng).
 * Memory from them is released with free(). */
#ifndef FOLIO_UTIL_MEM_H
#define FOLIO_UTIL_MEM_H

#include <stddef.h>

void *folio_malloc(size_t size);
void *folio_calloc(size_t n, size_t size);
void *folio_realloc(void *p, size_t size);
char *folio_mem_strdup(const char *s);
char *folio_mem_strndup(const char *s, size_t n);

/* Would the next allocation fail? Counts it as one when the hook is armed.
 * For allocators of libraries that cannot take a NULL (cmark-gfm): they
 * allocate anyway and report the failure afterwards. */
int folio_mem_should_fail(void);

/* The test hook. Arm: count allocations from 0 and fail the one numbered
 * `n` (1-based) and that one only; n < 1 counts without failing. Disarm:
 * stop counting; returns how many were counted. Failed: how many failures
 * were injected since arming (0 or 1). Not for production use: arming
 * while other threads allocate is fine, but they share the count. */
void folio_mem_test_arm(long n);
long folio_mem_test_disarm(void);
long folio_mem_test_failed(void);

#endif
