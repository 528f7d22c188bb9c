/* The styles of the page furniture, derived for each document from the
 * furniture plan (flow->furn): the masthead grid's (placed by their
 * spacing at the plan's baselines), the lines under the thick rule, the
 * masthead title and subtitle, and the first-page footer's. Every size
 * and position is the plan's; what is Word's own here is how a baseline
 * becomes paragraph spacing (exact line heights, Times New Roman's
 * descent). */
#include <string.h>

#include "docx/docx_xml.h"

/* Style ids of the lines under the thick rule, by role. */
static const char *const line_styles[FOLIO_MAST_ROLES] = {
    "UNMastBody", "UNMastSubsidiary", "UNMastSession", "UNMastVenue", "UNMastAgenda",
    "UNMastAgendaTitle"};
static const char *const line_ui[FOLIO_MAST_ROLES] = {
    "UN Masthead Body", "UN Masthead Subsidiary Body", "UN Masthead Session",
    "UN Masthead Venue and Dates", "UN Masthead Agenda Item", "UN Masthead Agenda Title"};

const char *folio_dx_mast_line_style(folio_mast_role role)
{
    return role < FOLIO_MAST_ROLES ? line_styles[role] : line_styles[0];
}

/* A new style of this document (no flow style behind it). */
static folio_pstyle *fresh(dx_doc *d, const char *name, const char *ui, folio_face face,
                           int32_t size, int32_t leading)
{
    folio_pstyle st = {0};
    st.name = name;
    st.ui_name = ui;
    st.face = face;
    st.size = size;
    st.leading = leading;
    st.align = FOLIO_H_LEFT;
    return folio_dx_own_style(d, &st, NULL);
}

/* From the top of an exactly spaced line to its baseline. */
static int32_t line_top(int32_t size, int32_t leading)
{
    return leading - DX_DESCENT(size);
}

/* Row 1 (wordmark and symbol) and row 2 (emblem, organ, the block). */
static int grid_styles(dx_doc *d)
{
    const folio_furniture *u = &d->f->furn;
    int32_t fl = d->f->page.frame_left, thin = u->thin_rule.y;
    const folio_furn_text *mark = u->wordmark.size ? &u->wordmark : &u->symbol_tail;
    int32_t head = u->symbol_head.size > mark->size ? u->symbol_head.size : mark->size;
    int32_t base = mark->y ? mark->y : u->symbol_head.y;
    folio_pstyle *st;

    /* the line holds the large symbol head; it ends on the thin rule */
    if (!(st = fresh(d, "UNMastWordmark", "UN Masthead Wordmark", mark->face, mark->size,
                     DX_LINE(head))))
        return FOLIO_E_NOMEM;
    st->space_after = thin - base - DX_DESCENT(head);
    st->indent_left = u->wordmark.text ? u->wordmark.x - fl : 0;
    /* the symbol ends at the frame's right edge: a right tab there */
    d->mast_tab = u->symbol_tail.text ? u->symbol_tail.x + u->symbol_tail.width - fl
                                      : d->text_width;
    int32_t space_after = st->space_after;
    if (u->rtl) {
        /* right to left: the wordmark from the right edge (a bidi
         * paragraph's left indent is its start), the symbol in a cell of
         * its own at the left, in a style that stays left to right */
        int32_t fr = d->f->page.frame_right;
        st->indent_left = u->wordmark.text ? fr - u->wordmark.x - u->wordmark.width : 0;
        if (!(st = fresh(d, "UNMastSymbol", "UN Masthead Symbol", mark->face, mark->size,
                         DX_LINE(head))))
            return FOLIO_E_NOMEM;
        st->space_after = space_after;
    }

    if (!(st = fresh(d, "UNMastEmblem", "UN Masthead Emblem", FOLIO_FACE_REGULAR, 0, 0)))
        return FOLIO_E_NOMEM;
    if (u->emblem.w) { /* else the cell stays empty */
        st->space_before = u->emblem.y - thin;
        st->indent_left = u->rtl ? d->f->page.frame_right - u->emblem.x - u->emblem.w
                                 : u->emblem.x - fl;
    }

    if (!(st = fresh(d, "UNMastOrgan", "UN Masthead Organ", u->organ.face, u->organ.size,
                     u->organ.leading)))
        return FOLIO_E_NOMEM;
    st->space_before = u->organ.y - thin - line_top(u->organ.size, u->organ.leading);
    st->indent_right = u->rtl ? 0 : u->block[0].x - u->organ.right;

    const folio_furn_text *b = &u->block[0];
    if (!(st = fresh(d, "UNMastDistr", "UN Masthead Distribution", b->face, b->size,
                     u->block_leading)))
        return FOLIO_E_NOMEM;
    st->space_before = b->y - thin - line_top(b->size, u->block_leading);
    folio_pstyle *right = fresh(d, "UNMastRight", "UN Masthead Right", b->face, b->size,
                                u->block_leading);
    if (!right)
        return FOLIO_E_NOMEM;
    if (u->rtl) /* the block from its x in its column at the frame's left */
        st->indent_left = right->indent_left = b->x - fl;
    return 0;
}

