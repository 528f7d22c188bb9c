/* The builder's inline runs, table cells and notes. */
#include <string.h>
#include <strings.h>

#include "model/builder.h"

static int nomem(folio_ctx *ctx)
{
    return folio_error(ctx, FOLIO_E_NOMEM, (folio_pos){0, 0}, "out of memory");
}

/* Room for one more element in an array the builder made: its room is
 * 8, then doubles, so it is full when the count is 0, 8, 16, 32 ... and
 * any number of handles to one cell or note can share it. */
static void *room(folio_arena *a, void *v, size_t elsize, size_t n)
{
    if (n && (n < 8 || (n & (n - 1))))
        return v;
    return folio_grow(a, v, elsize, n, n ? n * 2 : 8);
}

/* The run list a node takes runs into; a message when it takes none. */
static int runs_of(folio_ctx *ctx, const char *fn, folio_node *at, folio_run ***runs,
                   size_t **nruns)
{
    if (!at)
        return folio_build_bad(ctx, fn, "no node (NULL)");
    if (at->kind == FOLIO_NODE_CELL) {
        folio_cell *c = &at->table->cells[at->row * at->table->ncols + at->col];
        *runs = &c->runs;
        *nruns = &c->nruns;
        return 0;
    }
    if (at->kind != FOLIO_NODE_BLOCK)
        return folio_build_bad(ctx, fn, "a %s takes no text (a table takes it in its cells, "
                               "a note in its paragraphs)",
                               at->kind == FOLIO_NODE_TABLE ? "table" : "note");
    folio_block *b = folio_node_block(at);
    if (b->kind == FOLIO_BLOCK_ANNEX)
        return folio_build_bad(ctx, fn, "an annex takes no text: its title is the heading "
                               "that follows");
    *runs = &b->runs;
    *nruns = &b->nruns;
    return 0;
}

static int push(folio_ctx *ctx, const char *fn, folio_node *at, const folio_run *run)
{
    folio_run **runs;
    size_t *n;
    int rc = runs_of(ctx, fn, at, &runs, &n);
    if (rc)
        return rc;
    folio_run *v = room(at->rep->arena, *runs, sizeof *v, *n);
    if (!v)
        return nomem(ctx);
    *runs = v;
    v[(*n)++] = *run;
    return 0;
}

static int check_style(folio_ctx *ctx, const char *fn, unsigned style)
{
    if (style & ~(unsigned)(FOLIO_STYLE_EMPH | FOLIO_STYLE_STRONG | FOLIO_STYLE_SUPER))
        return folio_build_bad(ctx, fn, "style 0x%X: only FOLIO_STYLE_EMPH, _STRONG and "
                               "_SUPER", style);
    return 0;
}

int folio_node_add_text(folio_ctx *ctx, folio_node *at, const char *text, unsigned style)
{
    static const char fn[] = "folio_node_add_text";
    int rc;
    folio_run **runs;
    size_t *n;
    if ((rc = runs_of(ctx, fn, at, &runs, &n)) || (rc = check_style(ctx, fn, style)) ||
        (rc = folio_build_check_text(ctx, fn, "text", text, 0)))
        return rc;
    folio_run run = {.kind = FOLIO_RUN_TEXT, .style = style};
    if (!(run.text = folio_strdup(at->rep->arena, text)))
        return nomem(ctx);
    return push(ctx, fn, at, &run);
}

/* A link the PDF and DOCX may carry: http, https or mailto. */
static int is_link(const char *uri)
{
    static const char *const schemes[] = {"http://", "https://", "mailto:"};
    for (size_t i = 0; i < sizeof schemes / sizeof schemes[0]; i++) {
        size_t n = strlen(schemes[i]);
        if (!strncasecmp(uri, schemes[i], n) && uri[n] && !strpbrk(uri, " \t\n\"<>"))
            return 1;
    }
    return 0;
}

int folio_node_add_link(folio_ctx *ctx, folio_node *at, const char *text, const char *uri,
                        unsigned style)
{
    static const char fn[] = "folio_node_add_link";
    int rc;
    folio_run **runs;
    size_t *n;
    if ((rc = runs_of(ctx, fn, at, &runs, &n)) || (rc = check_style(ctx, fn, style)) ||
        (rc = folio_build_check_text(ctx, fn, "text", text, 0)) ||
        (rc = folio_build_check_text(ctx, fn, "link", uri, 0)))
        return rc;
    if (!is_link(uri))
        return folio_build_bad(ctx, fn, "\"%s\" is not an http, https or mailto address "
                               "without spaces", uri);
    folio_run run = {.kind = FOLIO_RUN_TEXT, .style = style};
    if (!(run.text = folio_strdup(at->rep->arena, text)) ||
        !(run.link = folio_strdup(at->rep->arena, uri)))
        return nomem(ctx);
    return push(ctx, fn, at, &run);
}

int folio_node_add_note_ref(folio_ctx *ctx, folio_node *at, folio_node *note)
{
    static const char fn[] = "folio_node_add_note_ref";
    int rc;
    folio_run **runs;
    size_t *n;
    if ((rc = runs_of(ctx, fn, at, &runs, &n)))
        return rc;
    if (!note || note->kind != FOLIO_NODE_NOTE)
        return folio_build_bad(ctx, fn, "the node referred to is not a note");
    if (note->rep != at->rep)
        return folio_build_bad(ctx, fn, "note \"%s\" belongs to another report",
                               note->note->id);
    if (at->kind == FOLIO_NODE_BLOCK && at->note)
        return folio_build_bad(ctx, fn, "a note reference inside note \"%s\": notes do not "
                               "nest", at->note->id);
    folio_run run = {.kind = FOLIO_RUN_NOTE_REF, .note = note->note};
    if ((rc = push(ctx, fn, at, &run)))
        return rc;
    note->note->referenced = 1;
    return 0;
}

