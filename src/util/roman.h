/* Roman numerals (internal): the one formatter, for the style stage's
 * labels and the Markdown reader's checks and messages. */
#ifndef FOLIO_UTIL_ROMAN_H
#define FOLIO_UTIL_ROMAN_H

#include <stddef.h>

/* Write `n` (n >= 1; thousands repeat "M") into buf as upper or lower case
 * numerals, cut short where `cap` ends; returns buf. "" for n < 1. */
char *folio_roman(int n, int lower, char *buf, size_t cap);

#endif
