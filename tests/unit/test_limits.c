/* Unit tests of folio_report_check_limits: the note, table-cell and
 * paragraph limits, through both readers and on a model built by hand;
 * each overrun names the place, the count, the limit and the option. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "folio.h"
#include "model/limits.h"
#include "model/model.h"
#include "style/flow.h"
#include "layout/layout.h"
#include "pdf/pdf.h"
#include "docx/docx.h"

static const char head[] = "---\nsymbol: A/1\ndate: 2024-01-01\n---\n\n";

/* The first error of ctx; fails the test when there is none. */
static const folio_diag *first_error(const folio_ctx *ctx)
{
    for (size_t i = 0; i < folio_ctx_count(ctx); i++)
        if (folio_ctx_diag(ctx, i)[0].severity == FOLIO_ERROR)
            return folio_ctx_diag(ctx, i);
    fail_msg("no error recorded");
    return NULL;
}

static int read_md(folio_ctx **ctx, const char *text, const folio_read_options *lim,
                   folio_report **rep)
{
    folio_ctx_new("t.md", ctx);
    return folio_read_markdown(*ctx, text, strlen(text), "t.md", lim, NULL, rep);
}

/* `text` read under `over` fails at `line` with `message` and gives no
 * report; read under `ok` it passes. Returns that report (caller frees). */
static folio_report *over_then_ok(const char *text, folio_read_options over,
                                  folio_read_options ok, int line, const char *message)
{
    folio_ctx *ctx = NULL;
    folio_report *rep = NULL;
    assert_int_equal(read_md(&ctx, text, &over, &rep), FOLIO_E_LIMIT);
    assert_null(rep);
    const folio_diag *d = first_error(ctx);
    assert_int_equal(d->pos.line, line);
    assert_string_equal(d->message, message);
    folio_ctx_free(ctx);
    assert_int_equal(read_md(&ctx, text, &ok, &rep), 0);
    folio_ctx_free(ctx);
    return rep;
}

static void notes_limit(void **state)
{
    (void)state;
    char text[1024];
    int n = snprintf(text, sizeof text, "%s", head);
    for (int i = 1; i <= 3; i++)
        n += snprintf(text + n, sizeof text - (size_t)n, "%d. Text.[^%d]\n\n", i, i);
    for (int i = 1; i <= 3; i++) /* definitions on lines 12, 13, 14 */
        n += snprintf(text + n, sizeof text - (size_t)n, "[^%d]: Note %d.\n", i, i);
    /* the error is at the third note: the first one over */
    folio_report *rep = over_then_ok(text, (folio_read_options){.version = FOLIO_READ_OPTIONS_VERSION, .max_notes = 2},
                                     (folio_read_options){.version = FOLIO_READ_OPTIONS_VERSION, .max_notes = 3}, 14,
                                     "3 footnotes: more than the limit of 2 "
                                     "(raise it with --max-notes)");
    assert_int_equal(rep->nnotes, 3);
    folio_report_free(rep);
}

static void table_limit(void **state)
{
    (void)state;
    char text[512];
    snprintf(text, sizeof text, "%s1. Table.\n\n| A | B |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n",
             head);
    folio_report_free(over_then_ok(text, (folio_read_options){.version = FOLIO_READ_OPTIONS_VERSION, .max_table_cells = 5},
                                   (folio_read_options){.version = FOLIO_READ_OPTIONS_VERSION, .max_table_cells = 6}, 8,
                                   "table of 3 rows and 2 columns has 6 cells: more than the "
                                   "limit of 5 (raise it with --max-table-cells)"));
}

static void paragraph_limit(void **state)
{
    (void)state;
    char text[512];
    /* "Twelve bytes" is 12 bytes of text on line 8 */
    snprintf(text, sizeof text, "%s1. Short.\n\nTwelve bytes\n", head);
    folio_report_free(over_then_ok(text, (folio_read_options){.version = FOLIO_READ_OPTIONS_VERSION, .max_paragraph_bytes = 11},
                                   (folio_read_options){.version = FOLIO_READ_OPTIONS_VERSION, .max_paragraph_bytes = 12}, 8,
                                   "paragraph of 12 bytes: more than the limit of 11 "
                                   "(raise it with --max-paragraph-bytes)"));
}

