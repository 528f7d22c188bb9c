/* Akoma Ntoso bodies into the model's flat list of blocks.
 *
 * AKN nests (a chapter holds its sections, a paragraph its content, a list
 * its items); the model is a sequence. The tree is walked in document
 * order: a container's <num> and <heading> make a heading block (or, over
 * a table, its title), a <paragraph>'s <num> labels the paragraph its
 * first <p> makes, a list item's <num> labels the item its first <p>
 * makes, named containers and classes open the model's parts and give
 * roles, and text found straight inside a container (or an element folio
 * does not understand) makes a plain paragraph of its own. No text is
 * left out. */
#include <stdlib.h>
#include <string.h>

#include "read/akn_body.h"
#include "read/akn_inline.h"
#include "read/akn_label.h"
#include "read/akn_table.h"
#include "util/mem.h"

typedef struct walk {
    akn *a;
    akn_blocks *out;
    /* the label a <paragraph> or <item> gives the next text block */
    int pending;
    folio_block pend;  /* its kind, level, numbered, label, kind, pos */
    size_t li;         /* <li> so far in the innermost <ul> or <ol> */
} walk;

/* Where we are: the level of the enclosing heading container (0: none),
 * enclosing paragraph-likes and lists, the level of the enclosing list
 * item (0: none), the role text takes here, and whether we are inside a
 * part or an annex. */
typedef struct place {
    int hlevel, pdepth, ldepth, item_level;
    folio_role role;   /* of text blocks here: formula, preamble, closing... */
    int operative;     /* numbered paragraphs here are operative */
    int parts;         /* parts open around */
    int attachment;    /* inside an annex's body */
} place;

static int walk_range(walk *w, xmlNodePtr parent, xmlNodePtr skip1, xmlNodePtr skip2,
                      xmlNodePtr skip3, int depth, place at);
#define walk_body(w, parent, depth, at) walk_range(w, parent, NULL, NULL, NULL, depth, at)
static int element(walk *w, xmlNodePtr c, int depth, place at);

#define line_of folio_akn_line

static folio_block *add(walk *w, folio_block_kind kind, folio_pos pos)
{
    return folio_akn_add(w->a, w->out, kind, pos);
}

/* The pending label's block, with what the text brings. */
static folio_block *take_pending(walk *w, place at)
{
    w->pending = 0;
    folio_block *b = add(w, w->pend.kind, w->pend.pos);
    if (!b)
        return NULL;
    b->numbered = w->pend.numbered;
    b->level = w->pend.level;
    b->label = w->pend.label;
    b->label_kind = w->pend.label_kind;
    if (b->numbered && at.operative)
        b->role = FOLIO_ROLE_OPERATIVE;
    return b;
}

/* A pending label with no text of its own: an empty block. */
static int flush_pending(walk *w, place at)
{
    if (!w->pending)
        return 0;
    return take_pending(w, at) ? 0 : FOLIO_E_NOMEM;
}

/* "[Adopted without a vote.]": a resolution's adoption line. */
static int bracketed(const akn_runs *r)
{
    if (!r->n || r->v[0].kind != FOLIO_RUN_TEXT || r->v[r->n - 1].kind != FOLIO_RUN_TEXT)
        return 0;
    const char *first = r->v[0].text, *last = r->v[r->n - 1].text;
    size_t n = strlen(last);
    return first[0] == '[' && n && last[n - 1] == ']';
}

/* A block of text: the pending label's block, an item in a list item, or
 * a plain paragraph. `explicit`: a <p> (kept even when empty); `role`:
 * its class's, TEXT when none. */
