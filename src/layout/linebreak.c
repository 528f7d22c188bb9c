/* Line breaking by total fit (Knuth and Plass, "Breaking paragraphs into
 * lines", 1981), as TeX does it: every legal break is tried against every
 * break that could start its line, each line is scored by how much its
 * spaces must stretch or shrink (badness), and the sequence of breaks with
 * the fewest demerits wins.
 *
 * Four passes, TeX's three with one between: without hyphenation; with
 * hyphenation; with hyphenation and looser lines allowed; then with no
 * limit but overfull lines, so the last pass always ends (an overfull line
 * only where one box is wider than the line).
 * Badness is that of the word spaces as they will be drawn: glyphs may
 * widen (font expansion) up to their limit, and what is left goes to the
 * spaces, so a line the glyphs cannot help is as bad as its spaces look.
 * In the last pass badness is not capped at TeX's 10000, so the demerits
 * (the square of the badness, a sixth power of the spaces' stretch) still
 * choose the setting whose worst line is the least loose.
 * Fitness classes, demerits for neighbouring lines of classes two apart,
 * for consecutive hyphens and for a hyphen on the last full line. Ragged
 * paragraphs are set first fit instead (as Word sets them). Very long
 * paragraphs are broken in chunks so time and memory stay linear. */
#include <stdlib.h>

#include "layout/layout_internal.h"
#include "util/mem.h"

/* The tolerances and demerits (TeX's parameters, tuned on the UN corpus)
 * are the language's, from the house style's [breaking]: p->costs. Four
 * passes: pretolerance without hyphenation, tolerance with it, a looser
 * tolerance (a few lines of long words, as Russian has), then any setting.
 * INF_BAD is the badness of a line that cannot be set (TeX's 10000), not a
 * cost; the last pass measures badness up to MAX_BAD (spaces stretched 21
 * times their stretchability) so that it can tell bad lines apart. */
#define INF_BAD 10000
#define MAX_BAD 1000000

/* Paragraphs longer than this many items are broken a chunk at a time; the
 * lines in the first three quarters of each chunk are kept. */
#define CHUNK 24000

enum { VERY_LOOSE, LOOSE, DECENT, TIGHT };

typedef struct node {
    size_t pos;              /* item at which the line before ends */
    size_t line;             /* lines ended so far */
    int64_t total;           /* demerits up to here */
    int64_t w, y, z, fil;    /* sums of the items before the next line */
    int64_t yb;              /* the part of y that is the boxes' */
    int fitness, flagged;
    struct node *prev;       /* the break before: the best way here */
    struct node *next;       /* next active node */
} node;

/* Nodes are never freed one by one: the best path is read backwards at
 * the end. They come from blocks freed together. */
typedef struct pool {
    struct block *head;
    size_t used;
} pool;

#define BLOCK_NODES 1024
struct block {
    struct block *next;
    node n[BLOCK_NODES];
};

static node *pool_new(pool *p)
{
    if (!p->head || p->used == BLOCK_NODES) {
        struct block *b = folio_malloc(sizeof *b);
        if (!b)
            return NULL;
        b->next = p->head;
        p->head = b;
        p->used = 0;
    }
    return &p->head->n[p->used++];
}

static void pool_free(pool *p)
{
    while (p->head) {
        struct block *b = p->head;
        p->head = b->next;
        free(b);
    }
    p->used = 0;
}

typedef struct sums {
    int64_t w, y, z, fil;
    int64_t yb;              /* stretch of the boxes (font expansion) */
} sums;

typedef struct pass {
    const lb_item *v;
    size_t from, to;         /* items of this chunk */
    const lb_params *p;
    int threshold;           /* badness limit */
    int cap;                 /* badness above this counts as this */
    int hyphenate;           /* pattern points are legal */
    int final;               /* last pass: never fails */
    int64_t emergency;
    pool *pool;
    node *active;
    sums s;                  /* sums of items [from, i) */
} pass;

