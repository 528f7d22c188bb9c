/* Tagged PDF (ISO 32000-1 14.7-14.8, PDF/UA-1): marked content in the page
 * streams and the structure tree.
 *
 * Each item names a structure element of the layout's table or an artifact
 * kind (folio_item.sid). While the pages are drawn, each run of items of
 * one element becomes a marked-content sequence with an MCID, and each
 * artifact a sequence of its kind; the writer logs, in drawing order, every
 * MCID and link annotation of an element and the first time each element
 * receives content. After the pages, every element that received content
 * (itself or below) becomes one object: libharu's dictionary with no
 * entries of its own, whose contents this file writes when libharu saves
 * (an entry each through libharu's objects would cost a kilobyte per
 * paragraph). An element holding content lists it in drawing order, its
 * notes last; an element that only groups others lists them in the table's
 * reading order. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf_objects.h>
#include <hpdf_pages.h>

#include "pdf/pdf_internal.h"
#include "util/mem.h"
#include "util/vec.h"

enum { EV_MCID, EV_OBJR, EV_CHILD };

typedef struct tag_event {
    uint32_t elem;               /* whose children it joins */
    uint32_t page;               /* MCID, OBJR: the page index */
    uint32_t value;              /* the MCID, the annotation's object
                                    number, the child's sid */
    uint32_t kind;
} tag_event;

typedef struct elem_ref {        /* a written element's dictionary attr */
    struct folio_pdf_tags *t;
    uint32_t e;
} elem_ref;

struct folio_pdf_tags {
    const folio_layout *l;
    const folio_selem *elems;    /* the layout's, or `bare` */
    size_t nelems;
    uint8_t *touched;            /* per element: it has content */
    tag_event *ev;               /* drawing order */
    size_t nev, cap;
    uint32_t *page_obj;          /* per page: its object number */
    uint32_t *mcids;             /* per page: MCIDs given */
    uint32_t nannots;
    /* made by folio_pdf_tags_finish */
    tag_event *by_elem;          /* the events grouped by element */
    uint32_t *first;             /* per element: its events in by_elem */
    uint32_t *obj;               /* per element: object number, 0: none */
    elem_ref *refs;
    uint32_t root_obj;
};

static const char *const role_name[FOLIO_TAG_COUNT] = {
    [FOLIO_TAG_DOCUMENT] = "Document", [FOLIO_TAG_DIV] = "Div", [FOLIO_TAG_P] = "P",
    [FOLIO_TAG_H1] = "H1", [FOLIO_TAG_H2] = "H2", [FOLIO_TAG_H3] = "H3",
    [FOLIO_TAG_H4] = "H4", [FOLIO_TAG_H5] = "H5", [FOLIO_TAG_H6] = "H6",
    [FOLIO_TAG_L] = "L", [FOLIO_TAG_LI] = "LI", [FOLIO_TAG_LBL] = "Lbl",
    [FOLIO_TAG_LBODY] = "LBody", [FOLIO_TAG_TABLE] = "Table", [FOLIO_TAG_THEAD] = "THead",
    [FOLIO_TAG_TBODY] = "TBody", [FOLIO_TAG_TR] = "TR", [FOLIO_TAG_TH] = "TH",
    [FOLIO_TAG_TD] = "TD", [FOLIO_TAG_NOTE] = "Note", [FOLIO_TAG_REFERENCE] = "Reference",
    [FOLIO_TAG_LINK] = "Link", [FOLIO_TAG_FIGURE] = "Figure", [FOLIO_TAG_TOC] = "TOC",
    [FOLIO_TAG_TOCI] = "TOCI",
};

/* The artifacts' sequences, by role. */
static const char *const artifact_op[] = {
    [FOLIO_TAG_ARTIFACT] = "/Artifact <</Type /Layout>> BDC\n",
    [FOLIO_TAG_PAGINATION] = "/Artifact <</Type /Pagination>> BDC\n",
    [FOLIO_TAG_HEADER] = "/Artifact <</Type /Pagination /Subtype /Header>> BDC\n",
    [FOLIO_TAG_FOOTER] = "/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n",
};

