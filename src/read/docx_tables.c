/* A w:tbl as a table of the report: one cell per w:tc (a cell spanning
 * columns leaves the ones it covers empty), the leading rows marked
 * w:tblHeader as column heads, a column's alignment from its cells'
 * paragraphs. A cell's paragraphs are joined by line breaks; a table
 * inside a cell gives its text the same way. */
#include <string.h>

#include "read/docx_internal.h"
#include "util/vec.h"

static folio_align align_of(dxr *r, xmlNodePtr tc)
{
    for (xmlNodePtr p = tc->children; p; p = p->next) {
        if (!folio_dxr_is(p, "p"))
            continue;
        const char *jc = folio_dxr_attr(r->rep->arena,
                                        folio_dxr_child(folio_dxr_child(p, "pPr"), "jc"), "val");
        if (!jc)
            return FOLIO_ALIGN_DEFAULT;
        if (!strcmp(jc, "left") || !strcmp(jc, "start"))
            return FOLIO_ALIGN_LEFT;
        if (!strcmp(jc, "center"))
            return FOLIO_ALIGN_CENTER;
        if (!strcmp(jc, "right") || !strcmp(jc, "end"))
            return FOLIO_ALIGN_RIGHT;
        if (!strcmp(jc, "both"))
            return FOLIO_ALIGN_JUSTIFY;
        return FOLIO_ALIGN_DEFAULT;
    }
    return FOLIO_ALIGN_DEFAULT;
}

typedef struct cell_runs {
    folio_run *v;
    size_t n, cap;
} cell_runs;

static int cell_content(dxr *r, xmlNodePtr parent, int depth, cell_runs *out)
{
    if (depth > r->max_depth)
        return folio_error(r->ctx, FOLIO_E_LIMIT, folio_dxr_pos(parent),
                           "<w:%s>: tables nested deeper than %d", (const char *)parent->name,
                           r->max_depth);
    folio_arena *a = r->rep->arena;
    int rc = 0;
    for (xmlNodePtr c = parent->children; c && !rc; c = c->next) {
        if (folio_dxr_is(c, "tbl") || folio_dxr_is(c, "tr") || folio_dxr_is(c, "tc") ||
            folio_dxr_is(c, "sdt") || folio_dxr_is(c, "sdtContent")) {
            rc = cell_content(r, c, depth + 1, out);
            continue;
        }
        if (!folio_dxr_is(c, "p"))
            continue;
        folio_run *v;
        size_t n;
        if ((rc = folio_dxr_runs(r, c, 0, &v, &n, NULL)))
            break;
        if (!n)
            continue;
        if (out->n) {
            if (FOLIO_ARENA_VEC_ROOM(a, out->v, out->n, out->cap, 8))
                return FOLIO_E_NOMEM;
            memset(&out->v[out->n], 0, sizeof *out->v);
            out->v[out->n].kind = FOLIO_RUN_LINE_BREAK;
            out->v[out->n++].pos = folio_dxr_pos(c);
        }
        for (size_t i = 0; i < n; i++) {
            if (FOLIO_ARENA_VEC_ROOM(a, out->v, out->n, out->cap, 8))
                return FOLIO_E_NOMEM;
            out->v[out->n++] = v[i];
        }
    }
    return rc;
}

static size_t span(xmlNodePtr tc)
{
    int s = folio_dxr_attr_int(folio_dxr_child(folio_dxr_child(tc, "tcPr"), "gridSpan"), "val", 1);
    return s < 1 ? 1 : (size_t)s;
}

int folio_dxr_table(dxr *r, xmlNodePtr tbl, int depth, folio_block *k)
{
    folio_arena *a = r->rep->arena;
    folio_table *t = folio_alloc(a, sizeof *t);
    if (!t)
        return FOLIO_E_NOMEM;
    k->kind = FOLIO_BLOCK_TABLE;
    k->table = t;
    k->pos = folio_dxr_pos(tbl);
    int heads = 1;
    for (xmlNodePtr tr = tbl->children; tr; tr = tr->next) {
        if (!folio_dxr_is(tr, "tr"))
            continue;
        size_t cols = 0;
        for (xmlNodePtr tc = tr->children; tc; tc = tc->next)
            if (folio_dxr_is(tc, "tc") && (cols += span(tc)) > (size_t)1 << 20)
                return folio_error(r->ctx, FOLIO_E_LIMIT, folio_dxr_pos(tr),
                                   "<w:tr>: too many cells");
        if (cols > t->ncols)
            t->ncols = cols;
        int head = folio_dxr_child(folio_dxr_child(tr, "trPr"), "tblHeader") != NULL;
        if (heads && head)
            t->head_rows++;
        else
            heads = 0;
        t->nrows++;
    }
    if (!t->ncols || !t->nrows) {
        t->ncols = t->nrows = 1; /* an empty table: one empty cell */
        t->head_rows = 0;
    }
    if (t->nrows > ((size_t)1 << 40) / t->ncols)
        return folio_error(r->ctx, FOLIO_E_LIMIT, k->pos, "<w:tbl>: too many cells");
    size_t ncells = t->nrows * t->ncols;
    if (ncells > r->max_cells) /* checked before the cells are allocated */
        return folio_error(r->ctx, FOLIO_E_LIMIT, k->pos,
                           "<w:tbl>: %zu rows of %zu columns, more cells than the limit of "
                           "%zu; --max-table-cells raises it",
                           t->nrows, t->ncols, r->max_cells);
    t->cells = folio_alloc(a, ncells * sizeof *t->cells);
    t->align = folio_alloc(a, t->ncols * sizeof *t->align);
    if (!t->cells || !t->align)
        return FOLIO_E_NOMEM;
    size_t row = 0;
    int rc = 0;
    for (xmlNodePtr tr = tbl->children; tr && !rc; tr = tr->next) {
        if (!folio_dxr_is(tr, "tr"))
            continue;
        size_t col = 0;
        for (xmlNodePtr tc = tr->children; tc && !rc; tc = tc->next) {
            if (!folio_dxr_is(tc, "tc") || col >= t->ncols)
                continue;
            cell_runs cr = {0};
            rc = cell_content(r, tc, depth + 1, &cr);
            t->cells[row * t->ncols + col].runs = cr.v;
            t->cells[row * t->ncols + col].nruns = cr.n;
            if (row + 1 == t->nrows || row >= t->head_rows)
                t->align[col] = align_of(r, tc);
            col += span(tc);
        }
        row++;
    }
    return rc;
}
