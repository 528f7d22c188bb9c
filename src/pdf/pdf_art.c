/* Vector artwork (emblem, barcodes, recycling mark): the art's own box
 * (y down) is mapped onto the item's box by one transformation, so shapes
 * and stroke widths scale together. */
#include "pdf/pdf_internal.h"

/* Paths must start with a move: libharu would raise an error otherwise,
 * and an art generator that does this has a bug. */
static int path_ok(const folio_shape *s)
{
    return s->nsegs > 0 && s->segs && s->segs[0].op == FOLIO_PATH_MOVE;
}

static void draw_path(HPDF_Page page, const folio_shape *s)
{
    /* The width is graphics state: set before the path begins. */
    if (s->stroke > 0)
        HPDF_Page_SetLineWidth(page, s->stroke);
    for (size_t i = 0; i < s->nsegs; i++) {
        const folio_path_seg *g = &s->segs[i];
        switch (g->op) {
        case FOLIO_PATH_MOVE:
            HPDF_Page_MoveTo(page, g->x[0], g->y[0]);
            break;
        case FOLIO_PATH_LINE:
            HPDF_Page_LineTo(page, g->x[0], g->y[0]);
            break;
        case FOLIO_PATH_CURVE:
            HPDF_Page_CurveTo(page, g->x[0], g->y[0], g->x[1], g->y[1],
                              g->x[2], g->y[2]);
            break;
        case FOLIO_PATH_CLOSE:
            HPDF_Page_ClosePath(page);
            break;
        }
    }
    if (s->stroke > 0)
        HPDF_Page_Stroke(page);
    else if (s->even_odd)
        HPDF_Page_Eofill(page);
    else
        HPDF_Page_Fill(page);
}

int folio_pdf_draw_art(folio_pdf *w, const folio_item *it)
{
    const folio_art *art = it->art;
    if (!art || it->w <= 0 || it->h <= 0)
        return 0;
    if (!(art->width > 0) || !(art->height > 0))
        return folio_pdf_fail(w, FOLIO_E_PDF, "artwork with an empty box");
    for (size_t i = 0; i < art->nshapes; i++)
        if (!art->shapes[i].is_rect && !path_ok(&art->shapes[i]))
            return folio_pdf_fail(w, FOLIO_E_PDF,
                                  "artwork path %zu does not start with a "
                                  "move", i);
    HPDF_Page page = w->page;
    double sx = it->w / 1000.0 / art->width, sy = it->h / 1000.0 / art->height;
    HPDF_Page_GSave(page);
    /* Art units to page points, flipping y: the art's top-left corner lands
     * on the item's top-left corner. */
    HPDF_Page_Concat(page, (HPDF_REAL)sx, 0, 0, (HPDF_REAL)-sy,
                     folio_pdf_pt(it->x), (HPDF_REAL)(w->page_h - it->y / 1000.0));
    HPDF_Page_SetLineCap(page, HPDF_BUTT_END);
    HPDF_Page_SetLineJoin(page, HPDF_ROUND_JOIN);
    int rects = 0;   /* rectangles in a row go into one path, one fill */
    for (size_t i = 0; i < art->nshapes; i++) {
        const folio_shape *s = &art->shapes[i];
        if (s->is_rect) {
            if (s->w > 0 && s->h > 0) {
                HPDF_Page_Rectangle(page, s->x, s->y, s->w, s->h);
                rects++;
            }
            continue;
        }
        if (rects)
            HPDF_Page_Fill(page);
        rects = 0;
        draw_path(page, s);
    }
    if (rects)
        HPDF_Page_Fill(page);
    HPDF_Page_GRestore(page);
    return folio_pdf_check(w, "drawing artwork");
}
