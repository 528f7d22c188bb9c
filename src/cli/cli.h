/* folio command line: internal interfaces. The command line is a caller
 * of the public interface (folio.h) and of the shared utilities of
 * src/util/, nothing else. */
#ifndef FOLIO_CLI_H
#define FOLIO_CLI_H

#include <stdio.h>

#include "folio.h"
#include "util/arena.h"
#include "util/file.h"
#include "util/output.h"

enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2 };

#define CLI_DEFAULT_MAX_INPUT ((size_t)64 << 20) /* folio_read_file's default */
#define CLI_MAX_DEPTH_CEILING 10000 /* the readers recurse once per level */
#define CLI_MAX_COUNT ((size_t)1 << 40) /* the other limits: far beyond memory */

/* Metadata given on the command line or in a manifest row, over the
 * report's own. */
typedef struct cli_meta {
    const char *station, *language, *symbol, *job_number, *date;
} cli_meta;

/* Options that `render` and `batch` share. */
typedef struct cli_common {
    const char *outdir;          /* NULL: the input's folder (render only) */
    int only_pdf, only_docx;     /* as given */
    int want_pdf, want_docx;     /* what to write, from the two above */
    int quiet;
    const char *style_path;      /* --style: a folder or a file; NULL: built-in */
    folio_house *house;          /* loaded once by cli_finish_common */
    folio_resources_options res; /* --fonts; res.house: the house above */
    cli_meta meta;
    folio_read_options limits;   /* --max-*; 0: the reader's default */
} cli_common;

/* options.c */
/* Print the help lines of the shared options; the duty stations and
 * languages listed are those of c's house style (--style when given before
 * --help), of the default house when c is NULL. */
void cli_print_common_help(FILE *out, const cli_common *c);
/* Print "folio: MESSAGE" and a hint to stderr; returns EXIT_USAGE. */
int cli_bad_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Take argv[*i] when it is a shared option (and its value, advancing *i):
 * returns 1 when taken, 0 when it is not a shared option, EXIT_USAGE (after
 * saying why) when its value is missing. */
int cli_take_common(cli_common *c, int argc, char **argv, int *i);
/* Load the house style (once: --style, else the built-in one), check the
 * values against it and fill the defaults. Returns 0, EXIT_USAGE after
 * saying why a value is bad, EXIT_INPUT after printing why the house style
 * cannot be loaded. Free with cli_free_common. */
int cli_finish_common(cli_common *c);
void cli_free_common(cli_common *c);
/* Why `value` is no good for the option or manifest key `key` (station,
 * lang: one the house defines; date), written into buf; NULL when it is
 * fine. */
const char *cli_bad_value(const folio_house *h, const char *key, const char *value, char *buf,
                          size_t cap);
/* Clear `c` (the options' structs initialized to their versions). */
void cli_common_init(cli_common *c);

/* render.c */
/* One document to render: its bytes, where its outputs go, its options. */
typedef struct cli_doc {
    const char *input;           /* name of the input, for diagnostics */
    const char *data;            /* the input's bytes */
    size_t len;
    const char *pdf, *docx;      /* output paths; NULL: not wanted */
    const char *trace;           /* NULL, a file, or "-" for stdout */
    const cli_meta *meta;        /* over the report's own */
    const folio_read_options *limits; /* NULL: the defaults */
} cli_doc;

/* Does the file name end in .xml? Report XML then, Markdown otherwise. */
int cli_is_xml(const char *path);
/* Does it end in .docx? A Word document then (folio_read_docx). */
int cli_is_docx(const char *path);
/* Would writing `out` replace the input `in` (a DOCX rendered beside
 * itself)? */
int cli_same_file(const char *in, const char *out);
/* The report of an input's bytes, with the reader its name calls for,
 * within `lim` (NULL: the defaults), with the words of `house` (NULL: the
 * default house). */
int cli_read_limited(folio_ctx *ctx, const char *input, const char *data, size_t len,
                     const folio_read_options *lim, const folio_house *house,
                     folio_report **out);
/* Read the input file within lim->max_bytes (0: 64 MiB); a file over the
 * limit is an error that names the option raising it. */
int cli_read_input(folio_ctx *ctx, const char *path, const folio_read_options *lim,
                   char **data, size_t *len);
/* Read, then folio_render: the outputs written atomically, with the
 * resources (loaded once, shareable between threads). Diagnostics go to
 * ctx; *npages (may be NULL) gets the page count. Returns 0 or a FOLIO_E_*
 * code. */
int cli_render_doc(folio_ctx *ctx, const cli_doc *doc, const folio_resources *res,
                   size_t *npages);
/* `folio render INPUT [options]`; returns an exit code. */
int cli_render_main(int argc, char **argv);
/* Print every diagnostic of ctx as file:line:col: severity: message. */
void cli_print_diags(const folio_ctx *ctx);
/* The warnings among ctx's diagnostics. */
size_t cli_warnings(const folio_ctx *ctx);
/* Print "folio: out of memory" and return EXIT_INPUT, for when not even a
 * context can be had. */
int cli_no_memory(void);
/* Print where a diagnostic points: file:line:col, file alone without one. */
void cli_print_where(FILE *out, const folio_diag *d);

/* convert.c: `folio convert IN --to xml [-o FILE]`; returns an exit code. */
int cli_convert_main(int argc, char **argv);

/* template.c: `folio template -o FILE.dotx`; returns an exit code. */
int cli_template_main(int argc, char **argv);

/* batch_main.c: `folio batch IN -o DIR [options]`; returns an exit code. */
int cli_batch_main(int argc, char **argv);


#endif
