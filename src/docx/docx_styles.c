/* styles.xml: every interned style of the flow as a Word paragraph style,
 * plus the few styles the writer itself needs for the masthead, footers and
 * images when the flow has none of that name.
 *
 * Indents in the flow are column-relative; Word's are margin-relative, and
 * the page margins are the frame edges, so the column offset is added
 * (except in table cells, headers and footers, whose box is not the
 * column). Labels are literal text: the style carries the tab stops. */
#include <string.h>

#include "docx/docx_xml.h"

#define PT FOLIO_PT

/* Defaults for the styles the writer uses outside the flow's blocks. The
 * values follow un-format.md §1–3. The page furniture's styles are made
 * from the furniture plan (docx_mast_styles.c). */
static const folio_pstyle builtin[] = {
    {.name = "UNPara", .ui_name = "UN Paragraph", .size = PT(10),
     .leading = PT(12), .first_line = FOLIO_CM(1), .space_after = PT(6),
     .align = FOLIO_H_JUSTIFY},
    {.name = "UNTitle", .ui_name = "UN Title", .face = FOLIO_FACE_BOLD,
     .size = PT(14), .leading = PT(16), .space_before = PT(18),
     .align = FOLIO_H_LEFT, .keep_with_next = 1},
    {.name = "UNSubtitle", .ui_name = "UN Subtitle", .face = FOLIO_FACE_BOLD,
     .size = PT(12), .leading = PT(14), .space_before = PT(18),
     .align = FOLIO_H_LEFT, .keep_with_next = 1},
    {.name = "UNHeader", .ui_name = "UN Header", .face = FOLIO_FACE_BOLD,
     .size = PT(9), .leading = PT(11), .align = FOLIO_H_LEFT,
     .frame_relative = 1},
    {.name = "UNFooter", .ui_name = "UN Footer", .face = FOLIO_FACE_BOLD,
     .size = PT(9), .leading = PT(11), .align = FOLIO_H_LEFT,
     .frame_relative = 1},
    {.name = "UNNote", .ui_name = "UN Footnote", .size = PT(9),
     .leading = PT(11), .space_after = PT(2), .align = FOLIO_H_JUSTIFY},
    {.name = "UNSpacer", .ui_name = "UN Spacer", .size = PT(1),
     .leading = PT(1), .align = FOLIO_H_LEFT, .frame_relative = 1},
    {.name = "UNNoteSeparator", .ui_name = "UN Footnote Separator",
     .size = PT(2), .leading = PT(6), .indent_left = FOLIO_CM(1.2),
     .align = FOLIO_H_LEFT, .frame_relative = 1},
    {.name = "UNTable", .ui_name = "UN Table", .size = PT(10),
     .leading = PT(12), .align = FOLIO_H_LEFT, .frame_relative = 1},
    {.name = "UNTableHead", .ui_name = "UN Table Head",
     .face = FOLIO_FACE_ITALIC, .size = PT(9), .leading = PT(11),
     .align = FOLIO_H_LEFT, .frame_relative = 1},
    {.name = "UNEndRule", .ui_name = "UN End Rule", .size = PT(10),
     .leading = PT(12), .space_before = PT(24), .align = FOLIO_H_CENTER},
};

#define NBUILTIN (sizeof builtin / sizeof builtin[0])

/* Styles set inside the masthead grid and the first-page footer: their
 * indents are measured from the cell's edges, not the column's. */
static const char *const grid_styles[] = {
    "UNMastWordmark", "UNMastSymbol", "UNMastOrgan", "UNMastRight", "UNMastDistr",
    "UNMastEmblem", "UNJobLine", "UNBarcode", "UNBarcodeText", "UNRecycle",
    "UNFootLeftEnd", "UNFootRightEnd",
};

static int is_grid_style(const char *name)
{
    for (size_t i = 0; i < sizeof grid_styles / sizeof grid_styles[0]; i++)
        if (!strcmp(name, grid_styles[i]))
            return 1;
    return 0;
}

