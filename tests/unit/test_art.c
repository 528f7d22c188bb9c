/* Unit tests of the vector artwork: emblem, Code 39, QR code, recycle mark. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "folio.h"
#include "model/model.h"
#include "style/flow.h"
#include "layout/layout.h"
#include "pdf/pdf.h"
#include "docx/docx.h"

/* ---- helpers ---------------------------------------------------------- */

static size_t count_segs(const folio_art *art)
{
    size_t n = 0;
    for (size_t i = 0; i < art->nshapes; i++)
        n += art->shapes[i].nsegs;
    return n;
}

/* Every path starts with a move and every point lies inside the box
 * (strokes may reach half their width beyond their points). */
static void assert_well_formed(const folio_art *art)
{
    assert_true(art->width > 0 && art->height > 0);
    assert_true(art->nshapes > 0);
    for (size_t i = 0; i < art->nshapes; i++) {
        const folio_shape *s = &art->shapes[i];
        if (s->is_rect) {
            assert_true(s->w > 0 && s->h > 0);
            assert_true(s->x >= 0 && s->y >= 0);
            assert_true(s->x + s->w <= art->width + 1e-3f);
            assert_true(s->y + s->h <= art->height + 1e-3f);
            continue;
        }
        assert_true(s->nsegs > 0);
        assert_int_equal(s->segs[0].op, FOLIO_PATH_MOVE);
        float slack = s->stroke / 2 + 0.5f;   /* control points overshoot */
        for (size_t k = 0; k < s->nsegs; k++) {
            const folio_path_seg *g = &s->segs[k];
            int pts = g->op == FOLIO_PATH_CURVE ? 3 : g->op == FOLIO_PATH_CLOSE ? 0 : 1;
            for (int p = 0; p < pts; p++) {
                assert_true(g->x[p] >= -slack && g->x[p] <= art->width + slack);
                assert_true(g->y[p] >= -slack && g->y[p] <= art->height + slack);
            }
        }
    }
}

static int same_art(const folio_art *a, const folio_art *b)
{
    if (a->width != b->width || a->height != b->height || a->nshapes != b->nshapes)
        return 0;
    for (size_t i = 0; i < a->nshapes; i++) {
        const folio_shape *s = &a->shapes[i], *t = &b->shapes[i];
        if (s->is_rect != t->is_rect || s->x != t->x || s->y != t->y ||
            s->w != t->w || s->h != t->h || s->nsegs != t->nsegs ||
            s->stroke != t->stroke || s->even_odd != t->even_odd)
            return 0;
        if (s->nsegs && memcmp(s->segs, t->segs, s->nsegs * sizeof(*s->segs)))
            return 0;
    }
    return 1;
}

/* The bounds of the ink: curves sampled, strokes widened by half their
 * width (ignoring caps and joins). */
static void ink_bounds(const folio_art *art, float *x0, float *y0, float *x1,
                       float *y1)
{
    *x0 = *y0 = 1e9f;
    *x1 = *y1 = -1e9f;
    for (size_t i = 0; i < art->nshapes; i++) {
        const folio_shape *s = &art->shapes[i];
        float h = s->stroke / 2, px = 0, py = 0;
        for (size_t k = 0; k < s->nsegs; k++) {
            const folio_path_seg *g = &s->segs[k];
            if (g->op == FOLIO_PATH_CLOSE)
                continue;
            int steps = g->op == FOLIO_PATH_CURVE ? 32 : 0;
            for (int n = 0; n <= steps; n++) {
                float t = steps ? (float)n / steps : 1, u = 1 - t;
                float x = steps ? u * u * u * px + 3 * u * u * t * g->x[0] +
                          3 * u * t * t * g->x[1] + t * t * t * g->x[2] : g->x[0];
                float y = steps ? u * u * u * py + 3 * u * u * t * g->y[0] +
                          3 * u * t * t * g->y[1] + t * t * t * g->y[2] : g->y[0];
                *x0 = x - h < *x0 ? x - h : *x0;
                *x1 = x + h > *x1 ? x + h : *x1;
                *y0 = y - h < *y0 ? y - h : *y0;
                *y1 = y + h > *y1 ? y + h : *y1;
            }
            px = g->x[steps ? 2 : 0];
            py = g->y[steps ? 2 : 0];
        }
    }
}

