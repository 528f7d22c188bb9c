/* Akoma Ntoso bodies into the model's flat list of blocks.
 *
 * AKN nests (a chapter holds its sections, a paragraph its content, a list
 * its items); the model is a sequence. The tree is walked in document
 * order: a container's <num> and <heading> make a heading block, a
 * <paragraph>'s <num> labels the paragraph its first <p> makes, a list
 * item's <num> labels the item its first <p> makes, and text found
 * straight inside a container (or an element folio does not understand)
 * makes a plain paragraph of its own. */
#include <stdlib.h>
#include <string.h>

#include "read/akn_internal.h"
#include "util/mem.h"

typedef struct walk {
    akn *a;
    akn_blocks *out;
    /* the label a <paragraph> or <item> gives the next text block */
    int pending;
    folio_block_kind pkind;
    int plevel;
    const char *plabel;
    folio_label_kind pkind_label;
    folio_pos ppos;
    size_t li;  /* <li> so far in the innermost <ul> or <ol> */
} walk;

/* Where we are: enclosing generic heading containers, paragraph-likes,
 * lists, and the level of the enclosing list item (0: none). */
typedef struct place {
    int hdepth, pdepth, ldepth, item_level;
} place;

static int walk_range(walk *w, xmlNodePtr parent, xmlNodePtr skip1, xmlNodePtr skip2,
                      int depth, place at);
#define walk_body(w, parent, depth, at) walk_range(w, parent, NULL, NULL, depth, at)

#define line_of folio_akn_line

static folio_block *add(walk *w, folio_block_kind kind, folio_pos pos)
{
    akn_blocks *o = w->out;
    if (o->n == o->cap) {
        size_t cap = o->cap ? o->cap * 2 : 16;
        folio_block *v = folio_grow(w->a->rep->arena, o->v, sizeof *v, o->n, cap);
        if (!v)
            return NULL;
        o->v = v;
        o->cap = cap;
    }
    folio_block *b = &o->v[o->n++];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    b->pos = pos;
    return b;
}

/* A pending label with no text of its own: an empty block. */
static int flush_pending(walk *w)
{
    if (!w->pending)
        return 0;
    w->pending = 0;
    folio_block *b = add(w, w->pkind, w->ppos);
    if (!b)
        return FOLIO_E_NOMEM;
    b->numbered = w->pkind == FOLIO_BLOCK_PARAGRAPH;
    b->level = w->plevel;
    b->label = w->plabel;
    b->label_kind = w->pkind_label;
    return 0;
}

/* A <num>'s text, folded and trimmed; its kind from a "label-KIND" class
 * (the writer's, when the text alone would mislead) or from the text. */
static int label_of(walk *w, xmlNodePtr num, folio_label_kind hint, const char **label,
                    folio_label_kind *kind)
{
    akn *a = w->a;
    akn_runs r = {0};
    folio_run base = {0};
    const char *cls;
    int rc = folio_akn_inlines(a, num, base, 1, &r);
    if (!rc)
        rc = folio_akn_attr(a, num, "class", &cls);
    if (rc)
        return rc;
    folio_akn_trim(&r);
    const char *s = folio_akn_runs_text(a, &r);
    if (!s)
        return FOLIO_E_NOMEM;
    *label = s[0] ? s : NULL;
    *kind = folio_akn_label_kind(*label, hint);
    static const char *const kinds[] = {"label-none",  "label-roman",       "label-upper",
                                        "label-arabic", "label-lower",      "label-lower-roman",
                                        "label-bullet"};
    for (size_t k = 0; cls && k < sizeof kinds / sizeof kinds[0]; k++) {
        const char *at = strstr(cls, kinds[k]);
        size_t n = strlen(kinds[k]);
        if (at && (at == cls || at[-1] == ' ') && (at[n] == 0 || at[n] == ' '))
            *kind = (folio_label_kind)k;
    }
    return 0;
}

/* A block of text: the pending label's block, an item in a list item, or
 * a plain paragraph. `explicit`: a <p> (kept even when empty). */
