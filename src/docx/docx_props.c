/* Package metadata and document settings: docProps/core.xml (title,
 * subject, language, fixed dates from the document), docProps/app.xml,
 * word/settings.xml (different odd and even pages, footnote separators,
 * additive paragraph spacing) and word/fontTable.xml. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "docx/docx_xml.h"

/* UTC ISO 8601 from the document date: never the clock. */
static void iso_date(long long epoch, char *buf, size_t n)
{
    time_t t = (time_t)epoch;
    struct tm tm;
    if (!gmtime_r(&t, &tm) || tm.tm_year + 1900 < 1 || tm.tm_year + 1900 > 9999) {
        snprintf(buf, n, "1980-01-01T00:00:00Z");
        return;
    }
    snprintf(buf, n, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900,
             tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

static void dated(dx_xml *x, const char *name, const char *date)
{
    dx_start(x, name);
    dx_attr(x, "xsi:type", "dcterms:W3CDTF");
    folio_dx_chars(x, date, strlen(date));
    dx_end(x);
}

static int core(dx_doc *d)
{
    const folio_flow *f = d->f;
    char date[32];
    iso_date(f->date_epoch, date, sizeof date);
    dx_xml x;
    int rc = folio_dx_xml_begin(d, &x);
    if (rc < 0)
        return rc;
    dx_start(&x, "cp:coreProperties");
    dx_attr(&x, "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
    dx_attr(&x, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
    dx_attr(&x, "xmlns:dcterms", "http://purl.org/dc/terms/");
    dx_attr(&x, "xmlns:dcmitype", "http://purl.org/dc/dcmitype/");
    dx_attr(&x, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
    /* a title to show, as the PDF's: the symbol when the report has none */
    const char *title = f->mast.title && *f->mast.title ? f->mast.title : f->mast.symbol;
    if (title && *title)
        folio_dx_text_elem(&x, "dc:title", title);
    if (f->mast.symbol)
        folio_dx_text_elem(&x, "dc:subject", f->mast.symbol);
    folio_dx_text_elem(&x, "dc:creator", "United Nations");
    if (f->lang_tag)
        folio_dx_text_elem(&x, "dc:language", f->lang_tag);
    dated(&x, "dcterms:created", date);
    dated(&x, "dcterms:modified", date);
    dx_end(&x);
    return folio_dx_xml_finish(&x, "docProps/core.xml",
        "application/vnd.openxmlformats-package.core-properties+xml");
}

static int app(dx_doc *d)
{
    dx_xml x;
    int rc = folio_dx_xml_begin(d, &x);
    if (rc < 0)
        return rc;
    dx_start(&x, "Properties");
    dx_attr(&x, "xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
    dx_attr(&x, "xmlns:vt", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes");
    folio_dx_text_elem(&x, "Application", "folio");
    folio_dx_text_elem(&x, "Company", "United Nations");
    dx_end(&x);
    return folio_dx_xml_finish(&x, "docProps/app.xml",
        "application/vnd.openxmlformats-officedocument.extended-properties+xml");
}

int folio_dx_write_props(dx_doc *d)
{
    int rc = core(d);
    return rc < 0 ? rc : app(d);
}

/* The language's tag, as the house style gives it. */
static const char *lang_tag(const dx_doc *d)
{
    return d->f->lang_tag && *d->f->lang_tag ? d->f->lang_tag : "en-US";
}

/* A separator entry of the notes' properties (footnotes.xml and
 * endnotes.xml hold ids -1 and 0). */
static void sep_refs(dx_xml *x, const char *name)
{
    dx_start(x, name);
    dx_attr(x, "w:id", "-1");
    dx_end(x);
    dx_start(x, name);
    dx_attr(x, "w:id", "0");
    dx_end(x);
}

/* Element order is the schema's (CT_Settings): Word repairs a file
 * whose settings come in another order. */
int folio_dx_write_settings(dx_doc *d)
{
    dx_xml x;
    int rc = folio_dx_xml_begin(d, &x);
    if (rc < 0)
        return rc;
    dx_start(&x, "w:settings");
    dx_attr(&x, "xmlns:w", DX_NS_W);
    dx_start(&x, "w:zoom");
    dx_attr(&x, "w:percent", "100");
    dx_end(&x);
    folio_dx_val(&x, "w:defaultTabStop", "567");
    /* Hyphenate as the PDF does: where the language has patterns (the
     * headings' styles refuse it, as their PDF lines break whole). */
    if (d->f->lang.hyphenation) {
        folio_dx_empty(&x, "w:autoHyphenation");
        folio_dx_val(&x, "w:consecutiveHyphenLimit", "2");
        folio_dx_empty(&x, "w:doNotHyphenateCaps");
    }
    folio_dx_empty(&x, "w:evenAndOddHeaders");
    folio_dx_val(&x, "w:characterSpacingControl", "doNotCompress");
    dx_start(&x, "w:footnotePr");
    sep_refs(&x, "w:footnote");
    dx_end(&x);
    dx_start(&x, "w:endnotePr");
    folio_dx_val(&x, "w:numFmt", "decimal");
    sep_refs(&x, "w:endnote");
    dx_end(&x);
    dx_start(&x, "w:compat");
    /* Space after one paragraph and before the next add up, as in the
     * PDF; without this Word and LibreOffice keep only the larger. */
    folio_dx_empty(&x, "w:doNotUseHTMLParagraphAutoSpacing");
    dx_start(&x, "w:compatSetting");
    dx_attr(&x, "w:name", "compatibilityMode");
    dx_attr(&x, "w:uri", "http://schemas.microsoft.com/office/word");
    dx_attr(&x, "w:val", "15");
    dx_end(&x);
    dx_end(&x);
    dx_start(&x, "w:themeFontLang");
    folio_dx_attr_text(&x, "w:val", lang_tag(d));
    dx_end(&x);
    dx_end(&x);
    return folio_dx_xml_finish(&x, "word/settings.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml");
}

int folio_dx_write_font_table(dx_doc *d)
{
    dx_xml x;
    int rc = folio_dx_xml_begin(d, &x);
    if (rc < 0)
        return rc;
    dx_start(&x, "w:fonts");
    dx_attr(&x, "xmlns:w", DX_NS_W);
    dx_start(&x, "w:font");
    dx_attr(&x, "w:name", "Times New Roman");
    folio_dx_val(&x, "w:panose1", "02020603050405020304");
    folio_dx_val(&x, "w:charset", "00");
    folio_dx_val(&x, "w:family", "roman");
    folio_dx_val(&x, "w:pitch", "variable");
    dx_end(&x);
    /* the language's faces for Chinese and Arabic, each once */
    static const char *const charset[FOLIO_SCRIPT_COUNT] = {"00", "CC", "86", "B2"};
    for (int sc = 0; sc < FOLIO_SCRIPT_COUNT; sc++)
        for (int role = 0; role < 2; role++) {
            const char *name = d->f->lang.docx_font[sc][role];
            int dup = !name || !strcmp(name, "Times New Roman");
            for (int s2 = 0; s2 <= sc && !dup; s2++)
                for (int r2 = 0; r2 < 2 && !dup; r2++)
                    dup = (s2 < sc || r2 < role) && d->f->lang.docx_font[s2][r2] &&
                          !strcmp(d->f->lang.docx_font[s2][r2], name);
            if (dup)
                continue;
            dx_start(&x, "w:font");
            folio_dx_attr_text(&x, "w:name", name);
            /* where the UN's face is missing, the face of the PDF */
            const char *alt = d->f->lang.pdf_font[sc][role];
            if (alt && strcmp(alt, name)) {
                dx_start(&x, "w:altName");
                folio_dx_attr_text(&x, "w:val", alt);
                dx_end(&x);
            }
            folio_dx_val(&x, "w:charset", charset[sc]);
            folio_dx_val(&x, "w:family", "auto");
            folio_dx_val(&x, "w:pitch", "variable");
            dx_end(&x);
        }
    dx_end(&x);
    return folio_dx_xml_finish(&x, "word/fontTable.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml");
}
