/* folio_read_file: a whole file into memory, within a size limit. Shared:
 * readers take their input with it, the style stage its house style, the
 * DOCX writer a house emblem image. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/file.h"
#include "util/mem.h"

#define DEFAULT_MAX_BYTES ((size_t)64 << 20)

int folio_read_file(folio_ctx *ctx, const char *path, size_t max_bytes, char **data,
                    size_t *len)
{
    folio_pos nowhere = {0, 0};
    FILE *f = NULL;
    char *buf = NULL;
    size_t n = 0, cap = 0;
    int rc = 0;
    *data = NULL;
    *len = 0;
    if (!max_bytes)
        max_bytes = DEFAULT_MAX_BYTES;
    /* Opened without blocking (a FIFO would wait for a writer forever),
     * then refused unless it is a regular file. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        rc = folio_error(ctx, FOLIO_E_IO, nowhere, "cannot open %s: %s", path, strerror(errno));
        goto done;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        rc = folio_error(ctx, FOLIO_E_IO, nowhere, "cannot read %s: %s", path,
                         S_ISDIR(st.st_mode) ? strerror(EISDIR) : "not a regular file");
        close(fd);
        goto done;
    }
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    if (!(f = fdopen(fd, "rb"))) {
        rc = folio_error(ctx, errno == ENOMEM ? FOLIO_E_NOMEM : FOLIO_E_IO, nowhere,
                         "cannot open %s: %s", path, strerror(errno));
        close(fd);
        goto done;
    }
    /* The file says its size: one buffer of that size (and a byte to see
     * it did not grow), read on in doubling chunks if it did. */
    size_t first = 64 * 1024;
    if (S_ISREG(st.st_mode) && st.st_size >= 0 && (uintmax_t)st.st_size < max_bytes)
        first = (size_t)st.st_size + 1;
    for (;;) {
        if (n == cap) {
            size_t want = cap ? cap * 2 : first;
            if (want > max_bytes + 1)
                want = max_bytes + 1;
            if (want <= cap) {
                rc = folio_error(ctx, FOLIO_E_LIMIT, nowhere,
                                 "%s is larger than the limit of %zu bytes", path, max_bytes);
                goto done;
            }
            char *nb = folio_realloc(buf, want + 1);
            if (!nb) {
                rc = folio_error(ctx, FOLIO_E_NOMEM, nowhere, "out of memory reading %s", path);
                goto done;
            }
            buf = nb;
            cap = want;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (n > max_bytes) {
            rc = folio_error(ctx, FOLIO_E_LIMIT, nowhere,
                             "%s is larger than the limit of %zu bytes", path, max_bytes);
            goto done;
        }
        if (got == 0) {
            if (ferror(f)) {
                rc = folio_error(ctx, FOLIO_E_IO, nowhere, "cannot read %s: %s", path,
                                 strerror(errno ? errno : EIO));
                goto done;
            }
            break;
        }
    }
    if (!buf && !(buf = folio_malloc(1))) {
        rc = folio_error(ctx, FOLIO_E_NOMEM, nowhere, "out of memory reading %s", path);
        goto done;
    }
    buf[n] = 0;
    *data = buf;
    *len = n;
    buf = NULL;
done:
    if (f)
        fclose(f);
    free(buf);
    return rc;
}
