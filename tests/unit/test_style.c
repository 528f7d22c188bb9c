/* Unit tests of the style stage: labels, dates, lengths, numbering and the
 * masthead strings. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "folio.h"
#include "model/model.h"
#include "style/flow.h"
#include "layout/layout.h"
#include "pdf/pdf.h"
#include "docx/docx.h"
#include "style/style_internal.h"
#include "fonts_fixture.h"

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
    folio_house *h;
    folio_ctx_new("t", &ctx);
    assert_int_equal(folio_house_load(ctx, NULL, &h), 0);
    assert_string_equal(folio_style_format_date(a, h, "en", "2019-08-14"), "14 August 2019");
    assert_string_equal(folio_style_format_date(a, h, "es", "2021-10-13"), "13 de octubre de 2021");
    assert_string_equal(folio_style_format_date(a, h, "fr", "2021-03-01"), "1er mars 2021");
    assert_string_equal(folio_style_format_date(a, h, "zh", "2008-10-08"), "2008年10月8日");
    assert_null(folio_style_format_date(a, h, "en", "2021-13-01"));
    assert_null(folio_style_format_date(a, h, "en", "yesterday"));
    folio_house_free(h);
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
    assert_int_equal(folio_style_apply(ctx, r, NULL, fonts, &f), 0);
    assert_string_equal(f->blocks[0].label, "I.");
    assert_string_equal(f->blocks[0].style->name, "UNH1");
    /* a typed number is printed as typed; the untyped one follows it */
    assert_string_equal(f->blocks[1].label, "7.");
    assert_string_equal(f->blocks[2].label, "(a)");
    assert_string_equal(f->blocks[3].label, "(b)");
    assert_string_equal(f->blocks[4].label, "8.");
    assert_string_equal(f->blocks[5].style->name, "UNAnnex");
    assert_string_equal(f->blocks[6].label, "I.");
    assert_string_equal(f->blocks[7].label, "1.");
    assert_int_equal(f->blocks[f->nblocks - 1].kind, FOLIO_FLOW_END_RULE);
    folio_flow_free(f);
    folio_report_free(r);
    folio_ctx_free(ctx);
}

/* A report built in code, without typed numbers: the paragraphs count on
 * across a resolution, whose operative paragraphs count from 1; a list
 * inside a paragraph counts from 1; an annex of the resolution is
 * "Annex" (its label) and counts from 1. */
