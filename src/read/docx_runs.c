/* A paragraph's inline content as model runs: the text of w:t, emphasis
 * (w:b, w:i, superscript) from each run's own properties, hyperlinks by
 * their relationship, note references, line breaks. Field instructions,
 * deleted text, drawings and bookmarks carry no text of the report. */
#include <stdlib.h>
#include <string.h>

#include "read/docx_internal.h"
#include "util/mem.h"
#include "util/vec.h"

typedef struct rs {
    dxr *r;
    folio_run *v;
    size_t n, cap;
    int in_note;
    int field;        /* inside a field's instruction (begin..separate) */
    int page_break;
    int skip_mark;    /* the next text is a custom note mark */
    folio_note *marked;
    size_t *mark_at;  /* runs that are marks as text (indices) */
    size_t nmark, mark_cap;
} rs;

static int shown(dxr *r, folio_note *note, const char *mark)
{
    if (FOLIO_VEC_ROOM(r->shown, r->nshown, r->shown_cap, 16))
        return FOLIO_E_NOMEM;
    r->shown[r->nshown] = (dxr_shown){note, mark, r->nshown};
    r->nshown++;
    return 0;
}

static int on(xmlNodePtr rpr, const char *name)
{
    xmlNodePtr e = folio_dxr_child(rpr, name);
    if (!e)
        return 0;
    for (xmlAttrPtr a = e->properties; a; a = a->next)
        if (!strcmp((const char *)a->name, "val") && a->children && a->children->content) {
            const char *v = (const char *)a->children->content;
            return strcmp(v, "0") && strcmp(v, "false") && strcmp(v, "off");
        }
    return 1;
}

static unsigned style_of(xmlNodePtr rpr)
{
    unsigned s = 0;
    /* a mark set as text in the note reference's style: superscript */
    const char *rs = folio_dxr_val(folio_dxr_child(rpr, "rStyle"), "val");
    if (rs && (!strcmp(rs, "FootnoteReference") || !strcmp(rs, "EndnoteReference")))
        s |= FOLIO_SUPER;
    if (on(rpr, "b"))
        s |= FOLIO_STRONG;
    if (on(rpr, "i"))
        s |= FOLIO_EMPH;
    const char *va = folio_dxr_val(folio_dxr_child(rpr, "vertAlign"), "val");
    if (va && !strcmp(va, "superscript"))
        s |= FOLIO_SUPER;
    return s;
}

static int push(rs *s, folio_run run)
{
    folio_arena *a = s->r->rep->arena;
    if (FOLIO_ARENA_VEC_ROOM(a, s->v, s->n, s->cap, 8))
        return FOLIO_E_NOMEM;
    s->v[s->n++] = run;
    return 0;
}

static int mergeable(const folio_run *x, const folio_run *y)
{
    return x->kind == FOLIO_RUN_TEXT && y->kind == FOLIO_RUN_TEXT && x->style == y->style &&
           x->is_symbol == y->is_symbol &&
           ((!x->link && !y->link) || (x->link && y->link && !strcmp(x->link, y->link)));
}

/* Neighbouring runs of one style and link become one (Word splits text
 * into runs at will), each text copied once; a mark as text stays a run
 * of its own, its index kept. */
static int merge(rs *s)
{
    folio_arena *a = s->r->rep->arena;
    unsigned char *mark = folio_calloc(s->n ? s->n : 1, 1);
    if (!mark)
        return FOLIO_E_NOMEM;
    for (size_t i = 0; i < s->nmark; i++)
        mark[s->mark_at[i]] = 1;
    size_t o = 0, m = 0;
    int rc = 0;
    for (size_t i = 0; i < s->n && !rc;) {
        size_t j = i + 1;
        if (!mark[i])
            while (j < s->n && !mark[j] && mergeable(&s->v[i], &s->v[j]))
                j++;
        folio_run run = s->v[i];
        if (j > i + 1) {
            dxr_buf b = {0};
            for (size_t k = i; k < j && !rc; k++)
                rc = folio_dxr_buf_add(&b, s->v[k].text, strlen(s->v[k].text));
            if (!(run.text = folio_dxr_buf_done(a, &b, !rc)) && !rc)
                rc = FOLIO_E_NOMEM;
        }
        if (mark[i])
            s->mark_at[m++] = o;
        s->v[o++] = run;
        i = j;
    }
    s->n = o;
    s->nmark = m;
    free(mark);
    return rc;
}

static int text(rs *s, folio_run base, const char *t)
{
    if (!t || !*t)
        return 0;
    base.kind = FOLIO_RUN_TEXT;
    if (!(base.text = folio_strdup(s->r->rep->arena, t)))
        return FOLIO_E_NOMEM;
    return push(s, base);
}

