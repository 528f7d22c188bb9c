/* What an Akoma Ntoso <num> and a class say about a block (akn_label.c):
 * its label and the label's kind, its role, the part a named container
 * opens. */
#ifndef FOLIO_READ_AKN_LABEL_H
#define FOLIO_READ_AKN_LABEL_H

#include "read/akn_internal.h"

typedef struct akn_label {
    const char *text;        /* folded and trimmed, NULL when empty */
    folio_label_kind kind;
    int said;                /* a "label-KIND" class said the kind */
} akn_label;

/* A <num>'s label: its kind from a "label-KIND" class (the writer's, when
 * the text alone would mislead) or from the text, `hint` deciding a single
 * letter that could be a Roman numeral. */
int folio_akn_label(akn *a, xmlNodePtr num, folio_label_kind hint, akn_label *out);
/* The role a class names ("preamble", "operative", "title" ...: the
 * writer's), TEXT when none. */
folio_role folio_akn_role(xmlNodePtr n);
/* The part a container's name or class opens ("resolution", "summary",
 * "contents", "annex", "list"), FOLIO_PART_NONE when none. */
folio_part_kind folio_akn_part(xmlNodePtr n);
/* The first child element of n named `name`, or NULL. */
xmlNodePtr folio_akn_child(akn *a, xmlNodePtr n, const char *name);

#endif
