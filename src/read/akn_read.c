/* The report model from an Akoma Ntoso tree (docs/akn.md): the document
 * element's parts in order (meta, coverPage/preface, the bodies,
 * attachments), and the helpers every part of the reader shares. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read/akn_internal.h"
#include "read/xml_internal.h"
#include "util/mem.h"
#include "util/ctx.h"

int folio_akn_is(const akn *a, xmlNodePtr n, const char *name)
{
    const char *local = folio_akn_name(a, n);
    return local && !strcmp(local, name);
}

const char *folio_akn_name(const akn *a, xmlNodePtr n)
{
    if (!n || n->type != XML_ELEMENT_NODE)
        return NULL;
    const xmlChar *ns = n->ns ? n->ns->href : NULL;
    if (ns != a->ns && (!ns || !a->ns || strcmp((const char *)ns, (const char *)a->ns)))
        return NULL;
    return (const char *)n->name;
}

/* The column: where "<name" (with its prefix) starts on the element's line.
 * libxml2 keeps no columns; the first such tag on the line is taken. */
static int column(const akn *a, xmlNodePtr n, int line)
{
    const char *p = a->data, *end = a->data + a->len;
    for (int l = 1; l < line && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            return 0;
        p = nl + 1;
    }
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    eol = eol ? eol : end;
    const char *prefix = n->ns && n->ns->prefix ? (const char *)n->ns->prefix : NULL;
    size_t plen = prefix ? strlen(prefix) : 0, nlen = strlen((const char *)n->name);
    for (const char *s = p; s < eol; s++) {
        if (*s != '<')
            continue;
        const char *t = s + 1;
        if (prefix) {
            if ((size_t)(eol - t) <= plen || memcmp(t, prefix, plen) || t[plen] != ':')
                continue;
            t += plen + 1;
        }
        if ((size_t)(eol - t) < nlen || memcmp(t, n->name, nlen))
            continue;
        t += nlen;
        if (t == eol || *t == ' ' || *t == '\t' || *t == '\r' || *t == '>' || *t == '/')
            return (int)(s - p) + 1; /* bytes, as libxml2's own columns */
    }
    return 0;
}

folio_pos folio_akn_where(const akn *a, xmlNodePtr n)
{
    long line = n ? xmlGetLineNo(n) : -1;
    if (line <= 0 || line > 0x7FFFFFFF)
        return (folio_pos){0, 0};
    return (folio_pos){(int)line, n->type == XML_ELEMENT_NODE ? column(a, n, (int)line) : 0};
}

folio_pos folio_akn_line(xmlNodePtr n)
{
    long line = n ? xmlGetLineNo(n) : -1;
    return (folio_pos){line > 0 && line < 0x7FFFFFFF ? (int)line : 0, 0};
}

void folio_akn_warn(akn *a, xmlNodePtr n, const char *fmt, ...)
{
    if (++a->nwarnings > AKN_MAX_WARNINGS)
        return;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    folio_warn(a->ctx, folio_akn_where(a, n), "%s", msg);
}

void folio_akn_unknown(akn *a, xmlNodePtr n, const char *what)
{
    const char *name = (const char *)n->name;
    for (size_t i = 0; i < a->nwarned; i++)
        if (!strcmp(a->warned[i], name))
            return;
    if (a->nwarnings >= AKN_MAX_WARNINGS) {
        a->nwarnings++;
        return;
    }
    const char **more = folio_realloc(a->warned, (a->nwarned + 1) * sizeof *more);
    if (!more)
        return; /* warned twice at worst */
    a->warned = more;
    a->warned[a->nwarned++] = name; /* owned by the tree, which outlives a */
    folio_akn_warn(a, n, "akn: <%s%s%s> is not understood; %s",
               n->ns && n->ns->prefix && !folio_akn_name(a, n) ? (const char *)n->ns->prefix
                                                                : "",
               n->ns && n->ns->prefix && !folio_akn_name(a, n) ? ":" : "", name, what);
}