/* The numbering of a list (folio_label_kind) as /ListNumbering names it. */
static const char *list_numbering(int kind)
{
    switch (kind) {
    case FOLIO_LABEL_ROMAN: return "UpperRoman";
    case FOLIO_LABEL_UPPER: return "UpperAlpha";
    case FOLIO_LABEL_ARABIC: return "Decimal";
    case FOLIO_LABEL_LOWER: return "LowerAlpha";
    case FOLIO_LABEL_LOWER_ROMAN: return "LowerRoman";
    case FOLIO_LABEL_BULLET: return "Disc";
    default: return NULL;
    }
}

static int is_artifact(int role)
{
    return role < FOLIO_TAG_DOCUMENT;
}

int folio_pdf_ops(folio_pdf *w, const char *s, size_t n)
{
    HPDF_PageAttr attr = (HPDF_PageAttr)w->page->attr;
    if (HPDF_Stream_Write(attr->stream, (const HPDF_BYTE *)s, (HPDF_UINT)n) != HPDF_OK)
        return folio_pdf_fail(w, FOLIO_E_PDF, "cannot write the page's contents");
    return 0;
}

static int log_event(folio_pdf *w, uint32_t kind, uint32_t elem, uint32_t page,
                     uint32_t value)
{
    struct folio_pdf_tags *t = w->tags;
    if (FOLIO_VEC_ROOM(t->ev, t->nev, t->cap, 1024))
        return folio_pdf_fail(w, FOLIO_E_NOMEM, "out of memory");
    t->ev[t->nev++] = (tag_event){elem, page, value, kind};
    return 0;
}

/* Element `e` receives content: it joins its parent the first time, and so
 * on up to the Document. */
static int touch(folio_pdf *w, uint32_t e)
{
    struct folio_pdf_tags *t = w->tags;
    while (e > FOLIO_SID_DOCUMENT && !t->touched[e]) {
        t->touched[e] = 1;
        uint32_t parent = t->elems[e].parent;
        int rc = log_event(w, EV_CHILD, parent, 0, e);
        if (rc)
            return rc;
        e = parent;
    }
    t->touched[FOLIO_SID_DOCUMENT] = 1;
    return 0;
}

/* The structure of a layout made without one (by hand, in tests): every
 * item is an artifact of its kind, the Document is empty. */
static const folio_selem bare[] = {
    {FOLIO_TAG_ARTIFACT, 0, 0, NULL, NULL, NULL},
    {FOLIO_TAG_PAGINATION, 0, 0, NULL, NULL, NULL},
    {FOLIO_TAG_HEADER, 0, 0, NULL, NULL, NULL},
    {FOLIO_TAG_FOOTER, 0, 0, NULL, NULL, NULL},
    {FOLIO_TAG_DOCUMENT, 0, 0, NULL, NULL, NULL},
};

int folio_pdf_tags_begin(folio_pdf *w, const folio_layout *l)
{
    const folio_selem *el = l->elems ? l->elems : bare;
    size_t n = l->elems ? l->nelems : sizeof bare / sizeof *bare;
    if (n <= FOLIO_SID_DOCUMENT || n > UINT32_MAX || el[FOLIO_SID_DOCUMENT].role != FOLIO_TAG_DOCUMENT)
        return folio_pdf_fail(w, FOLIO_E_PDF, "the layout's structure tree has no root");
    for (size_t i = 0; i < n; i++)
        if (el[i].role >= FOLIO_TAG_COUNT || (i > FOLIO_SID_DOCUMENT && el[i].parent >= i) ||
            (i > FOLIO_SID_DOCUMENT && el[i].parent < FOLIO_SID_DOCUMENT))
            return folio_pdf_fail(w, FOLIO_E_PDF, "structure element %zu is malformed", i);
    struct folio_pdf_tags *t = folio_calloc(1, sizeof *t);
    if (!t)
        return folio_pdf_fail(w, FOLIO_E_NOMEM, "out of memory");
    w->tags = t;
    w->layout = l;
    t->l = l;
    t->elems = el;
    t->nelems = n;
    t->touched = folio_calloc(n, 1);
    t->page_obj = folio_calloc(l->npages + 1, sizeof *t->page_obj);
    t->mcids = folio_calloc(l->npages + 1, sizeof *t->mcids);
    if (!t->touched || !t->page_obj || !t->mcids)
        return folio_pdf_fail(w, FOLIO_E_NOMEM, "out of memory");
    t->touched[FOLIO_SID_DOCUMENT] = 1; /* written, content or not */
    return 0;
}