static void test_part_numbering(void **state)
{
    (void)state;
    folio_ctx *ctx = NULL;
    folio_flow *f = NULL;
    folio_report *r = NULL;
    folio_report_new(NULL, "t.md", &r);
    static folio_run run = {FOLIO_RUN_TEXT, 0, "text", NULL, 0, NULL, {0, 0}};
    folio_block *b = folio_alloc(r->arena, 16 * sizeof *b);
    size_t n = 0;
#define P(...) b[n++] = (folio_block){__VA_ARGS__, .runs = &run, .nruns = 1}
    P(.kind = FOLIO_BLOCK_PARAGRAPH, .numbered = 1);
    b[n++] = (folio_block){.kind = FOLIO_BLOCK_PART, .part = FOLIO_PART_LIST};
    P(.kind = FOLIO_BLOCK_ITEM, .level = 1, .label_kind = FOLIO_LABEL_ARABIC);
    P(.kind = FOLIO_BLOCK_ITEM, .level = 1, .label_kind = FOLIO_LABEL_ARABIC);
    b[n++] = (folio_block){.kind = FOLIO_BLOCK_PART_END};
    P(.kind = FOLIO_BLOCK_PARAGRAPH, .numbered = 1);
    b[n++] = (folio_block){.kind = FOLIO_BLOCK_PART, .part = FOLIO_PART_RESOLUTION};
    P(.kind = FOLIO_BLOCK_PARAGRAPH, .role = FOLIO_ROLE_PREAMBLE);
    P(.kind = FOLIO_BLOCK_PARAGRAPH, .numbered = 1, .role = FOLIO_ROLE_OPERATIVE);
    P(.kind = FOLIO_BLOCK_PARAGRAPH, .numbered = 1, .role = FOLIO_ROLE_OPERATIVE);
    b[n++] = (folio_block){.kind = FOLIO_BLOCK_PART, .part = FOLIO_PART_ANNEX};
    P(.kind = FOLIO_BLOCK_PARAGRAPH, .numbered = 1);
    b[n++] = (folio_block){.kind = FOLIO_BLOCK_PART_END};
    b[n++] = (folio_block){.kind = FOLIO_BLOCK_PART_END};
    P(.kind = FOLIO_BLOCK_PARAGRAPH, .numbered = 1);
#undef P
    r->blocks = b;
    r->nblocks = n;
    r->meta.symbol = "A/80/1";
    r->meta.date = "2025-01-02";
    folio_ctx_new("t.md", &ctx);
    assert_int_equal(folio_style_apply(ctx, r, NULL, fonts, &f), 0);
    const char *want[] = {"1.", "1.", "2.", "2.", NULL, "1.", "2.", "Annex", "1.", "3."};
    size_t k = 0;
    for (size_t i = 0; i < f->nblocks && k < sizeof want / sizeof want[0]; i++, k++) {
        const folio_fblock *fb = &f->blocks[i];
        if (k == 7) { /* the annex's line: its text */
            assert_string_equal(fb->runs[0].text, want[k]);
            continue;
        }
        if (want[k])
            assert_string_equal(fb->label, want[k]);
        else
            assert_null(fb->label);
    }
    assert_int_equal(k, sizeof want / sizeof want[0]);
    assert_string_equal(f->blocks[1].style->name, "UNListItem");
    assert_string_equal(f->blocks[5].style->name, "UNOperative");
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
    assert_int_equal(folio_style_apply(ctx, r, NULL, fonts, &f), 0);
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
    assert_int_equal(folio_style_apply(ctx, r, &o, fonts, &f), 0);
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
    assert_int_equal(folio_style_apply(ctx, r, NULL, fonts, &f), FOLIO_E_INPUT);
    assert_null(f);
    assert_non_null(strstr(folio_last_error(ctx), "2019-14-40"));
    folio_report_free(r);
    folio_ctx_free(ctx);
}

/* ---- The furniture plan ------------------------------------------------- */

static folio_flow *plan_of(folio_report *r, const folio_style_options *o)
{
    folio_ctx *ctx = NULL;
    folio_flow *f = NULL;
    folio_ctx_new("t.md", &ctx);
    if (folio_style_apply(ctx, r, o, fonts, &f))
        fail_msg("folio_style_apply: %s", folio_last_error(ctx));
    folio_ctx_free(ctx);
    return f;
}

/* Geneva, a Russian translation: every element where the house style
 * puts it, widths from the fonts. */
