/* folio_docx_write: the styled flow as a WordprocessingML package.
 *
 * Every part is generated into memory first (document.xml before
 * footnotes.xml, so only referenced notes are written), then the package is
 * written by libzip in a fixed entry order with fixed entry times: the same
 * flow gives the same bytes. libzip writes to a temporary file beside
 * `path` and renames it at zip_close; on any failure the archive is
 * discarded and nothing is left behind. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "docx/docx_xml.h"
#include "docx/docx.h"
#include "house/house.h"

#define PT FOLIO_PT

/* Page margins and header/footer distances from the page geometry. */
static int page_setup(dx_doc *d)
{
    const folio_flow *f = d->f;
    const folio_page_geom *pg = &f->page;
    if (pg->width <= 0 || pg->height <= 0 || pg->frame_right <= pg->frame_left ||
        pg->column_right <= pg->column_left || pg->body_bottom <= pg->body_top)
        return folio_error(d->ctx, FOLIO_E_DOCX, (folio_pos){0, 0},
                           "the styled flow has no usable page geometry");
    d->colofs = pg->column_left - pg->frame_left;
    d->colofs_right = pg->frame_right - pg->column_right;
    d->text_width = pg->frame_right - pg->frame_left;
    /* the footer's bottom, where the first-page footer's cells end too */
    const folio_pstyle *foot = folio_dx_style(d, "UNFooter");
    d->footer_dist = pg->height - (pg->footer_baseline + DX_DESCENT(foot->size));
    if (d->footer_dist < PT(12))
        d->footer_dist = PT(12);
    int rc = folio_dx_masthead_styles(d);
    if (rc < 0)
        return rc;

    /* The body's first line box ends on the first baseline plus descent. */
    const folio_pstyle *body = folio_dx_style(d, "UNPara");
    int32_t lead = body->leading > 0 ? body->leading : PT(12);
    d->margin_top = pg->body_top - (lead - DX_DESCENT(body->size));
    d->margin_bottom = pg->height - (pg->body_bottom + DX_DESCENT(body->size));

    /* Header distance: the top of the masthead's first line (the
     * wordmark row ends on the thin rule); the running head is lowered to
     * its own baseline by its space before. */
    const folio_pstyle *head = folio_dx_style(d, "UNHeader");
    const folio_pstyle *mark = folio_dx_style(d, "UNMastWordmark");
    int32_t head_top = pg->header_baseline -
                       (head->leading - DX_DESCENT(head->size));
    int32_t thin = f->furn.thin_rule.y; /* the masthead's row 1 ends there */
    int32_t mast_top = thin - mark->leading - mark->space_after;
    d->header_dist = mast_top < head_top ? mast_top : head_top;
    if (d->header_dist < PT(12))
        d->header_dist = PT(12);
    d->head_before = head_top - d->header_dist;
    if (d->head_before < 0)
        d->head_before = 0;
    d->mast_row1 = thin - d->header_dist;
    if (d->mast_row1 < PT(24))
        d->mast_row1 = PT(24);

    if (d->margin_top < d->header_dist)
        d->margin_top = d->header_dist;
    if (d->margin_bottom < d->footer_dist)
        d->margin_bottom = d->footer_dist;
    return 0;
}

/* Word ids for every note: footnotes and the endnotes of a closing
 * "Notes" list count apart. Whether Word numbers a note itself or writes
 * its mark as text is decided where its reference is placed (Word counts
 * them in the order of the text). A table's lettered notes stay in the
 * flow's blocks, under their table. */
