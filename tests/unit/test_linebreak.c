/* Unit tests of line breaking: the total-fit breaker on hand-made boxes,
 * glue and penalties; hyphenation points; and paragraphs set through
 * folio_set_paragraph (hyphens drawn, no-break spaces, justified edges, a very
 * long paragraph). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "folio.h"
#include "model/model.h"
#include "style/flow.h"
#include "layout/layout.h"
#include "pdf/pdf.h"
#include "docx/docx.h"
#include "house/house.h"
#include "layout/hyphenate.h"
#include "layout/layout_internal.h"
#include "util/text.h"

#include "fonts_fixture.h"

/* The default house style: its costs of breaking and its patterns. */
static const folio_house *house(void)
{
    folio_ctx *ctx = NULL;
    const folio_house *h = NULL;
    folio_ctx_new(NULL, &ctx);
    assert_int_equal(folio_house_default(ctx, &h), 0);
    folio_ctx_free(ctx);
    return h;
}

static const hyph_dict *dict_for(const char *lang)
{
    const folio_house *h = house();
    return folio_hyph_dict(h, folio_house_lang_get(h, lang, "hyphenation"));
}

/* The house's [breaking] tolerances and demerits (what the breaker uses). */
static const folio_break_costs *costs(void)
{
    static folio_break_costs c;
    const folio_house *h = house();
    folio_ctx *ctx = NULL;
    folio_ctx_new(NULL, &ctx);
    assert_int_equal(folio_house_int(ctx, h, "breaking", "pretolerance", 0, 1000000,
                                     &c.pretolerance), 0);
    assert_int_equal(folio_house_int(ctx, h, "breaking", "tolerance", 0, 1000000,
                                     &c.tolerance), 0);
    assert_int_equal(folio_house_int(ctx, h, "breaking", "loose-tolerance", 0, 1000000,
                                     &c.loose_tolerance), 0);
    assert_int_equal(folio_house_int(ctx, h, "breaking", "line-penalty", 0, 1000000,
                                     &c.line_penalty), 0);
    assert_int_equal(folio_house_int(ctx, h, "breaking", "adjacent-demerits", 0, 1000000,
                                     &c.adj_demerits), 0);
    assert_int_equal(folio_house_int(ctx, h, "breaking", "double-hyphen-demerits", 0,
                                     1000000, &c.double_hyphen_demerits), 0);
    assert_int_equal(folio_house_int(ctx, h, "breaking", "final-hyphen-demerits", 0,
                                     1000000, &c.final_hyphen_demerits), 0);
    folio_ctx_free(ctx);
    return &c;
}

/* ---- the breaker on items -------------------------------------------- */

/* Words of the given widths with spaces of 10 (stretch 5, shrink 3), a
 * forced break after word `force_after` (-1: none), and the paragraph's
 * end. Returns the number of items. */
static size_t para(lb_item *v, const int *w, int n, int force_after)
{
    size_t k = 0;
    for (int i = 0; i < n; i++) {
        v[k++] = (lb_item){w[i], 0, 0, 0, LB_BOX, 0};
        if (i + 1 == n)
            break;
        if (i == force_after) {
            v[k++] = (lb_item){0, 0, 0, LB_NEVER, LB_PENALTY, 0};
            v[k++] = (lb_item){0, LB_FIL, 0, 0, LB_GLUE, 0};
            v[k++] = (lb_item){0, 0, 0, LB_FORCE, LB_PENALTY, 0};
        } else {
            v[k++] = (lb_item){10, 5, 3, 0, LB_GLUE, 0};
        }
    }
    v[k++] = (lb_item){0, 0, 0, LB_NEVER, LB_PENALTY, 0};
    v[k++] = (lb_item){0, LB_FIL, 0, 0, LB_GLUE, 0};
    v[k++] = (lb_item){0, 0, 0, LB_FORCE, LB_PENALTY, 0};
    return k;
}

/* The natural width, stretch and shrink of the line that ends at item e. */
static void line_of(const lb_item *v, size_t s, size_t e, long *w, long *y, long *z)
{
    *w = *y = *z = 0;
    while (s < e && v[s].kind != LB_BOX)
        s++;
    for (size_t i = s; i < e; i++) {
        if (v[i].kind == LB_PENALTY)
            continue;
        *w += v[i].width;
        if (v[i].stretch != LB_FIL)
            *y += v[i].stretch;
        *z += v[i].shrink;
    }
    if (v[e].kind == LB_PENALTY)
        *w += v[e].width;
}

