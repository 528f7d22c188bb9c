/* Rasterize folio_art to PNG for the DOCX (Word has no vector format we
 * can write simply). A scanline polygon fill over a subpixel grid: curves
 * are flattened to lines, strokes become one polygon per segment and joint,
 * shapes are unioned. With antialiasing each pixel holds a 4 x 4 grid and
 * the PNG is black with coverage as alpha; without, each pixel is sampled
 * once at its centre and the PNG is 1-bit gray (bars and modules that sit
 * on whole pixels come out exact). */
#include <math.h>
#include <png.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include "docx/docx_xml.h"
#include "util/mem.h"

#define MAX_SIDE 8192

typedef struct edge {
    float x0, y0, x1, y1; /* y0 < y1 */
    int dir;              /* +1 downwards in the source, -1 upwards */
} edge;

typedef struct pt {
    float x, y;
} pt;

typedef struct raster {
    int w, h;             /* subpixel grid */
    unsigned char *bits;  /* 1 = covered */
    edge *e;
    size_t ne, cape;
    pt *poly;             /* current polyline */
    size_t np, capp;
    float *xs;            /* crossings of one row: (x, dir) pairs */
    size_t capx;
    int err;
} raster;

static void add_edge(raster *r, pt a, pt b)
{
    if (a.y == b.y || r->err)
        return;
    if (r->ne == r->cape) {
        size_t cap = r->cape ? r->cape * 2 : 256;
        edge *e = folio_realloc(r->e, cap * sizeof *e);
        if (!e) {
            r->err = 1;
            return;
        }
        r->e = e;
        r->cape = cap;
    }
    if (a.y < b.y)
        r->e[r->ne++] = (edge){a.x, a.y, b.x, b.y, 1};
    else
        r->e[r->ne++] = (edge){b.x, b.y, a.x, a.y, -1};
}

static void poly_push(raster *r, float x, float y)
{
    if (r->err)
        return;
    if (r->np == r->capp) {
        size_t cap = r->capp ? r->capp * 2 : 256;
        pt *p = folio_realloc(r->poly, cap * sizeof *p);
        if (!p) {
            r->err = 1;
            return;
        }
        r->poly = p;
        r->capp = cap;
    }
    r->poly[r->np++] = (pt){x, y};
}

/* A closed polygon from points, oriented with positive area so that
 * overlapping stroke pieces add up under the non-zero rule. */
static void add_polygon(raster *r, const pt *p, size_t n, int orient)
{
    float area = 0;
    for (size_t i = 0; i < n; i++) {
        const pt *a = &p[i], *b = &p[(i + 1) % n];
        area += a->x * b->y - b->x * a->y;
    }
    int flip = orient && area < 0;
    for (size_t i = 0; i < n; i++) {
        pt a = p[i], b = p[(i + 1) % n];
        if (flip)
            add_edge(r, b, a);
        else
            add_edge(r, a, b);
    }
}

static void stroke_polyline(raster *r, const pt *p, size_t n, int closed,
                            float hw)
{
    size_t segs = closed ? n : n - 1;
    for (size_t i = 0; i < segs && n > 1; i++) {
        pt a = p[i], b = p[(i + 1) % n];
        float dx = b.x - a.x, dy = b.y - a.y;
        float len = sqrtf(dx * dx + dy * dy);
        if (len <= 0)
            continue;
        float nx = -dy / len * hw, ny = dx / len * hw;
        pt q[4] = {{a.x + nx, a.y + ny}, {b.x + nx, b.y + ny},
                   {b.x - nx, b.y - ny}, {a.x - nx, a.y - ny}};
        add_polygon(r, q, 4, 1);
    }
    /* Round joins and caps as octagons. */
    for (size_t i = 0; i < n; i++) {
        pt o[8];
        for (int k = 0; k < 8; k++) {
            float t = (float)k * 0.785398163f;
            o[k] = (pt){p[i].x + hw * cosf(t), p[i].y + hw * sinf(t)};
        }
        add_polygon(r, o, 8, 1);
    }
}

/* Close the current subpath: its polygon becomes edges (fill) or stroke
 * pieces. */
static void flush_subpath(raster *r, const folio_shape *s, float scale,
                          int closed)
{
    if (r->np >= 2) {
        if (s->stroke > 0)
            stroke_polyline(r, r->poly, r->np, closed, s->stroke * scale / 2);
        else
            for (size_t i = 0; i < r->np; i++)
                add_edge(r, r->poly[i], r->poly[(i + 1) % r->np]);
    }
    r->np = 0;
}

static void flatten_curve(raster *r, pt p0, const folio_path_seg *g,
                          float sx, float sy)
{
    pt c1 = {g->x[0] * sx, g->y[0] * sy}, c2 = {g->x[1] * sx, g->y[1] * sy};
    pt p3 = {g->x[2] * sx, g->y[2] * sy};
    float len = hypotf(c1.x - p0.x, c1.y - p0.y) +
                hypotf(c2.x - c1.x, c2.y - c1.y) +
                hypotf(p3.x - c2.x, p3.y - c2.y);
    int n = (int)ceilf(sqrtf(len) * 1.5f);
    if (n < 2)
        n = 2;
    if (n > 200)
        n = 200;
    for (int i = 1; i <= n; i++) {
        float t = (float)i / (float)n, u = 1 - t;
        float a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;
        poly_push(r, a * p0.x + b * c1.x + c * c2.x + d * p3.x,
                  a * p0.y + b * c1.y + c * c2.y + d * p3.y);
    }
}

