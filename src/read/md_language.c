/* The language a masthead is written in, from its own words: the
 * wordmark ("Nations Unies"), the distribution line ("Distr. GÉNÉRALE":
 * French and Spanish write no colon), the month of the date ("21 janvier
 * 1994"), the words of the original line and the language it names in
 * ("Original: ANGLAIS"). Each line votes for every language whose words
 * it holds; the reader takes the language with most votes when nothing
 * (a language-of-version line, front matter, an option) says otherwise.
 * Every language's words come from its file in styles/languages/. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read/md_internal.h"

/* Is the folded text one of the items of a list value? */
static int in_list(const char *list, const char *f)
{
    const char *s;
    size_t len;
    for (int k = 0; list && folio_house_item(list, k, &s, &len); k++) {
        char *g = len ? folio_text_fold(s, len) : NULL;
        int same = g && !strcmp(g, f);
        free(g);
        if (same)
            return 1;
    }
    return 0;
}

/* Does one of the values of section `sec` (every key) hold the folded
 * word `f`? */
static int in_section(const folio_house *h, const char *sec, const char *f)
{
    for (size_t i = 0; i < h->n; i++)
        if (!strcmp(h->e[i].section, sec) && in_list(h->e[i].value, f))
            return 1;
    return 0;
}

/* The words of folded text, one at a time: calls `fn` on each. */
static int any_word(const folio_house *h, const char *sec, const char *f)
{
    char word[64];
    for (const char *p = f; *p;) {
        while (*p == ' ' || *p == ',' || *p == '.')
            p++;
        size_t k = strcspn(p, " ,.");
        if (k && k < sizeof word) {
            memcpy(word, p, k);
            word[k] = 0;
            if (in_section(h, sec, word))
                return 1;
        }
        p += k;
    }
    return 0;
}

void folio_md_language_votes(const folio_house *h, const char *s, size_t n, int *votes)
{
    char *f = folio_text_fold(s, n);
    if (!f)
        return;
    int distr = !strncmp(f, "distr", 5);
    const char *colon = strchr(f, ':');
    for (size_t l = 0; l < h->nlangs; l++) {
        const char *code = h->langs[l];
        char sec[64];
        int v = 0;
        if (in_list(folio_house_lang_get(h, code, "wordmark"), f) ||
            in_list(folio_house_lang_get(h, code, "read-wordmark"), f))
            v = 1;
        if (distr) {
            /* the category word after "Distr." */
            const char *p = f + 5;
            while (*p && (*p == '.' || *p == ':' || *p == ' ' || (*p >= 'a' && *p <= 'z' &&
                                                                   p < f + 12 && p[-1] != ' ')))
                p++;
            const char *cat = strrchr(f, ' ');
            cat = cat ? cat + 1 : p;
            /* "Distr.: General" has a colon in the languages that print one */
            const char *form = folio_house_lang_get(h, code, "distr-general");
            int with_colon = form && strchr(form, ':');
            if ((in_list(folio_house_lang_get(h, code, "read-general"), cat) ||
                 in_list(folio_house_lang_get(h, code, "read-limited"), cat) ||
                 in_list(folio_house_lang_get(h, code, "read-restricted"), cat)) &&
                (with_colon != 0) == (colon != NULL))
                v = 1;
        }
        snprintf(sec, sizeof sec, "lang.%s.months", code);
        if (!distr && folio_md_has_year(s, n) && any_word(h, sec, f))
            v = 1;
        if (colon && !distr) {
            /* "Original: anglais": the language named in this language */
            snprintf(sec, sizeof sec, "lang.%s.names", code);
            const char *name = colon + 1;
            while (*name == ' ')
                name++;
            if (*name && in_section(h, sec, name))
                v = 1;
        }
        votes[l] += v;
    }
    free(f);
}

const char *folio_md_language_of(const folio_house *h, const int *votes)
{
    size_t best = 0;
    int ties = 0;
    for (size_t l = 1; l < h->nlangs; l++) {
        if (votes[l] > votes[best]) {
            best = l;
            ties = 0;
        } else if (votes[l] == votes[best]) {
            ties++;
        }
    }
    return h->nlangs && votes[best] > 0 && !ties ? h->langs[best] : NULL;
}
