/* The job list of `folio batch`: every *.md, *.xml (report XML or Akoma
 * Ntoso) and *.docx of a folder, sorted by name, or the rows of a manifest; then
 * names, output paths and the shard. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/batch.h"
#include "util/mem.h"
#include "util/vec.h"

static const folio_pos nowhere = {0, 0};

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int read_dir(folio_ctx *ctx, const batch_opts *o, batch_list *l)
{
    DIR *d = opendir(o->in);
    char **names = NULL;
    size_t n = 0, cap = 0;
    int rc = 0;
    if (!d)
        return folio_error(ctx, FOLIO_E_IO, nowhere, "cannot read the folder %s: %s", o->in,
                           strerror(errno));
    for (struct dirent *e; (e = readdir(d));) {
        size_t len = strlen(e->d_name);
        int md = len > 3 && !strcmp(e->d_name + len - 3, ".md");
        if (e->d_name[0] == '.' || (!md && !cli_is_xml(e->d_name) && !cli_is_docx(e->d_name)))
            continue;
        char *path = folio_sprintf(l->arena, "%s/%s", o->in, e->d_name);
        struct stat st;
        if (!path) {
            rc = FOLIO_E_NOMEM;
            goto done;
        }
        if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        if (FOLIO_ARENA_VEC_ROOM(l->arena, names, n, cap, 64)) {
            rc = FOLIO_E_NOMEM;
            goto done;
        }
        names[n++] = path + strlen(o->in) + 1;
    }
    qsort(names, n, sizeof *names, by_name);
    for (size_t i = 0; i < n; i++)
        if (!batch_new_job(l, o, o->in, names[i], 0)) {
            rc = FOLIO_E_NOMEM;
            goto done;
        }
done:
    closedir(d);
    return rc;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && !strcmp(s + n - m, suffix);
}

static int read_manifest(folio_ctx *ctx, const batch_opts *o, batch_list *l)
{
    int jsonl = ends_with(o->in, ".jsonl") || ends_with(o->in, ".ndjson");
    if (!jsonl && !ends_with(o->in, ".csv"))
        return folio_error(ctx, FOLIO_E_USAGE, nowhere,
                           "not a folder, nor a manifest named *.csv, *.jsonl or *.ndjson");
    char *data = NULL, *base = NULL;
    size_t len = 0;
    int rc = folio_read_file(ctx, o->in, 0, &data, &len);
    if (rc)
        return rc;
    /* inputs are relative to the manifest's folder */
    const char *slash = strrchr(o->in, '/');
    size_t blen = !slash ? 0 : slash == o->in ? 1 : (size_t)(slash - o->in);
    if (blen && !(base = folio_strndup(l->arena, o->in, blen)))
        rc = FOLIO_E_NOMEM;
    else if (jsonl)
        rc = batch_read_jsonl(ctx, o, base, data, len, l);
    else
        rc = batch_read_csv(ctx, o, base, data, len, l);
    free(data);
    return rc;
}

/* The base name of an input without its extension. */
static const char *default_name(folio_arena *a, const char *input)
{
    const char *base = strrchr(input, '/');
    base = base ? base + 1 : input;
    const char *dot = strrchr(base, '.');
    return folio_strndup(a, base, dot && dot != base ? (size_t)(dot - base) : strlen(base));
}

static int by_job_name(const void *a, const void *b)
{
    const batch_job *x = *(batch_job *const *)a, *y = *(batch_job *const *)b;
    int c = strcmp(x->name, y->name);
    return c ? c : (x > y) - (x < y);
}

/* Two jobs writing the same files would race: refuse. */
static int check_names(folio_ctx *ctx, batch_list *l)
{
    batch_job **by = folio_malloc((l->n ? l->n : 1) * sizeof *by);
    int rc = 0;
    if (!by)
        return FOLIO_E_NOMEM;
    for (size_t i = 0; i < l->n; i++)
        by[i] = &l->jobs[i];
    qsort(by, l->n, sizeof *by, by_job_name);
    for (size_t i = 1; i < l->n && !rc; i++)
        if (!strcmp(by[i - 1]->name, by[i]->name))
            rc = folio_error(ctx, FOLIO_E_INPUT, (folio_pos){by[i]->line, 1},
                             "output name \"%s\" is also that of line %d: give each row its "
                             "own output", by[i]->name, by[i - 1]->line);
    free(by);
    return rc;
}

static int set_paths(folio_ctx *ctx, const batch_opts *o, batch_list *l)
{
    const char *dir = o->c.outdir;
    for (size_t i = 0; i < l->n; i++) {
        batch_job *j = &l->jobs[i];
        const char *why;
        j->index = i;
        if (!j->name && !(j->name = default_name(l->arena, j->input)))
            return FOLIO_E_NOMEM;
        /* a name too long for folio's temporary files fails here, before
         * anything is written, not after the PDF */
        if ((why = cli_bad_name(j->name)))
            return folio_error(ctx, FOLIO_E_INPUT, (folio_pos){j->line, j->line ? 1 : 0},
                               "%s: output name \"%.60s...\": %s", j->input, j->name, why);
        if ((o->c.want_pdf && !(j->pdf = folio_sprintf(l->arena, "%s/%s.pdf", dir, j->name))) ||
            (o->c.want_docx &&
             !(j->docx = folio_sprintf(l->arena, "%s/%s.docx", dir, j->name))) ||
            !(j->stamp = folio_sprintf(l->arena, "%s/.%s.folio-stamp", dir, j->name)))
            return FOLIO_E_NOMEM;
        if (cli_same_file(j->input, j->docx)) /* a DOCX rendered over itself */
            j->docx = NULL;
    }
    return 0;
}

int batch_list_read(folio_ctx *ctx, const batch_opts *o, batch_list *l)
{
    struct stat st;
    int rc;
    memset(l, 0, sizeof *l);
    if (!(l->arena = folio_arena_new()))
        return FOLIO_E_NOMEM;
    if (stat(o->in, &st) != 0)
        return folio_error(ctx, FOLIO_E_IO, nowhere, "cannot read %s: %s", o->in,
                           strerror(errno));
    if ((rc = S_ISDIR(st.st_mode) ? read_dir(ctx, o, l) : read_manifest(ctx, o, l)) ||
        (rc = set_paths(ctx, o, l)))
        return rc;
    return check_names(ctx, l);
}

void batch_list_shard(batch_list *l, int k, int n)
{
    size_t kept = 0;
    for (size_t i = 0; i < l->n; i++)
        if ((int)(i % (size_t)n) + 1 == k)
            l->jobs[kept++] = l->jobs[i];
    l->n = kept;
}

void batch_list_free(batch_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        folio_ctx_free(l->jobs[i].ctx);
    folio_arena_free(l->arena);
    memset(l, 0, sizeof *l);
}