/* ---- emblem ----------------------------------------------------------- */

static void test_emblem_shape(void **state)
{
    (void)state;
    folio_arena *a = folio_arena_new();
    const folio_art *art = NULL;
    assert_int_equal(folio_art_emblem(a, &art), 0);
    assert_non_null(art);
    assert_well_formed(art);
    /* 54 x 44 pt in print. */
    float aspect = art->width / art->height;
    assert_true(aspect > 1.20f && aspect < 1.26f);
    /* Compact: a few hundred segments, not thousands. */
    size_t segs = count_segs(art);
    assert_true(segs > 200 && segs < 1000);
    /* Fills (land, leaves) and strokes (grid circles and meridians). */
    int fills = 0, strokes = 0, curves = 0, lines = 0;
    for (size_t i = 0; i < art->nshapes; i++) {
        const folio_shape *s = &art->shapes[i];
        if (s->stroke > 0)
            strokes++;
        else
            fills++;
        for (size_t k = 0; k < s->nsegs; k++) {
            curves += s->segs[k].op == FOLIO_PATH_CURVE;
            lines += s->segs[k].op == FOLIO_PATH_LINE;
        }
    }
    assert_true(fills >= 2 && strokes >= 2);
    assert_true(curves > 100);
    assert_true(lines >= 4);   /* the four diameters: eight meridians */
    folio_arena_free(a);
}

static void test_emblem_symmetric_and_stable(void **state)
{
    (void)state;
    folio_arena *a = folio_arena_new();
    const folio_art *one = NULL, *two = NULL;
    assert_int_equal(folio_art_emblem(a, &one), 0);
    assert_int_equal(folio_art_emblem(a, &two), 0);
    assert_true(one != two);
    assert_true(same_art(one, two));
    /* The ink fills the box, mirror-symmetric left to right. */
    float x0, y0, x1, y1;
    ink_bounds(one, &x0, &y0, &x1, &y1);
    assert_true(x0 > -0.01f && x0 < 1.5f);
    assert_true(y0 > -0.01f && y0 < 1.5f);
    assert_true(x1 < one->width + 0.01f && x1 > one->width - 1.5f);
    assert_true(y1 < one->height + 0.01f && y1 > one->height - 1.5f);
    assert_true(x0 + x1 > one->width - 0.05f && x0 + x1 < one->width + 0.05f);
    assert_int_equal(folio_art_emblem(NULL, &one), FOLIO_E_USAGE);
    folio_arena_free(a);
}

/* ---- Code 39 ---------------------------------------------------------- */

/* Read the bars back as elements: "b"/"B" narrow/wide bar, "w"/"W" narrow
 * or wide space, characters separated by '|' at each inter-character gap.
 * Checks that widths are 1 or 3 and gaps 1 along the way. */
static void read_code39(const folio_art *art, char *out, size_t cap)
{
    size_t n = 0, elem = 0;
    float x = 0;
    for (size_t i = 0; i < art->nshapes; i++) {
        const folio_shape *s = &art->shapes[i];
        assert_true(s->is_rect);
        assert_true(s->y == 0 && s->h == art->height);
        if (i > 0) {
            float gap = s->x - x;
            assert_true(gap == 1 || gap == 3);
            if (elem == 9) {       /* between characters */
                assert_true(gap == 1);
                assert_true(n + 1 < cap);
                out[n++] = '|';
                elem = 0;
            } else {
                assert_true(n + 1 < cap);
                out[n++] = gap == 3 ? 'W' : 'w';
                elem++;
            }
        }
        assert_true(s->w == 1 || s->w == 3);
        assert_true(n + 1 < cap);
        out[n++] = s->w == 3 ? 'B' : 'b';
        elem++;
        x = s->x + s->w;
    }
    assert_int_equal(elem, 9);
    assert_true(x == art->width);
    out[n] = 0;
}

