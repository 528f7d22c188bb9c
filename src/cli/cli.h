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

/* Exit status, the same for every command (docs/folio.1, README):
 *   1  the input is wrong (batch: a document failed for its input, or
 *      warnings with --fail-if-warnings): running again will not help;
 *   2  a usage error, or a bad manifest: nothing was rendered;
 *   3  the system refused (an output cannot be written: disk full,
 *      permission; out of memory; the fonts cannot be read): running again
 *      elsewhere or later may succeed (Slurm requeue, Kubernetes retry). */
enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2, EXIT_SYSTEM = 3 };
/* The lines of --help that say so. */
extern const char cli_exit_help[];

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
    int fail_if_warnings;        /* --fail-if-warnings: a warning fails */
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
    unsigned to_memory;          /* FOLIO_PDF or FOLIO_DOCX into the output */
    int check;                   /* lay the pages out, write nothing */
} cli_doc;

/* The longest base name of an output: the temporary file of its stamp,
 * ..NAME.folio-stamp.folio-XXXXXX (NAME + 27 bytes), must fit in a file
 * name of 255 bytes (util/output.h). */
#define CLI_MAX_NAME 228
/* Why `name` cannot be the base name of outputs (a folder in it, a leading
 * dot, too long), NULL when it can. */
const char *cli_bad_name(const char *name);
/* The exit status of a command that ended with rc (0 or FOLIO_E_*);
 * `system` says the system refused rather than the input was wrong. */
int cli_exit_status(int rc, int system);
/* mkdir -p; an error (in ctx) names the folder that cannot be made. */
int cli_make_dirs(folio_ctx *ctx, const char *dir);

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
 * ctx; *npages (may be NULL) gets the page count; *system (may be NULL)
 * whether a failure was the system's. Returns 0 or a FOLIO_E_* code. */
int cli_render_doc(folio_ctx *ctx, const cli_doc *doc, const folio_resources *res,
                   size_t *npages, int *system);
/* folio_render of a report already read, as doc says; `out` gets what
 * doc->to_memory asks for. */
int cli_render_report(folio_ctx *ctx, const cli_doc *doc, const folio_report *report,
                      const folio_resources *res, folio_output *out, int *system);
/* `folio check FILE...`; returns an exit code. */
int cli_check_main(int argc, char **argv);
/* merge.c: `folio summary FILE... [-o OUT]` (also `folio batch --merge`):
 * the summaries of a batch's shards merged; returns an exit code. */
int cli_summary_main(int argc, char **argv);
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

/* lock.c: outputs written under a lock per document name. */
typedef struct cli_lock {
    int fd;                      /* -1: not held */
    char path[4096];
} cli_lock;
/* Wait for the lock of `name` in DIR/.folio-lock (made when missing, and
 * removed by the last run to let go of it); *l holds it until
 * cli_unlock. Returns 0 or FOLIO_E_IO (in ctx). */
int cli_lock_name(folio_ctx *ctx, const char *dir, const char *name, cli_lock *l);
void cli_unlock(cli_lock *l);

/* sweep.c: folio's own temporary files left in a folder by a killed run. */
typedef struct cli_temp {
    char *file;   /* its name in the folder */
    char *final;  /* the name of the output it was to become */
} cli_temp;
typedef struct cli_temps {
    cli_temp *v;  /* sorted by final */
    size_t n;
} cli_temps;
/* The temporary files of folio's making in `dir` (none when it cannot be
 * read). Returns 0 or FOLIO_E_NOMEM. */
int cli_temps_list(const char *dir, cli_temps *t);
/* Remove those that stand for `final` (a base name): call it holding the
 * lock of the document they belong to. */
void cli_temps_remove(const cli_temps *t, const char *dir, const char *final);
void cli_temps_free(cli_temps *t);

/* batch_main.c: `folio batch IN -o DIR [options]`; returns an exit code. */
int cli_batch_main(int argc, char **argv);


#endif
