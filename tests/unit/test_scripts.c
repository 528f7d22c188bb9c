/* Unit tests of text in several scripts: script of characters, faces found
 * by name and chosen per character, bidirectional levels and visual
 * order, Chinese break opportunities with kinsoku, shaping into
 * private-use codes. Faces of the Debian packages folio installs
 * (.ci/packages); a test needing one that is missing says so and fails. */
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
#include "layout/script.h"
#include "util/text.h"

#include "fonts_fixture.h"

static int face_named(const char *name)
{
    folio_ctx *ctx = NULL;
    int face = -1;
    folio_ctx_new(NULL, &ctx);
    int rc = folio_fonts_find(ctx, fonts, name, &face);
    folio_ctx_free(ctx);
    if (rc)
        fail_msg("no installed font is called \"%s\" (.ci/packages installs it)", name);
    return face;
}

static void test_script_of(void **state)
{
    (void)state;
    assert_int_equal(folio_script_of('a'), FOLIO_SCRIPT_LATIN);
    assert_int_equal(folio_script_of('7'), FOLIO_SCRIPT_LATIN);
    assert_int_equal(folio_script_of(' '), -1);
    assert_int_equal(folio_script_of(0x201C), -1);          /* “ follows its text */
    assert_int_equal(folio_script_of(0x4E00), FOLIO_SCRIPT_HAN);
    assert_int_equal(folio_script_of(0xFF0C), FOLIO_SCRIPT_HAN); /* ， */
    assert_int_equal(folio_script_of(0x0644), FOLIO_SCRIPT_ARABIC);
    assert_int_equal(folio_script_of(0x0416), FOLIO_SCRIPT_CYRILLIC);
    assert_true(folio_is_rtl_char(0x0627));
    assert_false(folio_is_rtl_char('A'));
}

static void test_find_faces(void **state)
{
    (void)state;
    int f;
    folio_ctx *ctx = NULL;
    folio_ctx_new(NULL, &ctx);
    /* the house font by its names, whatever the files */
    assert_int_equal(folio_fonts_find(ctx, fonts, "Liberation Serif", &f), 0);
    assert_int_equal(f, FOLIO_FACE_REGULAR);
    assert_int_equal(folio_fonts_find(ctx, fonts, "Liberation Serif Bold Italic", &f), 0);
    assert_int_equal(f, FOLIO_FACE_BOLD_ITALIC);
    /* fontconfig's substitute for an unknown name does not count */
    assert_int_equal(folio_fonts_find(ctx, fonts, "No Such Font Anywhere", &f), 1);
    folio_ctx_free(ctx);
    int uming = face_named("AR PL UMing CN");
    assert_true(uming >= FOLIO_FACE_COUNT);
    assert_int_equal(face_named("AR PL UMing CN"), uming); /* loaded once */
    assert_int_equal(folio_glyph_width(fonts, uming, 0x4E00), 1000);
    int naskh = face_named("Noto Naskh Arabic"), bold = face_named("Noto Naskh Arabic Bold");
    assert_true(naskh != bold);
    assert_true(folio_glyph_width(fonts, naskh, '(') < 0); /* no Latin: a fallback */
}

/* A fontset as zh.style and ar.style make it: Han and Arabic in their
 * faces, the rest in the house font. */
static folio_fontset fontset(void)
{
    folio_fontset fs;
    memset(&fs, 0, sizeof fs);
    for (int r = 0; r <= FOLIO_ROLE_HEADINGS; r++)
        for (int s = 0; s < FOLIO_SCRIPT_COUNT; s++)
            fs.face[r][s] = (uint8_t)(r == FOLIO_ROLE_HEADINGS ? FOLIO_FACE_BOLD : r);
    fs.face[FOLIO_FACE_REGULAR][FOLIO_SCRIPT_HAN] = (uint8_t)face_named("AR PL UMing CN");
    fs.face[FOLIO_FACE_REGULAR][FOLIO_SCRIPT_ARABIC] = (uint8_t)face_named("Noto Naskh Arabic");
    fs.mixed = 1;
    return fs;
}

