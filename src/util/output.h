/* Atomic output (internal): a temporary file in the target folder,
 * renamed into place only when complete, so a failure never leaves a
 * half-written file and never truncates an existing one. Safe to use from
 * several threads at once. */
#ifndef FOLIO_UTIL_OUTPUT_H
#define FOLIO_UTIL_OUTPUT_H

#include "folio/base.h"

/* The temporary file of FINAL is .FINAL.folio-XXXXXX in FINAL's folder
 * (libzip may add its own .XXXXXX to it while writing): at most
 * FOLIO_TMP_EXTRA bytes longer than FINAL's base name. */
#define FOLIO_TMP_MARK ".folio-"
#define FOLIO_TMP_EXTRA (1 + 7 + 6 + 7)

/* A file being written: `tmp` beside `final` until committed. */
typedef struct folio_outfile {
    const char *final;
    char *tmp;           /* malloc'd; NULL when nothing is pending */
} folio_outfile;

/* Create the temporary file for `final` (mode 0666 less the umask, as
 * any program would write it); an error names the folder. */
int folio_outfile_open(folio_ctx *ctx, folio_outfile *o, const char *final);
/* Rename it into place; on failure it is removed. */
int folio_outfile_commit(folio_ctx *ctx, folio_outfile *o);
/* Remove the temporary file, if any (after a failure). */
void folio_outfile_discard(folio_outfile *o);

/* The three in one: write through `write(tmp_path, arg)`, then commit;
 * nothing is left behind on failure. */
int folio_write_atomic(folio_ctx *ctx, const char *final,
                       int (*write)(const char *path, void *arg), void *arg);
/* Write `len` bytes to `path`: 0 or FOLIO_E_IO (a plain write, for the
 * temporary file of an atomic one; the caller names the final path). */
int folio_write_bytes(const char *path, const char *data, size_t len);

#endif