static int cmp_cross(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;
    return (x > y) - (x < y);
}

/* Fill the current edges into the subpixel grid with the shape's rule. */
static void fill_edges(raster *r, int even_odd)
{
    if (r->ne > r->capx) {
        free(r->xs);
        r->xs = folio_malloc(r->ne * 2 * sizeof *r->xs);
        if (!r->xs) {
            r->err = 1;
            r->capx = 0;
            return;
        }
        r->capx = r->ne;
    }
    float ymin = (float)r->h, ymax = 0;
    for (size_t i = 0; i < r->ne; i++) {
        if (r->e[i].y0 < ymin)
            ymin = r->e[i].y0;
        if (r->e[i].y1 > ymax)
            ymax = r->e[i].y1;
    }
    int y0 = ymin < 0 ? 0 : (int)floorf(ymin);
    int y1 = ymax > (float)r->h ? r->h : (int)ceilf(ymax);
    /* Crossings sorted with their direction: pairs (x, dir) packed as two
     * floats so one qsort sorts both. */
    for (int y = y0; y < y1; y++) {
        float cy = (float)y + 0.5f;
        size_t n = 0;
        for (size_t i = 0; i < r->ne; i++) {
            const edge *e = &r->e[i];
            if (cy < e->y0 || cy >= e->y1)
                continue;
            float x = e->x0 + (cy - e->y0) * (e->x1 - e->x0) / (e->y1 - e->y0);
            r->xs[2 * n] = x;
            r->xs[2 * n + 1] = (float)e->dir;
            n++;
        }
        if (n < 2)
            continue;
        qsort(r->xs, n, 2 * sizeof *r->xs, cmp_cross);
        int wind = 0;
        unsigned char *row = r->bits + (size_t)y * (size_t)r->w;
        for (size_t k = 0; k + 1 < n; k++) {
            wind += even_odd ? 1 : (int)r->xs[2 * k + 1];
            int inside = even_odd ? (wind & 1) : wind != 0;
            if (!inside)
                continue;
            /* Subpixels whose centres lie in [xa, xb). */
            int xa = (int)ceilf(r->xs[2 * k] - 0.5f);
            int xb = (int)ceilf(r->xs[2 * k + 2] - 0.5f);
            if (xa < 0)
                xa = 0;
            if (xb > r->w)
                xb = r->w;
            if (xa < xb)
                memset(row + xa, 1, (size_t)(xb - xa));
        }
    }
}

static void shape(raster *r, const folio_shape *s, float sx, float sy)
{
    r->ne = 0;
    r->np = 0;
    float scale = (sx + sy) / 2;
    if (s->is_rect) {
        poly_push(r, s->x * sx, s->y * sy);
        poly_push(r, (s->x + s->w) * sx, s->y * sy);
        poly_push(r, (s->x + s->w) * sx, (s->y + s->h) * sy);
        poly_push(r, s->x * sx, (s->y + s->h) * sy);
        flush_subpath(r, s, scale, 1);
    } else {
        pt cur = {0, 0};
        for (size_t i = 0; i < s->nsegs && !r->err; i++) {
            const folio_path_seg *g = &s->segs[i];
            switch (g->op) {
            case FOLIO_PATH_MOVE:
                flush_subpath(r, s, scale, 0);
                cur = (pt){g->x[0] * sx, g->y[0] * sy};
                poly_push(r, cur.x, cur.y);
                break;
            case FOLIO_PATH_LINE:
                if (r->np == 0)
                    poly_push(r, cur.x, cur.y);
                cur = (pt){g->x[0] * sx, g->y[0] * sy};
                poly_push(r, cur.x, cur.y);
                break;
            case FOLIO_PATH_CURVE:
                if (r->np == 0)
                    poly_push(r, cur.x, cur.y);
                flatten_curve(r, cur, g, sx, sy);
                cur = (pt){g->x[2] * sx, g->y[2] * sy};
                break;
            case FOLIO_PATH_CLOSE:
                if (r->np)
                    cur = r->poly[0];
                flush_subpath(r, s, scale, 1);
                break;
            }
        }
        /* Fills close open subpaths; strokes leave them open. */
        flush_subpath(r, s, scale, s->stroke <= 0);
    }
    if (!r->err)
        fill_edges(r, s->stroke > 0 ? 0 : s->even_odd);
}

/* ---- PNG encoding ------------------------------------------------------ */

typedef struct membuf {
    unsigned char *p;
    size_t n, cap;
    int err;
} membuf;

