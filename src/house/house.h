/* The house style inside the library: sections of `key = value` lines
 * gathered from the files of the house folder, and the word lists built
 * from them once at load (the readers and the style stage share them).
 * The public handle is include/folio/house.h. */
#ifndef FOLIO_HOUSE_INTERNAL_H
#define FOLIO_HOUSE_INTERNAL_H

#include <pthread.h>

#include "folio/house.h"
#include "util/arena.h"
#include "util/file.h"
#include "util/units.h"

typedef struct folio_house_entry {
    const char *section, *key, *value;
    int line;
    const char *file;        /* where it was read, for messages */
} folio_house_entry;

/* One file of the house folder. */
typedef struct folio_house_file {
    const char *name;        /* in the folder: "un.style", "languages/en.style",
                                "hyphen/hyph_ru.dic" */
    const char *origin;      /* for messages: the path read, or
                                "<built-in>/NAME" */
    const char *data;        /* NUL-terminated */
    size_t len;
} folio_house_file;

/* A file of the built-in copy (build/gen/builtin_style.c, made from
 * styles/ by the Makefile). */
typedef struct folio_house_builtin {
    const char *name;
    const char *data;        /* NUL-terminated */
    size_t len;
} folio_house_builtin;
extern const folio_house_builtin folio_builtin_house[];
extern const size_t folio_builtin_house_count;

/* What may follow an annex word ([lang] annex-number). */
enum { FOLIO_ANNEX_ROMAN, FOLIO_ANNEX_NUMERALS, FOLIO_ANNEX_WORD };

/* Word lists built at load from the language and station files. */
typedef enum folio_house_list {
    FOLIO_HL_LANG_NAME,      /* a language's name or code, folded -> code */
    FOLIO_HL_LANG_WORD,      /* "language", "язык": may follow a name */
    FOLIO_HL_LANG_PREFIX,    /* "ب": may precede a name (Arabic "in") */
    FOLIO_HL_MONTH,          /* a month's name, folded -> number */
    FOLIO_HL_DATE_WORD,      /* "de", "the": may stand in a date */
    FOLIO_HL_ORDINAL,        /* "er", "st": may follow a day's number */
    FOLIO_HL_WORDMARK,       /* "united nations" in a language */
    FOLIO_HL_DISTR,          /* the word after "Distr.:" -> "general",
                                "limited" or "restricted" */
    FOLIO_HL_ORIGINAL,       /* "original": before the original's name */
    FOLIO_HL_SESSION,        /* "session": in a session line */
    FOLIO_HL_AGENDA_LEAD,    /* "item": before an agenda item's number */
    FOLIO_HL_AGENDA,         /* "provisional agenda": in an agenda line */
    FOLIO_HL_ANNEX,          /* "annex": n says what may follow it */
    FOLIO_HL_NUMERAL,        /* "一": a numeral after an annex word */
    FOLIO_HL_STATION_NAME,   /* a duty station's name, folded -> station */
    FOLIO_HL_SERIES,         /* a symbol series ("A/HRC/") -> station */
    FOLIO_HL_JOB_PREFIX,     /* a job-number prefix ("GE.") -> station */
    FOLIO_HL_COUNT
} folio_house_list;

typedef struct folio_house_word {
    const char *text;        /* folded (util/text.h), except series and
                                prefixes, kept as written */
    const char *id;          /* language code or station name */
    int n;                   /* month number */
} folio_house_word;

typedef struct folio_house_memo folio_house_memo;

struct folio_house {
    folio_arena *arena;
    const char *file;        /* where un.style came from, for messages */
    folio_house_entry *e;
    size_t n;
    uint32_t *index;         /* open addressing on (section, key): 1 + the
                                entry that counts (the file's last), 0 free */
    size_t index_mask;
    folio_house_file *files; /* un.style first, then by name */
    size_t nfiles;
    const char **sections;   /* every section once, in file order */
    size_t nsections;
    const char **langs, **stations;
    size_t nlangs, nstations;
    folio_house_word *lists[FOLIO_HL_COUNT];
    size_t nlists[FOLIO_HL_COUNT];
    pthread_mutex_t lock;    /* guards memo */
    folio_house_memo *memo;
};

/* ---- reading values (house.c) ------------------------------------------*/

/* The value of `key` in `section`, or NULL (within a file a later line
 * overrides an earlier one). */
const char *folio_house_get(const folio_house *h, const char *section, const char *key);
/* The line of that entry (for messages), 0 when absent. */
int folio_house_line(const folio_house *h, const char *section, const char *key);
/* The file of that entry (for messages): its path, or "<built-in>/NAME";
 * the un.style file when absent. */
