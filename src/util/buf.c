/* Growable text buffer: doubling, through the allocation hook. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "folio/base.h"
#include "util/buf.h"
#include "util/mem.h"

/* Room for n more bytes and the terminator; 0 or -1 (failed). */
static int reserve(folio_buf *b, size_t n)
{
    if (b->failed)
        return -1;
    if (b->cap && n < b->cap - b->len) /* n bytes and the terminator fit */
        return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap - b->len <= n) {
        if (cap > (size_t)-1 / 2) {
            b->failed = 1;
            return -1;
        }
        cap *= 2;
    }
    char *p = folio_realloc(b->data, cap);
    if (!p) {
        b->failed = 1;
        return -1;
    }
    b->data = p;
    b->cap = cap;
    return 0;
}

void folio_buf_put(folio_buf *b, const char *s, size_t n)
{
    if (reserve(b, n))
        return;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = 0;
}

void folio_buf_puts(folio_buf *b, const char *s)
{
    folio_buf_put(b, s, strlen(s));
}

void folio_buf_putc(folio_buf *b, char c)
{
    folio_buf_put(b, &c, 1);
}

void folio_buf_printf(folio_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->failed = 1;
        return;
    }
    if (reserve(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

int folio_buf_take(folio_buf *b, char **out, size_t *len)
{
    *out = NULL;
    *len = 0;
    if (!b->failed && !b->data && reserve(b, 0) == 0)
        b->data[0] = 0;
    if (b->failed) {
        folio_buf_free(b);
        return FOLIO_E_NOMEM;
    }
    *out = b->data;
    *len = b->len;
    memset(b, 0, sizeof *b);
    return 0;
}

void folio_buf_free(folio_buf *b)
{
    free(b->data);
    memset(b, 0, sizeof *b);
}