int folio_pdf_tags_page(folio_pdf *w)
{
    w->tags->page_obj[w->page_index] = w->page->header.obj_id & 0x00FFFFFF;
    w->mc_open = 0;
    if (HPDF_Dict_AddNumber(w->page, "StructParents", (HPDF_INT32)w->page_index) != HPDF_OK ||
        HPDF_Dict_AddName(w->page, "Tabs", "S") != HPDF_OK)
        return folio_pdf_fail(w, FOLIO_E_PDF, "cannot tag page %zu", w->page_index + 1);
    return 0;
}

static int close_mc(folio_pdf *w)
{
    if (!w->mc_open)
        return 0;
    w->mc_open = 0;
    return folio_pdf_ops(w, "EMC\n", 4);
}

static int open_mc(folio_pdf *w, uint32_t sid, int text)
{
    struct folio_pdf_tags *t = w->tags;
    if (sid >= t->nelems)
        return folio_pdf_fail(w, FOLIO_E_PDF, "an item of structure element %u, "
                              "which the layout does not have", (unsigned)sid);
    int role = t->elems[sid].role, rc;
    if (is_artifact(role)) {
        const char *op = artifact_op[role];
        rc = folio_pdf_ops(w, op, strlen(op));
    } else if (role == FOLIO_TAG_DOCUMENT || !role_name[role]) {
        return folio_pdf_fail(w, FOLIO_E_PDF, "content directly in a %s element",
                              role == FOLIO_TAG_DOCUMENT ? "Document" : "grouping");
    } else {
        char op[64];
        uint32_t mcid = t->mcids[w->page_index]++;
        int n = snprintf(op, sizeof op, "/%s <</MCID %u>> BDC\n", role_name[role],
                         (unsigned)mcid);
        if ((rc = folio_pdf_ops(w, op, (size_t)n)) ||
            (rc = log_event(w, EV_MCID, sid, (uint32_t)w->page_index, mcid)) ||
            (rc = touch(w, sid)))
            return rc;
    }
    w->mc_open = 1;
    w->mc_in_text = text;
    w->mc_sid = sid;
    return rc;
}

int folio_pdf_mark(folio_pdf *w, uint32_t sid, int text)
{
    int rc;
    if (w->mc_open && w->mc_sid == sid && (text || !w->mc_in_text))
        return 0;
    if (w->mc_open && !w->mc_in_text && w->in_text) {
        /* a sequence begun outside a text object ends outside it */
        HPDF_Page_EndText(w->page);
        w->in_text = 0;
    }
    if ((rc = close_mc(w)))
        return rc;
    if (text && !w->in_text) {
        HPDF_Page_BeginText(w->page);
        w->in_text = 1;
        w->line_x = w->line_y = 0;
    }
    return open_mc(w, sid, text);
}

int folio_pdf_mark_end(folio_pdf *w)
{
    return close_mc(w);
}

