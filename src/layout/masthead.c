/* The first page: masthead grid between the thin and thick rules, the lines
 * under the thick rule, title and subtitle, and the first-page footer (job
 * number, Code 39 barcode, "Please recycle", QR code).
 * Positions are measured on A/HRC/WG.6/34/ITA/3 (un-format.md §1.2, §2.1)
 * and taken relative to the frame so they hold for every duty station. */
#include <stdio.h>
#include <string.h>

#include "layout/page_items.h"

#define COL2 FOLIO_PT(63.1)        /* organ column, from the frame's left */
#define COL3 FOLIO_PT(335.5)       /* Distr. block column */
#define TOP_BASELINE FOLIO_PT(50)  /* wordmark and symbol */
#define THIN_RULE_Y FOLIO_PT(57)
#define THICK_RULE_Y FOLIO_PT(199.7)
#define BODY_BASELINE FOLIO_PT(217.6)


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

/* The organ or conference name beside the emblem: 20 pt bold when it fits
 * on two lines, smaller for the long names of conference bodies. */
static int organ_block(lctx *L, folio_page *p, const char *organ, int32_t x0, int32_t x1,
                       int32_t drop)
{
    static const int32_t sizes[] = {FOLIO_PT(20), FOLIO_PT(16), FOLIO_PT(14), FOLIO_PT(12)};
    static const size_t max_lines[] = {2, 3, 4, 5};
    const folio_pstyle *base = folio_flow_style(L->flow, "UNTitle");
    size_t n;
    folio_run *r = runs_of(L, organ, NULL, &n);
    if (!r || !base)
        return FOLIO_E_NOMEM;
    for (size_t i = 0; i < 4; i++) {
        folio_pstyle st = *base;
        vblock vb = {0};
        st.size = sizes[i];
        st.leading = sizes[i] * 11 / 10;
        st.align = FOLIO_H_LEFT;
        int rc = folio_set_paragraph(L, &st, NULL, r, n, (hbox){x0, x1}, &vb);
        if (rc)
            return rc;
        if (vb.nlines <= max_lines[i] || i == 3) {
            /* first baseline as measured for 20 pt (80 pt), scaled down */
            int32_t y = FOLIO_PT(64) + sizes[i] * 8 / 10 + drop;
            const folio_fnote **none = NULL;
            size_t nn = 0;
            return block_at(L, p, base, st.size, st.leading, r, n, (hbox){x0, x1}, &y,
                            &none, &nn);
        }
    }
    return 0;
}

static int footer(lctx *L, folio_page *p)
{
    const folio_flow *f = L->flow;
    const folio_masthead *m = &f->mast;
    int32_t top = f->page.first_footer_top, fl = f->page.frame_left;
    const folio_art *art;
    int rc = 0;
    if (m->job_line && (rc = folio_page_text(L, p, FOLIO_FACE_REGULAR, FOLIO_PT(10), fl,
                                     top + FOLIO_PT(15.4), m->job_line)))
        return rc;
    if (m->barcode) {
        if ((rc = folio_art_code39(L->a, m->barcode, 30, &art)))
            return folio_error(L->ctx, rc, (folio_pos){0, 0},
                               "job number \"%s\" cannot be set as a Code 39 barcode",
                               m->job_line);
        int32_t module = FOLIO_PT(0.6);
        int32_t bars_w = (int32_t)(art->width * module);
        if ((rc = folio_page_art(L, p, art, fl, top + FOLIO_PT(20), bars_w, FOLIO_PT(14))))
            return rc;
        /* the human-readable line under the bars, spread across them as on
         * the official page: "*  1  9  1  3  8  7  9  *" */
        size_t n = strlen(m->barcode);
        char *hr = folio_alloc(L->a, n + 3);
        if (!hr)
            return FOLIO_E_NOMEM;
        hr[0] = '*';
        memcpy(hr + 1, m->barcode, n);
        hr[n + 1] = '*';
        int32_t step = bars_w / (int32_t)(n + 2);
        for (size_t i = 0; i < n + 2; i++) {
            int32_t cw = folio_text_width(L->fonts, FOLIO_FACE_REGULAR, FOLIO_PT(8), hr + i, 1);
            if ((rc = folio_page_text_n(L, p, FOLIO_FACE_REGULAR, FOLIO_PT(8), fl + (int32_t)i * step + (step - cw) / 2,
                                top + FOLIO_PT(42), hr + i, 1)))
                return rc;
        }
    }
    /* "Please recycle", then the recycling mark, as on the official page */
    int32_t rw = folio_text_width(L->fonts, FOLIO_FACE_BOLD, FOLIO_PT(9), m->recycle,
                                  strlen(m->recycle));
    /* the group ends before the QR code: long wordings (Russian) start
     * further left, as the Russian original does */
    int32_t rx = fl + FOLIO_PT(340.4);
    int32_t group_end = f->page.frame_right - FOLIO_PT(6) - FOLIO_PT(44.2) - FOLIO_PT(10);
    if (rx + rw + FOLIO_PT(20) > group_end)
        rx = group_end - rw - FOLIO_PT(20);
    if ((rc = folio_page_text(L, p, FOLIO_FACE_BOLD, FOLIO_PT(9), rx, top + FOLIO_PT(37), m->recycle)) ||
        (rc = folio_art_recycle(L->a, &art)) ||
        (rc = folio_page_art(L, p, art, rx + rw + FOLIO_PT(3), top + FOLIO_PT(23), FOLIO_PT(17),
                     FOLIO_PT(17))))
        return rc;
    if (m->qr_url) {
        if ((rc = folio_art_qr(L->a, m->qr_url, 0, &art)))
            return folio_error(L->ctx, rc, (folio_pos){0, 0}, "cannot make the QR code");
        int32_t side = FOLIO_PT(44.2);
        if ((rc = folio_page_art(L, p, art, f->page.frame_right - FOLIO_PT(6) - side,
                         top - FOLIO_PT(5), side, side)))
            return rc;
        folio_item lk = {0};
        lk.kind = FOLIO_ITEM_LINK;
        lk.x = f->page.frame_right - FOLIO_PT(6) - side;
        lk.y = top - FOLIO_PT(5);
        lk.w = lk.h = side;
        lk.uri = m->qr_url;
        if ((rc = folio_page_push(L, p, &lk)))
            return rc;
    }
    return 0;
}

