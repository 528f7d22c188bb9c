/* Up-to-date checks: a small sidecar DIR/.NAME.folio-stamp, written after
 * both outputs are in place, holds an FNV-1a 64 hash of the input bytes,
 * the job's options and the batch set-up (folio version, style file, fonts)
 * with the input's size. A rerun skips a job whose stamp matches and whose
 * outputs exist. FNV-1a detects changes, it does not resist forgery: the
 * stamp guards against stale outputs, not against an adversary. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/batch.h"
#include "util/mem.h"

#define STAMP_MAX 512

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
    char *text = folio_malloc(STAMP_MAX);
    if (text)
        snprintf(text, STAMP_MAX, "folio-stamp 1\nfolio %s\nbytes %zu\nfnv1a64 %016" PRIx64 "\n",
                 FOLIO_VERSION, len, h);
    return text;
}

static int is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

int batch_is_up_to_date(const batch_job *j, const char *text)
{
    char buf[STAMP_MAX];
    FILE *f = fopen(j->stamp, "rb");
    if (!f)
        return 0;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    return !strcmp(buf, text) && (!j->pdf || is_file(j->pdf)) && (!j->docx || is_file(j->docx));
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
    return folio_write_atomic(ctx, j->stamp, write_text, (void *)text);
}
