/* The cmark-gfm tree → raw blocks with inline runs. Every step checks the
 * nesting depth, so no input can recurse without bound. */
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include "read/md_internal.h"
#include "util/mem.h"
#include "util/vec.h"

folio_md_raw *folio_md_raw_push(folio_md *md, folio_md_raws *rs)
{
    if (FOLIO_ARENA_VEC_ROOM(md->rep->arena, rs->v, rs->n, rs->cap, 4))
        return NULL;
    folio_md_raw *r = &rs->v[rs->n++];
    memset(r, 0, sizeof *r);
    return r;
}

const char *folio_md_source_at(const folio_md *md, int line, int col, size_t *n)
{
    if (line < 1 || (size_t)line > md->nlines || col < 1)
        return NULL;
    size_t start = md->line_off[line - 1];
    size_t end = (size_t)line < md->nlines ? md->line_off[line] : md->srclen;
    while (end > start && (md->src[end - 1] == '\n' || md->src[end - 1] == '\r'))
        end--;
    if ((size_t)(col - 1) > end - start)
        return NULL;
    *n = end - start - (size_t)(col - 1);
    return md->src + start + (col - 1);
}

static folio_pos node_pos(folio_md *md, cmark_node *n)
{
    int line = cmark_node_get_start_line(n), col = cmark_node_get_start_column(n);
    cmark_node *prev;
    if (line > 0 && col > 0) {
        md->last_pos = (folio_pos){line, col};
    } else if ((prev = cmark_node_previous(n)) && cmark_node_get_end_line(prev) > 0) {
        /* breaks carry no position: just after the node before them */
        md->last_pos = (folio_pos){cmark_node_get_end_line(prev),
                                   cmark_node_get_end_column(prev) + 1};
    }
    return md->last_pos;
}

static int too_deep(folio_md *md, cmark_node *n)
{
    md->failed = 1;
    return folio_error(md->ctx, FOLIO_E_LIMIT, node_pos(md, n),
                       "nesting deeper than %d levels (raise it with --max-depth)",
                       md->max_depth);
}

static int is_type(cmark_node *n, const char *name)
{
    const char *t = cmark_node_get_type_string(n);
    return t && strcmp(t, name) == 0;
}

/* Text of a link, to tell a document symbol; NULL when long. */
static int link_text(cmark_node *link, char *buf, size_t cap)
{
    size_t o = 0;
    int ok = 1;
    cmark_iter *it = cmark_iter_new(link);
    if (!it)
        return 0;
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        if (ev != CMARK_EVENT_ENTER)
            continue;
        cmark_node_type t = cmark_node_get_type(n);
        if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE) {
            const char *lit = cmark_node_get_literal(n);
            size_t l = lit ? strlen(lit) : 0;
            if (o + l >= cap) {
                ok = 0;
                break;
            }
            memcpy(buf + o, lit, l);
            o += l;
        } else if (n != link && t != CMARK_NODE_EMPH && t != CMARK_NODE_STRONG) {
            ok = 0;
            break;
        }
    }
    cmark_iter_free(it);
    buf[o] = 0;
    return ok;
}

/* Inline HTML: <sup>…</sup> and <br>; other tags are dropped with a
 * warning (their text, outside the tags, is kept). */
static int html_inline(folio_md *md, const char *lit, folio_run r, folio_md_runs *out)
{
    char *f = folio_text_fold(lit ? lit : "", lit ? strlen(lit) : 0);
    if (!f)
        return FOLIO_E_NOMEM;
    int rc = 0;
    if (strcmp(f, "<sup>") == 0)
        md->sup++;
    else if (strcmp(f, "</sup>") == 0)
        md->sup = md->sup > 0 ? md->sup - 1 : 0;
    else if (strcmp(f, "<br>") == 0 || strcmp(f, "<br/>") == 0 || strcmp(f, "<br />") == 0) {
        r.kind = FOLIO_RUN_LINE_BREAK;
        r.text = NULL;
        rc = folio_md_runs_push(out, r);
    } else if (strncmp(f, "<!--", 4) != 0)
        folio_warn(md->ctx, r.pos, "inline HTML %.60s ignored", lit ? lit : "");
    free(f);
    return rc;
}

/* "[^label]" left as text: cmark-gfm makes a reference only of a label
 * that a definition names; any other prints as typed. Say so. */