const folio_pstyle *folio_dx_style(const dx_doc *d, const char *name)
{
    const folio_flow *f = d->f;
    for (size_t i = 0; i < d->nown; i++)
        if (!strcmp(d->own[i]->st.name, name))
            return &d->own[i]->st;
    /* The flow's roles first: its header, footer and note styles may have
     * any name. */
    if (!strcmp(name, "UNHeader") && f->header_style)
        return f->header_style;
    if (!strcmp(name, "UNFooter") && f->footer_style)
        return f->footer_style;
    if (!strcmp(name, "UNNote") && f->note_style)
        return f->note_style;
    const folio_pstyle *st = folio_flow_style(f, name);
    if (st)
        return st;
    for (size_t i = 0; i < NBUILTIN; i++)
        if (!strcmp(builtin[i].name, name))
            return &builtin[i];
    return NULL;
}

/* "heading 1" -> "Heading1": Word's ids of its built-in styles are their
 * names with each word capitalized and the spaces taken out. */
static char *builtin_id(folio_arena *a, const char *name)
{
    char *id = folio_alloc(a, strlen(name) + 1), *o = id;
    if (!id)
        return NULL;
    int up = 1;
    for (const char *p = name; *p; p++) {
        if (*p == ' ') {
            up = 1;
            continue;
        }
        *o++ = up && *p >= 'a' && *p <= 'z' ? (char)(*p - 'a' + 'A') : *p;
        up = 0;
    }
    *o = 0;
    return id;
}

const char *folio_dx_style_id(dx_doc *d, const folio_pstyle *st)
{
    if (!st)
        return "Normal";
    if (!st->word_name || !*st->word_name)
        return st->name;
    for (size_t i = 0; i < d->nids; i++)
        if (d->id_of[i] == st)
            return d->ids[i];
    if (d->nids == d->cap_ids) {
        size_t cap = d->cap_ids ? d->cap_ids * 2 : 16;
        const char **v = folio_grow(d->arena, d->ids, sizeof *v, d->nids, cap);
        const folio_pstyle **w = v ? folio_grow(d->arena, d->id_of, sizeof *w, d->nids, cap)
                                   : NULL;
        if (!v || !w)
            return st->name;
        d->ids = v;
        d->id_of = w;
        d->cap_ids = cap;
    }
    char *id = builtin_id(d->arena, st->word_name);
    if (!id)
        return st->name;
    d->id_of[d->nids] = st;
    d->ids[d->nids++] = id;
    return id;
}

/* The id of the style named `name` (a flow style or the writer's own). */
static const char *id_of_name(dx_doc *d, const char *name)
{
    const folio_pstyle *st = name ? folio_dx_style(d, name) : NULL;
    return st ? folio_dx_style_id(d, st) : name;
}

const dx_style_use *folio_dx_style_use(const dx_doc *d, const folio_pstyle *st)
{
    for (size_t i = 0; i < d->f->nstyles; i++)
        if (d->uses[i].st == st)
            return &d->uses[i];
    return NULL;
}

static int same_name(const folio_pstyle *a, const folio_pstyle *b)
{
    return a && b && a->name && b->name && !strcmp(a->name, b->name);
}

/* Where a style's indents are measured from, relative to the margin. */
static int32_t style_base(const dx_doc *d, const folio_pstyle *st,
                          const dx_style_use *use)
{
    if (st->frame_relative || (use && use->in_cell) ||
        same_name(st, folio_dx_style(d, "UNHeader")) ||
        same_name(st, folio_dx_style(d, "UNFooter")))
        return 0;
    return d->colofs;
}

int32_t folio_dx_style_left(const dx_doc *d, const folio_pstyle *st)
{
    if (is_grid_style(st->name))
        return st->indent_left;
    return style_base(d, st, folio_dx_style_use(d, st)) + st->indent_left;
}