static int text_block(walk *w, akn_runs *r, folio_pos pos, place at, int explicit,
                      folio_role role)
{
    folio_akn_trim(r);
    if (!r->n && !explicit)
        return 0; /* white space between elements */
    folio_block *b;
    if (w->pending) {
        if (!(b = take_pending(w, at)))
            return FOLIO_E_NOMEM;
    } else if (at.item_level) {
        if (!(b = add(w, FOLIO_BLOCK_ITEM, pos)))
            return FOLIO_E_NOMEM;
        b->level = at.item_level;
    } else if (!(b = add(w, FOLIO_BLOCK_PARAGRAPH, pos))) {
        return FOLIO_E_NOMEM;
    }
    if (role != FOLIO_ROLE_TEXT)
        b->role = role;
    else if (b->role == FOLIO_ROLE_TEXT)
        b->role = at.role == FOLIO_ROLE_CLOSING && bracketed(r) ? FOLIO_ROLE_ADOPTION : at.role;
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

static int page_break(walk *w, xmlNodePtr n, place at)
{
    int rc = flush_pending(w, at);
    if (!rc && !add(w, FOLIO_BLOCK_PAGE_BREAK, line_of(n)))
        rc = FOLIO_E_NOMEM;
    return rc;
}

/* A contents entry's typed page: an <inline name="tocPage"> (the
 * writer's, after the entry's text). */
static int is_page(walk *w, xmlNodePtr c)
{
    return folio_akn_is(w->a, c, "inline") && folio_akn_attr_has(c, "name", "tocPage");
}

static int p_block(walk *w, xmlNodePtr p, int depth, place at)
{
    if (is_page_break(w, p))
        return page_break(w, p, at);
    akn_runs r = {0};
    folio_run base = {0};
    folio_role role = folio_akn_role(p);
    const char *page = NULL;
    int rc = 0;
    if (depth + 1 > w->a->max_depth)
        return folio_akn_too_deep(w->a, p);
    for (xmlNodePtr c = p->children; c && !rc; c = c->next) {
        if (role == FOLIO_ROLE_ENTRY && !page && is_page(w, c)) {
            akn_label l;
            if (!(rc = folio_akn_label(w->a, c, FOLIO_LABEL_NONE, &l)))
                page = l.text;
        } else {
            rc = folio_akn_inline_node(w->a, c, base, depth + 1, &r);
        }
    }
    if (role == FOLIO_ROLE_TEXT && folio_akn_has_signature(w->a, p))
        role = FOLIO_ROLE_SIGNATURE;
    if (!rc && !(rc = text_block(w, &r, line_of(p), at, 1, role)) && page)
        w->out->v[w->out->n - 1].page = page;
    return rc;
}

static int runs_of(walk *w, xmlNodePtr n, int depth, akn_runs *r)
{
    folio_run base = {0};
    int rc = folio_akn_inlines(w->a, n, base, depth + 1, r);
    folio_akn_trim(r);
    return rc;
}

/* Parts ----------------------------------------------------------------------*/

int folio_akn_part_open(akn *a, akn_blocks *out, folio_part_kind kind, folio_pos pos)
{
    folio_block *b = folio_akn_add(a, out, FOLIO_BLOCK_PART, pos);
    if (!b)
        return FOLIO_E_NOMEM;
    b->part = kind;
    return 0;
}

int folio_akn_part_end(akn *a, akn_blocks *out, folio_pos pos)
{
    return folio_akn_add(a, out, FOLIO_BLOCK_PART_END, pos) ? 0 : FOLIO_E_NOMEM;
}

/* An annex container's own xml:lang: its "[Original: …]" (the writer's;
 * an inherited one is the document's language, not the annex's). */
static int annex_language(walk *w, xmlNodePtr n, const char **out)
{
    xmlChar *own = xmlGetNsProp(n, (const xmlChar *)"lang", XML_XML_NAMESPACE);
    *out = own ? folio_strdup(w->a->rep->arena, (const char *)own) : NULL;
    xmlFree(own);
    return own && !*out ? FOLIO_E_NOMEM : 0;
}

/* A named container that opens a part: its <num> is the part's label, its
 * <heading> the part's title (a summary's "Summary" line, a resolution's
 * title, the contents' "Contents"), then its content. */
static int part(walk *w, xmlNodePtr n, folio_part_kind kind, int depth, place at)
{
    akn *a = w->a;
    xmlNodePtr num = folio_akn_child(a, n, "num"), heading = folio_akn_child(a, n, "heading");
    xmlNodePtr sub = folio_akn_child(a, n, "subheading");
    akn_label label = {0};
    const char *orig = NULL;
    int rc = flush_pending(w, at);
    if (rc || (num && (rc = folio_akn_label(a, num, FOLIO_LABEL_NONE, &label))) ||
        (kind == FOLIO_PART_ANNEX && (rc = annex_language(w, n, &orig))) ||
        (rc = folio_akn_part_open(a, w->out, kind, line_of(n))))
        return rc;
    /* an annex's label and the contents' page head print as the part's;
     * a resolution's number ("Decision 3/1") is its first title line */
    int own_label = kind == FOLIO_PART_ANNEX || kind == FOLIO_PART_CONTENTS || label.said;
    folio_block *p = &w->out->v[w->out->n - 1];
    p->label = own_label ? label.text : NULL;
    p->original_language = orig;
    xmlNodePtr titles[] = {own_label ? NULL : num, heading, sub};
    for (size_t i = 0; i < 3 && !rc; i++) {
        akn_runs r = {0};
        if (!titles[i] || (!label.text && titles[i] == num))
            continue;
        if ((rc = runs_of(w, titles[i], depth, &r)))
            break;
        folio_block *b = add(w, kind == FOLIO_PART_SUMMARY ? FOLIO_BLOCK_PARAGRAPH
                                                           : FOLIO_BLOCK_HEADING,
                             line_of(titles[i]));
        if (!b)
            return FOLIO_E_NOMEM;
        if (b->kind == FOLIO_BLOCK_HEADING)
            b->level = kind == FOLIO_PART_ANNEX ? 0 : kind == FOLIO_PART_CONTENTS ? 2 : 3;
        b->role = FOLIO_ROLE_TITLE;
        b->runs = r.v;
        b->nruns = r.n;
    }
    /* the part's text has its own roles (the writer's classes) */
    at.role = FOLIO_ROLE_TEXT;
    at.operative = 0;
    at.parts++;
    if (!rc)
        rc = walk_range(w, n, num, heading, sub, depth + 1, at);
    if (!rc)
        rc = flush_pending(w, at);
    return rc ? rc : folio_akn_part_end(a, w->out, line_of(n));
}

/* The contents: each <tocItem> an entry at its level, its label from an
 * <inline name="tocNum"> (or a <num>), its typed page from an <inline
 * name="tocPage">. */
static int toc_item(walk *w, xmlNodePtr t, int depth)
{
    akn *a = w->a;
    akn_runs r = {0};
    folio_run base = {0};
    const char *level_s;
    int rc = folio_akn_attr(a, t, "level", &level_s);
    folio_block *b = rc ? NULL : add(w, FOLIO_BLOCK_ITEM, line_of(t));
    if (rc || !b)
        return rc ? rc : FOLIO_E_NOMEM;
    size_t at_b = w->out->n - 1; /* `b` moves when the array grows */
    int level = level_s ? atoi(level_s) : 1;
    level = level < 1 ? 1 : level > 3 ? 3 : level;
    static const folio_label_kind hints[] = {FOLIO_LABEL_NONE, FOLIO_LABEL_ROMAN,
                                             FOLIO_LABEL_UPPER, FOLIO_LABEL_ARABIC};
    const char *label = NULL, *page = NULL;
    folio_label_kind kind = FOLIO_LABEL_NONE;
    for (xmlNodePtr c = t->children; c && !rc; c = c->next) {
        const char *name = folio_akn_name(a, c);
        int is_num = name && (!strcmp(name, "num") || (!strcmp(name, "inline") &&
                                                      (folio_akn_attr_has(c, "name", "tocNum") ||
                                                       folio_akn_attr_has(c, "name", "num"))));
        int is_page = name && !strcmp(name, "inline") &&
                      (folio_akn_attr_has(c, "name", "tocPage") ||
                       folio_akn_attr_has(c, "name", "page"));
        if ((is_num && !label) || (is_page && !page)) {
            akn_label l;
            if ((rc = folio_akn_label(a, c, hints[level], &l)))
                break;
            if (is_num) {
                label = l.text;
                kind = l.kind;
            } else {
                page = l.text;
            }
        } else {
            rc = folio_akn_inline_node(a, c, base, depth + 1, &r);
        }
    }
    folio_akn_trim(&r);
    b = &w->out->v[at_b];
    b->level = level;
    b->role = FOLIO_ROLE_ENTRY;
    b->label = label;
    b->label_kind = kind;
    b->page = page;
    b->runs = r.v;
    b->nruns = r.n;
    return rc;
}

static int toc(walk *w, xmlNodePtr n, int depth, place at)
{
    int rc = flush_pending(w, at);
    if (rc || (rc = folio_akn_part_open(w->a, w->out, FOLIO_PART_CONTENTS, line_of(n))))
        return rc;
    if (depth > w->a->max_depth)
        return folio_akn_too_deep(w->a, n);
    at.parts++;
    for (xmlNodePtr c = n->children; c && !rc; c = c->next) {
        if (folio_akn_is(w->a, c, "tocItem"))
            rc = toc_item(w, c, depth + 1);
        else if (c->type == XML_ELEMENT_NODE)
            rc = element(w, c, depth + 1, at);
    }
    return rc ? rc : folio_akn_part_end(w->a, w->out, line_of(n));
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
    return at.hlevel + 1 < 4 ? at.hlevel + 1 : 4; /* one below what holds it */
}

static const char *const hierarchy[] = {
    "chapter",   "section", "subsection", "hcontainer", "part",       "book",
    "tome",      "title",   "subtitle",   "division",   "subdivision", "subchapter",
    "subpart",   "article", "clause",     "subclause",  "rule",        "subrule",
    "level",     "transitional", "proviso", "sublist", "tblock", "crossHeading"};
/* Block containers: a box of blocks, headed when it has a <num> or a
 * <heading> (an unnumbered subhead). */
static const char *const boxes[] = {"blockContainer", "container", "div"};
static const char *const para_likes[] = {"paragraph", "subparagraph", "alinea"};
static const char *const item_likes[] = {"item", "li", "point", "indent"};
static const char *const list_likes[] = {"blockList", "ul", "ol", "list"};
static const char *const transparent[] = {
    "content",    "intro",      "wrapUp",    "longTitle", "componentRef", "documentRef",
    "foreign",    "listIntroduction", "listWrapUp", "block", "subFlow", "embeddedStructure",
    "quotedStructure", "speechGroup", "debateSection", "speech", "from", "question",
    "answer", "other", "scene", "narrative", "summary", "administrationOfOath",
    "rollCall", "prayers", "oralStatements", "writtenStatements", "personalStatements",
    "ministerialStatements", "resolutions", "nationalInterest", "declarationOfVote",
    "communication", "petitions", "papers", "noticesOfMotion", "questions", "address",
    "proceduralMotions", "pointOfOrder", "adjournment", "introduction", "background",
    "arguments", "remedies", "motivation", "decision", "header", "judgmentBody",
    "mainBody", "body", "debateBody", "collectionBody", "portionBody", "amendmentBody",
    "components", "component", "interstitial", "coverPage", "preface", "attachments",
    "attachment"};
/* Document elements met inside a body (a component's): their text. */
static const char *const documents[] = {
    "doc", "debateReport", "statement", "act", "bill", "amendment", "amendmentList",
    "judgment", "debate", "officialGazette", "documentCollection", "portion"};
/* Parts of a resolution that give their text a role. */
static const char *const preambles[] = {"preamble", "recitals", "recital", "citations",
                                        "citation"};

/* Over a table: a container's label and title are the table's title. */
static int holds_table(walk *w, xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        const char *name = folio_akn_name(w->a, c);
        if (!name || !strcmp(name, "num") || !strcmp(name, "heading") ||
            !strcmp(name, "subheading"))
            continue;
        if (!strcmp(name, "table"))
            return 1;
        return (!strcmp(name, "content") || !strcmp(name, "intro")) && holds_table(w, c);
    }
    return 0;
}

