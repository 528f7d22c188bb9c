/* The page builder: stacks the lines of every block onto pages.
 *
 * Rules: no single line of a paragraph alone at the foot (orphan) or head
 * (widow) of a page; a block marked keep-with-next stays with the first two
 * lines of the next, and so does a heading by its look (a short paragraph
 * or lettered item all in bold or italic), so no heading ends a page; a
 * list's last item is not alone at the top of a page, nor is the
 * document's last line (a line or an item before it goes over with it);
 * footnotes go to the foot of the page that carries
 * their marker (the marker's line moves when its notes do not fit) and a
 * note too long for the room left continues on the next page; table rows
 * are never split and the head rows repeat on every page. */
#include <stdlib.h>
#include <string.h>

#include "layout/block_look.h"
#include "layout/blockset.h"
#include "layout/page_items.h"

#define NOTE_GAP FOLIO_PT(4)      /* separator to the top of the notes */
#define NOTE_CLEAR FOLIO_PT(9)    /* last body baseline to the notes */

typedef struct note_slice {        /* lines of a note shown on one page */
    const vblock *vb;
    size_t first, n;
    int again;                     /* the note shown again, cited on a later
                                      page: page furniture for a reader */
} note_slice;

typedef struct pager {
    lctx *L;
    vblock *notes;                 /* set notes, indexed like flow->notes */
    unsigned char *taken;          /* per note: shown on some page already */
    folio_page *page;
    int32_t y;                     /* baseline of the last line placed */
    int32_t depth;                 /* its depth */
    int32_t after;                 /* space after the last block placed */
    int fresh;                     /* nothing placed yet on this page */
    int32_t bottom;                /* lowest baseline on this page */
    note_slice *slices;
    size_t nslices, slices_cap;
    int32_t notes_h;               /* height of the notes on this page */
    int32_t note_cap;              /* most a split note may take of a page */
    note_slice *carry;             /* note lines continuing on the next page */
    size_t ncarry, carry_cap;
    size_t pages_cap;              /* room in L->out->pages */
    int last_clings;               /* the last block placed would be left
                                      at a foot without the next (a heading,
                                      the lead-in of a list) */
    size_t last_text;              /* the last block before the closing rule */
    boxrun box;                    /* the summary's frame on this page */
    int repeat;                    /* placing a table's head rows or a note
                                      again: page furniture for a reader */
} pager;


static int32_t lines_height(const vblock *vb, size_t first, size_t n)
{
    int32_t h = 0;
    for (size_t i = first; i < first + n; i++)
        h += vb->lines[i].height + vb->lines[i].depth;
    return h;
}

static int32_t notes_area(int32_t h)
{
    return h ? h + NOTE_GAP : 0;
}

static int note_shown(const pager *P, const vblock *nv)
{
    for (size_t s = 0; s < P->nslices; s++)
        if (P->slices[s].vb == nv)
            return 1;
    for (size_t s = 0; s < P->ncarry; s++)
        if (P->carry[s].vb == nv)
            return 1;
    return 0;
}

/* The room the notes of `ln` need on this page: a note that fits whole
 * needs all its lines; a long one may split, so it needs its first two
 * here and continues on the next page. Once a note continues, later notes
 * follow it there and need nothing here. */
static int32_t line_notes_h(const pager *P, const vblock *b, const vline *ln)
{
    int32_t h = 0;
    if (P->ncarry)
        return 0;
    for (size_t k = 0; k < ln->nnotes; k++) {
        const folio_fnote *fn = b->notes[ln->note0 + k];
        const vblock *nv = &P->notes[fn - P->L->flow->notes];
        if (note_shown(P, nv))
            continue;
        int32_t whole = lines_height(nv, 0, nv->nlines);
        int32_t start = lines_height(nv, 0, nv->nlines < 2 ? nv->nlines : 2);
        h += whole <= P->note_cap - P->notes_h - h ? whole : start;
    }
    return h;
}

/* Where the baseline of line `i` of `b` would fall. */
static int32_t next_baseline(const pager *P, const vblock *b, size_t i)
{
    const vline *ln = &b->lines[i];
    if (P->fresh)
        return P->y + ln->height;
    int32_t gap = i == 0 ? P->after + b->space_before : 0;
    return P->y + P->depth + gap + ln->height;
}

