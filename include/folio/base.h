/* folio — shared basics: error codes, diagnostics, arenas, lengths.
 *
 * Every stage uses these and nothing else from the others. Lengths are
 * integers in millipoints (1/1000 pt); writers convert at their boundary. */
#ifndef FOLIO_BASE_H
#define FOLIO_BASE_H

#include <stddef.h>
#include <stdint.h>

#define FOLIO_VERSION "0.1.0"

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
    FOLIO_E_USAGE = -9   /* a bad option or argument */
};

#define FOLIO_PT(x) ((int32_t)((x) * 1000))          /* points -> millipoints */
#define FOLIO_CM(x) ((int32_t)((x) * 72000.0 / 2.54)) /* cm -> millipoints */

/* A position in an input file, 1-based; 0 when unknown. */
typedef struct folio_pos {
    int line;
    int col;
} folio_pos;

typedef enum folio_severity { FOLIO_WARNING, FOLIO_ERROR } folio_severity;

typedef struct folio_diag {
    folio_severity severity;
    const char *file; /* borrowed from the context */
    folio_pos pos;
    char *message;
} folio_diag;

/* The context: collects diagnostics (with positions) and the last error.
 * The library never prints; the command line prints what it collected. */
typedef struct folio_ctx {
    const char *file;   /* name of the input being processed (borrowed) */
    folio_diag *diags;
    size_t ndiags, cap;
    int nerrors;
} folio_ctx;

void folio_ctx_init(folio_ctx *ctx, const char *file);
void folio_ctx_free(folio_ctx *ctx);
/* Record a diagnostic; returns FOLIO_E_INPUT for errors so callers can
 * `return folio_error(...)`; returns 0 for warnings. */
int folio_warn(folio_ctx *ctx, folio_pos pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int folio_error(folio_ctx *ctx, int code, folio_pos pos, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* The last error's message, or "" when there is none. */
const char *folio_last_error(const folio_ctx *ctx);

/* Arena: many small allocations freed together. */
typedef struct folio_arena folio_arena;
folio_arena *folio_arena_new(void);
void folio_arena_free(folio_arena *a);
void *folio_alloc(folio_arena *a, size_t size);          /* zeroed; NULL on OOM */
char *folio_strdup(folio_arena *a, const char *s);
char *folio_strndup(folio_arena *a, const char *s, size_t n);
char *folio_sprintf(folio_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Grow an arena array: returns a copy with room for `want` elements (the old
 * block is abandoned to the arena). Used by readers that build arrays. */
void *folio_grow(folio_arena *a, void *old, size_t elsize, size_t have, size_t want);
size_t folio_arena_bytes(const folio_arena *a);

/* Read a whole file into memory (malloc'd, NUL-terminated); max_bytes
 * 0 means the default of 64 MiB. */
int folio_read_file(folio_ctx *ctx, const char *path, size_t max_bytes,
                    char **data, size_t *len);

#endif
