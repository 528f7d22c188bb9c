/* The limits every reader shares, checked once on the finished report:
 * footnotes, cells of a table, text of a paragraph. Input size and nesting
 * depth are checked by the readers themselves, while they read. */
#include <string.h>

#include "model/limits.h"
#include "model/model.h"

typedef struct limits {
    folio_ctx *ctx;
    size_t notes, cells, para;
} limits;

static size_t or_default(size_t v, size_t def)
{
    return v ? v : def;
}

/* Bytes of text in a run list. */
static size_t text_bytes(const folio_run *runs, size_t n)
{
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        if (runs[i].kind == FOLIO_RUN_TEXT && runs[i].text)
            total += strlen(runs[i].text);
    return total;
}

/* `fallback` when it is known, else the first run that has a position. */
static folio_pos where(folio_pos fallback, const folio_run *runs, size_t n)
{
    for (size_t i = 0; fallback.line <= 0 && i < n; i++)
        fallback = runs[i].pos;
    return fallback;
}

static const char *block_noun(const folio_block *b, int in_note)
{
    if (in_note)
        return "footnote paragraph";
    switch (b->kind) {
    case FOLIO_BLOCK_HEADING:
        return "heading";
    case FOLIO_BLOCK_ITEM:
        return "list item";
    default:
        return "paragraph";
    }
}

static int paragraph_over(limits *l, const char *noun, folio_pos pos, size_t bytes)
{
    return folio_error(l->ctx, FOLIO_E_LIMIT, pos,
                       "%s of %zu bytes: more than the limit of %zu "
                       "(raise it with --max-paragraph-bytes)",
                       noun, bytes, l->para);
}

static int check_table(limits *l, const folio_block *b)
{
    const folio_table *t = b->table;
    if (!t)
        return 0;
    /* nrows * ncols cannot overflow: the cells array of that size exists */
    size_t cells = t->nrows * t->ncols;
    if (cells > l->cells)
        return folio_error(l->ctx, FOLIO_E_LIMIT, b->pos,
                           "table of %zu rows and %zu columns has %zu cells: more than "
                           "the limit of %zu (raise it with --max-table-cells)",
                           t->nrows, t->ncols, cells, l->cells);
    for (size_t i = 0; i < cells && t->cells; i++) {
        const folio_cell *c = &t->cells[i];
        size_t bytes = text_bytes(c->runs, c->nruns);
        if (bytes > l->para)
            return paragraph_over(l, "table cell", where((folio_pos){0, 0}, c->runs, c->nruns),
                                  bytes);
    }
    return 0;
}

static int check_blocks(limits *l, const folio_block *blocks, size_t n, int in_note)
{
    for (size_t i = 0; i < n; i++) {
        const folio_block *b = &blocks[i];
        if (b->kind == FOLIO_BLOCK_TABLE) {
            int rc = check_table(l, b);
            if (rc)
                return rc;
            continue;
        }
        size_t bytes = text_bytes(b->runs, b->nruns);
        if (bytes > l->para)
            return paragraph_over(l, block_noun(b, in_note), where(b->pos, b->runs, b->nruns),
                                  bytes);
    }
    return 0;
}

folio_limits folio_limits_of(const folio_read_options *opt)
{
    folio_limits l = {0, 0, 0};
    if (opt) {
        l.max_notes = opt->max_notes;
        l.max_table_cells = opt->max_table_cells;
        l.max_paragraph_bytes = opt->max_paragraph_bytes;
    }
    return l;
}

int folio_report_check_limits(folio_ctx *ctx, const folio_report *rep,
                              const folio_limits *lim)
{
    limits l = {ctx, FOLIO_DEFAULT_MAX_NOTES, FOLIO_DEFAULT_MAX_TABLE_CELLS,
                FOLIO_DEFAULT_MAX_PARAGRAPH_BYTES};
    int rc;
    if (!rep)
        return 0;
    if (lim) {
        l.notes = or_default(lim->max_notes, l.notes);
        l.cells = or_default(lim->max_table_cells, l.cells);
        l.para = or_default(lim->max_paragraph_bytes, l.para);
    }
    if (rep->nnotes > l.notes) {
        /* point at the first note beyond the limit */
        const folio_note *first_over = rep->notes ? rep->notes[l.notes] : NULL;
        return folio_error(ctx, FOLIO_E_LIMIT,
                           first_over ? first_over->pos : (folio_pos){0, 0},
                           "%zu footnotes: more than the limit of %zu "
                           "(raise it with --max-notes)",
                           rep->nnotes, l.notes);
    }
    if ((rc = check_blocks(&l, rep->blocks, rep->nblocks, 0)))
        return rc;
    for (size_t i = 0; i < rep->nnotes; i++) {
        const folio_note *note = rep->notes[i];
        if (note && (rc = check_blocks(&l, note->blocks, note->nblocks, 1)))
            return rc;
    }
    return 0;
}
