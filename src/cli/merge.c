/* `folio summary SHARD.json... [-o FILE]` (also `folio batch --merge`):
 * the summaries of the shards of one batch merged into one, after
 * checking that they belong together (same input, same shard count, same
 * total) and that every document is there once: missing shards, missing
 * and duplicated documents are reported. The documents are listed in the
 * order of the folder or manifest (their "index"). */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/batch.h"
#include "cli/json.h"
#include "util/mem.h"

typedef struct shard {
    const char *path;
    const json *root, *docs;
    long index, count, total;
} shard;

typedef struct merged {
    shard *v;
    size_t n;
    const json **by_index;   /* total entries: the document of each index */
    const char **from;       /* the file it came from */
    long count, total;
    const char *input, *output;
    size_t missing, duplicated, shards_missing, shards_duplicated;
    long long started, ended;
} merged;

static long num(const json *v, long def)
{
    return v && v->type == JSON_NUMBER ? (long)v->number : def;
}

static const char *str(const json *v)
{
    return v && v->type == JSON_STRING ? v->string : NULL;
}

static int load(folio_ctx *ctx, folio_arena *a, const char *path, shard *s)
{
    char *data = NULL, why[128];
    size_t len = 0;
    json *root;
    int line, col;
    int rc = folio_read_file(ctx, path, (size_t)1 << 30, &data, &len);
    if (rc)
        return rc;
    if (json_parse(a, data, len, &root, &line, &col, why, sizeof why)) {
        free(data);
        return folio_error(ctx, FOLIO_E_INPUT, (folio_pos){0, 0}, "%s:%d:%d: %s", path, line,
                           col, why);
    }
    free(data);
    const json *shard = json_get(root, "shard");
    s->path = path;
    s->root = root;
    s->docs = json_get(root, "documents");
    s->index = num(json_get(shard, "index"), -1);
    s->count = num(json_get(shard, "count"), -1);
    s->total = num(json_get(root, "total"), -1);
    if (!s->docs || s->docs->type != JSON_ARRAY || s->count < 1 || s->index < 1 ||
        s->index > s->count || s->total < 0 || s->total > 100000000 || !str(json_get(root, "input")))
        return folio_error(ctx, FOLIO_E_INPUT, (folio_pos){0, 0},
                           "%s: not the summary of a folio batch shard (with its shard, total, "
                           "input and documents)", path);
    return 0;
}

/* The merged summary: what the shards said, their documents in order,
 * the totals counted again. */
static int write_merged(const char *path, void *arg)
{
    const merged *m = arg;
    FILE *f = fopen(path, "w");
    size_t count[4] = {0}, warnings = 0, errors = 0, present = 0;
    static const char *const status[] = {"pending", "ok", "failed", "skipped"};
    char start[32], end[32];
    if (!f)
        return FOLIO_E_IO;
    fputs("{\n  \"folio\": \"" FOLIO_VERSION "\",\n  \"kind\": \"folio-batch-summary\",\n"
          "  \"input\": ", f);
    json_write_string(f, m->input);
    fputs(",\n  \"output\": ", f);
    json_write_string(f, m->output ? m->output : "");
    batch_utc(m->started, start, sizeof start);
    batch_utc(m->ended, end, sizeof end);
    fprintf(f, ",\n  \"shard\": {\"index\": null, \"count\": %ld},\n  \"total\": %ld,\n"
            "  \"started\": \"%s\",\n  \"ended\": \"%s\",\n  \"merged\": [",
            m->count, m->total, start, end);
    for (size_t i = 0; i < m->n; i++) {
        fprintf(f, "%s\n    {\"file\": ", i ? "," : "");
        json_write_string(f, m->v[i].path);
        fprintf(f, ", \"shard\": %ld, \"host\": ", m->v[i].index);
        const char *host = str(json_get(m->v[i].root, "host"));
        json_write_string(f, host ? host : "");
        fputc('}', f);
    }
    fprintf(f, "\n  ],\n  \"complete\": %s,\n  \"missing\": [",
            m->missing || m->duplicated ? "false" : "true");
    int first = 1;
    for (long i = 0; i < m->total; i++)
        if (!m->by_index[i]) {
            fprintf(f, "%s%ld", first ? "" : ", ", i);
            first = 0;
        }
    fputs("],\n  \"documents\": [", f);
    first = 1;
    for (long i = 0; i < m->total; i++) {
        const json *d = m->by_index[i];
        if (!d)
            continue;
        fputs(first ? "\n    " : ",\n    ", f);
        json_write(f, d, 4);
        first = 0;
        present++;
        const char *st = str(json_get(d, "status"));
        for (int k = 1; k < 4; k++)
            if (st && !strcmp(st, status[k]))
                count[k]++;
        const json *w = json_get(d, "warnings"), *e = json_get(d, "errors");
        warnings += w && w->type == JSON_ARRAY ? w->n : 0;
        errors += e && e->type == JSON_ARRAY ? e->n : 0;
    }
    fprintf(f, "%s],\n  \"totals\": {\"documents\": %zu, \"ok\": %zu, \"failed\": %zu, "
            "\"skipped\": %zu, \"missing\": %zu, \"duplicated\": %zu, \"warnings\": %zu, "
            "\"errors\": %zu}\n}\n", first ? "" : "\n  ", present, count[1], count[2], count[3],
            m->missing, m->duplicated, warnings, errors);
    int bad = ferror(f);
    return fclose(f) != 0 || bad ? FOLIO_E_IO : 0;
}

