/* A style's paragraph geometry as Word wants it: indents and tab stops
 * from the margin (the flow's are column-relative; the page margins are
 * the frame's edges, so the column offset is added, except in table cells,
 * headers and footers, whose box is not the column), for styles.xml, list
 * levels and paragraphs that override their style. */
#include <string.h>

#include "docx/docx_xml.h"

/* Where a style's indents are measured from, relative to the margin. */
static int32_t style_base(const dx_doc *d, const folio_pstyle *st,
                          const dx_style_use *use)
{
    if (st->frame_relative || (use && use->in_cell) ||
        folio_dx_same_style(st, folio_dx_style(d, "UNHeader")) ||
        folio_dx_same_style(st, folio_dx_style(d, "UNFooter")))
        return 0;
    return d->colofs;
}

int32_t folio_dx_style_left(const dx_doc *d, const folio_pstyle *st)
{
    if (folio_dx_is_grid_style(st->name))
        return st->indent_left;
    return style_base(d, st, folio_dx_style_use(d, st)) + st->indent_left;
}

/* A house style is set up for labels whether or not this document labels
 * any of its paragraphs: the same definition in every document. */
void folio_dx_style_geom(const dx_doc *d, const folio_pstyle *st, dx_geom *g)
{
    const dx_style_use *use = folio_dx_style_use(d, st);
    int labelled = use != NULL;
    memset(g, 0, sizeof *g);
    if (folio_dx_is_grid_style(st->name)) {
        /* Placed by the grid's cells; indents from the cell's edges. */
        g->left = st->indent_left;
        g->right = st->indent_right;
        return;
    }
    int32_t base = style_base(d, st, use);
    int frame = base == 0 && !(use && use->in_cell);
    g->left = base + st->indent_left;
    g->right = (frame ? 0 : d->colofs_right) + st->indent_right;
    if (use && use->in_cell)
        g->right = st->indent_right;

    if (folio_dx_same_style(st, folio_dx_style(d, "UNNote"))) {
        /* The note mark hangs at note_marker_indent, the text follows a
         * tab at the style's indent. */
        int32_t mark = d->colofs + d->f->note_marker_indent;
        if (mark < g->left) {
            g->first = -(g->left - mark);
            g->tab_left = g->left;
        }
        return;
    }
    if (st->label_place == FOLIO_LABEL_HANGING) {
        /* A list's number ends label_gap before the text: the first line
         * hangs by the gap, the number is right-aligned (w:lvlJc). */
        if (labelled && folio_dx_style_list(d, st)) {
            g->first = -st->label_gap;
            g->tab_left = g->left;
            return;
        }
        /* Word's note text (endnotes): the mark opens the line, left
         * aligned where a three-digit number (1.5 em) ends label_gap
         * before the text, which follows a tab at the indent. */
        if (labelled && st->word_name) {
            g->first = -(st->label_gap + st->size * 3 / 2);
            g->tab_left = g->left;
            return;
        }
        /* A typed label: the first line starts at the margin, the label is
         * right-aligned on a tab stop label_gap before the text, which
         * follows a second tab at the indent. */
        if (labelled) {
            g->first = -(g->left > 0 ? g->left : 0);
            g->tab_right = g->left - st->label_gap;
            g->tab_left = g->left;
        }
        return;
    }
    if (st->label_place == FOLIO_LABEL_HANG) {
        /* The label at label_indent (a hanging first line), the text on
         * the tab at the indent, as every following line. */
        if (labelled) {
            g->first = st->label_indent < 0 ? st->label_indent : 0;
            g->tab_left = g->left;
        }
        return;
    }
    /* AT_INDENT: the label at label_indent, the text at first_line after a
     * tab; continuation lines at the indent. A style never labelled starts
     * its first line where the text would (as the PDF does). */
    if (labelled) {
        g->first = st->label_indent;
        if (st->first_line > st->label_indent)
            g->tab_left = g->left + st->first_line;
    } else {
        g->first = st->first_line;
    }
}

int folio_dx_unlabelled_ind(const dx_doc *d, const folio_pstyle *st,
                            int32_t *left, int32_t *first)
{
    const dx_style_use *use = folio_dx_style_use(d, st);
    if (!use || folio_dx_is_grid_style(st->name))
        return 0;
    /* only where the label's set-up moves the first line */
    if (st->label_place != FOLIO_LABEL_HANGING && st->first_line == st->label_indent)
        return 0;
    *left = folio_dx_style_left(d, st);
    *first = st->label_place == FOLIO_LABEL_HANGING || st->label_place == FOLIO_LABEL_HANG
                 ? 0 : st->first_line;
    return 1;
}

static void tab(dx_xml *x, const char *kind, int32_t pos)
{
    dx_start(x, "w:tab");
    dx_attr(x, "w:val", kind);
    folio_dx_attr_int(x, "w:pos", DX_TWIPS(pos));
    dx_end(x);
}

void folio_dx_geom_ind(dx_xml *x, const dx_geom *g)
{
    dx_start(x, "w:ind");
    folio_dx_attr_int(x, "w:left", DX_TWIPS(g->left));
    folio_dx_attr_int(x, "w:right", DX_TWIPS(g->right));
    if (g->first < 0)
        folio_dx_attr_int(x, "w:hanging", DX_TWIPS(-g->first));
    else
        folio_dx_attr_int(x, "w:firstLine", DX_TWIPS(g->first));
    dx_end(x);
}

void folio_dx_geom_tabs(dx_xml *x, const dx_geom *g)
{
    if (!g->tab_left && !g->tab_right)
        return;
    dx_start(x, "w:tabs");
    if (g->tab_right)
        tab(x, "right", g->tab_right);
    if (g->tab_left)
        tab(x, "left", g->tab_left);
    dx_end(x);
}

void folio_dx_label_geom(dx_doc *d, dx_xml *x, const folio_pstyle *st)
{
    dx_geom g;
    folio_dx_style_geom(d, st, &g);
    folio_dx_geom_tabs(x, &g);
    folio_dx_geom_ind(x, &g);
}

void folio_dx_level_ppr(dx_doc *d, dx_xml *x, const folio_pstyle *st)
{
    dx_start(x, "w:pPr");
    folio_dx_label_geom(d, x, st);
    dx_end(x);
}

void folio_dx_text_label_geom(dx_doc *d, dx_xml *x, const folio_pstyle *st)
{
    dx_geom g;
    folio_dx_style_geom(d, st, &g);
    if (st->label_place == FOLIO_LABEL_HANGING && folio_dx_style_list(d, st)) {
        g.first = -(g.left > 0 ? g.left : 0);
        g.tab_right = g.left - st->label_gap;
        folio_dx_geom_tabs(x, &g);
        folio_dx_geom_ind(x, &g);
    }
}
