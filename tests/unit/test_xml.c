/* Unit tests of the report XML reader and writer (src/xml/): round trips
 * of every Markdown spec file and corpus report through XML give the same
 * model, and hostile or invalid XML is refused with a clear error. Run
 * from the top of the tree. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "folio.h"
#include "util/file.h"
#include "model/model.h"
#include "style/flow.h"
#include "layout/layout.h"
#include "pdf/pdf.h"
#include "docx/docx.h"

/* The dump without positions (" @L:C" and the "pos:" line). */
static char *dump_no_pos(const folio_report *r)
{
    char *d = NULL;
    size_t len = 0;
    assert_int_equal(folio_report_dump(r, &d, &len), 0);
    char *o = d;
    for (char *p = d; *p;) {
        if (p[0] == ' ' && p[1] == '@') {
            p += 2;
            while ((*p >= '0' && *p <= '9') || *p == ':')
                p++;
        } else if (!strncmp(p, "  pos: ", 7) && (p == d || p[-1] == '\n')) {
            while (*p && *p != '\n')
                p++;
            if (*p)
                p++;
        } else {
            *o++ = *p++;
        }
    }
    *o = 0;
    return d;
}

static folio_report *read_xml(const char *xml, size_t len, folio_ctx *ctx, int *rc)
{
    folio_report *r = NULL;
    *rc = folio_read_xml(ctx, xml, len, "t.xml", NULL, NULL, &r);
    return r;
}

/* Markdown → model → XML → model → XML: same model, same XML. */
static void round_trip(const char *path)
{
    folio_ctx *ctx = NULL;
    folio_ctx_new(path, &ctx);
    char *data = NULL, *x1 = NULL, *x2 = NULL;
    size_t len = 0, l1 = 0, l2 = 0;
    folio_report *md = NULL, *back = NULL;
    assert_int_equal(folio_read_file(ctx, path, 0, &data, &len), 0);
    if (folio_read_markdown(ctx, data, len, path, NULL, NULL, &md)) {
        free(data); /* a spec file that is meant to fail */
        folio_ctx_free(ctx);
        return;
    }
    int rc = folio_report_xml(ctx, md, &x1, &l1);
    if (rc)
        fprintf(stderr, "%s: %s\n", path, folio_last_error(ctx));
    assert_int_equal(rc, 0);
    back = read_xml(x1, l1, ctx, &rc);
    if (rc)
        fprintf(stderr, "%s: %s\n", path, folio_last_error(ctx));
    assert_int_equal(rc, 0);
    char *d1 = dump_no_pos(md), *d2 = dump_no_pos(back);
    if (strcmp(d1, d2))
        fprintf(stderr, "%s: models differ\n--- md\n%s\n--- xml\n%s\n", path, d1, d2);
    assert_string_equal(d1, d2);
    assert_int_equal(folio_report_xml(ctx, back, &x2, &l2), 0);
    assert_int_equal(l1, l2);
    assert_memory_equal(x1, x2, l1);
    free(d1);
    free(d2);
    free(x1);
    free(x2);
    free(data);
    folio_report_free(md);
    folio_report_free(back);
    folio_ctx_free(ctx);
}

static void test_round_trips(void **state)
{
    (void)state;
    const char *patterns[] = {"tests/spec/*.md", "examples/*.md", "../shared/corpus/*.md"};
    size_t files = 0;
    for (size_t p = 0; p < 3; p++) {
        glob_t g;
        if (glob(patterns[p], 0, NULL, &g) == 0) {
            for (size_t i = 0; i < g.gl_pathc; i++, files++)
                round_trip(g.gl_pathv[i]);
            globfree(&g);
        }
    }
    assert_true(files > 10);
}

