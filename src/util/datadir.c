/* The folders folio's data may be in, from where the program and the
 * library are: /proc/self/exe and dladdr(). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/datadir.h"

static void add(folio_datadirs *d, const char *why, const char *fmt, const char *a,
                const char *b)
{
    if (d->n == FOLIO_MAX_DATADIRS || !a)
        return;
    char *s = d->buf[d->n];
    if (snprintf(s, sizeof d->buf[0], fmt, a, b) >= (int)sizeof d->buf[0])
        return;
    for (size_t i = 0; i < d->n; i++)
        if (!strcmp(d->dir[i], s))
            return;
    d->dir[d->n] = s;
    d->why[d->n++] = why;
}

/* The folder of `file` (the part before its last slash) into buf. */
static const char *folder_of(const char *file, char *buf, size_t cap)
{
    const char *slash = file ? strrchr(file, '/') : NULL;
    if (!slash || (size_t)(slash - file) >= cap)
        return NULL;
    memcpy(buf, file, (size_t)(slash - file));
    buf[slash - file] = 0;
    return buf;
}

void folio_datadirs_find(folio_datadirs *d)
{
    char exe[4096], bin[4096], lib[4096];
    Dl_info info;
    d->n = 0;
    const char *env = getenv("FOLIO_DATADIR");
    if (env && *env)
        add(d, "$FOLIO_DATADIR", "%s%s", env, "");
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    const char *bdir = NULL;
    if (n > 0) {
        exe[n] = 0;
        bdir = folder_of(exe, bin, sizeof bin);
        add(d, "installed beside the program", "%s%s", bdir, "/../share/folio");
    }
    /* the library itself, when it is a shared one elsewhere */
    if (dladdr((void *)folio_datadirs_find, &info) && info.dli_fname &&
        info.dli_fname[0] == '/' && (n <= 0 || strcmp(info.dli_fname, exe)) &&
        folder_of(info.dli_fname, lib, sizeof lib)) {
        add(d, "installed beside the library", "%s%s", lib, "/../share/folio");
        add(d, "installed beside the library", "%s%s", lib, "/../../share/folio");
    }
    add(d, "where this build installs it", "%s%s", FOLIO_DATADIR, "");
    add(d, "a build tree beside the program", "%s%s", bdir, "/..");
    add(d, "the current folder", "%s%s", ".", "");
}
