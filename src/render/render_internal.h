/* folio_render's parts (internal). */
#ifndef FOLIO_RENDER_INTERNAL_H
#define FOLIO_RENDER_INTERNAL_H

#include "folio/render.h"
#include "layout/layout.h"
#include "util/ctx.h"
#include "util/dest.h"
#include "util/output.h"
#include "util/version.h"

/* options.c: the overridden metadata, against `house`. */
int folio_render_check_options(folio_ctx *ctx, const folio_render_options *o,
                               const folio_house *house);

/* outputs.c: one format's output, in memory and/or to its file. */
typedef struct folio_render_out {
    const char *path;        /* the file wanted, or NULL */
    int memory;              /* wanted in memory */
    folio_outfile file;      /* its temporary file until committed */
    char *data;              /* in memory (malloc'd) */
    size_t len;
} folio_render_out;

/* A writer of one format to a destination. */
typedef int (*folio_render_writer)(folio_ctx *ctx, const folio_dest *dest, void *arg);

/* Write `o` with `write`: into memory when wanted, then to the file's
 * temporary name (from the bytes in memory, or by the writer itself). */
int folio_render_write(folio_ctx *ctx, folio_render_out *o, folio_render_writer write,
                       void *arg);
/* Rename every output's file into place; 0 or the first failure. */
int folio_render_commit(folio_ctx *ctx, folio_render_out *outs, size_t n);
/* Remove what a failed render left: temporary files and buffers. */
void folio_render_discard(folio_render_out *outs, size_t n);

#endif
