/* Shaping with HarfBuzz: Arabic letters take their joined forms and
 * ligatures, marks their places, and brackets at right-to-left levels
 * their mirrored glyphs. The glyphs come out left to right; each gets the
 * code that draws it (the character itself when the glyph is the
 * character's own, else a private-use code of the layout's table) and its
 * place in 1/1000 em, where the PDF writer's pen (which moves by the
 * font's own advances) must be told to jump, and which text it stands for
 * (its cluster). Text the shaper need not see (Latin, Chinese at even
 * levels) keeps the plain path: its code points, its widths. */
#include <stdlib.h>
#include <string.h>

#include <hb.h>

#include "layout/script.h"
#include "util/text.h"
#include "util/mem.h"

int folio_shape_needed(const char *s, size_t len, int level)
{
    if (level & 1)
        return 1;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        if ((unsigned char)s[i] < 0xCC) { /* below U+0300 */
            i++;
            continue;
        }
        i += (size_t)folio_utf8_next(s + i, len - i, &cp);
        if (folio_needs_shaper(cp))
            return 1;
    }
    return 0;
}

/* The end of glyph i's cluster: the cluster of the next glyph of another
 * cluster in logical order (clusters run up left to right, down right to
 * left), or the text's end. */
static uint32_t cluster_end(const hb_glyph_info_t *g, unsigned n, unsigned i, int rtl,
                            uint32_t len)
{
    if (rtl) {
        unsigned k = i;
        while (k > 0 && g[k - 1].cluster == g[i].cluster)
            k--;
        return k > 0 ? g[k - 1].cluster : len;
    }
    unsigned k = i + 1;
    while (k < n && g[k].cluster == g[i].cluster)
        k++;
    return k < n ? g[k].cluster : len;
}

/* The code of glyph i: the character's own when the cluster is one BMP
 * character drawn by its nominal glyph, else a private-use code for the
 * glyph and the cluster's text. The first glyph of a cluster (in logical
 * order) stands for its text; a further glyph of the same cluster (a
 * letter the font draws in two pieces) for its last character. */
static int code_of(folio_ctx *ctx, folio_glyph_map *map, hb_font_t *font, int face,
                   const char *s,
                   const hb_glyph_info_t *g, unsigned n, unsigned i, int rtl, uint32_t len,
                   uint16_t *code)
{
    uint32_t start = g[i].cluster, end = cluster_end(g, n, i, rtl, len);
    /* another glyph of this cluster before this one, in logical order */
    int later = rtl ? i + 1 < n && g[i + 1].cluster == start : i > 0 && g[i - 1].cluster == start;
    uint32_t cp;
    size_t k = folio_utf8_decode((const unsigned char *)s + start, end - start, &cp);
    hb_codepoint_t nominal = 0;
    if (!later && k && k == end - start && cp < 0x10000 &&
        (cp < FOLIO_PUA_FIRST || cp > FOLIO_PUA_LAST) &&
        hb_font_get_nominal_glyph(font, cp, &nominal) && nominal == g[i].codepoint) {
        *code = (uint16_t)cp;
        return 0;
    }
    if (later) { /* its last character */
        uint32_t last = start;
        for (uint32_t p = start; p < end;) {
            last = p;
            size_t step = folio_utf8_decode((const unsigned char *)s + p, end - p, &cp);
            p += step ? (uint32_t)step : 1;
        }
        start = last;
    }
    return folio_glyph_code(ctx, map, face, g[i].codepoint, s + start, end - start, code);
}

