/* Language codes for callers without a house style at hand: the languages
 * of the default house (house/house.h), whose files say everything about
 * each (codes, names in every language). */
#include "house/house.h"

int folio_lang_index(const char *name)
{
    const folio_house *h;
    int rc = folio_house_default(NULL, &h); /* a failure is said by the -1 */
    return rc ? -1 : folio_house_lang_index(h, folio_house_lang(h, name));
}

const char *folio_lang_code(int index)
{
    const folio_house *h;
    int rc = folio_house_default(NULL, &h); /* a failure is said by the -1 */
    return !rc && index >= 0 && (size_t)index < h->nlangs ? h->langs[index] : NULL;
}
