/* The languages and duty stations of the house, and the word lists the
 * readers look things up in (names of languages, months, stations, symbol
 * series, job-number prefixes), built once when the house is loaded from
 * the language and station files. The values that are data only for now
 * (direction, digits, fonts) are checked here too, so a bad one is found
 * where it is written. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "house/house.h"
#include "util/text.h"
#include "util/vec.h"

#define NAME_MAX_BYTES 256 /* longest folded name looked up */

typedef struct builder {
    folio_ctx *ctx;
    folio_house *h;
    size_t cap[FOLIO_HL_COUNT];
} builder;

/* Append a word; a folded word already there for another id (or another
 * month) is an error at `sec`/`key`. */
static int add_word(builder *b, folio_house_list l, const char *text, const char *id, int n,
                    const char *sec, const char *key)
{
    folio_house *h = b->h;
    for (size_t i = 0; i < h->nlists[l]; i++) {
        const folio_house_word *w = &h->lists[l][i];
        if (strcmp(w->text, text))
            continue;
        if (strcmp(w->id ? w->id : "", id ? id : "") || w->n != n) {
            char why[512];
            if (l == FOLIO_HL_MONTH)
                snprintf(why, sizeof why, "\"%s\" is also month %d", text, w->n);
            else
                snprintf(why, sizeof why, "\"%s\" also names %s", text, w->id);
            return folio_house_bad(b->ctx, h, sec, key, why);
        }
        return 0;
    }
    if (FOLIO_ARENA_VEC_ROOM(h->arena, h->lists[l], h->nlists[l], b->cap[l], 64))
        return FOLIO_E_NOMEM;
    h->lists[l][h->nlists[l]++] = (folio_house_word){text, id, n};
    return 0;
}

/* Every item of the list value sec/key as a word of list l; folded unless
 * `as_written`. */
static int add_items(builder *b, folio_house_list l, const char *sec, const char *key,
                     const char *id, int n, int as_written)
{
    const char *v = folio_house_get(b->h, sec, key), *s;
    size_t len;
    for (int i = 0; folio_house_item(v, i, &s, &len); i++) {
        if (!len)
            continue;
        char *t;
        if (as_written) {
            t = folio_strndup(b->h->arena, s, len);
        } else {
            char *f = folio_text_fold(s, len);
            t = f ? folio_strdup(b->h->arena, f) : NULL;
            free(f);
        }
        if (!t)
            return FOLIO_E_NOMEM;
        int rc = add_word(b, l, t, id, n, sec, key);
        if (rc)
            return rc;
    }
    return 0;
}

/* ---- order ---------------------------------------------------------------*/

