/* folio_report_akn: the document around the body — FRBR identification,
 * notes nothing refers to, folio's proprietary data, the masthead in
 * <coverPage> and <preface>, <mainBody>, and each annex as an
 * <attachment>. */
#include <stdlib.h>
#include <string.h>

#include "model/akn_names.h"
#include "export/akn_write.h"
#include "model/xml_names.h"
#include "util/mem.h"
#include "util/ctx.h"

#define TRY(call) do { if ((call) < 0) { rc = FOLIO_E_NOMEM; goto done; } } while (0)

/* Which notes something written refers to: the masthead's, then those the
 * blocks and the reached notes' blocks refer to. */
static void reach_runs(akn_writer *x, const folio_run *r, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        long k = r[i].kind == FOLIO_RUN_NOTE_REF ? folio_aknw_note_index(x, r[i].note) : -1;
        if (k >= 0)
            x->reached[k] = 1;
    }
}

static void reach_blocks(akn_writer *x, const folio_block *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        reach_runs(x, b[i].runs, b[i].nruns);
        const folio_table *t = b[i].kind == FOLIO_BLOCK_TABLE ? b[i].table : NULL;
        for (size_t c = 0; t && c < t->nrows * t->ncols; c++)
            reach_runs(x, t->cells[c].runs, t->cells[c].nruns);
    }
}

static void reach(akn_writer *x)
{
    const folio_report *r = x->r;
    long t = r->meta.title_note ? folio_aknw_note_index(x, r->meta.title_note) : -1;
    long a = r->meta.agenda_note ? folio_aknw_note_index(x, r->meta.agenda_note) : -1;
    if (t >= 0)
        x->reached[t] = 1;
    if (a >= 0)
        x->reached[a] = 1;
    reach_blocks(x, r->blocks, r->nblocks);
    unsigned char *done = folio_calloc(r->nnotes ? r->nnotes : 1, 1);
    for (int more = 1; more && done;) {
        more = 0;
        for (size_t i = 0; i < r->nnotes; i++)
            if (x->reached[i] && !done[i]) {
                done[i] = 1;
                more = 1;
                reach_blocks(x, r->notes[i]->blocks, r->notes[i]->nblocks);
            }
    }
    free(done);
}

/* A leaf element with text: <FRBRthis value=...>-like ones take attributes. */
static int leaf_attr(akn_writer *x, const char *name, const char *a1, const char *v1,
                     const char *a2, const char *v2)
{
    int rc = folio_aknw_open(x, name);
    if (!rc && a1)
        rc = folio_aknw_attr(x, a1, v1, (folio_pos){0, 0});
    if (!rc && a2)
        rc = folio_aknw_attr(x, a2, v2, (folio_pos){0, 0});
    return rc ? rc : folio_aknw_close(x);
}

/* "CTOC/COP/WG.4/2021/L.1" → "CTOC-COP-WG.4-2021-L.1", as AKN4UN names go. */
static char *sanitized(const char *s)
{
    char *t = folio_mem_strdup(s);
    for (char *p = t; p && *p; p++)
        if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._", *p))
            *p = '-';
    return t;
}

static int frbr(akn_writer *x, const char *level, const char *this, const char *uri,
                const char *date, const char *lang3)
{
    int rc = folio_aknw_open(x, level);
    if (!rc)
        rc = leaf_attr(x, "FRBRthis", "value", this, NULL, NULL);
    if (!rc)
        rc = leaf_attr(x, "FRBRuri", "value", uri, NULL, NULL);
    if (!rc && date)
        rc = leaf_attr(x, "FRBRdate", "date", date, "name", "publication");
    if (!rc)
        rc = leaf_attr(x, "FRBRauthor", "href", "#folio", NULL, NULL);
    if (!rc && !strcmp(level, "FRBRWork"))
        rc = leaf_attr(x, "FRBRcountry", "value", "un", NULL, NULL);
    if (!rc && lang3)
        rc = leaf_attr(x, "FRBRlanguage", "language", lang3, NULL, NULL);
    return rc ? rc : folio_aknw_close(x);
}

