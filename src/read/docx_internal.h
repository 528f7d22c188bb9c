/* The DOCX reader's stages (docs/docx.md, "Reading a DOCX back"): the
 * package, the styles, the numbering simulation, the body walk with its
 * runs, notes and tables, the masthead. One reader state, `dxr`, holds
 * what the stages share. */
#ifndef FOLIO_DOCX_INTERNAL_H
#define FOLIO_DOCX_INTERNAL_H

#include <libxml/tree.h>
#include <zip.h>

#include "folio/read.h"
#include "house/house.h"
#include "model/model.h"

/* ---- the package (docx_package.c) ----------------------------------------*/

typedef struct dxr_pkg {
    zip_t *zip;
    size_t max_bytes;    /* the whole package, uncompressed */
} dxr_pkg;

/* Open the package; FOLIO_E_INPUT when it is no ZIP, FOLIO_E_LIMIT when
 * its parts together inflate to more than max_bytes (checked from the
 * central directory before anything is inflated). */
int folio_dxr_open(folio_ctx *ctx, const char *data, size_t len, size_t max_bytes,
                   dxr_pkg *pkg);
void folio_dxr_close(dxr_pkg *pkg);
/* Parse a part; *doc NULL (and 0) when it is absent and not `required`.
 * Errors name the part. */
int folio_dxr_part(folio_ctx *ctx, dxr_pkg *pkg, const char *part, int required,
                   xmlDocPtr *doc);
/* Diagnostics recorded since `from` name `part` and the place in it
 * ("word/document.xml:12:3: ..."). */
void folio_dxr_name_part(folio_ctx *ctx, size_t from, const char *part);

/* ---- styles (docx_styles.c) ------------------------------------------------*/

/* What a paragraph style means to the model. */
typedef enum dxr_kind {
    DXR_PLAIN,         /* Normal, body text, an unknown style */
    DXR_PARA,          /* UN Paragraph, List Paragraph, List Number */
    DXR_HEADING,       /* level in `level` (0: a title line) */
    DXR_SUBTITLE,      /* the report's subtitle line (level 0, role title) */
    DXR_ITEM,          /* subparagraph, depth in `level` */
    DXR_BULLET,
    DXR_LIST_ITEM,     /* an item of a list inside a paragraph */
    DXR_SUB_NUMBERED,
    DXR_OPERATIVE,
    DXR_ANNEX,         /* "Annex I": an annex starts */
    DXR_ANNEX_ORIGINAL,/* "[Original: French]" */
    DXR_PART_ANNEX,    /* an annex of a part ("Appendix") */
    DXR_ROLE,          /* a paragraph of a role (`role`) */
    DXR_RES_TITLE,     /* a resolution's title lines */
    DXR_SUMMARY_HEAD,
    DXR_CONTENTS_HEAD,
    DXR_CONTENTS_PAGE, /* the "Page" over the entries: the writer's */
    DXR_CONTENTS,      /* an entry, level in `level` */
    DXR_NOTE,          /* footnote or endnote text */
    DXR_TABLE_TEXT,
    DXR_TABLE_NOTE,    /* a table's lettered note under it: "a<tab>text" */
    DXR_NOTE_LIST,     /* a row of a table inside a note */
    DXR_MAST,          /* a masthead line under the thick rule */
    DXR_SKIP,          /* the writer's furniture: the closing rule */
    DXR_UNKNOWN        /* keeps its text, with a warning */
} dxr_kind;

typedef struct dxr_style {
    const char *id, *name;
    const char *based_on;
    int num_id;        /* -1: none given; 0: numbering removed */
    int ilvl;          /* -1: none given */
    int outline;       /* w:outlineLvl, -1 when none */
    dxr_kind kind;
    int level;
    folio_role role;
    const char *mast;  /* DXR_MAST: the masthead field's style id */
    int resolved;      /* the kind is known */
} dxr_style;

typedef struct dxr_styles {
    dxr_style *v;
    size_t n, cap;
} dxr_styles;

/* Read styles.xml (NULL: no styles) and give every style its kind, by
 * folio's style ids, the house's style names or Word's built-in names,
 * else by what it is based on. */
int folio_dxr_styles(folio_ctx *ctx, folio_arena *a, const folio_house *house, xmlDocPtr doc,
                     dxr_styles *out);
const dxr_style *folio_dxr_style(const dxr_styles *s, const char *id);

