/* Unit tests of the DOCX reader's numbering simulation
 * (src/read/docx_numbering.c): the numbers Word shows on the paragraphs
 * of a list, by the rules of numbering.xml — counts shared by the w:nums
 * of one definition, a w:num's startOverride at its first use, a level
 * restarting after a higher one (or not, by w:lvlRestart), the formats
 * and the level texts, a style's own level; and the levels and starts
 * out of range that make the part an error. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include <libxml/parser.h>

#include "folio.h"
#include "read/docx_internal.h"
#include "util/arena.h"

#define W "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

/* The UN's lists as folio writes them, in short: paragraphs 1., headings
 * I./A./1., subparagraphs (a)/(i); a second w:num of the headings that
 * starts the chapters at III; one of the paragraphs restarting at 1. */
static const char numbering[] =
    "<w:numbering " W ">"
    "<w:abstractNum w:abstractNumId=\"0\">"
    "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
    "<w:pStyle w:val=\"UNPara\"/><w:lvlText w:val=\"%1.\"/></w:lvl></w:abstractNum>"
    "<w:abstractNum w:abstractNumId=\"1\">"
    "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"upperRoman\"/>"
    "<w:pStyle w:val=\"Heading1\"/><w:lvlText w:val=\"%1.\"/></w:lvl>"
    "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"upperLetter\"/>"
    "<w:pStyle w:val=\"Heading2\"/><w:lvlText w:val=\"%2.\"/></w:lvl>"
    "<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
    "<w:lvlRestart w:val=\"0\"/><w:lvlText w:val=\"%3.\"/></w:lvl></w:abstractNum>"
    "<w:abstractNum w:abstractNumId=\"2\">"
    "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/>"
    "<w:lvlText w:val=\"(%1)\"/></w:lvl>"
    "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerRoman\"/>"
    "<w:lvlText w:val=\"(%2)\"/></w:lvl>"
    "<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
    "<w:lvlText w:val=\"%1.%3\"/></w:lvl>"
    "<w:lvl w:ilvl=\"3\"><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\xE2\x80\xA2\"/>"
    "</w:lvl></w:abstractNum>"
    "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
    "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>"
    "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"2\"/></w:num>"
    "<w:num w:numId=\"4\"><w:abstractNumId w:val=\"1\"/>"
    "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"3\"/></w:lvlOverride></w:num>"
    "<w:num w:numId=\"5\"><w:abstractNumId w:val=\"0\"/>"
    "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>"
    "</w:numbering>";

typedef struct fixture {
    folio_ctx *ctx;
    folio_arena *arena;
    xmlDocPtr doc;
    dxr_numbering nb;
} fixture;

static int load(fixture *f, const char *xml)
{
    memset(f, 0, sizeof *f);
    folio_ctx_new("numbering.xml", &f->ctx);
    f->arena = folio_arena_new();
    f->doc = xmlReadMemory(xml, (int)strlen(xml), NULL, NULL, XML_PARSE_NONET);
    assert_non_null(f->doc);
    return folio_dxr_numbering(f->ctx, f->arena, f->doc, &f->nb);
}

static void unload(fixture *f)
{
    xmlFreeDoc(f->doc);
    folio_arena_free(f->arena);
    folio_ctx_free(f->ctx);
}

static const char *next(fixture *f, int num, int ilvl, folio_label_kind want_kind)
{
    folio_label_kind k;
    const char *label = folio_dxr_number(f->arena, &f->nb, num, ilvl, &k);
    assert_int_equal(k, want_kind);
    return label;
}

static void counts_and_formats(void **state)
{
    (void)state;
    fixture f;
    assert_int_equal(load(&f, numbering), 0);
    assert_string_equal(next(&f, 1, 0, FOLIO_LABEL_ARABIC), "1.");
    assert_string_equal(next(&f, 1, 0, FOLIO_LABEL_ARABIC), "2.");
    assert_string_equal(next(&f, 2, 0, FOLIO_LABEL_ROMAN), "I.");
    assert_string_equal(next(&f, 2, 1, FOLIO_LABEL_UPPER), "A.");
    assert_string_equal(next(&f, 2, 1, FOLIO_LABEL_UPPER), "B.");
    /* paragraphs count on across the headings: another list */
    assert_string_equal(next(&f, 1, 0, FOLIO_LABEL_ARABIC), "3.");
    assert_string_equal(next(&f, 2, 0, FOLIO_LABEL_ROMAN), "II.");
    /* a level restarts after a higher one */
    assert_string_equal(next(&f, 2, 1, FOLIO_LABEL_UPPER), "A.");
    assert_string_equal(next(&f, 3, 0, FOLIO_LABEL_LOWER), "(a)");
    assert_string_equal(next(&f, 3, 1, FOLIO_LABEL_LOWER_ROMAN), "(i)");
    assert_string_equal(next(&f, 3, 1, FOLIO_LABEL_LOWER_ROMAN), "(ii)");
    assert_string_equal(next(&f, 3, 1, FOLIO_LABEL_LOWER_ROMAN), "(iii)");
    assert_string_equal(next(&f, 3, 1, FOLIO_LABEL_LOWER_ROMAN), "(iv)");
    assert_string_equal(next(&f, 3, 0, FOLIO_LABEL_LOWER), "(b)");
    assert_string_equal(next(&f, 3, 1, FOLIO_LABEL_LOWER_ROMAN), "(i)");
    /* a level text naming two levels: a sub-numbered item */
    assert_string_equal(next(&f, 3, 2, FOLIO_LABEL_DECIMAL), "b.1");
    assert_string_equal(next(&f, 3, 3, FOLIO_LABEL_BULLET), "\xE2\x80\xA2");
    /* a list or level that does not exist: no number */
    assert_null(next(&f, 9, 0, FOLIO_LABEL_NONE));
    assert_null(next(&f, 1, 9, FOLIO_LABEL_NONE));
    assert_null(next(&f, 0, 0, FOLIO_LABEL_NONE));
    unload(&f);
}

