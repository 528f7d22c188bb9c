/* libFuzzer target: the whole pipeline (read → style → layout → PDF and
 * DOCX) on arbitrary bytes, with the real fonts of ./fonts (or of
 * $FOLIO_FUZZ_FONTS) loaded once. The outputs go to a private temporary
 * folder that is reused for every input. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "docx/docx.h"
#include "style/flow.h"
#include "layout/fonts.h"
#include "layout/layout.h"
#include "pdf/pdf.h"
#include "folio/read.h"
#include "model/model.h"
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

static folio_fonts *fonts;
static char dir[64];
static char pdf_path[96];
static char docx_path[96];

static void cleanup(void)
{
    unlink(pdf_path);
    unlink(docx_path);
    rmdir(dir);
    folio_fonts_free(fonts);
}

static int setup(void)
{
    const char *fonts_dir = getenv("FOLIO_FUZZ_FONTS");
    folio_ctx ctx;
    int rc;
    folio_ctx_init(&ctx, "fonts");
    rc = folio_fonts_load(&ctx, fonts_dir ? fonts_dir : "fonts", &fonts);
    if (rc)
        fprintf(stderr, "fuzz_pipeline: %s\n", folio_last_error(&ctx));
    folio_ctx_free(&ctx);
    if (rc)
        return -1;
#ifdef FUZZ_LSAN
    __lsan_disable();
#endif
    /* the default house and its patterns, loaded once for the process */
    static const char *const langs[] = {"en", "es", "fr", "ru"};
    const folio_house *h = NULL;
    folio_ctx_init(&ctx, NULL);
    if (folio_house_default(&ctx, &h) == 0)
        for (size_t i = 0; i < sizeof langs / sizeof *langs; i++)
            folio_hyph_dict(h, folio_house_lang_get(h, langs[i], "hyphenation"));
    folio_ctx_free(&ctx);
#ifdef FUZZ_LSAN
    __lsan_enable();
#endif
    snprintf(dir, sizeof dir, "/tmp/folio-fuzz-XXXXXX");
    if (!mkdtemp(dir))
        return -1;
    snprintf(pdf_path, sizeof pdf_path, "%s/out.pdf", dir);
    snprintf(docx_path, sizeof docx_path, "%s/out.docx", dir);
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
    folio_ctx ctx;
    folio_report *report = NULL;
    folio_flow *flow = NULL;
    folio_layout *layout = NULL;
    folio_style_options opt;
    memset(&opt, 0, sizeof opt);
    folio_ctx_init(&ctx, "fuzz.md");
    if (folio_read_markdown(&ctx, (const char *)data, size, "fuzz.md", NULL, NULL, &report) ||
        folio_style_apply(&ctx, report, &opt, fonts, &flow))
        goto done;
    if (!folio_layout_run(&ctx, flow, fonts, &layout))
        folio_pdf_write(&ctx, layout, fonts, pdf_path);
    folio_docx_write(&ctx, flow, docx_path);
done:
    folio_layout_free(layout);
    folio_flow_free(flow);
    folio_report_free(report);
    folio_ctx_free(&ctx);
    return 0;
}