static int text_block(walk *w, akn_runs *r, folio_pos pos, place at, int explicit)
{
    folio_akn_trim(r);
    if (!r->n && !explicit)
        return 0; /* white space between elements */
    folio_block *b;
    if (w->pending) {
        w->pending = 0;
        if (!(b = add(w, w->pkind, w->ppos)))
            return FOLIO_E_NOMEM;
        b->numbered = w->pkind == FOLIO_BLOCK_PARAGRAPH;
        b->level = w->plevel;
        b->label = w->plabel;
        b->label_kind = w->pkind_label;
    } else if (at.item_level) {
        if (!(b = add(w, FOLIO_BLOCK_ITEM, pos)))
            return FOLIO_E_NOMEM;
        b->level = at.item_level;
    } else if (!(b = add(w, FOLIO_BLOCK_PARAGRAPH, pos))) {
        return FOLIO_E_NOMEM;
    }
    b->runs = r->v;
    b->nruns = r->n;
    return 0;
}

/* A <p> holding nothing but <eop/>: a page break. */
static int is_page_break(walk *w, xmlNodePtr p)
{
    int eop = 0;
    for (xmlNodePtr c = p->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE) {
            for (const xmlChar *t = c->content; t && *t; t++)
                if (*t != ' ' && *t != '\n' && *t != '\t' && *t != '\r')
                    return 0;
        } else if (folio_akn_is(w->a, c, "eop")) {
            eop = 1;
        } else if (c->type == XML_ELEMENT_NODE) {
            return 0;
        }
    }
    return eop;
}

static int page_break(walk *w, xmlNodePtr n)
{
    int rc = flush_pending(w);
    if (!rc && !add(w, FOLIO_BLOCK_PAGE_BREAK, line_of(n)))
        rc = FOLIO_E_NOMEM;
    return rc;
}

static int p_block(walk *w, xmlNodePtr p, int depth, place at)
{
    if (is_page_break(w, p))
        return page_break(w, p);
    akn_runs r = {0};
    folio_run base = {0};
    int rc = folio_akn_inlines(w->a, p, base, depth + 1, &r);
    return rc ? rc : text_block(w, &r, line_of(p), at, 1);
}

/* Tables -------------------------------------------------------------------*/

enum { MAX_CELLS = 1 << 20 }; /* rows x columns, padding included */

static int collect_rows(walk *w, xmlNodePtr t, xmlNodePtr *rows, int *head, size_t *n,
                        int in_head)
{
    for (xmlNodePtr c = t->children; c; c = c->next) {
        const char *name = folio_akn_name(w->a, c);
        if (!name)
            continue;
        if (!strcmp(name, "tr")) {
            if (rows) {
                rows[*n] = c;
                head[*n] = in_head;
            }
            (*n)++;
        } else if (!strcmp(name, "thead") || !strcmp(name, "tbody") || !strcmp(name, "tfoot")) {
            collect_rows(w, c, rows, head, n, !strcmp(name, "thead"));
        }
    }
    return 0;
}

static int is_cell(walk *w, xmlNodePtr c, int *th)
{
    const char *name = folio_akn_name(w->a, c);
    if (!name || (strcmp(name, "td") && strcmp(name, "th")))
        return 0;
    *th = name[1] == 'h';
    return 1;
}

