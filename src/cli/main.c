/* folio — typesets UN-format reports as PDF and DOCX. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static const char usage[] =
    "usage: folio render INPUT [options]\n"
    "       folio check FILE... [options]\n"
    "       folio batch IN -o DIR [-j N] [--shard K/N] [options]\n"
    "       folio summary SHARD.json... [-o FILE]\n"
    "       folio convert INPUT --to xml|akn [-o FILE]\n"
    "       folio template -o FILE.dotx [options]\n"
    "       folio --help | --version\n"
    "\n"
    "Render reports (Markdown in the UN house dialect; *.xml: report XML or\n"
    "Akoma Ntoso as AKN4UN shapes it; *.docx: a Word document folio wrote or\n"
    "its template started) to the official PDF and an editable\n"
    "DOCX: DIR/NAME.pdf and DIR/NAME.docx.\n"
    "\n"
    "commands:\n"
    "  render INPUT         render one report (folio render --help); - reads\n"
    "                       standard input, -o - writes standard output\n"
    "  check FILE...        read, style and lay out without writing anything\n"
    "  batch IN             render every *.md, *.xml, *.docx of a folder or every row of a\n"
    "                       manifest (.csv, .jsonl) with parallel workers,\n"
    "                       skipping what is up to date (folio batch --help)\n"
    "  summary SHARD...     merge the summaries of a batch's shards, reporting\n"
    "                       missing and duplicated documents (folio summary --help)\n"
    "  convert INPUT        write a report as report XML or Akoma Ntoso\n"
    "                       (folio convert --help)\n"
    "  template -o FILE     write the house style as a Word template (.dotx)\n"
    "                       (folio template --help)\n"
    "\n"
    "render options:\n"
    "      --name NAME      base name of the outputs\n"
    "      --trace FILE     write the laid-out pages as text (- for stdout)\n"
    "\n"
    "options of both commands:\n";

static int run(int argc, char **argv)
{
    if (argc < 2)
        return cli_bad_usage("%s", "no command given");
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        fputs(usage, stdout);
        cli_print_common_help(stdout, NULL);
        fputs(cli_exit_help, stdout);
        return EXIT_OK;
    }
    if (!strcmp(argv[1], "--version")) {
        printf("folio %s\n", folio_version(NULL, NULL, NULL));
        return EXIT_OK;
    }
    if (!strcmp(argv[1], "render"))
        return cli_render_main(argc - 2, argv + 2);
    if (!strcmp(argv[1], "convert"))
        return cli_convert_main(argc - 2, argv + 2);
    if (!strcmp(argv[1], "template"))
        return cli_template_main(argc - 2, argv + 2);
    if (!strcmp(argv[1], "batch"))
        return cli_batch_main(argc - 2, argv + 2);
    if (!strcmp(argv[1], "check"))
        return cli_check_main(argc - 2, argv + 2);
    if (!strcmp(argv[1], "summary"))
        return cli_summary_main(argc - 2, argv + 2);
    return cli_bad_usage("unknown command \"%s\"", argv[1]);
}

int main(int argc, char **argv)
{
    /* the libraries' global set-up, before any batch worker starts */
    if (folio_init())
        return cli_no_memory();
    int status = run(argc, argv);
    folio_shutdown();
    return status;
}
