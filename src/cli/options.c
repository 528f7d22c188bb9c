/* Options shared by `folio render` and `folio batch`, and the checks of
 * their values (which manifests use too). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"

#define STR(x) #x
#define XSTR(x) STR(x)

int cli_bad_usage(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("folio: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputs("\nTry 'folio --help'.\n", stderr);
    va_end(ap);
    return EXIT_USAGE;
}

/* What an option sets in its field of cli_common. */
enum kind {
    SWITCH, /* an int set to 1 */
    STRING, /* a const char * to the argument */
    SIZE,   /* a size_t limit: a positive count, K/M/G allowed */
    DEPTH   /* an int limit: 1 to CLI_MAX_DEPTH_CEILING */
};

/* The shared options. */
static const struct option {
    const char *brief, *name;
    size_t field;
    enum kind kind;
} options[] = {
    {"-o", "--output", offsetof(cli_common, outdir), STRING},
    {NULL, "--station", offsetof(cli_common, meta.station), STRING},
    {NULL, "--lang", offsetof(cli_common, meta.language), STRING},
    {NULL, "--symbol", offsetof(cli_common, meta.symbol), STRING},
    {NULL, "--job-number", offsetof(cli_common, meta.job_number), STRING},
    {NULL, "--date", offsetof(cli_common, meta.date), STRING},
    {NULL, "--style", offsetof(cli_common, style_path), STRING},
    {NULL, "--fonts", offsetof(cli_common, res.fonts_dir), STRING},
    {NULL, "--pdf", offsetof(cli_common, only_pdf), SWITCH},
    {NULL, "--docx", offsetof(cli_common, only_docx), SWITCH},
    {"-q", "--quiet", offsetof(cli_common, quiet), SWITCH},
    {NULL, "--fail-if-warnings", offsetof(cli_common, fail_if_warnings), SWITCH},
    {NULL, "--max-input-bytes", offsetof(cli_common, limits.max_bytes), SIZE},
    {NULL, "--max-depth", offsetof(cli_common, limits.max_depth), DEPTH},
    {NULL, "--max-notes", offsetof(cli_common, limits.max_notes), SIZE},
    {NULL, "--max-table-cells", offsetof(cli_common, limits.max_table_cells), SIZE},
    {NULL, "--max-paragraph-bytes", offsetof(cli_common, limits.max_paragraph_bytes), SIZE},
};

/* A positive whole number, optionally followed by K, M or G (times 1024,
 * 1024^2, 1024^3); 0 when it is not one or does not fit in `max`. */
static size_t parse_count(const char *v, size_t max)
{
    size_t n = 0;
    const char *p = v;
    if (*p < '0' || *p > '9')
        return 0;
    for (; *p >= '0' && *p <= '9'; p++) {
        size_t d = (size_t)(*p - '0');
        if (n > (max - d) / 10)
            return 0;
        n = n * 10 + d;
    }
    size_t unit = 1;
    if (*p == 'K' || *p == 'k')
        unit = (size_t)1 << 10;
    else if (*p == 'M' || *p == 'm')
        unit = (size_t)1 << 20;
    else if (*p == 'G' || *p == 'g')
        unit = (size_t)1 << 30;
    if (unit > 1)
        p++;
    if (*p || n > max / unit)
        return 0;
    return n * unit;
}

/* Store the value `v` of `opt`; EXIT_USAGE (after saying why) when bad. */
static int set_value(cli_common *c, const struct option *opt, const char *v)
{
    void *field = (char *)c + opt->field;
    size_t n;
    switch (opt->kind) {
    case STRING:
        *(const char **)field = v;
        return 0;
    case SIZE:
        if (!(n = parse_count(v, CLI_MAX_COUNT)))
            return cli_bad_usage("%s \"%s\": not a whole number from 1 to %zu "
                                 "(a K, M or G suffix multiplies by 1024, 1024^2, 1024^3)",
                                 opt->name, v, CLI_MAX_COUNT);
        *(size_t *)field = n;
        return 0;
    case DEPTH:
        if (!(n = parse_count(v, CLI_MAX_DEPTH_CEILING)))
            return cli_bad_usage("%s \"%s\": not a whole number from 1 to %d", opt->name, v,
                                 CLI_MAX_DEPTH_CEILING);
        *(int *)field = (int)n;
        return 0;
    case SWITCH:
        break;
    }
    *(int *)field = 1;
    return 0;
}

int cli_take_common(cli_common *c, int argc, char **argv, int *i)
{
    const char *a = argv[*i];
    for (size_t k = 0; k < sizeof options / sizeof options[0]; k++) {
        const struct option *opt = &options[k];
        if (strcmp(a, opt->name) && (!opt->brief || strcmp(a, opt->brief)))
            continue;
        if (opt->kind == SWITCH)
            return set_value(c, opt, NULL) ? EXIT_USAGE : 1;
        if (*i + 1 >= argc)
            return cli_bad_usage("%s needs a value", a);
        return set_value(c, opt, argv[++*i]) ? EXIT_USAGE : 1;
    }
    return 0;
}

const char *cli_bad_value(const folio_house *h, const char *key, const char *value, char *buf,
                          size_t cap)
{
    if (!strcmp(key, "station"))
        return folio_field_problem(h, FOLIO_FIELD_STATION, value, buf, cap);
    if (!strcmp(key, "lang"))
        return folio_field_problem(h, FOLIO_FIELD_LANGUAGE, value, buf, cap);
    if (!strcmp(key, "date"))
        return folio_field_problem(h, FOLIO_FIELD_DATE, value, buf, cap);
    return NULL;
}

