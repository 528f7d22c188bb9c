/* Diagnostics: warnings and errors collected with their source positions,
 * and the names of the error codes.
 * When memory runs out for one it is lost (the entry point around it then
 * fails, see folio_ctx_settle). The context's file name is set once and
 * kept to the end: diagnostics point to it. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/ctx.h"
#include "util/mem.h"
#include "util/vec.h"

int folio_ctx_new(const char *file, folio_ctx **out)
{
    folio_ctx *ctx = folio_calloc(1, sizeof *ctx);
    *out = NULL;
    if (!ctx)
        return FOLIO_E_NOMEM;
    if (file && !(ctx->file = folio_mem_strdup(file))) {
        free(ctx);
        return FOLIO_E_NOMEM;
    }
    *out = ctx;
    return 0;
}

int folio_ctx_name(folio_ctx *ctx, const char *file)
{
    if (ctx->file || !file)
        return 0;
    return (ctx->file = folio_mem_strdup(file)) ? 0 : FOLIO_E_NOMEM;
}

void folio_ctx_free(folio_ctx *ctx)
{
    if (!ctx)
        return;
    for (size_t i = 0; i < ctx->ndiags; i++)
        free((char *)ctx->diags[i].message);
    free(ctx->diags);
    free(ctx->file);
    free(ctx);
}

size_t folio_ctx_count(const folio_ctx *ctx)
{
    return ctx ? ctx->ndiags : 0;
}

const folio_diag *folio_ctx_diag(const folio_ctx *ctx, size_t i)
{
    return ctx && i < ctx->ndiags ? &ctx->diags[i] : NULL;
}

size_t folio_ctx_errors(const folio_ctx *ctx)
{
    return ctx ? ctx->nerrors : 0;
}

static void add(folio_ctx *ctx, folio_severity sev, folio_pos pos,
                const char *fmt, va_list ap)
{
    if (!ctx)
        return;
    if (sev == FOLIO_ERROR)
        ctx->nerrors++;
    if (FOLIO_VEC_ROOM(ctx->diags, ctx->ndiags, ctx->cap, 16))
        return;
    char *msg = NULL;
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n >= 0 && (msg = folio_malloc((size_t)n + 1)))
        vsnprintf(msg, (size_t)n + 1, fmt, ap);
    ctx->diags[ctx->ndiags++] = (folio_diag){sev, ctx->file, pos, msg};
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

int folio_ctx_settle(folio_ctx *ctx, unsigned long failures, size_t errors, int rc)
{
    if (folio_mem_failures() != failures)
        rc = FOLIO_E_NOMEM;
    if (rc == FOLIO_E_NOMEM && ctx && ctx->nerrors == errors)
        folio_error(ctx, rc, (folio_pos){0, 0}, "out of memory");
    return rc;
}

const char *folio_last_error(const folio_ctx *ctx)
{
    for (size_t i = ctx ? ctx->ndiags : 0; i-- > 0;)
        if (ctx->diags[i].severity == FOLIO_ERROR && ctx->diags[i].message)
            return ctx->diags[i].message;
    return "";
}

const char *folio_strerror(int code)
{
    switch (code) {
    case FOLIO_OK: return "no error";
    case FOLIO_E_NOMEM: return "out of memory";
    case FOLIO_E_IO: return "cannot read or write a file";
    case FOLIO_E_INPUT: return "the input is malformed";
    case FOLIO_E_LIMIT: return "the input exceeds a limit";
    case FOLIO_E_STYLE: return "the house style is malformed";
    case FOLIO_E_FONT: return "a font is missing or unusable";
    case FOLIO_E_PDF: return "the PDF could not be made";
    case FOLIO_E_DOCX: return "the DOCX could not be made";
    case FOLIO_E_USAGE: return "a bad option, argument or value";
    default: return "unknown error";
    }
}
