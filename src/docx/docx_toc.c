/* The contents as Word's own table of contents: one TOC field around the
 * entries (Word rebuilds it from the headings' outline levels when asked),
 * each entry the label, the text, a right tab with dot leaders at the
 * frame's right edge and a PAGEREF field to a bookmark around the heading
 * it names, so its page is Word's own pagination's. */
#include <stdio.h>
#include <string.h>

#include "docx/docx_xml.h"

int folio_dx_toc_marks(dx_doc *d)
{
    const folio_flow *f = d->f;
    d->toc_mark = NULL;
    for (size_t i = 0; i < f->nblocks; i++) {
        size_t t = f->blocks[i].toc_target;
        if (!t || t > f->nblocks)
            continue;
        if (!d->toc_mark && !(d->toc_mark = folio_alloc(d->arena, f->nblocks * sizeof *d->toc_mark)))
            return FOLIO_E_NOMEM;
        d->toc_mark[t - 1] = (int)t;
    }
    return 0;
}

static void field_char(dx_xml *x, const char *type)
{
    dx_start(x, "w:r");
    dx_start(x, "w:fldChar");
    dx_attr(x, "w:fldCharType", type);
    dx_end(x);
    dx_end(x);
}

static void instr(dx_xml *x, const char *text)
{
    dx_start(x, "w:r");
    dx_start(x, "w:instrText");
    dx_attr(x, "xml:space", "preserve");
    folio_dx_chars(x, text, strlen(text));
    dx_end(x);
    dx_end(x);
}

void folio_dx_toc_entry(dx_xml *x, const folio_fblock *b, int first, int last)
{
    dx_doc *d = x->doc;
    const folio_pstyle *st = b->style ? b->style : folio_dx_style(d, "UNPara");
    const dx_style_use *use = folio_dx_style_use(d, st);
    int labelled = use != NULL; /* a house style is set up for labels */
    int has_label = b->label && *b->label;
    dx_start(x, "w:p");
    dx_start(x, "w:pPr");
    folio_dx_val(x, "w:pStyle", folio_dx_style_id(d, st));
    dx_start(x, "w:tabs");
    dx_start(x, "w:tab");
    dx_attr(x, "w:val", "right");
    dx_attr(x, "w:leader", "dot");
    folio_dx_attr_int(x, "w:pos", DX_TWIPS(d->text_width));
    dx_end(x);
    dx_end(x);
    /* the text runs on to the page column, as in the PDF */
    dx_start(x, "w:ind");
    folio_dx_attr_int(x, "w:right", 0);
    dx_end(x);
    dx_end(x);
    if (first) {
        field_char(x, "begin");
        instr(x, " TOC \\o \"1-3\" \\h \\z \\u ");
        field_char(x, "separate");
    }
    /* Word's own entries: a link to the heading's bookmark around the
     * text and the page (LibreOffice reads the pages of such entries) */
    char anchor[32];
    if (b->toc_target) {
        snprintf(anchor, sizeof anchor, "_Toc%zu", b->toc_target);
        dx_start(x, "w:hyperlink");
        dx_attr(x, "w:anchor", anchor);
        dx_attr(x, "w:history", "1");
    }
    if (has_label) {
        dx_start(x, "w:r");
        if (st->label_place == FOLIO_LABEL_HANGING && labelled)
            folio_dx_empty(x, "w:tab");
        dx_start(x, "w:t");
        dx_attr(x, "xml:space", "preserve");
        folio_dx_chars(x, b->label, strlen(b->label));
        dx_end(x);
        folio_dx_empty(x, "w:tab");
        dx_end(x);
    }
    folio_dx_runs(x, b->runs, b->nruns);
    if (b->toc_target) {
        char ref[64];
        snprintf(ref, sizeof ref, " PAGEREF _Toc%zu \\h ", b->toc_target);
        folio_dx_tab_run(x);
        field_char(x, "begin");
        instr(x, ref);
        field_char(x, "separate");
        /* the page of the PDF's layout, when it ran: Word and LibreOffice
         * show it until the field is updated */
        int page = d->f->page_of ? d->f->page_of[b->toc_target - 1] : 0;
        if (page > 0) {
            char num[16];
            snprintf(num, sizeof num, "%d", page);
            dx_start(x, "w:r");
            dx_start(x, "w:t");
            folio_dx_chars(x, num, strlen(num));
            dx_end(x);
            dx_end(x);
        }
        field_char(x, "end");
        dx_end(x); /* w:hyperlink */
    }
    if (last)
        field_char(x, "end");
    dx_end(x);
    x->last = 1;
}
