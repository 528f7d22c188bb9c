/* The UN emblem: a polar world map (concentric latitude circles, meridians
 * every 45 degrees, the continents filled) between two olive branches whose
 * stems cross below the globe. Box 54 x 44 units (points at print size). */
#include <math.h>

#include "art/emblem.h"

#define WIDTH 54.0f
#define HEIGHT 44.0f

/* The globe. */
#define CX 27.0f
#define CY 18.75f
#define R 18.0f
#define OUTER_STROKE 1.1f
#define GRID_STROKE 0.85f

/* The left branch's stem, from its end below the crossing to its tip; the
 * right branch is its mirror image. */
static const float stem_x[] = {33.6f, 27.0f, 17.0f, 9.2f, 4.9f, 5.0f, 8.0f, 11.2f};
static const float stem_y[] = {43.35f, 40.7f, 37.6f, 31.7f, 22.5f, 13.0f, 6.0f, 3.0f};
#define STEM_POINTS 8
#define STEM_STROKE 1.0f
#define SAMPLES 120

/* Leaves along the stem: position (fraction of the stem's length from the
 * crossing), length and width of the outer and inner leaf. */
static const struct { float at, outer, inner, wide; } leaves[] = {
    {0.03f, 8.5f, 7.0f, 1.45f}, {0.14f, 9.8f, 8.0f, 1.6f},
    {0.25f, 10.4f, 8.4f, 1.65f}, {0.36f, 10.4f, 8.4f, 1.65f},
    {0.47f, 10.2f, 8.2f, 1.65f}, {0.58f, 9.6f, 7.6f, 1.6f},
    {0.69f, 8.8f, 7.0f, 1.5f},  {0.80f, 7.6f, 6.0f, 1.4f},
    {0.90f, 6.2f, 5.0f, 1.25f},
};
#define OUTER_ANGLE 0.30f   /* radians away from the stem */
#define INNER_ANGLE 0.28f
#define TIP_LENGTH 5.5f

typedef struct { float x, y; } pt;

typedef struct branch {
    folio_artb *b;
    int mirror;           /* 1: the right branch */
} branch;

static float bx(const branch *br, float x)
{
    return br->mirror ? WIDTH - x : x;
}

/* Catmull-Rom point on the open stem spline; t in [0, STEM_POINTS - 1]. */
static pt stem_at(float t)
{
    int i = (int)t;
    if (i > STEM_POINTS - 2)
        i = STEM_POINTS - 2;
    float u = t - (float)i;
    int p = i > 0 ? i - 1 : 0, j = i + 1,
        k = i + 2 < STEM_POINTS ? i + 2 : STEM_POINTS - 1;
    float u2 = u * u, u3 = u2 * u;
    float w0 = -0.5f * u3 + u2 - 0.5f * u, w1 = 1.5f * u3 - 2.5f * u2 + 1,
          w2 = -1.5f * u3 + 2 * u2 + 0.5f * u, w3 = 0.5f * u3 - 0.5f * u2;
    pt r = { w0 * stem_x[p] + w1 * stem_x[i] + w2 * stem_x[j] + w3 * stem_x[k],
             w0 * stem_y[p] + w1 * stem_y[i] + w2 * stem_y[j] + w3 * stem_y[k] };
    return r;
}

static void draw_stem(const branch *br)
{
    folio_artb *b = br->b;
    folio_artb_path(b, STEM_STROKE, 0);
    folio_artb_move(b, bx(br, stem_x[0]), stem_y[0]);
    for (int i = 0; i + 1 < STEM_POINTS; i++) {
        int p = i > 0 ? i - 1 : 0, j = i + 1,
            k = i + 2 < STEM_POINTS ? i + 2 : STEM_POINTS - 1;
        folio_artb_curve(b,
            bx(br, stem_x[i] + (stem_x[j] - stem_x[p]) / 6),
            stem_y[i] + (stem_y[j] - stem_y[p]) / 6,
            bx(br, stem_x[j] - (stem_x[k] - stem_x[i]) / 6),
            stem_y[j] - (stem_y[k] - stem_y[i]) / 6,
            bx(br, stem_x[j]), stem_y[j]);
    }
}

/* An olive leaf from its base along direction (dx, dy): a pointed blade,
 * fuller on one side so it looks curved. */