/* A column's alignment from a cell's style="text-align: ..." or class. */
static folio_align cell_align(walk *w, xmlNodePtr c)
{
    static const char *const names[] = {NULL, "left", "center", "right", "justify"};
    const char *style = NULL, *cls = NULL;
    if (folio_akn_attr(w->a, c, "style", &style) || folio_akn_attr(w->a, c, "class", &cls))
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

/* A cell's runs: its paragraphs joined by line breaks. */
static int cell_runs(walk *w, xmlNodePtr cell, int depth, folio_cell *out)
{
    akn *a = w->a;
    akn_runs r = {0};
    folio_run base = {0};
    int rc = 0, paras = 0;
    if (depth > a->max_depth)
        return folio_akn_too_deep(a, cell);
    for (xmlNodePtr c = cell->children; c && !rc; c = c->next) {
        if (folio_akn_is(a, c, "p")) {
            if (paras++) {
                folio_run br = base;
                br.kind = FOLIO_RUN_LINE_BREAK;
                br.pos = line_of(c);
                if ((rc = folio_akn_push(a, &r, br)))
                    break;
            }
            rc = folio_akn_inlines(a, c, base, depth + 1, &r);
        } else {
            rc = folio_akn_inline_node(a, c, base, depth, &r);
        }
    }
    folio_akn_trim(&r);
    out->runs = r.v;
    out->nruns = r.n;
    return rc;
}

static int table(walk *w, xmlNodePtr t, int depth)
{
    akn *a = w->a;
    folio_arena *ar = a->rep->arena;
    size_t nrows = 0, ncols = 0;
    xmlNodePtr *rows = NULL;
    int *head = NULL, rc = flush_pending(w);
    if (rc)
        return rc;
    if (depth + 3 > a->max_depth)
        return folio_akn_too_deep(a, t);
    collect_rows(w, t, NULL, NULL, &nrows, 0);
    rows = folio_malloc((nrows ? nrows : 1) * sizeof *rows);
    head = folio_malloc((nrows ? nrows : 1) * sizeof *head);
    folio_block *b = add(w, FOLIO_BLOCK_TABLE, line_of(t));
    folio_table *tb = folio_alloc(ar, sizeof *tb);
    if (!rows || !head || !b || !tb) {
        rc = FOLIO_E_NOMEM;
        goto done;
    }
    b->table = tb;
    nrows = 0;
    collect_rows(w, t, rows, head, &nrows, 0);
    for (size_t i = 0; i < nrows; i++) {
        size_t cells = 0;
        int th;
        for (xmlNodePtr c = rows[i]->children; c; c = c->next)
            cells += is_cell(w, c, &th);
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
            if (!is_cell(w, c, &th))
                continue;
            all_th &= th;
            if (!tb->align[col])
                tb->align[col] = cell_align(w, c);
            rc = cell_runs(w, c, depth + 2, &tb->cells[i * ncols + col++]);
        }
        if (rc)
            goto done;
        heading_rows &= (head[i] || all_th) && col > 0;
        if (heading_rows)
            tb->head_rows = i + 1;
    }
    /* the table's own caption: a paragraph before it would reorder; kept as text */
done:
    free(rows);
    free(head);
    return rc;
}

/* Containers ----------------------------------------------------------------*/

static int heading_level(const char *name, const char *hname, place at)
{
    if (!strcmp(name, "chapter"))
        return 1;
    if (!strcmp(name, "section"))
        return 2;
    if (!strcmp(name, "subsection"))
        return 3;
    if (hname && !strcmp(hname, "title"))
        return 0;
    if (hname && !strcmp(hname, "subheading"))
        return 4;
    return at.hdepth + 1 < 4 ? at.hdepth + 1 : 4;
}

static const char *const hierarchy[] = {
    "chapter",   "section", "subsection", "hcontainer", "part",       "book",
    "tome",      "title",   "subtitle",   "division",   "subdivision", "subchapter",
    "subpart",   "article", "clause",     "subclause",  "rule",        "subrule",
    "level",     "transitional", "proviso", "sublist", "tblock", "crossHeading"};
static const char *const para_likes[] = {"paragraph", "subparagraph", "alinea"};
static const char *const item_likes[] = {"item", "li", "point", "indent"};
static const char *const list_likes[] = {"blockList", "ul", "ol", "list"};
static const char *const transparent[] = {
    "content",    "intro",      "wrapUp",    "blockContainer", "container", "div",
    "longTitle",  "formula",    "componentRef", "documentRef", "foreign", "toc",
    "listIntroduction", "listWrapUp", "block", "subFlow", "embeddedStructure",
    "quotedStructure", "citations", "citation", "recitals", "recital", "preamble",
    "conclusions", "formula", "speechGroup", "debateSection", "speech", "question",
    "answer", "other", "scene", "narrative", "summary", "administrationOfOath",
    "rollCall", "prayers", "oralStatements", "writtenStatements", "personalStatements",
    "ministerialStatements", "resolutions", "nationalInterest", "declarationOfVote",
    "communication", "petitions", "papers", "noticesOfMotion", "questions", "address",
    "proceduralMotions", "pointOfOrder", "adjournment", "introduction", "background",
    "arguments", "remedies", "motivation", "decision", "header", "judgmentBody"};

#define COUNT(a) (sizeof a / sizeof a[0])

static int listed(const char *const *list, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(list[i], name))
            return 1;
    return 0;
}

