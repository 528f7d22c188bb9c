/* folio — Markdown reader internals, shared by the files of src/read/.
 *
 * The reader runs in three steps: md_walk turns the cmark-gfm tree into
 * "raw blocks" (paragraphs, headings, tables with their list context),
 * md_masthead takes the masthead from the first raw blocks, and md_dialect
 * turns the rest into report blocks (numbered paragraphs, items, headings
 * with labels, annexes). The helpers below (text, dates, words, labels) are
 * not static so that the unit tests can reach them. */
#ifndef FOLIO_READ_MD_INTERNAL_H
#define FOLIO_READ_MD_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "folio/read.h"
#include "house/house.h"
#include "model/model.h"
#include "util/text.h"

/* cmark-gfm pads every table row to the head's width and spends some 200
 * bytes per node: the reader bounds table cells and markup characters
 * before it parses, so that no input of a permitted size exhausts memory. */
#define FOLIO_MD_MAX_TABLE_CELLS (1 << 22)    /* 4 Mi cells */
#define FOLIO_MD_MAX_MARKUP ((size_t)1 << 20) /* markup characters allowed
                                                 beyond 1 in 16 bytes */

/* A soft line break inside a raw block: a space in the final model, a line
 * separator for masthead recognition. Never leaves the reader. */
#define FOLIO_MD_RUN_SOFT_BREAK ((folio_run_kind)100)

/* ---- text helpers (md_text.c) ------------------------------------------*/

/* Trim ASCII white space (and NBSP) from both ends: returns the start and
 * sets *n to the trimmed length. */
const char *folio_md_trim(const char *s, size_t *n);

/* ---- dates (md_dates.c) --------------------------------------------------*/

/* Month 1..12 of a folded month name in any language of the house (its
 * [months]: Russian genitive forms, both Arabic names...), 0 otherwise. */
int folio_md_month(const folio_house *h, const char *folded, size_t n);
/* Parse a whole string as a date ("14 August 2019", "13 de octubre de
 * 2021", "1er mars 2021", "14 августа 2019 года", "2019年8月14日",
 * "14 آب/أغسطس 2019", "2019-08-14"). Returns 0 and sets y/m/d, or -1. */
int folio_md_parse_date(const folio_house *h, const char *s, size_t n, int *y, int *m, int *d);
/* Strict ISO 8601 calendar date yyyy-mm-dd (valid day of month). */
int folio_md_parse_iso_date(const char *s, size_t n, int *y, int *m, int *d);
/* Whether a line mentions a date: a month name in any language, or the
 * Chinese 年/月 form. Used to tell the venue-and-dates line. */
int folio_md_mentions_date(const folio_house *h, const char *s, size_t n);
/* Whether a line holds a year (a 4-digit number from 1945 to 2099). */
int folio_md_has_year(const char *s, size_t n);

/* ---- masthead and dialect words (md_words.c) -----------------------------*/

/* A UN document symbol: "A/HRC/28/4", "E/CN.3/2025/7",
 * "CTOC/COP/WG.4/2021/INF/1/Rev.1", optionally followed by asterisks. */
int folio_md_is_symbol(const char *s, size_t n);
/* "United Nations" in a language of the house. */
int folio_md_is_wordmark(const folio_house *h, const char *s, size_t n);
/* A "Distr.: General" line: returns 1 and sets *d (or *known = 0 when the
 * category word is not recognised), 0 when the line is not a Distr. line. */
int folio_md_distribution(const folio_house *h, const char *s, size_t n, folio_distribution *d,
                          int *known);
/* An "Original: English" line (also "Original : anglais", "Язык
 * оригинала: английский", "原文：英文"): returns 1 and sets *lang (the
 * code, NULL when the language is not recognised), 0 when the line is not
 * one. */