static void test_forced_breaks(void **state)
{
    (void)state;
    int w[6] = {20, 20, 20, 20, 20, 20};
    lb_item v[40];
    size_t ends[40], n;
    /* all six fit on one line of 200, but a hard break follows word 2 */
    size_t k = para(v, w, 6, 1);
    lb_params p = {.first = 200, .rest = 200, .emergency = 0, .justify = 1,
                   .costs = costs()};
    assert_int_equal(folio_break_lines(v, k, &p, ends, &n), 0);
    assert_int_equal(n, 2);
    assert_int_equal(v[ends[0]].kind, LB_PENALTY);
    assert_int_equal(v[ends[0]].penalty, LB_FORCE);
    assert_int_equal(ends[0], 5); /* box glue box never fil force */
    assert_int_equal(ends[1], k - 1);
    /* ragged lines obey it too */
    p.justify = 0;
    assert_int_equal(folio_break_lines(v, k, &p, ends, &n), 0);
    assert_int_equal(n, 2);
    assert_int_equal(ends[0], 5);
}

static void test_first_line_width(void **state)
{
    (void)state;
    int w[12] = {30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30};
    lb_item v[60];
    size_t ends[60], n;
    size_t k = para(v, w, 12, -1);
    /* lines of 150 take four words (30 * 4 + 3 * 10 = 150) */
    lb_params p = {.first = 150, .rest = 150, .emergency = 0, .justify = 1,
                   .costs = costs()};
    assert_int_equal(folio_break_lines(v, k, &p, ends, &n), 0);
    assert_int_equal(n, 3);
    assert_int_equal(ends[0], 7);
    /* a first line of 110 (a label beside it) takes three */
    p.first = 110;
    assert_int_equal(folio_break_lines(v, k, &p, ends, &n), 0);
    assert_int_equal(ends[0], 5);
    long lw, y, z;
    line_of(v, 0, ends[0], &lw, &y, &z);
    assert_true(lw <= 110);
    /* and the second line is as wide as the rest */
    line_of(v, ends[0] + 1, ends[1], &lw, &y, &z);
    assert_true(lw > 110 && lw - z <= 150);
}

static void test_optimal_beats_greedy(void **state)
{
    (void)state;
    /* First fit fills line 1 with two words and leaves its spaces
     * stretched 4.2 times their stretchability; total fit takes the third
     * word onto line 1 by shrinking and sets every line within one. */
    int w[8] = {43, 26, 17, 41, 10, 22, 24, 12};
    lb_item v[40];
    size_t kp[40], ff[40], nk, nf;
    size_t k = para(v, w, 8, -1);
    lb_params p = {.first = 100, .rest = 100, .emergency = 0, .justify = 1,
                   .costs = costs()};
    assert_int_equal(folio_break_lines(v, k, &p, kp, &nk), 0);
    p.justify = 0;
    assert_int_equal(folio_break_lines(v, k, &p, ff, &nf), 0);
    assert_int_equal(nk, 3);
    assert_int_equal(nf, 3);
    assert_int_equal(ff[0], 3);
    assert_int_equal(kp[0], 5);
    assert_int_equal(kp[1], 11);
    size_t s = 0;
    for (size_t l = 0; l + 1 < nk; l++) {
        long lw, y, z;
        line_of(v, s, kp[l], &lw, &y, &z);
        assert_true(lw - z <= 100);     /* not overfull */
        assert_true(100 - lw <= y);     /* stretched by at most r = 1 */
        s = kp[l] + 1;
    }
    long lw, y, z;
    line_of(v, 0, ff[0], &lw, &y, &z);
    assert_true(100 - lw > 4 * y);
}

