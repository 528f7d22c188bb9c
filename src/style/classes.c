/* Document classes: which furniture elements a kind of document has and
 * which measures it changes, as data. A class is the house style section
 * [class.NAME] (later the file styles/classes/NAME.style) with
 *   match-symbol   patterns of the document symbol ("A/RES/" then a star)
 *   match-title    patterns of its title
 *   match-organ    patterns of its organ or a line under the rule (the
 *                  body: "Meeting of States Parties to ...")
 *   priority       the order in which classes are tried (lowest first)
 * and sub-sections [class.NAME.masthead], [class.NAME.footer],
 * [class.NAME.running-head] and [class.NAME.station] whose keys override
 * those of [masthead], [footer], [running-head] and the duty station's
 * section (an `elements` list, an `omit` list, or any measure).
 *
 * A document takes the first class, lowest priority first (a class
 * without one comes after those with one; ties go by name), one of whose
 * patterns fits its symbol or its title (star and question mark as in
 * file names, patterns separated by `|`). No fit: the class named by
 * [document] default-class, else "report". Nothing here knows a class by
 * its name. */
#include <fnmatch.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "style/style_internal.h"

#define CLASS_PREFIX "class."

/* The class name of a section "class.NAME" or "class.NAME.sub" (its
 * length), 0 when the section is not a class's. */
static size_t class_name_len(const char *sec)
{
    size_t k = strlen(CLASS_PREFIX);
    if (strncmp(sec, CLASS_PREFIX, k) || !sec[k])
        return 0;
    return strcspn(sec + k, ".");
}

/* Does one of the `|`-separated patterns of `list` fit `s`? */
static int fits(const char *list, const char *s)
{
    char pat[256];
    if (!list || !s || !*s)
        return 0;
    for (const char *p = list; *p;) {
        size_t n = strcspn(p, "|");
        const char *b = p, *e = p + n;
        while (b < e && (*b == ' ' || *b == '\t'))
            b++;
        while (e > b && (e[-1] == ' ' || e[-1] == '\t'))
            e--;
        if (e > b && (size_t)(e - b) < sizeof pat) {
            memcpy(pat, b, (size_t)(e - b));
            pat[e - b] = 0;
            if (fnmatch(pat, s, 0) == 0)
                return 1;
        }
        p += n + (p[n] == '|');
    }
    return 0;
}

static long priority_of(const folio_house *h, const char *sec)
{
    const char *v = folio_house_get(h, sec, "priority");
    char *end;
    long p = v ? strtol(v, &end, 10) : LONG_MAX;
    return v && (end == v || *end) ? LONG_MAX : p;
}

/* Does a pattern list fit the organ or one of the lines under the rule
 * (the body lines, '\n'-separated)? */
static int fits_lines(const char *list, const char *organ, const char *body)
{
    char line[512];
    if (fits(list, organ))
        return 1;
    for (const char *p = body; p && *p;) {
        size_t n = strcspn(p, "\n");
        if (n < sizeof line) {
            memcpy(line, p, n);
            line[n] = 0;
            if (fits(list, line))
                return 1;
        }
        p += n + (p[n] == '\n');
    }
    return 0;
}

const char *folio_style_pick_class(folio_arena *a, const folio_house *h, const char *symbol,
                                   const char *title, const char *organ, const char *body)
{
    const char *best = NULL;
    long best_pri = 0;
    char sec[128];
    for (size_t i = 0; i < h->n; i++) {
        size_t n = class_name_len(h->e[i].section);
        if (!n || n + sizeof CLASS_PREFIX > sizeof sec)
            continue;
        memcpy(sec, h->e[i].section, strlen(CLASS_PREFIX) + n);
        sec[strlen(CLASS_PREFIX) + n] = 0;
        const char *name = sec + strlen(CLASS_PREFIX);
        if (!fits(folio_house_get(h, sec, "match-symbol"), symbol) &&
            !fits(folio_house_get(h, sec, "match-title"), title) &&
            !fits_lines(folio_house_get(h, sec, "match-organ"), organ, body))
            continue;
        long pri = priority_of(h, sec);
        if (!best || pri < best_pri || (pri == best_pri && strcmp(name, best) < 0)) {
            if (!(best = folio_strdup(a, name)))
                return NULL;
            best_pri = pri;
        }
    }
    if (best)
        return best;
    const char *d = folio_house_get(h, "document", "default-class");
    return d ? d : "report";
}

const char *folio_style_class_sec(const folio_house *h, const char *cls, const char *sub,
                                  const char *base, const char *key)
{
    char over[128];
    if (cls && snprintf(over, sizeof over, CLASS_PREFIX "%s.%s", cls, sub) < (int)sizeof over)
        for (size_t i = h->n; i-- > 0;)
            if (!strcmp(h->e[i].key, key) && !strcmp(h->e[i].section, over))
                return h->e[i].section;
    return base;
}
