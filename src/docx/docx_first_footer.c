/* The first-page footer: the job number over its Code 39 barcode on the
 * left; "Please recycle" with the recycling mark and the QR code of the
 * document's address on the right, as a borderless grid with the images
 * inline (rasterized at print resolution, whole pixels per module). */
#include <string.h>

#include "docx/docx_xml.h"

#define PT FOLIO_PT

#define BAR_MODULE PT(0.68)    /* narrow bar: 3 px (318 dpi), as the PDF */
#define BAR_PX 3
#define BAR_HEIGHT PT(18)
#define QR_SIZE PT(44)
#define RECYCLE_H PT(18)
#define FOOT_LEFT PT(190)      /* job number and barcode column */

static int barcode(dx_xml *x)
{
    dx_doc *d = x->doc;
    const char *payload = d->f->mast.barcode;
    const folio_art *art;
    if (!payload || !*payload)
        return 0;
    int rc = folio_art_code39(d->arena, payload,
                              (float)BAR_HEIGHT / (float)BAR_MODULE, &art);
    if (rc == FOLIO_E_NOMEM)
        return rc;
    if (rc < 0 || !art || art->width <= 0)
        return folio_warn(d->ctx, (folio_pos){0, 0},
                          "no barcode for job number payload \"%s\"", payload);
    /* Whole pixels per module keep every bar exact. */
    dx_raster r = {.width_px = (int)(art->width * BAR_PX + 0.5f),
                   .height_px = (int)(art->height * BAR_PX + 0.5f)};
    return folio_dx_image_run(x, art, &r,
                              (int32_t)(art->width * (float)BAR_MODULE),
                              (int32_t)(art->height * (float)BAR_MODULE),
                              "bar code");
}

static int recycle(dx_xml *x)
{
    dx_doc *d = x->doc;
    const folio_art *art;
    int rc = folio_art_recycle(d->arena, &art);
    if (rc == FOLIO_E_NOMEM)
        return rc;
    if (rc < 0 || !art || art->width <= 0 || art->height <= 0)
        return folio_warn(d->ctx, (folio_pos){0, 0},
                          "the recycling symbol artwork is unavailable");
    int32_t w = (int32_t)((float)RECYCLE_H * art->width / art->height);
    dx_raster r = {.height_px = (int)(RECYCLE_H / 1000 * 300 / 72),
                   .antialias = 1};
    r.width_px = (int)((float)r.height_px * art->width / art->height + 0.5f);
    return folio_dx_image_run(x, art, &r, w, RECYCLE_H, "Please recycle");
}

static int qr(dx_xml *x)
{
    dx_doc *d = x->doc;
    const char *url = d->f->mast.qr_url;
    const folio_art *art;
    if (!url || !*url)
        return 0;
    int rc = folio_art_qr(d->arena, url, 0, &art);
    if (rc == FOLIO_E_NOMEM)
        return rc;
    if (rc < 0 || !art || art->width <= 0 || art->height <= 0)
        return folio_warn(d->ctx, (folio_pos){0, 0},
                          "no QR code for \"%s\"", url);
    /* Whole pixels per module, about 300 dpi at the printed size. */
    int ppm = (int)((float)QR_SIZE / 1000 / art->width * 300 / 72 + 0.5f);
    if (ppm < 1)
        ppm = 1;
    dx_raster r = {.width_px = (int)(art->width + 0.5f) * ppm,
                   .height_px = (int)(art->height + 0.5f) * ppm};
    return folio_dx_image_run(x, art, &r, QR_SIZE, QR_SIZE, "QR code");
}

static void space_run(dx_xml *x, const char *text)
{
    dx_start(x, "w:r");
    dx_start(x, "w:t");
    dx_attr(x, "xml:space", "preserve");
    folio_dx_chars(x, text, strlen(text));
    dx_end(x);
    dx_end(x);
}

int folio_dx_write_first_footer(dx_doc *d)
{
    const folio_masthead *m = &d->f->mast;
    dx_xml x;
    int rc = folio_dx_xml_begin(d, &x);
    if (rc < 0)
        return rc;
    /* The left column holds the job number and the barcode; the rest is
     * for the recycling mark, whose wording is long in some languages. */
    int32_t w[2] = {FOOT_LEFT, d->text_width - FOOT_LEFT};
    folio_dx_root(&x, "w:ftr");
    folio_dx_grid_start(&x, w, 2);
    folio_dx_row_start(&x, 0);
    /* Left: job number over the barcode. */
    folio_dx_cell_start(&x, w[0], 1, 0, "bottom");
    folio_dx_para_text(&x, "UNJobLine", m->job_line);
    folio_dx_para_start(&x, "UNBarcode");
    rc = barcode(&x);
    dx_end(&x);
    dx_end(&x);
    if (rc < 0)
        goto done;
    /* Right: "Please recycle" and its mark, then the QR code, on one
     * baseline. */
    folio_dx_cell_start(&x, w[1], 1, 0, "bottom");
    folio_dx_para_start(&x, "UNRecycle");
    if (m->recycle && *m->recycle) {
        folio_dx_run_text(&x, NULL, m->recycle);
        space_run(&x, " ");
    }
    rc = recycle(&x);
    if (rc < 0)
        goto done;
    space_run(&x, "      ");
    rc = qr(&x);
    if (rc < 0)
        goto done;
    dx_end(&x);
    dx_end(&x);
    dx_end(&x); /* w:tr */
    dx_end(&x); /* w:tbl */
    folio_dx_empty_para(&x, "UNSpacer");
    dx_end(&x);
    return folio_dx_xml_finish(&x, "word/footer1.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml");
done:
    folio_dx_xml_drop(&x);
    return rc;
}