static void test_hyphens_only_when_needed(void **state)
{
    (void)state;
    /* "aaaa" + pattern point + "bbbb": breaking there costs a hyphen. */
    lb_item v[20];
    size_t k = 0, ends[20], n;
    v[k++] = (lb_item){60, 0, 0, 0, LB_BOX, 0};
    v[k++] = (lb_item){10, 5, 3, 0, LB_GLUE, 0};
    v[k++] = (lb_item){30, 0, 0, 0, LB_BOX, 0};
    size_t hyph = k;
    v[k++] = (lb_item){5, 0, 0, 200, LB_PENALTY, LB_FLAGGED | LB_PATTERN};
    v[k++] = (lb_item){30, 0, 0, 0, LB_BOX, 0};
    v[k++] = (lb_item){10, 5, 3, 0, LB_GLUE, 0};
    v[k++] = (lb_item){40, 0, 0, 0, LB_BOX, 0};
    v[k++] = (lb_item){0, 0, 0, LB_NEVER, LB_PENALTY, 0};
    v[k++] = (lb_item){0, LB_FIL, 0, 0, LB_GLUE, 0};
    v[k++] = (lb_item){0, 0, 0, LB_FORCE, LB_PENALTY, 0};
    /* 60 + 10 + 30 + 5 = 105 fits a line of 105 exactly with the hyphen;
     * without it, line 1 would be "60" alone (no glue: infinitely bad) */
    lb_params p = {.first = 105, .rest = 105, .emergency = 0, .justify = 1,
                   .costs = costs()};
    assert_int_equal(folio_break_lines(v, k, &p, ends, &n), 0);
    assert_int_equal(n, 2);
    assert_int_equal(ends[0], hyph);
    /* the first pass alone never hyphenates: it finds no setting here,
     * and says so rather than choose the hyphen */
    p.first_pass_only = 1;
    assert_int_equal(folio_break_lines(v, k, &p, ends, &n), LB_NO_FIT);
    p.first_pass_only = 0;
    /* a line of 130 holds the whole word: no hyphen */
    p.first = p.rest = 130;
    assert_int_equal(folio_break_lines(v, k, &p, ends, &n), 0);
    assert_int_equal(n, 2);
    assert_int_equal(ends[0], hyph + 2);
    /* ... which the first pass finds by itself */
    p.first_pass_only = 1;
    assert_int_equal(folio_break_lines(v, k, &p, ends, &n), 0);
    assert_int_equal(ends[0], hyph + 2);
}

/* Lines of a long random paragraph: none overfull, ends increasing. */
static void check_long(size_t words, int32_t width)
{
    size_t cap = words * 2 + 4, k = 0, n = 0;
    lb_item *v = malloc(cap * sizeof *v);
    size_t *ends = malloc(cap * sizeof *ends);
    assert_non_null(v);
    assert_non_null(ends);
    unsigned seed = 12345;
    for (size_t i = 0; i < words; i++) {
        seed = seed * 1103515245u + 12345u;
        v[k++] = (lb_item){(int32_t)(10000 + (seed >> 16) % 40000), 0, 0, 0, LB_BOX, 0};
        if (i + 1 < words)
            v[k++] = (lb_item){2500, 833, 833, 0, LB_GLUE, 0};
    }
    v[k++] = (lb_item){0, 0, 0, LB_NEVER, LB_PENALTY, 0};
    v[k++] = (lb_item){0, LB_FIL, 0, 0, LB_GLUE, 0};
    v[k++] = (lb_item){0, 0, 0, LB_FORCE, LB_PENALTY, 0};
    lb_params p = {.first = width - 20000, .rest = width, .emergency = 20000, .justify = 1,
                   .costs = costs()};
    assert_int_equal(folio_break_lines(v, k, &p, ends, &n), 0);
    assert_true(n > words / 20);
    assert_int_equal(ends[n - 1], k - 1);
    size_t s = 0;
    for (size_t l = 0; l < n; l++) {
        long lw, y, z;
        if (l)
            assert_true(ends[l] > ends[l - 1]);
        line_of(v, s, ends[l], &lw, &y, &z);
        assert_true(lw - z <= (l ? width : width - 20000));
        s = ends[l] + 1;
    }
    free(v);
    free(ends);
}

static void test_long_paragraph_finishes(void **state)
{
    (void)state;
    check_long(3000, 367000);   /* one chunk */
    check_long(200000, 367000); /* many chunks */
}

/* ---- hyphenation points ---------------------------------------------- */

static size_t points(const char *lang, const char *w, hyph_point *p)
{
    return folio_hyph_points(dict_for(lang), 2, 3, w, strlen(w), p, 32);
}