typedef struct mast_line {
    const char *text;
    folio_face face;
    int32_t size;
    const folio_fnote *note;
} mast_line;

int folio_set_masthead(lctx *L, folio_page *p, int32_t *y_out, int32_t *after,
                 const folio_fnote ***notes, size_t *nnotes)
{
    const folio_flow *f = L->flow;
    const folio_masthead *m = &f->mast;
    const folio_page_geom *g = &f->page;
    int32_t fl = g->frame_left, fr = g->frame_right;
    const folio_art *emblem;
    int32_t drop = g->masthead_drop;
    int rc;

    /* Row 1: wordmark, symbol (first element 20 pt, the rest 10 pt). A
     * long wordmark ("Организация Объединенных Наций") starts near the
     * frame, over the emblem's column, as the Russian original does. */
    int32_t wordmark_x = fl + COL2;
    if (folio_text_width(L->fonts, FOLIO_FACE_REGULAR, FOLIO_PT(14), m->wordmark,
                         strlen(m->wordmark)) > FOLIO_PT(150))
        wordmark_x = fl + FOLIO_PT(7.3);
    if ((rc = folio_page_text(L, p, FOLIO_FACE_REGULAR, FOLIO_PT(14), wordmark_x, TOP_BASELINE + drop,
                      m->wordmark)))
        return rc;
    int32_t wh = folio_text_width(L->fonts, FOLIO_FACE_REGULAR, FOLIO_PT(20),
                                  m->symbol_head, strlen(m->symbol_head));
    int32_t wt = folio_text_width(L->fonts, FOLIO_FACE_REGULAR, FOLIO_PT(10),
                                  m->symbol_tail, strlen(m->symbol_tail));
    if ((rc = folio_page_text(L, p, FOLIO_FACE_REGULAR, FOLIO_PT(20), fr - wh - wt, TOP_BASELINE + drop,
                      m->symbol_head)) ||
        (rc = folio_page_text(L, p, FOLIO_FACE_REGULAR, FOLIO_PT(10), fr - wt, TOP_BASELINE + drop,
                      m->symbol_tail)) ||
        (rc = folio_page_rule(L, p, fl, THIN_RULE_Y + drop, fr - fl, FOLIO_PT(0.5))))
        return rc;

    /* Row 2: emblem, organ, the Distr. block. */
    if (m->emblem_image) {
        /* the house style's own emblem: 54 pt wide, or 44 pt high */
        folio_item it = {0};
        it.kind = FOLIO_ITEM_IMAGE;
        it.image = m->emblem_image;
        it.x = fl + FOLIO_PT(4);
        it.y = FOLIO_PT(64) + drop;
        it.w = FOLIO_PT(54);
        it.h = (int32_t)((int64_t)it.w * m->emblem_px_h / m->emblem_px_w);
        if (it.h > FOLIO_PT(44)) {
            it.h = FOLIO_PT(44);
            it.w = (int32_t)((int64_t)it.h * m->emblem_px_w / m->emblem_px_h);
        }
        if ((rc = folio_page_push(L, p, &it)))
            return rc;
    } else if ((rc = folio_art_emblem(L->a, &emblem)) ||
               (rc = folio_page_art(L, p, emblem, fl + FOLIO_PT(4), FOLIO_PT(64) + drop, FOLIO_PT(54),
                            FOLIO_PT(44)))) {
        return rc;
    }
    if (m->organ && (rc = organ_block(L, p, m->organ, fl + COL2, fl + COL3 - FOLIO_PT(10), drop)))
        return rc;
    const char *right[4] = {m->distribution, m->date, m->language_line, m->original_line};
    for (int i = 0; i < 4; i++)
        if ((rc = folio_page_text(L, p, FOLIO_FACE_REGULAR, FOLIO_PT(10), fl + COL3,
                          FOLIO_PT(78.9) + i * FOLIO_PT(12) + drop, right[i])))
            return rc;
    if ((rc = folio_page_rule(L, p, fl, THICK_RULE_Y + drop, fr - fl, FOLIO_PT(1.5))))
        return rc;

    /* Under the thick rule: body, session, venue and dates, agenda. */
    int32_t y = BODY_BASELINE + drop, last = 0;
    hbox frame = {fl, fl + f->mast_lines_width};
    const folio_pstyle *tst = folio_flow_style(f, "UNTitle");
    const folio_pstyle *sst = folio_flow_style(f, "UNSubtitle");
    if (!tst || !sst)
        return folio_error(L->ctx, FOLIO_E_STYLE, (folio_pos){0, 0},
                           "the house style lacks UNTitle or UNSubtitle");
    mast_line lines[64];
    size_t nl = 0;
    for (size_t i = 0; i < m->nbody_lines && nl < 56; i++)
        lines[nl++] = (mast_line){m->body_lines[i], FOLIO_FACE_BOLD,
                                         i == 0 ? FOLIO_PT(12) : FOLIO_PT(10), NULL};
    if (m->session)
        lines[nl++] = (mast_line){m->session, FOLIO_FACE_BOLD, FOLIO_PT(10), NULL};
    if (m->venue_dates)
        lines[nl++] = (mast_line){m->venue_dates, FOLIO_FACE_REGULAR, FOLIO_PT(10), NULL};
    if (m->agenda_item)
        lines[nl++] = (mast_line){m->agenda_item, FOLIO_FACE_REGULAR, FOLIO_PT(10),
                                         m->agenda_note};
    if (m->agenda_title)
        lines[nl++] = (mast_line){m->agenda_title, FOLIO_FACE_BOLD, FOLIO_PT(10), NULL};
    for (size_t i = 0; i < nl; i++) {
        size_t n;
        folio_run *r = runs_of(L, lines[i].text, lines[i].note, &n);
        folio_pstyle st = *tst;
        st.face = lines[i].face;
        if (!r)
            return FOLIO_E_NOMEM;
        if ((rc = block_at(L, p, &st, lines[i].size, FOLIO_PT(12), r, n,
                           frame,
                           &y, notes, nnotes)))
            return rc;
        last = y;
        y += FOLIO_PT(12);
    }
    y = last ? last : BODY_BASELINE + drop - FOLIO_PT(12);

    /* Title and subtitle at the column's indent. */
    hbox col = {g->column_left, g->column_right};
    *after = tst->space_after;
    if (m->title) {
        size_t n;
        folio_run *r = runs_of(L, m->title, m->title_note, &n);
        if (!r)
            return FOLIO_E_NOMEM;
        y += FOLIO_PT(32.4);
        if ((rc = block_at(L, p, tst, tst->size, tst->leading, r, n, col, &y, notes, nnotes)))
            return rc;
    }
    if (m->subtitle) {
        size_t n;
        folio_run *r = runs_of(L, m->subtitle, NULL, &n);
        if (!r)
            return FOLIO_E_NOMEM;
        y += FOLIO_PT(31.9);
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
    return footer(L, p);
}
