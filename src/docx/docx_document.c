/* document.xml: the body. Paragraphs name their style and carry only what
 * the style cannot say (a page break before, a column's alignment); runs
 * carry emphasis, links and note references. */
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

/* ---- Tables ----------------------------------------------------------- */

static size_t cell_chars(const folio_cell *c)
{
    size_t n = 0;
    for (size_t i = 0; i < c->nruns; i++)
        if (c->runs[i].kind == FOLIO_RUN_TEXT && c->runs[i].text)
            n += folio_utf8_count(c->runs[i].text, strlen(c->runs[i].text));
    return n;
}

static void border(dx_xml *x, const char *side, const char *val)
{
    dx_start(x, side);
    dx_attr(x, "w:val", val);
    if (strcmp(val, "nil")) {
        dx_attr(x, "w:sz", "4");
        dx_attr(x, "w:space", "0");
        dx_attr(x, "w:color", "000000");
    }
    dx_end(x);
}

static void width_attr(dx_xml *x, const char *name, int32_t twips)
{
    dx_start(x, name);
    folio_dx_attr_int(x, "w:w", twips);
    dx_attr(x, "w:type", "dxa");
    dx_end(x);
}

static const char *align_jc(folio_align a)
{
    switch (a) {
    case FOLIO_ALIGN_LEFT: return "left";
    case FOLIO_ALIGN_CENTER: return "center";
    case FOLIO_ALIGN_RIGHT: return "right";
    case FOLIO_ALIGN_JUSTIFY: return "both";
    default: return NULL;
    }
}

/* The longest word of a cell, in characters: the narrowest the column
 * may be without breaking it; spaces inside a number ("2 227") do not
 * break it. */
static size_t cell_word(const folio_cell *c)
{
    size_t best = 0, cur = 0;
    unsigned char prev = 0;
    for (size_t i = 0; i < c->nruns; i++) {
        if (c->runs[i].kind != FOLIO_RUN_TEXT || !c->runs[i].text)
            continue;
        for (const unsigned char *p = (const unsigned char *)c->runs[i].text; *p; p++) {
            int digit_space = *p == ' ' && prev >= '0' && prev <= '9' && p[1] >= '0' &&
                              p[1] <= '9';
            prev = *p;
            if (*p == ' ' && !digit_space) {
                cur = 0;
                continue;
            }
            cur += (*p & 0xC0) != 0x80;
            if (cur > best)
                best = cur;
        }
    }
    return best;
}

/* Column widths in proportion to the longest text of each column, each
 * between 3 and 40 characters' worth, filling the column; no column
 * narrower than its longest word where the table has room for that. */
static int32_t *column_widths(dx_doc *d, const folio_table *t, int32_t total)
{
    int32_t *w = folio_alloc(d->arena, sizeof *w * t->ncols);
    size_t *len = folio_alloc(d->arena, sizeof *len * t->ncols);
    int32_t *minw = folio_alloc(d->arena, sizeof *minw * t->ncols);
    if (!w || !len || !minw)
        return NULL;
    size_t sum = 0;
    int64_t minsum = 0;
    for (size_t j = 0; j < t->ncols; j++) {
        size_t m = 0, word = 0;
        for (size_t i = 0; i < t->nrows; i++) {
            size_t n = cell_chars(&t->cells[i * t->ncols + j]);
            size_t k = cell_word(&t->cells[i * t->ncols + j]);
            if (n > m)
                m = n;
            if (k > word)
                word = k;
        }
        len[j] = m < 3 ? 3 : m > 40 ? 40 : m;
        sum += len[j];
        /* half an em a character at 10 pt (in twips), and the cell's
         * margins */
        minw[j] = (int32_t)(word > 30 ? 30 : word) * 110 + 2 * 57;
        minsum += minw[j];
    }
    if (minsum > total)
        memset(minw, 0, sizeof *minw * t->ncols);
    int32_t rest = minsum > total ? total : total - (int32_t)minsum;
    int32_t used = 0;
    for (size_t j = 0; j < t->ncols; j++) {
        w[j] = j + 1 == t->ncols ? total - used
                                 : minw[j] + (int32_t)((int64_t)rest * (int64_t)len[j] /
                                                       (int64_t)sum);
        used += w[j];
    }
    return w;
}

