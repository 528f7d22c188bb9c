/* folio — the report: what a reader produces (folio/read.h), the builder
 * makes in code (folio/builder.h) and folio_render typesets. Opaque; all
 * its memory belongs to the report. */
#ifndef FOLIO_REPORT_H
#define FOLIO_REPORT_H

#include "folio/base.h"
#include "folio/house.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct folio_report folio_report;

/* A new, empty report (general distribution, no masthead, no text);
 * `source` (copied; NULL: "<input>") names it in messages. */
int folio_report_new(folio_ctx *ctx, const char *source, folio_report **out);
void folio_report_free(folio_report *r);

/* The masthead's fields. */
typedef enum folio_field {
    FOLIO_FIELD_SYMBOL,            /* "A/HRC/55/1" */
    FOLIO_FIELD_DISTRIBUTION,      /* "general", "limited" or "restricted" */
    FOLIO_FIELD_DATE,              /* "2024-03-01": a real day */
    FOLIO_FIELD_LANGUAGE,          /* a language of the house: en fr es ru zh ar */
    FOLIO_FIELD_ORIGINAL_LANGUAGE, /* the same codes */
    FOLIO_FIELD_ORGAN,             /* beside the emblem: "General Assembly" */
    FOLIO_FIELD_BODY,              /* lines under the thick rule, one per
                                      '\n'-separated line; the first is the
                                      main body ("Human Rights Council") */
    FOLIO_FIELD_SESSION,           /* "Fifty-fifth session" */
    FOLIO_FIELD_VENUE_DATES,       /* "Geneva, 26 February-5 April 2024" */
    FOLIO_FIELD_AGENDA_ITEM,       /* "Agenda item 3" */
    FOLIO_FIELD_AGENDA_TITLE,      /* the item's name, set bold */
    FOLIO_FIELD_TITLE,
    FOLIO_FIELD_SUBTITLE,
    FOLIO_FIELD_JOB_NUMBER,        /* "GE.24-01234" */
    FOLIO_FIELD_STATION,           /* a duty station of the house: new-york,
                                      geneva, vienna, nairobi */
    FOLIO_FIELD_JOINT_SYMBOL,      /* a document under two symbols
                                      (A/79/686-S/2024/918): the second */
    FOLIO_FIELD_JOINT_LINES,       /* its second organ's lines under the
                                      rule, '\n'-separated ("Security
                                      Council\nSeventy-ninth year") */
    FOLIO_FIELD_COUNT
} folio_field;

/* A field's value (borrowed from the report), NULL when not set. The
 * distribution reads "general", "limited" or "restricted". */
const char *folio_report_get(const folio_report *r, folio_field field);

/* Print the report tree as indented text (reader spec tests); *out is
 * malloc'd (the caller frees it). */
int folio_report_dump(const folio_report *r, char **out, size_t *len);

/* Write the report as report XML (docs/report-xml.md): everything the
 * model holds but positions, so folio_read_xml gives the same model back.
 * *out is malloc'd (the caller frees it). Text XML cannot carry (control
 * characters, broken UTF-8) is an error. */
int folio_report_xml(folio_ctx *ctx, const folio_report *r, char **out, size_t *len);

/* Write the report as Akoma Ntoso 3.0 shaped as the UN System's AKN4UN
 * guidelines describe it (docs/akn.md); *out is malloc'd. Reading it back
 * with folio_read_xml gives the same model (the order of the notes aside). */
int folio_report_akn(folio_ctx *ctx, const folio_report *r, char **out, size_t *len);
/* The same with the language names and masthead labels of house `h`
 * (NULL: the default house). */
int folio_report_akn_house(folio_ctx *ctx, const folio_house *h, const folio_report *r,
                           char **out, size_t *len);

/* Language codes of the default house style (folio/house.h): index 0..5
 * for en fr es ru zh ar, -1 when unknown. Accepts codes ("es"), English
 * names ("Spanish") and the names in each official language ("Español",
 * "inglés", "русский", ...). */
int folio_lang_index(const char *name);
const char *folio_lang_code(int index);

/* Why `value` is no good for `field`: a date that is no real day
 * ("not a valid date (YYYY-MM-DD)"), a language or a duty station that
 * house `h` (NULL: the default house) does not define ("unknown duty
 * station (new-york, geneva, vienna, nairobi)", the house's own list,
 * written into buf of cap bytes), a distribution other than general,
 * limited or restricted; NULL when it is fine. The builder and
 * folio_render's overrides check with it. */
const char *folio_field_problem(const folio_house *h, folio_field field, const char *value,
                                char *buf, size_t cap);

#ifdef __cplusplus
}
#endif

#endif
