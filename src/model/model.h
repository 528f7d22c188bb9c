/* folio — the report model's structures (internal): what a reader builds
 * and the style stage reads. Callers outside src/ see folio_report as an
 * opaque type (include/folio/report.h) and build one with the builder
 * (include/folio/builder.h, src/model/builder*.c).
 *
 * A report is metadata (the masthead) plus a sequence of blocks holding
 * inline runs. All memory belongs to the report's arena. Numbers and labels
 * typed in the input are kept as labels: they are the official ones and
 * the style stage prints them as typed; it numbers only what has none.
 *
 * Structure beyond headings is a part: a FOLIO_BLOCK_PART block opens it
 * (a resolution, an annex inside another part, a list inside a paragraph,
 * the summary, the contents), the matching FOLIO_BLOCK_PART_END closes it;
 * parts nest. A block's role says what it is inside its part (a
 * resolution's preambular paragraph, a contents entry, a signature). */
#ifndef FOLIO_MODEL_H
#define FOLIO_MODEL_H

#include "folio/builder.h"
#include "util/arena.h"
#include "util/units.h"

typedef struct folio_note folio_note;
typedef struct folio_block folio_block;

/* Inline runs -------------------------------------------------------------*/

typedef enum folio_run_kind {
    FOLIO_RUN_TEXT,       /* text (UTF-8, may hold spaces) */
    FOLIO_RUN_NOTE_REF,   /* a footnote marker; `note` is set, `text` NULL */
    FOLIO_RUN_LINE_BREAK  /* a hard line break */
} folio_run_kind;

enum { /* folio_run.style bits: the builder's */
    FOLIO_EMPH = FOLIO_STYLE_EMPH,     /* italic */
    FOLIO_STRONG = FOLIO_STYLE_STRONG, /* bold */
    FOLIO_SUPER = FOLIO_STYLE_SUPER    /* superscript */
};

typedef struct folio_run {
    folio_run_kind kind;
    unsigned style;       /* FOLIO_EMPH | FOLIO_STRONG | FOLIO_SUPER */
    const char *text;     /* for FOLIO_RUN_TEXT */
    const char *link;     /* target URI, or NULL; for a symbol reference the
                             official document address (see is_symbol) */
    int is_symbol;        /* the text is a UN document symbol reference */
    folio_note *note;     /* for FOLIO_RUN_NOTE_REF */
    folio_pos pos;
} folio_run;

/* A footnote: owns blocks (usually one paragraph). `mark` is "*", "**"...
 * for notes that use symbols (title, agenda item), NULL for numbered ones. */
struct folio_note {
    const char *id;       /* the input's label, e.g. "s1" or "12" */
    const char *mark;     /* fixed mark or NULL */
    folio_block *blocks;
    size_t nblocks;
    int referenced;       /* set by the reader when a marker points here */
    folio_pos pos;
};

/* Tables ------------------------------------------------------------------*/

/* folio_align: folio/builder.h */

typedef struct folio_cell {
    folio_run *runs;
    size_t nruns;
} folio_cell;

typedef struct folio_table {
    size_t nrows, ncols;
    size_t head_rows;     /* leading rows that are column heads */
    folio_cell *cells;    /* nrows * ncols, row-major */
    folio_align *align;   /* ncols */
} folio_table;

/* Blocks ------------------------------------------------------------------*/

typedef enum folio_block_kind {
    FOLIO_BLOCK_HEADING,    /* level 0 title-like, 1 chapter (I.), 2 section
                               (A.), 3 subsection (1.), 4 unnumbered subhead */
    FOLIO_BLOCK_PARAGRAPH,  /* numbered (N.) or plain */
    FOLIO_BLOCK_ITEM,       /* subparagraph / list item, depth in `level` */
    FOLIO_BLOCK_TABLE,
    FOLIO_BLOCK_ANNEX,      /* starts an annex of the document, which runs to
                               the next one or the end: its label as typed
                               ("Annex", "Annex II", "Annex to the letter
                               dated ...") in `label`, NULL when untyped */
    FOLIO_BLOCK_PAGE_BREAK,
    FOLIO_BLOCK_PART,       /* opens a part of kind `part`; `label` names it
                               as typed ("Draft resolution I", "Appendix") */
    FOLIO_BLOCK_PART_END    /* closes the innermost open part */
} folio_block_kind;