void folio_dx_table(dx_xml *x, const folio_fblock *b)
{
    dx_doc *d = x->doc;
    const folio_table *t = b->table;
    if (!t || !t->ncols || !t->nrows)
        return;
    const folio_pstyle *cell = folio_dx_cell_style(
        d, b->cell_style ? b->cell_style : folio_dx_style(d, "UNTable"));
    const folio_pstyle *head = folio_dx_cell_style(
        d, b->head_style ? b->head_style : folio_dx_style(d, "UNTableHead"));
    int32_t total = DX_TWIPS(d->text_width - d->colofs - d->colofs_right);
    int32_t *w = column_widths(d, t, total);
    if (!w) {
        x->err = 1;
        return;
    }
    /* UN tables: horizontal rules only, top and bottom of the table and
     * under the column heads (on the head cells). */
    for (size_t j = 0; j < t->ncols; j++)
        w[j] *= 50; /* twips to mpt */
    dx_table_props props = {.width = total * 50, .indent = d->colofs, .rtl = d->f->lang.rtl,
                            .pad_x = 57 * 50, .pad_y = 20 * 50,
                            .ruled = 1, .head_row = 1};
    folio_dx_table_start(x, &props, w, t->ncols);
    for (size_t j = 0; j < t->ncols; j++)
        w[j] /= 50;
    for (size_t i = 0; i < t->nrows; i++) {
        int is_head = i < t->head_rows;
        dx_start(x, "w:tr");
        if (is_head) {
            dx_start(x, "w:trPr");
            folio_dx_empty(x, "w:cantSplit");
            folio_dx_empty(x, "w:tblHeader");
            dx_end(x);
        }
        for (size_t j = 0; j < t->ncols; j++) {
            const folio_cell *c = &t->cells[i * t->ncols + j];
            dx_start(x, "w:tc");
            dx_start(x, "w:tcPr");
            width_attr(x, "w:tcW", w[j]);
            if (i + 1 == t->head_rows) {
                dx_start(x, "w:tcBorders");
                border(x, "w:bottom", "single");
                dx_end(x);
            }
            dx_end(x);
            dx_para_opt opt = {0};
            opt.jc = t->align ? align_jc(t->align[j]) : NULL;
            folio_dx_para(x, is_head ? head : cell, NULL, c->runs, c->nruns,
                          &opt);
            dx_end(x);
        }
        dx_end(x);
    }
    dx_end(x);
    x->last = 2;
}

/* ---- The body --------------------------------------------------------- */

/* An empty body paragraph; with `page_break`, one that carries a page
 * break no following paragraph can carry. */
static void plain_para(dx_xml *x, int page_break)
{
    dx_start(x, "w:p");
    dx_start(x, "w:pPr");
    folio_dx_val(x, "w:pStyle", folio_dx_style_id(x->doc, folio_dx_style(x->doc, "UNPara")));
    dx_end(x);
    if (page_break) {
        dx_start(x, "w:r");
        dx_start(x, "w:br");
        dx_attr(x, "w:type", "page");
        dx_end(x);
        dx_end(x);
    }
    dx_end(x);
    x->last = 1;
}

static void end_rule(dx_xml *x)
{
    dx_start(x, "w:p");
    dx_start(x, "w:pPr");
    folio_dx_val(x, "w:pStyle", "UNEndRule");
    dx_end(x);
    dx_end(x);
    x->last = 1;
}

/* The summary's frame: a table of one cell as wide as the frame, its
 * paragraphs keeping their places (no cell margins at the sides). */
static void box_start(dx_xml *x)
{
    dx_doc *d = x->doc;
    int32_t w = d->text_width;
    dx_table_props props = {.width = w, .indent = 0, .pad_x = 0, .pad_y = FOLIO_PT(8),
                            .boxed = 1};
    folio_dx_table_start(x, &props, &w, 1);
    dx_start(x, "w:tr");
    dx_start(x, "w:tc");
    dx_start(x, "w:tcPr");
    dx_start(x, "w:tcW");
    folio_dx_attr_int(x, "w:w", DX_TWIPS(w));
    dx_attr(x, "w:type", "dxa");
    dx_end(x);
    dx_end(x);
}

/* A short rule over the notes set under a list: an empty paragraph of a
 * few points whose top border runs 2.6 cm from the column's edge. */
static void short_rule(dx_xml *x)
{
    dx_doc *d = x->doc;
    dx_start(x, "w:p");
    dx_start(x, "w:pPr");
    folio_dx_val(x, "w:pStyle", folio_dx_style_id(d, folio_dx_style(d, "UNPara")));
    dx_start(x, "w:pBdr");
    dx_start(x, "w:top");
    dx_attr(x, "w:val", "single");
    dx_attr(x, "w:sz", "4");
    dx_attr(x, "w:space", "1");
    dx_attr(x, "w:color", "000000");
    dx_end(x);
    dx_end(x);
    dx_start(x, "w:spacing");
    folio_dx_attr_int(x, "w:before", DX_TWIPS(FOLIO_PT(6)));
    dx_attr(x, "w:after", "0");
    dx_attr(x, "w:line", "60");
    dx_attr(x, "w:lineRule", "exact");
    dx_end(x);
    dx_start(x, "w:ind");
    folio_dx_attr_int(x, "w:left", DX_TWIPS(d->colofs));
    folio_dx_attr_int(x, "w:right", DX_TWIPS(d->text_width - d->colofs - FOLIO_CM(2.6)));
    dx_attr(x, "w:firstLine", "0");
    dx_end(x);
    dx_end(x);
    dx_end(x);
    x->last = 1;
}

