/* Fonts for the PDF: each face the layout draws, embedded from its
 * TrueType file and used through libharu's UTF-8 encoder (Identity-H, CID =
 * code point; shaped glyphs through private-use codes). A face costs tens
 * of kilobytes, so unused faces stay out; the house faces are embedded by
 * libharu from their files, the faces found by name (Chinese, Arabic) as
 * subsets (pdf_subset.c). The house faces come first, the others in the
 * order the document first draws them, so the file does not depend on
 * the order in which a process loaded them. */
#include <stdlib.h>
#include <string.h>

#include <hpdf_doc.h>
#include <hpdf_fontdef.h>

#include "pdf/pdf_internal.h"
#include "util/mem.h"

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
                (unsigned)it->face < FOLIO_FONTS_MAX)
                used |= 1u << it->face;
        }
    return used;
}

/* The faces in the order they are loaded: the house faces, then the
 * others as the document first draws them. Returns how many. */
static int load_order(const folio_layout *l, unsigned used, int *order)
{
    int n = 0;
    unsigned seen = 0;
    for (int f = 0; f < FOLIO_FACE_COUNT; f++)
        if (used & (1u << f))
            order[n++] = f;
    for (size_t p = 0; p < l->npages; p++)
        for (size_t i = 0; i < l->pages[p].nitems; i++) {
            const folio_item *it = &l->pages[p].items[i];
            if (it->kind != FOLIO_ITEM_TEXT || it->face < FOLIO_FACE_COUNT ||
                !(used & (1u << it->face)) || (seen & (1u << it->face)))
                continue;
            seen |= 1u << it->face;
            order[n++] = it->face;
        }
    return n;
}

/* The faces in `used` that libharu loaded as the font `name` (two faces
 * may share a file, and so one font). */
static unsigned faces_named(const char *const names[], unsigned used,
                            const char *name)
{
    unsigned mask = 0;
    for (int f = 0; f < FOLIO_FACE_COUNT; f++)
        if ((used & (1u << f)) && !strcmp(names[f], name))
            mask |= 1u << f;
    return mask;
}

/* The PDF widths of the codes a face draws. Asking libharu for them also
 * marks their glyphs (and the components of composite ones) for
 * embedding, as drawing through HPDF_Page_ShowText would (pdf_text.c
 * writes the text itself). */
static int face_widths(folio_pdf *w, int face, HPDF_FontDef def,
                       const folio_pdf_codes *codes)
{
    int16_t *width = folio_calloc(65536, sizeof(*width));
    if (!width)
        return folio_pdf_fail(w, FOLIO_E_NOMEM, "out of memory");
    for (unsigned code = 0; code < 65536; code++)
        if (folio_pdf_codes_has(codes, code))
            width[code] = HPDF_TTFontDef_GetCharWidth(def, (HPDF_UINT16)code);
    w->width[face] = width;
    return 0;
}

/* Each font definition, loaded once, gets the one-lookup cmap of the codes
 * its faces draw before any font is made from it; each face gets the
 * widths of its codes. */
static int flatten_cmaps(folio_pdf *w, const folio_layout *l,
                         const char *const names[], unsigned used)
{
    int rc = 0;
    folio_pdf_codes *codes = folio_malloc(sizeof(*codes));
    if (!codes)
        return folio_pdf_fail(w, FOLIO_E_NOMEM, "out of memory");
    for (int f = 0; f < FOLIO_FACE_COUNT; f++) {
        if (!(used & (1u << f)))
            continue;
        unsigned mask = faces_named(names, used, names[f]);
        if (mask & ((1u << f) - 1))
            continue; /* done with an earlier face */
        HPDF_FontDef def = HPDF_Doc_FindFontDef(w->doc, names[f]);
        memset(codes, 0, sizeof(*codes));
        if ((rc = folio_pdf_collect_codes(w, l, mask, codes)) < 0 ||
            (rc = folio_pdf_flatten_cmap(w, def, f, codes)) < 0)
            break;
        for (int g = f; g < FOLIO_FACE_COUNT && rc == 0; g++) {
            if (!(mask & (1u << g)))
                continue;
            if (!(w->codes[g] = folio_malloc(sizeof *codes))) {
                rc = folio_pdf_fail(w, FOLIO_E_NOMEM, "out of memory");
                break;
            }
            *w->codes[g] = *codes;
            rc = face_widths(w, g, def, codes);
        }
        if (rc < 0)
            break;
    }
    free(codes);
    return rc;
}

/* A face subset to the codes it draws, loaded from memory, its widths
 * looked up. */
static int load_other(folio_pdf *w, const folio_layout *l, const folio_fonts *fonts, int f,
                      const char **name)
{
    int rc;
    if (!(w->codes[f] = folio_calloc(1, sizeof *w->codes[f])))
        return folio_pdf_fail(w, FOLIO_E_NOMEM, "out of memory");
    if ((rc = folio_pdf_collect_codes(w, l, 1u << f, w->codes[f])) < 0 ||
        (rc = folio_pdf_load_subset(w, fonts, f, w->codes[f], name)) < 0)
        return rc;
    return face_widths(w, f, HPDF_Doc_FindFontDef(w->doc, *name), w->codes[f]);
}

int folio_pdf_load_fonts(folio_pdf *w, const folio_layout *l,
                         const folio_fonts *fonts)
{
    unsigned used = faces_drawn(l);
    const char *names[FOLIO_FONTS_MAX] = {0};
    int order[FOLIO_FONTS_MAX], n = load_order(l, used, order);
    int rc;
    /* A document that draws faces found by name (Chinese, Arabic) has its
     * house faces subset too: libharu's fixed 43 KB a face would be most
     * of what its Latin words and digits cost. */
    if (used >> FOLIO_FACE_COUNT) {
        for (int k = 0; k < n; k++)
            if ((rc = load_other(w, l, fonts, order[k], &names[order[k]])) < 0)
                return rc;
        goto make;
    }
    for (int f = 0; f < FOLIO_FACE_COUNT; f++) {
        if (!(used & (1u << f)))
            continue;
        const char *path = folio_fonts_path(fonts, (folio_face)f);
        if (!path || !*path)
            return folio_pdf_fail(w, FOLIO_E_FONT, "no font file for face %d",
                                  f);
        /* A broken file can fail without raising an error: check both. */
        names[f] = HPDF_LoadTTFontFromFile(w->doc, path, HPDF_TRUE);
        /* libharu may record the error without calling the handler; the
         * next call would then fail and be blamed for it */
        if (!names[f] || !*names[f] || w->error || HPDF_GetError(w->doc) != HPDF_OK)
            return folio_pdf_fail(w, FOLIO_E_FONT, "cannot embed the font %s",
                                  path);
    }
    if ((rc = flatten_cmaps(w, l, names, used & ((1u << FOLIO_FACE_COUNT) - 1))) < 0)
        return rc;
    for (int k = 0; k < n; k++)
        if (order[k] >= FOLIO_FACE_COUNT &&
            (rc = load_other(w, l, fonts, order[k], &names[order[k]])) < 0)
            return rc;
make:
    for (int k = 0; k < n; k++) {
        int f = order[k];
        w->font[f] = HPDF_GetFont(w->doc, names[f], "UTF-8");
        if (!w->font[f] || w->error)
            return folio_pdf_fail(w, FOLIO_E_FONT,
                                  "cannot use the font %s with UTF-8",
                                  folio_fonts_path(fonts, f));
    }
    return folio_pdf_check(w, "loading fonts");
}