int folio_md_original_line(const folio_house *h, const char *s, size_t n, const char **lang);
/* "[Original: French]" under an annex heading. */
int folio_md_bracket_original(const folio_house *h, const char *s, size_t n, const char **lang);
/* A session line ("Thirty-fourth session", "Тридцать четвертая сессия",
 * "56º período de sesiones", "第三十四届会议", "الدورة ..."). */
int folio_md_is_session(const folio_house *h, const char *s, size_t n);
/* An agenda item line ("Item 3 (e) of the provisional agenda"). */
int folio_md_is_agenda_item(const folio_house *h, const char *s, size_t n);
/* An annex heading: "Annex", "Annex I", "Anexo II", "Annexe", "Приложение
 * III", "附件", "المرفق". */
int folio_md_is_annex(const folio_house *h, const char *s, size_t n);
/* A heading that opens an annex: 1 for an annex word ("Annex", "Annex
 * II", "Annex to the letter dated ..."), 2 for another word that opens
 * one inside a part ("Appendix", "Enclosure": [lang] read-appendix), 0
 * otherwise. */
int folio_md_annex_heading(const folio_house *h, const char *s, size_t n);
/* Does the folded text start with one of the items of the `key` list of
 * any language of the house ([lang.xx] key = a | b)? Returns the length
 * of the longest such item in the folded text, 0 when none. */
size_t folio_md_lang_words(const folio_house *h, const char *key, const char *folded);
/* Duty station named in a venue line (a station of the house: its names
 * in every language), or NULL. */
const char *folio_md_station_in(const folio_house *h, const char *s, size_t n);
/* The duty station that services a document series ("A/HRC/" → geneva,
 * "CTOC/" → vienna: the stations' symbol-series), or NULL. */
const char *folio_md_station_of_symbol(const folio_house *h, const char *symbol);
/* A duty station value ("new-york", "New York", "Genève"...) → its
 * name in the house, or NULL. */
const char *folio_md_station_name(const folio_house *h, const char *s, size_t n);

/* ---- the masthead's language (md_language.c) ----------------------------*/

/* Add the line's votes for the languages whose words it holds (votes has
 * one counter per language of the house). */
void folio_md_language_votes(const folio_house *h, const char *s, size_t n, int *votes);
/* The language with most votes, NULL when none or a tie. */
const char *folio_md_language_of(const folio_house *h, const int *votes);

/* ---- labels (md_labels.c) ------------------------------------------------*/

typedef struct folio_md_label {
    folio_label_kind kind;
    int value;       /* number, roman value, or letter index (a = 1) */
    int alt_letter;  /* a one-letter roman label (I, V, X; i, v, x) that may
                        also be a letter: that letter's index, else 0 */
    size_t len;      /* bytes of the label as typed: 3 for "(a)" */
    size_t skip;     /* the label and the white space after it */
} folio_md_label;

/* Value of a roman numeral in canonical form (either case), 0 otherwise. */
int folio_md_roman_value(const char *s, size_t n);
/* Heading labels: "IV." (ROMAN), "B." (UPPER), "3." (ARABIC), followed by
 * white space or the end. Returns 1 when s starts with one. */
int folio_md_heading_label(const char *s, size_t n, folio_md_label *out);
/* Numbered paragraph: "12. " (digits, a full stop, white space), and as
 * Arabic documents write them, "12- ", "١٢ - " (Arabic-Indic digits). */
int folio_md_number_label(const char *s, size_t n, folio_md_label *out);
/* Heading and subparagraph labels, also those of the languages' lists
 * (chapter-labels "一.", "أولا -"; section-labels "ألف -"; item-letters
 * "(أ)"; h may be NULL). */
int folio_md_heading_label_in(const folio_house *h, const char *s, size_t n,
                              folio_md_label *out);
int folio_md_item_label_in(const folio_house *h, const char *s, size_t n, folio_md_label *out);
/* Subparagraph labels "(a)", "a)", "(iv)", "iv)" and typed bullets
 * ("•", "–"), followed by white space. */