static int note_ref(rs *s, folio_run base, xmlNodePtr n, int endnote)
{
    const char *id = folio_dxr_val(n, "id");
    folio_note *note = NULL;
    int rc = id ? s->r->note(s->r, endnote, id, &note) : 0;
    if (rc)
        return rc;
    if (!note) {
        folio_warn(s->r->ctx, folio_dxr_pos(n), "<w:%s>: no note has the id \"%s\"",
                   (const char *)n->name, id ? id : "");
        return 0;
    }
    int custom = folio_dxr_attr_int(n, "customMarkFollows", 0) ||
                 (folio_dxr_val(n, "customMarkFollows") &&
                  !strcmp(folio_dxr_val(n, "customMarkFollows"), "true"));
    if (custom) {
        s->skip_mark = 1;
        s->marked = note;
    } else {
        const char *m = folio_sprintf(s->r->rep->arena, "%d", ++s->r->autos[endnote]);
        if (!m || shown(s->r, note, m))
            return FOLIO_E_NOMEM;
    }
    base.kind = FOLIO_RUN_NOTE_REF;
    base.note = note;
    base.style = 0;
    base.link = NULL;
    return push(s, base);
}

/* The content of one w:r. */
static int run(rs *s, xmlNodePtr n, folio_run base)
{
    base.style |= style_of(folio_dxr_child(n, "rPr"));
    const char *rst = folio_dxr_val(folio_dxr_child(folio_dxr_child(n, "rPr"), "rStyle"), "val");
    int mark_style = rst && (!strcmp(rst, "FootnoteReference") ||
                             !strcmp(rst, "EndnoteReference")) && !s->in_note;
    base.pos = folio_dxr_pos(n);
    int rc = 0;
    for (xmlNodePtr c = n->children; c && !rc; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        const char *name = (const char *)c->name;
        if (!strcmp(name, "fldChar")) {
            const char *t = folio_dxr_val(c, "fldCharType");
            if (t && !strcmp(t, "begin"))
                s->field = 1;
            else if (t)
                s->field = 0;
            continue;
        }
        if (s->field)
            continue;
        if (!strcmp(name, "t")) {
            xmlChar *t = xmlNodeGetContent(c);
            if (s->skip_mark && s->marked) {
                s->marked->mark = folio_strdup(s->r->rep->arena, t ? (const char *)t : "");
                s->skip_mark = 0;
                xmlFree(t);
                if (!s->marked->mark || shown(s->r, s->marked, s->marked->mark))
                    return FOLIO_E_NOMEM;
                continue;
            }
            size_t before = s->n;
            rc = text(s, base, (const char *)t);
            xmlFree(t);
            if (!rc && mark_style && s->n > before) { /* a mark as text */
                if (FOLIO_VEC_ROOM(s->mark_at, s->nmark, s->mark_cap, 4))
                    return FOLIO_E_NOMEM;
                s->mark_at[s->nmark++] = s->n - 1;
            }
        } else if (!strcmp(name, "tab") || !strcmp(name, "ptab")) {
            rc = text(s, base, "\t");
        } else if (!strcmp(name, "noBreakHyphen")) {
            rc = text(s, base, "-");
        } else if (!strcmp(name, "br") || !strcmp(name, "cr")) {
            const char *t = folio_dxr_val(c, "type");
            if (t && !strcmp(t, "page")) {
                s->page_break = 1;
            } else if (!t || strcmp(t, "column")) {
                folio_run b = base;
                b.kind = FOLIO_RUN_LINE_BREAK;
                b.style = 0;
                b.link = NULL;
                rc = push(s, b);
            }
        } else if (!strcmp(name, "drawing") || !strcmp(name, "pict") ||
                   !strcmp(name, "object")) {
            if (!s->r->warned_image++)
                folio_warn(s->r->ctx, folio_dxr_pos(c),
                           "<w:%s>: an image or object: folio does not read it", name);
        } else if (!strcmp(name, "footnoteReference") || !strcmp(name, "endnoteReference")) {
            if (!s->in_note)
                rc = note_ref(s, base, c, name[0] == 'e');
        }
    }
    return rc;
}

static const char *link_of(dxr *r, xmlNodePtr h)
{
    const char *id = folio_dxr_val(h, "id");
    int k = r->rel_part;
    for (size_t i = 0; id && i < r->nrels[k]; i++)
        if (!strcmp(r->rels[k][i].id, id))
            return r->rels[k][i].target;
    return NULL; /* an anchor inside the document: text only */
}

