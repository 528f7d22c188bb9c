/* Akoma Ntoso tables (<table>, <tr>, <th>, <td>, also in <thead>, <tbody>
 * and <tfoot>) into FOLIO_BLOCK_TABLE: leading rows of <th> cells (or of
 * <thead>) are head rows, a cell's style or class aligns its column, a
 * cell's blocks are its lines, short rows are padded. A <caption> is the
 * table's title, over it. */
#include <stdlib.h>
#include <string.h>

#include "read/akn_table.h"
#include "read/akn_inline.h"
#include "util/mem.h"

enum { MAX_CELLS = 1 << 20 }; /* rows x columns, padding included */

static int is_blank(xmlNodePtr n)
{
    if (n->type == XML_COMMENT_NODE || n->type == XML_PI_NODE)
        return 1;
    if (n->type != XML_TEXT_NODE && n->type != XML_CDATA_SECTION_NODE)
        return 0;
    for (const xmlChar *t = n->content; t && *t; t++)
        if (*t != ' ' && *t != '\t' && *t != '\n' && *t != '\r')
            return 0;
    return 1;
}

/* A line break, unless at the start or after one; white space before
 * it goes. */
static int line_break(akn *a, akn_runs *r, xmlNodePtr at)
{
    while (r->n && r->v[r->n - 1].kind == FOLIO_RUN_TEXT &&
           !strcmp(r->v[r->n - 1].text, " "))
        r->n--;
    if (!r->n || r->v[r->n - 1].kind == FOLIO_RUN_LINE_BREAK)
        return 0;
    return folio_akn_push_break(a, r, at);
}

int folio_akn_flat_runs(akn *a, xmlNodePtr n, int depth, akn_runs *out)
{
    folio_run base = {0};
    int rc = 0;
    if (depth > a->max_depth)
        return folio_akn_too_deep(a, n);
    for (xmlNodePtr c = n->children; c && !rc; c = c->next) {
        const char *name = folio_akn_name(a, c);
        if (c->type != XML_ELEMENT_NODE || !name ||
            (folio_akn_is_inline(name) && strcmp(name, "num"))) {
            rc = folio_akn_inline_node(a, c, base, depth, out);
        } else if (!strcmp(name, "num")) { /* an item's label, then its text */
            if (!(rc = line_break(a, out, c)) && !(rc = folio_akn_inlines(a, c, base, depth + 1, out))) {
                folio_run sp = base;
                sp.kind = FOLIO_RUN_TEXT;
                sp.text = " ";
                sp.pos = folio_akn_line(c);
                rc = folio_akn_push(a, out, sp);
            }
        } else { /* a block: a line of its own */
            int label = out->n && out->v[out->n - 1].kind == FOLIO_RUN_TEXT &&
                        !strcmp(out->v[out->n - 1].text, " ");
            if (!label)
                rc = line_break(a, out, c);
            if (!rc)
                rc = folio_akn_flat_runs(a, c, depth + 1, out);
        }
    }
    return rc;
}

/* Nodes of a table outside its rows and cells, with text. */
typedef struct strays {
    xmlNodePtr *v;
    size_t n, cap;
    int nomem;
} strays;

static void stray_add(strays *s, xmlNodePtr n)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 4;
        xmlNodePtr *v = folio_realloc(s->v, cap * sizeof *v);
        if (!v) {
            s->nomem = 1;
            return;
        }
        s->v = v;
        s->cap = cap;
    }
    s->v[s->n++] = n;
}

/* The rows of t in order, through <thead>, <tbody> and <tfoot>; what is
 * neither a row nor a caption goes to `stray` (when given). */
static void collect_rows(akn *a, xmlNodePtr t, xmlNodePtr *rows, int *head, size_t *n,
                         int in_head, strays *stray)
{
    for (xmlNodePtr c = t->children; c; c = c->next) {
        const char *name = folio_akn_name(a, c);
        if (name && !strcmp(name, "tr")) {
            if (rows) {
                rows[*n] = c;
                head[*n] = in_head;
            }
            (*n)++;
        } else if (name && (!strcmp(name, "thead") || !strcmp(name, "tbody") ||
                            !strcmp(name, "tfoot"))) {
            collect_rows(a, c, rows, head, n, !strcmp(name, "thead"), stray);
        } else if (stray && !(name && !strcmp(name, "caption")) && !is_blank(c)) {
            stray_add(stray, c);
        }
    }
}

static int is_cell(akn *a, xmlNodePtr c, int *th)
{
    const char *name = folio_akn_name(a, c);
    if (!name || (strcmp(name, "td") && strcmp(name, "th")))
        return 0;
    *th = name[1] == 'h';
    return 1;
}

/* A column's alignment from a cell's style="text-align: ..." or class. */
static folio_align cell_align(akn *a, xmlNodePtr c)
{
    static const char *const names[] = {NULL, "left", "center", "right", "justify"};
    const char *style = NULL, *cls = NULL;
    if (folio_akn_attr(a, c, "style", &style) || folio_akn_attr(a, c, "class", &cls))
        return FOLIO_ALIGN_DEFAULT;
    const char *ta = style ? strstr(style, "text-align") : NULL;
    if (ta) {
        ta += strlen("text-align");
        while (*ta == ' ' || *ta == ':')
            ta++;
    }
    for (int k = 1; k <= 4; k++) {
        size_t n = strlen(names[k]);
        if (ta && !strncmp(ta, names[k], n))
            return (folio_align)k;
        if (cls && !strcmp(cls, names[k]))
            return (folio_align)k;
    }
    return FOLIO_ALIGN_DEFAULT;
}

