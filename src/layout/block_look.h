/* What a block is, for the page builder (block_look.c). */
#ifndef FOLIO_LAYOUT_BLOCK_LOOK_H
#define FOLIO_LAYOUT_BLOCK_LOOK_H

#include "layout/layout_internal.h"

/* A heading by its look: a paragraph or item of at most three lines whose
 * text is all bold or all italic and does not end a sentence ("(a)
 * Lettered sub-subheading"). */
int folio_look_heading(const folio_fblock *fb, const vblock *b);
/* Text ending in a colon: the lead-in of what follows ("The Council
 * decided:"). */
int folio_look_lead_in(const folio_fblock *fb);
/* An item of a list (a subparagraph, a bullet). */
int folio_look_item(const folio_fblock *fb);
/* The fewest lines the block may start a page's foot with, as the page
 * builder breaks it; `keep`: it keeps with the next block. */
size_t folio_first_lines(const vblock *b, int keep);

#endif
