/* spec_dump: read a Markdown report and print what the reader made of it.
 *
 *   spec_dump FILE.md
 *
 * stdout: folio_report_dump of the report (nothing when reading fails);
 * stderr: every diagnostic as "file:line:col: warning|error: message".
 * Exit status 0 when the file was read, 1 otherwise. Used by
 * tests/run_spec.sh. */
#include <stdio.h>
#include <stdlib.h>

#include "folio.h"
#include "util/file.h"
#include "model/model.h"
#include "style/flow.h"
#include "layout/layout.h"
#include "pdf/pdf.h"
#include "docx/docx.h"

static void print_diags(const folio_ctx *ctx)
{
    for (size_t i = 0; i < folio_ctx_count(ctx); i++) {
        const folio_diag *d = folio_ctx_diag(ctx, i);
        const char *sev = d->severity == FOLIO_ERROR ? "error" : "warning";
        const char *msg = d->message ? d->message : "(no message)";
        if (d->pos.line > 0)
            fprintf(stderr, "%s:%d:%d: %s: %s\n", d->file ? d->file : "<input>", d->pos.line,
                    d->pos.col, sev, msg);
        else
            fprintf(stderr, "%s: %s: %s\n", d->file ? d->file : "<input>", sev, msg);
    }
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: spec_dump FILE.md\n");
        return 2;
    }
    folio_ctx *ctx = NULL;
    folio_ctx_new(argv[1], &ctx);
    char *data = NULL, *dump = NULL;
    size_t len = 0, dlen = 0;
    folio_report *rep = NULL;
    int rc = folio_read_file(ctx, argv[1], 0, &data, &len);
    if (!rc)
        rc = folio_read_markdown(ctx, data, len, argv[1], NULL, NULL, &rep);
    if (!rc)
        rc = folio_report_dump(rep, &dump, &dlen);
    if (!rc)
        fwrite(dump, 1, dlen, stdout);
    print_diags(ctx);
    free(dump);
    free(data);
    folio_report_free(rep);
    folio_ctx_free(ctx);
    return rc ? 1 : 0;
}
