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
