/* The first page's masthead: the grid in the first-page header and the
 * lines under the thick rule at the start of the body.
 *
 * Why the grid lives in the first-page header: the body's top margin is the
 * one of the later pages (under the running head), so a grid in the body
 * would start about 40 pt too low. In the header it starts at the header
 * distance like the official PDF's, and Word and LibreOffice both push the
 * first page's body below a header taller than the margin. The rules are
 * the cells' bottom borders (0.5 pt under the wordmark row, 1.5 pt under
 * the emblem row). */
#include <stdlib.h>
#include <string.h>

#include "docx/docx_xml.h"

#define PT FOLIO_PT

/* The house style's own emblem PNG, as it is. */
static int emblem_file(dx_xml *x, const folio_masthead *m)
{
    dx_doc *d = x->doc;
    char *data = NULL;
    size_t len = 0;
    int rc = folio_read_file(d->ctx, m->emblem_image, 16 << 20, &data, &len);
    if (rc)
        return rc;
    int32_t w = DX_EMBLEM_W, h = (int32_t)((int64_t)w * m->emblem_px_h / m->emblem_px_w);
    if (h > PT(44)) {
        h = PT(44);
        w = (int32_t)((int64_t)h * m->emblem_px_w / m->emblem_px_h);
    }
    return folio_dx_png_run(x, (unsigned char *)data, len, w, h, "United Nations emblem");
}

static int emblem(dx_xml *x)
{
    dx_doc *d = x->doc;
    if (d->f->mast.emblem_image)
        return emblem_file(x, &d->f->mast);
    /* the drawn emblem, rasterized when folio was built (src/gen/) */
    unsigned char *png = folio_malloc(folio_dx_emblem_png_len);
    if (!png)
        return FOLIO_E_NOMEM;
    memcpy(png, folio_dx_emblem_png, folio_dx_emblem_png_len);
    return folio_dx_png_run(x, png, folio_dx_emblem_png_len, DX_EMBLEM_W,
                            folio_dx_emblem_png_height, "United Nations emblem");
}

int folio_dx_write_first_header(dx_doc *d)
{
    const folio_masthead *m = &d->f->mast;
    dx_xml x;
    int rc = folio_dx_xml_begin(d, &x);
    if (rc < 0)
        return rc;
    int32_t col3 = d->text_width - DX_MAST_COL3;
    if (col3 < FOLIO_PT(72)) /* a frame narrower than any UN paper */
        col3 = FOLIO_PT(72);
    int32_t w[3] = {DX_MAST_COL1, DX_MAST_COL3 - DX_MAST_COL1, col3};
    folio_dx_root(&x, "w:hdr");
    folio_dx_grid_start(&x, w, 3);

    /* Row 1: wordmark, and the symbol on a right tab at the frame edge
     * (one line, so both share a baseline); thin rule under it. */
    folio_dx_row_start(&x, d->mast_row1);
    folio_dx_cell_start(&x, w[0], 1, 4, "bottom");
    folio_dx_empty_para(&x, "UNMastWordmark");
    dx_end(&x);
    folio_dx_cell_start(&x, w[1] + w[2], 2, 4, "bottom");
    folio_dx_para_start(&x, "UNMastWordmark");
    folio_dx_run_text(&x, NULL, m->wordmark);
    folio_dx_tab_run(&x);
    if (m->symbol_head && *m->symbol_head) {
        folio_dx_run_text(&x, "UNSymbolHead", m->symbol_head);
        folio_dx_run_text(&x, "UNSymbolTail", m->symbol_tail);
    } else {
        folio_dx_run_text(&x, "UNSymbolTail", m->symbol);
    }
    dx_end(&x);
    dx_end(&x);
    dx_end(&x);

    /* Row 2: emblem, organ, the distribution block; thick rule under it. */
    folio_dx_row_start(&x, DX_MAST_BAND);
    folio_dx_cell_start(&x, w[0], 1, 12, NULL);
    folio_dx_para_start(&x, "UNMastEmblem");
    rc = emblem(&x);
    dx_end(&x);
    dx_end(&x);
    if (rc < 0)
        goto done;
    folio_dx_cell_start(&x, w[1], 1, 12, NULL);
    folio_dx_para_text(&x, "UNMastOrgan", m->organ);
    dx_end(&x);
    folio_dx_cell_start(&x, w[2], 1, 12, NULL);
    folio_dx_para_text(&x, "UNMastDistr", m->distribution);
    folio_dx_para_text(&x, "UNMastRight", m->date);
    folio_dx_para_text(&x, "UNMastRight", m->language_line);
    folio_dx_para_text(&x, "UNMastRight", m->original_line);
    dx_end(&x);
    dx_end(&x);
    dx_end(&x); /* w:tbl */
    /* A header cannot end with a table; this paragraph is also the gap
     * between the thick rule and the body. */
    folio_dx_empty_para(&x, "UNMastEnd");
    dx_end(&x);
    return folio_dx_xml_finish(&x, "word/header1.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml");
done:
    folio_dx_xml_drop(&x);
    return rc;
}

/* ---- Lines under the thick rule --------------------------------------- */

static void line(dx_xml *x, const char *style, const char *text,
                 const folio_fnote *note)
{
    if ((!text || !*text) && !note)
        return;
    folio_dx_para_start(x, style);
    folio_dx_run_text(x, NULL, text);
    if (note)
        folio_dx_note_ref(x, note);
    dx_end(x);
}

void folio_dx_masthead_body(dx_xml *x)
{
    const folio_masthead *m = &x->doc->f->mast;
    for (size_t i = 0; i < m->nbody_lines; i++)
        line(x, i == 0 ? "UNMastBody" : "UNMastSession", m->body_lines[i],
             NULL);
    line(x, "UNMastSession", m->session, NULL);
    line(x, "UNMastLine", m->venue_dates, NULL);
    line(x, "UNMastLine", m->agenda_item, m->agenda_note);
    line(x, "UNMastSession", m->agenda_title, NULL);
    line(x, "UNMastTitle", m->title, m->title_note);
    line(x, "UNMastSubtitle", m->subtitle, NULL);
}
