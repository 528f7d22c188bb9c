/* The house style file: sections of `key = value` lines. Internal to the
 * style stage. */
#ifndef FOLIO_STYLE_HOUSE_H
#define FOLIO_STYLE_HOUSE_H

#include "folio/base.h"

typedef struct house_entry {
    const char *section, *key, *value;
    int line;
} house_entry;

typedef struct house {
    const char *file;        /* for messages */
    house_entry *e;
    size_t n;
} house;

/* Parse `text` (NUL-terminated) into `h`, allocating in `a`. */
int house_parse(folio_ctx *ctx, folio_arena *a, const char *file,
                const char *text, house *h);
/* Load the file at `path`, or the built-in copy when path is NULL. */
int house_load(folio_ctx *ctx, folio_arena *a, const char *path, house *h);

/* The value of `key` in `section`, or NULL. */
const char *house_get(const house *h, const char *section, const char *key);
/* The line of that entry (for messages), 0 when absent. */
int house_line(const house *h, const char *section, const char *key);
/* A length in millipoints; `def` when absent; an error on a bad value. */
int house_length(folio_ctx *ctx, const house *h, const char *section,
                 const char *key, int32_t def, int32_t *out);
/* A percentage such as "2%" or "2.5 %" in 1/1000 (20, 25), at most `max`
 * (1/1000); `def` when absent; an error on a bad or larger value. */
int house_permille(folio_ctx *ctx, const house *h, const char *section,
                   const char *key, int32_t def, int32_t max, int32_t *out);
/* Parse a length such as "2cm", "10pt", "0.5in", "12" (points). */
int house_parse_length(const char *s, int32_t *out);

#endif
