/* Akoma Ntoso inline content into runs, and footnotes: <authorialNote>
 * where it is referred to, <noteRef> to one (or to a <note> of
 * <meta><notes>).
 *
 * White space folds as in HTML (AKN is often written indented): every run
 * of spaces, tabs and line ends is one space, and a block's edges are
 * trimmed. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "read/akn_inline.h"
#include "util/mem.h"
#include "util/vec.h"

/* Inline elements whose text is kept as plain text: AKN's inline, marker
 * and "doc" elements that the model has no style for. */
static const char *const plain_inlines[] = {
    "inline", "span", "u", "sub", "abbr", "ins", "del", "mark",
    "docTitle", "docNumber", "docProponent", "docDate", "docAuthority", "docCommittee",
    "docIntroducer", "docPurpose", "docStage", "docStatus", "docType", "docJurisdiction",
    "docketNumber", "session", "shortTitle", "legislature", "date", "time", "person",
    "organization", "concept", "object", "event", "location", "process", "role", "term",
    "quantity", "def", "entity", "mref", "rref", "mod", "mmod", "quotedText", "outcome",
    "narrative", "summary", "recordedTime", "vote", "signature", "placeholder", "fillIn",
    "decoration", "argument", "remark", "affectedDocument", "relatedDocument", "change",
    "courtType", "neutralCitation", "opinion", "judge", "lawyer", "party", "lineage",
    "embeddedStructure", "subFlow", "tocItem", "legislature", "num", "heading", "subheading"};

/* Elements with a meaning of their own (handled below). */
static const char *const styled_inlines[] = {"b",    "strong", "i",  "em",  "sup", "a",
                                             "ref",  "br",     "eol", "eop", "img",
                                             "authorialNote",  "noteRef"};

int folio_akn_is_inline(const char *name)
{
    return folio_akn_listed(plain_inlines, AKN_COUNT(plain_inlines), name) ||
           folio_akn_listed(styled_inlines, AKN_COUNT(styled_inlines), name);
}

int folio_akn_push(akn *a, akn_runs *r, folio_run run)
{
    if (FOLIO_ARENA_VEC_ROOM(a->rep->arena, r->v, r->n, r->cap, 4))
        return FOLIO_E_NOMEM;
    r->v[r->n++] = run;
    return 0;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* A text node's text in the arena, each run of white space one space. */
static int folded(akn *a, xmlNodePtr n, const char **out)
{
    const char *s = n->content ? (const char *)n->content : "";
    char *t = folio_alloc(a->rep->arena, strlen(s) + 1), *o = t;
    if (!t)
        return FOLIO_E_NOMEM;
    while (*s) {
        if (is_space(*s)) {
            while (is_space(*s))
                s++;
            *o++ = ' ';
        } else {
            *o++ = *s++;
        }
    }
    *o = 0;
    *out = t;
    return 0;
}

const char *folio_akn_runs_text(akn *a, const akn_runs *r)
{
    size_t n = 0;
    for (size_t i = 0; i < r->n; i++)
        n += r->v[i].kind == FOLIO_RUN_TEXT ? strlen(r->v[i].text)
             : r->v[i].kind == FOLIO_RUN_LINE_BREAK ? 1 : 0;
    char *s = folio_alloc(a->rep->arena, n + 1), *o = s;
    if (!s)
        return NULL;
    for (size_t i = 0; i < r->n; i++) {
        if (r->v[i].kind == FOLIO_RUN_TEXT) {
            size_t k = strlen(r->v[i].text);
            memcpy(o, r->v[i].text, k);
            o += k;
        } else if (r->v[i].kind == FOLIO_RUN_LINE_BREAK && o > s && o[-1] != ' ') {
            *o++ = ' ';
        }
    }
    while (o > s && o[-1] == ' ') /* a line break at the end */
        o--;
    *o = 0;
    return s;
}

static void remove_run(akn_runs *r, size_t i)
{
    memmove(&r->v[i], &r->v[i + 1], (r->n - i - 1) * sizeof *r->v);
    r->n--;
}

/* Runs of white space only that trimming empties disappear; runs that
 * were empty to begin with (<span/>) stay. */
void folio_akn_trim(akn_runs *r)
{
    int space_before = 1; /* the block's start counts as a space */
    for (size_t i = 0; i < r->n;) {
        folio_run *x = &r->v[i];
        if (x->kind != FOLIO_RUN_TEXT) {
            space_before = x->kind == FOLIO_RUN_LINE_BREAK;
            i++;
            continue;
        }
        const char *t = x->text;
        if (space_before && t[0] == ' ') {
            x->text = t + 1;
            if (!x->text[0]) {
                remove_run(r, i);
                continue;
            }
        }
        if (x->text[0])
            space_before = x->text[strlen(x->text) - 1] == ' ';
        i++;
    }
    /* the end: trailing spaces, back to the last non-space text */
    while (r->n) {
        folio_run *x = &r->v[r->n - 1];
        if (x->kind != FOLIO_RUN_TEXT || !x->text[0])
            break;
        size_t n = strlen(x->text);
        if (x->text[n - 1] != ' ')
            break;
        if (n == 1) {
            r->n--;
            continue;
        }
        ((char *)x->text)[n - 1] = 0; /* the reader's own arena copy */
        break;
    }
}

int folio_akn_push_break(akn *a, akn_runs *r, xmlNodePtr n)
{
    folio_run br = {0};
    br.kind = FOLIO_RUN_LINE_BREAK;
    br.pos = folio_akn_line(n);
    return folio_akn_push(a, r, br);
}

int folio_akn_has_signature(akn *a, xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        const char *name = folio_akn_name(a, c);
        if (name && (!strcmp(name, "signature") ||
                     (folio_akn_is_inline(name) && folio_akn_has_signature(a, c))))
            return 1;
    }
    return 0;
}

