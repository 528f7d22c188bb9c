/* The report XML's names, shared by its reader and writer (src/xml/). */
#ifndef FOLIO_XML_NAMES_H
#define FOLIO_XML_NAMES_H

#include "model/model.h"

#define FOLIO_XML_NS "urn:folio:report:1"

/* Element of a block kind ("p", "heading", ...), NULL when unknown. */
const char *folio_xml_block_name(folio_block_kind k);
/* Value of label-kind, NULL for FOLIO_LABEL_NONE. */
const char *folio_xml_label_kind_name(folio_label_kind k);
/* Value of a <part>'s kind and of a block's role (NULL for none, text). */
const char *folio_xml_part_name(folio_part_kind k);
const char *folio_xml_role_name(folio_role r);
/* Value of align, NULL for FOLIO_ALIGN_DEFAULT. */
const char *folio_xml_align_name(folio_align a);

/* The reverse look-ups: 0 and *out set, or -1 when the name is unknown. */
int folio_xml_block_kind(const char *name, folio_block_kind *out);
int folio_xml_label_kind(const char *name, folio_label_kind *out);
int folio_xml_align(const char *name, folio_align *out);
int folio_xml_part_kind(const char *name, folio_part_kind *out);
int folio_xml_role(const char *name, folio_role *out);

/* The RELAX NG schema built into the library (schema/folio-report.rng). */
extern const char folio_builtin_report_rng[];

#endif
