/* folio — typesets UN-format reports as PDF and DOCX. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"

static const char usage[] =
    "usage: folio render INPUT [options]\n"
    "       folio --help | --version\n"
    "\n"
    "Render a report (Markdown in the UN house dialect) to the official PDF\n"
    "and an editable DOCX: DIR/NAME.pdf and DIR/NAME.docx.\n"
    "\n"
    "options:\n"
    "  -o, --output DIR     folder for the outputs (default: the input's)\n"
    "      --pdf            write only the PDF\n"
    "      --docx           write only the DOCX\n"
    "      --station S      duty station: new-york, geneva, vienna, nairobi\n"
    "      --lang L         language of the version: en fr es ru zh ar\n"
    "      --symbol S       document symbol, e.g. A/HRC/WG.6/34/ITA/3\n"
    "      --job-number J   job number, e.g. V.21-07524\n"
    "      --date D         date of the document, YYYY-MM-DD\n"
    "      --style FILE     house style file (default: the built-in UN style)\n"
    "      --fonts DIR      folder of the Liberation Serif fonts\n"
    "      --trace FILE     write the laid-out pages as text (- for stdout)\n"
    "  -q, --quiet          print only warnings and errors\n"
    "\n"
    "Metadata given as options overrides the report's own.\n"
    "Exit status: 0 success, 1 input error, 2 usage error.\n";

static int bad_usage(const char *fmt, const char *arg)
{
    fprintf(stderr, "folio: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'folio --help'.\n");
    return EXIT_USAGE;
}

/* Run from a build tree (bin/folio), folio finds ../fonts beside itself;
 * installed, the library looks in FOLIO_DATADIR. NULL when not found. */
static const char *cli_fonts_beside_binary(void)
{
    static char dir[4200];
    char exe[4000];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (getenv("FOLIO_DATADIR") || n <= 0)
        return NULL;
    exe[n] = 0;
    char *slash = strrchr(exe, '/');
    if (!slash)
        return NULL;
    *slash = 0;
    snprintf(dir, sizeof dir, "%s/../fonts", exe);
    char probe[4300];
    snprintf(probe, sizeof probe, "%s/LiberationSerif-Regular.ttf", dir);
    return access(probe, R_OK) == 0 ? dir : NULL;
}

static int one_of(const char *v, const char *const *set)
{
    for (; *set; set++)
        if (!strcmp(v, *set))
            return 1;
    return 0;
}

static int render_main(int argc, char **argv)
{
    static const char *const stations[] = {"new-york", "geneva", "vienna", "nairobi", NULL};
    static const char *const langs[] = {"en", "fr", "es", "ru", "zh", "ar", NULL};
    render_opts o;
    int only_pdf = 0, only_docx = 0;
    memset(&o, 0, sizeof o);
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        const char **val = NULL;
        if (!strcmp(a, "-o") || !strcmp(a, "--output"))
            val = &o.outdir;
        else if (!strcmp(a, "--station"))
            val = &o.style.station;
        else if (!strcmp(a, "--lang"))
            val = &o.style.language;
        else if (!strcmp(a, "--symbol"))
            val = &o.style.symbol;
        else if (!strcmp(a, "--job-number"))
            val = &o.style.job_number;
        else if (!strcmp(a, "--date"))
            val = &o.style.date;
        else if (!strcmp(a, "--style"))
            val = &o.style.style_path;
        else if (!strcmp(a, "--fonts"))
            val = &o.fonts_dir;
        else if (!strcmp(a, "--trace"))
            val = &o.trace;
        else if (!strcmp(a, "--pdf"))
            only_pdf = 1;
        else if (!strcmp(a, "--docx"))
            only_docx = 1;
        else if (!strcmp(a, "-q") || !strcmp(a, "--quiet"))
            o.quiet = 1;
        else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(usage, stdout);
            return EXIT_OK;
        }
        else if (a[0] == '-' && a[1])
            return bad_usage("unknown option %s", a);
        else if (o.input)
            return bad_usage("more than one input: %s", a);
        else
            o.input = a;
        if (val) {
            if (i + 1 >= argc)
                return bad_usage("%s needs a value", a);
            *val = argv[++i];
        }
    }
    if (!o.input)
        return bad_usage("%s", "render needs an input file");
    if (o.style.station && !one_of(o.style.station, stations))
        return bad_usage("unknown duty station \"%s\" (new-york, geneva, vienna, nairobi)",
                         o.style.station);
    if (o.style.language && !one_of(o.style.language, langs))
        return bad_usage("unknown language \"%s\" (en fr es ru zh ar)", o.style.language);
    if (!o.fonts_dir)
        o.fonts_dir = cli_fonts_beside_binary();
    o.want_pdf = only_pdf || !only_docx;
    o.want_docx = only_docx || !only_pdf;
    return cli_render(&o);
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return bad_usage("%s", "no command given");
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        fputs(usage, stdout);
        return EXIT_OK;
    }
    if (!strcmp(argv[1], "--version")) {
        printf("folio %s\n", FOLIO_VERSION);
        return EXIT_OK;
    }
    if (!strcmp(argv[1], "render"))
        return render_main(argc - 2, argv + 2);
    return bad_usage("unknown command \"%s\"", argv[1]);
}
