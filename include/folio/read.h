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

/* Read report XML (docs/report-xml.md, schema/folio-report.rng): parsed
 * without network, DTD or entities (a DOCTYPE is an error), validated
 * against the built-in schema, every problem as file:line:col naming the
 * element. Limits: lim->max_bytes (default 64 MiB), lim->max_depth
 * (default 256 for XML). */
int folio_read_xml(folio_ctx *ctx, const char *data, size_t len,
                   const char *name, const folio_read_limits *lim,
                   folio_report **out);


#endif
