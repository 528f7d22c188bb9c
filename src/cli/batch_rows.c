/* One job of `folio batch` from a manifest's row or a folder's file: the
 * manifest keys it knows and where each goes in the job's options. The
 * manifest readers (manifest_csv.c, manifest_jsonl.c) and the job list
 * (batch_list.c) add jobs through it. */
#include <stdlib.h>
#include <string.h>

#include "cli/batch.h"
#include "util/mem.h"
#include "util/vec.h"

const char batch_keys[] = "input, output, lang, station, symbol, job-number, date";

/* Where each manifest key goes in a job's options. */
static const char **meta_slot(cli_meta *s, const char *key)
{
    if (!strcmp(key, "lang"))
        return &s->language;
    if (!strcmp(key, "station"))
        return &s->station;
    if (!strcmp(key, "symbol"))
        return &s->symbol;
    if (!strcmp(key, "job-number"))
        return &s->job_number;
    if (!strcmp(key, "date"))
        return &s->date;
    return NULL;
}

int batch_known_key(const char *key)
{
    cli_meta s;
    return !strcmp(key, "input") || !strcmp(key, "output") || meta_slot(&s, key);
}

batch_job *batch_new_job(batch_list *l, const batch_opts *o, const char *base,
                         const char *input, int line)
{
    if (FOLIO_ARENA_VEC_ROOM(l->arena, l->jobs, l->n, l->cap, 64))
        return NULL;
    batch_job *j = &l->jobs[l->n];
    memset(j, 0, sizeof *j);
    j->input = base && input[0] != '/' ? folio_sprintf(l->arena, "%s/%s", base, input)
                                        : folio_strdup(l->arena, input);
    if (!j->input)
        return NULL;
    j->meta = o->c.meta;
    j->line = line;
    l->n++;
    return j;
}

int batch_add_row(folio_ctx *ctx, const batch_opts *o, const char *base, batch_list *l,
                  const batch_field *f, size_t n, int line)
{
    const batch_field *input = NULL;
    for (size_t i = 0; i < n; i++)
        if (!strcmp(f[i].key, "input") && f[i].value[0])
            input = &f[i];
    if (!input)
        return folio_error(ctx, FOLIO_E_INPUT, (folio_pos){line, 1},
                           "no input given for this document");
    batch_job *j = batch_new_job(l, o, base, input->value, line);
    if (!j)
        return FOLIO_E_NOMEM;
    for (size_t i = 0; i < n; i++) {
        const char *why, **slot = meta_slot(&j->meta, f[i].key);
        char buf[1024];
        for (const char *c = f[i].value; *c; c++)
            if ((unsigned char)*c < 0x20) /* a line break in a file name, say */
                return folio_error(ctx, FOLIO_E_INPUT, f[i].pos,
                                   "%s: a control character in the value", f[i].key);
        if (!f[i].value[0] || &f[i] == input)
            continue; /* empty: the command line or the report decides */
        if (!strcmp(f[i].key, "output")) {
            if ((why = cli_bad_name(f[i].value)))
                return folio_error(ctx, FOLIO_E_INPUT, f[i].pos, "output \"%.60s%s\": %s",
                                   f[i].value, strlen(f[i].value) > 60 ? "..." : "", why);
            j->name = f[i].value;
        } else if ((why = cli_bad_value(o->c.house, f[i].key, f[i].value, buf, sizeof buf)))
            return folio_error(ctx, FOLIO_E_INPUT, f[i].pos, "%s \"%s\": %s", f[i].key,
                               f[i].value, why);
        else if (slot)
            *slot = f[i].value;
    }
    return 0;
}
