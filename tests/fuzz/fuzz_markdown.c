/* libFuzzer target: the Markdown reader on arbitrary bytes. Any input
 * must either read or fail with a diagnostic; never crash or leak. */
#include <stddef.h>
#include <stdint.h>

#include "folio/read.h"
#include "model/model.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    folio_ctx *ctx = NULL;
    folio_report *report = NULL;
    folio_ctx_new("fuzz.md", &ctx);
    folio_read_markdown(ctx, (const char *)data, size, "fuzz.md", NULL, NULL, &report);
    folio_report_free(report);
    folio_ctx_free(ctx);
    return 0;
}
