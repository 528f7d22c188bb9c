/* document.xml's runs and paragraphs, shared by the body, the masthead
 * lines and the contents: run properties for the model's style bits and
 * the run's script, note references, a paragraph naming its style. */
#include <stdio.h>
#include <string.h>

#include "docx/docx_xml.h"
#include "util/text.h"

/* Run properties for the style bits of the model and the script of the
 * run's text (sc, may be NULL). */
static void rpr(dx_xml *x, const char *rstyle, unsigned bits, const dx_script *sc)
{
    if (!rstyle && !(bits & (FOLIO_EMPH | FOLIO_STRONG | FOLIO_SUPER)) &&
        !(sc && (sc->rtl || sc->east_asia)))
        return;
    dx_start(x, "w:rPr");
    if (rstyle)
        folio_dx_val(x, "w:rStyle", rstyle);
    folio_dx_script_fonts(x, sc);
    if (bits & FOLIO_STRONG) {
        folio_dx_empty(x, "w:b");
        folio_dx_empty(x, "w:bCs");
    }
    if (bits & FOLIO_EMPH) {
        folio_dx_empty(x, "w:i");
        folio_dx_empty(x, "w:iCs");
    }
    if (bits & FOLIO_SUPER)
        folio_dx_val(x, "w:vertAlign", "superscript");
    folio_dx_script_dir(x, sc);
    dx_end(x);
}

/* Text inside a run: tabs and line feeds become w:tab and w:br. */
static void run_content(dx_xml *x, const char *text)
{
    const char *p = text;
    while (*p) {
        size_t n = strcspn(p, "\t\n\r");
        if (n) {
            dx_start(x, "w:t");
            dx_attr(x, "xml:space", "preserve");
            folio_dx_chars(x, p, n);
            dx_end(x);
            p += n;
        }
        if (*p == '\t')
            folio_dx_empty(x, "w:tab");
        else if (*p == '\n')
            folio_dx_empty(x, "w:br");
        if (*p) /* '\r' is dropped */
            p++;
    }
}

/* A run of text; one w:r for each stretch of one direction. */
static void run(dx_xml *x, const char *rstyle, unsigned bits, const char *text)
{
    if (!text || !*text)
        return;
    size_t n = strlen(text);
    while (n > 0) {
        dx_script sc;
        size_t k = folio_dx_script_span(x->doc, text, n, &sc);
        char *part = k < n ? folio_strndup(x->doc->arena, text, k) : NULL;
        if (k < n && !part) {
            x->err = 1;
            return;
        }
        dx_start(x, "w:r");
        rpr(x, rstyle, bits, &sc);
        run_content(x, part ? part : text);
        dx_end(x);
        text += k;
        n -= k;
    }
}

void folio_dx_run_text(dx_xml *x, const char *rstyle, const char *text)
{
    run(x, rstyle, 0, text);
}

dx_note *folio_dx_find_fnote(dx_doc *d, const folio_fnote *fn)
{
    for (size_t i = 0; i < d->nnotes; i++)
        if (d->notes[i].fn == fn)
            return &d->notes[i];
    return NULL;
}

dx_note *folio_dx_find_note(dx_doc *d, const folio_note *n)
{
    for (size_t i = 0; i < d->nnotes; i++)
        if (d->notes[i].fn->note == n)
            return &d->notes[i];
    return NULL;
}

static void mark_text(dx_xml *x, const char *mark)
{
    run(x, DX_FOOTNOTE_REF, 0, mark);
}

/* Whether Word, counting the notes of its kind as it meets them (the
 * footnotes afresh in each annex's section where the house says so),
 * writes this note's mark itself. */
static int word_numbers(dx_doc *d, dx_note *n)
{
    int *autos = n->endnote ? &d->end_autos : &d->sect_autos;
    const char *mark = n->fn->mark;
    char buf[16];
    snprintf(buf, sizeof buf, "%d", *autos + 1);
    if (mark && !strcmp(mark, buf)) {
        ++*autos;
        return 1;
    }
    return !mark || !*mark; /* no mark at all: let Word number it */
}

void folio_dx_note_ref(dx_xml *x, const folio_fnote *fn)
{
    dx_note *n = fn ? folio_dx_find_fnote(x->doc, fn) : NULL;
    if (!n) {
        if (fn && fn->mark)
            mark_text(x, fn->mark);
        return;
    }
    /* Word holds one reference per note, and none inside notes: any other
     * occurrence keeps its mark as plain superscript text, as do the marks
     * of a table's lettered notes (set under the table). */
    if (x->in_note || n->referenced || (fn->endnote && !n->endnote)) {
        mark_text(x, fn->mark);
        return;
    }
    n->referenced = 1;
    n->custom = !word_numbers(x->doc, n);
    dx_start(x, "w:r");
    rpr(x, n->endnote ? DX_ENDNOTE_REF : DX_FOOTNOTE_REF, 0, NULL);
    dx_start(x, n->endnote ? "w:endnoteReference" : "w:footnoteReference");
    if (n->custom)
        dx_attr(x, "w:customMarkFollows", "1");
    folio_dx_attr_int(x, "w:id", n->id);
    dx_end(x);
    if (n->custom)
        run_content(x, fn->mark ? fn->mark : "");
    dx_end(x);
}

