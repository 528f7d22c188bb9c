/* The Akoma Ntoso writer's output: indentation of block-level elements,
 * eIds, checked text, inline runs and footnotes. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlstring.h>

#include "export/akn_write.h"
#include "export/xml_out.h"

#define TRY(call) do { if ((call) < 0) { rc = FOLIO_E_NOMEM; goto done; } } while (0)

static int indent(akn_writer *x, int depth)
{
    char buf[80] = "\n";
    int n = depth * 2 < 78 ? depth * 2 : 78;
    memset(buf + 1, ' ', (size_t)n);
    buf[n + 1] = 0;
    return xmlTextWriterWriteRaw(x->w, AKN_X(buf)) < 0 ? FOLIO_E_NOMEM : 0;
}

int folio_aknw_newline(akn_writer *x)
{
    if (x->depth > 0)
        x->blocks[x->depth - 1] = 1;
    return indent(x, x->depth);
}

static int push(akn_writer *x, const char *name)
{
    if (x->depth >= AKN_MAX_OPEN)
        return folio_error(x->ctx, FOLIO_E_INPUT, (folio_pos){0, 0},
                           "the report nests too deep for AKN output");
    if (xmlTextWriterStartElement(x->w, AKN_X(name)) < 0)
        return FOLIO_E_NOMEM;
    x->blocks[x->depth++] = 0;
    return 0;
}

int folio_aknw_open(akn_writer *x, const char *name)
{
    int rc = folio_aknw_newline(x);
    return rc ? rc : push(x, name);
}

int folio_aknw_open_inline(akn_writer *x, const char *name)
{
    return push(x, name);
}

int folio_aknw_close(akn_writer *x)
{
    if (x->depth <= 0)
        return folio_error(x->ctx, FOLIO_E_INPUT, (folio_pos){0, 0}, "AKN writer: no open element");
    int rc = 0;
    x->depth--;
    if (x->blocks[x->depth] && (rc = indent(x, x->depth)))
        return rc;
    return xmlTextWriterEndElement(x->w) < 0 ? FOLIO_E_NOMEM : 0;
}

int folio_aknw_eid(akn_writer *x, const char *prefix)
{
    size_t i = 0, n = sizeof x->eids / sizeof x->eids[0];
    while (i < n && x->eid_prefix[i] && strcmp(x->eid_prefix[i], prefix))
        i++;
    if (i == n)
        return folio_error(x->ctx, FOLIO_E_INPUT, (folio_pos){0, 0}, "AKN writer: eId prefixes");
    x->eid_prefix[i] = prefix;
    char id[48];
    snprintf(id, sizeof id, "%s_%u", prefix, ++x->eids[i]);
    return xmlTextWriterWriteAttribute(x->w, AKN_X("eId"), AKN_X(id)) < 0 ? FOLIO_E_NOMEM : 0;
}

/* XML 1.0 cannot carry most control characters, nor broken UTF-8. */
int folio_aknw_text(akn_writer *x, const char *s, folio_pos pos)
{
    return folio_xml_text(x->ctx, x->w, s, pos);
}

int folio_aknw_attr(akn_writer *x, const char *name, const char *value, folio_pos pos)
{
    return folio_xml_attr(x->ctx, x->w, name, value, pos);
}

long folio_aknw_note_index(const akn_writer *x, const folio_note *n)
{
    return folio_xml_note_index_find(&x->notes_ix, n);
}

/* eId="fn_ID" when the id is a plain name, else fn_ and its position. */
static void note_eid(const akn_writer *x, long i, char *buf, size_t size)
{
    const char *id = x->r->notes[i]->id;
    if (id && id[0] && strlen(id) < size - 4 &&
        strspn(id, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") ==
            strlen(id))
        snprintf(buf, size, "fn_%s", id);
    else
        snprintf(buf, size, "fn_%ld", i + 1);
}

static void marker(akn_writer *x, long i, char *buf, size_t size)
{
    const folio_note *n = x->r->notes[i];
    if (n->mark && n->mark[0]) {
        snprintf(buf, size, "%s", n->mark);
        return;
    }
    if (!x->marker[i])
        x->marker[i] = ++x->numbered;
    snprintf(buf, size, "%d", x->marker[i]);
}

int folio_aknw_note_out(akn_writer *x, const folio_note *n, const char *element)
{
    long i = folio_aknw_note_index(x, n);
    char eid[96], mark[64];
    int rc = 0;
    if (i < 0)
        return folio_error(x->ctx, FOLIO_E_INPUT, n ? n->pos : (folio_pos){0, 0},
                           "a footnote reference points to no listed note");
    x->written[i] = 1;
    note_eid(x, i, eid, sizeof eid);
    marker(x, i, mark, sizeof mark);
    if ((rc = strcmp(element, "authorialNote") ? folio_aknw_open(x, element)
                                                : folio_aknw_open_inline(x, element)) ||
        (rc = folio_aknw_attr(x, "eId", eid, n->pos)) || (rc = folio_aknw_attr(x, "marker", mark, n->pos)))
        return rc;
    if (!strcmp(element, "authorialNote") && (rc = folio_aknw_attr(x, "placement", "bottom", n->pos)))
        return rc;
    if ((rc = x->blocks_out(x, n->blocks, n->nblocks, 1)))
        return rc;
    return folio_aknw_close(x);
}

/* Two plain runs side by side would merge into one text: the second goes
 * in <span>. */
static const xml_run_names akn_names = {"ref", 1, "a", "b", "i", "sup", "span"};

static int run(akn_writer *x, const folio_run *r, const folio_run *prev)
{
    int open = 0;
    int rc = folio_xml_run_start(x->ctx, x->w, &akn_names, r, prev, &open);
    if (rc)
        goto done;
    switch (r->kind) {
    case FOLIO_RUN_TEXT:
    case FOLIO_RUN_LINE_BREAK:
        break;
    case FOLIO_RUN_NOTE_REF: {
        long i = r->note ? folio_aknw_note_index(x, r->note) : -1;
        if (i < 0) {
            rc = folio_error(x->ctx, FOLIO_E_INPUT, r->pos,
                             "a footnote reference points to no listed note");
            goto done;
        }
        if (!x->written[i]) {
            rc = folio_aknw_note_out(x, r->note, "authorialNote");
            if (rc)
                goto done;
            break;
        }
        char eid[96], href[100], mark[64];
        note_eid(x, i, eid, sizeof eid);
        snprintf(href, sizeof href, "#%s", eid);
        marker(x, i, mark, sizeof mark);
        TRY(xmlTextWriterStartElement(x->w, AKN_X("noteRef")));
        if ((rc = folio_aknw_attr(x, "href", href, r->pos)) ||
            (rc = folio_aknw_attr(x, "marker", mark, r->pos)))
            goto done;
        TRY(xmlTextWriterEndElement(x->w));
        break;
    }
    default:
        break; /* refused by folio_xml_run_start */
    }
    rc = folio_xml_run_end(x->w, open);
done:
    return rc;
}

int folio_aknw_runs(akn_writer *x, const folio_run *r, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int rc = run(x, &r[i], i ? &r[i - 1] : NULL);
        if (rc)
            return rc;
    }
    return 0;
}
