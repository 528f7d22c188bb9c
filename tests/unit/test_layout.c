/* Unit tests of the layout stage: line breaking, justification, page
 * breaking without widows or orphans, notes on the page of their marker,
 * running heads. Reports are built by hand so only layout is under test. */
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
#include "layout/layout_internal.h"
#include "layout/block_look.h"

#include "fonts_fixture.h"

/* The breaker itself is tested in test_linebreak.c. */

static void test_widths(void **state)
{
    (void)state;
    /* Liberation Serif matches Times New Roman: space 250, "a" 444 units */
    assert_int_equal(folio_glyph_width(fonts, FOLIO_FACE_REGULAR, ' '), 250);
    assert_int_equal(folio_glyph_width(fonts, FOLIO_FACE_REGULAR, 'a'), 443);
    assert_int_equal(folio_text_width(fonts, FOLIO_FACE_REGULAR, 10000, "aa", 2), 8860);
    assert_true(folio_glyph_width(fonts, FOLIO_FACE_REGULAR, 0x0416) > 0); /* Cyrillic */
}

static const char *lorem =
    "The Working Group recommended that the Conference of the Parties consider "
    "the following recommendations for adoption, taking into account the views "
    "expressed by States and the need to strengthen international cooperation "
    "in the prevention of trafficking in persons and the protection of victims.";

/* A report of `n` numbered paragraphs of `k` sentences each; paragraph
 * `note_at` carries a footnote. */
static folio_report *report_of(int n, int k, int note_at)
{
    folio_report *r = NULL;
    folio_report_new(NULL, "t.md", &r);
    folio_arena *a = r->arena;
    folio_block *b = folio_alloc(a, (size_t)n * sizeof *b);
    size_t len = strlen(lorem) * (size_t)k + (size_t)k;
    char *text = folio_alloc(a, len + 1);
    for (int i = 0; i < k; i++) {
        strcat(text, lorem);
        strcat(text, " ");
    }
    folio_note *note = folio_alloc(a, sizeof *note);
    folio_block *nb = folio_alloc(a, sizeof *nb);
    folio_run *nr = folio_alloc(a, sizeof *nr);
    nr->kind = FOLIO_RUN_TEXT;
    nr->text = "A note that explains the paragraph.";
    *nb = (folio_block){.kind = FOLIO_BLOCK_PARAGRAPH, .runs = nr, .nruns = 1};
    note->id = "1";
    note->blocks = nb;
    note->nblocks = 1;
    r->notes = folio_alloc(a, sizeof *r->notes);
    r->notes[0] = note;
    r->nnotes = 1;
    for (int i = 0; i < n; i++) {
        folio_run *runs = folio_alloc(a, 2 * sizeof *runs);
        runs[0].kind = FOLIO_RUN_TEXT;
        runs[0].text = text;
        b[i] = (folio_block){.kind = FOLIO_BLOCK_PARAGRAPH, .numbered = 1, .runs = runs,
                             .nruns = 1};
        if (i == note_at) {
            runs[1].kind = FOLIO_RUN_NOTE_REF;
            runs[1].note = note;
            b[i].nruns = 2;
        }
    }
    r->blocks = b;
    r->nblocks = (size_t)n;
    r->meta.symbol = "A/1/2";
    r->meta.date = "2020-01-01";
    r->meta.station = "geneva";
    r->meta.title = "Title";
    return r;
}

static folio_layout *lay(folio_report *r, folio_flow **f)
{
    folio_ctx *ctx = NULL;
    folio_layout *l = NULL;
    folio_ctx_new("t.md", &ctx);
    assert_int_equal(folio_style_apply(ctx, r, NULL, fonts, f), 0);
    assert_int_equal(folio_layout_run(ctx, *f, fonts, &l), 0);
    folio_ctx_free(ctx);
    return l;
}

/* Body lines of a page (10 pt text in the column), top to bottom, with
 * whether each starts a paragraph (carries an "N." label). */
