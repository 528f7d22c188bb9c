/* folio_render's versioned options: their defaults, and the check of the
 * metadata they override against the house style in use. */
#include "render/render_internal.h"

int folio_render_options_init(folio_render_options *o, unsigned version)
{
    static const folio_render_options init = FOLIO_RENDER_OPTIONS_INIT;
    if (!o || version < 1 || version > FOLIO_RENDER_OPTIONS_VERSION)
        return FOLIO_E_USAGE;
    *o = init;
    o->version = version;
    return 0;
}

int folio_render_check_options(folio_ctx *ctx, const folio_render_options *o,
                               const folio_house *house)
{
    const struct {
        folio_field field;
        const char *name, *value;
    } overrides[] = {{FOLIO_FIELD_STATION, "station", o->station},
                     {FOLIO_FIELD_LANGUAGE, "language", o->language},
                     {FOLIO_FIELD_DATE, "date", o->date}};
    for (size_t i = 0; i < sizeof overrides / sizeof overrides[0]; i++) {
        const char *v = overrides[i].value;
        char buf[512];
        const char *why = v ? folio_field_problem(house, overrides[i].field, v, buf, sizeof buf)
                            : NULL;
        if (why)
            return folio_error(ctx, FOLIO_E_USAGE, (folio_pos){0, 0},
                               "folio_render: the %s \"%s\": %s", overrides[i].name, v, why);
    }
    return 0;
}
