/* Notes: numbered in order of first reference (the "*" marks of the title
 * and agenda item kept), each set in the note style; and, for reports that
 * close with a "Notes" heading, listed there as endnotes. */
#include <stdlib.h>
#include <string.h>

#include "style/style_internal.h"
#include "util/mem.h"
#include "util/vec.h"

/* Notes: numbered in order of first reference; fixed marks kept. Notes
 * first referenced in a table are lettered a, b, c, restarting with each
 * table, and set under it (un-format.md §4.6). */
typedef struct note_state {
    int next;
    size_t cap;
    int letter;          /* last letter given in the current table */
    size_t table;        /* 1 + index of the table being read, 0 outside */
    size_t list_end;     /* reading a list: 1 + index of its last item */
    size_t *table_of;    /* per note: 1 + index of its table, 0 for none */
    size_t table_cap;
} note_state;

static int add_note(folio_flow *f, const styles *s, const folio_note *n,
                    note_state *ns)
{
    for (size_t i = 0; i < f->nnotes; i++)
        if (f->notes[i].note == n)
            return 0;
    if (FOLIO_ARENA_VEC_ROOM(f->arena, f->notes, f->nnotes, ns->cap, 64))
        return FOLIO_E_NOMEM;
    if (FOLIO_VEC_ROOM(ns->table_of, f->nnotes, ns->table_cap, 64))
        return FOLIO_E_NOMEM;
    /* Notes of a table go under it: lettered ones, and "*" ones too (as
     * the official sets them, in small type); a "*" note of a list goes
     * under the list. */
    int in_table = ns->table || (ns->list_end && n->mark);
    ns->table_of[f->nnotes] = ns->table ? ns->table : in_table ? ns->list_end : 0;
    folio_fnote *fn = &f->notes[f->nnotes++];
    memset(fn, 0, sizeof *fn);
    fn->note = n;
    fn->endnote = in_table; /* its text is in the flow, under the table */
    fn->mark = n->mark ? n->mark
               : ns->table ? folio_style_letter(f->arena, ++ns->letter, 0)
                          : folio_sprintf(f->arena, "%d", ++ns->next);
    fn->blocks = folio_alloc(f->arena, (n->nblocks ? n->nblocks : 1) * sizeof *fn->blocks);
    if (!fn->blocks || !fn->mark)
        return FOLIO_E_NOMEM;
    for (size_t i = 0; i < n->nblocks; i++) {
        const folio_block *b = &n->blocks[i];
        folio_fblock *fb = &fn->blocks[fn->nblocks++];
        fb->src = b;
        fb->runs = b->runs;
        fb->nruns = b->nruns;
        if (b->kind == FOLIO_BLOCK_TABLE) {
            fb->kind = FOLIO_FLOW_TABLE;
            fb->style = s->note;
            fb->cell_style = s->note;
            fb->head_style = s->note;
            fb->table = b->table;
        } else {
            fb->kind = FOLIO_FLOW_PARA;
            fb->style = s->note;
            if (b->kind == FOLIO_BLOCK_ITEM && b->label)
                fb->label = b->label;
        }
    }
    return 0;
}

static int notes_in_runs(folio_flow *f, const styles *s, const folio_run *r,
                         size_t n, note_state *ns)
{
    for (size_t i = 0; i < n; i++)
        if (r[i].kind == FOLIO_RUN_NOTE_REF && r[i].note) {
            int rc = add_note(f, s, r[i].note, ns);
            if (rc)
                return rc;
        }
    return 0;
}

/* Put each table's notes right after it, in the table-note style. */
static int place_table_notes(folio_flow *f, const styles *s, const size_t *table_of,
                             size_t *cap)
{
    size_t extra = 0;
    for (size_t i = 0; i < f->nnotes; i++)
        if (table_of[i])
            extra += f->notes[i].nblocks;
    if (!extra)
        return 0;
    folio_fblock *old = f->blocks;
    size_t n = f->nblocks;
    f->blocks = NULL;
    f->nblocks = *cap = 0;
    for (size_t b = 0; b < n; b++) {
        folio_fblock *fb = folio_style_push(f, cap);
        if (!fb)
            return FOLIO_E_NOMEM;
        *fb = old[b];
        size_t table_at = f->nblocks - 1; /* folio_style_push may move the array */
        int first = 1;
        for (size_t i = 0; i < f->nnotes; i++) {
            if (table_of[i] != b + 1)
                continue;
            int table = old[b].kind == FOLIO_FLOW_TABLE;
            f->blocks[table_at].notes_follow = table;
            const folio_fnote *fn = &f->notes[i];
            for (size_t k = 0; k < fn->nblocks; k++) {
                folio_fblock *nb = folio_style_push(f, cap);
                if (!nb)
                    return FOLIO_E_NOMEM;
                *nb = fn->blocks[k];
                nb->in_annex = old[b].in_annex;
                if (nb->kind == FOLIO_FLOW_PARA) {
                    nb->style = s->table_note;
                    nb->label = k == 0 ? fn->mark : NULL;
                    /* under a list, a short rule over the notes */
                    nb->rule_above = !table && first && k == 0;
                }
                first = 0;
            }
        }
    }
    return 0;
}