static void test_hyphenation_points(void **state)
{
    (void)state;
    hyph_point p[32];
    if (!dict_for("en")) {
        skip(); /* hyphen-en-us is not installed */
        return;
    }
    /* a plain word: points, keeping 2 letters before and 3 after */
    const char *w = "international";
    size_t n = points("en", w, p);
    assert_true(n >= 2);
    for (size_t i = 0; i < n; i++) {
        assert_true(p[i].at >= 2 && p[i].at <= strlen(w) - 3);
        assert_false(p[i].explicit_hyphen);
    }
    /* punctuation around a word is not counted as letters */
    n = points("en", "(recommendations),", p);
    assert_true(n >= 2);
    assert_true(p[0].at >= 3);
    assert_true(p[n - 1].at <= strlen("(recommendations),") - 5);
    /* never in symbols, numbers, addresses, capitals */
    assert_int_equal(points("en", "CTOC/COP/WG.4/2021/INF/1/Rev.1", p), 0);
    assert_int_equal(points("en", "A/HRC/WG.6/34/ITA/3", p), 0);
    assert_int_equal(points("en", "1234567890", p), 0);
    assert_int_equal(points("en", "Convention2021", p), 0);
    assert_int_equal(points("en", "COVID-19", p), 0);
    assert_int_equal(points("en", "https://www.ohchr.org", p), 0);
    assert_int_equal(points("en", "registry@un.org", p), 0);
    assert_int_equal(points("en", "INTERNATIONAL", p), 0);
    assert_int_equal(points("en", "UNODC", p), 0);
    /* a compound: after its hyphen, and inside its parts */
    w = "non-governmental";
    n = points("en", w, p);
    int seen = 0;
    for (size_t i = 0; i < n; i++)
        if (p[i].explicit_hyphen) {
            assert_int_equal(p[i].at, 4);
            seen = 1;
        }
    assert_true(seen);
    assert_true(n > 1);
    /* capitals: only after an explicit hyphen */
    n = points("en", "(CoE-Commissioner)", p);
    assert_int_equal(n, 1);
    assert_true(p[0].explicit_hyphen);
    assert_int_equal(p[0].at, 5);
    /* other languages, UTF-8 and KOI8-R dictionaries */
    if (dict_for("es"))
        assert_true(points("es", "organización", p) >= 2);
    if (dict_for("fr"))
        assert_true(points("fr", "développement", p) >= 2);
    if (dict_for("ru"))
        assert_true(points("ru", "экспертов", p) >= 1);
    /* a language without a dictionary: explicit hyphens only */
    assert_null(dict_for("zh"));
    assert_int_equal(points("zh", "international", p), 0);
    assert_int_equal(points("zh", "long-standing", p), 1);
    assert_int_equal(points("zh", "e-mail", p), 0); /* one letter before */
    assert_int_equal(points("zh", "anti-UN", p), 0); /* two after */
}

static void test_paragraph_words(void **state)
{
    (void)state;
    /* the nobreak-after words of English, Spanish, French and Russian */
    const folio_house *h = house();
    static const char *langs[] = {"en", "es", "fr", "ru"};
    const char *words[64];
    size_t n = 0;
    for (size_t l = 0; l < 4; l++) {
        const char *list = folio_house_lang_get(h, langs[l], "nobreak-after"), *s;
        size_t len;
        for (int i = 0; folio_house_item(list, i, &s, &len) && n < 64; i++) {
            char *f = folio_text_fold(s, len);
            words[n++] = f;
        }
    }
    const char *yes[] = {"paragraph", "Paragraphs", "para.", "paras.", "párrafo",
                         "Párrafos", "paragraphe", "пункт", "Пункте", "(paragraph"};
    const char *no[] = {"paragraph,", "para", "article", "paragraphing"};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        assert_true(folio_hyph_is_nobreak_word(words, n, yes[i], strlen(yes[i])));
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        assert_false(folio_hyph_is_nobreak_word(words, n, no[i], strlen(no[i])));
    assert_false(folio_hyph_is_nobreak_word(words, 0, "paragraph", 9));
    for (size_t i = 0; i < n; i++)
        free((char *)words[i]);
}

/* ---- paragraphs through folio_set_paragraph --------------------------------- */

typedef struct setting {
    folio_ctx *ctx;
    folio_arena *a;
    folio_report *report;
    folio_flow *styled;      /* the style stage's rules for the language */
    folio_flow flow;
    folio_layout out;
    lctx L;
    vblock vb;
} setting;

