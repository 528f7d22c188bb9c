/* Builder for folio_art (see art_build.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "art/art_build.h"
#include "util/mem.h"

/* Bezier handle length for a quarter circle. */
#define KAPPA 0.5522847498f

/* Path points are kept to 1/100 unit: far below what prints (artwork is
 * tens of units across) and it keeps the PDF's numbers short. */
static float snap(float v)
{
    return roundf(v * 100) / 100;
}

void folio_artb_init(folio_artb *b)
{
    memset(b, 0, sizeof(*b));
}

/* Room for one more element in an array of capacity `cap` holding `have`:
 * the doubled capacity, or `cap` when there is room already. */
static size_t next_cap(size_t have, size_t cap)
{
    return have < cap ? cap : cap ? cap * 2 : 64;
}

static folio_shape *new_shape(folio_artb *b)
{
    if (b->failed)
        return NULL;
    size_t cap = next_cap(b->nshapes, b->cap_shapes);
    if (cap != b->cap_shapes) {
        folio_shape *s = folio_realloc(b->shapes, cap * sizeof(*s));
        if (s)
            b->shapes = s;
        size_t *f = s ? folio_realloc(b->first_seg, cap * sizeof(*f)) : NULL;
        if (!f) {
            b->failed = 1;
            return NULL;
        }
        b->first_seg = f;
        b->cap_shapes = cap;
    }
    b->first_seg[b->nshapes] = b->nsegs;
    folio_shape *s = &b->shapes[b->nshapes++];
    memset(s, 0, sizeof(*s));
    return s;
}

void folio_artb_path(folio_artb *b, float stroke, int even_odd)
{
    folio_shape *s = new_shape(b);
    if (!s)
        return;
    s->stroke = stroke;
    s->even_odd = even_odd;
}

static folio_path_seg *new_seg(folio_artb *b, folio_path_op op)
{
    if (b->failed)
        return NULL;
    if (b->nshapes == 0 || b->shapes[b->nshapes - 1].is_rect) {
        b->failed = 1;   /* a segment outside a path: a bug in the caller */
        return NULL;
    }
    size_t cap = next_cap(b->nsegs, b->cap_segs);
    if (cap != b->cap_segs) {
        folio_path_seg *g = folio_realloc(b->segs, cap * sizeof(*g));
        if (!g) {
            b->failed = 1;
            return NULL;
        }
        b->segs = g;
        b->cap_segs = cap;
    }
    folio_path_seg *g = &b->segs[b->nsegs++];
    memset(g, 0, sizeof(*g));
    g->op = op;
    b->shapes[b->nshapes - 1].nsegs++;
    return g;
}

void folio_artb_move(folio_artb *b, float x, float y)
{
    folio_path_seg *g = new_seg(b, FOLIO_PATH_MOVE);
    if (g) {
        g->x[0] = snap(x);
        g->y[0] = snap(y);
    }
}

void folio_artb_line(folio_artb *b, float x, float y)
{
    folio_path_seg *g = new_seg(b, FOLIO_PATH_LINE);
    if (g) {
        g->x[0] = snap(x);
        g->y[0] = snap(y);
    }
}

void folio_artb_curve(folio_artb *b, float x1, float y1, float x2, float y2,
                      float x3, float y3)
{
    folio_path_seg *g = new_seg(b, FOLIO_PATH_CURVE);
    if (g) {
        g->x[0] = snap(x1);
        g->y[0] = snap(y1);
        g->x[1] = snap(x2);
        g->y[1] = snap(y2);
        g->x[2] = snap(x3);
        g->y[2] = snap(y3);
    }
}

void folio_artb_close(folio_artb *b)
{
    new_seg(b, FOLIO_PATH_CLOSE);
}

void folio_artb_circle(folio_artb *b, float cx, float cy, float r)
{
    float k = KAPPA * r;
    folio_artb_move(b, cx + r, cy);
    folio_artb_curve(b, cx + r, cy + k, cx + k, cy + r, cx, cy + r);
    folio_artb_curve(b, cx - k, cy + r, cx - r, cy + k, cx - r, cy);
    folio_artb_curve(b, cx - r, cy - k, cx - k, cy - r, cx, cy - r);
    folio_artb_curve(b, cx + k, cy - r, cx + r, cy - k, cx + r, cy);
    folio_artb_close(b);
}

