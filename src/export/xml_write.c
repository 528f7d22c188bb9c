/* folio_report_xml: the report model as report XML (docs/report-xml.md,
 * schema/folio-report.rng), written with libxml2's xmlTextWriter.
 *
 * Everything the model holds is written except positions, so reading the
 * result back gives the same model. Block-level elements go on their own
 * lines; inline content is written as is (its whitespace is text). */
#include <stdlib.h>
#include <string.h>

#include <libxml/encoding.h>
#include <libxml/xmlstring.h>
#include <libxml/xmlwriter.h>

#include "model/model.h"
#include "model/xml_names.h"
#include "export/xml_note_index.h"
#include "export/xml_out.h"
#include "util/mem.h"
#include "util/ctx.h"

typedef struct xw {
    folio_ctx *ctx;
    const folio_report *r;
    xmlTextWriterPtr w;
    xml_note_index notes;      /* the report's notes by address */
} xw;

#define X(s) ((const xmlChar *)(s))

/* xmlTextWriter calls return -1 on failure (out of memory). */
#define TRY(call) do { if ((call) < 0) { rc = FOLIO_E_NOMEM; goto done; } } while (0)

static int text(xw *x, const char *s, folio_pos pos)
{
    return folio_xml_text(x->ctx, x->w, s, pos);
}

static int attr(xw *x, const char *name, const char *value, folio_pos pos)
{
    return folio_xml_attr(x->ctx, x->w, name, value, pos);
}

/* A new line and two spaces per level before a block-level element. */
static int newline(xw *x, int depth)
{
    char buf[80] = "\n";
    int n = depth * 2 < 78 ? depth * 2 : 78;
    memset(buf + 1, ' ', (size_t)n);
    buf[n + 1] = 0;
    return xmlTextWriterWriteRaw(x->w, X(buf)) < 0 ? FOLIO_E_NOMEM : 0;
}

static const xml_run_names report_names = {"symbol", 0, "a", "strong", "em", "sup", "span"};

static int run(xw *x, const folio_run *r, const folio_run *prev)
{
    int open = 0;
    int rc = folio_xml_run_start(x->ctx, x->w, &report_names, r, prev, &open);
    if (rc)
        goto done;
    switch (r->kind) {
    case FOLIO_RUN_TEXT:
    case FOLIO_RUN_LINE_BREAK:
        break;
    case FOLIO_RUN_NOTE_REF:
        if (!r->note || !r->note->id || folio_xml_note_index_find(&x->notes, r->note) < 0) {
            rc = folio_error(x->ctx, FOLIO_E_INPUT, r->pos,
                             "a footnote reference points to no listed note");
            goto done;
        }
        TRY(xmlTextWriterStartElement(x->w, X("note-ref")));
        if ((rc = attr(x, "ref", r->note->id, r->pos)))
            goto done;
        TRY(xmlTextWriterEndElement(x->w));
        break;
    default:
        break; /* refused by folio_xml_run_start */
    }
    rc = folio_xml_run_end(x->w, open);
done:
    return rc;
}

static int runs(xw *x, const folio_run *r, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int rc = run(x, &r[i], i ? &r[i - 1] : NULL);
        if (rc)
            return rc;
    }
    return 0;
}

static int int_attr(xw *x, const char *name, long v)
{
    return xmlTextWriterWriteFormatAttribute(x->w, X(name), "%ld", v) < 0 ? FOLIO_E_NOMEM : 0;
}

static int table(xw *x, const folio_block *b, int depth)
{
    const folio_table *t = b->table;
    int rc = 0;
    if (b->nruns || b->label || b->label_kind || b->level || b->numbered) {
        rc = folio_error(x->ctx, FOLIO_E_INPUT, b->pos,
                         "a table with a label or text of its own cannot be written as XML");
        goto done;
    }
    if (t->head_rows && (rc = int_attr(x, "head-rows", (long)t->head_rows)))
        goto done;
    for (size_t c = 0; c < t->ncols; c++) {
        if ((rc = newline(x, depth + 1)))
            goto done;
        TRY(xmlTextWriterStartElement(x->w, X("column")));
        const char *al = folio_xml_align_name(t->align[c]);
        if (al && (rc = attr(x, "align", al, b->pos)))
            goto done;
        TRY(xmlTextWriterEndElement(x->w));
    }
    for (size_t r = 0; r < t->nrows; r++) {
        if ((rc = newline(x, depth + 1)))
            goto done;
        TRY(xmlTextWriterStartElement(x->w, X("row")));
        for (size_t c = 0; c < t->ncols; c++) {
            const folio_cell *cell = &t->cells[r * t->ncols + c];
            if ((rc = newline(x, depth + 2)))
                goto done;
            TRY(xmlTextWriterStartElement(x->w, X("cell")));
            if ((rc = runs(x, cell->runs, cell->nruns)))
                goto done;
            TRY(xmlTextWriterEndElement(x->w));
        }
        if ((rc = newline(x, depth + 1)))
            goto done;
        TRY(xmlTextWriterEndElement(x->w));
    }
    rc = newline(x, depth);
done:
    return rc;
}

