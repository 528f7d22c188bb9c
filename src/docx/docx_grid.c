/* Borderless layout grids (the masthead and the first-page footer): fixed
 * column widths, no cell padding, rules drawn as cell borders; and the
 * small paragraph helpers the grids' cells use. */
#include "docx/docx_xml.h"

static void width_attr(dx_xml *x, const char *name, int32_t mpt)
{
    dx_start(x, name);
    folio_dx_attr_int(x, "w:w", DX_TWIPS(mpt));
    dx_attr(x, "w:type", "dxa");
    dx_end(x);
}


void folio_dx_table_start(dx_xml *x, const dx_table_props *p, const int32_t *w, size_t n)
{
    dx_start(x, "w:tbl");
    dx_start(x, "w:tblPr");
    if (p->rtl)
        folio_dx_empty(x, "w:bidiVisual");
    width_attr(x, "w:tblW", p->width);
    width_attr(x, "w:tblInd", p->indent);
    /* only the top and bottom rules may be drawn: no verticals, none
     * between rows (UN tables draw the rule under the heads on its cells) */
    dx_start(x, "w:tblBorders");
    static const char *const sides[] = {"w:top", "w:left", "w:bottom",
                                        "w:right", "w:insideH", "w:insideV"};
    for (size_t i = 0; i < 6; i++) {
        int ruled = (p->ruled && (i == 0 || i == 2)) || (p->boxed && i < 4);
        dx_start(x, sides[i]);
        dx_attr(x, "w:val", ruled ? "single" : "nil");
        if (ruled) {
            dx_attr(x, "w:sz", "4");
            dx_attr(x, "w:space", "0");
            dx_attr(x, "w:color", "000000");
        }
        dx_end(x);
    }
    dx_end(x);
    dx_start(x, "w:tblLayout");
    dx_attr(x, "w:type", "fixed");
    dx_end(x);
    dx_start(x, "w:tblCellMar");
    width_attr(x, "w:top", p->pad_y);
    width_attr(x, "w:left", p->pad_x);
    width_attr(x, "w:bottom", p->pad_y);
    width_attr(x, "w:right", p->pad_x);
    dx_end(x);
    dx_start(x, "w:tblLook");
    dx_attr(x, "w:val", p->head_row ? "0020" : "0000");
    dx_attr(x, "w:firstRow", p->head_row ? "1" : "0");
    dx_attr(x, "w:lastRow", "0");
    dx_attr(x, "w:firstColumn", "0");
    dx_attr(x, "w:lastColumn", "0");
    dx_attr(x, "w:noHBand", "1");
    dx_attr(x, "w:noVBand", "1");
    dx_end(x);
    dx_end(x);
    dx_start(x, "w:tblGrid");
    for (size_t i = 0; i < n; i++) { /* a grid column has a width, no type */
        dx_start(x, "w:gridCol");
        folio_dx_attr_int(x, "w:w", DX_TWIPS(w[i]));
        dx_end(x);
    }
    dx_end(x);
}

/* A borderless fixed grid at the margin with no cell padding. */
void folio_dx_grid_start(dx_xml *x, const int32_t *w, size_t n)
{
    dx_table_props p = {0};
    for (size_t i = 0; i < n; i++)
        p.width += w[i];
    folio_dx_table_start(x, &p, w, n);
}

void folio_dx_row_start(dx_xml *x, int32_t height)
{
    dx_start(x, "w:tr");
    dx_start(x, "w:trPr");
    folio_dx_empty(x, "w:cantSplit");
    if (height > 0) {
        dx_start(x, "w:trHeight");
        folio_dx_attr_int(x, "w:val", DX_TWIPS(height));
        dx_attr(x, "w:hRule", "exact");
        dx_end(x);
    }
    dx_end(x);
}

/* rule: bottom border in eighths of a point (0: none). Cells are placed
 * by their paragraphs' spacing, not by cell margins: LibreOffice applies
 * one top margin to every cell of a row. */
void folio_dx_cell_start(dx_xml *x, int32_t width, int span, int rule,
                       const char *valign)
{
    dx_start(x, "w:tc");
    dx_start(x, "w:tcPr");
    width_attr(x, "w:tcW", width);
    if (span > 1)
        folio_dx_val_int(x, "w:gridSpan", span);
    if (rule) {
        dx_start(x, "w:tcBorders");
        dx_start(x, "w:bottom");
        dx_attr(x, "w:val", "single");
        folio_dx_attr_int(x, "w:sz", rule);
        dx_attr(x, "w:space", "0");
        dx_attr(x, "w:color", "000000");
        dx_end(x);
        dx_end(x);
    }
    if (valign)
        folio_dx_val(x, "w:vAlign", valign);
    dx_end(x);
}

void folio_dx_para_start(dx_xml *x, const char *style)
{
    dx_start(x, "w:p");
    dx_start(x, "w:pPr");
    folio_dx_val(x, "w:pStyle", style);
    dx_end(x);
}

void folio_dx_empty_para(dx_xml *x, const char *style)
{
    folio_dx_para_start(x, style);
    dx_end(x);
}

void folio_dx_tab_run(dx_xml *x)
{
    dx_start(x, "w:r");
    folio_dx_empty(x, "w:tab");
    dx_end(x);
}