/* Notes ------------------------------------------------------------------*/

static int index_walk(akn *a, xmlNodePtr n, int in_meta_notes, size_t *cap)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        const char *name = folio_akn_name(a, c);
        if (!name)
            continue;
        if (!strcmp(name, "authorialNote") || (in_meta_notes && !strcmp(name, "note"))) {
            if (a->nnotes == *cap) {
                size_t more = *cap ? *cap * 2 : 16;
                akn_note_at *v = folio_realloc(a->notes, more * sizeof *v);
                if (!v)
                    return FOLIO_E_NOMEM;
                a->notes = v;
                *cap = more;
            }
            akn_note_at *at = &a->notes[a->nnotes++];
            at->node = c;
            at->note = NULL;
            int rc = folio_akn_attr(a, c, "eId", &at->eid);
            if (!rc && !at->eid)
                rc = folio_akn_attr(a, c, "id", &at->eid); /* AKN 2.0 */
            if (rc)
                return rc;
        }
        int rc = index_walk(a, c, !strcmp(name, "notes"), cap);
        if (rc)
            return rc;
    }
    return 0;
}

static int by_eid(const void *x, const void *y)
{
    const akn_note_at *p = *(akn_note_at *const *)x, *q = *(akn_note_at *const *)y;
    int c = strcmp(p->eid, q->eid);
    return c ? c : (p > q) - (p < q); /* the first of equal eIds first */
}

int folio_akn_index_notes(akn *a, xmlNodePtr root)
{
    size_t cap = 0;
    int rc = index_walk(a, root, 0, &cap);
    if (rc)
        return rc;
    /* each note element knows its entry (libxml2 leaves _private to us) */
    for (size_t i = 0; i < a->nnotes; i++)
        a->notes[i].node->_private = (void *)(uintptr_t)(i + 1);
    if (!(a->by_eid = folio_malloc((a->nnotes ? a->nnotes : 1) * sizeof *a->by_eid)))
        return FOLIO_E_NOMEM;
    for (size_t i = 0; i < a->nnotes; i++)
        if (a->notes[i].eid)
            a->by_eid[a->nby_eid++] = &a->notes[i];
    qsort(a->by_eid, a->nby_eid, sizeof *a->by_eid, by_eid);
    /* room for every id at most half full */
    a->ids_cap = 16;
    while (a->ids_cap < 2 * a->nnotes + 2)
        a->ids_cap *= 2;
    a->ids = folio_calloc(a->ids_cap, sizeof *a->ids);
    return a->ids ? 0 : FOLIO_E_NOMEM;
}

static size_t hash(const char *s)
{
    size_t h = 5381;
    while (*s)
        h = h * 33 + (unsigned char)*s++;
    return h;
}

/* The id's slot in the set: where it is, or the empty slot it would take. */
static const char **id_slot(akn *a, const char *id)
{
    size_t i = hash(id) & (a->ids_cap - 1);
    while (a->ids[i] && strcmp(a->ids[i], id))
        i = (i + 1) & (a->ids_cap - 1);
    return &a->ids[i];
}

