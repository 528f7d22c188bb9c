/* The continents of the UN emblem's world map: coarse coastlines in degrees
 * (longitude east, latitude north), projected around the North Pole and
 * smoothed into Bezier curves. A few degrees of detail is all a 54 pt
 * emblem can show. Longitudes past 180 keep Chukotka in one piece. */
#include <math.h>
#include <string.h>

#include "art/emblem.h"

typedef struct { float lon, lat; } lonlat;

static const lonlat north_america[] = {
    {-168, 66}, {-162, 70}, {-156, 71.3f}, {-141, 69.6f}, {-128, 70},
    {-115, 68.5f}, {-95, 68}, {-85, 69.5f}, {-82, 66}, {-87, 64}, {-94, 60},
    {-93, 57}, {-85, 55}, {-80, 52}, {-78, 58}, {-77, 62}, {-72, 61.5f},
    {-65, 60}, {-61, 56}, {-56, 52}, {-60, 48}, {-65, 45}, {-70, 43},
    {-74, 40.5f}, {-76, 37}, {-75.5f, 35}, {-81, 31.5f}, {-80.5f, 27},
    {-80, 25.2f}, {-82, 26.5f}, {-83, 29.5f}, {-89, 30.2f}, {-94, 29.5f},
    {-97.5f, 26}, {-97.5f, 22}, {-95, 18.5f}, {-91, 18.8f}, {-90, 21},
    {-87, 21.5f}, {-88, 16}, {-83.5f, 15}, {-83.5f, 11}, {-79, 9},
    {-77.5f, 8}, {-80, 7.5f}, {-85.5f, 10}, {-87.5f, 13}, {-92, 14.5f},
    {-96, 15.7f}, {-101, 17.5f}, {-105.5f, 20.5f}, {-105.5f, 23}, {-110, 27},
    {-112.8f, 31.5f}, {-114.5f, 30}, {-110, 23}, {-115, 28}, {-117, 32.5f},
    {-120.5f, 34.5f}, {-124, 40}, {-124, 46}, {-123, 49}, {-128, 51},
    {-133, 55}, {-138, 59}, {-146, 60.5f}, {-152, 59}, {-158, 57},
    {-162, 55}, {-158, 58}, {-162, 60}, {-165, 62.5f},
};
static const lonlat greenland[] = {
    {-73, 78}, {-60, 82}, {-40, 83.5f}, {-20, 82}, {-18, 77}, {-22, 72},
    {-22, 70}, {-32, 68}, {-40, 65}, {-43, 60}, {-48, 61}, {-51, 65},
    {-54, 69}, {-56, 73}, {-65, 76},
};
static const lonlat baffin[] = {
    {-80, 73.5f}, {-72, 71.5f}, {-66, 68}, {-62, 66.5f}, {-65, 63},
    {-72, 64}, {-78, 64.5f}, {-82, 70}, {-90, 71.5f},
};
static const lonlat cuba[] = {
    {-85, 21.8f}, {-80, 23.2f}, {-74.2f, 20.2f}, {-77.5f, 19.8f}, {-80, 21.6f},
};
static const lonlat hispaniola[] = {
    {-74.4f, 18.5f}, {-68.4f, 18.6f}, {-71.5f, 17.7f},
};
static const lonlat south_america[] = {
    {-77.5f, 8}, {-75, 11}, {-72, 12}, {-64, 10.7f}, {-61, 10.5f}, {-57, 6},
    {-52, 5}, {-50, 0}, {-44, -2.5f}, {-39, -4}, {-35, -5.5f}, {-35, -9},
    {-39, -13.5f}, {-39, -18}, {-41, -22}, {-45, -23.5f}, {-48.5f, -26},
    {-48.5f, -28.5f}, {-53, -34}, {-58, -34.5f}, {-57, -38}, {-62, -39},
    {-65, -42}, {-64, -45}, {-68, -47}, {-69, -51}, {-68.5f, -53},
    {-65.5f, -55}, {-70, -55}, {-73, -53}, {-75, -48}, {-74, -43},
    {-73.5f, -37}, {-71.5f, -30}, {-70.3f, -18.5f}, {-76, -14}, {-80, -7},
    {-81, -4.5f}, {-80, -1}, {-80, 1}, {-78.5f, 2.5f}, {-77.5f, 6.5f},
};
static const lonlat eurasia[] = {
    {-5.6f, 36}, {-9, 37}, {-9.5f, 39}, {-8.8f, 43}, {-2, 43.4f},
    {-1.5f, 46}, {-4.5f, 48}, {-1.5f, 48.7f}, {2, 51}, {5, 53.3f}, {8.5f, 54},
    {8.2f, 56.8f}, {10.5f, 57.5f}, {10, 55}, {14, 54}, {19, 54.5f}, {21, 57},
    {24, 57.5f}, {23.5f, 59.5f}, {28, 60}, {22.5f, 60.3f}, {21.5f, 61.5f},
    {25, 65}, {21.5f, 65.7f}, {17.5f, 62.5f}, {18.5f, 60}, {16.5f, 57},
    {14, 55.4f}, {12.5f, 56.3f}, {11, 59}, {8, 58}, {5.5f, 58.8f}, {5, 62},
    {10, 64}, {14, 67.5f}, {17, 69.5f}, {25, 71}, {31, 70}, {33, 69.3f},
    {41, 67}, {40, 64.5f}, {44, 66}, {44, 68.5f}, {54, 68.5f}, {60, 69},
    {68, 68.5f}, {69, 72.5f}, {73, 72.5f}, {72.5f, 69}, {80, 72.5f},
    {87, 74.5f}, {100, 76.5f}, {104.5f, 77.7f}, {113, 73.8f}, {128, 73},
    {140, 72.5f}, {150, 71.5f}, {160, 70}, {170, 70}, {180, 69},
    {185, 66.5f}, {190, 66}, {182, 65}, {179, 62.5f}, {173, 61}, {170, 60},
    {163, 58}, {161, 54}, {156.5f, 51}, {156, 57}, {160, 61.5f},
    {155, 59.3f}, {143, 59.3f}, {137.5f, 54}, {141, 52.5f}, {140.5f, 48.5f},
    {135, 43.5f}, {131, 42.6f}, {129.5f, 41}, {129.3f, 37}, {129, 35.2f},
    {126.5f, 34.4f}, {126, 37.7f}, {124.7f, 39.7f}, {121.5f, 39}, {122, 40.8f},
    {119, 39.2f}, {118, 38.5f}, {119, 37}, {122.5f, 37.3f}, {119.5f, 34.5f},
    {121, 32}, {122, 30}, {119.5f, 25.5f}, {117, 23.5f}, {114, 22.3f},
    {110.5f, 21.2f}, {108, 21.5f}, {106, 19.5f}, {109, 15.5f}, {109, 11.5f},
    {105, 8.6f}, {104.8f, 10.3f}, {102.5f, 12.3f}, {100.5f, 13.5f}, {99.2f, 10},
    {100.3f, 6.5f}, {103.5f, 1.3f}, {101.3f, 2.8f}, {98.3f, 8}, {98.5f, 13},
    {97.5f, 16.5f}, {94.3f, 16}, {94, 19}, {92, 21.5f}, {90, 22}, {87, 21.5f},
    {86.5f, 20}, {80.3f, 15.8f}, {80.2f, 13}, {79.8f, 10.3f}, {77.5f, 8},
    {76.3f, 9.5f}, {74.5f, 14.5f}, {72.8f, 19}, {72.5f, 21}, {70.3f, 20.9f},
    {68.5f, 23.5f}, {66.5f, 25.4f}, {61.5f, 25.2f}, {57.3f, 25.8f},
    {56.3f, 27.2f}, {54, 26.6f}, {50, 30}, {48, 30}, {48.5f, 28.5f},
    {50, 26.5f}, {51.5f, 24.2f}, {54.5f, 24.3f}, {56.3f, 26.2f}, {56.5f, 24.5f},
    {58.8f, 22.5f}, {59.8f, 22.5f}, {57.7f, 18.9f}, {55.5f, 17.5f}, {52, 16},
    {45, 12.8f}, {43.3f, 12.7f}, {42.7f, 15.5f}, {40.5f, 20}, {39, 22},
    {37, 25.8f}, {35, 28.1f}, {34.3f, 27.8f}, {32.5f, 29.9f}, {32.3f, 31.2f},
    {34.3f, 31.3f}, {35, 33}, {36, 35.5f}, {36, 36.8f}, {32.5f, 36.1f},
    {29.5f, 36.2f}, {27.2f, 37}, {26.2f, 40.3f}, {23, 40.3f}, {24, 38},
    {23, 36.5f}, {21.5f, 37}, {21, 38.5f}, {19.5f, 40.5f}, {19.5f, 42},
    {15.5f, 44.5f}, {13.7f, 45.6f}, {12.3f, 45.3f}, {13.9f, 42.4f},
    {16.1f, 41.4f}, {18.5f, 40.2f}, {17, 39}, {16.1f, 38}, {15.7f, 40},
    {14, 41}, {12.3f, 41.8f}, {10.5f, 42.9f}, {10, 44}, {8.5f, 44.4f},
    {6.5f, 43.1f}, {4.5f, 43.5f}, {3, 43}, {3.2f, 41.9f}, {0.8f, 41},
    {0, 39.5f}, {-0.5f, 38.3f}, {-2, 36.7f},
};
static const lonlat great_britain[] = {
    {-5.7f, 50}, {1.5f, 51.2f}, {1.7f, 52.7f}, {0, 53.5f}, {-1.5f, 55},
    {-2, 56}, {-1.8f, 57.6f}, {-3, 58.6f}, {-5, 58.6f}, {-6.2f, 56.8f},
    {-5.5f, 55.2f}, {-3, 54.7f}, {-3, 53.4f}, {-4.5f, 53.3f}, {-4.3f, 52.2f},
    {-5.3f, 51.7f}, {-3.3f, 51.4f},
};
static const lonlat ireland[] = {
    {-6, 52.2f}, {-6, 54}, {-7.5f, 55.3f}, {-10, 54.2f}, {-10.3f, 51.8f},
    {-8, 51.6f},
};
static const lonlat iceland[] = {
    {-22.5f, 64}, {-24, 65.5f}, {-22, 66.4f}, {-16, 66.5f}, {-13.5f, 65.2f},
    {-15, 64.3f}, {-18.5f, 63.4f},
};
static const lonlat japan[] = {
    {130, 31.2f}, {135, 33.5f}, {140, 35}, {141, 38}, {142, 40.5f},
    {141.3f, 41.5f}, {145.5f, 43.3f}, {144, 44.2f}, {141.8f, 45.4f},
    {141.2f, 43.2f}, {140, 42}, {139.8f, 40}, {139.5f, 38}, {136.8f, 37.3f},
    {135.5f, 35.6f}, {132.5f, 35.4f}, {130.9f, 34}, {129.7f, 33.2f},
};
static const lonlat luzon[] = {
    {120, 18.5f}, {122.3f, 18.5f}, {121.8f, 15}, {124, 13}, {120.6f, 13.8f},
    {120, 16},
};
static const lonlat sumatra[] = {
    {95.3f, 5.6f}, {98, 4}, {104, -1}, {106, -3}, {105.8f, -5.8f}, {102, -4},
    {98.7f, 1.7f},
};
static const lonlat borneo[] = {
    {109.6f, 2}, {113, 3.2f}, {116, 6.9f}, {119.2f, 5.2f}, {117.8f, 1},
    {116.5f, -2.5f}, {114.5f, -4}, {110.2f, -3}, {109, -0.5f},
};
static const lonlat java[] = {
    {105.2f, -6.8f}, {108, -6.2f}, {111, -6.5f}, {114.5f, -7.7f}, {112, -8.3f},
    {108, -7.8f},
};
static const lonlat new_guinea[] = {
    {131, -1}, {135, -3.3f}, {138, -1.6f}, {141, -2.6f}, {145.7f, -4.8f},
    {147.5f, -6}, {147.3f, -8}, {150.5f, -10.4f}, {146, -8}, {143.5f, -9.2f},
    {141, -9.2f}, {138.5f, -8.2f}, {137.8f, -5.3f}, {133, -4},
};
static const lonlat africa[] = {
    {-6, 35.8f}, {-2, 35.3f}, {3, 36.8f}, {10, 37.2f}, {11, 34}, {10, 33.5f},
    {15, 32.3f}, {19.5f, 30.3f}, {21, 32.8f}, {25, 31.8f}, {32, 31.2f},
    {34, 27.5f}, {37, 21.5f}, {39, 16}, {43, 12.5f}, {51, 11.8f}, {51, 10.5f},
    {49, 6}, {46, 2}, {41, -2}, {39, -6}, {40, -11}, {40.5f, -15}, {35, -21},
    {35.5f, -24}, {32.5f, -28.5f}, {27, -33.8f}, {22, -34.2f}, {18.4f, -34.2f},
    {18, -31}, {15, -27}, {14.5f, -22.5f}, {12, -17}, {13.5f, -11},
    {12, -5.5f}, {9.5f, -1}, {9.5f, 4}, {6, 4.3f}, {2.5f, 6.3f}, {-3, 5},
    {-7.5f, 4.3f}, {-11.5f, 6.9f}, {-15, 10.8f}, {-17.2f, 14.7f},
    {-16.5f, 19.5f}, {-17, 21}, {-13, 27.5f}, {-9.8f, 29.8f}, {-9.5f, 32.5f},
};
static const lonlat madagascar[] = {
    {49.3f, -12}, {50.5f, -15.5f}, {47, -25}, {44, -25}, {43.5f, -22},
    {44.5f, -16},
};
static const lonlat australia[] = {
    {113.5f, -22}, {114, -26}, {115, -34.2f}, {118, -35}, {123.5f, -33.9f},
    {129, -31.6f}, {132, -32}, {135.5f, -34.8f}, {137.8f, -33}, {138, -35.6f},
    {140, -37.9f}, {144, -38.4f}, {146.3f, -39}, {150, -37.5f}, {151.3f, -34},
    {153.5f, -28.5f}, {153, -25}, {150, -22}, {146.5f, -19}, {145.4f, -15},
    {143.5f, -14}, {142.5f, -10.7f}, {141.6f, -13}, {141.5f, -17}, {140, -17.7f},
    {136, -15.5f}, {137, -12.2f}, {133, -11.2f}, {130.3f, -12.2f},
    {129.5f, -15}, {126, -14}, {122.2f, -17}, {121, -19.5f}, {117, -20.7f},
};
static const lonlat tasmania[] = {
    {147, -40.8f}, {148.3f, -41}, {148, -43.2f}, {146, -43.5f}, {144.7f, -41},
};
static const lonlat new_zealand_north[] = {
    {172.7f, -34.4f}, {174.5f, -36.5f}, {178.5f, -37.7f}, {177, -39.3f},
    {175, -41.5f}, {174.6f, -39.5f}, {173.8f, -39.2f}, {174.5f, -37.3f},
};
static const lonlat new_zealand_south[] = {
    {172.7f, -40.5f}, {174.3f, -41.7f}, {173, -43.5f}, {171, -44.5f},
    {169, -46.6f}, {166.5f, -46}, {168, -44}, {171.5f, -41.8f},
};

