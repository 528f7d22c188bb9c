/* The six official languages: codes and the names a masthead uses for them.
 *
 * Names are compared folded (util/text.h), so "Español", "español" and
 * "ESPANOL" are one name. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"
#include "util/text.h"

static const char *const codes[6] = {"en", "fr", "es", "ru", "zh", "ar"};

/* Folded names, by language index. English, French, Spanish, Russian,
 * Chinese and Arabic names of each language, plus ISO 639-2 codes. */
static const struct { const char *name; int lang; } names[] = {
    {"english", 0}, {"anglais", 0}, {"ingles", 0}, {"английский", 0},
    {"英文", 0}, {"英语", 0}, {"الانكليزية", 0},
    {"الإنكليزية", 0}, {"الإنجليزية", 0}, {"الانجليزية", 0}, {"eng", 0},
    {"french", 1}, {"francais", 1}, {"frances", 1}, {"французский", 1},
    {"法文", 1}, {"法语", 1}, {"الفرنسية", 1}, {"fra", 1}, {"fre", 1},
    {"spanish", 2}, {"espagnol", 2}, {"espanol", 2}, {"испанский", 2},
    {"西班牙文", 2}, {"西班牙语", 2}, {"الإسبانية", 2}, {"الاسبانية", 2},
    {"spa", 2},
    {"russian", 3}, {"russe", 3}, {"ruso", 3}, {"русский", 3}, {"俄文", 3},
    {"俄语", 3}, {"الروسية", 3}, {"rus", 3},
    {"chinese", 4}, {"chinois", 4}, {"chino", 4}, {"китайский", 4}, {"中文", 4},
    {"汉语", 4}, {"الصينية", 4}, {"zho", 4}, {"chi", 4},
    {"arabic", 5}, {"arabe", 5}, {"арабский", 5}, {"阿拉伯文", 5},
    {"阿拉伯语", 5}, {"العربية", 5}, {"ara", 5},
};

int folio_lang_index(const char *name)
{
    if (!name)
        return -1;
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
        return -1;
    char *folded = folio_text_fold(name, n);
    if (!folded)
        return -1;
    char buf[4 * 64 + 1];
    size_t o = strlen(folded);
    if (o >= sizeof buf)
        o = sizeof buf - 1;
    memcpy(buf, folded, o);
    buf[o] = 0;
    free(folded);
    const char *s = buf;
    /* Arabic writes "بالإنكليزية" ("in English") after "الأصل:" */
    static const char arabic_bi[] = "\xD8\xA8"; /* ب */
    if (o > 4 && memcmp(s, arabic_bi, 2) == 0 && memcmp(s + 2, "\xD8\xA7\xD9\x84", 4) == 0)
        s += 2;
    for (int i = 0; i < 6; i++)
        if (strcmp(s, codes[i]) == 0)
            return i;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(s, names[i].name) == 0)
            return names[i].lang;
    /* "Русский язык", "English language": the name and the word language */
    static const char *const suffixes[] = {" язык", " language", " idioma", " langue"};
    for (size_t k = 0; k < sizeof suffixes / sizeof suffixes[0]; k++) {
        size_t sl = strlen(suffixes[k]), len = strlen(s);
        if (len > sl && strcmp(s + len - sl, suffixes[k]) == 0) {
            char tmp[sizeof buf];
            memcpy(tmp, s, len - sl);
            tmp[len - sl] = 0;
            for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
                if (strcmp(tmp, names[i].name) == 0)
                    return names[i].lang;
        }
    }
    return -1;
}

const char *folio_lang_code(int index)
{
    return index >= 0 && index < 6 ? codes[index] : NULL;
}