/* "Table 1" / its title / a units line: one title paragraph, over the
 * table, its lines from the container's <num>, <heading>, <subheading>. */
static int caption(walk *w, xmlNodePtr num, xmlNodePtr heading, xmlNodePtr sub, int depth,
                   folio_pos pos)
{
    akn_runs r = {0};
    folio_run base = {0};
    int rc = 0;
    xmlNodePtr lines[] = {num, heading, sub};
    for (size_t i = 0; i < 3 && !rc; i++) {
        if (!lines[i])
            continue;
        size_t before = r.n;
        if ((rc = folio_akn_inlines(w->a, lines[i], base, depth + 1, &r)))
            break;
        akn_runs line = {r.v ? r.v + before : NULL, r.n - before, r.n - before}; /* NULL: none yet */
        folio_akn_trim(&line);
        r.n = before + line.n;
        if (line.n && i + 1 < 3 && (lines[i + 1] || (i == 0 && lines[2])))
            rc = folio_akn_push_break(w->a, &r, lines[i]);
    }
    if (rc)
        return rc;
    folio_akn_trim(&r);
    folio_block *b = add(w, FOLIO_BLOCK_PARAGRAPH, pos);
    if (!b)
        return FOLIO_E_NOMEM;
    b->role = FOLIO_ROLE_TITLE;
    b->runs = r.v;
    b->nruns = r.n;
    return 0;
}

