/* The first-page footer, as the furniture plan (flow->furn) says: the job
 * number over its Code 39 bars and their human-readable line on the left;
 * "Please recycle", the recycling mark and the QR code of the document's
 * address on the right, on tab stops where the plan puts them. A
 * borderless grid whose left column ends where the right-hand group
 * begins; the images inline, rasterized at print resolution with whole
 * pixels per module. */
#include <string.h>

#include "docx/docx_xml.h"

/* Pixels per unit of `len` (mpt) at the raster resolution, at least 1. */
static int px_per(int32_t len, float units)
{
    int ppm = (int)((float)len / 1000 / units * DX_RASTER_DPI / 72 + 0.5f);
    return ppm < 1 ? 1 : ppm;
}

static int barcode(dx_xml *x)
{
    const folio_furniture *u = &x->doc->f->furn;
    const folio_art *art = u->barcode.art;
    if (!u->barcode.payload || !art || art->width <= 0)
        return 0;
    /* whole pixels per module keep every bar exact */
    int ppm = px_per(u->barcode.module, 1);
    dx_raster r = {.width_px = (int)(art->width * (float)ppm + 0.5f),
                   .height_px = (int)(art->height * (float)ppm + 0.5f)};
    /* the alternative text says what the bars hold */
    const char *descr = folio_sprintf(x->doc->arena, "Bar code of the job number %s",
                                      u->barcode.payload);
    return folio_dx_image_run(x, art, &r, u->barcode.box.w, u->barcode.box.h,
                              descr ? descr : "Bar code");
}

/* "*1913879*" spread under the bars: each character advances to the
 * next one's place. */
static void barcode_text(dx_xml *x)
{
    const folio_furniture *u = &x->doc->f->furn;
    const char *t = u->barcode.text;
    if (!t)
        return;
    folio_dx_para_start(x, "UNBarcodeText");
    for (size_t i = 0; t[i]; i++) {
        char c[2] = {t[i], 0};
        dx_start(x, "w:r");
        if (t[i + 1]) {
            int32_t extra = u->barcode.char_x[i + 1] - u->barcode.char_x[i] -
                            u->barcode.char_w[i];
            dx_start(x, "w:rPr");
            folio_dx_val_int(x, "w:spacing", DX_TWIPS(extra));
            dx_end(x);
        }
        folio_dx_text_elem(x, "w:t", c);
        dx_end(x);
    }
    dx_end(x);
}

static int recycle_mark(dx_xml *x)
{
    const folio_furniture *u = &x->doc->f->furn;
    const folio_art *art = u->recycle_art;
    if (!art || !u->recycle_mark.w || art->width <= 0 || art->height <= 0)
        return 0;
    dx_raster r = {.height_px = px_per(u->recycle_mark.h, 1), .antialias = 1};
    r.width_px = (int)((float)r.height_px * art->width / art->height + 0.5f);
    return folio_dx_image_run(x, art, &r, u->recycle_mark.w, u->recycle_mark.h,
                              "Please recycle");
}

static int qr(dx_xml *x)
{
    const folio_furniture *u = &x->doc->f->furn;
    const folio_art *art = u->qr_art;
    if (!u->qr_url || !art || art->width <= 0 || art->height <= 0)
        return 0;
    /* whole pixels per module */
    int ppm = px_per(u->qr.w, art->width);
    dx_raster r = {.width_px = (int)(art->width + 0.5f) * ppm,
                   .height_px = (int)(art->height + 0.5f) * ppm};
    const char *descr = folio_sprintf(x->doc->arena, "QR code of %s", u->qr_url);
    return folio_dx_image_run(x, art, &r, u->qr.w, u->qr.h, descr ? descr : "QR code");
}

/* Left tab stops at the plan's places (from the cell's left edge). */
static void tabs(dx_xml *x, const int32_t *pos, size_t n)
{
    dx_start(x, "w:pPr");
    folio_dx_val(x, "w:pStyle", "UNRecycle");
    dx_start(x, "w:tabs");
    for (size_t i = 0; i < n; i++) {
        dx_start(x, "w:tab");
        dx_attr(x, "w:val", "left");
        folio_dx_attr_int(x, "w:pos", DX_TWIPS(pos[i]));
        dx_end(x);
    }
    dx_end(x);
    dx_end(x);
}

/* The right-hand group: the text, then the mark and the QR code each on
 * its tab stop. */
static int right_group(dx_xml *x, int32_t cell_x)
{
    const folio_furniture *u = &x->doc->f->furn;
    int32_t pos[2];
    size_t n = 0;
    if (u->recycle_mark.w)
        pos[n++] = u->recycle_mark.x - cell_x;
    if (u->qr_url)
        pos[n++] = u->qr.x - cell_x;
    dx_start(x, "w:p");
    tabs(x, pos, n);
    folio_dx_run_text(x, NULL, u->recycle.text);
    int rc = 0;
    if (u->recycle_mark.w) {
        folio_dx_tab_run(x);
        rc = recycle_mark(x);
    }
    if (rc >= 0 && u->qr_url) {
        folio_dx_tab_run(x);
        rc = qr(x);
    }
    dx_end(x);
    return rc;
}

int folio_dx_write_first_footer(dx_doc *d)
{
    const folio_furniture *u = &d->f->furn;
    int32_t fl = d->f->page.frame_left;
    dx_xml x;
    int rc = folio_dx_xml_begin(d, &x);
    if (rc < 0)
        return rc;
    folio_dx_root(&x, "w:ftr");
    if (!u->class_name) { /* a flow without furniture */
        folio_dx_empty_para(&x, "UNSpacer");
        dx_end(&x);
        goto finish;
    }
    /* The left column ends where the right-hand group begins. */
    int32_t right_x = fl + d->text_width;
    if (u->recycle.text)
        right_x = u->recycle.x;
    else if (u->recycle_mark.w)
        right_x = u->recycle_mark.x;
    else if (u->qr_url)
        right_x = u->qr.x;
    int32_t w[2] = {right_x - fl, fl + d->text_width - right_x};
    size_t ncols = w[1] > 0 ? 2 : 1;
    if (w[0] <= 0) {
        rc = folio_error(d->ctx, FOLIO_E_DOCX, (folio_pos){0, 0},
                         "the first-page footer does not fit the frame");
        goto done;
    }
    folio_dx_grid_start(&x, w, ncols);
    folio_dx_row_start(&x, 0);
    /* Left: job number over the bars and their line. */
    folio_dx_cell_start(&x, w[0], 1, 0, "bottom");
    folio_dx_para_text(&x, "UNJobLine", u->job.text);
    if (u->barcode.payload) {
        folio_dx_para_start(&x, "UNBarcode");
        rc = barcode(&x);
        dx_end(&x);
        if (rc < 0)
            goto done;
        barcode_text(&x);
    }
    folio_dx_empty_para(&x, "UNFootLeftEnd");
    dx_end(&x);
    if (ncols == 2) {
        folio_dx_cell_start(&x, w[1], 1, 0, "bottom");
        if ((rc = right_group(&x, right_x)) < 0)
            goto done;
        folio_dx_empty_para(&x, "UNFootRightEnd");
        dx_end(&x);
    }
    dx_end(&x); /* w:tr */
    dx_end(&x); /* w:tbl */
    folio_dx_empty_para(&x, "UNSpacer");
    dx_end(&x);
finish:
    return folio_dx_xml_finish(&x, "word/footer1.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml");
done:
    folio_dx_xml_drop(&x);
    return rc;
}
