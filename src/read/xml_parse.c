/* Secure parsing of XML input (report XML and Akoma Ntoso), and the
 * validation of report XML against the built-in RELAX NG schema.
 *
 * Hostile input is expected: no network (XML_PARSE_NONET), entities are
 * never substituted (no XML_PARSE_NOENT), no huge mode (libxml2 keeps its
 * limits, among them a nesting depth of 256), external entities cannot be
 * loaded (a refusing loader), and a DOCTYPE stops the parser the moment it
 * is seen, before any declaration in it is read: neither report XML nor
 * Akoma Ntoso has a DTD, so entity expansion attacks never start. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>

#include "read/xml_internal.h"
#include "model/xml_names.h"
#include "read/akn_internal.h"
#include "util/mem.h"

enum { MAX_REPORTED = 20 }; /* errors reported per document; the rest are counted */

typedef struct errs {
    folio_ctx *ctx;
    int count;
    int doctype;  /* a DOCTYPE stopped the parser */
} errs;

static xmlParserInputPtr refuse_entity(const char *url, const char *id, xmlParserCtxtPtr p)
{
    (void)url;
    (void)id;
    (void)p;
    return NULL; /* report XML never loads anything from outside */
}

/* Once per process, before any thread of `folio batch` parses: libxml2's
 * own initialisation and that of the RELAX NG types are not thread-safe. */
static void init_once(void)
{
    xmlInitParser();
    xmlRelaxNGInitTypes();
    xmlSetExternalEntityLoader(refuse_entity);
}

/* Every libxml2 error as file:line:col: [<element>: ]message. */
static void on_error(void *data, xmlErrorPtr e)
{
    errs *s = data;
    if (!e || e->level == XML_ERR_NONE || s->doctype)
        return;
    if (e->level == XML_ERR_WARNING) {
        return; /* libxml2 warnings (e.g. namespace URIs) say nothing folio needs */
    }
    if (++s->count > MAX_REPORTED)
        return;
    folio_pos pos = {e->line > 0 ? e->line : 0, e->int2 > 0 ? e->int2 : 0};
    const char *element = NULL, *in = "";
    xmlNodePtr node = e->node;
    if (node && node->type != XML_ELEMENT_NODE && node->parent &&
        node->parent->type == XML_ELEMENT_NODE)
        node = node->parent;
    if (node && node->type == XML_ELEMENT_NODE) {
        element = (const char *)node->name;
        long line = xmlGetLineNo(node);
        if (line > 0)
            pos.line = (int)line;
    } else if (!node && e->domain == XML_FROM_PARSER && e->ctxt) {
        /* a parse error: the element being read, at the error's own place */
        xmlNodePtr open = ((xmlParserCtxtPtr)e->ctxt)->node;
        if (open && open->type == XML_ELEMENT_NODE) {
            element = (const char *)open->name;
            in = "in ";
        }
    }
    const char *msg = e->message ? e->message : "malformed XML";
    if (strstr(msg, "Excessive depth")) /* libxml2 suggests an option folio never sets */
        msg = "elements nested deeper than 256 levels (the limit)";
    int n = (int)strlen(msg);
    while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
        n--;
    if (element)
        folio_error(s->ctx, FOLIO_E_INPUT, pos, "%s<%s>: %.*s", in, element, n, msg);
    else
        folio_error(s->ctx, FOLIO_E_INPUT, pos, "%.*s", n, msg);
}

/* SAX: the DOCTYPE's name and IDs are read; its internal subset is not. */
static void on_doctype(void *user, const xmlChar *name, const xmlChar *ext, const xmlChar *sys)
{
    (void)ext;
    (void)sys;
    xmlParserCtxtPtr p = user;
    errs *s = p->_private;
    folio_pos pos = {p->input ? p->input->line : 0, p->input ? p->input->col : 0};
    if (!s->doctype)
        folio_error(s->ctx, FOLIO_E_INPUT, pos,
                    "<!DOCTYPE %s>: a DOCTYPE is not allowed in folio's XML input "
                    "(no DTD, no entities)", name ? (const char *)name : "");
    s->doctype = 1;
    xmlStopParser(p);
}

int folio_xml_validate(folio_ctx *ctx, xmlDocPtr doc)
{
    errs st = {ctx, 0, 0}, *s = &st;
    int rc = 0;
    xmlStructuredErrorFunc old_handler = xmlStructuredError;
    void *old_data = xmlStructuredErrorContext;
    xmlSetStructuredErrorFunc(s, on_error); /* the schema's own errors too */
    xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewMemParserCtxt(
        folio_builtin_report_rng, (int)strlen(folio_builtin_report_rng));
    xmlRelaxNGPtr schema = pc ? xmlRelaxNGParse(pc) : NULL;
    xmlRelaxNGValidCtxtPtr vc = schema ? xmlRelaxNGNewValidCtxt(schema) : NULL;
    if (!vc) {
        rc = folio_error(s->ctx, FOLIO_E_INPUT, (folio_pos){0, 0},
                         "the built-in report XML schema does not compile");
        goto done;
    }
    xmlRelaxNGSetValidStructuredErrors(vc, on_error, s);
    /* libxml2 2.9.14 crashes when an allocation fails while it validates
     * (xmlRegNewExecCtxt): the allocation-failure test leaves it alone */
    folio_mem_unhook(1);
    int v = xmlRelaxNGValidateDoc(vc, doc);
    folio_mem_unhook(0);
    if (v != 0) {
        if (!s->count)
            folio_error(s->ctx, FOLIO_E_INPUT, (folio_pos){0, 0},
                        "the document does not follow the report XML schema");
        rc = FOLIO_E_INPUT;
    }
done:
    if (s->count > MAX_REPORTED)
        folio_error(ctx, FOLIO_E_INPUT, (folio_pos){0, 0}, "%d more errors not shown",
                    s->count - MAX_REPORTED);
    xmlRelaxNGFreeValidCtxt(vc);
    xmlRelaxNGFree(schema);
    xmlRelaxNGFreeParserCtxt(pc);
    xmlSetStructuredErrorFunc(old_data, old_handler);
    return rc;
}

