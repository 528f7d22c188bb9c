/* Text: the words of the layout into the page's content stream.
 *
 * The layout places every word at its own x (justified spaces, font
 * expansion). Written word by word through libharu (a Td and a Tj each)
 * that was a third of making the PDF, most of it libharu clearing a 512-byte
 * buffer for every number, and a long content stream to compress. Here the
 * words of one line that share font, size and scale go into one TJ array:
 * the first is placed with Td, each next one by the adjustment that moves
 * the pen from the end of the word before (its /W widths) to its own x. The
 * operators are written into libharu's page stream directly; font, size,
 * horizontal scale and BT/ET still go through libharu, which keeps its
 * graphics state and the page's font resources. The glyphs drawn were
 * marked for embedding when the fonts were loaded (pdf_fonts.c). */
#include <stdlib.h>
#include <string.h>

#include <hpdf_pages.h>

#include "pdf/pdf_internal.h"
#include "util/mem.h"

static int run_reserve(folio_pdf *w, size_t more)
{
    if (w->run.len + more <= w->run.cap)
        return 0;
    size_t cap = w->run.cap ? w->run.cap : 1024;
    while (cap < w->run.len + more)
        cap *= 2;
    char *b = folio_realloc(w->run.buf, cap);
    if (!b)
        return folio_pdf_fail(w, FOLIO_E_NOMEM, "out of memory");
    w->run.buf = b;
    w->run.cap = cap;
    return 0;
}

/* Append v rounded to 3 decimals, without trailing zeros ("12.5", "-3",
 * "0.125"). By hand: snprintf("%.3f") was half of writing the text. */
static void put_number(folio_pdf *w, double v)
{
    char *p = w->run.buf + w->run.len;
    long long m = (long long)(v * 1000.0 + (v < 0 ? -0.5 : 0.5));
    if (m < 0) {
        *p++ = '-';
        m = -m;
    }
    long long whole = m / 1000;
    int frac = (int)(m % 1000);
    char digits[24];
    int n = 0;
    do {
        digits[n++] = (char)('0' + whole % 10);
        whole /= 10;
    } while (whole > 0);
    while (n > 0)
        *p++ = digits[--n];
    if (frac) {
        *p++ = '.';
        *p++ = (char)('0' + frac / 100);
        if (frac % 100) {
            *p++ = (char)('0' + frac / 10 % 10);
            if (frac % 10)
                *p++ = (char)('0' + frac % 10);
        }
    }
    if (p - (w->run.buf + w->run.len) == 2 && p[-2] == '-' && p[-1] == '0') {
        p[-2] = '0'; /* "-0" */
        p--;
    }
    w->run.len = (size_t)(p - w->run.buf);
}

static void put_text(folio_pdf *w, const char *s)
{
    size_t n = strlen(s);
    memcpy(w->run.buf + w->run.len, s, n);
    w->run.len += n;
}

/* Write the collected TJ array into the page's content stream. */
static int flush_run(folio_pdf *w)
{
    if (!w->run.open)
        return 0;
    w->run.open = 0;
    if (run_reserve(w, 8) < 0)
        return FOLIO_E_NOMEM;
    put_text(w, "] TJ\n");
    HPDF_PageAttr attr = (HPDF_PageAttr)w->page->attr;
    HPDF_STATUS st = HPDF_Stream_Write(attr->stream, (const HPDF_BYTE *)w->run.buf,
                                       (HPDF_UINT)w->run.len);
    w->run.len = 0;
    if (st != HPDF_OK)
        return folio_pdf_fail(w, FOLIO_E_PDF, "cannot write the page's text");
    return 0;
}

int folio_pdf_end_text(folio_pdf *w)
{
    int rc = flush_run(w);
    /* a marked-content sequence begun in the text object ends in it */
    if (rc == 0 && w->mc_open && w->mc_in_text)
        rc = folio_pdf_mark_end(w);
    if (w->in_text) {
        HPDF_Page_EndText(w->page);
        w->in_text = 0;
    }
    return rc;
}

/* One byte of a code in a literal string: the three bytes the string syntax
 * reserves are escaped, and CR, which a reader would take for a line end. */
static char *put_byte(char *o, unsigned b)
{
    if (b == '(' || b == ')' || b == '\\') {
        *o++ = '\\';
        *o++ = (char)b;
    } else if (b == '\r') {
        *o++ = '\\';
        *o++ = 'r';
    } else {
        *o++ = (char)b;
    }
    return o;
}

/* Append the word as a literal string of 2-byte codes (raw bytes: half
 * the size of hex, and compressed in half the time); its width in 1/1000
 * em (the sum of its codes' PDF widths) goes to *units. */