/* The XML reader goes through the same check. */
static void xml_reader(void **state)
{
    (void)state;
    static const char xml[] =
        "<?xml version=\"1.0\"?>\n"
        "<report xmlns=\"urn:folio:report:1\">\n"
        "  <meta><distribution>general</distribution></meta>\n"
        "  <blocks>\n"
        "    <p>Twelve bytes</p>\n"
        "  </blocks>\n"
        "</report>\n";
    folio_ctx *ctx = NULL;
    folio_report *rep = NULL;
    folio_read_options lim = {.version = FOLIO_READ_OPTIONS_VERSION, .max_paragraph_bytes = 11};
    folio_ctx_new("t.xml", &ctx);
    assert_int_equal(folio_read_xml(ctx, xml, strlen(xml), "t.xml", &lim, NULL, &rep), FOLIO_E_LIMIT);
    assert_null(rep);
    const folio_diag *d = first_error(ctx);
    assert_int_equal(d->pos.line, 5);
    assert_non_null(strstr(d->message, "paragraph of 12 bytes"));
    folio_ctx_free(ctx);
    lim.max_paragraph_bytes = 0; /* the default */
    folio_ctx_new("t.xml", &ctx);
    assert_int_equal(folio_read_xml(ctx, xml, strlen(xml), "t.xml", &lim, NULL, &rep), 0);
    folio_report_free(rep);
    folio_ctx_free(ctx);
}

/* A hand-built model: a table cell and a footnote paragraph, positioned by
 * their runs when the block has no position. */
static void model_cells_and_notes(void **state)
{
    (void)state;
    folio_report *rep = NULL;
    folio_report_new(NULL, "m.md", &rep);
    assert_non_null(rep);
    folio_run cell_runs[2] = {{.kind = FOLIO_RUN_TEXT, .text = "abc", .pos = {5, 3}},
                              {.kind = FOLIO_RUN_TEXT, .text = "defg", .pos = {5, 6}}};
    folio_cell cells[2] = {{NULL, 0}, {cell_runs, 2}};
    folio_table table = {.nrows = 1, .ncols = 2, .cells = cells};
    folio_block blocks[1] = {{.kind = FOLIO_BLOCK_TABLE, .table = &table, .pos = {4, 1}}};
    rep->blocks = blocks;
    rep->nblocks = 1;
    folio_ctx *ctx = NULL;
    folio_limits lim = {.max_paragraph_bytes = 6};
    folio_ctx_new("m.md", &ctx);
    assert_int_equal(folio_report_check_limits(ctx, rep, &lim), FOLIO_E_LIMIT);
    const folio_diag *d = first_error(ctx);
    assert_int_equal(d->pos.line, 5);
    assert_int_equal(d->pos.col, 3);
    assert_string_equal(d->message, "table cell of 7 bytes: more than the limit of 6 "
                                    "(raise it with --max-paragraph-bytes)");
    folio_ctx_free(ctx);
    lim.max_paragraph_bytes = 7;
    folio_ctx_new("m.md", &ctx);
    assert_int_equal(folio_report_check_limits(ctx, rep, &lim), 0);
    assert_int_equal(folio_ctx_count(ctx), 0);
    folio_ctx_free(ctx);

    /* a note whose paragraph is too long */
    folio_run note_runs[1] = {{.kind = FOLIO_RUN_TEXT, .text = "12345678", .pos = {9, 7}}};
    folio_block note_blocks[1] = {{.kind = FOLIO_BLOCK_PARAGRAPH, .runs = note_runs,
                                   .nruns = 1}};
    folio_note note = {.id = "1", .blocks = note_blocks, .nblocks = 1, .pos = {9, 1}};
    folio_note *notes[1] = {&note};
    rep->notes = notes;
    rep->nnotes = 1;
    folio_ctx_new("m.md", &ctx);
    assert_int_equal(folio_report_check_limits(ctx, rep, &lim), FOLIO_E_LIMIT);
    d = first_error(ctx);
    assert_int_equal(d->pos.line, 9);
    assert_int_equal(d->pos.col, 7);
    assert_non_null(strstr(d->message, "footnote paragraph of 8 bytes"));
    folio_ctx_free(ctx);
    /* NULL limits: the defaults, which this model is far within */
    folio_ctx_new("m.md", &ctx);
    assert_int_equal(folio_report_check_limits(ctx, rep, NULL), 0);
    folio_ctx_free(ctx);
    rep->blocks = NULL;
    rep->nblocks = 0;
    rep->notes = NULL;
    rep->nnotes = 0;
    folio_report_free(rep);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(notes_limit),
        cmocka_unit_test(table_limit),
        cmocka_unit_test(paragraph_limit),
        cmocka_unit_test(xml_reader),
        cmocka_unit_test(model_cells_and_notes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
