/* Two runs writing the same outputs at once (two renders, two batches of
 * the same shard, a rerun while the first still runs) must not mix or
 * remove each other's files. Each document's outputs are written under a
 * lock: an open-file-description lock (OFD, Linux) on one byte of
 * DIR/.folio-lock chosen by the document's name. Another run wanting the
 * same name waits; the kernel drops the lock when its holder dies, even
 * by kill -9, so a lock is never stale. OFD locks belong to the open file,
 * not the process, so threads of one batch lock independently; they work
 * on NFS as ordinary POSIX locks. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"

int cli_lock_name(folio_ctx *ctx, const char *dir, const char *name, int *fd)
{
    char path[4096];
    *fd = -1;
    if (snprintf(path, sizeof path, "%s/.folio-lock", dir && *dir ? dir : ".") >=
        (int)sizeof path)
        return folio_error(ctx, FOLIO_E_IO, (folio_pos){0, 0}, "%s: path too long", dir);
    int f = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0666);
    struct stat st;
    if (f < 0 || fstat(f, &st) != 0 || !S_ISREG(st.st_mode)) {
        int e = f < 0 ? errno : EINVAL;
        if (f >= 0)
            close(f);
        return folio_error(ctx, FOLIO_E_IO, (folio_pos){0, 0}, "cannot lock %s: %s", path,
                           strerror(e));
    }
    uint32_t h = 2166136261u; /* FNV-1a: a name's byte in the lock file */
    for (const char *p = name; *p; p++)
        h = (h ^ (unsigned char)*p) * 16777619u;
    struct flock lk;
    memset(&lk, 0, sizeof lk);
    lk.l_type = F_WRLCK;
    lk.l_whence = SEEK_SET;
    lk.l_start = (off_t)(h & 0x3FFFFFFF);
    lk.l_len = 1;
    int rc;
    while ((rc = fcntl(f, F_OFD_SETLKW, &lk)) != 0 && errno == EINTR)
        continue;
    if (rc != 0) {
        int e = errno;
        close(f);
        return folio_error(ctx, FOLIO_E_IO, (folio_pos){0, 0}, "cannot lock %s: %s", path,
                           strerror(e));
    }
    *fd = f;
    return 0;
}

void cli_unlock(int fd)
{
    if (fd >= 0)
        close(fd); /* closing the description releases its lock */
}