static int identification(akn_writer *x)
{
    const folio_meta *m = &x->r->meta;
    char code3[16];
    const char *lang3 = folio_akn_lang3(x->house, x->lang, code3, sizeof code3);
    char *sym = sanitized(m->symbol ? m->symbol : "report");
    char *work = NULL, *expr = NULL, *buf = NULL;
    int rc = FOLIO_E_NOMEM;
    size_t size = strlen(sym ? sym : "") + (m->date ? strlen(m->date) : 0) + 128;
    if (!sym || !(work = folio_malloc(size)) || !(expr = folio_malloc(size)) || !(buf = folio_malloc(size)))
        goto done;
    snprintf(work, size, "/akn/un/debateReport/meetingReport/%s/%s",
             m->date ? m->date : "undated", sym);
    snprintf(expr, size, "%s/%s@%s", work, lang3 ? lang3 : "und", m->date ? m->date : "");
    if ((rc = folio_aknw_open(x, "identification")) ||
        (rc = folio_aknw_attr(x, "source", "#folio", m->pos)))
        goto done;
    snprintf(buf, size, "%s/!main", work);
    if ((rc = frbr(x, "FRBRWork", buf, work, m->date, NULL)))
        goto done;
    snprintf(buf, size, "%s/!main", expr);
    if ((rc = frbr(x, "FRBRExpression", buf, expr, m->date, lang3)))
        goto done;
    snprintf(buf, size, "%s/!main.xml", expr);
    char *manif = folio_mem_strdup(buf);
    if (!manif) {
        rc = FOLIO_E_NOMEM;
        goto done;
    }
    snprintf(buf, size, "%s.xml", expr);
    rc = frbr(x, "FRBRManifestation", manif, buf, m->date, NULL);
    free(manif);
    if (!rc)
        rc = folio_aknw_close(x);
done:
    free(sym);
    free(work);
    free(expr);
    free(buf);
    return rc;
}

static int meta(akn_writer *x)
{
    const folio_report *r = x->r;
    int rc = 0, unreached = 0;
    for (size_t i = 0; i < r->nnotes; i++)
        unreached |= !x->reached[i];
    if ((rc = folio_aknw_open(x, "meta")) || (rc = identification(x)) ||
        (rc = folio_aknw_open(x, "references")) ||
        (rc = folio_aknw_attr(x, "source", "#folio", r->meta.pos)) ||
        (rc = leaf_attr(x, "TLCOrganization", "eId", "folio", "href",
                        "/ontology/organization/folio")) ||
        (rc = folio_aknw_close(x)))
        return rc;
    if (unreached) { /* notes no text refers to */
        if ((rc = folio_aknw_open(x, "notes")) || (rc = folio_aknw_attr(x, "source", "#folio", r->meta.pos)))
            return rc;
        for (size_t i = 0; i < r->nnotes && !rc; i++)
            if (!x->reached[i] && !x->written[i])
                rc = folio_aknw_note_out(x, r->notes[i], "note");
        if (rc || (rc = folio_aknw_close(x)))
            return rc;
    }
    if (r->meta.station) { /* AKN has no element for the duty station */
        if ((rc = folio_aknw_open(x, "proprietary")) ||
            (rc = folio_aknw_attr(x, "source", "#folio", r->meta.pos)) || (rc = folio_aknw_newline(x)))
            return rc;
        if (xmlTextWriterStartElementNS(x->w, AKN_X("folio"), AKN_X("station"),
                                        AKN_X(FOLIO_XML_NS)) < 0)
            return FOLIO_E_NOMEM;
        if ((rc = folio_aknw_text(x, r->meta.station, r->meta.pos)))
            return rc;
        if (xmlTextWriterEndElement(x->w) < 0)
            return FOLIO_E_NOMEM;
        if ((rc = folio_aknw_close(x)))
            return rc;
    }
    return folio_aknw_close(x);
}