int folio_pdf_tag_annot(folio_pdf *w, HPDF_Annotation a, uint32_t sid, const char *contents)
{
    struct folio_pdf_tags *t = w->tags;
    /* described (PDF/UA), printable (PDF/A) */
    if (HPDF_Dict_Add(a, "Contents", HPDF_String_New(w->doc->mmgr, contents, NULL)) != HPDF_OK ||
        HPDF_Dict_AddNumber(a, "F", 4) != HPDF_OK)
        return folio_pdf_fail(w, FOLIO_E_PDF, "cannot describe a link");
    if (t->elems == bare)
        return 0; /* a layout without structure: nothing to tag it in */
    if (sid >= t->nelems || is_artifact(t->elems[sid].role) ||
        t->elems[sid].role == FOLIO_TAG_DOCUMENT)
        return folio_pdf_fail(w, FOLIO_E_PDF, "a link outside any Link element");
    uint32_t key = (uint32_t)t->l->npages + t->nannots++;
    if (HPDF_Dict_AddNumber(a, "StructParent", (HPDF_INT32)key) != HPDF_OK)
        return folio_pdf_fail(w, FOLIO_E_PDF, "cannot tag a link");
    int rc = log_event(w, EV_OBJR, sid, (uint32_t)w->page_index, a->header.obj_id & 0x00FFFFFF);
    return rc ? rc : touch(w, sid);
}

/* ---- writing the tree ---------------------------------------------------*/

static HPDF_STATUS put(HPDF_Stream out, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static HPDF_STATUS put(HPDF_Stream out, const char *fmt, ...)
{
    char buf[160];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof buf)
        return HPDF_INVALID_PARAMETER;
    return HPDF_Stream_Write(out, (const HPDF_BYTE *)buf, (HPDF_UINT)n);
}

/* One UTF-8 code point at s; invalid bytes are U+FFFD (one byte). */
static uint32_t next_cp(const unsigned char *s, size_t *len)
{
    unsigned c = s[0];
    size_t n = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
             : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    uint32_t cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            n = 0;
            break;
        }
        cp = cp << 6 | (s[i] & 0x3F);
    }
    if (n == 0 || (n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (n == 4 && (cp < 0x10000 || cp > 0x10FFFF))) {
        *len = 1;
        return 0xFFFD;
    }
    *len = n;
    return cp;
}

HPDF_STATUS folio_pdf_put_text_string(HPDF_Stream out, const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    int ascii = 1;
    for (size_t i = 0; u[i]; i++)
        ascii &= u[i] >= 0x20 && u[i] < 0x7F;
    HPDF_STATUS st;
    if (ascii) {
        if ((st = HPDF_Stream_WriteChar(out, '(')) != HPDF_OK)
            return st;
        for (size_t i = 0; u[i]; i++) {
            if ((u[i] == '(' || u[i] == ')' || u[i] == '\\') &&
                (st = HPDF_Stream_WriteChar(out, '\\')) != HPDF_OK)
                return st;
            if ((st = HPDF_Stream_WriteChar(out, (char)u[i])) != HPDF_OK)
                return st;
        }
        return HPDF_Stream_WriteChar(out, ')');
    }
    if ((st = HPDF_Stream_WriteStr(out, "<FEFF")) != HPDF_OK)
        return st;
    for (size_t i = 0, len; u[i]; i += len) {
        uint32_t cp = next_cp(u + i, &len);
        if (cp >= 0x10000) {
            cp -= 0x10000;
            st = put(out, "%04X%04X", (unsigned)(0xD800 + (cp >> 10)),
                     (unsigned)(0xDC00 + (cp & 0x3FF)));
        } else {
            st = put(out, "%04X", (unsigned)cp);
        }
        if (st != HPDF_OK)
            return st;
    }
    return HPDF_Stream_WriteChar(out, '>');
}

static int is_note(const struct folio_pdf_tags *t, const tag_event *ev)
{
    return ev->kind == EV_CHILD && t->elems[ev->value].role == FOLIO_TAG_NOTE;
}

/* The K array: content in drawing order, notes last; or, for an element
 * that only groups, its children in reading order (sorted at finish). */
