/* The masthead back from what folio's writer put where: the first-page
 * header's grid (the symbol after the wordmark, the organ, the
 * distribution, date and original-language lines), the lines under the
 * thick rule at the body's start (by their UNMast* styles), the job
 * number in the first page's footer, the language and, when the grid has
 * no date, the date in docProps/core.xml. The lines are read with the
 * Markdown reader's masthead words, in every language of the house. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read/docx_internal.h"
#include "read/md_internal.h"
#include "util/mem.h"

/* A paragraph's text: w:t as is, w:tab as a tab, w:br as `brk`; only
 * the runs of character style `rstyle...` when given. */
static int para_text_to(dxr *r, xmlNodePtr p, const char *rstyle, const char *brk,
                        dxr_buf *b, int depth)
{
    folio_arena *a = r->rep->arena;
    int rc = 0;
    for (xmlNodePtr run = p->children; run && !rc; run = run->next) {
        if (folio_dxr_is(run, "hyperlink") && depth < 8) {
            rc = para_text_to(r, run, rstyle, brk, b, depth + 1);
            continue;
        }
        if (!folio_dxr_is(run, "r"))
            continue;
        if (rstyle) {
            const char *rs = folio_dxr_attr(a, folio_dxr_child(folio_dxr_child(run, "rPr"),
                                                               "rStyle"), "val");
            if (!rs || strncmp(rs, rstyle, strlen(rstyle)))
                continue;
        }
        for (xmlNodePtr c = run->children; c && !rc; c = c->next) {
            if (folio_dxr_is(c, "t")) {
                xmlChar *t = xmlNodeGetContent(c);
                rc = t ? folio_dxr_buf_add(b, (const char *)t, strlen((const char *)t)) : 0;
                xmlFree(t);
            } else if (folio_dxr_is(c, "tab")) {
                rc = folio_dxr_buf_add(b, "\t", 1);
            } else if (folio_dxr_is(c, "br")) {
                rc = folio_dxr_buf_add(b, brk, strlen(brk));
            }
        }
    }
    return rc;
}

static char *para_text(dxr *r, xmlNodePtr p, const char *rstyle, const char *brk)
{
    dxr_buf b = {0};
    int rc = para_text_to(r, p, rstyle, brk, &b, 0);
    return folio_dxr_buf_done(r->rep->arena, &b, !rc);
}

char *folio_dxr_text(dxr *r, xmlNodePtr n)
{
    return para_text(r, n, NULL, " ");
}

static const char *pstyle(dxr *r, xmlNodePtr p)
{
    return folio_dxr_attr(r->rep->arena, folio_dxr_child(folio_dxr_child(p, "pPr"), "pStyle"),
                          "val");
}

static void grid_line(dxr *r, const char *st, xmlNodePtr p)
{
    folio_meta *m = &r->rep->meta;
    const folio_house *h = r->house;
    if (!strcmp(st, "UNMastWordmark") || !strcmp(st, "UNMastSymbol")) {
        /* the symbol's runs, beside the wordmark or on a line of their own
         * (right to left) */
        char *sym = para_text(r, p, "UNSymbol", "");
        if (sym && *sym)
            m->symbol = sym;
        return;
    }
    char *t = para_text(r, p, NULL, " ");
    size_t n = t ? strlen(t) : 0;
    if (!n)
        return;
    if (!strcmp(st, "UNMastOrgan")) {
        m->organ = t;
        return;
    }
    folio_distribution d;
    int known, y, mo, dd;
    const char *lang;
    if (folio_md_distribution(h, t, n, &d, &known)) {
        if (known)
            m->distribution = d;
    } else if (!folio_md_parse_date(h, t, n, &y, &mo, &dd)) {
        m->date = folio_sprintf(r->rep->arena, "%04d-%02d-%02d", y, mo, dd);
    } else if (folio_md_original_line(h, t, n, &lang)) {
        if (lang)
            m->original_language = lang;
    }
    /* the version's language line ("Español") says what core.xml says */
}

static void walk_grid(dxr *r, xmlNodePtr n, int depth)
{
    for (xmlNodePtr c = n->children; c && depth < 16; c = c->next) {
        if (folio_dxr_is(c, "p")) {
            const char *st = pstyle(r, c);
            if (st)
                grid_line(r, st, c);
        } else if (c->type == XML_ELEMENT_NODE) {
            walk_grid(r, c, depth + 1);
        }
    }
}

static void core(dxr *r, xmlNodePtr root)
{
    folio_meta *m = &r->rep->meta;
    for (xmlNodePtr c = root ? root->children : NULL; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        xmlChar *v = xmlNodeGetContent(c);
        const char *s = v ? (const char *)v : "";
        char code[8] = "";
        if (!strcmp((const char *)c->name, "language") && strlen(s) >= 2) {
            memcpy(code, s, 2);
            code[2] = 0;
            if (folio_house_lang_index(r->house, code) >= 0)
                m->language = folio_house_lang(r->house, code);
        } else if (!strcmp((const char *)c->name, "created") && !m->date && m->symbol &&
                   strlen(s) >= 10) {
            /* folio's own DOCX (its grid named the symbol) dates it so; a
             * template's or an editor's new document does not */
            int y, mo, d;
            if (!folio_md_parse_iso_date(s, 10, &y, &mo, &d))
                m->date = folio_strndup(r->rep->arena, s, 10);
        }
        xmlFree(v);
    }
}