static int blocks(xw *x, const folio_block *b, size_t n, int depth)
{
    int rc = 0, open = 0;
    for (size_t i = 0; i < n; i++) {
        const folio_block *k = &b[i];
        if (k->kind == FOLIO_BLOCK_PART_END) {
            /* a part's blocks are its element's children */
            if (!open) {
                rc = folio_error(x->ctx, FOLIO_E_INPUT, k->pos, "the end of a part that is not open");
                goto done;
            }
            open--;
            if ((rc = newline(x, --depth)))
                goto done;
            TRY(xmlTextWriterEndElement(x->w));
            continue;
        }
        const char *name = folio_xml_block_name(k->kind);
        if (!name) {
            rc = folio_error(x->ctx, FOLIO_E_INPUT, k->pos, "unknown block kind %d", (int)k->kind);
            goto done;
        }
        if ((rc = newline(x, depth)))
            goto done;
        TRY(xmlTextWriterStartElement(x->w, X(name)));
        if (k->kind == FOLIO_BLOCK_TABLE) {
            if (!k->table) {
                rc = folio_error(x->ctx, FOLIO_E_INPUT, k->pos, "a table block without a table");
                goto done;
            }
            if ((rc = table(x, k, depth)))
                goto done;
            TRY(xmlTextWriterEndElement(x->w));
            continue;
        }
        if (k->kind == FOLIO_BLOCK_PART) {
            const char *pk = folio_xml_part_name(k->part);
            if (!pk) {
                rc = folio_error(x->ctx, FOLIO_E_INPUT, k->pos, "unknown part kind %d",
                                 (int)k->part);
                goto done;
            }
            if ((rc = attr(x, "kind", pk, k->pos)) ||
                (k->label && (rc = attr(x, "label", k->label, k->pos))) ||
                (k->original_language &&
                 (rc = attr(x, "original-language", k->original_language, k->pos))))
                goto done;
            open++;
            depth++;
            continue;
        }
        if (k->kind == FOLIO_BLOCK_HEADING || k->kind == FOLIO_BLOCK_ITEM || k->level) {
            if ((rc = int_attr(x, "level", k->level)))
                goto done;
        }
        if (k->numbered && (rc = attr(x, "numbered", "true", k->pos)))
            goto done;
        if (k->label && (rc = attr(x, "label", k->label, k->pos)))
            goto done;
        const char *lk = folio_xml_label_kind_name(k->label_kind);
        if (lk && (rc = attr(x, "label-kind", lk, k->pos)))
            goto done;
        if (k->original_language &&
            (rc = attr(x, "original-language", k->original_language, k->pos)))
            goto done;
        const char *role = folio_xml_role_name(k->role);
        if (role && (rc = attr(x, "role", role, k->pos)))
            goto done;
        if (k->page && (rc = attr(x, "page", k->page, k->pos)))
            goto done;
        if ((rc = runs(x, k->runs, k->nruns)))
            goto done;
        TRY(xmlTextWriterEndElement(x->w));
    }
    if (open)
        rc = folio_error(x->ctx, FOLIO_E_INPUT, n ? b[n - 1].pos : (folio_pos){0, 0},
                         "a part is never closed");
done:
    return rc;
}

static int field(xw *x, const char *name, const char *value, folio_pos pos)
{
    int rc = 0;
    if (!value)
        return 0;
    if ((rc = newline(x, 2)))
        goto done;
    TRY(xmlTextWriterStartElement(x->w, X(name)));
    if ((rc = text(x, value, pos)))
        goto done;
    TRY(xmlTextWriterEndElement(x->w));
done:
    return rc;
}

