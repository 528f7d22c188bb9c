/* Atomic output: a temporary file in the target folder, renamed into place
 * only when complete, so a failure never leaves a half-written file and
 * never truncates an existing one. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "util/mem.h"

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

int cli_write_atomic(folio_ctx *ctx, const char *final,
                     int (*write)(const char *path, void *arg), void *arg)
{
    size_t n = strlen(final) + 16;
    char *tmp = folio_malloc(n);
    int rc = 0, fd;
    if (!tmp)
        return FOLIO_E_NOMEM;
    pthread_once(&mode_once, read_umask);
    /* Keep the extension last: libzip and libharu do not care, people do. */
    const char *slash = strrchr(final, '/');
    size_t dirlen = slash ? (size_t)(slash - final + 1) : 0;
    snprintf(tmp, n, "%.*s.%s.XXXXXX", (int)dirlen, final, final + dirlen);
    if ((fd = mkstemp(tmp)) < 0) {
        rc = folio_error(ctx, FOLIO_E_IO, (folio_pos){0, 0}, "cannot create a file in the "
                         "folder of %s: %s", final, strerror(errno));
        free(tmp);
        return rc;
    }
    fchmod(fd, file_mode); /* mkstemp makes it 0600 */
    close(fd);
    int errors = ctx->nerrors;
    rc = write(tmp, arg);
    if (rc && ctx->nerrors == errors) /* the writer said nothing */
        folio_error(ctx, rc, (folio_pos){0, 0}, "cannot write %s", final);
    if (!rc && rename(tmp, final) != 0)
        rc = folio_error(ctx, FOLIO_E_IO, (folio_pos){0, 0}, "cannot write %s: %s", final,
                         strerror(errno));
    if (rc)
        unlink(tmp);
    free(tmp);
    return rc;
}
