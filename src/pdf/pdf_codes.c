/* The character codes a document draws in each font. libharu's UTF-8
 * encoder (Identity-H) makes a font's code the Unicode code point, so the
 * set of codes is what both the font's cmap (pdf_font_cmap.c) and its
 * ToUnicode map (pdf_tounicode.c) must cover.
 *
 * The codes are read from the layout's TEXT items the same way draw_text
 * passes them to libharu (folio_pdf_cstr, then libharu's UTF-8 decoding),
 * or, for shaped text, as the item gives them (private-use codes of the
 * layout's table among them); anything else that starts drawing text must
 * be counted here as well. */
#include <stdint.h>

#include "pdf/pdf_internal.h"
#include "util/text.h"

void folio_pdf_codes_add(folio_pdf_codes *s, unsigned code)
{
    s->bit[code >> 3] |= (uint8_t)(1u << (code & 7));
}

int folio_pdf_codes_has(const folio_pdf_codes *s, unsigned code)
{
    return (s->bit[code >> 3] >> (code & 7)) & 1;
}

/* libharu turns code points beyond the BMP into a space. The text comes
 * from folio_pdf_cstr: valid UTF-8 already. */
unsigned folio_pdf_next_code(const unsigned char *s, size_t *len)
{
    uint32_t cp;
    *len = (size_t)folio_utf8_next((const char *)s, 4, &cp);
    return cp > 0xFFFF ? 0x20 : cp;
}

int folio_pdf_collect_codes(folio_pdf *w, const folio_layout *l,
                            unsigned faces, folio_pdf_codes *codes)
{
    for (size_t p = 0; p < l->npages; p++)
        for (size_t i = 0; i < l->pages[p].nitems; i++) {
            const folio_item *it = &l->pages[p].items[i];
            if (it->kind != FOLIO_ITEM_TEXT || it->len == 0 || !it->text ||
                (unsigned)it->face >= FOLIO_FONTS_MAX ||
                !(faces & (1u << it->face)))
                continue;
            if (it->codes) { /* shaped: the codes as given */
                for (const uint16_t *c = it->codes; *c; c++)
                    folio_pdf_codes_add(codes, *c);
                continue;
            }
            const char *s = folio_pdf_cstr(w, it->text, it->len);
            if (!s)
                return folio_pdf_fail(w, FOLIO_E_NOMEM, "out of memory");
            const unsigned char *u = (const unsigned char *)s;
            size_t len;
            for (size_t k = 0; u[k]; k += len)
                folio_pdf_codes_add(codes, folio_pdf_next_code(u + k, &len));
        }
    /* the space before a word (pdf_text.c) */
    folio_pdf_codes_add(codes, 0x20);
    return 0;
}
