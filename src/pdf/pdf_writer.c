/* The PDF writer: one libharu document per call, pages drawn item by item
 * from the layout, saved in one go. libharu's errors are sticky, so the
 * handler only records the first one and the writer checks at each page. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf/pdf_internal.h"
#include "util/text.h"
#include "util/mem.h"

static void on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void *data)
{
    folio_pdf *w = data;
    if (!w->error) {
        w->error = error_no;
        w->detail = detail_no;
    }
}

/* libharu allocates through folio's hook (util/mem.h); it checks every
 * allocation and reports a failure as HPDF_FAILD_TO_ALLOC_MEM. */
static void *hpdf_alloc(HPDF_UINT size)
{
    return folio_malloc(size);
}

static void hpdf_free(void *p)
{
    free(p);
}

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

static void draw_rule(folio_pdf *w, const folio_item *it)
{
    HPDF_Page_SetLineWidth(w->page, folio_pdf_pt(it->thickness));
    HPDF_Page_MoveTo(w->page, folio_pdf_pt(it->x),
                     (HPDF_REAL)(w->page_h - it->y / 1000.0));
    HPDF_Page_LineTo(w->page, folio_pdf_pt(it->x + it->w),
                     (HPDF_REAL)(w->page_h - (it->y + it->h) / 1000.0));
    HPDF_Page_Stroke(w->page);
}

static void draw_rect(folio_pdf *w, const folio_item *it)
{
    HPDF_Page_Rectangle(w->page, folio_pdf_pt(it->x),
                        (HPDF_REAL)(w->page_h - (it->y + it->h) / 1000.0),
                        folio_pdf_pt(it->w), folio_pdf_pt(it->h));
    HPDF_Page_Fill(w->page);
}

static int draw_item(folio_pdf *w, const folio_item *it)
{
    if (it->kind == FOLIO_ITEM_TEXT)
        return folio_pdf_draw_text(w, it);
    int rc = folio_pdf_end_text(w);
    if (rc < 0)
        return rc;
    switch (it->kind) {
    case FOLIO_ITEM_RULE:
        if (it->thickness > 0)
            draw_rule(w, it);
        return 0;
    case FOLIO_ITEM_RECT:
        if (it->w > 0 && it->h > 0)
            draw_rect(w, it);
        return 0;
    case FOLIO_ITEM_ART:
        return folio_pdf_draw_art(w, it);
    case FOLIO_ITEM_IMAGE:
        return folio_pdf_draw_image(w, it);
    case FOLIO_ITEM_LINK:
        return folio_pdf_add_link(w, it);
    case FOLIO_ITEM_OUTLINE:
        return folio_pdf_add_outline(w, it);
    default:
        return folio_pdf_fail(w, FOLIO_E_PDF, "an item of unknown kind %d",
                              (int)it->kind);
    }
}

static int draw_page(folio_pdf *w, const folio_layout *l, size_t index)
{
    const folio_page *pg = &l->pages[index];
    /* libharu 2.3.0's HPDF_Page_New goes on with a page resource dictionary
     * it has freed when an allocation fails (AddResource after a failed
     * HPDF_Dict_Add): the allocation-failure test leaves this call alone */
    folio_mem_unhook(1);
    w->page = HPDF_AddPage(w->doc);
    folio_mem_unhook(0);
    if (!w->page)
        return folio_pdf_fail(w, FOLIO_E_PDF, "cannot add page %zu",
                              index + 1);
    w->page_h = l->height / 1000.0;
    w->page_h_mpt = l->height;
    w->in_text = 0;
    w->cur_font = NULL;
    w->cur_size = 0;
    w->cur_hscale = 1000;
    HPDF_Page_SetWidth(w->page, folio_pdf_pt(l->width));
    HPDF_Page_SetHeight(w->page, folio_pdf_pt(l->height));
    HPDF_Page_SetLineCap(w->page, HPDF_BUTT_END);
    int rc = folio_pdf_check(w, "setting up a page");
    for (size_t i = 0; rc == 0 && i < pg->nitems; i++)
        rc = draw_item(w, &pg->items[i]);
    if (rc == 0)
        rc = folio_pdf_end_text(w);
    if (rc == 0)
        rc = folio_pdf_check(w, "drawing a page");
    if (rc == 0)
        rc = folio_pdf_deflate_page(w);
    return rc;
}

/* Both entry points: `release` frees each page's items once the page is
 * drawn (the layout is not const then). */
static int write_pdf(folio_ctx *ctx, const folio_layout *l, folio_page *release,
                     const folio_fonts *fonts, const folio_dest *dest)
{
    folio_pdf w;
    memset(&w, 0, sizeof(w));
    w.ctx = ctx;
    int rc = FOLIO_E_USAGE;
    if (!ctx || !l || !fonts || !dest || (!dest->path && (!dest->data || !dest->len)))
        goto done;
    if (l->npages == 0 || l->width <= 0 || l->height <= 0) {
        rc = folio_pdf_fail(&w, FOLIO_E_PDF,
                            "the layout has no pages or no page size");
        goto done;
    }
    w.doc = HPDF_NewEx(on_error, hpdf_alloc, hpdf_free, 0, &w);
    if (!w.doc) {
        rc = folio_pdf_fail(&w, FOLIO_E_NOMEM,
                            "cannot create a libharu document");
        goto done;
    }
    HPDF_SetCompressionMode(w.doc, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(w.doc);
    HPDF_SetCurrentEncoder(w.doc, "UTF-8");
    w.utf8 = HPDF_GetEncoder(w.doc, "UTF-8");
    if (!w.utf8) {
        rc = folio_pdf_fail(&w, FOLIO_E_PDF, "no UTF-8 encoder");
        goto done;
    }
    if ((rc = folio_pdf_check(&w, "setting up the document")) < 0)
        goto done;
    w.layout = l;
    if ((rc = folio_pdf_load_fonts(&w, l, fonts)) < 0)
        goto done;
    for (size_t i = 0; i < l->npages; i++) {
        if ((rc = draw_page(&w, l, i)) < 0)
            goto done;
        if (release) {
            free(release[i].items);
            release[i].items = NULL;
            release[i].nitems = release[i].cap = 0;
        }
    }
    if ((rc = folio_pdf_set_meta(&w, l)) < 0)
        goto done;
    if ((rc = folio_pdf_fix_tounicode(&w)) < 0)
        goto done;
    rc = folio_pdf_save(&w, dest);
done:
    if (w.doc)
        HPDF_Free(w.doc);
    free(w.buf);
    free(w.run.buf);
    for (int f = 0; f < FOLIO_FONTS_MAX; f++) {
        free(w.width[f]);
        free(w.codes[f]);
    }
    return rc;
}

int folio_pdf_write(folio_ctx *ctx, const folio_layout *l,
                    const folio_fonts *fonts, const char *path)
{
    folio_dest dest = {path, NULL, NULL};
    return write_pdf(ctx, l, NULL, fonts, path ? &dest : NULL);
}

int folio_pdf_write_release(folio_ctx *ctx, folio_layout *l,
                            const folio_fonts *fonts, const char *path)
{
    folio_dest dest = {path, NULL, NULL};
    return write_pdf(ctx, l, l ? l->pages : NULL, fonts, path ? &dest : NULL);
}

int folio_pdf_write_release_to(folio_ctx *ctx, folio_layout *l,
                               const folio_fonts *fonts, const folio_dest *dest)
{
    return write_pdf(ctx, l, l ? l->pages : NULL, fonts, dest);
}
