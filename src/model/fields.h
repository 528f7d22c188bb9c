/* The masthead's fields by name (internal). */
#ifndef FOLIO_MODEL_FIELDS_H
#define FOLIO_MODEL_FIELDS_H

#include "model/model.h"

/* The string slot of a field in `m`; NULL for the distribution. */
const char **folio_meta_field(folio_meta *m, folio_field field);
/* FOLIO_DISTR_* of "general", "limited", "restricted"; -1 otherwise. */
int folio_distribution_of(const char *name);

#endif