/* A heading container: its heading block, then its content. */
static int container(walk *w, xmlNodePtr n, const char *name, int depth, place at)
{
    akn *a = w->a;
    const char *hname = NULL, *label = NULL;
    folio_label_kind kind = FOLIO_LABEL_NONE;
    int rc = flush_pending(w);
    if (rc || (rc = folio_akn_attr(a, n, "name", &hname)))
        return rc;
    if (hname && !strcmp(name, "hcontainer") && !strcmp(hname, "pageBreak"))
        return page_break(w, n);
    int annex = hname && !strcmp(name, "hcontainer") && !strcmp(hname, "annex");
    int level = heading_level(name, !strcmp(name, "hcontainer") ? hname : NULL, at);
    if (!strcmp(name, "tblock") || !strcmp(name, "crossHeading")) {
        const char *cls;
        if ((rc = folio_akn_attr(a, n, "class", &cls)))
            return rc;
        level = cls && !strncmp(cls, "level-", 6) && cls[6] >= '0' && cls[6] <= '4' && !cls[7]
                    ? cls[6] - '0' : 4;
    }
    static const folio_label_kind hints[] = {FOLIO_LABEL_NONE, FOLIO_LABEL_ROMAN,
                                             FOLIO_LABEL_UPPER, FOLIO_LABEL_ARABIC,
                                             FOLIO_LABEL_NONE};
    xmlNodePtr num = NULL, heading = NULL;
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (!num && folio_akn_is(a, c, "num"))
            num = c;
        else if (!heading && folio_akn_is(a, c, "heading"))
            heading = c;
    }
    if (num && (rc = label_of(w, num, hints[level], &label, &kind)))
        return rc;
    folio_block *b = NULL;
    if (annex || num || heading || !strcmp(name, "crossHeading")) {
        if (!(b = add(w, annex ? FOLIO_BLOCK_ANNEX : FOLIO_BLOCK_HEADING, line_of(n))))
            return FOLIO_E_NOMEM;
        b->level = annex ? 0 : level;
        b->label = label;
        b->label_kind = kind;
    }
    akn_runs r = {0};
    folio_run base = {0};
    if (b && !strcmp(name, "crossHeading")) {
        if ((rc = folio_akn_inlines(a, n, base, depth + 1, &r)))
            return rc;
        folio_akn_trim(&r);
        b->runs = r.v;
        b->nruns = r.n;
        return 0;
    }
    if (b && heading) {
        if ((rc = folio_akn_inlines(a, heading, base, depth + 1, &r)))
            return rc;
        folio_akn_trim(&r);
        if (annex) { /* an annex's heading is its title: a level 0 heading */
            if (!(b = add(w, FOLIO_BLOCK_HEADING, line_of(heading))))
                return FOLIO_E_NOMEM;
        }
        b->runs = r.v;
        b->nruns = r.n;
    }
    if (strcmp(name, "chapter") && strcmp(name, "section") && strcmp(name, "subsection"))
        at.hdepth++;
    return walk_range(w, n, num, heading, depth + 1, at);
}

/* A paragraph or list item: its <num> labels the next text block. */
static int labelled(walk *w, xmlNodePtr n, int item, int depth, place at)
{
    akn *a = w->a;
    int rc = flush_pending(w);
    if (rc)
        return rc;
    int nested = !item && (at.pdepth > 0 || at.ldepth > 0);
    if (item || nested) {
        item = 1;
        at.item_level = at.ldepth + (nested ? at.pdepth : 0);
        if (at.item_level < 1)
            at.item_level = 1;
    }
    if (!item)
        at.item_level = 0;
    at.pdepth++;
    xmlNodePtr num = NULL;
    for (xmlNodePtr c = n->children; c && !num; c = c->next)
        if (folio_akn_is(a, c, "num"))
            num = c;
    const char *label = NULL;
    folio_label_kind kind = FOLIO_LABEL_NONE;
    if (!num && item && n->parent && (folio_akn_is(a, n->parent, "ul") ||
                                      folio_akn_is(a, n->parent, "ol"))) {
        /* HTML lists number themselves: a bullet, or the item's position */
        size_t pos = ++w->li;
        int ol = folio_akn_is(a, n->parent, "ol");
        label = ol ? folio_sprintf(a->rep->arena, "%zu.", pos) : "\xE2\x80\xA2";
        if (!label)
            return FOLIO_E_NOMEM;
        kind = ol ? FOLIO_LABEL_ARABIC : FOLIO_LABEL_BULLET;
        w->pending = 1;
        w->pkind = FOLIO_BLOCK_ITEM;
        w->plevel = at.item_level;
        w->plabel = label;
        w->pkind_label = kind;
        w->ppos = line_of(n);
    }
    if (num || !item) {
        if (num && (rc = label_of(w, num, item ? folio_akn_item_hint(at.item_level)
                                               : FOLIO_LABEL_ARABIC, &label, &kind)))
            return rc;
        if (num) { /* a paragraph without <num> is a plain one */
            w->pending = 1;
            w->pkind = item ? FOLIO_BLOCK_ITEM : FOLIO_BLOCK_PARAGRAPH;
            w->plevel = item ? at.item_level : 0;
            w->plabel = label;
            w->pkind_label = kind;
            w->ppos = line_of(n);
        }
    }
    rc = walk_range(w, n, num, NULL, depth + 1, at);
    return rc ? rc : flush_pending(w);
}

