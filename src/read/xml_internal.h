/* The XML readers' stages (src/xml/): secure parsing, then for report XML
 * schema validation and building the model, for Akoma Ntoso its own
 * builder (akn_*.c). */
#ifndef FOLIO_XML_INTERNAL_H
#define FOLIO_XML_INTERNAL_H

#include <libxml/tree.h>

#include "folio/read.h"
#include "house/house.h"
#include "model/model.h"

/* Parse `data` without network, DTD or entities (a DOCTYPE is an error),
 * within libxml2's own depth limit. Every problem goes to ctx as an error
 * at file:line:col naming the element. On success *doc is the tree
 * (xmlFreeDoc it). */
int folio_xml_parse(folio_ctx *ctx, const char *data, size_t len, xmlDocPtr *doc);

/* Validate a parsed tree against the built-in report XML schema; errors
 * as folio_xml_parse gives them. */
int folio_xml_validate(folio_ctx *ctx, xmlDocPtr doc);

/* Is the root element <akomaNtoso> (in the AKN 3.0 namespace or none)? */
int folio_xml_is_akn(xmlDocPtr doc);

/* Build the report model from an Akoma Ntoso tree (docs/akn.md). `data`
 * is the parsed input, for the columns of diagnostics. */
int folio_akn_build(folio_ctx *ctx, const folio_house *house, xmlDocPtr doc,
                    const char *data, size_t len, int max_depth, folio_report *rep);

/* Build the report model from a validated tree. Nesting deeper than
 * max_depth is an error; so is a station the house does not define. */
int folio_xml_build(folio_ctx *ctx, const folio_house *house, xmlDocPtr doc, int max_depth,
                    folio_report *rep);

#endif
