/* Internal to src/docx: the state of one DOCX write and the helpers every
 * part writer shares. Nothing here is public API.
 *
 * Each part (document.xml, styles.xml, ...) is streamed with libxml2's
 * xmlTextWriter into a memory buffer. Writer calls record the first failure
 * in a sticky flag (dx_xml.err) so part writers stay readable; the flag is
 * checked once when the part is finished. */
#ifndef FOLIO_DOCX_XML_H
#define FOLIO_DOCX_XML_H

#include <libxml/xmlwriter.h>

#include "art/art.h"
#include "docx/docx.h"
#include "util/file.h"
#include "util/mem.h"

/* Namespaces of WordprocessingML and its packaging. */
#define DX_NS_W   "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define DX_NS_R   "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define DX_NS_WP  "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
#define DX_NS_A   "http://schemas.openxmlformats.org/drawingml/2006/main"
#define DX_NS_PIC "http://schemas.openxmlformats.org/drawingml/2006/picture"
#define DX_NS_PKG_REL "http://schemas.openxmlformats.org/package/2006/relationships"
#define DX_REL    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

/* Length conversions at the writer boundary (millipoints in). */
#define DX_TWIPS(mpt) ((int32_t)(((mpt) >= 0 ? (mpt) + 25 : (mpt) - 25) / 50))
#define DX_HALFPT(mpt) ((int32_t)(((mpt) + 250) / 500))
#define DX_EIGHTHPT(mpt) ((int32_t)(((mpt) + 62) / 125))
#define DX_EMU(mpt) ((int64_t)(mpt) * 127 / 10)

/* Images are rasterized at this resolution (whole pixels per module for
 * the codes); their printed size is the furniture plan's. */
#define DX_RASTER_DPI 300

/* Descent of Times New Roman (0.216 em): with exact line spacing the
 * baseline sits this far above the bottom of the line. */
#define DX_DESCENT(size) ((int32_t)((int64_t)(size) * 216 / 1000))
/* Height of a single line of text of that size (1.2 em), for lines the
 * furniture gives only a baseline. */
#define DX_LINE(size) ((int32_t)((int64_t)(size) * 6 / 5))

/* Relationships of one part. */
typedef struct dx_rel {
    char *id;          /* "rId7" */
    const char *type;  /* full relationship type URI */
    char *target;
    int external;
} dx_rel;

typedef struct dx_rels {
    dx_rel *v;
    size_t n, cap;
} dx_rels;

/* A finished package entry. */
typedef struct dx_part {
    char *name;         /* "word/document.xml" */
    const char *ctype;  /* content type for an Override, NULL for Default */
    unsigned char *data;/* malloc'd; handed to libzip */
    size_t len;
    int stored;         /* already compressed (PNG): store, do not deflate */
} dx_part;

typedef struct dx_doc dx_doc;

/* One XML part being written. */
typedef struct dx_xml {
    dx_doc *doc;
    xmlBufferPtr buf;
    xmlTextWriterPtr w;
    dx_rels rels;       /* relationships of this part */
    int err;            /* sticky: a writer call failed */
    int in_note;        /* writing footnotes.xml: no nested references */
    int last;           /* last body element: 0 none, 1 paragraph, 2 table */
} dx_xml;

/* Character styles of note references: Word's own, which it gives the
 * references an editor adds. */
#define DX_FOOTNOTE_REF "FootnoteReference"
#define DX_ENDNOTE_REF "EndnoteReference"

/* ---- Numbering (docx_numbering.c) ------------------------------------ */

typedef enum dx_fmt { DX_FMT_DECIMAL, DX_FMT_UPPER_ROMAN, DX_FMT_LOWER_ROMAN,
                      DX_FMT_UPPER_LETTER, DX_FMT_LOWER_LETTER, DX_FMT_BULLET,
                      DX_FMT_COUNT } dx_fmt;
#define DX_LEVELS 9

