/* Akoma Ntoso masthead data into folio_meta: the "doc" elements and the
 * AKN4UN <inline name="..."> fields of a <coverPage> or <preface>, the
 * lines no element names (read by akn_lines.c), and what <meta> holds for
 * folio (the job number of <presentation>, the duty station of folio's
 * <proprietary> element, the FRBR language).
 *
 * Every line of the masthead (a <p>, or text straight in a container) is
 * read whole: its field elements go to their fields, the words the house
 * prints itself around some ("Distr.:", "Original:") are left out, and
 * any other text is a line of its own. What is no line (a <toc>, a table)
 * is read as the start of the body. No text is left out. */
#include <string.h>

#include "read/akn_mast.h"
#include "read/akn_body.h"
#include "read/akn_inline.h"
#include "read/akn_label.h"
#include "read/akn_lines.h"
#include "model/xml_names.h"
#include "util/text.h"

/* An element's text (notes left out) and its first note, if any. */
static int field_text(akn *a, xmlNodePtr n, int depth, const char **text, folio_note **note)
{
    akn_runs r = {0};
    folio_run base = {0};
    int rc = folio_akn_inlines(a, n, base, depth + 1, &r);
    if (rc)
        return rc;
    folio_akn_trim(&r);
    if (note) {
        *note = NULL;
        for (size_t i = 0; i < r.n && !*note; i++)
            if (r.v[i].kind == FOLIO_RUN_NOTE_REF)
                *note = r.v[i].note;
    }
    *text = folio_akn_runs_text(a, &r);
    return *text ? 0 : FOLIO_E_NOMEM;
}

static int is_iso_date(const char *s)
{
    static const char shape[] = "dddd-dd-dd";
    for (size_t i = 0; i < sizeof shape - 1; i++)
        if (shape[i] == 'd' ? !(s[i] >= '0' && s[i] <= '9') : s[i] != shape[i])
            return 0;
    return s[sizeof shape - 1] == 0;
}

/* "16-16163 (E)": the language letter goes; folio adds it when typesetting. */
static const char *job_number(akn *a, const char *s)
{
    size_t n = strlen(s);
    if (n > 4 && s[n - 1] == ')' && s[n - 3] == '(' && s[n - 2] >= 'A' && s[n - 2] <= 'Z' &&
        s[n - 4] == ' ')
        return folio_strndup(a->rep->arena, s, n - 4);
    return s;
}

/* Is `text` one of the '\n'-separated lines of `lines`? */
static int has_line(const char *lines, const char *text)
{
    size_t n = strlen(text);
    for (const char *p = lines; p;) {
        const char *nl = strchr(p, '\n');
        size_t k = nl ? (size_t)(nl - p) : strlen(p);
        if (k == n && !memcmp(p, text, n))
            return 1;
        p = nl ? nl + 1 : NULL;
    }
    return 0;
}

/* The reading of one line: its text outside the fields, as runs. */
typedef struct line {
    xmlNodePtr at;      /* the line's element */
    int cover;          /* in the coverPage */
    int depth;
    akn_runs runs;      /* text outside the fields */
    int labelled;       /* it held a field the house prints with its own
                           words ("Distr.:", "Original:") */
    const char *from;   /* the first element without a field of its own */
    xmlNodePtr from_at; /* and where it is */
    int warned;         /* an element in it was warned about */
} line;

/* A field's second value: kept as a line (a second <docTitle> is a
 * subtitle; a second symbol, a joint document's). */
static int again(akn *a, xmlNodePtr n, line *l, const char **slot, const char *text)
{
    if (!text[0] || (*slot && !strcmp(*slot, text)))
        return 0;
    if (!*slot) {
        *slot = text;
        return 0;
    }
    return folio_akn_mast_line(a, n, text, NULL, (const char *)n->name, l->cover, 0);
}

static int language(akn *a, xmlNodePtr n, line *l, const char *text, const char **slot)
{
    const char *lang = folio_house_lang(a->house, text);
    if (!lang) {
        folio_akn_warn(a, n, "akn: language \"%s\" is not a language of the house style; "
                       "kept as a line under the rule", text);
        return folio_akn_mast_line(a, n, text, NULL, (const char *)n->name, l->cover, 1);
    }
    if (*slot && strcmp(*slot, lang))
        return folio_akn_mast_line(a, n, text, NULL, (const char *)n->name, l->cover, 0);
    *slot = folio_strdup(a->rep->arena, lang);
    return *slot ? 0 : FOLIO_E_NOMEM;
}

