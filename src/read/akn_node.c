/* The Akoma Ntoso reader's node helpers: names, places, warnings,
 * attributes, and the growing list of blocks. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read/akn_internal.h"
#include "util/mem.h"
#include "util/ctx.h"
#include "util/vec.h"

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

int folio_akn_unknown(akn *a, xmlNodePtr n, const char *what)
{
    const char *name = (const char *)n->name;
    for (size_t i = 0; i < a->nwarned; i++)
        if (!strcmp(a->warned[i], name))
            return 0;
    if (a->nwarnings >= AKN_MAX_WARNINGS) {
        a->nwarnings++;
        return 0;
    }
    const char **more = folio_realloc(a->warned, (a->nwarned + 1) * sizeof *more);
    if (!more)
        return 0; /* warned twice at worst */
    a->warned = more;
    a->warned[a->nwarned++] = name; /* owned by the tree, which outlives a */
    folio_akn_warn(a, n, "akn: <%s%s%s> is not understood; %s",
               n->ns && n->ns->prefix && !folio_akn_name(a, n) ? (const char *)n->ns->prefix
                                                                : "",
               n->ns && n->ns->prefix && !folio_akn_name(a, n) ? ":" : "", name, what);
    return 1;
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

int folio_akn_attr_has(xmlNodePtr n, const char *name, const char *word)
{
    xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
    size_t k = strlen(word);
    int hit = 0;
    for (const char *s = (const char *)v; s && *s && !hit;) {
        while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
            s++;
        size_t m = strcspn(s, " \t\n\r");
        hit = m == k && !memcmp(s, word, k);
        s += m;
    }
    xmlFree(v);
    return hit;
}

folio_block *folio_akn_add(akn *a, akn_blocks *o, folio_block_kind kind, folio_pos pos)
{
    if (FOLIO_ARENA_VEC_ROOM(a->rep->arena, o->v, o->n, o->cap, 16))
        return NULL;
    folio_block *b = &o->v[o->n++];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    b->pos = pos;
    return b;
}

int folio_akn_listed(const char *const *list, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(list[i], name))
            return 1;
    return 0;
}
