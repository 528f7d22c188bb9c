/* UTF-8 helpers and word folding, shared by every stage (internal). */
#ifndef FOLIO_UTIL_TEXT_H
#define FOLIO_UTIL_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* Decode one code point of valid UTF-8 (no overlong forms, surrogates or
 * values past U+10FFFF); returns its length, 0 when the bytes are not. */
size_t folio_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);
/* Encode `c`; returns the bytes written (at most 4). */
size_t folio_utf8_put(char *o, uint32_t c);
/* A folded copy for comparisons (malloc'd, NULL on OOM): lower case, Latin
 * accents removed, Cyrillic lower case, runs of white space as one space,
 * typographic apostrophes and Arabic-Indic digits normalised. */
char *folio_text_fold(const char *s, size_t n);

#endif
