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
    size_t lost;         /* diagnostics lost for want of memory */
};

/* Name the input when the context has no name yet (a reader given a
 * name); FOLIO_E_NOMEM when it cannot be copied. */
int folio_ctx_name(folio_ctx *ctx, const char *file);

#endif
