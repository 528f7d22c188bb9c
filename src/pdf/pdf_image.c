/* Raster images: the house style's emblem PNG. Loaded once per document
 * (libharu embeds each loaded image once). */
#include "pdf/pdf_internal.h"

#include <string.h>

int folio_pdf_draw_image(folio_pdf *w, const folio_item *it)
{
    if (!it->image || it->w <= 0 || it->h <= 0)
        return 0;
    if (!w->image || strcmp(w->image_path, it->image)) {
        w->image = HPDF_LoadPngImageFromFile(w->doc, it->image);
        w->image_path = it->image;
        if (!w->image)
            return folio_pdf_fail(w, FOLIO_E_PDF, "cannot load the image %s", it->image);
    }
    HPDF_Page_DrawImage(w->page, w->image, folio_pdf_pt(it->x),
                        (HPDF_REAL)(w->page_h - (it->y + it->h) / 1000.0),
                        folio_pdf_pt(it->w), folio_pdf_pt(it->h));
    return folio_pdf_check(w, "drawing an image");
}
