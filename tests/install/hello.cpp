// The same from C++: the public headers declare their functions
// extern "C", so a C++ program links against libfolio as it is.
#include <cstdio>
#include <string>

#include <folio.h>

int main(int argc, char **argv)
{
    if (argc != 2)
        return 2;
    folio_ctx *ctx = nullptr;
    folio_report *r = nullptr;
    folio_node *p = nullptr;
    folio_render_options opt = FOLIO_RENDER_OPTIONS_INIT;
    folio_output out;
    int rc = 1;
    if (folio_init() == 0 && folio_ctx_new("hello++", &ctx) == 0 &&
        folio_report_new(ctx, "hello++", &r) == 0 &&
        folio_report_set(ctx, r, FOLIO_FIELD_SYMBOL, "A/HRC/55/2") == 0 &&
        folio_report_set(ctx, r, FOLIO_FIELD_DATE, "2024-03-01") == 0 &&
        folio_report_add_paragraph(ctx, r, 1, nullptr, &p) == 0 &&
        folio_node_add_text(ctx, p, std::string("Written from C++.").c_str(), 0) == 0) {
        opt.pdf_path = argv[1];
        if (folio_render(ctx, r, nullptr, &opt, &out) == 0) {
            std::printf("hello++: %zu page(s), folio %s\n", out.pages,
                        folio_version(nullptr, nullptr, nullptr));
            folio_output_free(&out);
            rc = 0;
        }
    }
    if (rc)
        std::fprintf(stderr, "hello++: %s\n", ctx ? folio_last_error(ctx) : "out of memory");
    folio_report_free(r);
    folio_ctx_free(ctx);
    folio_shutdown();
    return rc;
}
