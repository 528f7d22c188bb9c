/* Version checks of option structs, and the library's version. */
#include "util/version.h"

int folio_check_version(folio_ctx *ctx, unsigned version, unsigned latest,
                        const char *what)
{
    if (version >= 1 && version <= latest)
        return 0;
    return folio_error(ctx, FOLIO_E_USAGE, (folio_pos){0, 0},
                       "%s of version %u: this folio (%s) knows versions 1 to %u "
                       "(initialize them with their _INIT macro or _init function)",
                       what, version, FOLIO_VERSION, latest);
}

const char *folio_version(int *major, int *minor, int *patch)
{
    if (major)
        *major = FOLIO_VERSION_MAJOR;
    if (minor)
        *minor = FOLIO_VERSION_MINOR;
    if (patch)
        *patch = FOLIO_VERSION_PATCH;
    return FOLIO_VERSION;
}
