/* libFuzzer target: the house style reader and every value the style
 * stage and the layout take from it. The input replaces un.style (as
 * `--style FILE` does); a house that loads sets a small report to PDF and
 * DOCX in memory with the real fonts. Any input must either load and
 * render or fail with a diagnostic; never crash, hang or put text off the
 * page silently. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "folio.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64];
static char style_path[96];

static const char report[] =
    "---\nsymbol: A/HRC/55/1\ndate: 2024-03-01\nlanguage: en\n---\n"
    "# Report of the Council\n\n## Introduction\n\n"
    "1. The Council met twice.[^1] Its members agreed on a long sentence that "
    "needs more than one line to be set in the column of the page.\n\n"
    "(a) An item;\n\n- a bullet\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n"
    "[^1]: A note.\n";

static void cleanup(void)
{
    unlink(style_path);
    rmdir(dir);
    folio_shutdown();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int ready;
    if (!ready) {
        snprintf(dir, sizeof dir, "/tmp/folio-fuzz-house-XXXXXX");
        if (folio_init() || !mkdtemp(dir))
            abort();
        snprintf(style_path, sizeof style_path, "%s/un.style", dir);
        atexit(cleanup);
        ready = 1;
    }
    FILE *f = fopen(style_path, "wb");
    if (!f || fwrite(data, 1, size, f) != size || fclose(f))
        abort();
    folio_ctx *ctx = NULL;
    folio_resources *res = NULL;
    folio_report *r = NULL;
    folio_resources_options ro = FOLIO_RESOURCES_OPTIONS_INIT;
    folio_render_options opt = FOLIO_RENDER_OPTIONS_INIT;
    folio_output out;
    const char *fonts = getenv("FOLIO_FUZZ_FONTS");
    ro.fonts_dir = fonts ? fonts : "fonts";
    ro.style_path = style_path;
    opt.to_memory = FOLIO_PDF | FOLIO_DOCX;
    if (folio_ctx_new("fuzz.md", &ctx))
        return 0;
    if (!folio_resources_load(ctx, &ro, &res) &&
        !folio_read_markdown(ctx, report, sizeof report - 1, "fuzz.md", NULL,
                             folio_resources_house(res), &r) &&
        !folio_render(ctx, r, res, &opt, &out))
        folio_output_free(&out);
    folio_report_free(r);
    folio_resources_free(res);
    folio_ctx_free(ctx);
    return 0;
}
