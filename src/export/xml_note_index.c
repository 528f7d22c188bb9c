/* The notes of a report sorted by address, searched by halving. */
#include <stdint.h>
#include <stdlib.h>

#include "export/xml_note_index.h"
#include "util/mem.h"

static int by_address(const void *a, const void *b)
{
    uintptr_t p = (uintptr_t)((const struct xml_note_at *)a)->note;
    uintptr_t q = (uintptr_t)((const struct xml_note_at *)b)->note;
    return (p > q) - (p < q);
}

int folio_xml_note_index_init(xml_note_index *ix, const folio_report *r)
{
    ix->n = r->nnotes;
    ix->v = folio_calloc(ix->n ? ix->n : 1, sizeof *ix->v);
    if (!ix->v)
        return FOLIO_E_NOMEM;
    for (size_t i = 0; i < ix->n; i++) {
        ix->v[i].note = r->notes[i];
        ix->v[i].i = i;
    }
    qsort(ix->v, ix->n, sizeof *ix->v, by_address);
    return 0;
}

long folio_xml_note_index_find(const xml_note_index *ix, const folio_note *n)
{
    size_t lo = 0, hi = ix->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const folio_note *m = ix->v[mid].note;
        if (m == n)
            return (long)ix->v[mid].i;
        if ((uintptr_t)m < (uintptr_t)n)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

void folio_xml_note_index_free(xml_note_index *ix)
{
    free(ix->v);
    ix->v = NULL;
    ix->n = 0;
}
