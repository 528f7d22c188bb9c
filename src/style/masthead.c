/* The masthead and first-page footer strings, in the document's language.
 * Russian, Chinese and Arabic keep the right-hand block in English
 * (un-format.md §5.1): the [lang.X] `block` key names that language. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "style/style_internal.h"

static const char *lang_get(const folio_house *h, const char *lang, const char *key)
{
    char sec[32];
    snprintf(sec, sizeof sec, "lang.%s", lang);
    const char *v = folio_house_get(h, sec, key);
    if (!v && strcmp(lang, "en"))
        v = folio_house_get(h, "lang.en", key);
    return v;
}

/* Forward: defined after fill(). */
static const char *fill(folio_arena *a, const char *pattern, const char **kv);

/* The name of language `code` in language `in`, else in English. */
static const char *lang_name(folio_arena *a, const folio_house *h, const char *code,
                             const char *in)
{
    const char *s;
    size_t n;
    if (!code || (!folio_house_lang_name(h, code, in, &s, &n) &&
                  !folio_house_lang_name(h, code, "en", &s, &n)))
        return NULL;
    return folio_strndup(a, s, n);
}

/* The language whose `key` pattern (and names, months) a language uses:
 * its own, else English's. */
static const char *pattern_lang(const folio_house *h, const char *lang, const char *key)
{
    return folio_house_lang_get(h, lang, key) ? lang : "en";
}

const char *folio_style_original_line(folio_arena *a, const folio_house *h, const char *in_lang,
                                      const char *original)
{
    in_lang = pattern_lang(h, in_lang, "original");
    const char *name = lang_name(a, h, original, in_lang);
    const char *kv[] = {"lang", name, NULL};
    const char *pattern = folio_house_lang_get(h, in_lang, "original");
    return pattern ? fill(a, pattern, kv) : NULL;
}

/* Replace {key} placeholders; keys and values in pairs, NULL-terminated. */
static const char *fill(folio_arena *a, const char *pattern, const char **kv)
{
    size_t cap = strlen(pattern) + 1;
    for (size_t i = 0; kv[i]; i += 2)
        cap += strlen(kv[i + 1] ? kv[i + 1] : "") * 4;
    char *out = folio_alloc(a, cap), *o = out;
    if (!out)
        return NULL;
    for (const char *p = pattern; *p;) {
        int done = 0;
        if (*p == '{')
            for (size_t i = 0; kv[i] && !done; i += 2) {
                size_t k = strlen(kv[i]);
                if (!strncmp(p + 1, kv[i], k) && p[1 + k] == '}') {
                    const char *v = kv[i + 1] ? kv[i + 1] : "";
                    size_t vl = strlen(v);
                    if ((size_t)(o - out) + vl + 1 > cap)
                        return out;
                    memcpy(o, v, vl);
                    o += vl;
                    p += k + 2;
                    done = 1;
                }
            }
        if (!done && (size_t)(o - out) + 2 < cap)
            *o++ = *p++;
        else if (!done)
            p++;
    }
    *o = 0;
    return out;
}

static int parse_iso(const char *iso, int *y, int *m, int *d)
{
    if (!iso || sscanf(iso, "%4d-%2d-%2d", y, m, d) != 3)
        return -1;
    return (*m >= 1 && *m <= 12 && *d >= 1 && *d <= 31) ? 0 : -1;
}

const char *folio_style_format_date(folio_arena *a, const folio_house *h, const char *lang,
                                    const char *iso)
{
    int y, m, d;
    if (parse_iso(iso, &y, &m, &d))
        return NULL;
    char ds[16], ms[16], ys[16], key[16], sec[64];
    const char *s, *month = NULL, *day;
    size_t n;
    lang = pattern_lang(h, lang, "date");
    snprintf(key, sizeof key, "%d", m);
    snprintf(sec, sizeof sec, "lang.%s.months", lang);
    if (folio_house_item(folio_house_get(h, sec, key), 0, &s, &n))
        month = folio_strndup(a, s, n);
    /* a day written otherwise than as its number: "1er" */
    snprintf(key, sizeof key, "%d", d);
    snprintf(sec, sizeof sec, "lang.%s.days", lang);
    if ((day = folio_house_get(h, sec, key)))
        snprintf(ds, sizeof ds, "%s", day);
    else
        snprintf(ds, sizeof ds, "%d", d);
    snprintf(ms, sizeof ms, "%d", m);
    snprintf(ys, sizeof ys, "%04d", y);
    const char *kv[] = {"d", ds, "month", month, "m", ms, "yyyy", ys, NULL};
    const char *pattern = folio_house_lang_get(h, lang, "date");
    return pattern ? fill(a, pattern, kv) : NULL;
}

/* Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm). */
static long long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (unsigned)(m + (m > 2 ? -3 : 9)) + 2) / 5 + (unsigned)d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long long)doe - 719468;
}

/* Split "A/HRC/WG.6/34/ITA/3" into "A" and "/HRC/WG.6/34/ITA/3". */
static void split_symbol(folio_arena *a, const char *sym, folio_masthead *m)
{
    size_t k = strcspn(sym, "/");
    m->symbol_head = folio_strndup(a, sym, k);
    m->symbol_tail = folio_strdup(a, sym + k);
}

static const char **split_lines(folio_arena *a, const char *s, size_t *n)
{
    *n = 0;
    if (!s || !*s)
        return NULL;
    size_t cap = 1;
    for (const char *p = s; *p; p++)
        cap += *p == '\n';
    const char **v = folio_alloc(a, cap * sizeof *v);
    if (!v)
        return NULL;
    for (const char *p = s; *p;) {
        size_t len = strcspn(p, "\n");
        if (len)
            v[(*n)++] = folio_strndup(a, p, len);
        p += len + (p[len] == '\n');
    }
    return v;
}

