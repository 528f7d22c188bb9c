/* footnotes.xml and endnotes.xml: each note referenced from the text
 * becomes a note of the report when its first reference is met, in the
 * order of the references; its paragraphs keep their runs, without the
 * mark and the tab that open the first one. A note with a custom mark
 * ("*") keeps that mark. Separators are the writer's. */
#include <stdio.h>
#include <string.h>

#include "read/docx_internal.h"
#include "util/vec.h"

static int index_part(dxr *r, xmlDocPtr doc, dxr_notes_part *np)
{
    folio_arena *a = r->rep->arena;
    xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
    size_t n = 0;
    for (xmlNodePtr c = root ? root->children : NULL; c; c = c->next)
        n += folio_dxr_is(c, "footnote") || folio_dxr_is(c, "endnote");
    np->v = folio_alloc(a, (n ? n : 1) * sizeof *np->v);
    np->ids = folio_alloc(a, (n ? n : 1) * sizeof *np->ids);
    np->made = folio_alloc(a, (n ? n : 1) * sizeof *np->made);
    if (!np->v || !np->ids || !np->made)
        return FOLIO_E_NOMEM;
    for (xmlNodePtr c = root ? root->children : NULL; c; c = c->next) {
        if (!folio_dxr_is(c, "footnote") && !folio_dxr_is(c, "endnote"))
            continue;
        const char *type = folio_dxr_attr(a, c, "type");
        if (type && strcmp(type, "normal"))
            continue; /* separators */
        np->v[np->n] = c;
        np->ids[np->n] = folio_dxr_attr(a, c, "id");
        np->n++;
    }
    return 0;
}

int folio_dxr_notes_index(dxr *r, xmlDocPtr foot, xmlDocPtr end)
{
    int rc = index_part(r, foot, &r->foot);
    return rc ? rc : index_part(r, end, &r->end);
}

/* Drop the leading tab (after the mark) of a note's first paragraph. */
static void drop_lead(folio_run *runs, size_t n)
{
    if (!n || runs[0].kind != FOLIO_RUN_TEXT || !runs[0].text)
        return;
    const char *t = runs[0].text;
    while (*t == '\t' || *t == ' ')
        t++;
    runs[0].text = t;
}

static int add_note(dxr *r, folio_note *note)
{
    folio_report *rep = r->rep;
    if (FOLIO_ARENA_VEC_ROOM(rep->arena, rep->notes, rep->nnotes, rep->notes_cap, 16))
        return FOLIO_E_NOMEM;
    rep->notes[rep->nnotes++] = note;
    return 0;
}

static int make(dxr *r, dxr_notes_part *np, size_t i, int endnote, folio_note **out)
{
    folio_arena *a = r->rep->arena;
    folio_note *note = folio_alloc(a, sizeof *note);
    if (!note)
        return FOLIO_E_NOMEM;
    np->made[i] = note;
    note->id = folio_sprintf(a, "%s%s", endnote ? "e" : "f", np->ids[i] ? np->ids[i] : "");
    note->pos = folio_dxr_pos(np->v[i]);
    int rc = add_note(r, note);
    if (rc || !note->id)
        return rc ? rc : FOLIO_E_NOMEM;
    size_t cap = 0;
    for (xmlNodePtr p = np->v[i]->children; p; p = p->next) {
        if (!folio_dxr_is(p, "p"))
            continue;
        if (FOLIO_ARENA_VEC_ROOM(a, note->blocks, note->nblocks, cap, 2))
            return FOLIO_E_NOMEM;
        folio_block *b = &note->blocks[note->nblocks];
        memset(b, 0, sizeof *b);
        b->kind = FOLIO_BLOCK_PARAGRAPH;
        b->pos = folio_dxr_pos(p);
        if ((rc = folio_dxr_runs(r, p, 1, &b->runs, &b->nruns, NULL)))
            return rc;
        if (!note->nblocks)
            drop_lead(b->runs, b->nruns);
        note->nblocks++;
    }
    *out = note;
    return 0;
}

int folio_dxr_note(dxr *r, int endnote, const char *id, folio_note **out)
{
    dxr_notes_part *np = endnote ? &r->end : &r->foot;
    *out = NULL;
    for (size_t i = 0; i < np->n; i++) {
        if (!np->ids[i] || strcmp(np->ids[i], id))
            continue;
        if (np->made[i]) { /* a second reference: its mark again */
            *out = np->made[i];
            return 0;
        }
        int rc = make(r, np, i, endnote, out);
        if (!rc)
            (*out)->referenced = 1;
        return rc;
    }
    return 0;
}

int folio_dxr_notes_rest(dxr *r)
{
    for (int e = 0; e < 2; e++) {
        dxr_notes_part *np = e ? &r->end : &r->foot;
        for (size_t i = 0; i < np->n; i++) {
            folio_note *n;
            int rc = np->made[i] ? 0 : make(r, np, i, e, &n);
            if (rc)
                return rc;
        }
    }
    return 0;
}
