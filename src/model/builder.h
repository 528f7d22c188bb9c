/* The builder's handles and checks (internal; include/folio/builder.h is
 * the interface). */
#ifndef FOLIO_MODEL_BUILDER_H
#define FOLIO_MODEL_BUILDER_H

#include "model/model.h"

typedef enum folio_node_kind {
    FOLIO_NODE_BLOCK,  /* a heading, paragraph, item or annex */
    FOLIO_NODE_TABLE,
    FOLIO_NODE_CELL,
    FOLIO_NODE_NOTE
} folio_node_kind;

/* A handle: blocks move when their array grows, so a block is found by
 * its index each time; tables, cells and notes do not move. */
struct folio_node {
    folio_node_kind kind;
    folio_report *rep;
    folio_note *note;      /* NOTE: the note; BLOCK: the note owning it, or
                              NULL for the report's text */
    size_t index;          /* BLOCK, TABLE: index in its block array */
    folio_table *table;    /* TABLE, CELL */
    size_t row, col;       /* CELL */
    folio_part_kind part;  /* BLOCK of the report's text: the innermost
                              part open when it was appended */
};

/* Append `b` to the report's text; *out (may be NULL) gets its handle. */
int folio_build_append(folio_ctx *ctx, folio_report *r, const folio_block *b,
                       folio_node **out);

/* The block a BLOCK node stands for. */
folio_block *folio_node_block(const folio_node *n);

/* FOLIO_E_USAGE with "FUNC: MESSAGE" in ctx. */
int folio_build_bad(folio_ctx *ctx, const char *func, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Check that text is a non-empty string of UTF-8 without control
 * characters (a line feed allowed when `lines`); `what` names it. */
int folio_build_check_text(folio_ctx *ctx, const char *func, const char *what,
                           const char *text, int lines);

#endif
