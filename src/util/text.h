/* UTF-8 helpers and word folding, shared by every stage (internal): the
 * one UTF-8 decoder of folio. */
#ifndef FOLIO_UTIL_TEXT_H
#define FOLIO_UTIL_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* Decode one code point of valid UTF-8 (no overlong forms, surrogates or
 * values past U+10FFFF); returns its length, 0 when the bytes are not. */
size_t folio_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);
/* Decode one code point, taking what is not UTF-8 as one byte of U+FFFD
 * (drawn as a replacement); returns the bytes used, at least 1 when
 * len > 0. */
int folio_utf8_next(const char *s, size_t len, uint32_t *cp);
/* Code points in n bytes (continuation bytes not counted). */
size_t folio_utf8_count(const char *s, size_t n);
/* Encode `c`; returns the bytes written (at most 4). */
size_t folio_utf8_put(char *o, uint32_t c);
/* A folded copy for comparisons (malloc'd, NULL on OOM): lower case, Latin
 * accents removed, Cyrillic lower case, runs of white space as one space,
 * typographic apostrophes and Arabic-Indic digits normalised. */
char *folio_text_fold(const char *s, size_t n);

#endif
