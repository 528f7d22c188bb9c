/* The private-use codes of one layout. libharu draws text only by code
 * point, so a glyph that is no character's own (an Arabic letter's joined
 * form, a lam-alef ligature, a mirrored bracket) gets a code of its own
 * from U+E000 on: one per distinct pair of glyph and text in a face, the
 * same pair always the same code. The PDF writer maps each code to its
 * glyph in the font's cmap and to its text in the ToUnicode map, so text
 * extraction gives the characters back in their logical order. */
#include <stdlib.h>
#include <string.h>

#include "layout/layout_internal.h"

typedef struct face_map {
    folio_pua *v;            /* code FOLIO_PUA_FIRST + i */
    size_t n;
    uint32_t *slot;          /* open addressing: 1 + index, 0 free */
    size_t mask;
} face_map;

struct folio_glyph_map {
    folio_arena *a;          /* the layout's: texts and tables */
    face_map f[FOLIO_FONTS_MAX];
};

folio_glyph_map *folio_glyph_map_new(folio_arena *a)
{
    folio_glyph_map *m = folio_alloc(a, sizeof *m);
    if (m)
        m->a = a;
    return m;
}

static uint32_t hash(unsigned gid, const char *t, size_t n)
{
    uint32_t h = 2166136261u ^ gid;
    h *= 16777619u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)t[i];
        h *= 16777619u;
    }
    return h;
}

static int grow(folio_glyph_map *m, face_map *fm)
{
    size_t cap = fm->mask ? (fm->mask + 1) * 2 : 64;
    uint32_t *slot = folio_alloc(m->a, cap * sizeof *slot);
    folio_pua *v = folio_grow(m->a, fm->v, sizeof *v, fm->n, cap / 2);
    if (!slot || !v)
        return FOLIO_E_NOMEM;
    for (size_t i = 0; i < fm->n; i++) {
        size_t k = hash(v[i].gid, v[i].text, v[i].len) & (cap - 1);
        while (slot[k])
            k = (k + 1) & (cap - 1);
        slot[k] = (uint32_t)i + 1;
    }
    fm->v = v;
    fm->slot = slot;
    fm->mask = cap - 1;
    return 0;
}

int folio_glyph_code(folio_ctx *ctx, folio_glyph_map *m, int face, unsigned gid,
                     const char *text, size_t len, uint16_t *code)
{
    face_map *fm = &m->f[face];
    if (fm->mask) {
        size_t k = hash(gid, text, len) & fm->mask;
        for (; fm->slot[k]; k = (k + 1) & fm->mask) {
            const folio_pua *p = &fm->v[fm->slot[k] - 1];
            if (p->gid == gid && p->len == len && !memcmp(p->text, text, len)) {
                *code = (uint16_t)(FOLIO_PUA_FIRST + fm->slot[k] - 1);
                return 0;
            }
        }
    }
    if (fm->n > FOLIO_PUA_LAST - FOLIO_PUA_FIRST)
        return folio_error(ctx, FOLIO_E_LIMIT, (folio_pos){0, 0},
                           "more than %u distinct shaped glyphs in one font",
                           FOLIO_PUA_LAST - FOLIO_PUA_FIRST + 1);
    /* kept at most half full */
    if (2 * (fm->n + 1) > (fm->mask ? fm->mask + 1 : 0) && grow(m, fm))
        return FOLIO_E_NOMEM;
    char *t = folio_strndup(m->a, text, len);
    if (!t)
        return FOLIO_E_NOMEM;
    fm->v[fm->n] = (folio_pua){(uint16_t)gid, (uint32_t)len, t};
    size_t k = hash(gid, text, len) & fm->mask;
    while (fm->slot[k])
        k = (k + 1) & fm->mask;
    fm->slot[k] = (uint32_t)++fm->n;
    *code = (uint16_t)(FOLIO_PUA_FIRST + fm->n - 1);
    return 0;
}

const folio_pua *folio_layout_pua(const folio_layout *l, int face, unsigned code)
{
    if (!l->glyphs || face < 0 || face >= FOLIO_FONTS_MAX || code < FOLIO_PUA_FIRST)
        return NULL;
    const face_map *fm = &l->glyphs->f[face];
    return code - FOLIO_PUA_FIRST < fm->n ? &fm->v[code - FOLIO_PUA_FIRST] : NULL;
}