/* Paragraph geometry as Word wants it (all relative to the margin). */
typedef struct geom {
    int32_t left, right;
    int32_t first;              /* > 0 first-line indent, < 0 hanging */
    int32_t tab_left, tab_right;/* tab stops, 0 = none */
} geom;

/* A house style is set up for labels whether or not this document labels
 * any of its paragraphs: the same definition in every document. */
static void style_geom(const dx_doc *d, const folio_pstyle *st, geom *g)
{
    const dx_style_use *use = folio_dx_style_use(d, st);
    int labelled = use != NULL;
    memset(g, 0, sizeof *g);
    if (is_grid_style(st->name)) {
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

    if (same_name(st, folio_dx_style(d, "UNNote"))) {
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
    if (!use || is_grid_style(st->name))
        return 0;
    /* only where the label's set-up moves the first line */
    if (st->label_place != FOLIO_LABEL_HANGING && st->first_line == st->label_indent)
        return 0;
    *left = folio_dx_style_left(d, st);
    *first = st->label_place == FOLIO_LABEL_HANGING || st->label_place == FOLIO_LABEL_HANG
                 ? 0 : st->first_line;
    return 1;
}

static const char *jc_name(folio_halign a)
{
    switch (a) {
    case FOLIO_H_LEFT: return "left";
    case FOLIO_H_CENTER: return "center";
    case FOLIO_H_RIGHT: return "right";
    default: return "both";
    }
}

static void border(dx_xml *x, const char *side, int eighths, int32_t space)
{
    dx_start(x, side);
    dx_attr(x, "w:val", "single");
    folio_dx_attr_int(x, "w:sz", eighths);
    folio_dx_attr_int(x, "w:space", space / 1000);
    dx_attr(x, "w:color", "000000");
    dx_end(x);
}

static void tab(dx_xml *x, const char *kind, int32_t pos)
{
    dx_start(x, "w:tab");
    dx_attr(x, "w:val", kind);
    folio_dx_attr_int(x, "w:pos", DX_TWIPS(pos));
    dx_end(x);
}

static void ind(dx_xml *x, const geom *g)
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

static void tabs(dx_xml *x, const geom *g)
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
    geom g;
    style_geom(d, st, &g);
    tabs(x, &g);
    ind(x, &g);
}

void folio_dx_level_ppr(dx_doc *d, dx_xml *x, const folio_pstyle *st)
{
    dx_start(x, "w:pPr");
    folio_dx_label_geom(d, x, st);
    dx_end(x);
}

void folio_dx_text_label_geom(dx_doc *d, dx_xml *x, const folio_pstyle *st)
{
    geom g;
    style_geom(d, st, &g);
    if (st->label_place == FOLIO_LABEL_HANGING && folio_dx_style_list(d, st)) {
        g.first = -(g.left > 0 ? g.left : 0);
        g.tab_right = g.left - st->label_gap;
        tabs(x, &g);
        ind(x, &g);
    }
}

/* Word's outline level of a style: a built-in heading's, else the house
 * style's (0: none). */
static int outline_of(const folio_pstyle *st)
{
    const char *w = st->word_name;
    if (w && !strncmp(w, "heading ", 8) && w[8] >= '1' && w[8] <= '9' && !w[9])
        return w[8] - '0';
    return st->outline_level > 0 && st->outline_level <= 9 ? st->outline_level : 0;
}

/* What a style's role adds to its plain description. */
typedef struct extras {
    int header;          /* running head: rule under it, lowered line */
    int end_rule;        /* short centred rule */
    const char *align;   /* overrides the style's alignment */
    int derived;         /* a variant: only its alignment differs */
    const char *id, *ui; /* the variant's id and display name */
    const char *based_on;/* parent of a full style (default Normal) */
} extras;

static void write_ppr(dx_doc *d, dx_xml *x, const folio_pstyle *st,
                      const extras *e)
{
    geom g;
    style_geom(d, st, &g);
    dx_start(x, "w:pPr");
    if (e->derived) {
        folio_dx_val(x, "w:jc", e->align);
        dx_end(x);
        return;
    }
    if (st->keep_with_next)
        folio_dx_empty(x, "w:keepNext");
    if (st->page_break_before)
        folio_dx_empty(x, "w:pageBreakBefore");
    const dx_list *list = folio_dx_style_use(d, st) ? folio_dx_style_list(d, st) : NULL;
    if (list) { /* its paragraphs are numbered by their style */
        dx_start(x, "w:numPr");
        folio_dx_val_int(x, "w:ilvl", st->list_level - 1);
        folio_dx_val_int(x, "w:numId", folio_dx_base_num(d, list));
        dx_end(x);
    }
    if (e->header || e->end_rule) {
        dx_start(x, "w:pBdr");
        if (e->end_rule)
            border(x, "w:top", 4, 0);
        if (e->header && d->f->furn.head.rule.thickness) {
            int32_t below = d->f->furn.head.rule.y -
                            d->f->furn.head.y - DX_DESCENT(st->size);
            border(x, "w:bottom", DX_EIGHTHPT(d->f->furn.head.rule.thickness),
                   below > 0 ? below : 0);
        }
        dx_end(x);
    }
    if (!strcmp(st->name, "UNMastWordmark")) /* the symbol, at the frame edge */
        g.tab_right = d->mast_tab;
    tabs(x, &g);
    if (st->align != FOLIO_H_JUSTIFY) /* headings and lines break whole */
        folio_dx_empty(x, "w:suppressAutoHyphens");
    if (folio_dx_bidi_style(d, st->name)) /* right to left: indents mirror */
        folio_dx_empty(x, "w:bidi");
    dx_start(x, "w:spacing");
    int32_t before = st->space_before;
    if (e->header)
        before += d->head_before;
    folio_dx_attr_int(x, "w:before", DX_TWIPS(before));
    folio_dx_attr_int(x, "w:after", DX_TWIPS(st->space_after));
    if (st->leading > 0) {
        folio_dx_attr_int(x, "w:line", DX_TWIPS(st->leading));
        dx_attr(x, "w:lineRule", "exact");
    } else { /* paragraphs holding images grow with them */
        dx_attr(x, "w:line", "240");
        dx_attr(x, "w:lineRule", "auto");
    }
    dx_end(x);
    if (e->end_rule) {
        int32_t colw = d->text_width - d->colofs - d->colofs_right;
        int32_t w = d->f->end_rule_width > 0 ? d->f->end_rule_width : PT(85);
        int32_t side = (colw - w) / 2;
        g.left = d->colofs + side;
        g.right = d->colofs_right + side;
        g.first = 0;
    }
    ind(x, &g);
    folio_dx_val(x, "w:jc", e->align ? e->align : jc_name(st->align));
    if (outline_of(st))
        folio_dx_val_int(x, "w:outlineLvl", outline_of(st) - 1);
    dx_end(x);
}

static void write_rpr(dx_doc *d, dx_xml *x, const folio_pstyle *st)
{
    dx_start(x, "w:rPr");
    folio_dx_heading_fonts(x, d->f, st);
    if (st->face == FOLIO_FACE_BOLD || st->face == FOLIO_FACE_BOLD_ITALIC) {
        folio_dx_empty(x, "w:b");
        folio_dx_empty(x, "w:bCs");
    }
    if (st->face == FOLIO_FACE_ITALIC || st->face == FOLIO_FACE_BOLD_ITALIC) {
        folio_dx_empty(x, "w:i");
        folio_dx_empty(x, "w:iCs");
    }
    if (st->size > 0) {
        folio_dx_val_int(x, "w:sz", DX_HALFPT(st->size));
        folio_dx_val_int(x, "w:szCs", DX_HALFPT(st->size));
    }
    dx_end(x);
}

/* A built-in style (`word` its Word name) keeps the house's name as an
 * alias; the others are custom styles named by their display name. */
static void style_head_as(dx_xml *x, const char *type, const char *id,
                          const char *ui, const char *based_on, const char *word)
{
    dx_start(x, "w:style");
    dx_attr(x, "w:type", type);
    if (!word)
        dx_attr(x, "w:customStyle", "1");
    folio_dx_attr_text(x, "w:styleId", id);
    dx_start(x, "w:name");
    folio_dx_attr_text(x, "w:val", word ? word : ui && *ui ? ui : id);
    dx_end(x);
    if (word && ui && *ui) {
        dx_start(x, "w:aliases");
        folio_dx_attr_text(x, "w:val", ui);
        dx_end(x);
    }
    if (based_on) {
        dx_start(x, "w:basedOn");
        folio_dx_attr_text(x, "w:val", based_on);
        dx_end(x);
    }
}

static void style_head(dx_xml *x, const char *type, const char *id,
                       const char *ui, const char *based_on)
{
    style_head_as(x, type, id, ui, based_on, NULL);
}

static void write_pstyle(dx_doc *d, dx_xml *x, const folio_pstyle *st,
                         const extras *e)
{
    style_head_as(x, "paragraph", e->derived ? e->id : folio_dx_style_id(d, st),
                  e->derived ? e->ui : st->ui_name,
                  e->derived ? folio_dx_style_id(d, st)
                  : e->based_on ? id_of_name(d, e->based_on) : "Normal",
                  e->derived ? NULL : st->word_name);
    folio_dx_empty(x, "w:qFormat");
    write_ppr(d, x, st, e);
    if (!e->derived)
        write_rpr(d, x, st);
    dx_end(x);
}

/* Word's own defaults: Normal, the default character and table styles. */
static void write_defaults(dx_doc *d, dx_xml *x)
{
    dx_start(x, "w:docDefaults");
    dx_start(x, "w:rPrDefault");
    dx_start(x, "w:rPr");
    folio_dx_default_fonts(x, d->f);
    folio_dx_val(x, "w:sz", "20");
    folio_dx_val(x, "w:szCs", "20");
    folio_dx_default_lang(x, d->f);
    dx_end(x);
    dx_end(x);
    dx_start(x, "w:pPrDefault");
    dx_start(x, "w:pPr");
    dx_start(x, "w:spacing");
    dx_attr(x, "w:after", "0");
    dx_attr(x, "w:line", "240");
    dx_attr(x, "w:lineRule", "auto");
    dx_end(x);
    dx_end(x);
    dx_end(x);
    dx_end(x);

    dx_start(x, "w:style");
    dx_attr(x, "w:type", "paragraph");
    dx_attr(x, "w:default", "1");
    dx_attr(x, "w:styleId", "Normal");
    folio_dx_val(x, "w:name", "Normal");
    folio_dx_empty(x, "w:qFormat");
    dx_start(x, "w:pPr");
    folio_dx_empty(x, "w:widowControl");
    dx_end(x);
    dx_end(x);

    dx_start(x, "w:style");
    dx_attr(x, "w:type", "character");
    dx_attr(x, "w:default", "1");
    dx_attr(x, "w:styleId", "DefaultParagraphFont");
    folio_dx_val(x, "w:name", "Default Paragraph Font");
    folio_dx_empty(x, "w:semiHidden");
    dx_end(x);

    dx_start(x, "w:style");
    dx_attr(x, "w:type", "table");
    dx_attr(x, "w:default", "1");
    dx_attr(x, "w:styleId", "TableNormal");
    folio_dx_val(x, "w:name", "Normal Table");
    folio_dx_empty(x, "w:semiHidden");
    dx_start(x, "w:tblPr");
    dx_start(x, "w:tblInd");
    dx_attr(x, "w:w", "0");
    dx_attr(x, "w:type", "dxa");
    dx_end(x);
    dx_start(x, "w:tblCellMar");
    static const char *const sides[] = {"w:top", "w:left", "w:bottom",
                                        "w:right"};
    static const char *const widths[] = {"0", "108", "0", "108"};
    for (int i = 0; i < 4; i++) {
        dx_start(x, sides[i]);
        dx_attr(x, "w:w", widths[i]);
        dx_attr(x, "w:type", "dxa");
        dx_end(x);
    }
    dx_end(x);
    dx_end(x);
    dx_end(x);
}

/* Character styles for note references, links and the furniture. */
static void write_char_styles(dx_xml *x)
{
    /* Word's own, which it gives the references an editor adds */
    style_head_as(x, "character", DX_FOOTNOTE_REF, "UN Note Reference",
                  "DefaultParagraphFont", "footnote reference");
    dx_start(x, "w:rPr");
    folio_dx_val(x, "w:vertAlign", "superscript");
    dx_end(x);
    dx_end(x);
    style_head_as(x, "character", DX_ENDNOTE_REF, "UN Endnote Reference",
                  "DefaultParagraphFont", "endnote reference");
    dx_start(x, "w:rPr");
    folio_dx_val(x, "w:vertAlign", "superscript");
    dx_end(x);
    dx_end(x);

    folio_dx_furniture_char_styles(x);

    style_head(x, "character", "UNLink", "UN Link", "DefaultParagraphFont");
    dx_start(x, "w:rPr");
    dx_end(x);
    dx_end(x);
}

static const char *side_name(folio_side side)
{
    return side == FOLIO_SIDE_RIGHT ? "right" : "left";
}

/* Names already written, so no id appears twice. */
typedef struct written {
    const char **names;
    size_t n;
} written;

static int seen(written *w, const char *name)
{
    for (size_t i = 0; i < w->n; i++)
        if (!strcmp(w->names[i], name))
            return 1;
    w->names[w->n++] = name;
    return 0;
}

static void write_one(dx_doc *d, dx_xml *x, const folio_pstyle *st,
                      const char *based_on, written *w)
{
    if (!st || !st->name || !*st->name || seen(w, st->name))
        return;
    extras e = {.based_on = based_on};
    const folio_pstyle *head = folio_dx_style(d, "UNHeader");
    const folio_pstyle *foot = folio_dx_style(d, "UNFooter");
    if (same_name(st, head) || same_name(st, foot)) {
        /* Running heads and folios sit where the furniture plan says:
         * the even pages' side (this style), the odd pages' (its
         * variant). */
        const folio_furniture *u = &d->f->furn;
        e.header = same_name(st, head);
        e.align = side_name(e.header ? u->head.even : u->folio.even);
        write_pstyle(d, x, st, &e);
        extras v = {.derived = 1, .align = side_name(e.header ? u->head.odd : u->folio.odd)};
        v.id = folio_sprintf(d->arena, "%sOdd", st->name);
        v.ui = folio_sprintf(d->arena, "%s (odd pages)",
                             st->ui_name && *st->ui_name ? st->ui_name
                                                         : st->name);
        if (!v.id || !v.ui) {
            x->err = 1;
            return;
        }
        write_pstyle(d, x, st, &v);
        return;
    }
    e.end_rule = !strcmp(st->name, "UNEndRule");
    write_pstyle(d, x, st, &e);
}

int folio_dx_write_styles(dx_doc *d)
{
    const folio_flow *f = d->f;
    dx_xml x;
    written w = {0};
    w.names = folio_alloc(d->arena, sizeof *w.names *
                                        (f->nstyles + NBUILTIN + d->nown + 4));
    if (!w.names)
        return FOLIO_E_NOMEM;
    int rc = folio_dx_xml_begin(d, &x);
    if (rc < 0)
        return rc;
    dx_start(&x, "w:styles");
    dx_attr(&x, "xmlns:w", DX_NS_W);
    write_defaults(d, &x);
    write_char_styles(&x);
    /* The writer's own first: they replace flow styles of the same name. */
    for (size_t i = 0; i < d->nown; i++)
        write_one(d, &x, &d->own[i]->st, d->own[i]->based_on, &w);
    for (size_t i = 0; i < f->nstyles; i++)
        write_one(d, &x, f->styles[i], NULL, &w);
    write_one(d, &x, f->header_style, NULL, &w);
    write_one(d, &x, f->footer_style, NULL, &w);
    write_one(d, &x, f->note_style, NULL, &w);
    for (size_t i = 0; i < NBUILTIN; i++)
        write_one(d, &x, folio_dx_style(d, builtin[i].name), NULL, &w);
    dx_end(&x);
    return folio_dx_xml_finish(&x, "word/styles.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml");
}

folio_pstyle *folio_dx_own_style(dx_doc *d, const folio_pstyle *src,
                                 const char *based_on)
{
    if (d->nown == d->cap_own) {
        size_t cap = d->cap_own ? d->cap_own * 2 : 16;
        dx_own_style **v = folio_grow(d->arena, d->own, sizeof *v, d->nown, cap);
        if (!v)
            return NULL;
        d->own = v;
        d->cap_own = cap;
    }
    dx_own_style *o = folio_alloc(d->arena, sizeof *o);
    if (!o)
        return NULL;
    o->st = *src;
    o->st.word_name = NULL; /* a variant: the writer's own, in no list */
    o->st.list = NULL;
    o->based_on = based_on;
    d->own[d->nown++] = o;
    return &o->st;
}

const folio_pstyle *folio_dx_cell_style(const dx_doc *d, const folio_pstyle *st)
{
    const dx_style_use *use = st ? folio_dx_style_use(d, st) : NULL;
    return use && use->cell ? use->cell : st;
}

/* Which styles are set in table cells. The house's table styles always
 * are (their indents are measured from the cell in every document, so a
 * style means the same in every report); another style a table's cells
 * use (the note style, in the tables of a closing list of notes) gets a
 * variant measured from the cell, written only where it is used. */
int folio_dx_scan_styles(dx_doc *d)
{
    const folio_flow *f = d->f;
    d->uses = folio_alloc(d->arena, sizeof *d->uses * (f->nstyles + 1));
    int *cells = folio_alloc(d->arena, sizeof *cells * (f->nstyles + 1));
    if (!d->uses || !cells)
        return FOLIO_E_NOMEM;
    const folio_pstyle *table = folio_flow_style(f, "UNTable"), *head = folio_flow_style(f, "UNTableHead");
    for (size_t i = 0; i < f->nstyles; i++) {
        d->uses[i].st = f->styles[i];
        d->uses[i].in_cell = f->styles[i] == table || f->styles[i] == head;
    }
    for (size_t i = 0; i < f->nblocks; i++) {
        const folio_fblock *b = &f->blocks[i];
        for (size_t k = 0; k < f->nstyles && b->kind == FOLIO_FLOW_TABLE; k++)
            if (b->cell_style == d->uses[k].st || b->head_style == d->uses[k].st)
                cells[k] = 1;
    }
    for (size_t k = 0; k < f->nstyles; k++) {
        dx_style_use *u = &d->uses[k];
        if (!cells[k] || u->in_cell || !u->st || !u->st->name)
            continue;
        folio_pstyle *c = folio_dx_own_style(d, u->st, u->st->name);
        if (!c || !(c->name = folio_sprintf(d->arena, "%sCell", u->st->name)) ||
            !(c->ui_name = folio_sprintf(d->arena, "%s (table cell)",
                                         u->st->ui_name && *u->st->ui_name
                                             ? u->st->ui_name : u->st->name)))
            return FOLIO_E_NOMEM;
        c->frame_relative = 1;          /* from the cell's edges */
        c->label_place = FOLIO_LABEL_AT_INDENT;
        c->first_line = c->label_indent = 0;
        u->cell = c;
    }
    return 0;
}
