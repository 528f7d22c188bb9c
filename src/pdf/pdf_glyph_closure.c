/* The full component closure of every used glyph, marked before save.
 *
 * libharu 2.3.0 keeps only the glyph outlines flagged as used when it
 * embeds a TrueType font (glyph_tbl.flgs). When text first uses a
 * composite glyph it flags that glyph's components, but only one level
 * deep (CheckCompositGryph in hpdf_fontdef_tt.c): a component that is
 * itself composite keeps its own record while the glyphs it points to are
 * dropped, and the glyph draws incomplete (Arabic dots, stacked accents).
 * Here every flagged glyph of every embedded TrueType font is walked
 * through its components, to any depth, before libharu writes the font. */
#include <stdint.h>
#include <stdlib.h>

#include <hpdf_doc.h>
#include <hpdf_fontdef.h>
#include <hpdf_list.h>
#include <hpdf_streams.h>

#include "pdf/pdf_internal.h"
#include "util/mem.h"

/* Composite glyph component flags (OpenType glyf table). */
#define ARG_1_AND_2_ARE_WORDS 0x0001
#define WE_HAVE_A_SCALE 0x0008
#define MORE_COMPONENTS 0x0020
#define WE_HAVE_AN_X_AND_Y_SCALE 0x0040
#define WE_HAVE_A_TWO_BY_TWO 0x0080

/* A composite glyph's record is small; one longer than this is read only
 * this far (its components come first, its instructions after). */
#define MAX_RECORD 4096

static unsigned be16(const unsigned char *p)
{
    return (unsigned)p[0] << 8 | p[1];
}

/* Where glyph `gid`'s record lies in the font file, and how long it is;
 * 0 when the glyph has no outline or the loca table points outside the
 * file (libharu then fails on its own when it copies the glyph). */
static HPDF_UINT32 glyph_extent(HPDF_TTFontDefAttr a, unsigned gid, HPDF_UINT32 file_size,
                                HPDF_UINT32 *offset)
{
    HPDF_UINT32 start = a->glyph_tbl.offsets[gid], end = a->glyph_tbl.offsets[gid + 1];
    if (a->header.index_to_loc_format == 0) { /* short loca: offsets / 2 */
        start *= 2;
        end *= 2;
    }
    if (end <= start || a->glyph_tbl.base_offset > file_size ||
        start > file_size - a->glyph_tbl.base_offset ||
        end - start > file_size - a->glyph_tbl.base_offset - start)
        return 0;
    *offset = a->glyph_tbl.base_offset + start;
    return end - start;
}

/* Read `len` bytes at `offset` of the font file. */
static int read_at(HPDF_Stream s, HPDF_UINT32 offset, unsigned char *buf, HPDF_UINT len)
{
    HPDF_UINT got = len;
    if (HPDF_Stream_Seek(s, (HPDF_INT32)offset, HPDF_SEEK_SET) != HPDF_OK ||
        HPDF_Stream_Read(s, buf, &got) != HPDF_OK || got != len)
        return -1;
    return 0;
}

/* The components of composite glyph `gid` that are new: flagged for
 * embedding and pushed on the stack to be walked in turn. */
static int push_components(HPDF_TTFontDefAttr a, unsigned gid, HPDF_UINT32 file_size,
                           unsigned char *seen, uint16_t *stack, size_t *top)
{
    unsigned char buf[MAX_RECORD];
    HPDF_UINT32 offset = 0;
    HPDF_UINT32 len = glyph_extent(a, gid, file_size, &offset);
    if (len < 10)
        return 0; /* no outline, or not even a header */
    if (len > MAX_RECORD)
        len = MAX_RECORD;
    if (read_at(a->stream, offset, buf, len))
        return -1;
    if ((int16_t)be16(buf) >= 0)
        return 0; /* a simple glyph: contours, no components */
    size_t p = 10; /* after numberOfContours and the bounding box */
    unsigned flags;
    do {
        if (p + 4 > len)
            break;
        flags = be16(buf + p);
        unsigned comp = be16(buf + p + 2);
        p += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
        p += flags & WE_HAVE_A_SCALE ? 2
             : flags & WE_HAVE_AN_X_AND_Y_SCALE ? 4
             : flags & WE_HAVE_A_TWO_BY_TWO ? 8
             : 0;
        if (comp < a->num_glyphs && !seen[comp]) {
            seen[comp] = 1;
            a->glyph_tbl.flgs[comp] = 1;
            stack[(*top)++] = (uint16_t)comp;
        }
    } while (flags & MORE_COMPONENTS);
    return 0;
}

/* Close one font: every glyph reachable from a flagged one is flagged. */
static int close_font(folio_pdf *w, HPDF_TTFontDefAttr a)
{
    unsigned n = a->num_glyphs;
    unsigned char *seen = folio_calloc(n ? n : 1, 1);
    uint16_t *stack = folio_malloc((n ? n : 1) * sizeof *stack);
    size_t top = 0;
    int rc = 0;
    if (!seen || !stack) {
        rc = folio_pdf_fail(w, FOLIO_E_NOMEM, "out of memory");
        goto done;
    }
    HPDF_UINT32 file_size = HPDF_Stream_Size(a->stream);
    for (unsigned g = 0; g < n; g++)
        if (a->glyph_tbl.flgs[g]) {
            seen[g] = 1;
            stack[top++] = (uint16_t)g;
        }
    /* each glyph is pushed once (seen), so the stack never exceeds n */
    while (top > 0) {
        unsigned g = stack[--top];
        if (push_components(a, g, file_size, seen, stack, &top)) {
            rc = folio_pdf_fail(w, FOLIO_E_FONT, "cannot read glyph %u of the font %s", g,
                                a->base_font);
            goto done;
        }
    }
done:
    free(seen);
    free(stack);
    return rc;
}

int folio_pdf_close_glyphs(folio_pdf *w)
{
    HPDF_List defs = w->doc ? w->doc->fontdef_list : NULL;
    for (HPDF_UINT i = 0; defs && i < defs->count; i++) {
        HPDF_FontDef def = HPDF_List_ItemAt(defs, i);
        if (!def || def->type != HPDF_FONTDEF_TYPE_TRUETYPE || !def->attr)
            continue;
        HPDF_TTFontDefAttr a = def->attr;
        if (!a->embedding || !a->stream || !a->glyph_tbl.flgs || !a->glyph_tbl.offsets)
            continue;
        int rc = close_font(w, a);
        if (rc)
            return rc;
    }
    return folio_pdf_check(w, "marking the components of composite glyphs");
}
