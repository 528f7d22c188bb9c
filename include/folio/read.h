/* folio — readers: bytes in, report out, nothing else. */
#ifndef FOLIO_READ_H
#define FOLIO_READ_H

#include "folio/house.h"
#include "folio/report.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Limits on untrusted input; a field left 0 takes its default. Each
 * overrun is an error (FOLIO_E_LIMIT) saying where, the count, the limit
 * and the `folio` option that raises it. Versioned: start from
 * FOLIO_READ_OPTIONS_INIT or folio_read_options_init. */
typedef struct folio_read_options {
    unsigned version;           /* FOLIO_READ_OPTIONS_VERSION */
    size_t max_bytes;           /* input size (default 64 MiB) */
    int max_depth;              /* nesting depth (default 64 Markdown, 256 XML) */
    size_t max_notes;           /* footnotes in the report */
    size_t max_table_cells;     /* cells (rows x columns) of one table */
    size_t max_paragraph_bytes; /* text of one paragraph, heading, list item,
                                   footnote paragraph or table cell */
} folio_read_options;

#define FOLIO_READ_OPTIONS_VERSION 1
#define FOLIO_READ_OPTIONS_INIT {FOLIO_READ_OPTIONS_VERSION, 0, 0, 0, 0, 0}
/* Fill `o` with the defaults of `version`; FOLIO_E_USAGE for a version
 * this library does not know. */
int folio_read_options_init(folio_read_options *o, unsigned version);

#define FOLIO_DEFAULT_MAX_NOTES 100000
#define FOLIO_DEFAULT_MAX_TABLE_CELLS 1000000
#define FOLIO_DEFAULT_MAX_PARAGRAPH_BYTES 4194304 /* 4 MiB */

/* Read Markdown in the UN house dialect. `name` is used in diagnostics;
 * `opt` may be NULL (the defaults). `house` gives the words of the
 * masthead and the dialect (languages, months, duty stations:
 * folio/house.h); NULL takes the default house, loaded once per process.
 * The report copies what it keeps of it. */
int folio_read_markdown(folio_ctx *ctx, const char *data, size_t len,
                        const char *name, const folio_read_options *opt,
                        const folio_house *house, folio_report **out);

/* Read report XML (docs/report-xml.md, schema/folio-report.rng) or Akoma
 * Ntoso 3.0 shaped as AKN4UN (docs/akn.md; a root <akomaNtoso>), parsed
 * without network, DTD or entities (a DOCTYPE is an error). Report XML is
 * validated against the built-in schema; AKN is mapped as docs/akn.md says
 * (elements folio does not understand keep their text, with a warning).
 * Every problem as file:line:col naming the element. Limits as above;
 * max_depth defaults to 256 for XML. `house` as for Markdown: the
 * languages and duty stations a report may name. */
int folio_read_xml(folio_ctx *ctx, const char *data, size_t len,
                   const char *name, const folio_read_options *opt,
                   const folio_house *house, folio_report **out);

/* Read a Word document (DOCX): folio's own DOCX continued in Word, a
 * document started from `folio template`, or one typed in Word with its
 * built-in heading and list styles (docs/docx.md, "Reading a DOCX
 * back"). Numbers are the ones Word shows (numbering.xml simulated; typed
 * labels as typed); the masthead comes back from the first page's header
 * and the lines under its rule. The package's parts inflate to at most
 * max_bytes (checked before inflating); parts are parsed without network,
 * DTD or entities. Diagnostics name the part: "word/document.xml:12: ...".
 * Styles folio does not know keep their text, with a warning. */
int folio_read_docx(folio_ctx *ctx, const char *data, size_t len,
                    const char *name, const folio_read_options *opt,
                    const folio_house *house, folio_report **out);

#ifdef __cplusplus
}
#endif

#endif