static int fits_line(const pager *P, const vblock *b, size_t i, int32_t y,
                     int32_t extra_notes)
{
    int32_t nh = P->notes_h + extra_notes + line_notes_h(P, b, &b->lines[i]);
    int32_t limit = P->bottom - (nh ? notes_area(nh) + NOTE_CLEAR : 0);
    return y + b->lines[i].depth <= limit;
}

/* How many lines of b, from `first`, fit on the current page; *after (when
 * not NULL) is the page as it would be with them placed. */
static size_t fit_lines(const pager *P, const vblock *b, size_t first, pager *after)
{
    pager Q = *P; /* simulate on a copy; only y, depth, fresh and notes_h change */
    int32_t extra = 0;
    size_t k = first;
    for (; k < b->nlines; k++) {
        int32_t y = next_baseline(&Q, b, k);
        if (!fits_line(&Q, b, k, y, extra))
            break;
        extra += line_notes_h(&Q, b, &b->lines[k]);
        Q.y = y;
        Q.depth = b->lines[k].depth;
        Q.fresh = 0;
    }
    if (after) {
        Q.notes_h += extra;
        Q.after = b->space_after;
        *after = Q;
    }
    return k - first;
}

static size_t lines_that_fit(const pager *P, const vblock *b, size_t first)
{
    return fit_lines(P, b, first, NULL);
}

/* Whether block i keeps with the next: its style says so, or it looks like
 * a heading. */
static int kept_with_next(const pager *P, size_t i, const vblock *b)
{
    return b->keep_with_next || folio_look_heading(&P->L->flow->blocks[i], b);
}

static int is_item(const pager *P, size_t i)
{
    return folio_look_item(&P->L->flow->blocks[i]);
}

static int add_slice(pager *P, note_slice **v, size_t *n, size_t *cap, note_slice s)
{
    if (*n == *cap) {
        size_t c = *cap ? *cap * 2 : 16;
        note_slice *nv = folio_grow(P->L->a, *v, sizeof *nv, *n, c);
        if (!nv)
            return FOLIO_E_NOMEM;
        *v = nv;
        *cap = c;
    }
    (*v)[(*n)++] = s;
    return 0;
}

/* Put the notes of a placed line on the page; a note that cannot fit whole
 * is split and its rest carried to the next page. */
static int take_notes(pager *P, const vblock *b, const vline *ln, int32_t body_y)
{
    for (size_t k = 0; k < ln->nnotes; k++) {
        const folio_fnote *fn = b->notes[ln->note0 + k];
        const vblock *nv = &P->notes[fn - P->L->flow->notes];
        if (note_shown(P, nv) || !nv->nlines)
            continue;
        size_t n = 0;
        int32_t h = 0;
        while (n < nv->nlines && !P->ncarry) {
            int32_t lh = nv->lines[n].height + nv->lines[n].depth;
            if (body_y + NOTE_CLEAR + notes_area(P->notes_h + h + lh) > P->bottom)
                break;
            /* a split note leaves room for the text: at most note_cap */
            if (P->notes_h + h + lh > P->note_cap && n >= 2 &&
                lines_height(nv, 0, nv->nlines) > P->note_cap)
                break;
            h += lh;
            n++;
        }
        if (n == 0 && !P->nslices && !P->ncarry) { /* at least one line */
            h = nv->lines[0].height;
            n = 1;
        }
        int rc, again = P->taken[nv - P->notes];
        P->taken[nv - P->notes] = 1;
        if (n && (rc = add_slice(P, &P->slices, &P->nslices, &P->slices_cap,
                                 (note_slice){nv, 0, n, again})))
            return rc;
        P->notes_h += h;
        if (n < nv->nlines &&
            (rc = add_slice(P, &P->carry, &P->ncarry, &P->carry_cap,
                            (note_slice){nv, n, nv->nlines - n, again})))
            return rc;
    }
    return 0;
}

static int place_items(pager *P, const vblock *b, const vline *ln, int32_t y)
{
    for (size_t k = 0; k < ln->nitems; k++) {
        folio_item it = b->items.v[ln->item0 + k];
        it.y += y;
        if (P->repeat && it.kind != FOLIO_ITEM_LINK)
            it.sid = FOLIO_SID_PAGINATION;
        int rc = folio_page_push(P->L, P->page, &it);
        if (rc)
            return rc;
    }
    return 0;
}

