/* The report model's lifetime: one arena owns the whole tree. */
#include <stdlib.h>

#include "model/model.h"

folio_report *folio_report_new(const char *source)
{
    folio_arena *a = folio_arena_new();
    if (!a)
        return NULL;
    folio_report *r = folio_alloc(a, sizeof *r);
    if (!r) {
        folio_arena_free(a);
        return NULL;
    }
    r->arena = a;
    r->source = folio_strdup(a, source ? source : "<input>");
    r->meta.distribution = FOLIO_DISTR_GENERAL;
    return r;
}

void folio_report_free(folio_report *r)
{
    if (r)
        folio_arena_free(r->arena); /* r itself lives in the arena */
}
