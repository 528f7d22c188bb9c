/* Later pages: the running head, its rule, the page number ("2", or "2/9")
 * and the job number, at the sides and sizes the furniture plan of the
 * style stage gives for even and odd pages (flow->furn). */
#include <string.h>

#include "layout/page_items.h"

/* `s` at the frame's left edge, or ending at its right edge. */
static int at_side(lctx *L, folio_page *p, folio_side side, const folio_furn_font *font,
                   int32_t y, const char *s)
{
    const folio_page_geom *g = &L->flow->page;
    if (side == FOLIO_SIDE_NONE || !s || !*s)
        return 0;
    int32_t x = g->frame_left;
    if (side == FOLIO_SIDE_RIGHT)
        x = g->frame_right - folio_text_width(L->fonts, font->face, font->size, s, strlen(s));
    return folio_page_text(L, p, font->face, font->size, x, y, s);
}

int folio_set_furniture(lctx *L, folio_page *p)
{
    const folio_furniture *u = &L->flow->furn;
    int even = p->number % 2 == 0, rc;
    /* all of it page furniture: pagination artifacts for a reader */
    L->tag = (folio_tag){FOLIO_SID_HEADER, FOLIO_SID_HEADER, 0};
    if ((rc = at_side(L, p, even ? u->head.even : u->head.odd, &u->head.font, u->head.y,
                      u->head.text)))
        return rc;
    if (u->head.rule.thickness &&
        (rc = folio_page_rule(L, p, u->head.rule.x, u->head.rule.y, u->head.rule.w,
                              u->head.rule.thickness)))
        return rc;
    char *num = u->folio.of_total
                    ? folio_sprintf(L->a, "%d/%zu", p->number, L->out->npages)
                    : folio_sprintf(L->a, "%d", p->number);
    if (!num)
        return FOLIO_E_NOMEM;
    L->tag = (folio_tag){FOLIO_SID_FOOTER, FOLIO_SID_FOOTER, 0};
    if ((rc = at_side(L, p, even ? u->folio.even : u->folio.odd, &u->folio.font, u->folio.y,
                      num)))
        return rc;
    return at_side(L, p, even ? u->later_job.even : u->later_job.odd, &u->later_job.font,
                   u->later_job.y, u->later_job.text);
}