static HPDF_STATUS write_kids(struct folio_pdf_tags *t, uint32_t e, uint32_t pg,
                              HPDF_Stream out)
{
    const tag_event *v = t->by_elem + t->first[e];
    size_t n = t->first[e + 1] - t->first[e];
    int own = pg != UINT32_MAX;
    /* a single kid needs no array: most elements hold one sequence */
    int one = n == 1 && !(own && is_note(t, &v[0]));
    HPDF_STATUS st = HPDF_Stream_WriteStr(out, one ? "/K " : "/K[");
    size_t written = 0;
    for (int notes = 0; notes < 2 && st == HPDF_OK; notes++)
        for (size_t i = 0; i < n && st == HPDF_OK; i++) {
            const tag_event *ev = &v[i];
            if (own && is_note(t, ev) != notes)
                continue;
            if (!own && notes)
                break;
            const char *sep = written++ ? " " : "";
            if (ev->kind == EV_MCID && ev->page == pg)
                st = put(out, "%s%u", sep, (unsigned)ev->value);
            else if (ev->kind == EV_MCID)
                st = put(out, "%s<</Type/MCR/Pg %u 0 R/MCID %u>>", sep,
                         (unsigned)t->page_obj[ev->page], (unsigned)ev->value);
            else if (ev->kind == EV_OBJR)
                st = put(out, "%s<</Type/OBJR/Obj %u 0 R/Pg %u 0 R>>", sep, (unsigned)ev->value,
                         (unsigned)t->page_obj[ev->page]);
            else
                st = put(out, "%s%u 0 R", sep, (unsigned)t->obj[ev->value]);
        }
    return st == HPDF_OK ? HPDF_Stream_WriteStr(out, one ? "\n" : "]\n") : st;
}

static HPDF_STATUS write_elem(HPDF_Dict d, HPDF_Stream out)
{
    const elem_ref *r = d->attr;
    struct folio_pdf_tags *t = r->t;
    uint32_t e = r->e;
    const folio_selem *se = &t->elems[e];
    uint32_t parent = e == FOLIO_SID_DOCUMENT ? t->root_obj : t->obj[se->parent];
    /* its page: that of its first own content */
    uint32_t pg = UINT32_MAX;
    for (uint32_t i = t->first[e]; i < t->first[e + 1] && pg == UINT32_MAX; i++)
        if (t->by_elem[i].kind != EV_CHILD)
            pg = t->by_elem[i].page;
    /* written tight (no optional /Type): a long report has tens of
     * thousands of these, as objects of their own, uncompressed */
    HPDF_STATUS st = put(out, "/S/%s/P %u 0 R", role_name[se->role], (unsigned)parent);
    if (st == HPDF_OK && pg != UINT32_MAX)
        st = put(out, "/Pg %u 0 R", (unsigned)t->page_obj[pg]);
    if (st == HPDF_OK)
        st = write_kids(t, e, pg, out);
    const char *keys[3] = {"/Alt", "/Lang", "/ID"};
    const char *vals[3] = {se->alt, se->lang, se->id};
    for (int k = 0; k < 3 && st == HPDF_OK; k++)
        if (vals[k] && (st = HPDF_Stream_WriteStr(out, keys[k])) == HPDF_OK &&
            (st = folio_pdf_put_text_string(out, vals[k])) == HPDF_OK)
            st = HPDF_Stream_WriteStr(out, "\n");
    if (st == HPDF_OK && se->role == FOLIO_TAG_TH && se->attr)
        st = HPDF_Stream_WriteStr(out, "/A<</O/Table/Scope/Column>>\n");
    if (st == HPDF_OK && se->role == FOLIO_TAG_L && list_numbering(se->attr))
        st = put(out, "/A<</O/List/ListNumbering/%s>>\n", list_numbering(se->attr));
    return st;
}

static int by_id(const void *a, const void *b)
{
    return strcmp((*(const folio_selem *const *)a)->id, (*(const folio_selem *const *)b)->id);
}