static int place_line(pager *P, const vblock *b, size_t i)
{
    int32_t y = next_baseline(P, b, i);
    const vline *ln = &b->lines[i];
    int rc;
    if (i == 0 && b->outline_level) {
        folio_item o = {0};
        o.kind = FOLIO_ITEM_OUTLINE;
        o.y = y - ln->height;
        o.level = b->outline_level;
        o.text = b->outline_text;
        o.len = strlen(b->outline_text);
        if ((rc = folio_page_push(P->L, P->page, &o)))
            return rc;
    }
    if ((rc = place_items(P, b, ln, y)) || (rc = take_notes(P, b, ln, y)))
        return rc;
    if (b->box)
        folio_box_line(&P->box, y - ln->height, y);
    if (i == 0 && P->L->block_page)
        P->L->block_page[b->index] = P->page->number;
    P->y = y;
    P->depth = ln->depth;
    P->fresh = 0;
    return 0;
}

/* Draw the notes of the finished page, bottom-aligned, with the separator. */
static int draw_notes(pager *P)
{
    const folio_flow *f = P->L->flow;
    if (!P->nslices)
        return 0;
    int32_t top = P->bottom - notes_area(P->notes_h);
    folio_item sep = {0};
    sep.kind = FOLIO_ITEM_RULE;
    sep.x = f->page.frame_left + FOLIO_PT(34);
    sep.y = top;
    sep.w = FOLIO_PT(73.8);
    if (f->lang.rtl) /* at the start of the lines: the right */
        sep.x = f->page.frame_left + f->page.frame_right - sep.x - sep.w;
    sep.thickness = FOLIO_PT(0.5);
    int rc = folio_page_push(P->L, P->page, &sep);
    int32_t y = top + NOTE_GAP;
    for (size_t s = 0; !rc && s < P->nslices; s++) {
        const note_slice *sl = &P->slices[s];
        P->repeat = sl->again;
        for (size_t i = sl->first; !rc && i < sl->first + sl->n; i++) {
            y += sl->vb->lines[i].height;
            rc = place_items(P, sl->vb, &sl->vb->lines[i], y);
            y += sl->vb->lines[i].depth;
        }
        P->repeat = 0;
    }
    return rc;
}

static int new_page(pager *P)
{
    lctx *L = P->L;
    folio_layout *out = L->out;
    int rc;
    if (P->page) {
        if ((rc = folio_box_draw(L, P->page, &P->box)) || (rc = draw_notes(P)))
            return rc;
        folio_page_trim(P->page);
    }
    if (out->npages == P->pages_cap) {
        /* doubling: the arena keeps every old copy, so growing by one
         * page held n^2/2 page records (92 MB for 2,400 pages) */
        size_t cap = P->pages_cap ? P->pages_cap * 2 : 16;
        folio_page *pages = folio_grow(L->a, out->pages, sizeof *pages, out->npages, cap);
        if (!pages)
            return FOLIO_E_NOMEM;
        out->pages = pages;
        P->pages_cap = cap;
    }
    P->page = &out->pages[out->npages++];
    memset(P->page, 0, sizeof *P->page);
    P->page->number = (int)out->npages;
    P->nslices = 0;
    P->notes_h = 0;
    P->fresh = 1;
    P->depth = 0;
    P->after = 0;
    P->bottom = L->flow->page.body_bottom;
    /* the first body line of a 12 pt style sits on body_top */
    P->y = L->flow->page.body_top - FOLIO_PT(12);
    P->note_cap = (P->bottom - L->flow->page.body_top) / 2;
    /* Notes carried over come first, up to half the page; the rest goes on
     * to the page after. */
    size_t kept = 0;
    for (size_t c = 0; c < P->ncarry; c++) {
        note_slice sl = P->carry[c];
        size_t n = 0;
        int32_t h = 0;
        while (!kept && n < sl.n) {
            int32_t lh = sl.vb->lines[sl.first + n].height + sl.vb->lines[sl.first + n].depth;
            if (P->notes_h + h + lh > P->note_cap && n > 0)
                break;
            h += lh;
            n++;
        }
        if (n && (rc = add_slice(P, &P->slices, &P->nslices, &P->slices_cap,
                                 (note_slice){sl.vb, sl.first, n, sl.again})))
            return rc;
        P->notes_h += h;
        if (n < sl.n)
            P->carry[kept++] = (note_slice){sl.vb, sl.first + n, sl.n - n, sl.again};
    }
    P->ncarry = kept;
    return 0;
}

