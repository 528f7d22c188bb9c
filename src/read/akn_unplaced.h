/* Notes referred to where the model keeps no mark (akn_unplaced.c). */
#ifndef FOLIO_READ_AKN_UNPLACED_H
#define FOLIO_READ_AKN_UNPLACED_H

#include "read/akn_internal.h"

/* Warn at each note the input refers to that no block, table cell, note
 * or masthead field of the model refers to (the body's blocks given). */
int folio_akn_unplaced_notes(akn *a, const folio_block *body, size_t nbody);

#endif