/* AKN4UN's <inline name="..."> fields, and folio's own names for the
 * masthead lines AKN4UN names no element for. *taken: it is one. */
static int inline_field(akn *a, xmlNodePtr n, const char *iname, line *l, int *taken)
{
    folio_meta *m = &a->rep->meta;
    const char *text;
    folio_note *note = NULL;
    int rc;
    static const char *const names[] = {"distribution", "originalLanguage",
                                        "languageOfExpression", "subTitle", "agendaItem",
                                        "agendaTitle", "meeting", "venue", "jointLine"};
    *taken = folio_akn_listed(names, AKN_COUNT(names), iname);
    if (!*taken)
        return 0;
    if ((rc = field_text(a, n, l->depth, &text, &note)))
        return rc;
    if (!strcmp(iname, "distribution")) {
        const char *ref;
        if ((rc = folio_akn_attr(a, n, "refersTo", &ref)))
            return rc;
        m->distribution = folio_akn_distr(ref && ref[0] ? ref : text);
        a->mast.seen_distr = 1;
        l->labelled = 1;
    } else if (!strcmp(iname, "originalLanguage")) {
        rc = language(a, n, l, text, &m->original_language);
        l->labelled = 1;
    } else if (!strcmp(iname, "languageOfExpression")) {
        rc = language(a, n, l, text, &m->language);
        l->labelled = 1;
    } else if (!strcmp(iname, "subTitle")) {
        rc = again(a, n, l, &m->subtitle, text);
    } else if (!strcmp(iname, "agendaItem")) {
        a->mast.have_after = 1;
        rc = again(a, n, l, &m->agenda_item, text);
        if (note && !m->agenda_note)
            m->agenda_note = note;
    } else if (!strcmp(iname, "agendaTitle")) {
        rc = again(a, n, l, &m->agenda_title, text);
        if (note && !m->agenda_note)
            m->agenda_note = note;
    } else if (!strcmp(iname, "jointLine")) { /* folio's: a joint document's */
        m->joint_lines = m->joint_lines
                             ? folio_sprintf(a->rep->arena, "%s\n%s", m->joint_lines, text)
                             : text;
        rc = m->joint_lines ? 0 : FOLIO_E_NOMEM;
    } else {
        a->mast.have_after = 1;
        rc = again(a, n, l, &m->venue_dates, text);
    }
    return rc;
}

/* The title: a <docTitle>'s, else a <shortTitle>'s (which a <docTitle>
 * then moves to the subtitle). */
static int title(akn *a, xmlNodePtr n, line *l, const char *text, folio_note *note, int shorter)
{
    folio_meta *m = &a->rep->meta;
    int rc = 0;
    if (m->title && a->mast.title_short && !shorter) {
        const char *s = m->title;
        m->title = NULL;
        a->mast.title_short = 0;
        if ((rc = again(a, n, l, &m->subtitle, s)))
            return rc;
    }
    if (!m->title) {
        m->title = text;
        if (note && !m->title_note)
            m->title_note = note;
        a->mast.title_short = shorter;
        a->mast.agenda_block = 0;
        return 0;
    }
    if (note && !m->title_note)
        m->title_note = note;
    return again(a, n, l, m->title ? &m->subtitle : &m->title, text);
}

/* A field element of a line; *taken: it is one (else its text is the
 * line's). */
