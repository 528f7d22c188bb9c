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

/* Failed allocations on this thread so far (injected or real). A public
 * entry point notes it on entry and fails with FOLIO_E_NOMEM when it grew:
 * not every failure can travel back through return values (libxml2's
 * writer drops some and reports success). */
unsigned long folio_mem_failures(void);

/* Would the next allocation fail? Counts it as one when the hook is armed.
 * For allocators of libraries that cannot take a NULL (cmark-gfm): they
 * allocate anyway and report the failure afterwards. */
int folio_mem_should_fail(void);

/* Around a third-party call known to crash when an allocation fails
 * (libharu's HPDF_AddPage and HPDF_SaveToStream, libxml2's RELAX NG
 * validation): the test hook neither counts nor fails its allocations.
 * on: 1 before the call, 0 after. A real failure there still reaches the
 * library. */
void folio_mem_unhook(int on);

/* The test hook. Arm: count allocations from 0 and fail the one numbered
 * `n` (1-based) and that one only; n < 1 counts without failing. Disarm:
 * stop counting; returns how many were counted. Failed: how many failures
 * were injected since arming (0 or 1). Not for production use: arming
 * while other threads allocate is fine, but they share the count. */
void folio_mem_test_arm(long n);
long folio_mem_test_disarm(void);
long folio_mem_test_failed(void);
/* Allocations counted so far since arming (to place a failure). */
long folio_mem_test_count(void);
/* Called at each injected failure (a place for a debugger's breakpoint). */
void folio_mem_injected(long n);

#endif