/* When not -1: the house's hyphenate-capitalised and hyphenate-last-word,
 * for the next set(). */
static int capitals_rule = -1, last_word_rule = -1;

static void set(setting *s, const char *lang, const char *text, folio_halign align,
                int32_t width)
{
    static folio_pstyle st;
    memset(s, 0, sizeof *s);
    folio_ctx_new("t", &s->ctx);
    s->a = folio_arena_new();
    assert_non_null(s->a);
    /* the language's rules (costs, patterns, words) as the style stage
     * gives them from the default house */
    folio_report_new(NULL, "t", &s->report);
    assert_non_null(s->report);
    s->report->meta.language = lang;
    s->report->meta.symbol = "A/1";
    s->report->meta.date = "2020-01-01";
    assert_int_equal(folio_style_apply(s->ctx, s->report, NULL, fonts, &s->styled), 0);
    s->flow.lang = s->styled->lang;
    if (capitals_rule >= 0)
        s->flow.lang.costs.hyphenate_capitalised = capitals_rule;
    if (last_word_rule >= 0)
        s->flow.lang.costs.hyphenate_last_word = last_word_rule;
    s->flow.house = s->styled->house;
    s->flow.font_expansion = 20; /* the house style's ±2 % */
    s->out.arena = s->a;
    s->L = (lctx){s->ctx, s->a, &s->flow, fonts, &s->out, NULL, NULL, {0, 0, 0}};
    st = (folio_pstyle){.name = "P", .face = FOLIO_FACE_REGULAR, .size = 10000,
                        .leading = 12000, .align = align,
                        .label_place = FOLIO_LABEL_AT_INDENT};
    folio_run run = {0};
    run.kind = FOLIO_RUN_TEXT;
    run.text = text;
    assert_int_equal(folio_set_paragraph(&s->L, &st, NULL, &run, 1, (hbox){0, width}, &s->vb), 0);
}

static void unset(setting *s)
{
    folio_flow_free(s->styled);
    folio_report_free(s->report);
    folio_arena_free(s->a);
    folio_ctx_free(s->ctx);
}

static const folio_item *item(const setting *s, size_t line, size_t k)
{
    return &s->vb.items.v[s->vb.lines[line].item0 + k];
}

/* The right end of a text item as drawn (with its glyph scale). */
static int32_t right_of(const folio_item *it)
{
    int32_t w = folio_text_width(fonts, it->face, it->size, it->text, it->len);
    return it->x + (int32_t)((int64_t)w * (it->hscale ? it->hscale : 1000) / 1000);
}

static const char *para_en =
    "The Working Group recommended that the Conference of the Parties consider the "
    "following recommendations for adoption, taking into account the views expressed "
    "by States and the need to strengthen international cooperation in the prevention "
    "of trafficking in persons and the protection of victims, notwithstanding the "
    "considerable administrative responsibilities of the intergovernmental "
    "organizations concerned.";

static void test_justified_edges_and_hyphens(void **state)
{
    (void)state;
    setting s;
    set(&s, "en", para_en, FOLIO_H_JUSTIFY, FOLIO_PT(150));
    assert_true(s.vb.nlines > 5);
    int hyphens = 0;
    for (size_t l = 0; l < s.vb.nlines; l++) {
        const vline *ln = &s.vb.lines[l];
        const folio_item *last = item(&s, l, ln->nitems - 1);
        int32_t right = right_of(last);
        assert_true(right <= FOLIO_PT(150));
        if (l + 1 < s.vb.nlines) /* full lines end on the margin */
            assert_true(right >= FOLIO_PT(150) - 10);
        for (size_t k = 0; k < ln->nitems; k++) {
            const folio_item *it = item(&s, l, k);
            assert_true(it->hscale == 0 || (it->hscale >= 980 && it->hscale <= 1020));
            if (k > 0) /* words never overlap */
                assert_true(it->x >= right_of(item(&s, l, k - 1)));
        }
        if (last->len == 1 && last->text[0] == '-') {
            hyphens++;
            /* the hyphen follows its word directly, in its face */
            const folio_item *word = item(&s, l, ln->nitems - 2);
            assert_int_equal(last->face, word->face);
            assert_int_equal(last->x, right_of(word));
        }
    }
    assert_true(hyphens > 0); /* 150 pt of long words needs some */
    unset(&s);
    /* ragged text is never hyphenated */
    set(&s, "en", para_en, FOLIO_H_LEFT, FOLIO_PT(150));
    for (size_t l = 0; l < s.vb.nlines; l++) {
        const folio_item *last = item(&s, l, s.vb.lines[l].nitems - 1);
        assert_false(last->text[last->len - 1] == '-');
        assert_true(right_of(last) <= FOLIO_PT(150));
        assert_int_equal(last->hscale, 0);
    }
    unset(&s);
}

