/* A growable text buffer (internal) for writers that print: the layout
 * trace, the model dump. A failed allocation is remembered, not returned
 * at each call: check once at the end with folio_buf_take. */
#ifndef FOLIO_UTIL_BUF_H
#define FOLIO_UTIL_BUF_H

#include <stddef.h>

typedef struct folio_buf {
    char *data;    /* NUL-terminated, malloc'd */
    size_t len, cap;
    int failed;    /* an allocation failed: the text is incomplete */
} folio_buf;

void folio_buf_put(folio_buf *b, const char *s, size_t n);
void folio_buf_puts(folio_buf *b, const char *s);
void folio_buf_putc(folio_buf *b, char c);
void folio_buf_printf(folio_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Hand the text over (*out malloc'd, NUL-terminated; the caller frees it)
 * and empty the buffer: 0, or FOLIO_E_NOMEM when a write failed. */
int folio_buf_take(folio_buf *b, char **out, size_t *len);
void folio_buf_free(folio_buf *b);

#endif
