/* ToUnicode maps for the embedded fonts. libharu 2.3.0 gives each UTF-8
 * font (Identity-H, code = Unicode code point) a copy of its encoding CMap
 * as /ToUnicode: a `begincidrange` that maps codes to CIDs, not to Unicode,
 * so readers warn and extract text only by guessing. Here that stream's
 * contents are replaced with a real ToUnicode CMap mapping each code the
 * document draws in the font (w->codes, from pdf_codes.c) to itself, and
 * each private-use code of shaped text to the text it stands for (never
 * to nothing: a reader would make that U+FFFD): the faces of one font
 * share its codes. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include "pdf/pdf_internal.h"
#include "util/text.h"

/* Entries per bfchar/bfrange block: the CMap format's limit. */
#define BLOCK_MAX 100

/* The CMap text goes straight into libharu's stream; the first failure
 * is kept and the rest skipped. */
typedef struct cmap_out {
    HPDF_Stream stream;
    HPDF_STATUS st;
    const folio_layout *l;   /* its private-use codes of `face` */
    int face;
} cmap_out;

/* A private-use code of shaped text: mapped to its text, not itself. */
static int is_pua(const cmap_out *o, unsigned code)
{
    return folio_layout_pua(o->l, o->face, code) != NULL;
}

static void put(cmap_out *o, const char *text)
{
    if (o->st == HPDF_OK)
        o->st = HPDF_Stream_WriteStr(o->stream, text);
}

/* The next run of consecutive codes from *code on, kept within one high
 * byte (a bfrange may only vary the last byte): [*from, *to]. 0 when none
 * is left. */
static int next_run(const cmap_out *o, const folio_pdf_codes *codes, unsigned *code,
                    unsigned *from, unsigned *to)
{
    unsigned c = *code;
    while (c < 65536 && (!folio_pdf_codes_has(codes, c) || is_pua(o, c)))
        c++;
    if (c >= 65536)
        return 0;
    *from = c;
    while (c + 1 < 65536 && (c + 1) % 256 != 0 && folio_pdf_codes_has(codes, c + 1) &&
           !is_pua(o, c + 1))
        c++;
    *to = c;
    *code = c + 1;
    return 1;
}

/* The bfchar blocks (singles = 1: runs of one code) or bfrange blocks
 * (singles = 0: longer runs), at most BLOCK_MAX entries each. */
static void put_blocks(cmap_out *o, const folio_pdf_codes *codes, int singles)
{
    const char *kind = singles ? "bfchar" : "bfrange";
    unsigned total = 0, code = 0, from, to;
    while (next_run(o, codes, &code, &from, &to))
        if ((from == to) == singles)
            total++;
    char line[64];
    unsigned done = 0;
    code = 0;
    while (done < total && next_run(o, codes, &code, &from, &to)) {
        if ((from == to) != singles)
            continue;
        if (done % BLOCK_MAX == 0) {
            unsigned n = total - done < BLOCK_MAX ? total - done : BLOCK_MAX;
            snprintf(line, sizeof(line), "%u begin%s\n", n, kind);
            put(o, line);
        }
        if (singles)
            snprintf(line, sizeof(line), "<%04X> <%04X>\n", from, from);
        else
            snprintf(line, sizeof(line), "<%04X> <%04X> <%04X>\n", from, to,
                     from);
        put(o, line);
        done++;
        if (done % BLOCK_MAX == 0 || done == total) {
            snprintf(line, sizeof(line), "end%s\n", kind);
            put(o, line);
        }
    }
}