void folio_artb_rect(folio_artb *b, float x, float y, float w, float h)
{
    folio_shape *s = new_shape(b);
    if (!s)
        return;
    s->is_rect = 1;
    s->x = x;
    s->y = y;
    s->w = w;
    s->h = h;
}

static void extend(float *lo, float *hi, float v)
{
    if (v < *lo)
        *lo = v;
    if (v > *hi)
        *hi = v;
}

void folio_artb_fit(folio_artb *b, float margin, float *w, float *h)
{
    float x0 = 1e30f, x1 = -1e30f, y0 = 1e30f, y1 = -1e30f;
    float px = 0, py = 0;   /* the pen, for the start of curves */
    for (size_t i = 0; i < b->nshapes; i++) {
        const folio_shape *s = &b->shapes[i];
        if (s->is_rect) {
            extend(&x0, &x1, s->x);
            extend(&x0, &x1, s->x + s->w);
            extend(&y0, &y1, s->y);
            extend(&y0, &y1, s->y + s->h);
            continue;
        }
        float grow = s->stroke / 2;
        for (size_t k = 0; k < s->nsegs; k++) {
            const folio_path_seg *g = &b->segs[b->first_seg[i] + k];
            if (g->op == FOLIO_PATH_CLOSE)
                continue;
            int last = g->op == FOLIO_PATH_CURVE ? 2 : 0;
            for (int n = 0; g->op == FOLIO_PATH_CURVE && n <= 16; n++) {
                float t = (float)n / 16, u = 1 - t;
                float bx = u * u * u * px + 3 * u * u * t * g->x[0] +
                           3 * u * t * t * g->x[1] + t * t * t * g->x[2];
                float by = u * u * u * py + 3 * u * u * t * g->y[0] +
                           3 * u * t * t * g->y[1] + t * t * t * g->y[2];
                extend(&x0, &x1, bx - grow);
                extend(&x0, &x1, bx + grow);
                extend(&y0, &y1, by - grow);
                extend(&y0, &y1, by + grow);
            }
            px = g->x[last];
            py = g->y[last];
            extend(&x0, &x1, px - grow);
            extend(&x0, &x1, px + grow);
            extend(&y0, &y1, py - grow);
            extend(&y0, &y1, py + grow);
        }
    }
    if (x0 > x1) {
        x0 = x1 = y0 = y1 = 0;
    }
    float dx = margin - x0, dy = margin - y0;
    for (size_t i = 0; i < b->nshapes; i++) {
        b->shapes[i].x += b->shapes[i].is_rect ? dx : 0;
        b->shapes[i].y += b->shapes[i].is_rect ? dy : 0;
    }
    for (size_t k = 0; k < b->nsegs; k++) {
        folio_path_seg *g = &b->segs[k];
        int points = g->op == FOLIO_PATH_CURVE ? 3 : g->op == FOLIO_PATH_CLOSE ? 0 : 1;
        for (int n = 0; n < points; n++) {
            g->x[n] = snap(g->x[n] + dx);
            g->y[n] = snap(g->y[n] + dy);
        }
    }
    *w = x1 - x0 + 2 * margin;
    *h = y1 - y0 + 2 * margin;
}

void folio_artb_discard(folio_artb *b)
{
    free(b->shapes);
    free(b->first_seg);
    free(b->segs);
    memset(b, 0, sizeof(*b));
}

int folio_artb_finish(folio_artb *b, folio_arena *a, float w, float h,
                      const folio_art **out)
{
    int rc = FOLIO_E_NOMEM;
    if (b->failed)
        goto done;
    folio_art *art = folio_alloc(a, sizeof(*art));
    folio_shape *shapes = folio_alloc(a, (b->nshapes ? b->nshapes : 1) *
                                         sizeof(folio_shape));
    folio_path_seg *segs = folio_alloc(a, (b->nsegs ? b->nsegs : 1) *
                                          sizeof(folio_path_seg));
    if (!art || !shapes || !segs)
        goto done;
    if (b->nsegs)
        memcpy(segs, b->segs, b->nsegs * sizeof(folio_path_seg));
    for (size_t i = 0; i < b->nshapes; i++) {
        shapes[i] = b->shapes[i];
        shapes[i].segs = shapes[i].is_rect ? NULL : segs + b->first_seg[i];
    }
    art->width = w;
    art->height = h;
    art->shapes = shapes;
    art->nshapes = b->nshapes;
    *out = art;
    rc = 0;
done:
    folio_artb_discard(b);
    return rc;
}