static void test_plan_geneva(void **state)
{
    (void)state;
    folio_report *r = sample();
    r->meta.organ = "General Assembly";
    folio_flow *f = plan_of(r, NULL);
    const folio_furniture *u = &f->furn;
    int32_t fl = f->page.frame_left, fr = f->page.frame_right;
    assert_string_equal(u->class_name, "report");
    /* the long Russian wordmark starts near the frame */
    assert_string_equal(u->wordmark.text, "Организация Объединенных Наций");
    assert_int_equal(u->wordmark.x, fl + FOLIO_PT(7.3));
    assert_int_equal(u->wordmark.size, FOLIO_PT(14));
    assert_int_equal(u->wordmark.y, FOLIO_PT(50));
    /* the symbol ends at the frame: head 20 pt, tail 10 pt */
    assert_string_equal(u->symbol_head.text, "A");
    assert_int_equal(u->symbol_head.size, FOLIO_PT(20));
    assert_int_equal(u->symbol_tail.size, FOLIO_PT(10));
    assert_int_equal(u->symbol_tail.x + u->symbol_tail.width, fr);
    assert_int_equal(u->symbol_head.x + u->symbol_head.width, u->symbol_tail.x);
    assert_int_equal(u->symbol_tail.width,
                     folio_text_width(fonts, FOLIO_FACE_REGULAR, FOLIO_PT(10),
                                      "/HRC/WG.6/34/ITA/3", 18));
    assert_int_equal(u->thin_rule.y, FOLIO_PT(57));
    assert_int_equal(u->thin_rule.thickness, FOLIO_PT(0.5));
    assert_int_equal(u->thin_rule.w, fr - fl);
    assert_int_equal(u->thick_rule.y, FOLIO_PT(199.7));
    assert_int_equal(u->thick_rule.thickness, FOLIO_PT(1.5));
    assert_non_null(u->emblem_art);
    assert_int_equal(u->emblem.x, fl + FOLIO_PT(4));
    assert_int_equal(u->emblem.w, FOLIO_PT(54));
    assert_int_equal(u->emblem.h, FOLIO_PT(44));
    /* the organ at 20 pt bold on one line, first baseline 80 pt */
    assert_int_equal(u->organ.nlines, 1);
    assert_string_equal(u->organ.lines[0], "General Assembly");
    assert_int_equal(u->organ.size, FOLIO_PT(20));
    assert_int_equal(u->organ.face, FOLIO_FACE_BOLD);
    assert_int_equal(u->organ.leading, FOLIO_PT(22));
    assert_int_equal(u->organ.y, FOLIO_PT(80));
    assert_int_equal(u->organ.x, fl + FOLIO_PT(63.1));
    /* the block: four lines from 78.9 pt, 12 pt apart, in English */
    assert_string_equal(u->block[0].text, "Distr.: General");
    assert_string_equal(u->block[2].text, "Russian");
    assert_string_equal(u->block[3].text, "Original: English");
    assert_int_equal(u->block[3].y, FOLIO_PT(114.9));
    assert_int_equal(u->block[0].x, fl + FOLIO_PT(335.5));
    /* the footer: job line, bars of 0.6 pt modules 14 pt high, their line */
    assert_string_equal(u->job.text, "GE.19-13879(R)");
    assert_int_equal(u->job.y, f->page.first_footer_top + FOLIO_PT(15.4));
    assert_string_equal(u->barcode.payload, "1913879");
    assert_int_equal(u->barcode.module, FOLIO_PT(0.6));
    assert_int_equal(u->barcode.box.h, FOLIO_PT(14));
    assert_int_equal(u->barcode.box.w, (int32_t)(u->barcode.art->width * FOLIO_PT(0.6)));
    assert_true(u->barcode.art->height * FOLIO_PT(0.6) > FOLIO_PT(13.99) &&
                u->barcode.art->height * FOLIO_PT(0.6) < FOLIO_PT(14.01));
    assert_string_equal(u->barcode.text, "*1913879*");
    assert_int_equal(u->barcode.font.size, FOLIO_PT(8));
    for (int i = 0; i < 8; i++)
        assert_true(u->barcode.char_x[i] < u->barcode.char_x[i + 1]);
    /* the QR code 6 pt inside the frame, 44.2 pt square */
    assert_int_equal(u->qr.w, FOLIO_PT(44.2));
    assert_int_equal(u->qr.x + u->qr.w, fr - FOLIO_PT(6));
    assert_non_null(u->qr_art);
    /* the long Russian "Please recycle" moves left to end before the code */
    assert_int_equal(u->recycle.size, FOLIO_PT(9));
    assert_int_equal(u->recycle.face, FOLIO_FACE_BOLD);
    assert_true(u->recycle.x < fl + FOLIO_PT(340.4));
    assert_int_equal(u->recycle_mark.x, u->recycle.x + u->recycle.width + FOLIO_PT(3));
    assert_int_equal(u->recycle_mark.x + u->recycle_mark.w, u->qr.x - FOLIO_PT(10));
    assert_int_equal(u->recycle_mark.w, FOLIO_PT(17));
    /* later pages: symbol outside, page numbers "2", the job number of a
     * translation inside at 8 pt */
    assert_string_equal(u->head.text, "A/HRC/WG.6/34/ITA/3");
    assert_int_equal(u->head.even, FOLIO_SIDE_LEFT);
    assert_int_equal(u->head.odd, FOLIO_SIDE_RIGHT);
    assert_int_equal(u->head.rule.thickness, FOLIO_PT(0.5));
    assert_int_equal(u->head.font.size, FOLIO_PT(9));
    assert_int_equal(u->folio.of_total, 0);
    assert_int_equal(u->folio.even, FOLIO_SIDE_LEFT);
    assert_string_equal(u->later_job.text, "GE.19-13879");
    assert_int_equal(u->later_job.font.size, FOLIO_PT(8));
    assert_int_equal(u->later_job.even, FOLIO_SIDE_RIGHT);
    assert_int_equal(u->later_job.y, f->page.footer_baseline - FOLIO_PT(1.5));
    folio_flow_free(f);
    folio_report_free(r);
}