static int number_notes(dx_doc *d)
{
    const folio_flow *f = d->f;
    const folio_fnote *extra[2] = {f->mast.agenda_note, f->mast.title_note};
    d->notes = folio_alloc(d->arena, sizeof *d->notes * (f->nnotes + 2));
    if (!d->notes)
        return FOLIO_E_NOMEM;
    size_t listed = 0;
    for (size_t i = 0; i < f->nnotes + 2; i++) {
        const folio_fnote *fn = i < f->nnotes ? &f->notes[i] : extra[i - f->nnotes];
        if (!fn || folio_dx_find_fnote(d, fn))
            continue;
        dx_note *n = &d->notes[d->nnotes++];
        n->fn = fn;
        n->endnote = fn->closing;
        n->id = n->endnote ? (int)++d->nend : (int)++d->nfoot;
        if (fn->closing)
            listed += fn->nblocks;
    }
    /* The closing list is the flow's last blocks before the rule: Word
     * sets those notes in endnotes.xml, the rule after them. */
    if (listed) {
        size_t end = f->nblocks;
        while (end > 0 && f->blocks[end - 1].kind == FOLIO_FLOW_END_RULE)
            end--;
        if (end >= listed) {
            d->skip_from = end - listed;
            d->skip_to = end;
            d->rule_in_notes = end < f->nblocks;
        }
    }
    /* a flow made in code may have no house */
    const char *r = f->house ? folio_house_get(f->house, "document", "notes-restart-in-annex")
                             : NULL;
    d->notes_restart = r && (!strcmp(r, "yes") || !strcmp(r, "true") || !strcmp(r, "1"));
    return 0;
}

/* Entry order of the package: fixed, whatever the generation order. */
static int rank(const char *name)
{
    static const char *const order[] = {
        "[Content_Types].xml", "_rels/.rels", "docProps/core.xml",
        "docProps/app.xml", "word/document.xml", "word/styles.xml",
        "word/settings.xml", "word/numbering.xml", "word/fontTable.xml",
        "word/footnotes.xml", "word/endnotes.xml",
        "word/header", "word/footer", "word/media/", "word/_rels/document",
        "word/_rels/",
    };
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
        if (!strncmp(name, order[i], strlen(order[i])))
            return (int)i;
    return 99;
}

static int by_rank(const void *a, const void *b)
{
    const dx_part *p = a, *q = b;
    int r = rank(p->name) - rank(q->name);
    if (r)
        return r;
    /* image2 before image10 */
    size_t lp = strlen(p->name), lq = strlen(q->name);
    if (lp != lq)
        return lp < lq ? -1 : 1;
    return strcmp(p->name, q->name);
}