static void box_end(dx_xml *x)
{
    if (x->last != 1) /* a cell ends with a paragraph */
        folio_dx_empty_para(x, "UNPara");
    dx_end(x); /* w:tc */
    dx_end(x); /* w:tr */
    dx_end(x); /* w:tbl */
    x->last = 2;
}

/* An empty paragraph that ends the section (after a table or a page
 * break: the section break is the page break). */
static void sect_para(dx_xml *x)
{
    dx_doc *d = x->doc;
    dx_start(x, "w:p");
    dx_start(x, "w:pPr");
    folio_dx_val(x, "w:pStyle", folio_dx_style_id(d, folio_dx_style(d, "UNPara")));
    folio_dx_sect_pr(x, d->sect_first, d->sect_restart);
    dx_end(x);
    dx_end(x);
    x->last = 1;
}

/* The section written so far ended: the next one is an annex's. */
static void next_section(dx_doc *d)
{
    d->sect_first = 0;
    d->sect_restart = d->notes_restart;
    if (d->notes_restart)
        d->sect_autos = 0; /* Word numbers its footnotes from 1 again */
}

static int skipped(const dx_doc *d, size_t i)
{
    return i >= d->skip_from && i < d->skip_to;
}

/* Does an annex start after block i (the next block written)? Each annex
 * is a section of its own, so that its notes can be numbered afresh. */
static int annex_follows(const dx_doc *d, size_t i)
{
    const folio_flow *f = d->f;
    size_t j = i + 1;
    while (j < f->nblocks && skipped(d, j))
        j++;
    return j < f->nblocks && f->blocks[j].in_annex > 0 &&
           f->blocks[j].in_annex != f->blocks[i].in_annex;
}

static void blocks(dx_xml *x)
{
    dx_doc *d = x->doc;
    const folio_flow *f = d->f;
    int pending_break = 0, in_box = 0;
    size_t last_entry = 0;
    for (size_t i = 0; i < f->nblocks; i++)
        if (f->blocks[i].toc_entry)
            last_entry = i + 1;
    int entries = 0;
    for (size_t i = 0; i < f->nblocks && !x->err; i++) {
        const folio_fblock *b = &f->blocks[i];
        if (skipped(d, i)) /* in endnotes.xml */
            continue;
        if (b->kind == FOLIO_FLOW_PARA && b->box && !in_box) {
            if (pending_break)
                plain_para(x, 1);
            pending_break = 0;
            box_start(x);
            x->last = 0;
            in_box = 1;
        } else if (in_box && !(b->kind == FOLIO_FLOW_PARA && b->box)) {
            box_end(x);
            in_box = 0;
        }
        /* no section ends inside the summary's cell */
        int ends = !in_box && annex_follows(d, i);
        switch (b->kind) {
        case FOLIO_FLOW_PARA: {
            if (b->toc_entry) {
                if (pending_break)
                    plain_para(x, 1);
                pending_break = 0;
                folio_dx_toc_entry(x, b, entries++ == 0, i + 1 == last_entry);
                break;
            }
            if (b->rule_above) {
                if (pending_break)
                    plain_para(x, 1);
                pending_break = 0;
                short_rule(x);
            }
            dx_para_opt opt = {.break_before = pending_break, .block = b, .sect_end = ends,
                               .bookmark = d->toc_mark ? d->toc_mark[i] : 0,
                               .no_keep = b->box};
            const folio_pstyle *st = b->style ? b->style
                                              : folio_dx_style(x->doc, "UNPara");
            folio_dx_para(x, st, b->label, b->runs, b->nruns, &opt);
            pending_break = 0;
            if (ends)
                next_section(d);
            continue;
        }
        case FOLIO_FLOW_TABLE:
            if (pending_break)
                plain_para(x, 1);
            pending_break = 0;
            folio_dx_table(x, b);
            break;
        case FOLIO_FLOW_PAGE_BREAK:
            if (pending_break)
                plain_para(x, 1);
            pending_break = !ends; /* a section break is a page break */
            break;
        case FOLIO_FLOW_END_RULE:
            if (pending_break)
                plain_para(x, 1);
            pending_break = 0;
            if (!d->rule_in_notes) /* else under the last endnote */
                end_rule(x);
            break;
        }
        if (ends) {
            sect_para(x);
            next_section(d);
        }
    }
    if (in_box)
        box_end(x);
    if (pending_break)
        plain_para(x, 1);
    /* Word wants a paragraph before the section properties. */
    if (x->last != 1)
        plain_para(x, 0);
}

