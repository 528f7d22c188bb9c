/* The first page's masthead, as the furniture plan (flow->furn) says: the
 * grid in the first-page header and the lines under the thick rule at the
 * start of the body.
 *
 * Why the grid lives in the first-page header: the body's top margin is the
 * one of the later pages (under the running head), so a grid in the body
 * would start about 40 pt too low. In the header it starts at the header
 * distance like the official PDF's, and Word and LibreOffice both push the
 * first page's body below a header taller than the margin. The rules are
 * the cells' bottom borders (the thin rule under the wordmark row, the
 * thick one under the emblem row); the columns end where the plan puts
 * the organ and the distribution block. */
#include <stdlib.h>
#include <string.h>

#include "docx/docx_xml.h"

static int emblem(dx_xml *x)
{
    dx_doc *d = x->doc;
    const folio_furniture *u = &d->f->furn;
    unsigned char *png;
    size_t len;
    if (!u->emblem.w)
        return 0;
    if (u->emblem_image) { /* the house style's own PNG, as it is */
        char *data = NULL;
        int rc = folio_read_file(d->ctx, u->emblem_image, 16 << 20, &data, &len);
        if (rc)
            return rc;
        png = (unsigned char *)data;
    } else {
        /* the drawn emblem, rasterized when folio was built (src/gen/) */
        if (!(png = folio_malloc(folio_dx_emblem_png_len)))
            return FOLIO_E_NOMEM;
        memcpy(png, folio_dx_emblem_png, folio_dx_emblem_png_len);
        len = folio_dx_emblem_png_len;
    }
    return folio_dx_png_run(x, png, len, u->emblem.w, u->emblem.h, "United Nations emblem");
}

/* The organ's lines, broken where the plan broke them. */
static void organ(dx_xml *x, const folio_furniture *u)
{
    folio_dx_para_start(x, "UNMastOrgan");
    for (size_t i = 0; i < u->organ.nlines; i++) {
        if (i) {
            dx_start(x, "w:r");
            folio_dx_empty(x, "w:br");
            dx_end(x);
        }
        folio_dx_run_text(x, NULL, u->organ.lines[i]);
    }
    dx_end(x);
}

/* Right to left: the grid's columns from the left are the block, the
 * organ and the emblem; row 1 holds the symbol at the left and the
 * wordmark from the right in cells of their own (a mirrored plan). */
static int rtl_grid(dx_xml *x, dx_doc *d)
{
    const folio_furniture *u = &d->f->furn;
    int32_t fl = d->f->page.frame_left, fr = d->f->page.frame_right;
    int32_t w[3] = {u->organ.x - fl, u->organ.right - u->organ.x, fr - u->organ.right};
    w[0] = d->text_width - w[1] - w[2];
    for (int i = 0; i < 3; i++)
        if (w[i] <= 0)
            return folio_error(d->ctx, FOLIO_E_DOCX, (folio_pos){0, 0},
                               "the masthead's columns do not fit the frame");
    folio_dx_grid_start(x, w, 3);

    int thin = DX_EIGHTHPT(u->thin_rule.thickness);
    folio_dx_row_start(x, d->mast_row1);
    folio_dx_cell_start(x, w[0], 1, thin, "bottom");
    folio_dx_para_start(x, "UNMastSymbol");
    folio_dx_run_text(x, "UNSymbolHead", u->symbol_head.text);
    folio_dx_run_text(x, "UNSymbolTail", u->symbol_tail.text);
    dx_end(x);
    dx_end(x);
    folio_dx_cell_start(x, w[1] + w[2], 2, thin, "bottom");
    folio_dx_para_start(x, "UNMastWordmark");
    folio_dx_run_text(x, NULL, u->wordmark.text);
    dx_end(x);
    dx_end(x);
    dx_end(x);

    int thick = DX_EIGHTHPT(u->thick_rule.thickness);
    folio_dx_row_start(x, u->thick_rule.y - u->thin_rule.y);
    folio_dx_cell_start(x, w[0], 1, thick, NULL);
    for (int i = 0; i < 4; i++)
        folio_dx_para_text(x, i ? "UNMastRight" : "UNMastDistr", u->block[i].text);
    dx_end(x);
    folio_dx_cell_start(x, w[1], 1, thick, NULL);
    organ(x, u);
    dx_end(x);
    folio_dx_cell_start(x, w[2], 1, thick, NULL);
    folio_dx_para_start(x, "UNMastEmblem");
    int rc = emblem(x);
    dx_end(x);
    dx_end(x);
    dx_end(x);
    dx_end(x); /* w:tbl */
    return rc;
}

