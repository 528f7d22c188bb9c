/* Finding an installed font by the name the house style gives it, through
 * fontconfig. fontconfig always answers with its best substitute, so the
 * answer is kept only when the font really has that name: a full name
 * ("Noto Naskh Arabic Bold") is listed exactly; a family ("AR PL UMing CN")
 * is matched for its regular face, and the match must carry the family.
 * Among several files of one name the first by path and index is taken,
 * so the choice does not depend on the order of fontconfig's cache. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <fontconfig/fontconfig.h>

#include "layout/fonts.h"
#include "util/mem.h"

/* The first font of `set` by path and index that is a TrueType file. */
static int first_of(FcFontSet *set, char **path, int *index)
{
    const char *best = NULL;
    int best_index = 0;
    for (int i = 0; set && i < set->nfont; i++) {
        FcChar8 *file = NULL, *fmt = NULL;
        int idx = 0;
        if (FcPatternGetString(set->fonts[i], FC_FILE, 0, &file) != FcResultMatch)
            continue;
        FcPatternGetInteger(set->fonts[i], FC_INDEX, 0, &idx);
        /* libharu embeds TrueType outlines only */
        if (FcPatternGetString(set->fonts[i], FC_FONTFORMAT, 0, &fmt) == FcResultMatch &&
            strcmp((const char *)fmt, "TrueType"))
            continue;
        int c = best ? strcmp((const char *)file, best) : -1;
        if (c < 0 || (c == 0 && idx < best_index)) {
            best = (const char *)file;
            best_index = idx;
        }
    }
    if (!best)
        return 1;
    if (!(*path = folio_mem_strdup(best)))
        return FOLIO_E_NOMEM;
    *index = best_index;
    return 0;
}

/* Fonts whose `object` (FC_FULLNAME or FC_FAMILY) is `name`, with the
 * given weight (or any when < 0). */
static int list_by(FcConfig *cfg, const char *object, const char *name, int weight,
                   char **path, int *index)
{
    FcPattern *p = FcPatternCreate();
    FcObjectSet *os = FcObjectSetBuild(FC_FILE, FC_INDEX, FC_FONTFORMAT, (char *)0);
    int rc = FOLIO_E_NOMEM;
    if (p && os && FcPatternAddString(p, object, (const FcChar8 *)name) &&
        (weight < 0 || FcPatternAddInteger(p, FC_WEIGHT, weight))) {
        FcFontSet *set = FcFontList(cfg, p, os);
        rc = first_of(set, path, index);
        if (set)
            FcFontSetDestroy(set);
    }
    if (os)
        FcObjectSetDestroy(os);
    if (p)
        FcPatternDestroy(p);
    return rc;
}

int folio_fc_lookup(const char *name, char **path, int *index)
{
    static const int weights[] = {FC_WEIGHT_REGULAR, FC_WEIGHT_BOOK, FC_WEIGHT_MEDIUM,
                                  FC_WEIGHT_LIGHT};
    *path = NULL;
    /* a configuration of folio's own for the one lookup (the fonts keep
     * what it finds): a caller's use of fontconfig is left alone, and
     * nothing of fontconfig's lives on between documents */
    FcConfig *cfg = FcInitLoadConfigAndFonts();
    if (!cfg)
        return 1;
    int rc = list_by(cfg, FC_FULLNAME, name, -1, path, index);
    /* A family: its regular face, or the one the family has (AR PL UMing
     * is Light only). */
    for (size_t i = 0; rc == 1 && i < sizeof weights / sizeof weights[0]; i++)
        rc = list_by(cfg, FC_FAMILY, name, weights[i], path, index);
    if (rc == 1)
        rc = list_by(cfg, FC_FAMILY, name, -1, path, index);
    FcConfigDestroy(cfg);
    return rc;
}
