/* document.xml's tables: column widths from the cells' words, borders as
 * the house draws them, head rows repeated on each page. */
#include <stdio.h>
#include <string.h>

#include "docx/docx_xml.h"
#include "util/text.h"

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
