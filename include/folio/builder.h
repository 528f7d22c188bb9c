/* folio — building a report in code: the masthead's fields, then the text
 * block by block, each block's inline runs, notes and tables. Every call
 * checks what it is given and returns FOLIO_E_USAGE (with a message in
 * ctx) for a bad value: a NULL or empty string, text that is not UTF-8 or
 * holds control characters, a date that is no real day, an unknown
 * language, station or distribution, a heading level, item depth or table
 * cell out of range, a label that does not fit its block, a note of
 * another report. The report is left as it was then.
 *
 *     folio_report *r;
 *     folio_node *p;
 *     folio_report_new(ctx, "example", &r);
 *     folio_report_set(ctx, r, FOLIO_FIELD_SYMBOL, "A/HRC/55/1");
 *     folio_report_set(ctx, r, FOLIO_FIELD_TITLE, "Report of the Council");
 *     folio_report_add_paragraph(ctx, r, 1, NULL, &p);
 *     folio_node_add_text(ctx, p, "The Council met ", 0);
 *     folio_node_add_text(ctx, p, "twice", FOLIO_STYLE_EMPH);
 */
#ifndef FOLIO_BUILDER_H
#define FOLIO_BUILDER_H

#include "folio/report.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A place in a report being built: a block (heading, paragraph, item,
 * annex), a table, a table's cell or a note. Handles belong to the report
 * and stay valid until it is freed. */
typedef struct folio_node folio_node;

/* The house style whose languages and duty stations the checks accept
 * (borrowed: keep it while building; NULL, the start: the default
 * house). Rendering with another house checks them again. */
int folio_report_use_house(folio_ctx *ctx, folio_report *r, const folio_house *house);

/* Set a masthead field (see folio_field); a value set again replaces the
 * old one. */
int folio_report_set(folio_ctx *ctx, folio_report *r, folio_field field,
                     const char *value);

/* Give the title (FOLIO_FIELD_TITLE) or the agenda item
 * (FOLIO_FIELD_AGENDA_ITEM) a note marked with asterisks, made with
 * folio_report_add_note; the agenda's note takes "*", the title's "*" or,
 * after an agenda note, "**". */
int folio_report_set_note(folio_ctx *ctx, folio_report *r, folio_field field,
                          folio_node *note);

/* Blocks, appended to the report's text in reading order. A typed label
 * ("IV.", "12.", "(a)") is printed as typed (it is the official one); a
 * numbered block without one is numbered by the house style. `out` may be
 * NULL. Parts and roles (resolutions, lists inside paragraphs, the
 * summary, the contents) are below. */

/* A heading: level 0 (title-like), 1 chapter (I.), 2 section (A.),
 * 3 subsection (1.) or 4 (never numbered). Levels 1 to 3 are numbered when
 * `numbered` is set or a label given, whose kind must fit the level. */
int folio_report_add_heading(folio_ctx *ctx, folio_report *r, int level, int numbered,
                             const char *label, folio_node **out);
/* A paragraph: numbered ("12.") or plain; a label only when numbered. */
int folio_report_add_paragraph(folio_ctx *ctx, folio_report *r, int numbered,
                               const char *label, folio_node **out);
/* A subparagraph or list item at depth 1 to 4, labelled "(a)", "a)",
 * "(iv)", "1." or a bullet ("-", "•"); NULL: lettered (a) at depth 1,
 * (i) below. */
int folio_report_add_item(folio_ctx *ctx, folio_report *r, int depth, const char *label,
                          folio_node **out);
/* A table of rows x cols cells (at least 1 x 1), the first `head_rows`
 * of them repeated as column heads on each page. */
int folio_report_add_table(folio_ctx *ctx, folio_report *r, size_t rows, size_t cols,
                           size_t head_rows, folio_node **out);
/* The start of an annex; `original_language` (may be NULL) prints
 * "[Original: …]" under its heading. Its title is the heading that
 * follows (level 0). */
int folio_report_add_annex(folio_ctx *ctx, folio_report *r,
                           const char *original_language, folio_node **out);
/* A page break. */
int folio_report_add_page_break(folio_ctx *ctx, folio_report *r);

/* A footnote; `id` names it (unique within the report). Its text is one
 * or more paragraphs; a note reference (folio_node_add_note_ref) places
 * its mark in the text. */
int folio_report_add_note(folio_ctx *ctx, folio_report *r, const char *id,
                          folio_node **out);
int folio_note_add_paragraph(folio_ctx *ctx, folio_node *note, folio_node **out);

/* Table cells: the cell at row, col (from 0) of a table, to add runs to. */
int folio_table_cell(folio_ctx *ctx, folio_node *table, size_t row, size_t col,
                     folio_node **out);
typedef enum folio_align { FOLIO_ALIGN_DEFAULT, FOLIO_ALIGN_LEFT,
                           FOLIO_ALIGN_CENTER, FOLIO_ALIGN_RIGHT,
                           FOLIO_ALIGN_JUSTIFY } folio_align;