static void add(sums *s, const lb_item *it)
{
    if (it->kind == LB_BOX) {
        s->w += it->width;
        s->y += it->stretch;
        s->yb += it->stretch;
        s->z += it->shrink;
    } else if (it->kind == LB_GLUE) {
        s->w += it->width;
        s->z += it->shrink;
        if (it->stretch == LB_FIL)
            s->fil++;
        else
            s->y += it->stretch;
    }
}

/* The sums at the start of the line after a break at i: the break's glue
 * and the glue and penalties after it vanish. */
static sums after_break(const pass *P, size_t i)
{
    sums s = P->s;
    for (size_t j = i; j < P->to; j++) {
        const lb_item *it = &P->v[j];
        if (it->kind == LB_BOX || (j > i && it->kind == LB_PENALTY && it->penalty <= LB_FORCE))
            break;
        if (it->kind == LB_GLUE)
            add(&s, it);
    }
    return s;
}

static int badness(double r, int cap)
{
    if (r <= 0)
        return 0;
    double b = 100.0 * r * r * r;
    return b >= cap ? cap : (int)(b + 0.5);
}

/* How far the spaces of a line short of `room` stretch, as a part of their
 * stretchability: the boxes (glyphs) take their share of the room up to
 * all of theirs (yb of the line's y), the glue the rest; -1 when nothing
 * can stretch. */
static double stretch_ratio(int64_t room, int64_t y, int64_t yb)
{
    int64_t yg = y - yb;
    if (y <= 0)
        return -1;
    if (room <= y || yg <= 0)
        return (double)room / (double)y;
    return (double)(room - yb) / (double)yg;
}

typedef struct candidate {
    int64_t total;
    node *from;
} candidate;

/* Try a break at item i with penalty pen: score the line from every active
 * node, drop the nodes that can no longer start a line, and add a node for
 * the best way to reach i in each fitness class. */
static int try_break(pass *P, size_t i, int32_t pen, int32_t pen_w, int flagged, int pattern)
{
    candidate best[4];
    int found = 0;
    for (int c = 0; c < 4; c++)
        best[c] = (candidate){INT64_MAX, NULL};
    node **link = &P->active;
    while (*link) {
        node *a = *link;
        int64_t L = a->line == 0 ? P->p->first : P->p->rest;
        int64_t w = P->s.w - a->w + pen_w;
        int b, fit, overfull = 0;
        if (w < L) {
            double r = stretch_ratio(L - w, P->s.y - a->y + P->emergency,
                                     P->s.yb - a->yb);
            if (P->s.fil - a->fil > 0)
                b = 0;
            else if (r >= 0)
                b = badness(r, P->cap);
            else
                b = P->cap;
            fit = b > 99 ? VERY_LOOSE : b > 12 ? LOOSE : DECENT;
        } else if (w > L) {
            int64_t z = P->s.z - a->z;
            if (w - L > z) {
                overfull = 1;
                b = P->cap + 1;
            } else {
                b = badness((double)(w - L) / (double)z, INF_BAD);
            }
            fit = b > 12 ? TIGHT : DECENT;
        } else {
            b = 0;
            fit = DECENT;
        }
        int artificial = 0, drop = overfull || pen <= LB_FORCE;
        if (drop) {
            /* the last chance for this node: in the final pass, the only
             * node left makes a line even when it is bad or overfull */
            if (P->final && !found && a == P->active && !a->next)
                artificial = 1;
            else if (b > P->threshold) {
                *link = a->next;
                continue;
            }
        } else if (b > P->threshold) {
            link = &a->next;
            continue;
        }
        int64_t d = 0;
        if (!artificial) {
            d = P->p->costs->line_penalty + b;
            d *= d;
            /* a hyphen costs more at the end of a narrow line */
            int64_t hp = pattern && L < P->p->narrow ? P->p->costs->narrow_hyphen_penalty : pen;
            if (pen > 0)
                d += hp * hp;
            else if (pen > LB_FORCE)
                d -= (int64_t)pen * pen;
            if (a->flagged && pen <= LB_FORCE)
                d += P->p->costs->final_hyphen_demerits;
            else if (a->flagged && flagged)
                d += P->p->costs->double_hyphen_demerits;
            if (abs(fit - a->fitness) > 1)
                d += P->p->costs->adj_demerits;
        }
        d += a->total;
        if (d < best[fit].total)
            best[fit] = (candidate){d, a};
        found = 1;
        if (drop)
            *link = a->next;
        else
            link = &a->next;
    }
    if (!found)
        return 0;
    int64_t least = INT64_MAX;
    for (int c = 0; c < 4; c++)
        if (best[c].total < least)
            least = best[c].total;
    sums s = after_break(P, i);
    for (int c = 0; c < 4; c++) {
        if (!best[c].from || best[c].total > least + P->p->costs->adj_demerits)
            continue;
        node *n = pool_new(P->pool);
        if (!n)
            return FOLIO_E_NOMEM;
        *n = (node){i, best[c].from->line + 1, best[c].total, s.w, s.y, s.z, s.fil, s.yb,
                    c, flagged, best[c].from, P->active};
        P->active = n;
    }
    return 0;
}

