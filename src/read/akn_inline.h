/* Akoma Ntoso inline content into runs, and footnotes (akn_inline.c). */
#ifndef FOLIO_READ_AKN_INLINE_H
#define FOLIO_READ_AKN_INLINE_H

#include "read/akn_internal.h"

/* Is `name` an element the reader takes as inline content (AKN inline and
 * marker elements: b, i, ref, docTitle, authorialNote, ...)? */
int folio_akn_is_inline(const char *name);
/* Append the inline content of `parent` to `out`, with the style and link
 * of `base`; whitespace runs fold to one space. */
int folio_akn_inlines(akn *a, xmlNodePtr parent, folio_run base, int depth, akn_runs *out);
/* The same for one node (text or element) of some parent's content. */
int folio_akn_inline_node(akn *a, xmlNodePtr n, folio_run base, int depth, akn_runs *out);
/* The text of runs joined (a line break as a space), in the arena. */
const char *folio_akn_runs_text(akn *a, const akn_runs *r);
/* Trim the runs' leading and trailing spaces (block edges). */
void folio_akn_trim(akn_runs *r);
int folio_akn_push(akn *a, akn_runs *r, folio_run run);
/* A line break run at n. */
int folio_akn_push_break(akn *a, akn_runs *r, xmlNodePtr n);
/* Does n hold a <signature> (in its inline content, at any depth)? */
int folio_akn_has_signature(akn *a, xmlNodePtr n);
/* The note of a note element (<authorialNote>, <meta><notes><note>),
 * made with its blocks on first use. */
int folio_akn_note(akn *a, xmlNodePtr n, int depth, folio_note **out);
/* Index every note element of the document (before anything refers). */
int folio_akn_index_notes(akn *a, xmlNodePtr root);
/* Make the notes nothing referred to (<meta><notes>), at the end. */
int folio_akn_rest_notes(akn *a);

#endif
