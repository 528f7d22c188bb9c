/* folio — vector artwork shared by both writers: the UN emblem, the Code 39
 * barcode and the QR code. Each is a list of filled shapes in its own box
 * (y down, origin top-left, arbitrary units); layout scales it into place
 * for the PDF, the DOCX writer rasterizes it to PNG. */
#ifndef FOLIO_ART_H
#define FOLIO_ART_H

#include "folio/base.h"
#include "util/arena.h"
#include "util/units.h"

typedef enum folio_path_op { FOLIO_PATH_MOVE, FOLIO_PATH_LINE,
                             FOLIO_PATH_CURVE, FOLIO_PATH_CLOSE } folio_path_op;

/* MOVE and LINE use point 0; CURVE is a cubic Bezier with control points 0
 * and 1 ending at point 2; CLOSE uses none. */
typedef struct folio_path_seg {
    folio_path_op op;
    float x[3], y[3];
} folio_path_seg;

typedef struct folio_shape {
    int is_rect;              /* a filled rectangle x, y, w, h */
    float x, y, w, h;
    folio_path_seg *segs;     /* otherwise a path */
    size_t nsegs;
    int even_odd;             /* fill rule for paths */
    float stroke;             /* 0: fill; > 0: stroke with this width */
} folio_shape;

typedef struct folio_art {
    float width, height;      /* the box, in the art's units */
    folio_shape *shapes;
    size_t nshapes;
} folio_art;

/* The UN emblem: the globe seen from the North Pole between two olive
 * branches, drawn as paths. Aspect about 1.23 : 1 (54 x 44 pt in print). */
int folio_art_emblem(folio_arena *a, const folio_art **out);
/* Code 39 bars for `payload` (digits, upper-case letters, - . $ / + % space),
 * with the * start and stop characters added; narrow bar = 1 unit, wide =
 * 3 units, height given in the same units. */
int folio_art_code39(folio_arena *a, const char *payload, float height,
                     const folio_art **out);
/* QR code (libqrencode, level M) for `text`, one unit per module, with a
 * quiet zone of `quiet` modules. */
int folio_art_qr(folio_arena *a, const char *text, int quiet,
                 const folio_art **out);
/* "Please recycle" mark: the recycling symbol (three chasing arrows). */
int folio_art_recycle(folio_arena *a, const folio_art **out);

#endif
