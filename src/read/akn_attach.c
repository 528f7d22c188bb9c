/* Akoma Ntoso attachments into annexes: <attachments><attachment><doc>
 * (also a document straight in <attachments>, and the documents of a
 * <components>). An annex's label, original language and title come from
 * its coverPage and preface; their other lines are the annex's first
 * paragraphs. An attachment inside an annex is the annex's own annex. */
#include <string.h>

#include "read/akn_attach.h"
#include "read/akn_body.h"
#include "read/akn_inline.h"
#include "read/akn_lines.h"

/* Reading an annex's coverPage or preface. */
typedef struct front {
    akn *a;
    akn_blocks *out;
    size_t annex;       /* index of the annex's block in out */
    int nested;         /* a part: its title takes the title role */
    akn_runs runs;      /* the current line's other text */
    int labelled;       /* the line held the original language */
    const char *from;   /* an element of it without a field */
    int warned;
    int titled;         /* the annex has its title (a <docTitle>, or the
                           first plain line when it has none) */
} front;

static folio_block *annex_block(front *f)
{
    return &f->out->v[f->annex];
}

static int text_of(akn *a, xmlNodePtr n, int depth, const char **out)
{
    akn_runs r = {0};
    folio_run base = {0};
    int rc = folio_akn_inlines(a, n, base, depth + 1, &r);
    if (rc)
        return rc;
    folio_akn_trim(&r);
    *out = folio_akn_runs_text(a, &r);
    return *out ? 0 : FOLIO_E_NOMEM;
}

static const char *const fieldless[] = {
    "docStatus", "docType", "docStage", "docPurpose", "docIntroducer", "docJurisdiction",
    "docAuthority", "docDate", "docCommittee", "docProponent", "docketNumber", "session",
    "legislature", "shortTitle", "event"};

static int is_inline(akn *a, xmlNodePtr c)
{
    const char *name = folio_akn_name(a, c);
    return c->type != XML_ELEMENT_NODE ||
           (name && (folio_akn_is_inline(name) || !strcmp(name, "inline")));
}

/* The nodes from `first` up to `end` (not included). */
static int front_walk(front *f, xmlNodePtr first, xmlNodePtr end, int depth)
{
    akn *a = f->a;
    folio_run base = {0};
    int rc = 0;
    if (first && depth > a->max_depth)
        return folio_akn_too_deep(a, first->parent);
    for (xmlNodePtr c = first; c != end && !rc; c = c->next) {
        const char *name = folio_akn_name(a, c);
        if (c->type != XML_ELEMENT_NODE) {
            rc = folio_akn_inline_node(a, c, base, depth, &f->runs);
        } else if (!name) {
            f->warned |= folio_akn_unknown(a, c, "its text is kept");
            rc = front_walk(f, c->children, NULL, depth + 1);
        } else if (!strcmp(name, "docNumber") && !annex_block(f)->label) {
            const char *label;
            if (!(rc = text_of(a, c, depth, &label)) && label[0])
                annex_block(f)->label = label;
        } else if (!strcmp(name, "inline") && folio_akn_attr_has(c, "name", "originalLanguage") &&
                   !annex_block(f)->original_language) {
            const char *orig;
            if (!(rc = text_of(a, c, depth, &orig)) && orig[0])
                annex_block(f)->original_language = orig;
            f->labelled = 1;
        } else if (!strcmp(name, "docTitle")) { /* the annex's title */
            akn_runs r = {0};
            if ((rc = folio_akn_inlines(a, c, base, depth + 1, &r)))
                break;
            folio_akn_trim(&r);
            folio_block *h = folio_akn_add(a, f->out, FOLIO_BLOCK_HEADING, folio_akn_line(c));
            if (!h)
                return FOLIO_E_NOMEM;
            h->role = f->nested ? FOLIO_ROLE_TITLE : FOLIO_ROLE_TEXT;
            h->runs = r.v;
            h->nruns = r.n;
            f->titled = 1;
        } else if (folio_akn_listed(fieldless, AKN_COUNT(fieldless), name)) {
            f->from = f->from ? f->from : name;
            rc = front_walk(f, c->children, NULL, depth + 1);
        } else if (folio_akn_is_inline(name) || !strcmp(name, "inline")) {
            rc = (!strcmp(name, "authorialNote") || !strcmp(name, "noteRef") ||
                  !strcmp(name, "br") || !strcmp(name, "eol") || !strcmp(name, "img") ||
                  !strcmp(name, "eop") || !strcmp(name, "signature"))
                     ? folio_akn_inline_node(a, c, base, depth, &f->runs)
                     : front_walk(f, c->children, NULL, depth + 1);
        } else { /* a block: its lines */
            if (!(rc = folio_akn_push_break(a, &f->runs, c)) &&
                !(rc = front_walk(f, c->children, NULL, depth + 1)))
                rc = folio_akn_push_break(a, &f->runs, c);
        }
    }
    return rc;
}

