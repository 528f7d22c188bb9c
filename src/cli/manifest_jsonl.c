/* A JSON-lines manifest: one flat object of strings a line, e.g.
 *   {"input": "a.md", "lang": "fr", "station": "geneva"}
 * Blank lines are skipped. Nesting, numbers, booleans and null are refused
 * with a clear message: a manifest names files and options, nothing else. */
#include <string.h>

#include "cli/batch.h"
#include "util/text.h"

#define MAX_KEYS 8 /* the known keys, each at most once */

typedef struct jl {
    folio_ctx *ctx;
    folio_arena *arena;
    const char *s;
    size_t i, end;    /* the current line is s[start, end) */
    size_t start;
    int line;
} jl;

/* Columns count characters, not bytes. */
static folio_pos pos_at(const jl *j, size_t i)
{
    int col = 1;
    for (size_t k = j->start; k < i; k++)
        col += ((unsigned char)j->s[k] & 0xC0) != 0x80;
    return (folio_pos){j->line, col};
}

static int fail(const jl *j, size_t i, const char *what, const char *arg)
{
    return folio_error(j->ctx, FOLIO_E_INPUT, pos_at(j, i), what, arg);
}

static void skip_ws(jl *j)
{
    while (j->i < j->end && (j->s[j->i] == ' ' || j->s[j->i] == '\t' || j->s[j->i] == '\r'))
        j->i++;
}

static int hex4(const char *s, unsigned *out)
{
    unsigned v = 0;
    for (int k = 0; k < 4; k++) {
        char c = s[k];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0)
            return -1;
        v = v * 16 + (unsigned)d;
    }
    *out = v;
    return 0;
}

/* \uXXXX at s[i] (with its low half when it is a high surrogate). */
static int unicode_escape(jl *j, unsigned *cp)
{
    size_t at = j->i;
    unsigned lo;
    if (j->end - j->i < 6 || hex4(j->s + j->i + 2, cp))
        return fail(j, at, "%s", "\\u needs four hex digits");
    j->i += 6;
    if (*cp >= 0xD800 && *cp <= 0xDBFF) {
        if (j->end - j->i < 6 || j->s[j->i] != '\\' || j->s[j->i + 1] != 'u' ||
            hex4(j->s + j->i + 2, &lo) || lo < 0xDC00 || lo > 0xDFFF)
            return fail(j, at, "%s", "a lone UTF-16 surrogate");
        j->i += 6;
        *cp = 0x10000 + ((*cp - 0xD800) << 10) + (lo - 0xDC00);
    } else if (*cp >= 0xDC00 && *cp <= 0xDFFF) {
        return fail(j, at, "%s", "a lone UTF-16 surrogate");
    } else if (*cp == 0) {
        return fail(j, at, "%s", "\\u0000 is not allowed in a manifest");
    }
    return 0;
}

/* A string at s[i] == '"'; its text never grows when unescaped. */
static int string(jl *j, const char **out)
{
    size_t open = j->i++;
    char *buf = folio_alloc(j->arena, j->end - j->i + 1), *o = buf;
    if (!buf)
        return FOLIO_E_NOMEM;
    for (;;) {
        if (j->i >= j->end)
            return fail(j, open, "%s", "this string never ends (a closing \" is missing)");
        unsigned char c = (unsigned char)j->s[j->i];
        if (c == '"') {
            j->i++;
            break;
        }
        if (c < 0x20)
            return fail(j, j->i, "%s", "a control character in a string: escape it");
        if (c != '\\') {
            *o++ = (char)c;
            j->i++;
            continue;
        }
        char e = j->i + 1 < j->end ? j->s[j->i + 1] : 0;
        const char *plain = strchr("\"\\/bfnrt", e);
        if (e && plain) {
            *o++ = "\"\\/\b\f\n\r\t"[plain - "\"\\/bfnrt"];
            j->i += 2;
        } else if (e == 'u') {
            unsigned cp;
            int rc = unicode_escape(j, &cp);
            if (rc)
                return rc;
            o += folio_utf8_put(o, cp);
        } else {
            return fail(j, j->i, "%s", "an unknown escape in a string");
        }
    }
    *o = 0;
    *out = buf;
    return 0;
}

static int value(jl *j, const char *key, const char **out)
{
    if (j->i < j->end && j->s[j->i] == '"')
        return string(j, out);
    if (j->i >= j->end)
        return fail(j, j->i, "\"%s\" has no value", key);
    if (j->s[j->i] == '{' || j->s[j->i] == '[')
        return fail(j, j->i, "the value of \"%s\" must be a string: nested objects and arrays "
                    "are not supported", key);
    return fail(j, j->i, "the value of \"%s\" must be a string (in double quotes)", key);
}

/* One object: its fields, then nothing but blanks. */
static int object(jl *j, batch_field *f, size_t *n)
{
    int rc;
    *n = 0;
    if (j->s[j->i] != '{')
        return fail(j, j->i, "%s", "each line must be one JSON object: {\"input\": \"...\"}");
    j->i++;
    skip_ws(j);
    if (j->i < j->end && j->s[j->i] == '}')
        j->i++;
    else
        for (;;) {
            size_t at = j->i;
            if (at >= j->end || j->s[at] != '"')
                return fail(j, at, "%s", "expected a key in double quotes");
            batch_field *fld = &f[*n];
            fld->pos = pos_at(j, at);
            if ((rc = string(j, &fld->key)))
                return rc;
            if (!batch_known_key(fld->key))
                return folio_error(j->ctx, FOLIO_E_INPUT, fld->pos,
                                   "unknown key \"%s\" (the keys are: %s)", fld->key, batch_keys);
            for (size_t k = 0; k < *n; k++)
                if (!strcmp(f[k].key, fld->key))
                    return fail(j, at, "\"%s\" is given twice", fld->key);
            skip_ws(j);
            if (j->i >= j->end || j->s[j->i] != ':')
                return fail(j, j->i, "expected ':' after \"%s\"", fld->key);
            j->i++;
            skip_ws(j);
            fld->pos = pos_at(j, j->i);
            if ((rc = value(j, fld->key, &fld->value)))
                return rc;
            ++*n;
            skip_ws(j);
            if (j->i < j->end && j->s[j->i] == ',') {
                j->i++;
                skip_ws(j);
            } else if (j->i < j->end && j->s[j->i] == '}') {
                j->i++;
                break;
            } else {
                return fail(j, j->i, "%s", "expected ',' or '}'");
            }
        }
    skip_ws(j);
    if (j->i < j->end)
        return fail(j, j->i, "%s", "text after the object (one object a line)");
    return 0;
}

int batch_read_jsonl(folio_ctx *ctx, const batch_opts *o, const char *base,
                     const char *data, size_t len, batch_list *l)
{
    jl j = {ctx, l->arena, data, 0, 0, 0, 0};
    if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3))
        j.i = 3;
    while (j.i < len) {
        batch_field f[MAX_KEYS];
        size_t n;
        int rc;
        const char *nl = memchr(data + j.i, '\n', len - j.i);
        j.start = j.i;
        j.end = nl ? (size_t)(nl - data) : len;
        j.line++;
        skip_ws(&j);
        if (j.i < j.end && ((rc = object(&j, f, &n)) ||
                            (rc = batch_add_row(ctx, o, base, l, f, n, j.line))))
            return rc;
        j.i = j.end + 1;
    }
    return 0;
}
