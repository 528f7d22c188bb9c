/* A PNG decoded in full with libpng's errors caught (setjmp), so that a
 * corrupt image is an error message, never an abort inside libharu. */
#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "folio/base.h"
#include "util/mem.h"
#include "util/png_check.h"

typedef struct reader {
    const unsigned char *data;
    size_t len, at;
    char *why;
    size_t cap;
    int nomem;
} reader;

static void read_bytes(png_structp png, png_bytep out, png_size_t n)
{
    reader *r = png_get_io_ptr(png);
    if (n > r->len - r->at)
        png_error(png, "the file ends early");
    memcpy(out, r->data + r->at, n);
    r->at += n;
}

static void on_error(png_structp png, png_const_charp msg)
{
    reader *r = png_get_error_ptr(png);
    if (r->why && !r->why[0])
        snprintf(r->why, r->cap, "%s", msg);
    png_longjmp(png, 1);
}

static void on_warning(png_structp png, png_const_charp msg)
{
    (void)png;
    (void)msg;
}

static png_voidp on_alloc(png_structp png, png_alloc_size_t size)
{
    png_voidp p = folio_malloc(size);
    if (!p)
        ((reader *)png_get_mem_ptr(png))->nomem = 1;
    return p;
}

static void on_free(png_structp png, png_voidp p)
{
    (void)png;
    free(p);
}

int folio_png_check(const unsigned char *data, size_t len, uint32_t *w, uint32_t *h,
                    char *why, size_t cap)
{
    static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    reader r = {data, len, 0, why, cap, 0};
    png_structp png = NULL;
    png_infop info = NULL;
    png_bytep volatile row = NULL;
    volatile int rc = 1;
    if (why && cap)
        why[0] = 0;
    if (len < 33 || memcmp(data, sig, 8) || memcmp(data + 12, "IHDR", 4)) {
        snprintf(why, cap, "not a PNG file");
        return 1;
    }
    png = png_create_read_struct_2(PNG_LIBPNG_VER_STRING, &r, on_error, on_warning, &r,
                                   on_alloc, on_free);
    if (!png || !(info = png_create_info_struct(png))) {
        png_destroy_read_struct(png ? &png : NULL, NULL, NULL);
        return FOLIO_E_NOMEM;
    }
    if (setjmp(png_jmpbuf(png))) {
        rc = r.nomem ? FOLIO_E_NOMEM : 1;
        goto done;
    }
    png_set_read_fn(png, &r, read_bytes);
    /* every chunk's CRC checked, critical or not */
    png_set_crc_action(png, PNG_CRC_ERROR_QUIT, PNG_CRC_ERROR_QUIT);
    png_set_user_limits(png, FOLIO_PNG_MAX_SIDE, FOLIO_PNG_MAX_SIDE);
    png_read_info(png, info);
    png_uint_32 pw = png_get_image_width(png, info), ph = png_get_image_height(png, info);
    if (png_get_bit_depth(png, info) != 8) {
        snprintf(why, cap, "a PNG of %d bits a sample: folio draws 8-bit PNGs only",
                 png_get_bit_depth(png, info));
        goto done;
    }
    if (png_get_interlace_type(png, info) != PNG_INTERLACE_NONE) {
        snprintf(why, cap, "an interlaced PNG: folio draws non-interlaced PNGs only");
        goto done;
    }
    size_t rowbytes = png_get_rowbytes(png, info);
    if (!(row = folio_malloc(rowbytes ? rowbytes : 1))) {
        rc = FOLIO_E_NOMEM;
        goto done;
    }
    for (png_uint_32 y = 0; y < ph; y++)
        png_read_row(png, row, NULL);
    png_read_end(png, NULL);
    *w = pw;
    *h = ph;
    rc = 0;
done:
    free(row);
    png_destroy_read_struct(&png, &info, NULL);
    if (rc == 1 && why && cap && !why[0])
        snprintf(why, cap, "not a readable PNG");
    return rc;
}
