/* Internal interfaces of the layout stage.
 *
 * Layout works in two steps: every block is set into a `vblock`, a list of
 * lines whose items are positioned horizontally and relative to the line's
 * baseline; then the page builder stacks lines onto pages, moves items to
 * their final place, and adds footnotes and page furniture. */
#ifndef FOLIO_LAYOUT_INTERNAL_H
#define FOLIO_LAYOUT_INTERNAL_H

#include "layout/layout.h"

/* A growable list of items (y relative to a baseline until placed). */
typedef struct itemlist {
    folio_item *v;
    size_t n, cap;
} itemlist;

int folio_items_push(folio_arena *a, itemlist *l, const folio_item *it);

/* One line (or table row) of a block. */
typedef struct vline {
    int32_t height;          /* baseline-to-baseline advance into this line */
    int32_t depth;           /* room below the baseline (table rows) */
    size_t item0, nitems;    /* items in the block's item list */
    size_t note0, nnotes;    /* notes referenced on this line (block list) */
    int hyphenated;          /* ends inside a word (a hyphen): a page had
                                better not end after it */
} vline;

typedef struct vblock {
    vline *lines;
    size_t nlines, cap;
    itemlist items;          /* y relative to the owning line's baseline */
    const folio_fnote **notes;
    size_t nnotes, notes_cap;
    int32_t space_before, space_after;
    int keep_with_next, page_break_before;
    size_t head_rows;        /* tables: leading lines repeated on new pages */
    int outline_level;       /* bookmark for the block, 0 for none */
    const char *outline_text;
    int end_rule;            /* the closing rule: one line with a rule */
    int box;                 /* inside the summary's frame */
    size_t index;            /* its block in the flow */
} vblock;

/* Where the items of the runs being set go in the structure tree: text to
 * `text`, a label to `label`, the n-th link or note marker of the runs
 * (folio_tag_run) to `inline0 + n`. Tables: `text` is the first cell, the
 * cells follow row by row, and `inline0` counts on through them. */
typedef struct folio_tag {
    uint32_t text, label, inline0;
} folio_tag;

/* The structure elements of the flow, made before any page (structure.c). */
typedef struct folio_tagplan {
    folio_tag *block;            /* per flow block */
    folio_tag **note;            /* per flow note: per block of the note */
    uint32_t *note_mark;         /* per flow note: the Lbl of its mark */
    struct {                     /* the first page (masthead.c) */
        uint32_t wordmark, symbol, emblem, organ, block[4];
        folio_tag *line_tag;     /* per line under the thick rule */
        folio_tag title, subtitle;
        uint32_t job, barcode, qr_link, qr;
    } mast;
} folio_tagplan;

/* The frame drawn around the summary (frame_box.c): the lines of boxed
 * blocks grow it on their page; it is drawn when they end or the page
 * does, so a summary running over a page has a frame on each. */
typedef struct boxrun {
    int open;
    int32_t top, bottom;     /* first line's top, last line's baseline */
} boxrun;


/* Shared state of one layout run. */
typedef struct lctx {
    folio_ctx *ctx;
    folio_arena *a;
    const folio_flow *flow;
    const folio_fonts *fonts;
    folio_layout *out;
    int *block_page;         /* the page of each flow block's first line, as
                                the last pass placed it (contents entries
                                print it), or NULL */
    const folio_tagplan *plan;   /* the structure elements (structure.c) */
    folio_tag tag;               /* of the runs being set */
} lctx;

/* A contents entry: its text, dot leaders and the page of the block it
 * names, at the frame's right edge (contents.c). */
int folio_set_entry(lctx *L, const folio_fblock *fb, vblock *vb);

void folio_box_line(boxrun *r, int32_t line_top, int32_t baseline);
int folio_box_draw(lctx *L, folio_page *page, boxrun *r);

/* Build out->elems and the plan from the flow, in reading order. */
int folio_tag_plan(lctx *L, folio_tagplan *plan);
/* 1 when run `r` is an element of its own (a link, a note marker): the
 * runs that take the n-th element of folio_tag.inline0. */
int folio_tag_run(const folio_flow *f, const folio_run *r);

/* Horizontal extent available to a block: absolute x of its edges. */
typedef struct hbox {
    int32_t left, right;
} hbox;