static void test_code39_start_stop(void **state)
{
    (void)state;
    folio_arena *a = folio_arena_new();
    const folio_art *art = NULL;
    char got[256];
    assert_int_equal(folio_art_code39(a, "", 10, &art), 0);
    read_code39(art, got, sizeof(got));
    /* '*' is n w n n w n w n n. */
    assert_string_equal(got, "bWbwBwBwb|bWbwBwBwb");
    assert_true(art->width == 2 * 16 - 1);
    assert_true(art->height == 10);
    folio_arena_free(a);
}

/* The job-number barcode of UN document A/HRC/WG.6/34/ITA/3 (GE.19-13879),
 * measured from the official PDF: every element of "*1913879*". */
static void test_code39_official_sample(void **state)
{
    (void)state;
    folio_arena *a = folio_arena_new();
    const folio_art *art = NULL;
    char got[256];
    assert_int_equal(folio_art_code39(a, "1913879", 20, &art), 0);
    read_code39(art, got, sizeof(got));
    assert_string_equal(got,
        "bWbwBwBwb|BwbWbwbwB|bwBWbwBwb|BwbWbwbwB|BwBWbwbwb|"
        "BwbWbwBwb|bwbWbwBwB|bwBWbwBwb|bWbwBwBwb");
    assert_true(art->width == 9 * 16 - 1);
    folio_arena_free(a);
}

/* Structural rules of every Code 39 character: five bars and four spaces,
 * exactly three wide; two wide bars and one wide space, except $ / + %
 * whose three wide elements are all spaces; all 44 patterns distinct. */
static void test_code39_all_characters(void **state)
{
    (void)state;
    const char *all = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%";
    folio_arena *a = folio_arena_new();
    const folio_art *art = NULL;
    static char got[2048];
    assert_int_equal(folio_art_code39(a, all, 5, &art), 0);
    read_code39(art, got, sizeof(got));
    char pat[46][10];
    size_t n = 0;
    for (char *p = strtok(got, "|"); p; p = strtok(NULL, "|")) {
        assert_true(n < 46);
        assert_int_equal(strlen(p), 9);
        memcpy(pat[n], p, 10);
        n++;
    }
    assert_int_equal(n, strlen(all) + 2);
    for (size_t i = 0; i < n; i++) {
        int wide_bars = 0, wide_spaces = 0;
        for (int k = 0; k < 9; k++) {
            wide_bars += pat[i][k] == 'B';
            wide_spaces += pat[i][k] == 'W';
        }
        char c = i == 0 || i == n - 1 ? '*' : all[i - 1];
        if (strchr("$/+%", c)) {
            assert_int_equal(wide_bars, 0);
            assert_int_equal(wide_spaces, 3);
        } else {
            assert_int_equal(wide_bars, 2);
            assert_int_equal(wide_spaces, 1);
        }
        for (size_t j = 1; j + 1 < n && i > 0 && i + 1 < n; j++)
            if (j != i)
                assert_true(strcmp(pat[i], pat[j]) != 0);
    }
    /* 'A' = B w b w b W b w B (wide, narrow, ...). */
    assert_string_equal(pat[11], "BwbwbWbwB");
    folio_arena_free(a);
}

static void test_code39_rejects(void **state)
{
    (void)state;
    folio_arena *a = folio_arena_new();
    const folio_art *art = NULL;
    assert_int_equal(folio_art_code39(a, "abc", 10, &art), FOLIO_E_INPUT);
    assert_int_equal(folio_art_code39(a, "A*B", 10, &art), FOLIO_E_INPUT);
    assert_int_equal(folio_art_code39(a, "12#3", 10, &art), FOLIO_E_INPUT);
    assert_int_equal(folio_art_code39(a, "\xc3\xa9", 10, &art), FOLIO_E_INPUT);
    assert_int_equal(folio_art_code39(a, "123", 0, &art), FOLIO_E_USAGE);
    assert_int_equal(folio_art_code39(a, NULL, 10, &art), FOLIO_E_USAGE);
    assert_null(art);
    folio_arena_free(a);
}

/* ---- QR code ---------------------------------------------------------- */

#define QR_MAX 177

typedef struct qr_matrix {
    int n;
    unsigned char m[QR_MAX][QR_MAX];   /* 1: dark */
} qr_matrix;

