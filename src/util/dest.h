/* Where a writer puts a document (internal): a file, or memory. */
#ifndef FOLIO_UTIL_DEST_H
#define FOLIO_UTIL_DEST_H

#include <stddef.h>

typedef struct folio_dest {
    const char *path;  /* write this file; when NULL: */
    char **data;       /* *data gets a malloc'd copy, *len its size */
    size_t *len;
} folio_dest;

#endif