/* Text and inline elements straight in a container, up to the next block
 * element: one text block. */
static int loose(walk *w, xmlNodePtr from, xmlNodePtr to, int depth, place at)
{
    akn_runs r = {0};
    folio_run base = {0};
    int rc = 0;
    for (xmlNodePtr c = from; c != to && !rc; c = c->next)
        rc = folio_akn_inline_node(w->a, c, base, depth, &r);
    return rc ? rc : text_block(w, &r, line_of(from), at, 0);
}

static int is_loose(walk *w, xmlNodePtr c)
{
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
        return 1;
    const char *name = folio_akn_name(w->a, c);
    return name && folio_akn_is_inline(name) && strcmp(name, "eop") &&
           strcmp(name, "num") && strcmp(name, "heading") && strcmp(name, "subheading");
}

static int element(walk *w, xmlNodePtr c, int depth, place at)
{
    akn *a = w->a;
    const char *name = folio_akn_name(a, c);
    if (!name) {
        folio_akn_unknown(a, c, "its text is kept");
        return walk_body(w, c, depth + 1, at);
    }
    if (!strcmp(name, "p"))
        return p_block(w, c, depth, at);
    if (!strcmp(name, "table"))
        return table(w, c, depth);
    if (!strcmp(name, "eop"))
        return page_break(w, c);
    if (!strcmp(name, "num")) { /* outside what it would number: a plain line */
        akn_runs r = {0};
        folio_run base = {0};
        int rc = folio_akn_inlines(a, c, base, depth + 1, &r);
        return rc ? rc : text_block(w, &r, line_of(c), at, 0);
    }
    if (!strcmp(name, "heading") || !strcmp(name, "subheading")) {
        /* a paragraph's heading, a container's subheading: an unnumbered
         * subhead, before the text a pending label waits for */
        akn_runs r = {0};
        folio_run base = {0};
        int rc = folio_akn_inlines(a, c, base, depth + 1, &r);
        if (rc)
            return rc;
        folio_akn_trim(&r);
        folio_block *h = add(w, FOLIO_BLOCK_HEADING, line_of(c));
        if (!h)
            return FOLIO_E_NOMEM;
        h->level = 4;
        h->runs = r.v;
        h->nruns = r.n;
        return 0;
    }
    if (listed(hierarchy, COUNT(hierarchy), name))
        return container(w, c, name, depth, at);
    if (listed(para_likes, COUNT(para_likes), name))
        return labelled(w, c, 0, depth, at);
    if (listed(item_likes, COUNT(item_likes), name))
        return labelled(w, c, 1, depth, at);
    if (listed(list_likes, COUNT(list_likes), name)) {
        int rc = flush_pending(w);
        size_t li = w->li;
        at.ldepth++;
        at.item_level = 0;
        w->li = 0;
        if (!rc)
            rc = walk_body(w, c, depth + 1, at);
        w->li = li;
        return rc;
    }
    if (!strcmp(name, "caption") || listed(transparent, COUNT(transparent), name))
        return walk_body(w, c, depth + 1, at);
    folio_akn_unknown(a, c, "its text is kept");
    return walk_body(w, c, depth + 1, at);
}