/* A block marked keep-with-next shares its page with what follows: the
 * whole chain of keep-with-next blocks (a chapter heading, then a section
 * heading) and the first lines of the block after them. */
static int keep_fits(const pager *P, blockset *bs, size_t i, int *rc)
{
    pager Q = *P;
    for (; i < bs->n; i++) {
        const vblock *b = folio_blockset_get(P->L, bs, i, rc);
        if (!b)
            return 0;
        if (!b->nlines)
            continue;
        int keep = kept_with_next(P, i, b);
        size_t want = folio_first_lines(b, keep);
        for (size_t k = 0; k < want; k++) {
            int32_t y = next_baseline(&Q, b, k);
            if (!fits_line(&Q, b, k, y, 0))
                return 0;
            Q.y = y;
            Q.depth = b->lines[k].depth;
            Q.fresh = 0;
        }
        Q.after = b->space_after;
        if (!keep)
            return 1;
    }
    return 1;
}

/* The next block after i that has lines, or bs->n. */
static size_t next_block(const pager *P, blockset *bs, size_t i, int *rc)
{
    for (size_t j = i + 1; j < bs->n; j++) {
        const vblock *b = folio_blockset_get(P->L, bs, j, rc);
        if (!b)
            return bs->n;
        if (b->nlines)
            return j;
    }
    return bs->n;
}

/* Block i would be left at a page's foot without the block after it: a
 * heading, or the lead-in of a list ("The Council decided:"). */
static int clings(const pager *P, blockset *bs, size_t i, const vblock *b, int *rc)
{
    if (kept_with_next(P, i, b))
        return 1;
    size_t j = folio_look_lead_in(&P->L->flow->blocks[i]) ? next_block(P, bs, i, rc) : bs->n;
    return j < bs->n && is_item(P, j);
}

/* Block j must not start a page alone: the last item of a list (after
 * another item), or the document's last line. */
static int needs_company(const pager *P, blockset *bs, size_t i, size_t j, int *rc)
{
    if (j == P->last_text && bs->v[j].nlines < 2)
        return 1;
    if (!is_item(P, i) || !is_item(P, j))
        return 0;
    size_t k = next_block(P, bs, j, rc);
    return k == bs->n || !is_item(P, k);
}

/* How many of the last lines of block i must go on to the next page with
 * what follows: the block after it (or the one after that, when the block
 * between goes over whole and i clings to it) needs company at the top of
 * the next page. Two lines of a long block go over, a short block whole,
 * unless it heads the page or clings to a block placed before it. */
static size_t pull_over(const pager *P, blockset *bs, size_t i, const vblock *b, int *rc)
{
    size_t j = next_block(P, bs, i, rc);
    if (*rc || j == bs->n)
        return 0;
    size_t t = j; /* the block that needs company */
    if (!needs_company(P, bs, i, j, rc)) {
        size_t k = *rc ? bs->n : next_block(P, bs, j, rc);
        if (*rc || k == bs->n || bs->v[j].nlines > 3 || !clings(P, bs, i, b, rc) ||
            !needs_company(P, bs, j, k, rc))
            return 0;
        t = k;
    }
    if (*rc)
        return 0;
    pager Q = *P;
    for (size_t m = i; m < t; m = next_block(P, bs, m, rc)) {
        const vblock *mb = &bs->v[m];
        if (fit_lines(&Q, mb, 0, &Q) < mb->nlines)
            return 0; /* it breaks anyway: its last lines start the next page */
    }
    if (fit_lines(&Q, &bs->v[t], 0, NULL) >= folio_first_lines(&bs->v[t], 0))
        return 0;
    if (b->nlines >= 4 && t == j)
        return 2;
    return P->fresh || P->last_clings ? 0 : b->nlines;
}

