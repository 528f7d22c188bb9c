/* footnotes.xml and endnotes.xml: each note referenced from the text
 * becomes a note of the report when its first reference is met, in the
 * order of the references; its paragraphs keep their runs, without the
 * mark and the tab that open the first one. A note with a custom mark
 * ("*") keeps that mark. Separators are the writer's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read/docx_internal.h"
#include "util/vec.h"

/* qsort has no argument for the part whose ids it compares: the reader
 * sorts one part at a time, on one thread (the pointer is the thread's) */
static _Thread_local const dxr_notes_part *sorting;

static int by_note_id(const void *a, const void *b)
{
    return strcmp(sorting->ids[*(const size_t *)a], sorting->ids[*(const size_t *)b]);
}

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
        if (!np->ids[np->n])
            np->ids[np->n] = "";
        np->n++;
    }
    if (!(np->by_id = folio_alloc(a, (np->n ? np->n : 1) * sizeof *np->by_id)))
        return FOLIO_E_NOMEM;
    for (size_t i = 0; i < np->n; i++)
        np->by_id[i] = i;
    sorting = np;
    qsort(np->by_id, np->n, sizeof *np->by_id, by_note_id);
    sorting = NULL;
    return 0;
}

int folio_dxr_notes_index(dxr *r, xmlDocPtr foot, xmlDocPtr end)
{
    int rc = index_part(r, foot, &r->foot);
    return rc ? rc : index_part(r, end, &r->end);
}

static int no_letter(const char *t, size_t m)
{
    for (size_t k = 0; k < m; k++)
        if ((t[k] | 0x20) >= 'a' && (t[k] | 0x20) <= 'z')
            return 0;
    return 1;
}

/* Drop what opens a note's first paragraph before its text: the mark
 * (Word's own, or one written as text: "*", "**", a number) and the tab
 * after it. The runs stay where they are; the start moves. */
static folio_run *drop_lead(folio_run *runs, size_t *n)
{
    /* a mark in its own superscript run */
    if (*n && runs[0].kind == FOLIO_RUN_TEXT && runs[0].text && (runs[0].style & FOLIO_SUPER) &&
        strlen(runs[0].text) <= 8 && no_letter(runs[0].text, strlen(runs[0].text)))
        runs[0].text = "";
    while (*n && runs[0].kind == FOLIO_RUN_TEXT && runs[0].text) {
        const char *t = runs[0].text;
        size_t m = strcspn(t, "\t");
        if (t[m] == '\t' && m <= 8 && no_letter(t, m))
            t += m; /* a mark as text before the tab */
        while (*t == '\t' || *t == ' ')
            t++;
        runs[0].text = t;
        if (*t)
            break;
        runs++;
        --*n;
    }
    return runs;
}

static int add_note(dxr *r, folio_note *note)
{
    folio_report *rep = r->rep;
    if (FOLIO_ARENA_VEC_ROOM(rep->arena, rep->notes, rep->nnotes, rep->notes_cap, 16))
        return FOLIO_E_NOMEM;
    rep->notes[rep->nnotes++] = note;
    return 0;
}

static int by_text(const void *a, const void *b)
{
    return strcmp(((const dxr_sup *)a)->text, ((const dxr_sup *)b)->text);
}

/* The superscript text runs of a table's cells, sorted by text, made
 * once per table. */
static int super_runs(dxr *r, folio_table *t)
{
    if (r->sup_table == t)
        return 0;
    free(r->sup);
    r->sup = NULL;
    r->nsup = 0;
    r->sup_table = t;
    size_t cap = 0;
    for (size_t k = 0; t && k < t->nrows * t->ncols; k++)
        for (size_t i = 0; i < t->cells[k].nruns; i++) {
            folio_run *x = &t->cells[k].runs[i];
            if (x->kind != FOLIO_RUN_TEXT || !(x->style & FOLIO_SUPER) || !x->text)
                continue;
            if (FOLIO_VEC_ROOM(r->sup, r->nsup, cap, 16))
                return FOLIO_E_NOMEM;
            r->sup[r->nsup++] = (dxr_sup){x->text, x};
        }
    if (r->nsup)
        qsort(r->sup, r->nsup, sizeof *r->sup, by_text);
    return 0;
}