static int walk_range(walk *w, xmlNodePtr parent, xmlNodePtr skip1, xmlNodePtr skip2,
                      int depth, place at)
{
    if (depth > w->a->max_depth)
        return folio_akn_too_deep(w->a, parent);
    int rc = 0;
    xmlNodePtr c = parent->children;
    while (c && !rc) {
        if (c == skip1 || c == skip2) {
            c = c->next;
            continue;
        }
        if (is_loose(w, c)) {
            xmlNodePtr end = c;
            while (end && end != skip1 && end != skip2 &&
                   (is_loose(w, end) || end->type == XML_COMMENT_NODE || end->type == XML_PI_NODE))
                end = end->next;
            rc = loose(w, c, end, depth, at);
            c = end;
            continue;
        }
        if (c->type == XML_ELEMENT_NODE)
            rc = element(w, c, depth, at);
        c = c->next;
    }
    return rc;
}

int folio_akn_body(akn *a, xmlNodePtr parent, int depth, akn_blocks *out)
{
    walk w = {.a = a, .out = out};
    place at = {0, 0, 0, 0};
    int rc = walk_body(&w, parent, depth, at);
    return rc ? rc : flush_pending(&w);
}

/* Attachments -------------------------------------------------------------*/

/* The first element named `name` under n (depth-first), or NULL. */
static xmlNodePtr find(akn *a, xmlNodePtr n, const char *name, const char *attr_name)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (folio_akn_is(a, c, name)) {
            if (!attr_name)
                return c;
            xmlChar *v = xmlGetNoNsProp(c, (const xmlChar *)"name");
            int hit = v && !strcmp((const char *)v, attr_name);
            xmlFree(v);
            if (hit)
                return c;
        }
        xmlNodePtr d = find(a, c, name, attr_name);
        if (d)
            return d;
    }
    return NULL;
}

static int plain_text(akn *a, xmlNodePtr n, const char **out)
{
    akn_runs r = {0};
    folio_run base = {0};
    *out = NULL;
    if (!n)
        return 0;
    int rc = folio_akn_inlines(a, n, base, 1, &r);
    if (rc)
        return rc;
    folio_akn_trim(&r);
    *out = folio_akn_runs_text(a, &r);
    return *out ? 0 : FOLIO_E_NOMEM;
}

int folio_akn_attachment(akn *a, xmlNodePtr doc, int depth, akn_blocks *out)
{
    if (depth > a->max_depth)
        return folio_akn_too_deep(a, doc);
    folio_block *annex = NULL;
    int rc = 0;
    walk w = {.a = a, .out = out};
    if (!(annex = add(&w, FOLIO_BLOCK_ANNEX, line_of(doc))))
        return FOLIO_E_NOMEM;
    size_t at_annex = out->n - 1; /* `annex` moves when the array grows */
    for (xmlNodePtr c = doc->children; c && !rc; c = c->next) {
        const char *name = folio_akn_name(a, c);
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (!name) {
            folio_akn_unknown(a, c, "it is left out");
        } else if (!strcmp(name, "meta")) {
            continue;
        } else if (!strcmp(name, "coverPage") || !strcmp(name, "preface")) {
            const char *label, *orig;
            xmlNodePtr title = find(a, c, "docTitle", NULL);
            if ((rc = plain_text(a, find(a, c, "docNumber", NULL), &label)) ||
                (rc = plain_text(a, find(a, c, "inline", "originalLanguage"), &orig)))
                break;
            if (label && label[0])
                out->v[at_annex].label = label;
            if (orig && orig[0])
                out->v[at_annex].original_language = orig;
            if (title) {
                akn_runs r = {0};
                folio_run base = {0};
                folio_block *h = add(&w, FOLIO_BLOCK_HEADING, line_of(title));
                if (!h)
                    return FOLIO_E_NOMEM;
                if ((rc = folio_akn_inlines(a, title, base, depth + 2, &r)))
                    break;
                folio_akn_trim(&r);
                h->runs = r.v;
                h->nruns = r.n;
            }
        } else if (!strcmp(name, "attachments")) {
            for (xmlNodePtr t = c->children; t && !rc; t = t->next) {
                xmlNodePtr d = t;
                if (folio_akn_is(a, t, "attachment")) {
                    d = NULL;
                    for (xmlNodePtr u = t->children; u && !d; u = u->next)
                        if (folio_akn_name(a, u))
                            d = u;
                }
                if (d && folio_akn_name(a, d))
                    rc = folio_akn_attachment(a, d, depth + 2, out);
            }
        } else {
            rc = folio_akn_body(a, c, depth + 1, out);
        }
    }
    return rc;
}
