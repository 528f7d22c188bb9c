/* The masthead of an Akoma Ntoso document (akn_meta.c). */
#ifndef FOLIO_READ_AKN_MAST_H
#define FOLIO_READ_AKN_MAST_H

#include "read/akn_internal.h"

/* The masthead from a <coverPage> (`cover`) or <preface>: its fields and
 * lines into folio_meta; what is no masthead line (a <toc>, a summary, a
 * table) appended to `out`, the start of the body. */
int folio_akn_masthead(akn *a, xmlNodePtr n, int depth, int cover, akn_blocks *out);
/* What <meta> holds for folio: station, job number, language. */
int folio_akn_meta(akn *a, xmlNodePtr meta);

#endif