/* Parts nest at most this deep (the builder refuses more; the style stage
 * sets deeper ones as their parent). */
#define FOLIO_MAX_PART_DEPTH 64

typedef enum folio_label_kind {
    FOLIO_LABEL_NONE,
    FOLIO_LABEL_ROMAN,     /* I. II. */
    FOLIO_LABEL_UPPER,     /* A. B. */
    FOLIO_LABEL_ARABIC,    /* 1. 2. */
    FOLIO_LABEL_LOWER,     /* (a) or a) */
    FOLIO_LABEL_LOWER_ROMAN, /* (i) or i) */
    FOLIO_LABEL_BULLET,    /* - or bullet */
    FOLIO_LABEL_DECIMAL    /* 12.1, 140.254: a sub-numbered item */
} folio_label_kind;

struct folio_block {
    folio_block_kind kind;
    int level;                 /* heading level or item depth (1 = first) */
    int numbered;              /* paragraph: a numbered paragraph */
    folio_label_kind label_kind;
    const char *label;         /* as typed ("12.", "IV.", "(a)"), or NULL */
    folio_run *runs;
    size_t nruns;
    folio_table *table;        /* FOLIO_BLOCK_TABLE */
    const char *original_language; /* FOLIO_BLOCK_ANNEX: "[Original: …]" */
    folio_part_kind part;      /* FOLIO_BLOCK_PART: which part it opens */
    folio_role role;           /* what the block is within its part */
    const char *page;          /* ROLE_ENTRY: the page number as typed (the
                                  old document's; the contents print this
                                  layout's) */
    folio_pos pos;
};

/* Metadata (the masthead) -------------------------------------------------*/

typedef enum folio_distribution { FOLIO_DISTR_GENERAL, FOLIO_DISTR_LIMITED,
                                  FOLIO_DISTR_RESTRICTED } folio_distribution;

typedef struct folio_meta {
    const char *symbol;            /* "CTOC/COP/WG.4/2021/L.1" */
    const char *joint_symbol;      /* a document issued under two symbols
                                      (A/79/686-S/2024/918): the second */
    folio_distribution distribution;
    const char *date;              /* ISO 8601 "2021-10-13" */
    const char *language;          /* "en" "fr" "es" "ru" "zh" "ar" */
    const char *original_language; /* same codes */
    const char *organ;             /* beside the emblem: "General Assembly" */
    const char *body;              /* lines under the thick rule, '\n'-separated
                                      (first line is the main body) */
    const char *session;           /* "Thirty-fourth session" */
    const char *venue_dates;       /* "Vienna, 12 and 13 October 2021" */
    const char *agenda_item;       /* "Item 3 (e) of the provisional agenda" */
    const char *agenda_title;      /* the agenda item's name, bold */
    const char *joint_lines;       /* a joint document: the second organ's
                                      lines under the rule ("Security
                                      Council\nSeventy-ninth year") */
    folio_note *agenda_note;       /* its "*" note (symbol of the agenda) */
    const char *title;
    folio_note *title_note;
    const char *subtitle;
    const char *job_number;        /* "V.21-07524" (language letter added) */
    const char *station;           /* "new-york" "geneva" "vienna" "nairobi" */
    folio_pos pos;                 /* where the masthead was found */
} folio_meta;

struct folio_report {
    folio_arena *arena;            /* owns everything below */
    const char *source;            /* input file name */
    folio_meta meta;
    folio_block *blocks;
    size_t nblocks;
    folio_note **notes;            /* every note, in order of definition */
    size_t nnotes;
    size_t blocks_cap, notes_cap;  /* the builder's room in the two arrays;
                                      0 when a reader sized them exactly */
    const folio_house *build_house;/* the builder checks languages and
                                      stations against it (borrowed; NULL:
                                      the default house) */
    folio_part_kind build_parts[FOLIO_MAX_PART_DEPTH]; /* the builder's
                                      open parts, innermost last */
    int build_nparts;
};

#endif
