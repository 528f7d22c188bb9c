/* footnotes.xml: Word's separator entries first, then one w:footnote per
 * note the text references. A numbered note keeps Word's own numbering
 * (the flow numbers them in the same order); a note with a symbol mark
 * ("*", "**") writes the mark as text in the text and in the note. Word
 * has no notes inside notes: a note referenced only from another note is
 * set inside that note's footnote, under it, with its mark as text. */
#include <string.h>

#include "docx/docx_xml.h"

static void separator(dx_xml *x, const char *elem, const char *type, int id,
                      const char *what)
{
    dx_start(x, elem);
    dx_attr(x, "w:type", type);
    folio_dx_attr_int(x, "w:id", id);
    dx_start(x, "w:p");
    dx_start(x, "w:pPr");
    folio_dx_val(x, "w:pStyle", "UNNoteSeparator");
    dx_end(x);
    dx_start(x, "w:r");
    folio_dx_empty(x, what);
    dx_end(x);
    dx_end(x);
    dx_end(x);
}

/* The mark opens the note's first line (LibreOffice drops what comes
 * before it); a tab takes the text to the indent. An endnote's number is
 * set on the line, as the PDF's list under "Notes" sets it. */
static void mark_run(dx_xml *x, const dx_note *n)
{
    dx_start(x, "w:r");
    dx_start(x, "w:rPr");
    folio_dx_val(x, "w:rStyle", n->endnote ? DX_ENDNOTE_REF : DX_FOOTNOTE_REF);
    if (n->endnote)
        folio_dx_val(x, "w:vertAlign", "baseline");
    dx_end(x);
    if (n->custom || n->parent) {
        dx_start(x, "w:t");
        dx_attr(x, "xml:space", "preserve");
        folio_dx_chars(x, n->fn->mark, strlen(n->fn->mark));
        dx_end(x);
    } else {
        folio_dx_empty(x, n->endnote ? "w:endnoteRef" : "w:footnoteRef");
    }
    dx_end(x);
    dx_start(x, "w:r");
    folio_dx_empty(x, "w:tab");
    dx_end(x);
}

static void note_para(dx_xml *x, const folio_pstyle *st, const folio_fblock *b,
                      const dx_note *mark)
{
    dx_doc *d = x->doc;
    dx_start(x, "w:p");
    dx_start(x, "w:pPr");
    folio_dx_val(x, "w:pStyle", folio_dx_style_id(d, st));
    int32_t left = folio_dx_style_left(d, st);
    if (!mark && st == folio_dx_style(d, "UNNote") &&
        d->colofs + d->f->note_marker_indent < left) {
        /* The style hangs the mark; later paragraphs start at the text. */
        dx_start(x, "w:ind");
        folio_dx_attr_int(x, "w:left", DX_TWIPS(left));
        dx_attr(x, "w:firstLine", "0");
        dx_end(x);
    }
    dx_end(x);
    if (mark)
        mark_run(x, mark);
    if (b && b->label && *b->label) {
        folio_dx_run_text(x, NULL, b->label);
        dx_start(x, "w:r");
        folio_dx_empty(x, "w:tab");
        dx_end(x);
    }
    if (b)
        folio_dx_runs(x, b->runs, b->nruns);
    dx_end(x);
}

/* A table in a note: one paragraph per row, the cells separated by tabs,
 * the first column hanging (as UN documents set the lists of sources in
 * their notes). Word and LibreOffice cannot split a real table in a
 * footnote across pages; LibreOffice clips it. */
static void note_table(dx_xml *x, const folio_fblock *b, const dx_note *mark)
{
    const folio_table *t = b->table;
    if (!t)
        return;
    for (size_t i = 0; i < t->nrows; i++) {
        dx_start(x, "w:p");
        dx_start(x, "w:pPr");
        folio_dx_val(x, "w:pStyle", "UNNoteList");
        dx_end(x);
        if (mark && i == 0)
            mark_run(x, mark);
        for (size_t j = 0; j < t->ncols; j++) {
            const folio_cell *c = &t->cells[i * t->ncols + j];
            if (j > 0) {
                dx_start(x, "w:r");
                folio_dx_empty(x, "w:tab");
                dx_end(x);
            }
            folio_dx_runs(x, c->runs, c->nruns);
        }
        dx_end(x);
    }
}

int folio_dx_note_styles(dx_doc *d)
{
    const folio_pstyle *note = folio_dx_style(d, "UNNote");
    folio_pstyle *st = folio_dx_own_style(d, note, note->name);
    if (!st)
        return FOLIO_E_NOMEM;
    st->name = "UNNoteList";
    st->ui_name = "UN Footnote List";
    st->label_place = FOLIO_LABEL_AT_INDENT;
    st->indent_left = note->indent_left + FOLIO_CM(5);
    st->first_line = -FOLIO_CM(4);   /* first column from +1 cm */
    st->label_indent = 0;
    st->align = FOLIO_H_LEFT;
    return 0;
}

