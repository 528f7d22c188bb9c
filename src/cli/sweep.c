/* A batch that was killed leaves no half-written output (outputs are
 * renamed into place whole), but it can leave the temporary files it was
 * writing: .NAME.pdf.XXXXXX and the like. Before rendering, a batch removes
 * those of its own documents (and of its summary), and nothing else: other
 * shards writing to the same folder own other names. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/batch.h"
#include "util/mem.h"

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The NAME of a job's output file name (NAME.pdf, NAME.docx or
 * .NAME.folio-stamp) copied to buf, or NULL. */
static const char *job_name_of(const char *file, char *buf, size_t size)
{
    static const char *const suffixes[] = {".pdf", ".docx", ".folio-stamp"};
    size_t n = strlen(file);
    for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
        size_t m = strlen(suffixes[i]);
        int stamp = i == 2, skip = stamp;
        if (n <= m + (size_t)skip || strcmp(file + n - m, suffixes[i]) || (stamp && file[0] != '.'))
            continue;
        if (n - m - (size_t)skip >= size)
            return NULL;
        memcpy(buf, file + skip, n - m - (size_t)skip);
        buf[n - m - (size_t)skip] = 0;
        return buf;
    }
    return NULL;
}

/* 1 when s[n-7..n) is a mkstemp suffix: a dot and six letters or digits. */
static int temp_suffix(const char *s, size_t n)
{
    if (n < 8 || s[n - 7] != '.')
        return 0;
    for (size_t i = n - 6; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
              (s[i] >= '0' && s[i] <= '9')))
            return 0;
    return 1;
}

/* The final name a temporary file stands for: ".FINAL.XXXXXX" → FINAL;
 * also ".FINAL.XXXXXX.XXXXXX", libzip's own temporary beside ours. */
static int final_name(const char *tmp, char *buf, size_t size)
{
    size_t n = strlen(tmp);
    if (tmp[0] != '.' || !temp_suffix(tmp, n))
        return 0;
    n -= 7;
    if (temp_suffix(tmp, n) && n > 8)
        n -= 7;
    if (n < 2 || n - 1 >= size)
        return 0;
    memcpy(buf, tmp + 1, n - 1);
    buf[n - 1] = 0;
    return 1;
}

void batch_sweep(const batch_opts *o, const batch_list *l)
{
    const char **names = folio_malloc((l->n ? l->n : 1) * sizeof *names);
    const char *summary = strrchr(o->summary, '/');
    size_t dirlen = strlen(o->c.outdir);
    /* the summary counts when it lives in DIR, as it does by default */
    int summary_here = summary && (size_t)(summary - o->summary) == dirlen &&
                       !strncmp(o->summary, o->c.outdir, dirlen);
    DIR *d = names ? opendir(o->c.outdir) : NULL;
    if (!d) {
        free(names);
        return; /* nothing to sweep, or no way to: not worth failing for */
    }
    for (size_t i = 0; i < l->n; i++)
        names[i] = l->jobs[i].name;
    qsort(names, l->n, sizeof *names, by_name);
    for (struct dirent *e; (e = readdir(d));) {
        char final[1024], name[1024], path[4096];
        const char *key = name;
        if (!final_name(e->d_name, final, sizeof final))
            continue;
        int ours = summary_here && !strcmp(final, summary + 1);
        if (!ours && job_name_of(final, name, sizeof name))
            ours = bsearch(&key, names, l->n, sizeof *names, by_name) != NULL;
        if (ours && snprintf(path, sizeof path, "%s/%s", o->c.outdir, e->d_name) < (int)sizeof path)
            unlink(path);
    }
    closedir(d);
    free(names);
}
