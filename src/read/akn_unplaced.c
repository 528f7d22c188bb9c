/* Notes the input refers to from a place the model keeps no note mark
 * for (a masthead line but the title and the agenda item, the subtitle, a
 * second note on the title): nothing would print them, so each gets a
 * warning at the note rather than vanishing without one. */
#include <stdint.h>
#include <stdlib.h>

#include "read/akn_unplaced.h"
#include "util/mem.h"

typedef struct marks {
    uintptr_t *v;
    size_t n, cap;
} marks;

static int add(marks *m, const folio_note *note)
{
    if (m->n == m->cap) {
        size_t cap = m->cap ? 2 * m->cap : 64;
        uintptr_t *v = folio_realloc(m->v, cap * sizeof *v);
        if (!v)
            return FOLIO_E_NOMEM;
        m->v = v;
        m->cap = cap;
    }
    m->v[m->n++] = (uintptr_t)note;
    return 0;
}

static int runs(marks *m, const folio_run *r, size_t n)
{
    int rc = 0;
    for (size_t i = 0; i < n && !rc; i++)
        if (r[i].kind == FOLIO_RUN_NOTE_REF && r[i].note)
            rc = add(m, r[i].note);
    return rc;
}

static int blocks(marks *m, const folio_block *b, size_t n)
{
    int rc = 0;
    for (size_t i = 0; i < n && !rc; i++) {
        rc = runs(m, b[i].runs, b[i].nruns);
        const folio_table *t = b[i].table;
        for (size_t k = 0; t && !rc && k < t->nrows * t->ncols; k++)
            rc = runs(m, t->cells[k].runs, t->cells[k].nruns);
    }
    return rc;
}

static int cmp(const void *x, const void *y)
{
    uintptr_t p = *(const uintptr_t *)x, q = *(const uintptr_t *)y;
    return (p > q) - (p < q);
}

int folio_akn_unplaced_notes(akn *a, const folio_block *body, size_t nbody)
{
    const folio_meta *meta = &a->rep->meta;
    marks m = {0};
    int rc = blocks(&m, body, nbody);
    for (size_t i = 0; i < a->nnotes && !rc; i++)
        if (a->notes[i].note)
            rc = blocks(&m, a->notes[i].note->blocks, a->notes[i].note->nblocks);
    if (!rc && meta->title_note)
        rc = add(&m, meta->title_note);
    if (!rc && meta->agenda_note)
        rc = add(&m, meta->agenda_note);
    if (!rc) {
        if (m.n) /* qsort and bsearch want a base, even for nothing */
            qsort(m.v, m.n, sizeof *m.v, cmp);
        for (size_t i = 0; i < a->nnotes; i++) {
            const folio_note *note = a->notes[i].note;
            uintptr_t key = (uintptr_t)note;
            if (note && note->referenced && !(m.n && bsearch(&key, m.v, m.n, sizeof *m.v, cmp)))
                folio_akn_warn(a, a->notes[i].node,
                               "akn: this note is referred to where folio keeps no note mark "
                               "(a masthead line other than the title and the agenda item, "
                               "or a second note there); its text is not printed");
        }
    }
    free(m.v);
    return rc;
}
