/* folio — the styled flow: what the style stage produces and both writers
 * (through layout for PDF, directly for DOCX) read.
 *
 * Every block carries a resolved paragraph style and its computed label;
 * the masthead carries every string already in the document's language. */
#ifndef FOLIO_FLOW_H
#define FOLIO_FLOW_H

#include "model/model.h"
#include "art/art.h"

typedef enum folio_face { FOLIO_FACE_REGULAR, FOLIO_FACE_BOLD,
                          FOLIO_FACE_ITALIC, FOLIO_FACE_BOLD_ITALIC,
                          FOLIO_FACE_COUNT } folio_face;

typedef enum folio_halign { FOLIO_H_JUSTIFY, FOLIO_H_LEFT, FOLIO_H_CENTER,
                            FOLIO_H_RIGHT } folio_halign;

/* How a block's label is set. */
typedef enum folio_label_place {
    FOLIO_LABEL_AT_INDENT,   /* numbered paragraph, (a) item: label at the
                                column edge + label_indent, text from the
                                first-line indent (a tab in Word) */
    FOLIO_LABEL_HANGING,     /* headings: label ends `label_gap` before the
                                text indent, right-aligned */
    FOLIO_LABEL_HANG         /* list items: label starts at `label_indent`
                                (from the indent, so negative), every line
                                of text at the indent */
} folio_label_place;

/* A resolved paragraph style. Interned: one per name; blocks point to it. */
typedef struct folio_pstyle {
    const char *name;        /* Word style id, e.g. "UNPara", "UNH1" */
    const char *ui_name;     /* display name, e.g. "UN Paragraph" */
    folio_face face;
    int32_t size;            /* font size, mpt */
    int32_t leading;         /* baseline to baseline, mpt (exact) */
    int32_t indent_left;     /* from the column's left edge, mpt */
    int32_t indent_right;    /* from the column's right edge, mpt */
    int32_t first_line;      /* first-line text start, relative to indent_left */
    int32_t label_indent;    /* AT_INDENT: label start relative to indent_left */
    int32_t label_gap;       /* HANGING: gap between label end and text */
    folio_label_place label_place;
    int32_t space_before;    /* mpt */
    int32_t space_after;     /* mpt */
    folio_halign align;
    int keep_with_next;
    int page_break_before;
    int outline_level;       /* 0 = no bookmark, 1 chapter, 2 section */
    int frame_relative;      /* indents measured from the frame, not column */
    const char *word_name;   /* DOCX: written as this built-in Word style
                                ("heading 1"), or NULL */
    const char *list;        /* DOCX: its labels come from this Word list
                                ([list.NAME]), or NULL */
    int list_level;          /* ... at this level (1-based) */
} folio_pstyle;

typedef enum folio_fblock_kind {
    FOLIO_FLOW_PARA,
    FOLIO_FLOW_TABLE,
    FOLIO_FLOW_PAGE_BREAK,
    FOLIO_FLOW_END_RULE      /* the short centred rule closing the document */
} folio_fblock_kind;

typedef struct folio_fblock {
    folio_fblock_kind kind;
    const folio_pstyle *style;
    const char *label;        /* computed ("12.", "IV.", "(a)"), or NULL */
    const folio_run *runs;    /* borrowed from the report */
    size_t nruns;
    const folio_table *table; /* borrowed */
    const folio_pstyle *cell_style, *head_style; /* for tables */
    const folio_block *src;   /* borrowed: the model block, for positions */
    int in_annex;             /* annex number (1-based), 0 in the main part */
    int notes_follow;         /* a table whose lettered notes come next */
    int box;                  /* inside the boxed summary: both writers draw
                                 a 0.5 pt frame around such blocks */
    int toc_entry;            /* a contents entry: dot leaders to the page
                                 number, set at the frame's right edge */
    size_t toc_target;        /* an entry: 1 + index of the block it names
                                 (whose page it prints), 0 when none */
    int rule_above;           /* a short rule over it: the first note set
                                 under a list */
} folio_fblock;