/* A level of a house list: its format and text ("%1."), and the first
 * style that joins the list at it (its indents and tabs). */
typedef struct dx_level {
    int defined;
    dx_fmt fmt;
    const char *text;
    const folio_pstyle *style;
} dx_level;

/* A house list ([list.NAME]): one w:abstractNum. */
typedef struct dx_list {
    const char *name;
    dx_level lv[DX_LEVELS];
    int cur;            /* index of its w:num paragraphs continue */
} dx_list;

/* A w:num: a list counted afresh from `start` (with overrides) or from 1,
 * and Word's counts at each level as the body is written. */
typedef struct dx_num {
    int list;
    int overrides;      /* written with w:startOverride */
    int start[DX_LEVELS];
    int counter[DX_LEVELS]; /* last number given, 0 before the first */
} dx_num;

/* How one paragraph is numbered. */
typedef struct dx_numpr {
    int linked;         /* its style is in a list: it writes a w:numPr */
    int num_id;         /* 0: not numbered by Word (no label, or a label
                           kept as typed text) */
    int ilvl;
    int other_level;    /* numbered at a level not its style's: its own
                           indents are written on it */
} dx_numpr;

/* A note as Word will number it. */
typedef struct dx_note {
    const folio_fnote *fn;
    int endnote;        /* a Word endnote (endnotes.xml) */
    int id;             /* w:id in footnotes.xml or endnotes.xml (1-based) */
    int custom;         /* mark written as text (w:customMarkFollows) */
    int referenced;     /* the reference was already placed */
    const struct dx_note *parent; /* referenced only from this note: set
                                     inside its footnote, mark as text */
} dx_note;

/* How the writer uses a style, found by scanning the flow. */
typedef struct dx_style_use {
    const folio_pstyle *st;
    int in_cell;        /* a table style: indents from the cell */
    const folio_pstyle *cell; /* another style a table's cells use: its
                                 variant measured from the cell */
} dx_style_use;

/* A style the writer derives for this document (masthead grid, masthead
 * title): written to styles.xml, found by name before the flow's. */
typedef struct dx_own_style {
    folio_pstyle st;
    const char *based_on;   /* parent style id, NULL for Normal */
} dx_own_style;

struct dx_doc {
    folio_ctx *ctx;
    const folio_flow *f;
    folio_arena *arena;     /* scratch of this write, freed at the end */
    dx_part *parts;
    size_t nparts, cap;
    int nmedia;             /* word/media/imageN.png */
    int next_docpr;         /* wp:docPr ids, unique in the package */
    dx_note *notes;
    size_t nnotes;
    dx_style_use *uses;     /* parallel to f->styles */
    int32_t colofs;         /* column left edge minus frame left edge */
    int32_t colofs_right;   /* frame right edge minus column right edge */
    int32_t text_width;     /* frame width (margin to margin) */
    int32_t margin_top, margin_bottom; /* page margins */
    int32_t header_dist, footer_dist;  /* page edge to header / footer */
    int32_t head_before;    /* running head: header distance to its line */
    int *toc_mark;          /* per flow block: its bookmark, 0 none */
    int32_t mast_row1;      /* masthead: header distance to the thin rule */
    int32_t mast_tab;       /* masthead: the symbol's right tab stop */
    dx_own_style **own;     /* the writer's own styles (stable pointers) */
    size_t nown, cap_own;
    dx_list *lists;         /* the house lists the styles join */
    size_t nlists;
    dx_num *nums;           /* w:num instances; numId = index + 1 */
    size_t nnums, cap_nums;
    const char **ids;       /* Word style ids of styles with a word_name */
    const folio_pstyle **id_of;
    size_t nids, cap_ids;
    int notes_restart;      /* each annex is a section that restarts the
                               footnotes' numbering */
    int sect_first;         /* the section being written is the first */
    int sect_restart;       /* ... an annex's that numbers notes afresh */
    int sect_autos;         /* footnotes Word has numbered in the section */
    int end_autos;          /* endnotes Word has numbered */
    size_t nfoot, nend;     /* footnotes and endnotes written */
    size_t skip_from, skip_to; /* flow blocks listed as Word endnotes */
    int rule_in_notes;      /* the closing rule follows the endnotes */
    int template_doc;       /* a .dotx: template content type, no body */
};

