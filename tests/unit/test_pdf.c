/* Unit tests of the PDF writer: a hand-made layout of two pages with text
 * in every face, rules, a rectangle, artwork, a link and outlines, checked
 * with qpdf, pdffonts, pdftotext and pdfinfo, and written twice to compare
 * bytes. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "folio.h"
#include "model/model.h"
#include "style/flow.h"
#include "layout/layout.h"
#include "pdf/pdf.h"
#include "docx/docx.h"

/* Test double of the fonts module: only the file paths of the house
 * faces are needed (no face found by name, so nothing to subset). */
struct folio_fonts {
    const char *path[FOLIO_FACE_COUNT];
};

const char *folio_fonts_path(const folio_fonts *f, int face)
{
    return (unsigned)face < FOLIO_FACE_COUNT ? f->path[face] : NULL;
}

struct hb_font_t *folio_fonts_hb(const folio_fonts *f, int face)
{
    (void)f;
    (void)face;
    return NULL;
}

static char font_dir[512];
static char font_file[FOLIO_FACE_COUNT][600];
static folio_fonts test_fonts;

/* The fonts shipped in the source tree: $FOLIO_DATADIR/fonts, else ./fonts
 * (tests run from the top of the tree). */
static int find_fonts(void)
{
    static const char *const names[FOLIO_FACE_COUNT] = {
        "LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf",
        "LiberationSerif-Italic.ttf", "LiberationSerif-BoldItalic.ttf"};
    const char *env = getenv("FOLIO_DATADIR");
    snprintf(font_dir, sizeof(font_dir), "%s", env ? env : ".");
    for (int f = 0; f < FOLIO_FACE_COUNT; f++) {
        snprintf(font_file[f], sizeof(font_file[f]), "%s/fonts/%s", font_dir,
                 names[f]);
        if (access(font_file[f], R_OK) != 0) {
            fprintf(stderr, "test_pdf: cannot read %s\n", font_file[f]);
            return -1;
        }
        test_fonts.path[f] = font_file[f];
    }
    return 0;
}

static char tmpdir[64];

static int setup(void **state)
{
    (void)state;
    if (find_fonts() < 0)
        return -1;
    strcpy(tmpdir, "/tmp/folio-test-pdf-XXXXXX");
    return mkdtemp(tmpdir) ? 0 : -1;
}

