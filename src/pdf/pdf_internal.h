/* folio — the PDF writer's shared state (internal to src/pdf/). */
#ifndef FOLIO_PDF_INTERNAL_H
#define FOLIO_PDF_INTERNAL_H

#include <hpdf.h>
#include <hpdf_encrypt.h>

#include "pdf/pdf.h"

#define FOLIO_PDF_MAX_LEVEL 8   /* deepest outline level kept apart */

typedef struct folio_pdf {
    folio_ctx *ctx;
    HPDF_Doc doc;
    HPDF_STATUS error, detail;   /* first libharu error seen, 0: none */
    HPDF_Encoder utf8;
    const folio_layout *layout;  /* its private-use codes (shaped text) */
    HPDF_Font font[FOLIO_FONTS_MAX];
    /* Per face: the PDF width (1/1000 em, as the font's /W says) of each
     * code the document draws, looked up when the fonts are loaded. */
    int16_t *width[FOLIO_FONTS_MAX];
    /* Per face: the codes the document draws in it (pdf_codes.c), for the
     * font's ToUnicode map. */
    struct folio_pdf_codes *codes[FOLIO_FONTS_MAX];
    /* Outlines: the latest entry at each level, the parent of the next
     * deeper one. */
    HPDF_Outline outline_at[FOLIO_PDF_MAX_LEVEL + 1];
    int has_outlines;
    /* The page being drawn. */
    HPDF_Page page;
    double page_h;               /* points */
    int32_t page_h_mpt;
    int in_text;                 /* inside BT ... ET */
    int64_t line_x, line_y;      /* text line origin, millipoints */
    HPDF_Font cur_font;
    int32_t cur_size;
    int32_t cur_hscale;          /* 1/1000, 1000: none */
    /* The words of one line in one font, size and scale, collected as
     * a TJ array (pdf_text.c) and written when the line ends. */
    struct {
        char *buf;
        size_t len, cap;
        int open;
        int32_t y;               /* layout y of the line */
        double pen_x;            /* points: where the last word ends */
        double left_x;           /* points: the last word's left edge */
    } run;
    /* NUL-terminated copy of an item's text (libharu wants C strings). */
    char *buf;
    size_t buf_cap;
    const char *image_path;      /* the PNG loaded last, and its image */
    HPDF_Image image;
    /* Tagged PDF (pdf_tags.c): the structure, the page being drawn, the
     * marked-content sequence open in its stream (the layout is `layout`
     * above). */
    struct folio_pdf_tags *tags;
    size_t page_index;
    int mc_open, mc_in_text;     /* a sequence is open; it began inside BT */
    uint32_t mc_sid;             /* the item sid it holds */
    /* The document's ID: a digest of its text and metadata (pdf_pdfa.c). */
    struct HPDF_MD5Context id_md5;
} folio_pdf;

/* Millipoints to PDF points. */
static inline HPDF_REAL folio_pdf_pt(int32_t mpt)
{
    return (HPDF_REAL)(mpt / 1000.0);
}

/* Record an error (`code`, a printf message) with libharu's error code
 * appended when it has one; returns `code`. */
