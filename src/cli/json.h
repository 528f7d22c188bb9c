/* A small JSON reader and writer for the command line (internal): the
 * shard summaries `folio summary` merges are read back with it. Values
 * live in one arena; nesting is bounded. */
#ifndef FOLIO_CLI_JSON_H
#define FOLIO_CLI_JSON_H

#include <stdio.h>

#include "util/arena.h"

typedef enum json_type { JSON_NULL, JSON_BOOL, JSON_NUMBER, JSON_STRING, JSON_ARRAY,
                         JSON_OBJECT } json_type;

typedef struct json {
    json_type type;
    double number;           /* NUMBER, BOOL (0 or 1) */
    const char *string;      /* STRING: UTF-8, NUL-terminated */
    const char **keys;       /* OBJECT: keys[i] names items[i] */
    struct json **items;     /* ARRAY, OBJECT */
    size_t n;
} json;

/* Parse text[0..len) into *out; on error returns -1 with the line and
 * column and the reason in why[0..cap). */
int json_parse(folio_arena *a, const char *text, size_t len, json **out, int *line,
               int *col, char *why, size_t cap);
/* The member `key` of an object, or NULL. */
const json *json_get(const json *obj, const char *key);
/* Write v as JSON, nested lines indented from `indent` spaces. */
void json_write(FILE *f, const json *v, int indent);
/* A string as a JSON string literal (invalid UTF-8 as U+FFFD). */
void json_write_string(FILE *f, const char *s);

#endif
