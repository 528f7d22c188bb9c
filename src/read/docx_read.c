/* folio_read_docx: a Word document (folio's DOCX continued by an editor,
 * a document started from `folio template`, one typed in Word) back into
 * the report model. The package is opened within the input limit, its
 * parts parsed the secure way; every diagnostic names the part and the
 * line in it ("word/document.xml:12: ..."). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "folio/read.h"
#include "model/limits.h"
#include "read/entry.h"
#include "read/docx_internal.h"
#include "util/ctx.h"
#include "util/mem.h"
#include "util/version.h"

enum { DEFAULT_MAX_DEPTH = 256 };
#define DEFAULT_MAX_BYTES ((size_t)64 << 20)

typedef struct parts {
    xmlDocPtr doc, styles, numbering, foot, end, header, footer, core, rels, frels, erels;
} parts;

static void free_parts(parts *p)
{
    xmlDocPtr *v[] = {&p->doc, &p->styles, &p->numbering, &p->foot, &p->end,
                      &p->header, &p->footer, &p->core, &p->rels, &p->frels, &p->erels};
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        xmlFreeDoc(*v[i]);
        *v[i] = NULL;
    }
}

/* The part a relationship of type `type` (its last word) and, for a
 * header or footer, of section reference `ref` points at: the first
 * page's header and footer as the body's first section names them. */
static const char *first_page_part(dxr *r, xmlDocPtr rels, xmlDocPtr doc, const char *kind)
{
    xmlNodePtr body = folio_dxr_child(xmlDocGetRootElement(doc), "body");
    const char *id = NULL;
    char ref[32];
    snprintf(ref, sizeof ref, "%sReference", kind);
    /* the first w:sectPr in the body, in a paragraph or at its end */
    for (xmlNodePtr c = body ? body->children : NULL; c && !id; c = c->next) {
        xmlNodePtr s = folio_dxr_is(c, "sectPr") ? c
                       : folio_dxr_child(folio_dxr_child(c, "pPr"), "sectPr");
        for (xmlNodePtr h = s ? s->children : NULL; h; h = h->next) {
            const char *t = folio_dxr_is(h, ref) ? folio_dxr_attr(r->rep->arena, h, "type") : NULL;
            if (t && !strcmp(t, "first"))
                id = folio_dxr_attr(r->rep->arena, h, "id");
        }
    }
    xmlNodePtr root = rels ? xmlDocGetRootElement(rels) : NULL;
    for (xmlNodePtr c = root ? root->children : NULL; c && id; c = c->next) {
        const char *i = folio_dxr_attr(r->rep->arena, c, "Id");
        const char *t = folio_dxr_attr(r->rep->arena, c, "Target");
        if (i && t && !strcmp(i, id) && !strchr(t, '/') && strlen(t) < 64)
            return folio_sprintf(r->rep->arena, "word/%s", t);
    }
    return NULL;
}

static int read_parts(folio_ctx *ctx, dxr *r, dxr_pkg *pkg, parts *p)
{
    int rc;
    if ((rc = folio_dxr_part(ctx, pkg, "word/document.xml", 1, &p->doc)) ||
        (rc = folio_dxr_part(ctx, pkg, "word/_rels/document.xml.rels", 0, &p->rels)) ||
        (rc = folio_dxr_part(ctx, pkg, "word/_rels/footnotes.xml.rels", 0, &p->frels)) ||
        (rc = folio_dxr_part(ctx, pkg, "word/_rels/endnotes.xml.rels", 0, &p->erels)) ||
        (rc = folio_dxr_part(ctx, pkg, "word/styles.xml", 0, &p->styles)) ||
        (rc = folio_dxr_part(ctx, pkg, "word/numbering.xml", 0, &p->numbering)) ||
        (rc = folio_dxr_part(ctx, pkg, "word/footnotes.xml", 0, &p->foot)) ||
        (rc = folio_dxr_part(ctx, pkg, "word/endnotes.xml", 0, &p->end)) ||
        (rc = folio_dxr_part(ctx, pkg, "docProps/core.xml", 0, &p->core)))
        return rc;
    const char *h = first_page_part(r, p->rels, p->doc, "header");
    const char *f = first_page_part(r, p->rels, p->doc, "footer");
    if ((h && (rc = folio_dxr_part(ctx, pkg, h, 0, &p->header))) ||
        (f && (rc = folio_dxr_part(ctx, pkg, f, 0, &p->footer))))
        return rc;
    return 0;
}