/* A heading container: its heading block, then its content. A <num>
 * that is no number the house numbers ("Article 5", "Table 1"), on a
 * heading whose number would not print as typed, opens the heading's
 * text on a line of its own. */
static int container(walk *w, xmlNodePtr n, const char *name, int depth, place at)
{
    akn *a = w->a;
    const char *hname = NULL;
    int box = folio_akn_listed(boxes, AKN_COUNT(boxes), name);
    int rc = flush_pending(w, at);
    if (rc || (rc = folio_akn_attr(a, n, "name", &hname)))
        return rc;
    int hc = !strcmp(name, "hcontainer");
    if (hname && hc && !strcmp(hname, "pageBreak"))
        return page_break(w, n, at);
    folio_part_kind kind = hc || box ? folio_akn_part(n) : FOLIO_PART_NONE;
    if (kind == FOLIO_PART_LIST)
        kind = FOLIO_PART_NONE;
    int annex = kind == FOLIO_PART_ANNEX && hc && !at.parts && !at.attachment;
    if (kind != FOLIO_PART_NONE && !annex)
        return part(w, n, kind, depth, at);
    xmlNodePtr num = folio_akn_child(a, n, "num"), heading = folio_akn_child(a, n, "heading");
    xmlNodePtr sub = folio_akn_child(a, n, "subheading");
    if (!strcmp(name, "crossHeading"))
        num = heading = sub = NULL;
    if (!annex && (num || heading) &&
        ((hname && (hc || box) && (!strcmp(hname, "table") || !strcmp(hname, "figure"))) ||
         holds_table(w, n))) {
        if ((rc = caption(w, num, heading, sub, depth, line_of(n))))
            return rc;
        return walk_range(w, n, num, heading, sub, depth + 1, at);
    }
    int level = heading_level(name, hc ? hname : NULL, at);
    if (!strcmp(name, "tblock") || !strcmp(name, "crossHeading")) {
        const char *cls;
        if ((rc = folio_akn_attr(a, n, "class", &cls)))
            return rc;
        level = cls && !strncmp(cls, "level-", 6) && cls[6] >= '0' && cls[6] <= '4' && !cls[7]
                    ? cls[6] - '0' : 4;
    } else if (box) {
        level = 4;
    }
    static const folio_label_kind hints[] = {FOLIO_LABEL_NONE, FOLIO_LABEL_ROMAN,
                                             FOLIO_LABEL_UPPER, FOLIO_LABEL_ARABIC,
                                             FOLIO_LABEL_NONE};
    akn_label label = {0};
    if (num && (rc = folio_akn_label(a, num, hints[level], &label)))
        return rc;
    folio_block *b = NULL;
    if (annex || num || heading || !strcmp(name, "crossHeading")) {
        if (!(b = add(w, annex ? FOLIO_BLOCK_ANNEX : FOLIO_BLOCK_HEADING, line_of(n))))
            return FOLIO_E_NOMEM;
        b->level = annex ? 0 : level;
        b->label = label.text;
        b->label_kind = label.kind;
    }
    akn_runs r = {0};
    if (b && !strcmp(name, "crossHeading")) {
        if ((rc = runs_of(w, n, depth, &r)))
            return rc;
        b->runs = r.v;
        b->nruns = r.n;
        b->role = folio_akn_role(n);
        return 0;
    }
    /* a label the numbering cannot read prints only as text */
    int fold = b && !annex && level >= 1 && level <= 3 && label.text &&
               label.kind == FOLIO_LABEL_NONE && !label.said;
    if (fold) {
        folio_run t = {0};
        t.kind = FOLIO_RUN_TEXT;
        t.text = label.text;
        t.pos = line_of(num);
        if ((rc = folio_akn_push(a, &r, t)) || (heading && (rc = folio_akn_push_break(a, &r, num))))
            return rc;
        b->label = NULL;
    }
    if (b && heading) {
        size_t before = r.n;
        folio_run base = {0};
        if ((rc = folio_akn_inlines(a, heading, base, depth + 1, &r)))
            return rc;
        akn_runs line = {r.v ? r.v + before : NULL, r.n - before, r.n - before}; /* NULL: none yet */
        folio_akn_trim(&line);
        r.n = before + line.n;
        if (annex) { /* an annex's heading is its title: a level 0 heading */
            if (!(b = add(w, FOLIO_BLOCK_HEADING, line_of(heading))))
                return FOLIO_E_NOMEM;
        }
        b->role = folio_akn_role(heading);
    }
    if (b) {
        b->runs = r.v;
        b->nruns = r.n;
    }
    if (level > at.hlevel)
        at.hlevel = level;
    return walk_range(w, n, num, heading, NULL, depth + 1, at);
}

