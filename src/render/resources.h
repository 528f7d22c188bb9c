/* The resources' structure (internal): what folio_render shares between
 * documents and threads. */
#ifndef FOLIO_RENDER_RESOURCES_H
#define FOLIO_RENDER_RESOURCES_H

#include "folio/render.h"
#include "house/house.h"
#include "layout/fonts.h"

struct folio_resources {
    folio_fonts *fonts;         /* loaded and measured, read-only */
    const folio_house *house;   /* the house in use: own, given or default */
    folio_house *own_house;     /* loaded from style_path, freed with these */
};

#endif
