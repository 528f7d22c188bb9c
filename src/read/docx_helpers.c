/* Small helpers over WordprocessingML trees: elements and attributes are
 * matched by local name (the w: namespace is the only one read). */
#include <stdlib.h>
#include <string.h>

#include "read/docx_internal.h"
#include "util/mem.h"

int folio_dxr_is(xmlNodePtr n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

xmlNodePtr folio_dxr_child(xmlNodePtr n, const char *name)
{
    for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
        if (folio_dxr_is(c, name))
            return c;
    return NULL;
}

static const char *raw_attr(xmlNodePtr n, const char *name)
{
    for (xmlAttrPtr a = n ? n->properties : NULL; a; a = a->next)
        if (!strcmp((const char *)a->name, name) && a->children &&
            a->children->type == XML_TEXT_NODE)
            return (const char *)a->children->content;
    return NULL;
}

const char *folio_dxr_val(xmlNodePtr n, const char *name)
{
    return raw_attr(n, name);
}

const char *folio_dxr_attr(folio_arena *a, xmlNodePtr n, const char *name)
{
    const char *v = raw_attr(n, name);
    return v ? folio_strdup(a, v) : NULL;
}

int folio_dxr_attr_int(xmlNodePtr n, const char *name, int dflt)
{
    const char *v = raw_attr(n, name);
    if (!v)
        return dflt;
    char *end;
    long x = strtol(v, &end, 10);
    if (end == v || *end || x < -2147483647L || x > 2147483647L)
        return dflt;
    return (int)x;
}

folio_pos folio_dxr_pos(xmlNodePtr n)
{
    long line = n ? xmlGetLineNo(n) : -1;
    return (folio_pos){line > 0 && line < 2147483647L ? (int)line : 0, 0};
}

int folio_dxr_buf_add(dxr_buf *b, const char *s, size_t n)
{
    if (n >= (size_t)-1 / 2 - b->n)
        return FOLIO_E_NOMEM;
    while (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        char *v = folio_realloc(b->v, cap);
        if (!v)
            return FOLIO_E_NOMEM;
        b->v = v;
        b->cap = cap;
    }
    memcpy(b->v + b->n, s, n);
    b->n += n;
    b->v[b->n] = 0;
    return 0;
}

char *folio_dxr_buf_done(folio_arena *a, dxr_buf *b, int ok)
{
    char *s = ok ? folio_strndup(a, b->v ? b->v : "", b->n) : NULL;
    free(b->v);
    memset(b, 0, sizeof *b);
    return s;
}

char *folio_dxr_plain(dxr *r, const folio_run *runs, size_t n)
{
    dxr_buf b = {0};
    int rc = 0;
    for (size_t i = 0; i < n && !rc; i++)
        if (runs[i].kind == FOLIO_RUN_TEXT && runs[i].text)
            rc = folio_dxr_buf_add(&b, runs[i].text, strlen(runs[i].text));
        else if (runs[i].kind == FOLIO_RUN_LINE_BREAK)
            rc = folio_dxr_buf_add(&b, " ", 1);
    return folio_dxr_buf_done(r->rep->arena, &b, !rc);
}
