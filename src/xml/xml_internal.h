/* The report XML reader's stages (src/xml/): secure parsing and schema
 * validation, then building the model from the tree. */
#ifndef FOLIO_XML_INTERNAL_H
#define FOLIO_XML_INTERNAL_H

#include <libxml/tree.h>

#include "folio/read.h"

/* Parse `data` without network, DTD or entities (a DOCTYPE is an error),
 * within libxml2's own depth limit, then validate it against the built-in
 * RELAX NG schema. Every problem goes to ctx as an error at file:line:col
 * naming the element. On success *doc is the tree (xmlFreeDoc it). */
int folio_xml_parse(folio_ctx *ctx, const char *data, size_t len, xmlDocPtr *doc);

/* Build the report model from a validated tree. Nesting deeper than
 * max_depth is an error. */
int folio_xml_build(folio_ctx *ctx, xmlDocPtr doc, int max_depth, folio_report *rep);

#endif