int folio_shape_text(folio_ctx *ctx, const folio_fonts *fonts, folio_glyph_map *map,
                     folio_arena *a, int face, int level, const char *lang, const char *s,
                     size_t len, folio_shaped *out)
{
    memset(out, 0, sizeof *out);
    hb_font_t *font = folio_fonts_hb(fonts, face);
    if (!font || len > (1u << 30))
        return FOLIO_E_NOMEM;
    hb_buffer_t *buf = hb_buffer_create();
    if (!hb_buffer_allocation_successful(buf))
        return FOLIO_E_NOMEM;
    int rc = 0, rtl = level & 1;
    hb_buffer_add_utf8(buf, s, (int)len, 0, (int)len);
    hb_buffer_set_direction(buf, rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
    hb_buffer_set_cluster_level(buf, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
    if (lang)
        hb_buffer_set_language(buf, hb_language_from_string(lang, -1));
    hb_buffer_guess_segment_properties(buf);
    hb_shape(font, buf, NULL, 0);
    unsigned n = 0;
    const hb_glyph_info_t *g = hb_buffer_get_glyph_infos(buf, &n);
    const hb_glyph_position_t *p = hb_buffer_get_glyph_positions(buf, NULL);
    if (!hb_buffer_allocation_successful(buf)) {
        rc = FOLIO_E_NOMEM;
        goto done;
    }
    unsigned upem = folio_fonts_upem(fonts, face);
    out->n = n;
    out->code = folio_alloc(a, (n + 1) * sizeof *out->code);
    out->x = folio_alloc(a, (n + 1) * sizeof *out->x);
    out->y = folio_alloc(a, (n + 1) * sizeof *out->y);
    out->w = folio_alloc(a, (n + 1) * sizeof *out->w);
    out->cluster = folio_alloc(a, (n + 1) * sizeof *out->cluster);
    out->moved = folio_alloc(a, n + 1);
    if (!out->code || !out->x || !out->y || !out->w || !out->cluster || !out->moved) {
        rc = FOLIO_E_NOMEM;
        goto done;
    }
    int64_t pen = 0;
    for (unsigned i = 0; i < n; i++) {
        int w = folio_gid_width(fonts, face, g[i].codepoint);
        /* the advance as the PDF's widths give it, unless the shaper moved
         * the glyph (kerning): then the exact one */
        int64_t adv = (int64_t)p[i].x_advance * 1000 / (int64_t)upem;
        int32_t dx = (int32_t)((int64_t)p[i].x_offset * 1000 / (int64_t)upem);
        int32_t dy = (int32_t)((int64_t)p[i].y_offset * 1000 / (int64_t)upem);
        out->x[i] = (int32_t)pen + dx;
        out->y[i] = dy;
        out->w[i] = w;
        out->cluster[i] = g[i].cluster;
        out->moved[i] = (uint8_t)(dx || dy);
        pen += adv != w ? adv : w;
        if (map && (rc = code_of(ctx, map, font, face, s, g, n, i, rtl, (uint32_t)len,
                                 &out->code[i])))
            goto done;
    }
    out->advance = (int32_t)pen;
done:
    hb_buffer_destroy(buf);
    return rc;
}

int32_t folio_text_width_set(const folio_fonts *fonts, const folio_fontset *fs, int role,
                             int rtl, int32_t size, const char *s, size_t len)
{
    int bidi = folio_bidi_needed(s, len, rtl > 0);
    /* the house faces alone */
    if (!fs || (!fs->mixed && !bidi && !folio_fontset_other_text(fs, s, len)))
        return folio_text_width(fonts, role == FOLIO_ROLE_HEADINGS ? FOLIO_FACE_BOLD : role,
                                size, s, len);
    folio_segs segs = {0};
    uint8_t *levels = NULL;
    folio_arena *a = folio_arena_new();
    int64_t width = 0;
    int ctx = -1;
    if (!a)
        return 0;
    if (bidi && (levels = folio_malloc(len ? len : 1)) &&
        folio_bidi_levels(s, len, rtl, levels) < 0) {
        free(levels);
        levels = NULL;
    }
    if (folio_segment(fonts, fs, role, s, len, levels, &ctx, &segs) == 0)
        for (size_t i = 0; i < segs.n; i++) {
            const folio_seg *sg = &segs.v[i];
            folio_shaped sh;
            if (folio_shape_needed(s + sg->start, sg->len, sg->level) &&
                folio_shape_text(NULL, fonts, NULL, a, sg->face, sg->level, NULL, s + sg->start,
                                 sg->len, &sh) == 0)
                width += (int64_t)sh.advance * size / 1000;
            else
                width += folio_text_width(fonts, sg->face, size, s + sg->start, sg->len);
        }
    free(segs.v);
    free(levels);
    folio_arena_free(a);
    return (int32_t)width;
}
