/* `folio template -o FILE.dotx [options]`: the house style as a Word
 * template, for editors who start a UN document in Word. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static const char template_usage[] =
    "usage: folio template -o FILE.dotx [options]\n"
    "\n"
    "Write the house style as a Word template: its paragraph styles (the\n"
    "headings as Word's Heading 1-4), the numbering of paragraphs, headings,\n"
    "subparagraphs and bullets, and the page set-up with the headers and\n"
    "footers of the duty station (--station) and language (--lang).\n"
    "\n"
    "options:\n"
    "  -o, --output FILE    the template to write (.dotx)\n";

int cli_template_main(int argc, char **argv)
{
    cli_common o;
    const char *output = NULL;
    cli_common_init(&o);
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(template_usage, stdout);
            cli_print_common_help(stdout, &o);
            fputs("Exit status: 0 success, 1 error, 2 usage error.\n", stdout);
            return EXIT_OK;
        }
        if (!strcmp(a, "-o") || !strcmp(a, "--output")) {
            if (++i >= argc)
                return cli_bad_usage("%s needs a value", a);
            output = argv[i];
            continue;
        }
        int taken = cli_take_common(&o, argc, argv, &i);
        if (taken == EXIT_USAGE)
            return EXIT_USAGE;
        if (!taken)
            return cli_bad_usage("template: unknown argument %s", a);
    }
    if (!output)
        return cli_bad_usage("%s", "template needs -o FILE.dotx");
    int rc = cli_finish_common(&o);
    if (rc)
        return rc;
    folio_ctx *ctx;
    folio_resources *res = NULL;
    folio_render_options opt = FOLIO_RENDER_OPTIONS_INIT;
    if (folio_ctx_new(output, &ctx)) {
        cli_free_common(&o);
        return cli_no_memory();
    }
    opt.docx_path = output;
    opt.station = o.meta.station;
    opt.language = o.meta.language;
    if ((rc = folio_resources_load(ctx, &o.res, &res)) == 0)
        rc = folio_render_template(ctx, res, &opt, NULL);
    if (rc == 0 && !o.quiet)
        fprintf(stderr, "folio: wrote %s\n", output);
    /* a template has no symbol, date or job number: the masthead's
     * warnings about them say nothing here */
    if (rc)
        cli_print_diags(ctx);
    folio_resources_free(res);
    folio_ctx_free(ctx);
    cli_free_common(&o);
    return rc == 0 ? EXIT_OK : rc == FOLIO_E_USAGE ? EXIT_USAGE : EXIT_INPUT;
}
