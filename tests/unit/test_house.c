/* Unit tests of the house style loader: the built-in copy equals the
 * files of styles/, a folder laid over it, a single file in place of
 * un.style, sections named after where a file lies, a section defined in
 * two files, bad values named with their file and line, and the word
 * lists built from the language and station files. */
#include <dirent.h>
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

static char dir[64];

/* Write DIR/NAME (making its folders) with `text`. */
static void put(const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    for (char *p = path + strlen(dir) + 1; (p = strchr(p, '/')); p++) {
        *p = 0;
        mkdir(path, 0700);
        *p = '/';
    }
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

static void rm_tree(const char *path)
{
    DIR *d = opendir(path);
    if (!d) {
        unlink(path);
        return;
    }
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        char sub[512];
        snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
        rm_tree(sub);
    }
    closedir(d);
    rmdir(path);
}

static int fresh_dir(void **state)
{
    (void)state;
    strcpy(dir, "/tmp/folio-house-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int remove_dir(void **state)
{
    (void)state;
    rm_tree(dir);
    return 0;
}

/* Load DIR (or path); returns the code, the house in *h, the last error
 * in msg. */
static int load(const char *path, folio_house **h, char *msg, size_t cap)
{
    folio_ctx *ctx = NULL;
    folio_ctx_new(NULL, &ctx);
    int rc = folio_house_load(ctx, path, h);
    snprintf(msg, cap, "%s", folio_last_error(ctx));
    folio_ctx_free(ctx);
    return rc;
}

static int compare_with_disk(const char *top, const char *rel, const folio_house *h,
                             size_t *seen)
{
    char path[512];
    snprintf(path, sizeof path, "%s%s%s", top, rel[0] ? "/" : "", rel);
    DIR *d = opendir(path);
    assert_non_null(d);
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char name[512], full[1024];
        snprintf(name, sizeof name, "%s%s%s", rel, rel[0] ? "/" : "", e->d_name);
        snprintf(full, sizeof full, "%s/%s", top, name);
        struct stat st;
        assert_int_equal(stat(full, &st), 0);
        if (S_ISDIR(st.st_mode)) {
            compare_with_disk(top, name, h, seen);
            continue;
        }
        size_t n = strlen(name);
        int wanted = (n > 6 && !strcmp(name + n - 6, ".style")) ||
                     (n > 4 && !strcmp(name + n - 4, ".dic"));
        if (!wanted)
            continue;
        const folio_house_file *f = folio_house_find_file(h, name);
        if (!f)
            fail_msg("styles/%s is not in the built-in house style", name);
        FILE *fp = fopen(full, "rb");
        assert_non_null(fp);
        char *buf = malloc((size_t)st.st_size + 1);
        assert_non_null(buf);
        assert_int_equal(fread(buf, 1, (size_t)st.st_size, fp), (size_t)st.st_size);
        fclose(fp);
        assert_int_equal(f->len, (size_t)st.st_size);
        if (memcmp(buf, f->data, f->len))
            fail_msg("the built-in copy of styles/%s differs from the file", name);
        free(buf);
        (*seen)++;
    }
    closedir(d);
    return 0;
}

static void builtin_equals_files(void **state)
{
    (void)state;
    folio_house *h;
    char msg[512];
    assert_int_equal(load(NULL, &h, msg, sizeof msg), 0);
    size_t seen = 0;
    compare_with_disk("styles", "", h, &seen);
    /* every built-in file is one of styles/, and there is at least a
     * language, a station and the hyphenation patterns */
    assert_int_equal(seen, h->nfiles);
    assert_non_null(folio_house_find_file(h, "un.style"));
    assert_non_null(folio_house_find_file(h, "languages/en.style"));
    assert_non_null(folio_house_find_file(h, "stations/geneva.style"));
    assert_non_null(folio_house_find_file(h, "hyphen/hyph_ru.dic"));
    /* the six languages and four stations, in the house's order */
    const char *const *v;
    assert_int_equal(folio_house_languages(h, &v), 6);
    assert_string_equal(v[0], "en");
    assert_string_equal(v[5], "ar");
    assert_int_equal(folio_house_stations(h, &v), 4);
    assert_string_equal(v[0], "new-york");
    assert_string_equal(v[3], "nairobi");
    folio_house_free(h);
}

static void sections_by_place(void **state)
{
    (void)state;
    folio_house *h;
    char msg[512];
    assert_int_equal(load(NULL, &h, msg, sizeof msg), 0);
    /* keys before a header in languages/fr.style are [lang.fr]; its
     * [months] is [lang.fr.months]; a station file is [station.NAME] */
    assert_string_equal(folio_house_get(h, "lang.fr", "wordmark"), "Nations Unies");
    assert_string_equal(folio_house_get(h, "lang.fr.months", "8"), "août");
    assert_string_equal(folio_house_get(h, "station.vienna", "job-prefix"), "V.");
    assert_string_equal(folio_house_get(h, "station.geneva.names", "es"), "Ginebra");
    assert_string_equal(folio_house_file_of(h, "lang.fr", "wordmark"),
                        "<built-in>/languages/fr.style");
    /* the sections of a kind, one by one */
    size_t i = 0, n = 0;
    for (const char *s; (s = folio_house_next_section(h, "station", &i));)
        n++;
    assert_int_equal(n, 4);
    /* the words built from them */
    assert_string_equal(folio_house_lang(h, "Español"), "es");
    assert_string_equal(folio_house_lang(h, "بالإنكليزية"), "en");
    assert_string_equal(folio_house_lang(h, "русский язык"), "ru");
    assert_null(folio_house_lang(h, "Klingon"));
    const char *s;
    size_t len;
    assert_true(folio_house_lang_name(h, "en", "es", &s, &len));
    assert_int_equal(len, strlen("inglés"));
    assert_memory_equal(s, "inglés", len);
    folio_house_free(h);
}

/* A language and a station that only a folder adds, an English file that
 * replaces the built-in one. */
static void folder_overlay(void **state)
{
    (void)state;
    put("languages/pt.style",
        "tag = pt-PT\nwordmark = Nações Unidas\niso639-2 = por\n"
        "[months]\n1 = janeiro\n[name]\nen = Portuguese\n");
    put("stations/bonn.style", "paper = A4\njob-prefix = BN.\n[names]\nen = Bonn\n");
    put("languages/en.style", "wordmark = The United Nations\nblock = en\n");
    folio_house *h;
    char msg[512];
    assert_int_equal(load(dir, &h, msg, sizeof msg), 0);
    const char *const *v;
    size_t n = folio_house_languages(h, &v);
    assert_int_equal(n, 7);
    assert_string_equal(v[6], "pt"); /* after the ordered six */
    n = folio_house_stations(h, &v);
    assert_int_equal(n, 5);
    assert_string_equal(v[4], "bonn");
    assert_string_equal(folio_house_get(h, "lang.pt.months", "1"), "janeiro");
    assert_string_equal(folio_house_lang(h, "Portuguese"), "pt");
    assert_string_equal(folio_house_lang(h, "por"), "pt");
    /* the folder's en.style replaces the built-in one as a whole */
    assert_string_equal(folio_house_get(h, "lang.en", "wordmark"), "The United Nations");
    assert_null(folio_house_get(h, "lang.en", "distr-general"));
    /* the others stay */
    assert_string_equal(folio_house_get(h, "lang.fr", "wordmark"), "Nations Unies");
    assert_non_null(folio_house_get(h, "style.UNPara", "size"));
    size_t count;
    const folio_house_word *w = folio_house_words(h, FOLIO_HL_JOB_PREFIX, &count);
    int bonn = 0;
    for (size_t i = 0; i < count; i++)
        bonn |= !strcmp(w[i].text, "BN.") && !strcmp(w[i].id, "bonn");
    assert_true(bonn);
    folio_house_free(h);
}

/* A file given alone takes the place of un.style; the other files stay. */
static void single_file(void **state)
{
    (void)state;
    put("mine.style", "[document]\ndefault-station = geneva\n");
    char path[128];
    snprintf(path, sizeof path, "%s/mine.style", dir);
    folio_house *h;
    char msg[512];
    assert_int_equal(load(path, &h, msg, sizeof msg), 0);
    assert_string_equal(folio_house_get(h, "document", "default-station"), "geneva");
    assert_null(folio_house_get(h, "style.UNPara", "size"));
    assert_string_equal(h->file, path);
    assert_non_null(folio_house_get(h, "lang.en", "wordmark"));
    folio_house_free(h);
}

static void section_in_two_files(void **state)
{
    (void)state;
    /* [lang.en] in un.style beside languages/en.style */
    put("un.style", "[document]\nx = 1\n\n[lang.en]\nwordmark = Twice\n");
    folio_house *h = NULL;
    char msg[512];
    assert_int_equal(load(dir, &h, msg, sizeof msg), FOLIO_E_STYLE);
    assert_null(h);
    if (!strstr(msg, "[lang.en] is defined twice") || !strstr(msg, "un.style:5") ||
        !strstr(msg, "<built-in>/languages/en.style:"))
        fail_msg("unexpected message: %s", msg);
}

static void sub_section_in_two_files(void **state)
{
    (void)state;
    /* [months] of fr.style also written as [lang.fr.months] in un.style */
    put("un.style", "[lang.fr.months]\n1 = janvier\n");
    folio_house *h = NULL;
    char msg[512];
    assert_int_equal(load(dir, &h, msg, sizeof msg), FOLIO_E_STYLE);
    if (!strstr(msg, "[lang.fr.months] is defined twice"))
        fail_msg("unexpected message: %s", msg);
}

static void class_sections_either_way(void **state)
{
    (void)state;
    /* a class in un.style, another as a file: both are class.* */
    put("un.style", "[document]\nx = 1\n[class.full-test]\nmasthead = full\n");
    put("classes/none-test.style", "masthead = none\n");
    folio_house *h;
    char msg[512];
    assert_int_equal(load(dir, &h, msg, sizeof msg), 0);
    size_t i = 0, n = 0;
    for (const char *s; (s = folio_house_next_section(h, "class", &i));)
        n++;
    /* the two, besides the built-in house's own classes */
    assert_string_equal(folio_house_get(h, "class.full-test", "masthead"), "full");
    assert_string_equal(folio_house_get(h, "class.none-test", "masthead"), "none");
    assert_true(n >= 2);
    folio_house_free(h);
}

static void bad_values_named(void **state)
{
    (void)state;
    folio_house *h = NULL;
    char msg[512];
    put("languages/xx.style", "tag = xx\n\ndirection = upwards\n");
    assert_int_equal(load(dir, &h, msg, sizeof msg), FOLIO_E_STYLE);
    if (!strstr(msg, "languages/xx.style:3: [lang.xx] direction: give ltr or rtl"))
        fail_msg("unexpected message: %s", msg);
    put("languages/xx.style", "tag = xx\n[months]\n13 = Undecember\n");
    assert_int_equal(load(dir, &h, msg, sizeof msg), FOLIO_E_STYLE);
    if (!strstr(msg, "xx.style:3: [lang.xx.months] 13: not a month from 1 to 12"))
        fail_msg("unexpected message: %s", msg);
    /* a name that already names another language */
    put("languages/xx.style", "tag = xx\n[name]\nes = inglés\n");
    assert_int_equal(load(dir, &h, msg, sizeof msg), FOLIO_E_STYLE);
    if (!strstr(msg, "xx.style:3: [lang.xx.name] es: \"ingles\" also names en"))
        fail_msg("unexpected message: %s", msg);
    put("languages/xx.style", "tag = xx\nno equals sign\n");
    assert_int_equal(load(dir, &h, msg, sizeof msg), FOLIO_E_STYLE);
    if (!strstr(msg, "languages/xx.style:2: expected `key = value`"))
        fail_msg("unexpected message: %s", msg);
    put("languages/xx.style", "tag = xx\n");
    put("odd/yy.style", "a = b\n");
    assert_int_equal(load(dir, &h, msg, sizeof msg), FOLIO_E_STYLE);
    if (!strstr(msg, "odd/yy.style: folio reads the .style files"))
        fail_msg("unexpected message: %s", msg);
    assert_null(h);
}

static void missing_path(void **state)
{
    (void)state;
    folio_house *h = NULL;
    char msg[512];
    assert_int_equal(load("/nonexistent/folio.style", &h, msg, sizeof msg), FOLIO_E_IO);
    assert_non_null(strstr(msg, "/nonexistent/folio.style"));
}

static int makes, drops;
static void *make(const folio_house *h, const char *key, void *arg)
{
    (void)h;
    (void)arg;
    makes++;
    return strdup(key);
}
static void drop(void *p)
{
    drops++;
    free(p);
}

static void memo_once(void **state)
{
    (void)state;
    folio_house *h;
    char msg[512];
    assert_int_equal(load(NULL, &h, msg, sizeof msg), 0);
    void *a = folio_house_memo_get(h, "k", make, NULL, drop);
    void *b = folio_house_memo_get(h, "k", make, NULL, drop);
    assert_ptr_equal(a, b);
    assert_int_equal(makes, 1);
    folio_house_free(h);
    assert_int_equal(drops, 1);
}

int main(void)
{
    unsetenv("FOLIO_DATADIR");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(builtin_equals_files),
        cmocka_unit_test(sections_by_place),
        cmocka_unit_test_setup_teardown(folder_overlay, fresh_dir, remove_dir),
        cmocka_unit_test_setup_teardown(single_file, fresh_dir, remove_dir),
        cmocka_unit_test_setup_teardown(section_in_two_files, fresh_dir, remove_dir),
        cmocka_unit_test_setup_teardown(sub_section_in_two_files, fresh_dir, remove_dir),
        cmocka_unit_test_setup_teardown(class_sections_either_way, fresh_dir, remove_dir),
        cmocka_unit_test_setup_teardown(bad_values_named, fresh_dir, remove_dir),
        cmocka_unit_test(missing_path),
        cmocka_unit_test(memo_once),
    };
    return cmocka_run_group_tests_name("house", tests, NULL, NULL);
}