static int content_types(dx_doc *d)
{
    dx_xml x;
    size_t nparts = d->nparts;
    int rc = folio_dx_xml_begin(d, &x);
    if (rc < 0)
        return rc;
    dx_start(&x, "Types");
    dx_attr(&x, "xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
    static const char *const defaults[][2] = {
        {"rels", "application/vnd.openxmlformats-package.relationships+xml"},
        {"xml", "application/xml"},
        {"png", "image/png"},
    };
    for (size_t i = 0; i < 3; i++) {
        dx_start(&x, "Default");
        dx_attr(&x, "Extension", defaults[i][0]);
        dx_attr(&x, "ContentType", defaults[i][1]);
        dx_end(&x);
    }
    for (size_t i = 0; i < nparts; i++) {
        if (!d->parts[i].ctype)
            continue;
        char name[128];
        snprintf(name, sizeof name, "/%s", d->parts[i].name);
        dx_start(&x, "Override");
        dx_attr(&x, "PartName", name);
        dx_attr(&x, "ContentType", d->parts[i].ctype);
        dx_end(&x);
    }
    dx_end(&x);
    return folio_dx_xml_finish(&x, "[Content_Types].xml", NULL);
}

static int root_rels(dx_doc *d)
{
    dx_xml x;
    int rc = folio_dx_xml_begin(d, &x);
    if (rc < 0)
        return rc;
    static const char *const rels[][3] = {
        {"rId1", DX_REL "officeDocument", "word/document.xml"},
        {"rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
         "docProps/core.xml"},
        {"rId3", DX_REL "extended-properties", "docProps/app.xml"},
    };
    dx_start(&x, "Relationships");
    dx_attr(&x, "xmlns", DX_NS_PKG_REL);
    for (size_t i = 0; i < 3; i++) {
        dx_start(&x, "Relationship");
        dx_attr(&x, "Id", rels[i][0]);
        dx_attr(&x, "Type", rels[i][1]);
        dx_attr(&x, "Target", rels[i][2]);
        dx_end(&x);
    }
    dx_end(&x);
    return folio_dx_xml_finish(&x, "_rels/.rels", NULL);
}

static int zip_fail(dx_doc *d, zip_t *za, const char *path, const char *what)
{
    const char *msg = za ? zip_strerror(za) : "";
    return folio_error(d->ctx, FOLIO_E_IO, (folio_pos){0, 0},
                       "cannot write %s: %s%s%s", path, what,
                       *msg ? ": " : "", msg);
}

/* Add one part; its bytes belong to libzip from here on. */
static int add_entry(dx_doc *d, zip_t *za, dx_part *p, const char *path)
{
    zip_source_t *src = zip_source_buffer(za, p->data, p->len, 1);
    if (!src)
        return zip_fail(d, za, path, p->name);
    p->data = NULL; /* the source frees it */
    zip_int64_t idx = zip_file_add(za, p->name, src, ZIP_FL_ENC_UTF_8);
    if (idx < 0) {
        zip_source_free(src);
        return zip_fail(d, za, path, p->name);
    }
    /* 1980-01-01 00:00, the first DOS date: fixed for reproducible
     * packages (and independent of the time zone). */
    if (zip_set_file_compression(za, (zip_uint64_t)idx,
                                 p->stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
                                 0) < 0 ||
        zip_file_set_dostime(za, (zip_uint64_t)idx, 0, (1 << 5) | 1, 0) < 0)
        return zip_fail(d, za, path, p->name);
    return 0;
}

/* The finished archive in `src` (kept past zip_close) into a malloc'd
 * buffer. */
static int read_source(dx_doc *d, zip_source_t *src, char **data, size_t *len)
{
    zip_stat_t st;
    char *buf = NULL;
    int rc = 0;
    zip_stat_init(&st);
    if (zip_source_stat(src, &st) < 0 || !(st.valid & ZIP_STAT_SIZE) ||
        zip_source_open(src) < 0)
        return folio_error(d->ctx, FOLIO_E_DOCX, (folio_pos){0, 0},
                           "cannot read the DOCX package back: %s",
                           zip_error_strerror(zip_source_error(src)));
    if (!(buf = folio_malloc(st.size ? (size_t)st.size : 1)))
        rc = FOLIO_E_NOMEM;
    else if (zip_source_read(src, buf, st.size) != (zip_int64_t)st.size)
        rc = folio_error(d->ctx, FOLIO_E_DOCX, (folio_pos){0, 0},
                         "cannot read the DOCX package back: %s",
                         zip_error_strerror(zip_source_error(src)));
    zip_source_close(src);
    if (rc) {
        free(buf);
        return rc;
    }
    *data = buf;
    *len = (size_t)st.size;
    return 0;
}

/* To a file, libzip writes a temporary file beside it and renames it at
 * zip_close; zip_discard leaves no file behind. In memory, it writes to a
 * buffer source. */
static int write_zip(dx_doc *d, const folio_dest *dest)
{
    const char *path = dest->path ? dest->path : "the DOCX package";
    zip_source_t *mem = NULL;
    zip_error_t ze;
    zip_t *za = NULL;
    int err = 0, rc = 0;
    zip_error_init(&ze);
    if (dest->path) {
        za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
        if (!za)
            zip_error_init_with_code(&ze, err);
    } else if ((mem = zip_source_buffer_create(NULL, 0, 0, &ze))) {
        zip_source_keep(mem); /* past zip_close, to be read */
        if (!(za = zip_open_from_source(mem, ZIP_TRUNCATE, &ze)))
            zip_source_free(mem); /* the open's reference */
    }
    if (!za) {
        rc = zip_error_code_zip(&ze) == ZIP_ER_MEMORY
                 ? FOLIO_E_NOMEM
                 : folio_error(d->ctx, FOLIO_E_IO, (folio_pos){0, 0}, "cannot write %s: %s",
                               path, zip_error_strerror(&ze));
        goto done;
    }
    qsort(d->parts, d->nparts, sizeof *d->parts, by_rank);
    for (size_t i = 0; i < d->nparts && rc == 0; i++)
        rc = add_entry(d, za, &d->parts[i], path);
    if (rc == 0 && zip_close(za) < 0)
        rc = zip_fail(d, za, path, "closing the package");
    else if (rc == 0)
        za = NULL; /* closed and freed */
    if (za)
        zip_discard(za);
    if (rc == 0 && mem)
        rc = read_source(d, mem, dest->data, dest->len);
done:
    zip_source_free(mem); /* NULL is fine */
    zip_error_fini(&ze);
    return rc;
}

static int generate(dx_doc *d)
{
    int rc;
    if ((rc = page_setup(d)) < 0 || (rc = folio_dx_note_styles(d)) < 0 ||
        (rc = number_notes(d)) < 0 || (rc = folio_dx_lists_load(d)) < 0 ||
        (rc = folio_dx_scan_styles(d)) < 0 ||
        (rc = folio_dx_write_first_header(d)) < 0 ||
        (rc = folio_dx_write_first_footer(d)) < 0 ||
        (rc = folio_dx_write_running(d)) < 0 ||
        (rc = folio_dx_write_document(d)) < 0 ||
        (rc = folio_dx_write_footnotes(d)) < 0 ||
        (rc = folio_dx_write_endnotes(d)) < 0 ||
        (rc = folio_dx_write_numbering(d)) < 0 ||
        (rc = folio_dx_write_styles(d)) < 0 ||
        (rc = folio_dx_write_settings(d)) < 0 ||
        (rc = folio_dx_write_font_table(d)) < 0 ||
        (rc = folio_dx_write_props(d)) < 0 || (rc = content_types(d)) < 0 ||
        (rc = root_rels(d)) < 0)
        return rc;
    for (size_t i = 0; i < d->nnotes; i++)
        if (!d->notes[i].referenced && !d->notes[i].parent &&
            (!d->notes[i].fn->endnote || d->notes[i].endnote) && !d->template_doc)
            folio_warn(d->ctx, d->notes[i].fn->note ? d->notes[i].fn->note->pos
                                                    : (folio_pos){0, 0},
                       "note %s is not referenced in the text: left out of "
                       "the DOCX", d->notes[i].fn->mark ? d->notes[i].fn->mark
                                                        : "?");
    return 0;
}

static int write_package(folio_ctx *ctx, const folio_flow *f, const folio_dest *dest,
                         int template_doc)
{
    if (!f || !dest || (dest->path ? !*dest->path : !dest->data || !dest->len))
        return folio_error(ctx, FOLIO_E_USAGE, (folio_pos){0, 0},
                           "folio_docx_write: no flow or no output");
    const char *path = dest->path ? dest->path : "the DOCX package";
    dx_doc d = {0};
    d.ctx = ctx;
    d.f = f;
    d.template_doc = template_doc;
    d.arena = folio_arena_new();
    if (!d.arena)
        return FOLIO_E_NOMEM;
    int rc = generate(&d);
    if (rc == FOLIO_E_NOMEM)
        folio_error(ctx, rc, (folio_pos){0, 0},
                    "out of memory while writing %s", path);
    if (rc == 0)
        rc = write_zip(&d, dest);
    for (size_t i = 0; i < d.nparts; i++)
        free(d.parts[i].data);
    folio_arena_free(d.arena);
    return rc;
}

int folio_docx_write_to(folio_ctx *ctx, const folio_flow *f, const folio_dest *dest)
{
    return write_package(ctx, f, dest, 0);
}

int folio_docx_write(folio_ctx *ctx, const folio_flow *f, const char *path)
{
    folio_dest dest = {path, NULL, NULL};
    return write_package(ctx, f, &dest, 0);
}

int folio_docx_write_template_to(folio_ctx *ctx, const folio_style_options *opt,
                                 const folio_fonts *fonts, const folio_dest *dest)
{
    /* An empty report through the style stage: the house's styles, lists,
     * page and furniture for the station and language asked for. */
    folio_report *r = NULL;
    folio_flow *f = NULL;
    int rc = folio_report_new(ctx, "template", &r);
    if (rc == 0)
        rc = folio_style_apply(ctx, r, opt, fonts, &f);
    if (rc == 0)
        rc = write_package(ctx, f, dest, 1);
    folio_flow_free(f);
    folio_report_free(r);
    return rc;
}

int folio_docx_write_template(folio_ctx *ctx, const folio_style_options *opt,
                              const folio_fonts *fonts, const char *path)
{
    folio_dest dest = {path, NULL, NULL};
    return folio_docx_write_template_to(ctx, opt, fonts, &dest);
}