/* The note's id: its eId without the writer's "fn_", unique. */
static const char *note_id(akn *a, const char *eid)
{
    folio_arena *ar = a->rep->arena;
    const char *id = eid && eid[0] ? eid : NULL;
    if (id && !strncmp(id, "fn_", 3) && id[3])
        id = id + 3;
    if (!id)
        id = folio_sprintf(ar, "n%zu", a->rep->nnotes + 1);
    /* a taken id gets a suffix counted over the whole document, so that
     * many equal eIds cost no more than distinct ones */
    while (id && *id_slot(a, id))
        id = folio_sprintf(ar, "%s-%zu", eid && eid[0] ? eid : "n", ++a->dups + 1);
    if (id)
        *id_slot(a, id) = id;
    return id;
}

int folio_akn_note(akn *a, xmlNodePtr n, int depth, folio_note **out)
{
    folio_report *rep = a->rep;
    uintptr_t k = (uintptr_t)n->_private;
    akn_note_at *at = k >= 1 && k <= a->nnotes && a->notes[k - 1].node == n ? &a->notes[k - 1]
                                                                            : NULL;
    if (at && at->note) {
        *out = at->note;
        return 0;
    }
    if (depth > a->max_depth)
        return folio_akn_too_deep(a, n);
    folio_note *note = folio_alloc(rep->arena, sizeof *note);
    const char *marker;
    int rc = 0;
    if (!note || (rc = folio_akn_attr(a, n, "marker", &marker)))
        return rc ? rc : FOLIO_E_NOMEM;
    note->pos = folio_akn_line(n);
    if (!(note->id = note_id(a, at ? at->eid : NULL)))
        return FOLIO_E_NOMEM;
    /* numbered notes are numbered by folio; a symbol mark is kept */
    if (marker && marker[0] && strspn(marker, "0123456789") != strlen(marker))
        note->mark = marker;
    if (FOLIO_ARENA_VEC_ROOM(rep->arena, rep->notes, rep->nnotes, a->notes_cap, 16))
        return FOLIO_E_NOMEM;
    rep->notes[rep->nnotes++] = note;
    if (at)
        at->note = note; /* before its blocks: a note referring to itself ends here */
    *out = note;
    akn_blocks blocks = {0};
    if ((rc = a->note_body(a, n, depth + 1, &blocks)))
        return rc;
    note->blocks = blocks.v;
    note->nblocks = blocks.n;
    return 0;
}

int folio_akn_rest_notes(akn *a)
{
    for (size_t i = 0; i < a->nnotes; i++) {
        folio_note *note;
        if (!a->notes[i].note) {
            int rc = folio_akn_note(a, a->notes[i].node, 4, &note);
            if (rc)
                return rc;
        }
    }
    return 0;
}

/* <noteRef href="#id">: the note element with that eId. */
static int note_ref(akn *a, xmlNodePtr n, int depth, folio_note **out)
{
    const char *href;
    int rc = folio_akn_attr(a, n, "href", &href);
    *out = NULL;
    if (rc)
        return rc;
    const char *id = href ? (href[0] == '#' ? href + 1 : href) : "";
    size_t lo = 0, hi = a->nby_eid; /* the first note with that eId */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(a->by_eid[mid]->eid, id) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < a->nby_eid && !strcmp(a->by_eid[lo]->eid, id))
        return folio_akn_note(a, a->by_eid[lo]->node, depth, out);
    folio_akn_warn(a, n, "akn: <noteRef> points to no note (\"%s\"); left out",
                   href ? href : "");
    return 0;
}

/* Inline content -----------------------------------------------------------*/

static int is_blank(xmlNodePtr n)
{
    if (n->type != XML_TEXT_NODE && n->type != XML_CDATA_SECTION_NODE)
        return n->type == XML_COMMENT_NODE || n->type == XML_PI_NODE;
    for (const xmlChar *t = n->content; t && *t; t++)
        if (!is_space((char)*t))
            return 0;
    return 1;
}

/* A <signature>: its name, role, organization, place and date one a line,
 * as a signature block prints them. */
