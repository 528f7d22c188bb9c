/* Akoma Ntoso masthead data into folio_meta: the "doc" elements and the
 * AKN4UN <inline name="..."> fields of a <coverPage> or <preface>, and
 * what <meta> holds for folio (the job number of <presentation>, the
 * duty station of folio's <proprietary> element, the FRBR language). */
#include <string.h>

#include "read/akn_internal.h"
#include "model/xml_names.h"

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

static int language(akn *a, xmlNodePtr n, const char *text, const char **slot)
{
    const char *lang = folio_house_lang(a->house, text);
    if (!lang) {
        folio_akn_warn(a, n, "akn: language \"%s\" is not a language of the house style; ignored",
                   text);
        return 0;
    }
    *slot = folio_strdup(a->rep->arena, lang);
    return *slot ? 0 : FOLIO_E_NOMEM;
}

static int attr_is(akn *a, xmlNodePtr n, const char *name, const char *value)
{
    const char *v;
    return !folio_akn_attr(a, n, name, &v) && v && !strcmp(v, value);
}

/* AKN4UN's <inline name="..."> fields, and folio's own names for the
 * masthead lines AKN4UN names no element for. */
static int inline_field(akn *a, xmlNodePtr n, const char *iname, int depth, int *taken)
{
    folio_meta *m = &a->rep->meta;
    const char *text;
    folio_note *note = NULL;
    int rc;
    static const char *const names[] = {"distribution", "originalLanguage",
                                        "languageOfExpression", "subTitle", "agendaItem",
                                        "agendaTitle", "meeting", "venue"};
    *taken = 0;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && !*taken; i++)
        *taken = !strcmp(iname, names[i]);
    if (!*taken)
        return 0;
    if ((rc = field_text(a, n, depth, &text, &note)))
        return rc;
    if (!strcmp(iname, "distribution")) {
        const char *ref;
        if ((rc = folio_akn_attr(a, n, "refersTo", &ref)))
            return rc;
        m->distribution = folio_akn_distr(ref && ref[0] ? ref : text);
    } else if (!strcmp(iname, "originalLanguage")) {
        rc = language(a, n, text, &m->original_language);
    } else if (!strcmp(iname, "languageOfExpression")) {
        rc = language(a, n, text, &m->language);
    } else if (!strcmp(iname, "subTitle")) {
        m->subtitle = text;
    } else if (!strcmp(iname, "agendaItem")) {
        m->agenda_item = text;
        if (note)
            m->agenda_note = note;
    } else if (!strcmp(iname, "agendaTitle")) {
        m->agenda_title = text;
        if (note && !m->agenda_note)
            m->agenda_note = note;
    } else {
        m->venue_dates = text;
    }
    return rc;
}

/* Elements of a masthead that hold text but no field folio prints. */
static const char *const unused[] = {
    "docStatus", "docType", "docStage", "docPurpose", "docIntroducer", "docJurisdiction",
    "shortTitle", "legislature", "img", "eol", "br", "eop", "recordedTime", "date", "time",
    "person", "organization", "role", "location", "concept", "object", "term", "entity",
    "quantity", "def", "abbr", "noteRef", "toc", "tocItem", "signature", "component",
    "componentRef"};
/* Elements that only group the fields: looked into. */
static const char *const groups[] = {
    "p",    "container", "block", "blockContainer", "longTitle", "span", "b",     "i",
    "u",    "sup",       "sub",   "strong",         "em",        "tblock", "div", "a",
    "ref",  "inline",    "num",   "heading",        "subheading", "content", "intro",
    "ul",   "ol",        "li",    "blockList",      "item",      "table", "tr",   "td",
    "th",   "tbody",     "thead", "listIntroduction", "listWrapUp", "mark", "ins", "del"};

static int listed(const char *const *list, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(list[i], name))
            return 1;
    return 0;
}

#define COUNT(a) (sizeof a / sizeof a[0])

