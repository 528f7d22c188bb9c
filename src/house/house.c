/* The house style file reader. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "house/house.h"

extern const char folio_builtin_style[];

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        s[--n] = 0;
    /* "quoted" values keep their spaces */
    if (n >= 2 && s[0] == '"' && s[n - 1] == '"') {
        s[n - 1] = 0;
        s++;
    }
    return s;
}

int folio_house_parse(folio_ctx *ctx, folio_arena *a, const char *file,
                const char *text, folio_house *h)
{
    size_t cap = 0;
    const char *section = "";
    int lineno = 0;
    h->file = file;
    h->e = NULL;
    h->n = 0;
    for (const char *p = text; *p;) {
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) : strlen(p);
        char *line = folio_strndup(a, p, len);
        if (!line)
            return FOLIO_E_NOMEM;
        lineno++;
        p += len + (eol ? 1 : 0);
        char *s = trim(line);
        if (*s == 0 || *s == '#')
            continue;
        if (*s == '[') {
            char *end = strchr(s, ']');
            if (!end || end[1])
                return folio_error(ctx, FOLIO_E_STYLE, (folio_pos){lineno, 1},
                                   "%s:%d: malformed section header", file, lineno);
            *end = 0;
            section = s + 1;
            continue;
        }
        char *eq = strchr(s, '=');
        if (!eq)
            return folio_error(ctx, FOLIO_E_STYLE, (folio_pos){lineno, 1},
                               "%s:%d: expected `key = value`", file, lineno);
        *eq = 0;
        if (h->n == cap) {
            size_t ncap = cap ? cap * 2 : 128;
            folio_house_entry *e = folio_grow(a, h->e, sizeof *e, h->n, ncap);
            if (!e)
                return FOLIO_E_NOMEM;
            h->e = e;
            cap = ncap;
        }
        h->e[h->n++] = (folio_house_entry){section, trim(s), trim(eq + 1), lineno};
    }
    return 0;
}

/* The style file: the one asked for; else $FOLIO_DATADIR/styles/un.style
 * when that exists; else the copy compiled into the binary (identical to
 * the installed one), so folio runs anywhere. */
int folio_house_load(folio_ctx *ctx, folio_arena *a, const char *path, folio_house *h)
{
    char buf[4096];
    const char *dir = getenv("FOLIO_DATADIR");
    if (!path && dir) {
        snprintf(buf, sizeof buf, "%s/styles/un.style", dir);
        if (access(buf, R_OK) == 0)
            path = folio_strdup(a, buf); /* h->file keeps it */
    }
    if (!path)
        return folio_house_parse(ctx, a, "<built-in style>", folio_builtin_style, h);
    char *data = NULL;
    size_t len = 0;
    int rc = folio_read_file(ctx, path, 1 << 20, &data, &len);
    if (rc)
        return rc;
    rc = folio_house_parse(ctx, a, path, data, h);
    free(data);
    return rc;
}

static const folio_house_entry *find(const folio_house *h, const char *section, const char *key)
{
    /* The last definition wins, so a later line can override. */
    for (size_t i = h->n; i-- > 0;)
        if (!strcmp(h->e[i].section, section) && !strcmp(h->e[i].key, key))
            return &h->e[i];
    return NULL;
}

const char *folio_house_get(const folio_house *h, const char *section, const char *key)
{
    const folio_house_entry *e = find(h, section, key);
    return e ? e->value : NULL;
}

int folio_house_line(const folio_house *h, const char *section, const char *key)
{
    const folio_house_entry *e = find(h, section, key);
    return e ? e->line : 0;
}

int folio_house_parse_length(const char *s, int32_t *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || errno)
        return -1;
    while (*end == ' ')
        end++;
    double mpt;
    if (!*end || !strcmp(end, "pt"))
        mpt = v * 1000;
    else if (!strcmp(end, "cm"))
        mpt = v * 72000 / 2.54;
    else if (!strcmp(end, "mm"))
        mpt = v * 7200 / 2.54;
    else if (!strcmp(end, "in"))
        mpt = v * 72000;
    else
        return -1;
    if (mpt > 1e8 || mpt < -1e8)
        return -1;
    *out = (int32_t)(mpt < 0 ? mpt - 0.5 : mpt + 0.5);
    return 0;
}

int folio_house_length(folio_ctx *ctx, const folio_house *h, const char *section,
                 const char *key, int32_t def, int32_t *out)
{
    const folio_house_entry *e = find(h, section, key);
    if (!e) {
        *out = def;
        return 0;
    }
    if (folio_house_parse_length(e->value, out))
        return folio_error(ctx, FOLIO_E_STYLE, (folio_pos){e->line, 1},
                           "%s:%d: [%s] %s: not a length: \"%s\"", h->file,
                           e->line, section, key, e->value);
    return 0;
}

int folio_house_permille(folio_ctx *ctx, const folio_house *h, const char *section,
                   const char *key, int32_t def, int32_t max, int32_t *out)
{
    const folio_house_entry *e = find(h, section, key);
    if (!e) {
        *out = def;
        return 0;
    }
    char *end;
    errno = 0;
    double v = strtod(e->value, &end);
    while (end && *end == ' ')
        end++;
    if (end == e->value || errno || !end || strcmp(end, "%") || v < 0 || v * 10 > max)
        return folio_error(ctx, FOLIO_E_STYLE, (folio_pos){e->line, 1},
                           "%s:%d: [%s] %s: not a percentage from 0%% to %g%%: \"%s\"",
                           h->file, e->line, section, key, max / 10.0, e->value);
    *out = (int32_t)(v * 10 + 0.5);
    return 0;
}

