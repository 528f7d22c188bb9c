/* Reading values of the house style, and the things
 * made once from its data. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "house/house.h"
#include "util/mem.h"

static uint32_t hash(const char *section, const char *key)
{
    uint32_t x = 2166136261u; /* FNV-1a */
    for (const char *p = section; *p; p++)
        x = (x ^ (unsigned char)*p) * 16777619u;
    x = (x ^ 0xFF) * 16777619u;
    for (const char *p = key; *p; p++)
        x = (x ^ (unsigned char)*p) * 16777619u;
    return x;
}

/* The slot of (section, key) in the index: its entry's, or a free one. */
static size_t slot(const folio_house *h, const char *section, const char *key)
{
    size_t i = hash(section, key) & h->index_mask;
    while (h->index[i]) {
        const folio_house_entry *e = &h->e[h->index[i] - 1];
        if (!strcmp(e->section, section) && !strcmp(e->key, key))
            break;
        i = (i + 1) & h->index_mask;
    }
    return i;
}

int folio_house_index(folio_house *h)
{
    size_t cap = 64;
    while (cap < 2 * h->n + 1)
        cap *= 2;
    if (!(h->index = folio_alloc(h->arena, cap * sizeof *h->index)))
        return FOLIO_E_NOMEM;
    h->index_mask = cap - 1;
    /* The last definition wins, so a later line of a file can override. */
    for (size_t i = 0; i < h->n; i++)
        h->index[slot(h, h->e[i].section, h->e[i].key)] = (uint32_t)i + 1;
    return 0;
}

static const folio_house_entry *find(const folio_house *h, const char *section, const char *key)
{
    if (!h->index)
        return NULL;
    uint32_t k = h->index[slot(h, section, key)];
    return k ? &h->e[k - 1] : NULL;
}

const char *folio_house_get(const folio_house *h, const char *section, const char *key)
{
    const folio_house_entry *e = find(h, section, key);
    return e ? e->value : NULL;
}

int folio_house_line(const folio_house *h, const char *section, const char *key)
{
    const folio_house_entry *e = find(h, section, key);
    return e ? e->line : 0;
}

const char *folio_house_file_of(const folio_house *h, const char *section, const char *key)
{
    const folio_house_entry *e = find(h, section, key);
    return e ? e->file : h->file;
}

int folio_house_bad(folio_ctx *ctx, const folio_house *h, const char *section,
                    const char *key, const char *why)
{
    int line = folio_house_line(h, section, key);
    return folio_error(ctx, FOLIO_E_STYLE, (folio_pos){0, 0}, "%s:%d: [%s] %s: %s",
                       folio_house_file_of(h, section, key), line, section, key, why);
}

int folio_house_parse_length(const char *s, int32_t *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || errno)
        return -1;
    while (*end == ' ')
        end++;
    double mpt;
    if (!*end || !strcmp(end, "pt"))
        mpt = v * 1000;
    else if (!strcmp(end, "cm"))
        mpt = v * 72000 / 2.54;
    else if (!strcmp(end, "mm"))
        mpt = v * 7200 / 2.54;
    else if (!strcmp(end, "in"))
        mpt = v * 72000;
    else
        return -1;
    /* NaN and infinities fail too: no comparison holds for NaN */
    if (!(mpt <= 1e8 && mpt >= -1e8))
        return -1;
    *out = (int32_t)(mpt < 0 ? mpt - 0.5 : mpt + 0.5);
    return 0;
}

int folio_house_length(folio_ctx *ctx, const folio_house *h, const char *section,
                       const char *key, int32_t def, int32_t *out)
{
    const folio_house_entry *e = find(h, section, key);
    if (!e) {
        *out = def;
        return 0;
    }
    if (folio_house_parse_length(e->value, out))
        return folio_error(ctx, FOLIO_E_STYLE, (folio_pos){0, 0},
                           "%s:%d: [%s] %s: not a length: \"%s\"", e->file,
                           e->line, section, key, e->value);
    return 0;
}

