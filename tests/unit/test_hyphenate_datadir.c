/* Unit test of where folio's own hyphenation dictionaries are found:
 * $FOLIO_DATADIR/styles/hyphen is laid over the built-in house style. A
 * process of its own, since the default house is loaded once per
 * process. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "house/house.h"
#include "layout/hyphenate.h"

/* The patterns the default house (with $FOLIO_DATADIR/styles laid over
 * the built-in one) names for a language. */
static const hyph_dict *dict_for(const char *lang)
{
    folio_ctx *ctx = NULL;
    const folio_house *h = NULL;
    folio_ctx_new(NULL, &ctx);
    int rc = folio_house_default(ctx, &h);
    folio_ctx_free(ctx);
    return rc ? NULL : folio_hyph_dict(h, folio_house_lang_get(h, lang, "hyphenation"));
}

static char dir[64], sub1[96], sub2[96], dic[128];

static int make_datadir(void **state)
{
    (void)state;
    strcpy(dir, "/tmp/folio-hyph-XXXXXX");
    if (!mkdtemp(dir))
        return -1;
    snprintf(sub1, sizeof sub1, "%s/styles", dir);
    snprintf(sub2, sizeof sub2, "%s/styles/hyphen", dir);
    snprintf(dic, sizeof dic, "%s/hyph_ru.dic", sub2);
    if (mkdir(sub1, 0700) || mkdir(sub2, 0700))
        return -1;
    FILE *f = fopen(dic, "w");
    if (!f)
        return -1;
    /* one pattern: a point before every б */
    fputs("UTF-8\n% a test dictionary\n1б\n", f);
    if (fclose(f))
        return -1;
    return setenv("FOLIO_DATADIR", dir, 1);
}

static int remove_datadir(void **state)
{
    (void)state;
    unlink(dic);
    rmdir(sub2);
    rmdir(sub1);
    rmdir(dir);
    return 0;
}

static void test_datadir_first(void **state)
{
    (void)state;
    const char *w = "абабабаб";
    hyph_point p[8];
    size_t n = folio_hyph_points(dict_for("ru"), 2, 3, w, strlen(w), p, 8);
    /* аба|ба|баб: before each б that leaves 2 letters before and 3 after
     * (every letter is 2 bytes) */
    assert_int_equal(n, 2);
    assert_int_equal(p[0].at, 2 * 3);
    assert_int_equal(p[1].at, 2 * 5);
    /* only Russian has a dictionary of folio's own */
    assert_true(dict_for("en") == NULL ||
                folio_hyph_points(dict_for("en"), 2, 3, "international", 13, p, 8) >= 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_datadir_first),
    };
    return cmocka_run_group_tests_name("hyphenate_datadir", tests, make_datadir,
                                       remove_datadir);
}