/* Capitalised words cut at a hyphenation point (a hyphen drawn after a
 * piece that starts with a capital, or continues one), and whether the
 * paragraph's last line starts inside a word. */
static int names_cut(const setting *s, int *last_cut)
{
    int cut = 0;
    *last_cut = 0;
    for (size_t l = 0; l < s->vb.nlines; l++) {
        const vline *ln = &s->vb.lines[l];
        const folio_item *last = item(s, l, ln->nitems - 1);
        if (!(last->len == 1 && last->text[0] == '-'))
            continue;
        const folio_item *piece = item(s, l, ln->nitems - 2);
        if (piece->text[0] >= 'A' && piece->text[0] <= 'Z')
            cut++;
        if (l + 2 == s->vb.nlines)
            *last_cut = 1;
    }
    return cut;
}

static void test_names_kept_whole(void **state)
{
    (void)state;
    /* long names in a narrow measure: the house never cuts them, nor the
     * last word; with the rule off, the same text cuts names */
    const char *text =
        "Representatives of Liechtenstein, Luxembourg, Mozambique, Switzerland, "
        "Madagascar and Kazakhstan welcomed the Intergovernmental Organization for "
        "International Carriage by Rail, the Commissioner and the Organization for "
        "Security and Co-operation in Europe, and the considerable administrative "
        "responsibilities of the intergovernmental organizations concerned with "
        "internationalization.";
    setting s;
    int last_cut;
    set(&s, "en", text, FOLIO_H_JUSTIFY, FOLIO_PT(140));
    assert_int_equal(names_cut(&s, &last_cut), 0);
    assert_false(last_cut);
    unset(&s);
    capitals_rule = 1;
    set(&s, "en", text, FOLIO_H_JUSTIFY, FOLIO_PT(140));
    capitals_rule = -1;
    assert_true(names_cut(&s, &last_cut) > 0);
    unset(&s);
    /* at 97 pt this paragraph would end on a piece of its last word */
    const char *end = "The considerable administrative responsibilities of the "
                      "intergovernmental organizations concerned with internationalization.";
    set(&s, "en", end, FOLIO_H_JUSTIFY, FOLIO_PT(97));
    names_cut(&s, &last_cut);
    assert_false(last_cut);
    unset(&s);
    last_word_rule = 1;
    set(&s, "en", end, FOLIO_H_JUSTIFY, FOLIO_PT(97));
    last_word_rule = -1;
    names_cut(&s, &last_cut);
    assert_true(last_cut);
    unset(&s);
}

static void test_no_hyphen_in_symbols(void **state)
{
    (void)state;
    setting s;
    /* narrow lines full of symbols, numbers and capitals: no hyphen */
    set(&s, "en",
        "See CTOC/COP/WG.4/2021/INF/1/Rev.1 and A/HRC/WG.6/34/ITA/3 with UNODC "
        "UNHCR OHCHR 123456789 98765.4321 CTOC/COP/2020/L.7 ECOSOC INTERPOL "
        "E/CN.3/2025/7 and 2025-2030 again.",
        FOLIO_H_JUSTIFY, FOLIO_PT(120));
    for (size_t l = 0; l < s.vb.nlines; l++)
        for (size_t k = 0; k < s.vb.lines[l].nitems; k++) {
            const folio_item *it = item(&s, l, k);
            assert_false(it->len == 1 && it->text[0] == '-');
        }
    unset(&s);
}

/* Whether `a` and `b` (texts of items) are set on the same line. */
static int same_line(const setting *s, const char *a, const char *b)
{
    long la = -1, lb = -1;
    for (size_t l = 0; l < s->vb.nlines; l++)
        for (size_t k = 0; k < s->vb.lines[l].nitems; k++) {
            const folio_item *it = item(s, l, k);
            if (it->len == strlen(a) && !memcmp(it->text, a, it->len))
                la = (long)l;
            if (it->len == strlen(b) && !memcmp(it->text, b, it->len))
                lb = (long)l;
        }
    assert_true(la >= 0 && lb >= 0);
    return la == lb;
}

