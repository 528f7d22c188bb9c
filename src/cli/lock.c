/* Two runs writing the same outputs at once (two renders, two batches of
 * the same shard, a rerun while the first still runs) must not mix or
 * remove each other's files. Each document's outputs are written under a
 * lock: an open-file-description lock (OFD, Linux) on one byte of
 * DIR/.folio-lock chosen by the document's name. Another run wanting the
 * same name waits; the kernel drops the lock when its holder dies, even
 * by kill -9, so a lock is never stale; the file itself goes with the
 * last run that used it. OFD locks belong to the open file,
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

/* One byte of the lock file, by the name's hash; whole file: len 0. */
static int lock_range(int fd, short type, off_t start, off_t len, int wait)
{
    struct flock lk;
    memset(&lk, 0, sizeof lk);
    lk.l_type = type;
    lk.l_whence = SEEK_SET;
    lk.l_start = start;
    lk.l_len = len;
    int rc;
    while ((rc = fcntl(fd, wait ? F_OFD_SETLKW : F_OFD_SETLK, &lk)) != 0 && errno == EINTR)
        continue;
    return rc;
}

int cli_lock_name(folio_ctx *ctx, const char *dir, const char *name, cli_lock *out)
{
    out->fd = -1;
    if (snprintf(out->path, sizeof out->path, "%s/.folio-lock", dir && *dir ? dir : ".") >=
        (int)sizeof out->path)
        return folio_error(ctx, FOLIO_E_IO, (folio_pos){0, 0}, "%s: path too long", dir);
    uint32_t h = 2166136261u; /* FNV-1a: a name's byte in the lock file */
    for (const char *p = name; *p; p++)
        h = (h ^ (unsigned char)*p) * 16777619u;
    off_t at = (off_t)(h & 0x3FFFFFFF) + 1; /* byte 0 is never a name's */
    for (int tries = 0;; tries++) {
        int f = open(out->path, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0666);
        struct stat st, now;
        if (f < 0 || fstat(f, &st) != 0 || !S_ISREG(st.st_mode)) {
            int e = f < 0 ? errno : EINVAL;
            if (f >= 0)
                close(f);
            return folio_error(ctx, FOLIO_E_IO, (folio_pos){0, 0}, "cannot lock %s: %s",
                               out->path, strerror(e));
        }
        if (lock_range(f, F_WRLCK, at, 1, 1) != 0) {
            int e = errno;
            close(f);
            return folio_error(ctx, FOLIO_E_IO, (folio_pos){0, 0}, "cannot lock %s: %s",
                               out->path, strerror(e));
        }
        /* the last holder may have removed the file while this run
         * waited on it: then lock the one that stands there now */
        if (stat(out->path, &now) == 0 && now.st_dev == st.st_dev && now.st_ino == st.st_ino) {
            out->fd = f;
            return 0;
        }
        close(f);
        if (tries > 1000)
            return folio_error(ctx, FOLIO_E_IO, (folio_pos){0, 0}, "cannot lock %s: it keeps "
                               "being replaced", out->path);
    }
}

void cli_unlock(cli_lock *l)
{
    if (l->fd < 0)
        return;
    /* the last one out removes the file: when no other run holds a byte
     * of it (the whole file can be locked), it goes, so that a finished
     * run leaves nothing behind; whoever waits on it then sees it gone
     * and locks a new one */
    lock_range(l->fd, F_UNLCK, 0, 0, 0);
    if (lock_range(l->fd, F_WRLCK, 0, 0, 0) == 0)
        unlink(l->path);
    close(l->fd); /* closing the description releases its locks */
    l->fd = -1;
}
