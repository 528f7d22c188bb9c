/* Diagnostics: warnings and errors collected with their source positions. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "folio/base.h"
#include "util/mem.h"

void folio_ctx_init(folio_ctx *ctx, const char *file)
{
    memset(ctx, 0, sizeof *ctx);
    ctx->file = file;
}

void folio_ctx_free(folio_ctx *ctx)
{
    for (size_t i = 0; i < ctx->ndiags; i++)
        free(ctx->diags[i].message);
    free(ctx->diags);
    memset(ctx, 0, sizeof *ctx);
}

static void add(folio_ctx *ctx, folio_severity sev, folio_pos pos,
                const char *fmt, va_list ap)
{
    if (ctx->ndiags == ctx->cap) {
        size_t cap = ctx->cap ? ctx->cap * 2 : 16;
        folio_diag *d = folio_realloc(ctx->diags, cap * sizeof *d);
        if (!d)
            return; /* out of memory: the diagnostic is lost, not the run */
        ctx->diags = d;
        ctx->cap = cap;
    }
    char *msg = NULL;
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n >= 0 && (msg = folio_malloc((size_t)n + 1)))
        vsnprintf(msg, (size_t)n + 1, fmt, ap);
    ctx->diags[ctx->ndiags++] = (folio_diag){sev, ctx->file, pos, msg};
    if (sev == FOLIO_ERROR)
        ctx->nerrors++;
}

int folio_warn(folio_ctx *ctx, folio_pos pos, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add(ctx, FOLIO_WARNING, pos, fmt, ap);
    va_end(ap);
    return 0;
}

int folio_error(folio_ctx *ctx, int code, folio_pos pos, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add(ctx, FOLIO_ERROR, pos, fmt, ap);
    va_end(ap);
    return code < 0 ? code : FOLIO_E_INPUT;
}

const char *folio_last_error(const folio_ctx *ctx)
{
    for (size_t i = ctx->ndiags; i-- > 0;)
        if (ctx->diags[i].severity == FOLIO_ERROR && ctx->diags[i].message)
            return ctx->diags[i].message;
    return "";
}