/* A note as the writers see it: its mark and its blocks. */
typedef struct folio_fnote {
    const folio_note *note;   /* borrowed */
    const char *mark;         /* "1", "2" ... or "*", "**" */
    folio_fblock *blocks;
    size_t nblocks;
    int endnote;              /* listed under the closing "Notes" heading
                                 instead of at the foot of its page */
    int closing;              /* an endnote of that closing list (not a
                                 table's lettered note) */
} folio_fnote;

/* Page geometry of the house style for the document's duty station. */
typedef struct folio_page_geom {
    const char *paper;           /* "A4" or "Letter" */
    int32_t width, height;
    int32_t frame_left, frame_right;   /* x of the frame edges */
    int32_t column_left, column_right; /* x of the body column edges */
    int32_t body_top;            /* first body baseline on later pages, from top */
    int32_t body_bottom;         /* lowest body baseline, from top */
    int32_t header_baseline;     /* running head baseline, from top */
    int32_t header_rule_y;       /* rule under the running head, from top */
    int32_t footer_baseline;     /* page number baseline, from top */
    int32_t first_footer_top;    /* top of the first-page footer (job no.) */
    int32_t masthead_drop;       /* the masthead sits this much lower (NY) */
    int folio_of_total;          /* page numbers as "2/9" (New York) */
    int later_job;               /* job number on later pages: 0 never,
                                    1 in translations, 2 always */
    int32_t later_job_size;      /* its size, mpt */
} folio_page_geom;

/* Every masthead and footer string, resolved in the document's language. */
typedef struct folio_masthead {
    const char *wordmark;        /* "United Nations" / "Naciones Unidas" */
    const char *symbol;          /* full symbol */
    const char *symbol_head;     /* first element, set at 20 pt ("A") */
    const char *symbol_tail;     /* the rest ("/HRC/WG.6/34/ITA/3") */
    const char *organ;           /* beside the emblem, 20 pt bold, may be NULL */
    const char *distribution;    /* "Distr.: General" / "Distr. limitada" */
    const char *date;            /* "13 de octubre de 2021" */
    const char *language_line;   /* "Español", or "" in the original */
    const char *original_line;   /* "Original: inglés" */
    const char *block_lang;      /* BCP 47 tag of the language of these four
                                    lines (English in Russian, Chinese and
                                    Arabic documents) */
    const char **body_lines;     /* under the thick rule; first is the body */
    size_t nbody_lines;
    const char **joint_lines;    /* a joint document's second organ's lines
                                    (its first is that organ) */
    size_t njoint_lines;
    const char *session;
    const char *venue_dates;
    const char *agenda_item;     /* with its mark appended by the writer */
    const char *agenda_title;
    const char *title;
    const char *subtitle;
    const folio_fnote *title_note, *agenda_note; /* may be NULL */
    const char *job_line;        /* "V.21-07524 (S)" */
    const char *barcode;         /* Code 39 payload without stars: "2107524" */
    const char *qr_url;          /* the document's address on ODS */
    const char *recycle;         /* "Please recycle" text in the language */
    const char *running_symbol;  /* symbol for running heads */
    const char *emblem_image;    /* a PNG that replaces the drawn emblem
                                    (house style `emblem-image`), or NULL */
    int emblem_px_w, emblem_px_h;/* its size in pixels */
    const char *later_job;       /* job number on later pages ("24-22861"),
                                    NULL when the station prints none there */
} folio_masthead;

/* ---- The page furniture ------------------------------------------------
 * The masthead, the first-page footer and the running heads and feet,
 * decided once by the style stage (src/style/furniture.c) from the house
 * style's [masthead], [footer] and [running-head] sections, the station
 * and the document's class. The PDF layout places these items, the DOCX
 * writer maps them to its header and footer parts: neither decides a
 * measure. Positions are page coordinates in millipoints (x from the
 * page's left edge, y from its top; text at its baseline). */

/* A text: absent when `text` is NULL (its font and place may still be
 * given, for the writers' styles). */