int folio_style_number_notes(folio_flow *f, const styles *s, int restart_in_annex, size_t *cap)
{
    note_state ns = {0};
    int annex = 0;
    const folio_meta *m = &f->report->meta;
    int rc = 0;
    /* Masthead notes come first: they sit on page 1 above the others. */
    if (m->agenda_note && (rc = add_note(f, s, m->agenda_note, &ns)))
        goto done;
    if (m->title_note && (rc = add_note(f, s, m->title_note, &ns)))
        goto done;
    for (size_t i = 0; i < f->nblocks; i++) {
        const folio_fblock *b = &f->blocks[i];
        if (restart_in_annex && b->in_annex != annex) {
            annex = b->in_annex; /* each annex numbers its notes from 1 */
            ns.next = 0;
        }
        /* an item: the list runs to the last item after it */
        ns.list_end = 0;
        if (b->src && b->src->kind == FOLIO_BLOCK_ITEM && !b->toc_entry) {
            size_t k = i;
            while (k + 1 < f->nblocks && f->blocks[k + 1].src &&
                   f->blocks[k + 1].src->kind == FOLIO_BLOCK_ITEM)
                k++;
            ns.list_end = k + 1;
        }
        if ((rc = notes_in_runs(f, s, b->runs, b->nruns, &ns)))
            goto done;
        if (!b->table)
            continue;
        ns.table = i + 1;
        ns.letter = 0;
        for (size_t k = 0; k < b->table->nrows * b->table->ncols; k++)
            if ((rc = notes_in_runs(f, s, b->table->cells[k].runs,
                                    b->table->cells[k].nruns, &ns)))
                goto done;
        ns.table = 0;
    }
    /* Notes referenced only from other notes. */
    for (size_t i = 0; i < f->nnotes; i++)
        for (size_t k = 0; k < f->notes[i].nblocks; k++)
            if ((rc = notes_in_runs(f, s, f->notes[i].blocks[k].runs,
                                    f->notes[i].blocks[k].nruns, &ns)))
                goto done;
    if (f->nnotes && (rc = place_table_notes(f, s, ns.table_of, cap)))
        goto done;
    f->note_index = folio_alloc(f->arena, (f->nnotes + 1) * sizeof *f->note_index);
    if (!f->note_index) {
        rc = FOLIO_E_NOMEM;
        goto done;
    }
    for (size_t i = 0; i < f->nnotes; i++)
        f->note_index[i] = &f->notes[i];
done:
    free(ns.table_of);
    return rc;
}

/* Is the report's last block a heading such as "Notes"? Then numbered
 * notes are endnotes listed under it, as the UPR summaries print them. */
int folio_style_ends_with_notes_heading(const folio_report *r, const folio_house *h)
{
    const char *words = folio_house_get(h, "document", "endnotes-heading");
    if (!words || !r->nblocks)
        return 0;
    const folio_block *b = &r->blocks[r->nblocks - 1];
    if (b->kind != FOLIO_BLOCK_HEADING || b->label_kind != FOLIO_LABEL_NONE || b->nruns != 1 ||
        !b->runs[0].text)
        return 0;
    const char *t = b->runs[0].text;
    size_t n = strlen(t);
    for (const char *w = words; *w;) {
        size_t k = strcspn(w, "|");
        if (k == n && !strncmp(w, t, n))
            return 1;
        w += k + (w[k] == '|');
    }
    return 0;
}

/* Move the numbered notes into the flow as a list after the last block. */
int folio_style_list_endnotes(folio_flow *f, const folio_pstyle *st, size_t *cap)
{
    for (size_t i = 0; i < f->nnotes; i++) {
        folio_fnote *fn = &f->notes[i];
        if (fn->note->mark || fn->endnote)
            continue; /* "*" notes stay at the foot of page 1; table notes
                         stay under their table */
        fn->endnote = fn->closing = 1;
        for (size_t k = 0; k < fn->nblocks; k++) {
            folio_fblock *fb = folio_style_push(f, cap);
            if (!fb)
                return FOLIO_E_NOMEM;
            *fb = fn->blocks[k];
            if (fb->kind == FOLIO_FLOW_PARA) {
                fb->style = st;
                fb->label = k == 0 ? fn->mark : NULL;
            }
        }
    }
    return 0;
}

int folio_style_by_note_ptr(const void *a, const void *b)
{
    const folio_note *x = (*(const folio_fnote *const *)a)->note;
    const folio_note *y = (*(const folio_fnote *const *)b)->note;
    return x < y ? -1 : x > y;
}

const folio_fnote *folio_flow_note(const folio_flow *f, const folio_note *n)
{
    size_t lo = 0, hi = f->nnotes;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const folio_note *m = f->note_index[mid]->note;
        if (m == n)
            return f->note_index[mid];
        if (m < n)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}