/* Rebuild the module matrix from the rectangles (one unit per module,
 * `quiet` modules of margin), checking the quiet zone stays light. */
static void qr_from_art(const folio_art *art, int quiet, qr_matrix *q)
{
    int side = (int)art->width;
    assert_true(art->width == (float)side && art->height == art->width);
    q->n = side - 2 * quiet;
    assert_true(q->n >= 21 && q->n <= QR_MAX);
    memset(q->m, 0, sizeof(q->m));
    for (size_t i = 0; i < art->nshapes; i++) {
        const folio_shape *s = &art->shapes[i];
        assert_true(s->is_rect);
        assert_true(s->h == 1 && s->w >= 1);
        int x = (int)s->x - quiet, y = (int)s->y - quiet, w = (int)s->w;
        assert_true(s->x == (float)(x + quiet) && s->y == (float)(y + quiet));
        assert_true(x >= 0 && y >= 0 && x + w <= q->n && y < q->n);
        for (int k = 0; k < w; k++) {
            assert_int_equal(q->m[y][x + k], 0);   /* no overlaps */
            q->m[y][x + k] = 1;
        }
    }
}

static void assert_finder(const qr_matrix *q, int top, int left)
{
    for (int r = 0; r < 7; r++)
        for (int c = 0; c < 7; c++) {
            int ring = r == 0 || r == 6 || c == 0 || c == 6;
            int core = r >= 2 && r <= 4 && c >= 2 && c <= 4;
            assert_int_equal(q->m[top + r][left + c], ring || core);
        }
}

/* The 15 format bits, first copy (around the top-left finder). */
static unsigned format_bits(const qr_matrix *q, int copy)
{
    static const int cols[] = {0, 1, 2, 3, 4, 5, 7, 8};
    static const int rows[] = {7, 5, 4, 3, 2, 1, 0};
    unsigned v = 0;
    if (copy == 0) {
        for (int i = 0; i < 8; i++)
            v = v << 1 | q->m[8][cols[i]];
        for (int i = 0; i < 7; i++)
            v = v << 1 | q->m[rows[i]][8];
    } else {
        for (int r = q->n - 1; r >= q->n - 7; r--)
            v = v << 1 | q->m[r][8];
        for (int c = q->n - 8; c < q->n; c++)
            v = v << 1 | q->m[8][c];
    }
    return v;
}

/* Check the BCH(15,5) code of the format bits; returns the 5 data bits. */
static unsigned format_data(unsigned bits)
{
    unsigned v = bits ^ 0x5412;   /* the standard's mask 101010000010010 */
    unsigned data = v >> 10, rem = data << 10;
    for (int i = 14; i >= 10; i--)
        if (rem & (1u << i))
            rem ^= 0x537u << (i - 10);
    assert_int_equal(v, data << 10 | rem);
    return data;
}

static int mask_bit(int mask, int i, int j)
{
    switch (mask) {
    case 0: return (i + j) % 2 == 0;
    case 1: return i % 2 == 0;
    case 2: return j % 3 == 0;
    case 3: return (i + j) % 3 == 0;
    case 4: return (i / 2 + j / 3) % 2 == 0;
    case 5: return (i * j) % 2 + (i * j) % 3 == 0;
    case 6: return ((i * j) % 2 + (i * j) % 3) % 2 == 0;
    default: return ((i + j) % 2 + (i * j) % 3) % 2 == 0;
    }
}

/* Structure every QR symbol must have; returns the mask pattern. */
static int assert_qr_structure(const qr_matrix *q)
{
    int n = q->n, version = (n - 17) / 4;
    assert_int_equal(n, 17 + 4 * version);
    assert_finder(q, 0, 0);
    assert_finder(q, 0, n - 7);
    assert_finder(q, n - 7, 0);
    /* Light separators around the finders. */
    for (int k = 0; k < 8; k++) {
        assert_int_equal(q->m[7][k], 0);
        assert_int_equal(q->m[k][7], 0);
        assert_int_equal(q->m[7][n - 1 - k], 0);
        assert_int_equal(q->m[n - 8][k], 0);
    }
    /* Timing patterns: alternate, dark on even positions. */
    for (int k = 8; k < n - 8; k++) {
        assert_int_equal(q->m[6][k], k % 2 == 0);
        assert_int_equal(q->m[k][6], k % 2 == 0);
    }
    assert_int_equal(q->m[n - 8][8], 1);   /* the dark module */
    unsigned f = format_bits(q, 0);
    assert_int_equal(f, format_bits(q, 1));
    unsigned data = format_data(f);
    assert_int_equal(data >> 3, 0);       /* error correction level M */
    return (int)(data & 7);
}