static int body_lines(const folio_page *p, const folio_flow *f, int32_t *ys, int *starts,
                      int max)
{
    int n = 0;
    for (size_t i = 0; i < p->nitems; i++) {
        const folio_item *it = &p->items[i];
        if (it->kind != FOLIO_ITEM_TEXT || it->size != 10000 || it->x < f->page.column_left ||
            it->y < FOLIO_PT(70))
            continue;
        int k = 0;
        while (k < n && ys[k] != it->y)
            k++;
        if (k == n) {
            if (n == max)
                continue;
            ys[n] = it->y;
            starts[n++] = 0;
        }
        if (it->x == f->page.column_left && it->len > 1 && it->text[it->len - 1] == '.' &&
            it->text[0] >= '0' && it->text[0] <= '9')
            starts[k] = 1;
    }
    return n;
}

static void test_justified_lines_reach_the_edge(void **state)
{
    (void)state;
    folio_flow *f;
    folio_report *r = report_of(1, 3, -1);
    folio_layout *l = lay(r, &f);
    /* the rightmost text end on every full line is the column's right edge */
    const folio_page *p = &l->pages[0];
    int32_t right = 0;
    for (size_t i = 0; i < p->nitems; i++) {
        const folio_item *it = &p->items[i];
        if (it->kind == FOLIO_ITEM_TEXT && it->size == 10000 && it->y > FOLIO_PT(300)) {
            int32_t w = folio_text_width(fonts, it->face, it->size, it->text, it->len);
            /* font expansion of justified lines: the glyph scale, 1/1000 */
            int32_t end = it->x + (int32_t)((int64_t)w * (it->hscale ? it->hscale : 1000) / 1000);
            if (end > right)
                right = end;
        }
    }
    if (right > f->page.column_right)
        fprintf(stderr, "right %d column %d\n", right, f->page.column_right);
    assert_true(right <= f->page.column_right);
    assert_true(right >= f->page.column_right - 10);
    folio_layout_free(l);
    folio_flow_free(f);
    folio_report_free(r);
}

static void test_no_widows_or_orphans(void **state)
{
    (void)state;
    /* Vary paragraph length so page ends fall at every line of a paragraph. */
    for (int k = 1; k <= 4; k++) {
        folio_flow *f;
        folio_report *r = report_of(40, k, -1);
        folio_layout *l = lay(r, &f);
        assert_true(l->npages >= 2);
        for (size_t p = 0; p < l->npages; p++) {
            int32_t ys[128];
            int starts[128];
            int n = body_lines(&l->pages[p], f, ys, starts, 128);
            if (n < 3)
                continue;
            /* orphan: a paragraph's first line alone at the foot */
            if (p + 1 < l->npages)
                assert_false(starts[n - 1]);
            /* widow: a paragraph's last line alone at the head */
            if (p > 0 && !starts[0])
                assert_false(starts[1]);
        }
        folio_layout_free(l);
        folio_flow_free(f);
        folio_report_free(r);
    }
}

static void test_note_on_marker_page(void **state)
{
    (void)state;
    for (int at = 5; at < 30; at += 4) {
        folio_flow *f;
        folio_report *r = report_of(30, 2, at);
        folio_layout *l = lay(r, &f);
        /* the page with the 9 pt note text also carries the 6 pt marker */
        int note_page = -1, mark_page = -1;
        for (size_t p = 0; p < l->npages; p++)
            for (size_t i = 0; i < l->pages[p].nitems; i++) {
                const folio_item *it = &l->pages[p].items[i];
                if (it->kind == FOLIO_ITEM_TEXT && it->size == 9000 &&
                    !strncmp(it->text, "explains", 8))
                    note_page = (int)p;
                if (it->kind == FOLIO_ITEM_TEXT && it->size == 6000 && it->len == 1 &&
                    it->text[0] == '1' && it->x > f->page.column_left)
                    mark_page = (int)p;
            }
        assert_true(note_page >= 0);
        assert_int_equal(note_page, mark_page);
        folio_layout_free(l);
        folio_flow_free(f);
        folio_report_free(r);
    }
}

