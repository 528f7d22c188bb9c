/* A CSV manifest (RFC 4180): a header row naming the columns, then one
 * document a row. Quoted fields may hold commas, doubled quotes and line
 * breaks; spaces around unquoted fields are dropped; blank lines are
 * skipped. Every error names the manifest's line and column. */
#include <string.h>

#include "cli/batch.h"

#define MAX_FIELDS 32

typedef struct csv {
    folio_ctx *ctx;
    folio_arena *arena;
    const char *s;
    size_t n, i;
    int line, col; /* of s[i]; columns count characters, not bytes */
} csv;

typedef struct row {
    batch_field f[MAX_FIELDS]; /* key unused until the header names them */
    size_t n;
    int line;
} row;

static void advance(csv *c)
{
    unsigned char ch = (unsigned char)c->s[c->i++];
    if (ch == '\n') {
        c->line++;
        c->col = 1;
    } else if ((ch & 0xC0) != 0x80) {
        c->col++;
    }
}

static int at(const csv *c, char ch)
{
    return c->i < c->n && c->s[c->i] == ch;
}

static folio_pos here(const csv *c)
{
    return (folio_pos){c->line, c->col};
}

static int row_end(const csv *c)
{
    return c->i >= c->n || c->s[c->i] == '\n' || c->s[c->i] == '\r';
}

static void skip_blanks(csv *c)
{
    while (at(c, ' ') || at(c, '\t'))
        advance(c);
}

static int quoted_field(csv *c, const char **value)
{
    folio_pos open = here(c);
    advance(c);
    size_t start = c->i, len = 0;
    for (;;) {
        if (c->i >= c->n)
            return folio_error(c->ctx, FOLIO_E_INPUT, open,
                               "this quoted field never ends (a closing \" is missing)");
        if (c->s[c->i] == 0)
            return folio_error(c->ctx, FOLIO_E_INPUT, here(c), "a NUL byte in the manifest");
        if (at(c, '"')) {
            advance(c);
            if (!at(c, '"'))
                break;
        }
        advance(c);
        len++;
    }
    char *out = folio_alloc(c->arena, len + 1), *o = out;
    if (!out)
        return FOLIO_E_NOMEM;
    for (size_t k = start; o < out + len; k++) {
        *o++ = c->s[k];
        k += c->s[k] == '"'; /* "" stands for one quote */
    }
    *value = out;
    skip_blanks(c);
    if (!row_end(c) && !at(c, ','))
        return folio_error(c->ctx, FOLIO_E_INPUT, here(c),
                           "text after a closing quote (a quote inside a quoted field is "
                           "written \"\")");
    return 0;
}

static int plain_field(csv *c, const char **value)
{
    size_t start = c->i, end = c->i;
    while (!row_end(c) && !at(c, ',')) {
        if (at(c, '"'))
            return folio_error(c->ctx, FOLIO_E_INPUT, here(c),
                               "a quote inside an unquoted field: quote the whole field and "
                               "double the quote");
        if (c->s[c->i] == 0)
            return folio_error(c->ctx, FOLIO_E_INPUT, here(c), "a NUL byte in the manifest");
        if (!at(c, ' ') && !at(c, '\t'))
            end = c->i + 1;
        advance(c);
    }
    *value = folio_strndup(c->arena, c->s + start, end - start);
    return *value ? 0 : FOLIO_E_NOMEM;
}

/* One record; r->n == 0 at the end of the data. */
static int read_row(csv *c, row *r)
{
    r->n = 0;
    r->line = c->line;
    if (c->i >= c->n)
        return 0;
    for (;;) {
        int rc;
        if (r->n == MAX_FIELDS)
            return folio_error(c->ctx, FOLIO_E_LIMIT, here(c),
                               "more than %d fields on a row", MAX_FIELDS);
        skip_blanks(c);
        batch_field *f = &r->f[r->n++];
        f->key = NULL;
        f->pos = here(c);
        if ((rc = at(c, '"') ? quoted_field(c, &f->value) : plain_field(c, &f->value)))
            return rc;
        if (at(c, ',')) {
            advance(c);
            continue;
        }
        if (at(c, '\r'))
            advance(c);
        if (at(c, '\n'))
            advance(c);
        return 0;
    }
}

static int blank(const row *r)
{
    return r->n == 1 && !r->f[0].value[0];
}

/* The header: known column names, each once, `input` among them. */
static int read_header(csv *c, const row *h)
{
    int has_input = 0;
    for (size_t k = 0; k < h->n; k++) {
        const char *name = h->f[k].value;
        if (!batch_known_key(name))
            return folio_error(c->ctx, FOLIO_E_INPUT, h->f[k].pos,
                               "unknown column \"%s\" (the columns are: %s)", name, batch_keys);
        for (size_t m = 0; m < k; m++)
            if (!strcmp(h->f[m].value, name))
                return folio_error(c->ctx, FOLIO_E_INPUT, h->f[k].pos,
                                   "column \"%s\" appears twice", name);
        has_input |= !strcmp(name, "input");
    }
    if (!has_input)
        return folio_error(c->ctx, FOLIO_E_INPUT, (folio_pos){h->line, 1},
                           "the header row has no \"input\" column (the columns are: %s)",
                           batch_keys);
    return 0;
}

int batch_read_csv(folio_ctx *ctx, const batch_opts *o, const char *base,
                   const char *data, size_t len, batch_list *l)
{
    csv c = {ctx, l->arena, data, len, 0, 1, 1};
    row header, r;
    int rc;
    if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3))
        c.i = 3; /* a byte order mark, as spreadsheets write */
    do {
        if ((rc = read_row(&c, &header)))
            return rc;
    } while (header.n && blank(&header));
    if (!header.n)
        return folio_error(ctx, FOLIO_E_INPUT, (folio_pos){1, 1},
                           "empty manifest: the first row names the columns (%s)", batch_keys);
    if ((rc = read_header(&c, &header)))
        return rc;
    for (;;) {
        if ((rc = read_row(&c, &r)))
            return rc;
        if (!r.n)
            return 0;
        if (blank(&r))
            continue;
        if (r.n != header.n)
            return folio_error(ctx, FOLIO_E_INPUT, (folio_pos){r.line, 1},
                               "this row has %zu fields, the header %zu", r.n, header.n);
        for (size_t k = 0; k < r.n; k++)
            r.f[k].key = header.f[k].value;
        if ((rc = batch_add_row(ctx, o, base, l, r.f, r.n, r.line)))
            return rc;
    }
}