/* The root: the Document, the parent tree (per page the element of each
 * MCID; per link annotation its Link) and the ID tree of the notes. */
static HPDF_STATUS write_root(HPDF_Dict d, HPDF_Stream out)
{
    struct folio_pdf_tags *t = ((const elem_ref *)d->attr)->t;
    const folio_layout *l = t->l;
    const folio_selem *el = t->elems;
    HPDF_STATUS st = put(out, "/Type /StructTreeRoot\n/K %u 0 R\n/ParentTree <</Nums [\n",
                         (unsigned)t->obj[FOLIO_SID_DOCUMENT]);
    size_t i = 0;
    for (size_t p = 0; p < l->npages && st == HPDF_OK; p++) {
        st = put(out, "%zu[", p);
        for (; i < t->nev && st == HPDF_OK; i++) {
            const tag_event *ev = &t->ev[i];
            if (ev->kind == EV_MCID && ev->page > p)
                break;
            if (ev->kind == EV_MCID)
                st = put(out, " %u 0 R", (unsigned)t->obj[ev->elem]);
        }
        if (st == HPDF_OK)
            st = HPDF_Stream_WriteStr(out, "]\n");
    }
    uint32_t key = (uint32_t)l->npages;
    for (size_t k = 0; k < t->nev && st == HPDF_OK; k++)
        if (t->ev[k].kind == EV_OBJR)
            st = put(out, "%u %u 0 R\n", (unsigned)key++, (unsigned)t->obj[t->ev[k].elem]);
    if (st == HPDF_OK)
        st = put(out, "]>>\n/ParentTreeNextKey %u\n", (unsigned)key);
    /* the notes' IDs, sorted as a name tree wants */
    size_t nids = 0;
    for (size_t e = 0; e < t->nelems; e++)
        nids += t->obj[e] && el[e].id;
    if (st != HPDF_OK || !nids)
        return st;
    const folio_selem **ids = folio_malloc(nids * sizeof *ids);
    if (!ids)
        return HPDF_FAILD_TO_ALLOC_MEM;
    nids = 0;
    for (size_t e = 0; e < t->nelems; e++)
        if (t->obj[e] && el[e].id)
            ids[nids++] = &el[e];
    qsort(ids, nids, sizeof *ids, by_id);
    st = HPDF_Stream_WriteStr(out, "/IDTree <</Names [\n");
    for (size_t k = 0; k < nids && st == HPDF_OK; k++)
        if ((st = folio_pdf_put_text_string(out, ids[k]->id)) == HPDF_OK)
            st = put(out, " %u 0 R\n", (unsigned)t->obj[ids[k] - el]);
    free(ids);
    return st == HPDF_OK ? HPDF_Stream_WriteStr(out, "]>>\n") : st;
}

static int by_child(const void *a, const void *b)
{
    uint32_t x = ((const tag_event *)a)->value, y = ((const tag_event *)b)->value;
    return x < y ? -1 : x > y;
}

/* An empty dictionary whose contents `fn` writes, as an object. */
static HPDF_Dict written_by(folio_pdf *w, HPDF_Dict_OnWriteFunc fn, elem_ref *ref)
{
    HPDF_Dict d = HPDF_Dict_New(w->doc->mmgr);
    if (!d || HPDF_Xref_Add(w->doc->xref, d) != HPDF_OK)
        return NULL;
    d->write_fn = fn;
    d->attr = ref;
    return d;
}