/* The lines under the thick rule, the paragraph that ends the header
 * above them, and the masthead title and subtitle. */
static int line_styles_of(dx_doc *d)
{
    const folio_furniture *u = &d->f->furn;
    folio_pstyle *st;
    for (int i = 0; i < FOLIO_MAST_ROLES; i++) {
        const folio_furn_font *font = &u->line_font[i];
        if (!(st = fresh(d, line_styles[i], line_ui[i], font->face, font->size,
                         u->lines_leading)))
            return FOLIO_E_NOMEM;
        st->frame_relative = 1;
        st->keep_with_next = 1;
        /* they wrap where the plan says, measured from the frame */
        st->indent_right = d->text_width - (u->lines_right - u->lines_x);
    }
    /* The header ends where the first line's box begins (or would), less
     * the thick rule: LibreOffice lays a cell's bottom border out under
     * the row. */
    folio_mast_role first = u->nlines ? u->lines[0].role : FOLIO_MAST_BODY;
    folio_mast_role last = u->nlines ? u->lines[u->nlines - 1].role : FOLIO_MAST_BODY;
    int32_t first_size = u->line_font[first].size;
    if (!(st = fresh(d, "UNMastEnd", "UN Masthead End", FOLIO_FACE_REGULAR, 0,
                     u->lines_y - u->lines_leading + DX_DESCENT(first_size) -
                         u->thick_rule.y - u->thick_rule.thickness)))
        return FOLIO_E_NOMEM;
    st->frame_relative = 1;
    if (st->leading <= 0)
        st->leading = 1;

    /* Title and subtitle: the flow's styles, at the plan's steps from the
     * baseline before. */
    const folio_pstyle *title = folio_dx_style(d, u->title_style ? u->title_style : "UNTitle");
    if (!title)
        title = folio_dx_style(d, "UNTitle");
    const folio_pstyle *sub = folio_dx_style(d, "UNSubtitle");
    if (!(st = folio_dx_own_style(d, title, title->name)))
        return FOLIO_E_NOMEM;
    st->name = "UNMastTitle";
    st->ui_name = "UN Masthead Title";
    st->space_before = u->title_step - line_top(st->size, st->leading) -
                       DX_DESCENT(u->line_font[last].size);
    st->page_break_before = 0;
    if (!(st = folio_dx_own_style(d, sub, sub->name)))
        return FOLIO_E_NOMEM;
    st->name = "UNMastSubtitle";
    st->ui_name = "UN Masthead Subtitle";
    st->space_before = u->subtitle_step - line_top(st->size, st->leading) -
                       DX_DESCENT(title->size) - title->space_after;
    st->page_break_before = 0;
    return 0;
}

/* An empty paragraph of exactly `height` that closes a footer cell. */
static int gap_style(dx_doc *d, const char *name, const char *ui, int32_t height)
{
    folio_pstyle *st = fresh(d, name, ui, FOLIO_FACE_REGULAR, 0, height > 0 ? height : 1);
    return st ? 0 : FOLIO_E_NOMEM;
}

/* The first-page footer: job number over the bars and their line on the
 * left; "Please recycle", its mark and the QR code on the right. Both
 * cells end at the footer's bottom (the page's foot less the footer
 * distance and the spacer paragraph under the grid); each closes with an
 * empty line of the height that puts its last baseline on the plan's (a
 * last paragraph's space after counts twice in LibreOffice's
 * bottom-aligned cells, an empty line the same everywhere). */