int folio_dx_write_first_header(dx_doc *d)
{
    const folio_furniture *u = &d->f->furn;
    int32_t fl = d->f->page.frame_left;
    dx_xml x;
    int rc = folio_dx_xml_begin(d, &x);
    if (rc < 0)
        return rc;
    folio_dx_root(&x, "w:hdr");
    if (!u->class_name) { /* a flow without furniture: an empty header */
        folio_dx_empty_para(&x, "UNMastEnd");
        dx_end(&x);
        goto finish;
    }
    if (u->rtl) {
        if ((rc = rtl_grid(&x, d)) < 0)
            goto done;
        folio_dx_empty_para(&x, "UNMastEnd");
        dx_end(&x);
        goto finish;
    }
    int32_t w[3] = {u->organ.x - fl, u->block[0].x - u->organ.x,
                    d->text_width - (u->block[0].x - fl)};
    for (int i = 0; i < 3; i++)
        if (w[i] <= 0) { /* a plan wider than its frame */
            rc = folio_error(d->ctx, FOLIO_E_DOCX, (folio_pos){0, 0},
                             "the masthead's columns do not fit the frame");
            goto done;
        }
    folio_dx_grid_start(&x, w, 3);

    /* Row 1: wordmark, and the symbol on a right tab at the frame edge
     * (one line, so both share a baseline); thin rule under it. */
    folio_dx_row_start(&x, d->mast_row1);
    folio_dx_cell_start(&x, d->text_width, 3, DX_EIGHTHPT(u->thin_rule.thickness), "bottom");
    folio_dx_para_start(&x, "UNMastWordmark");
    folio_dx_run_text(&x, NULL, u->wordmark.text);
    if (u->symbol_head.text || u->symbol_tail.text)
        folio_dx_tab_run(&x);
    folio_dx_run_text(&x, "UNSymbolHead", u->symbol_head.text);
    folio_dx_run_text(&x, "UNSymbolTail", u->symbol_tail.text);
    dx_end(&x);
    dx_end(&x);
    dx_end(&x);

    /* Row 2: emblem, organ, the distribution block; thick rule under it. */
    int thick = DX_EIGHTHPT(u->thick_rule.thickness);
    folio_dx_row_start(&x, u->thick_rule.y - u->thin_rule.y);
    folio_dx_cell_start(&x, w[0], 1, thick, NULL);
    folio_dx_para_start(&x, "UNMastEmblem");
    rc = emblem(&x);
    dx_end(&x);
    dx_end(&x);
    if (rc < 0)
        goto done;
    folio_dx_cell_start(&x, w[1], 1, thick, NULL);
    organ(&x, u);
    dx_end(&x);
    folio_dx_cell_start(&x, w[2], 1, thick, NULL);
    /* four lines on fixed baselines: an absent one stays an empty line */
    for (int i = 0; i < 4; i++)
        folio_dx_para_text(&x, i ? "UNMastRight" : "UNMastDistr", u->block[i].text);
    dx_end(&x);
    dx_end(&x);
    dx_end(&x); /* w:tbl */
    /* A header cannot end with a table; this paragraph is also the gap
     * between the thick rule and the body. */
    folio_dx_empty_para(&x, "UNMastEnd");
    dx_end(&x);
finish:
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
    const folio_furniture *u = &x->doc->f->furn;
    for (size_t i = 0; i < u->nlines; i++)
        line(x, folio_dx_mast_line_style(u->lines[i].role), u->lines[i].text,
             u->lines[i].note);
    line(x, "UNMastTitle", u->title, u->title_note);
    line(x, "UNMastSubtitle", u->subtitle, NULL);
}
