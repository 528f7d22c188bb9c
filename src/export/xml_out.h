/* What the two XML writers (report XML, src/xml/xml_write.c; Akoma Ntoso,
 * src/xml/akn_write*.c) write the same way: checked text and attributes,
 * and the elements around an inline run. */
#ifndef FOLIO_XML_OUT_H
#define FOLIO_XML_OUT_H

#include <libxml/xmlwriter.h>

#include "model/model.h"

/* Text and attribute values XML 1.0 can carry (no control characters but
 * tab and line ends, valid UTF-8), else an error at `pos`. */
int folio_xml_text(folio_ctx *ctx, xmlTextWriterPtr w, const char *s, folio_pos pos);
int folio_xml_attr(folio_ctx *ctx, xmlTextWriterPtr w, const char *name, const char *value,
                   folio_pos pos);

/* The element names of a vocabulary's inline markup. */
typedef struct xml_run_names {
    const char *symbol;        /* a document symbol reference */
    int symbol_href_always;    /* the symbol element must have an href */
    const char *link, *strong, *emph, *sup, *span;
} xml_run_names;

/* Open what wraps a run: its symbol or link element, then one element per
 * style; *open counts them. A text run's text is written as well, inside
 * a span when it would otherwise vanish (empty) or merge with the plain
 * run before it, and a line break as <br/>. A note reference is left to
 * the caller, inside the wrapping; an unknown kind is an error. */
int folio_xml_run_start(folio_ctx *ctx, xmlTextWriterPtr w, const xml_run_names *nm,
                        const folio_run *r, const folio_run *prev, int *open);
/* Close the `open` elements folio_xml_run_start opened. */
int folio_xml_run_end(xmlTextWriterPtr w, int open);

#endif
