/* folio — the report model: what a reader produces and the renderer
 * typesets. Opaque outside the library: read one (folio/read.h) or build
 * one in code; all its memory belongs to the report. */
#ifndef FOLIO_REPORT_H
#define FOLIO_REPORT_H

#include "folio/base.h"

typedef struct folio_report folio_report;

folio_report *folio_report_new(const char *source);
void folio_report_free(folio_report *r);

/* Print the report tree as indented text (reader spec tests). */
int folio_report_dump(const folio_report *r, char **out, size_t *len);

/* Write the report as report XML (docs/report-xml.md): everything the
 * model holds but positions, so folio_read_xml gives the same model back.
 * *out is malloc'd (the caller frees it). Text XML cannot carry (control
 * characters, broken UTF-8) is an error. Defined in src/xml/. */
int folio_report_xml(folio_ctx *ctx, const folio_report *r, char **out, size_t *len);

/* Write the report as Akoma Ntoso 3.0 shaped as the UN System's AKN4UN
 * guidelines describe it (docs/akn.md); *out is malloc'd. Reading it back
 * with folio_read_xml gives the same model (the order of the notes aside).
 * Defined in src/xml/. */
int folio_report_akn(folio_ctx *ctx, const folio_report *r, char **out, size_t *len);

/* Language codes of the default house style (folio/house.h): index 0..5
 * for en fr es ru zh ar, -1 when unknown. Accepts codes ("es"), English
 * names ("Spanish") and the names in each official language ("Español",
 * "inglés", "русский", ...). */
int folio_lang_index(const char *name);
const char *folio_lang_code(int index);

#endif
