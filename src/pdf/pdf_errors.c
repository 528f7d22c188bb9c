/* The PDF writer's errors and strings: a failed libharu call said with
 * what folio was doing and libharu's code, and text made safe for the
 * C strings libharu takes. Every pdf file reports through these. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "pdf/pdf_internal.h"
#include "util/mem.h"
#include "util/text.h"

/* Names for the libharu errors a user can cause or fix. */
static const char *error_name(HPDF_STATUS code)
{
    switch (code) {
    case HPDF_FAILD_TO_ALLOC_MEM: return "out of memory";
    case HPDF_FILE_IO_ERROR: return "file write error";
    case HPDF_FILE_OPEN_ERROR: return "cannot open file";
    case HPDF_TTF_INVALID_CMAP: return "font has no usable cmap";
    case HPDF_TTF_INVALID_FOMAT: return "invalid TrueType font";
    case HPDF_TTF_MISSING_TABLE: return "TrueType table missing";
    case HPDF_TTF_CANNOT_EMBEDDING_FONT: return "font forbids embedding";
    case HPDF_INVALID_FONT_NAME: return "invalid font name";
    case HPDF_PAGE_INVALID_FONT_SIZE: return "invalid font size";
    case HPDF_PAGE_INVALID_SIZE: return "invalid page size";
    case HPDF_INVALID_DATE_TIME: return "invalid date";
    case HPDF_INVALID_ENCODER: return "invalid encoder";
    case HPDF_STRING_OUT_OF_RANGE: return "string too long";
    case HPDF_PAGE_OUT_OF_RANGE: return "value out of range";
    default: return NULL;
    }
}

int folio_pdf_fail(folio_pdf *w, int code, const char *fmt, ...)
{
    char what[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof(what), fmt, ap);
    va_end(ap);
    HPDF_STATUS err = w->error ? w->error : w->doc ? HPDF_GetError(w->doc) : 0;
    folio_pos nowhere = {0, 0};
    if (!err)
        return folio_error(w->ctx, code, nowhere, "PDF: %s", what);
    const char *name = error_name(err);
    return folio_error(w->ctx, code, nowhere,
                       "PDF: %s (libharu error 0x%04X%s%s, detail %u)", what,
                       (unsigned)err, name ? ": " : "", name ? name : "",
                       (unsigned)w->detail);
}

int folio_pdf_check(folio_pdf *w, const char *what)
{
    if (w->error || HPDF_GetError(w->doc) != HPDF_OK)
        return folio_pdf_fail(w, FOLIO_E_PDF, "%s failed", what);
    return 0;
}

/* Length of the valid UTF-8 sequence at s (n bytes left), 0 if invalid
 * or a NUL (which would end the C string libharu takes). */
static size_t utf8_valid(const unsigned char *s, size_t n)
{
    uint32_t cp;
    return s[0] ? folio_utf8_decode(s, n, &cp) : 0;
}

const char *folio_pdf_cstr(folio_pdf *w, const char *s, size_t n)
{
    /* Worst case: every byte becomes the 3-byte U+FFFD. */
    if (n > (SIZE_MAX - 1) / 3)
        return NULL;
    size_t need = 3 * n + 1;
    if (need > w->buf_cap) {
        size_t cap = need > 256 ? need : 256;
        char *b = folio_realloc(w->buf, cap);
        if (!b)
            return NULL;
        w->buf = b;
        w->buf_cap = cap;
    }
    const unsigned char *p = (const unsigned char *)s;
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        size_t k = utf8_valid(p + i, n - i);
        if (k) {
            memcpy(w->buf + o, p + i, k);
            o += k;
            i += k;
        } else {
            memcpy(w->buf + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
        }
    }
    w->buf[o] = 0;
    return w->buf;
}
