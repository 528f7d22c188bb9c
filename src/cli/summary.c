/* The machine-readable summary of a batch: JSON, written atomically. Every
 * document with its outputs, status, time, warnings and errors (file,
 * line, column, message); then the totals. Strings are escaped and any
 * invalid UTF-8 (a file name can hold anything) becomes U+FFFD. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/json.h"
#include "cli/batch.h"
#include "util/text.h"

typedef struct summary {
    const batch_opts *o;
    const batch_list *l;
    double seconds;
    long long started, ended;
} summary;

void batch_utc(long long t, char *buf, size_t cap)
{
    time_t tt = (time_t)t;
    struct tm tm;
    if (!gmtime_r(&tt, &tm) || !strftime(buf, cap, "%Y-%m-%dT%H:%M:%SZ", &tm))
        snprintf(buf, cap, "%lld", t);
}

/* A string or null. */
static void json_string(FILE *f, const char *s)
{
    if (s)
        json_write_string(f, s);
    else
        fputs("null", f);
}

/* A count, or null when it is 0 (unknown). */
static void json_count(FILE *f, int n)
{
    if (n > 0)
        fprintf(f, "%d", n);
    else
        fputs("null", f);
}

static void diags(FILE *f, const folio_ctx *ctx, folio_severity sev)
{
    int first = 1;
    fputc('[', f);
    const folio_diag *d;
    for (size_t i = 0; (d = folio_ctx_diag(ctx, i)); i++) {
        if (d->severity != sev)
            continue;
        fputs(first ? "\n        {\"file\": " : ",\n        {\"file\": ", f);
        json_string(f, d->file);
        fputs(", \"line\": ", f);
        json_count(f, d->pos.line);
        fputs(", \"col\": ", f);
        json_count(f, d->pos.line > 0 && d->pos.col <= 0 ? 1 : d->pos.col);
        fputs(", \"message\": ", f);
        json_string(f, d->message ? d->message : "(out of memory)");
        fputc('}', f);
        first = 0;
    }
    fputs(first ? "]" : "\n      ]", f);
}

/* The start of a member of a document object: its key. */
static void member(FILE *f, const char *key, int first)
{
    fprintf(f, "%s\n      \"%s\": ", first ? "    {" : ",", key);
}

static void document(FILE *f, const batch_job *j)
{
    static const char *const status[] = {"pending", "ok", "failed", "skipped"};
    const char *outputs[] = {j->pdf, j->docx};
    int first = 1;
    member(f, "index", 1);
    fprintf(f, "%zu", j->index);
    member(f, "input", 0);
    json_string(f, j->input);
    member(f, "name", 0);
    json_string(f, j->name);
    member(f, "manifest_line", 0);
    json_count(f, j->line);
    member(f, "outputs", 0);
    fputc('[', f);
    for (int i = 0; i < 2; i++)
        if (outputs[i]) {
            fputs(first ? "" : ", ", f);
            json_string(f, outputs[i]);
            first = 0;
        }
    fputc(']', f);
    member(f, "status", 0);
    fprintf(f, "\"%s\"", status[j->status]);
    if (j->status == JOB_FAILED) {
        member(f, "failure", 0);
        fputs(j->system ? "\"system\"" : "\"input\"", f);
    }
    member(f, "ms", 0);
    fprintf(f, "%ld", j->ms);
    member(f, "warnings", 0);
    diags(f, j->ctx, FOLIO_WARNING);
    member(f, "errors", 0);
    diags(f, j->ctx, FOLIO_ERROR);
    fputs("\n    }", f);
}

static int write_summary(const char *path, void *arg)
{
    const summary *s = arg;
    const batch_list *l = s->l;
    size_t count[4] = {0}, warnings = 0, errors = 0;
    FILE *f = fopen(path, "w");
    if (!f)
        return FOLIO_E_IO;
    fputs("{\n  \"folio\": \"" FOLIO_VERSION "\",\n  \"kind\": \"folio-batch-summary\","
          "\n  \"input\": ", f);
    json_string(f, s->o->in);
    fputs(",\n  \"output\": ", f);
    json_string(f, s->o->c.outdir);
    char host[256] = "", start[32], end[32];
    gethostname(host, sizeof host - 1);
    batch_utc(s->started, start, sizeof start);
    batch_utc(s->ended, end, sizeof end);
    fprintf(f, ",\n  \"shard\": {\"index\": %d, \"count\": %d},\n  \"total\": %zu,"
            "\n  \"host\": ", s->o->shard_k, s->o->shard_n, l->total);
    json_string(f, host);
    /* the workers it ran with: what -j, the CPUs and the memory gave */
    fprintf(f, ",\n  \"pid\": %ld,\n  \"jobs\": %d,\n  \"started\": \"%s\","
            "\n  \"ended\": \"%s\",\n  \"documents\": [\n",
            (long)getpid(), s->o->threads, start, end);
    for (size_t i = 0; i < l->n; i++) {
        const batch_job *j = &l->jobs[i];
        document(f, j);
        fputs(i + 1 < l->n ? ",\n" : "\n", f);
        count[j->status]++;
        errors += folio_ctx_errors(j->ctx);
        warnings += cli_warnings(j->ctx);
    }
    fprintf(f, "  ],\n  \"totals\": {\"documents\": %zu, \"ok\": %zu, \"failed\": %zu, "
            "\"skipped\": %zu, \"warnings\": %zu, \"errors\": %zu, \"ms\": %ld}\n}\n",
            l->n, count[JOB_OK], count[JOB_FAILED], count[JOB_SKIPPED], warnings, errors,
            (long)(s->seconds * 1000 + 0.5));
    int bad = ferror(f);
    return fclose(f) != 0 || bad ? FOLIO_E_IO : 0;
}

int batch_summary_write(folio_ctx *ctx, const batch_opts *o, const batch_list *l,
                        double seconds, long long started, long long ended)
{
    summary s = {o, l, seconds, started, ended};
    return folio_write_atomic(ctx, o->summary, write_summary, &s);
}
