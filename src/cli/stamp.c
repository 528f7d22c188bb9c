/* Up-to-date checks: a small sidecar DIR/.NAME.folio-stamp, written after
 * both outputs are in place, holds an FNV-1a 64 hash of the input bytes,
 * the job's options and the batch set-up (folio version, every file of the
 * house style, the fonts' and the emblem image's bytes) with the input's
 * size; then the warnings the document had, so that a rerun which skips
 * it still reports them. A rerun skips a job whose stamp matches and whose
 * outputs exist. FNV-1a detects changes, it does not resist forgery: the
 * stamp guards against stale outputs, not against an adversary. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/batch.h"
#include "util/buf.h"
#include "util/file.h"
#include "util/mem.h"

#define STAMP_HEAD_MAX 512
#define STAMP_MAX ((size_t)4 << 20) /* with its warnings */

uint64_t batch_hash(uint64_t h, const void *data, size_t len)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 0x100000001b3ull; /* FNV-1a 64 prime */
    }
    return h;
}

/* Hash a string with its terminator, so "ab","c" and "a","bc" differ. */
static uint64_t hash_str(uint64_t h, const char *s)
{
    return s ? batch_hash(h, s, strlen(s) + 1) : batch_hash(h, "\xff", 1);
}

char *batch_stamp_text(const batch_opts *o, const batch_job *j, const char *data, size_t len)
{
    const cli_meta *s = &j->meta;
    uint64_t h = batch_hash(BATCH_HASH_START, data, len);
    h = batch_hash(h, &o->setup_hash, sizeof o->setup_hash);
    const char *opts[] = {j->pdf ? "pdf" : "-", j->docx ? "docx" : "-", s->language,
                          s->station, s->symbol, s->job_number, s->date};
    for (size_t i = 0; i < sizeof opts / sizeof opts[0]; i++)
        h = hash_str(h, opts[i]);
    char *text = folio_malloc(STAMP_HEAD_MAX);
    if (text)
        snprintf(text, STAMP_HEAD_MAX, "folio-stamp 2\nfolio %s\nbytes %zu\nfnv1a64 %016" PRIx64 "\n",
                 FOLIO_VERSION, len, h);
    return text;
}

static int is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The kept warnings: "warning LINE COL MESSAGE" a line, the message with
 * its backslashes and line breaks escaped. */
static void replay_warnings(folio_ctx *ctx, char *s)
{
    for (char *line = s; line && *line;) {
        char *eol = strchr(line, '\n');
        if (eol)
            *eol = 0;
        int ln, col, k = 0;
        if (sscanf(line, "warning %d %d %n", &ln, &col, &k) == 2 && k > 0) {
            char *o = line + k;
            for (char *p = line + k; *p; p++) {
                if (*p == '\\' && p[1] == 'n')
                    *o++ = '\n', p++;
                else if (*p == '\\' && p[1] == '\\')
                    *o++ = '\\', p++;
                else
                    *o++ = *p;
            }
            *o = 0;
            folio_warn(ctx, (folio_pos){ln, col}, "%s", line + k);
        }
        line = eol ? eol + 1 : NULL;
    }
}

int batch_is_up_to_date(batch_job *j, const char *text)
{
    char *data = NULL;
    size_t len = 0, n = strlen(text);
    folio_ctx *quiet = NULL;
    /* read like any input: a regular file, never blocking on a FIFO */
    if (folio_ctx_new(NULL, &quiet))
        return 0;
    int rc = folio_read_file(quiet, j->stamp, STAMP_MAX, &data, &len);
    folio_ctx_free(quiet);
    if (rc)
        return 0;
    int ok = len >= n && !memcmp(data, text, n) && (!j->pdf || is_file(j->pdf)) &&
             (!j->docx || is_file(j->docx));
    if (ok)
        replay_warnings(j->ctx, data + n);
    free(data);
    return ok;
}

static int write_text(const char *path, void *arg)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return FOLIO_E_IO;
    int bad = fputs(arg, f) < 0;
    return fclose(f) != 0 || bad ? FOLIO_E_IO : 0;
}

int batch_stamp_write(folio_ctx *ctx, const batch_job *j, const char *text)
{
    folio_buf b = {0};
    const folio_diag *d;
    char *all = NULL;
    size_t len;
    folio_buf_puts(&b, text);
    for (size_t i = 0; (d = folio_ctx_diag(ctx, i)); i++) {
        if (d->severity != FOLIO_WARNING || !d->message)
            continue;
        char head[64];
        snprintf(head, sizeof head, "warning %d %d ", d->pos.line, d->pos.col);
        folio_buf_puts(&b, head);
        for (const char *p = d->message; *p; p++)
            if (*p == '\n')
                folio_buf_puts(&b, "\\n");
            else if (*p == '\\')
                folio_buf_puts(&b, "\\\\");
            else
                folio_buf_putc(&b, *p);
        folio_buf_putc(&b, '\n');
    }
    if (folio_buf_take(&b, &all, &len))
        return FOLIO_E_NOMEM;
    int rc = folio_write_atomic(ctx, j->stamp, write_text, all);
    free(all);
    return rc;
}