int folio_house_permille(folio_ctx *ctx, const folio_house *h, const char *section,
                         const char *key, int32_t def, int32_t max, int32_t *out)
{
    const folio_house_entry *e = find(h, section, key);
    if (!e) {
        *out = def;
        return 0;
    }
    char *end;
    errno = 0;
    double v = strtod(e->value, &end);
    while (end && *end == ' ')
        end++;
    if (end == e->value || errno || !end || strcmp(end, "%") || !(v >= 0 && v * 10 <= max))
        return folio_error(ctx, FOLIO_E_STYLE, (folio_pos){0, 0},
                           "%s:%d: [%s] %s: not a percentage from 0%% to %g%%: \"%s\"",
                           e->file, e->line, section, key, max / 10.0, e->value);
    *out = (int32_t)(v * 10 + 0.5);
    return 0;
}

int folio_house_int(folio_ctx *ctx, const folio_house *h, const char *section,
                    const char *key, long lo, long hi, int32_t *out)
{
    const folio_house_entry *e = find(h, section, key);
    if (!e)
        return folio_error(ctx, FOLIO_E_STYLE, (folio_pos){0, 0},
                           "%s: the house style lacks [%s] %s", h->file, section, key);
    char *end;
    errno = 0;
    long v = strtol(e->value, &end, 10);
    if (end == e->value || *end || errno || v < lo || v > hi)
        return folio_error(ctx, FOLIO_E_STYLE, (folio_pos){0, 0},
                           "%s:%d: [%s] %s: not a whole number from %ld to %ld: \"%s\"",
                           e->file, e->line, section, key, lo, hi, e->value);
    *out = (int32_t)v;
    return 0;
}

int folio_house_item(const char *list, int n, const char **start, size_t *len)
{
    if (!list)
        return 0;
    for (int i = 0;; i++) {
        size_t k = strcspn(list, "|");
        const char *s = list, *e = list + k;
        while (s < e && (*s == ' ' || *s == '\t'))
            s++;
        while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
            e--;
        if (i == n) {
            *start = s;
            *len = (size_t)(e - s);
            return 1;
        }
        if (!list[k])
            return 0;
        list += k + 1;
    }
}

const char *folio_house_next_section(const folio_house *h, const char *prefix, size_t *i)
{
    size_t pl = strlen(prefix);
    while (*i < h->nsections) {
        const char *s = h->sections[(*i)++];
        if (!strncmp(s, prefix, pl) && s[pl] == '.' && s[pl + 1] && !strchr(s + pl + 1, '.'))
            return s;
    }
    return NULL;
}

const folio_house_file *folio_house_find_file(const folio_house *h, const char *name)
{
    for (size_t i = 0; i < h->nfiles; i++)
        if (!strcmp(h->files[i].name, name))
            return &h->files[i];
    return NULL;
}

const folio_house_word *folio_house_words(const folio_house *h, folio_house_list l, size_t *n)
{
    *n = h->nlists[l];
    return h->lists[l];
}

size_t folio_house_languages(const folio_house *h, const char *const **out)
{
    *out = h->langs;
    return h->nlangs;
}

size_t folio_house_stations(const folio_house *h, const char *const **out)
{
    *out = h->stations;
    return h->nstations;
}

/* ---- the default house ---------------------------------------------------*/

/* ---- things made once ----------------------------------------------------*/

struct folio_house_memo {
    folio_house_memo *next;
    char *key;
    void *value;
    void (*drop)(void *);
};

void *folio_house_memo_get(const folio_house *ch, const char *key,
                           void *(*make)(const folio_house *h, const char *key, void *arg),
                           void *arg, void (*drop)(void *))
{
    /* The memo is the one part of a loaded house that changes: it is
     * guarded by the house's lock, so the house stays shareable. */
    folio_house *h = (folio_house *)ch;
    void *v = NULL;
    pthread_mutex_lock(&h->lock);
    folio_house_memo *m = h->memo;
    while (m && strcmp(m->key, key))
        m = m->next;
    if (m) {
        v = m->value;
    } else if ((v = make(ch, key, arg))) {
        m = folio_malloc(sizeof *m);
        char *k = m ? folio_mem_strdup(key) : NULL;
        if (!k) {
            free(m);
            if (drop)
                drop(v);
            v = NULL;
        } else {
            *m = (folio_house_memo){h->memo, k, v, drop};
            h->memo = m;
        }
    }
    pthread_mutex_unlock(&h->lock);
    return v;
}

void folio_house_free(folio_house *h)
{
    if (!h)
        return;
    while (h->memo) {
        folio_house_memo *m = h->memo;
        h->memo = m->next;
        if (m->drop)
            m->drop(m->value);
        free(m->key);
        free(m);
    }
    pthread_mutex_destroy(&h->lock);
    folio_arena_free(h->arena);
}