/* New York: the masthead 7.8 pt lower, "n/N", the job number always. */
static void test_plan_new_york(void **state)
{
    (void)state;
    folio_report *r = sample();
    r->meta.language = "en";
    folio_style_options o = {0};
    o.station = "new-york";
    o.job_number = "24-22861";
    folio_flow *f = plan_of(r, &o);
    const folio_furniture *u = &f->furn;
    assert_string_equal(u->wordmark.text, "United Nations");
    assert_int_equal(u->wordmark.x, f->page.frame_left + FOLIO_PT(63.1));
    assert_int_equal(u->wordmark.y, FOLIO_PT(57.8));
    assert_int_equal(u->thin_rule.y, FOLIO_PT(64.8));
    assert_int_equal(u->thick_rule.y, FOLIO_PT(207.5));
    assert_int_equal(u->lines_y, FOLIO_PT(225.4));
    assert_null(u->block[2].text); /* an original: no language line */
    assert_int_equal(u->folio.of_total, 1);
    assert_string_equal(u->later_job.text, "24-22861");
    assert_int_equal(u->later_job.font.size, FOLIO_PT(7));
    assert_int_equal(u->later_job.font.face, FOLIO_FACE_REGULAR);
    assert_string_equal(u->job.text, "24-22861 (E)");
    folio_flow_free(f);
    folio_report_free(r);
}

/* A resolution: no "Original" line, everything else. An HRC resolution
 * is a report (the official A/HRC/RES/59/25 prints the line). */
static void test_plan_resolution(void **state)
{
    (void)state;
    folio_report *r = sample();
    r->meta.language = "en";
    r->meta.symbol = "A/RES/74/176";
    folio_flow *f = plan_of(r, NULL);
    const folio_furniture *u = &f->furn;
    assert_string_equal(u->class_name, "resolution");
    assert_string_equal(u->block[0].text, "Distr.: General");
    assert_string_equal(u->block[1].text, "14 August 2019");
    assert_null(u->block[3].text);
    assert_int_equal(u->block[3].y, FOLIO_PT(114.9)); /* its place stays */
    assert_string_equal(u->wordmark.text, "United Nations");
    assert_int_equal(u->emblem.w, FOLIO_PT(54));
    assert_non_null(u->qr_url);
    folio_flow_free(f);

    r->meta.symbol = "A/HRC/RES/59/25";
    f = plan_of(r, NULL);
    assert_string_equal(f->furn.class_name, "report");
    assert_string_equal(f->furn.block[3].text, "Original: English");
    folio_flow_free(f);

    /* no symbol: the title says it */
    r->meta.symbol = NULL;
    r->meta.title = "Resolution adopted by the General Assembly on 18 December 2019";
    folio_ctx *ctx = NULL;
    folio_ctx_new("t.md", &ctx);
    assert_int_equal(folio_style_apply(ctx, r, NULL, fonts, &f), 0);
    assert_string_equal(f->furn.class_name, "resolution");
    folio_flow_free(f);
    folio_ctx_free(ctx);
    folio_report_free(r);
}

/* States parties: no wordmark, no emblem. Executive Boards: the body at
 * the frame's width, pages numbered "2" even in New York. */