int folio_node_add_line_break(folio_ctx *ctx, folio_node *at)
{
    folio_run run = {.kind = FOLIO_RUN_LINE_BREAK};
    return push(ctx, "folio_node_add_line_break", at, &run);
}

int folio_table_cell(folio_ctx *ctx, folio_node *table, size_t row, size_t col,
                     folio_node **out)
{
    static const char fn[] = "folio_table_cell";
    *out = NULL;
    if (!table || table->kind != FOLIO_NODE_TABLE)
        return folio_build_bad(ctx, fn, "the node is not a table");
    const folio_table *t = table->table;
    if (row >= t->nrows || col >= t->ncols)
        return folio_build_bad(ctx, fn, "cell (%zu, %zu) is outside a table of %zu rows and "
                               "%zu columns (they count from 0)", row, col, t->nrows, t->ncols);
    folio_node *n = folio_alloc(table->rep->arena, sizeof *n);
    if (!n)
        return nomem(ctx);
    *n = *table;
    n->kind = FOLIO_NODE_CELL;
    n->row = row;
    n->col = col;
    *out = n;
    return 0;
}

int folio_table_set_align(folio_ctx *ctx, folio_node *table, size_t col, folio_align align)
{
    static const char fn[] = "folio_table_set_align";
    if (!table || table->kind != FOLIO_NODE_TABLE)
        return folio_build_bad(ctx, fn, "the node is not a table");
    if (col >= table->table->ncols)
        return folio_build_bad(ctx, fn, "column %zu is outside a table of %zu columns (they "
                               "count from 0)", col, table->table->ncols);
    if ((unsigned)align > FOLIO_ALIGN_JUSTIFY)
        return folio_build_bad(ctx, fn, "%d is not a folio_align", (int)align);
    table->table->align[col] = align;
    return 0;
}

int folio_report_add_note(folio_ctx *ctx, folio_report *r, const char *id, folio_node **out)
{
    static const char fn[] = "folio_report_add_note";
    int rc;
    *out = NULL;
    if (!r)
        return folio_build_bad(ctx, fn, "no report (NULL)");
    if ((rc = folio_build_check_text(ctx, fn, "note id", id, 0)))
        return rc;
    for (size_t i = 0; i < r->nnotes; i++)
        if (r->notes[i]->id && !strcmp(r->notes[i]->id, id))
            return folio_build_bad(ctx, fn, "a second note with the id \"%s\"", id);
    if (r->nnotes >= r->notes_cap) { /* notes_cap is 0 for a reader's exact array */
        size_t cap = r->nnotes < 8 ? 16 : r->nnotes * 2;
        folio_note **v = folio_grow(r->arena, r->notes, sizeof *v, r->nnotes, cap);
        if (!v)
            return nomem(ctx);
        r->notes = v;
        r->notes_cap = cap;
    }
    folio_note *note = folio_alloc(r->arena, sizeof *note);
    folio_node *n = note ? folio_alloc(r->arena, sizeof *n) : NULL;
    if (!n || !(note->id = folio_strdup(r->arena, id)))
        return nomem(ctx);
    r->notes[r->nnotes++] = note;
    n->kind = FOLIO_NODE_NOTE;
    n->rep = r;
    n->note = note;
    *out = n;
    return 0;
}

int folio_note_add_paragraph(folio_ctx *ctx, folio_node *note, folio_node **out)
{
    static const char fn[] = "folio_note_add_paragraph";
    if (out)
        *out = NULL;
    if (!note || note->kind != FOLIO_NODE_NOTE)
        return folio_build_bad(ctx, fn, "the node is not a note");
    folio_note *nt = note->note;
    folio_arena *a = note->rep->arena;
    folio_block *v = room(a, nt->blocks, sizeof *v, nt->nblocks);
    folio_node *p = v ? folio_alloc(a, sizeof *p) : NULL;
    if (!p)
        return nomem(ctx);
    nt->blocks = v;
    nt->blocks[nt->nblocks] = (folio_block){.kind = FOLIO_BLOCK_PARAGRAPH};
    p->kind = FOLIO_NODE_BLOCK;
    p->rep = note->rep;
    p->note = nt;
    p->index = nt->nblocks++;
    if (out)
        *out = p;
    return 0;
}

int folio_report_set_note(folio_ctx *ctx, folio_report *r, folio_field field,
                          folio_node *note)
{
    static const char fn[] = "folio_report_set_note";
    if (!r)
        return folio_build_bad(ctx, fn, "no report (NULL)");
    if (field != FOLIO_FIELD_TITLE && field != FOLIO_FIELD_AGENDA_ITEM)
        return folio_build_bad(ctx, fn, "only the title and the agenda item take a note");
    if (!note || note->kind != FOLIO_NODE_NOTE)
        return folio_build_bad(ctx, fn, "the node is not a note");
    if (note->rep != r)
        return folio_build_bad(ctx, fn, "note \"%s\" belongs to another report", note->note->id);
    folio_meta *m = &r->meta;
    if (field == FOLIO_FIELD_TITLE)
        m->title_note = note->note;
    else
        m->agenda_note = note->note;
    note->note->referenced = 1; /* by the masthead */
    if (m->agenda_note)
        m->agenda_note->mark = "*";
    if (m->title_note)
        m->title_note->mark = m->agenda_note && m->agenda_note != m->title_note ? "**" : "*";
    return 0;
}