/* ---- XML writing with a sticky error ---------------------------------- */

int folio_dx_xml_begin(dx_doc *d, dx_xml *x);
/* Finish the part, store it (and its .rels when it has any) as `name`. */
int folio_dx_xml_finish(dx_xml *x, const char *name, const char *ctype);
void folio_dx_xml_drop(dx_xml *x);
/* Start the root element of a WordprocessingML part with every namespace
 * the writer uses declared on it. */
void folio_dx_root(dx_xml *x, const char *name);

static inline void dx_check(dx_xml *x, int rc)
{
    if (rc < 0)
        x->err = 1;
}

static inline void dx_start(dx_xml *x, const char *name)
{
    if (!x->err)
        dx_check(x, xmlTextWriterStartElement(x->w, (const xmlChar *)name));
}

static inline void dx_end(dx_xml *x)
{
    if (!x->err)
        dx_check(x, xmlTextWriterEndElement(x->w));
}

/* Attribute with a trusted value (names, numbers, fixed strings). */
static inline void dx_attr(dx_xml *x, const char *name, const char *value)
{
    if (!x->err)
        dx_check(x, xmlTextWriterWriteAttribute(x->w, (const xmlChar *)name,
                                                (const xmlChar *)value));
}

void folio_dx_attr_int(dx_xml *x, const char *name, long long v);
/* Attribute whose value comes from the input: cleaned of characters XML
 * cannot hold. */
void folio_dx_attr_text(dx_xml *x, const char *name, const char *value);
/* <name w:val="value"/> */
void folio_dx_val(dx_xml *x, const char *name, const char *value);
void folio_dx_val_int(dx_xml *x, const char *name, long long v);
/* <name/> */
void folio_dx_empty(dx_xml *x, const char *name);
/* Character data from the input, cleaned: control characters and invalid
 * UTF-8 are dropped (libxml2 would copy them unchecked). */
void folio_dx_chars(dx_xml *x, const char *text, size_t len);
/* An element holding cleaned text: <name>text</name>. */
void folio_dx_text_elem(dx_xml *x, const char *name, const char *text);

/* Copy of `s` without characters XML 1.0 cannot hold (arena-allocated). */
char *folio_dx_clean(folio_arena *a, const char *s, size_t len);

/* ---- Package --------------------------------------------------------- */

/* Take ownership of malloc'd `data` as a package entry. */
int folio_dx_add_part(dx_doc *d, const char *name, const char *ctype,
                      unsigned char *data, size_t len, int stored);
/* Add a relationship to the part being written; returns its id or NULL. */
const char *folio_dx_rel(dx_xml *x, const char *type, const char *target,
                         int external);
/* Add a relationship with a fixed id (document.xml's fixed parts). */
int folio_dx_rel_fixed(dx_xml *x, const char *id, const char *type,
                       const char *target);

/* ---- Styles ---------------------------------------------------------- */

/* The id styles.xml gives `st`: its name, or for a style written as a
 * built-in Word style ("heading 1") Word's id for it ("Heading1"). */
const char *folio_dx_style_id(dx_doc *d, const folio_pstyle *st);
/* Paragraph geometry as Word wants it (all relative to the margin). */
typedef struct dx_geom {
    int32_t left, right;
    int32_t first;              /* > 0 first-line indent, < 0 hanging */
    int32_t tab_left, tab_right;/* tab stops, 0 = none */
} dx_geom;
/* A house style's geometry, set up for labels whether or not this
 * document labels any of its paragraphs (the same definition in every
 * document); its w:ind and w:tabs. */
