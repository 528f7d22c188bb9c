/* Shared helpers of the DOCX writer: XML parts in memory with a sticky
 * error, cleaned text, relationships and the list of package entries. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docx/docx_xml.h"
#include "util/text.h"
#include "util/mem.h"
#include "util/vec.h"

int folio_dx_xml_begin(dx_doc *d, dx_xml *x)
{
    memset(x, 0, sizeof *x);
    x->doc = d;
    x->buf = xmlBufferCreate();
    if (!x->buf)
        return FOLIO_E_NOMEM;
    x->w = xmlNewTextWriterMemory(x->buf, 0);
    if (!x->w) {
        xmlBufferFree(x->buf);
        x->buf = NULL;
        return FOLIO_E_NOMEM;
    }
    dx_check(x, xmlTextWriterStartDocument(x->w, "1.0", "UTF-8", "yes"));
    return 0;
}

void folio_dx_root(dx_xml *x, const char *name)
{
    dx_start(x, name);
    dx_attr(x, "xmlns:w", DX_NS_W);
    dx_attr(x, "xmlns:r", DX_NS_R);
    dx_attr(x, "xmlns:wp", DX_NS_WP);
    dx_attr(x, "xmlns:a", DX_NS_A);
    dx_attr(x, "xmlns:pic", DX_NS_PIC);
}

void folio_dx_xml_drop(dx_xml *x)
{
    if (x->w)
        xmlFreeTextWriter(x->w);
    if (x->buf)
        xmlBufferFree(x->buf);
    x->w = NULL;
    x->buf = NULL;
}

static unsigned char *buffer_copy(xmlBufferPtr buf, size_t *len)
{
    size_t n = (size_t)xmlBufferLength(buf);
    unsigned char *p = folio_malloc(n ? n : 1);
    if (p)
        memcpy(p, xmlBufferContent(buf), n);
    *len = n;
    return p;
}

/* "word/header1.xml" -> "word/_rels/header1.xml.rels" */
static char *rels_name(folio_arena *a, const char *part)
{
    const char *slash = strrchr(part, '/');
    if (!slash)
        return folio_sprintf(a, "_rels/%s.rels", part);
    return folio_sprintf(a, "%.*s/_rels/%s.rels", (int)(slash - part), part,
                         slash + 1);
}

static int write_rels(dx_doc *d, const dx_rels *rels, const char *name)
{
    dx_xml x;
    int rc = folio_dx_xml_begin(d, &x);
    if (rc < 0)
        return rc;
    dx_start(&x, "Relationships");
    dx_attr(&x, "xmlns", DX_NS_PKG_REL);
    for (size_t i = 0; i < rels->n; i++) {
        dx_start(&x, "Relationship");
        dx_attr(&x, "Id", rels->v[i].id);
        dx_attr(&x, "Type", rels->v[i].type);
        folio_dx_attr_text(&x, "Target", rels->v[i].target);
        if (rels->v[i].external)
            dx_attr(&x, "TargetMode", "External");
        dx_end(&x);
    }
    dx_end(&x);
    return folio_dx_xml_finish(&x, name, NULL);
}

int folio_dx_xml_finish(dx_xml *x, const char *name, const char *ctype)
{
    dx_doc *d = x->doc;
    int rc = 0;
    if (!x->err)
        dx_check(x, xmlTextWriterEndDocument(x->w));
    xmlFreeTextWriter(x->w); /* flushes into the buffer */
    x->w = NULL;
    if (x->err) {
        rc = folio_error(d->ctx, FOLIO_E_DOCX, (folio_pos){0, 0},
                         "cannot write %s: out of memory or XML writer "
                         "failure", name);
        goto done;
    }
    size_t len;
    unsigned char *data = buffer_copy(x->buf, &len);
    if (!data) {
        rc = FOLIO_E_NOMEM;
        goto done;
    }
    rc = folio_dx_add_part(d, name, ctype, data, len, 0);
    if (rc < 0)
        goto done;
    if (x->rels.n) {
        char *rn = rels_name(d->arena, name);
        if (!rn) {
            rc = FOLIO_E_NOMEM;
            goto done;
        }
        rc = write_rels(d, &x->rels, rn);
    }
done:
    folio_dx_xml_drop(x);
    return rc;
}

void folio_dx_attr_int(dx_xml *x, const char *name, long long v)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%lld", v);
    dx_attr(x, name, buf);
}

static int is_clean(const char *s, size_t len);

void folio_dx_attr_text(dx_xml *x, const char *name, const char *value)
{
    if (x->err)
        return;
    if (!value)
        value = "";
    size_t len = strlen(value);
    if (is_clean(value, len)) { /* the usual case: no copy */
        dx_attr(x, name, value);
        return;
    }
    char *c = folio_dx_clean(x->doc->arena, value, len);
    if (!c) {
        x->err = 1;
        return;
    }
    dx_attr(x, name, c);
}

void folio_dx_val(dx_xml *x, const char *name, const char *value)
{
    dx_start(x, name);
    folio_dx_attr_text(x, "w:val", value); /* style ids come from input */
    dx_end(x);
}