/* <p>[before]<NAME attr=value>text[note]</NAME>[after]</p> */
static int line_around(akn_writer *x, const char *before, const char *name, const char *attr,
                       const char *value, const char *text, const folio_note *note,
                       const char *after)
{
    folio_pos pos = x->r->meta.pos;
    int rc = folio_aknw_open(x, "p");
    if (!rc && before)
        rc = folio_aknw_text(x, before, pos);
    if (rc)
        return rc;
    if (xmlTextWriterStartElement(x->w, AKN_X(name)) < 0)
        return FOLIO_E_NOMEM;
    if ((attr && (rc = folio_aknw_attr(x, attr, value, pos))) || (text && (rc = folio_aknw_text(x, text, pos))))
        return rc;
    if (note && (rc = folio_aknw_note_out(x, note, "authorialNote")))
        return rc;
    if (xmlTextWriterEndElement(x->w) < 0)
        return FOLIO_E_NOMEM;
    if (after && (rc = folio_aknw_text(x, after, pos)))
        return rc;
    return folio_aknw_close(x);
}

static int line(akn_writer *x, const char *before, const char *name, const char *attr,
                const char *value, const char *text, const folio_note *note)
{
    return line_around(x, before, name, attr, value, text, note, NULL);
}

/* A field of several lines ('\n' between them): one <p> each. */
static int lines(akn_writer *x, const char *name, const char *attr, const char *value,
                 const char *text)
{
    int rc = 0;
    for (const char *p = text; p && !rc;) {
        const char *nl = strchr(p, '\n');
        char *l = folio_mem_strndup(p, nl ? (size_t)(nl - p) : strlen(p));
        rc = l ? line(x, NULL, name, attr, value, l, NULL) : FOLIO_E_NOMEM;
        free(l);
        p = nl ? nl + 1 : NULL;
    }
    return rc;
}

static const char *lang_name(akn_writer *x, const char *code, int capital, char *buf,
                             size_t cap)
{
    const char *name = folio_akn_lang_name(x->house, folio_house_lang(x->house, code), x->lang,
                                           capital, buf, cap);
    return name ? name : code;
}

static int cover_page(akn_writer *x)
{
    static const char *const distr[] = {"#general", "#limited", "#restricted"};
    const folio_meta *m = &x->r->meta;
    int rc = 0;
    char name[256], orig[64];
    if ((unsigned)m->distribution > 2)
        return folio_error(x->ctx, FOLIO_E_INPUT, m->pos, "unknown distribution %d",
                           (int)m->distribution);
    if ((rc = folio_aknw_open(x, "coverPage")) ||
        (m->symbol && (rc = line(x, NULL, "docNumber", "refersTo", "#symbol", m->symbol, NULL))) ||
        (m->joint_symbol &&
         (rc = line(x, NULL, "docNumber", "refersTo", "#symbol", m->joint_symbol, NULL))) ||
        (rc = lines(x, "docAuthority", "class", "rightBig", m->organ)) ||
        (rc = folio_aknw_open(x, "p")))
        return rc;
    if (xmlTextWriterStartElement(x->w, AKN_X("inline")) < 0)
        return FOLIO_E_NOMEM;
    if ((rc = folio_aknw_attr(x, "name", "distribution", m->pos)) ||
        (rc = folio_aknw_attr(x, "refersTo", distr[m->distribution], m->pos)) ||
        (rc = folio_aknw_text(x, folio_akn_distr_text(x->house, m->distribution, x->lang), m->pos)))
        return rc;
    if (xmlTextWriterEndElement(x->w) < 0)
        return FOLIO_E_NOMEM;
    if ((rc = folio_aknw_close(x)) ||
        (m->date && (rc = line(x, NULL, "docDate", "date", m->date, m->date, NULL))))
        return rc;
    if (m->language && (rc = line(x, NULL, "inline", "name", "languageOfExpression",
                                  lang_name(x, m->language, 1, name, sizeof name), NULL)))
        return rc;
    if (m->original_language &&
        (rc = line(x, folio_akn_original_prefix(x->house, x->lang, orig, sizeof orig), "inline",
                   "name", "originalLanguage",
                   lang_name(x, m->original_language, 0, name, sizeof name), NULL)))
        return rc;
    if (m->job_number && (rc = line(x, NULL, "docketNumber", "refersTo",
                                    "#publicationJobNumber", m->job_number, NULL)))
        return rc;
    return folio_aknw_close(x);
}

