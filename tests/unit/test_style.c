/* Unit tests of the style stage: labels, dates, lengths, numbering and the
 * masthead strings. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "folio.h"
#include "model/model.h"
#include "style/flow.h"
#include "layout/layout.h"
#include "pdf/pdf.h"
#include "docx/docx.h"
#include "style/style_internal.h"

static void test_labels(void **state)
{
    (void)state;
    folio_arena *a = folio_arena_new();
    assert_string_equal(folio_style_roman(a, 1, 0), "I");
    assert_string_equal(folio_style_roman(a, 4, 0), "IV");
    assert_string_equal(folio_style_roman(a, 14, 0), "XIV");
    assert_string_equal(folio_style_roman(a, 9, 1), "ix");
    assert_string_equal(folio_style_letter(a, 1, 0), "a");
    assert_string_equal(folio_style_letter(a, 26, 1), "Z");
    assert_string_equal(folio_style_letter(a, 27, 0), "aa");
    folio_arena_free(a);
}

static void test_lengths(void **state)
{
    (void)state;
    int32_t v;
    assert_int_equal(folio_house_parse_length("2cm", &v), 0);
    assert_int_equal(v, 56693);
    assert_int_equal(folio_house_parse_length("10pt", &v), 0);
    assert_int_equal(v, 10000);
    assert_int_equal(folio_house_parse_length("12", &v), 0);
    assert_int_equal(v, 12000);
    assert_int_equal(folio_house_parse_length("0.5in", &v), 0);
    assert_int_equal(v, 36000);
    assert_int_not_equal(folio_house_parse_length("2 furlongs", &v), 0);
    assert_int_not_equal(folio_house_parse_length("", &v), 0);
}

static void test_dates(void **state)
{
    (void)state;
    folio_arena *a = folio_arena_new();
    folio_ctx *ctx = NULL;
    folio_house h;
    folio_ctx_new("t", &ctx);
    assert_int_equal(folio_house_load(ctx, a, NULL, &h), 0);
    assert_string_equal(folio_style_format_date(a, &h, "en", "2019-08-14"), "14 August 2019");
    assert_string_equal(folio_style_format_date(a, &h, "es", "2021-10-13"), "13 de octubre de 2021");
    assert_string_equal(folio_style_format_date(a, &h, "fr", "2021-03-01"), "1er mars 2021");
    assert_null(folio_style_format_date(a, &h, "en", "2021-13-01"));
    assert_null(folio_style_format_date(a, &h, "en", "yesterday"));
    folio_ctx_free(ctx);
    folio_arena_free(a);
}

static void test_bad_style_file(void **state)
{
    (void)state;
    folio_arena *a = folio_arena_new();
    folio_ctx *ctx = NULL;
    folio_house h;
    folio_ctx_new("t", &ctx);
    assert_int_equal(folio_house_parse(ctx, a, "x.style", "[document]\nno equals sign\n", &h),
                     FOLIO_E_STYLE);
    assert_non_null(strstr(folio_last_error(ctx), "x.style:2"));
    folio_ctx_free(ctx);
    folio_arena_free(a);
}

/* A report built by hand: a chapter, two numbered paragraphs with wrong
 * typed numbers, two items, an annex restarting the numbering. */
static folio_report *sample(void)
{
    folio_report *r = NULL;
    folio_report_new(NULL, "t.md", &r);
    folio_arena *a = r->arena;
    static folio_run run = {FOLIO_RUN_TEXT, 0, "text", NULL, 0, NULL, {0, 0}};
    folio_block *b = folio_alloc(a, 8 * sizeof *b);
    b[0] = (folio_block){.kind = FOLIO_BLOCK_HEADING, .level = 1,
                         .label_kind = FOLIO_LABEL_ROMAN, .runs = &run, .nruns = 1};
    b[1] = (folio_block){.kind = FOLIO_BLOCK_PARAGRAPH, .numbered = 1, .label = "7.",
                         .runs = &run, .nruns = 1};
    b[2] = (folio_block){.kind = FOLIO_BLOCK_ITEM, .level = 1, .label_kind = FOLIO_LABEL_LOWER,
                         .runs = &run, .nruns = 1};
    b[3] = (folio_block){.kind = FOLIO_BLOCK_ITEM, .level = 1, .label_kind = FOLIO_LABEL_LOWER,
                         .runs = &run, .nruns = 1};
    b[4] = (folio_block){.kind = FOLIO_BLOCK_PARAGRAPH, .numbered = 1, .runs = &run, .nruns = 1};
    b[5] = (folio_block){.kind = FOLIO_BLOCK_ANNEX, .label = "Annex"};
    b[6] = (folio_block){.kind = FOLIO_BLOCK_HEADING, .level = 1,
                         .label_kind = FOLIO_LABEL_ROMAN, .runs = &run, .nruns = 1};
    b[7] = (folio_block){.kind = FOLIO_BLOCK_PARAGRAPH, .numbered = 1, .runs = &run, .nruns = 1};
    r->blocks = b;
    r->nblocks = 8;
    r->meta.symbol = "A/HRC/WG.6/34/ITA/3";
    r->meta.date = "2019-08-14";
    r->meta.language = "ru";
    r->meta.original_language = "en";
    r->meta.job_number = "GE.19-13879";
    return r;
}

