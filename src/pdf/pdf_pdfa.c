/* PDF/A-2u (ISO 19005-2) and the PDF/UA-1 identification: XMP metadata
 * that says the same as the document information (read back from it, so
 * the two cannot disagree), the sRGB output intent every colour is drawn
 * in, PDF 1.7, and an /ID that is a digest of the document's text and
 * metadata, so the same input always gives the same bytes.
 *
 * libharu's own PDF/A helper is not used: it writes no output intent,
 * misspells /SubType, does not escape the XMP and takes the ID from the
 * clock (DESIGN.md). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf_objects.h>

#include "pdf/pdf_internal.h"
#include "util/mem.h"

/* The sRGB profile of Debian's icc-profiles-free, built in (Makefile). */
extern const unsigned char folio_srgb_icc[];
extern const size_t folio_srgb_icc_len;

typedef struct xbuf {
    char *s;
    size_t len, cap;
    int failed;
} xbuf;

static void add(xbuf *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *v = folio_realloc(b->s, cap);
        if (!v) {
            b->failed = 1;
            return;
        }
        b->s = v;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = 0;
}

static void adds(xbuf *b, const char *s)
{
    add(b, s, strlen(s));
}

/* XML character data (the info values are valid UTF-8 without controls:
 * pdf_meta.c made them so). */
static void esc(xbuf *b, const char *s)
{
    for (; *s; s++) {
        if (*s == '&')
            adds(b, "&amp;");
        else if (*s == '<')
            adds(b, "&lt;");
        else if (*s == '>')
            adds(b, "&gt;");
        else
            add(b, s, 1);
    }
}

/* One property from the document information, in the form XMP gives it;
 * nothing when the information has none. */
static void prop(xbuf *b, const char *open, const char *value, const char *close)
{
    if (!value || !*value)
        return;
    adds(b, open);
    esc(b, value);
    adds(b, close);
    adds(b, "\n");
}

/* "D:20211013000000Z00'00'" as XMP's "2021-10-13T00:00:00Z" (folio writes
 * dates in UTC only); NULL when it is not such a date. */
static const char *xmp_date(const char *pdf, char *buf, size_t n)
{
    if (!pdf || strncmp(pdf, "D:", 2) || strlen(pdf) < 16 || pdf[16] != 'Z')
        return NULL;
    for (int i = 2; i < 16; i++)
        if (pdf[i] < '0' || pdf[i] > '9')
            return NULL;
    snprintf(buf, n, "%.4s-%.2s-%.2sT%.2s:%.2s:%.2sZ", pdf + 2, pdf + 6, pdf + 8, pdf + 10,
             pdf + 12, pdf + 14);
    return buf;
}

static const char xmp_head[] =
    "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
    "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
    "<rdf:Description rdf:about=\"\"\n"
    " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n"
    " xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"\n"
    " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
    " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
    " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
    " xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
    " xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
    " xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
    "<pdfaid:part>2</pdfaid:part>\n"
    "<pdfaid:conformance>U</pdfaid:conformance>\n"
    "<pdfuaid:part>1</pdfuaid:part>\n"
    "<dc:format>application/pdf</dc:format>\n";

/* pdfuaid is not among PDF/A's predefined schemas: it is described. */
static const char xmp_tail[] =
    "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
    "<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
    "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
    "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
    "<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
    "<pdfaProperty:name>part</pdfaProperty:name>\n"
    "<pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
    "<pdfaProperty:category>internal</pdfaProperty:category>\n"
    "<pdfaProperty:description>Indicates, which part of ISO 14289 standard is "
    "followed</pdfaProperty:description>\n"
    "</rdf:li></rdf:Seq></pdfaSchema:property>\n"
    "</rdf:li></rdf:Bag></pdfaExtension:schemas>\n"
    "</rdf:Description>\n"
    "</rdf:RDF>\n"
    "</x:xmpmeta>\n"
    "<?xpacket end=\"r\"?>";

static int metadata(folio_pdf *w, const folio_layout *l)
{
    HPDF_Doc d = w->doc;
    char created[32], modified[32];
    const char *cd = xmp_date(HPDF_GetInfoAttr(d, HPDF_INFO_CREATION_DATE), created, sizeof created);
    const char *md = xmp_date(HPDF_GetInfoAttr(d, HPDF_INFO_MOD_DATE), modified, sizeof modified);
    xbuf b = {0};
    adds(&b, xmp_head);
    prop(&b, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">",
         HPDF_GetInfoAttr(d, HPDF_INFO_TITLE), "</rdf:li></rdf:Alt></dc:title>");
    prop(&b, "<dc:creator><rdf:Seq><rdf:li>", HPDF_GetInfoAttr(d, HPDF_INFO_AUTHOR),
         "</rdf:li></rdf:Seq></dc:creator>");
    prop(&b, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">",
         HPDF_GetInfoAttr(d, HPDF_INFO_SUBJECT), "</rdf:li></rdf:Alt></dc:description>");
    /* the symbol identifies the document (the subject says it too) */
    prop(&b, "<dc:identifier>", HPDF_GetInfoAttr(d, HPDF_INFO_SUBJECT), "</dc:identifier>");
    prop(&b, "<dc:language><rdf:Bag><rdf:li>", l->lang, "</rdf:li></rdf:Bag></dc:language>");
    prop(&b, "<xmp:CreatorTool>", HPDF_GetInfoAttr(d, HPDF_INFO_CREATOR), "</xmp:CreatorTool>");
    prop(&b, "<xmp:CreateDate>", cd, "</xmp:CreateDate>");
    prop(&b, "<xmp:ModifyDate>", md, "</xmp:ModifyDate>");
    prop(&b, "<xmp:MetadataDate>", md, "</xmp:MetadataDate>");
    prop(&b, "<pdf:Producer>", HPDF_GetInfoAttr(d, HPDF_INFO_PRODUCER), "</pdf:Producer>");
    prop(&b, "<pdf:Keywords>", HPDF_GetInfoAttr(d, HPDF_INFO_KEYWORDS), "</pdf:Keywords>");
    adds(&b, xmp_tail);
    if (b.failed) {
        free(b.s);
        return folio_pdf_fail(w, FOLIO_E_NOMEM, "out of memory");
    }
    /* uncompressed, as PDF/A wants it, so any tool can read it */
    HPDF_Dict s = HPDF_DictStream_New(d->mmgr, d->xref);
    int ok = s && HPDF_Dict_AddName(s, "Type", "Metadata") == HPDF_OK &&
             HPDF_Dict_AddName(s, "Subtype", "XML") == HPDF_OK &&
             HPDF_Stream_Write(s->stream, (const HPDF_BYTE *)b.s, (HPDF_UINT)b.len) == HPDF_OK &&
             HPDF_Dict_Add(d->catalog, "Metadata", s) == HPDF_OK;
    free(b.s);
    if (s)
        s->filter = HPDF_STREAM_FILTER_NONE;
    return ok ? 0 : folio_pdf_fail(w, FOLIO_E_PDF, "cannot write the XMP metadata");
}

