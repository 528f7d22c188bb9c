/* Internal interfaces of the style stage. */
#ifndef FOLIO_STYLE_INTERNAL_H
#define FOLIO_STYLE_INTERNAL_H

#include "style/flow.h"
#include "house/house.h"

/* Intern every [style.NAME] section of the house style into f->styles. */
int folio_style_load_pstyles(folio_ctx *ctx, const folio_house *h, folio_flow *f);

/* Page geometry of a duty station, with the overrides of the document
 * class `cls` ([class.NAME.station]). */
/* Errors for paragraph styles that would set text off the page. */
int folio_style_check_fit(folio_ctx *ctx, const folio_house *h, const folio_flow *f);
int folio_style_load_page(folio_ctx *ctx, const folio_house *h, const char *station,
                    const char *cls, folio_page_geom *g);

/* Document classes (classes.c): the class of a document by its symbol,
 * title, organ and lines under the rule (NULL only when out of memory); and the section to read `key`
 * of `sub` ("masthead", "station") from: the class's override section
 * [class.CLS.SUB] when it has the key, else `base`. */
const char *folio_style_pick_class(folio_arena *a, const folio_house *h, const char *symbol,
                                   const char *title, const char *organ, const char *body);
const char *folio_style_class_sec(const folio_house *h, const char *cls, const char *sub,
                                  const char *base, const char *key);

/* The page furniture of the flow (furniture.c), from its masthead
 * strings, page geometry and styles, the house style's measures and the
 * fonts' metrics; the last step of the style stage. */
int folio_style_furniture(folio_ctx *ctx, const folio_house *h, const folio_fonts *fonts,
                          const char *cls, folio_flow *f);

/* Language labels and the masthead strings (needs f->page resolved). */
int folio_style_masthead(folio_ctx *ctx, const folio_house *h, const folio_report *r,
                   const folio_style_options *opt, const char *station,
                   folio_flow *f);

/* The house style's emblem image, checked (emblem_image.c). */
int folio_style_emblem_image(folio_ctx *ctx, const folio_house *h, folio_flow *f);

/* "Original: English" / "Original: inglés": the original-language line in
 * the labels of `in_lang` for the language `original` (a code). */
const char *folio_style_original_line(folio_arena *a, const folio_house *h, const char *in_lang,
                                      const char *original);

/* Format an ISO date "2021-10-13" in the language `lang` (a code). */
const char *folio_style_format_date(folio_arena *a, const folio_house *h, const char *lang,
                              const char *iso);

/* The house paragraph styles the stage assigns. */
typedef struct styles {
    const folio_pstyle *para, *item1, *item2, *bullet, *title, *report_title, *h[5], *annex,
        *annex_orig, *annex_title, *table, *table_head, *note, *table_note;
    /* the parts (md_structure.c reads them, docs/house-style.md) */
    const folio_pstyle *subtitle, *annex_head, *part_annex, *list_item[2], *sub_numbered,
        *res_title, *res_head, *operative, *closing, *adoption, *summary_head, *contents_head,
        *contents_page, *contents[3], *signature, *dateline, *memo, *memo_subject,
        *centered, *table_caption, *table_title;
    const folio_house *house;      /* for labels the blocks need */
} styles;

/* The blocks of the report as styled blocks: labels as typed (numbers
 * only where none is typed), a house style each, the parts' furniture
 * (annex lines, the contents' page head), contents entries pointed at
 * the blocks they name (blocks.c). */
int folio_style_blocks(folio_ctx *ctx, folio_flow *f, const styles *s, size_t *cap);

/* Append a block to the flow (growing it); NULL when out of memory. */
folio_fblock *folio_style_push(folio_flow *f, size_t *cap);

/* Notes (notes.c): number them, find a closing "Notes" heading, list the
 * numbered notes as endnotes there, and sort the index by model note. */
int folio_style_number_notes(folio_flow *f, const styles *s, int restart_in_annex, size_t *cap);
int folio_style_ends_with_notes_heading(const folio_report *r, const folio_house *h);
int folio_style_list_endnotes(folio_flow *f, const folio_pstyle *st, size_t *cap);
int folio_style_by_note_ptr(const void *a, const void *b);

/* The language's script (lang_script.c): direction, faces by script and
 * role, Word's faces, breaking without spaces, paragraph numbers. */
int folio_style_lang_script(folio_ctx *ctx, const folio_house *h, const folio_fonts *fonts,
                            folio_flow *f);
/* Paragraph number n in the language's digits and form ("12.", "١٢ -"). */
const char *folio_style_para_number(folio_flow *f, int n);
/* The n-th (1-based) label of the language's list `key` ("chapter-labels":
 * "一." ...), or NULL when the list is shorter or absent. */
const char *folio_style_listed_label(folio_flow *f, const folio_house *h, const char *key,
                                     int n);
/* The place (1-based) of a typed label in that list (its closing marks
 * aside: "ألف-" is "ألف -"), 0 when it is not one. */
int folio_style_listed_value(folio_flow *f, const folio_house *h, const char *key,
                             const char *label);
/* Does the language write paragraph numbers otherwise than "12." (its
 * digits or form)? */
int folio_style_own_numbers(const folio_flow *f);
/* The number at the start of a typed label, in any decimal digits. */
int folio_style_number_value(const char *s);

/* Labels. */
const char *folio_style_roman(folio_arena *a, int n, int lower);
const char *folio_style_letter(folio_arena *a, int n, int upper);

#endif