/* libxml2 checks an element's attributes against each other: quadratic
 * in their number (150,000 on one element took 31 s). No element of report
 * XML or Akoma Ntoso needs many: count them before parsing, skipping
 * comments, CDATA sections, processing instructions and quoted values. */
#define MAX_ATTRIBUTES 256

/* Does s[0..n) start with `lit`? The input need not end in a NUL. */
static int starts(const char *s, size_t n, const char *lit)
{
    size_t k = strlen(lit);
    return n >= k && !memcmp(s, lit, k);
}

static int attribute_guard(folio_ctx *ctx, const char *s, size_t len)
{
    int line = 1, col = 1, tag_line = 0, tag_col = 0;
    size_t attrs = 0;
    char quote = 0;
    int in_tag = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (!in_tag && c == '<') {
            const char *skip = starts(s + i, len - i, "<!--")        ? "-->"
                               : starts(s + i, len - i, "<![CDATA[") ? "]]>"
                               : starts(s + i, len - i, "<?")        ? "?>"
                                                                     : NULL;
            if (skip) {
                const char *e = NULL;
                for (size_t k = i + 2; k + strlen(skip) <= len && !e; k++)
                    if (!memcmp(s + k, skip, strlen(skip)))
                        e = s + k;
                size_t to = e ? (size_t)(e - s) + strlen(skip) : len;
                for (; i < to; i++)
                    if (s[i] == '\n')
                        line++, col = 1;
                    else
                        col++;
                i--;
                continue;
            }
            in_tag = 1;
            attrs = 0;
            tag_line = line;
            tag_col = col;
        } else if (in_tag && quote) {
            if (c == quote)
                quote = 0;
        } else if (in_tag && (c == '"' || c == '\'')) {
            quote = c;
        } else if (in_tag && c == '=') {
            if (++attrs > MAX_ATTRIBUTES)
                return folio_error(ctx, FOLIO_E_LIMIT, (folio_pos){tag_line, tag_col},
                                   "an element with more than %d attributes", MAX_ATTRIBUTES);
        } else if (in_tag && c == '>') {
            in_tag = 0;
        }
        if (c == '\n')
            line++, col = 1;
        else
            col++;
    }
    return 0;
}

int folio_xml_parse(folio_ctx *ctx, const char *data, size_t len, xmlDocPtr *out)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    errs s = {ctx, 0, 0};
    xmlDocPtr doc = NULL;
    xmlParserCtxtPtr p = NULL;
    int rc = 0;
    *out = NULL;
    if (len > (size_t)0x7FFFFFFF)
        return folio_error(ctx, FOLIO_E_LIMIT, (folio_pos){0, 0}, "input too large for XML");
    if ((rc = attribute_guard(ctx, data, len)))
        return rc;
    pthread_once(&once, init_once);
    xmlStructuredErrorFunc old_handler = xmlStructuredError;
    void *old_data = xmlStructuredErrorContext;
    xmlSetStructuredErrorFunc(&s, on_error); /* per thread in libxml2 */
    if (!(p = xmlNewParserCtxt())) {
        rc = FOLIO_E_NOMEM;
        goto done;
    }
    p->_private = &s;
    p->sax->internalSubset = on_doctype;
    doc = xmlCtxtReadMemory(p, data, (int)len, NULL, NULL,
                            XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES);
    if (s.doctype || s.count || !doc || !p->wellFormed) {
        if (!s.doctype && !s.count)
            folio_error(ctx, FOLIO_E_INPUT, (folio_pos){0, 0}, "malformed XML");
        rc = FOLIO_E_INPUT;
        goto done;
    }
    *out = doc;
    doc = NULL;
done:
    if (s.count > MAX_REPORTED)
        folio_error(ctx, FOLIO_E_INPUT, (folio_pos){0, 0}, "%d more errors not shown",
                    s.count - MAX_REPORTED);
    xmlSetStructuredErrorFunc(old_data, old_handler);
    xmlFreeDoc(doc);
    xmlFreeParserCtxt(p);
    return rc;
}

int folio_xml_is_akn(xmlDocPtr doc)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (!root || strcmp((const char *)root->name, "akomaNtoso"))
        return 0;
    return !root->ns || !root->ns->href ||
           !strcmp((const char *)root->ns->href, FOLIO_AKN_NS);
}
