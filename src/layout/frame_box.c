/* The summary's frame: a 0.5 pt rectangle from the frame's left edge to
 * its right one around the lines of the boxed blocks on a page
 * (E/2025/72: 8 pt over the first line, under the last one the room of a
 * line). */
#include "layout/layout_internal.h"
#include "layout/page_items.h"

#define BOX_OVER FOLIO_PT(8)
#define BOX_UNDER FOLIO_PT(12)
#define BOX_RULE FOLIO_PT(0.5)

void folio_box_line(boxrun *r, int32_t line_top, int32_t baseline)
{
    if (!r->open) {
        r->open = 1;
        r->top = line_top;
    }
    r->bottom = baseline;
}

static int rule(lctx *L, folio_page *page, int32_t x, int32_t y, int32_t w, int32_t h)
{
    folio_item it = {0};
    it.kind = FOLIO_ITEM_RULE;
    it.x = x;
    it.y = y;
    it.w = w;
    it.h = h;
    it.thickness = BOX_RULE;
    return folio_page_push(L, page, &it);
}

int folio_box_draw(lctx *L, folio_page *page, boxrun *r)
{
    if (!r->open || !page)
        return 0;
    r->open = 0;
    const folio_page_geom *g = &L->flow->page;
    int32_t x0 = g->frame_left, x1 = g->frame_right;
    int32_t y0 = r->top - BOX_OVER, y1 = r->bottom + BOX_UNDER;
    int rc;
    if ((rc = rule(L, page, x0, y0, x1 - x0, 0)) || (rc = rule(L, page, x0, y1, x1 - x0, 0)) ||
        (rc = rule(L, page, x0, y0, 0, y1 - y0)) || (rc = rule(L, page, x1, y0, 0, y1 - y0)))
        return rc;
    return 0;
}
