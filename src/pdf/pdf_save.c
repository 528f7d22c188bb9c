/* Saving: libharu renders the document into its memory stream, then the
 * bytes are copied out here with every write and the close checked.
 * HPDF_SaveToFile does not check fclose, so a disk that fills up during the
 * last flush would leave a truncated PDF reported as a success. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "pdf/pdf_internal.h"
#include "util/mem.h"

/* Copy libharu's rendered document into f, a chunk at a time (a long
 * report is megabytes: no second copy of it in memory unless the caller
 * wants it there). */
static int copy_out(folio_pdf *w, FILE *f, int *write_failed)
{
    unsigned char buf[1 << 16];
    HPDF_UINT32 total = HPDF_GetStreamSize(w->doc), have = 0;
    HPDF_ResetStream(w->doc);
    while (have < total) {
        HPDF_UINT32 len = total - have < sizeof buf ? total - have : (HPDF_UINT32)sizeof buf;
        HPDF_STATUS st = HPDF_ReadFromStream(w->doc, buf, &len);
        if (len && fwrite(buf, 1, len, f) != len) {
            *write_failed = 1;
            return -1;
        }
        have += len;
        if (len == 0 || (st != HPDF_OK && st != HPDF_STREAM_EOF))
            break;
    }
    return have == total && !w->error ? 0 : -1;
}

/* The rendered document into one malloc'd buffer. */
static int copy_to_memory(folio_pdf *w, char **data, size_t *len)
{
    HPDF_UINT32 total = HPDF_GetStreamSize(w->doc), have = 0;
    char *buf = folio_malloc(total ? total : 1);
    if (!buf)
        return folio_pdf_fail(w, FOLIO_E_NOMEM, "out of memory");
    HPDF_ResetStream(w->doc);
    while (have < total) {
        HPDF_UINT32 n = total - have;
        HPDF_STATUS st = HPDF_ReadFromStream(w->doc, (HPDF_BYTE *)buf + have, &n);
        have += n;
        if (n == 0 || (st != HPDF_OK && st != HPDF_STREAM_EOF))
            break;
    }
    if (have != total || w->error) {
        free(buf);
        return folio_pdf_fail(w, FOLIO_E_PDF, "cannot read the rendered document");
    }
    *data = buf;
    *len = total;
    return 0;
}

int folio_pdf_save(folio_pdf *w, const folio_dest *dest)
{
    FILE *f = NULL;
    int rc, ours = 0;
    if ((rc = folio_pdf_close_glyphs(w)))
        return rc;
    /* libharu 2.3.0 reads freed memory when an allocation fails while it
     * writes a font's dictionaries (HPDF_Dict_Add): the allocation-failure
     * test leaves this call alone */
    folio_mem_unhook(1);
    HPDF_STATUS saved = HPDF_SaveToStream(w->doc);
    folio_mem_unhook(0);
    if (saved != HPDF_OK || w->error)
        return folio_pdf_fail(w, FOLIO_E_PDF, "cannot render the document");
    if (!dest->path)
        return copy_to_memory(w, dest->data, dest->len);
    const char *path = dest->path;
    f = fopen(path, "wb");
    if (!f)
        return folio_pdf_fail(w, FOLIO_E_IO, "cannot create %s: %s", path, strerror(errno));
    /* Only a regular file we truncated is ours to remove on failure (never
     * a device such as /dev/full). */
    struct stat st;
    ours = fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode);
    int write_failed = 0;
    int copied = copy_out(w, f, &write_failed);
    int err = write_failed ? errno : 0;
    if (fclose(f) != 0 && !write_failed && copied == 0) {
        write_failed = 1;
        err = errno;
    }
    if (write_failed)
        rc = folio_pdf_fail(w, FOLIO_E_IO, "cannot write %s: %s", path, strerror(err));
    else if (copied)
        rc = folio_pdf_fail(w, FOLIO_E_PDF, "cannot read the rendered document");
    else
        return 0;
    if (ours)
        remove(path);
    return rc;
}
