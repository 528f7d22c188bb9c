/* The recycling mark: three arrows chasing one another round a triangle
 * with rounded corners. Each arrow starts on one side, bends round a
 * corner and ends in a head on the next side, pointing at the tail of the
 * following arrow. */
#include <math.h>

#include "art/art_build.h"

#define RADIUS 10.0f       /* centre of the triangle to its corners */
#define BAND 2.4f          /* width of an arrow's body */
#define BEND 2.7f          /* radius of the body's centre line at a corner */
#define HEAD 2.6f          /* half-width of an arrowhead */
#define START 0.66f        /* tail: fraction along the side before the corner */
#define NECK 0.36f         /* head base: fraction along the side after it */
#define TIP 0.58f          /* head tip, same side */
#define PI_F 3.14159265f

typedef struct { float x, y; } pt;

static pt at(pt a, pt b, float f)
{
    pt p = { a.x + (b.x - a.x) * f, a.y + (b.y - a.y) * f };
    return p;
}

static pt off(pt p, pt n, float d)
{
    pt q = { p.x + n.x * d, p.y + n.y * d };
    return q;
}

/* Normal of the side a -> b pointing away from the centre (0, 0). */
static pt outward(pt a, pt b)
{
    float dx = b.x - a.x, dy = b.y - a.y, len = hypotf(dx, dy);
    pt n = { dy / len, -dx / len };
    pt mid = at(a, b, 0.5f);
    if (n.x * mid.x + n.y * mid.y < 0) {
        n.x = -n.x;
        n.y = -n.y;
    }
    return n;
}

/* Arc about c with radius r from angle a0 by da (|da| <= 90 degrees per
 * call), the pen already at its start. */
static void arc(folio_artb *b, pt c, float r, float a0, float da)
{
    float k = 4.0f / 3.0f * tanf(da / 4) * r, a1 = a0 + da;
    pt p0 = { c.x + r * cosf(a0), c.y + r * sinf(a0) };
    pt p3 = { c.x + r * cosf(a1), c.y + r * sinf(a1) };
    folio_artb_curve(b, p0.x - k * sinf(a0), p0.y + k * cosf(a0),
                     p3.x + k * sinf(a1), p3.y - k * cosf(a1), p3.x, p3.y);
}

static void move(folio_artb *b, pt p) { folio_artb_move(b, p.x, p.y); }
static void line(folio_artb *b, pt p) { folio_artb_line(b, p.x, p.y); }

/* The arrow that bends round corner v, coming from corner u and going on
 * to corner w. */
static void arrow(folio_artb *b, pt u, pt v, pt w)
{
    pt na = outward(u, v), nb = outward(v, w);
    /* The corner is rounded by a circle of radius BEND tangent to both
     * sides: at a 60-degree corner its centre lies 2 BEND from v along the
     * bisector (na + nb is the unit outward bisector), and it touches the
     * sides BEND * sqrt 3 from v, where the radius points along na, nb. */
    float t = BEND * 1.7320508f;
    float la = hypotf(v.x - u.x, v.y - u.y), lb = hypotf(w.x - v.x, w.y - v.y);
    pt t1 = at(v, u, t / la), t2 = at(v, w, t / lb);
    pt c = off(v, (pt){ na.x + nb.x, na.y + nb.y }, -2 * BEND);
    float a0 = atan2f(na.y, na.x), a1 = atan2f(nb.y, nb.x);
    float da = a1 - a0;
    while (da > PI_F)
        da -= 2 * PI_F;
    while (da < -PI_F)
        da += 2 * PI_F;
    pt s = at(u, v, START), neck = at(v, w, NECK), tip = at(v, w, TIP);
    float h = BAND / 2;
    /* The outer edge forward, the head, the inner edge back. */
    move(b, off(s, na, h));
    line(b, off(t1, na, h));
    arc(b, c, BEND + h, a0, da / 2);
    arc(b, c, BEND + h, a0 + da / 2, da / 2);
    line(b, off(neck, nb, h));
    line(b, off(neck, nb, HEAD));
    line(b, tip);
    line(b, off(neck, nb, -HEAD));
    line(b, off(t2, nb, -h));
    arc(b, c, BEND - h, a1, -da / 2);
    arc(b, c, BEND - h, a1 - da / 2, -da / 2);
    line(b, off(s, na, -h));
    folio_artb_close(b);
}

int folio_art_recycle(folio_arena *a, const folio_art **out)
{
    if (!a || !out)
        return FOLIO_E_USAGE;
    folio_artb b;
    folio_artb_init(&b);
    pt v[3];
    for (int i = 0; i < 3; i++) {
        float ang = -PI_F / 2 + (float)i * 2 * PI_F / 3;   /* top first */
        v[i].x = RADIUS * cosf(ang);
        v[i].y = RADIUS * sinf(ang);
    }
    folio_artb_path(&b, 0, 0);
    for (int i = 0; i < 3; i++)
        arrow(&b, v[(i + 2) % 3], v[i], v[(i + 1) % 3]);
    float w, h;
    folio_artb_fit(&b, 0, &w, &h);
    return folio_artb_finish(&b, a, w, h, out);
}