/* A width between the natural widths of `head` and of `head` + " 12". */
static int32_t between(const char *head)
{
    char both[200];
    snprintf(both, sizeof both, "%s 12", head);
    int32_t a = folio_text_width(fonts, FOLIO_FACE_REGULAR, 10000, head, strlen(head));
    int32_t b = folio_text_width(fonts, FOLIO_FACE_REGULAR, 10000, both, strlen(both));
    return (a + b) / 2;
}

static void test_no_break_spaces(void **state)
{
    (void)state;
    setting s;
    /* a breaking space: the line ends after "report" */
    int32_t w = between("The Committee considered the report");
    set(&s, "zh", "The Committee considered the report 12 and its annexes.", FOLIO_H_LEFT, w);
    assert_false(same_line(&s, "report", "12"));
    unset(&s);
    /* U+00A0 never breaks: "report" goes down with "12" */
    set(&s, "zh", "The Committee considered the report\xc2\xa0" "12 and its annexes.",
        FOLIO_H_LEFT, w);
    assert_true(same_line(&s, "report", "12"));
    unset(&s);
    /* nor does a space between "paragraph" and a number, in any letter
     * case: the nobreak-after words of the document's language */
    const char *heads[] = {"The Committee considered the paragraph",
                           "The Committee considered the Paragraphs",
                           "El Comité examinó el párrafo", "Комитет рассмотрел пункт"};
    const char *langs[] = {"en", "en", "es", "ru"};
    for (size_t i = 0; i < 4; i++) {
        char text[200];
        snprintf(text, sizeof text, "%s 12 and more.", heads[i]);
        set(&s, langs[i], text, FOLIO_H_LEFT, between(heads[i]));
        const char *word = strrchr(heads[i], ' ') + 1;
        assert_true(same_line(&s, word, "12"));
        unset(&s);
    }
    /* a language without such words (Chinese) lets the line end there */
    set(&s, "zh", "The Committee considered the paragraph 12 and more.", FOLIO_H_LEFT,
        between("The Committee considered the paragraph"));
    assert_false(same_line(&s, "paragraph", "12"));
    unset(&s);
    /* and justified text keeps them together too */
    set(&s, "en", "The Committee considered the paragraph 12 and more words after it.",
        FOLIO_H_JUSTIFY, between("The Committee considered the paragraph"));
    assert_true(same_line(&s, "paragraph", "12"));
    unset(&s);
}

static void test_long_set_paragraph(void **state)
{
    (void)state;
    /* 20,000 words in one paragraph: set, every full line on the margin */
    size_t len = strlen(para_en);
    size_t reps = 20000 / 60;
    char *text = malloc(reps * (len + 1) + 1);
    assert_non_null(text);
    char *o = text;
    for (size_t i = 0; i < reps; i++) {
        memcpy(o, para_en, len);
        o += len;
        *o++ = ' ';
    }
    *o = 0;
    setting s;
    set(&s, "en", text, FOLIO_H_JUSTIFY, FOLIO_PT(425));
    assert_true(s.vb.nlines > 1000);
    for (size_t l = 0; l + 1 < s.vb.nlines; l++) {
        const vline *ln = &s.vb.lines[l];
        assert_true(right_of(item(&s, l, ln->nitems - 1)) <= FOLIO_PT(425));
    }
    unset(&s);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_forced_breaks),
        cmocka_unit_test(test_first_line_width),
        cmocka_unit_test(test_optimal_beats_greedy),
        cmocka_unit_test(test_hyphens_only_when_needed),
        cmocka_unit_test(test_long_paragraph_finishes),
        cmocka_unit_test(test_hyphenation_points),
        cmocka_unit_test(test_paragraph_words),
        cmocka_unit_test(test_justified_edges_and_hyphens),
        cmocka_unit_test(test_names_kept_whole),
        cmocka_unit_test(test_no_hyphen_in_symbols),
        cmocka_unit_test(test_no_break_spaces),
        cmocka_unit_test(test_long_set_paragraph),
    };
    return cmocka_run_group_tests_name("linebreak", tests, setup, teardown);
}
