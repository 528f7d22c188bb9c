/* Limits on a report's size (internal): what every reader and folio_render
 * hold a report to. */
#ifndef FOLIO_MODEL_LIMITS_H
#define FOLIO_MODEL_LIMITS_H

#include "folio/read.h"

typedef struct folio_limits {
    size_t max_notes;           /* 0: FOLIO_DEFAULT_MAX_NOTES */
    size_t max_table_cells;     /* 0: FOLIO_DEFAULT_MAX_TABLE_CELLS */
    size_t max_paragraph_bytes; /* 0: FOLIO_DEFAULT_MAX_PARAGRAPH_BYTES */
} folio_limits;

/* The limits of read options (NULL: the defaults). */
folio_limits folio_limits_of(const folio_read_options *opt);

/* Check a report against the note, table-cell and paragraph limits of
 * `lim` (NULL: the defaults). The first overrun is recorded as an error at
 * the offending note, table or paragraph and returned as FOLIO_E_LIMIT. */
int folio_report_check_limits(folio_ctx *ctx, const folio_report *rep,
                              const folio_limits *lim);

#endif