/* Set a paragraph (runs + optional label) in `style` within `box`. */
int folio_set_paragraph(lctx *L, const folio_pstyle *style, const char *label,
                  const folio_run *runs, size_t nruns, hbox box, vblock *out);
/* The narrowest (widest word) and natural (one line) widths of runs. */
int folio_measure_runs(lctx *L, const folio_pstyle *st, const folio_run *runs,
                 size_t nruns, int32_t *minw, int32_t *maxw);
/* Set a table in `box`. */
int folio_set_table(lctx *L, const folio_fblock *fb, hbox box, vblock *out);
/* Append a line to a block; returns it or NULL. */
vline *folio_vblock_line(lctx *L, vblock *b, int32_t height);
int folio_vblock_note(lctx *L, vblock *b, vline *line, const folio_fnote *n);

/* The horizontal box of a style: the column minus the style's indents. */
hbox folio_style_box(const folio_flow *f, const folio_pstyle *s);

/* The first page's masthead and footer; returns the baseline of the last
 * masthead line and its style's space-after through *y / *after. */
int folio_set_masthead(lctx *L, folio_page *page, int32_t *y, int32_t *after,
                 const folio_fnote ***notes, size_t *nnotes);
/* Running head and page number of a later page. */
int folio_set_furniture(lctx *L, folio_page *page);

/* Stack the blocks onto pages (blockset.h). */
struct blockset;
/* on_page.c: an error when an item lies off the page. */
int folio_layout_check_on_page(folio_ctx *ctx, const folio_layout *l, const folio_fonts *fonts);
int folio_build_pages(lctx *L, struct blockset *bs);

int folio_page_push(lctx *L, folio_page *p, const folio_item *it);

/* Line breaking: a replaceable unit (linebreak.c; paragraph.c is its only
 * caller). A paragraph is a list of items as Knuth and Plass describe it:
 * boxes (text, set as it is), glue (a space that may stretch or shrink; a
 * legal break when a box comes just before it) and penalties (a legal break
 * at a cost; their width counts only when a line ends there: a hyphen).
 * Glue and penalties after a break vanish up to the next box. */
enum { LB_BOX, LB_GLUE, LB_PENALTY };
#define LB_NEVER 10000           /* penalty: never break here */
#define LB_FORCE (-10000)        /* penalty: a line must end here */
#define LB_FIL INT32_MAX         /* glue stretch without limit (the end of
                                    a paragraph or of a forced line) */
enum {
    LB_FLAGGED = 1,              /* the line ends in a hyphen if it breaks here */
    LB_PATTERN = 2               /* a hyphenation point: tried only when the
                                    paragraph cannot be set well without */
};

typedef struct lb_item {
    int32_t width;
    int32_t stretch, shrink;     /* glue only */
    int32_t penalty;             /* penalty only: LB_FORCE .. LB_NEVER */
    unsigned char kind;          /* LB_BOX, LB_GLUE, LB_PENALTY */
    unsigned char flags;         /* LB_FLAGGED, LB_PATTERN */
} lb_item;

typedef struct lb_params {
    int32_t first, rest;         /* width of the first line, of the others */
    int32_t emergency;           /* stretch added to every line in the last
                                    pass, when no better setting exists */
    int justify;                 /* 0: ragged lines: first fit with spaces at
                                    their natural width, no hyphenation */
    int first_pass_only;         /* stop after the pass without hyphenation:
                                    folio_break_lines returns LB_NO_FIT if it finds
                                    no setting */
    const folio_break_costs *costs; /* tolerances and demerits (house style) */
    int32_t narrow;              /* a line narrower than this pays the
                                    narrow-hyphen-penalty for a hyphen */
} lb_params;

#define LB_NO_FIT 1

/* Choose the line ends of `v` (which must end with an LB_FORCE penalty).
 * Writes the index of the item at which each line ends into ends[] (room
 * for n) and the number of lines into *nlines. Returns 0, LB_NO_FIT (only
 * with first_pass_only) or FOLIO_E_NOMEM. */
int folio_break_lines(const lb_item *v, size_t n, const lb_params *p, size_t *ends,
                size_t *nlines);

#endif
