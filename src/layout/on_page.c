/* The last word of the layout: nothing it set may leave the page. Every
 * text, rule, box and image must lie on the paper; one that does not (a
 * word wider than the page, notes pushed above the top by thousands of
 * markers on one line, a hostile style value) stops the render with an
 * error that names the page and the text, never a PDF with text off it. */
#include <stdio.h>

#include "layout/layout_internal.h"

/* The text of an item for a message: its first 40 bytes (whole UTF-8
 * characters), with "..." when cut. */
static void excerpt(const folio_item *it, char *buf, size_t cap)
{
    size_t n = it->len < 40 ? it->len : 40;
    while (n < it->len && n > 0 && ((unsigned char)it->text[n] & 0xC0) == 0x80)
        n--;
    snprintf(buf, cap, "\"%.*s%s\"", (int)n, it->text, n < it->len ? "..." : "");
}

int folio_layout_check_on_page(folio_ctx *ctx, const folio_layout *l, const folio_fonts *fonts)
{
    const int64_t W = l->width, H = l->height;
    for (size_t p = 0; p < l->npages; p++) {
        const folio_page *pg = &l->pages[p];
        for (size_t i = 0; i < pg->nitems; i++) {
            const folio_item *it = &pg->items[i];
            int64_t x0 = it->x, y0 = it->y, x1 = it->x, y1 = it->y;
            char what[128] = "a rule or box";
            switch (it->kind) {
            case FOLIO_ITEM_TEXT: {
                int64_t w = folio_text_width(fonts, it->face, it->size, it->text, it->len);
                if (it->hscale)
                    w = w * it->hscale / 1000;
                x1 = x0 + w;
                y0 = it->y - it->size * 7 / 10; /* the capitals' height */
                excerpt(it, what, sizeof what);
                break;
            }
            case FOLIO_ITEM_OUTLINE:
            case FOLIO_ITEM_LINK:
                continue; /* not drawn: a link box follows its text */
            default:
                x1 = x0 + (it->w > 0 ? it->w : 0);
                y1 = y0 + (it->h > 0 ? it->h : 0);
                if (it->w < 0)
                    x0 += it->w;
                if (it->h < 0)
                    y0 += it->h;
                break;
            }
            if (x0 >= 0 && y0 >= 0 && x1 <= W && y1 <= H)
                continue;
            return folio_error(ctx, FOLIO_E_INPUT, (folio_pos){0, 0},
                               "page %d: %s would be set off the page (at x %.1f to %.1f pt, "
                               "y %.1f pt, on a page of %.1f x %.1f pt): nothing may leave "
                               "the page", pg->number, what, x0 / 1000.0, x1 / 1000.0,
                               (it->kind == FOLIO_ITEM_TEXT ? it->y : y0) / 1000.0,
                               W / 1000.0, H / 1000.0);
        }
    }
    return 0;
}