void folio_dx_style_geom(const dx_doc *d, const folio_pstyle *st, dx_geom *g);
void folio_dx_geom_ind(dx_xml *x, const dx_geom *g);
void folio_dx_geom_tabs(dx_xml *x, const dx_geom *g);
/* The indents and tabs of a list level set in style `st` (a w:pPr). */
void folio_dx_level_ppr(dx_doc *d, dx_xml *x, const folio_pstyle *st);
/* The same, as a paragraph's own tabs and indents (inside its w:pPr). */
void folio_dx_label_geom(dx_doc *d, dx_xml *x, const folio_pstyle *st);
/* The old typed-label geometry of a hanging list style (label right
 * aligned on a tab before the text), for a label kept as text. */
void folio_dx_text_label_geom(dx_doc *d, dx_xml *x, const folio_pstyle *st);

/* Numbering: read the house lists the styles join; the list of a style
 * (NULL for none) and the w:num its style names; decide how a labelled
 * (or unlabelled) paragraph is numbered, in body order; numbering.xml. */
int folio_dx_lists_load(dx_doc *d);
int folio_dx_find_list(const dx_doc *d, const char *name);
const dx_list *folio_dx_style_list(const dx_doc *d, const folio_pstyle *st);
int folio_dx_base_num(const dx_doc *d, const dx_list *l);
int folio_dx_number(dx_doc *d, const folio_pstyle *st, const char *label,
                    const folio_fblock *b, dx_numpr *out);
int folio_dx_write_numbering(dx_doc *d);

/* The style the writer uses for `name`: the flow's, else the built-in
 * default (always present for the names the writer uses). */
const folio_pstyle *folio_dx_style(const dx_doc *d, const char *name);
/* The id of the style named `name` (a flow style or the writer's own). */
const char *folio_dx_style_id_of_name(dx_doc *d, const char *name);
/* The writer's default styles, by index (NULL past the last), and how many. */
const folio_pstyle *folio_dx_builtin_style(size_t i);
size_t folio_dx_builtin_count(void);
/* Styles of the masthead grid and first-page footer (indents from the
 * cell's edges); two styles of the same name. */
int folio_dx_is_grid_style(const char *name);
int folio_dx_same_style(const folio_pstyle *a, const folio_pstyle *b);
const dx_style_use *folio_dx_style_use(const dx_doc *d, const folio_pstyle *st);
/* Left edge of a style's text (its indent_left) from the margin, in mpt. */
int32_t folio_dx_style_left(const dx_doc *d, const folio_pstyle *st);
/* An unlabelled paragraph in a style set up for labels starts its first
 * line where the PDF does: returns 1 and the indents (from the margin) to
 * write on the paragraph. */
int folio_dx_unlabelled_ind(const dx_doc *d, const folio_pstyle *st,
                            int32_t *left, int32_t *first);
int folio_dx_write_styles(dx_doc *d);
/* Fill d->uses: the table styles are measured from the cell; another
 * style a table's cells use gets a cell variant. */
int folio_dx_scan_styles(dx_doc *d);
/* A copy of `src` that this document's styles.xml carries (found by name
 * before the flow's); the caller adjusts it. NULL when out of memory. */
folio_pstyle *folio_dx_own_style(dx_doc *d, const folio_pstyle *src,
                                 const char *based_on);
/* The style to use for a table cell in style `st`. */
const folio_pstyle *folio_dx_cell_style(const dx_doc *d, const folio_pstyle *st);

/* ---- Body ------------------------------------------------------------ */

/* Runs of a block (text, emphasis, links, note references, breaks). */
void folio_dx_runs(dx_xml *x, const folio_run *runs, size_t nruns);
/* Paragraph-level exceptions to the style (never what the style says). */
typedef struct dx_para_opt {
    int break_before;       /* a page break in the flow precedes it */
    const char *jc;         /* table column alignment */
    const folio_fblock *block; /* the flow's block (its label's kind) */
    int sect_end;           /* ends a section (an annex follows) */
    int bookmark;           /* > 0: a contents entry names the paragraph
                               (bookmark _TocN around it) */
    int no_keep;            /* in the summary's cell: a kept paragraph
                               would carry the whole table to the next
                               page in LibreOffice */
} dx_para_opt;

