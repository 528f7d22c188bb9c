/* folio command line: internal interfaces. */
#ifndef FOLIO_CLI_H
#define FOLIO_CLI_H

#include "folio.h"

enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2 };

typedef struct render_opts {
    const char *input;
    const char *outdir;          /* NULL: the input's folder */
    int want_pdf, want_docx;
    const char *trace;           /* file for the layout trace, "-" = stdout */
    const char *fonts_dir;
    int quiet;
    folio_style_options style;
} render_opts;

/* Render one input; prints diagnostics; returns an exit code. */
int cli_render(const render_opts *o);

/* Print every diagnostic of ctx as file:line:col: severity: message. */
void cli_print_diags(const folio_ctx *ctx);

/* Write through `write(path, arg)` to a temporary file beside `final`, then
 * rename it into place; nothing is left behind on failure. */
int cli_write_atomic(folio_ctx *ctx, const char *final,
                     int (*write)(const char *path, void *arg), void *arg);

#endif