static int place_block(pager *P, blockset *bs, size_t bi)
{
    int rc;
    const vblock *b = folio_blockset_get(P->L, bs, bi, &rc);
    if (!b)
        return rc;
    if (!b->nlines)
        return 0;
    if (!b->box && (rc = folio_box_draw(P->L, P->page, &P->box)))
        return rc;
    if (b->page_break_before && !P->fresh && (rc = new_page(P)))
        return rc;
    /* The closing rule never goes alone to a page of its own: it may sit
     * in the bottom margin, under the last line. */
    if (b->end_rule && !P->fresh)
        return place_line(P, b, 0);
    int keep = kept_with_next(P, bi, b);
    if (keep && !P->fresh) {
        int fits = keep_fits(P, bs, bi, &rc);
        if (rc || (!fits && (rc = new_page(P))))
            return rc;
        b = &bs->v[bi]; /* still set: blocks are released only once placed */
    }
    size_t pull = b->head_rows ? 0 : pull_over(P, bs, bi, b, &rc);
    if (rc)
        return rc;
    b = &bs->v[bi];
    if (pull && (keep || pull == b->nlines)) {
        if ((rc = new_page(P)))
            return rc; /* the whole block goes over */
        pull = 0;
    }
    int cl = clings(P, bs, bi, b, &rc);
    if (rc)
        return rc;
    b = &bs->v[bi];
    size_t i = 0;
    int only_head = 0; /* the page holds nothing but repeated head rows */
    while (i < b->nlines) {
        size_t k = lines_that_fit(P, b, i);
        size_t left = b->nlines - i;
        if (k < left && !P->fresh) {
            if (b->head_rows) {
                if (i == 0 && k <= b->head_rows)
                    k = 0; /* a head alone at the foot */
            } else if (keep) {
                k = 0;
            } else if (i == 0 && k < 2) {
                k = 0; /* orphan */
            } else if (left - k == 1) {
                /* widow: leave two lines for the next page, but never
                 * one alone at this page's foot */
                k = (i > 0 || k >= 3) ? k - 1 : 0;
            }
        }
        if (pull && i == 0 && k == b->nlines) {
            k -= pull; /* lines to go over with the block after */
            pull = 0;
        }
        if (k < b->nlines - i && !P->fresh) {
            /* nor a word cut by a hyphen across two pages */
            if (!b->head_rows && k > 0 && b->lines[i + k - 1].hyphenated &&
                (i > 0 ? k >= 2 : k >= 3))
                k--;
        }
        if (k == 0 && (P->fresh || only_head))
            k = 1; /* a line taller than the page: set it anyway */
        only_head = 0;
        for (size_t j = 0; j < k; j++)
            if ((rc = place_line(P, b, i + j)))
                return rc;
        i += k;
        if (i < b->nlines) {
            if ((rc = new_page(P)))
                return rc;
            /* Table continued: repeat the head rows. */
            if (b->head_rows && i >= b->head_rows) {
                P->repeat = 1;
                for (size_t h = 0; h < b->head_rows && !rc; h++)
                    rc = place_line(P, b, h);
                P->repeat = 0;
                if (rc)
                    return rc;
                only_head = 1;
            }
        }
    }
    P->after = b->space_after;
    P->last_clings = cl;
    return 0;
}