/* A paragraph in style `st` with optional label and runs. */
void folio_dx_para(dx_xml *x, const folio_pstyle *st, const char *label,
                   const folio_run *runs, size_t nruns,
                   const dx_para_opt *opt);
/* A table with UN rules (FOLIO_FLOW_TABLE). */
void folio_dx_table(dx_xml *x, const folio_fblock *b);
/* A paragraph holding one plain string (masthead lines). */
void folio_dx_para_text(dx_xml *x, const char *style, const char *text);
/* A run holding cleaned text with an optional character style. */
void folio_dx_run_text(dx_xml *x, const char *rstyle, const char *text);
/* The reference to a note: auto-numbered or with its custom mark. */
void folio_dx_note_ref(dx_xml *x, const folio_fnote *fn);
dx_note *folio_dx_find_note(dx_doc *d, const folio_note *n);
dx_note *folio_dx_find_fnote(dx_doc *d, const folio_fnote *fn);
int folio_dx_write_document(dx_doc *d);

/* ---- Masthead, headers, footers, notes, properties ------------------- */

/* The styles of the page furniture for this document, from the flow's
 * furniture plan: the masthead grid's, the lines under the thick rule,
 * the masthead title and subtitle, the first-page footer's. */
int folio_dx_masthead_styles(dx_doc *d);
/* The style id of a line under the thick rule. */
const char *folio_dx_mast_line_style(folio_mast_role role);
/* The character styles of the furniture (symbol head and tail, the later
 * pages' job number), written into styles.xml. */
void folio_dx_furniture_char_styles(dx_xml *x);
/* First-page header (the masthead grid) and footer (job line, codes). */
int folio_dx_write_first_header(dx_doc *d);
int folio_dx_write_first_footer(dx_doc *d);
/* The lines under the thick rule, at the start of the body. */
void folio_dx_masthead_body(dx_xml *x);
int folio_dx_write_running(dx_doc *d);
int folio_dx_write_footnotes(dx_doc *d);
int folio_dx_write_endnotes(dx_doc *d);
/* A section's properties: the first section has the masthead's
 * first-page header and footer and names every header and footer (later
 * sections keep them); an annex's section numbers its footnotes afresh
 * where the house style says so (`restart`). */
void folio_dx_sect_pr(dx_xml *x, int first, int restart);
/* The style of tables in notes (rows as hanging tabbed paragraphs). */
int folio_dx_note_styles(dx_doc *d);
int folio_dx_write_props(dx_doc *d);
int folio_dx_write_settings(dx_doc *d);
int folio_dx_write_font_table(dx_doc *d);

/* ---- Scripts and direction (docx_script.c) ---------------------------- */

/* What a run must tell Word of its text's script. */
typedef struct dx_script {
    int rtl;                /* right to left: w:rtl */
    int east_asia;          /* Chinese: w:rFonts w:hint="eastAsia" */
} dx_script;
/* The length of the first span of s[0, n) that is one run for Word (one
 * direction), and what that run must say. Documents of Latin languages
 * keep whole runs. */
size_t folio_dx_script_span(const dx_doc *d, const char *s, size_t n, dx_script *sc);
/* The run properties of a span: the hint (first in w:rPr) and the
 * direction (after w:vertAlign). */
void folio_dx_script_fonts(dx_xml *x, const dx_script *sc);
void folio_dx_script_dir(dx_xml *x, const dx_script *sc);
/* Is the style `name` right to left (w:bidi): every style of a
 * right-to-left language but the furniture that stays in English. */
int folio_dx_bidi_style(const dx_doc *d, const char *name);
/* The defaults' w:rFonts and w:lang: the language's Chinese and Arabic
 * faces and tags. */