/* Every inline form, empty runs, adjacent plain runs and notes. */
static void test_inline_forms(void **state)
{
    (void)state;
    static const char xml[] =
        "<report xmlns='urn:folio:report:1'><meta><title-note ref='t'/></meta><blocks>"
        "<p>a<span>b</span><em/><strong><em>c<sup>d</sup></em></strong>"
        "<a href='http://x'>e</a><symbol href='http://y'>A/1</symbol><br/>"
        "<note-ref ref='1'/><![CDATA[f<g]]></p>"
        "<table head-rows='1'><column align='right'/><column/>"
        "<row><cell>h</cell><cell/></row><row><cell/><cell>i</cell></row></table>"
        "<annex label='Annex I' original-language='English'>Title</annex><page-break/>"
        "</blocks><notes><note id='t' mark='*'><p>T</p></note><note id='1'><p>N</p></note>"
        "<note id='2'/></notes></report>";
    folio_ctx *ctx = NULL;
    folio_ctx_new("t.xml", &ctx);
    int rc;
    folio_report *r = read_xml(xml, sizeof xml - 1, ctx, &rc);
    assert_int_equal(rc, 0);
    const folio_block *p = &r->blocks[0];
    assert_int_equal(p->nruns, 10);
    assert_string_equal(p->runs[0].text, "a");
    assert_string_equal(p->runs[1].text, "b");
    assert_string_equal(p->runs[2].text, "");
    assert_int_equal(p->runs[2].style, FOLIO_EMPH);
    assert_int_equal(p->runs[4].style, FOLIO_EMPH | FOLIO_STRONG | FOLIO_SUPER);
    assert_string_equal(p->runs[5].link, "http://x");
    assert_true(p->runs[6].is_symbol);
    assert_int_equal(p->runs[7].kind, FOLIO_RUN_LINE_BREAK);
    assert_int_equal(p->runs[8].kind, FOLIO_RUN_NOTE_REF);
    assert_string_equal(p->runs[9].text, "f<g");
    assert_ptr_equal(p->runs[8].note, r->notes[1]);
    assert_ptr_equal(r->meta.title_note, r->notes[0]);
    assert_true(r->notes[0]->referenced && r->notes[1]->referenced);
    assert_false(r->notes[2]->referenced);
    const folio_table *t = r->blocks[1].table;
    assert_int_equal(t->nrows, 2);
    assert_int_equal(t->ncols, 2);
    assert_int_equal(t->head_rows, 1);
    assert_int_equal(t->align[0], FOLIO_ALIGN_RIGHT);
    assert_int_equal(t->cells[3].nruns, 1);
    assert_string_equal(r->blocks[2].original_language, "English");
    assert_int_equal(r->blocks[3].kind, FOLIO_BLOCK_PAGE_BREAK);
    /* written and read again: the same model */
    char *x = NULL;
    size_t xl = 0;
    assert_int_equal(folio_report_xml(ctx, r, &x, &xl), 0);
    folio_report *r2 = read_xml(x, xl, ctx, &rc);
    assert_int_equal(rc, 0);
    char *d1 = dump_no_pos(r), *d2 = dump_no_pos(r2);
    assert_string_equal(d1, d2);
    free(d1);
    free(d2);
    free(x);
    folio_report_free(r);
    folio_report_free(r2);
    folio_ctx_free(ctx);
}

/* Fails with an error whose message holds `want`, on line `line` (0: any). */
static void refused(const char *xml, const char *want, int line)
{
    folio_ctx *ctx = NULL;
    folio_ctx_new("t.xml", &ctx);
    int rc;
    folio_report *r = read_xml(xml, strlen(xml), ctx, &rc);
    assert_null(r);
    assert_true(rc < 0);
    assert_true((int)folio_ctx_errors(ctx) > 0);
    int found = 0;
    for (size_t i = 0; i < folio_ctx_count(ctx); i++)
        if (folio_ctx_diag(ctx, i)[0].message && strstr(folio_ctx_diag(ctx, i)[0].message, want) &&
            (!line || folio_ctx_diag(ctx, i)[0].pos.line == line))
            found = 1;
    if (!found)
        for (size_t i = 0; i < folio_ctx_count(ctx); i++)
            fprintf(stderr, "got %d:%d: %s\n", folio_ctx_diag(ctx, i)[0].pos.line, folio_ctx_diag(ctx, i)[0].pos.col,
                    folio_ctx_diag(ctx, i)[0].message);
    assert_true(found);
    folio_ctx_free(ctx);
}