static void test_plan_classes(void **state)
{
    (void)state;
    folio_report *r = sample();
    r->meta.symbol = "CCPR/SP/80/1";
    folio_flow *f = plan_of(r, NULL);
    assert_string_equal(f->furn.class_name, "states-parties");
    assert_null(f->furn.wordmark.text);
    assert_int_equal(f->furn.emblem.w, 0);
    assert_null(f->furn.emblem_art);
    assert_string_equal(f->furn.symbol_head.text, "CCPR");
    assert_string_equal(f->furn.block[3].text, "Original: English");
    folio_flow_free(f);

    r->meta.symbol = "DP/FPA/2025/1";
    folio_style_options o = {0};
    o.station = "new-york";
    f = plan_of(r, &o);
    assert_string_equal(f->furn.class_name, "executive-board");
    assert_int_equal(f->page.column_left, f->page.frame_left);
    assert_int_equal(f->page.column_right, f->page.frame_right);
    assert_int_equal(f->furn.folio.of_total, 0);
    assert_string_equal(f->furn.wordmark.text, "Организация Объединенных Наций");
    folio_flow_free(f);
    folio_report_free(r);
}

/* A measure the house style lacks is an error that names it. */
static void test_plan_needs_measures(void **state)
{
    (void)state;
    folio_ctx *ctx = NULL;
    folio_house *h = NULL;
    folio_report *r = sample();
    folio_flow *f = plan_of(r, NULL);
    char path[] = "/tmp/folio-test-style-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    static const char text[] = "[masthead]\nelements = wordmark\n";
    assert_int_equal(write(fd, text, sizeof text - 1), (ssize_t)(sizeof text - 1));
    close(fd);
    folio_ctx_new("t", &ctx);
    assert_int_equal(folio_house_load(ctx, path, &h), 0);
    unlink(path);
    assert_int_equal(folio_style_furniture(ctx, h, fonts, "report", f), FOLIO_E_STYLE);
    assert_non_null(strstr(folio_last_error(ctx), "[masthead] lacks `top-baseline`"));
    folio_house_free(h);
    /* and the stage cannot plan without fonts */
    folio_ctx_free(ctx);
    folio_ctx_new("t", &ctx);
    folio_flow *g = NULL;
    assert_int_equal(folio_style_apply(ctx, r, NULL, NULL, &g), FOLIO_E_USAGE);
    assert_null(g);
    folio_ctx_free(ctx);
    folio_flow_free(f);
    folio_report_free(r);
}

/* The organ breaks where the layout would, at the largest size that
 * keeps it within its lines. */
static void test_plan_long_organ(void **state)
{
    (void)state;
    folio_report *r = sample();
    r->meta.organ = "Conference of the Parties to the United Nations Convention "
                    "against Transnational Organized Crime";
    folio_flow *f = plan_of(r, NULL);
    const folio_furniture *u = &f->furn;
    assert_true(u->organ.size < FOLIO_PT(20));
    assert_true(u->organ.nlines >= 2);
    int32_t width = u->organ.right - u->organ.x;
    int32_t space = folio_text_width(fonts, FOLIO_FACE_BOLD, u->organ.size, " ", 1);
    for (size_t i = 0; i < u->organ.nlines; i++) {
        const char *ln = u->organ.lines[i];
        assert_true(folio_text_width(fonts, FOLIO_FACE_BOLD, u->organ.size, ln, strlen(ln)) <=
                    width);
        if (i + 1 < u->organ.nlines) { /* the next word would not have fit */
            const char *next = u->organ.lines[i + 1];
            size_t k = strcspn(next, " ");
            assert_true(folio_text_width(fonts, FOLIO_FACE_BOLD, u->organ.size, ln, strlen(ln)) +
                        space + folio_text_width(fonts, FOLIO_FACE_BOLD, u->organ.size, next, k) >
                        width);
        }
    }
    folio_flow_free(f);
    folio_report_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_labels),          cmocka_unit_test(test_lengths),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_numbering),       cmocka_unit_test(test_part_numbering),
        cmocka_unit_test(test_masthead_russian),
        cmocka_unit_test(test_overrides),       cmocka_unit_test(test_bad_date),
        cmocka_unit_test(test_plan_geneva),     cmocka_unit_test(test_plan_new_york),
        cmocka_unit_test(test_plan_resolution), cmocka_unit_test(test_plan_classes),
        cmocka_unit_test(test_plan_needs_measures), cmocka_unit_test(test_plan_long_organ),
    };
    return cmocka_run_group_tests_name("style", tests, setup, teardown);
}