static int field(akn *a, xmlNodePtr c, const char *name, line *l, int *taken)
{
    folio_meta *m = &a->rep->meta;
    const char *text = NULL, *v = NULL;
    folio_note *note = NULL;
    int rc = 0, depth = l->depth;
    *taken = 1;
    if (!strcmp(name, "docNumber") || !strcmp(name, "docketNumber")) {
        if ((rc = field_text(a, c, depth, &text, NULL)))
            return rc;
        if (!strcmp(name, "docketNumber") ||
            folio_akn_attr_has(c, "refersTo", "#publicationJobNumber"))
            rc = again(a, c, l, &m->job_number, job_number(a, text));
        else if (m->symbol && strcmp(m->symbol, text) && !m->joint_symbol)
            m->joint_symbol = text; /* a document issued under two symbols */
        else
            rc = again(a, c, l, &m->symbol, text);
    } else if (!strcmp(name, "docAuthority")) {
        if ((rc = field_text(a, c, depth, &text, NULL)))
            return rc;
        if (!text[0] || folio_akn_is_un(a->house, text))
            return 0; /* the publisher, "United Nations": the house prints it */
        /* more organs (a joint document's) one a line; AKN4UN's class for
         * the organ beside the emblem puts it first */
        int big = folio_akn_attr_has(c, "class", "rightBig");
        if (!m->organ) {
            m->organ = text;
        } else if (!has_line(m->organ, text)) {
            int first = big && !a->mast.organ_big;
            m->organ = folio_sprintf(a->rep->arena, "%s\n%s", first ? text : m->organ,
                                     first ? m->organ : text);
        }
        a->mast.organ_big |= big;
        rc = m->organ ? 0 : FOLIO_E_NOMEM;
    } else if (!strcmp(name, "docDate")) {
        if ((rc = folio_akn_attr(a, c, "date", &v)) || (rc = field_text(a, c, depth, &text, NULL)))
            return rc;
        const char *iso = v && is_iso_date(v) ? v : folio_akn_parse_date(a, text);
        if (!iso) {
            folio_akn_warn(a, c, "akn: <docDate> without a date=\"YYYY-MM-DD\"; "
                           "its text is kept as a line under the rule");
            rc = folio_akn_mast_line(a, c, text, NULL, name, l->cover, 1);
        } else if (!m->date) {
            m->date = iso;
        } else if (strcmp(m->date, iso)) { /* another date: a line of its own */
            rc = folio_akn_mast_line(a, c, text, NULL, name, l->cover, 0);
        }
    } else if (!strcmp(name, "docTitle") || !strcmp(name, "shortTitle")) {
        if ((rc = field_text(a, c, depth, &text, &note)))
            return rc;
        rc = text[0] || note ? title(a, c, l, text, note, name[0] == 's') : 0;
    } else if (!strcmp(name, "docProponent")) {
        if ((rc = field_text(a, c, depth, &text, NULL)))
            return rc;
        rc = again(a, c, l, &m->subtitle, text);
    } else if (!strcmp(name, "docCommittee")) {
        if ((rc = field_text(a, c, depth, &text, NULL)))
            return rc;
        rc = text[0] ? folio_akn_body_line(a, text) : 0;
    } else if (!strcmp(name, "session")) {
        if ((rc = field_text(a, c, depth, &text, NULL)))
            return rc;
        a->mast.have_after = 1;
        rc = again(a, c, l, &m->session, text);
    } else if (!strcmp(name, "event")) {
        if ((rc = field_text(a, c, depth, &text, NULL)))
            return rc;
        a->mast.have_after = 1;
        rc = again(a, c, l, &m->venue_dates, text);
    } else if (!strcmp(name, "inline")) {
        if ((rc = folio_akn_attr(a, c, "name", &v)))
            return rc;
        if (v && (rc = inline_field(a, c, v, l, taken)))
            return rc;
        if (!v)
            *taken = 0;
    } else {
        *taken = 0;
    }
    return rc;
}

/* Elements whose text has no field of its own: read with their line. */
static const char *const fieldless[] = {
    "docStatus", "docType", "docStage", "docPurpose", "docIntroducer", "docJurisdiction",
    "legislature", "recordedTime", "date", "time", "person", "organization", "role",
    "location", "concept", "object", "term", "entity", "quantity", "def", "abbr",
    "signature", "component", "componentRef", "placeholder", "fillIn", "outcome",
    "judge", "party", "lawyer", "courtType", "neutralCitation", "argument", "remark"};
/* Inline elements that only style or group: looked into. */
static const char *const styles[] = {
    "span", "b", "i", "u", "sup", "sub", "strong", "em", "a", "ref", "mark", "ins", "del",
    "inline", "mref", "rref", "mod", "mmod", "quotedText", "decoration", "lineage",
    "affectedDocument", "relatedDocument", "change", "opinion", "vote", "narrative",
    "summary", "tocItem", "num", "heading", "subheading", "embeddedStructure", "subFlow"};

/* The nodes from `first` up to `end` (not included). */
/* Blocks that may stand inside a line: lines of their own. */
static const char *const blocks[] = {
    "p", "block", "heading", "subheading", "li", "item", "point", "indent", "blockList",
    "ul", "ol", "list", "container", "blockContainer", "tblock", "div", "content", "intro",
    "wrapUp", "longTitle", "caption", "table", "tr", "td", "th", "thead", "tbody", "tfoot",
    "listIntroduction", "listWrapUp", "formula", "toc"};

