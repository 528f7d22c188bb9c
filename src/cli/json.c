/* A small JSON reader and writer: recursive descent over a bounded depth,
 * strings decoded to UTF-8 (surrogate pairs joined; a lone surrogate or a
 * NUL is refused), numbers by strtod. */
#include <stdlib.h>
#include <string.h>

#include "cli/json.h"
#include "util/text.h"

#define JSON_MAX_DEPTH 64

typedef struct parser {
    folio_arena *a;
    const char *s, *end, *start;
    char *why;
    size_t cap;
    int failed;
} parser;

static int fail(parser *p, const char *why)
{
    if (!p->failed)
        snprintf(p->why, p->cap, "%s", why);
    p->failed = 1;
    return -1;
}

static void skip_ws(parser *p)
{
    while (p->s < p->end && (*p->s == ' ' || *p->s == '\t' || *p->s == '\n' || *p->s == '\r'))
        p->s++;
}

static int hex4(parser *p, unsigned *v)
{
    *v = 0;
    for (int i = 0; i < 4; i++, p->s++) {
        char c = p->s < p->end ? *p->s : 0;
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0)
            return fail(p, "a bad \\u escape");
        *v = *v * 16 + (unsigned)d;
    }
    return 0;
}

static size_t put_utf8(char *o, unsigned cp)
{
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | cp >> 6);
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | cp >> 12);
        o[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | cp >> 18);
    o[1] = (char)(0x80 | (cp >> 12 & 0x3F));
    o[2] = (char)(0x80 | (cp >> 6 & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

static const char *string(parser *p)
{
    p->s++; /* the quote */
    const char *q = p->s;
    size_t n = 0;
    while (q < p->end && *q != '"')
        q += *q == '\\' && q + 1 < p->end ? 2 : 1;
    if (q >= p->end)
        return fail(p, "a string without its closing quote"), NULL;
    n = (size_t)(q - p->s);
    char *out = folio_alloc(p->a, n + 1), *o = out;
    if (!out)
        return fail(p, "out of memory"), NULL;
    while (*p->s != '"') {
        unsigned char c = (unsigned char)*p->s;
        if (c < 0x20)
            return fail(p, "a control character in a string"), NULL;
        if (c != '\\') {
            *o++ = (char)c;
            p->s++;
            continue;
        }
        char e = p->s[1];
        p->s += 2;
        const char *plain = strchr("\"\\/bfnrt", e);
        if (e && plain) {
            *o++ = "\"\\/\b\f\n\r\t"[plain - "\"\\/bfnrt"];
            continue;
        }
        unsigned cp, lo;
        if (e != 'u' || hex4(p, &cp))
            return fail(p, "a bad escape in a string"), NULL;
        if (cp >= 0xD800 && cp < 0xDC00) {
            if (p->end - p->s < 6 || p->s[0] != '\\' || p->s[1] != 'u')
                return fail(p, "a lone surrogate in a string"), NULL;
            p->s += 2;
            if (hex4(p, &lo) || lo < 0xDC00 || lo > 0xDFFF)
                return fail(p, "a lone surrogate in a string"), NULL;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        } else if ((cp >= 0xDC00 && cp < 0xE000) || cp == 0) {
            return fail(p, "a lone surrogate or NUL in a string"), NULL;
        }
        o += put_utf8(o, cp); /* never longer than its escape */
    }
    p->s++;
    *o = 0;
    return out;
}

static json *value(parser *p, int depth);

static int push(parser *p, json *v, const char *key, json *item, size_t *cap)
{
    if (v->n == *cap) {
        size_t nc = *cap ? *cap * 2 : 8;
        json **items = folio_grow(p->a, v->items, sizeof *items, v->n, nc);
        const char **keys = key ? folio_grow(p->a, v->keys, sizeof *keys, v->n, nc) : v->keys;
        if (!items || (key && !keys))
            return fail(p, "out of memory");
        v->items = items;
        v->keys = keys;
        *cap = nc;
    }
    if (key)
        v->keys[v->n] = key;
    v->items[v->n++] = item;
    return 0;
}

static json *container(parser *p, json *v, int depth)
{
    int obj = *p->s == '{';
    char close = obj ? '}' : ']';
    size_t cap = 0;
    v->type = obj ? JSON_OBJECT : JSON_ARRAY;
    p->s++;
    skip_ws(p);
    if (p->s < p->end && *p->s == close) {
        p->s++;
        return v;
    }
    for (;;) {
        const char *key = NULL;
        skip_ws(p);
        if (obj) {
            if (p->s >= p->end || *p->s != '"' || !(key = string(p)))
                return fail(p, "expected a key"), NULL;
            skip_ws(p);
            if (p->s >= p->end || *p->s != ':')
                return fail(p, "expected ':'"), NULL;
            p->s++;
        }
        json *item = value(p, depth + 1);
        if (!item || push(p, v, key, item, &cap))
            return NULL;
        skip_ws(p);
        if (p->s < p->end && *p->s == ',') {
            p->s++;
            continue;
        }
        if (p->s < p->end && *p->s == close) {
            p->s++;
            return v;
        }
        return fail(p, obj ? "expected ',' or '}'" : "expected ',' or ']'"), NULL;
    }
}

static json *value(parser *p, int depth)
{
    if (depth > JSON_MAX_DEPTH)
        return fail(p, "nested too deep"), NULL;
    skip_ws(p);
    json *v = folio_alloc(p->a, sizeof *v);
    if (!v)
        return fail(p, "out of memory"), NULL;
    memset(v, 0, sizeof *v);
    if (p->s >= p->end)
        return fail(p, "expected a value"), NULL;
    char c = *p->s;
    if (c == '{' || c == '[')
        return container(p, v, depth);
    if (c == '"') {
        v->type = JSON_STRING;
        return (v->string = string(p)) ? v : NULL;
    }
    static const char *const words[] = {"null", "true", "false"};
    for (int i = 0; i < 3; i++) {
        size_t k = strlen(words[i]);
        if ((size_t)(p->end - p->s) >= k && !strncmp(p->s, words[i], k)) {
            p->s += k;
            v->type = i ? JSON_BOOL : JSON_NULL;
            v->number = i == 1;
            return v;
        }
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
        char buf[64], *e;
        size_t k = 0;
        while (p->s + k < p->end && k < sizeof buf - 1 && strchr("+-.eE0123456789", p->s[k]))
            k++;
        memcpy(buf, p->s, k);
        buf[k] = 0;
        v->type = JSON_NUMBER;
        v->number = strtod(buf, &e);
        if (e == buf || *e)
            return fail(p, "a bad number"), NULL;
        p->s += k;
        return v;
    }
    return fail(p, "expected a value"), NULL;
}

int json_parse(folio_arena *a, const char *text, size_t len, json **out, int *line,
               int *col, char *why, size_t cap)
{
    parser p = {a, text, text + len, text, why, cap, 0};
    json *v = value(&p, 0);
    if (v) {
        skip_ws(&p);
        if (p.s < p.end) {
            fail(&p, "text after the value");
            v = NULL;
        }
    }
    *out = v;
    *line = 1;
    *col = 1;
    if (v)
        return 0;
    for (const char *c = text; c < p.s && c < p.end; c++)
        if (*c == '\n')
            ++*line, *col = 1;
        else
            ++*col;
    return -1;
}

const json *json_get(const json *obj, const char *key)
{
    if (!obj || obj->type != JSON_OBJECT)
        return NULL;
    for (size_t i = 0; i < obj->n; i++)
        if (!strcmp(obj->keys[i], key))
            return obj->items[i];
    return NULL;
}

void json_write_string(FILE *f, const char *s)
{
    size_t len = strlen(s);
    fputc('"', f);
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        const char *esc = c ? strchr("\"\\\b\f\n\r\t", c) : NULL;
        size_t n;
        uint32_t cp;
        if (esc) {
            fprintf(f, "\\%c", "\"\\bfnrt"[esc - "\"\\\b\f\n\r\t"]);
            i++;
        } else if (c < 0x20) {
            fprintf(f, "\\u%04x", c);
            i++;
        } else if (c < 0x80) {
            fputc(c, f);
            i++;
        } else if ((n = folio_utf8_decode((const unsigned char *)s + i, len - i, &cp))) {
            fwrite(s + i, 1, n, f);
            i += n;
        } else {
            fputs("\\ufffd", f);
            i++;
        }
    }
    fputc('"', f);
}

void json_write(FILE *f, const json *v, int indent)
{
    switch (v->type) {
    case JSON_NULL:
        fputs("null", f);
        return;
    case JSON_BOOL:
        fputs(v->number ? "true" : "false", f);
        return;
    case JSON_NUMBER:
        if (v->number == (double)(long long)v->number)
            fprintf(f, "%lld", (long long)v->number);
        else
            fprintf(f, "%.17g", v->number);
        return;
    case JSON_STRING:
        json_write_string(f, v->string);
        return;
    case JSON_ARRAY:
    case JSON_OBJECT:
        break;
    }
    int obj = v->type == JSON_OBJECT;
    if (!v->n) {
        fputs(obj ? "{}" : "[]", f);
        return;
    }
    fputc(obj ? '{' : '[', f);
    for (size_t i = 0; i < v->n; i++) {
        fprintf(f, "%s\n%*s", i ? "," : "", indent + 2, "");
        if (obj) {
            json_write_string(f, v->keys[i]);
            fputs(": ", f);
        }
        json_write(f, v->items[i], indent + 2);
    }
    fprintf(f, "\n%*s%c", indent, "", obj ? '}' : ']');
}