int folio_table_set_align(folio_ctx *ctx, folio_node *table, size_t col,
                          folio_align align);

/* Parts: structure the official documents set apart (docs/structure.md).
 * folio_report_open_part appends the start of a part; the blocks after it
 * are inside it until folio_report_close_part; parts nest (at most 64
 * deep). A part still open when the report is rendered runs to the end.
 * Numbering restarts inside a resolution (its operative paragraphs from
 * 1), an annex part and a list; the report's own numbering goes on after
 * them. `label` names the part as typed ("Draft resolution I",
 * "Decision 3/1", "Appendix"; the contents' page column head "Page") or
 * is NULL. */
typedef enum folio_part_kind {
    FOLIO_PART_NONE,
    FOLIO_PART_RESOLUTION,  /* a resolution or decision, on its own or inside
                               a report, an annex or another resolution: its
                               title lines, preamble, operative paragraphs
                               (numbered from 1), closing lines */
    FOLIO_PART_ANNEX,       /* an annex, appendix or enclosure of a part (an
                               annex to a resolution, an enclosure to an
                               annexed letter): its heading is its first
                               block; numbering restarts inside */
    FOLIO_PART_LIST,        /* a numbered list inside a paragraph (an
                               agenda): items numbered from 1, after which
                               the paragraph sequence resumes */
    FOLIO_PART_SUMMARY,     /* the boxed summary of the first page */
    FOLIO_PART_CONTENTS     /* the table of contents: ITEM blocks of role
                               ENTRY (level, label, text, page as typed) */
} folio_part_kind;

/* What a block is within its part; FOLIO_ROLE_TEXT for ordinary text. */
typedef enum folio_role {
    FOLIO_ROLE_TEXT,
    FOLIO_ROLE_TITLE,       /* a title line of its part: an annex's or a
                               resolution's label and title, "Summary" */
    FOLIO_ROLE_FORMULA,     /* "The General Assembly," opening a resolution */
    FOLIO_ROLE_PREAMBLE,    /* a preambular paragraph */
    FOLIO_ROLE_OPERATIVE,   /* an operative paragraph */
    FOLIO_ROLE_CLOSING,     /* a resolution's meeting and date lines */
    FOLIO_ROLE_ADOPTION,    /* "[Adopted without a vote.]" */
    FOLIO_ROLE_ENTRY,       /* a contents entry */
    FOLIO_ROLE_SIGNATURE,   /* a signature: "(Signed) Name", "/-/ Name" */
    FOLIO_ROLE_DATELINE,    /* a place and date line ("Done at Warsaw, ...") */
    FOLIO_ROLE_MEMO,        /* a circular's "To:" "From:" "Subject:" line;
                               `label` holds the word before the colon */
    FOLIO_ROLE_CENTERED,    /* lines set centred (a proclamation's) */
    FOLIO_ROLE_TABLE_NOTE   /* "Note:" "Source:" lines under a table */
} folio_role;

int folio_report_open_part(folio_ctx *ctx, folio_report *r, folio_part_kind kind,
                           const char *label, folio_node **out);
int folio_report_close_part(folio_ctx *ctx, folio_report *r);

/* What a heading, paragraph or item of the report's text is within its
 * part. A resolution's roles (formula, preamble, operative, closing,
 * adoption) only inside a resolution; a contents entry and a circular's
 * memo line are made with the two calls below. */
int folio_node_set_role(folio_ctx *ctx, folio_node *block, folio_role role);
/* A contents entry, inside a FOLIO_PART_CONTENTS: level 1 chapter, 2
 * section, 3 subsection; its label ("IV.", "A.", "1.") and the page typed
 * in the source (the old document's; the contents print this layout's)
 * may be NULL. Its text is added as runs. */
int folio_report_add_entry(folio_ctx *ctx, folio_report *r, int level, const char *label,
                           const char *page, folio_node **out);
/* A circular's masthead line: `word` is its word and colon ("To:",
 * "From:", "Subject:"); the rest is added as runs. */
int folio_report_add_memo_line(folio_ctx *ctx, folio_report *r, const char *word,
                               folio_node **out);

/* Inline runs, appended to a heading, paragraph, item or table cell. */
enum { /* styles, as bits */
    FOLIO_STYLE_EMPH = 1,   /* italic */
    FOLIO_STYLE_STRONG = 2, /* bold */
    FOLIO_STYLE_SUPER = 4   /* superscript */
};
int folio_node_add_text(folio_ctx *ctx, folio_node *at, const char *text,
                        unsigned style);
/* Text that links to `uri` (http, https or mailto). */
int folio_node_add_link(folio_ctx *ctx, folio_node *at, const char *text,
                        const char *uri, unsigned style);
/* The mark of `note` (a note of the same report). */
int folio_node_add_note_ref(folio_ctx *ctx, folio_node *at, folio_node *note);
int folio_node_add_line_break(folio_ctx *ctx, folio_node *at);

#ifdef __cplusplus
}
#endif

#endif
