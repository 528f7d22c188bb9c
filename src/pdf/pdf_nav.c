/* Navigation: URI links and the outline (bookmarks). */
#include <stdlib.h>
#include <string.h>
#include <hpdf_objects.h>

#include "pdf/pdf_internal.h"
#include "util/mem.h"

/* A URI is 7-bit ASCII: percent-encode other bytes, spaces and controls
 * (UTF-8 in an IRI becomes its %XX form, as browsers do). malloc'd. */
static char *ascii_uri(const char *uri)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t n = strlen(uri);
    char *out = folio_malloc(3 * n + 1), *o = out;
    if (!out)
        return NULL;
    for (const unsigned char *p = (const unsigned char *)uri; *p; p++) {
        if (*p > 0x20 && *p < 0x7F) {
            *o++ = (char)*p;
        } else {
            *o++ = '%';
            *o++ = hex[*p >> 4];
            *o++ = hex[*p & 15];
        }
    }
    *o = 0;
    return out;
}

int folio_pdf_add_link(folio_pdf *w, const folio_item *it)
{
    if (!it->uri || !*it->uri || it->w <= 0 || it->h <= 0)
        return 0;
    HPDF_Rect r = {
        folio_pdf_pt(it->x),
        (HPDF_REAL)(w->page_h - (it->y + it->h) / 1000.0),
        folio_pdf_pt(it->x + it->w),
        (HPDF_REAL)(w->page_h - it->y / 1000.0),
    };
    /* a link's box never reaches past the paper (libharu refuses
     * coordinates out of its range with a bare error code) */
    HPDF_REAL pw = HPDF_Page_GetWidth(w->page);
    r.left = r.left < 0 ? 0 : r.left > pw ? pw : r.left;
    r.right = r.right < 0 ? 0 : r.right > pw ? pw : r.right;
    r.bottom = r.bottom < 0 ? 0 : r.bottom > (HPDF_REAL)w->page_h ? (HPDF_REAL)w->page_h : r.bottom;
    r.top = r.top < 0 ? 0 : r.top > (HPDF_REAL)w->page_h ? (HPDF_REAL)w->page_h : r.top;
    if (r.right <= r.left || r.top <= r.bottom)
        return 0;
    char *uri = ascii_uri(it->uri);
    if (!uri)
        return folio_pdf_fail(w, FOLIO_E_NOMEM, "out of memory");
    HPDF_Annotation a = HPDF_Page_CreateURILinkAnnot(w->page, r, uri);
    int rc = a ? folio_pdf_tag_annot(w, a, it->sid, uri) : 0;
    free(uri);
    if (!a)
        return folio_pdf_fail(w, FOLIO_E_PDF, "cannot add a link to %s",
                              it->uri);
    if (rc)
        return rc;
    HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
    return folio_pdf_check(w, "adding a link to a web address");
}

/* Jump to the target's top keeping the reader's zoom. libharu refuses zoom
 * 0, which the PDF specification defines as "unchanged" (the same as
 * null), so set 1 through the API and then put 0 in its place. */
static int set_target(HPDF_Destination dst, double top)
{
    if (HPDF_Destination_SetXYZ(dst, 0, (HPDF_REAL)top, 1) != HPDF_OK)
        return -1;
    HPDF_Array arr = (HPDF_Array)dst;
    HPDF_Real zoom = arr->list && arr->list->count == 5
                   ? HPDF_List_ItemAt(arr->list, 4) : NULL;
    if (!zoom || (zoom->header.obj_class & HPDF_OCLASS_ANY) != HPDF_OCLASS_REAL)
        return -1;
    return HPDF_Real_SetValue(zoom, 0) == HPDF_OK ? 0 : -1;
}

int folio_pdf_add_outline(folio_pdf *w, const folio_item *it)
{
    if (!it->text || it->len == 0)
        return 0;
    int level = it->level < 1 ? 1 : it->level > FOLIO_PDF_MAX_LEVEL
              ? FOLIO_PDF_MAX_LEVEL : it->level;
    /* The parent is the latest entry one level up (or further up when a
     * level was skipped); NULL is the root. */
    HPDF_Outline parent = NULL;
    for (int up = level - 1; up >= 1 && !parent; up--)
        parent = w->outline_at[up];
    const char *title = folio_pdf_cstr(w, it->text, it->len);
    if (!title)
        return folio_pdf_fail(w, FOLIO_E_NOMEM, "out of memory");
    HPDF_Outline o = HPDF_CreateOutline(w->doc, parent, title, w->utf8);
    HPDF_Destination dst = o ? HPDF_Page_CreateDestination(w->page) : NULL;
    if (!o || !dst || set_target(dst, w->page_h - it->y / 1000.0) < 0 ||
        HPDF_Outline_SetDestination(o, dst) != HPDF_OK)
        return folio_pdf_fail(w, FOLIO_E_PDF, "cannot add the bookmark %s",
                              title);
    if (level == 1)
        HPDF_Outline_SetOpened(o, HPDF_TRUE);
    w->outline_at[level] = o;
    for (int down = level + 1; down <= FOLIO_PDF_MAX_LEVEL; down++)
        w->outline_at[down] = NULL;
    w->has_outlines = 1;
    return folio_pdf_check(w, "adding a bookmark");
}
