/* Fonts for the PDF: each face the layout draws, embedded from its
 * TrueType file and used through libharu's UTF-8 encoder (Identity-H, CID =
 * code point). A face costs tens of kilobytes, so unused faces stay out. */
#include "pdf/pdf_internal.h"

/* The faces that TEXT items really use. faces_used should say the same;
 * reading the items means a stale bitmask can neither embed an unused face
 * nor leave a used one out. */
static unsigned faces_drawn(const folio_layout *l)
{
    unsigned used = 0;
    for (size_t p = 0; p < l->npages; p++)
        for (size_t i = 0; i < l->pages[p].nitems; i++) {
            const folio_item *it = &l->pages[p].items[i];
            if (it->kind == FOLIO_ITEM_TEXT && it->len > 0 &&
                (unsigned)it->face < FOLIO_FACE_COUNT)
                used |= 1u << it->face;
        }
    return used;
}

int folio_pdf_load_fonts(folio_pdf *w, const folio_layout *l,
                         const folio_fonts *fonts)
{
    unsigned used = faces_drawn(l);
    for (int f = 0; f < FOLIO_FACE_COUNT; f++) {
        if (!(used & (1u << f)))
            continue;
        const char *path = folio_fonts_path(fonts, (folio_face)f);
        if (!path || !*path)
            return folio_pdf_fail(w, FOLIO_E_FONT, "no font file for face %d",
                                  f);
        /* A broken file can fail without raising an error: check both. */
        const char *name = HPDF_LoadTTFontFromFile(w->doc, path, HPDF_TRUE);
        if (!name || !*name || w->error)
            return folio_pdf_fail(w, FOLIO_E_FONT, "cannot embed the font %s",
                                  path);
        w->font[f] = HPDF_GetFont(w->doc, name, "UTF-8");
        if (!w->font[f] || w->error)
            return folio_pdf_fail(w, FOLIO_E_FONT,
                                  "cannot use the font %s with UTF-8", path);
    }
    return folio_pdf_check(w, "loading fonts");
}