static int footer_styles(dx_doc *d)
{
    const folio_furniture *u = &d->f->furn;
    int32_t fl = d->f->page.frame_left;
    const folio_furn_font *bf = &u->barcode.font;
    int32_t bars_bottom = u->barcode.box.y + u->barcode.box.h;
    const folio_pstyle *spacer = folio_dx_style(d, "UNSpacer");
    int32_t spacer_h = spacer ? spacer->leading : 0;
    folio_pstyle *job, *text;

    if (!(job = fresh(d, "UNJobLine", "UN Job Number", u->job.face, u->job.size,
                      DX_LINE(u->job.size))) ||
        /* the bars' paragraph: an image on the line, the text's descent
         * under it */
        !fresh(d, "UNBarcode", "UN Barcode", bf->face, bf->size, 0) ||
        !(text = fresh(d, "UNBarcodeText", "UN Barcode Text", bf->face, bf->size,
                       u->barcode.text_y - bars_bottom)) ||
        !fresh(d, "UNRecycle", "UN Recycle and QR", u->recycle.face, u->recycle.size, 0))
        return FOLIO_E_NOMEM;
    if (u->barcode.payload)
        job->space_after = u->barcode.box.y - u->job.y - DX_DESCENT(u->job.size);
    if (u->barcode.char_x)
        text->indent_left = u->barcode.char_x[0] - fl;
    if (text->leading <= 0)
        text->leading = 1;
    /* the left cell's last line: the bars' text, the bars, the job line */
    int32_t left = u->job.y + DX_DESCENT(u->job.size);
    if (u->barcode.text)
        left = u->barcode.text_y + DX_DESCENT(bf->size);
    else if (u->barcode.payload)
        left = bars_bottom + DX_DESCENT(bf->size);
    /* the right-hand line's baseline: the text's, or the QR code's foot */
    int32_t base = u->recycle.text ? u->recycle.y : u->qr.y + u->qr.h;
    int32_t right = base + DX_DESCENT(u->recycle.size);
    /* One footer distance serves every page: where the first page's
     * footer reaches lower than the later pages' number (New York), the
     * footer comes down to it and the number is lifted back. */
    int32_t first = (left > right ? left : right) + spacer_h;
    int32_t later = d->f->page.height - d->footer_dist;
    if (first > later && d->f->page.height - first > 0) {
        folio_pstyle *foot = folio_dx_own_style(d, folio_dx_style(d, "UNFooter"), NULL);
        if (!foot)
            return FOLIO_E_NOMEM;
        foot->space_after += first - later;
        d->footer_dist = d->f->page.height - first;
    }
    int32_t bottom = d->f->page.height - d->footer_dist - spacer_h;
    int rc = gap_style(d, "UNFootLeftEnd", "UN Footer Left End", bottom - left);
    if (!rc)
        rc = gap_style(d, "UNFootRightEnd", "UN Footer Right End", bottom - right);
    return rc;
}

int folio_dx_masthead_styles(dx_doc *d)
{
    size_t first = d->nown;
    int rc = grid_styles(d);
    if (!rc)
        rc = line_styles_of(d);
    if (!rc)
        rc = footer_styles(d);
    /* Word's spacing is never negative: an element the plan puts above
     * its row's top (none in the house style) starts at the top. */
    for (size_t i = first; !rc && i < d->nown; i++) {
        folio_pstyle *st = &d->own[i]->st;
        if (st->space_before < 0)
            st->space_before = 0;
        if (st->space_after < 0)
            st->space_after = 0;
    }
    return rc;
}

static void char_style(dx_xml *x, const char *id, const char *ui, const folio_furn_font *font)
{
    int bold = font->face == FOLIO_FACE_BOLD || font->face == FOLIO_FACE_BOLD_ITALIC;
    int italic = font->face == FOLIO_FACE_ITALIC || font->face == FOLIO_FACE_BOLD_ITALIC;
    dx_start(x, "w:style");
    dx_attr(x, "w:type", "character");
    dx_attr(x, "w:customStyle", "1");
    dx_attr(x, "w:styleId", id);
    folio_dx_val(x, "w:name", ui);
    folio_dx_val(x, "w:basedOn", "DefaultParagraphFont");
    dx_start(x, "w:rPr");
    /* the face itself, whatever the paragraph's (a bold footer line) */
    folio_dx_val(x, "w:b", bold ? "1" : "0");
    folio_dx_val(x, "w:i", italic ? "1" : "0");
    if (font->size > 0) {
        folio_dx_val_int(x, "w:sz", DX_HALFPT(font->size));
        folio_dx_val_int(x, "w:szCs", DX_HALFPT(font->size));
    }
    dx_end(x);
    dx_end(x);
}

void folio_dx_furniture_char_styles(dx_xml *x)
{
    const folio_furniture *u = &x->doc->f->furn;
    folio_furn_font head = {u->symbol_head.face, u->symbol_head.size};
    folio_furn_font tail = {u->symbol_tail.face, u->symbol_tail.size};
    char_style(x, "UNSymbolHead", "UN Symbol Head", &head);
    char_style(x, "UNSymbolTail", "UN Symbol Tail", &tail);
    char_style(x, "UNLaterJob", "UN Later Job Number", &u->later_job.font);
}