#define LAND(a) { a, sizeof(a) / sizeof(a[0]) }
static const struct { const lonlat *pts; size_t n; } land[] = {
    LAND(north_america), LAND(greenland), LAND(baffin), LAND(cuba),
    LAND(hispaniola), LAND(south_america), LAND(eurasia), LAND(great_britain),
    LAND(ireland), LAND(iceland), LAND(japan), LAND(luzon),
    LAND(sumatra), LAND(borneo), LAND(java), LAND(new_guinea), LAND(africa),
    LAND(madagascar), LAND(australia), LAND(tasmania), LAND(new_zealand_north),
    LAND(new_zealand_south),
};

#define MAX_POINTS 256
/* Detail finer than this fraction of the globe's radius is dropped: about
 * 0.1 pt on a 54 pt emblem. */
#define THIN 0.006f
#define DEG 0.017453292519943295

/* Project one outline. The globe's edge is 60 S: clamp anything beyond.
 * Like the emblem, keep the pole clear: land stops at the Arctic Circle
 * (and the small Arctic islands are left out above). */
static size_t project(const lonlat *pts, size_t n, float cx, float cy,
                      float r, float *x, float *y)
{
    double sum = 0;
    for (size_t i = 0; i < n; i++) {
        double lat = pts[i].lat < -60 ? -60 : pts[i].lat > 66.5f ? 66.5f : pts[i].lat;
        double rho = r * (90 - lat) / 150;
        x[i] = (float)(cx + rho * sin(pts[i].lon * DEG));
        y[i] = (float)(cy + rho * cos(pts[i].lon * DEG));
    }
    /* Give every outline the same winding so overlaps stay filled under the
     * non-zero rule (Suez, Panama). */
    for (size_t i = 0; i < n; i++) {
        size_t j = (i + 1) % n;
        sum += (double)x[i] * y[j] - (double)x[j] * y[i];
    }
    if (sum < 0)
        for (size_t i = 0, j = n - 1; i < j; i++, j--) {
            float t = x[i]; x[i] = x[j]; x[j] = t;
            t = y[i]; y[i] = y[j]; y[j] = t;
        }
    return n;
}