const char *folio_house_file_of(const folio_house *h, const char *section, const char *key);
/* A length in millipoints; `def` when absent; an error on a bad value. */
int folio_house_length(folio_ctx *ctx, const folio_house *h, const char *section,
                       const char *key, int32_t def, int32_t *out);
/* A percentage such as "2%" or "2.5 %" in 1/1000 (20, 25), at most `max`
 * (1/1000); `def` when absent; an error on a bad or larger value. */
int folio_house_permille(folio_ctx *ctx, const folio_house *h, const char *section,
                         const char *key, int32_t def, int32_t max, int32_t *out);
/* A whole number from lo to hi; an error when absent or bad. */
int folio_house_int(folio_ctx *ctx, const folio_house *h, const char *section,
                    const char *key, long lo, long hi, int32_t *out);
/* Parse a length such as "2cm", "10pt", "0.5in", "12" (points). */
int folio_house_parse_length(const char *s, int32_t *out);
/* An error about the value of section/key, at its file and line:
 * "FILE:LINE: [SECTION] KEY: WHY". Returns FOLIO_E_STYLE. */
int folio_house_bad(folio_ctx *ctx, const folio_house *h, const char *section,
                    const char *key, const char *why);

/* The n-th (0-based) item of a list value "a | b | c" (items trimmed), as
 * [*start, *start + *len); 0 when there is no such item. */
int folio_house_item(const char *list, int n, const char **start, size_t *len);

/* The sections named PREFIX.NAME (NAME without a dot), one by one: start
 * with *i = 0; NULL at the end. "lang" gives "lang.en", "lang.fr" ... */
const char *folio_house_next_section(const folio_house *h, const char *prefix, size_t *i);

/* A file of the house by its name in the folder, NULL when absent. */
const folio_house_file *folio_house_find_file(const folio_house *h, const char *name);

/* A word list built at load. */
const folio_house_word *folio_house_words(const folio_house *h, folio_house_list l, size_t *n);

/* ---- the house when none is given --------------------------------------*/

/* The default house (folio_house_load with path NULL), loaded once per
 * process on first use and kept until the process ends. */
int folio_house_default(folio_ctx *ctx, const folio_house **out);
/* `h` itself, or the default house when h is NULL. */
int folio_house_or_default(folio_ctx *ctx, const folio_house *h, const folio_house **out);

/* ---- things made once from the house's data (house.c) ------------------*/

/* The thing named `key`, made by make(h, key, arg) on first use and freed
 * by drop() with the house; NULL when make() gives NULL (tried again next
 * time). Safe to call from several threads: the house's lock guards it. */
void *folio_house_memo_get(const folio_house *h, const char *key,
                           void *(*make)(const folio_house *h, const char *key, void *arg),
                           void *arg, void (*drop)(void *));

/* ---- languages and stations (words.c) -----------------------------------*/

/* The code of a language named by its code ("es"), its ISO 639-2 code
 * ("spa"), or its name in any language of the house ("Spanish", "Español",
 * "испанский", "西班牙文", "الإسبانية"; folded, see util/text.h), also
 * followed by the word "language" or after an Arabic "ب"; NULL when
 * unknown. Borrowed from the house. */
const char *folio_house_lang(const folio_house *h, const char *name);
/* The id of the longest word of list `l` that `s` starts with (a job
 * number's prefix, a symbol's series), or NULL. */
const char *folio_house_longest_prefix(const folio_house *h, folio_house_list l, const char *s);
/* Is `code` a language of the house? Its index in folio_house_languages,
 * -1 when not. */
int folio_house_lang_index(const folio_house *h, const char *code);
/* Is `name` a duty station of the house? Its index, -1 when not. */
int folio_house_station_index(const folio_house *h, const char *name);
/* The name of language `code` as language `in` writes it ("inglés" for
 * en in es): [names] of `in`, else [name] of `code`; NULL when neither
 * says. Its first spelling, as [start, start + len). */
int folio_house_lang_name(const folio_house *h, const char *code, const char *in,
                          const char **start, size_t *len);
/* The value of `key` for language `code` ([lang.CODE]), or NULL. */
const char *folio_house_lang_get(const folio_house *h, const char *code, const char *key);
/* The languages (stations = 0) or the stations as one line for messages,
 * items joined by `sep`, the last by `last`: "en fr es ... ar",
 * "new-york, geneva, vienna or nairobi". */
const char *folio_house_list_text(folio_arena *a, const folio_house *h, int stations,
                                  const char *sep, const char *last);

/* Index the entries by section and key (load.c calls it once). */
int folio_house_index(folio_house *h);
/* Build the word lists and check the language and station files (load.c
 * calls it once). */
int folio_house_build_words(folio_ctx *ctx, folio_house *h);

#endif
