/* The workers of `folio batch`: each takes the next job, renders it with
 * the shared read-only resources and its own diagnostics context, and
 * reports it. One bad document never stops the others. Each job holds the
 * lock of its name while it looks at its stamp and writes its outputs, so
 * that another run of the same documents waits, then finds them up to
 * date; holding it, it removes the temporary files a killed run left. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/batch.h"
#include "util/mem.h"

typedef struct pool {
    const batch_opts *o;
    batch_list *l;
    const folio_resources *res;
    batch_progress *progress;
    pthread_mutex_t lock; /* guards next */
    size_t next;
} pool;

/* The temporary files of a job's outputs and stamp left by a killed run. */
static void sweep_job(const batch_opts *o, const batch_job *j)
{
    char final[1024];
    const char *dir = o->c.outdir;
    snprintf(final, sizeof final, "%s.pdf", j->name);
    cli_temps_remove(o->temps, dir, final);
    snprintf(final, sizeof final, "%s.docx", j->name);
    cli_temps_remove(o->temps, dir, final);
    snprintf(final, sizeof final, ".%s.folio-stamp", j->name);
    cli_temps_remove(o->temps, dir, final);
}

static void run_job(const pool *p, batch_job *j)
{
    double start = batch_now();
    char *data = NULL, *stamp = NULL;
    size_t len = 0;
    int rc, system = 0;
    cli_lock lock = {-1, ""};
    if ((rc = folio_ctx_new(j->input, &j->ctx)))
        goto done; /* the job fails with no message: the summary says so */
    if ((rc = cli_read_input(j->ctx, j->input, &p->o->c.limits, &data, &len)))
        goto done;
    if (!(stamp = batch_stamp_text(p->o, j, data, len))) {
        rc = FOLIO_E_NOMEM;
        goto done;
    }
    if ((rc = cli_lock_name(j->ctx, p->o->c.outdir, j->name, &lock))) {
        system = 1;
        goto done;
    }
    sweep_job(p->o, j);
    if (!p->o->force && batch_is_up_to_date(j, stamp)) {
        j->status = JOB_SKIPPED;
        goto done;
    }
    /* The outputs are about to change: the old stamp no longer speaks for
     * them, whatever happens next. */
    unlink(j->stamp);
    cli_doc doc = {j->input, data, len, j->pdf, j->docx, NULL, &j->meta, &p->o->c.limits, 0, 0};
    if (!(rc = cli_render_doc(j->ctx, &doc, p->res, NULL, &system)) &&
        (rc = batch_stamp_write(j->ctx, j, stamp)))
        system = 1;
done:
    cli_unlock(&lock);
    if (rc && !folio_ctx_errors(j->ctx))
        folio_error(j->ctx, rc, (folio_pos){0, 0}, "%s",
                    rc == FOLIO_E_NOMEM ? "out of memory" : "failed without a message");
    if (j->status != JOB_SKIPPED)
        j->status = rc ? JOB_FAILED : JOB_OK;
    j->system = rc && (system || rc == FOLIO_E_NOMEM);
    j->ms = (long)((batch_now() - start) * 1000 + 0.5);
    free(data);
    free(stamp);
}

/* Take the next job and render it: -1 when none is left, else 1 when it
 * was rendered all the way through, 0 when not (failed or up to date). */
static int run_next(pool *p)
{
    pthread_mutex_lock(&p->lock);
    size_t i = p->next++;
    pthread_mutex_unlock(&p->lock);
    if (i >= p->l->n)
        return -1;
    run_job(p, &p->l->jobs[i]);
    batch_progress_job(p->progress, &p->l->jobs[i]);
    return p->l->jobs[i].status == JOB_OK;
}

static void *worker(void *arg)
{
    while (run_next(arg) >= 0)
        continue;
    return NULL;
}

void batch_run(const batch_opts *o, batch_list *l, const folio_resources *res,
               batch_progress *progress)
{
    pool p = {o, l, res, progress, PTHREAD_MUTEX_INITIALIZER, 0};
    /* Some libraries build tables on first use without a lock (libzip's
     * command bitmaps in zip_open, OpenSSL's random pool behind its temporary
     * names): the main thread renders alone until one document has gone all
     * the way through, then the workers share what is built. */
    int r;
    while ((r = run_next(&p)) == 0)
        continue;
    size_t left = l->n - (p.next < l->n ? p.next : l->n);
    size_t want = (size_t)o->threads < left ? (size_t)o->threads : left, started = 0;
    pthread_t *threads = r > 0 && want > 1 ? folio_calloc(want, sizeof *threads) : NULL;
    /* An explicit stack: with `ulimit -s unlimited` (as under Slurm) glibc
     * gives threads 2 MiB whatever the main thread has. */
    pthread_attr_t attr;
    int have_attr = pthread_attr_init(&attr) == 0;
    if (have_attr && o->stack_bytes)
        pthread_attr_setstacksize(&attr, o->stack_bytes);
    for (; threads && started < want; started++)
        if (pthread_create(&threads[started], have_attr ? &attr : NULL, worker, &p))
            break;
    if (have_attr)
        pthread_attr_destroy(&attr);
    if (!started) /* one worker, or no threads to be had */
        worker(&p);
    for (size_t i = 0; i < started; i++)
        pthread_join(threads[i], NULL);
    free(threads);
    pthread_mutex_destroy(&p.lock);
}
