/* A large font cut down before libharu embeds it. libharu 2.3.0 drops the
 * outlines of unused glyphs but copies the whole hmtx, loca, post and cmap
 * tables: some 208 KB for a Chinese face before its first glyph. So the
 * faces found by name (a language's Chinese or Arabic face) are subset
 * with HarfBuzz to the glyphs the document draws, and libharu reads the
 * subset from memory: a stream of its own, loaded the way
 * HPDF_LoadTTFontFromFile loads a file (hpdf_doc.c), so nothing is written
 * to disk and nothing is left behind on any path. The subset renumbers the
 * glyphs: the code -> glyph table libharu is given follows the new
 * numbers. */
#include <stdlib.h>
#include <string.h>

#include <hb-subset.h>
#include <hpdf_doc.h>
#include <hpdf_fontdef.h>
#include <hpdf_streams.h>

#include "pdf/pdf_internal.h"
#include "util/mem.h"

/* Tables libharu does not embed: dropped before subsetting, which also
 * spares the subsetter their work. */
static const char *const dropped[] = {"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH",
                                      "kern", "morx", "DSIG", "vhea", "vmtx", "VORG",
                                      "hdmx", "LTSH", "VDMX", "gasp", "meta", "PCLT"};

/* The glyph each drawn code draws in the original font. */
static void old_glyphs(folio_pdf *w, hb_font_t *font, int face, const folio_pdf_codes *used,
                       uint16_t *glyph)
{
    for (unsigned code = 0; code < 65536; code++) {
        glyph[code] = 0;
        if (!folio_pdf_codes_has(used, code))
            continue;
        const folio_pua *pua = folio_layout_pua(w->layout, face, code);
        hb_codepoint_t g = 0;
        if (pua)
            glyph[code] = pua->gid;
        else if (hb_font_get_nominal_glyph(font, code, &g))
            glyph[code] = (uint16_t)g;
    }
}

/* The subset's bytes: the drawn glyphs (and .notdef), the plain codes in
 * its cmap; new[old] is each kept glyph's new number. */
static hb_blob_t *subset(hb_font_t *font, const uint16_t *glyph,
                         uint16_t **renumber)
{
    hb_face_t *face = hb_font_get_face(font);
    hb_subset_input_t *in = hb_subset_input_create_or_fail();
    hb_subset_plan_t *plan = NULL;
    hb_face_t *out = NULL;
    hb_blob_t *blob = NULL;
    unsigned nglyphs = hb_face_get_glyph_count(face);
    *renumber = NULL;
    if (!in)
        return NULL;
    hb_set_t *unicodes = hb_subset_input_unicode_set(in);
    hb_set_t *gids = hb_subset_input_glyph_set(in);
    hb_set_t *tables = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (size_t i = 0; i < sizeof dropped / sizeof dropped[0]; i++)
        hb_set_add(tables, hb_tag_from_string(dropped[i], 4));
    hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
    hb_set_add(gids, 0);
    for (unsigned code = 0; code < 65536; code++) {
        if (!glyph[code])
            continue;
        hb_set_add(gids, glyph[code]);
        hb_codepoint_t g;
        if ((code < FOLIO_PUA_FIRST || code > FOLIO_PUA_LAST) &&
            hb_font_get_nominal_glyph(font, code, &g) && g == glyph[code])
            hb_set_add(unicodes, code);
    }
    /* libharu needs a cmap with a segment: keep a space, or any code */
    if (hb_set_is_empty(unicodes)) {
        hb_codepoint_t g, cp = HB_SET_VALUE_INVALID;
        hb_set_t *all = hb_set_create();
        hb_face_collect_unicodes(face, all);
        if (hb_font_get_nominal_glyph(font, ' ', &g))
            cp = ' ';
        else
            hb_set_next(all, &cp);
        if (cp != HB_SET_VALUE_INVALID)
            hb_set_add(unicodes, cp);
        hb_set_destroy(all);
    }
    if (!(plan = hb_subset_plan_create_or_fail(face, in)))
        goto done;
    const hb_map_t *map = hb_subset_plan_old_to_new_glyph_mapping(plan);
    if (!(*renumber = folio_calloc(nglyphs + 1, sizeof **renumber)))
        goto done;
    for (unsigned g = 0; g < nglyphs; g++) {
        hb_codepoint_t n = hb_map_get(map, g);
        (*renumber)[g] = n == HB_MAP_VALUE_INVALID ? 0 : (uint16_t)n;
    }
    if ((out = hb_subset_plan_execute_or_fail(plan)))
        blob = hb_face_reference_blob(out);
done:
    if (out)
        hb_face_destroy(out);
    if (plan)
        hb_subset_plan_destroy(plan);
    hb_subset_input_destroy(in);
    if (blob && !hb_blob_get_length(blob)) {
        hb_blob_destroy(blob);
        blob = NULL;
    }
    if (!blob) {
        free(*renumber);
        *renumber = NULL;
    }
    return blob;
}

