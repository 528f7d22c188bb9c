/* Unit tests of the Markdown reader: dates in the six languages, language
 * names, labels, masthead words, limits and malformed input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "folio.h"
#include "util/file.h"
#include "model/model.h"
#include "style/flow.h"
#include "layout/layout.h"
#include "pdf/pdf.h"
#include "docx/docx.h"
#include "read/md_internal.h"
#include "util/roman.h"

/* ---- helpers -----------------------------------------------------------------*/

/* The default house style: the words the reader looks for. */
static const folio_house *H(void)
{
    folio_ctx *ctx = NULL;
    const folio_house *h = NULL;
    folio_ctx_new(NULL, &ctx);
    assert_int_equal(folio_house_default(ctx, &h), 0);
    folio_ctx_free(ctx);
    return h;
}

static char *iso(const char *s)
{
    static char buf[16];
    int y, m, d;
    if (folio_md_parse_date(H(), s, strlen(s), &y, &m, &d) != 0)
        return "none";
    snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

/* Read a string; returns the result code, the report in *rep. */
static int read_md(folio_ctx **ctx, const char *text, size_t len, const folio_read_options *lim,
                   folio_report **rep)
{
    folio_ctx_new("test.md", ctx);
    return folio_read_markdown(*ctx, text, len, "test.md", lim, NULL, rep);
}

static int has_diag(const folio_ctx *ctx, folio_severity sev, int line, int col,
                    const char *part)
{
    for (size_t i = 0; i < folio_ctx_count(ctx); i++) {
        const folio_diag *d = folio_ctx_diag(ctx, i);
        if (d->severity == sev && d->pos.line == line && d->pos.col == col && d->message &&
            strstr(d->message, part))
            return 1;
    }
    return 0;
}

/* ---- dates ---------------------------------------------------------------------*/

static void dates_six_languages(void **state)
{
    (void)state;
    assert_string_equal(iso("14 August 2019"), "2019-08-14");
    assert_string_equal(iso("August 14, 2019"), "2019-08-14");
    assert_string_equal(iso("13 December 2024"), "2024-12-13");
    assert_string_equal(iso("26 mars 2021"), "2021-03-26");
    assert_string_equal(iso("1er mars 2021"), "2021-03-01");
    assert_string_equal(iso("le 1er février 2021"), "2021-02-01");
    assert_string_equal(iso("13 de octubre de 2021"), "2021-10-13");
    assert_string_equal(iso("1º de setiembre de 2020"), "2020-09-01");
    assert_string_equal(iso("14 августа 2019 года"), "2019-08-14");
    assert_string_equal(iso("3 МАРТА 2025 г."), "2025-03-03");
    assert_string_equal(iso("2019年8月14日"), "2019-08-14");
    assert_string_equal(iso("2020 年 7 月 16 日"), "2020-07-16");
    assert_string_equal(iso("16 تموز/يوليه 2020"), "2020-07-16");
    assert_string_equal(iso("5 كانون الثاني/يناير 2021"), "2021-01-05");
    assert_string_equal(iso("١٤ أغسطس ٢٠١٩"), "2019-08-14");
    assert_string_equal(iso("  2024-02-29 "), "2024-02-29");
}

static void dates_rejected(void **state)
{
    (void)state;
    assert_string_equal(iso("1er mars"), "none");          /* no year */
    assert_string_equal(iso("30 February 2021"), "none");
    assert_string_equal(iso("2023-02-29"), "none");         /* not a leap year */
    assert_string_equal(iso("2021-13-01"), "none");
    assert_string_equal(iso("2021-1-01"), "none");
    assert_string_equal(iso("Viena, 12 y 13 de octubre de 2021"), "none");
    assert_string_equal(iso("14 Augustus 2019"), "none");
    assert_string_equal(iso("14 August 2019 and more"), "none");
    assert_string_equal(iso(""), "none");
    int y, m, d;
    assert_int_equal(folio_md_parse_iso_date("2021-10-13", 10, &y, &m, &d), 0);
    assert_int_equal(folio_md_parse_iso_date("13 October 2021", 15, &y, &m, &d), -1);
}

static void months_and_mentions(void **state)
{
    (void)state;
    assert_int_equal(folio_md_month(H(), "octubre", 7), 10);
    assert_int_equal(folio_md_month(H(), "aout", 4), 8);
    assert_int_equal(folio_md_month(H(), "ноября", strlen("ноября")), 11);
    assert_int_equal(folio_md_month(H(), "octobre.", 8), 10);
    assert_int_equal(folio_md_month(H(), "session", 7), 0);
    const char *venue = "New York, 4–7 March 2025";
    assert_true(folio_md_mentions_date(H(), venue, strlen(venue)));
    const char *ru = "4–15 ноября 2019 года";
    assert_true(folio_md_mentions_date(H(), ru, strlen(ru)));
    const char *zh = "2008年10月8日至17日,维也纳";
    assert_true(folio_md_mentions_date(H(), zh, strlen(zh)));
    const char *body = "Working Group on the Universal Periodic Review";
    assert_false(folio_md_mentions_date(H(), body, strlen(body)));
    assert_true(folio_md_has_year("Geneva, 2019", 12));
    assert_false(folio_md_has_year("Item 12345", 10));
    assert_false(folio_md_has_year("A/75/1000", 9));
}

/* ---- languages -------------------------------------------------------------------*/

static void language_names(void **state)
{
    (void)state;
    static const struct { const char *name; const char *code; } cases[] = {
        {"en", "en"},        {"FR", "fr"},         {"English", "en"},    {"inglés", "en"},
        {"ingles", "en"},    {"anglais", "en"},    {"английский", "en"}, {"Spanish", "es"},
        {"Español", "es"},   {"ESPAÑOL", "es"},    {"espagnol", "es"},   {"испанский", "es"},
        {"French", "fr"},    {"Français", "fr"},   {"francés", "fr"},    {"французский", "fr"},
        {"Russian", "ru"},   {"Русский", "ru"},    {"russe", "ru"},      {"ruso", "ru"},
        {"Chinese", "zh"},   {"中文", "zh"},       {"chinois", "zh"},    {"китайский", "zh"},
        {"Arabic", "ar"},    {"العربية", "ar"},    {"árabe", "ar"},      {"арабский", "ar"},
        {"بالإنكليزية", "en"}, {"русский язык", "ru"}, {" English. ", "en"}, {"英文", "en"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int k = folio_lang_index(cases[i].name);
        if (k < 0)
            fail_msg("language \"%s\" not recognised", cases[i].name);
        assert_string_equal(folio_lang_code(k), cases[i].code);
    }
    assert_int_equal(folio_lang_index("Klingon"), -1);
    assert_int_equal(folio_lang_index(""), -1);
    assert_int_equal(folio_lang_index(NULL), -1);
    assert_null(folio_lang_code(6));
    assert_null(folio_lang_code(-1));
}

/* ---- labels -------------------------------------------------------------------*/

static void heading_labels(void **state)
{
    (void)state;
    folio_md_label l;
    assert_true(folio_md_heading_label("IV. Organización", 18, &l));
    assert_int_equal(l.kind, FOLIO_LABEL_ROMAN);
    assert_int_equal(l.value, 4);
    assert_int_equal(l.len, 3);
    assert_int_equal(l.skip, 4);
    assert_int_equal(l.alt_letter, 0);
    assert_true(folio_md_heading_label("B. Recomendaciones", 18, &l));
    assert_int_equal(l.kind, FOLIO_LABEL_UPPER);
    assert_int_equal(l.value, 2);
    assert_true(folio_md_heading_label("I. Introduction", 15, &l));
    assert_int_equal(l.kind, FOLIO_LABEL_ROMAN); /* also the letter I: */
    assert_int_equal(l.alt_letter, 9);
    assert_true(folio_md_heading_label("C. Other matters", 16, &l));
    assert_int_equal(l.alt_letter, 3);
    assert_true(folio_md_heading_label("12. Meetings", 12, &l));
    assert_int_equal(l.kind, FOLIO_LABEL_ARABIC);
    assert_int_equal(l.value, 12);
    assert_true(folio_md_heading_label("V.", 2, &l));
    assert_false(folio_md_heading_label("U.N. report", 11, &l));
    assert_false(folio_md_heading_label("1.1 Scope", 9, &l));
    assert_false(folio_md_heading_label("IIII. Bad", 9, &l));
    assert_false(folio_md_heading_label("Annex I", 7, &l));
    assert_false(folio_md_heading_label("Notes", 5, &l));
}

static void paragraph_and_item_labels(void **state)
{
    (void)state;
    folio_md_label l;
    assert_true(folio_md_number_label("12. Text", 8, &l));
    assert_int_equal(l.value, 12);
    assert_int_equal(l.skip, 4);
    assert_false(folio_md_number_label("12.5 percent", 12, &l));
    assert_false(folio_md_number_label("2019.", 5, &l));
    assert_true(folio_md_item_label("(a) To take note", 16, &l));
    assert_int_equal(l.kind, FOLIO_LABEL_LOWER);
    assert_int_equal(l.value, 1);
    assert_int_equal(l.len, 3);
    assert_true(folio_md_item_label("b) Aprobación", 14, &l));
    assert_int_equal(l.kind, FOLIO_LABEL_LOWER);
    assert_int_equal(l.len, 2);
    assert_true(folio_md_item_label("(iv) fourth", 11, &l));
    assert_int_equal(l.kind, FOLIO_LABEL_LOWER_ROMAN);
    assert_int_equal(l.value, 4);
    assert_true(folio_md_item_label("i) first", 8, &l));
    assert_int_equal(l.kind, FOLIO_LABEL_LOWER_ROMAN);
    assert_int_equal(l.alt_letter, 9); /* or the letter i after (h) */
    assert_true(folio_md_item_label("(c) third", 9, &l));
    assert_int_equal(l.kind, FOLIO_LABEL_LOWER);
    assert_true(folio_md_item_label("(aa) after z", 12, &l));
    assert_int_equal(l.value, 27);
    assert_true(folio_md_item_label("• bullet", strlen("• bullet"), &l));
    assert_int_equal(l.kind, FOLIO_LABEL_BULLET);
    assert_false(folio_md_item_label("(Amended version)", 17, &l));
    assert_false(folio_md_item_label("(ab) mixed", 10, &l));
    assert_false(folio_md_item_label("(a)text", 7, &l));
}

static void roman_numerals(void **state)
{
    (void)state;
    char buf[20];
    assert_int_equal(folio_md_roman_value("XIV", 3), 14);
    assert_int_equal(folio_md_roman_value("xl", 2), 40);
    assert_int_equal(folio_md_roman_value("IC", 2), 0);
    assert_int_equal(folio_md_roman_value("VV", 2), 0);
    assert_string_equal(folio_roman(1994, 0, buf, sizeof buf), "MCMXCIV");
    assert_string_equal(folio_roman(3, 0, buf, sizeof buf), "III");
}

/* ---- masthead words --------------------------------------------------------------*/

static void symbols(void **state)
{
    (void)state;
    static const char *const yes[] = {"A/HRC/28/4", "E/CN.3/2025/7", "CTOC/COP/WG.4/2021/L.1",
                                      "CTOC/COP/WG.4/2021/INF/1/Rev.1", "A/HRC/WG.6/34/ITA/3",
                                      "S/2001/1189", "A/C.3/72/L.1**", "E/2015/24"};
    static const char *const no[] = {"and/or", "N/A", "A/B", "Item 3", "www.ohchr.org",
                                     "A//1", "a/hrc/1", "AB C/1/2"};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
        if (!folio_md_is_symbol(yes[i], strlen(yes[i])))
            fail_msg("\"%s\" should be a symbol", yes[i]);
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        if (folio_md_is_symbol(no[i], strlen(no[i])))
            fail_msg("\"%s\" should not be a symbol", no[i]);
}

static void masthead_words(void **state)
{
    (void)state;
    const char *s;
    s = "Организация Объединенных Наций";
    assert_true(folio_md_is_wordmark(H(), s, strlen(s)));
    s = "Nations Unies";
    assert_true(folio_md_is_wordmark(H(), s, strlen(s)));
    s = "United Nations Office";
    assert_false(folio_md_is_wordmark(H(), s, strlen(s)));

    folio_distribution d;
    int known;
    const char *lang;
    s = "Distr. limitada";
    assert_true(folio_md_distribution(H(), s, strlen(s), &d, &known));
    assert_true(known);
    assert_int_equal(d, FOLIO_DISTR_LIMITED);
    s = "Distr.: General";
    assert_true(folio_md_distribution(H(), s, strlen(s), &d, &known));
    assert_int_equal(d, FOLIO_DISTR_GENERAL);
    s = "Distr. restreinte";
    assert_true(folio_md_distribution(H(), s, strlen(s), &d, &known));
    assert_int_equal(d, FOLIO_DISTR_RESTRICTED);
    s = "Distr.: Secret";
    assert_true(folio_md_distribution(H(), s, strlen(s), &d, &known));
    assert_false(known);
    s = "Distribution of labour";
    assert_false(folio_md_distribution(H(), s, strlen(s), &d, &known));
    s = "Distribution: limited";
    assert_true(folio_md_distribution(H(), s, strlen(s), &d, &known));
    assert_int_equal(d, FOLIO_DISTR_LIMITED);

    s = "Original: inglés";
    assert_true(folio_md_original_line(H(), s, strlen(s), &lang));
    assert_string_equal(lang, "en");
    s = "Original : anglais";
    assert_true(folio_md_original_line(H(), s, strlen(s), &lang));
    assert_string_equal(lang, "en");
    s = "Язык оригинала: английский";
    assert_true(folio_md_original_line(H(), s, strlen(s), &lang));
    assert_string_equal(lang, "en");
    s = "Originality matters";
    assert_false(folio_md_original_line(H(), s, strlen(s), &lang));
    s = "[Original: French]";
    assert_true(folio_md_bracket_original(H(), s, strlen(s), &lang));
    assert_string_equal(lang, "fr");

    static const char *const sessions[] = {"Thirty-fourth session", "Fifty-sixth session",
                                           "Тридцать четвертая сессия",
                                           "56º período de sesiones", "第七十五届会议",
                                           "الدورة الخامسة والسبعون", "Quarante-sixième session"};
    for (size_t i = 0; i < sizeof sessions / sizeof sessions[0]; i++)
        if (!folio_md_is_session(H(), sessions[i], strlen(sessions[i])))
            fail_msg("\"%s\" should be a session line", sessions[i]);
    s = "Intersessional meeting";
    assert_false(folio_md_is_session(H(), s, strlen(s)));

    static const char *const agenda[] = {"Item 3 (e) of the provisional agenda",
                                         "Agenda item 19", "Point 2 de l’ordre du jour",
                                         "Tema 2 del programa provisional",
                                         "Пункт 2 предварительной повестки дня",
                                         "临时议程项目2", "البند 2 من جدول الأعمال المؤقت"};
    for (size_t i = 0; i < sizeof agenda / sizeof agenda[0]; i++)
        if (!folio_md_is_agenda_item(H(), agenda[i], strlen(agenda[i])))
            fail_msg("\"%s\" should be an agenda line", agenda[i]);
    s = "Items for discussion and decision";
    assert_false(folio_md_is_agenda_item(H(), s, strlen(s)));

    static const char *const annexes[] = {"Annex", "Annex I", "ANNEX II", "Anexo", "Annexe IV",
                                          "Приложение III", "附件一", "المرفق", "Annex 2:"};
    for (size_t i = 0; i < sizeof annexes / sizeof annexes[0]; i++)
        if (!folio_md_is_annex(H(), annexes[i], strlen(annexes[i])))
            fail_msg("\"%s\" should be an annex heading", annexes[i]);
    s = "Annexes";
    assert_false(folio_md_is_annex(H(), s, strlen(s)));
    s = "Annex to the report of the Secretary-General";
    assert_false(folio_md_is_annex(H(), s, strlen(s)));

    s = "Viena, 12 y 13 de octubre de 2021";
    assert_string_equal(folio_md_station_in(H(), s, strlen(s)), "vienna");
    s = "Женева, 4–15 ноября";
    assert_string_equal(folio_md_station_in(H(), s, strlen(s)), "geneva");
    s = "Avenue, 4 May";
    assert_null(folio_md_station_in(H(), s, strlen(s)));
    assert_string_equal(folio_md_station_name(H(), "New York", 8), "new-york");
    assert_null(folio_md_station_name(H(), "Paris", 5));
}

/* ---- the reader ------------------------------------------------------------------*/

static void size_limit(void **state)
{
    (void)state;
    folio_ctx *ctx = NULL;
    folio_report *rep = (folio_report *)1;
    folio_read_options lim = {.version = FOLIO_READ_OPTIONS_VERSION, .max_bytes = 10};
    assert_int_equal(read_md(&ctx, "0123456789AB", 12, &lim, &rep), FOLIO_E_LIMIT);
    assert_null(rep);
    assert_non_null(strstr(folio_last_error(ctx), "limit of 10 bytes"));
    folio_ctx_free(ctx);
    assert_int_equal(read_md(&ctx, "0123456789", 10, &lim, &rep), 0);
    folio_report_free(rep);
    folio_ctx_free(ctx);
}

static void depth_limit(void **state)
{
    (void)state;
    /* 100 nested block quotes: deeper than the default 64 */
    char text[512];
    memset(text, '>', 100);
    strcpy(text + 100, " deep\n");
    folio_ctx *ctx = NULL;
    folio_report *rep;
    assert_int_equal(read_md(&ctx, text, strlen(text), NULL, &rep), FOLIO_E_LIMIT);
    assert_non_null(strstr(folio_last_error(ctx), "nesting deeper than 64"));
    folio_ctx_free(ctx);
    folio_read_options lim = {.version = FOLIO_READ_OPTIONS_VERSION, .max_depth = 300};
    assert_int_equal(read_md(&ctx, text, strlen(text), &lim, &rep), 0);
    assert_int_equal(rep->nblocks, 1);
    folio_report_free(rep);
    folio_ctx_free(ctx);
}

static void bad_bytes(void **state)
{
    (void)state;
    folio_ctx *ctx = NULL;
    folio_report *rep;
    const char utf8[] = "ok\nab\xC3(x\n";
    assert_int_equal(read_md(&ctx, utf8, sizeof utf8 - 1, NULL, &rep), FOLIO_E_INPUT);
    assert_true(has_diag(ctx, FOLIO_ERROR, 2, 3, "invalid UTF-8"));
    folio_ctx_free(ctx);
    const char overlong[] = "\xC0\xAF";
    assert_int_equal(read_md(&ctx, overlong, 2, NULL, &rep), FOLIO_E_INPUT);
    folio_ctx_free(ctx);
    const char surrogate[] = "x\r\n\xED\xA0\x80";
    assert_int_equal(read_md(&ctx, surrogate, 6, NULL, &rep), FOLIO_E_INPUT);
    assert_true(has_diag(ctx, FOLIO_ERROR, 2, 1, "invalid UTF-8"));
    folio_ctx_free(ctx);
    const char nul[] = "a\0b";
    assert_int_equal(read_md(&ctx, nul, 3, NULL, &rep), FOLIO_E_INPUT);
    assert_true(has_diag(ctx, FOLIO_ERROR, 1, 2, "NUL"));
    folio_ctx_free(ctx);
}

/* Inputs known to be hard for Markdown parsers must read, fast. */
static void pathological(void **state)
{
    (void)state;
    const size_t n = 100000;
    char *text = malloc(n + 1);
    assert_non_null(text);
    static const char patterns[][4] = {"[", "*", "**_", "[^a", "- ", "|", "<", "1. ", "> ", "`"};
    for (size_t p = 0; p < sizeof patterns / sizeof patterns[0]; p++) {
        size_t pl = strlen(patterns[p]);
        for (size_t i = 0; i < n; i++)
            text[i] = patterns[p][i % pl];
        text[n] = 0;
        folio_ctx *ctx = NULL;
        folio_report *rep = NULL;
        int rc = read_md(&ctx, text, n, NULL, &rep);
        assert_true(rc == 0 || rc == FOLIO_E_LIMIT);
        folio_report_free(rep);
        folio_ctx_free(ctx);
    }
    /* a wide head and many short rows: the cells are bounded */
    {
        size_t o2 = 0;
        for (int c = 0; c < 5000; c++)
            o2 += (size_t)sprintf(text + o2, "|a");
        o2 += (size_t)sprintf(text + o2, "|\n");
        for (int c = 0; c < 5000; c++)
            o2 += (size_t)sprintf(text + o2, "|-");
        o2 += (size_t)sprintf(text + o2, "|\n");
        char *big = malloc(o2 + 2 * 1000000 + 1);
        assert_non_null(big);
        memcpy(big, text, o2);
        for (int r = 0; r < 1000000; r++) {
            big[o2++] = 'x';
            big[o2++] = '\n';
        }
        folio_ctx *ctx = NULL;
        folio_report *rep = NULL;
        assert_int_equal(read_md(&ctx, big, o2, NULL, &rep), FOLIO_E_LIMIT);
        assert_non_null(strstr(folio_last_error(ctx), "more than 4194304 cells"));
        assert_true(has_diag(ctx, FOLIO_ERROR, 2, 1, "5000 columns"));
        folio_ctx_free(ctx);
        free(big);
    }
    /* markup everywhere: refused before cmark-gfm builds its nodes */
    {
        size_t bn = 4u << 20;
        char *big = malloc(bn);
        assert_non_null(big);
        memset(big, '[', bn);
        folio_ctx *ctx = NULL;
        folio_report *rep = NULL;
        assert_int_equal(read_md(&ctx, big, bn, NULL, &rep), FOLIO_E_LIMIT);
        assert_non_null(strstr(folio_last_error(ctx), "too much markup"));
        folio_ctx_free(ctx);
        free(big);
    }
    /* nested lists, each two columns deeper */
    size_t o = 0;
    for (int d = 0; d < 200 && o + 512 < n; d++) {
        memset(text + o, ' ', (size_t)d * 2);
        o += (size_t)d * 2;
        o += (size_t)sprintf(text + o, "- level %d\n", d);
    }
    folio_ctx *ctx = NULL;
    folio_report *rep = NULL;
    assert_int_equal(read_md(&ctx, text, o, NULL, &rep), FOLIO_E_LIMIT);
    folio_ctx_free(ctx);
    free(text);
}

static void front_matter_lines(void **state)
{
    (void)state;
    const char *text = "---\n"
                       "title: T\n"
                       "body: Council / Working Group\n"
                       "body: Third line\n"
                       "---\n"
                       "\n"
                       "1. One.\n"
                       "\n"
                       "3. Three.\n";
    folio_ctx *ctx = NULL;
    folio_report *rep;
    assert_int_equal(read_md(&ctx, text, strlen(text), NULL, &rep), 0);
    assert_string_equal(rep->meta.body, "Council\nWorking Group\nThird line");
    assert_string_equal(rep->meta.title, "T");
    assert_int_equal(rep->nblocks, 2);
    assert_int_equal(rep->blocks[1].pos.line, 9); /* the file's own line */
    assert_true(has_diag(ctx, FOLIO_WARNING, 9, 1, "paragraph numbered 3, expected 2"));
    folio_report_free(rep);
    folio_ctx_free(ctx);

    const char *bad = "---\ndate: 2021-02-30\n---\nText\n";
    assert_int_equal(read_md(&ctx, bad, strlen(bad), NULL, &rep), FOLIO_E_INPUT);
    assert_true(has_diag(ctx, FOLIO_ERROR, 2, 7, "bad date"));
    folio_ctx_free(ctx);

    /* a thematic break at the top is no front matter */
    const char *rule = "---\n\nText\n";
    assert_int_equal(read_md(&ctx, rule, strlen(rule), NULL, &rep), 0);
    assert_int_equal(rep->nblocks, 1);
    folio_report_free(rep);
    folio_ctx_free(ctx);
}

static void notes_and_refs(void **state)
{
    (void)state;
    const char *text = "Text[^b] and[^a].\n\n[^a]: A.\n[^b]: B.\n[^c]: C.\n";
    folio_ctx *ctx = NULL;
    folio_report *rep;
    assert_int_equal(read_md(&ctx, text, strlen(text), NULL, &rep), 0);
    assert_int_equal(rep->nnotes, 3);
    /* in order of definition, each with its blocks */
    assert_string_equal(rep->notes[0]->id, "a");
    assert_string_equal(rep->notes[1]->id, "b");
    assert_string_equal(rep->notes[2]->id, "c");
    assert_true(rep->notes[0]->referenced);
    assert_false(rep->notes[2]->referenced);
    assert_int_equal(rep->notes[2]->nblocks, 1);
    assert_true(has_diag(ctx, FOLIO_WARNING, 5, 1, "[^c] is never referenced"));
    const folio_block *b = &rep->blocks[0];
    assert_int_equal(b->runs[1].kind, FOLIO_RUN_NOTE_REF);
    assert_ptr_equal(b->runs[1].note, rep->notes[1]);
    assert_ptr_equal(b->runs[3].note, rep->notes[0]);
    folio_report_free(rep);
    folio_ctx_free(ctx);
}

static void dump_is_deterministic(void **state)
{
    (void)state;
    const char *text = "United Nations  \nA/1/2  \nDistr.: General  \n1 May 2020  \n"
                       "Original: English\n\nCouncil  \nFirst session\n\n# Title\n\n"
                       "1. Text with *style*.\n";
    char *d1 = NULL, *d2 = NULL;
    size_t l1, l2;
    for (int k = 0; k < 2; k++) {
        folio_ctx *ctx = NULL;
        folio_report *rep;
        assert_int_equal(read_md(&ctx, text, strlen(text), NULL, &rep), 0);
        assert_int_equal(folio_report_dump(rep, k ? &d2 : &d1, k ? &l2 : &l1), 0);
        assert_int_equal(folio_ctx_count(ctx), 0);
        folio_report_free(rep);
        folio_ctx_free(ctx);
    }
    assert_int_equal(l1, l2);
    assert_memory_equal(d1, d2, l1);
    assert_non_null(strstr(d1, "  date: \"2020-05-01\"\n"));
    assert_non_null(strstr(d1, "  session: \"First session\"\n"));
    free(d1);
    free(d2);
}

static void read_file_errors(void **state)
{
    (void)state;
    folio_ctx *ctx = NULL;
    char *data;
    size_t len;
    folio_ctx_new(NULL, &ctx);
    assert_int_equal(folio_read_file(ctx, "/nonexistent/x.md", 0, &data, &len), FOLIO_E_IO);
    assert_non_null(strstr(folio_last_error(ctx), "/nonexistent/x.md"));
    assert_non_null(strstr(folio_last_error(ctx), "No such file"));
    assert_null(data);
    folio_ctx_free(ctx);

    char path[] = "/tmp/folio-test-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, "0123456789", 10), 10);
    close(fd);
    folio_ctx_new(NULL, &ctx);
    assert_int_equal(folio_read_file(ctx, path, 9, &data, &len), FOLIO_E_LIMIT);
    folio_ctx_free(ctx);
    folio_ctx_new(NULL, &ctx);
    assert_int_equal(folio_read_file(ctx, path, 10, &data, &len), 0);
    assert_int_equal(len, 10);
    assert_memory_equal(data, "0123456789", 11); /* NUL-terminated */
    free(data);
    folio_ctx_free(ctx);
    unlink(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(dates_six_languages),
        cmocka_unit_test(dates_rejected),
        cmocka_unit_test(months_and_mentions),
        cmocka_unit_test(language_names),
        cmocka_unit_test(heading_labels),
        cmocka_unit_test(paragraph_and_item_labels),
        cmocka_unit_test(roman_numerals),
        cmocka_unit_test(symbols),
        cmocka_unit_test(masthead_words),
        cmocka_unit_test(size_limit),
        cmocka_unit_test(depth_limit),
        cmocka_unit_test(bad_bytes),
        cmocka_unit_test(pathological),
        cmocka_unit_test(front_matter_lines),
        cmocka_unit_test(notes_and_refs),
        cmocka_unit_test(dump_is_deterministic),
        cmocka_unit_test(read_file_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
