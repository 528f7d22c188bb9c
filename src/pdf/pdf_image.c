/* Raster images: the house style's emblem PNG. Loaded once per document
 * (libharu embeds each loaded image once), from bytes folio has decoded
 * in full first: libharu's PNG reader aborts the process on a corrupt
 * file. */
#include "pdf/pdf_internal.h"

#include <stdlib.h>
#include <string.h>

#include "util/file.h"
#include "util/png_check.h"

static int load(folio_pdf *w, const char *path)
{
    char *data = NULL, why[200];
    size_t len = 0;
    uint32_t pw, ph;
    int rc = folio_read_file(w->ctx, path, 16 << 20, &data, &len);
    if (rc)
        return rc;
    rc = folio_png_check((const unsigned char *)data, len, &pw, &ph, why, sizeof why);
    if (rc == 0) {
        w->image = HPDF_LoadPngImageFromMem(w->doc, (const HPDF_BYTE *)data, (HPDF_UINT)len);
        w->image_path = path;
    }
    free(data);
    if (rc == FOLIO_E_NOMEM)
        return rc;
    if (rc)
        return folio_pdf_fail(w, FOLIO_E_PDF, "the image %s: %s", path, why);
    if (!w->image)
        return folio_pdf_fail(w, FOLIO_E_PDF, "cannot load the image %s", path);
    return 0;
}

int folio_pdf_draw_image(folio_pdf *w, const folio_item *it)
{
    int rc;
    if (!it->image || it->w <= 0 || it->h <= 0)
        return 0;
    if ((!w->image || strcmp(w->image_path, it->image)) && (rc = load(w, it->image)))
        return rc;
    HPDF_Page_DrawImage(w->page, w->image, folio_pdf_pt(it->x),
                        (HPDF_REAL)(w->page_h - (it->y + it->h) / 1000.0),
                        folio_pdf_pt(it->w), folio_pdf_pt(it->h));
    return folio_pdf_check(w, "drawing an image");
}
