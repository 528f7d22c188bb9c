/* A run that was killed leaves no half-written output (outputs are
 * renamed into place whole), but it can leave the temporary files it was
 * writing: .NAME.pdf.folio-XXXXXX and the like (util/output.h). They are
 * removed by the next run that writes the same outputs, once it holds
 * their lock (cli/lock.c): no live run can be writing them then. Only
 * names folio makes are touched, never a user's hidden files. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "util/mem.h"

/* 1 when s[n-k..n) is MARK followed by six letters or digits (k: its
 * length), or a dot and six of them when mark is "." (libzip's). */
static size_t suffix(const char *s, size_t n, const char *mark)
{
    size_t m = strlen(mark), k = m + 6;
    if (n < k + 1 || strncmp(s + n - k, mark, m))
        return 0;
    for (size_t i = n - 6; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
              (s[i] >= '0' && s[i] <= '9')))
            return 0;
    return k;
}

/* The final name a temporary file stands for: ".FINAL.folio-XXXXXX" →
 * FINAL, also ".FINAL.folio-XXXXXX.XXXXXX" (libzip's beside ours); NULL
 * when it is no temporary of folio's. */
static char *final_of(const char *tmp)
{
    size_t n = strlen(tmp), k;
    if (tmp[0] != '.')
        return NULL;
    if ((k = suffix(tmp, n, ".")) && suffix(tmp, n - k, FOLIO_TMP_MARK))
        n -= k;
    if (!(k = suffix(tmp, n, FOLIO_TMP_MARK)) || n - k < 2)
        return NULL;
    return folio_mem_strndup(tmp + 1, n - k - 1);
}

static int by_final(const void *a, const void *b)
{
    return strcmp(((const cli_temp *)a)->final, ((const cli_temp *)b)->final);
}

int cli_temps_list(const char *dir, cli_temps *t)
{
    memset(t, 0, sizeof *t);
    DIR *d = opendir(dir && *dir ? dir : ".");
    if (!d)
        return 0; /* nothing to sweep, or no way to: not worth failing for */
    size_t cap = 0;
    int rc = 0;
    for (struct dirent *e; (e = readdir(d));) {
        char *final = final_of(e->d_name);
        if (!final)
            continue;
        if (t->n == cap) {
            size_t ncap = cap ? cap * 2 : 16;
            cli_temp *v = folio_realloc(t->v, ncap * sizeof *v);
            if (!v) {
                free(final);
                rc = FOLIO_E_NOMEM;
                break;
            }
            t->v = v;
            cap = ncap;
        }
        char *file = folio_mem_strdup(e->d_name);
        if (!file) {
            free(final);
            rc = FOLIO_E_NOMEM;
            break;
        }
        t->v[t->n++] = (cli_temp){file, final};
    }
    closedir(d);
    if (t->n)
        qsort(t->v, t->n, sizeof *t->v, by_final);
    return rc;
}

void cli_temps_remove(const cli_temps *t, const char *dir, const char *final)
{
    cli_temp key = {NULL, (char *)final};
    cli_temp *hit = t->n ? bsearch(&key, t->v, t->n, sizeof *t->v, by_final) : NULL;
    if (!hit)
        return;
    while (hit > t->v && !strcmp(hit[-1].final, final))
        hit--;
    for (; hit < t->v + t->n && !strcmp(hit->final, final); hit++) {
        char path[4096];
        if (snprintf(path, sizeof path, "%s/%s", dir && *dir ? dir : ".", hit->file) <
            (int)sizeof path)
            unlink(path);
    }
}

void cli_temps_free(cli_temps *t)
{
    for (size_t i = 0; i < t->n; i++) {
        free(t->v[i].file);
        free(t->v[i].final);
    }
    free(t->v);
    memset(t, 0, sizeof *t);
}