static int masthead_element(akn *a, xmlNodePtr c, const char *name, int depth)
{
    folio_meta *m = &a->rep->meta;
    const char *text = NULL, *v = NULL;
    folio_note *note = NULL;
    int rc = 0;
    if (!strcmp(name, "docNumber") || !strcmp(name, "docketNumber")) {
        if ((rc = field_text(a, c, depth, &text, NULL)))
            return rc;
        if (!strcmp(name, "docketNumber") || attr_is(a, c, "refersTo", "#publicationJobNumber"))
            m->job_number = m->job_number ? m->job_number : job_number(a, text);
        else if (!m->symbol)
            m->symbol = text;
    } else if (!strcmp(name, "docAuthority")) {
        if ((rc = field_text(a, c, depth, &text, NULL)) ||
            (rc = folio_akn_attr(a, c, "class", &v)))
            return rc;
        if (v && strstr(v, "rightBig"))
            m->organ = text; /* AKN4UN's class for the organ beside the emblem */
        else if (!m->organ && !folio_akn_is_un(a->house, text))
            m->organ = text;
    } else if (!strcmp(name, "docDate")) {
        if ((rc = folio_akn_attr(a, c, "date", &v)))
            return rc;
        if (v && is_iso_date(v))
            m->date = m->date ? m->date : v;
        else
            folio_akn_warn(a, c, "akn: <docDate> without a date=\"YYYY-MM-DD\"; ignored");
    } else if (!strcmp(name, "docTitle")) {
        if ((rc = field_text(a, c, depth, &text, &note)))
            return rc;
        if (!m->title) {
            m->title = text;
            m->title_note = note;
        }
    } else if (!strcmp(name, "docProponent")) {
        if ((rc = field_text(a, c, depth, &text, NULL)))
            return rc;
        m->subtitle = m->subtitle ? m->subtitle : text;
    } else if (!strcmp(name, "docCommittee")) {
        if ((rc = field_text(a, c, depth, &text, NULL)))
            return rc;
        /* lines joined by '\n', the buffer grown by doubling */
        size_t n = strlen(text), need = a->body_len + n + 2;
        if (need > a->body_cap) {
            size_t cap = need * 2;
            char *more = folio_alloc(a->rep->arena, cap);
            if (!more)
                return FOLIO_E_NOMEM;
            if (a->body_len)
                memcpy(more, a->body, a->body_len);
            a->body = more;
            a->body_cap = cap;
        }
        if (a->body_len)
            a->body[a->body_len++] = '\n';
        memcpy(a->body + a->body_len, text, n + 1);
        a->body_len += n;
        m->body = a->body;
    } else if (!strcmp(name, "session")) {
        if ((rc = field_text(a, c, depth, &text, NULL)))
            return rc;
        m->session = text;
    } else if (!strcmp(name, "event")) {
        if ((rc = field_text(a, c, depth, &text, NULL)))
            return rc;
        m->venue_dates = m->venue_dates ? m->venue_dates : text;
    } else if (!strcmp(name, "authorialNote")) {
        folio_note *n;
        if ((rc = folio_akn_note(a, c, depth + 1, &n)))
            return rc;
        n->referenced = 1;
        if (!m->title_note)
            m->title_note = n;
    } else {
        int taken = 0;
        if (!strcmp(name, "inline")) {
            if ((rc = folio_akn_attr(a, c, "name", &v)))
                return rc;
            if (v && (rc = inline_field(a, c, v, depth, &taken)))
                return rc;
        }
        if (!taken && listed(groups, COUNT(groups), name))
            return folio_akn_masthead(a, c, depth + 1);
        if (!taken && !listed(unused, COUNT(unused), name))
            folio_akn_unknown(a, c, "the masthead has no place for its text");
    }
    return rc;
}

int folio_akn_masthead(akn *a, xmlNodePtr n, int depth)
{
    if (depth > a->max_depth)
        return folio_akn_too_deep(a, n);
    int rc = 0;
    for (xmlNodePtr c = n->children; c && !rc; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue; /* the words around the fields: "Distr.:", "Original:" */
        const char *name = folio_akn_name(a, c);
        if (!name)
            folio_akn_unknown(a, c, "the masthead has no place for its text");
        else
            rc = masthead_element(a, c, name, depth + 1);
    }
    return rc;
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
