/* The layout trace: every page and item as a line of text, in points with
 * two decimals, for golden tests and `folio render --trace`. */
#include "layout/layout.h"
#include "util/buf.h"

static const char *face_name[] = {"R", "B", "I", "BI"};

/* A house face by its letters, another by its name without spaces. */
static void face(folio_buf *o, const folio_layout *l, int f)
{
    if (f < FOLIO_FACE_COUNT) {
        folio_buf_printf(o, " %s ", face_name[f]);
        return;
    }
    folio_buf_printf(o, " ");
    for (const char *p = l->face_name[f] ? l->face_name[f] : "?"; *p; p++)
        folio_buf_printf(o, "%c", *p == ' ' ? '-' : *p);
    folio_buf_printf(o, " ");
}

static void pt(folio_buf *o, int32_t v)
{
    int neg = v < 0;
    long a = neg ? -(long)v : v;
    folio_buf_printf(o, "%s%ld.%02ld", neg ? "-" : "", a / 1000, (a % 1000) / 10);
}

int folio_layout_trace(const folio_layout *l, char **text, size_t *len)
{
    folio_buf buf = {0}, *o = &buf;
    folio_buf_printf(o, "document ");
    pt(o, l->width);
    folio_buf_putc(o, 'x');
    pt(o, l->height);
    folio_buf_printf(o, " pages %zu lang %s\n", l->npages, l->lang ? l->lang : "");
    for (size_t p = 0; p < l->npages; p++) {
        const folio_page *pg = &l->pages[p];
        folio_buf_printf(o, "page %d\n", pg->number);
        for (size_t i = 0; i < pg->nitems; i++) {
            const folio_item *it = &pg->items[i];
            static const char *kind[] = {"text", "rule", "rect", "art", "link", "outline", "image"};
            folio_buf_printf(o, "  %s ", kind[it->kind]);
            pt(o, it->x);
            folio_buf_putc(o, ' ');
            pt(o, it->y);
            switch (it->kind) {
            case FOLIO_ITEM_TEXT:
                face(o, l, it->face);
                pt(o, it->size);
                folio_buf_printf(o, " \"%.*s\"", (int)it->len, it->text);
                if (it->hscale) /* font expansion, per mille */
                    folio_buf_printf(o, " scale %d", (int)it->hscale);
                if (it->codes) { /* shaped: the glyphs drawn, left to right */
                    size_t n = 0;
                    while (it->codes[n])
                        n++;
                    folio_buf_printf(o, " glyphs %zu", n);
                }
                break;
            case FOLIO_ITEM_RULE:
                folio_buf_putc(o, ' ');
                pt(o, it->w);
                folio_buf_putc(o, ' ');
                pt(o, it->h);
                folio_buf_putc(o, ' ');
                pt(o, it->thickness);
                break;
            case FOLIO_ITEM_IMAGE:
                folio_buf_printf(o, " %s", it->image);
                folio_buf_putc(o, ' ');
                pt(o, it->w);
                folio_buf_putc(o, ' ');
                pt(o, it->h);
                break;
            case FOLIO_ITEM_OUTLINE:
                folio_buf_printf(o, " %d \"%.*s\"", it->level, (int)it->len, it->text);
                break;
            case FOLIO_ITEM_LINK:
                folio_buf_printf(o, " %s", it->uri ? it->uri : "");
                /* fallthrough */
            default:
                folio_buf_putc(o, ' ');
                pt(o, it->w);
                folio_buf_putc(o, ' ');
                pt(o, it->h);
                break;
            }
            folio_buf_putc(o, '\n');
        }
    }
    return folio_buf_take(o, text, len);
}