/* The lines of the text the fields left: "[Original: French]", "Annex
 * II" when no <docNumber> said it, else paragraphs of the annex. */
static int front_lines(front *f, xmlNodePtr at)
{
    akn *a = f->a;
    size_t start = 0;
    int rc = 0;
    for (size_t i = 0; i <= f->runs.n && !rc; i++) {
        if (i < f->runs.n && f->runs.v[i].kind != FOLIO_RUN_LINE_BREAK)
            continue;
        akn_runs seg = {f->runs.v ? f->runs.v + start : NULL, i - start, i - start};
        start = i + 1;
        folio_akn_trim(&seg);
        const char *text = folio_akn_runs_text(a, &seg), *orig;
        if (!text)
            return FOLIO_E_NOMEM;
        int notes = 0;
        for (size_t k = 0; k < seg.n; k++)
            notes |= seg.v[k].kind == FOLIO_RUN_NOTE_REF;
        if ((!text[0] && !notes) || (f->labelled && folio_akn_label_words(text)))
            continue;
        folio_block *annex = annex_block(f);
        if (!annex->original_language && (orig = folio_akn_bracket_original(a, text))) {
            annex->original_language = orig;
        } else if (!annex->label && !notes && folio_akn_is_annex_line(a, text)) {
            annex->label = text;
        } else {
            /* the first other line of an annex without a <docTitle>: its title */
            int title = !f->titled && !f->from;
            folio_block *p = folio_akn_add(a, f->out, title ? FOLIO_BLOCK_HEADING
                                                            : FOLIO_BLOCK_PARAGRAPH,
                                           folio_akn_line(at));
            if (!p)
                return FOLIO_E_NOMEM;
            if (title) {
                p->role = f->nested ? FOLIO_ROLE_TITLE : FOLIO_ROLE_TEXT;
                f->titled = 1;
            }
            p->runs = seg.v;
            p->nruns = seg.n;
            if (f->from && !f->warned)
                folio_akn_warn(a, at, "akn: <%s> in an annex's %s has no field of its own; its "
                               "text is kept as a paragraph", f->from, (const char *)at->parent->name);
        }
    }
    return rc;
}

/* Does n hold a <docTitle>? */
static int has_title(akn *a, xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (folio_akn_is(a, c, "docTitle") || (c->type == XML_ELEMENT_NODE && has_title(a, c)))
            return 1;
    return 0;
}

/* An annex's coverPage or preface, line by line. */
static int front_part(front *f, xmlNodePtr n, int depth)
{
    static const char *const groups[] = {"container", "blockContainer", "div", "longTitle",
                                         "content", "tblock"};
    akn *a = f->a;
    int rc = 0;
    if (depth > a->max_depth)
        return folio_akn_too_deep(a, n);
    for (xmlNodePtr c = n->children; c && !rc;) {
        const char *name = folio_akn_name(a, c);
        xmlNodePtr end = c->next;
        f->runs = (akn_runs){0};
        f->labelled = f->warned = 0;
        f->from = NULL;
        if (c->type == XML_COMMENT_NODE || c->type == XML_PI_NODE) {
            ;
        } else if (name && folio_akn_listed(groups, AKN_COUNT(groups), name)) {
            rc = front_part(f, c, depth + 1);
        } else if (is_inline(a, c)) { /* text straight in it: one line */
            while (end && is_inline(a, end))
                end = end->next;
            if (!(rc = front_walk(f, c, end, depth + 1)))
                rc = front_lines(f, c);
        } else { /* a <p>, or an element folio does not know: its lines */
            if (!name)
                f->warned |= folio_akn_unknown(a, c, "its text is kept");
            if (!(rc = front_walk(f, c->children, NULL, depth + 1)))
                rc = front_lines(f, c);
        }
        c = end;
    }
    return rc;
}