/* A paragraph or list item: its <num> labels the next text block. */
static int labelled(walk *w, xmlNodePtr n, int item, int depth, place at)
{
    akn *a = w->a;
    int rc = flush_pending(w, at);
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
    xmlNodePtr num = folio_akn_child(a, n, "num");
    akn_label label = {0};
    memset(&w->pend, 0, sizeof w->pend);
    if (!num && item && n->parent && (folio_akn_is(a, n->parent, "ul") ||
                                      folio_akn_is(a, n->parent, "ol"))) {
        /* HTML lists number themselves: a bullet, or the item's position */
        size_t pos = ++w->li;
        int ol = folio_akn_is(a, n->parent, "ol");
        label.text = ol ? folio_sprintf(a->rep->arena, "%zu.", pos) : "\xE2\x80\xA2";
        if (!label.text)
            return FOLIO_E_NOMEM;
        label.kind = ol ? FOLIO_LABEL_ARABIC : FOLIO_LABEL_BULLET;
        w->pending = 1;
        w->pend.kind = FOLIO_BLOCK_ITEM;
        w->pend.level = at.item_level;
        w->pend.label = label.text;
        w->pend.label_kind = label.kind;
        w->pend.pos = line_of(n);
    }
    if (num) {
        if ((rc = folio_akn_label(a, num, item ? folio_akn_item_hint(at.item_level)
                                               : FOLIO_LABEL_ARABIC, &label)))
            return rc;
        w->pending = 1;
        w->pend.kind = item ? FOLIO_BLOCK_ITEM : FOLIO_BLOCK_PARAGRAPH;
        /* a paragraph's number is in the paragraph sequence, unless the
         * writer says it is a label only ("To:") or it is sub-numbered */
        w->pend.numbered = !item && label.kind != FOLIO_LABEL_DECIMAL &&
                           !folio_akn_attr_has(n, "class", "unnumbered");
        w->pend.level = item ? at.item_level : 0;
        w->pend.label = label.text;
        w->pend.label_kind = label.kind;
        w->pend.pos = line_of(n);
    }
    rc = walk_range(w, n, num, NULL, NULL, depth + 1, at);
    return rc ? rc : flush_pending(w, at);
}