static void test_running_heads(void **state)
{
    (void)state;
    folio_flow *f;
    folio_report *r = report_of(40, 2, -1);
    folio_layout *l = lay(r, &f);
    assert_true(l->npages >= 3);
    for (size_t p = 1; p < 3; p++) {
        const folio_page *pg = &l->pages[p];
        int found = 0;
        for (size_t i = 0; i < pg->nitems; i++) {
            const folio_item *it = &pg->items[i];
            if (it->kind == FOLIO_ITEM_TEXT && it->len == 5 && !memcmp(it->text, "A/1/2", 5)) {
                found = 1;
                if (pg->number % 2 == 0)
                    assert_int_equal(it->x, f->page.frame_left); /* even: left */
                else
                    assert_true(it->x > f->page.width / 2); /* odd: right */
                assert_int_equal(it->face, FOLIO_FACE_BOLD);
            }
        }
        assert_true(found);
    }
    folio_layout_free(l);
    folio_flow_free(f);
    folio_report_free(r);
}

/* A paragraph block of the given runs (text, style) and line count. */
static int looks_like_heading(const char *a, unsigned sa, const char *b, unsigned sb,
                              size_t lines)
{
    folio_run runs[2] = {{0}};
    runs[0].kind = runs[1].kind = FOLIO_RUN_TEXT;
    runs[0].text = a;
    runs[0].style = sa;
    runs[1].text = b;
    runs[1].style = sb;
    folio_fblock fb = {0};
    fb.kind = FOLIO_FLOW_PARA;
    fb.runs = runs;
    fb.nruns = b ? 2 : 1;
    vblock vb = {0};
    vb.nlines = lines;
    return folio_look_heading(&fb, &vb);
}

static void test_headings_by_look(void **state)
{
    (void)state;
    /* bold or italic throughout, not ending a sentence: a heading */
    assert_true(looks_like_heading("Lettered sub-subheading", FOLIO_STRONG, NULL, 0, 1));
    assert_true(looks_like_heading("At the national level:", FOLIO_EMPH, NULL, 0, 1));
    assert_true(looks_like_heading("Bold", FOLIO_STRONG, " ", 0, 1));
    assert_true(looks_like_heading("The title in quotes \xE2\x80\x9C" "as given\xE2\x80\x9D",
                                   FOLIO_STRONG, NULL, 0, 2));
    /* a sentence, mixed text, or a long block: not a heading */
    assert_false(looks_like_heading("The Council adopted the report.", FOLIO_STRONG, NULL, 0, 1));
    assert_false(looks_like_heading("It said \xE2\x80\x9C" "no.\xE2\x80\x9D", FOLIO_STRONG, NULL, 0,
                                    1));
    assert_false(looks_like_heading("Rapporteur", FOLIO_EMPH, ": Ms. Grisle", 0, 1));
    assert_false(looks_like_heading("A long bold passage", FOLIO_STRONG, NULL, 0, 4));
    assert_false(looks_like_heading("Plain", 0, NULL, 0, 1));
    /* lead-ins end with a colon */
    folio_run r = {0};
    r.kind = FOLIO_RUN_TEXT;
    r.text = "The Council decided:";
    folio_fblock fb = {0};
    fb.kind = FOLIO_FLOW_PARA;
    fb.runs = &r;
    fb.nruns = 1;
    assert_true(folio_look_lead_in(&fb));
    r.text = "The Council decided.";
    assert_false(folio_look_lead_in(&fb));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_widths),
        cmocka_unit_test(test_justified_lines_reach_the_edge),
        cmocka_unit_test(test_no_widows_or_orphans),
        cmocka_unit_test(test_note_on_marker_page),
        cmocka_unit_test(test_running_heads),
        cmocka_unit_test(test_headings_by_look),
    };
    return cmocka_run_group_tests_name("layout", tests, setup, teardown);
}