typedef struct folio_furn_text {
    const char *text;
    folio_face face;
    int32_t size;
    int32_t x, y;                /* start and baseline */
    int32_t width;               /* measured with the house fonts */
} folio_furn_text;

/* A box (artwork, image): absent when w is 0. Top-left corner and size. */
typedef struct folio_furn_box {
    int32_t x, y, w, h;
} folio_furn_box;

/* A horizontal rule from x over w; y is its place even when it is not
 * drawn (thickness 0): the masthead grid's rows end there. */
typedef struct folio_furn_rule {
    int32_t x, y, w, thickness;
} folio_furn_rule;

/* Which edge of the frame a later-page text keeps (0: the text is
 * absent). */
typedef enum folio_side { FOLIO_SIDE_NONE, FOLIO_SIDE_LEFT, FOLIO_SIDE_RIGHT } folio_side;

/* The lines under the thick rule, by what they say. */
typedef enum folio_mast_role {
    FOLIO_MAST_BODY,             /* the body ("Human Rights Council") */
    FOLIO_MAST_SUBSIDIARY,       /* further body lines (working group) */
    FOLIO_MAST_SESSION,
    FOLIO_MAST_VENUE,            /* venue and dates */
    FOLIO_MAST_AGENDA,           /* "Item 3 of the provisional agenda" */
    FOLIO_MAST_AGENDA_TITLE,
    FOLIO_MAST_ROLES
} folio_mast_role;

typedef struct folio_furn_font {
    folio_face face;
    int32_t size;
} folio_furn_font;

typedef struct folio_furn_line {
    const char *text;
    folio_mast_role role;
    const folio_fnote *note;     /* its mark follows the text, or NULL */
} folio_furn_line;

typedef struct folio_furniture {
    const char *class_name;      /* the document class ("report") */
    int rtl;                     /* planned for a right-to-left language:
                                    the positions are mirrored already
                                    (style/furn_mirror.c); the organ, the
                                    lines under the rule and the title run
                                    from the right edge of their box */

    /* First page: the masthead grid between the thin and thick rules. */
    folio_furn_text wordmark;
    folio_furn_text symbol_head, symbol_tail; /* right-aligned to the frame */
    folio_furn_rule thin_rule, thick_rule;
    folio_furn_box emblem;       /* the drawn emblem (art), or the house
                                    style's PNG (image) fitted into it */
    const folio_art *emblem_art;
    const char *emblem_image;    /* the PNG's path, or NULL */
    struct {
        const char **lines;      /* broken where the fonts say; none:
                                    absent */
        size_t nlines;
        folio_face face;
        int32_t size, leading;
        int32_t x, right;        /* the column it is set in */
        int32_t y;               /* first baseline */
    } organ;
    folio_furn_text block[4];    /* distribution, date, language, original */
    int32_t block_leading;

    /* Under the thick rule: lines set from the frame's left edge (the
     * layout breaks a long one at lines_right), then title and subtitle
     * at the column in the house styles UNTitle and UNSubtitle. */
    folio_furn_line *lines;
    size_t nlines;
    folio_furn_font line_font[FOLIO_MAST_ROLES];
    int32_t lines_x, lines_right;
    int32_t lines_y, lines_leading;      /* first baseline, step */
    const char *title, *subtitle;
    const folio_fnote *title_note;
    const char *title_style;             /* the title's house style: UNTitle,
                                            or the class's (a letter's) */
    int32_t title_step, subtitle_step;   /* baseline to baseline */

    /* First-page footer. */
    folio_furn_text job;
    struct {
        const char *payload;     /* Code 39 content without the stars */
        const folio_art *art;    /* bars, one unit per module */
        folio_furn_box box;
        int32_t module;          /* narrow bar */
        const char *text;        /* the human-readable line, "*NNN*" */
        folio_furn_font font;
        int32_t text_y;          /* its baseline */
        int32_t *char_x, *char_w;/* each character's place and width */
    } barcode;                   /* absent when payload is NULL */
    folio_furn_text recycle;     /* "Please recycle" */
    folio_furn_box recycle_mark;
    const folio_art *recycle_art;
    folio_furn_box qr;
    const char *qr_url;          /* absent when NULL */
    const folio_art *qr_art;

    /* Later pages. */
    struct {
        const char *text;        /* the symbol */
        folio_furn_font font;
        int32_t y;
        folio_side even, odd;
        folio_furn_rule rule;    /* under the head */
    } head;
    struct {
        int of_total;            /* "2/9" rather than "2" */
        folio_furn_font font;
        int32_t y;
        folio_side even, odd;
    } folio;
    struct {
        const char *text;        /* "24-22861", or NULL */
        folio_furn_font font;
        int32_t y;
        folio_side even, odd;
    } later_job;
} folio_furniture;

