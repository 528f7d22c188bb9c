/* Reading a whole file (internal): readers' inputs, the house style, a
 * house emblem image. */
#ifndef FOLIO_UTIL_FILE_H
#define FOLIO_UTIL_FILE_H

#include "folio/base.h"

/* Read a whole regular file into memory (malloc'd, NUL-terminated);
 * max_bytes 0 means the default of 64 MiB. Anything else (a FIFO, a
 * device, a folder) is an error: it is opened without blocking. */
int folio_read_file(folio_ctx *ctx, const char *path, size_t max_bytes,
                    char **data, size_t *len);

#endif