void folio_dx_default_fonts(dx_xml *x, const folio_flow *f);
void folio_dx_default_lang(dx_xml *x, const folio_flow *f);
/* A bold style's w:rFonts when the language names other faces for
 * headings (SimHei). */
void folio_dx_heading_fonts(dx_xml *x, const folio_flow *f, const folio_pstyle *st);

/* ---- Borderless grids (docx_grid.c) ---------------------------------- */

/* Start a table at the margin with these column widths (mpt), no borders,
 * no cell padding; the caller writes rows and ends the w:tbl. */
void folio_dx_grid_start(dx_xml *x, const int32_t *w, size_t n);
/* Start a row; height > 0 makes it exactly that tall. */
void folio_dx_row_start(dx_xml *x, int32_t height);
/* Start a cell spanning `span` columns; rule: bottom border in eighths of
 * a point (0: none); valign "bottom" or NULL (top). */
/* What a table's properties say; lengths in millipoints. */
typedef struct dx_table_props {
    int32_t width, indent;
    int rtl;                 /* columns from the right (w:bidiVisual) */
    int32_t pad_x, pad_y;    /* cell margins */
    int ruled;               /* top and bottom rules (UN tables) */
    int boxed;               /* a rule on every side (the summary's frame) */
    int head_row;            /* the first row is a head row */
} dx_table_props;

/* Open a w:tbl with its properties and grid (column widths in mpt); the
 * caller writes the rows and ends it. */
void folio_dx_table_start(dx_xml *x, const dx_table_props *p, const int32_t *w, size_t n);
void folio_dx_cell_start(dx_xml *x, int32_t width, int span, int rule,
                         const char *valign);
/* Open a paragraph in `style` (the caller ends it). */
void folio_dx_para_start(dx_xml *x, const char *style);
void folio_dx_empty_para(dx_xml *x, const char *style);
void folio_dx_tab_run(dx_xml *x);

/* ---- Contents (docx_toc.c) ---------------------------------------------- */

/* The bookmark of each block a contents entry names (1-based, 0 for
 * none), into d->toc_mark. */
int folio_dx_toc_marks(dx_doc *d);
/* A contents entry as a paragraph of Word's TOC field: label, text, a
 * dot-leader tab to the page reference; `first` opens the field, `last`
 * closes it. */
void folio_dx_toc_entry(dx_xml *x, const folio_fblock *b, int first, int last);

/* ---- Images ---------------------------------------------------------- */

/* Rasterizing options for one piece of art. */
typedef struct dx_raster {
    int width_px, height_px;
    int antialias;      /* 4x4 supersampling, gray + alpha output */
} dx_raster;

/* The masthead's drawn UN emblem as a PNG, made at build time by
 * src/gen/emblem_png_gen.c (build/gen/emblem_png.c) at this width and
 * DX_RASTER_DPI; it is printed at the furniture plan's size. */
#define DX_EMBLEM_W FOLIO_PT(54)
extern const unsigned char folio_dx_emblem_png[];
extern const size_t folio_dx_emblem_png_len;
extern const int32_t folio_dx_emblem_png_height;

/* Rasterize `art` to a PNG (malloc'd bytes). Deterministic: no time or
 * text chunks. */
int folio_dx_png(const folio_art *art, const dx_raster *opt,
                 unsigned char **out, size_t *outlen);
/* Rasterize `art`, store it as word/media/imageN.png, relate it to the
 * part being written and write an inline w:drawing run of the given size. */
int folio_dx_image_run(dx_xml *x, const folio_art *art, const dx_raster *opt,
                       int32_t width, int32_t height, const char *descr);
/* Store malloc'd PNG bytes (ownership passes) and write their run. */
int folio_dx_png_run(dx_xml *x, unsigned char *png, size_t len, int32_t width,
                     int32_t height, const char *descr);

#endif