int folio_md_item_label(const char *s, size_t n, folio_md_label *out);
/* A sub-numbered item's label: "12.1", "140.254", "3.2.1." followed by
 * white space and text. Sets *len to the label's bytes and *skip to the
 * label and the space after it. */
int folio_md_decimal_label(const char *s, size_t n, size_t *len, size_t *skip);
/* A resolution's number opening a title: "59/25. ", "2025/1. ": the
 * length of the number and its full stop, 0 when there is none. */
size_t folio_md_resolution_number(const char *s, size_t n);

/* ---- raw blocks (md_walk.c) ---------------------------------------------*/

typedef enum folio_md_raw_kind {
    FOLIO_MD_RAW_PARA,
    FOLIO_MD_RAW_HEADING,
    FOLIO_MD_RAW_TABLE,
    FOLIO_MD_RAW_RULE,       /* a thematic break */
    FOLIO_MD_RAW_PAGE_BREAK  /* <!-- page break --> */
} folio_md_raw_kind;

/* One list item around a raw block. */
typedef struct folio_md_item {
    int id;          /* unique per item in the document, 0 = none */
    int list_id;     /* unique per list */
    int ordered;
    int number;      /* the number as typed in the source */
    char delim;      /* '.' or ')' for ordered items */
    char bullet;     /* '-', '*' or '+' for bullet items */
    int line, col;   /* position of the marker */
} folio_md_item;

typedef struct folio_md_raw {
    folio_md_raw_kind kind;
    int hlevel;              /* heading: the number of '#' */
    int list_depth;          /* enclosing lists, 0 = none */
    int first_in_item;       /* first block of its innermost item */
    folio_md_item inner;     /* innermost item (list_depth > 0) */
    folio_md_item outer;     /* outermost item (list_depth > 0) */
    folio_run *runs;         /* may hold FOLIO_MD_RUN_SOFT_BREAK */
    size_t nruns;
    folio_table *table;
    folio_pos pos;
} folio_md_raw;

typedef struct folio_md_raws {
    folio_md_raw *v;
    size_t n, cap;
} folio_md_raws;

/* Everything one reading shares. */
typedef struct folio_md {
    folio_ctx *ctx;
    const folio_house *house;  /* its languages, months and stations */
    folio_report *rep;
    const char *src;          /* the text given to cmark (front matter blanked) */
    size_t srclen;
    size_t *line_off;         /* byte offset of each line start (malloc'd) */
    size_t nlines;
    size_t real_lines;        /* lines of the input; synthetic text follows */
    int max_depth;
    int front_matter;         /* the input had front matter */
    folio_note **by_ix;       /* notes by cmark's footnote index - 1 (malloc'd) */
    size_t nix;
    int next_id;              /* list and item ids */
    int sup;                  /* inside <sup> */
    int synthetic;            /* reading the appended references */
    int nmarks;               /* "*" marks given to masthead notes */
    folio_pos last_pos;       /* position for runs cmark gives none */
    int failed;               /* an error (already recorded) stops the walk */
} folio_md;

/* Append a raw block (zeroed) and return it, NULL on OOM. */
folio_md_raw *folio_md_raw_push(folio_md *md, folio_md_raws *rs);
/* Walk the children of a cmark container node into raw blocks. */
struct cmark_node;
int folio_md_walk_blocks(folio_md *md, struct cmark_node *parent, folio_md_raws *out);
/* Inline runs of a cmark node's children. */
int folio_md_walk_inlines(folio_md *md, struct cmark_node *parent, int depth,
                          folio_run **runs, size_t *nruns);
/* The source text of line `line` (1-based) from byte column col (1-based). */
const char *folio_md_source_at(const folio_md *md, int line, int col, size_t *n);

/* ---- runs (md_runs.c) -----------------------------------------------------*/

typedef struct folio_md_runs {
    folio_run *v;
    size_t n, cap;
} folio_md_runs;

/* Runs grow in malloc'd memory; keep() moves them into the arena (exact
 * size) and frees the growing array. */