static void mem_write(png_structp png, png_bytep data, png_size_t len)
{
    membuf *m = png_get_io_ptr(png);
    if (m->err)
        return;
    if (m->n + len > m->cap) {
        size_t cap = m->cap ? m->cap : 4096;
        while (cap < m->n + len)
            cap *= 2;
        unsigned char *p = folio_realloc(m->p, cap);
        if (!p) {
            m->err = 1;
            png_error(png, "out of memory");
        }
        m->p = p;
        m->cap = cap;
    }
    memcpy(m->p + m->n, data, len);
    m->n += len;
}

static void mem_flush(png_structp png)
{
    (void)png;
}

/* libpng reports through these: never print, jump back to the caller. */
static void png_fail(png_structp png, png_const_charp msg)
{
    (void)msg;
    png_longjmp(png, 1);
}

static void png_quiet(png_structp png, png_const_charp msg)
{
    (void)png;
    (void)msg;
}

/* libpng allocates through folio's hook (util/mem.h); a failure jumps
 * back to encode() as an error, marked as out of memory here. */
static png_voidp png_alloc(png_structp png, png_alloc_size_t size)
{
    png_voidp p = folio_malloc(size);
    if (!p)
        ((membuf *)png_get_mem_ptr(png))->err = 1;
    return p;
}

static void png_release(png_structp png, png_voidp p)
{
    (void)png;
    free(p);
}

/* rows: height pointers into the pixel buffer. */
static int encode(int w, int h, int gray_alpha, png_bytep *rows,
                  membuf *out)
{
    png_structp png = png_create_write_struct_2(PNG_LIBPNG_VER_STRING, NULL, png_fail,
                                                png_quiet, out, png_alloc, png_release);
    if (!png)
        return FOLIO_E_NOMEM;
    png_infop info = png_create_info_struct(png);
    if (!info) {
        png_destroy_write_struct(&png, NULL);
        return FOLIO_E_NOMEM;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return out->err ? FOLIO_E_NOMEM : FOLIO_E_DOCX;
    }
    png_set_write_fn(png, out, mem_write, mem_flush);
    png_set_compression_level(png, 6); /* level 9 took most of a render for a few % smaller images */
    png_set_IHDR(png, info, (png_uint_32)w, (png_uint_32)h,
                 gray_alpha ? 8 : 1,
                 gray_alpha ? PNG_COLOR_TYPE_GRAY_ALPHA : PNG_COLOR_TYPE_GRAY,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    png_write_image(png, rows);
    png_write_end(png, NULL);
    png_destroy_write_struct(&png, &info);
    return 0;
}

int folio_dx_png(const folio_art *art, const dx_raster *opt,
                 unsigned char **out, size_t *outlen)
{
    int rc = 0;
    raster r = {0};
    unsigned char *pix = NULL;
    png_bytep *rows = NULL;
    membuf m = {0};
    *out = NULL;
    *outlen = 0;
    int w = opt->width_px, h = opt->height_px;
    int ss = opt->antialias ? 4 : 1;
    if (!art || w <= 0 || h <= 0 || w > MAX_SIDE || h > MAX_SIDE ||
        art->width <= 0 || art->height <= 0)
        return FOLIO_E_DOCX;
    r.w = w * ss;
    r.h = h * ss;
    r.bits = folio_calloc((size_t)r.w * (size_t)r.h, 1);
    if (!r.bits) {
        rc = FOLIO_E_NOMEM;
        goto done;
    }
    float sx = (float)r.w / art->width, sy = (float)r.h / art->height;
    for (size_t i = 0; i < art->nshapes && !r.err; i++)
        shape(&r, &art->shapes[i], sx, sy);
    if (r.err) {
        rc = FOLIO_E_NOMEM;
        goto done;
    }
    size_t stride = opt->antialias ? (size_t)w * 2 : ((size_t)w + 7) / 8;
    pix = folio_calloc(stride * (size_t)h, 1);
    rows = folio_malloc(sizeof *rows * (size_t)h);
    if (!pix || !rows) {
        rc = FOLIO_E_NOMEM;
        goto done;
    }
    for (int y = 0; y < h; y++) {
        unsigned char *row = pix + stride * (size_t)y;
        rows[y] = row;
        for (int x = 0; x < w; x++) {
            int n = 0;
            for (int j = 0; j < ss; j++) {
                const unsigned char *s = r.bits +
                    (size_t)(y * ss + j) * (size_t)r.w + (size_t)(x * ss);
                for (int i = 0; i < ss; i++)
                    n += s[i];
            }
            if (opt->antialias) {
                row[2 * x] = 0;                               /* black */
                row[2 * x + 1] = (unsigned char)(n * 255 / 16); /* coverage */
            } else if (!n) {
                row[x / 8] |= (unsigned char)(0x80 >> (x % 8)); /* white */
            }
        }
    }
    rc = encode(w, h, opt->antialias, rows, &m);
    if (rc == 0) {
        *out = m.p;
        *outlen = m.n;
        m.p = NULL;
    }
done:
    free(m.p);
    free(rows);
    free(pix);
    free(r.bits);
    free(r.e);
    free(r.poly);
    free(r.xs);
    return rc;
}
