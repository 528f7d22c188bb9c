/* The house style: sections of `key = value` lines, the house knowledge the
 * readers and the style stage share (internal). */
#ifndef FOLIO_HOUSE_H
#define FOLIO_HOUSE_H

#include "folio/base.h"
#include "util/file.h"
#include "util/arena.h"
#include "util/units.h"

typedef struct folio_house_entry {
    const char *section, *key, *value;
    int line;
} folio_house_entry;

typedef struct folio_house {
    const char *file;        /* for messages */
    folio_house_entry *e;
    size_t n;
} folio_house;

/* Parse `text` (NUL-terminated) into `h`, allocating in `a`. */
int folio_house_parse(folio_ctx *ctx, folio_arena *a, const char *file,
                const char *text, folio_house *h);
/* Load the file at `path`, or the built-in copy when path is NULL. */
int folio_house_load(folio_ctx *ctx, folio_arena *a, const char *path, folio_house *h);

/* The value of `key` in `section`, or NULL. */
const char *folio_house_get(const folio_house *h, const char *section, const char *key);
/* The line of that entry (for messages), 0 when absent. */
int folio_house_line(const folio_house *h, const char *section, const char *key);
/* A length in millipoints; `def` when absent; an error on a bad value. */
int folio_house_length(folio_ctx *ctx, const folio_house *h, const char *section,
                 const char *key, int32_t def, int32_t *out);
/* A percentage such as "2%" or "2.5 %" in 1/1000 (20, 25), at most `max`
 * (1/1000); `def` when absent; an error on a bad or larger value. */
int folio_house_permille(folio_ctx *ctx, const folio_house *h, const char *section,
                   const char *key, int32_t def, int32_t max, int32_t *out);
/* Parse a length such as "2cm", "10pt", "0.5in", "12" (points). */
int folio_house_parse_length(const char *s, int32_t *out);

#endif