/* ---- numbering (docx_numbering.c) ------------------------------------------*/

enum { DXR_LEVELS = 9 };

typedef enum dxr_fmt { DXR_DECIMAL, DXR_UPPER_ROMAN, DXR_LOWER_ROMAN, DXR_UPPER_LETTER,
                       DXR_LOWER_LETTER, DXR_BULLET_FMT, DXR_NONE_FMT } dxr_fmt;

typedef struct dxr_level {
    int start;
    dxr_fmt fmt;
    const char *text;    /* w:lvlText: "%1.", "(%2)", a bullet */
    const char *pstyle;  /* the style linked to the level, or NULL */
    int restart;         /* w:lvlRestart: -1 none (after any higher level) */
} dxr_level;

typedef struct dxr_abstract {
    int id;
    dxr_level lvl[DXR_LEVELS];
    int count[DXR_LEVELS];
    int used[DXR_LEVELS];
} dxr_abstract;

typedef struct dxr_num {
    int id;
    size_t abs;               /* index in the abstracts */
    int over[DXR_LEVELS];     /* w:startOverride, -1 none */
    int started;
} dxr_num;

typedef struct dxr_numbering {
    dxr_abstract *abs;
    size_t nabs, abs_cap;
    dxr_num *num;
    size_t nnum, num_cap;
} dxr_numbering;

/* Read numbering.xml (NULL: no lists). A level outside 0-8, a start
 * outside 0-32767 are errors naming where. */
int folio_dxr_numbering(folio_ctx *ctx, folio_arena *a, xmlDocPtr doc, dxr_numbering *out);
/* The label Word shows on the next paragraph of list `num_id` at `ilvl`,
 * counting it (Word's rules: counts per definition, a w:num's
 * startOverride at its first use, a level restarting after a higher one);
 * NULL with *kind FOLIO_LABEL_NONE when the list or level does not exist
 * or writes nothing. */
const char *folio_dxr_number(folio_arena *a, dxr_numbering *nb, int num_id, int ilvl,
                             folio_label_kind *kind);
/* The level of list `num_id` linked to style `style_id`, or -1. */
int folio_dxr_style_level(const dxr_numbering *nb, int num_id, const char *style_id);

/* ---- the reader (docx_body.c, docx_runs.c, docx_notes.c, docx_tables.c,
 *      docx_masthead.c) ---------------------------------------------------*/

typedef struct dxr_rel {
    const char *id, *target;
} dxr_rel;

typedef struct dxr_notes_part {
    xmlNodePtr *v;        /* w:footnote / w:endnote elements */
    const char **ids;
    folio_note **made;    /* the model's note, once referenced */
    size_t *by_id;        /* indices sorted by id, for look-ups */
    size_t n;
} dxr_notes_part;

/* A note mark as the reader of the DOCX sees it: the reference's
 * number (Word's count) or custom mark, at the ord-th reference. */
typedef struct dxr_shown {
    folio_note *note;
    const char *mark;
    size_t ord;
} dxr_shown;

/* A note's mark written as superscript text (a second reference to a
 * note: Word holds one reference per note). */
typedef struct dxr_mark {
    folio_run *run;
    size_t ord;
} dxr_mark;

/* A superscript run of a table's cells, by its text. */
typedef struct dxr_sup {
    const char *text;
    folio_run *run;
} dxr_sup;

typedef struct dxr {
    folio_ctx *ctx;
    const folio_house *house;
    folio_report *rep;
    int max_depth;
    size_t max_cells;     /* cells of one table */
    dxr_styles styles;
    dxr_numbering numbering;
    dxr_rel *rels[3];     /* hyperlinks of document.xml, footnotes.xml,
                             endnotes.xml */
    size_t nrels[3];
    int rel_part;         /* whose links are being read */
    dxr_notes_part foot, end;
    size_t notes_cap;
    const char *part;     /* the part being read, for warnings */
    int warned[DXR_UNKNOWN + 1]; /* one warning per kind of problem */
    int warned_image;
    dxr_shown *shown;     /* every reference's mark, in order */
    size_t nshown, shown_cap;
    dxr_mark *marks;      /* marks as text, to point at their notes */
    size_t nmarks, marks_cap;
    int autos[2];         /* Word's count of footnotes, endnotes */
    folio_table *sup_table; /* the table whose superscript runs ... */
    struct dxr_sup *sup;  /* ... these are, sorted by text */
    size_t nsup;
    int restart_each;     /* footnotes count from 1 in each section */
    /* A reference's note is read (docx_notes.c) while its paragraph's runs
     * are (docx_runs.c), and a note's paragraphs are runs too: the runs
     * reach the notes through this pointer, so the files depend one way. */
    int (*note)(struct dxr *r, int endnote, const char *id, folio_note **out);
} dxr;