/* The costs of line breaking (house style [breaking], a language's own
 * [breaking] over it; layout/linebreak.c says what each does). */
typedef struct folio_break_costs {
    int32_t pretolerance, tolerance, loose_tolerance;
    int32_t line_penalty, adj_demerits, double_hyphen_demerits, final_hyphen_demerits;
    int32_t hyphen_penalty, exhyphen_penalty, cut_penalty;
    int32_t stretch_num, stretch_den;  /* a space stretches by num/den of it */
    int32_t shrink_num, shrink_den;
    int32_t emergency_stretch;         /* 1/1000 of the font size */
    int32_t narrow_measure;            /* ems: a narrower line is narrow */
    int32_t narrow_hyphen_penalty;     /* a hyphen ending a narrow line */
    int hyphenate_capitalised;         /* names and titles may be cut at
                                          hyphenation points */
    int hyphenate_last_word;           /* so may a paragraph's last word */
} folio_break_costs;

/* Scripts a language may set in faces of its own (its [fonts]); every
 * other character is set in the Latin face. */
typedef enum folio_script { FOLIO_SCRIPT_LATIN, FOLIO_SCRIPT_CYRILLIC, FOLIO_SCRIPT_HAN,
                            FOLIO_SCRIPT_ARABIC, FOLIO_SCRIPT_COUNT } folio_script;

/* The faces a language sets each script in (ids of the fonts,
 * layout/fonts.h), for each house face and for the bold of headings
 * (text in a style whose face is bold): made by the style stage from the
 * language's [fonts]; every face the language does not name is the house
 * face. */
#define FOLIO_ROLE_HEADINGS FOLIO_FACE_COUNT
typedef struct folio_fontset {
    uint8_t face[FOLIO_FACE_COUNT + 1][FOLIO_SCRIPT_COUNT];
    int mixed;                   /* some script has a face of its own: text
                                    is set character by character */
    /* The house's faces (un.style [fonts]) of scripts the language names
     * none for, by name, found when a character of them first comes
     * (a Chinese name in an English or Arabic report); NULL: none. */
    const char *other[FOLIO_FACE_COUNT + 1][FOLIO_SCRIPT_COUNT];
    int others;                  /* some script has one */
} folio_fontset;

/* Breaking text written without spaces (Chinese), from the language's
 * [line-breaking] (W3C clreq; layout/cjk_break.c): between any two
 * characters where ICU's line-break iterator allows it, except where these
 * sets forbid. Sets are UTF-8 strings of characters. */
typedef struct folio_cjk_rules {
    int on;                      /* the language breaks between characters */
    const char *no_start;        /* never start a line (closing marks) */
    const char *no_end;          /* never end a line (opening marks) */
    const char *inseparable;     /* two alike are never split (—— ……) */
    const char *half_after;      /* full-width marks blank in their right
                                    half: may close up by half an em */
    const char *half_before;     /* ... blank in their left half */
    int32_t latin_gap;           /* 1/1000 em between ideographs and Latin
                                    letters or digits */
    int32_t stretch;             /* 1/1000 em a break between characters
                                    may stretch */
} folio_cjk_rules;

