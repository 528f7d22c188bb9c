/* Saving: libharu renders the document into its memory stream, then the
 * bytes are written here with every write and the close checked.
 * HPDF_SaveToFile does not check fclose, so a disk that fills up during the
 * last flush would leave a truncated PDF reported as a success. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "pdf/pdf_internal.h"

/* The whole rendered document in a malloc'd buffer. */
static int render(folio_pdf *w, unsigned char **out, size_t *size)
{
    int rc = folio_pdf_close_glyphs(w);
    if (rc)
        return rc;
    if (HPDF_SaveToStream(w->doc) != HPDF_OK || w->error)
        return folio_pdf_fail(w, FOLIO_E_PDF, "cannot render the document");
    HPDF_UINT32 total = HPDF_GetStreamSize(w->doc);
    unsigned char *buf = malloc(total ? total : 1);
    if (!buf)
        return folio_pdf_fail(w, FOLIO_E_NOMEM, "out of memory");
    HPDF_ResetStream(w->doc);
    size_t have = 0;
    while (have < total) {
        HPDF_UINT32 len = total - (HPDF_UINT32)have;
        HPDF_STATUS st = HPDF_ReadFromStream(w->doc, buf + have, &len);
        have += len;
        if (st == HPDF_STREAM_EOF || len == 0)
            break;
        if (st != HPDF_OK)
            break;
    }
    if (have != total || w->error) {
        free(buf);
        return folio_pdf_fail(w, FOLIO_E_PDF, "cannot read the rendered document");
    }
    *out = buf;
    *size = have;
    return 0;
}

int folio_pdf_save(folio_pdf *w, const char *path)
{
    unsigned char *buf = NULL;
    size_t size = 0;
    FILE *f = NULL;
    int rc = render(w, &buf, &size), ours = 0;
    if (rc < 0)
        goto done;
    f = fopen(path, "wb");
    if (!f) {
        rc = folio_pdf_fail(w, FOLIO_E_IO, "cannot create %s: %s", path,
                            strerror(errno));
        goto done;
    }
    /* Only a regular file we truncated is ours to remove on failure (never
     * a device such as /dev/full). */
    struct stat st;
    ours = fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode);
    int failed = fwrite(buf, 1, size, f) != size;
    int err = failed ? errno : 0;
    if (fclose(f) != 0 && !failed) {
        failed = 1;
        err = errno;
    }
    f = NULL;
    if (failed) {
        rc = folio_pdf_fail(w, FOLIO_E_IO, "cannot write %s: %s", path,
                            strerror(err));
        if (ours)
            remove(path);
        goto done;
    }
    rc = 0;
done:
    free(buf);
    return rc;
}