/* A list: its introduction belongs to what holds the list (a paragraph's
 * text), its items are one level deeper, its wrap-up again the holder's.
 * A list of class "list" is a list inside a paragraph (a part). */
static int list(walk *w, xmlNodePtr n, int depth, place at)
{
    akn *a = w->a;
    int is_part = folio_akn_part(n) == FOLIO_PART_LIST, opened = 0, rc = 0;
    place inner = at;
    size_t li = w->li;
    inner.ldepth++;
    inner.item_level = 0;
    w->li = 0;
    if (depth > a->max_depth)
        return folio_akn_too_deep(a, n);
    for (xmlNodePtr c = n->children; c && !rc; c = c->next) {
        const char *name = folio_akn_name(a, c);
        if (name && (!strcmp(name, "intro") || !strcmp(name, "listIntroduction"))) {
            rc = walk_body(w, c, depth + 1, at);
        } else if (name && (!strcmp(name, "wrapUp") || !strcmp(name, "listWrapUp"))) {
            if (!(rc = flush_pending(w, at)) && opened == 1 && is_part)
                rc = folio_akn_part_end(a, w->out, line_of(c));
            opened = opened ? 2 : 0;
            if (!rc)
                rc = walk_body(w, c, depth + 1, at);
        } else if (c->type == XML_ELEMENT_NODE || c->type == XML_TEXT_NODE ||
                   c->type == XML_CDATA_SECTION_NODE) {
            if (!opened) {
                if (c->type != XML_ELEMENT_NODE) {
                    akn_runs r = {0};
                    folio_run base = {0};
                    if ((rc = folio_akn_inline_node(a, c, base, depth + 1, &r)))
                        break;
                    folio_akn_trim(&r);
                    if (!r.n)
                        continue; /* white space before the items */
                }
                if ((rc = flush_pending(w, at)) ||
                    (is_part && (rc = folio_akn_part_open(a, w->out, FOLIO_PART_LIST,
                                                          line_of(n)))))
                    break;
                opened = 1;
            }
            if (c->type == XML_ELEMENT_NODE) {
                rc = element(w, c, depth + 1, inner);
            } else { /* text between the items: an unlabelled item */
                akn_runs r = {0};
                folio_run base = {0};
                inner.item_level = inner.ldepth;
                if (!(rc = folio_akn_inline_node(a, c, base, depth + 1, &r)))
                    rc = text_block(w, &r, line_of(c), inner, 0, FOLIO_ROLE_TEXT);
                inner.item_level = 0;
            }
        }
    }
    if (!rc && !opened)
        rc = flush_pending(w, at);
    if (!rc && is_part && opened == 1)
        rc = folio_akn_part_end(a, w->out, line_of(n));
    w->li = li;
    return rc;
}