static void job_line(dxr *r, xmlNodePtr root, int depth)
{
    folio_meta *m = &r->rep->meta;
    for (xmlNodePtr p = root ? root->children : NULL; p && depth < 16; p = p->next) {
        if (p->type == XML_ELEMENT_NODE && !folio_dxr_is(p, "p")) {
            job_line(r, p, depth + 1); /* in the footer's table */
            continue;
        }
        const char *st = folio_dxr_is(p, "p") ? pstyle(r, p) : NULL;
        if (!st || strcmp(st, "UNJobLine"))
            continue;
        char *t = para_text(r, p, NULL, " ");
        if (!t)
            return;
        /* "V.21-07524 (S)", "GE.24-01234(E)": the writer adds the letter */
        size_t n = strcspn(t, " \t(");
        if (n)
            m->job_number = folio_strndup(r->rep->arena, t, n);
        return;
    }
}

/* The one duty station whose paper is the page's size (New York's
 * Letter), else NULL. */
static const char *station_of_page(dxr *r, xmlDocPtr doc)
{
    xmlNodePtr body = folio_dxr_child(xmlDocGetRootElement(doc), "body");
    xmlNodePtr sz = folio_dxr_child(folio_dxr_child(body, "sectPr"), "pgSz");
    int w = folio_dxr_attr_int(sz, "w", 0), h = folio_dxr_attr_int(sz, "h", 0);
    const char *found = NULL;
    int count = 0;
    for (size_t i = 0; w > 0 && h > 0 && i < r->house->nstations; i++) {
        char sec[96];
        snprintf(sec, sizeof sec, "station.%s", r->house->stations[i]);
        int32_t sw, sh;
        const char *vw = folio_house_get(r->house, sec, "width");
        const char *vh = folio_house_get(r->house, sec, "height");
        if (!vw || !vh || folio_house_parse_length(vw, &sw) || folio_house_parse_length(vh, &sh))
            continue;
        /* twips are 50 millipoints; a twip either way */
        if (abs(sw / 50 - w) <= 1 && abs(sh / 50 - h) <= 1) {
            found = r->house->stations[i];
            count++;
        }
    }
    return count == 1 ? found : NULL;
}

int folio_dxr_masthead_station(dxr *r, xmlDocPtr doc)
{
    if (!r->rep->meta.station)
        r->rep->meta.station = station_of_page(r, doc);
    return 0;
}

int folio_dxr_masthead(dxr *r, xmlDocPtr header, xmlDocPtr coredoc, xmlDocPtr footer)
{
    folio_meta *m = &r->rep->meta;
    if (header)
        walk_grid(r, xmlDocGetRootElement(header), 0);
    if (coredoc)
        core(r, xmlDocGetRootElement(coredoc));
    if (footer)
        job_line(r, xmlDocGetRootElement(footer), 0);
    const char *st = m->job_number
                         ? folio_house_longest_prefix(r->house, FOLIO_HL_JOB_PREFIX,
                                                      m->job_number)
                         : NULL;
    if (!st && m->symbol)
        st = folio_md_station_of_symbol(r->house, m->symbol);
    if (st)
        m->station = st;
    return 0;
}

/* One of the lines under the thick rule: its text, and the note whose
 * reference it carries (the agenda item's, the title's). */
int folio_dxr_mast_line(dxr *r, const char *mast, xmlNodePtr p)
{
    folio_meta *m = &r->rep->meta;
    folio_arena *a = r->rep->arena;
    folio_run *runs;
    size_t n;
    int rc = folio_dxr_runs(r, p, 0, &runs, &n, NULL);
    if (rc)
        return rc;
    folio_note *note = NULL;
    for (size_t i = 0; i < n; i++)
        if (runs[i].kind == FOLIO_RUN_NOTE_REF)
            note = runs[i].note;
    char *text = folio_dxr_plain(r, runs, n);
    if (!text)
        return FOLIO_E_NOMEM;
    if (!*text)
        return 0;
    if (!strcmp(mast, "UNMastBody") || !strcmp(mast, "UNMastSubsidiary")) {
        m->body = m->body ? folio_sprintf(a, "%s\n%s", m->body, text) : text;
        if (!m->body)
            return FOLIO_E_NOMEM;
    } else if (!strcmp(mast, "UNMastSession")) {
        m->session = text;
    } else if (!strcmp(mast, "UNMastVenue")) {
        m->venue_dates = text;
        if (!m->station)
            m->station = folio_md_station_in(r->house, text, strlen(text));
    } else if (!strcmp(mast, "UNMastAgenda")) {
        m->agenda_item = text;
        m->agenda_note = note;
    } else if (!strcmp(mast, "UNMastAgendaTitle")) {
        m->agenda_title = text;
    } else if (!strcmp(mast, "UNMastTitle")) {
        m->title = text;
        m->title_note = note;
    } else if (!strcmp(mast, "UNMastSubtitle")) {
        m->subtitle = text;
    }
    return 0;
}