static void test_segment_fallback(void **state)
{
    (void)state;
    folio_fontset fs = fontset();
    int ctx = -1;
    folio_segs segs = {0};
    /* Chinese with Latin and digits: the ideographs and the full-width
     * marks in the Chinese face, the Latin letters and digits in the house
     * font; the quotation mark follows the Chinese text around it */
    const char *s = "大会2000年（UNDP）“公约”";
    assert_int_equal(folio_segment(fonts, &fs, FOLIO_FACE_REGULAR, s, strlen(s), NULL, &ctx,
                                   &segs), 0);
    int han = fs.face[0][FOLIO_SCRIPT_HAN];
    assert_int_equal(segs.n, 5);
    assert_int_equal(segs.v[0].face, han);                  /* 大会 */
    assert_int_equal(segs.v[1].face, FOLIO_FACE_REGULAR);   /* 2000 */
    assert_int_equal(segs.v[2].face, han);                  /* 年（ */
    assert_int_equal(segs.v[3].face, FOLIO_FACE_REGULAR);   /* UNDP */
    assert_int_equal(segs.v[4].face, han);                  /* ）“公约” */
    free(segs.v);
    /* Arabic: the letters in Noto Naskh, the brackets and digits it lacks
     * in the house font, never missing */
    memset(&segs, 0, sizeof segs);
    ctx = -1;
    s = "(انظر 3239)";
    assert_int_equal(folio_segment(fonts, &fs, FOLIO_FACE_REGULAR, s, strlen(s), NULL, &ctx,
                                   &segs), 0);
    for (size_t i = 0; i < segs.n; i++)
        for (size_t k = segs.v[i].start; k < segs.v[i].start + segs.v[i].len;) {
            uint32_t cp;
            k += (size_t)folio_utf8_next(s + k, strlen(s) - k, &cp);
            if (cp != ' ')
                assert_true(folio_glyph_width(fonts, segs.v[i].face, cp) >= 0);
        }
    free(segs.v);
}

/* A script the language names no face for: the house's face of it, by
 * name, found when a character of it comes; text without such characters
 * keeps the house faces' short path. */
static void test_other_scripts(void **state)
{
    (void)state;
    folio_fontset fs;
    memset(&fs, 0, sizeof fs); /* a language of the house faces alone */
    for (int r = 0; r <= FOLIO_ROLE_HEADINGS; r++)
        for (int s = 0; s < FOLIO_SCRIPT_COUNT; s++)
            fs.face[r][s] = (uint8_t)(r == FOLIO_ROLE_HEADINGS ? FOLIO_FACE_BOLD : r);
    const char *s = "the name 联合国 and (الأمم)";
    assert_false(folio_fontset_other_text(&fs, s, strlen(s)));
    for (int r = 0; r <= FOLIO_ROLE_HEADINGS; r++) {
        fs.other[r][FOLIO_SCRIPT_HAN] = "AR PL UMing CN";
        fs.other[r][FOLIO_SCRIPT_ARABIC] = "Noto Naskh Arabic";
    }
    fs.others = 1;
    assert_true(folio_fontset_other_text(&fs, s, strlen(s)));
    assert_false(folio_fontset_other_text(&fs, "Déjà vu, Жизнь", strlen("Déjà vu, Жизнь")));
    int ctx = -1;
    folio_segs segs = {0};
    assert_int_equal(folio_segment(fonts, &fs, FOLIO_FACE_REGULAR, s, strlen(s), NULL, &ctx,
                                   &segs), 0);
    int han = face_named("AR PL UMing CN"), ar = face_named("Noto Naskh Arabic");
    int saw_han = 0, saw_ar = 0;
    for (size_t i = 0; i < segs.n; i++) {
        saw_han |= segs.v[i].face == han;
        saw_ar |= segs.v[i].face == ar;
        for (size_t k = segs.v[i].start; k < segs.v[i].start + segs.v[i].len;) {
            uint32_t cp;
            k += (size_t)folio_utf8_next(s + k, strlen(s) - k, &cp);
            if (cp != ' ')
                assert_true(folio_glyph_width(fonts, segs.v[i].face, cp) >= 0);
        }
    }
    assert_true(saw_han && saw_ar);
    free(segs.v);
}

static void test_bidi(void **state)
{
    (void)state;
    /* an Arabic paragraph with a symbol in it: the symbol left to right
     * at level 2 inside the right-to-left level 1 */
    const char *s = "نظرت (CCPR/C/7) في";
    size_t n = strlen(s);
    uint8_t *lv = malloc(n);
    assert_int_equal(folio_bidi_levels(s, n, 1, lv), 1);
    assert_int_equal(lv[0], 1);
    assert_int_equal(lv[strstr(s, "CCPR") - s], 2);
    assert_int_equal(lv[n - 1], 1);
    free(lv);
    /* visual order: runs at odd levels reversed, the islands inside them
     * keep their own order */
    uint8_t levels[] = {1, 1, 2, 2, 1};
    size_t order[5];
    folio_bidi_order(levels, 5, order);
    size_t want[] = {4, 2, 3, 1, 0};
    for (int i = 0; i < 5; i++)
        assert_int_equal(order[i], want[i]);
    assert_false(folio_bidi_needed("plain text", 10, 0));
    assert_true(folio_bidi_needed("x ا", 4, 0));
}