static void ref(dx_xml *x, const char *name, const char *type, const char *id)
{
    dx_start(x, name);
    dx_attr(x, "w:type", type);
    dx_attr(x, "r:id", id);
    dx_end(x);
}

void folio_dx_sect_pr(dx_xml *x, int first, int restart)
{
    dx_doc *d = x->doc;
    const folio_page_geom *pg = &d->f->page;
    dx_start(x, "w:sectPr");
    if (first) { /* later sections keep these */
        ref(x, "w:headerReference", "even", "rId7");
        ref(x, "w:headerReference", "default", "rId6");
        ref(x, "w:footerReference", "even", "rId10");
        ref(x, "w:footerReference", "default", "rId9");
        ref(x, "w:headerReference", "first", "rId5");
        ref(x, "w:footerReference", "first", "rId8");
    }
    if (restart) {
        dx_start(x, "w:footnotePr");
        folio_dx_val(x, "w:numRestart", "eachSect");
        dx_end(x);
    }
    /* LibreOffice reads the endnotes' format here, not in the settings */
    dx_start(x, "w:endnotePr");
    folio_dx_val(x, "w:numFmt", "decimal");
    dx_end(x);
    dx_start(x, "w:pgSz");
    folio_dx_attr_int(x, "w:w", DX_TWIPS(pg->width));
    folio_dx_attr_int(x, "w:h", DX_TWIPS(pg->height));
    dx_end(x);
    dx_start(x, "w:pgMar");
    folio_dx_attr_int(x, "w:top", DX_TWIPS(d->margin_top));
    folio_dx_attr_int(x, "w:right", DX_TWIPS(pg->width - pg->frame_right));
    folio_dx_attr_int(x, "w:bottom", DX_TWIPS(d->margin_bottom));
    folio_dx_attr_int(x, "w:left", DX_TWIPS(pg->frame_left));
    folio_dx_attr_int(x, "w:header", DX_TWIPS(d->header_dist));
    folio_dx_attr_int(x, "w:footer", DX_TWIPS(d->footer_dist));
    dx_attr(x, "w:gutter", "0");
    dx_end(x);
    dx_start(x, "w:cols");
    dx_attr(x, "w:space", "720");
    dx_end(x);
    if (first) /* the masthead's page */
        folio_dx_empty(x, "w:titlePg");
    dx_end(x);
}

int folio_dx_write_document(dx_doc *d)
{
    dx_xml x;
    int rc = folio_dx_xml_begin(d, &x);
    if (rc < 0)
        return rc;
    /* Fixed ids for the fixed parts; links get rId13 and up. */
    static const char *const fixed[][2] = {
        {DX_REL "styles", "styles.xml"},
        {DX_REL "settings", "settings.xml"},
        {DX_REL "fontTable", "fontTable.xml"},
        {DX_REL "footnotes", "footnotes.xml"},
        {DX_REL "header", "header1.xml"},
        {DX_REL "header", "header2.xml"},
        {DX_REL "header", "header3.xml"},
        {DX_REL "footer", "footer1.xml"},
        {DX_REL "footer", "footer2.xml"},
        {DX_REL "footer", "footer3.xml"},
        {DX_REL "endnotes", "endnotes.xml"},
        {DX_REL "numbering", "numbering.xml"},
    };
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0] && rc == 0; i++) {
        char id[16];
        snprintf(id, sizeof id, "rId%zu", i + 1);
        rc = folio_dx_rel_fixed(&x, id, fixed[i][0], fixed[i][1]);
    }
    if (rc < 0) {
        folio_dx_xml_drop(&x);
        return rc;
    }
    if ((rc = folio_dx_toc_marks(d)) < 0) {
        folio_dx_xml_drop(&x);
        return rc;
    }
    folio_dx_root(&x, "w:document");
    dx_start(&x, "w:body");
    d->sect_first = 1;
    if (!d->template_doc) {
        folio_dx_masthead_body(&x);
        blocks(&x);
    } else { /* a template: one empty paragraph to type in */
        plain_para(&x, 0);
    }
    folio_dx_sect_pr(&x, d->sect_first, d->sect_restart);
    dx_end(&x);
    dx_end(&x);
    return folio_dx_xml_finish(&x, "word/document.xml", d->template_doc
        ? "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
        : "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");
}
