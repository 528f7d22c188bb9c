/* Versioned option structs (internal): every public entry point taking
 * one checks its version first. */
#ifndef FOLIO_UTIL_VERSION_H
#define FOLIO_UTIL_VERSION_H

#include "folio/base.h"

/* 0 when `version` is one this library knows (1 .. latest), else
 * FOLIO_E_USAGE with a message naming `what`. */
int folio_check_version(folio_ctx *ctx, unsigned version, unsigned latest,
                        const char *what);

#endif