int folio_dxr_table_note(dxr *r, folio_table *t, const char *label, folio_run *runs,
                         size_t nruns, folio_pos pos, int *done)
{
    folio_arena *a = r->rep->arena;
    folio_note *note = NULL;
    *done = 0;
    int rc = super_runs(r, t);
    if (rc)
        return rc;
    size_t lo = 0, hi = r->nsup; /* the first mark >= label */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(r->sup[mid].text, label) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < r->nsup && !strcmp(r->sup[lo].text, label); lo++) {
        folio_run *x = r->sup[lo].run;
        if (x->kind != FOLIO_RUN_TEXT)
            continue; /* a note of an earlier line with the same mark */
        if (!note) {
            if (!(note = folio_alloc(a, sizeof *note)) ||
                !(note->id = folio_sprintf(a, "t%zu", r->rep->nnotes + 1)) ||
                !(note->blocks = folio_alloc(a, sizeof *note->blocks)))
                return FOLIO_E_NOMEM;
            note->nblocks = 1;
            note->blocks[0].kind = FOLIO_BLOCK_PARAGRAPH;
            note->blocks[0].runs = runs;
            note->blocks[0].nruns = nruns;
            note->blocks[0].pos = pos;
            note->pos = pos;
            note->referenced = 1;
            if ((rc = add_note(r, note)))
                return rc;
        }
        x->kind = FOLIO_RUN_NOTE_REF;
        x->note = note;
        x->text = NULL;
        x->style = 0;
    }
    *done = note != NULL;
    return 0;
}

/* Consecutive rows of a table in a note ("UN Footnote List"
 * paragraphs): the cells are the runs between tabs. */
static int note_table(dxr *r, xmlNodePtr first, xmlNodePtr *last, folio_block *b)
{
    folio_arena *a = r->rep->arena;
    size_t rows = 0, cols = 1;
    const dxr_style *st;
    xmlNodePtr p = first;
    for (; p; p = p->next) {
        if (p->type != XML_ELEMENT_NODE)
            continue;
        const char *sid = folio_dxr_is(p, "p")
                              ? folio_dxr_attr(a, folio_dxr_child(folio_dxr_child(p, "pPr"),
                                                                  "pStyle"), "val")
                              : NULL;
        if (!(st = folio_dxr_style(&r->styles, sid)) || st->kind != DXR_NOTE_LIST)
            break;
        *last = p;
        rows++;
    }
    folio_run **rr = folio_alloc(a, rows * sizeof *rr);
    size_t *rn = folio_alloc(a, rows * sizeof *rn);
    if (!rr || !rn)
        return FOLIO_E_NOMEM;
    size_t i = 0;
    for (p = first; i < rows; p = p->next) {
        if (p->type != XML_ELEMENT_NODE)
            continue;
        int rc = folio_dxr_runs(r, p, 1, &rr[i], &rn[i], NULL);
        if (rc)
            return rc;
        if (i == 0) /* the note's mark opens the first row */
            rr[i] = drop_lead(rr[i], &rn[i]);
        size_t tabs = 0;
        for (size_t k = 0; k < rn[i]; k++)
            for (const char *c = rr[i][k].kind == FOLIO_RUN_TEXT ? rr[i][k].text : ""; *c; c++)
                tabs += *c == '\t';
        if (tabs + 1 > cols)
            cols = tabs + 1;
        i++;
    }
    if (cols > r->max_cells || rows > r->max_cells / cols)
        return folio_error(r->ctx, FOLIO_E_LIMIT, folio_dxr_pos(first),
                           "a table in a note of more cells than the limit of %zu",
                           r->max_cells);
    folio_table *t = folio_alloc(a, sizeof *t);
    if (!t || !(t->cells = folio_alloc(a, rows * cols * sizeof *t->cells)) ||
        !(t->align = folio_alloc(a, cols * sizeof *t->align)))
        return FOLIO_E_NOMEM;
    t->nrows = rows;
    t->ncols = cols;
    size_t *caps = folio_alloc(a, rows * cols * sizeof *caps);
    if (!caps)
        return FOLIO_E_NOMEM;
    for (i = 0; i < rows; i++) {
        size_t col = 0;
        for (size_t k = 0; k < rn[i]; k++) {
            folio_run run = rr[i][k];
            const char *s = run.kind == FOLIO_RUN_TEXT ? run.text : NULL;
            do { /* split the run at its tabs */
                size_t n = s ? strcspn(s, "\t") : 0;
                folio_cell *c = &t->cells[i * cols + col];
                if (!s || n) {
                    if (FOLIO_ARENA_VEC_ROOM(a, c->runs, c->nruns, caps[i * cols + col], 2))
                        return FOLIO_E_NOMEM;
                    folio_run piece = run;
                    if (s && !(piece.text = folio_strndup(a, s, n)))
                        return FOLIO_E_NOMEM;
                    c->runs[c->nruns++] = piece;
                }
                if (s && s[n] == '\t') {
                    col++;
                    s += n + 1;
                } else {
                    s = NULL;
                }
            } while (s);
        }
    }
    b->kind = FOLIO_BLOCK_TABLE;
    b->table = t;
    b->pos = folio_dxr_pos(first);
    return 0;
}

