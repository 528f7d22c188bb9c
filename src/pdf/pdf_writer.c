/* The PDF writer: one libharu document per call, pages drawn item by item
 * from the layout, saved in one go. libharu's errors are sticky, so the
 * handler only records the first one and the writer checks at each page. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf/pdf_internal.h"
#include "util/text.h"
#include "util/mem.h"

static void on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void *data)
{
    folio_pdf *w = data;
    if (!w->error) {
        w->error = error_no;
        w->detail = detail_no;
    }
}

/* libharu allocates through folio's hook (util/mem.h); it checks every
 * allocation and reports a failure as HPDF_FAILD_TO_ALLOC_MEM. */
static void *hpdf_alloc(HPDF_UINT size)
{
    return folio_malloc(size);
}

static void hpdf_free(void *p)
{
    free(p);
}

static void draw_rule(folio_pdf *w, const folio_item *it)
{
    HPDF_Page_SetLineWidth(w->page, folio_pdf_pt(it->thickness));
    HPDF_Page_MoveTo(w->page, folio_pdf_pt(it->x),
                     (HPDF_REAL)(w->page_h - it->y / 1000.0));
    HPDF_Page_LineTo(w->page, folio_pdf_pt(it->x + it->w),
                     (HPDF_REAL)(w->page_h - (it->y + it->h) / 1000.0));
    HPDF_Page_Stroke(w->page);
}

static void draw_rect(folio_pdf *w, const folio_item *it)
{
    HPDF_Page_Rectangle(w->page, folio_pdf_pt(it->x),
                        (HPDF_REAL)(w->page_h - (it->y + it->h) / 1000.0),
                        folio_pdf_pt(it->w), folio_pdf_pt(it->h));
    HPDF_Page_Fill(w->page);
}

/* Graphics of item sid `sid` follow: out of any text object, in a
 * marked-content sequence of their own. */
static int graphics(folio_pdf *w, uint32_t sid)
{
    int rc = folio_pdf_end_text(w);
    return rc < 0 ? rc : folio_pdf_mark(w, sid, 0);
}

static int draw_item(folio_pdf *w, const folio_item *it)
{
    int rc = 0;
    if (it->kind == FOLIO_ITEM_TEXT) {
        if (it->len && it->text) /* the ID digests the text drawn */
            HPDF_MD5Update(&w->id_md5, (const HPDF_BYTE *)it->text, it->len);
        return folio_pdf_draw_text(w, it);
    }
    switch (it->kind) {
    case FOLIO_ITEM_RULE:
        if (it->thickness > 0 && !(rc = graphics(w, it->sid)))
            draw_rule(w, it);
        return rc;
    case FOLIO_ITEM_RECT:
        if (it->w > 0 && it->h > 0 && !(rc = graphics(w, it->sid)))
            draw_rect(w, it);
        return rc;
    case FOLIO_ITEM_ART:
        if (!it->art || it->w <= 0 || it->h <= 0)
            return 0;
        return (rc = graphics(w, it->sid)) ? rc : folio_pdf_draw_art(w, it);
    case FOLIO_ITEM_IMAGE:
        if (!it->image || it->w <= 0 || it->h <= 0)
            return 0;
        return (rc = graphics(w, it->sid)) ? rc : folio_pdf_draw_image(w, it);
    case FOLIO_ITEM_LINK:
        return folio_pdf_add_link(w, it);
    case FOLIO_ITEM_OUTLINE:
        return folio_pdf_add_outline(w, it);
    default:
        return folio_pdf_fail(w, FOLIO_E_PDF, "an item of unknown kind %d",
                              (int)it->kind);
    }
}