static int set_notes(lctx *L, vblock *notes)
{
    const folio_flow *f = L->flow;
    const folio_pstyle *st = f->note_style;
    hbox box = folio_style_box(f, st);
    for (size_t i = 0; i < f->nnotes; i++) {
        const folio_fnote *fn = &f->notes[i];
        vblock *vb = &notes[i];
        const folio_tag *tags = L->plan ? L->plan->note[i] : NULL;
        for (size_t k = 0; k < fn->nblocks; k++) {
            const folio_fblock *fb = &fn->blocks[k];
            vblock part = {0};
            L->tag = tags ? tags[k] : (folio_tag){0, 0, 0};
            int rc = fb->kind == FOLIO_FLOW_TABLE
                         ? folio_set_table(L, fb, box, &part)
                         : folio_set_paragraph(L, fb->style, fb->label, fb->runs, fb->nruns, box, &part);
            if (rc)
                return rc;
            /* Append the part's lines to the note. */
            for (size_t li = 0; li < part.nlines; li++) {
                vline *ln = folio_vblock_line(L, vb, part.lines[li].height);
                if (!ln)
                    return FOLIO_E_NOMEM;
                ln->depth = part.lines[li].depth;
                if (li == 0 && k > 0 && fb->kind == FOLIO_FLOW_TABLE)
                    ln->height += FOLIO_PT(3);
                for (size_t t = 0; t < part.lines[li].nitems; t++)
                    if ((rc = folio_items_push(L->a, &vb->items,
                                         &part.items.v[part.lines[li].item0 + t])))
                        return rc;
                ln->nitems = vb->items.n - ln->item0;
            }
        }
        if (!vb->nlines && !folio_vblock_line(L, vb, st->leading))
            return FOLIO_E_NOMEM;
        /* The mark hangs before the text at the first line. */
        folio_item m = {0};
        m.kind = FOLIO_ITEM_TEXT;
        m.sid = L->plan ? L->plan->note_mark[i] : 0;
        m.face = FOLIO_FACE_REGULAR;
        /* numbers are superscript; "*" marks are set full size */
        int star = fn->mark[0] == '*';
        m.size = star ? st->size : st->size * 2 / 3;
        m.y = star ? 0 : -st->size / 3;
        m.text = fn->mark;
        m.len = strlen(fn->mark);
        int32_t mw = folio_text_width(L->fonts, m.face, m.size, m.text, m.len);
        m.x = f->page.column_left + f->note_marker_indent;
        if (f->lang.rtl) { /* the mark hangs at the right: the box mirrors */
            int32_t mirror = f->page.column_left + f->page.column_right;
            if (m.x + mw > mirror - box.right - FOLIO_PT(1))
                m.x = mirror - box.right - FOLIO_PT(1) - mw;
            m.x = mirror - m.x - mw;
        } else if (m.x + mw > box.left - FOLIO_PT(1)) {
            m.x = box.left - FOLIO_PT(1) - mw;
        }
        vline *first = &vb->lines[0];
        /* insert at the end of line 0's items: items of later lines shift */
        int rc = folio_items_push(L->a, &vb->items, &m);
        if (rc)
            return rc;
        folio_item mark = vb->items.v[vb->items.n - 1];
        size_t at = first->item0 + first->nitems;
        memmove(&vb->items.v[at + 1], &vb->items.v[at],
                (vb->items.n - 1 - at) * sizeof mark);
        vb->items.v[at] = mark;
        first->nitems++;
        for (size_t li = 1; li < vb->nlines; li++)
            vb->lines[li].item0++;
    }
    return 0;
}

int folio_build_pages(lctx *L, blockset *bs)
{
    pager P;
    int rc;
    memset(&P, 0, sizeof P);
    P.L = L;
    if (!(P.notes = folio_alloc(L->a, (L->flow->nnotes + 1) * sizeof *P.notes)) ||
        !(P.taken = folio_alloc(L->a, L->flow->nnotes + 1)))
        return FOLIO_E_NOMEM;
    if ((rc = set_notes(L, P.notes)) || (rc = new_page(&P)))
        return rc;
    /* Page 1: the masthead, then the body below the title block. */
    const folio_fnote **mnotes = NULL;
    size_t nmnotes = 0;
    int32_t y, after;
    if ((rc = folio_set_masthead(L, P.page, &y, &after, &mnotes, &nmnotes)))
        return rc;
    folio_warn_missing_glyphs(L, bs, P.page->items, P.page->nitems, L->flow->report->meta.pos);
    P.y = y;
    P.after = after;
    P.fresh = 0;
    P.bottom = L->flow->page.first_footer_top - FOLIO_PT(12);
    P.note_cap = (P.bottom - y) / 2;
    if (nmnotes) {
        vblock mb = {0};
        vline *ln = folio_vblock_line(L, &mb, 0);
        if (!ln)
            return FOLIO_E_NOMEM;
        for (size_t i = 0; i < nmnotes; i++)
            if ((rc = folio_vblock_note(L, &mb, ln, mnotes[i])))
                return rc;
        if ((rc = take_notes(&P, &mb, ln, y)))
            return rc;
    }
    /* the last block of text: the one before the closing rule */
    P.last_text = bs->n;
    for (size_t i = bs->n; i-- > 0;)
        if (L->flow->blocks[i].kind == FOLIO_FLOW_PARA || L->flow->blocks[i].kind == FOLIO_FLOW_TABLE) {
            P.last_text = i;
            break;
        }
    for (size_t i = 0; i < bs->n; i++) {
        if ((rc = place_block(&P, bs, i)))
            return rc;
        folio_blockset_release(bs, i);
    }
    /* Notes still to continue get pages of their own. */
    while (P.ncarry)
        if ((rc = new_page(&P)))
            return rc;
    if ((rc = folio_box_draw(L, P.page, &P.box)) || (rc = draw_notes(&P)))
        return rc;
    /* Running heads and page numbers last: "2/9" needs the page count. */
    for (size_t i = 1; i < L->out->npages; i++)
        if ((rc = folio_set_furniture(L, &L->out->pages[i])))
            return rc;
    return 0;
}
