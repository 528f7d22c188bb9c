/* Akoma Ntoso attachments: the document's annexes (akn_attach.c). */
#ifndef FOLIO_READ_AKN_ATTACH_H
#define FOLIO_READ_AKN_ATTACH_H

#include "read/akn_internal.h"

/* The <attachments> of the document, or of an annex (`nested`): each
 * <attachment>'s document an annex — of the document (FOLIO_BLOCK_ANNEX,
 * which runs to the next one), or inside an annex the annex's own (a
 * part). Text between them (<interstitial>) is read as body text. */
int folio_akn_attachments(akn *a, xmlNodePtr atts, int depth, int nested, akn_blocks *out);
/* One document read as an annex: its label (<docNumber>), "[Original:
 * …]" and title (<docTitle>) from its coverPage and preface, then its
 * body. */
int folio_akn_annex_doc(akn *a, xmlNodePtr doc, int depth, int nested, akn_blocks *out);

#endif
