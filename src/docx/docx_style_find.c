/* The styles the DOCX writer names: the flow's, the writer's own variants
 * and its defaults, found by name; Word's ids for them; which styles are
 * set in table cells; the house list a style joins. Lookups only: the
 * geometry is docx_style_geom.c's, styles.xml docx_styles.c's. */
#include <string.h>

#include "docx/docx_xml.h"
#include "util/vec.h"

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

int folio_dx_is_grid_style(const char *name)
{
    for (size_t i = 0; i < sizeof grid_styles / sizeof grid_styles[0]; i++)
        if (!strcmp(name, grid_styles[i]))
            return 1;
    return 0;
}


/* The writer's own default styles, one by one (NULL past the last). */
const folio_pstyle *folio_dx_builtin_style(size_t i)
{
    return i < NBUILTIN ? &builtin[i] : NULL;
}

size_t folio_dx_builtin_count(void)
{
    return NBUILTIN;
}

int folio_dx_same_style(const folio_pstyle *a, const folio_pstyle *b)
{
    return a && b && a->name && b->name && !strcmp(a->name, b->name);
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
const char *folio_dx_style_id_of_name(dx_doc *d, const char *name)
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

folio_pstyle *folio_dx_own_style(dx_doc *d, const folio_pstyle *src,
                                 const char *based_on)
{
    if (FOLIO_ARENA_VEC_ROOM(d->arena, d->own, d->nown, d->cap_own, 16))
        return NULL;
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

int folio_dx_find_list(const dx_doc *d, const char *name)
{
    for (size_t i = 0; i < d->nlists; i++)
        if (!strcmp(d->lists[i].name, name))
            return (int)i;
    return -1;
}

const dx_list *folio_dx_style_list(const dx_doc *d, const folio_pstyle *st)
{
    if (!st || !st->list)
        return NULL;
    int li = folio_dx_find_list(d, st->list);
    return li < 0 ? NULL : &d->lists[li];
}

int folio_dx_base_num(const dx_doc *d, const dx_list *l)
{
    return (int)(l - d->lists) + 1; /* the first w:num of each list */
}