/* Labels and rules that depend on the language. */
typedef struct folio_lang_labels {
    const char *code;            /* "es" */
    char job_letter;             /* 'S' */
    const char *annex;           /* "Anexo" */
    const char *contents_page;   /* "Page": the head of the contents' page
                                    column when the document types none */
    const char *original_bracket;/* "[Original: %s]" pattern word, "Original" */
    int french_punct;            /* a) instead of (a) */
    const char **nobreak_after;  /* folded words a number stays with */
    size_t nnobreak;
    const char *hyphenation;     /* the dictionaries to try ("a | b"), or NULL */
    int hyph_left, hyph_right;   /* fewest letters before and after a hyphen */
    folio_break_costs costs;
    /* Scripts, direction and numbers (the language file's direction,
     * [fonts], digits, paragraph-number; layout/shape.c, bidi.c). */
    int rtl;                     /* right to left: paragraphs and the page
                                    furniture mirror */
    folio_fontset fonts;
    const char *digits;          /* the ten digits of paragraph numbers */
    const char *para_form;       /* "{n}.", "{n} -" */
    const char *docx_font[FOLIO_SCRIPT_COUNT][2]; /* the face Word names
                                    for a script: body, headings (NULL:
                                    Times New Roman) */
    const char *pdf_font[FOLIO_SCRIPT_COUNT][2]; /* the faces the PDF sets
                                    it in, by name (Word's alternatives) */
    folio_cjk_rules cjk;         /* breaking between characters */
} folio_lang_labels;

typedef struct folio_flow {
    folio_arena *arena;          /* owns the flow (not the report) */
    const folio_report *report;  /* borrowed */
    const struct folio_house *house; /* borrowed: the house style it was
                                    made with (hyphenation patterns) */
    folio_page_geom page;
    folio_masthead mast;         /* the strings the furniture is made of */
    folio_furniture furn;        /* what both writers draw */
    folio_lang_labels lang;
    const char *lang_tag;        /* BCP 47 tag for PDF /Lang and DOCX: "es-ES" */
    folio_pstyle **styles;       /* every interned style, for styles.xml */
    size_t nstyles;
    folio_fblock *blocks;
    size_t nblocks;
    folio_fnote *notes;          /* in order of first reference */
    size_t nnotes;
    const folio_pstyle *note_style;   /* footnote text */
    const folio_pstyle *header_style; /* running head */
    const folio_pstyle *footer_style; /* page number */
    int32_t note_marker_indent;  /* footnote mark start, from column left */
    int32_t end_rule_width;
    int32_t mast_lines_width;    /* lines under the thick rule wrap at this
                                    width from the frame's left edge */
    int32_t font_expansion;      /* justified lines may widen or narrow
                                    their glyphs by up to this (1/1000) */
    long long date_epoch;        /* document date as seconds (for metadata) */
    const folio_fnote **note_index; /* notes sorted by model pointer */
    int *page_of;                /* per block: the page of its first line in
                                    the last layout of the flow (contents
                                    entries print it, the DOCX keeps it as
                                    its TOC's cached pages); NULL when no
                                    contents entry names a block */
} folio_flow;

/* Options that override the report's metadata (the command line). */
typedef struct folio_style_options {
    const struct folio_house *house; /* loaded once by the caller (shareable);
                                    NULL = the default house, loaded once */
    const char *station;
    const char *language;
    const char *symbol;
    const char *job_number;
    const char *date;
} folio_style_options;

/* The fonts' metrics decide the furniture (the organ's size and line
 * breaks, right-aligned symbols): `fonts` is required (borrowed). */
typedef struct folio_fonts folio_fonts;
int folio_style_apply(folio_ctx *ctx, const folio_report *r,
                      const folio_style_options *opt, const folio_fonts *fonts,
                      folio_flow **out);
void folio_flow_free(folio_flow *f);

/* The styled note of a model note (its mark), NULL when not referenced. */
const folio_fnote *folio_flow_note(const folio_flow *f, const folio_note *n);

/* Find an interned style by name, NULL when absent. */
const folio_pstyle *folio_flow_style(const folio_flow *f, const char *name);

#endif
