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
    dx_geom g;
    folio_dx_style_geom(d, st, &g);
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
    folio_dx_geom_tabs(x, &g);
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
    folio_dx_geom_ind(x, &g);
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
                  : e->based_on ? folio_dx_style_id_of_name(d, e->based_on) : "Normal",
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
    if (folio_dx_same_style(st, head) || folio_dx_same_style(st, foot)) {
        /* Running heads and folios sit where the furniture plan says:
         * the even pages' side (this style), the odd pages' (its
         * variant). */
        const folio_furniture *u = &d->f->furn;
        e.header = folio_dx_same_style(st, head);
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
                                        (f->nstyles + folio_dx_builtin_count() + d->nown + 4));
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
    for (size_t i = 0; folio_dx_builtin_style(i); i++)
        write_one(d, &x, folio_dx_style(d, folio_dx_builtin_style(i)->name), NULL, &w);
    dx_end(&x);
    return folio_dx_xml_finish(&x, "word/styles.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml");
}