/* The mark goes on the note's first paragraph; a note that opens with a
 * table gets a paragraph of its own for it. */
static void note_content(dx_xml *x, const dx_note *n)
{
    /* an endnote in the style the closing list is set in */
    const folio_pstyle *st = folio_dx_style(x->doc, n->endnote ? "UNEndnote" : "UNNote");
    const dx_note *mark = n;
    for (size_t i = 0; i < n->fn->nblocks; i++) {
        const folio_fblock *b = &n->fn->blocks[i];
        if (b->kind == FOLIO_FLOW_PARA) {
            note_para(x, n->endnote || !b->style ? st : b->style, b, mark);
            mark = NULL;
        } else if (b->kind == FOLIO_FLOW_TABLE) {
            note_table(x, b, mark);
            mark = NULL;
        }
    }
    if (mark) /* a note with nothing in it still shows its mark */
        note_para(x, st, NULL, mark);
}

static void nested_notes(dx_xml *x, dx_note *owner, const dx_note *from,
                         int depth);

static void nested_in_runs(dx_xml *x, dx_note *owner, const folio_run *r,
                           size_t n, int depth)
{
    for (size_t i = 0; i < n; i++) {
        if (r[i].kind != FOLIO_RUN_NOTE_REF || !r[i].note)
            continue;
        dx_note *m = folio_dx_find_note(x->doc, r[i].note);
        if (!m || m->referenced || m->parent || m == owner || m->fn->endnote)
            continue;
        m->parent = owner;
        note_content(x, m);
        nested_notes(x, owner, m, depth + 1);
    }
}

/* Notes referenced from `from` (and from those, a few levels deep) that
 * the text never references: set in `owner`'s footnote. */
static void nested_notes(dx_xml *x, dx_note *owner, const dx_note *from,
                         int depth)
{
    if (depth > 8)
        return;
    for (size_t i = 0; i < from->fn->nblocks; i++) {
        const folio_fblock *b = &from->fn->blocks[i];
        nested_in_runs(x, owner, b->runs, b->nruns, depth);
        if (b->kind == FOLIO_FLOW_TABLE && b->table)
            for (size_t k = 0; k < b->table->nrows * b->table->ncols; k++)
                nested_in_runs(x, owner, b->table->cells[k].runs,
                               b->table->cells[k].nruns, depth);
    }
}

static void note(dx_xml *x, dx_note *n, const char *elem)
{
    dx_start(x, elem);
    folio_dx_attr_int(x, "w:id", n->id);
    note_content(x, n);
    nested_notes(x, n, n, 0);
    dx_end(x);
}

/* footnotes.xml or endnotes.xml: the separators, then the notes of that
 * kind the text references. The closing rule, when the document's notes
 * are endnotes, follows the last of them, as it does in the PDF. */
static int notes_part(dx_doc *d, int endnotes)
{
    const char *elem = endnotes ? "w:endnote" : "w:footnote";
    dx_xml x;
    int rc = folio_dx_xml_begin(d, &x);
    if (rc < 0)
        return rc;
    x.in_note = 1;
    folio_dx_root(&x, endnotes ? "w:endnotes" : "w:footnotes");
    separator(&x, elem, "separator", -1, "w:separator");
    separator(&x, elem, "continuationSeparator", 0, "w:continuationSeparator");
    dx_note *last = NULL;
    for (size_t i = 0; i < d->nnotes; i++)
        if (d->notes[i].referenced && d->notes[i].endnote == endnotes &&
            (endnotes || !d->notes[i].fn->endnote))
            last = &d->notes[i];
    for (size_t i = 0; i < d->nnotes; i++) {
        dx_note *n = &d->notes[i];
        if (!n->referenced || n->endnote != endnotes || (!endnotes && n->fn->endnote))
            continue;
        if (n != last || !endnotes || !d->rule_in_notes) {
            note(&x, n, elem);
            continue;
        }
        dx_start(&x, elem);
        folio_dx_attr_int(&x, "w:id", n->id);
        note_content(&x, n);
        nested_notes(&x, n, n, 0);
        folio_dx_empty_para(&x, "UNEndRule");
        dx_end(&x);
    }
    dx_end(&x);
    return folio_dx_xml_finish(&x, endnotes ? "word/endnotes.xml" : "word/footnotes.xml",
        endnotes ? "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"
                 : "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml");
}

int folio_dx_write_footnotes(dx_doc *d)
{
    return notes_part(d, 0);
}

int folio_dx_write_endnotes(dx_doc *d)
{
    return notes_part(d, 1);
}