static int draw_page(folio_pdf *w, const folio_layout *l, size_t index)
{
    const folio_page *pg = &l->pages[index];
    /* libharu 2.3.0's HPDF_Page_New goes on with a page resource dictionary
     * it has freed when an allocation fails (AddResource after a failed
     * HPDF_Dict_Add): the allocation-failure test leaves this call alone */
    folio_mem_unhook(1);
    w->page = HPDF_AddPage(w->doc);
    folio_mem_unhook(0);
    if (!w->page)
        return folio_pdf_fail(w, FOLIO_E_PDF, "cannot add page %zu",
                              index + 1);
    w->page_h = l->height / 1000.0;
    w->page_h_mpt = l->height;
    w->page_index = index;
    w->in_text = 0;
    w->cur_font = NULL;
    w->cur_size = 0;
    w->cur_hscale = 1000;
    HPDF_Page_SetWidth(w->page, folio_pdf_pt(l->width));
    HPDF_Page_SetHeight(w->page, folio_pdf_pt(l->height));
    HPDF_Page_SetLineCap(w->page, HPDF_BUTT_END);
    int rc = folio_pdf_check(w, "setting up a page");
    if (rc == 0)
        rc = folio_pdf_tags_page(w);
    for (size_t i = 0; rc == 0 && i < pg->nitems; i++)
        rc = draw_item(w, &pg->items[i]);
    if (rc == 0)
        rc = folio_pdf_end_text(w);
    if (rc == 0)
        rc = folio_pdf_mark_end(w);
    if (rc == 0)
        rc = folio_pdf_check(w, "drawing a page");
    if (rc == 0)
        rc = folio_pdf_deflate_page(w);
    return rc;
}

/* Both entry points: `release` frees each page's items once the page is
 * drawn (the layout is not const then). */
static int write_pdf(folio_ctx *ctx, const folio_layout *l, folio_page *release,
                     const folio_fonts *fonts, const folio_dest *dest)
{
    folio_pdf w;
    memset(&w, 0, sizeof(w));
    w.ctx = ctx;
    int rc = FOLIO_E_USAGE;
    if (!ctx || !l || !fonts || !dest || (!dest->path && (!dest->data || !dest->len)))
        goto done;
    if (l->npages == 0 || l->width <= 0 || l->height <= 0) {
        rc = folio_pdf_fail(&w, FOLIO_E_PDF,
                            "the layout has no pages or no page size");
        goto done;
    }
    w.doc = HPDF_NewEx(on_error, hpdf_alloc, hpdf_free, 0, &w);
    if (!w.doc) {
        rc = folio_pdf_fail(&w, FOLIO_E_NOMEM,
                            "cannot create a libharu document");
        goto done;
    }
    HPDF_SetCompressionMode(w.doc, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(w.doc);
    HPDF_SetCurrentEncoder(w.doc, "UTF-8");
    w.utf8 = HPDF_GetEncoder(w.doc, "UTF-8");
    if (!w.utf8) {
        rc = folio_pdf_fail(&w, FOLIO_E_PDF, "no UTF-8 encoder");
        goto done;
    }
    if ((rc = folio_pdf_check(&w, "setting up the document")) < 0)
        goto done;
    HPDF_MD5Init(&w.id_md5);
    w.layout = l;
    if ((rc = folio_pdf_tags_begin(&w, l)) < 0 ||
        (rc = folio_pdf_load_fonts(&w, l, fonts)) < 0)
        goto done;
    for (size_t i = 0; i < l->npages; i++) {
        if ((rc = draw_page(&w, l, i)) < 0)
            goto done;
        if (release) {
            free(release[i].items);
            release[i].items = NULL;
            release[i].nitems = release[i].cap = 0;
        }
    }
    if ((rc = folio_pdf_tags_finish(&w)) < 0 || (rc = folio_pdf_set_meta(&w, l)) < 0 ||
        (rc = folio_pdf_set_pdfa(&w, l)) < 0)
        goto done;
    if ((rc = folio_pdf_fix_tounicode(&w)) < 0)
        goto done;
    rc = folio_pdf_save(&w, dest);
done:
    if (w.doc)
        HPDF_Free(w.doc);
    folio_pdf_tags_free(&w);
    free(w.buf);
    free(w.run.buf);
    for (int f = 0; f < FOLIO_FONTS_MAX; f++) {
        free(w.width[f]);
        free(w.codes[f]);
    }
    return rc;
}

int folio_pdf_write(folio_ctx *ctx, const folio_layout *l,
                    const folio_fonts *fonts, const char *path)
{
    folio_dest dest = {path, NULL, NULL};
    return write_pdf(ctx, l, NULL, fonts, path ? &dest : NULL);
}

int folio_pdf_write_release(folio_ctx *ctx, folio_layout *l,
                            const folio_fonts *fonts, const char *path)
{
    folio_dest dest = {path, NULL, NULL};
    return write_pdf(ctx, l, l ? l->pages : NULL, fonts, path ? &dest : NULL);
}

int folio_pdf_write_release_to(folio_ctx *ctx, folio_layout *l,
                               const folio_fonts *fonts, const folio_dest *dest)
{
    return write_pdf(ctx, l, l ? l->pages : NULL, fonts, dest);
}
