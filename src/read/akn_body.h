/* Akoma Ntoso bodies into the model's blocks (akn_build.c). */
#ifndef FOLIO_READ_AKN_BODY_H
#define FOLIO_READ_AKN_BODY_H

#include "read/akn_internal.h"

/* What a body is to the document: its blocks' roles depend on it. */
typedef enum akn_context {
    AKN_IN_BODY,        /* mainBody, a note, ... */
    AKN_IN_PREAMBLE,    /* a resolution's <preamble>: its formula, its recitals */
    AKN_IN_OPERATIVE,   /* the body after it: numbered paragraphs are operative */
    AKN_IN_CONCLUSIONS, /* its closing lines and adoption line */
    AKN_IN_ATTACHMENT   /* an annex's body: an annex container there is the
                           annex's own annex (a part) */
} akn_context;

/* Append the blocks of a body element (mainBody, a note, an annex's
 * body...) to `out`, flattened in document order. */
int folio_akn_body(akn *a, xmlNodePtr parent, int depth, akn_blocks *out);
int folio_akn_body_in(akn *a, xmlNodePtr parent, int depth, akn_context in, akn_blocks *out);
/* Does the body reader read an element of this name (else it is not
 * understood: its text is kept with a warning)? */
int folio_akn_body_knows(const char *name);
/* One node read as body content (a <toc> in a preface). */
int folio_akn_body_node(akn *a, xmlNodePtr n, int depth, akn_blocks *out);
/* The start and the end of a part the document's structure opens (a
 * resolution's preamble). */
int folio_akn_part_open(akn *a, akn_blocks *out, folio_part_kind kind, folio_pos pos);
int folio_akn_part_end(akn *a, akn_blocks *out, folio_pos pos);

#endif
