/* A program a developer embedding libfolio writes: built against the
 * installed headers and library (pkg-config), shared or static, by
 * tests/run_install.sh. It makes a report in code and renders its PDF to
 * argv[1] and its DOCX into memory; the data (fonts) is found beside the
 * installed library or program. */
#include <stdio.h>
#include <string.h>

#include <folio.h>

int main(int argc, char **argv)
{
    folio_ctx *ctx = NULL;
    folio_report *r = NULL;
    folio_node *p = NULL;
    folio_output out;
    folio_render_options opt = FOLIO_RENDER_OPTIONS_INIT;
    int major, rc = 1;
    if (argc != 2 || strcmp(folio_version(&major, NULL, NULL), FOLIO_VERSION) ||
        major != FOLIO_VERSION_MAJOR) {
        fprintf(stderr, "usage: hello OUT.pdf (headers %s, library %s)\n", FOLIO_VERSION,
                folio_version(NULL, NULL, NULL));
        return 2;
    }
    if (folio_init() || folio_ctx_new("hello", &ctx) || folio_report_new(ctx, "hello", &r))
        goto done;
    opt.pdf_path = argv[1];
    opt.to_memory = FOLIO_DOCX;
    if (folio_report_set(ctx, r, FOLIO_FIELD_SYMBOL, "A/HRC/55/1") ||
        folio_report_set(ctx, r, FOLIO_FIELD_DATE, "2024-03-01") ||
        folio_report_set(ctx, r, FOLIO_FIELD_TITLE, "Report of the Council") ||
        folio_report_add_heading(ctx, r, 1, 1, NULL, &p) ||
        folio_node_add_text(ctx, p, "Introduction", 0) ||
        folio_report_add_paragraph(ctx, r, 1, NULL, &p) ||
        folio_node_add_text(ctx, p, "The Council met ", 0) ||
        folio_node_add_text(ctx, p, "twice", FOLIO_STYLE_EMPH) ||
        folio_render(ctx, r, NULL, &opt, &out))
        goto done;
    printf("hello: %zu page(s), DOCX of %zu bytes, folio %s\n", out.pages, out.docx_len,
           folio_version(NULL, NULL, NULL));
    folio_output_free(&out);
    rc = 0;
done:
    if (rc)
        fprintf(stderr, "hello: %s\n", ctx ? folio_last_error(ctx) : "out of memory");
    folio_report_free(r);
    folio_ctx_free(ctx);
    folio_shutdown();
    return rc;
}