static void undefined_notes(folio_md *md, folio_pos pos, const char *lit)
{
    for (const char *p = lit ? strstr(lit, "[^") : NULL; p; p = strstr(p + 2, "[^")) {
        size_t k = strcspn(p + 2, "] \t\n[");
        if (k == 0 || p[2 + k] != ']' || p[3 + k] == ':')
            continue;
        folio_pos at = pos;
        at.col += (int)(p - lit);
        folio_warn(md->ctx, at, "footnote [^%.*s] is not defined: printed as typed", (int)k,
                   p + 2);
    }
}

/* A row of a pipe table as typed: its cells, counting the pipes that are
 * not escaped ("| a | b |" has 2). */
static size_t typed_cells(const char *s, size_t n)
{
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    while (n && (*s == ' ' || *s == '\t' || *s == '>')) {
        s++;
        n--;
    }
    if (!n)
        return 0;
    size_t pipes = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\\' && i + 1 < n)
            i++;
        else if (s[i] == '|') /* inside a code span too, as GFM has it */
            pipes++;
    }
    size_t cells = pipes + 1;
    if (s[0] == '|')
        cells--;
    if (n > 1 && s[n - 1] == '|' && s[n - 2] != '\\')
        cells--;
    return cells;
}

/* A delimiter row: cells of -, : between pipes, at least one '-'. */
static int delimiter_row(const char *s, size_t n)
{
    int dash = 0, pipe = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '-')
            dash = 1;
        else if (s[i] == '|')
            pipe = 1;
        else if (s[i] != ':' && s[i] != ' ' && s[i] != '\t' && s[i] != '>')
            return 0;
    }
    return dash && pipe;
}

/* A paragraph that was meant as a pipe table: a header row, then a
 * delimiter row of another count of columns. cmark-gfm reads it as text
 * (the |---| printed as it is): say so, where it happens. */
static void broken_table(folio_md *md, cmark_node *para)
{
    int first = cmark_node_get_start_line(para), last = cmark_node_get_end_line(para);
    for (int line = first + 1; line <= last; line++) {
        size_t hn, dn;
        const char *h = folio_md_source_at(md, line - 1, 1, &hn);
        const char *d = folio_md_source_at(md, line, 1, &dn);
        if (!h || !d || !delimiter_row(d, dn) || !memchr(h, '|', hn))
            continue;
        size_t hc = typed_cells(h, hn), dc = typed_cells(d, dn);
        if (hc != dc)
            folio_warn(md->ctx, (folio_pos){line, 1},
                       "not read as a table: its delimiter row has %zu column%s, its header "
                       "row %zu; the rows print as text", dc, dc == 1 ? "" : "s", hc);
        return;
    }
}

/* A link the reader of the PDF or DOCX cannot follow: a path on the
 * author's disk (no scheme, or file:). Fragments (#x) and any URL with a
 * scheme are left alone. */