static int line_walk(akn *a, xmlNodePtr first, xmlNodePtr end, int depth, line *l)
{
    folio_run base = {0};
    int rc = 0;
    if (depth > a->max_depth)
        return folio_akn_too_deep(a, first ? first->parent : l->at);
    for (xmlNodePtr c = first; c != end && !rc; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) {
            rc = folio_akn_inline_node(a, c, base, depth, &l->runs);
            continue;
        }
        const char *name = folio_akn_name(a, c);
        int taken = 0;
        if (!name) {
            l->warned |= folio_akn_unknown(a, c, "its text is kept");
            if (!l->from) {
                l->from = (const char *)c->name;
                l->from_at = c;
            }
            rc = line_walk(a, c->children, NULL, depth + 1, l);
        } else if ((rc = field(a, c, name, l, &taken)) || taken) {
            continue;
        } else if (!strcmp(name, "authorialNote") || !strcmp(name, "noteRef") ||
                   !strcmp(name, "br") || !strcmp(name, "eol") || !strcmp(name, "img") ||
                   !strcmp(name, "eop")) {
            rc = folio_akn_inline_node(a, c, base, depth, &l->runs);
        } else if (folio_akn_listed(fieldless, AKN_COUNT(fieldless), name)) {
            if (!l->from) {
                l->from = name;
                l->from_at = c;
            }
            rc = line_walk(a, c->children, NULL, depth + 1, l);
        } else if (folio_akn_listed(styles, AKN_COUNT(styles), name) ||
                   folio_akn_is_inline(name)) {
            rc = line_walk(a, c->children, NULL, depth + 1, l);
        } else if (!folio_akn_listed(blocks, AKN_COUNT(blocks), name)) {
            l->warned |= folio_akn_unknown(a, c, "its text is kept");
            if (!l->from) {
                l->from = name;
                l->from_at = c;
            }
            rc = line_walk(a, c->children, NULL, depth + 1, l);
        } else { /* a block inside the line: a line of its own */
            if (!(rc = folio_akn_push_break(a, &l->runs, c)) &&
                !(rc = line_walk(a, c->children, NULL, depth + 1, l)))
                rc = folio_akn_push_break(a, &l->runs, c);
        }
    }
    return rc;
}

/* A masthead paragraph too long for a line: the body's first text. */
enum { MAX_LINE_CHARS = 200 };

static int line_segment(akn *a, line *l, akn_runs *seg, akn_blocks *out)
{
    folio_akn_trim(seg);
    folio_note *note = NULL;
    for (size_t i = 0; i < seg->n && !note; i++)
        if (seg->v[i].kind == FOLIO_RUN_NOTE_REF)
            note = seg->v[i].note;
    const char *text = folio_akn_runs_text(a, seg);
    if (!text)
        return FOLIO_E_NOMEM;
    if (!text[0]) { /* a note alone: the title's, when it has none */
        if (note && !a->rep->meta.title_note)
            a->rep->meta.title_note = note;
        return 0;
    }
    if (l->labelled && folio_akn_label_words(text))
        return 0;
    if (folio_utf8_count(text, strlen(text)) > MAX_LINE_CHARS) {
        folio_block *b = folio_akn_add(a, out, FOLIO_BLOCK_PARAGRAPH, folio_akn_line(l->at));
        if (!b)
            return FOLIO_E_NOMEM;
        b->runs = seg->v;
        b->nruns = seg->n;
        if (!l->warned)
            folio_akn_warn(a, l->at, "akn: a paragraph in the %s is too long for a masthead "
                           "line; it is kept as the text's first paragraph",
                           l->cover ? "coverPage" : "preface");
        return 0;
    }
    return folio_akn_mast_line(a, l->from_at ? l->from_at : l->at, text, note, l->from,
                               l->cover, l->warned);
}

/* A line: its fields, then its other text, each line of it (split at
 * <eol/>) read as the line it is. */
static int read_line(akn *a, xmlNodePtr n, xmlNodePtr from, xmlNodePtr to, int depth,
                     int cover, akn_blocks *out)
{
    line l = {.at = from ? from : n, .cover = cover, .depth = depth};
    /* a line element's content, or text straight in a container */
    int rc = from ? line_walk(a, from, to, depth, &l) : line_walk(a, n->children, NULL, depth, &l);
    size_t start = 0;
    for (size_t i = 0; i <= l.runs.n && !rc; i++) {
        if (i < l.runs.n && l.runs.v[i].kind != FOLIO_RUN_LINE_BREAK)
            continue;
        akn_runs seg = {l.runs.v ? l.runs.v + start : NULL, i - start, i - start};
        rc = line_segment(a, &l, &seg, out);
        start = i + 1;
    }
    return rc;
}