static int put_word(folio_pdf *w, const folio_item *it, long *units)
{
    if (it->codes) { /* shaped text: its codes as the layout gives them */
        size_t n = 0;
        while (it->codes[n])
            n++;
        if (run_reserve(w, 4 * n + 2) < 0)
            return FOLIO_E_NOMEM;
        const int16_t *width = w->width[it->face];
        char *o = w->run.buf + w->run.len;
        long sum = 0;
        *o++ = '(';
        for (size_t k = 0; k < n; k++) {
            sum += width[it->codes[k]];
            o = put_byte(o, it->codes[k] >> 8);
            o = put_byte(o, it->codes[k] & 0xFF);
        }
        *o++ = ')';
        w->run.len = (size_t)(o - w->run.buf);
        *units = sum;
        return 0;
    }
    const char *s = folio_pdf_cstr(w, it->text, it->len);
    if (!s)
        return folio_pdf_fail(w, FOLIO_E_NOMEM, "out of memory");
    size_t n = strlen(s);
    if (run_reserve(w, 4 * n + 6) < 0)
        return FOLIO_E_NOMEM;
    const int16_t *width = w->width[it->face];
    char *o = w->run.buf + w->run.len;
    const unsigned char *u = (const unsigned char *)s;
    long sum = 0;
    size_t len;
    *o++ = '(';
    for (size_t k = 0; u[k]; k += len) {
        unsigned code = folio_pdf_next_code(u + k, &len);
        sum += width[code];
        o = put_byte(o, code >> 8);
        o = put_byte(o, code & 0xFF);
    }
    *o++ = ')';
    w->run.len = (size_t)(o - w->run.buf);
    *units = sum;
    return 0;
}

int folio_pdf_draw_text(folio_pdf *w, const folio_item *it)
{
    if (it->len == 0 || !it->text || it->size <= 0 || (it->codes && !it->codes[0]))
        return 0; /* nothing to see (and no size to divide by) */
    if ((unsigned)it->face >= FOLIO_FONTS_MAX || !w->font[it->face] ||
        !w->width[it->face])
        return folio_pdf_fail(w, FOLIO_E_PDF, "text in face %d, which "
                              "was not loaded", (int)it->face);
    HPDF_Font font = w->font[it->face];
    int32_t hs = it->hscale > 0 ? it->hscale : 1000;
    /* one TJ array holds one structure element's words */
    int same_mc = w->mc_open && w->mc_sid == it->sid;
    int same_run = same_mc && w->run.open && w->run.y == it->y && w->cur_font == font &&
                   w->cur_size == it->size && w->cur_hscale == hs;
    int rc;
    if (!same_run && (rc = flush_run(w)) < 0)
        return rc;
    if (!same_mc && (rc = folio_pdf_mark(w, it->sid, 1)) < 0)
        return rc;
    if (!w->in_text) {
        HPDF_Page_BeginText(w->page);
        w->in_text = 1;
        w->line_x = w->line_y = 0;
    }
    if (w->cur_font != font || w->cur_size != it->size) {
        HPDF_Page_SetFontAndSize(w->page, font, folio_pdf_pt(it->size));
        w->cur_font = font;
        w->cur_size = it->size;
    }
    if (w->cur_hscale != hs) {
        /* font expansion of a justified line (Tz, in percent) */
        HPDF_Page_SetHorizontalScalling(w->page, (HPDF_REAL)(hs / 10.0));
        w->cur_hscale = hs;
    }
    if ((rc = folio_pdf_check(w, "setting the text state")) < 0 ||
        (rc = run_reserve(w, 128)) < 0)
        return rc;

    double size = it->size / 1000.0, scale = hs / 1000.0;
    double x = it->x / 1000.0;
    /* Tagged PDF has its word spaces in the text (ISO 32000-1 14.8.2.5): a
     * space glyph, blank, where the word before ends, or at a line's start
     * with the pen moved back over it, so that no glyph's box reaches
     * past the text's edges. A word that comes left of the one before
     * (right to left words, drawn in reading order) has the space in the
     * gap before that word's left edge. */
    int space = it->word_start && it->sid >= FOLIO_SID_DOCUMENT;
    int16_t space_w = w->width[it->face][0x20];
    if (same_run && space) {
        double sw = space_w / 1000.0 * size * scale;
        if (x < w->run.left_x) {
            double n = (w->run.pen_x - (w->run.left_x - sw)) * 1000.0 / (size * scale);
            put_number(w, n);
            put_text(w, " ");
            w->run.pen_x = w->run.left_x - sw;
        }
        put_text(w, "(");
        w->run.buf[w->run.len++] = 0;
        put_text(w, " ) ");
        w->run.pen_x += sw;
    }
    if (same_run) {
        /* TJ moves the pen left by n/1000 of the size, scaled */
        double n = (w->run.pen_x - x) * 1000.0 / (size * scale);
        if (n > 0.0005 || n < -0.0005) {
            put_number(w, n);
            put_text(w, " ");
        }
    } else {
        int64_t y = (int64_t)w->page_h_mpt - it->y;
        put_number(w, (double)(it->x - w->line_x) / 1000.0);
        put_text(w, " ");
        put_number(w, (double)(y - w->line_y) / 1000.0);
        put_text(w, " Td\n[");
        w->line_x = it->x;
        w->line_y = y;
        w->run.open = 1;
        w->run.y = it->y;
    }
    long units = 0;
    if (!same_run && space) {
        put_text(w, "(");
        w->run.buf[w->run.len++] = 0;
        put_text(w, " ) ");
        put_number(w, space_w);
        put_text(w, " ");
    }
    if ((rc = put_word(w, it, &units)) < 0)
        return rc;
    w->run.pen_x = x + units / 1000.0 * size * scale;
    /* the left edge of the word (its pieces and marks drawn after it) */
    if (!same_run || it->word_start || x < w->run.left_x)
        w->run.left_x = x;
    return 0;
}
