/* Writing shared by the report-XML and Akoma Ntoso writers. */
#include <libxml/xmlstring.h>

#include "export/xml_out.h"

#define X(s) ((const xmlChar *)(s))

/* XML 1.0 cannot carry most control characters, nor U+FFFE and U+FFFF
 * (the same characters the DOCX writer leaves out), nor broken UTF-8. */
static int check_text(folio_ctx *ctx, const char *s, folio_pos pos)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
            return folio_error(ctx, FOLIO_E_INPUT, pos,
                               "text holds control character 0x%02X, which XML cannot carry", *p);
        if (p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF))
            return folio_error(ctx, FOLIO_E_INPUT, pos,
                               "text holds U+%s, which XML cannot carry", p[2] == 0xBE ? "FFFE" : "FFFF");
    }
    if (!xmlCheckUTF8(X(s)))
        return folio_error(ctx, FOLIO_E_INPUT, pos, "text is not valid UTF-8");
    return 0;
}

int folio_xml_text(folio_ctx *ctx, xmlTextWriterPtr w, const char *s, folio_pos pos)
{
    int rc = check_text(ctx, s, pos);
    if (!rc && xmlTextWriterWriteString(w, X(s)) < 0)
        rc = FOLIO_E_NOMEM;
    return rc;
}

int folio_xml_attr(folio_ctx *ctx, xmlTextWriterPtr w, const char *name, const char *value,
                   folio_pos pos)
{
    int rc = check_text(ctx, value, pos);
    if (!rc && xmlTextWriterWriteAttribute(w, X(name), X(value)) < 0)
        rc = FOLIO_E_NOMEM;
    return rc;
}

/* Two runs written side by side as plain text would merge into one text
 * node. */
static int plain(const folio_run *r)
{
    return r->kind == FOLIO_RUN_TEXT && !r->style && !r->link && !r->is_symbol;
}

static int start(xmlTextWriterPtr w, const char *name, int *open)
{
    if (xmlTextWriterStartElement(w, X(name)) < 0)
        return FOLIO_E_NOMEM;
    (*open)++;
    return 0;
}

int folio_xml_run_start(folio_ctx *ctx, xmlTextWriterPtr w, const xml_run_names *nm,
                        const folio_run *r, const folio_run *prev, int *open)
{
    int rc = 0;
    *open = 0;
    if (r->is_symbol) {
        if ((rc = start(w, nm->symbol, open)))
            return rc;
        if ((r->link || nm->symbol_href_always) &&
            (rc = folio_xml_attr(ctx, w, "href", r->link ? r->link : "", r->pos)))
            return rc;
    } else if (r->link) {
        if ((rc = start(w, nm->link, open)) ||
            (rc = folio_xml_attr(ctx, w, "href", r->link, r->pos)))
            return rc;
    }
    const struct { unsigned bit; const char *name; } styles[] = {
        {FOLIO_STRONG, nm->strong}, {FOLIO_EMPH, nm->emph}, {FOLIO_SUPER, nm->sup}};
    for (size_t i = 0; i < 3; i++)
        if ((r->style & styles[i].bit) && (rc = start(w, styles[i].name, open)))
            return rc;
    if (r->style & ~(unsigned)(FOLIO_STRONG | FOLIO_EMPH | FOLIO_SUPER))
        return folio_error(ctx, FOLIO_E_INPUT, r->pos, "unknown run style bits 0x%X", r->style);
    switch (r->kind) {
    case FOLIO_RUN_TEXT: {
        const char *t = r->text ? r->text : "";
        if (!*open && (!*t || (prev && plain(prev))) && (rc = start(w, nm->span, open)))
            return rc;
        return *t ? folio_xml_text(ctx, w, t, r->pos) : 0;
    }
    case FOLIO_RUN_LINE_BREAK:
        return xmlTextWriterStartElement(w, X("br")) < 0 || xmlTextWriterEndElement(w) < 0
                   ? FOLIO_E_NOMEM
                   : 0;
    case FOLIO_RUN_NOTE_REF:
        return 0; /* the vocabulary's own */
    default:
        return folio_error(ctx, FOLIO_E_INPUT, r->pos, "unknown run kind %d", (int)r->kind);
    }
}

int folio_xml_run_end(xmlTextWriterPtr w, int open)
{
    while (open-- > 0)
        if (xmlTextWriterEndElement(w) < 0)
            return FOLIO_E_NOMEM;
    return 0;
}
