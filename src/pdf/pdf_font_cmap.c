/* A one-lookup cmap for each embedded TrueType font.
 *
 * When libharu 2.3.0 makes a UTF-8 font (HPDF_GetFont), it asks the font
 * definition for the glyph of every one of the 65,536 codes, and each
 * answer is a linear search through the font's format-4 segments: about a
 * quarter of the time of rendering a short report. It then writes a width
 * for every code the font maps into the /W array of every PDF.
 *
 * Here, between loading the font and making it, the definition's parsed
 * cmap is replaced by an equivalent single segment whose glyph array is
 * indexed by the code itself, so each lookup is one step. Only the codes
 * the document draws keep their glyphs; the others map to glyph 0, which
 * libharu treats as "not in the font" (default width, no entry in /W).
 * The glyphs of the drawn codes are those libharu's own search would have
 * found: the table is filled by the same rules, segment by segment; the
 * private-use codes of shaped text draw the glyphs the layout gave them. The
 * new arrays come from the font's memory manager and replace the old ones,
 * so libharu frees them with the document as before. */
#include <hpdf_fontdef.h>
#include <hpdf_mmgr.h>

#include "pdf/pdf_internal.h"

enum { NCODES = 65536 };

/* The glyph libharu's HPDF_TTFontDef_GetGlyphid gives `code` from the
 * segment `i` found for it (the first whose end is at or after code). */
static HPDF_UINT16 glyph_in_segment(const HPDF_TTF_CmapRange *c, unsigned i,
                                    unsigned seg_count, unsigned code)
{
    if (c->start_count[i] > code)
        return 0;
    if (c->id_range_offset[i] == 0)
        return (HPDF_UINT16)(code + c->id_delta[i]);
    HPDF_UINT idx = c->id_range_offset[i] / 2 + (code - c->start_count[i]) -
                    (seg_count - i);
    if (idx >= c->glyph_id_array_count) /* libharu tests >, reading one past */
        return 0;
    return (HPDF_UINT16)(c->glyph_id_array[idx] + c->id_delta[i]);
}

/* Replace the parsed cmap of `def` by one segment over every code whose
 * glyph array is `glyphs` (from the font's memory manager). */
static void install(HPDF_TTF_CmapRange *c, HPDF_MMgr mm, HPDF_UINT16 *glyphs, HPDF_UINT16 *end,
                    HPDF_UINT16 *start, HPDF_INT16 *delta, HPDF_UINT16 *range)
{
    HPDF_FreeMem(mm, c->end_count);
    HPDF_FreeMem(mm, c->start_count);
    HPDF_FreeMem(mm, c->id_delta);
    HPDF_FreeMem(mm, c->id_range_offset);
    if (c->glyph_id_array)
        HPDF_FreeMem(mm, c->glyph_id_array);
    /* One segment over every code: idx = 2/2 + code - 0 - (1 - 0) = code. */
    end[0] = 0xFFFF;
    start[0] = 0;
    delta[0] = 0;
    range[0] = 2;
    c->seg_count_x2 = 2;
    c->end_count = end;
    c->start_count = start;
    c->id_delta = delta;
    c->id_range_offset = range;
    c->glyph_id_array = glyphs;
    c->glyph_id_array_count = NCODES;
}

/* The arrays of a one-segment cmap; 0, or an error with nothing kept. */
static int arrays(folio_pdf *w, HPDF_MMgr mm, HPDF_UINT16 **glyphs, HPDF_UINT16 **end,
                  HPDF_UINT16 **start, HPDF_INT16 **delta, HPDF_UINT16 **range)
{
    *glyphs = HPDF_GetMem(mm, NCODES * sizeof(HPDF_UINT16));
    *end = HPDF_GetMem(mm, sizeof(HPDF_UINT16));
    *start = HPDF_GetMem(mm, sizeof(HPDF_UINT16));
    *delta = HPDF_GetMem(mm, sizeof(HPDF_INT16));
    *range = HPDF_GetMem(mm, sizeof(HPDF_UINT16));
    if (*glyphs && *end && *start && *delta && *range)
        return 0;
    HPDF_UINT16 *got[] = {*glyphs, *end, *start, *range, (HPDF_UINT16 *)*delta};
    for (size_t k = 0; k < sizeof(got) / sizeof(got[0]); k++)
        if (got[k])
            HPDF_FreeMem(mm, got[k]);
    return folio_pdf_fail(w, FOLIO_E_NOMEM, "out of memory");
}

static HPDF_TTF_CmapRange *cmap_of(folio_pdf *w, HPDF_FontDef def)
{
    if (!def || def->type != HPDF_FONTDEF_TYPE_TRUETYPE) {
        folio_pdf_fail(w, FOLIO_E_FONT, "not a TrueType font");
        return NULL;
    }
    return &((HPDF_TTFontDefAttr)def->attr)->cmap;
}

int folio_pdf_set_cmap(folio_pdf *w, HPDF_FontDef def, const uint16_t *glyph)
{
    HPDF_TTF_CmapRange *c = cmap_of(w, def);
    if (!c)
        return FOLIO_E_FONT;
    HPDF_UINT16 *glyphs, *end, *start, *range;
    HPDF_INT16 *delta;
    int rc = arrays(w, def->mmgr, &glyphs, &end, &start, &delta, &range);
    if (rc)
        return rc;
    for (unsigned code = 0; code < NCODES; code++)
        glyphs[code] = glyph[code];
    install(c, def->mmgr, glyphs, end, start, delta, range);
    return 0;
}

int folio_pdf_flatten_cmap(folio_pdf *w, HPDF_FontDef def, int face,
                           const folio_pdf_codes *used)
{
    HPDF_TTF_CmapRange *c = cmap_of(w, def);
    if (!c)
        return FOLIO_E_FONT;
    unsigned seg_count = c->seg_count_x2 / 2;
    /* Format 0 (byte) fonts are already one lookup; a font with no
     * segments is refused by libharu itself. Either way, leave it be. */
    if (c->format != 4 || seg_count == 0 ||
        c->end_count[seg_count - 1] != 0xFFFF)
        return 0;

    HPDF_MMgr mm = def->mmgr;
    HPDF_UINT16 *glyphs, *end, *start, *range;
    HPDF_INT16 *delta;
    int rc = arrays(w, mm, &glyphs, &end, &start, &delta, &range);
    if (rc)
        return rc;

    /* A drawn code the font has no glyph for shows the space's glyph, as
     * the layout measured it: never .notdef (glyph 0), which PDF/A-2 and
     * PDF/UA forbid text to show. Its ToUnicode entry keeps the text. */
    unsigned sp = 0;
    while (sp < seg_count && 0x20 > c->end_count[sp])
        sp++;
    HPDF_UINT16 space = sp < seg_count ? glyph_in_segment(c, sp, seg_count, 0x20) : 0;
    /* The segment found for a code never moves back as the code grows,
     * whatever the order of the segments, so one pass finds them all. */
    unsigned i = 0;
    for (unsigned code = 0; code < NCODES; code++) {
        while (i < seg_count && code > c->end_count[i])
            i++;
        const folio_pua *pua = folio_layout_pua(w->layout, face, code);
        HPDF_UINT16 g = 0;
        if (folio_pdf_codes_has(used, code) &&
            !(g = pua ? pua->gid /* a shaped glyph's own code */
                      : glyph_in_segment(c, i, seg_count, code)))
            g = space;
        glyphs[code] = g;
    }
    install(c, mm, glyphs, end, start, delta, range);
    return 0;
}