static long long utc_seconds(const char *iso)
{
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    if (!iso || sscanf(iso, "%d-%d-%dT%d:%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                       &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6)
        return -1;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    return (long long)timegm(&tm);
}

static const char summary_usage[] =
    "usage: folio summary SHARD.json... [-o FILE] [--quiet] [--fail-if-warnings]\n"
    "       folio batch --merge SHARD.json... [-o FILE]\n"
    "\n"
    "Merge the summaries the shards of one batch wrote (folio batch --shard K/N:\n"
    "DIR/folio-batch.K-of-N.json) into one (default: folio-batch.json beside the\n"
    "first), checking that every shard and every document is there exactly once.\n"
    "Exit status: 0 complete and no document failed; 1 a document failed, or is\n"
    "missing or duplicated (a shard did not run, or ran twice with different\n"
    "input), or (--fail-if-warnings) had warnings; 2 usage error or a file that\n"
    "is no shard summary; 3 the merged summary cannot be written.\n";

int cli_summary_main(int argc, char **argv)
{
    const char *out = NULL;
    int quiet = 0, strict = 0, status = EXIT_OK, rc = 0;
    merged m;
    memset(&m, 0, sizeof m);
    folio_arena *a = folio_arena_new();
    folio_ctx *ctx = NULL;
    if (!a || !(m.v = folio_calloc((size_t)argc + 1, sizeof *m.v)) || folio_ctx_new(NULL, &ctx)) {
        folio_arena_free(a);
        free(m.v);
        return cli_no_memory();
    }
    for (int i = 0; i < argc && !rc; i++) {
        const char *s = argv[i];
        if (!strcmp(s, "-h") || !strcmp(s, "--help")) {
            fputs(summary_usage, stdout);
            status = -1;
            goto done;
        } else if (!strcmp(s, "-o") || !strcmp(s, "--output")) {
            if (++i >= argc) {
                status = cli_bad_usage("%s needs a value", s);
                goto done;
            }
            out = argv[i];
        } else if (!strcmp(s, "-q") || !strcmp(s, "--quiet")) {
            quiet = 1;
        } else if (!strcmp(s, "--fail-if-warnings")) {
            strict = 1;
        } else if (s[0] == '-' && s[1]) {
            status = cli_bad_usage("unknown option %s", s);
            goto done;
        } else {
            rc = load(ctx, a, s, &m.v[m.n++]);
        }
    }
    if (rc) {
        status = rc == FOLIO_E_NOMEM ? EXIT_SYSTEM : EXIT_USAGE;
        goto done;
    }
    if (!m.n) {
        status = cli_bad_usage("%s", "summary needs the shard summaries to merge");
        goto done;
    }
    m.count = m.v[0].count;
    m.total = m.v[0].total;
    m.input = str(json_get(m.v[0].root, "input"));
    m.output = str(json_get(m.v[0].root, "output"));
    m.started = -1;
    for (size_t i = 0; i < m.n; i++) {
        const shard *s = &m.v[i];
        const char *in = str(json_get(s->root, "input"));
        if (s->count != m.count || s->total != m.total || strcmp(in, m.input)) {
            folio_error(ctx, FOLIO_E_INPUT, (folio_pos){0, 0},
                        "%s is shard %ld of %ld of %s (%ld documents), %s shard %ld of %ld of "
                        "%s (%ld documents): not the same batch", s->path, s->index, s->count,
                        in, s->total, m.v[0].path, m.v[0].index, m.count, m.input, m.total);
            status = EXIT_USAGE;
            goto done;
        }
        long long st = utc_seconds(str(json_get(s->root, "started")));
        long long en = utc_seconds(str(json_get(s->root, "ended")));
        if (st >= 0 && (m.started < 0 || st < m.started))
            m.started = st;
        if (en > m.ended)
            m.ended = en;
    }
    /* every shard once */
    for (long k = 1; k <= m.count; k++) {
        size_t seen = 0;
        const char *firstp = NULL;
        for (size_t i = 0; i < m.n; i++)
            if (m.v[i].index == k) {
                if (seen++)
                    folio_warn(ctx, (folio_pos){0, 0}, "shard %ld of %ld is in both %s and %s",
                               k, m.count, firstp, m.v[i].path);
                else
                    firstp = m.v[i].path;
            }
        if (!seen) {
            m.shards_missing++;
            folio_error(ctx, FOLIO_E_INPUT, (folio_pos){0, 0},
                        "shard %ld of %ld is missing: no summary names it", k, m.count);
        }
        m.shards_duplicated += seen > 1;
    }
    /* every document once, by its place in the folder or manifest */
    if (!(m.by_index = folio_alloc(a, (size_t)(m.total + 1) * sizeof *m.by_index)) ||
        !(m.from = folio_alloc(a, (size_t)(m.total + 1) * sizeof *m.from))) {
        status = cli_no_memory();
        goto done;
    }
    memset(m.by_index, 0, (size_t)(m.total + 1) * sizeof *m.by_index);
    for (size_t i = 0; i < m.n; i++)
        for (size_t k = 0; k < m.v[i].docs->n; k++) {
            const json *d = m.v[i].docs->items[k];
            long ix = num(json_get(d, "index"), -1);
            const char *in = str(json_get(d, "input"));
            if (ix < 0 || ix >= m.total || ix % m.count + 1 != m.v[i].index) {
                folio_error(ctx, FOLIO_E_INPUT, (folio_pos){0, 0},
                            "%s: document %ld (%s) does not belong to shard %ld of %ld",
                            m.v[i].path, ix, in ? in : "?", m.v[i].index, m.count);
                m.duplicated++;
                continue;
            }
            if (m.by_index[ix]) {
                const char *was = str(json_get(m.by_index[ix], "input"));
                if (m.v[i].path != m.from[ix] &&
                    (!was || !in || strcmp(was, in)))
                    folio_error(ctx, FOLIO_E_INPUT, (folio_pos){0, 0},
                                "document %ld is %s in %s but %s in %s", ix, was ? was : "?",
                                m.from[ix], in ? in : "?", m.v[i].path);
                else if (m.v[i].path == m.from[ix])
                    folio_error(ctx, FOLIO_E_INPUT, (folio_pos){0, 0},
                                "document %ld (%s) is listed twice in %s", ix, in ? in : "?",
                                m.v[i].path);
                /* the same shard run twice: the later summary counts */
                if (m.v[i].path != m.from[ix] && was && in && !strcmp(was, in)) {
                    m.by_index[ix] = d;
                    m.from[ix] = m.v[i].path;
                    continue;
                }
                m.duplicated++;
                continue;
            }
            m.by_index[ix] = d;
            m.from[ix] = m.v[i].path;
        }
    for (long i = 0; i < m.total; i++)
        m.missing += !m.by_index[i];
    if (m.missing)
        folio_error(ctx, FOLIO_E_INPUT, (folio_pos){0, 0},
                    "%zu of %ld documents are missing from the summaries", m.missing, m.total);
    if (!out) {
        const char *slash = strrchr(m.v[0].path, '/');
        out = slash ? folio_sprintf(a, "%.*s/folio-batch.json", (int)(slash - m.v[0].path),
                                    m.v[0].path)
                    : "folio-batch.json";
        if (!out) {
            status = cli_no_memory();
            goto done;
        }
    }
    for (size_t i = 0; i < m.n; i++)
        if (!strcmp(out, m.v[i].path)) {
            status = cli_bad_usage("-o %s is one of the summaries merged", out);
            goto done;
        }
    if ((rc = folio_write_atomic(ctx, out, write_merged, &m))) {
        status = EXIT_SYSTEM;
        goto done;
    }
    size_t failed = 0, warned = 0;
    for (long i = 0; i < m.total; i++) {
        const json *d = m.by_index[i], *w = json_get(d, "warnings");
        const char *st = str(json_get(d, "status"));
        failed += st && !strcmp(st, "failed");
        warned += w && w->type == JSON_ARRAY && w->n;
    }
    if (!quiet)
        fprintf(stderr, "folio: %zu shard summar%s of %ld merged into %s: %ld documents, "
                "%zu missing, %zu duplicated, %zu failed\n", m.n, m.n == 1 ? "y" : "ies",
                m.count, out, m.total, m.missing, m.duplicated, failed);
    if (failed || m.missing || m.duplicated || m.shards_missing || (strict && warned))
        status = EXIT_INPUT;
done:
    cli_print_diags(ctx);
    folio_ctx_free(ctx);
    free(m.v);
    folio_arena_free(a);
    return status < 0 ? EXIT_OK : status;
}
