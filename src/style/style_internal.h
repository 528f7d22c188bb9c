/* Internal interfaces of the style stage. */
#ifndef FOLIO_STYLE_INTERNAL_H
#define FOLIO_STYLE_INTERNAL_H

#include "folio/flow.h"
#include "style/house.h"

/* Intern every [style.NAME] section of the house style into f->styles. */
int style_load_pstyles(folio_ctx *ctx, const house *h, folio_flow *f);

/* Page geometry of a duty station. */
int style_load_page(folio_ctx *ctx, const house *h, const char *station,
                    folio_page_geom *g);

/* Language labels and the masthead strings (needs f->page resolved). */
int style_masthead(folio_ctx *ctx, const house *h, const folio_report *r,
                   const folio_style_options *opt, const char *station,
                   folio_flow *f);

/* The house style's emblem image, checked (emblem_image.c). */
int style_emblem_image(folio_ctx *ctx, const house *h, folio_flow *f);

/* Format an ISO date "2021-10-13" in the language of section [lang.X]. */
const char *style_format_date(folio_arena *a, const house *h, const char *lang,
                              const char *iso);

/* Labels. */
const char *style_roman(folio_arena *a, int n, int lower);
const char *style_letter(folio_arena *a, int n, int upper);

#endif
