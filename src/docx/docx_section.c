/* A section's properties (w:sectPr): page size and margins from the
 * furniture plan, the header and footer references of the first section,
 * the notes' numbering restart of an annex's section. */
#include "docx/docx_xml.h"

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
