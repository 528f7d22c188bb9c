/* The resources' structure (internal): what folio_render shares between
 * documents and threads. */
#ifndef FOLIO_RENDER_RESOURCES_H
#define FOLIO_RENDER_RESOURCES_H

#include <pthread.h>
#include <stdint.h>

#include "folio/render.h"
#include "house/house.h"
#include "layout/fonts.h"

struct folio_resources {
    folio_fonts *fonts;         /* loaded and measured, read-only */
    const folio_house *house;   /* the house in use: own, given or default */
    folio_house *own_house;     /* loaded from style_path, freed with these */
    pthread_mutex_t lock;       /* guards the fingerprint, made on first use */
    int have_fingerprint;
    uint64_t fingerprint;
};

#endif