static void overrides_and_restarts(void **state)
{
    (void)state;
    fixture f;
    assert_int_equal(load(&f, numbering), 0);
    assert_string_equal(next(&f, 2, 0, FOLIO_LABEL_ROMAN), "I.");
    assert_string_equal(next(&f, 2, 2, FOLIO_LABEL_ARABIC), "1.");
    assert_string_equal(next(&f, 2, 2, FOLIO_LABEL_ARABIC), "2.");
    /* w:lvlRestart 0: level 3 goes on after a chapter */
    assert_string_equal(next(&f, 2, 0, FOLIO_LABEL_ROMAN), "II.");
    assert_string_equal(next(&f, 2, 2, FOLIO_LABEL_ARABIC), "3.");
    /* the startOverride of w:num 4 at its first use; the definition's
     * counts go on through either w:num afterwards (Word's rule) */
    assert_string_equal(next(&f, 4, 0, FOLIO_LABEL_ROMAN), "III.");
    assert_string_equal(next(&f, 4, 0, FOLIO_LABEL_ROMAN), "IV.");
    assert_string_equal(next(&f, 2, 0, FOLIO_LABEL_ROMAN), "V.");
    /* the paragraphs restart at 1 in a new instance (an annex) */
    assert_string_equal(next(&f, 1, 0, FOLIO_LABEL_ARABIC), "1.");
    assert_string_equal(next(&f, 1, 0, FOLIO_LABEL_ARABIC), "2.");
    assert_string_equal(next(&f, 5, 0, FOLIO_LABEL_ARABIC), "1.");
    assert_string_equal(next(&f, 5, 0, FOLIO_LABEL_ARABIC), "2.");
    /* a style's own level */
    assert_int_equal(folio_dxr_style_level(&f.nb, 2, "Heading2"), 1);
    assert_int_equal(folio_dxr_style_level(&f.nb, 2, "UNPara"), -1);
    unload(&f);
}

static void out_of_range(void **state)
{
    (void)state;
    fixture f;
    assert_int_equal(load(&f, "<w:numbering " W "><w:abstractNum w:abstractNumId=\"1\">"
                                  "<w:lvl w:ilvl=\"9\"/></w:abstractNum></w:numbering>"),
                     FOLIO_E_INPUT);
    assert_non_null(strstr(folio_ctx_diag(f.ctx, 0)->message, "level 9 out of range"));
    unload(&f);
    assert_int_equal(load(&f, "<w:numbering " W "><w:abstractNum w:abstractNumId=\"1\">"
                                  "<w:lvl w:ilvl=\"0\"><w:start w:val=\"40000\"/></w:lvl>"
                                  "</w:abstractNum></w:numbering>"),
                     FOLIO_E_INPUT);
    assert_non_null(strstr(folio_ctx_diag(f.ctx, 0)->message, "start 40000 out of range"));
    unload(&f);
    assert_int_equal(load(&f, "<w:numbering " W "><w:num w:numId=\"1\"><w:abstractNumId "
                                  "w:val=\"0\"/><w:lvlOverride w:ilvl=\"-1\"/></w:num>"
                                  "</w:numbering>"),
                     0); /* a w:num of no definition: a warning, no list */
    assert_null(next(&f, 1, 0, FOLIO_LABEL_NONE));
    unload(&f);
    /* letters past z repeat, up to a bound; decimal beyond */
    assert_int_equal(load(&f, "<w:numbering " W "><w:abstractNum w:abstractNumId=\"0\">"
                                  "<w:lvl w:ilvl=\"0\"><w:start w:val=\"28\"/>"
                                  "<w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"%1)\"/>"
                                  "</w:lvl></w:abstractNum><w:abstractNum w:abstractNumId=\"1\">"
                                  "<w:lvl w:ilvl=\"0\"><w:start w:val=\"32767\"/>"
                                  "<w:numFmt w:val=\"upperLetter\"/><w:lvlText w:val=\"%1\"/>"
                                  "</w:lvl></w:abstractNum>"
                                  "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
                                  "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>"
                                  "</w:numbering>"),
                     0);
    assert_string_equal(next(&f, 1, 0, FOLIO_LABEL_LOWER), "bb)");
    assert_string_equal(next(&f, 2, 0, FOLIO_LABEL_UPPER), "32767");
    unload(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(counts_and_formats),
        cmocka_unit_test(overrides_and_restarts),
        cmocka_unit_test(out_of_range),
    };
    return cmocka_run_group_tests_name("docx_numbering", tests, NULL, NULL);
}