/* One pass over the chunk from `start`. Returns 0 with P->active holding
 * the nodes that reach the chunk's end (none when the pass failed). */
static int run_pass(pass *P, const node *start)
{
    node *s0 = pool_new(P->pool);
    if (!s0)
        return FOLIO_E_NOMEM;
    *s0 = *start;
    s0->prev = start->prev;
    s0->next = NULL;
    s0->total = 0;
    P->active = s0;
    P->s = (sums){0, 0, 0, 0, 0};
    if (start->line > 0) {
        /* the start is a break at item `from`: what vanishes after it */
        sums t = after_break(P, P->from);
        s0->w = t.w, s0->y = t.y, s0->z = t.z, s0->fil = t.fil, s0->yb = t.yb;
    } else {
        s0->w = s0->y = s0->z = s0->fil = s0->yb = 0;
    }
    const lb_item *v = P->v;
    for (size_t i = P->from; i < P->to && P->active; i++) {
        const lb_item *it = &v[i];
        int rc = 0;
        if (i == P->from)
            ; /* the start: no line ends before anything is in it */
        else if (it->kind == LB_GLUE && v[i - 1].kind == LB_BOX)
            rc = try_break(P, i, 0, 0, 0, 0);
        else if (it->kind == LB_PENALTY && it->penalty < LB_NEVER &&
                 (P->hyphenate || !(it->flags & LB_PATTERN)))
            rc = try_break(P, i, it->penalty < LB_FORCE ? LB_FORCE : it->penalty,
                           it->width, it->flags & LB_FLAGGED, it->flags & LB_PATTERN);
        if (rc)
            return rc;
        add(&P->s, it);
    }
    return 0;
}

/* Break the items [from, to) starting after `start`; on success *end is the
 * best node at the chunk's end. */
static int break_chunk(const lb_item *v, size_t from, size_t to, const lb_params *p,
                       const node *start, pool *pl, node **end)
{
    pass P = {v, from, to, p, p->costs->pretolerance, INF_BAD, 0, 0, 0, pl, NULL,
              {0, 0, 0, 0, 0}};
    for (int k = 0; k < 4; k++) {
        if (k == 1) {
            P.threshold = p->costs->tolerance;
            P.hyphenate = 1;
        } else if (k == 2) {
            P.threshold = p->costs->loose_tolerance;
        } else if (k == 3) {
            P.threshold = P.cap = MAX_BAD;
            P.final = 1;
            P.emergency = p->emergency;
        }
        int rc = run_pass(&P, start);
        if (rc)
            return rc;
        if (P.active)
            break;
        if (p->first_pass_only)
            return LB_NO_FIT;
    }
    node *best = NULL;
    for (node *a = P.active; a; a = a->next)
        if (!best || a->total < best->total)
            best = a;
    *end = best;
    return 0;
}