static void draw_leaf(const branch *br, pt base, float dx, float dy,
                      float len, float wide)
{
    folio_artb *b = br->b;
    float px = -dy, py = dx;          /* across the leaf */
    pt tip = { base.x + len * dx + 0.12f * len * px,
               base.y + len * dy + 0.12f * len * py };
    folio_artb_move(b, bx(br, base.x), base.y);
    folio_artb_curve(b,
        bx(br, base.x + 0.30f * len * dx + 1.3f * wide * px),
        base.y + 0.30f * len * dy + 1.3f * wide * py,
        bx(br, tip.x - 0.35f * len * dx + 0.9f * wide * px),
        tip.y - 0.35f * len * dy + 0.9f * wide * py,
        bx(br, tip.x), tip.y);
    folio_artb_curve(b,
        bx(br, tip.x - 0.30f * len * dx - 0.3f * wide * px),
        tip.y - 0.30f * len * dy - 0.3f * wide * py,
        bx(br, base.x + 0.35f * len * dx - 0.9f * wide * px),
        base.y + 0.35f * len * dy - 0.9f * wide * py,
        bx(br, base.x), base.y);
    folio_artb_close(b);
}

static void rotate(float *dx, float *dy, float a)
{
    float c = cosf(a), s = sinf(a), x = *dx, y = *dy;
    *dx = c * x - s * y;
    *dy = s * x + c * y;
}

static void draw_leaves(const branch *br)
{
    /* Sample the stem from the crossing (point 1) to the tip to place the
     * leaves by length. */
    pt s[SAMPLES + 1];
    float len[SAMPLES + 1];
    float t0 = 1, t1 = STEM_POINTS - 1;
    len[0] = 0;
    for (int i = 0; i <= SAMPLES; i++) {
        s[i] = stem_at(t0 + (t1 - t0) * (float)i / SAMPLES);
        if (i > 0)
            len[i] = len[i - 1] + hypotf(s[i].x - s[i - 1].x,
                                         s[i].y - s[i - 1].y);
    }
    folio_artb_path(br->b, 0, 0);
    for (size_t n = 0; n < sizeof(leaves) / sizeof(leaves[0]); n++) {
        float want = leaves[n].at * len[SAMPLES];
        int i = 1;
        while (i < SAMPLES && len[i] < want)
            i++;
        float dx = s[i].x - s[i - 1].x, dy = s[i].y - s[i - 1].y;
        float d = hypotf(dx, dy);
        dx /= d;
        dy /= d;
        /* Travelling up the left side, outward is a turn to the right on
         * the page (y down): rotate by -angle. */
        float ox = dx, oy = dy, ix = dx, iy = dy;
        rotate(&ox, &oy, -OUTER_ANGLE);
        rotate(&ix, &iy, INNER_ANGLE);
        draw_leaf(br, s[i], ox, oy, leaves[n].outer, leaves[n].wide);
        draw_leaf(br, s[i], ix, iy, leaves[n].inner, leaves[n].wide * 0.8f);
    }
    float dx = s[SAMPLES].x - s[SAMPLES - 4].x, dy = s[SAMPLES].y - s[SAMPLES - 4].y;
    float d = hypotf(dx, dy);
    draw_leaf(br, s[SAMPLES], dx / d, dy / d, TIP_LENGTH, 1.3f);
}

/* Latitude circles, as on the emblem: the Arctic Circle around a clear
 * pole, 30 N, the equator, 30 S, and 60 S for the edge. Radius grows
 * evenly with the distance from the pole. */
static float lat_radius(float lat)
{
    return R * (90 - lat) / 150;
}

static void draw_globe(folio_artb *b)
{
    folio_emblem_land(b, CX, CY, R);
    folio_artb_path(b, GRID_STROKE, 0);
    static const float lats[] = {66.5f, 30, 0, -30};
    for (int k = 0; k < 4; k++)
        folio_artb_circle(b, CX, CY, lat_radius(lats[k]));
    /* Eight meridians from the Arctic Circle to the edge. */
    float r0 = lat_radius(66.5f);
    for (int k = 0; k < 8; k++) {
        float a = (float)k * 0.785398163f, dx = cosf(a), dy = sinf(a);
        folio_artb_move(b, CX + r0 * dx, CY + r0 * dy);
        folio_artb_line(b, CX + R * dx, CY + R * dy);
    }
    folio_artb_path(b, OUTER_STROKE, 0);
    folio_artb_circle(b, CX, CY, R);
}

int folio_art_emblem(folio_arena *a, const folio_art **out)
{
    if (!a || !out)
        return FOLIO_E_USAGE;
    folio_artb b;
    folio_artb_init(&b);
    draw_globe(&b);
    for (int m = 0; m < 2; m++) {
        branch br = { &b, m };
        draw_stem(&br);
        draw_leaves(&br);
    }
    return folio_artb_finish(&b, a, WIDTH, HEIGHT, out);
}