/* A paragraph's inline content as model runs (text, emphasis, links,
 * note references, line breaks). `*page_break` is set when it holds a
 * page break. `in_note`: note references inside notes are text. */
int folio_dxr_runs(dxr *r, xmlNodePtr p, int in_note, folio_run **runs, size_t *nruns,
                   int *page_break);
/* Point the marks written as text at the notes they show: the note
 * with that mark referenced nearest before, else after. */
void folio_dxr_resolve_marks(dxr *r);
/* Read a part's relationships (0 document.xml, 1 footnotes.xml, 2
 * endnotes.xml), for its hyperlinks. */
int folio_dxr_rels(dxr *r, xmlDocPtr doc, int part);
/* Index footnotes.xml and endnotes.xml (either may be NULL). */
int folio_dxr_notes_index(dxr *r, xmlDocPtr foot, xmlDocPtr end);
/* A table's lettered note: the superscript mark `label` in the cells of
 * `table` becomes a reference to a new note holding `runs`; 0 and
 * nothing done when no cell has the mark. */
int folio_dxr_table_note(dxr *r, folio_table *table, const char *label, folio_run *runs,
                         size_t nruns, folio_pos pos, int *done);
/* The note of reference `id` in footnotes (endnote 0) or endnotes,
 * made (with its paragraphs) at its first reference; NULL when absent. */
int folio_dxr_note(dxr *r, int endnote, const char *id, folio_note **out);
/* Notes nobody referenced, appended in their order. */
int folio_dxr_notes_rest(dxr *r);
/* A table (w:tbl) as a table block. */
int folio_dxr_table(dxr *r, xmlNodePtr tbl, int depth, folio_block *out);
/* The masthead: the first-page header's grid, docProps/core.xml, the
 * first page's footer (the job number). Each may be NULL. */
int folio_dxr_masthead(dxr *r, xmlDocPtr header, xmlDocPtr core, xmlDocPtr footer);
/* The duty station, when nothing named it, from the page size of the
 * body's last section (one station's paper only). */
int folio_dxr_masthead_station(dxr *r, xmlDocPtr doc);
/* A masthead line under the thick rule, of masthead style `mast`. */
int folio_dxr_mast_line(dxr *r, const char *mast, xmlNodePtr p);
/* The body of document.xml into the report's blocks. */
int folio_dxr_body(dxr *r, xmlDocPtr doc);
/* The text of runs, line breaks as spaces, in the arena. */
char *folio_dxr_plain(dxr *r, const folio_run *runs, size_t n);
/* A new block at the end of the report's blocks (zeroed). */
folio_block *folio_dxr_push(dxr *r);
/* The text of an element (w:t, w:tab as a tab), in the arena. */
char *folio_dxr_text(dxr *r, xmlNodePtr n);

/* helpers: a w: element named `name`; its w:val attribute */
int folio_dxr_is(xmlNodePtr n, const char *name);
xmlNodePtr folio_dxr_child(xmlNodePtr n, const char *name);
/* The attribute `w:NAME` (any namespace prefix) in the arena, or NULL. */
const char *folio_dxr_attr(folio_arena *a, xmlNodePtr n, const char *name);
/* The same, borrowed from the tree (valid while it lives): for looking. */
const char *folio_dxr_val(xmlNodePtr n, const char *name);
/* An integer attribute; `dflt` when absent or not a number. */
int folio_dxr_attr_int(xmlNodePtr n, const char *name, int dflt);
folio_pos folio_dxr_pos(xmlNodePtr n);
/* Text built piece by piece on the heap (in linear time), then copied
 * into the arena: NULL when out of memory or !ok. */
typedef struct dxr_buf {
    char *v;
    size_t n, cap;
} dxr_buf;
int folio_dxr_buf_add(dxr_buf *b, const char *s, size_t n);
char *folio_dxr_buf_done(folio_arena *a, dxr_buf *b, int ok);

#endif
