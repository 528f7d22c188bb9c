/* folio batch: internal interfaces between its files. */
#ifndef FOLIO_CLI_BATCH_H
#define FOLIO_CLI_BATCH_H

#include <stdint.h>

#include "cli/cli.h"

typedef enum batch_status { JOB_PENDING, JOB_OK, JOB_FAILED, JOB_SKIPPED } batch_status;

/* One document of the batch. The strings live in the list's arena. */
typedef struct batch_job {
    const char *input;           /* the path read */
    const char *name;            /* output base name */
    const char *pdf, *docx;      /* output paths; NULL: not wanted */
    const char *stamp;           /* DIR/.NAME.folio-stamp */
    cli_meta meta;               /* the manifest row over the command line */
    int line;                    /* manifest line; 0 for a folder */
    /* filled by the worker that renders it */
    batch_status status;
    folio_ctx *ctx;              /* its diagnostics; NULL when memory ran out */
    long ms;                     /* time spent on it */
    int system;                  /* failed for want of the system (cannot write,
                                    out of memory), not for its input */
    size_t index;                /* position in the folder or manifest, from 0 */
} batch_job;

typedef struct batch_list {
    folio_arena *arena;
    batch_job *jobs;
    size_t n, cap;
    size_t total;                /* documents of IN before sharding */
} batch_list;

/* Everything the command line decided. */
typedef struct batch_opts {
    cli_common c;
    const char *in;              /* folder or manifest */
    const char *summary;         /* summary file */
    int threads;
    int shard_k, shard_n;        /* this is shard K of N (1 <= K <= N) */
    int force;                   /* render even when up to date */
    int threads_given;           /* -j was given */
    uint64_t setup_hash;         /* what besides a job decides its outputs */
    const cli_temps *temps;      /* folio's temporary files found in DIR */
    size_t stack_bytes;          /* each worker's stack */
} batch_opts;

/* batch_list.c */
/* Every *.md of a folder (sorted by name) or every row of a manifest, with
 * names and output paths under DIR. Problems are recorded in ctx (with the
 * manifest's file:line:col); returns 0 or a FOLIO_E_* code. */
int batch_list_read(folio_ctx *ctx, const batch_opts *o, batch_list *l);
/* One field of a manifest row, with the position of its value. */
typedef struct batch_field {
    const char *key, *value;
    folio_pos pos;
} batch_field;
/* The manifest keys, for messages; 1 when `key` is one of them. */
extern const char batch_keys[];
int batch_known_key(const char *key);
/* A new job for `input` (relative to `base`, a folder, or NULL) with the
 * command line's options; NULL when out of memory. */
batch_job *batch_new_job(batch_list *l, const batch_opts *o, const char *base,
                         const char *input, int line);
/* Add the job of a manifest row (input relative to `base`, a folder or
 * NULL), its fields checked and laid over the command line's options.
 * Returns 0 or a FOLIO_E_* code with the reason in ctx. */
int batch_add_row(folio_ctx *ctx, const batch_opts *o, const char *base, batch_list *l,
                  const batch_field *f, size_t n, int line);
/* Keep only the jobs of shard K of N: job i goes to shard (i mod N) + 1. */
void batch_list_shard(batch_list *l, int k, int n);
void batch_list_free(batch_list *l);

/* manifest_csv.c, manifest_jsonl.c: parse a manifest's bytes into jobs. */
int batch_read_csv(folio_ctx *ctx, const batch_opts *o, const char *base,
                   const char *data, size_t len, batch_list *l);
int batch_read_jsonl(folio_ctx *ctx, const batch_opts *o, const char *base,
                     const char *data, size_t len, batch_list *l);

/* stamp.c: the sidecar that says a job's outputs are up to date. */
uint64_t batch_hash(uint64_t h, const void *data, size_t len);
#define BATCH_HASH_START 0xcbf29ce484222325ull /* FNV-1a 64 offset basis */
/* The stamp text of a job for these input bytes; malloc'd, NULL on OOM. */
char *batch_stamp_text(const batch_opts *o, const batch_job *j, const char *data,
                       size_t len);
/* 1 when the stamp on disk says `text` and every wanted output exists;
 * the warnings the stamp keeps are then added to j->ctx. */
int batch_is_up_to_date(batch_job *j, const char *text);
/* Write the stamp (atomically) with the warnings of j->ctx. Returns 0 or a
 * FOLIO_E_* code (in ctx). */
int batch_stamp_write(folio_ctx *ctx, const batch_job *j, const char *text);

/* progress.c: what a person watching sees. */
typedef struct batch_progress batch_progress;
batch_progress *batch_progress_new(size_t total, int quiet);
/* A job has finished (any thread). */
void batch_progress_job(batch_progress *p, const batch_job *j);
/* Wall time in seconds since the start. */
double batch_progress_end(batch_progress *p);
void batch_progress_free(batch_progress *p);
/* Monotonic time in seconds. */
double batch_now(void);

/* batch_run.c: render every job with o->threads workers, each reported to
 * `progress` as it finishes, all with the same resources. */
void batch_run(const batch_opts *o, batch_list *l, const folio_resources *res,
               batch_progress *progress);

/* summary.c: the JSON summary, written atomically; `started` and `ended`
 * are wall-clock times (time()). */
int batch_summary_write(folio_ctx *ctx, const batch_opts *o, const batch_list *l,
                        double seconds, long long started, long long ended);
/* Write a time as 2024-03-01T12:00:00Z into buf (at least 21 bytes). */
void batch_utc(long long t, char *buf, size_t cap);

/* cpus.c: what this process may use. */
/* The CPUs it may run on: its affinity mask, bounded by a cgroup CPU
 * quota (Kubernetes limits, Slurm's cgroup plugin); at least 1. */
int cli_cpus_available(void);
/* The memory it may still take, in bytes: the kernel's MemAvailable,
 * bounded by a cgroup memory limit; 0 when unknown. */
unsigned long long cli_memory_available(void);

#endif
