/* Progress of a batch on stderr. On a terminal: one line, redrawn, with the
 * counts and the speed, failures printed above it. Otherwise (a log, CI,
 * GNU parallel): one plain line per finished document. --quiet: failures
 * only. Workers report here from any thread; one mutex keeps lines whole. */
#include <pthread.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "cli/batch.h"
#include "util/mem.h"

struct batch_progress {
    pthread_mutex_t lock;
    int tty, quiet;
    size_t total, done, failed, skipped;
    double start, drawn; /* times of the start and of the last redraw */
};

double batch_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

batch_progress *batch_progress_new(size_t total, int quiet)
{
    batch_progress *p = folio_calloc(1, sizeof *p);
    if (!p)
        return NULL;
    if (pthread_mutex_init(&p->lock, NULL)) {
        free(p);
        return NULL;
    }
    p->tty = isatty(STDERR_FILENO);
    p->quiet = quiet;
    p->total = total;
    p->start = p->drawn = batch_now();
    return p;
}

static void draw(batch_progress *p, double now)
{
    double secs = now - p->start;
    fprintf(stderr, "\r\033[Kfolio: %zu/%zu done, %zu failed, %zu skipped", p->done, p->total,
            p->failed, p->skipped);
    if (secs >= 0.1) /* sooner, the speed means nothing */
        fprintf(stderr, ", %.1f documents/s", (double)p->done / secs);
    fflush(stderr);
    p->drawn = now;
}

static const folio_diag *first_error(const folio_ctx *ctx)
{
    const folio_diag *d;
    for (size_t i = 0; (d = folio_ctx_diag(ctx, i)); i++)
        if (d->severity == FOLIO_ERROR)
            return d;
    return NULL;
}

static void print_job(const batch_job *j)
{
    size_t warnings = cli_warnings(j->ctx);
    if (j->status == JOB_FAILED) {
        const folio_diag *d = first_error(j->ctx);
        fprintf(stderr, "FAILED %s: ", j->name);
        if (d) {
            cli_print_where(stderr, d);
            fprintf(stderr, ": %s\n", d->message ? d->message : "(out of memory)");
        } else {
            fputs("failed\n", stderr);
        }
    } else if (j->status == JOB_SKIPPED) {
        fprintf(stderr, "skipped %s (up to date)\n", j->name);
    } else if (warnings) {
        fprintf(stderr, "ok %s %.2fs, %zu warning%s\n", j->name, j->ms / 1000.0, warnings,
                warnings == 1 ? "" : "s");
    } else {
        fprintf(stderr, "ok %s %.2fs\n", j->name, j->ms / 1000.0);
    }
}

void batch_progress_job(batch_progress *p, const batch_job *j)
{
    if (!p)
        return;
    pthread_mutex_lock(&p->lock);
    double now = batch_now();
    p->done++;
    p->failed += j->status == JOB_FAILED;
    p->skipped += j->status == JOB_SKIPPED;
    if (p->tty && !p->quiet && j->status == JOB_FAILED)
        fputs("\r\033[K", stderr); /* the failure goes above the progress line */
    if (j->status == JOB_FAILED || (!p->tty && !p->quiet))
        print_job(j);
    /* redraw at most 20 times a second, and always at the end */
    if (p->tty && !p->quiet && (j->status == JOB_FAILED || now - p->drawn >= 0.05 ||
                                p->done == p->total))
        draw(p, now);
    pthread_mutex_unlock(&p->lock);
}

double batch_progress_end(batch_progress *p)
{
    if (!p)
        return 0;
    if (p->tty && !p->quiet && p->done)
        fputc('\n', stderr);
    return batch_now() - p->start;
}

void batch_progress_free(batch_progress *p)
{
    if (p) {
        pthread_mutex_destroy(&p->lock);
        free(p);
    }
}