static int make_note(dxr *r, dxr_notes_part *np, size_t i, int endnote, folio_note **out);

/* A note's paragraphs, with the links of its part. */
static int make(dxr *r, dxr_notes_part *np, size_t i, int endnote, folio_note **out)
{
    int was = r->rel_part;
    r->rel_part = endnote ? 2 : 1;
    int rc = make_note(r, np, i, endnote, out);
    r->rel_part = was;
    return rc;
}

static int make_note(dxr *r, dxr_notes_part *np, size_t i, int endnote, folio_note **out)
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
        if (!folio_dxr_is(p, "p") && !folio_dxr_is(p, "tbl"))
            continue;
        if (FOLIO_ARENA_VEC_ROOM(a, note->blocks, note->nblocks, cap, 2))
            return FOLIO_E_NOMEM;
        folio_block *b = &note->blocks[note->nblocks];
        memset(b, 0, sizeof *b);
        if (folio_dxr_is(p, "tbl")) { /* a table in a note */
            if ((rc = folio_dxr_table(r, p, 1, b)))
                return rc;
            note->nblocks++;
            continue;
        }
        const char *sid = folio_dxr_attr(a, folio_dxr_child(folio_dxr_child(p, "pPr"), "pStyle"),
                                         "val");
        const dxr_style *st = folio_dxr_style(&r->styles, sid);
        if (st && st->kind == DXR_NOTE_LIST) {
            xmlNodePtr last = p;
            if ((rc = note_table(r, p, &last, b)))
                return rc;
            note->nblocks++;
            p = last;
            continue;
        }
        b->kind = FOLIO_BLOCK_PARAGRAPH;
        b->pos = folio_dxr_pos(p);
        if ((rc = folio_dxr_runs(r, p, 1, &b->runs, &b->nruns, NULL)))
            return rc;
        if (!note->nblocks)
            b->runs = drop_lead(b->runs, &b->nruns);
        if (!b->nruns && note->nblocks)
            continue; /* an empty paragraph after the text */
        note->nblocks++;
    }
    *out = note;
    return 0;
}

int folio_dxr_note(dxr *r, int endnote, const char *id, folio_note **out)
{
    dxr_notes_part *np = endnote ? &r->end : &r->foot;
    *out = NULL;
    size_t lo = 0, hi = np->n; /* the first of the ids >= id */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(np->ids[np->by_id[mid]], id) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < np->n && !strcmp(np->ids[np->by_id[lo]], id)) {
        size_t i = np->by_id[lo];
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
