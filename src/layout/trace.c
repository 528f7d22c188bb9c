/* The layout trace: every page and item as a line of text, in points with
 * two decimals, for golden tests and `folio render --trace`. */
#include <stdio.h>

#include "layout/layout.h"

static const char *face_name[] = {"R", "B", "I", "BI"};

/* A house face by its letters, another by its name without spaces. */
static void face(FILE *o, const folio_layout *l, int f)
{
    if (f < FOLIO_FACE_COUNT) {
        fprintf(o, " %s ", face_name[f]);
        return;
    }
    fputc(' ', o);
    for (const char *p = l->face_name[f] ? l->face_name[f] : "?"; *p; p++)
        fputc(*p == ' ' ? '-' : *p, o);
    fputc(' ', o);
}

static void pt(FILE *o, int32_t v)
{
    int neg = v < 0;
    long a = neg ? -(long)v : v;
    fprintf(o, "%s%ld.%02ld", neg ? "-" : "", a / 1000, (a % 1000) / 10);
}

int folio_layout_trace(const folio_layout *l, FILE *o)
{
    fprintf(o, "document ");
    pt(o, l->width);
    fputc('x', o);
    pt(o, l->height);
    fprintf(o, " pages %zu lang %s\n", l->npages, l->lang ? l->lang : "");
    for (size_t p = 0; p < l->npages; p++) {
        const folio_page *pg = &l->pages[p];
        fprintf(o, "page %d\n", pg->number);
        for (size_t i = 0; i < pg->nitems; i++) {
            const folio_item *it = &pg->items[i];
            static const char *kind[] = {"text", "rule", "rect", "art", "link", "outline", "image"};
            fprintf(o, "  %s ", kind[it->kind]);
            pt(o, it->x);
            fputc(' ', o);
            pt(o, it->y);
            switch (it->kind) {
            case FOLIO_ITEM_TEXT:
                face(o, l, it->face);
                pt(o, it->size);
                fprintf(o, " \"%.*s\"", (int)it->len, it->text);
                if (it->hscale) /* font expansion, per mille */
                    fprintf(o, " scale %d", (int)it->hscale);
                if (it->codes) { /* shaped: the glyphs drawn, left to right */
                    size_t n = 0;
                    while (it->codes[n])
                        n++;
                    fprintf(o, " glyphs %zu", n);
                }
                break;
            case FOLIO_ITEM_RULE:
                fputc(' ', o);
                pt(o, it->w);
                fputc(' ', o);
                pt(o, it->h);
                fputc(' ', o);
                pt(o, it->thickness);
                break;
            case FOLIO_ITEM_IMAGE:
                fprintf(o, " %s", it->image);
                fputc(' ', o);
                pt(o, it->w);
                fputc(' ', o);
                pt(o, it->h);
                break;
            case FOLIO_ITEM_OUTLINE:
                fprintf(o, " %d \"%.*s\"", it->level, (int)it->len, it->text);
                break;
            case FOLIO_ITEM_LINK:
                fprintf(o, " %s", it->uri ? it->uri : "");
                /* fallthrough */
            default:
                fputc(' ', o);
                pt(o, it->w);
                fputc(' ', o);
                pt(o, it->h);
                break;
            }
            fputc('\n', o);
        }
    }
    return ferror(o) ? FOLIO_E_IO : 0;
}
