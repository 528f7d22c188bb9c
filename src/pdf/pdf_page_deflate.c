/* Each page's content stream is compressed as soon as the page is drawn.
 *
 * libharu keeps every page's operators uncompressed in memory until the
 * document is saved, then compresses them all: for a 2,400-page report
 * that is some 25 MB held for nothing. Compressed here, page by page (with
 * zlib's default level, as libharu would), a page costs a fifth of that,
 * and saving writes the bytes as they are. The stream's dictionary is told
 * not to filter again; its /Filter /FlateDecode entry is written by an
 * on-write hook, since libharu drops a /Filter it did not set itself. */
#include <stdlib.h>

#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <zlib.h>

#include "pdf/pdf_internal.h"
#include "util/mem.h"

static HPDF_STATUS write_flate_filter(HPDF_Dict dict, HPDF_Stream out)
{
    (void)dict;
    return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\n");
}

int folio_pdf_deflate_page(folio_pdf *w)
{
    HPDF_PageAttr attr = (HPDF_PageAttr)w->page->attr;
    HPDF_Dict contents = attr->contents;
    HPDF_Stream s = attr->stream;
    /* libharu appends ET or Q to a page left inside a text object or a
     * saved state when it saves; such a page stays with libharu. */
    if (!contents || !s || s->type != HPDF_STREAM_MEMORY ||
        contents->filter != HPDF_STREAM_FILTER_FLATE_DECODE ||
        attr->gmode != HPDF_GMODE_PAGE_DESCRIPTION ||
        (attr->gstate && attr->gstate->prev))
        return 0;

    HPDF_UINT32 size = HPDF_Stream_Size(s);
    unsigned char *raw = folio_malloc(size ? size : 1);
    uLongf packed_len = compressBound(size);
    unsigned char *packed = folio_malloc(packed_len);
    int rc = 0;
    if (!raw || !packed) {
        rc = folio_pdf_fail(w, FOLIO_E_NOMEM, "out of memory");
        goto done;
    }
    HPDF_UINT got = size;
    if (size && (HPDF_Stream_Seek(s, 0, HPDF_SEEK_SET) != HPDF_OK ||
                 HPDF_Stream_Read(s, raw, &got) != HPDF_OK || got != size)) {
        rc = folio_pdf_fail(w, FOLIO_E_PDF, "cannot read a page's contents");
        goto done;
    }
    if (compress2(packed, &packed_len, raw, size, Z_DEFAULT_COMPRESSION) != Z_OK) {
        rc = folio_pdf_fail(w, FOLIO_E_NOMEM, "cannot compress a page");
        goto done;
    }
    HPDF_MemStream_FreeData(s);
    if (HPDF_Stream_Write(s, packed, (HPDF_UINT)packed_len) != HPDF_OK) {
        rc = folio_pdf_fail(w, FOLIO_E_PDF, "cannot store a page's contents");
        goto done;
    }
    contents->filter = HPDF_STREAM_FILTER_NONE;
    contents->write_fn = write_flate_filter;
done:
    free(raw);
    free(packed);
    return rc;
}