static int cell_runs(akn *a, xmlNodePtr cell, int depth, folio_cell *out)
{
    akn_runs r = {0};
    int rc = folio_akn_flat_runs(a, cell, depth, &r);
    folio_akn_trim(&r);
    out->runs = r.v;
    out->nruns = r.n;
    return rc;
}

/* A paragraph of what a table holds outside its rows and cells. */
static int stray_text(akn *a, xmlNodePtr *stray, size_t n, int depth, akn_blocks *out)
{
    akn_runs r = {0};
    folio_run base = {0};
    int rc = 0;
    for (size_t i = 0; i < n && !rc; i++) {
        if (stray[i]->type == XML_ELEMENT_NODE)
            folio_akn_unknown(a, stray[i], "its text is kept under the table");
        if (r.n && (rc = line_break(a, &r, stray[i])))
            break;
        rc = stray[i]->type == XML_ELEMENT_NODE ? folio_akn_flat_runs(a, stray[i], depth, &r)
                                                 : folio_akn_inline_node(a, stray[i], base, depth, &r);
    }
    folio_akn_trim(&r);
    if (rc || !r.n)
        return rc;
    folio_block *b = folio_akn_add(a, out, FOLIO_BLOCK_PARAGRAPH, folio_akn_line(stray[0]));
    if (!b)
        return FOLIO_E_NOMEM;
    b->runs = r.v;
    b->nruns = r.n;
    return 0;
}

int folio_akn_table(akn *a, xmlNodePtr t, int depth, akn_blocks *out)
{
    folio_arena *ar = a->rep->arena;
    size_t nrows = 0, ncols = 0;
    xmlNodePtr *rows = NULL;
    strays stray = {0};
    int *head = NULL, rc = 0;
    if (depth + 3 > a->max_depth)
        return folio_akn_too_deep(a, t);
    for (xmlNodePtr c = t->children; c && !rc; c = c->next)
        if (folio_akn_is(a, c, "caption")) { /* the table's title, over it */
            akn_runs r = {0};
            if ((rc = folio_akn_flat_runs(a, c, depth + 1, &r)))
                return rc;
            folio_akn_trim(&r);
            folio_block *b = folio_akn_add(a, out, FOLIO_BLOCK_PARAGRAPH, folio_akn_line(c));
            if (!b)
                return FOLIO_E_NOMEM;
            b->role = FOLIO_ROLE_TITLE;
            b->runs = r.v;
            b->nruns = r.n;
        }
    collect_rows(a, t, NULL, NULL, &nrows, 0, NULL);
    rows = folio_malloc((nrows ? nrows : 1) * sizeof *rows);
    head = folio_malloc((nrows ? nrows : 1) * sizeof *head);
    folio_block *b = folio_akn_add(a, out, FOLIO_BLOCK_TABLE, folio_akn_line(t));
    folio_table *tb = folio_alloc(ar, sizeof *tb);
    if (!rows || !head || !b || !tb) {
        rc = FOLIO_E_NOMEM;
        goto done;
    }
    b->table = tb;
    nrows = 0;
    collect_rows(a, t, rows, head, &nrows, 0, &stray);
    for (size_t i = 0; i < nrows; i++) {
        size_t cells = 0;
        int th;
        for (xmlNodePtr c = rows[i]->children; c; c = c->next)
            cells += is_cell(a, c, &th);
        ncols = cells > ncols ? cells : ncols;
    }
    if (ncols && nrows > MAX_CELLS / ncols) {
        rc = folio_error(a->ctx, FOLIO_E_LIMIT, folio_akn_where(a, t),
                         "akn: <table>: %zu rows of %zu cells, more than %d cells", nrows,
                         ncols, MAX_CELLS);
        goto done;
    }
    tb->nrows = nrows;
    tb->ncols = ncols;
    size_t ncells = nrows * ncols;
    tb->cells = folio_alloc(ar, (ncells ? ncells : 1) * sizeof *tb->cells);
    tb->align = folio_alloc(ar, (ncols ? ncols : 1) * sizeof *tb->align);
    if (!tb->cells || !tb->align) {
        rc = FOLIO_E_NOMEM;
        goto done;
    }
    int heading_rows = 1; /* leading rows of <thead> or of <th> cells only */
    for (size_t i = 0; i < nrows; i++) {
        size_t col = 0;
        int all_th = 1;
        for (xmlNodePtr c = rows[i]->children; c && !rc; c = c->next) {
            int th;
            if (!is_cell(a, c, &th)) {
                if (!is_blank(c)) /* text in a row, outside its cells */
                    stray_add(&stray, c);
                continue;
            }
            all_th &= th;
            if (!tb->align[col])
                tb->align[col] = cell_align(a, c);
            rc = cell_runs(a, c, depth + 2, &tb->cells[i * ncols + col++]);
        }
        if (rc)
            goto done;
        heading_rows &= (head[i] || all_th) && col > 0;
        if (heading_rows)
            tb->head_rows = i + 1;
    }
    rc = stray.nomem ? FOLIO_E_NOMEM : stray_text(a, stray.v, stray.n, depth + 2, out);
done:
    free(rows);
    free(head);
    free(stray.v);
    return rc;
}