static int preface(akn_writer *x)
{
    const folio_meta *m = &x->r->meta;
    int rc = folio_aknw_open(x, "preface");
    if (rc || (rc = lines(x, "docCommittee", NULL, NULL, m->body)))
        return rc;
    if (m->session && (rc = line(x, NULL, "session", "value", m->session, m->session, NULL)))
        return rc;
    if (m->venue_dates &&
        (rc = line(x, NULL, "inline", "name", "meeting", m->venue_dates, NULL)))
        return rc;
    /* the agenda's note goes with the agenda item (or its title, or alone) */
    const folio_note *an = m->agenda_note;
    if (m->agenda_item && (rc = line(x, NULL, "inline", "name", "agendaItem", m->agenda_item, an)))
        return rc;
    if (m->agenda_item)
        an = NULL;
    if ((m->agenda_title || an) &&
        (rc = line(x, NULL, "inline", "name", "agendaTitle",
                   m->agenda_title ? m->agenda_title : "", an)))
        return rc;
    /* a joint document's second organ and its lines, under the first's */
    if ((rc = lines(x, "inline", "name", "jointLine", m->joint_lines)))
        return rc;
    if ((m->title || m->title_note) &&
        (rc = line(x, NULL, "docTitle", NULL, NULL, m->title ? m->title : "", m->title_note)))
        return rc;
    if (m->subtitle && (rc = line(x, NULL, "inline", "name", "subTitle", m->subtitle, NULL)))
        return rc;
    return folio_aknw_close(x);
}

/* Each annex: <attachment><doc name="annex"> with its label and original
 * language in a preface, its blocks in <mainBody>. */
static int annexes(akn_writer *x, size_t from)
{
    const folio_report *r = x->r;
    int rc = folio_aknw_open(x, "attachments");
    for (size_t i = from; i < r->nblocks && !rc;) {
        const folio_block *a = &r->blocks[i];
        size_t end = i + 1;
        while (end < r->nblocks && r->blocks[end].kind != FOLIO_BLOCK_ANNEX)
            end++;
        if (a->nruns)
            folio_warn(x->ctx, a->pos, "an annex's own text (not printed) is not written to AKN");
        if ((rc = folio_aknw_open(x, "attachment")) || (rc = folio_aknw_eid(x, "att")) ||
            (rc = folio_aknw_open(x, "doc")) || (rc = folio_aknw_attr(x, "name", "annex", a->pos)))
            break;
        if (a->label || a->original_language) {
            if ((rc = folio_aknw_open(x, "preface")) ||
                (a->label && (rc = line(x, NULL, "docNumber", NULL, NULL, a->label, NULL))) ||
                (a->original_language &&
                 (rc = line_around(x, "[Original: ", "inline", "name", "originalLanguage",
                                   a->original_language, NULL, "]"))) ||
                (rc = folio_aknw_close(x)))
                break;
        }
        if ((rc = folio_aknw_open(x, "mainBody")) ||
            (rc = folio_aknw_blocks_out(x, r->blocks + i + 1, end - i - 1, 0)) ||
            (rc = folio_aknw_close(x)) || (rc = folio_aknw_close(x)) || (rc = folio_aknw_close(x)))
            break;
        i = end;
    }
    return rc ? rc : folio_aknw_close(x);
}