static void test_hostile(void **state)
{
    (void)state;
    refused("<?xml version='1.0'?>\n<!DOCTYPE lolz [\n<!ENTITY lol 'lol'>\n"
            "<!ENTITY lol2 '&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;'>\n]>\n"
            "<report xmlns='urn:folio:report:1'><meta/><blocks><p>&lol2;</p></blocks></report>",
            "DOCTYPE is not allowed", 2);
    refused("<!DOCTYPE r [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
            "<report xmlns='urn:folio:report:1'><meta/><blocks><p>&x;</p></blocks></report>",
            "DOCTYPE", 1);
    refused("<report xmlns='urn:folio:report:1'><meta/><blocks><p>&x;</p></blocks></report>",
            "Entity 'x' not defined", 1);
    /* 100,000 nested elements */
    size_t n = 100000;
    char *deep = malloc(n * 9 + 200), *p = deep;
    assert_non_null(deep);
    p += sprintf(p, "<report xmlns='urn:folio:report:1'><meta/><blocks><p>");
    for (size_t i = 0; i < n; i++)
        p += sprintf(p, "<em>");
    *p = 0;
    refused(deep, "nested deeper than 256", 1);
    free(deep);
}

static void test_invalid(void **state)
{
    (void)state;
    refused("<report xmlns='urn:folio:report:1'><meta/>\n<blocks>\n<para>x</para></blocks>"
            "</report>",
            "para", 3);
    refused("<report xmlns='urn:folio:report:1'><meta/><blocks>\n<heading level='7'>x"
            "</heading></blocks></report>",
            "heading", 2);
    refused("<report><meta/><blocks/></report>", "report", 1);
    refused("<report xmlns='urn:folio:report:1'><meta/><blocks>\n<p><note-ref ref='9'/></p>"
            "</blocks></report>",
            "no note has the id \"9\"", 2);
    refused("<report xmlns='urn:folio:report:1'><meta/><blocks/><notes><note id='1'/>\n"
            "<note id='1'/></notes></report>",
            "used twice", 2);
    refused("<report xmlns='urn:folio:report:1'><meta/><blocks><table><column/>\n"
            "<row><cell/><cell/></row></table></blocks></report>",
            "2 cells, but the table has 1 columns", 2);
    refused("<report xmlns='urn:folio:report:1'><meta/><blocks>\n<p>x</blocks></report>",
            "mismatch", 0);
    folio_ctx *ctx = NULL;
    folio_ctx_new("t.xml", &ctx);
    folio_read_options lim = {.version = FOLIO_READ_OPTIONS_VERSION, .max_bytes = 10};
    folio_report *r = NULL;
    assert_int_equal(folio_read_xml(ctx, "<report/>   ", 12, "t.xml", &lim, NULL, &r), FOLIO_E_LIMIT);
    folio_ctx_free(ctx);
}

/* Text XML cannot carry is refused by the writer. */
static void test_unwritable(void **state)
{
    (void)state;
    folio_ctx *ctx = NULL;
    folio_ctx_new("t.md", &ctx);
    folio_report *r = NULL;
    folio_report_new(NULL, "t.md", &r);
    assert_non_null(r);
    r->meta.title = "bell\a";
    char *x = NULL;
    size_t xl = 0;
    assert_int_equal(folio_report_xml(ctx, r, &x, &xl), FOLIO_E_INPUT);
    assert_null(x);
    folio_report_free(r);
    folio_ctx_free(ctx);
}

/* Notes are referred to by id: a repeated one is refused, at the later
 * note, however many notes there are. */
static void test_duplicate_note_ids(void **state)
{
    (void)state;
    folio_ctx *ctx = NULL;
    folio_ctx_new("t.md", &ctx);
    folio_report *r = NULL;
    folio_report_new(NULL, "t.md", &r);
    assert_non_null(r);
    folio_note notes[3] = {{0}};
    const char *ids[3] = {"b", "a", "b"};
    folio_note *list[3];
    for (int i = 0; i < 3; i++) {
        notes[i].id = ids[i];
        notes[i].pos = (folio_pos){10 + i, 1};
        list[i] = &notes[i];
    }
    r->notes = list;
    r->nnotes = 3;
    char *x = NULL;
    size_t xl = 0;
    assert_int_equal(folio_report_xml(ctx, r, &x, &xl), FOLIO_E_INPUT);
    assert_null(x);
    assert_int_equal(folio_ctx_count(ctx) > 0, 1);
    assert_int_equal(folio_ctx_diag(ctx, 0)[0].pos.line, 12);
    r->notes = NULL;
    r->nnotes = 0;
    folio_report_free(r);
    folio_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trips),
        cmocka_unit_test(test_inline_forms),
        cmocka_unit_test(test_hostile),
        cmocka_unit_test(test_invalid),
        cmocka_unit_test(test_unwritable),
        cmocka_unit_test(test_duplicate_note_ids),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