int folio_pdf_tags_finish(folio_pdf *w)
{
    struct folio_pdf_tags *t = w->tags;
    size_t n = t->nelems;
    /* an empty cell of a row that is there is there too: a reader walks a
     * table by column, and every row has all its columns (PDF/UA-1 7.5) */
    for (size_t e = FOLIO_SID_DOCUMENT + 1; e < n; e++) {
        int role = t->elems[e].role;
        int rc;
        if ((role == FOLIO_TAG_TH || role == FOLIO_TAG_TD) && !t->touched[e] &&
            t->touched[t->elems[e].parent] && (rc = touch(w, (uint32_t)e)))
            return rc;
    }
    t->first = folio_calloc(n + 1, sizeof *t->first);
    t->obj = folio_calloc(n, sizeof *t->obj);
    t->refs = folio_malloc((n + 1) * sizeof *t->refs);
    t->by_elem = folio_malloc((t->nev + 1) * sizeof *t->by_elem);
    if (!t->first || !t->obj || !t->refs || !t->by_elem)
        return folio_pdf_fail(w, FOLIO_E_NOMEM, "out of memory");
    /* group the events by element, keeping their order */
    for (size_t i = 0; i < t->nev; i++)
        t->first[t->ev[i].elem + 1]++;
    for (size_t e = 0; e < n; e++)
        t->first[e + 1] += t->first[e];
    uint32_t *at = folio_calloc(n + 1, sizeof *at);
    if (!at)
        return folio_pdf_fail(w, FOLIO_E_NOMEM, "out of memory");
    memcpy(at, t->first, n * sizeof *at);
    for (size_t i = 0; i < t->nev; i++)
        t->by_elem[at[t->ev[i].elem]++] = t->ev[i];
    free(at);
    /* an element that only groups lists its children in reading order */
    for (size_t e = 0; e < n; e++) {
        tag_event *v = t->by_elem + t->first[e];
        size_t k = t->first[e + 1] - t->first[e], own = 0;
        for (size_t i = 0; i < k; i++)
            own += v[i].kind != EV_CHILD;
        if (!own && k > 1)
            qsort(v, k, sizeof *v, by_child);
    }
    t->refs[n] = (elem_ref){t, 0};
    HPDF_Dict root = written_by(w, write_root, &t->refs[n]);
    if (!root)
        return folio_pdf_fail(w, FOLIO_E_PDF, "cannot make the structure tree");
    t->root_obj = root->header.obj_id & 0x00FFFFFF;
    for (size_t e = FOLIO_SID_DOCUMENT; e < n; e++) {
        if (!t->touched[e])
            continue;
        t->refs[e] = (elem_ref){t, (uint32_t)e};
        HPDF_Dict d = written_by(w, write_elem, &t->refs[e]);
        if (!d)
            return folio_pdf_fail(w, FOLIO_E_PDF, "cannot make the structure tree");
        t->obj[e] = d->header.obj_id & 0x00FFFFFF;
    }
    /* each given to the catalog as soon as it is made: the document frees
     * it whatever fails next */
    HPDF_Dict cat = w->doc->catalog, mark, prefs;
    if (!(mark = HPDF_Dict_New(w->doc->mmgr)) || HPDF_Dict_Add(cat, "MarkInfo", mark) != HPDF_OK ||
        HPDF_Dict_AddBoolean(mark, "Marked", HPDF_TRUE) != HPDF_OK ||
        !(prefs = HPDF_Dict_New(w->doc->mmgr)) ||
        HPDF_Dict_Add(cat, "ViewerPreferences", prefs) != HPDF_OK ||
        HPDF_Dict_AddBoolean(prefs, "DisplayDocTitle", HPDF_TRUE) != HPDF_OK ||
        HPDF_Dict_Add(cat, "StructTreeRoot", root) != HPDF_OK)
        return folio_pdf_fail(w, FOLIO_E_PDF, "cannot mark the document as tagged");
    return folio_pdf_check(w, "making the structure tree");
}

void folio_pdf_tags_free(folio_pdf *w)
{
    struct folio_pdf_tags *t = w->tags;
    if (!t)
        return;
    free(t->touched);
    free(t->ev);
    free(t->page_obj);
    free(t->mcids);
    free(t->by_elem);
    free(t->first);
    free(t->obj);
    free(t->refs);
    free(t);
    w->tags = NULL;
}
