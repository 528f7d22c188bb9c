/* folio — a small builder for folio_art: collects shapes and path segments
 * in temporary buffers, then copies the finished artwork into an arena.
 * Internal to src/art/. Errors are sticky: after a failed allocation every
 * call does nothing and folio_artb_finish reports FOLIO_E_NOMEM. */
#ifndef FOLIO_ART_BUILD_H
#define FOLIO_ART_BUILD_H

#include "art/art.h"

typedef struct folio_artb {
    folio_shape *shapes;      /* segs stays NULL until finish */
    size_t *first_seg;        /* per shape: index of its first segment */
    size_t nshapes, cap_shapes;
    folio_path_seg *segs;
    size_t nsegs, cap_segs;
    int failed;
} folio_artb;

void folio_artb_init(folio_artb *b);
/* Start a path shape: filled (stroke 0) or stroked with `stroke` width. */
void folio_artb_path(folio_artb *b, float stroke, int even_odd);
void folio_artb_move(folio_artb *b, float x, float y);
void folio_artb_line(folio_artb *b, float x, float y);
void folio_artb_curve(folio_artb *b, float x1, float y1, float x2, float y2,
                      float x3, float y3);
void folio_artb_close(folio_artb *b);
/* A whole circle as a closed subpath of four Bezier quarters. */
void folio_artb_circle(folio_artb *b, float cx, float cy, float r);
/* A filled rectangle shape. */
void folio_artb_rect(folio_artb *b, float x, float y, float w, float h);
/* Move everything drawn so far so that its bounds start at (margin,
 * margin); the box that holds it with the same margin on the far sides
 * goes to *w, *h. Curves are bounded by sampling them. */
void folio_artb_fit(folio_artb *b, float margin, float *w, float *h);
/* Copy everything into `a` as one folio_art with the box w x h; frees the
 * temporary buffers whatever happens. */
int folio_artb_finish(folio_artb *b, folio_arena *a, float w, float h,
                      const folio_art **out);
void folio_artb_discard(folio_artb *b);

#endif
