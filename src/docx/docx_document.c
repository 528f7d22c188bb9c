/* document.xml: the body. Paragraphs name their style and carry only what
 * the style cannot say (a page break before, a column's alignment); runs
 * (docx_runs.c) carry emphasis, links and note references; tables:
 * docx_table.c. */
#include <stdio.h>
#include <string.h>

#include "docx/docx_xml.h"
#include "util/text.h"

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