/* Body lines: the model keeps them '\n'-separated, XML as <line>s. */
static int lines_field(xw *x, const char *name, const char *value, folio_pos pos)
{
    int rc = 0;
    if (!value)
        return 0;
    if ((rc = newline(x, 2)))
        goto done;
    TRY(xmlTextWriterStartElement(x->w, X(name)));
    for (const char *p = value;;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        char *line = folio_mem_strndup(p, len);
        if (!line) {
            rc = FOLIO_E_NOMEM;
            goto done;
        }
        if ((rc = newline(x, 3)) || xmlTextWriterStartElement(x->w, X("line")) < 0 ||
            (rc = text(x, line, pos)) || xmlTextWriterEndElement(x->w) < 0) {
            free(line);
            rc = rc ? rc : FOLIO_E_NOMEM;
            goto done;
        }
        free(line);
        if (!nl)
            break;
        p = nl + 1;
    }
    if ((rc = newline(x, 2)))
        goto done;
    TRY(xmlTextWriterEndElement(x->w));
done:
    return rc;
}

static int note_field(xw *x, const char *name, const folio_note *n, folio_pos pos)
{
    int rc = 0;
    if (!n)
        return 0;
    if (!n->id || folio_xml_note_index_find(&x->notes, n) < 0)
        return folio_error(x->ctx, FOLIO_E_INPUT, pos, "the %s is not among the notes", name);
    if ((rc = newline(x, 2)))
        goto done;
    TRY(xmlTextWriterStartElement(x->w, X(name)));
    if ((rc = attr(x, "ref", n->id, pos)))
        goto done;
    TRY(xmlTextWriterEndElement(x->w));
done:
    return rc;
}

static int meta(xw *x)
{
    static const char *const distr[] = {"general", "limited", "restricted"};
    const folio_meta *m = &x->r->meta;
    folio_pos p = m->pos;
    int rc = 0;
    if ((unsigned)m->distribution > 2)
        return folio_error(x->ctx, FOLIO_E_INPUT, p, "unknown distribution %d",
                           (int)m->distribution);
    if ((rc = newline(x, 1)))
        goto done;
    TRY(xmlTextWriterStartElement(x->w, X("meta")));
    if ((rc = field(x, "symbol", m->symbol, p)) ||
        (rc = field(x, "joint-symbol", m->joint_symbol, p)) ||
        (rc = field(x, "distribution", distr[m->distribution], p)) ||
        (rc = field(x, "date", m->date, p)) || (rc = field(x, "language", m->language, p)) ||
        (rc = field(x, "original-language", m->original_language, p)) ||
        (rc = field(x, "organ", m->organ, p)) || (rc = lines_field(x, "body", m->body, p)) ||
        (rc = field(x, "session", m->session, p)) ||
        (rc = field(x, "venue", m->venue_dates, p)) ||
        (rc = field(x, "agenda-item", m->agenda_item, p)) ||
        (rc = field(x, "agenda-title", m->agenda_title, p)) ||
        (rc = note_field(x, "agenda-note", m->agenda_note, p)) ||
        (rc = lines_field(x, "joint-lines", m->joint_lines, p)) ||
        (rc = field(x, "title", m->title, p)) ||
        (rc = note_field(x, "title-note", m->title_note, p)) ||
        (rc = field(x, "subtitle", m->subtitle, p)) ||
        (rc = field(x, "job-number", m->job_number, p)) ||
        (rc = field(x, "station", m->station, p)) || (rc = newline(x, 1)))
        goto done;
    TRY(xmlTextWriterEndElement(x->w));
done:
    return rc;
}

static int by_id(const void *a, const void *b)
{
    const folio_note *const *p = a, *const *q = b;
    int c = strcmp((*p)->id, (*q)->id);
    /* equal ids: the later note last, so it is the one reported */
    return c ? c : ((*p)->pos.line > (*q)->pos.line) - ((*p)->pos.line < (*q)->pos.line);
}

/* Notes are referred to by id: two with one id could not be told apart.
 * Sorted by id, a repeated one sits next to its twin. */
