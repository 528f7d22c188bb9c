/* Finding a note's place in the report's list by its address, for the XML
 * writers (report XML and AKN): a sorted index, so a report of 50,000
 * notes is not searched 50,000 times over. */
#ifndef FOLIO_XML_NOTE_INDEX_H
#define FOLIO_XML_NOTE_INDEX_H

#include "model/model.h"

typedef struct xml_note_index {
    struct xml_note_at {
        const folio_note *note;
        size_t i;              /* its index in report->notes */
    } *v;
    size_t n;
} xml_note_index;

/* Index the report's notes; FOLIO_E_NOMEM on failure. */
int folio_xml_note_index_init(xml_note_index *ix, const folio_report *r);
/* The index of `n` in the report's notes, -1 when it is not listed. */
long folio_xml_note_index_find(const xml_note_index *ix, const folio_note *n);
void folio_xml_note_index_free(xml_note_index *ix);

#endif
