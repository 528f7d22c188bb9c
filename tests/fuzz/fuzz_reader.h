/* The body of a reader's libFuzzer target: read the bytes; a report that
 * reads is written back as report XML and as AKN, which must not fail on
 * what the reader made. Never crash or leak. */
#ifndef FOLIO_FUZZ_READER_H
#define FOLIO_FUZZ_READER_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "folio/read.h"
#include "model/model.h"
#include "read/entry.h"

static inline int fuzz_reader(folio_reader read, const char *name, const uint8_t *data,
                              size_t size)
{
    folio_ctx *ctx = NULL;
    folio_report *report = NULL;
    char *out = NULL;
    size_t len = 0;
    folio_ctx_new(name, &ctx);
    if (read(ctx, (const char *)data, size, name, NULL, NULL, &report) == 0) {
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

#endif