/* Ragged lines: as many words as fit at their natural spacing. */
static size_t first_fit(const lb_item *v, size_t n, const lb_params *p, size_t *ends)
{
    size_t lines = 0, i = 0;
    while (i < n) {
        int64_t L = lines == 0 ? p->first : p->rest, w = 0;
        size_t last = SIZE_MAX, brk = SIZE_MAX;
        size_t j = i;
        for (; j < n; j++) {
            const lb_item *it = &v[j];
            int legal = 0;
            if (it->kind == LB_PENALTY && it->penalty <= LB_FORCE) {
                brk = w > L && last != SIZE_MAX ? last : j;
                break;
            }
            if (it->kind == LB_GLUE)
                legal = j > i && v[j - 1].kind == LB_BOX;
            else if (it->kind == LB_PENALTY)
                legal = it->penalty < LB_NEVER && !(it->flags & LB_PATTERN);
            if (legal) {
                int64_t lw = w + (it->kind == LB_PENALTY ? it->width : 0);
                if (lw > L && last != SIZE_MAX) {
                    brk = last;
                    break;
                }
                last = j;
            }
            if (it->kind != LB_PENALTY)
                w += it->width;
        }
        if (brk == SIZE_MAX)
            brk = j < n ? j : n - 1;
        ends[lines++] = brk;
        /* the next line starts at the next box */
        i = brk + 1;
        while (i < n && v[i].kind != LB_BOX &&
               !(v[i].kind == LB_PENALTY && v[i].penalty <= LB_FORCE))
            i++;
        if (i == n - 1 && v[i].kind == LB_PENALTY && brk != n - 1)
            i = n; /* only the closing penalty is left */
    }
    return lines;
}


int folio_break_lines(const lb_item *v, size_t n, const lb_params *p, size_t *ends,
                size_t *nlines)
{
    *nlines = 0;
    if (!n)
        return 0;
    if (!p->justify) {
        *nlines = first_fit(v, n, p, ends);
        return 0;
    }
    /* long paragraphs are broken in chunks, whose ends depend on the items:
     * the trial without hyphenation would not be the same setting */
    if (p->first_pass_only && n > CHUNK)
        return LB_NO_FIT;
    pool pl = {NULL, 0};
    node start = {0, 0, 0, 0, 0, 0, 0, 0, DECENT, 0, NULL, NULL};
    size_t from = 0, count = 0, chunk = CHUNK;
    int rc = 0;
    while (from < n) {
        size_t to = n - from > chunk ? from + chunk : n;
        node *end = NULL;
        if ((rc = break_chunk(v, from, to, p, &start, &pl, &end)))
            goto done;
        /* the path of breaks, read backwards */
        size_t got = 0, first_new = count;
        for (node *a = end; a && a->line > start.line; a = a->prev)
            got++;
        size_t k = got;
        for (node *a = end; a && a->line > start.line; a = a->prev)
            ends[first_new + --k] = a->pos;
        if (to == n) {
            count += got;
            break;
        }
        /* keep the lines that end in the first three quarters of the
         * chunk (at least one), and start again after the last of them */
        size_t keep = 0, limit = from + (to - from) * 3 / 4;
        while (keep < got && (keep == 0 || ends[first_new + keep] <= limit))
            keep++;
        if (!keep) {
            /* no break at all in a whole chunk (items without width):
             * take the rest in one piece */
            chunk = n;
            pool_free(&pl);
            continue;
        }
        node *kept = end;
        for (size_t g = got; g > keep; g--)
            kept = kept->prev;
        count += keep;
        start = *kept;
        start.prev = NULL;
        start.line = count;
        from = kept->pos;
        pool_free(&pl);
    }
    *nlines = count;
done:
    pool_free(&pl);
    return rc;
}