int folio_pdf_fail(folio_pdf *w, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* 0, or folio_pdf_fail when libharu has recorded an error. */
int folio_pdf_check(folio_pdf *w, const char *what);
/* `s` (n bytes of UTF-8) as a C string in the writer's buffer, each
 * invalid byte (and NUL) replaced by U+FFFD as the layout measured it;
 * NULL on OOM. Valid until the next call. */
const char *folio_pdf_cstr(folio_pdf *w, const char *s, size_t n);

/* A set of 16-bit character codes (one bit each), in pdf_codes.c. */
typedef struct folio_pdf_codes folio_pdf_codes;
struct folio_pdf_codes {
    uint8_t bit[65536 / 8];
};
void folio_pdf_codes_add(folio_pdf_codes *s, unsigned code);
int folio_pdf_codes_has(const folio_pdf_codes *s, unsigned code);
/* Add the codes the layout's text draws in the faces of the bitmask
 * `faces` (bit f: face f) to *codes. */
int folio_pdf_collect_codes(folio_pdf *w, const folio_layout *l,
                            unsigned faces, folio_pdf_codes *codes);
/* Give a loaded TrueType font definition a one-lookup cmap that maps the
 * codes in `used` as the font does (a private-use code of the layout's
 * table in `face` to its glyph) and every other code to glyph 0, before
 * HPDF_GetFont builds the font's CID tables from it. */
int folio_pdf_flatten_cmap(folio_pdf *w, HPDF_FontDef def, int face,
                           const folio_pdf_codes *used);
/* Give a font definition the cmap `glyph` (a glyph for each of the 65,536
 * codes, 0: none), copied: a subset font's codes (pdf_subset.c). */
int folio_pdf_set_cmap(folio_pdf *w, HPDF_FontDef def, const uint16_t *glyph);
/* Load face `face` of the fonts as a subset holding the glyphs of `used`
 * (HarfBuzz's subsetter; libharu reads it from memory): the font's name
 * into *name, its cmap set. */
int folio_pdf_load_subset(folio_pdf *w, const folio_fonts *fonts, int face,
                          const folio_pdf_codes *used, const char **name);

/* The code point at s (valid UTF-8 from folio_pdf_cstr) as the 2-byte
 * code libharu's UTF-8 encoder gives it; *len gets the bytes used. */
unsigned folio_pdf_next_code(const unsigned char *s, size_t *len);

/* Text (pdf_text.c): each TEXT item is a word placed at its own x; the
 * words of a line share one TJ array. */
int folio_pdf_draw_text(folio_pdf *w, const folio_item *it);
/* Write the open TJ array and close the text object (ET), if any. */
int folio_pdf_end_text(folio_pdf *w);

/* Operators written straight into the page's content stream. */
int folio_pdf_ops(folio_pdf *w, const char *s, size_t n);

/* Tagged PDF (pdf_tags.c). Before the pages: */
int folio_pdf_tags_begin(folio_pdf *w, const folio_layout *l);
/* A page was added (its /StructParents and /Tabs). */
int folio_pdf_tags_page(folio_pdf *w);
/* What is drawn next belongs to item sid `sid`: close the open marked-
 * content sequence if it holds another, open one (inside a text object,
 * begun here if need be, when `text`; outside any otherwise). The open TJ
 * run must have been written. */
int folio_pdf_mark(folio_pdf *w, uint32_t sid, int text);
/* Close the open sequence begun outside text (the page ends). */
int folio_pdf_mark_end(folio_pdf *w);
/* A link annotation of item sid `sid`: tagged, described, printable. */
int folio_pdf_tag_annot(folio_pdf *w, HPDF_Annotation a, uint32_t sid,
                        const char *contents);
/* After the pages: the structure tree, /MarkInfo, /ViewerPreferences. */
int folio_pdf_tags_finish(folio_pdf *w);
void folio_pdf_tags_free(folio_pdf *w);
/* Write `s` as a PDF text string: literal when printable ASCII, else
 * UTF-16BE with its byte order mark (invalid UTF-8 as U+FFFD). */
HPDF_STATUS folio_pdf_put_text_string(HPDF_Stream out, const char *s);

/* PDF/A-2 (pdf_pdfa.c): XMP metadata matching the document information,
 * the sRGB output intent, a fixed /ID, PDF 1.7. After folio_pdf_set_meta. */
int folio_pdf_set_pdfa(folio_pdf *w, const folio_layout *l);
/* The document's title as the info and XMP give it: the layout's, else
 * its symbol; NULL when it has neither. */
const char *folio_pdf_title(const folio_layout *l);

/* Compress the finished page's content stream now rather than at save
 * (pdf_page_deflate.c). */
int folio_pdf_deflate_page(folio_pdf *w);

/* Load the faces the layout draws; fills w->font. */
int folio_pdf_load_fonts(folio_pdf *w, const folio_layout *l,
                         const folio_fonts *fonts);
/* Replace libharu's malformed ToUnicode CMap of each loaded font with one
 * mapping every code the document draws in it (w->codes) to that code
 * point. */
int folio_pdf_fix_tounicode(folio_pdf *w);
/* Draw an ART item. */
int folio_pdf_draw_art(folio_pdf *w, const folio_item *it);
/* Draw a FOLIO_ITEM_IMAGE (an 8-bit PNG the style stage checked). */
int folio_pdf_draw_image(folio_pdf *w, const folio_item *it);
/* LINK and OUTLINE items. */
int folio_pdf_add_link(folio_pdf *w, const folio_item *it);
int folio_pdf_add_outline(folio_pdf *w, const folio_item *it);
/* Document info, /Lang, page labels, page mode. */
int folio_pdf_set_meta(folio_pdf *w, const folio_layout *l);
/* Flag, in every embedded TrueType font, the components of used composite
 * glyphs to any depth (libharu flags one level only); before save. */
int folio_pdf_close_glyphs(folio_pdf *w);
/* Render and write the file (a file left half-written is removed) or
 * the buffer. */
int folio_pdf_save(folio_pdf *w, const folio_dest *dest);

#endif