static void check_link(folio_md *md, folio_pos pos, const char *url)
{
    size_t k = strspn(url, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-");
    int scheme = k > 1 && url[k] == ':' && strncmp(url, "file:", 5) != 0;
    if (!*url || url[0] == '#' || scheme)
        return;
    folio_warn(md->ctx, pos, "link to a local file \"%.80s\": readers of the PDF and "
               "DOCX cannot follow it", url);
}

/* One open container of the inline walk: the child to read next and the
 * style, link and symbol flag its children inherit. */
typedef struct ilevel {
    cmark_node *next;
    unsigned style;
    const char *link;
    int is_symbol;
} ilevel;

/* The inline walk keeps its own stack (on the heap), so that nesting up to
 * the largest --max-depth never exhausts the thread's stack. */
static int inlines(folio_md *md, cmark_node *parent, int depth, folio_md_runs *out)
{
    if (depth > md->max_depth)
        return too_deep(md, parent);
    folio_arena *a = md->rep->arena;
    size_t cap = 16, top = 0;
    ilevel *st = folio_malloc(cap * sizeof *st);
    if (!st)
        return FOLIO_E_NOMEM;
    st[0] = (ilevel){cmark_node_first_child(parent), 0, NULL, 0};
    int rc = 0;
    for (;;) {
        ilevel *lv = &st[top];
        cmark_node *n = lv->next;
        if (!n) {
            if (top == 0)
                break;
            top--;
            continue;
        }
        lv->next = cmark_node_next(n);
        folio_run r = {0};
        r.kind = FOLIO_RUN_TEXT;
        r.style = lv->style | (md->sup ? FOLIO_SUPER : 0);
        r.link = lv->link;
        r.is_symbol = lv->is_symbol;
        r.pos = node_pos(md, n);
        /* a container's children: its style, link and symbol flag */
        ilevel child = {NULL, lv->style, lv->link, lv->is_symbol};
        int open = 0;
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT:
            undefined_notes(md, r.pos, cmark_node_get_literal(n));
            /* fall through */
        case CMARK_NODE_CODE:
            if (!(r.text = folio_strdup(a, cmark_node_get_literal(n))))
                rc = FOLIO_E_NOMEM;
            else
                rc = folio_md_runs_push(out, r);
            break;
        case CMARK_NODE_SOFTBREAK:
            r.kind = FOLIO_MD_RUN_SOFT_BREAK;
            rc = folio_md_runs_push(out, r);
            break;
        case CMARK_NODE_LINEBREAK:
            r.kind = FOLIO_RUN_LINE_BREAK;
            rc = folio_md_runs_push(out, r);
            break;
        case CMARK_NODE_EMPH:
            child.style |= FOLIO_EMPH;
            open = 1;
            break;
        case CMARK_NODE_STRONG:
            child.style |= FOLIO_STRONG;
            open = 1;
            break;
        case CMARK_NODE_LINK: {
            char text[256];
            const char *url = cmark_node_get_url(n);
            const char *target = folio_strdup(a, url ? url : "");
            int sym = 0;
            if (link_text(n, text, sizeof text) && folio_md_is_symbol(text, strlen(text))) {
                size_t tl = strlen(text);
                const char *t = folio_md_trim(text, &tl);
                while (tl && t[tl - 1] == '*')
                    tl--;
                target = folio_sprintf(a, "https://undocs.org/%.*s", (int)tl, t);
                sym = 1;
            }
            if (!target) {
                rc = FOLIO_E_NOMEM;
                break;
            }
            if (!sym)
                check_link(md, r.pos, target);
            child.link = target;
            child.is_symbol = sym;
            open = 1;
            break;
        }
        case CMARK_NODE_IMAGE:
            folio_warn(md->ctx, r.pos, "image not supported; its description is kept as text");
            open = 1;
            break;
        case CMARK_NODE_HTML_INLINE:
            rc = html_inline(md, cmark_node_get_literal(n), r, out);
            break;
        case CMARK_NODE_FOOTNOTE_REFERENCE: {
            const char *lit = cmark_node_get_literal(n);
            long ix = lit ? strtol(lit, NULL, 10) : 0;
            if (ix >= 1 && (size_t)ix <= md->nix) {
                r.kind = FOLIO_RUN_NOTE_REF;
                r.note = md->by_ix[ix - 1];
                r.style &= ~(unsigned)FOLIO_SUPER;
                if (!md->synthetic)
                    r.note->referenced = 1;
            } else if (!(r.text = folio_sprintf(a, "[^%s]", lit ? lit : ""))) {
                rc = FOLIO_E_NOMEM;
                break;
            }
            rc = folio_md_runs_push(out, r);
            break;
        }
        default:
            open = 1;
            break;
        }
        if (rc)
            break;
        if (!open)
            continue;
        if (depth + (int)top + 1 > md->max_depth) {
            rc = too_deep(md, n);
            break;
        }
        if (top + 1 == cap) {
            ilevel *v = folio_realloc(st, 2 * cap * sizeof *st);
            if (!v) {
                rc = FOLIO_E_NOMEM;
                break;
            }
            st = v;
            cap *= 2;
        }
        child.next = cmark_node_first_child(n);
        st[++top] = child;
    }
    free(st);
    return rc;
}

int folio_md_walk_inlines(folio_md *md, cmark_node *parent, int depth, folio_run **runs,
                          size_t *nruns)
{
    folio_md_runs rs = {0};
    md->sup = 0;
    int rc = inlines(md, parent, depth, &rs);
    if (rc) {
        free(rs.v);
        *runs = NULL;
        *nruns = 0;
        return rc;
    }
    return folio_md_runs_keep(md->rep->arena, &rs, runs, nruns);
}

/* ---- tables ---------------------------------------------------------------*/