/* Douglas-Peucker on the open run first..last: keep the points that stray
 * more than `tol` from the chord. Recursion depth is bounded by n. */
static void simplify(const float *x, const float *y, size_t first, size_t last,
                     float tol, unsigned char *keep)
{
    if (last <= first + 1)
        return;
    float dx = x[last] - x[first], dy = y[last] - y[first];
    float len = hypotf(dx, dy);
    size_t far = first;
    float worst = 0;
    for (size_t i = first + 1; i < last; i++) {
        float d = len > 0 ? fabsf((x[i] - x[first]) * dy - (y[i] - y[first]) * dx) / len
                          : hypotf(x[i] - x[first], y[i] - y[first]);
        if (d > worst) {
            worst = d;
            far = i;
        }
    }
    if (worst <= tol)
        return;
    keep[far] = 1;
    simplify(x, y, first, far, tol, keep);
    simplify(x, y, far, last, tol, keep);
}

/* Drop the points that would not show at print size; returns how many
 * remain (at least three, so every outline stays a shape). */
static size_t thin(float *x, float *y, size_t n, float tol)
{
    unsigned char keep[MAX_POINTS] = {0};
    /* Split the ring at point 0 and the point farthest from it. */
    size_t far = 0;
    float worst = -1;
    for (size_t i = 1; i < n; i++) {
        float d = hypotf(x[i] - x[0], y[i] - y[0]);
        if (d > worst) {
            worst = d;
            far = i;
        }
    }
    keep[0] = keep[far] = 1;
    simplify(x, y, 0, far, tol, keep);
    float xs[MAX_POINTS + 1], ys[MAX_POINTS + 1];
    memcpy(xs, x, n * sizeof(float));
    memcpy(ys, y, n * sizeof(float));
    xs[n] = x[0];
    ys[n] = y[0];
    unsigned char keep2[MAX_POINTS + 1] = {0};
    simplify(xs, ys, far, n, tol, keep2);
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (keep[i] || keep2[i] || n <= 3) {
            x[m] = x[i];
            y[m] = y[i];
            m++;
        }
    return m;
}

/* A closed Catmull-Rom spline through the points, as cubic Beziers. */
static void smooth_outline(folio_artb *b, const float *x, const float *y,
                           size_t n)
{
    folio_artb_move(b, x[0], y[0]);
    for (size_t i = 0; i < n; i++) {
        size_t p = (i + n - 1) % n, j = (i + 1) % n, k = (i + 2) % n;
        folio_artb_curve(b, x[i] + (x[j] - x[p]) / 6, y[i] + (y[j] - y[p]) / 6,
                         x[j] - (x[k] - x[i]) / 6, y[j] - (y[k] - y[i]) / 6,
                         x[j], y[j]);
    }
    folio_artb_close(b);
}

void folio_emblem_land(folio_artb *b, float cx, float cy, float r)
{
    float x[MAX_POINTS], y[MAX_POINTS];
    folio_artb_path(b, 0, 0);
    for (size_t i = 0; i < sizeof(land) / sizeof(land[0]); i++) {
        size_t n = land[i].n < MAX_POINTS ? land[i].n : MAX_POINTS;
        project(land[i].pts, n, cx, cy, r, x, y);
        n = thin(x, y, n, THIN * r);
        smooth_outline(b, x, y, n);
    }
}
