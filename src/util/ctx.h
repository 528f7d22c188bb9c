/* The diagnostics context's structure (internal; callers see folio_ctx
 * through the functions of folio/base.h). */
#ifndef FOLIO_UTIL_CTX_H
#define FOLIO_UTIL_CTX_H

#include "folio/base.h"

struct folio_ctx {
    char *file;          /* name of the input being processed, or NULL */
    folio_diag *diags;
    size_t ndiags, cap;
    size_t nerrors;      /* errors reported, lost ones included */
};

/* Name the input when the context has no name yet (a reader given a
 * name); FOLIO_E_NOMEM when it cannot be copied. */
int folio_ctx_name(folio_ctx *ctx, const char *file);

/* The end of a public entry point that began with `failures` =
 * folio_mem_failures() and `errors` = ctx->nerrors: FOLIO_E_NOMEM when an
 * allocation failed meanwhile, whatever `rc` says, with "out of memory"
 * when nothing else was said. Returns the code to return. */
int folio_ctx_settle(folio_ctx *ctx, unsigned long failures, size_t errors, int rc);

#endif
