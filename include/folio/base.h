/* folio — basics every caller needs: the version, error codes, the
 * library's set-up, and the context that collects diagnostics. */
#ifndef FOLIO_BASE_H
#define FOLIO_BASE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define FOLIO_VERSION_MAJOR 0
#define FOLIO_VERSION_MINOR 1
#define FOLIO_VERSION_PATCH 0
#define FOLIO_VERSION "0.1.0"

/* The version of the library linked in ("0.1.0"); each of major, minor
 * and patch may be NULL. Compare with FOLIO_VERSION, the headers'. */
const char *folio_version(int *major, int *minor, int *patch);

/* Error codes: functions return 0 or one of these (negative). */
enum {
    FOLIO_OK = 0,
    FOLIO_E_NOMEM = -1,
    FOLIO_E_IO = -2,     /* cannot read or write a file */
    FOLIO_E_INPUT = -3,  /* the input document is malformed */
    FOLIO_E_LIMIT = -4,  /* the input exceeds a configured limit */
    FOLIO_E_STYLE = -5,  /* the house style file is malformed */
    FOLIO_E_FONT = -6,   /* a font is missing or unusable */
    FOLIO_E_PDF = -7,    /* libharu failed */
    FOLIO_E_DOCX = -8,   /* libzip or libxml2 failed */
    FOLIO_E_USAGE = -9   /* a bad option, argument or value */
};

/* A short description of an error code ("out of memory"). */
const char *folio_strerror(int code);

/* Set up the libraries folio uses (libxml2's parser and allocator,
 * cmark-gfm's extensions). Call it once before any other folio function
 * and before starting threads that use folio; it may be called again
 * (each call wants its folio_shutdown). Returns 0 or FOLIO_E_NOMEM. */
int folio_init(void);
/* Undo folio_init; the last call releases libxml2's global state, so call
 * it when no thread uses folio (or libxml2) any more. */
void folio_shutdown(void);

/* A position in an input file, 1-based; 0 when unknown. */
typedef struct folio_pos {
    int line;
    int col;
} folio_pos;

typedef enum folio_severity { FOLIO_WARNING, FOLIO_ERROR } folio_severity;

/* One diagnostic; its strings belong to the context. */
typedef struct folio_diag {
    folio_severity severity;
    const char *file;    /* the input's name, or NULL */
    folio_pos pos;
    const char *message; /* NULL when memory ran out for it */
} folio_diag;

/* The context collects diagnostics, with their positions, for one
 * document at a time; the library never prints. Not shared between
 * threads: one context per thread. */
typedef struct folio_ctx folio_ctx;

/* A new context; `file` (copied, may be NULL) names the input in its
 * diagnostics. */
int folio_ctx_new(const char *file, folio_ctx **out);
void folio_ctx_free(folio_ctx *ctx);
/* Diagnostics recorded, in order; diagnostic i (NULL past the end). */
size_t folio_ctx_count(const folio_ctx *ctx);
const folio_diag *folio_ctx_diag(const folio_ctx *ctx, size_t i);
/* Errors reported, counting any whose record was lost for want of memory. */
size_t folio_ctx_errors(const folio_ctx *ctx);
/* The last error's message, or "" when there is none. */
const char *folio_last_error(const folio_ctx *ctx);

/* Record a diagnostic. folio_warn returns 0; folio_error returns `code`
 * (FOLIO_E_INPUT when code is not negative), so that a caller may
 * `return folio_error(...)`. */
int folio_warn(folio_ctx *ctx, folio_pos pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int folio_error(folio_ctx *ctx, int code, folio_pos pos, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#ifdef __cplusplus
}
#endif

#endif