/* Load TrueType bytes as an embedded font definition of the document, as
 * libharu's LoadTTFontFromStream does with a file's: registered under its
 * name, tagged for embedding. */
static const char *load_bytes(folio_pdf *w, const char *data, unsigned len)
{
    HPDF_Doc doc = w->doc;
    HPDF_Stream s = HPDF_MemStream_New(doc->mmgr, len < 65536 ? 65536 : len);
    if (!s)
        return NULL;
    if (HPDF_Stream_Write(s, (const HPDF_BYTE *)data, len) != HPDF_OK ||
        HPDF_Stream_Seek(s, 0, HPDF_SEEK_SET) != HPDF_OK) {
        HPDF_Stream_Free(s);
        return NULL;
    }
    /* the definition owns the stream from here, freed with it */
    HPDF_FontDef def = HPDF_TTFontDef_Load(doc->mmgr, s, HPDF_TRUE);
    if (!def || HPDF_Doc_RegisterFontDef(doc, def) != HPDF_OK)
        return NULL;
    if (doc->ttfont_tag[0] == 0) {
        memcpy(doc->ttfont_tag, "HPDFAA", 6);
    } else {
        for (int i = 5; i >= 0; i--) {
            if (++doc->ttfont_tag[i] <= 'Z')
                break;
            doc->ttfont_tag[i] = 'A';
        }
    }
    HPDF_TTFontDef_SetTagName(def, (char *)doc->ttfont_tag);
    return def->base_font;
}

int folio_pdf_load_subset(folio_pdf *w, const folio_fonts *fonts, int face,
                          const folio_pdf_codes *used, const char **name)
{
    hb_font_t *font = folio_fonts_hb(fonts, face);
    uint16_t *glyph = folio_malloc(65536 * sizeof *glyph), *renumber = NULL;
    hb_blob_t *blob = NULL;
    int rc = 0;
    *name = NULL;
    if (!font || !glyph) {
        rc = folio_pdf_fail(w, FOLIO_E_NOMEM, "out of memory");
        goto done;
    }
    old_glyphs(w, font, face, used, glyph);
    if (!(blob = subset(font, glyph, &renumber))) {
        rc = folio_pdf_fail(w, FOLIO_E_FONT, "cannot subset the font %s",
                            folio_fonts_path(fonts, face));
        goto done;
    }
    unsigned len = 0;
    const char *data = hb_blob_get_data(blob, &len);
    *name = load_bytes(w, data, len);
    if (!*name || !**name || w->error || HPDF_GetError(w->doc) != HPDF_OK) {
        rc = folio_pdf_fail(w, FOLIO_E_FONT, "cannot embed the font %s",
                            folio_fonts_path(fonts, face));
        goto done;
    }
    unsigned nglyphs = hb_face_get_glyph_count(hb_font_get_face(font));
    for (unsigned code = 0; code < 65536; code++)
        glyph[code] = glyph[code] && glyph[code] < nglyphs ? renumber[glyph[code]] : 0;
    rc = folio_pdf_set_cmap(w, HPDF_Doc_FindFontDef(w->doc, *name), glyph);
done:
    free(glyph);
    free(renumber);
    if (blob)
        hb_blob_destroy(blob);
    return rc;
}