/* FOLIO_TEST_KEEP=1 keeps the files for a look. */
static int teardown(void **state)
{
    (void)state;
    if (getenv("FOLIO_TEST_KEEP")) {
        fprintf(stderr, "kept %s\n", tmpdir);
        return 0;
    }
    char cmd[128];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

static const char *tmp(const char *name)
{
    static char buf[4][256];
    static int next;
    char *p = buf[next++ % 4];
    snprintf(p, 256, "%s/%s", tmpdir, name);
    return p;
}

/* Run a shell command; its standard output into `out` (NUL-terminated). */
static int run(char *out, size_t cap, const char *fmt, ...)
{
    char cmd[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof(cmd), fmt, ap);
    va_end(ap);
    FILE *p = popen(cmd, "r");
    if (!p)
        return -1;
    size_t n = 0;
    if (out) {
        n = fread(out, 1, cap - 1, p);
        out[n] = 0;
    } else {
        char sink[4096];
        while (fread(sink, 1, sizeof(sink), p) > 0)
            ;
    }
    int st = pclose(p);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static unsigned char *slurp(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *buf = malloc(n > 0 ? (size_t)n : 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    *size = (size_t)n;
    return buf;
}

static int contains(const unsigned char *hay, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(hay + i, needle, k) == 0)
            return 1;
    return 0;
}

/* In qpdf's JSON, a destination [page /XYZ 0 top 0] whose top starts with
 * `top`. */
static int xyz_zoom_zero(const char *json, const char *top)
{
    const char *p = strstr(json, top);
    if (!p || !strstr(json, "\"/XYZ\""))
        return 0;
    p = strchr(p, '\n');
    if (!p)
        return 0;
    while (*p == '\n' || *p == ' ')
        p++;
    return p[0] == '0' && p[1] == '\n';
}

/* ---- the sample layout ------------------------------------------------ */

static folio_item text(folio_face face, double size, double x, double y,
                       const char *s)
{
    folio_item it = {0};
    it.kind = FOLIO_ITEM_TEXT;
    it.face = face;
    it.size = FOLIO_PT(size);
    it.x = FOLIO_PT(x);
    it.y = FOLIO_PT(y);
    it.text = s;
    /* Not NUL-terminated in real layouts: the writer must use len. */
    it.len = strlen(s);
    return it;
}

static folio_item box(folio_item_kind kind, double x, double y, double w,
                      double h)
{
    folio_item it = {0};
    it.kind = kind;
    it.x = FOLIO_PT(x);
    it.y = FOLIO_PT(y);
    it.w = FOLIO_PT(w);
    it.h = FOLIO_PT(h);
    return it;
}

static folio_item outline(int level, double y, const char *title)
{
    folio_item it = box(FOLIO_ITEM_OUTLINE, 0, y, 0, 0);
    it.level = level;
    it.text = title;
    it.len = strlen(title);
    return it;
}

typedef struct sample {
    folio_arena *arena;
    folio_layout layout;
    folio_page pages[2];
    folio_item items1[24], items2[4];
} sample;

/* Text kept in one buffer so items point into it without terminators. */
static const char body[] =
    "Summary of Stakeholders\xe2\x80\x99 submissions on Italy"
    "General Assembly";

static void build_sample(sample *s)
{
    memset(s, 0, sizeof(*s));
    s->arena = folio_arena_new();
    assert_non_null(s->arena);
    const folio_art *emblem, *bar, *qr, *recycle;
    assert_int_equal(folio_art_emblem(s->arena, &emblem), 0);
    assert_int_equal(folio_art_code39(s->arena, "1913879", 20, &bar), 0);
    assert_int_equal(folio_art_qr(s->arena, "https://undocs.org/A/HRC/WG.6/34/ITA/3",
                                  0, &qr), 0);
    assert_int_equal(folio_art_recycle(s->arena, &recycle), 0);

    folio_item *it = s->items1;
    size_t n = 0;
    it[n++] = text(FOLIO_FACE_REGULAR, 12, 127.6, 50, "United Nations");
    it[n] = text(FOLIO_FACE_BOLD, 20, 123, 88, "x");
    it[n].text = body + sizeof(body) - 1 - 16;    /* "General Assembly" */
    it[n++].len = 16;
    it[n] = text(FOLIO_FACE_BOLD, 14, 127.6, 320, "x");
    it[n].text = body;                             /* up to "Italy" */
    it[n++].len = sizeof(body) - 1 - 16;
    it[n++] = text(FOLIO_FACE_ITALIC, 10, 127.6, 350,
                   "R\xc3\xa9sum\xc3\xa9 \xe2\x80\x94 p\xc3\xa9riodique");
    it[n++] = text(FOLIO_FACE_BOLD_ITALIC, 10, 127.6, 370,
                   "\xd0\x94\xd0\xbe\xd0\xba\xd0\xbb\xd0\xb0\xd0\xb4 "
                   "\xd0\xa0\xd0\xb0\xd0\xb1\xd0\xbe\xd1\x87\xd0\xb5\xd0\xb9");
    it[n++] = text(FOLIO_FACE_REGULAR, 10, 127.6, 390, "undocs.org");
    it[n] = box(FOLIO_ITEM_LINK, 127.6, 381, 45, 12);
    it[n++].uri = "https://undocs.org/A/HRC/WG.6/34/ITA/3";
    it[n] = box(FOLIO_ITEM_LINK, 127.6, 395, 45, 12);
    it[n++].uri = "https://example.org/r\xc3\xa9sum\xc3\xa9 1";
    it[n] = box(FOLIO_ITEM_RULE, 56.7, 56, 481.9, 0);
    it[n++].thickness = FOLIO_PT(0.75);
    it[n] = box(FOLIO_ITEM_RULE, 56.7, 263, 481.9, 0);
    it[n++].thickness = FOLIO_PT(2.25);
    it[n++] = box(FOLIO_ITEM_RECT, 56.7, 400, 100, 3);
    it[n] = box(FOLIO_ITEM_ART, 60.5, 64, 54, 44);
    it[n++].art = emblem;
    it[n] = box(FOLIO_ITEM_ART, 57, 790, bar->width * 0.75, 15);
    it[n++].art = bar;
    it[n] = box(FOLIO_ITEM_ART, 488, 763, 44.2, 44.2);
    it[n++].art = qr;
    it[n] = box(FOLIO_ITEM_ART, 440, 785, 22, 22 * recycle->height / recycle->width);
    it[n++].art = recycle;
    it[n++] = outline(1, 300, "Summary of submissions");
    it[n++] = outline(2, 340, "A. Scope \xe2\x80\x94 port\xc3\xa9" "e");
    it[n++] = text(FOLIO_FACE_REGULAR, 10, 127.6, 420, "Back to regular text.");
    assert_true(n <= 24);
    s->pages[0] = (folio_page){ s->items1, n, 24, 1 };

    it = s->items2;
    n = 0;
    it[n++] = text(FOLIO_FACE_REGULAR, 10, 56.7, 100, "Second page text");
    it[n++] = outline(1, 90, "Second chapter");
    s->pages[1] = (folio_page){ s->items2, n, 4, 2 };

    folio_layout *l = &s->layout;
    l->arena = s->arena;
    l->width = FOLIO_PT(595.276);
    l->height = FOLIO_PT(841.89);
    l->pages = s->pages;
    l->npages = 2;
    l->faces_used = 15;
    l->title = "Summary of Stakeholders\xe2\x80\x99 submissions on Italy";
    l->subject = "A/HRC/WG.6/34/ITA/3";
    l->lang = "en";
    l->date_epoch = 1565740800;   /* 2019-08-14 00:00:00 UTC */
}

static void free_sample(sample *s)
{
    folio_arena_free(s->arena);
}

/* ---- tests ------------------------------------------------------------ */

static void test_write_and_check(void **state)
{
    (void)state;
    sample s;
    build_sample(&s);
    folio_ctx *ctx = NULL;
    folio_ctx_new("sample", &ctx);
    const char *pdf = tmp("sample.pdf");
    int rc = folio_pdf_write(ctx, &s.layout, &test_fonts, pdf);
    if (rc)
        fprintf(stderr, "%s\n", folio_last_error(ctx));
    assert_int_equal(rc, 0);

    static char out[16384];
    assert_int_equal(run(out, sizeof(out), "qpdf --check '%s' 2>&1", pdf), 0);

    /* Every face embedded, subset, with a ToUnicode map. */
    assert_int_equal(run(out, sizeof(out), "pdffonts '%s' 2>/dev/null", pdf), 0);
    int fonts = 0;
    for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n")) {
        if (!strstr(line, "LiberationSerif"))
            continue;
        fonts++;
        assert_non_null(strstr(line, "CID TrueType"));
        assert_non_null(strstr(line, "Identity-H       yes yes yes"));
    }
    assert_int_equal(fonts, 4);

    /* Not a word on stderr: a malformed ToUnicode CMap makes poppler warn
     * for every font. */
    assert_int_equal(run(out, sizeof(out), "pdftotext '%s' /dev/null 2>&1; "
                         "pdffonts '%s' 2>&1 >/dev/null", pdf, pdf), 0);
    assert_string_equal(out, "");

    assert_int_equal(run(out, sizeof(out), "pdftotext -enc UTF-8 '%s' - 2>/dev/null",
                         pdf), 0);
    assert_non_null(strstr(out, "United Nations"));
    assert_non_null(strstr(out, "General Assembly"));
    assert_non_null(strstr(out, "Summary of Stakeholders\xe2\x80\x99 submissions on Italy"));
    assert_non_null(strstr(out, "R\xc3\xa9sum\xc3\xa9 \xe2\x80\x94 p\xc3\xa9riodique"));
    assert_non_null(strstr(out, "\xd0\x94\xd0\xbe\xd0\xba\xd0\xbb\xd0\xb0\xd0\xb4"));
    assert_non_null(strstr(out, "Back to regular text."));
    assert_non_null(strstr(out, "Second page text"));
    /* The text stopped at each item's length: nothing leaked across. */
    assert_null(strstr(out, "ItalyGeneral"));

    assert_int_equal(run(out, sizeof(out), "pdfinfo -isodates '%s' 2>/dev/null",
                         pdf), 0);
    assert_non_null(strstr(out, "Title:           Summary of Stakeholders\xe2\x80\x99"));
    assert_non_null(strstr(out, "Subject:         A/HRC/WG.6/34/ITA/3"));
    assert_non_null(strstr(out, "Author:          United Nations"));
    assert_non_null(strstr(out, "Creator:         folio"));
    assert_non_null(strstr(out, "CreationDate:    2019-08-14T00:00:00Z"));
    assert_non_null(strstr(out, "ModDate:         2019-08-14T00:00:00Z"));
    assert_non_null(strstr(out, "Pages:           2"));
    assert_non_null(strstr(out, "595.276 x 841.89 pts (A4)"));

    size_t size;
    unsigned char *bytes = slurp(pdf, &size);
    assert_non_null(bytes);
    /* PDF/A-2 and PDF/UA-1: PDF 1.7, tagged, XMP, the output intent */
    assert_true(contains(bytes, size, "%PDF-1.7"));
    assert_true(contains(bytes, size, "/StructTreeRoot"));
    assert_true(contains(bytes, size, "<pdfaid:part>2</pdfaid:part>"));
    assert_true(contains(bytes, size, "/GTS_PDFA1"));
    assert_true(contains(bytes, size, "/Lang (en)"));
    assert_true(contains(bytes, size, "/PageMode /UseOutlines"));
    /* The link, without a border. */
    assert_true(contains(bytes, size, "/Border [ 0 0 0 ]"));
    assert_int_equal(run(out, sizeof(out), "qpdf --qdf --object-streams=disable "
                         "'%s' - | grep -a '/URI ('", pdf), 0);
    assert_non_null(strstr(out, "/URI (https://undocs.org/A/HRC/WG.6/34/ITA/3)"));
    /* Non-ASCII and spaces percent-encoded: a URI is 7-bit ASCII. */
    assert_non_null(strstr(out, "/URI (https://example.org/r%C3%A9sum%C3%A9%201)"));
    /* No page labels: the pages are numbered 1, 2. */
    assert_false(contains(bytes, size, "/PageLabels"));
    free(bytes);

    /* Outlines: two chapters, the section nested under the first. */
    assert_int_equal(run(out, sizeof(out),
                         "qpdf --json=2 --json-key=outlines '%s'", pdf), 0);
    char *first = strstr(out, "\"title\": \"Summary of submissions\"");
    char *nested = strstr(out, "\"title\": \"A. Scope \xe2\x80\x94 port\xc3\xa9" "e\"");
    char *second = strstr(out, "\"title\": \"Second chapter\"");
    assert_non_null(first);
    assert_non_null(nested);
    assert_non_null(second);
    /* qpdf lists an entry's keys in order: dest, kids, title. */
    char *kids = strstr(out, "\"kids\": [");
    assert_true(kids && kids < nested && nested < first && first < second);
    char *leaf = strstr(kids + 1, "\"kids\": []");
    assert_true(leaf && leaf < nested);
    /* Each targets its page at the item's y, keeping the reader's zoom
     * (0 = unchanged): page 1 top 841.89 - 300 and 841.89 - 340. */
    assert_true(xyz_zoom_zero(out, "541.89"));
    assert_true(xyz_zoom_zero(out, "501.89"));
    assert_non_null(strstr(out, "\"destpageposfrom1\": 2"));

    /* It renders. */
    assert_int_equal(run(NULL, 0, "pdftoppm -r 80 -png '%s' '%s' 2>/dev/null",
                         pdf, tmp("page")), 0);
    struct stat st;
    assert_int_equal(stat(tmp("page-1.png"), &st), 0);
    assert_int_equal(stat(tmp("page-2.png"), &st), 0);

    assert_int_equal((int)folio_ctx_errors(ctx), 0);
    folio_ctx_free(ctx);
    free_sample(&s);
}

static void test_byte_identical(void **state)
{
    (void)state;
    sample s;
    build_sample(&s);
    folio_ctx *ctx = NULL;
    folio_ctx_new("sample", &ctx);
    const char *one = tmp("one.pdf"), *two = tmp("two.pdf");
    assert_int_equal(folio_pdf_write(ctx, &s.layout, &test_fonts, one), 0);
    /* A fresh arena and artwork: nothing may depend on addresses. */
    free_sample(&s);
    build_sample(&s);
    assert_int_equal(folio_pdf_write(ctx, &s.layout, &test_fonts, two), 0);
    size_t n1, n2;
    unsigned char *a = slurp(one, &n1), *b = slurp(two, &n2);
    assert_non_null(a);
    assert_non_null(b);
    assert_int_equal(n1, n2);
    assert_memory_equal(a, b, n1);
    free(a);
    free(b);
    folio_ctx_free(ctx);
    free_sample(&s);
}

/* Only the faces the items draw are embedded, whatever faces_used says. */
static void test_only_used_faces(void **state)
{
    (void)state;
    folio_item items[2] = {
        text(FOLIO_FACE_ITALIC, 10, 72, 72, "Only italic here"),
        box(FOLIO_ITEM_RECT, 72, 80, 100, 1),
    };
    folio_page page = { items, 2, 2, 1 };
    folio_layout l = {0};
    l.width = FOLIO_PT(612);
    l.height = FOLIO_PT(792);
    l.pages = &page;
    l.npages = 1;
    l.faces_used = 15;
    folio_ctx *ctx = NULL;
    folio_ctx_new("italic", &ctx);
    const char *pdf = tmp("italic.pdf");
    assert_int_equal(folio_pdf_write(ctx, &l, &test_fonts, pdf), 0);
    static char out[4096];
    assert_int_equal(run(out, sizeof(out), "pdffonts '%s' 2>/dev/null", pdf), 0);
    assert_non_null(strstr(out, "LiberationSerif-Italic"));
    assert_null(strstr(out, "LiberationSerif-Bold"));
    assert_null(strstr(out, "LiberationSerif-Regular"));
    assert_int_equal(run(out, sizeof(out), "pdfinfo '%s' 2>/dev/null", pdf), 0);
    assert_non_null(strstr(out, "612 x 792 pts (letter)"));
    /* No date, no language, no outlines given: none written. */
    assert_null(strstr(out, "CreationDate"));
    size_t size;
    unsigned char *bytes = slurp(pdf, &size);
    assert_non_null(bytes);
    assert_false(contains(bytes, size, "/Lang"));
    assert_false(contains(bytes, size, "/PageMode"));
    free(bytes);
    folio_ctx_free(ctx);
}

/* Invalid UTF-8 is drawn as U+FFFD, one per bad byte, never passed on. */
static void test_invalid_utf8(void **state)
{
    (void)state;
    folio_item items[2] = {
        text(FOLIO_FACE_REGULAR, 10, 72, 72, "ab\xff" "cd \xc3"),
        text(FOLIO_FACE_REGULAR, 10, 72, 90, "\xed\xa0\x80 caf\xc3\xa9"),
    };
    items[0].len = 8;   /* includes the NUL after the truncated \xc3 */
    folio_page page = { items, 2, 2, 1 };
    folio_layout l = {0};
    l.width = FOLIO_PT(595.276);
    l.height = FOLIO_PT(841.89);
    l.pages = &page;
    l.npages = 1;
    folio_ctx *ctx = NULL;
    folio_ctx_new("utf8", &ctx);
    const char *pdf = tmp("utf8.pdf");
    assert_int_equal(folio_pdf_write(ctx, &l, &test_fonts, pdf), 0);
    static char out[4096];
    assert_int_equal(run(out, sizeof(out), "pdftotext -enc UTF-8 '%s' - 2>/dev/null",
                         pdf), 0);
    assert_non_null(strstr(out, "ab\xef\xbf\xbd" "cd \xef\xbf\xbd\xef\xbf\xbd"));
    assert_non_null(strstr(out, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd caf\xc3\xa9"));
    folio_ctx_free(ctx);
}

/* Appends code point cp to s as UTF-8 (BMP only). */
static size_t put_utf8(char *s, unsigned cp)
{
    if (cp < 0x80) {
        s[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        s[0] = (char)(0xC0 | cp >> 6);
        s[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    s[0] = (char)(0xE0 | cp >> 12);
    s[1] = (char)(0x80 | (cp >> 6 & 0x3F));
    s[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
}

/* The number of `what` blocks in the (decompressed) ToUnicode CMaps, each
 * checked to hold at most 100 entries. */
static int cmap_blocks(const char *qdf, const char *what)
{
    int blocks = 0;
    for (const char *p = strstr(qdf, what); p; p = strstr(p + 1, what)) {
        const char *num = p;
        while (num > qdf && num[-1] == ' ')
            num--;
        while (num > qdf && num[-1] >= '0' && num[-1] <= '9')
            num--;
        int n = atoi(num);
        assert_true(n >= 1 && n <= 100);
        blocks++;
    }
    return blocks;
}

/* The ToUnicode maps: two faces sharing one font file (one libharu font),
 * a code point beyond the BMP (drawn by libharu as a space), and enough
 * single codes and runs to need several bfchar and bfrange blocks. */
static void test_tounicode(void **state)
{
    (void)state;
    /* Runs of two codes in Latin Extended-A/B, single codes in Cyrillic
     * (skipping its combining marks U+0483..U+0489). */
    static char runs[1024], singles[512];
    size_t n = 0;
    for (unsigned cp = 0x100; cp + 1 <= 0x24F; cp += 3) {
        n += put_utf8(runs + n, cp);
        n += put_utf8(runs + n, cp + 1);
    }
    runs[n] = 0;
    n = 0;
    for (unsigned cp = 0x400; cp <= 0x4FF; cp += 2)
        if (cp < 0x483 || cp > 0x489)
            n += put_utf8(singles + n, cp);
    singles[n] = 0;

    folio_item items[4] = {
        text(FOLIO_FACE_REGULAR, 10, 72, 72, "Plain words"),
        text(FOLIO_FACE_BOLD, 10, 72, 90, "wide \xf0\x9f\x98\x80 char"),
        text(FOLIO_FACE_ITALIC, 2, 20, 110, runs),
        text(FOLIO_FACE_ITALIC, 2, 20, 130, singles),
    };
    folio_page page = { items, 4, 4, 1 };
    folio_layout l = {0};
    l.width = FOLIO_PT(595.276);
    l.height = FOLIO_PT(841.89);
    l.pages = &page;
    l.npages = 1;
    folio_fonts shared = test_fonts;
    shared.path[FOLIO_FACE_BOLD] = shared.path[FOLIO_FACE_REGULAR];
    folio_ctx *ctx = NULL;
    folio_ctx_new("tounicode", &ctx);
    const char *pdf = tmp("tounicode.pdf");
    assert_int_equal(folio_pdf_write(ctx, &l, &shared, pdf), 0);

    static char out[65536];
    assert_int_equal(run(out, sizeof(out), "pdftotext '%s' /dev/null 2>&1; "
                         "pdffonts '%s' 2>&1 >/dev/null; qpdf --check '%s' "
                         ">/dev/null 2>&1 || echo qpdf failed", pdf, pdf, pdf), 0);
    assert_string_equal(out, "");
    assert_int_equal(run(out, sizeof(out), "pdffonts '%s' 2>/dev/null", pdf), 0);
    assert_non_null(strstr(out, "LiberationSerif "));
    assert_null(strstr(out, "Bold"));

    assert_int_equal(run(out, sizeof(out), "pdftotext -enc UTF-8 '%s' - 2>/dev/null",
                         pdf), 0);
    assert_non_null(strstr(out, "Plain words"));
    /* Both faces' text mapped through the one shared font's map; the
     * emoji, drawn as a space, reads as one. */
    const char *wide = strstr(out, "wide ");
    assert_non_null(wide);
    wide += 5;
    while (*wide == ' ')
        wide++;
    assert_memory_equal(wide, "char\n", 5);
    assert_non_null(strstr(out, runs));
    assert_non_null(strstr(out, singles));

    assert_int_equal(run(out, sizeof(out), "qpdf --qdf --object-streams=disable "
                         "'%s' - | sed -n '/begincmap/,/endcmap/p'", pdf), 0);
    assert_null(strstr(out, "cidrange"));
    assert_null(strstr(out, "notdefrange"));
    assert_non_null(strstr(out, "/CMapName /Adobe-Identity-UCS def"));
    assert_non_null(strstr(out, "<0400> <0400>\n"));
    assert_non_null(strstr(out, "<0100> <0101> <0100>\n"));
    /* 125 single codes and 112 runs in the italic font. */
    assert_true(cmap_blocks(out, "beginbfchar") >= 2);
    assert_true(cmap_blocks(out, "beginbfrange") >= 2);
    assert_int_equal((int)folio_ctx_errors(ctx), 0);
    folio_ctx_free(ctx);
}

/* Printed numbers that do not start at 1 become page labels. */
static void test_page_labels(void **state)
{
    (void)state;
    folio_item a = text(FOLIO_FACE_REGULAR, 10, 72, 72, "Page five");
    folio_item b = text(FOLIO_FACE_REGULAR, 10, 72, 72, "Page six");
    folio_page pages[2] = { { &a, 1, 1, 5 }, { &b, 1, 1, 6 } };
    folio_layout l = {0};
    l.width = FOLIO_PT(595.276);
    l.height = FOLIO_PT(841.89);
    l.pages = pages;
    l.npages = 2;
    folio_ctx *ctx = NULL;
    folio_ctx_new("labels", &ctx);
    const char *pdf = tmp("labels.pdf");
    assert_int_equal(folio_pdf_write(ctx, &l, &test_fonts, pdf), 0);
    static char out[4096];
    assert_int_equal(run(out, sizeof(out), "qpdf --json=2 --json-key=pagelabels '%s'",
                         pdf), 0);
    assert_non_null(strstr(out, "\"/St\": 5"));
    assert_int_equal(run(out, sizeof(out), "qpdf --check '%s' 2>&1", pdf), 0);
    folio_ctx_free(ctx);
}

static void test_errors(void **state)
{
    (void)state;
    sample s;
    build_sample(&s);
    folio_ctx *ctx = NULL;
    folio_ctx_new("errors", &ctx);
    struct stat st;

    /* A folder that does not exist: an I/O error naming the path. */
    const char *bad = tmp("missing/x.pdf");
    assert_int_equal(folio_pdf_write(ctx, &s.layout, &test_fonts, bad), FOLIO_E_IO);
    assert_non_null(strstr(folio_last_error(ctx), "missing/x.pdf"));

    /* A missing font file: a font error, and no file. */
    folio_fonts broken = test_fonts;
    broken.path[FOLIO_FACE_BOLD] = "/nonexistent/font.ttf";
    const char *pdf = tmp("nofont.pdf");
    assert_int_equal(folio_pdf_write(ctx, &s.layout, &broken, pdf), FOLIO_E_FONT);
    assert_non_null(strstr(folio_last_error(ctx), "/nonexistent/font.ttf"));
    assert_int_equal(stat(pdf, &st), -1);

    /* Not a font at all. */
    broken.path[FOLIO_FACE_BOLD] = "/etc/hostname";
    assert_int_equal(folio_pdf_write(ctx, &s.layout, &broken, pdf), FOLIO_E_FONT);
    assert_int_equal(stat(pdf, &st), -1);

    /* A layout without pages. */
    folio_layout empty = s.layout;
    empty.npages = 0;
    assert_int_equal(folio_pdf_write(ctx, &empty, &test_fonts, pdf), FOLIO_E_PDF);
    assert_int_equal(stat(pdf, &st), -1);

    /* Malformed artwork: a path that does not start with a move. */
    folio_path_seg seg = { FOLIO_PATH_LINE, {1, 0, 0}, {1, 0, 0} };
    folio_shape shape = { 0, 0, 0, 0, 0, &seg, 1, 0, 0 };
    folio_art art = { 10, 10, &shape, 1 };
    folio_item item = box(FOLIO_ITEM_ART, 10, 10, 10, 10);
    item.art = &art;
    folio_page page = { &item, 1, 1, 1 };
    folio_layout bad_art = s.layout;
    bad_art.pages = &page;
    bad_art.npages = 1;
    assert_int_equal(folio_pdf_write(ctx, &bad_art, &test_fonts, pdf), FOLIO_E_PDF);
    assert_int_equal(stat(pdf, &st), -1);

    assert_int_equal(folio_pdf_write(ctx, NULL, &test_fonts, pdf), FOLIO_E_USAGE);
    assert_true((int)folio_ctx_errors(ctx) >= 5);
    folio_ctx_free(ctx);
    free_sample(&s);
}

/* A write that fails half-way (file size limit) leaves no file behind. */
static void test_partial_file_removed(void **state)
{
    (void)state;
    sample s;
    build_sample(&s);
    folio_ctx *ctx = NULL;
    folio_ctx_new("partial", &ctx);
    const char *pdf = tmp("partial.pdf");
    struct rlimit old, small;
    assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
    small = old;
    small.rlim_cur = 20000;
    void (*prev)(int) = signal(SIGXFSZ, SIG_IGN);
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
    int rc = folio_pdf_write(ctx, &s.layout, &test_fonts, pdf);
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
    signal(SIGXFSZ, prev);
    assert_int_equal(rc, FOLIO_E_IO);
    struct stat st;
    assert_int_equal(stat(pdf, &st), -1);
    folio_ctx_free(ctx);
    free_sample(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_write_and_check),
        cmocka_unit_test(test_byte_identical),
        cmocka_unit_test(test_only_used_faces),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_tounicode),
        cmocka_unit_test(test_page_labels),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_partial_file_removed),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