/* The first four data bits (the mode indicator of the first segment): the
 * bottom-right 2 x 2 modules, unmasked. */
static unsigned first_mode(const qr_matrix *q, int mask)
{
    int n = q->n;
    int r[] = {n - 1, n - 1, n - 2, n - 2}, c[] = {n - 1, n - 2, n - 1, n - 2};
    unsigned v = 0;
    for (int i = 0; i < 4; i++)
        v = v << 1 | (q->m[r[i]][c[i]] ^ mask_bit(mask, r[i], c[i]));
    return v;
}

static const char *const official_qr[29] = {
    "#######..####.#.##.#..#######",
    "#.....#.####.##.###...#.....#",
    "#.###.#.####..##..#...#.###.#",
    "#.###.#.#.#####.#..##.#.###.#",
    "#.###.#..###..###.#.#.#.###.#",
    "#.....#..#####...##.#.#.....#",
    "#######.#.#.#.#.#.#.#.#######",
    "........#...#.#.#..##........",
    "#.....#.#..#...#####.##..###.",
    "....##.###.####..####..##.##.",
    "#....###..########..##.#.....",
    ".#...#.#....##.......###.#...",
    ".#.##.##.#..##..##.##.##....#",
    ".....#.##.#.....#...#####..##",
    "#...#.#.#.##...###..##..###..",
    ".##.##.####....#...#.#.##.#.#",
    "#..#..#..#.........#.#...##..",
    "..#.#...#..#.###..##..###.###",
    "..#####...###..##..#...#.#..#",
    ".##....#..#..#..#..##.##.....",
    ".#######.##...#####.#####.###",
    "........#.#...#####.#...##...",
    "#######...#.#..###.##.#.###..",
    "#.....#..#....##..###...#...#",
    "#.###.#....#.###..########..#",
    "#.###.#.......##....##...##.#",
    "#.###.#...#....###...#######.",
    "#.....#..#..##.#..##.#.####.#",
    "#######.####.#...###..#####..",
};

/* Function patterns of a version 3 symbol (finders with separators and
 * format areas, timing, the alignment pattern at 22, 22). */
static int v3_function(int r, int c)
{
    return (r < 9 && c < 9) || (r < 9 && c >= 21) || (r >= 21 && c < 9) ||
           r == 6 || c == 6 || (r >= 20 && r <= 24 && c >= 20 && c <= 24);
}

static void test_qr_official_sample(void **state)
{
    (void)state;
    folio_arena *a = folio_arena_new();
    const folio_art *art = NULL;
    static qr_matrix q, ref;
    const char *url = "https://undocs.org/A/HRC/WG.6/34/ITA/3";
    assert_int_equal(folio_art_qr(a, url, 4, &art), 0);
    assert_well_formed(art);
    qr_from_art(art, 4, &q);
    /* 38 bytes at level M need version 3: 29 modules a side. */
    assert_int_equal(q.n, 29);
    assert_true(art->width == 29 + 8);
    int mask = assert_qr_structure(&q);
    assert_int_equal(first_mode(&q, mask), 4);   /* 0100: 8-bit bytes */
    /* The QR code of the official PDF of that document carries the same
     * data and error correction; only the mask pattern (and the seven
     * remainder bits of version 3) may differ. */
    ref.n = 29;
    for (int r = 0; r < 29; r++)
        for (int c = 0; c < 29; c++)
            ref.m[r][c] = official_qr[r][c] == '#';
    int ref_mask = assert_qr_structure(&ref);
    int differ = 0;
    for (int r = 0; r < 29; r++)
        for (int c = 0; c < 29; c++)
            if (!v3_function(r, c))
                differ += (q.m[r][c] ^ mask_bit(mask, r, c)) !=
                          (ref.m[r][c] ^ mask_bit(ref_mask, r, c));
    assert_true(differ <= 7);
    folio_arena_free(a);
}