static int write_akn(folio_ctx *ctx, const folio_house *h, const folio_report *r,
                     char **out, size_t *len)
{
    *out = NULL;
    *len = 0;
    /* language names and masthead labels */
    int rc = folio_house_or_default(ctx, h, &h);
    if (rc)
        return rc;
    xmlBufferPtr buf = xmlBufferCreate();
    xmlTextWriterPtr w = buf ? xmlNewTextWriterMemory(buf, 0) : NULL;
    size_t n = r->nnotes ? r->nnotes : 1;
    akn_writer x = {.ctx = ctx, .r = r, .w = w, .house = h, .blocks_out = folio_aknw_blocks_out};
    x.lang = folio_house_lang(x.house, r->meta.language);
    x.written = folio_calloc(n, 1);
    x.reached = folio_calloc(n, 1);
    x.marker = folio_calloc(n, sizeof *x.marker);
    rc = folio_xml_note_index_init(&x.notes_ix, r);
    if (rc || !w || !x.written || !x.reached || !x.marker) {
        rc = FOLIO_E_NOMEM;
        goto done;
    }
    reach(&x);
    size_t first_annex = 0;
    while (first_annex < r->nblocks && r->blocks[first_annex].kind != FOLIO_BLOCK_ANNEX)
        first_annex++;
    TRY(xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL));
    TRY(xmlTextWriterStartElement(w, AKN_X("akomaNtoso")));
    TRY(xmlTextWriterWriteAttribute(w, AKN_X("xmlns"), AKN_X(FOLIO_AKN_NS)));
    x.depth = 1;
    if ((rc = folio_aknw_open(&x, "debateReport")) ||
        (rc = folio_aknw_attr(&x, "name", "meetingReport", r->meta.pos)) || (rc = meta(&x)) ||
        (rc = cover_page(&x)) || (rc = preface(&x)) || (rc = folio_aknw_open(&x, "mainBody")) ||
        (rc = folio_aknw_blocks_out(&x, r->blocks, first_annex, 0)) || (rc = folio_aknw_close(&x)) ||
        (first_annex < r->nblocks && (rc = annexes(&x, first_annex))) || (rc = folio_aknw_close(&x)))
        goto done;
    x.depth = 0;
    TRY(xmlTextWriterWriteRaw(w, AKN_X("\n")));
    TRY(xmlTextWriterEndElement(w));
    TRY(xmlTextWriterEndDocument(w));
    xmlFreeTextWriter(w); /* flushes into buf */
    w = NULL;
    size_t blen = (size_t)xmlBufferLength(buf);
    if (!(*out = folio_malloc(blen + 1))) {
        rc = FOLIO_E_NOMEM;
        goto done;
    }
    memcpy(*out, xmlBufferContent(buf), blen);
    (*out)[blen] = 0;
    *len = blen;
done:
    if (rc == FOLIO_E_NOMEM && !ctx->nerrors)
        folio_error(ctx, rc, (folio_pos){0, 0}, "out of memory");
    free(x.written);
    free(x.reached);
    free(x.marker);
    folio_xml_note_index_free(&x.notes_ix);
    xmlFreeTextWriter(w);
    xmlBufferFree(buf);
    return rc;
}

int folio_report_akn_house(folio_ctx *ctx, const folio_house *h, const folio_report *r,
                           char **out, size_t *len)
{
    unsigned long failures = folio_mem_failures();
    size_t errors = folio_ctx_errors(ctx);
    int rc = folio_ctx_settle(ctx, failures, errors, write_akn(ctx, h, r, out, len));
    if (rc) {
        free(*out);
        *out = NULL;
        *len = 0;
    }
    return rc;
}

int folio_report_akn(folio_ctx *ctx, const folio_report *r, char **out, size_t *len)
{
    return folio_report_akn_house(ctx, NULL, r, out, len);
}
