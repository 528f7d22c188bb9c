/* Internal interfaces of the layout stage.
 *
 * Layout works in two steps: every block is set into a `vblock`, a list of
 * lines whose items are positioned horizontally and relative to the line's
 * baseline; then the page builder stacks lines onto pages, moves items to
 * their final place, and adds footnotes and page furniture. */
#ifndef FOLIO_LAYOUT_INTERNAL_H
#define FOLIO_LAYOUT_INTERNAL_H

#include "folio/layout.h"

/* A growable list of items (y relative to a baseline until placed). */
typedef struct itemlist {
    folio_item *v;
    size_t n, cap;
} itemlist;

int items_push(folio_arena *a, itemlist *l, const folio_item *it);

/* One line (or table row) of a block. */
typedef struct vline {
    int32_t height;          /* baseline-to-baseline advance into this line */
    int32_t depth;           /* room below the baseline (table rows) */
    size_t item0, nitems;    /* items in the block's item list */
    size_t note0, nnotes;    /* notes referenced on this line (block list) */
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
} vblock;

/* Shared state of one layout run. */
typedef struct lctx {
    folio_ctx *ctx;
    folio_arena *a;
    const folio_flow *flow;
    const folio_fonts *fonts;
    folio_layout *out;
} lctx;

/* Horizontal extent available to a block: absolute x of its edges. */
typedef struct hbox {
    int32_t left, right;
} hbox;

/* Set a paragraph (runs + optional label) in `style` within `box`. */
int set_paragraph(lctx *L, const folio_pstyle *style, const char *label,
                  const folio_run *runs, size_t nruns, hbox box, vblock *out);
/* The narrowest (widest word) and natural (one line) widths of runs. */
int measure_runs(lctx *L, const folio_pstyle *st, const folio_run *runs,
                 size_t nruns, int32_t *minw, int32_t *maxw);
/* Set a table in `box`. */
int set_table(lctx *L, const folio_fblock *fb, hbox box, vblock *out);
/* Append a line to a block; returns it or NULL. */
vline *vblock_line(lctx *L, vblock *b, int32_t height);
int vblock_note(lctx *L, vblock *b, vline *line, const folio_fnote *n);

/* The horizontal box of a style: the column minus the style's indents. */
hbox style_box(const folio_flow *f, const folio_pstyle *s);

/* The first page's masthead and footer; returns the baseline of the last
 * masthead line and its style's space-after through *y / *after. */
int set_masthead(lctx *L, folio_page *page, int32_t *y, int32_t *after,
                 const folio_fnote ***notes, size_t *nnotes);
/* Running head and page number of a later page. */
int set_furniture(lctx *L, folio_page *page);

/* Stack the blocks onto pages (blockset.h). */
struct blockset;
int build_pages(lctx *L, struct blockset *bs);

int page_push(lctx *L, folio_page *p, const folio_item *it);

/* Line breaking: a replaceable unit. Given the widths of words and of the
 * spaces after them, choose line ends. `width(i)` of line i comes from
 * `first` for line 0 and `rest` after. Writes the index one past the last
 * word of each line into ends[]; returns the number of lines. */
typedef struct lb_word {
    int32_t width;           /* the word's natural width */
    int32_t space;           /* natural space after it (0 at a hard break) */
    int forced;              /* a line must end after this word */
} lb_word;

size_t break_lines(const lb_word *w, size_t n, int32_t first, int32_t rest,
                   size_t *ends);

#endif
