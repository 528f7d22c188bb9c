/* Checking a PNG before libharu sees it (internal). libharu reads PNGs
 * through libpng without error recovery: a corrupt file aborts the whole
 * process. folio decodes every image itself first, with libpng's errors
 * caught, and hands libharu only bytes that decoded cleanly. */
#ifndef FOLIO_UTIL_PNG_CHECK_H
#define FOLIO_UTIL_PNG_CHECK_H

#include <stddef.h>
#include <stdint.h>

#define FOLIO_PNG_MAX_SIDE 4096 /* pixels: an emblem needs a few hundred */

/* Decode the whole PNG in data[0..len) (every row, every CRC): 0 when it
 * is an 8-bit, non-interlaced PNG of at most FOLIO_PNG_MAX_SIDE pixels a
 * side that decodes without error (its size in *w, *h); otherwise 1 with
 * the reason in why[0..cap) ("not a PNG file", "a 16-bit PNG", libpng's
 * message), or FOLIO_E_NOMEM. */
int folio_png_check(const unsigned char *data, size_t len, uint32_t *w, uint32_t *h,
                    char *why, size_t cap);

#endif
