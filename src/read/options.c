/* The readers' versioned options: their defaults. */
#include "folio/read.h"

int folio_read_options_init(folio_read_options *o, unsigned version)
{
    static const folio_read_options init = FOLIO_READ_OPTIONS_INIT;
    if (!o || version < 1 || version > FOLIO_READ_OPTIONS_VERSION)
        return FOLIO_E_USAGE;
    *o = init;
    o->version = version;
    return 0;
}