/* Text and inline elements straight in a container, up to the next block
 * element: one text block. */
static int loose(walk *w, xmlNodePtr from, xmlNodePtr to, int depth, place at)
{
    akn_runs r = {0};
    folio_run base = {0};
    int rc = 0, signed_ = 0;
    for (xmlNodePtr c = from; c != to && !rc; c = c->next) {
        signed_ |= folio_akn_is(w->a, c, "signature");
        rc = folio_akn_inline_node(w->a, c, base, depth, &r);
    }
    return rc ? rc : text_block(w, &r, line_of(from), at, 0,
                                signed_ ? FOLIO_ROLE_SIGNATURE : FOLIO_ROLE_TEXT);
}

static int is_loose(walk *w, xmlNodePtr c)
{
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
        return 1;
    const char *name = folio_akn_name(w->a, c);
    return name && folio_akn_is_inline(name) && strcmp(name, "eop") &&
           strcmp(name, "num") && strcmp(name, "heading") && strcmp(name, "subheading") &&
           strcmp(name, "tocItem");
}

/* A lone <heading> or <subheading> (a paragraph's, a box's): an unnumbered
 * subhead, before the text a pending label waits for. */
static int subhead(walk *w, xmlNodePtr c, int depth)
{
    akn_runs r = {0};
    int rc = runs_of(w, c, depth, &r);
    if (rc)
        return rc;
    folio_block *h = add(w, FOLIO_BLOCK_HEADING, line_of(c));
    if (!h)
        return FOLIO_E_NOMEM;
    h->level = 4;
    h->role = folio_akn_role(c);
    h->runs = r.v;
    h->nruns = r.n;
    return 0;
}

int folio_akn_body_knows(const char *name)
{
    static const char *const own[] = {"p",       "table",   "eop",         "num",
                                      "heading", "subheading", "toc",      "tocItem",
                                      "formula", "conclusions", "meta",    "caption"};
    return folio_akn_listed(own, AKN_COUNT(own), name) ||
           folio_akn_listed(hierarchy, AKN_COUNT(hierarchy), name) ||
           folio_akn_listed(boxes, AKN_COUNT(boxes), name) ||
           folio_akn_listed(para_likes, AKN_COUNT(para_likes), name) ||
           folio_akn_listed(item_likes, AKN_COUNT(item_likes), name) ||
           folio_akn_listed(list_likes, AKN_COUNT(list_likes), name) ||
           folio_akn_listed(preambles, AKN_COUNT(preambles), name) ||
           folio_akn_listed(transparent, AKN_COUNT(transparent), name) ||
           folio_akn_listed(documents, AKN_COUNT(documents), name);
}

