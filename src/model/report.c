/* The report model's lifetime: one arena owns the whole tree. */
#include <stdlib.h>

#include "model/model.h"

int folio_report_new(folio_ctx *ctx, const char *source, folio_report **out)
{
    folio_arena *a = folio_arena_new();
    folio_report *r = a ? folio_alloc(a, sizeof *r) : NULL;
    *out = NULL;
    if (!r || !(r->source = folio_strdup(a, source ? source : "<input>"))) {
        folio_arena_free(a);
        return folio_error(ctx, FOLIO_E_NOMEM, (folio_pos){0, 0}, "out of memory");
    }
    r->arena = a;
    r->meta.distribution = FOLIO_DISTR_GENERAL;
    *out = r;
    return 0;
}

void folio_report_free(folio_report *r)
{
    if (r)
        folio_arena_free(r->arena); /* r itself lives in the arena */
}