void cli_common_init(cli_common *c)
{
    memset(c, 0, sizeof *c);
    folio_resources_options_init(&c->res, FOLIO_RESOURCES_OPTIONS_VERSION);
    folio_read_options_init(&c->limits, FOLIO_READ_OPTIONS_VERSION);
}

/* Load the house style once: what --style names, else the built-in copy.
 * Its problems are printed (they name the style file and line). */
static int load_house(cli_common *c)
{
    folio_ctx *ctx;
    const folio_diag *d;
    if (folio_ctx_new(NULL, &ctx))
        return cli_no_memory();
    int rc = c->house ? 0 : folio_house_load(ctx, c->style_path, &c->house);
    for (size_t i = 0; (d = folio_ctx_diag(ctx, i)); i++)
        fprintf(stderr, "folio: %s: %s\n", d->severity == FOLIO_ERROR ? "error" : "warning",
                d->message ? d->message : "(out of memory)");
    folio_ctx_free(ctx);
    c->res.house = c->house;
    return rc;
}

int cli_finish_common(cli_common *c)
{
    const struct {
        const char *key, *value;
    } checks[] = {{"station", c->meta.station}, {"lang", c->meta.language},
                  {"date", c->meta.date}};
    if (load_house(c))
        return EXIT_INPUT;
    for (size_t i = 0; i < sizeof checks / sizeof checks[0]; i++) {
        char buf[1024];
        const char *why = checks[i].value ? cli_bad_value(c->house, checks[i].key,
                                                          checks[i].value, buf, sizeof buf)
                                          : NULL;
        if (why) {
            cli_free_common(c);
            return cli_bad_usage("--%s \"%s\": %s", checks[i].key, checks[i].value, why);
        }
    }
    c->want_pdf = c->only_pdf || !c->only_docx;
    c->want_docx = c->only_docx || !c->only_pdf;
    return 0;
}

void cli_free_common(cli_common *c)
{
    folio_house_free(c->house);
    c->house = NULL;
    c->res.house = NULL;
}

/* The stations or languages of the house as a list for the help. */
static void print_list(FILE *out, const folio_house *h, int stations)
{
    const char *const *v;
    size_t n = stations ? folio_house_stations(h, &v) : folio_house_languages(h, &v);
    for (size_t i = 0; i < n; i++)
        fprintf(out, "%s%s", i ? (stations ? ", " : " ") : "", v[i]);
}

void cli_print_common_help(FILE *out, const cli_common *c)
{
    /* the house the options would use: --style when it came first */
    folio_ctx *ctx = NULL;
    folio_house *own = NULL;
    const folio_house *h = c ? c->house : NULL;
    if (!h && folio_ctx_new(NULL, &ctx) == 0 &&
        folio_house_load(ctx, c ? c->style_path : NULL, &own) == 0)
        h = own;
    folio_ctx_free(ctx);
    fputs("  -o, --output DIR     folder for the outputs\n"
          "      --pdf            write only the PDF\n"
          "      --docx           write only the DOCX\n"
          "      --station S      duty station: ", out);
    if (h)
        print_list(out, h, 1);
    fputs("\n      --lang L         language of the version: ", out);
    if (h)
        print_list(out, h, 0);
    fputs("\n"
          "      --symbol S       document symbol, e.g. A/HRC/WG.6/34/ITA/3\n"
          "      --job-number J   job number, e.g. V.21-07524\n"
          "      --date D         date of the document, YYYY-MM-DD\n"
          "      --style PATH     house style: a folder laid over the built-in UN style\n"
          "                       (languages/xx.style, stations/NAME.style, ...), or a\n"
          "                       file that replaces its un.style\n"
          "      --fonts DIR      folder of the Liberation Serif fonts\n"
          "  -q, --quiet          print only problems (batch: only failures)\n"
          "      --fail-if-warnings  exit with status 1 when there is any warning\n"
          "\n"
          "limits on each input (N: a count; K, M, G multiply by 1024, 1024^2, 1024^3):\n"
          "      --max-input-bytes N      size of the input file (default 64M)\n"
          "      --max-depth N            nesting of lists, quotes, elements (default 64\n"
          "                               for Markdown, 256 for XML; at most 10000)\n"
          "      --max-notes N            footnotes (default " XSTR(FOLIO_DEFAULT_MAX_NOTES) ")\n"
          "      --max-table-cells N      rows x columns of one table (default "
          XSTR(FOLIO_DEFAULT_MAX_TABLE_CELLS) ")\n"
          "      --max-paragraph-bytes N  text of one paragraph, heading, list item,\n"
          "                               note or table cell (default 4M)\n"
          "\n"
          "Metadata given as options overrides the report's own.\n", out);
    folio_house_free(own);
}

const char cli_exit_help[] =
    "Exit status: 0 success; 1 an input is wrong (batch: a document failed;\n"
    "with --fail-if-warnings, also a warning); 2 usage error or bad manifest;\n"
    "3 the system refused (an output cannot be written, out of memory, the\n"
    "fonts cannot be read): worth running again.\n";

const char *cli_bad_name(const char *name)
{
    if (!*name)
        return "empty";
    if (name[0] == '.')
        return "a leading dot would hide it among folio's own files";
    if (strchr(name, '/'))
        return "give a base name, without a folder";
    if (strlen(name) > CLI_MAX_NAME)
        return "longer than " XSTR(CLI_MAX_NAME) " bytes (with folio's temporary names, "
               "longer than a file name may be)";
    return NULL;
}

int cli_no_memory(void)
{
    fputs("folio: out of memory\n", stderr);
    return EXIT_INPUT;
}
