/* Internal to the furniture plan (furniture.c, furn_footer.c, furn_read.c,
 * furn_organ.c). */
#ifndef FOLIO_FURN_INTERNAL_H
#define FOLIO_FURN_INTERNAL_H

#include "style/style_internal.h"
#include "layout/fonts.h"

/* Reads the measures of [masthead], [footer] and [running-head] with the
 * class's overrides. Errors are sticky: a getter that fails records the
 * first error in `rc` and returns 0, so a section reads as a list. */
typedef struct furn_rd {
    folio_ctx *ctx;
    const folio_house *h;
    const char *cls;
    const folio_fonts *fonts;
    folio_arena *a;
    int rc;
    const folio_fontset *fs;     /* the language's faces: widths of texts
                                    in other scripts */
} furn_rd;

/* A length (required: the house style must give every measure). */
int32_t folio_furn_len(furn_rd *r, const char *sec, const char *key);
/* A percentage ("110%") in 1/1000. */
int32_t folio_furn_pct(furn_rd *r, const char *sec, const char *key);
/* "FACE SIZE", e.g. "bold 12pt". */
folio_furn_font folio_furn_font_of(furn_rd *r, const char *sec, const char *key);
/* A face alone. */
folio_face folio_furn_face(furn_rd *r, const char *sec, const char *key);
/* "left" or "right". */
folio_side folio_furn_side(furn_rd *r, const char *sec, const char *key);
/* The raw value (required). */
const char *folio_furn_str(furn_rd *r, const char *sec, const char *key);
/* Does the document's class have element `name` of `sec` (its
 * `elements` list, less the class's `omit` list)? */
int folio_furn_has(furn_rd *r, const char *sec, const char *name);

/* A text of the furniture measured with the fonts; NULL or "" leaves it
 * absent (text NULL) with its font and place still given. */
folio_furn_text folio_furn_text_at(furn_rd *r, const char *text, folio_furn_font font,
                                   int32_t x, int32_t y);

/* The organ beside the emblem: the largest of `sizes` at which it takes
 * at most the matching `max_lines`, broken as the layout breaks ragged
 * lines (first fit, natural spaces); the last size takes what it needs. */
int folio_furn_organ(furn_rd *r, const char *organ, folio_face face, const int32_t *sizes,
                     const int *max_lines, size_t n, int32_t width, folio_flow *f);

/* Mirror the plan for a right-to-left language, as [masthead],
 * [footer] and [running-head] `right-to-left` say (furn_mirror.c). */
int folio_furn_mirror(furn_rd *r, folio_flow *f);

/* The first-page footer and the later pages' furniture (furn_footer.c). */
int folio_furn_footer(furn_rd *r, folio_flow *f);
int folio_furn_running(furn_rd *r, folio_flow *f);

#endif
