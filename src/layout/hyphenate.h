/* Hyphenation points of words, from the pattern dictionaries LibreOffice
 * uses (libhyphen). Used by paragraph.c to give the line breaker the places
 * where a word may be cut. */
#ifndef FOLIO_LAYOUT_HYPHENATE_H
#define FOLIO_LAYOUT_HYPHENATE_H

#include <stddef.h>

typedef struct hyph_dict hyph_dict;

/* Fewest letters kept before and after a hyphen. */
#define HYPH_LEFT_MIN 2
#define HYPH_RIGHT_MIN 3

/* The dictionary of a language ("en", "fr", "es", "ru"; a region suffix
 * such as "es-ES" is ignored), or NULL when the language is hyphenated in
 * no way folio knows or its dictionary cannot be read. Each dictionary is
 * loaded once per process, on first use, under pthread_once: safe to call
 * from several threads. Never freed (it lives as long as the process). */
const hyph_dict *folio_hyph_dict_for(const char *lang);

/* Where a word may be cut: after an explicit hyphen or en dash of a
 * compound or of a range of numbers, or at a pattern point where a hyphen
 * is added. */
typedef struct hyph_point {
    size_t at;               /* byte offset in the text where the second part starts */
    int explicit_hyphen;     /* 1: the text already ends in '-' or '–' there */
} hyph_point;

/* The break points inside `text` (one word, possibly with punctuation
 * around it), in increasing order; at most `max` are written. Returns how
 * many. A range of numbers ("2016-2018", "2016–2018") gets the point after
 * its dash; other words with digits, '/', '@', '.' (symbols, numbers,
 * addresses) or other characters than letters, hyphens, en dashes and
 * apostrophes get none; words with capitals after the first letter
 * (acronyms) only the explicit hyphens. Both parts keep HYPH_LEFT_MIN /
 * HYPH_RIGHT_MIN letters (digits). `d` may be NULL: then only explicit
 * hyphens count. */
size_t folio_hyph_points(const hyph_dict *d, const char *text, size_t len,
                   hyph_point *out, size_t max);

/* Whether the word `text` (as it stands, punctuation and all) is one of
 * the words naming paragraphs ("paragraph", "párrafos", "para.", "пункт"
 * ...) that a following number must not be separated from. */
int folio_hyph_is_paragraph_word(const char *text, size_t len);

#endif