/* Elements that hold lines: looked into. */
static const char *const groups[] = {
    "container", "blockContainer", "div", "content", "intro", "wrapUp", "longTitle",
    "listIntroduction", "listWrapUp", "tblock"};
/* Elements that are one line. */
static const char *const lines[] = {"p", "block", "heading", "subheading", "num", "li"};

static int is_loose(akn *a, xmlNodePtr c)
{
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
        return 1;
    const char *name = folio_akn_name(a, c);
    return name && (folio_akn_is_inline(name) || !strcmp(name, "inline")) &&
           strcmp(name, "tocItem");
}

static int masthead(akn *a, xmlNodePtr n, int depth, int cover, akn_blocks *out)
{
    if (depth > a->max_depth)
        return folio_akn_too_deep(a, n);
    int rc = 0;
    for (xmlNodePtr c = n->children; c && !rc;) {
        if (is_loose(a, c)) { /* text straight in a container: one line */
            xmlNodePtr end = c;
            while (end && (is_loose(a, end) || end->type == XML_COMMENT_NODE ||
                           end->type == XML_PI_NODE))
                end = end->next;
            rc = read_line(a, c->parent, c, end, depth, cover, out);
            c = end;
            continue;
        }
        const char *name = folio_akn_name(a, c);
        if (c->type != XML_ELEMENT_NODE) {
            ; /* comments */
        } else if (!name) {
            folio_akn_unknown(a, c, "its text is kept");
            rc = masthead(a, c, depth + 1, cover, out);
        } else if (folio_akn_listed(lines, AKN_COUNT(lines), name)) {
            rc = read_line(a, c, NULL, NULL, depth + 1, cover, out);
        } else if (folio_akn_listed(groups, AKN_COUNT(groups), name) &&
                   !folio_akn_part(c)) {
            rc = masthead(a, c, depth + 1, cover, out);
        } else { /* no line: a <toc>, a summary, a table: the text's start */
            if (strcmp(name, "toc") && folio_akn_part(c) == FOLIO_PART_NONE &&
                strcmp(name, "img") && folio_akn_body_knows(name)) /* else the body warns */
                folio_akn_warn(a, c, "akn: <%s> in the %s is no masthead line; it is kept "
                               "at the start of the text", name, cover ? "coverPage" : "preface");
            rc = folio_akn_body_node(a, c, depth + 1, out);
        }
        c = c->next;
    }
    return rc;
}

int folio_akn_masthead(akn *a, xmlNodePtr n, int depth, int cover, akn_blocks *out)
{
    return masthead(a, n, depth, cover, out);
}

/* <meta> below `n`: folio's station, the presentation's job number, the
 * expression's language. Everything else in <meta> is for other tools. */
static int meta_walk(akn *a, xmlNodePtr n, int depth)
{
    folio_meta *m = &a->rep->meta;
    int rc = 0;
    if (depth > a->max_depth)
        return folio_akn_too_deep(a, n);
    for (xmlNodePtr c = n->children; c && !rc; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        const char *name = (const char *)c->name, *v;
        const char *ns = c->ns && c->ns->href ? (const char *)c->ns->href : "";
        if (!strcmp(ns, FOLIO_XML_NS) && !strcmp(name, "station")) {
            xmlChar *s = xmlNodeGetContent(c);
            m->station = folio_strdup(a->rep->arena, s ? (const char *)s : "");
            xmlFree(s);
            if (!m->station)
                return FOLIO_E_NOMEM;
        } else if (!strcmp(name, "docketNumber") && !m->job_number) {
            const char *text;
            if ((rc = field_text(a, c, depth, &text, NULL)))
                return rc;
            m->job_number = job_number(a, text);
        } else if (!strcmp(name, "FRBRlanguage") && folio_akn_name(a, c) && !m->language) {
            if ((rc = folio_akn_attr(a, c, "language", &v)))
                return rc;
            const char *lang = folio_house_lang(a->house, v);
            if (lang && !(m->language = folio_strdup(a->rep->arena, lang)))
                return FOLIO_E_NOMEM;
        } else if (!strcmp(name, "notes") && folio_akn_name(a, c)) {
            continue; /* indexed already; made when referred to, or at the end */
        } else {
            rc = meta_walk(a, c, depth + 1);
        }
    }
    return rc;
}

int folio_akn_meta(akn *a, xmlNodePtr meta)
{
    return meta_walk(a, meta, 4);
}
