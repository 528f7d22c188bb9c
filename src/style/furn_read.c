/* Reading the furniture's measures: [masthead], [footer], [running-head],
 * each key first from the document class's override section. Every
 * measure is required: the house style is the only place they live. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/script.h"
#include "style/furn_internal.h"

static const char *sec_of(furn_rd *r, const char *sec, const char *key)
{
    return folio_style_class_sec(r->h, r->cls, sec, sec, key);
}

static void fail(furn_rd *r, const char *sec, const char *key, const char *what)
{
    if (r->rc)
        return;
    const char *s = sec_of(r, sec, key);
    int line = folio_house_line(r->h, s, key);
    const char *v = folio_house_get(r->h, s, key);
    if (!v)
        r->rc = folio_error(r->ctx, FOLIO_E_STYLE, (folio_pos){0, 0},
                            "%s: [%s] lacks `%s` (the page furniture needs it)", r->h->file,
                            sec, key);
    else
        r->rc = folio_error(r->ctx, FOLIO_E_STYLE, (folio_pos){line, 1},
                            "%s:%d: [%s] %s: %s: \"%s\"", r->h->file, line, s, key, what, v);
}

const char *folio_furn_str(furn_rd *r, const char *sec, const char *key)
{
    const char *v = folio_house_get(r->h, sec_of(r, sec, key), key);
    if (!v)
        fail(r, sec, key, "missing");
    return v;
}

int32_t folio_furn_len(furn_rd *r, const char *sec, const char *key)
{
    const char *v = folio_furn_str(r, sec, key);
    int32_t out = 0;
    if (v && folio_house_parse_length(v, &out))
        fail(r, sec, key, "not a length");
    return out;
}

int32_t folio_furn_pct(furn_rd *r, const char *sec, const char *key)
{
    const char *v = folio_furn_str(r, sec, key);
    if (!v)
        return 0;
    char *end;
    errno = 0;
    double d = strtod(v, &end);
    while (*end == ' ')
        end++;
    if (end == v || errno || strcmp(end, "%") || !(d > 0 && d <= 1000)) {
        fail(r, sec, key, "not a percentage");
        return 0;
    }
    return (int32_t)(d * 10 + 0.5);
}

static int parse_face(const char *s, size_t n, folio_face *out)
{
    static const char *names[] = {"regular", "bold", "italic", "bold-italic"};
    for (int i = 0; i < FOLIO_FACE_COUNT; i++)
        if (strlen(names[i]) == n && !strncmp(s, names[i], n)) {
            *out = (folio_face)i;
            return 0;
        }
    return -1;
}

folio_face folio_furn_face(furn_rd *r, const char *sec, const char *key)
{
    const char *v = folio_furn_str(r, sec, key);
    folio_face face = FOLIO_FACE_REGULAR;
    if (v && parse_face(v, strlen(v), &face))
        fail(r, sec, key, "not a face (regular, bold, italic, bold-italic)");
    return face;
}

folio_furn_font folio_furn_font_of(furn_rd *r, const char *sec, const char *key)
{
    folio_furn_font f = {FOLIO_FACE_REGULAR, 0};
    const char *v = folio_furn_str(r, sec, key);
    if (!v)
        return f;
    size_t n = strcspn(v, " ");
    const char *size = v + n;
    while (*size == ' ')
        size++;
    if (parse_face(v, n, &f.face) || folio_house_parse_length(size, &f.size) || f.size <= 0)
        fail(r, sec, key, "not \"FACE SIZE\" (e.g. \"bold 12pt\")");
    return f;
}

folio_side folio_furn_side(furn_rd *r, const char *sec, const char *key)
{
    const char *v = folio_furn_str(r, sec, key);
    if (!v)
        return FOLIO_SIDE_NONE;
    if (!strcmp(v, "left"))
        return FOLIO_SIDE_LEFT;
    if (!strcmp(v, "right"))
        return FOLIO_SIDE_RIGHT;
    fail(r, sec, key, "not left or right");
    return FOLIO_SIDE_NONE;
}

/* Is `word` one of the space-separated words of `list`? */
static int listed(const char *list, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = list; p && *p;) {
        while (*p == ' ')
            p++;
        size_t k = strcspn(p, " ");
        if (k == n && !strncmp(p, word, n))
            return 1;
        p += k;
    }
    return 0;
}

int folio_furn_has(furn_rd *r, const char *sec, const char *name)
{
    const char *all = folio_furn_str(r, sec, "elements");
    char over[128];
    snprintf(over, sizeof over, "class.%s.%s", r->cls ? r->cls : "", sec);
    return listed(all, name) && !listed(folio_house_get(r->h, over, "omit"), name);
}

folio_furn_text folio_furn_text_at(furn_rd *r, const char *text, folio_furn_font font,
                                   int32_t x, int32_t y)
{
    folio_furn_text t = {0};
    t.face = font.face;
    t.size = font.size;
    t.x = x;
    t.y = y;
    if (text && *text) {
        t.text = text;
        t.width = folio_text_width_set(r->fonts, r->fs, font.face, -1, font.size, text,
                                       strlen(text));
    }
    return t;
}