/* "V.21-07524" -> "2107524": the digits Code 39 carries. */
static const char *barcode_payload(folio_arena *a, const char *job)
{
    char buf[64];
    size_t k = 0;
    for (const char *p = job; *p && *p != '(' && k + 1 < sizeof buf; p++)
        if (isdigit((unsigned char)*p))
            buf[k++] = *p;
    buf[k] = 0;
    return k ? folio_strdup(a, buf) : NULL;
}

/* The job number without a language letter the user may have typed. */
static const char *bare_job(folio_arena *a, const char *job)
{
    size_t n = strcspn(job, "(");
    while (n && job[n - 1] == ' ')
        n--;
    return folio_strndup(a, job, n);
}

int folio_style_masthead(folio_ctx *ctx, const folio_house *h, const folio_report *r,
                   const folio_style_options *opt, const char *station,
                   folio_flow *f)
{
    folio_arena *a = f->arena;
    const folio_meta *meta = &r->meta;
    folio_masthead *m = &f->mast;
    const char *lang = f->lang.code;
    const char *block = lang_get(h, lang, "block");
    char sec[32];

    if (!block)
        block = "en";
    /* the block's language, for readers (the tagged PDF's /Lang) */
    snprintf(sec, sizeof sec, "lang.%s", block);
    m->block_lang = folio_house_get(h, sec, "tag");
    if (!m->block_lang)
        m->block_lang = block;
    m->wordmark = lang_get(h, lang, "wordmark");
    m->symbol = opt->symbol ? opt->symbol : meta->symbol;
    if (!m->symbol) {
        folio_warn(ctx, meta->pos, "no document symbol: the masthead and running "
                                   "heads will lack it (give --symbol or `symbol:`)");
        m->symbol = "";
    }
    const char *primary = m->symbol; /* the document's address is the first's */
    /* a joint document's two symbols, side by side (A/79/686-S/2024/918) */
    if (meta->joint_symbol && !opt->symbol &&
        !(m->symbol = folio_sprintf(a, "%s\xE2\x80\x93%s", m->symbol, meta->joint_symbol)))
        return FOLIO_E_NOMEM;
    split_symbol(a, m->symbol, m);
    m->running_symbol = m->symbol;
    m->organ = meta->organ;

    static const char *dkeys[] = {"distr-general", "distr-limited", "distr-restricted"};
    m->distribution = lang_get(h, block, dkeys[meta->distribution]);

    const char *date = opt->date ? opt->date : meta->date;
    int y, mo, d;
    if (date && parse_iso(date, &y, &mo, &d))
        return folio_error(ctx, FOLIO_E_INPUT, meta->pos,
                           "date \"%s\" is not an ISO date (YYYY-MM-DD)", date);
    if (date) {
        m->date = folio_style_format_date(a, h, block, date);
        f->date_epoch = days_from_civil(y, mo, d) * 86400LL;
    } else {
        folio_warn(ctx, meta->pos, "no date: the masthead will lack it");
        m->date = "";
        /* the document info still gets a fixed date: SOURCE_DATE_EPOCH
         * (reproducible-builds.org), never the clock */
        const char *sde = getenv("SOURCE_DATE_EPOCH");
        char *end;
        long long v = sde ? strtoll(sde, &end, 10) : 0;
        if (sde && *sde && !*end && v > 0)
            f->date_epoch = v;
    }

    const char *orig = folio_house_lang(h, meta->original_language ? meta->original_language
                                                                   : lang);
    if (!orig)
        orig = lang;
    m->original_line = folio_style_original_line(a, h, block, orig);
    m->language_line = !strcmp(orig, lang) ? "" : lang_get(h, lang, "version-line");

    m->body_lines = split_lines(a, meta->body, &m->nbody_lines);
    m->joint_lines = split_lines(a, meta->joint_lines, &m->njoint_lines);
    m->session = meta->session;
    m->venue_dates = meta->venue_dates;
    m->agenda_item = meta->agenda_item;
    m->agenda_title = meta->agenda_title;
    m->title = meta->title;
    m->subtitle = meta->subtitle;
    m->recycle = lang_get(h, lang, "recycle");

    const char *job = opt->job_number ? opt->job_number : meta->job_number;
    if (job && *job) {
        const char *bare = bare_job(a, job);
        snprintf(sec, sizeof sec, "station.%s", station);
        const char *space = folio_house_get(h, sec, "job-space");
        m->job_line = folio_sprintf(a, "%s%s(%c)", bare, space ? space : " ",
                                    f->lang.job_letter);
        m->barcode = barcode_payload(a, bare);
        /* later pages: the number without prefix or letter ("24-22861") */
        int translation = m->language_line && *m->language_line;
        if (f->page.later_job == 2 || (f->page.later_job == 1 && translation))
            m->later_job = bare;
    }

    const char *pattern = folio_house_get(h, "document", "qr-url");
    if (pattern && *m->symbol) {
        const char *qkv[] = {"lang", lang, "symbol", primary, NULL};
        m->qr_url = fill(a, pattern, qkv);
    }
    return (m->wordmark && m->distribution && m->original_line) ? 0
           : folio_error(ctx, FOLIO_E_STYLE, (folio_pos){0, 0},
                         "the house style's [lang.%s] lacks masthead labels (wordmark, "
                         "distr-*, original)", lang);
}
