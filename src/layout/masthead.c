/* The first page: the masthead grid between the thin and thick rules, the
 * lines under the thick rule, title and subtitle, and the first-page footer
 * (job number, Code 39 barcode, "Please recycle", QR code), placed as the
 * furniture plan of the style stage (flow->furn) says. Layout decides no
 * measure here; it sets the long lines (organ, the lines under the thick
 * rule, title and subtitle) with its line breaker. */
#include <stdio.h>
#include <string.h>

#include "layout/page_items.h"

/* Set `runs` in a variant of `base` at `size`, first baseline at `y`; the
 * lines land on the page; returns the last baseline. Notes referenced are
 * appended to *notes. */
static int block_at(lctx *L, folio_page *p, const folio_pstyle *base, int32_t size,
                    int32_t leading, const folio_run *runs, size_t nruns, hbox box,
                    int32_t *y, const folio_fnote ***notes, size_t *nnotes)
{
    folio_pstyle st = *base;
    vblock vb = {0};
    st.size = size;
    st.leading = leading;
    st.align = FOLIO_H_LEFT;
    int rc = folio_set_paragraph(L, &st, NULL, runs, nruns, box, &vb);
    int32_t base_y = *y;
    for (size_t i = 0; !rc && i < vb.nlines; i++) {
        int32_t ly = base_y + (int32_t)i * leading;
        for (size_t k = 0; !rc && k < vb.lines[i].nitems; k++) {
            folio_item it = vb.items.v[vb.lines[i].item0 + k];
            it.y += ly;
            rc = folio_page_push(L, p, &it);
        }
        *y = ly;
    }
    for (size_t i = 0; !rc && i < vb.nnotes; i++) {
        const folio_fnote **v = folio_grow(L->a, *notes, sizeof *v, *nnotes, *nnotes + 1);
        if (!v)
            return FOLIO_E_NOMEM;
        v[(*nnotes)++] = vb.notes[i];
        *notes = v;
    }
    return rc;
}

/* Runs for a masthead string and, optionally, its note marker. */
static folio_run *runs_of(lctx *L, const char *text, const folio_fnote *note, size_t *n)
{
    folio_run *r = folio_alloc(L->a, 2 * sizeof *r);
    if (!r)
        return NULL;
    r[0].kind = FOLIO_RUN_TEXT;
    r[0].text = text;
    *n = 1;
    if (note) {
        r[1].kind = FOLIO_RUN_NOTE_REF;
        r[1].note = (folio_note *)note->note; /* read only here */
        *n = 2;
    }
    return r;
}

/* A plain left-aligned style of `face` (the masthead's lines). */
static folio_pstyle plain(folio_face face)
{
    folio_pstyle st = {0};
    st.face = face;
    st.align = FOLIO_H_LEFT;
    st.label_place = FOLIO_LABEL_AT_INDENT;
    return st;
}

/* Items from here on belong to structure element `sid`. */
static void as(lctx *L, uint32_t sid)
{
    L->tag = (folio_tag){sid, sid, 0};
}

static int text(lctx *L, folio_page *p, const folio_furn_text *t)
{
    return t->text ? folio_page_text(L, p, t->face, t->size, t->x, t->y, t->text) : 0;
}

static int box_art(lctx *L, folio_page *p, const folio_art *art, const folio_furn_box *b)
{
    return art && b->w ? folio_page_art(L, p, art, b->x, b->y, b->w, b->h) : 0;
}

static int rule(lctx *L, folio_page *p, const folio_furn_rule *r)
{
    return r->thickness ? folio_page_rule(L, p, r->x, r->y, r->w, r->thickness) : 0;
}

/* The organ, line by line as the plan broke it. */
static int organ_block(lctx *L, folio_page *p, const folio_furniture *u)
{
    folio_pstyle st = plain(u->organ.face);
    int32_t y = u->organ.y;
    for (size_t i = 0; i < u->organ.nlines; i++) {
        size_t n;
        folio_run *r = runs_of(L, u->organ.lines[i], NULL, &n);
        const folio_fnote **none = NULL;
        size_t nn = 0;
        int32_t at = u->organ.y + (int32_t)i * u->organ.leading;
        if (!r)
            return FOLIO_E_NOMEM;
        if (at < y) /* a word wider than the column took two lines */
            at = y;
        y = at;
        size_t first = p->nitems;
        int rc = block_at(L, p, &st, u->organ.size, u->organ.leading, r, n,
                          (hbox){u->organ.x, u->organ.right}, &y, &none, &nn);
        if (rc)
            return rc;
        /* the plan's line break stands for a space of the organ's name */
        for (size_t k = first; i > 0 && k < p->nitems; k++)
            if (p->items[k].kind == FOLIO_ITEM_TEXT) {
                p->items[k].word_start = 1;
                break;
            }
        y += u->organ.leading;
    }
    return 0;
}