static int table(folio_md *md, cmark_node *t, int depth, folio_table **out)
{
    folio_arena *a = md->rep->arena;
    size_t ncols = cmark_gfm_extensions_get_table_columns(t);
    uint8_t *al = cmark_gfm_extensions_get_table_alignments(t);
    size_t nrows = 0;
    for (cmark_node *row = cmark_node_first_child(t); row; row = cmark_node_next(row))
        nrows++;
    if (depth + 3 > md->max_depth)
        return too_deep(md, t);
    /* rows may be short, the cells array is not: bound it */
    if (ncols && nrows > FOLIO_MD_MAX_TABLE_CELLS / ncols) {
        md->failed = 1;
        return folio_error(md->ctx, FOLIO_E_LIMIT, node_pos(md, t),
                           "table of %zu rows and %zu columns: more than %d cells",
                           nrows, ncols, FOLIO_MD_MAX_TABLE_CELLS);
    }
    folio_table *tb = folio_alloc(a, sizeof *tb);
    if (!tb)
        return FOLIO_E_NOMEM;
    tb->ncols = ncols;
    tb->align = folio_alloc(a, (ncols ? ncols : 1) * sizeof *tb->align);
    tb->cells = folio_alloc(a, (nrows && ncols ? nrows * ncols : 1) * sizeof *tb->cells);
    if (!tb->align || !tb->cells)
        return FOLIO_E_NOMEM;
    for (size_t c = 0; c < ncols; c++) {
        uint8_t x = al ? al[c] : 0;
        tb->align[c] = x == 'l' ? FOLIO_ALIGN_LEFT : x == 'c' ? FOLIO_ALIGN_CENTER
                     : x == 'r' ? FOLIO_ALIGN_RIGHT : FOLIO_ALIGN_DEFAULT;
    }
    size_t r = 0;
    for (cmark_node *row = cmark_node_first_child(t); row; row = cmark_node_next(row)) {
        int head = cmark_gfm_extensions_get_table_row_is_header(row) || is_type(row, "table_header");
        /* cmark-gfm drops the cells of a row past the table's columns */
        size_t tn, typed;
        int line = cmark_node_get_start_line(row);
        const char *src = folio_md_source_at(md, line, 1, &tn);
        if (src && (typed = typed_cells(src, tn)) > ncols)
            folio_warn(md->ctx, (folio_pos){line, 1},
                       "a row of %zu cells in a table of %zu columns: the last %zu %s dropped",
                       typed, ncols, typed - ncols, typed - ncols == 1 ? "is" : "are");
        folio_cell *cells = tb->cells + r * ncols;
        int any = 0;
        size_t c = 0;
        for (cmark_node *cell = cmark_node_first_child(row); cell && c < ncols;
             cell = cmark_node_next(cell), c++) {
            folio_run *raw;
            size_t nraw;
            node_pos(md, cell);
            int rc = folio_md_walk_inlines(md, cell, depth + 3, &raw, &nraw);
            if (!rc)
                rc = folio_md_runs_finish(a, raw, nraw, &cells[c].runs, &cells[c].nruns);
            if (rc)
                return rc;
            any |= cells[c].nruns > 0;
        }
        /* an empty head row (`| | |`) is no head: the table starts below it */
        if (head && !any && r == 0)
            continue;
        if (head)
            tb->head_rows = r + 1;
        r++;
    }
    tb->nrows = r;
    *out = tb;
    return 0;
}

/* ---- blocks ----------------------------------------------------------------*/

typedef struct frame {
    folio_md_item item;
    int pending; /* no block emitted in this item yet */
} frame;

typedef struct walk {
    folio_md *md;
    folio_md_raws *out;
    frame *stack;
    int nstack;
} walk;

static folio_md_raw *emit(walk *w, folio_md_raw_kind kind, cmark_node *n)
{
    folio_md_raw *r = folio_md_raw_push(w->md, w->out);
    if (!r)
        return NULL;
    r->kind = kind;
    r->pos = node_pos(w->md, n);
    r->list_depth = w->nstack;
    if (w->nstack) {
        r->inner = w->stack[w->nstack - 1].item;
        r->outer = w->stack[0].item;
        r->first_in_item = w->stack[w->nstack - 1].pending;
        for (int i = 0; i < w->nstack; i++)
            w->stack[i].pending = 0;
        /* an item's first block starts where its marker was typed */
        if (r->first_in_item && r->pos.line == r->inner.line)
            r->pos.col = r->inner.col;
    }
    return r;
}

