/* folio — readers: bytes in, report model out, nothing else. */
#ifndef FOLIO_READ_H
#define FOLIO_READ_H

#include "folio/report.h"

typedef struct folio_read_limits {
    size_t max_bytes;        /* input size (default 64 MiB) */
    int max_depth;           /* nesting depth (default 64) */
} folio_read_limits;

/* Read Markdown in the UN house dialect. `name` is used in diagnostics. */
int folio_read_markdown(folio_ctx *ctx, const char *data, size_t len,
                        const char *name, const folio_read_limits *lim,
                        folio_report **out);

/* Read a whole file into memory (malloc'd, NUL-terminated). */
int folio_read_file(folio_ctx *ctx, const char *path, size_t max_bytes,
                    char **data, size_t *len);

#endif