static void test_numbering(void **state)
{
    (void)state;
    folio_ctx *ctx = NULL;
    folio_flow *f = NULL;
    folio_report *r = sample();
    folio_ctx_new("t.md", &ctx);
    assert_int_equal(folio_style_apply(ctx, r, NULL, &f), 0);
    assert_string_equal(f->blocks[0].label, "I.");
    assert_string_equal(f->blocks[0].style->name, "UNH1");
    assert_string_equal(f->blocks[1].label, "1.");
    assert_string_equal(f->blocks[2].label, "(a)");
    assert_string_equal(f->blocks[3].label, "(b)");
    assert_string_equal(f->blocks[4].label, "2.");
    assert_string_equal(f->blocks[5].style->name, "UNAnnex");
    assert_string_equal(f->blocks[6].label, "I.");
    assert_string_equal(f->blocks[7].label, "1.");
    assert_int_equal(f->blocks[f->nblocks - 1].kind, FOLIO_FLOW_END_RULE);
    folio_flow_free(f);
    folio_report_free(r);
    folio_ctx_free(ctx);
}

static void test_masthead_russian(void **state)
{
    (void)state;
    folio_ctx *ctx = NULL;
    folio_flow *f = NULL;
    folio_report *r = sample();
    folio_ctx_new("t.md", &ctx);
    assert_int_equal(folio_style_apply(ctx, r, NULL, &f), 0);
    /* Russian keeps the right-hand block in English (un-format.md 5.1) */
    assert_string_equal(f->mast.distribution, "Distr.: General");
    assert_string_equal(f->mast.date, "14 August 2019");
    assert_string_equal(f->mast.language_line, "Russian");
    assert_string_equal(f->mast.original_line, "Original: English");
    assert_string_equal(f->mast.symbol_head, "A");
    assert_string_equal(f->mast.symbol_tail, "/HRC/WG.6/34/ITA/3");
    /* Geneva job numbers take no space before the letter */
    assert_string_equal(f->mast.job_line, "GE.19-13879(R)");
    assert_string_equal(f->mast.barcode, "1913879");
    assert_string_equal(f->page.paper, "A4");
    assert_string_equal(f->mast.qr_url, "https://undocs.org/ru/A/HRC/WG.6/34/ITA/3");
    folio_flow_free(f);
    folio_report_free(r);
    folio_ctx_free(ctx);
}

static void test_overrides(void **state)
{
    (void)state;
    folio_ctx *ctx = NULL;
    folio_flow *f = NULL;
    folio_report *r = sample();
    folio_style_options o = {0};
    o.language = "es";
    o.station = "new-york";
    o.job_number = "21-02065";
    folio_ctx_new("t.md", &ctx);
    assert_int_equal(folio_style_apply(ctx, r, &o, &f), 0);
    assert_string_equal(f->mast.distribution, "Distr. general");
    assert_string_equal(f->mast.original_line, "Original: inglés");
    assert_string_equal(f->mast.language_line, "Español");
    assert_string_equal(f->mast.job_line, "21-02065 (S)");
    assert_string_equal(f->page.paper, "Letter");
    assert_string_equal(f->blocks[2].label, "a)"); /* Spanish drops "(" */
    folio_flow_free(f);
    folio_report_free(r);
    folio_ctx_free(ctx);
}

static void test_bad_date(void **state)
{
    (void)state;
    folio_ctx *ctx = NULL;
    folio_flow *f = NULL;
    folio_report *r = sample();
    r->meta.date = "2019-14-40";
    folio_ctx_new("t.md", &ctx);
    assert_int_equal(folio_style_apply(ctx, r, NULL, &f), FOLIO_E_INPUT);
    assert_null(f);
    assert_non_null(strstr(folio_last_error(ctx), "2019-14-40"));
    folio_report_free(r);
    folio_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_labels),          cmocka_unit_test(test_lengths),
        cmocka_unit_test(test_dates),           cmocka_unit_test(test_bad_style_file),
        cmocka_unit_test(test_numbering),       cmocka_unit_test(test_masthead_russian),
        cmocka_unit_test(test_overrides),       cmocka_unit_test(test_bad_date),
    };
    return cmocka_run_group_tests_name("style", tests, NULL, NULL);
}
