/* The blocks of a flow set on demand and released once placed, and the
 * warning for characters no face can draw. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/blockset.h"
#include "layout/script.h"
#include "util/text.h"
#include "util/mem.h"

int folio_blockset_init(blockset *bs, size_t n)
{
    bs->n = n;
    bs->v = folio_calloc(n + 1, sizeof *bs->v);
    bs->arena = folio_calloc(n + 1, sizeof *bs->arena);
    bs->warned = folio_calloc(0x110000 / 8, 1);
    return bs->v && bs->arena && bs->warned ? 0 : FOLIO_E_NOMEM;
}

/* The faces of the language's body text, for messages: "Liberation
 * Serif, AR PL UMing CN". */
static const char *faces_named(lctx *L)
{
    const folio_fontset *fs = &L->flow->lang.fonts;
    char *s = folio_strdup(L->a, "Liberation Serif");
    for (int sc = 0; s && sc < FOLIO_SCRIPT_COUNT; sc++) {
        int face = fs->face[FOLIO_FACE_REGULAR][sc], seen = face < FOLIO_FACE_COUNT;
        for (int k = 0; k < sc; k++)
            seen |= fs->face[FOLIO_FACE_REGULAR][k] == face;
        if (!seen)
            s = folio_sprintf(L->a, "%s, %s", s, folio_fonts_name(L->fonts, face));
    }
    return s ? s : "";
}

/* Characters the font cannot draw come out blank: say so, once per
 * character, at the first block that uses it. */
void folio_warn_missing_glyphs(lctx *L, blockset *bs, const folio_item *items, size_t n,
                         folio_pos pos)
{
    for (size_t i = 0; i < n; i++) {
        const folio_item *it = &items[i];
        if (it->kind != FOLIO_ITEM_TEXT)
            continue;
        for (size_t k = 0; k < it->len;) {
            uint32_t cp;
            k += (size_t)folio_utf8_next(it->text + k, it->len - k, &cp);
            if (cp >= 0x110000 || folio_glyph_width(L->fonts, it->face, cp) >= 0 ||
                (bs->warned[cp / 8] & (1u << (cp % 8))))
                continue;
            /* a shaped glyph of the character (a mark, a ligature's part)
             * is drawn even where the face maps no glyph to it alone */
            if (it->codes && ((cp >= 0x200B && cp <= 0x200F) || cp == 0x2060 || cp == 0xFEFF))
                continue;
            bs->warned[cp / 8] |= (uint8_t)(1u << (cp % 8));
            if (!L->flow->lang.fonts.mixed)
                folio_warn(L->ctx, pos,
                           "U+%04X cannot be drawn with the house font (Liberation Serif): "
                           "it is left blank in the PDF", (unsigned)cp);
            else
                folio_warn(L->ctx, pos,
                           "U+%04X cannot be drawn with the fonts of the language (%s): "
                           "it is left blank in the PDF", (unsigned)cp,
                           faces_named(L));
        }
    }
}

void folio_blockset_free(blockset *bs)
{
    for (size_t i = 0; bs->arena && i < bs->n; i++)
        folio_arena_free(bs->arena[i]);
    free(bs->v);
    free(bs->arena);
    free(bs->warned);
}

const vblock *folio_blockset_get(lctx *L, blockset *bs, size_t i, int *rc)
{
    *rc = 0;
    if (bs->arena[i])
        return &bs->v[i];
    /* the block's lines and items live in an arena of its own */
    lctx B = *L;
    if (!(B.a = bs->arena[i] = folio_arena_new())) {
        *rc = FOLIO_E_NOMEM;
        return NULL;
    }
    memset(&bs->v[i], 0, sizeof bs->v[i]);
    bs->v[i].index = i;
    if ((*rc = folio_set_block(&B, &L->flow->blocks[i], &bs->v[i]))) {
        folio_blockset_release(bs, i);
        return NULL;
    }
    const folio_fblock *fb = &L->flow->blocks[i];
    folio_warn_missing_glyphs(L, bs, bs->v[i].items.v, bs->v[i].items.n,
                        fb->src ? fb->src->pos : (folio_pos){0, 0});
    return &bs->v[i];
}

void folio_blockset_release(blockset *bs, size_t i)
{
    folio_arena_free(bs->arena[i]);
    bs->arena[i] = NULL;
    memset(&bs->v[i], 0, sizeof bs->v[i]);
}