static int by_text(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* The names of the sections PREFIX.NAME: those `order` lists first, in its
 * order, then the others by name. A name `order` lists that the house does
 * not define is an error. */
static int ordered(builder *b, const char *prefix, const char *order_key, const char ***out,
                   size_t *nout)
{
    folio_house *h = b->h;
    size_t n = 0, i = 0, pl = strlen(prefix) + 1;
    while (folio_house_next_section(h, prefix, &i))
        n++;
    const char **all = folio_alloc(h->arena, (n + 1) * sizeof *all);
    const char **v = folio_alloc(h->arena, (n + 1) * sizeof *v);
    if (!all || !v)
        return FOLIO_E_NOMEM;
    n = i = 0;
    for (const char *s; (s = folio_house_next_section(h, prefix, &i));)
        all[n++] = s + pl;
    qsort(all, n, sizeof *all, by_text);
    size_t k = 0;
    /* the order: names separated by spaces */
    const char *w = folio_house_get(h, "document", order_key);
    while (w && *w) {
        w += strspn(w, " \t");
        size_t wl = strcspn(w, " \t");
        if (!wl)
            break;
        size_t m = 0;
        while (m < n && (!all[m] || strlen(all[m]) != wl || strncmp(all[m], w, wl)))
            m++;
        if (m == n) {
            char why[256];
            snprintf(why, sizeof why,
                     "names \"%.*s\" twice, or one the house style does not define",
                     (int)wl, w);
            return folio_house_bad(b->ctx, h, "document", order_key, why);
        }
        v[k++] = all[m];
        all[m] = NULL;
        w += wl;
    }
    for (size_t m = 0; m < n; m++)
        if (all[m])
            v[k++] = all[m];
    *out = v;
    *nout = k;
    return 0;
}

/* ---- checks of values the library does not use yet ------------------------*/

static int check_language(builder *b, const char *code)
{
    folio_house *h = b->h;
    char sec[128], sub[160];
    snprintf(sec, sizeof sec, "lang.%s", code);
    const char *v = folio_house_get(h, sec, "direction");
    if (v && strcmp(v, "ltr") && strcmp(v, "rtl"))
        return folio_house_bad(b->ctx, h, sec, "direction", "give ltr or rtl");
    if ((v = folio_house_get(h, sec, "digits"))) {
        if (folio_utf8_count(v, strlen(v)) != 10)
            return folio_house_bad(b->ctx, h, sec, "digits",
                                   "give the ten digits from zero to nine");
    }
    int32_t x;
    int rc;
    if ((folio_house_get(h, sec, "hyphen-min-left") &&
         (rc = folio_house_int(b->ctx, h, sec, "hyphen-min-left", 1, 20, &x))) ||
        (folio_house_get(h, sec, "hyphen-min-right") &&
         (rc = folio_house_int(b->ctx, h, sec, "hyphen-min-right", 1, 20, &x))))
        return rc;
    /* [months]: 1 to 12, [days]: 1 to 31 */
    for (int pass = 0; pass < 2; pass++) {
        snprintf(sub, sizeof sub, "lang.%s.%s", code, pass ? "days" : "months");
        int max = pass ? 31 : 12;
        for (size_t i = 0; i < h->n; i++) {
            const folio_house_entry *e = &h->e[i];
            if (strcmp(e->section, sub))
                continue;
            char *end;
            long k = strtol(e->key, &end, 10);
            if (*end || end == e->key || k < 1 || k > max) {
                char why[64];
                snprintf(why, sizeof why, "not a %s from 1 to %d", pass ? "day" : "month", max);
                return folio_house_bad(b->ctx, h, sub, e->key, why);
            }
        }
    }
    return 0;
}

/* ---- the lists ---------------------------------------------------------------*/

static int language_words(builder *b, const char *code)
{
    folio_house *h = b->h;
    char sec[128], names[160], name[160], months[160];
    snprintf(sec, sizeof sec, "lang.%s", code);
    snprintf(names, sizeof names, "%s.names", sec);
    snprintf(name, sizeof name, "%s.name", sec);
    snprintf(months, sizeof months, "%s.months", sec);
    int rc;
    char *f = folio_text_fold(code, strlen(code));
    char *folded = f ? folio_strdup(h->arena, f) : NULL;
    free(f);
    if (!folded)
        return FOLIO_E_NOMEM;
    if ((rc = add_word(b, FOLIO_HL_LANG_NAME, folded, code, 0, sec, "iso639-2")) ||
        (rc = add_items(b, FOLIO_HL_LANG_NAME, sec, "iso639-2", code, 0, 0)) ||
        (rc = add_items(b, FOLIO_HL_LANG_WORD, sec, "language-word", "", 0, 0)) ||
        (rc = add_items(b, FOLIO_HL_LANG_PREFIX, sec, "name-prefix", "", 0, 0)) ||
        (rc = add_items(b, FOLIO_HL_DATE_WORD, sec, "date-words", "", 0, 0)) ||
        (rc = add_items(b, FOLIO_HL_ORDINAL, sec, "day-suffixes", "", 0, 0)) ||
        (rc = add_items(b, FOLIO_HL_WORDMARK, sec, "wordmark", "", 0, 0)) ||
        (rc = add_items(b, FOLIO_HL_WORDMARK, sec, "read-wordmark", "", 0, 0)) ||
        (rc = add_items(b, FOLIO_HL_DISTR, sec, "read-general", "general", 0, 0)) ||
        (rc = add_items(b, FOLIO_HL_DISTR, sec, "read-limited", "limited", 0, 0)) ||
        (rc = add_items(b, FOLIO_HL_DISTR, sec, "read-restricted", "restricted", 0, 0)) ||
        (rc = add_items(b, FOLIO_HL_ORIGINAL, sec, "read-original", "", 0, 0)) ||
        (rc = add_items(b, FOLIO_HL_SESSION, sec, "read-session", "", 0, 0)) ||
        (rc = add_items(b, FOLIO_HL_AGENDA_LEAD, sec, "read-agenda-item", "", 0, 0)) ||
        (rc = add_items(b, FOLIO_HL_AGENDA, sec, "read-agenda", "", 0, 0)) ||
        (rc = add_items(b, FOLIO_HL_NUMERAL, sec, "numerals", "", 0, 0)))
        return rc;
    /* the annex label is the word read; what may follow it */
    const char *rule = folio_house_get(h, sec, "annex-number");
    int kind = !rule || !strcmp(rule, "roman") ? FOLIO_ANNEX_ROMAN
               : !strcmp(rule, "numerals")     ? FOLIO_ANNEX_NUMERALS
               : !strcmp(rule, "word")         ? FOLIO_ANNEX_WORD
                                               : -1;
    if (kind < 0)
        return folio_house_bad(b->ctx, h, sec, "annex-number", "give roman, numerals or word");
    if ((rc = add_items(b, FOLIO_HL_ANNEX, sec, "annex", "", kind, 0)))
        return rc;
    for (size_t i = 0; i < h->n; i++) {
        const folio_house_entry *e = &h->e[i];
        if (folio_house_get(h, e->section, e->key) != e->value)
            continue; /* a later line of the file overrides it */
        /* [names]: this language's names of languages (by code);
         * [name]: this language's names in other languages */
        if (!strcmp(e->section, names)) {
            int k = folio_house_lang_index(h, e->key);
            if (k < 0)
                return folio_house_bad(b->ctx, h, names, e->key,
                                       "not a language of the house style");
            if ((rc = add_items(b, FOLIO_HL_LANG_NAME, names, e->key, h->langs[k], 0, 0)))
                return rc;
        } else if (!strcmp(e->section, name)) {
            if ((rc = add_items(b, FOLIO_HL_LANG_NAME, name, e->key, code, 0, 0)))
                return rc;
        } else if (!strcmp(e->section, months)) {
            if ((rc = add_items(b, FOLIO_HL_MONTH, months, e->key, NULL, atoi(e->key), 0)))
                return rc;
        }
    }
    return 0;
}

static int station_words(builder *b, const char *station)
{
    folio_house *h = b->h;
    char sec[128], names[160];
    snprintf(sec, sizeof sec, "station.%s", station);
    snprintf(names, sizeof names, "%s.names", sec);
    int rc;
    if ((rc = add_items(b, FOLIO_HL_SERIES, sec, "symbol-series", station, 0, 1)) ||
        (rc = add_items(b, FOLIO_HL_JOB_PREFIX, sec, "job-prefix", station, 0, 1)))
        return rc;
    for (size_t i = 0; i < h->n; i++) {
        const folio_house_entry *e = &h->e[i];
        if (!strcmp(e->section, names) && folio_house_get(h, names, e->key) == e->value &&
            (rc = add_items(b, FOLIO_HL_STATION_NAME, names, e->key, station, 0, 0)))
            return rc;
    }
    return 0;
}

int folio_house_build_words(folio_ctx *ctx, folio_house *h)
{
    builder b = {ctx, h, {0}};
    int rc;
    if ((rc = ordered(&b, "lang", "language-order", &h->langs, &h->nlangs)) ||
        (rc = ordered(&b, "station", "station-order", &h->stations, &h->nstations)))
        return rc;
    /* Codes first, so that [names] keys are checked against them. */
    for (size_t i = 0; i < h->nlangs; i++)
        if ((rc = check_language(&b, h->langs[i])))
            return rc;
    for (size_t i = 0; i < h->nlangs; i++)
        if ((rc = language_words(&b, h->langs[i])))
            return rc;
    for (size_t i = 0; i < h->nstations; i++)
        if ((rc = station_words(&b, h->stations[i])))
            return rc;
    return 0;
}

/* ---- lookups -------------------------------------------------------------------*/

const char *folio_house_longest_prefix(const folio_house *h, folio_house_list l, const char *s)
{
    const char *id = NULL;
    size_t best = 0;
    for (size_t i = 0; s && i < h->nlists[l]; i++) {
        size_t k = strlen(h->lists[l][i].text);
        if (k > best && !strncmp(s, h->lists[l][i].text, k)) {
            best = k;
            id = h->lists[l][i].id;
        }
    }
    return id;
}

static const char *find_word(const folio_house *h, folio_house_list l, const char *s, size_t n)
{
    for (size_t i = 0; i < h->nlists[l]; i++) {
        const folio_house_word *w = &h->lists[l][i];
        if (strlen(w->text) == n && !memcmp(w->text, s, n))
            return w->id;
    }
    return NULL;
}

/* A folded name, or the name before a word "language" ("русский язык"). */
static const char *name_or_phrase(const folio_house *h, const char *s)
{
    size_t len = strlen(s);
    const char *id = find_word(h, FOLIO_HL_LANG_NAME, s, len);
    for (size_t k = 0; !id && k < h->nlists[FOLIO_HL_LANG_WORD]; k++) {
        const char *word = h->lists[FOLIO_HL_LANG_WORD][k].text;
        size_t wl = strlen(word);
        if (len > wl + 1 && s[len - wl - 1] == ' ' && !strcmp(s + len - wl, word))
            id = find_word(h, FOLIO_HL_LANG_NAME, s, len - wl - 1);
    }
    return id;
}

const char *folio_house_lang(const folio_house *h, const char *name)
{
    if (!name)
        return NULL;
    /* trim white space and a final full stop */
    size_t n = strlen(name);
    while (n && (name[0] == ' ' || name[0] == '\t')) {
        name++;
        n--;
    }
    while (n && (name[n - 1] == ' ' || name[n - 1] == '\t' || name[n - 1] == '.' ||
                 name[n - 1] == '\n' || name[n - 1] == '\r'))
        n--;
    if (n == 0 || n > 64)
        return NULL;
    char *folded = folio_text_fold(name, n);
    if (!folded)
        return NULL;
    char buf[NAME_MAX_BYTES + 1];
    size_t o = strlen(folded);
    if (o > NAME_MAX_BYTES)
        o = NAME_MAX_BYTES;
    memcpy(buf, folded, o);
    buf[o] = 0;
    free(folded);
    const char *id = name_or_phrase(h, buf);
    /* Arabic writes "بالإنكليزية" ("in English") after "الأصل:" */
    for (size_t k = 0; !id && k < h->nlists[FOLIO_HL_LANG_PREFIX]; k++) {
        const char *p = h->lists[FOLIO_HL_LANG_PREFIX][k].text;
        size_t pl = strlen(p);
        if (o > pl && !strncmp(buf, p, pl))
            id = name_or_phrase(h, buf + pl);
    }
    return id;
}

int folio_house_lang_index(const folio_house *h, const char *code)
{
    for (size_t i = 0; code && i < h->nlangs; i++)
        if (!strcmp(h->langs[i], code))
            return (int)i;
    return -1;
}

int folio_house_station_index(const folio_house *h, const char *name)
{
    for (size_t i = 0; name && i < h->nstations; i++)
        if (!strcmp(h->stations[i], name))
            return (int)i;
    return -1;
}

const char *folio_house_lang_get(const folio_house *h, const char *code, const char *key)
{
    char sec[128];
    snprintf(sec, sizeof sec, "lang.%s", code);
    return folio_house_get(h, sec, key);
}

int folio_house_lang_name(const folio_house *h, const char *code, const char *in,
                          const char **start, size_t *len)
{
    char sec[160];
    snprintf(sec, sizeof sec, "lang.%s.names", in);
    if (folio_house_item(folio_house_get(h, sec, code), 0, start, len) && *len)
        return 1;
    snprintf(sec, sizeof sec, "lang.%s.name", code);
    return folio_house_item(folio_house_get(h, sec, in), 0, start, len) && *len;
}

const char *folio_house_list_text(folio_arena *a, const folio_house *h, int stations,
                                  const char *sep, const char *last)
{
    const char **v = stations ? h->stations : h->langs;
    size_t n = stations ? h->nstations : h->nlangs, total = 1;
    for (size_t i = 0; i < n; i++)
        total += strlen(v[i]) + strlen(sep) + strlen(last);
    char *out = folio_alloc(a, total);
    if (!out)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        if (i)
            strcat(out, i + 1 == n ? last : sep);
        strcat(out, v[i]);
    }
    return out;
}
