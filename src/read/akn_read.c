/* The report model from an Akoma Ntoso tree (docs/akn.md): the document
 * element's parts in order (meta, coverPage/preface, the bodies,
 * attachments), then any further documents of <akomaNtoso> (its
 * <components>) as annexes. A resolution's <preamble> opens a resolution
 * part that runs to the end of its body and conclusions. */
#include <stdlib.h>
#include <string.h>

#include "read/akn_internal.h"
#include "read/akn_attach.h"
#include "read/akn_body.h"
#include "read/akn_inline.h"
#include "read/akn_mast.h"
#include "read/akn_unplaced.h"
#include "read/xml_internal.h"
#include "util/mem.h"
#include "util/ctx.h"

static const char *const bodies[] = {"mainBody", "body", "debateBody", "judgmentBody",
                                     "collectionBody", "portionBody", "amendmentBody",
                                     "components"};

/* The parts of the document element, in document order. */
static int document(akn *a, xmlNodePtr d, akn_blocks *out)
{
    int rc = 0, resolution = 0; /* a <preamble> opened a resolution */
    for (xmlNodePtr c = d->children; c && !rc; c = c->next) {
        const char *name = folio_akn_name(a, c);
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            rc = folio_akn_body_node(a, c, 3, out); /* stray text: kept */
            continue;
        }
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (!name) {
            folio_akn_unknown(a, c, "its text is kept");
            rc = folio_akn_body(a, c, 3, out);
        } else if (!strcmp(name, "meta")) {
            rc = folio_akn_meta(a, c);
        } else if (!strcmp(name, "coverPage") || !strcmp(name, "preface")) {
            rc = folio_akn_masthead(a, c, 3, name[0] == 'c', out);
        } else if (!strcmp(name, "preamble")) {
            if (!resolution && !(rc = folio_akn_part_open(a, out, FOLIO_PART_RESOLUTION,
                                                          folio_akn_line(c))))
                resolution = 1;
            if (!rc)
                rc = folio_akn_body_in(a, c, 3, AKN_IN_PREAMBLE, out);
        } else if (!strcmp(name, "conclusions")) {
            rc = folio_akn_body_in(a, c, 3, resolution ? AKN_IN_CONCLUSIONS : AKN_IN_BODY, out);
        } else if (folio_akn_listed(bodies, AKN_COUNT(bodies), name)) {
            rc = folio_akn_body_in(a, c, 3, resolution ? AKN_IN_OPERATIVE : AKN_IN_BODY, out);
        } else if (!strcmp(name, "attachments")) {
            if (resolution && !(rc = folio_akn_part_end(a, out, folio_akn_line(c))))
                resolution = 0;
            if (!rc)
                rc = folio_akn_attachments(a, c, 3, 0, out);
        } else {
            folio_akn_unknown(a, c, "its text is kept");
            rc = folio_akn_body(a, c, 3, out);
        }
    }
    if (!rc && resolution)
        rc = folio_akn_part_end(a, out, folio_akn_line(d));
    return rc;
}

/* What <akomaNtoso> holds beside its document: the documents of its
 * <components> (AKN's attached documents), read as annexes. */
static int after_document(akn *a, xmlNodePtr d, akn_blocks *out)
{
    int rc = 0;
    for (xmlNodePtr c = d->parent->children; c && !rc; c = c->next) {
        const char *name = folio_akn_name(a, c);
        if (c == d) {
            continue;
        } else if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            rc = folio_akn_body_node(a, c, 2, out);
        } else if (c->type != XML_ELEMENT_NODE) {
            continue;
        } else if (name && !strcmp(name, "components")) {
            for (xmlNodePtr k = c->children; k && !rc; k = k->next) {
                if (!folio_akn_is(a, k, "component")) {
                    if (k->type == XML_ELEMENT_NODE || k->type == XML_TEXT_NODE)
                        rc = folio_akn_body_node(a, k, 3, out);
                    continue;
                }
                for (xmlNodePtr doc = k->children; doc && !rc; doc = doc->next)
                    if (folio_akn_name(a, doc))
                        rc = folio_akn_annex_doc(a, doc, 4, 0, out);
                    else if (doc->type == XML_ELEMENT_NODE || doc->type == XML_TEXT_NODE)
                        rc = folio_akn_body_node(a, doc, 4, out);
            }
        } else if (name) {
            rc = folio_akn_annex_doc(a, c, 2, 0, out);
        } else {
            folio_akn_unknown(a, c, "its text is kept");
            rc = folio_akn_body(a, c, 2, out);
        }
    }
    return rc;
}

int folio_akn_build(folio_ctx *ctx, const folio_house *house, xmlDocPtr doc,
                    const char *data, size_t len, int max_depth, folio_report *rep)
{
    xmlNodePtr root = xmlDocGetRootElement(doc), d = NULL;
    akn a = {.ctx = ctx, .house = house, .rep = rep, .data = data, .len = len,
             .max_depth = max_depth, .note_body = folio_akn_body};
    akn_blocks blocks = {0};
    int rc = 0;
    a.ns = root->ns ? root->ns->href : NULL;
    for (xmlNodePtr c = root->children; c && !d; c = c->next)
        if (folio_akn_name(&a, c))
            d = c;
    if (!d) {
        rc = folio_error(ctx, FOLIO_E_INPUT, folio_akn_where(&a, root),
                         "akn: <akomaNtoso> holds no document (debateReport, doc, ...)");
        goto done;
    }
    rep->meta.pos = folio_akn_where(&a, d);
    if ((rc = folio_akn_index_notes(&a, root)) || (rc = document(&a, d, &blocks)) ||
        (rc = after_document(&a, d, &blocks)) || (rc = folio_akn_rest_notes(&a)) ||
        (rc = folio_akn_unplaced_notes(&a, blocks.v, blocks.n)))
        goto done;
    rep->blocks = blocks.v;
    rep->nblocks = blocks.n;
done:
    if (!rc && a.nwarnings > AKN_MAX_WARNINGS)
        folio_warn(ctx, (folio_pos){0, 0}, "akn: %d more warnings not shown",
                   a.nwarnings - AKN_MAX_WARNINGS);
    if (rc == FOLIO_E_NOMEM && !ctx->nerrors)
        folio_error(ctx, rc, (folio_pos){0, 0}, "out of memory");
    free(a.notes);
    free(a.by_eid);
    free(a.ids);
    free(a.warned);
    return rc;
}
