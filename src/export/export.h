/* The model writers, for callers inside the library that hold a house
 * style (the public entry points of include/folio/report.h use the
 * default house). */
#ifndef FOLIO_EXPORT_H
#define FOLIO_EXPORT_H

#include "house/house.h"
#include "model/model.h"

/* folio_report_akn with the language names and masthead labels of `h`
 * (NULL: the default house). */
int folio_report_akn_house(folio_ctx *ctx, const folio_house *h, const folio_report *r,
                           char **out, size_t *len);

#endif