static void test_qr_stable_and_case_sensitive(void **state)
{
    (void)state;
    folio_arena *a = folio_arena_new();
    const folio_art *one = NULL, *two = NULL, *upper = NULL, *digits = NULL;
    static qr_matrix q;
    assert_int_equal(folio_art_qr(a, "https://undocs.org/en/a/78/1", 0, &one), 0);
    assert_int_equal(folio_art_qr(a, "https://undocs.org/en/a/78/1", 0, &two), 0);
    assert_true(same_art(one, two));
    assert_int_equal(folio_art_qr(a, "HTTPS://UNDOCS.ORG/EN/A/78/1", 0, &upper), 0);
    assert_false(same_art(one, upper));
    qr_from_art(one, 0, &q);
    assert_qr_structure(&q);
    /* Digits too go in 8-bit mode, not numeric mode. */
    assert_int_equal(folio_art_qr(a, "12345678", 2, &digits), 0);
    qr_from_art(digits, 2, &q);
    assert_int_equal(q.n, 21);
    assert_int_equal(first_mode(&q, assert_qr_structure(&q)), 4);
    /* One rectangle per horizontal run: no two rectangles touch end to end
     * on the same row. */
    for (size_t i = 1; i < one->nshapes; i++) {
        const folio_shape *p = &one->shapes[i - 1], *s = &one->shapes[i];
        if (p->y == s->y)
            assert_true(p->x + p->w < s->x);
    }
    folio_arena_free(a);
}

static void test_qr_rejects(void **state)
{
    (void)state;
    folio_arena *a = folio_arena_new();
    const folio_art *art = NULL;
    assert_int_equal(folio_art_qr(a, "", 4, &art), FOLIO_E_INPUT);
    assert_int_equal(folio_art_qr(a, "x", -1, &art), FOLIO_E_USAGE);
    assert_int_equal(folio_art_qr(a, NULL, 4, &art), FOLIO_E_USAGE);
    /* More than version 40 holds at level M (2331 bytes). */
    static char big[3000];
    memset(big, 'x', sizeof(big) - 1);
    assert_int_equal(folio_art_qr(a, big, 4, &art), FOLIO_E_LIMIT);
    assert_null(art);
    folio_arena_free(a);
}

/* ---- recycle mark ----------------------------------------------------- */

static void test_recycle(void **state)
{
    (void)state;
    folio_arena *a = folio_arena_new();
    const folio_art *art = NULL, *again = NULL;
    assert_int_equal(folio_art_recycle(a, &art), 0);
    assert_well_formed(art);
    assert_int_equal(folio_art_recycle(a, &again), 0);
    assert_true(same_art(art, again));
    /* Three closed, filled arrows. */
    int moves = 0, closes = 0;
    for (size_t i = 0; i < art->nshapes; i++) {
        assert_true(art->shapes[i].stroke == 0);
        for (size_t k = 0; k < art->shapes[i].nsegs; k++) {
            moves += art->shapes[i].segs[k].op == FOLIO_PATH_MOVE;
            closes += art->shapes[i].segs[k].op == FOLIO_PATH_CLOSE;
        }
    }
    assert_int_equal(moves, 3);
    assert_int_equal(closes, 3);
    /* Roughly as wide as high (a triangle of arrows). */
    assert_true(art->width / art->height > 0.9f && art->width / art->height < 1.3f);
    folio_arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_emblem_shape),
        cmocka_unit_test(test_emblem_symmetric_and_stable),
        cmocka_unit_test(test_code39_start_stop),
        cmocka_unit_test(test_code39_official_sample),
        cmocka_unit_test(test_code39_all_characters),
        cmocka_unit_test(test_code39_rejects),
        cmocka_unit_test(test_qr_official_sample),
        cmocka_unit_test(test_qr_stable_and_case_sensitive),
        cmocka_unit_test(test_qr_rejects),
        cmocka_unit_test(test_recycle),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