static folio_cjk_rules zh_rules(void)
{
    folio_cjk_rules r = {1, "、 | 。 | ， | ） | ” | ：", "（ | “", "— | …", NULL, NULL, 250, 250};
    return r;
}

/* Where a line may end in s: the characters before each break. */
static void breaks_of(const char *s, char *out, size_t room)
{
    folio_cjk_rules r = zh_rules();
    size_t pos[64];
    int n = folio_cjk_breaks(&r, s, strlen(s), pos);
    size_t o = 0, at = 0;
    assert_true(n >= 0);
    for (int i = 0; i < n && o + 8 < room; i++) {
        memcpy(out + o, s + at, pos[i] - at);
        o += pos[i] - at;
        out[o++] = '|';
        at = pos[i];
    }
    snprintf(out + o, room - o, "%s", s + at);
}

static void test_cjk_breaks(void **state)
{
    (void)state;
    char got[256];
    /* between ideographs; never before a closing mark, never after an
     * opening one; the two-em dash and the ellipsis whole; Latin words
     * whole */
    breaks_of("和平、安全（UNDP）。", got, sizeof got);
    assert_string_equal(got, "和|平、|安|全|（UNDP）。");
    breaks_of("宗旨——原则……如下：“公约”", got, sizeof got);
    assert_string_equal(got, "宗|旨|——|原|则……|如|下：|“公|约”");
}

static void test_glyph_codes(void **state)
{
    (void)state;
    folio_arena *a = folio_arena_new();
    folio_glyph_map *m = folio_glyph_map_new(a);
    folio_ctx *ctx = NULL;
    folio_ctx_new(NULL, &ctx);
    uint16_t c1, c2, c3;
    assert_int_equal(folio_glyph_code(ctx, m, 5, 100, "لا", strlen("لا"), &c1), 0);
    assert_int_equal(folio_glyph_code(ctx, m, 5, 100, "لا", strlen("لا"), &c2), 0);
    assert_int_equal(folio_glyph_code(ctx, m, 5, 100, "ل", strlen("ل"), &c3), 0);
    assert_int_equal(c1, FOLIO_PUA_FIRST);
    assert_int_equal(c1, c2); /* the same glyph and text: the same code */
    assert_int_not_equal(c1, c3);
    /* shaping Arabic: joined forms through private-use codes, each
     * standing for its letters; a Latin-face bracket at a right-to-left
     * level is mirrored, and stands for the bracket typed */
    int naskh = face_named("Noto Naskh Arabic");
    folio_shaped sh;
    const char *s = "السلام";
    assert_int_equal(folio_shape_text(ctx, fonts, m, a, naskh, 1, "ar", s, strlen(s), &sh), 0);
    assert_true(sh.n >= 4);
    for (size_t i = 0; i < sh.n; i++)
        assert_true(sh.code[i] >= FOLIO_PUA_FIRST || sh.code[i] == 0x0627 ||
                    sh.code[i] == 0x0644 || sh.code[i] == 0x0645 || sh.code[i] == 0x0633);
    assert_true(sh.advance > 0);
    assert_int_equal(folio_shape_text(ctx, fonts, m, a, FOLIO_FACE_REGULAR, 1, "ar", "(", 1,
                                      &sh), 0);
    assert_int_equal(sh.n, 1);
    assert_true(sh.code[0] >= FOLIO_PUA_FIRST); /* the glyph of ")" standing for "(" */
    folio_ctx_free(ctx);
    folio_arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_script_of),
        cmocka_unit_test(test_find_faces),
        cmocka_unit_test(test_segment_fallback),
        cmocka_unit_test(test_other_scripts),
        cmocka_unit_test(test_bidi),
        cmocka_unit_test(test_cjk_breaks),
        cmocka_unit_test(test_glyph_codes),
    };
    return cmocka_run_group_tests_name("scripts", tests, setup, teardown);
}