int folio_akn_annex_doc(akn *a, xmlNodePtr doc, int depth, int nested, akn_blocks *out)
{
    if (depth > a->max_depth)
        return folio_akn_too_deep(a, doc);
    folio_block *b = folio_akn_add(a, out, nested ? FOLIO_BLOCK_PART : FOLIO_BLOCK_ANNEX,
                                   folio_akn_line(doc));
    if (!b)
        return FOLIO_E_NOMEM;
    if (nested)
        b->part = FOLIO_PART_ANNEX;
    front f = {.a = a, .out = out, .annex = out->n - 1, .nested = nested};
    int rc = 0;
    for (xmlNodePtr c = doc->children; c && !rc; c = c->next) {
        const char *name = folio_akn_name(a, c);
        if (c->type != XML_ELEMENT_NODE) {
            if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
                rc = folio_akn_body_node(a, c, depth + 1, out); /* stray text: kept */
        } else if (!name) {
            folio_akn_unknown(a, c, "its text is kept");
            rc = folio_akn_body_in(a, c, depth + 1, AKN_IN_ATTACHMENT, out);
        } else if (!strcmp(name, "meta")) {
            continue;
        } else if (!strcmp(name, "coverPage") || !strcmp(name, "preface")) {
            f.titled |= has_title(a, c);
            rc = front_part(&f, c, depth + 1);
        } else if (!strcmp(name, "attachments")) {
            rc = folio_akn_attachments(a, c, depth + 1, 1, out);
        } else {
            rc = folio_akn_body_in(a, c, depth + 1, AKN_IN_ATTACHMENT, out);
        }
    }
    if (!rc && nested)
        rc = folio_akn_part_end(a, out, folio_akn_line(doc));
    return rc;
}

int folio_akn_attachments(akn *a, xmlNodePtr atts, int depth, int nested, akn_blocks *out)
{
    int rc = 0;
    if (depth > a->max_depth)
        return folio_akn_too_deep(a, atts);
    for (xmlNodePtr t = atts->children; t && !rc; t = t->next) {
        const char *name = folio_akn_name(a, t);
        if (t->type != XML_ELEMENT_NODE) {
            if (t->type == XML_TEXT_NODE || t->type == XML_CDATA_SECTION_NODE)
                rc = folio_akn_body_node(a, t, depth + 1, out);
        } else if (name && !strcmp(name, "attachment")) {
            /* its document; what else it holds (an <interstitial>) is text */
            for (xmlNodePtr u = t->children; u && !rc; u = u->next) {
                const char *un = folio_akn_name(a, u);
                if (u->type != XML_ELEMENT_NODE && u->type != XML_TEXT_NODE &&
                    u->type != XML_CDATA_SECTION_NODE)
                    continue;
                if (un && (!strcmp(un, "interstitial") || !strcmp(un, "documentRef") ||
                           !strcmp(un, "componentRef")))
                    rc = folio_akn_body_in(a, u, depth + 2, AKN_IN_ATTACHMENT, out);
                else if (un)
                    rc = folio_akn_annex_doc(a, u, depth + 2, nested, out);
                else if (u->type == XML_ELEMENT_NODE) {
                    folio_akn_unknown(a, u, "its text is kept");
                    rc = folio_akn_body_in(a, u, depth + 2, AKN_IN_ATTACHMENT, out);
                } else {
                    rc = folio_akn_body_node(a, u, depth + 2, out);
                }
            }
        } else if (name && !strcmp(name, "interstitial")) {
            rc = folio_akn_body_in(a, t, depth + 1, AKN_IN_ATTACHMENT, out);
        } else if (name) { /* the document straight in <attachments> */
            rc = folio_akn_annex_doc(a, t, depth + 1, nested, out);
        } else {
            folio_akn_unknown(a, t, "its text is kept");
            rc = folio_akn_body_in(a, t, depth + 1, AKN_IN_ATTACHMENT, out);
        }
    }
    return rc;
}
