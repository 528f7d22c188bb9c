/* Scripts and direction in the DOCX: what Word must be told that the PDF
 * works out by itself. A run of Arabic text is marked right to left
 * (w:rtl), so Word orders it and sets it in the complex-script face; the
 * Latin words and numbers between stay runs of their own, as Word itself
 * splits them. A run holding Chinese text carries the East Asian hint, so
 * the marks it shares with Latin text (quotation marks, dashes) take the
 * Chinese face, as in the PDF. The faces Word names come from the
 * language file (docx.han = SimSun, docx.arabic = Simplified Arabic). */
#include <string.h>

#include "docx/docx_xml.h"
#include "layout/script.h"
#include "util/text.h"

/* The direction of a character: 1 right to left (letters, Arabic-Indic
 * digits), 0 left to right (Latin letters and digits), -1 neutral. */
static int dir_of(uint32_t cp)
{
    if (folio_is_rtl_char(cp))
        return 1;
    int sc = folio_script_of(cp);
    if (sc < 0 || cp < 0x30 || (cp >= 0x3A && cp <= 0x40) || (cp >= 0x5B && cp <= 0x60) ||
        (cp >= 0x7B && cp <= 0xBF))
        return -1;
    return 0;
}

size_t folio_dx_script_span(const dx_doc *d, const char *s, size_t n, dx_script *sc)
{
    memset(sc, 0, sizeof *sc);
    int han_lang = d->f->lang.docx_font[FOLIO_SCRIPT_HAN][0] != NULL;
    if (!d->f->lang.rtl && !han_lang && !folio_bidi_needed(s, n, 0))
        return n; /* one run, as before */
    /* the direction of the span: its first strong character's */
    int dir = -1;
    size_t i = 0, end = n;
    while (i < n) {
        uint32_t cp;
        size_t k = (size_t)folio_utf8_next(s + i, n - i, &cp);
        int cd = dir_of(cp);
        if (cd >= 0 && dir < 0) {
            dir = cd;
        } else if (cd >= 0 && cd != dir) {
            end = i;
            break;
        }
        if (han_lang && folio_script_of(cp) == FOLIO_SCRIPT_HAN)
            sc->east_asia = 1;
        i += k;
    }
    /* neutrals at a right-to-left span's end go with what follows, so
     * "نص (CCPR)" keeps its bracket with the symbol */
    if (dir == 1 && end < n) {
        size_t k = end;
        while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '('))
            k--;
        if (k > 0)
            end = k;
    }
    sc->rtl = dir == 1;
    return end;
}

void folio_dx_script_fonts(dx_xml *x, const dx_script *sc)
{
    if (!sc || !sc->east_asia)
        return;
    dx_start(x, "w:rFonts");
    dx_attr(x, "w:hint", "eastAsia");
    dx_end(x);
}

void folio_dx_script_dir(dx_xml *x, const dx_script *sc)
{
    if (sc && sc->rtl)
        folio_dx_empty(x, "w:rtl");
}

int folio_dx_bidi_style(const dx_doc *d, const char *name)
{
    /* the furniture that stays left to right in every language: the
     * English distribution block and symbol, heads and feet of pages, the
     * first page's footer */
    static const char *const ltr[] = {"UNMastDistr", "UNMastRight", "UNMastSymbol",
                                      "UNHeader", "UNFooter", "UNJobLine", "UNBarcode",
                                      "UNBarcodeText", "UNRecycle", "UNFootLeftEnd",
                                      "UNFootRightEnd", "UNSpacer"};
    if (!d->f->lang.rtl || !name)
        return 0;
    for (size_t i = 0; i < sizeof ltr / sizeof ltr[0]; i++)
        if (!strncmp(name, ltr[i], strlen(ltr[i])))
            return 0;
    return 1;
}

/* The defaults' faces and languages: the house's Latin face, the
 * language's faces for Chinese (eastAsia) and Arabic (cs). */
void folio_dx_default_fonts(dx_xml *x, const folio_flow *f)
{
    const char *tnr = "Times New Roman";
    const char *ea = f->lang.docx_font[FOLIO_SCRIPT_HAN][0];
    const char *cs = f->lang.docx_font[FOLIO_SCRIPT_ARABIC][0];
    dx_start(x, "w:rFonts");
    dx_attr(x, "w:ascii", tnr);
    dx_attr(x, "w:hAnsi", tnr);
    folio_dx_attr_text(x, "w:eastAsia", ea ? ea : tnr);
    folio_dx_attr_text(x, "w:cs", cs ? cs : tnr);
    dx_end(x);
}

void folio_dx_default_lang(dx_xml *x, const folio_flow *f)
{
    const char *tag = f->lang_tag && *f->lang_tag ? f->lang_tag : "en-US";
    dx_start(x, "w:lang");
    folio_dx_attr_text(x, "w:val", tag);
    if (f->lang.docx_font[FOLIO_SCRIPT_HAN][0])
        folio_dx_attr_text(x, "w:eastAsia", tag);
    if (f->lang.rtl || f->lang.docx_font[FOLIO_SCRIPT_ARABIC][0])
        folio_dx_attr_text(x, "w:bidi", tag);
    dx_end(x);
}

void folio_dx_heading_fonts(dx_xml *x, const folio_flow *f, const folio_pstyle *st)
{
    const char *ea = f->lang.docx_font[FOLIO_SCRIPT_HAN][1];
    const char *cs = f->lang.docx_font[FOLIO_SCRIPT_ARABIC][1];
    int bold = st->face == FOLIO_FACE_BOLD;
    if (!bold || ((!ea || !strcmp(ea, f->lang.docx_font[FOLIO_SCRIPT_HAN][0])) &&
                  (!cs || !strcmp(cs, f->lang.docx_font[FOLIO_SCRIPT_ARABIC][0]))))
        return; /* the defaults say it */
    dx_start(x, "w:rFonts");
    if (ea)
        folio_dx_attr_text(x, "w:eastAsia", ea);
    if (cs)
        folio_dx_attr_text(x, "w:cs", cs);
    dx_end(x);
}