static int inline_children(rs *s, xmlNodePtr p, folio_run base, int depth)
{
    if (depth > s->r->max_depth)
        return folio_error(s->r->ctx, FOLIO_E_LIMIT, folio_dxr_pos(p),
                           "<w:%s>: nesting deeper than %d", (const char *)p->name,
                           s->r->max_depth);
    int rc = 0;
    for (xmlNodePtr c = p->children; c && !rc; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        const char *name = (const char *)c->name;
        if (!strcmp(name, "r")) {
            rc = run(s, c, base);
        } else if (!strcmp(name, "hyperlink")) {
            folio_run b = base;
            b.link = link_of(s->r, c);
            if (b.link && !strncmp(b.link, "https://undocs.org/", 19))
                b.is_symbol = 1;
            rc = inline_children(s, c, b, depth + 1);
        } else if (!strcmp(name, "ins") || !strcmp(name, "smartTag") ||
                   !strcmp(name, "customXml") || !strcmp(name, "sdt") ||
                   !strcmp(name, "sdtContent") || !strcmp(name, "fldSimple") ||
                   !strcmp(name, "dir") || !strcmp(name, "bdo") || !strcmp(name, "moveTo")) {
            rc = inline_children(s, c, base, depth + 1);
        }
        /* w:pPr, w:del, w:moveFrom, bookmarks, proofing marks: no text */
    }
    return rc;
}

int folio_dxr_runs(dxr *r, xmlNodePtr p, int in_note, folio_run **runs, size_t *nruns,
                   int *page_break)
{
    rs s = {0};
    s.r = r;
    s.in_note = in_note;
    folio_run base = {0};
    base.kind = FOLIO_RUN_TEXT;
    int rc = inline_children(&s, p, base, 1);
    if (!rc)
        rc = merge(&s);
    for (size_t i = 0; !rc && i < s.nmark; i++) {
        if (FOLIO_VEC_ROOM(r->marks, r->nmarks, r->marks_cap, 16)) {
            rc = FOLIO_E_NOMEM;
            break;
        }
        r->marks[r->nmarks++] = (dxr_mark){&s.v[s.mark_at[i]], r->nshown};
    }
    free(s.mark_at);
    *runs = s.v;
    *nruns = s.n;
    if (page_break)
        *page_break = s.page_break;
    return rc;
}

static int by_mark(const void *a, const void *b)
{
    const dxr_shown *x = a, *y = b;
    int c = strcmp(x->mark, y->mark);
    return c ? c : (x->ord > y->ord) - (x->ord < y->ord);
}

void folio_dxr_resolve_marks(dxr *r)
{
    /* the references by mark, then by order: looked up by halves */
    for (size_t k = 0; k < r->nshown; k++)
        if (!r->shown[k].mark)
            r->shown[k].mark = "";
    if (r->nshown)
        qsort(r->shown, r->nshown, sizeof *r->shown, by_mark);
    for (size_t i = 0; i < r->nmarks; i++) {
        folio_run *run = r->marks[i].run;
        if (run->kind != FOLIO_RUN_TEXT || !run->text) /* a table's note by now */
            continue;
        size_t ord = r->marks[i].ord;
        dxr_shown key = {NULL, run->text, ord};
        size_t lo = 0, hi = r->nshown; /* the first at or after (mark, ord) */
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (by_mark(&r->shown[mid], &key) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        /* the same mark referenced nearest before, else next after */
        const dxr_shown *best = NULL;
        if (lo > 0 && !strcmp(r->shown[lo - 1].mark, run->text))
            best = &r->shown[lo - 1];
        else if (lo < r->nshown && !strcmp(r->shown[lo].mark, run->text))
            best = &r->shown[lo];
        if (!best)
            continue;
        run->kind = FOLIO_RUN_NOTE_REF;
        run->note = best->note;
        run->text = NULL;
        run->style = 0;
        run->link = NULL;
        run->is_symbol = 0;
    }
}

int folio_dxr_rels(dxr *r, xmlDocPtr doc, int part)
{
    xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
    size_t cap = 0;
    folio_arena *a = r->rep->arena;
    for (xmlNodePtr c = root ? root->children : NULL; c; c = c->next) {
        if (!folio_dxr_is(c, "Relationship"))
            continue;
        const char *id = folio_dxr_attr(a, c, "Id"), *t = folio_dxr_attr(a, c, "Target");
        const char *mode = folio_dxr_attr(a, c, "TargetMode");
        if (!id || !t || !mode || strcmp(mode, "External"))
            continue;
        if (FOLIO_ARENA_VEC_ROOM(a, r->rels[part], r->nrels[part], cap, 8))
            return FOLIO_E_NOMEM;
        r->rels[part][r->nrels[part]++] = (dxr_rel){id, t};
    }
    return 0;
}
