/* Akoma Ntoso: what the reader and the writer both need to know about
 * labels, language names and distribution lines. */
#include <string.h>
#include <strings.h>

#include "model/akn_names.h"

static int all_of(const char *s, size_t n, const char *set)
{
    for (size_t i = 0; i < n; i++)
        if (!strchr(set, s[i]))
            return 0;
    return n > 0;
}

folio_label_kind folio_akn_label_kind(const char *label, folio_label_kind hint)
{
    static const char *const bullets[] = {"-", "*", "+", "\xE2\x80\xA2", "\xE2\x97\xA6",
                                          "\xE2\x96\xAA", "\xE2\x97\x8F", "\xE2\x80\x93",
                                          "\xC2\xB7"};
    if (!label || !*label)
        return FOLIO_LABEL_NONE;
    for (size_t i = 0; i < sizeof bullets / sizeof bullets[0]; i++)
        if (!strcmp(label, bullets[i]))
            return FOLIO_LABEL_BULLET;
    /* the core: without "(" before and "." or ")" after */
    const char *s = label;
    size_t n = strlen(s);
    if (*s == '(')
        s++, n--;
    if (n && (s[n - 1] == '.' || s[n - 1] == ')'))
        n--;
    if (!n)
        return FOLIO_LABEL_NONE;
    if (all_of(s, n, "0123456789"))
        return FOLIO_LABEL_ARABIC;
    int single = n == 1;
    if (all_of(s, n, "IVXLCDM")) {
        if (!single)
            return FOLIO_LABEL_ROMAN;
        if (hint == FOLIO_LABEL_ROMAN || hint == FOLIO_LABEL_UPPER)
            return hint;
        return strchr("IVX", s[0]) ? FOLIO_LABEL_ROMAN : FOLIO_LABEL_UPPER;
    }
    if (all_of(s, n, "ivxlcdm")) {
        if (!single)
            return FOLIO_LABEL_LOWER_ROMAN;
        if (hint == FOLIO_LABEL_LOWER_ROMAN || hint == FOLIO_LABEL_LOWER)
            return hint;
        return FOLIO_LABEL_LOWER;
    }
    if (single && s[0] >= 'A' && s[0] <= 'Z')
        return FOLIO_LABEL_UPPER;
    if (single && s[0] >= 'a' && s[0] <= 'z')
        return FOLIO_LABEL_LOWER;
    return FOLIO_LABEL_NONE;
}

folio_label_kind folio_akn_item_hint(int level)
{
    return level >= 2 ? FOLIO_LABEL_LOWER_ROMAN : FOLIO_LABEL_LOWER;
}

/* UN mastheads name languages in French in French documents, in Spanish in
 * Spanish ones, and in English in the others. */
static const char *const lang_names[3][2][6] = {
    {{"English", "French", "Spanish", "Russian", "Chinese", "Arabic"},
     {"English", "French", "Spanish", "Russian", "Chinese", "Arabic"}},
    {{"anglais", ("fran\xC3\xA7" "ais"), "espagnol", "russe", "chinois", "arabe"},
     {"Anglais", ("Fran\xC3\xA7" "ais"), "Espagnol", "Russe", "Chinois", "Arabe"}},
    {{"ingl\xC3\xA9s", "franc\xC3\xA9s", "espa\xC3\xB1ol", "ruso", "chino", "\xC3\xA1rabe"},
     {"Ingl\xC3\xA9s", "Franc\xC3\xA9s", "Espa\xC3\xB1ol", "Ruso", "Chino", "\xC3\x81rabe"}},
};

const char *folio_akn_lang_name(int lang, int in, int capital)
{
    if (lang < 0 || lang > 5)
        return NULL;
    int table = in == 1 ? 1 : in == 2 ? 2 : 0;
    return lang_names[table][capital ? 1 : 0][lang];
}

const char *folio_akn_lang3(int lang)
{
    static const char *const codes[] = {"eng", "fra", "spa", "rus", "zho", "ara"};
    return lang >= 0 && lang <= 5 ? codes[lang] : NULL;
}

const char *folio_akn_distr_text(folio_distribution d, int in)
{
    static const char *const en[] = {"Distr.: General", "Distr.: Limited",
                                     "Distr.: Restricted"};
    static const char *const fr[] = {"Distr. g\xC3\xA9n\xC3\xA9rale", ("Distr. limit\xC3\xA9" "e"),
                                     "Distr. restreinte"};
    static const char *const es[] = {"Distr. general", "Distr. limitada", "Distr. reservada"};
    unsigned i = (unsigned)d <= 2 ? (unsigned)d : 0;
    return in == 1 ? fr[i] : in == 2 ? es[i] : en[i];
}

/* Case-insensitive search for an ASCII word part. */
static int has(const char *s, const char *part)
{
    size_t m = strlen(part);
    for (; *s; s++)
        if (!strncasecmp(s, part, m))
            return 1;
    return 0;
}

folio_distribution folio_akn_distr(const char *text)
{
    if (!text)
        return FOLIO_DISTR_GENERAL;
    if (has(text, "restr") || has(text, "reserv"))
        return FOLIO_DISTR_RESTRICTED;
    if (has(text, "limit"))
        return FOLIO_DISTR_LIMITED;
    return FOLIO_DISTR_GENERAL;
}

int folio_akn_is_un(const char *text)
{
    static const char *const names[] = {
        "United Nations", "Nations Unies", "Naciones Unidas",
        ("\xD0\x9E\xD1\x80\xD0\xB3\xD0\xB0\xD0\xBD\xD0\xB8\xD0\xB7\xD0\xB0\xD1\x86\xD0\xB8\xD1\x8F "
         "\xD0\x9E\xD0\xB1\xD1\x8A\xD0\xB5\xD0\xB4\xD0\xB8\xD0\xBD\xD0\xB5\xD0\xBD\xD0\xBD\xD1\x8B"
         "\xD1\x85 \xD0\x9D\xD0\xB0\xD1\x86\xD0\xB8\xD0\xB9"),
        "\xE8\x81\x94\xE5\x90\x88\xE5\x9B\xBD",
        ("\xD8\xA7\xD9\x84\xD8\xA3\xD9\x85\xD9\x85 \xD8\xA7\xD9\x84\xD9\x85\xD8\xAA\xD8\xAD\xD8\xAF"
         "\xD8\xA9")};
    while (*text == ' ' || *text == '\n' || *text == '\t')
        text++;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        size_t m = strlen(names[i]);
        if (!strncasecmp(text, names[i], m)) {
            const char *rest = text + m;
            while (*rest == ' ' || *rest == '\n' || *rest == '\t')
                rest++;
            if (!*rest)
                return 1;
        }
    }
    return 0;
}
