/* folio — laid-out pages: positioned items, nothing more. The PDF writer
 * draws these and makes no layout decision of its own.
 * Coordinates: millipoints, origin at the page's top-left corner, y down. */
#ifndef FOLIO_LAYOUT_H
#define FOLIO_LAYOUT_H

#include <stdio.h>
#include "style/flow.h"
#include "art/art.h"
#include "layout/fonts.h"

typedef enum folio_item_kind {
    FOLIO_ITEM_TEXT,     /* text at baseline (x, y) in face/size */
    FOLIO_ITEM_RULE,     /* line from (x, y) to (x + w, y + h), `thickness` */
    FOLIO_ITEM_RECT,     /* filled rectangle, top-left (x, y), size w x h */
    FOLIO_ITEM_ART,      /* `art` scaled into the box (x, y, w, h) */
    FOLIO_ITEM_LINK,     /* clickable box (x, y, w, h) to `uri` */
    FOLIO_ITEM_OUTLINE,  /* bookmark `text` at level `level`, target y */
    FOLIO_ITEM_IMAGE     /* the PNG file `image` scaled into (x, y, w, h) */
} folio_item_kind;

typedef struct folio_item {
    /* A long report has hundreds of thousands of items: kept small, the
     * fields of one kind only sharing a union. */
    uint8_t kind;            /* folio_item_kind */
    uint8_t face;            /* TEXT: folio_face */
    int8_t level;            /* OUTLINE: level, 1 = top */
    uint8_t word_start;      /* TEXT: a word space of the text comes before
                                it (the tagged PDF writes one) */
    int32_t x, y, w, h;
    int32_t thickness;       /* RULE */
    int32_t size;            /* TEXT: font size */
    int32_t hscale;          /* TEXT: horizontal glyph scale in 1/1000
                                (justification by font expansion, within
                                2 %); 0 means 1000, none */
    uint32_t len;            /* TEXT, OUTLINE: bytes of `text` */
    uint32_t sid;            /* what it is to a reader: its structure element
                                in folio_layout.elems, or an artifact kind
                                (FOLIO_SID_*); 0 is layout furniture */
    const char *text;        /* UTF-8, `len` bytes; not NUL-terminated */
    union {
        const folio_art *art;    /* ART */
        const char *uri;         /* LINK */
        const char *image;       /* IMAGE: path of an 8-bit PNG */
        const uint16_t *codes;   /* TEXT: the glyphs as the codes that draw
                                    them, left to right, 0-terminated (shaped
                                    text: `text` is what they stand for);
                                    NULL: the code points of `text` */
    };
} folio_item;

/* Tagged PDF: the role of a structure element (the standard types of
 * PDF 1.7, 14.8.4) or of an artifact. */
typedef enum folio_tag_role {
    FOLIO_TAG_ARTIFACT,     /* layout artifact: rules, the closing rule */
    FOLIO_TAG_PAGINATION,   /* pagination artifact: table heads repeated */
    FOLIO_TAG_HEADER,       /* pagination artifact: running head */
    FOLIO_TAG_FOOTER,       /* pagination artifact: page numbers, the
                                recycling mark and its text */
    FOLIO_TAG_DOCUMENT,
    FOLIO_TAG_DIV, FOLIO_TAG_P,
    FOLIO_TAG_H1, FOLIO_TAG_H2, FOLIO_TAG_H3, FOLIO_TAG_H4, FOLIO_TAG_H5,
    FOLIO_TAG_H6,
    FOLIO_TAG_L, FOLIO_TAG_LI, FOLIO_TAG_LBL, FOLIO_TAG_LBODY,
    FOLIO_TAG_TABLE, FOLIO_TAG_THEAD, FOLIO_TAG_TBODY, FOLIO_TAG_TR,
    FOLIO_TAG_TH, FOLIO_TAG_TD,
    FOLIO_TAG_NOTE, FOLIO_TAG_REFERENCE, FOLIO_TAG_LINK, FOLIO_TAG_FIGURE,
    FOLIO_TAG_TOC, FOLIO_TAG_TOCI,
    FOLIO_TAG_COUNT
} folio_tag_role;

/* The first elements of every structure table: the artifact kinds (an
 * item's sid 0 to 3), then the root. */
enum { FOLIO_SID_ARTIFACT, FOLIO_SID_PAGINATION, FOLIO_SID_HEADER, FOLIO_SID_FOOTER,
       FOLIO_SID_DOCUMENT };

/* One structure element. Children follow their parent in the table, in
 * reading order; the text of an element is in the items that name it. */
typedef struct folio_selem {
    uint8_t role;            /* folio_tag_role */
    uint8_t attr;            /* L: the numbering (folio_label_kind); TH: 1,
                                it heads its column */
    uint32_t parent;         /* its parent's sid (the Document's: 0) */
    const char *alt;         /* Figure: alternative text; Link: the address */
    const char *lang;        /* BCP 47 tag, when not the document's */
    const char *id;          /* Note: an ID unique in the document */
} folio_selem;

/* Shaped glyphs that are not a character's own (Arabic forms and
 * ligatures, mirrored brackets) are drawn through private-use codes from
 * U+E000, one per distinct glyph and text of a face (layout/shape.c); the
 * PDF writer maps each to its glyph and, for text extraction, its text. */
#define FOLIO_PUA_FIRST 0xE000u
#define FOLIO_PUA_LAST 0xF8FFu
typedef struct folio_pua {
    uint16_t gid;            /* the glyph in the face's font file */
    uint32_t len;            /* bytes of `text`, never 0 */
    const char *text;        /* UTF-8 */
} folio_pua;
typedef struct folio_glyph_map folio_glyph_map;

typedef struct folio_page {
    folio_item *items;
    size_t nitems, cap;
    int number;              /* 1-based */
} folio_page;

typedef struct folio_layout {
    folio_arena *arena;
    const folio_flow *flow;  /* borrowed */
    int32_t width, height;
    folio_page *pages;
    size_t npages;
    unsigned faces_used;     /* bit (1 << face) for every face drawn */
    folio_selem *elems;      /* the structure tree (structure.c), in the
                                layout's arena */
    size_t nelems;
    const char *title, *subject, *author, *lang; /* document info */
    long long date_epoch;    /* creation date for the document info */
    folio_glyph_map *glyphs; /* the private-use codes of shaped text */
    const char *face_name[FOLIO_FONTS_MAX]; /* faces beyond the house
                                    font's: their names (trace) */
} folio_layout;

/* The private-use code `code` of `face`: its glyph and text, or NULL when
 * the layout gave it none. */
const folio_pua *folio_layout_pua(const folio_layout *l, int face, unsigned code);

int folio_layout_run(folio_ctx *ctx, const folio_flow *flow,
                     const folio_fonts *fonts, folio_layout **out);
void folio_layout_free(folio_layout *l);
/* Text dump of every page and item (golden tests, --trace): *text is
 * malloc'd (the caller frees it). */
int folio_layout_trace(const folio_layout *l, char **text, size_t *len);

#endif