static int signature(akn *a, xmlNodePtr n, folio_run base, int depth, akn_runs *out)
{
    static const char *const parts[] = {"person", "role", "organization", "location",
                                        "date", "entity", "party", "judge"};
    if (depth > a->max_depth)
        return folio_akn_too_deep(a, n);
    int rc = 0, after_part = 0;
    for (xmlNodePtr c = n->children; c && !rc; c = c->next) {
        const char *name = folio_akn_name(a, c);
        int part = name && folio_akn_listed(parts, AKN_COUNT(parts), name);
        if (after_part && is_blank(c)) {
            xmlNodePtr d = c;
            while (d && is_blank(d))
                d = d->next;
            const char *next = d ? folio_akn_name(a, d) : NULL;
            if (next && folio_akn_listed(parts, AKN_COUNT(parts), next))
                continue; /* between two parts: the line break stands for it */
        }
        if (part && after_part)
            rc = folio_akn_push_break(a, out, c);
        if (!rc)
            rc = folio_akn_inline_node(a, c, base, depth, out);
        after_part = part;
    }
    return rc;
}

int folio_akn_inlines(akn *a, xmlNodePtr parent, folio_run base, int depth, akn_runs *out)
{
    if (depth > a->max_depth)
        return folio_akn_too_deep(a, parent);
    int rc = 0;
    for (xmlNodePtr n = parent->children; n && !rc; n = n->next)
        rc = folio_akn_inline_node(a, n, base, depth, out);
    return rc;
}

int folio_akn_inline_node(akn *a, xmlNodePtr n, folio_run base, int depth, akn_runs *out)
{
    xmlNodePtr parent = n->parent;
    int rc = 0;
    do {
        folio_run r = base;
        long line = xmlGetLineNo(n->type == XML_ELEMENT_NODE ? n : parent);
        r.pos = (folio_pos){line > 0 && line < 0x7FFFFFFF ? (int)line : 0, 0};
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            r.kind = FOLIO_RUN_TEXT;
            if (!(rc = folded(a, n, &r.text)) && r.text[0])
                rc = folio_akn_push(a, out, r);
            break;
        }
        if (n->type != XML_ELEMENT_NODE)
            break; /* comments, processing instructions */
        const char *name = folio_akn_name(a, n);
        int empty_run = 0; /* an element the writer uses for an empty run */
        if (!name) {
            folio_akn_unknown(a, n, "its text is kept");
        } else if (!strcmp(name, "br") || !strcmp(name, "eol")) {
            r.kind = FOLIO_RUN_LINE_BREAK;
            rc = folio_akn_push(a, out, r);
            break;
        } else if (!strcmp(name, "authorialNote") || !strcmp(name, "noteRef")) {
            r.kind = FOLIO_RUN_NOTE_REF;
            rc = name[0] == 'a' ? folio_akn_note(a, n, depth + 1, &r.note)
                                : note_ref(a, n, depth + 1, &r.note);
            if (!rc && r.note) {
                r.note->referenced = 1;
                rc = folio_akn_push(a, out, r);
            }
            break;
        } else if (!strcmp(name, "signature")) {
            rc = signature(a, n, r, depth + 1, out);
            break;
        } else if (!strcmp(name, "img") || !strcmp(name, "eop")) {
            break; /* pictures and the original's page ends: nothing to keep */
        } else if (!strcmp(name, "b") || !strcmp(name, "strong")) {
            r.style |= FOLIO_STRONG;
            empty_run = 1;
        } else if (!strcmp(name, "i") || !strcmp(name, "em")) {
            r.style |= FOLIO_EMPH;
            empty_run = 1;
        } else if (!strcmp(name, "sup")) {
            r.style |= FOLIO_SUPER;
            empty_run = 1;
        } else if (!strcmp(name, "a")) {
            if ((rc = folio_akn_attr(a, n, "href", &r.link)))
                break;
            empty_run = 1;
        } else if (!strcmp(name, "ref")) {
            const char *href;
            if ((rc = folio_akn_attr(a, n, "href", &href)))
                break;
            r.is_symbol = 1;
            r.link = href && href[0] ? href : NULL;
            empty_run = 1;
        } else if (!strcmp(name, "span")) {
            empty_run = 1;
        } else if (!folio_akn_is_inline(name) && strcmp(name, "p")) {
            folio_akn_unknown(a, n, "its text is kept");
        }
        if (!n->children && empty_run) {
            r.kind = FOLIO_RUN_TEXT;
            r.text = "";
            rc = folio_akn_push(a, out, r);
        } else {
            rc = folio_akn_inlines(a, n, r, depth + 1, out);
        }
    } while (0);
    return rc;
}
