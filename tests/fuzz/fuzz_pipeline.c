/* libFuzzer target: the whole pipeline (read, then folio_render: style,
 * layout, PDF and DOCX) on arbitrary bytes, with the resources (the real
 * fonts of ./fonts or of $FOLIO_FUZZ_FONTS) loaded once. The PDF goes to a
 * private temporary folder that is reused for every input, the DOCX into
 * memory. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "folio.h"
#include "house/house.h"
#include "layout/hyphenate.h"

/* libhyphen's loader leaks a few bytes per dictionary, once per process;
 * the dictionaries are loaded up front with leak checks off so that
 * libFuzzer's per-input leak check does not stop on them. */
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#include <sanitizer/lsan_interface.h>
#define FUZZ_LSAN 1
#endif
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static folio_resources *res;
static char dir[64];
static char pdf_path[96];

static void cleanup(void)
{
    unlink(pdf_path);
    rmdir(dir);
    folio_resources_free(res);
    folio_shutdown();
}

static int setup(void)
{
    const char *fonts_dir = getenv("FOLIO_FUZZ_FONTS");
    folio_resources_options ro = FOLIO_RESOURCES_OPTIONS_INIT;
    folio_ctx *ctx = NULL;
    int rc;
    ro.fonts_dir = fonts_dir ? fonts_dir : "fonts";
    if (folio_init() || folio_ctx_new("fonts", &ctx))
        return -1;
    rc = folio_resources_load(ctx, &ro, &res);
    if (rc)
        fprintf(stderr, "fuzz_pipeline: %s\n", folio_last_error(ctx));
    folio_ctx_free(ctx);
    if (rc)
        return -1;
#ifdef FUZZ_LSAN
    __lsan_disable();
#endif
    /* the default house and its patterns, loaded once for the process */
    static const char *const langs[] = {"en", "es", "fr", "ru"};
    const folio_house *h = folio_resources_house(res);
    for (size_t i = 0; i < sizeof langs / sizeof *langs; i++)
        folio_hyph_dict(h, folio_house_lang_get(h, langs[i], "hyphenation"));
#ifdef FUZZ_LSAN
    __lsan_enable();
#endif
    snprintf(dir, sizeof dir, "/tmp/folio-fuzz-XXXXXX");
    if (!mkdtemp(dir))
        return -1;
    snprintf(pdf_path, sizeof pdf_path, "%s/out.pdf", dir);
    atexit(cleanup);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int ready;
    if (!ready) {
        if (setup())
            abort(); /* no fonts: the target cannot run at all */
        ready = 1;
    }
    folio_ctx *ctx = NULL;
    folio_report *report = NULL;
    folio_render_options opt = FOLIO_RENDER_OPTIONS_INIT;
    folio_output out;
    opt.pdf_path = pdf_path;
    opt.to_memory = FOLIO_DOCX;
    if (folio_ctx_new("fuzz.md", &ctx))
        return 0;
    if (!folio_read_markdown(ctx, (const char *)data, size, "fuzz.md", NULL,
                             folio_resources_house(res), &report) &&
        !folio_render(ctx, report, res, &opt, &out))
        folio_output_free(&out);
    folio_report_free(report);
    folio_ctx_free(ctx);
    return 0;
}
