/* Document-level data: info dictionary with fixed dates, /Lang, page labels
 * where printed numbers do not start at 1, and the page mode. */
#include <ctype.h>
#include <string.h>
#include <time.h>
#include <hpdf_objects.h>

#include "pdf/pdf_internal.h"

/* Document information is a summary: a title of megabytes (recovered
 * text gone wrong) is cut there, at a character boundary, rather than
 * failing on libharu's 65,535-byte string limit. The page keeps it all. */
#define INFO_MAX 4096

static int set_info(folio_pdf *w, HPDF_InfoType type, const char *raw)
{
    if (!raw || !*raw)
        return 0;
    /* valid UTF-8 without control characters: the XMP metadata says the
     * same (pdf_pdfa.c), and XML allows neither */
    if (!folio_pdf_cstr(w, raw, strlen(raw)))
        return folio_pdf_fail(w, FOLIO_E_NOMEM, "out of memory");
    for (char *p = w->buf; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7F)
            *p = ' ';
    const char *value = w->buf;
    size_t n = strlen(value);
    char cut[INFO_MAX + 1];
    if (n > INFO_MAX) {
        n = INFO_MAX;
        while (n > 0 && ((unsigned char)value[n] & 0xC0) == 0x80)
            n--; /* not inside a UTF-8 sequence */
        memcpy(cut, value, n);
        cut[n] = 0;
        folio_warn(w->ctx, (folio_pos){0, 0}, "the PDF's document information keeps the "
                   "first %zu bytes of a %zu-byte text", n, strlen(value));
        value = cut;
    }
    if (HPDF_SetInfoAttr(w->doc, type, value) != HPDF_OK)
        return folio_pdf_fail(w, FOLIO_E_PDF, "cannot set the document information "
                              "(%zu bytes)", n);
    return 0;
}

const char *folio_pdf_title(const folio_layout *l)
{
    /* PDF/UA wants a title to show: the symbol when the report has none */
    return l->title && *l->title ? l->title : l->subject && *l->subject ? l->subject : NULL;
}

/* Both dates from the layout's epoch in UTC, never from the clock. */
static int set_dates(folio_pdf *w, long long epoch)
{
    if (epoch == 0)
        return 0;
    time_t t = (time_t)epoch;
    struct tm tm;
    if ((long long)t != epoch || !gmtime_r(&t, &tm) ||
        tm.tm_year + 1900 < 1 || tm.tm_year + 1900 > 9999) {
        folio_warn(w->ctx, (folio_pos){0, 0},
                   "PDF: date %lld out of range, left out", epoch);
        return 0;
    }
    HPDF_Date d = {
        .year = tm.tm_year + 1900, .month = tm.tm_mon + 1, .day = tm.tm_mday,
        .hour = tm.tm_hour, .minutes = tm.tm_min,
        .seconds = tm.tm_sec > 59 ? 59 : tm.tm_sec,
        .ind = 'Z', .off_hour = 0, .off_minutes = 0,
    };
    if (HPDF_SetInfoDateAttr(w->doc, HPDF_INFO_CREATION_DATE, d) != HPDF_OK ||
        HPDF_SetInfoDateAttr(w->doc, HPDF_INFO_MOD_DATE, d) != HPDF_OK)
        return folio_pdf_fail(w, FOLIO_E_PDF, "cannot set the document dates");
    return 0;
}

/* A language tag such as "en", "fr-CA" or "zh-Hans": letters, digits and
 * hyphens only, so it can go into the catalog as it is. */
static int lang_ok(const char *lang)
{
    size_t n = 0;
    for (; lang[n]; n++)
        if (!isalnum((unsigned char)lang[n]) && lang[n] != '-')
            return 0;
    return n > 0 && n <= 35 && isalpha((unsigned char)lang[0]);
}

/* libharu has no API for /Lang: add it to the catalog dictionary through
 * its installed internal headers. */
static int set_lang(folio_pdf *w, const char *lang)
{
    if (!lang || !*lang)
        return 0;
    if (!lang_ok(lang)) {
        folio_warn(w->ctx, (folio_pos){0, 0},
                   "PDF: language tag \"%s\" is malformed, left out", lang);
        return 0;
    }
    HPDF_String s = HPDF_String_New(w->doc->mmgr, lang, NULL);
    if (!s || HPDF_Dict_Add(w->doc->catalog, "Lang", s) != HPDF_OK)
        return folio_pdf_fail(w, FOLIO_E_PDF, "cannot set the language");
    /* /Lang is a PDF 1.4 key. */
    if (w->doc->pdf_version < HPDF_VER_14)
        w->doc->pdf_version = HPDF_VER_14;
    return 0;
}

/* Page labels only when the printed numbers are not simply 1, 2, 3 ...:
 * then one range at the first page (the PDF requires it) and one wherever
 * the numbering jumps. */
static int set_page_labels(folio_pdf *w, const folio_layout *l)
{
    int plain = 1;
    for (size_t i = 0; i < l->npages && plain; i++)
        plain = l->pages[i].number == (int)i + 1;
    if (plain)
        return 0;
    int expect = 1;
    for (size_t i = 0; i < l->npages; i++) {
        int n = l->pages[i].number < 1 ? expect : l->pages[i].number;
        if (i == 0 || n != expect) {
            if (HPDF_AddPageLabel(w->doc, (HPDF_UINT)i,
                                  HPDF_PAGE_NUM_STYLE_DECIMAL, (HPDF_UINT)n,
                                  NULL) != HPDF_OK)
                return folio_pdf_fail(w, FOLIO_E_PDF,
                                      "cannot set the page labels");
        }
        expect = n + 1;
    }
    return 0;
}

int folio_pdf_set_meta(folio_pdf *w, const folio_layout *l)
{
    int rc;
    if ((rc = set_info(w, HPDF_INFO_TITLE, folio_pdf_title(l))) < 0 ||
        (rc = set_info(w, HPDF_INFO_SUBJECT, l->subject)) < 0 ||
        (rc = set_info(w, HPDF_INFO_AUTHOR,
                       l->author && *l->author ? l->author
                                               : "United Nations")) < 0 ||
        (rc = set_info(w, HPDF_INFO_CREATOR, "folio")) < 0 ||
        (rc = set_dates(w, l->date_epoch)) < 0 ||
        (rc = set_lang(w, l->lang)) < 0 ||
        (rc = set_page_labels(w, l)) < 0)
        return rc;
    if (w->has_outlines &&
        HPDF_SetPageMode(w->doc, HPDF_PAGE_MODE_USE_OUTLINE) != HPDF_OK)
        return folio_pdf_fail(w, FOLIO_E_PDF, "cannot set the page mode");
    return folio_pdf_check(w, "setting the document info");
}
