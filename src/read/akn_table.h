/* Akoma Ntoso tables into the model's table blocks (akn_table.c). */
#ifndef FOLIO_READ_AKN_TABLE_H
#define FOLIO_READ_AKN_TABLE_H

#include "read/akn_internal.h"

/* A <table>: its <caption> as a title paragraph over it, then the table
 * block; text it holds outside its rows and cells, a paragraph under it
 * (with a warning). */
int folio_akn_table(akn *a, xmlNodePtr t, int depth, akn_blocks *out);
/* The runs of n's content with its blocks one a line: a table cell's, a
 * caption's. */
int folio_akn_flat_runs(akn *a, xmlNodePtr n, int depth, akn_runs *out);

#endif