static void one_run(dx_xml *x, const folio_run *r)
{
    switch (r->kind) {
    case FOLIO_RUN_TEXT:
        run(x, r->link ? "UNLink" : NULL, r->style, r->text);
        break;
    case FOLIO_RUN_LINE_BREAK:
        dx_start(x, "w:r");
        folio_dx_empty(x, "w:br");
        dx_end(x);
        break;
    case FOLIO_RUN_NOTE_REF: {
        dx_note *n = r->note ? folio_dx_find_note(x->doc, r->note) : NULL;
        if (n)
            folio_dx_note_ref(x, n->fn);
        else if (r->note && r->note->mark)
            mark_text(x, r->note->mark);
        break;
    }
    }
}

void folio_dx_runs(dx_xml *x, const folio_run *runs, size_t nruns)
{
    for (size_t i = 0; i < nruns;) {
        const char *link = runs[i].link;
        if (!link || !*link) {
            one_run(x, &runs[i++]);
            continue;
        }
        /* Consecutive runs to the same target share one hyperlink. */
        const char *id = folio_dx_rel(x, DX_REL "hyperlink", link, 1);
        dx_start(x, "w:hyperlink");
        if (id)
            dx_attr(x, "r:id", id);
        while (i < nruns && runs[i].link && !strcmp(runs[i].link, link))
            one_run(x, &runs[i++]);
        dx_end(x);
    }
}

void folio_dx_para(dx_xml *x, const folio_pstyle *st, const char *label,
                   const folio_run *runs, size_t nruns,
                   const dx_para_opt *opt)
{
    dx_doc *d = x->doc;
    const dx_style_use *use = st ? folio_dx_style_use(d, st) : NULL;
    int hanging = st && st->label_place == FOLIO_LABEL_HANGING && use;
    int has_label = label && *label;
    int32_t left, first;
    dx_numpr np = {0};
    if (use && folio_dx_number(d, st, label, opt ? opt->block : NULL, &np) < 0)
        x->err = 1;
    dx_start(x, "w:p");
    dx_start(x, "w:pPr");
    folio_dx_val(x, "w:pStyle", folio_dx_style_id(d, st));
    if (opt && opt->no_keep && st && st->keep_with_next)
        folio_dx_val(x, "w:keepNext", "0");
    if (opt && opt->break_before)
        folio_dx_empty(x, "w:pageBreakBefore");
    if (np.linked) {
        /* the style's list, a restart of it, or none (numId 0) */
        dx_start(x, "w:numPr");
        if (np.num_id)
            folio_dx_val_int(x, "w:ilvl", np.ilvl);
        folio_dx_val_int(x, "w:numId", np.num_id);
        dx_end(x);
    }
    if (np.num_id && np.other_level) {
        folio_dx_label_geom(d, x, st); /* the level's indents are not its own */
    } else if (has_label && !np.num_id) {
        folio_dx_text_label_geom(d, x, st);
    } else if (!has_label && st && folio_dx_unlabelled_ind(d, st, &left, &first)) {
        /* The style places a label; this paragraph has none. */
        dx_start(x, "w:ind");
        folio_dx_attr_int(x, "w:left", DX_TWIPS(left));
        folio_dx_attr_int(x, "w:firstLine", DX_TWIPS(first));
        dx_end(x);
    }
    if (opt && opt->jc)
        folio_dx_val(x, "w:jc", opt->jc);
    if (opt && opt->sect_end) /* an annex follows: this section ends here */
        folio_dx_sect_pr(x, d->sect_first, d->sect_restart);
    dx_end(x);
    char mark[32];
    if (opt && opt->bookmark > 0) {
        snprintf(mark, sizeof mark, "_Toc%d", opt->bookmark);
        dx_start(x, "w:bookmarkStart");
        folio_dx_attr_int(x, "w:id", opt->bookmark);
        dx_attr(x, "w:name", mark);
        dx_end(x);
    }
    if (has_label && !np.num_id) { /* the label as typed text */
        dx_script sc;
        folio_dx_script_span(d, label, strlen(label), &sc);
        dx_start(x, "w:r");
        rpr(x, NULL, 0, &sc);
        if (hanging)
            folio_dx_empty(x, "w:tab");
        run_content(x, label);
        folio_dx_empty(x, "w:tab");
        dx_end(x);
    }
    folio_dx_runs(x, runs, nruns);
    if (opt && opt->bookmark > 0) {
        dx_start(x, "w:bookmarkEnd");
        folio_dx_attr_int(x, "w:id", opt->bookmark);
        dx_end(x);
    }
    dx_end(x);
    x->last = 1;
}

void folio_dx_para_text(dx_xml *x, const char *style, const char *text)
{
    dx_start(x, "w:p");
    dx_start(x, "w:pPr");
    folio_dx_val(x, "w:pStyle", style);
    dx_end(x);
    run(x, NULL, 0, text);
    dx_end(x);
    x->last = 1;
}