/* The private-use codes: each to the text of its cluster, in UTF-16. */
static void put_shaped(cmap_out *o, const folio_pdf_codes *codes)
{
    unsigned total = 0, done = 0;
    for (unsigned c = FOLIO_PUA_FIRST; c <= FOLIO_PUA_LAST; c++)
        total += folio_pdf_codes_has(codes, c) && is_pua(o, c);
    for (unsigned c = FOLIO_PUA_FIRST; c <= FOLIO_PUA_LAST && done < total; c++) {
        if (!folio_pdf_codes_has(codes, c) || !is_pua(o, c))
            continue;
        const folio_pua *p = folio_layout_pua(o->l, o->face, c);
        char line[64];
        if (done % BLOCK_MAX == 0) {
            unsigned n = total - done < BLOCK_MAX ? total - done : BLOCK_MAX;
            snprintf(line, sizeof line, "%u beginbfchar\n", n);
            put(o, line);
        }
        snprintf(line, sizeof line, "<%04X> <", c);
        put(o, line);
        /* at most 256 UTF-16 units: a ToUnicode string's limit is 512 bytes */
        unsigned units = 0;
        for (size_t i = 0; i < p->len && units < 254;) {
            uint32_t cp;
            size_t k = folio_utf8_decode((const unsigned char *)p->text + i, p->len - i, &cp);
            if (!k) {
                cp = 0xFFFD;
                k = 1;
            }
            i += k;
            if (cp > 0xFFFF)
                snprintf(line, sizeof line, "%04X%04X", 0xD7C0 + (cp >> 10),
                         0xDC00 | (cp & 0x3FF));
            else
                snprintf(line, sizeof line, "%04X", cp);
            units += cp > 0xFFFF ? 2 : 1;
            put(o, line);
        }
        put(o, ">\n");
        done++;
        if (done % BLOCK_MAX == 0 || done == total)
            put(o, "endbfchar\n");
    }
}

static HPDF_STATUS write_cmap(HPDF_Stream stream, const folio_pdf_codes *codes,
                              const folio_layout *l, int face)
{
    cmap_out o = {stream, HPDF_OK, l, face};
    put(&o, "/CIDInit /ProcSet findresource begin\n"
            "12 dict begin\n"
            "begincmap\n"
            "/CIDSystemInfo <<\n"
            "/Registry (Adobe)\n"
            "/Ordering (UCS)\n"
            "/Supplement 0\n"
            ">> def\n"
            "/CMapName /Adobe-Identity-UCS def\n"
            "/CMapType 2 def\n"
            "1 begincodespacerange\n"
            "<0000> <FFFF>\n"
            "endcodespacerange\n");
    put_blocks(&o, codes, 1);
    put_blocks(&o, codes, 0);
    put_shaped(&o, codes);
    put(&o, "endcmap\n"
            "CMapName currentdict /CMap defineresource pop\n"
            "end\n"
            "end\n");
    return o.st;
}

/* Replace one font's ToUnicode stream. Its dictionary keeps only what a
 * ToUnicode stream needs: libharu's encoding-CMap keys (/Type /CMap,
 * /CMapName /UTF-8, ...) would describe the wrong CMap. */
static int rewrite(folio_pdf *w, HPDF_Font font, int face, const folio_pdf_codes *codes)
{
    HPDF_Dict cmap = HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT);
    if (!cmap || !cmap->stream || cmap->stream->type != HPDF_STREAM_MEMORY)
        return folio_pdf_fail(w, FOLIO_E_PDF, "a font has no ToUnicode "
                              "stream to replace");
    static const char *const stale[] = {"Type", "CMapName", "CIDSystemInfo",
                                        "WMode"};
    /* Absent keys only return HPDF_DICT_ITEM_NOT_FOUND, no error. */
    for (size_t k = 0; k < sizeof(stale) / sizeof(stale[0]); k++)
        HPDF_Dict_RemoveElement(cmap, stale[k]);
    HPDF_MemStream_FreeData(cmap->stream);
    if (write_cmap(cmap->stream, codes, w->layout, face) != HPDF_OK)
        return folio_pdf_fail(w, FOLIO_E_PDF, "cannot write a ToUnicode map");
    return folio_pdf_check(w, "writing a ToUnicode map");
}

int folio_pdf_fix_tounicode(folio_pdf *w)
{
    for (int f = 0; f < FOLIO_FONTS_MAX; f++) {
        HPDF_Font font = w->font[f];
        int done = 0;
        for (int g = 0; g < f; g++)
            done |= w->font[g] == font;
        if (!font || done || !w->codes[f])
            continue; /* none, or done with an earlier face of the font */
        int rc = rewrite(w, font, f, w->codes[f]);
        if (rc < 0)
            return rc;
    }
    return 0;
}