/* The marker of a list item as typed: its number or bullet character. */
static void item_marker(folio_md *md, cmark_node *item, folio_md_item *it, int fallback)
{
    int line = cmark_node_get_start_line(item), col = cmark_node_get_start_column(item);
    size_t n = 0;
    const char *s = folio_md_source_at(md, line, col, &n);
    it->line = line;
    it->col = col;
    it->number = fallback;
    it->bullet = '-';
    if (!s || n == 0)
        return;
    if (it->ordered) {
        int v = 0;
        size_t k = 0;
        while (k < n && k < 9 && s[k] >= '0' && s[k] <= '9')
            v = v * 10 + (s[k++] - '0');
        if (k)
            it->number = v;
    } else if (s[0] == '-' || s[0] == '*' || s[0] == '+') {
        it->bullet = s[0];
    }
}

static int code_block(walk *w, cmark_node *n)
{
    folio_md *md = w->md;
    folio_arena *a = md->rep->arena;
    folio_md_raw *r = emit(w, FOLIO_MD_RAW_PARA, n);
    if (!r)
        return FOLIO_E_NOMEM;
    folio_warn(md->ctx, r->pos, "code block kept as plain text");
    const char *lit = cmark_node_get_literal(n);
    folio_md_runs rs = {0};
    size_t sn = 0;
    const char *s = folio_md_source_at(md, r->pos.line, r->pos.col, &sn);
    int fenced = s && sn && (s[0] == '`' || s[0] == '~');
    int line = r->pos.line + fenced, rc = 0;
    /* one text run a line, line breaks between */
    for (const char *p = lit ? lit : ""; *p && !rc;) {
        const char *e = strchr(p, '\n');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        folio_run run = {0};
        run.kind = FOLIO_RUN_TEXT;
        run.pos = (folio_pos){line++, r->pos.col};
        if (rs.n) {
            folio_run br = run;
            br.kind = FOLIO_RUN_LINE_BREAK;
            rc = folio_md_runs_push(&rs, br);
        }
        if (!rc && !(run.text = folio_strndup(a, p, len)))
            rc = FOLIO_E_NOMEM;
        if (!rc)
            rc = folio_md_runs_push(&rs, run);
        p += len + (e ? 1 : 0);
    }
    if (rc) {
        free(rs.v);
        return rc;
    }
    return folio_md_runs_keep(a, &rs, &r->runs, &r->nruns);
}

static int html_block(walk *w, cmark_node *n)
{
    const char *lit = cmark_node_get_literal(n);
    char *f = folio_text_fold(lit ? lit : "", lit ? strlen(lit) : 0);
    if (!f)
        return FOLIO_E_NOMEM;
    int rc = 0;
    char *squeezed = f; /* "page break", "page-break", "pagebreak" alike */
    size_t o = 0;
    for (size_t i = 0; f[i]; i++)
        if (f[i] != ' ' && f[i] != '-' && f[i] != '_')
            squeezed[o++] = f[i];
    squeezed[o] = 0;
    if (strncmp(squeezed, "<!", 2) == 0 && strstr(squeezed, "pagebreak")) {
        if (!emit(w, FOLIO_MD_RAW_PAGE_BREAK, n))
            rc = FOLIO_E_NOMEM;
    } else if (strncmp(squeezed, "<!", 2) != 0) {
        folio_warn(w->md->ctx, node_pos(w->md, n), "HTML block ignored");
    }
    free(f);
    return rc;
}

/* One open container of the block walk: a container of blocks (the
 * document, a block quote, a list item) or a list, read child by child.
 * The walk keeps this stack on the heap, so that nesting up to the
 * largest --max-depth never exhausts the thread's stack. */
typedef struct blevel {
    cmark_node *node, *next;
    int depth;
    int is_list;     /* a list: its children are items */
    int item;        /* a list item: pops an entry of w->stack when done */
    int list_id, ordered, index;
    char delim;
} blevel;

/* A block that holds no other blocks. */
static int leaf(walk *w, cmark_node *n, int depth)
{
    folio_md *md = w->md;
    folio_md_raw *r;
    switch (cmark_node_get_type(n)) {
    case CMARK_NODE_PARAGRAPH:
        if ((size_t)cmark_node_get_start_line(n) > md->real_lines) {
            /* the references the reader appended to keep unreferenced
             * footnotes: read them without counting them */
            folio_run *runs;
            size_t nruns;
            md->synthetic = 1;
            int rc = folio_md_walk_inlines(md, n, depth + 1, &runs, &nruns);
            md->synthetic = 0;
            return rc;
        }
        if (!(r = emit(w, FOLIO_MD_RAW_PARA, n)))
            return FOLIO_E_NOMEM;
        broken_table(md, n);
        return folio_md_walk_inlines(md, n, depth + 1, &r->runs, &r->nruns);
    case CMARK_NODE_HEADING:
        if (!(r = emit(w, FOLIO_MD_RAW_HEADING, n)))
            return FOLIO_E_NOMEM;
        r->hlevel = cmark_node_get_heading_level(n);
        return folio_md_walk_inlines(md, n, depth + 1, &r->runs, &r->nruns);
    case CMARK_NODE_THEMATIC_BREAK:
        return emit(w, FOLIO_MD_RAW_RULE, n) ? 0 : FOLIO_E_NOMEM;
    case CMARK_NODE_CODE_BLOCK:
        return code_block(w, n);
    case CMARK_NODE_HTML_BLOCK:
        return html_block(w, n);
    case CMARK_NODE_FOOTNOTE_DEFINITION:
        return 0; /* read on their own, into the notes */
    default: /* a table */
        if (!(r = emit(w, FOLIO_MD_RAW_TABLE, n)))
            return FOLIO_E_NOMEM;
        return table(md, n, depth + 1, &r->table);
    }
}

