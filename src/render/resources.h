/* The resources' structure (internal): what folio_render shares between
 * documents and threads. */
#ifndef FOLIO_RENDER_RESOURCES_H
#define FOLIO_RENDER_RESOURCES_H

#include "folio/render.h"
#include "layout/fonts.h"

struct folio_resources {
    folio_fonts *fonts;      /* loaded and measured, read-only */
    char *style_path;        /* house style file; NULL: the built-in */
};

#endif
