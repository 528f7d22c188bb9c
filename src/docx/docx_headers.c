/* Later pages: running heads (the symbol over a rule) and folios (a PAGE
 * field), at the outer edge — left on even pages, right on odd ones. The
 * styles carry the alignment ("UNHeader" / "UNHeaderOdd"), the rule and
 * the position; the parts only name them. */
#include <stdio.h>

#include "docx/docx_xml.h"

static const char *odd_name(dx_doc *d, const folio_pstyle *st, int odd)
{
    return odd ? folio_sprintf(d->arena, "%sOdd", st->name) : st->name;
}

static int header(dx_doc *d, const char *part, int odd)
{
    const folio_masthead *m = &d->f->mast;
    const char *sym = m->running_symbol && *m->running_symbol
                          ? m->running_symbol : m->symbol;
    const char *style = odd_name(d, folio_dx_style(d, "UNHeader"), odd);
    if (!style)
        return FOLIO_E_NOMEM;
    dx_xml x;
    int rc = folio_dx_xml_begin(d, &x);
    if (rc < 0)
        return rc;
    folio_dx_root(&x, "w:hdr");
    folio_dx_para_text(&x, style, sym);
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

static int footer(dx_doc *d, const char *part, int odd)
{
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
    dx_end(&x);
    field_char(&x, "begin");
    dx_start(&x, "w:r");
    dx_start(&x, "w:instrText");
    dx_attr(&x, "xml:space", "preserve");
    folio_dx_chars(&x, " PAGE ", 6);
    dx_end(&x);
    dx_end(&x);
    field_char(&x, "separate");
    /* The cached result: the first page of that parity that shows it. */
    folio_dx_run_text(&x, NULL, odd ? "3" : "2");
    field_char(&x, "end");
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
