/* libFuzzer target: the DOCX reader on arbitrary bytes. Any input must
 * either read or fail with a diagnostic; never crash, leak or inflate a
 * zip bomb. A report that reads is written back as report XML and as
 * AKN, which must not fail on what the reader made. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "folio/read.h"
#include "model/model.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    folio_ctx *ctx = NULL;
    folio_report *report = NULL;
    char *out = NULL;
    size_t len = 0;
    folio_ctx_new("fuzz.docx", &ctx);
    if (folio_read_docx(ctx, (const char *)data, size, "fuzz.docx", NULL, NULL, &report) == 0) {
        folio_report_xml(ctx, report, &out, &len);
        free(out);
        out = NULL;
        folio_report_akn(ctx, report, &out, &len);
        free(out);
    }
    folio_report_free(report);
    folio_ctx_free(ctx);
    return 0;
}