/* Run one stage on a part; its diagnostics name the part. */
#define IN_PART(ctx, part, call)                                                  \
    do {                                                                          \
        size_t from_ = (ctx)->ndiags;                                             \
        rc = (call);                                                              \
        folio_dxr_name_part((ctx), from_, (part));                                \
    } while (0)

static int read_docx(folio_ctx *ctx, const char *data, size_t len, const char *name,
                     const folio_read_options *opt, const folio_house *house,
                     folio_report **out)
{
    size_t max_bytes = opt && opt->max_bytes ? opt->max_bytes : DEFAULT_MAX_BYTES;
    folio_limits lim = folio_limits_of(opt);
    dxr r = {.note = folio_dxr_note};
    dxr_pkg pkg = {0};
    parts p = {0};
    int rc;
    *out = NULL;
    if (opt && (rc = folio_check_version(ctx, opt->version, FOLIO_READ_OPTIONS_VERSION,
                                         "folio_read_options")))
        return rc;
    if ((rc = folio_ctx_name(ctx, name)))
        return rc;
    if (len > max_bytes)
        return folio_error(ctx, FOLIO_E_LIMIT, (folio_pos){0, 0},
                           "input is %zu bytes, more than the limit of %zu", len, max_bytes);
    if ((rc = folio_house_or_default(ctx, house, &house)) ||
        (rc = folio_dxr_open(ctx, data, len, max_bytes, &pkg)))
        return rc;
    if ((rc = folio_report_new(ctx, name, &r.rep)))
        goto done;
    r.ctx = ctx;
    r.house = house;
    r.max_depth = opt && opt->max_depth > 0 ? opt->max_depth : DEFAULT_MAX_DEPTH;
    r.max_cells = lim.max_table_cells ? lim.max_table_cells : FOLIO_DEFAULT_MAX_TABLE_CELLS;
    if ((rc = read_parts(ctx, &r, &pkg, &p)))
        goto done;
    folio_arena *a = r.rep->arena;
    IN_PART(ctx, "word/styles.xml", folio_dxr_styles(ctx, a, house, p.styles, &r.styles));
    if (!rc)
        IN_PART(ctx, "word/numbering.xml",
                folio_dxr_numbering(ctx, a, p.numbering, &r.numbering));
    for (int k = 0; k < 3 && !rc; k++)
        rc = folio_dxr_rels(&r, k == 0 ? p.rels : k == 1 ? p.frels : p.erels, k);
    if (!rc)
        rc = folio_dxr_notes_index(&r, p.foot, p.end);
    if (!rc)
        IN_PART(ctx, "word/header1.xml", folio_dxr_masthead(&r, p.header, p.core, p.footer));
    if (!rc)
        IN_PART(ctx, "word/document.xml", folio_dxr_body(&r, p.doc));
    if (!rc) {
        folio_dxr_resolve_marks(&r);
        rc = folio_dxr_masthead_station(&r, p.doc);
    }
    if (!rc)
        IN_PART(ctx, "word/footnotes.xml", folio_dxr_notes_rest(&r));
    if (rc)
        goto done;
    if ((rc = folio_report_check_limits(ctx, r.rep, &lim)))
        goto done;
    *out = r.rep;
    r.rep = NULL;
done:
    free(r.shown);
    free(r.marks);
    free(r.sup);
    free_parts(&p);
    folio_dxr_close(&pkg);
    folio_report_free(r.rep);
    return rc;
}

int folio_read_docx(folio_ctx *ctx, const char *data, size_t len, const char *name,
                    const folio_read_options *opt, const folio_house *house,
                    folio_report **out)
{
    return folio_read_entry(read_docx, ctx, data, len, name, opt, house, out);
}
