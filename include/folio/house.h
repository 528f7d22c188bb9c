/* folio — the house style: what folio knows about the house it sets
 * documents for, as data. A folder of `.style` files (docs/house-style.md):
 *
 *   un.style               document-wide settings and paragraph styles
 *   languages/xx.style     everything about one language (labels, months,
 *                          names, hyphenation, line-breaking costs, digits,
 *                          direction, fonts)
 *   stations/NAME.style    one duty station (paper, margins, job numbers,
 *                          the symbol series it services, its names)
 *   classes/NAME.style     one document class
 *   hyphen/NAME.dic        hyphenation patterns folio ships
 *
 * A copy of the whole folder is built into the library, so folio runs
 * anywhere. Load the house once per process: afterwards it is read-only
 * and may be shared by any number of threads (the workers of `folio
 * batch` share one). */
#ifndef FOLIO_HOUSE_H
#define FOLIO_HOUSE_H

#include <stdint.h>

#include "folio/base.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct folio_house folio_house;

/* Load the house style into *out (free it with folio_house_free).
 *   path NULL:  the built-in copy, with the files of $FOLIO_DATADIR/styles
 *               laid over it when that folder exists;
 *   a folder:   laid over the built-in copy: its files replace the
 *               same-named ones and add new ones;
 *   a file:     takes the place of un.style.
 * Errors name the file and line: a malformed line, a bad value, a section
 * defined in two files (FOLIO_E_STYLE), a file that cannot be read
 * (FOLIO_E_IO). */
int folio_house_load(folio_ctx *ctx, const char *path, folio_house **out);
void folio_house_free(folio_house *h);

/* The languages the house defines (codes: "en", "fr", ...) and its duty
 * stations ("new-york", "geneva", ...): the ones `[document]
 * language-order` / `station-order` name first, in that order, then the
 * others by name. Returns the count; *out borrows the house's array. */
size_t folio_house_languages(const folio_house *h, const char *const **out);
size_t folio_house_stations(const folio_house *h, const char *const **out);

/* Every file of the house (names and bytes) as one number (FNV-1a 64):
 * houses made of the same files give the same value. Callers that keep
 * outputs up to date (folio batch's stamps) compare it. */
uint64_t folio_house_fingerprint(const folio_house *h);

#ifdef __cplusplus
}
#endif

#endif