static int footer(lctx *L, folio_page *p)
{
    const folio_furniture *u = &L->flow->furn;
    int rc;
    as(L, L->plan->mast.job);
    if ((rc = text(L, p, &u->job)))
        return rc;
    as(L, L->plan->mast.barcode);
    if (u->barcode.payload) {
        if ((rc = box_art(L, p, u->barcode.art, &u->barcode.box)))
            return rc;
        const folio_furn_font *f = &u->barcode.font;
        for (size_t i = 0; u->barcode.text && u->barcode.text[i]; i++)
            if ((rc = folio_page_text_n(L, p, f->face, f->size, u->barcode.char_x[i],
                                        u->barcode.text_y, u->barcode.text + i, 1)))
                return rc;
    }
    as(L, FOLIO_SID_FOOTER);
    if ((rc = text(L, p, &u->recycle)) ||
        (rc = box_art(L, p, u->recycle_art, &u->recycle_mark)))
        return rc;
    if (u->qr_url) {
        as(L, L->plan->mast.qr);
        if ((rc = box_art(L, p, u->qr_art, &u->qr)))
            return rc;
        folio_item lk = {0};
        lk.kind = FOLIO_ITEM_LINK;
        lk.sid = L->plan->mast.qr_link;
        lk.x = u->qr.x;
        lk.y = u->qr.y;
        lk.w = u->qr.w;
        lk.h = u->qr.h;
        lk.uri = u->qr_url;
        if ((rc = folio_page_push(L, p, &lk)))
            return rc;
    }
    return 0;
}

int folio_set_masthead(lctx *L, folio_page *p, int32_t *y_out, int32_t *after,
                 const folio_fnote ***notes, size_t *nnotes)
{
    const folio_flow *f = L->flow;
    const folio_furniture *u = &f->furn;
    const folio_page_geom *g = &f->page;
    int rc;

    const folio_tagplan *t = L->plan;
    /* Row 1: wordmark, symbol; the thin rule. */
    as(L, t->mast.wordmark);
    if ((rc = text(L, p, &u->wordmark)))
        return rc;
    as(L, t->mast.symbol);
    if ((rc = text(L, p, &u->symbol_head)) || (rc = text(L, p, &u->symbol_tail)) ||
        (rc = rule(L, p, &u->thin_rule)))
        return rc;
    as(L, t->mast.emblem);

    /* Row 2: emblem, organ, the Distr. block; the thick rule. */
    if (u->emblem_image && u->emblem.w) {
        folio_item it = {0};
        it.kind = FOLIO_ITEM_IMAGE;
        it.sid = t->mast.emblem;
        it.image = u->emblem_image;
        it.x = u->emblem.x;
        it.y = u->emblem.y;
        it.w = u->emblem.w;
        it.h = u->emblem.h;
        if ((rc = folio_page_push(L, p, &it)))
            return rc;
    } else if ((rc = box_art(L, p, u->emblem_art, &u->emblem))) {
        return rc;
    }
    as(L, t->mast.organ);
    if ((rc = organ_block(L, p, u)))
        return rc;
    for (int i = 0; i < 4; i++) {
        as(L, t->mast.block[i]);
        if ((rc = text(L, p, &u->block[i])))
            return rc;
    }
    if ((rc = rule(L, p, &u->thick_rule)))
        return rc;

    /* Under the thick rule: body, session, venue and dates, agenda. */
    int32_t y = u->lines_y, last = 0;
    hbox frame = {u->lines_x, u->lines_right};
    const folio_pstyle *tst = folio_flow_style(f, u->title_style ? u->title_style : "UNTitle");
    const folio_pstyle *sst = folio_flow_style(f, "UNSubtitle");
    if (!tst || !sst)
        return folio_error(L->ctx, FOLIO_E_STYLE, (folio_pos){0, 0},
                           "the house style lacks UNTitle or UNSubtitle");
    for (size_t i = 0; i < u->nlines; i++) {
        const folio_furn_line *ln = &u->lines[i];
        const folio_furn_font *font = &u->line_font[ln->role];
        folio_pstyle st = plain(font->face);
        size_t n;
        folio_run *r = runs_of(L, ln->text, ln->note, &n);
        if (!r)
            return FOLIO_E_NOMEM;
        L->tag = t->mast.line_tag[i];
        if ((rc = block_at(L, p, &st, font->size, u->lines_leading, r, n, frame, &y, notes,
                           nnotes)))
            return rc;
        last = y;
        y += u->lines_leading;
    }
    y = last ? last : u->lines_y - u->lines_leading;

    /* Title and subtitle at the column's indent. */
    hbox col = {g->column_left, g->column_right};
    *after = tst->space_after;
    if (u->title) {
        size_t n;
        folio_run *r = runs_of(L, u->title, u->title_note, &n);
        if (!r)
            return FOLIO_E_NOMEM;
        y += u->title_step;
        L->tag = t->mast.title;
        if ((rc = block_at(L, p, tst, tst->size, tst->leading, r, n, col, &y, notes, nnotes)))
            return rc;
    }
    if (u->subtitle) {
        size_t n;
        folio_run *r = runs_of(L, u->subtitle, NULL, &n);
        if (!r)
            return FOLIO_E_NOMEM;
        y += u->subtitle_step;
        L->tag = t->mast.subtitle;
        if ((rc = block_at(L, p, sst, sst->size, sst->leading, r, n, col, &y, notes, nnotes)))
            return rc;
        *after = sst->space_after;
    }
    /* The masthead is drawn on the first page alone: what would run past
     * its foot would be lost, so say so rather than issue the page. */
    if (y > g->body_bottom)
        return folio_error(L->ctx, FOLIO_E_INPUT, (folio_pos){0, 0},
                           "the masthead (title, subtitle and the lines under the rule) "
                           "is longer than the first page; shorten the title");
    *y_out = y;
    rc = footer(L, p);
    as(L, 0);
    return rc;
}
