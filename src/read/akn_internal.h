/* The Akoma Ntoso reader's state and the interfaces between its files
 * (src/read/akn_*.c). docs/akn.md says what maps to what. */
#ifndef FOLIO_READ_AKN_INTERNAL_H
#define FOLIO_READ_AKN_INTERNAL_H

#include <libxml/tree.h>

#include "model/akn_names.h"

/* akn_read.c: the reader's state ------------------------------------------*/

typedef struct akn_note_at {
    xmlNodePtr node;    /* an <authorialNote> or a <note> of <meta><notes> */
    const char *eid;    /* its eId (arena), or NULL */
    folio_note *note;   /* made at its first reference, else NULL */
} akn_note_at;

typedef struct akn {
    folio_ctx *ctx;
    const folio_house *house; /* the languages a document may name */
    folio_report *rep;
    const char *data;         /* the input, for columns */
    size_t len;
    const xmlChar *ns;        /* the document's namespace, or NULL */
    int max_depth;
    akn_note_at *notes;       /* every note element, in document order */
    size_t nnotes;
    size_t notes_cap;         /* rep->notes capacity */
    akn_note_at **by_eid;     /* notes with an eId, sorted by it */
    size_t nby_eid;
    const char **ids;         /* hash set of the model's note ids */
    size_t ids_cap;
    size_t dups;              /* ids made unique so far */
    char *body;               /* masthead body lines, grown by doubling */
    size_t body_len, body_cap;
    const char **warned;      /* element names already warned about */
    size_t nwarned;
    int nwarnings;            /* warnings given; past a limit only counted */
} akn;

typedef struct akn_runs {
    folio_run *v;
    size_t n, cap;
} akn_runs;

/* Is n an element of the document's namespace named `name`? */
int folio_akn_is(const akn *a, xmlNodePtr n, const char *name);
/* n's local name when it is an element of the document's namespace, else
 * NULL (foreign elements are then not understood). */
const char *folio_akn_name(const akn *a, xmlNodePtr n);
/* Where n starts: its line, and its column found in the input text. */
folio_pos folio_akn_where(const akn *a, xmlNodePtr n);
/* Warn once per element name: "akn: <foo> is not understood; ..." */
void folio_akn_unknown(akn *a, xmlNodePtr n, const char *what);
/* A warning at n; past AKN_MAX_WARNINGS they are only counted (a hostile
 * input could otherwise make millions, each looking for its column). */
enum { AKN_MAX_WARNINGS = 50 };
void folio_akn_warn(akn *a, xmlNodePtr n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* n's line, without the column (cheap: for blocks, runs and notes). */
folio_pos folio_akn_line(xmlNodePtr n);
/* An attribute in the arena, NULL when absent; -1 on no memory. */
int folio_akn_attr(akn *a, xmlNodePtr n, const char *name, const char **out);
/* Nesting beyond the limit: an error. */
int folio_akn_too_deep(akn *a, xmlNodePtr n);

/* akn_inline.c */
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
/* The note of a note element (<authorialNote>, <meta><notes><note>),
 * made with its blocks on first use. */
int folio_akn_note(akn *a, xmlNodePtr n, int depth, folio_note **out);
/* Index every note element of the document (before anything refers). */
int folio_akn_index_notes(akn *a, xmlNodePtr root);
/* Make the notes nothing referred to (<meta><notes>), at the end. */
int folio_akn_rest_notes(akn *a);

/* akn_build.c */
typedef struct akn_blocks {
    folio_block *v;
    size_t n, cap;
} akn_blocks;

/* Append the blocks of a body element (mainBody, a note, an annex's
 * body...) to `out`, flattened in document order. */
int folio_akn_body(akn *a, xmlNodePtr parent, int depth, akn_blocks *out);
/* An annex from an <attachment>'s document: its block, its title as a
 * level 0 heading, then its body. */
int folio_akn_attachment(akn *a, xmlNodePtr doc, int depth, akn_blocks *out);

/* akn_meta.c */
/* The masthead from a coverPage or preface (or a part of one). */
int folio_akn_masthead(akn *a, xmlNodePtr n, int depth);
/* What <meta> holds for folio: station, job number, language. */
int folio_akn_meta(akn *a, xmlNodePtr meta);

#endif
