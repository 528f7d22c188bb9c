/* folio — readers: bytes in, report model out, nothing else. */
#ifndef FOLIO_READ_H
#define FOLIO_READ_H

#include "folio/house.h"
#include "folio/report.h"

/* Limits on untrusted input; a field left 0 takes its default. Each
 * overrun is an error (FOLIO_E_LIMIT) saying where, the count, the limit
 * and the `folio` option that raises it. */
typedef struct folio_read_limits {
    size_t max_bytes;           /* input size (default 64 MiB) */
    int max_depth;              /* nesting depth (default 64 Markdown, 256 XML) */
    size_t max_notes;           /* footnotes in the report */
    size_t max_table_cells;     /* cells (rows x columns) of one table */
    size_t max_paragraph_bytes; /* text of one paragraph, heading, list item,
                                   footnote paragraph or table cell */
} folio_read_limits;

#define FOLIO_DEFAULT_MAX_NOTES 100000
#define FOLIO_DEFAULT_MAX_TABLE_CELLS 1000000
#define FOLIO_DEFAULT_MAX_PARAGRAPH_BYTES 4194304 /* 4 MiB */

/* Check a report against the note, table-cell and paragraph limits of
 * `lim` (NULL: the defaults). The first overrun is recorded as an error at
 * the offending note, table or paragraph and returned as FOLIO_E_LIMIT.
 * Every reader calls it on the report it has built. */
int folio_report_check_limits(folio_ctx *ctx, const folio_report *rep,
                              const folio_read_limits *lim);

/* Read Markdown in the UN house dialect. `name` is used in diagnostics.
 * `house` gives the words of the masthead and the dialect (languages,
 * months, duty stations: folio/house.h); NULL takes the default house,
 * loaded once per process. The report copies what it keeps of it. */
int folio_read_markdown(folio_ctx *ctx, const char *data, size_t len,
                        const char *name, const folio_read_limits *lim,
                        const folio_house *house, folio_report **out);

/* Read report XML (docs/report-xml.md, schema/folio-report.rng) or Akoma
 * Ntoso 3.0 shaped as AKN4UN (docs/akn.md; a root <akomaNtoso>), parsed
 * without network, DTD or entities (a DOCTYPE is an error). Report XML is
 * validated against the built-in schema; AKN is mapped as docs/akn.md says
 * (elements folio does not understand keep their text, with a warning).
 * Every problem as file:line:col naming the element. Limits as above;
 * lim->max_depth defaults to 256 for XML. `house` as for Markdown: the
 * languages and duty stations a report may name. */
int folio_read_xml(folio_ctx *ctx, const char *data, size_t len,
                   const char *name, const folio_read_limits *lim,
                   const folio_house *house, folio_report **out);


#endif
