/* The default house: the built-in style (or $FOLIO_DATADIR's), loaded by
 * the first caller that needs it and shared by every later one. */
#include <pthread.h>

#include "house/house.h"

/* Loaded on first use and kept; a load that fails (out of memory, a bad
 * file under $FOLIO_DATADIR) is tried again by the next caller rather than
 * spoiling the process for good. */
static pthread_mutex_t default_lock = PTHREAD_MUTEX_INITIALIZER;
static folio_house *default_house;

int folio_house_default(folio_ctx *ctx, const folio_house **out)
{
    int rc = 0;
    pthread_mutex_lock(&default_lock);
    if (!default_house)
        rc = folio_house_load(ctx, NULL, &default_house);
    *out = default_house;
    pthread_mutex_unlock(&default_lock);
    return rc;
}

int folio_house_or_default(folio_ctx *ctx, const folio_house *h, const folio_house **out)
{
    if (h) {
        *out = h;
        return 0;
    }
    return folio_house_default(ctx, out);
}