/* Every colour folio draws (DeviceGray, DeviceRGB) is meant as sRGB. */
static int output_intent(folio_pdf *w)
{
    HPDF_Doc d = w->doc;
    HPDF_MMgr mm = d->mmgr;
    /* each object is given to its container as soon as it is made, so
     * that the document frees it whatever fails next */
    HPDF_Dict icc = HPDF_DictStream_New(mm, d->xref);
    if (!icc)
        return folio_pdf_fail(w, FOLIO_E_NOMEM, "out of memory");
    icc->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    HPDF_Array list = HPDF_Array_New(mm);
    if (!list || HPDF_Dict_Add(d->catalog, "OutputIntents", list) != HPDF_OK)
        return folio_pdf_fail(w, FOLIO_E_PDF, "cannot write the output intent");
    HPDF_Dict oi = HPDF_Dict_New(mm);
    if (!oi || HPDF_Array_Add(list, oi) != HPDF_OK)
        return folio_pdf_fail(w, FOLIO_E_PDF, "cannot write the output intent");
    int ok = HPDF_Dict_AddNumber(icc, "N", 3) == HPDF_OK &&
             HPDF_Stream_Write(icc->stream, folio_srgb_icc, (HPDF_UINT)folio_srgb_icc_len) ==
                 HPDF_OK &&
             HPDF_Dict_AddName(oi, "Type", "OutputIntent") == HPDF_OK &&
             HPDF_Dict_AddName(oi, "S", "GTS_PDFA1") == HPDF_OK &&
             HPDF_Dict_Add(oi, "OutputConditionIdentifier",
                           HPDF_String_New(mm, "sRGB IEC61966-2.1", NULL)) == HPDF_OK &&
             HPDF_Dict_Add(oi, "Info", HPDF_String_New(mm, "sRGB IEC61966-2.1", NULL)) ==
                 HPDF_OK &&
             HPDF_Dict_Add(oi, "RegistryName", HPDF_String_New(mm, "http://www.color.org",
                                                                NULL)) == HPDF_OK &&
             HPDF_Dict_Add(oi, "DestOutputProfile", icc) == HPDF_OK;
    return ok ? 0 : folio_pdf_fail(w, FOLIO_E_PDF, "cannot write the output intent");
}

/* /ID: the digest of the text drawn and of the metadata, twice (the file
 * is never updated in place). */
static int document_id(folio_pdf *w, const folio_layout *l)
{
    const char *more[] = {l->title, l->subject, l->lang};
    for (size_t i = 0; i < sizeof more / sizeof *more; i++)
        if (more[i])
            HPDF_MD5Update(&w->id_md5, (const HPDF_BYTE *)more[i], (HPDF_UINT)strlen(more[i]) + 1);
    char when[32];
    int n = snprintf(when, sizeof when, "%lld/%zu", l->date_epoch, l->npages);
    HPDF_MD5Update(&w->id_md5, (const HPDF_BYTE *)when, (HPDF_UINT)n);
    HPDF_BYTE id[16];
    HPDF_MD5Final(id, &w->id_md5);
    HPDF_MMgr mm = w->doc->mmgr;
    HPDF_Array a = HPDF_Array_New(mm);
    int ok = a && HPDF_Dict_Add(w->doc->trailer, "ID", a) == HPDF_OK &&
             HPDF_Array_Add(a, HPDF_Binary_New(mm, id, sizeof id)) == HPDF_OK &&
             HPDF_Array_Add(a, HPDF_Binary_New(mm, id, sizeof id)) == HPDF_OK;
    return ok ? 0 : folio_pdf_fail(w, FOLIO_E_PDF, "cannot set the document ID");
}

int folio_pdf_set_pdfa(folio_pdf *w, const folio_layout *l)
{
    int rc;
    w->doc->pdf_version = HPDF_VER_17; /* PDF/A-2 and PDF/UA-1 are on PDF 1.7 */
    if ((rc = metadata(w, l)) || (rc = output_intent(w)) || (rc = document_id(w, l)))
        return rc;
    return folio_pdf_check(w, "making the document PDF/A");
}
