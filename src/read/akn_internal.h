/* The Akoma Ntoso reader's state and the node helpers every file of it
 * uses (src/read/akn_*.c; docs/akn.md says what maps to what).
 *
 * The files depend one way, each on those before it:
 *   akn_node    this header's helpers
 *   akn_inline  inline content and notes            (akn_inline.h)
 *   akn_label   what a <num> and a class say         (akn_label.h)
 *   akn_table   tables                               (akn_table.h)
 *   akn_build   bodies into blocks                   (akn_body.h)
 *   akn_lines   the masthead's lines                 (akn_lines.h)
 *   akn_meta    coverPage, preface and <meta>        (akn_mast.h)
 *   akn_attach  attachments: the annexes             (akn_attach.h)
 *   akn_unplaced notes the model keeps no mark for   (akn_unplaced.h)
 *   akn_read    the document
 * Notes hold blocks and blocks hold notes: akn_inline.c makes a note's
 * blocks through akn.note_body, which akn_read.c points at the body
 * reader, so that no file calls back into one before it. */
#ifndef FOLIO_READ_AKN_INTERNAL_H
#define FOLIO_READ_AKN_INTERNAL_H

#include <libxml/tree.h>

#include "model/akn_names.h"

typedef struct akn_note_at {
    xmlNodePtr node;    /* an <authorialNote> or a <note> of <meta><notes> */
    const char *eid;    /* its eId (arena), or NULL */
    folio_note *note;   /* made at its first reference, else NULL */
} akn_note_at;

typedef struct akn_runs {
    folio_run *v;
    size_t n, cap;
} akn_runs;

typedef struct akn_blocks {
    folio_block *v;
    size_t n, cap;
} akn_blocks;

/* What the masthead has read so far (akn_meta.c, akn_lines.c). */
typedef struct akn_mast {
    char *body;               /* masthead body lines, grown by doubling */
    size_t body_len, body_cap;
    int seen_distr;           /* a distribution line was read */
    int have_after;           /* a session, venue or agenda line was read */
    int agenda_block;         /* plain lines after the agenda item: its title */
    int title_short;          /* the title is a <shortTitle>'s */
    int organ_big;            /* the organ is a docAuthority class="rightBig" */
} akn_mast;

typedef struct akn akn;
struct akn {
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
    akn_mast mast;
    const char **warned;      /* element names already warned about */
    size_t nwarned;
    int nwarnings;            /* warnings given; past a limit only counted */
    /* A note's blocks: the body reader (folio_akn_body). */
    int (*note_body)(akn *a, xmlNodePtr note, int depth, akn_blocks *out);
};

/* Is n an element of the document's namespace named `name`? */
int folio_akn_is(const akn *a, xmlNodePtr n, const char *name);
/* n's local name when it is an element of the document's namespace, else
 * NULL (foreign elements are then not understood). */
const char *folio_akn_name(const akn *a, xmlNodePtr n);
/* Where n starts: its line, and its column found in the input text. */
folio_pos folio_akn_where(const akn *a, xmlNodePtr n);
/* Warn once per element name: "akn: <foo> is not understood; ..."; 1 when
 * this call warned. */
int folio_akn_unknown(akn *a, xmlNodePtr n, const char *what);
/* A warning at n; past AKN_MAX_WARNINGS they are only counted (a hostile
 * input could otherwise make millions, each looking for its column). */
enum { AKN_MAX_WARNINGS = 50 };
void folio_akn_warn(akn *a, xmlNodePtr n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* n's line, without the column (cheap: for blocks, runs and notes). */
folio_pos folio_akn_line(xmlNodePtr n);
/* An attribute in the arena, NULL when absent; -1 on no memory. */
int folio_akn_attr(akn *a, xmlNodePtr n, const char *name, const char **out);
/* Does attribute `name` of n hold `word` (one of its space-separated
 * words)? */
int folio_akn_attr_has(xmlNodePtr n, const char *name, const char *word);
/* Nesting beyond the limit: an error. */
int folio_akn_too_deep(akn *a, xmlNodePtr n);
/* A new zeroed block at the end of `out`, NULL on no memory. */
folio_block *folio_akn_add(akn *a, akn_blocks *out, folio_block_kind kind, folio_pos pos);
/* Is `name` in the list? */
int folio_akn_listed(const char *const *list, size_t n, const char *name);
#define AKN_COUNT(a) (sizeof a / sizeof a[0])

#endif
