/* Later pages, as the furniture plan (flow->furn) says: running heads (the
 * symbol over a rule) and feet (the page number as a PAGE field, or
 * PAGE/NUMPAGES for "2/9"; the job number where the station prints it).
 * The styles carry each parity's side ("UNHeader" / "UNHeaderOdd"), the
 * rule and the position; a foot with the job number puts the number and
 * the job number at the two edges of one line (a right tab at the
 * frame's edge). */
#include <stdio.h>
#include <string.h>

#include "docx/docx_xml.h"

static const char *odd_name(dx_doc *d, const folio_pstyle *st, int odd)
{
    return odd ? folio_sprintf(d->arena, "%sOdd", st->name) : st->name;
}

static int header(dx_doc *d, const char *part, int odd)
{
    const folio_furniture *u = &d->f->furn;
    folio_side side = odd ? u->head.odd : u->head.even;
    const char *style = odd_name(d, folio_dx_style(d, "UNHeader"), odd);
    if (!style)
        return FOLIO_E_NOMEM;
    dx_xml x;
    int rc = folio_dx_xml_begin(d, &x);
    if (rc < 0)
        return rc;
    folio_dx_root(&x, "w:hdr");
    folio_dx_para_text(&x, style, side ? u->head.text : NULL);
    dx_end(&x);
    return folio_dx_xml_finish(&x, part,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml");
}

static void field_char(dx_xml *x, const char *type)
{
    dx_start(x, "w:r");
    dx_start(x, "w:fldChar");
    dx_attr(x, "w:fldCharType", type);
    dx_end(x);
    dx_end(x);
}

/* A field whose cached result is `shown` (Word updates it). */
static void field(dx_xml *x, const char *instr, const char *shown)
{
    field_char(x, "begin");
    dx_start(x, "w:r");
    dx_start(x, "w:instrText");
    dx_attr(x, "xml:space", "preserve");
    folio_dx_chars(x, instr, strlen(instr));
    dx_end(x);
    dx_end(x);
    field_char(x, "separate");
    folio_dx_run_text(x, NULL, shown);
    field_char(x, "end");
}

/* "2", or "2/9"; the cached page is the first of that parity that shows
 * it. */
static void page_number(dx_doc *d, dx_xml *x, int odd)
{
    const char *page = odd ? "3" : "2";
    field(x, " PAGE ", page);
    if (d->f->furn.folio.of_total) {
        folio_dx_run_text(x, NULL, "/");
        field(x, " NUMPAGES ", page);
    }
}

/* The job number, raised over the page number's baseline as the plan
 * says (on the run: LibreOffice reads a raise in a character style as a
 * superscript). */
static void later_job(dx_xml *x, const folio_furniture *u)
{
    dx_start(x, "w:r");
    dx_start(x, "w:rPr");
    folio_dx_val(x, "w:rStyle", "UNLaterJob");
    if (u->folio.y != u->later_job.y)
        folio_dx_val_int(x, "w:position", DX_HALFPT(u->folio.y - u->later_job.y));
    dx_end(x);
    folio_dx_text_elem(x, "w:t", u->later_job.text);
    dx_end(x);
}

static int footer(dx_doc *d, const char *part, int odd)
{
    const folio_furniture *u = &d->f->furn;
    folio_side fs = odd ? u->folio.odd : u->folio.even;
    folio_side js = u->later_job.text ? (odd ? u->later_job.odd : u->later_job.even)
                                      : FOLIO_SIDE_NONE;
    const char *style = odd_name(d, folio_dx_style(d, "UNFooter"), odd);
    if (!style)
        return FOLIO_E_NOMEM;
    dx_xml x;
    int rc = folio_dx_xml_begin(d, &x);
    if (rc < 0)
        return rc;
    folio_dx_root(&x, "w:ftr");
    dx_start(&x, "w:p");
    dx_start(&x, "w:pPr");
    folio_dx_val(&x, "w:pStyle", style);
    int two = js && fs && js != fs; /* number and job number at the two edges */
    if (two) {
        dx_start(&x, "w:tabs");
        dx_start(&x, "w:tab");
        dx_attr(&x, "w:val", "right");
        folio_dx_attr_int(&x, "w:pos", DX_TWIPS(d->text_width));
        dx_end(&x);
        dx_end(&x);
        folio_dx_val(&x, "w:jc", "left");
    }
    dx_end(&x);
    for (folio_side side = FOLIO_SIDE_LEFT; side <= FOLIO_SIDE_RIGHT; side++) {
        if (two && side == FOLIO_SIDE_RIGHT)
            folio_dx_tab_run(&x);
        if (fs == side)
            page_number(d, &x, odd);
        if (js == side)
            later_job(&x, u);
    }
    dx_end(&x);
    dx_end(&x);
    return folio_dx_xml_finish(&x, part,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml");
}

int folio_dx_write_running(dx_doc *d)
{
    /* header2/footer2 are the default (odd) ones, header3/footer3 even. */
    int rc = header(d, "word/header2.xml", 1);
    if (rc == 0)
        rc = header(d, "word/header3.xml", 0);
    if (rc == 0)
        rc = footer(d, "word/footer2.xml", 1);
    if (rc == 0)
        rc = footer(d, "word/footer3.xml", 0);
    return rc;
}
