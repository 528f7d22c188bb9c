/* Where folio's data (fonts/, styles/) may be (internal). An installed
 * folio finds it beside its own executable, whatever PREFIX it was built
 * for; FOLIO_DATADIR wins over everything. */
#ifndef FOLIO_UTIL_DATADIR_H
#define FOLIO_UTIL_DATADIR_H

#include <stddef.h>

#define FOLIO_MAX_DATADIRS 8

typedef struct folio_datadirs {
    const char *dir[FOLIO_MAX_DATADIRS];
    const char *why[FOLIO_MAX_DATADIRS]; /* "$FOLIO_DATADIR", "beside the program" ... */
    size_t n;
    char buf[FOLIO_MAX_DATADIRS][4096];
} folio_datadirs;

/* The folders to look in, in order: $FOLIO_DATADIR; BIN/../share/folio
 * for the running program and for the folio library (an install under
 * any prefix, also lib/TRIPLET/); the folder the build was configured
 * for; BIN/.. (a build tree: bin/folio beside fonts/); the current folder. */
void folio_datadirs_find(folio_datadirs *d);

#endif
