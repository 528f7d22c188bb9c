/* The furniture of a right-to-left language: the plan, made as for a
 * left-to-right page, is mirrored in the frame where the house style's
 * `right-to-left` says so ([masthead] and [running-head] `mirror`,
 * [footer] `keep`). Both writers draw the mirrored plan: the PDF layout
 * places it, the DOCX writer orders its grid's columns from it. What the
 * mirror does not turn round is text: the symbol reads left to right at
 * the left edge, the English distribution block keeps its left alignment
 * ([masthead] block-x-rtl); the organ, the lines under the thick rule and
 * the title, set right to left, start at their box's right edge. */
#include <string.h>

#include "style/furn_internal.h"

static int mirrored(furn_rd *r, const char *sec)
{
    const char *v = folio_furn_str(r, sec, "right-to-left");
    if (!v)
        return 0;
    if (strcmp(v, "mirror") && strcmp(v, "keep")) {
        r->rc = folio_house_bad(r->ctx, r->h, sec, "right-to-left", "give mirror or keep");
        return 0;
    }
    return !strcmp(v, "mirror");
}

/* x of something `w` wide, seen in a mirror of the frame [fl, fr]. */
static int32_t flip(int32_t x, int32_t w, int32_t fl, int32_t fr)
{
    return fl + fr - x - w;
}

static void flip_text(folio_furn_text *t, int32_t fl, int32_t fr)
{
    t->x = flip(t->x, t->width, fl, fr);
}

static void flip_box(folio_furn_box *b, int32_t fl, int32_t fr)
{
    b->x = flip(b->x, b->w, fl, fr);
}

static folio_side other_side(folio_side s)
{
    return s == FOLIO_SIDE_LEFT ? FOLIO_SIDE_RIGHT : s == FOLIO_SIDE_RIGHT ? FOLIO_SIDE_LEFT : s;
}

static void masthead(furn_rd *r, folio_flow *f, int32_t fl, int32_t fr)
{
    folio_furniture *u = &f->furn;
    flip_text(&u->wordmark, fl, fr);
    /* the symbol reads left to right: the pair moves as one */
    int32_t start = flip(u->symbol_head.x, u->symbol_head.width + u->symbol_tail.width, fl, fr);
    u->symbol_head.x = start;
    u->symbol_tail.x = start + u->symbol_head.width;
    flip_box(&u->emblem, fl, fr);
    int32_t ox = u->organ.x;
    u->organ.x = flip(u->organ.right, 0, fl, fr);
    u->organ.right = flip(ox, 0, fl, fr);
    int32_t bx = fl + folio_furn_len(r, "masthead", "block-x-rtl");
    for (int i = 0; i < 4; i++)
        u->block[i].x = bx;
    int32_t lx = u->lines_x;
    u->lines_x = flip(u->lines_right, 0, fl, fr);
    u->lines_right = flip(lx, 0, fl, fr);
}

static void footer(folio_flow *f, int32_t fl, int32_t fr)
{
    folio_furniture *u = &f->furn;
    int32_t bars = u->barcode.box.x;
    flip_text(&u->job, fl, fr);
    flip_box(&u->barcode.box, fl, fr);
    /* the line under the bars keeps its order under them */
    for (size_t i = 0; u->barcode.text && u->barcode.text[i]; i++)
        u->barcode.char_x[i] += u->barcode.box.x - bars;
    /* "Please recycle" keeps its mark after it in reading order: the
     * group mirrors as one */
    int32_t gs = u->recycle.x, ge = u->recycle_mark.x + u->recycle_mark.w;
    int32_t ns = flip(gs, ge - gs, fl, fr);
    u->recycle_mark.x = ns;
    u->recycle.x = ns + (ge - gs) - u->recycle.width;
    flip_box(&u->qr, fl, fr);
}

static void running(folio_flow *f)
{
    folio_furniture *u = &f->furn;
    u->head.even = other_side(u->head.even);
    u->head.odd = other_side(u->head.odd);
    u->folio.even = other_side(u->folio.even);
    u->folio.odd = other_side(u->folio.odd);
    u->later_job.even = other_side(u->later_job.even);
    u->later_job.odd = other_side(u->later_job.odd);
}

int folio_furn_mirror(furn_rd *r, folio_flow *f)
{
    int32_t fl = f->page.frame_left, fr = f->page.frame_right;
    f->furn.rtl = 1;
    if (mirrored(r, "masthead"))
        masthead(r, f, fl, fr);
    if (mirrored(r, "footer"))
        footer(f, fl, fr);
    if (mirrored(r, "running-head"))
        running(f);
    return r->rc;
}
