/* Atomic output: a temporary file in the target folder, renamed into place
 * only when complete, so a failure never leaves a half-written file and
 * never truncates an existing one. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/ctx.h"
#include "util/mem.h"
#include "util/output.h"

/* Outputs are ordinary files (0666 less the umask), as any other program
 * would write them. umask() can only be read by setting it, which is
 * process-wide: read it once, never while other threads write files. */
static pthread_once_t mode_once = PTHREAD_ONCE_INIT;
static mode_t file_mode;

static void read_umask(void)
{
    mode_t mask = umask(0);
    umask(mask);
    file_mode = 0666 & ~mask;
}

int folio_outfile_open(folio_ctx *ctx, folio_outfile *o, const char *final)
{
    size_t n = strlen(final) + sizeof FOLIO_TMP_MARK + 8;
    int rc, fd;
    struct stat st;
    o->final = final;
    o->tmp = NULL;
    /* A rename over a device (as root: /dev/null) would replace it */
    if (stat(final, &st) == 0 && (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)))
        return folio_error(ctx, FOLIO_E_IO, (folio_pos){0, 0},
                           "cannot write %s: a device, not a regular file", final);
    o->tmp = folio_malloc(n);
    if (!o->tmp)
        return FOLIO_E_NOMEM;
    pthread_once(&mode_once, read_umask);
    /* Hidden, and unmistakably folio's: only such names are ever swept
     * (FOLIO_TMP_MARK), never a user's ".a.pdf.backup". */
    const char *slash = strrchr(final, '/');
    size_t dirlen = slash ? (size_t)(slash - final + 1) : 0;
    snprintf(o->tmp, n, "%.*s.%s" FOLIO_TMP_MARK "XXXXXX", (int)dirlen, final, final + dirlen);
    if ((fd = mkstemp(o->tmp)) < 0) {
        rc = folio_error(ctx, FOLIO_E_IO, (folio_pos){0, 0}, "cannot create a file in the "
                         "folder of %s: %s", final, strerror(errno));
        free(o->tmp);
        o->tmp = NULL;
        return rc;
    }
    fchmod(fd, file_mode); /* mkstemp makes it 0600 */
    close(fd);
    return 0;
}

int folio_outfile_commit(folio_ctx *ctx, folio_outfile *o)
{
    int rc = 0;
    if (!o->tmp)
        return 0;
    if (rename(o->tmp, o->final) != 0) {
        rc = folio_error(ctx, FOLIO_E_IO, (folio_pos){0, 0}, "cannot write %s: %s", o->final,
                         strerror(errno));
        unlink(o->tmp);
    }
    free(o->tmp);
    o->tmp = NULL;
    return rc;
}

void folio_outfile_discard(folio_outfile *o)
{
    if (!o->tmp)
        return;
    unlink(o->tmp);
    free(o->tmp);
    o->tmp = NULL;
}

int folio_write_atomic(folio_ctx *ctx, const char *final,
                       int (*write)(const char *path, void *arg), void *arg)
{
    folio_outfile o;
    struct stat st;
    size_t errors = ctx->nerrors;
    int rc;
    /* A character device (/dev/null, a terminal), or a FIFO someone reads
     * (/dev/stdout into a pipe), is written in place, never replaced; a
     * FIFO nobody reads would block: it is replaced like a file. */
    if (stat(final, &st) == 0 && (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode))) {
        int fd = S_ISFIFO(st.st_mode) ? open(final, O_WRONLY | O_NONBLOCK) : 0;
        if (fd > 0)
            close(fd);
        if (fd >= 0) {
            rc = write(final, arg);
            if (rc && ctx->nerrors == errors && rc != FOLIO_E_NOMEM)
                folio_error(ctx, rc, (folio_pos){0, 0}, "cannot write %s", final);
            return rc;
        }
    }
    if ((rc = folio_outfile_open(ctx, &o, final)))
        return rc;
    rc = write(o.tmp, arg);
    if (rc && ctx->nerrors == errors && rc != FOLIO_E_NOMEM) /* the writer said nothing */
        folio_error(ctx, rc, (folio_pos){0, 0}, "cannot write %s", final);
    if (!rc)
        return folio_outfile_commit(ctx, &o);
    folio_outfile_discard(&o);
    return rc;
}

int folio_write_bytes(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return FOLIO_E_IO;
    int ok = fwrite(data, 1, len, f) == len;
    if (fclose(f) != 0)
        ok = 0;
    return ok ? 0 : FOLIO_E_IO;
}
