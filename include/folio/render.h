/* folio — rendering: a report to the official PDF and an editable DOCX,
 * written to files (atomically) or returned in memory. */
#ifndef FOLIO_RENDER_H
#define FOLIO_RENDER_H

#include <stdint.h>

#include "folio/house.h"
#include "folio/report.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Resources: what rendering needs besides the report — the house fonts
 * and the house style — loaded once, then read-only: one set may be shared
 * by any number of threads rendering at once. */
typedef struct folio_resources folio_resources;

typedef struct folio_resources_options {
    unsigned version;       /* FOLIO_RESOURCES_OPTIONS_VERSION */
    const char *fonts_dir;  /* folder of the Liberation Serif faces; NULL:
                               $FOLIO_DATADIR/fonts, the installed folder,
                               then ./fonts */
    const char *style_path; /* house style: a folder laid over the built-in
                               one, or a file that replaces its un.style
                               (folio_house_load); NULL: the default house */
    const folio_house *house; /* a house already loaded, used instead of
                               style_path (borrowed: it must outlive the
                               resources) */
} folio_resources_options;

#define FOLIO_RESOURCES_OPTIONS_VERSION 1
#define FOLIO_RESOURCES_OPTIONS_INIT {FOLIO_RESOURCES_OPTIONS_VERSION, NULL, NULL, NULL}
int folio_resources_options_init(folio_resources_options *o, unsigned version);

/* Load the fonts (each checked and measured) and the house style; `opt`
 * may be NULL (the defaults). */
int folio_resources_load(folio_ctx *ctx, const folio_resources_options *opt,
                         folio_resources **out);
void folio_resources_free(folio_resources *res);
/* Everything the resources bring to an output, as one number (FNV-1a 64):
 * the bytes of every file of the house style, of the four fonts and of the
 * emblem image the house names, and the library's version. Callers that
 * keep outputs up to date (folio batch's stamps) compare it. Computed on
 * first use (reading the fonts), then kept; thread-safe. */
uint64_t folio_resources_fingerprint(const folio_resources *res);

/* The house style of the resources (borrowed), to give the readers. */
const folio_house *folio_resources_house(const folio_resources *res);

/* The formats, as bits. */
enum { FOLIO_PDF = 1, FOLIO_DOCX = 2 };

typedef struct folio_render_options {
    unsigned version;          /* FOLIO_RENDER_OPTIONS_VERSION */

    /* What to write. A file is written to a temporary name in its folder
     * and renamed into place once every output is complete: a failed
     * render leaves no file and never truncates an existing one. */
    const char *pdf_path;      /* NULL: no PDF file */
    const char *docx_path;     /* NULL: no DOCX file */
    unsigned to_memory;        /* FOLIO_PDF | FOLIO_DOCX: returned in the
                                  folio_output as well */

    /* Metadata that overrides the report's own; NULL: the report's. */
    const char *station;       /* a duty station of the house style */
    const char *language;      /* a language of the house style */
    const char *symbol;
    const char *job_number;
    const char *date;          /* YYYY-MM-DD */

    /* Limits the report is held to (0: the defaults of folio/read.h); a
     * report built in code meets them here for the first time. */
    size_t max_notes;
    size_t max_table_cells;
    size_t max_paragraph_bytes;

    /* Called once with the laid-out pages as text (the --trace of the
     * command line), before any output is written; its non-zero return
     * (a FOLIO_E_* code) stops the render. Asking for it lays the pages
     * out even when no PDF is wanted. */
    int (*trace)(const char *text, size_t len, void *arg);
    void *trace_arg;
} folio_render_options;

#define FOLIO_RENDER_OPTIONS_VERSION 1
#define FOLIO_RENDER_OPTIONS_INIT {FOLIO_RENDER_OPTIONS_VERSION, NULL, NULL, 0, \
                                   NULL, NULL, NULL, NULL, NULL, 0, 0, 0, NULL, NULL}
int folio_render_options_init(folio_render_options *o, unsigned version);

/* What a render returns in memory. */
typedef struct folio_output {
    char *pdf;                 /* malloc'd, when asked for (to_memory) */
    size_t pdf_len;
    char *docx;
    size_t docx_len;
    size_t pages;              /* pages laid out (PDF or trace), else 0 */
} folio_output;

/* Render `r` as `opt` says (NULL: nothing is written). `res` may be NULL:
 * the resources are then loaded for this call alone. `out` (may be NULL
 * when nothing is wanted in memory) is cleared first, and filled only on
 * success. Diagnostics go to ctx. Thread-safe with one ctx per thread. */
int folio_render(folio_ctx *ctx, const folio_report *r, const folio_resources *res,
                 const folio_render_options *opt, folio_output *out);
/* Free the buffers of `out` and clear it. */
void folio_output_free(folio_output *out);

/* The house style as a Word template (.dotx): its paragraph styles (the
 * headings as Word's Heading 1-4), the numbering of paragraphs, headings,
 * subparagraphs and bullets, and the page set-up with the headers and
 * footers of the options' station and language; written to
 * opt->docx_path (atomically) and/or into out->docx (to_memory
 * FOLIO_DOCX). The other outputs of the options are not made. */
int folio_render_template(folio_ctx *ctx, const folio_resources *res,
                          const folio_render_options *opt, folio_output *out);

#ifdef __cplusplus
}
#endif

#endif