void folio_dx_val_int(dx_xml *x, const char *name, long long v)
{
    dx_start(x, name);
    folio_dx_attr_int(x, "w:val", v);
    dx_end(x);
}

void folio_dx_empty(dx_xml *x, const char *name)
{
    dx_start(x, name);
    dx_end(x);
}

/* Characters XML 1.0 can hold and a document should: no C0/C1 controls
 * other than tab and line feed, no non-characters U+FFFE/U+FFFF. */
static int xml_ok(uint32_t cp)
{
    if (cp == '\t' || cp == '\n')
        return 1;
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
        return 0;
    if (cp == 0xFFFE || cp == 0xFFFF)
        return 0;
    return 1;
}

static int is_clean(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = folio_utf8_decode(p + i, len - i, &cp);
        if (n == 0 || !xml_ok(cp))
            return 0;
        i += n;
    }
    return 1;
}

/* Copy the characters XML can hold from s into out (room for len + 1). */
static void clean_into(char *out, const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = folio_utf8_decode(p + i, len - i, &cp);
        if (n == 0) { /* invalid byte: drop it */
            i++;
            continue;
        }
        if (xml_ok(cp)) {
            memcpy(out + o, p + i, n);
            o += n;
        }
        i += n;
    }
    out[o] = 0;
}

char *folio_dx_clean(folio_arena *a, const char *s, size_t len)
{
    char *out = folio_alloc(a, len + 1);
    if (out)
        clean_into(out, s, len);
    return out;
}

void folio_dx_chars(dx_xml *x, const char *text, size_t len)
{
    if (x->err || len == 0)
        return;
    if (len > INT_MAX) {
        x->err = 1;
        return;
    }
    if (is_clean(text, len)) { /* most text: no copy */
        dx_check(x, xmlTextWriterWriteFormatString(x->w, "%.*s", (int)len,
                                                   text));
        return;
    }
    char *c = folio_malloc(len + 1);
    if (!c) {
        x->err = 1;
        return;
    }
    clean_into(c, text, len);
    dx_check(x, xmlTextWriterWriteString(x->w, (const xmlChar *)c));
    free(c);
}

void folio_dx_text_elem(dx_xml *x, const char *name, const char *text)
{
    dx_start(x, name);
    if (text)
        folio_dx_chars(x, text, strlen(text));
    dx_end(x);
}

int folio_dx_add_part(dx_doc *d, const char *name, const char *ctype,
                      unsigned char *data, size_t len, int stored)
{
    if (FOLIO_ARENA_VEC_ROOM(d->arena, d->parts, d->nparts, d->cap, 32)) {
        free(data);
        return FOLIO_E_NOMEM;
    }
    char *n = folio_strdup(d->arena, name);
    if (!n) {
        free(data);
        return FOLIO_E_NOMEM;
    }
    d->parts[d->nparts++] = (dx_part){n, ctype, data, len, stored};
    return 0;
}

static dx_rel *rel_push(dx_xml *x)
{
    dx_rels *r = &x->rels;
    if (FOLIO_ARENA_VEC_ROOM(x->doc->arena, r->v, r->n, r->cap, 16))
        return NULL;
    return &r->v[r->n++];
}

/* An external target as a URI Word accepts: spaces, quotes, controls and
 * non-ASCII bytes percent-encoded (a link typed in a report may hold
 * them). */
static char *uri_escape(folio_arena *a, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t n = strlen(s);
    char *out = folio_alloc(a, n * 3 + 1), *o = out;
    if (!out)
        return NULL;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p > 0x20 && *p < 0x7F && !strchr("\"<>\\^`{|}", *p)) {
            *o++ = (char)*p;
        } else {
            *o++ = '%';
            *o++ = hex[*p >> 4];
            *o++ = hex[*p & 15];
        }
    }
    *o = 0;
    return out;
}

const char *folio_dx_rel(dx_xml *x, const char *type, const char *target,
                         int external)
{
    dx_rels *r = &x->rels;
    if (external && !(target = uri_escape(x->doc->arena, target))) {
        x->err = 1;
        return NULL;
    }
    /* One relationship per external target: repeated links share it. */
    if (external)
        for (size_t i = 0; i < r->n; i++)
            if (r->v[i].external && !strcmp(r->v[i].target, target))
                return r->v[i].id;
    char *id = folio_sprintf(x->doc->arena, "rId%zu", r->n + 1);
    char *t = folio_strdup(x->doc->arena, target);
    dx_rel *rel = id && t ? rel_push(x) : NULL;
    if (!rel) {
        x->err = 1;
        return NULL;
    }
    *rel = (dx_rel){id, type, t, external};
    return id;
}

int folio_dx_rel_fixed(dx_xml *x, const char *id, const char *type,
                       const char *target)
{
    char *i = folio_strdup(x->doc->arena, id);
    char *t = folio_strdup(x->doc->arena, target);
    dx_rel *rel = i && t ? rel_push(x) : NULL;
    if (!rel)
        return FOLIO_E_NOMEM;
    *rel = (dx_rel){i, type, t, 0};
    return 0;
}
