/* One styled block set as lines and items: the dispatch by kind, the
 * rules above and below, the bookmark text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/blockset.h"
#include "layout/script.h"
#include "util/text.h"
#include "util/mem.h"

/* Bookmark text: the label and the plain text of the runs. */
static const char *plain_text(folio_arena *a, const char *label, const folio_run *r,
                              size_t n)
{
    size_t len = label ? strlen(label) + 1 : 0;
    for (size_t i = 0; i < n; i++)
        if (r[i].kind == FOLIO_RUN_TEXT && r[i].text)
            len += strlen(r[i].text);
    char *s = folio_alloc(a, len + 1), *o = s;
    if (!s)
        return NULL;
    if (label)
        o += sprintf(o, "%s ", label);
    for (size_t i = 0; i < n; i++)
        if (r[i].kind == FOLIO_RUN_TEXT && r[i].text) {
            size_t k = strlen(r[i].text);
            memcpy(o, r[i].text, k);
            o += k;
        }
    *o = 0;
    return s;
}

static int end_rule(lctx *L, vblock *vb)
{
    const folio_flow *f = L->flow;
    vline *ln = folio_vblock_line(L, vb, FOLIO_PT(18));
    if (!ln)
        return FOLIO_E_NOMEM;
    vb->end_rule = 1;
    folio_item it = {0};
    it.kind = FOLIO_ITEM_RULE;
    it.x = (f->page.width - f->end_rule_width) / 2;
    it.y = -FOLIO_PT(4);
    it.w = f->end_rule_width;
    it.thickness = FOLIO_PT(0.5);
    int rc = folio_items_push(L->a, &vb->items, &it);
    ln->nitems = 1;
    return rc;
}

/* A short rule over a block (the notes set under a list): 2.6 cm at the
 * column's edge, in room added above the block's first line. */
static int rule_above(lctx *L, vblock *vb)
{
    const vline *ln = &vb->lines[0];
    folio_item it = {0};
    it.kind = FOLIO_ITEM_RULE;
    it.x = L->flow->page.column_left;
    it.y = -ln->height - FOLIO_PT(2);
    it.w = FOLIO_CM(2.6);
    it.thickness = FOLIO_PT(0.5);
    vb->space_before += FOLIO_PT(9);
    int rc = folio_items_push(L->a, &vb->items, &it);
    if (rc)
        return rc;
    /* it belongs to the first line: move it among that line's items */
    folio_item r = vb->items.v[vb->items.n - 1];
    size_t at = ln->item0 + ln->nitems;
    memmove(&vb->items.v[at + 1], &vb->items.v[at], (vb->items.n - 1 - at) * sizeof r);
    vb->items.v[at] = r;
    vb->lines[0].nitems++;
    for (size_t i = 1; i < vb->nlines; i++)
        vb->lines[i].item0++;
    return 0;
}

int folio_set_block(lctx *L, const folio_fblock *fb, vblock *vb)
{
    int rc = 0;
    L->tag = L->plan ? L->plan->block[fb - L->flow->blocks] : (folio_tag){0, 0, 0};
    switch (fb->kind) {
    case FOLIO_FLOW_PARA:
        rc = fb->toc_entry ? folio_set_entry(L, fb, vb)
                           : folio_set_paragraph(L, fb->style, fb->label, fb->runs, fb->nruns,
                                                 folio_style_box(L->flow, fb->style), vb);
        if (!rc && fb->style->outline_level) {
            vb->outline_level = fb->style->outline_level;
            /* the bookmark outlives the block: in the layout's own arena */
            vb->outline_text = plain_text(L->out->arena, fb->label, fb->runs, fb->nruns);
            if (!vb->outline_text)
                rc = FOLIO_E_NOMEM;
        }
        break;
    case FOLIO_FLOW_TABLE:
        rc = folio_set_table(L, fb, folio_style_box(L->flow, fb->style), vb);
        break;
    case FOLIO_FLOW_PAGE_BREAK:
        vb->page_break_before = 1;
        rc = folio_vblock_line(L, vb, 0) ? 0 : FOLIO_E_NOMEM;
        break;
    case FOLIO_FLOW_END_RULE:
        rc = end_rule(L, vb);
        break;
    }
    vb->box = fb->box;
    if (!rc && fb->rule_above && vb->nlines)
        rc = rule_above(L, vb);
    return rc;
}
