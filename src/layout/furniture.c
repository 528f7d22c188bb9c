/* Later pages: the running head (the symbol, left on even pages, right on
 * odd ones, over a 0.5 pt rule), the page number at the outer edge ("2",
 * or "2/9" in New York) and, where the station prints it, the job number
 * at the inner edge. */
#include <string.h>

#include "layout/page_items.h"

int folio_set_furniture(lctx *L, folio_page *p)
{
    const folio_flow *f = L->flow;
    const folio_pstyle *hs = f->header_style, *fs = f->footer_style;
    const char *sym = f->mast.running_symbol;
    int even = p->number % 2 == 0, rc;
    int32_t fl = f->page.frame_left, fr = f->page.frame_right;
    if (sym && *sym) {
        int32_t w = folio_text_width(L->fonts, hs->face, hs->size, sym, strlen(sym));
        if ((rc = folio_page_text(L, p, hs->face, hs->size, even ? fl : fr - w,
                          f->page.header_baseline, sym)))
            return rc;
    }
    if ((rc = folio_page_rule(L, p, fl, f->page.header_rule_y, fr - fl, FOLIO_PT(0.5))))
        return rc;
    /* The page number at the outer edge ("2", or "2/9" in New York). */
    char *num = f->page.folio_of_total
                    ? folio_sprintf(L->a, "%d/%zu", p->number, L->out->npages)
                    : folio_sprintf(L->a, "%d", p->number);
    if (!num)
        return FOLIO_E_NOMEM;
    int32_t w = folio_text_width(L->fonts, fs->face, fs->size, num, strlen(num));
    if ((rc = folio_page_text(L, p, fs->face, fs->size, even ? fl : fr - w, f->page.footer_baseline,
                      num)))
        return rc;
    /* The job number at the inner edge, where the station prints it. */
    const char *job = f->mast.later_job;
    if (!job)
        return 0;
    int32_t size = f->page.later_job_size;
    w = folio_text_width(L->fonts, FOLIO_FACE_REGULAR, size, job, strlen(job));
    return folio_page_text(L, p, FOLIO_FACE_REGULAR, size, even ? fr - w : fl,
                   f->page.footer_baseline - FOLIO_PT(1.5), job);
}
