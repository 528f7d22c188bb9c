/* folio — parts of the UN emblem shared inside src/art/. */
#ifndef FOLIO_ART_EMBLEM_H
#define FOLIO_ART_EMBLEM_H

#include "art/art_build.h"

/* The land masses as filled paths: an azimuthal equidistant projection
 * centred on the North Pole at (cx, cy), latitude 60 S on the circle of
 * radius r, the Greenwich meridian pointing down. */
void folio_emblem_land(folio_artb *b, float cx, float cy, float r);

#endif