static int blocks(walk *w, cmark_node *parent, int depth)
{
    folio_md *md = w->md;
    if (depth > md->max_depth)
        return too_deep(md, parent);
    size_t cap = 16, top = 0;
    blevel *st = folio_malloc(cap * sizeof *st);
    if (!st)
        return FOLIO_E_NOMEM;
    st[0] = (blevel){parent, cmark_node_first_child(parent), depth, 0, 0, 0, 0, 0, 0};
    int rc = 0;
    for (;;) {
        blevel *lv = &st[top];
        cmark_node *n = lv->next;
        if (!n) {
            if (lv->item)
                w->nstack--;
            if (top == 0)
                break;
            top--;
            continue;
        }
        lv->next = cmark_node_next(n);
        blevel child = {n, cmark_node_first_child(n), lv->depth + 1, 0, 0, 0, 0, 0, 0};
        if (lv->is_list) {
            /* an item of the list: its blocks, inside its frame */
            if (lv->depth + 1 > md->max_depth) {
                rc = too_deep(md, n);
                break;
            }
            frame *f = &w->stack[w->nstack++];
            memset(f, 0, sizeof *f);
            f->item.id = ++md->next_id;
            f->item.list_id = lv->list_id;
            f->item.ordered = lv->ordered;
            f->item.delim = lv->delim;
            item_marker(md, n, &f->item, cmark_node_get_list_start(lv->node) + lv->index++);
            f->pending = 1;
            child.depth = lv->depth + 2;
            child.item = 1;
        } else if (cmark_node_get_type(n) == CMARK_NODE_LIST) {
            child.is_list = 1;
            child.list_id = ++md->next_id;
            child.ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
            child.delim = cmark_node_get_list_delim(n) == CMARK_PAREN_DELIM ? ')' : '.';
        } else if (cmark_node_get_type(n) == CMARK_NODE_BLOCK_QUOTE ||
                   (cmark_node_get_type(n) != CMARK_NODE_PARAGRAPH &&
                    cmark_node_get_type(n) != CMARK_NODE_HEADING &&
                    cmark_node_get_type(n) != CMARK_NODE_THEMATIC_BREAK &&
                    cmark_node_get_type(n) != CMARK_NODE_CODE_BLOCK &&
                    cmark_node_get_type(n) != CMARK_NODE_HTML_BLOCK &&
                    cmark_node_get_type(n) != CMARK_NODE_FOOTNOTE_DEFINITION &&
                    !is_type(n, "table"))) {
            /* block quotes and the like: their blocks */
        } else {
            if ((rc = leaf(w, n, lv->depth)))
                break;
            continue;
        }
        if (child.depth > md->max_depth) {
            rc = too_deep(md, n);
            if (child.item)
                w->nstack--;
            break;
        }
        if (top + 1 == cap) {
            blevel *v = folio_realloc(st, 2 * cap * sizeof *st);
            if (!v) {
                rc = FOLIO_E_NOMEM;
                if (child.item)
                    w->nstack--;
                break;
            }
            st = v;
            cap *= 2;
        }
        st[++top] = child;
    }
    free(st);
    return rc;
}

int folio_md_walk_blocks(folio_md *md, cmark_node *parent, folio_md_raws *out)
{
    walk w = {md, out, NULL, 0};
    w.stack = folio_calloc((size_t)md->max_depth + 2, sizeof *w.stack);
    if (!w.stack)
        return FOLIO_E_NOMEM;
    int rc = blocks(&w, parent, 1);
    free(w.stack);
    return rc;
}