int folio_md_runs_push(folio_md_runs *rs, folio_run run);
int folio_md_runs_keep(folio_arena *a, folio_md_runs *rs, folio_run **out, size_t *n);
/* Plain text of runs: soft breaks become `soft` (" " or "\n"), line
 * breaks "\n", note references nothing. Arena string. */
char *folio_md_runs_text(folio_arena *a, const folio_run *runs, size_t n, const char *soft);
/* Remove `bytes` bytes of text from the start of the runs (the label) and
 * the white space after them. */
void folio_md_runs_strip_prefix(folio_run *runs, size_t n, size_t bytes);
/* The final runs: soft breaks as spaces, empty runs dropped, neighbours of
 * the same style and link merged, white space trimmed at both ends. */
int folio_md_runs_finish(folio_arena *a, const folio_run *in, size_t n,
                         folio_run **out, size_t *nout);
/* The first bytes of that text (soft breaks as spaces) in buf, cut at a
 * character boundary: enough to read a label. Returns the length. */
size_t folio_md_runs_prefix(const folio_run *runs, size_t n, char *buf, size_t cap);
/* Characters in the text, and its last character that is not white space
 * or an asterisk (ASCII, or a byte of a longer one). */
size_t folio_md_runs_chars(const folio_run *runs, size_t n, char *last);
/* Every text run is strong (ignoring white space and note references). */
int folio_md_runs_all_strong(const folio_run *runs, size_t n);

/* ---- front matter (front_matter.c) ----------------------------------------*/

/* When the input starts with a front matter block, read it into the meta
 * (creating agenda/title notes) and set *end to the byte just after it. */
int folio_md_front_matter(folio_ctx *ctx, const folio_house *h, folio_report *rep,
                          const char *data, size_t len, size_t *end);

/* ---- masthead and dialect (md_masthead.c, md_dialect.c) -------------------*/

/* Recognise the masthead in the first raw blocks. Sets *body_start to the
 * first block after it and *title_depth to the title's '#' count. */
int folio_md_masthead(folio_md *md, const folio_md_raw *raw, size_t n,
                      size_t *body_start, int *title_depth);
/* With front matter: take the first unlabelled heading as the title (and a
 * following one as the subtitle) when the front matter gave none. */
int folio_md_front_title(folio_md *md, const folio_md_raw *raw, size_t n,
                         size_t *body_start, int *title_depth);
/* What the dialect pass knows of a block that the model does not hold,
 * for the structure pass. */
typedef struct folio_md_binfo {
    int hlevel;              /* a heading's '#' count (0: a line in bold) */
    int mdlevel;             /* a heading's level by its '#' under the title
                                (1 for "##" under "#"), 3 for a bold line */
    int list_depth;          /* the lists around the block as typed */
    unsigned candidate : 1;  /* a typed "N.": a numbered paragraph or an item
                                of a list inside a paragraph */
    unsigned cont : 1;       /* a further paragraph of the candidate's item */
    unsigned child : 1;      /* an item under the candidate before it */
    unsigned bold_line : 1;  /* a heading typed as a line in bold */
    unsigned annex_word : 2; /* an annex heading: see folio_md_annex_heading */
} folio_md_binfo;

/* Turn raw blocks into report blocks. `in_note` disables numbered
 * paragraphs. *info (may be NULL) gets an array parallel to the blocks,
 * malloc'd. */
int folio_md_dialect(folio_md *md, const folio_md_raw *raw, size_t n, int in_note,
                     int title_depth, folio_block **blocks, size_t *nblocks,
                     folio_md_binfo **info);

/* ---- structure (md_structure.c) ---------------------------------------------*/

/* Read the parts of the body (resolutions and decisions, annexes at any
 * depth, lists inside paragraphs, the summary, the contents), the roles
 * of their blocks, and check the typed numbering of each part; replaces
 * *blocks (an arena array) by the structured one. */
int folio_md_structure(folio_md *md, folio_block **blocks, size_t *nblocks,
                       const folio_md_binfo *info);

#endif
