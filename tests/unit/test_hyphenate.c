/* Unit tests of hyphenation points: folio's own Russian dictionary
 * (styles/hyphen/hyph_ru.dic, in the built-in house style), its exceptions, and breaks after the dash of a range of
 * numbers or an en-dash compound. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "house/house.h"
#include "layout/hyphenate.h"

/* The patterns the default house names for a language. */
static const hyph_dict *dict_for(const char *lang)
{
    folio_ctx *ctx = NULL;
    const folio_house *h = NULL;
    folio_ctx_new(NULL, &ctx);
    int rc = folio_house_default(ctx, &h);
    folio_ctx_free(ctx);
    return rc ? NULL : folio_hyph_dict(h, folio_house_lang_get(h, lang, "hyphenation"));
}

/* The word with '|' at every point, e.g. "тор|гов|лей"; explicit points
 * are shown as '/'. */
static const char *marked(const char *lang, const char *w)
{
    static char buf[512];
    hyph_point p[48];
    size_t n = folio_hyph_points(dict_for(lang), 2, 3, w, strlen(w), p, 48);
    size_t at = 0, o = 0;
    for (size_t k = 0; k < n; k++) {
        memcpy(buf + o, w + at, p[k].at - at);
        o += p[k].at - at;
        buf[o++] = p[k].explicit_hyphen ? '/' : '|';
        at = p[k].at;
    }
    strcpy(buf + o, w + at);
    return buf;
}

static void test_russian_patterns(void **state)
{
    (void)state;
    assert_non_null(dict_for("ru"));
    /* Debian's hyph_ru_RU.dic finds no point in these words: the patterns
     * were never combined for libhyphen */
    assert_string_equal(marked("ru", "торговлей"), "тор|гов|лей");
    assert_string_equal(marked("ru", "финансовых"), "фи|нан|со|вых");
    assert_string_equal(marked("ru", "надлежащий"), "над|ле|жа|щий");
    assert_string_equal(marked("ru", "преподавание"), "пре|по|да|ва|ние");
    /* capitals, ё, punctuation around */
    assert_string_equal(marked("ru", "Европейская"), "Ев|ро|пей|ская");
    assert_string_equal(marked("ru", "объединённых"), "объ|еди|нён|ных");
    assert_string_equal(marked("ru", "«законодательство»,"), "«за|ко|но|да|тель|ство»,");
    /* at least 2 letters before a point and 3 after */
    assert_string_equal(marked("ru", "эффективно"), "эф|фек|тивно");
}

static void test_russian_exceptions(void **state)
{
    (void)state;
    /* the \hyphenation list of hyph-ru.tex, written as patterns */
    assert_string_equal(marked("ru", "бизнесмен"), "биз|нес|мен");
    assert_string_equal(marked("ru", "бездн"), "бездн");
    assert_string_equal(marked("ru", "шестьдесят"), "шесть|де|сят");
    /* only the whole word: the exception does not reach longer words */
    assert_string_not_equal(marked("ru", "бизнесмены"), "бизнесмены");
}

static void test_number_ranges(void **state)
{
    (void)state;
    /* after the dash of a range, as after a compound's hyphen */
    assert_string_equal(marked("en", "2016-2018"), "2016-/2018");
    assert_string_equal(marked("en", "(2016–2018),"), "(2016–/2018),");
    assert_string_equal(marked("ru", "2017–2020"), "2017–/2020");
    /* too short to stand alone at a line's end or start */
    assert_string_equal(marked("en", "1990-95"), "1990-95");
    assert_string_equal(marked("en", "5-10"), "5-10");
    assert_string_equal(marked("en", "9-1000"), "9-1000");
    /* not ranges: symbols, codes, several dashes */
    assert_string_equal(marked("en", "COVID-19"), "COVID-19");
    assert_string_equal(marked("en", "2016-2018-2020"), "2016-2018-2020");
    assert_string_equal(marked("en", "A/HRC/WG.6/34/ITA/3"), "A/HRC/WG.6/34/ITA/3");
    assert_string_equal(marked("en", "2016/2018"), "2016/2018");
    assert_string_equal(marked("en", "12345678"), "12345678");
    /* no dictionary: ranges all the same */
    assert_string_equal(marked("zh", "2016-2018"), "2016-/2018");
}

static void test_en_dash_compounds(void **state)
{
    (void)state;
    assert_string_equal(marked("en", "Italy–Libya"), "Italy–/Libya");
    assert_string_equal(marked("en", "(CoE-GRECO)"), "(CoE-/GRECO)");
    /* a dash at the end is punctuation, not a break */
    assert_string_equal(marked("zh", "standing–"), "standing–");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_russian_patterns),
        cmocka_unit_test(test_russian_exceptions),
        cmocka_unit_test(test_number_ranges),
        cmocka_unit_test(test_en_dash_compounds),
    };
    return cmocka_run_group_tests_name("hyphenate", tests, NULL, NULL);
}