static int element(walk *w, xmlNodePtr c, int depth, place at)
{
    akn *a = w->a;
    const char *name = folio_akn_name(a, c);
    if (!name || !folio_akn_body_knows(name)) {
        folio_akn_unknown(a, c, "its text is kept");
        return walk_body(w, c, depth + 1, at);
    }
    if (!strcmp(name, "p"))
        return p_block(w, c, depth, at);
    if (!strcmp(name, "table")) {
        int rc = flush_pending(w, at);
        return rc ? rc : folio_akn_table(a, c, depth, w->out);
    }
    if (!strcmp(name, "eop"))
        return page_break(w, c, at);
    if (!strcmp(name, "num")) { /* outside what it would number: a plain line */
        akn_runs r = {0};
        folio_run base = {0};
        int rc = folio_akn_inlines(a, c, base, depth + 1, &r);
        return rc ? rc : text_block(w, &r, line_of(c), at, 0, FOLIO_ROLE_TEXT);
    }
    if (!strcmp(name, "heading") || !strcmp(name, "subheading"))
        return subhead(w, c, depth);
    if (!strcmp(name, "toc"))
        return toc(w, c, depth, at);
    if (!strcmp(name, "tocItem")) { /* outside a <toc>: its text */
        int rc = flush_pending(w, at);
        akn_runs r = {0};
        folio_run base = {0};
        if (!rc)
            rc = folio_akn_inlines(a, c, base, depth + 1, &r);
        return rc ? rc : text_block(w, &r, line_of(c), at, 0, FOLIO_ROLE_ENTRY);
    }
    if (folio_akn_listed(hierarchy, AKN_COUNT(hierarchy), name))
        return container(w, c, name, depth, at);
    if (folio_akn_listed(boxes, AKN_COUNT(boxes), name)) {
        if (folio_akn_part(c) != FOLIO_PART_NONE || folio_akn_child(a, c, "num") ||
            folio_akn_child(a, c, "heading"))
            return container(w, c, name, depth, at);
        const char *cname = NULL;
        int rc = folio_akn_attr(a, c, "name", &cname);
        if (rc)
            return rc;
        if ((cname && !strcmp(cname, "signature")) || folio_akn_attr_has(c, "class", "signature"))
            at.role = FOLIO_ROLE_SIGNATURE;
        return walk_body(w, c, depth + 1, at);
    }
    if (folio_akn_listed(para_likes, AKN_COUNT(para_likes), name))
        return labelled(w, c, 0, depth, at);
    if (folio_akn_listed(item_likes, AKN_COUNT(item_likes), name))
        return labelled(w, c, 1, depth, at);
    if (folio_akn_listed(list_likes, AKN_COUNT(list_likes), name))
        return list(w, c, depth, at);
    if (!strcmp(name, "formula")) { /* "The General Assembly," */
        at.role = FOLIO_ROLE_FORMULA;
        return walk_body(w, c, depth + 1, at);
    }
    if (folio_akn_listed(preambles, AKN_COUNT(preambles), name)) {
        at.role = FOLIO_ROLE_PREAMBLE;
        return walk_body(w, c, depth + 1, at);
    }
    if (!strcmp(name, "conclusions")) {
        if (at.operative)
            at.role = FOLIO_ROLE_CLOSING;
        return walk_body(w, c, depth + 1, at);
    }
    if (!strcmp(name, "meta"))
        return 0; /* a component's metadata: nothing to print */
    if (!strcmp(name, "caption") || folio_akn_listed(transparent, AKN_COUNT(transparent), name) ||
        folio_akn_listed(documents, AKN_COUNT(documents), name))
        return walk_body(w, c, depth + 1, at);
    folio_akn_unknown(a, c, "its text is kept"); /* folio_akn_body_knows and this disagree */
    return walk_body(w, c, depth + 1, at);
}

static int walk_range(walk *w, xmlNodePtr parent, xmlNodePtr skip1, xmlNodePtr skip2,
                      xmlNodePtr skip3, int depth, place at)
{
    if (depth > w->a->max_depth)
        return folio_akn_too_deep(w->a, parent);
    int rc = 0;
    xmlNodePtr c = parent->children;
    while (c && !rc) {
        if (c == skip1 || c == skip2 || c == skip3) {
            c = c->next;
            continue;
        }
        if (is_loose(w, c)) {
            xmlNodePtr end = c;
            while (end && end != skip1 && end != skip2 && end != skip3 &&
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

static place start(akn_context in)
{
    place at = {0};
    at.operative = in == AKN_IN_OPERATIVE;
    at.role = in == AKN_IN_PREAMBLE      ? FOLIO_ROLE_PREAMBLE
              : in == AKN_IN_CONCLUSIONS ? FOLIO_ROLE_CLOSING
                                         : FOLIO_ROLE_TEXT;
    at.attachment = in == AKN_IN_ATTACHMENT;
    return at;
}

int folio_akn_body_in(akn *a, xmlNodePtr parent, int depth, akn_context in, akn_blocks *out)
{
    walk w = {.a = a, .out = out};
    place at = start(in);
    int rc = walk_body(&w, parent, depth, at);
    return rc ? rc : flush_pending(&w, at);
}

int folio_akn_body(akn *a, xmlNodePtr parent, int depth, akn_blocks *out)
{
    return folio_akn_body_in(a, parent, depth, AKN_IN_BODY, out);
}

int folio_akn_body_node(akn *a, xmlNodePtr n, int depth, akn_blocks *out)
{
    walk w = {.a = a, .out = out};
    place at = start(AKN_IN_BODY);
    int rc = is_loose(&w, n) ? loose(&w, n, n->next, depth, at) : element(&w, n, depth, at);
    return rc ? rc : flush_pending(&w, at);
}
