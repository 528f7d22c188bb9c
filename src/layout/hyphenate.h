/* Hyphenation points of words, from the pattern dictionaries LibreOffice
 * uses (libhyphen). Used by paragraph.c to give the line breaker the places
 * where a word may be cut. */
#ifndef FOLIO_LAYOUT_HYPHENATE_H
#define FOLIO_LAYOUT_HYPHENATE_H

#include <stddef.h>

typedef struct hyph_dict hyph_dict;
struct folio_house;

/* The patterns `spec` names (a language's `hyphenation`: "hyphen/hyph_ru.dic
 * | /usr/share/hyphen/hyph_ru_RU.dic", the first that can be read; a name
 * without a leading slash is a file of the house style, whose built-in copy
 * holds folio's own), or NULL when spec is NULL or none can be read or is
 * in an encoding folio does not convert to. Loaded once per house, on
 * first use, under the house's lock: safe to call from several threads.
 * Freed with the house. */
const hyph_dict *folio_hyph_dict(const struct folio_house *h, const char *spec);

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
 * (acronyms) only the explicit hyphens. Both parts keep at least `left` /
 * `right` letters (digits): the language's hyphen-min-left and -right.
 * `d` may be NULL: then only explicit hyphens count. */
size_t folio_hyph_points(const hyph_dict *d, int left, int right, const char *text,
                         size_t len, hyph_point *out, size_t max);

/* Whether the word `text` starts with a capital letter (after any opening
 * bracket or quote): a name or a title ("Guterres", "Secretary-General"),
 * which the house may keep whole (un.style [breaking]
 * hyphenate-capitalised). */
int folio_hyph_capitalised(const char *text, size_t len);

/* Whether the word `text` (as it stands, punctuation and all) is one of
 * `words` (folded: util/text.h), the words of the language a following
 * number must not be separated from ("paragraph", "párrafos", "пункт"). */
int folio_hyph_is_nobreak_word(const char *const *words, size_t n, const char *text,
                               size_t len);

#endif
