/* `folio convert IN --to xml|akn [-o FILE]`: a report in another input
 * format, written from the model (report XML: docs/report-xml.md; Akoma
 * Ntoso: docs/akn.md). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static const char convert_usage[] =
    "usage: folio convert INPUT --to xml|akn [-o FILE]\n"
    "\n"
    "Write a report (Markdown, or XML when INPUT ends in .xml: report XML\n"
    "or Akoma Ntoso, or a Word document when it ends in .docx) as report XML or as Akoma Ntoso (AKN4UN) to FILE, or\n"
    "to standard output without -o.\n"
    "\n"
    "options:\n"
    "      --to FORMAT      the output format: xml (report XML) or akn\n"
    "  -o, --output FILE    where to write (default: standard output)\n"
    "      --style PATH     house style whose languages, months and stations\n"
    "                       the reader knows (as for folio render)\n"
    "  -q, --quiet          print only problems\n"
    "\n"
    "Exit status: 0 success, 1 input error, 2 usage error.\n";

typedef struct bytes {
    const char *data;
    size_t len;
} bytes;

static int write_bytes(const char *path, void *arg)
{
    const bytes *b = arg;
    return folio_write_bytes(path, b->data, b->len);
}

int cli_convert_main(int argc, char **argv)
{
    const char *input = NULL, *to = NULL, *output = NULL, *style = NULL;
    int quiet = 0;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(convert_usage, stdout);
            return EXIT_OK;
        }
        if (!strcmp(a, "--to") || !strcmp(a, "-o") || !strcmp(a, "--output") ||
            !strcmp(a, "--style")) {
            if (++i >= argc)
                return cli_bad_usage("%s needs a value", a);
            *(!strcmp(a, "--to") ? &to : !strcmp(a, "--style") ? &style : &output) = argv[i];
        } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet"))
            quiet = 1;
        else if (a[0] == '-' && a[1])
            return cli_bad_usage("unknown option %s", a);
        else if (input)
            return cli_bad_usage("more than one input: %s", a);
        else
            input = a;
    }
    if (!input)
        return cli_bad_usage("%s", "convert needs an input file");
    if (!to)
        return cli_bad_usage("%s", "convert needs --to xml or --to akn");
    if (strcmp(to, "xml") && strcmp(to, "akn"))
        return cli_bad_usage("cannot convert to \"%s\" (only xml or akn)", to);

    cli_common c;
    cli_common_init(&c);
    c.style_path = style;
    int rc = cli_finish_common(&c);
    if (rc)
        return rc;
    folio_ctx *ctx;
    folio_report *report = NULL;
    char *data = NULL, *xml = NULL;
    size_t len = 0, xlen = 0;
    if (folio_ctx_new(input, &ctx)) {
        cli_free_common(&c);
        return cli_no_memory();
    }
    if ((rc = folio_read_file(ctx, input, 0, &data, &len)) ||
        (rc = cli_read_limited(ctx, input, data, len, NULL, c.house, &report)) ||
        (rc = strcmp(to, "akn") ? folio_report_xml(ctx, report, &xml, &xlen)
                                : folio_report_akn_house(ctx, c.house, report, &xml, &xlen)))
        goto done;
    if (!output || !strcmp(output, "-")) {
        if (fwrite(xml, 1, xlen, stdout) != xlen || fflush(stdout) != 0)
            rc = folio_error(ctx, FOLIO_E_IO, (folio_pos){0, 0}, "cannot write standard output");
        goto done;
    }
    bytes b = {xml, xlen};
    if ((rc = folio_write_atomic(ctx, output, write_bytes, &b)))
        goto done;
    if (!quiet)
        fprintf(stderr, "folio: wrote %s\n", output);
done:
    cli_print_diags(ctx);
    folio_report_free(report);
    folio_ctx_free(ctx);
    cli_free_common(&c);
    free(data);
    free(xml);
    return rc == 0 ? EXIT_OK : rc == FOLIO_E_USAGE ? EXIT_USAGE : EXIT_INPUT;
}