static int unique_ids(xw *x)
{
    const folio_report *r = x->r;
    for (size_t i = 0; i < r->nnotes; i++)
        if (!r->notes[i] || !r->notes[i]->id)
            return folio_error(x->ctx, FOLIO_E_INPUT, (folio_pos){0, 0}, "a note without an id");
    const folio_note **v = folio_malloc((r->nnotes ? r->nnotes : 1) * sizeof *v);
    if (!v)
        return FOLIO_E_NOMEM;
    memcpy(v, r->notes, r->nnotes * sizeof *v);
    qsort(v, r->nnotes, sizeof *v, by_id);
    int rc = 0;
    for (size_t i = 1; i < r->nnotes && !rc; i++)
        if (!strcmp(v[i - 1]->id, v[i]->id))
            rc = folio_error(x->ctx, FOLIO_E_INPUT, v[i]->pos, "two notes share the id \"%s\"",
                             v[i]->id);
    free(v);
    return rc;
}

static int notes(xw *x)
{
    const folio_report *r = x->r;
    int rc = unique_ids(x);
    if (rc)
        return rc;
    if ((rc = newline(x, 1)))
        goto done;
    TRY(xmlTextWriterStartElement(x->w, X("notes")));
    for (size_t i = 0; i < r->nnotes; i++) {
        const folio_note *n = r->notes[i];
        if ((rc = newline(x, 2)))
            goto done;
        TRY(xmlTextWriterStartElement(x->w, X("note")));
        if ((rc = attr(x, "id", n->id, n->pos)) ||
            (n->mark && (rc = attr(x, "mark", n->mark, n->pos))) ||
            (rc = blocks(x, n->blocks, n->nblocks, 3)))
            goto done;
        if (n->nblocks && (rc = newline(x, 2)))
            goto done;
        TRY(xmlTextWriterEndElement(x->w));
    }
    if ((rc = newline(x, 1)))
        goto done;
    TRY(xmlTextWriterEndElement(x->w));
done:
    return rc;
}

static int write_report_xml(folio_ctx *ctx, const folio_report *r, char **out, size_t *len)
{
    xmlBufferPtr buf = xmlBufferCreate();
    xmlTextWriterPtr w = buf ? xmlNewTextWriterMemory(buf, 0) : NULL;
    xw x = {ctx, r, w, {NULL, 0}};
    int rc = folio_xml_note_index_init(&x.notes, r);
    *out = NULL;
    *len = 0;
    if (rc || !w) {
        rc = FOLIO_E_NOMEM;
        goto done;
    }
    TRY(xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL));
    TRY(xmlTextWriterStartElement(w, X("report")));
    TRY(xmlTextWriterWriteAttribute(w, X("xmlns"), X(FOLIO_XML_NS)));
    if ((rc = meta(&x)) || (rc = newline(&x, 1)))
        goto done;
    TRY(xmlTextWriterStartElement(w, X("blocks")));
    if ((rc = blocks(&x, r->blocks, r->nblocks, 2)) || (rc = newline(&x, 1)))
        goto done;
    TRY(xmlTextWriterEndElement(w));
    if (r->nnotes && (rc = notes(&x)))
        goto done;
    if ((rc = newline(&x, 0)))
        goto done;
    TRY(xmlTextWriterEndElement(w));
    TRY(xmlTextWriterEndDocument(w));
    xmlFreeTextWriter(w); /* flushes into buf */
    w = NULL;
    size_t n = (size_t)xmlBufferLength(buf);
    if (!(*out = folio_malloc(n + 1))) {
        rc = FOLIO_E_NOMEM;
        goto done;
    }
    memcpy(*out, xmlBufferContent(buf), n);
    (*out)[n] = 0;
    *len = n;
done:
    if (rc == FOLIO_E_NOMEM && !ctx->nerrors)
        folio_error(ctx, rc, (folio_pos){0, 0}, "out of memory");
    folio_xml_note_index_free(&x.notes);
    xmlFreeTextWriter(w);
    xmlBufferFree(buf);
    return rc;
}

int folio_report_xml(folio_ctx *ctx, const folio_report *r, char **out, size_t *len)
{
    unsigned long failures = folio_mem_failures();
    size_t errors = folio_ctx_errors(ctx);
    int rc = folio_ctx_settle(ctx, failures, errors, write_report_xml(ctx, r, out, len));
    if (rc) {
        free(*out);
        *out = NULL;
        *len = 0;
    }
    return rc;
}