int folio_akn_attr(akn *a, xmlNodePtr n, const char *name, const char **out)
{
    *out = NULL;
    xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
    if (!v)
        return 0;
    *out = folio_strdup(a->rep->arena, (const char *)v);
    xmlFree(v);
    return *out ? 0 : FOLIO_E_NOMEM;
}

int folio_akn_too_deep(akn *a, xmlNodePtr n)
{
    return folio_error(a->ctx, FOLIO_E_LIMIT, folio_akn_where(a, n),
                       "akn: <%s>: nesting deeper than %d", (const char *)n->name, a->max_depth);
}

static int is_body(const char *name)
{
    static const char *const bodies[] = {"mainBody",      "body",          "debateBody",
                                         "judgmentBody",  "collectionBody", "portionBody",
                                         "amendmentBody", "preamble",      "conclusions",
                                         "components"};
    for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++)
        if (!strcmp(name, bodies[i]))
            return 1;
    return 0;
}

/* The parts of the document element, in document order. */
static int document(akn *a, xmlNodePtr d, akn_blocks *out)
{
    int rc = 0;
    for (xmlNodePtr c = d->children; c && !rc; c = c->next) {
        const char *name = folio_akn_name(a, c);
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (!name) {
            folio_akn_unknown(a, c, "it is left out");
        } else if (!strcmp(name, "meta")) {
            rc = folio_akn_meta(a, c);
        } else if (!strcmp(name, "coverPage") || !strcmp(name, "preface")) {
            rc = folio_akn_masthead(a, c, 3);
        } else if (is_body(name)) {
            rc = folio_akn_body(a, c, 3, out);
        } else if (!strcmp(name, "attachments")) {
            for (xmlNodePtr t = c->children; t && !rc; t = t->next) {
                if (t->type != XML_ELEMENT_NODE)
                    continue;
                /* <attachment><doc>, or the document straight in <attachments> */
                xmlNodePtr doc = t;
                if (folio_akn_is(a, t, "attachment")) {
                    doc = NULL;
                    for (xmlNodePtr u = t->children; u && !doc; u = u->next)
                        if (folio_akn_name(a, u))
                            doc = u;
                }
                if (doc)
                    rc = folio_akn_attachment(a, doc, 5, out);
            }
        } else {
            folio_akn_unknown(a, c, "its text is kept");
            rc = folio_akn_body(a, c, 3, out);
        }
    }
    return rc;
}

int folio_akn_build(folio_ctx *ctx, const folio_house *house, xmlDocPtr doc,
                    const char *data, size_t len, int max_depth, folio_report *rep)
{
    xmlNodePtr root = xmlDocGetRootElement(doc), d = NULL;
    akn a = {.ctx = ctx, .house = house, .rep = rep, .data = data, .len = len,
             .max_depth = max_depth};
    akn_blocks blocks = {0};
    int rc = 0;
    a.ns = root->ns ? root->ns->href : NULL;
    for (xmlNodePtr c = root->children; c && !d; c = c->next)
        if (folio_akn_name(&a, c))
            d = c;
    if (!d) {
        rc = folio_error(ctx, FOLIO_E_INPUT, folio_akn_where(&a, root),
                         "akn: <akomaNtoso> holds no document (debateReport, doc, ...)");
        goto done;
    }
    rep->meta.pos = folio_akn_where(&a, d);
    if ((rc = folio_akn_index_notes(&a, d)) || (rc = document(&a, d, &blocks)) ||
        (rc = folio_akn_rest_notes(&a)))
        goto done;
    rep->blocks = blocks.v;
    rep->nblocks = blocks.n;
done:
    if (!rc && a.nwarnings > AKN_MAX_WARNINGS)
        folio_warn(ctx, (folio_pos){0, 0}, "akn: %d more warnings not shown",
                   a.nwarnings - AKN_MAX_WARNINGS);
    if (rc == FOLIO_E_NOMEM && !ctx->nerrors)
        folio_error(ctx, rc, (folio_pos){0, 0}, "out of memory");
    free(a.notes);
    free(a.by_eid);
    free(a.ids);
    free(a.warned);
    return rc;
}
