/* numbering.xml and the numbers Word shows.
 *
 * A paragraph in a list shows what its level's w:lvlText says, %N
 * standing for level N's count in N's format. The counts follow Word:
 * they belong to the list definition (w:abstractNum), shared by every
 * w:num of it; a w:num's w:startOverride sets its level's count the first
 * time that w:num is used; a level restarts after any higher level (or
 * after the level its w:lvlRestart names; 0: never). folio's writer
 * overrides every level where it restarts, so LibreOffice, which counts
 * per w:num, shows the same numbers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read/docx_internal.h"
#include "util/vec.h"

enum { MAX_START = 32767, /* Word's own bound on a start value */
       MAX_LETTERS = 64 };

static dxr_fmt fmt_of(const char *v)
{
    if (!v)
        return DXR_DECIMAL;
    if (!strcmp(v, "upperRoman"))
        return DXR_UPPER_ROMAN;
    if (!strcmp(v, "lowerRoman"))
        return DXR_LOWER_ROMAN;
    if (!strcmp(v, "upperLetter"))
        return DXR_UPPER_LETTER;
    if (!strcmp(v, "lowerLetter"))
        return DXR_LOWER_LETTER;
    if (!strcmp(v, "bullet"))
        return DXR_BULLET_FMT;
    if (!strcmp(v, "none"))
        return DXR_NONE_FMT;
    return DXR_DECIMAL; /* decimal and the formats folio does not write */
}

static int bad(folio_ctx *ctx, xmlNodePtr n, const char *what, int v)
{
    return folio_error(ctx, FOLIO_E_INPUT, folio_dxr_pos(n), "<w:%s>: %s %d out of range",
                       (const char *)n->name, what, v);
}

static int level_index(folio_ctx *ctx, xmlNodePtr n, int *out)
{
    int i = folio_dxr_attr_int(n, "ilvl", -1);
    if (i < 0 || i >= DXR_LEVELS)
        return bad(ctx, n, "level", i);
    *out = i;
    return 0;
}

static int start_value(folio_ctx *ctx, xmlNodePtr n, int *out)
{
    int v = folio_dxr_attr_int(n, "val", 1);
    if (v < 0 || v > MAX_START)
        return bad(ctx, n, "start", v);
    *out = v;
    return 0;
}

static int abstract(folio_ctx *ctx, folio_arena *a, xmlNodePtr c, dxr_numbering *nb)
{
    if (FOLIO_ARENA_VEC_ROOM(a, nb->abs, nb->nabs, nb->abs_cap, 8))
        return FOLIO_E_NOMEM;
    dxr_abstract *d = &nb->abs[nb->nabs++];
    memset(d, 0, sizeof *d);
    d->id = folio_dxr_attr_int(c, "abstractNumId", -1);
    for (int l = 0; l < DXR_LEVELS; l++)
        d->lvl[l] = (dxr_level){1, DXR_DECIMAL, NULL, NULL, -1};
    for (xmlNodePtr v = c->children; v; v = v->next) {
        if (!folio_dxr_is(v, "lvl"))
            continue;
        int l = 0, rc = level_index(ctx, v, &l);
        dxr_level *lv = &d->lvl[l];
        xmlNodePtr s = folio_dxr_child(v, "start");
        if (rc || (s && (rc = start_value(ctx, s, &lv->start))))
            return rc;
        lv->fmt = fmt_of(folio_dxr_attr(a, folio_dxr_child(v, "numFmt"), "val"));
        lv->text = folio_dxr_attr(a, folio_dxr_child(v, "lvlText"), "val");
        lv->pstyle = folio_dxr_attr(a, folio_dxr_child(v, "pStyle"), "val");
        lv->restart = folio_dxr_attr_int(folio_dxr_child(v, "lvlRestart"), "val", -1);
    }
    return 0;
}

/* Definitions and instances sorted by id, looked up by halves. */
static int by_abs_id(const void *a, const void *b)
{
    int x = ((const dxr_abstract *)a)->id, y = ((const dxr_abstract *)b)->id;
    return (x > y) - (x < y);
}

static int by_num_id(const void *a, const void *b)
{
    int x = ((const dxr_num *)a)->id, y = ((const dxr_num *)b)->id;
    return (x > y) - (x < y);
}

static int num(folio_ctx *ctx, folio_arena *a, xmlNodePtr c, dxr_numbering *nb)
{
    int abs_id = folio_dxr_attr_int(folio_dxr_child(c, "abstractNumId"), "val", -1);
    dxr_abstract key = {0};
    key.id = abs_id;
    const dxr_abstract *hit =
        nb->nabs ? bsearch(&key, nb->abs, nb->nabs, sizeof *nb->abs, by_abs_id) : NULL;
    size_t k = hit ? (size_t)(hit - nb->abs) : nb->nabs;
    if (k == nb->nabs) {
        folio_warn(ctx, folio_dxr_pos(c), "<w:num>: list definition %d does not exist", abs_id);
        return 0;
    }
    if (FOLIO_ARENA_VEC_ROOM(a, nb->num, nb->nnum, nb->num_cap, 8))
        return FOLIO_E_NOMEM;
    dxr_num *n = &nb->num[nb->nnum++];
    memset(n, 0, sizeof *n);
    n->id = folio_dxr_attr_int(c, "numId", -1);
    n->abs = k;
    for (int l = 0; l < DXR_LEVELS; l++)
        n->over[l] = -1;
    for (xmlNodePtr o = c->children; o; o = o->next) {
        if (!folio_dxr_is(o, "lvlOverride"))
            continue;
        int l = 0, rc = level_index(ctx, o, &l);
        xmlNodePtr s = folio_dxr_child(o, "startOverride");
        if (rc || (s && (rc = start_value(ctx, s, &n->over[l]))))
            return rc;
    }
    return 0;
}

int folio_dxr_numbering(folio_ctx *ctx, folio_arena *a, xmlDocPtr doc, dxr_numbering *out)
{
    xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
    int rc = 0;
    for (xmlNodePtr c = root ? root->children : NULL; c && !rc; c = c->next)
        if (folio_dxr_is(c, "abstractNum"))
            rc = abstract(ctx, a, c, out);
    if (out->nabs)
        qsort(out->abs, out->nabs, sizeof *out->abs, by_abs_id);
    for (xmlNodePtr c = root ? root->children : NULL; c && !rc; c = c->next)
        if (folio_dxr_is(c, "num"))
            rc = num(ctx, a, c, out);
    if (out->nnum)
        qsort(out->num, out->nnum, sizeof *out->num, by_num_id);
    return rc;
}

static dxr_num *find(dxr_numbering *nb, int num_id)
{
    dxr_num key = {0};
    key.id = num_id;
    return num_id > 0 && nb->nnum ? bsearch(&key, nb->num, nb->nnum, sizeof *nb->num, by_num_id)
                                  : NULL;
}

int folio_dxr_style_level(const dxr_numbering *nb, int num_id, const char *style_id)
{
    const dxr_num *n = find((dxr_numbering *)nb, num_id);
    if (!n || !style_id)
        return -1;
    const dxr_abstract *d = &nb->abs[n->abs];
    for (int l = 0; l < DXR_LEVELS; l++)
        if (d->lvl[l].pstyle && !strcmp(d->lvl[l].pstyle, style_id))
            return l;
    return -1;
}

/* One count in a format; roman numerals up to 3999, letters repeated
 * past z as Word does (aa, bb), up to a bound; decimal beyond. */
static int format(char *buf, size_t size, int v, dxr_fmt f)
{
    static const char *const r[] = {"m", "cm", "d", "cd", "c", "xc", "l", "xl",
                                    "x", "ix", "v", "iv", "i"};
    static const int rv[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
    size_t o = 0;
    if ((f == DXR_UPPER_ROMAN || f == DXR_LOWER_ROMAN) && v > 0 && v < 4000) {
        for (int i = 0; i < 13; i++)
            for (; v >= rv[i]; v -= rv[i])
                for (const char *p = r[i]; *p && o + 1 < size; p++)
                    buf[o++] = (char)(f == DXR_UPPER_ROMAN ? *p - 32 : *p);
        buf[o] = 0;
        return 0;
    }
    if ((f == DXR_UPPER_LETTER || f == DXR_LOWER_LETTER) && v > 0 &&
        (v - 1) / 26 < MAX_LETTERS) {
        char c = (char)((f == DXR_UPPER_LETTER ? 'A' : 'a') + (v - 1) % 26);
        for (int i = 0; i <= (v - 1) / 26 && o + 1 < size; i++)
            buf[o++] = c;
        buf[o] = 0;
        return 0;
    }
    snprintf(buf, size, "%d", v);
    return 0;
}

static folio_label_kind kind_of(dxr_fmt f, const char *text)
{
    switch (f) {
    case DXR_UPPER_ROMAN: return FOLIO_LABEL_ROMAN;
    case DXR_LOWER_ROMAN: return FOLIO_LABEL_LOWER_ROMAN;
    case DXR_UPPER_LETTER: return FOLIO_LABEL_UPPER;
    case DXR_LOWER_LETTER: return FOLIO_LABEL_LOWER;
    case DXR_BULLET_FMT: return FOLIO_LABEL_BULLET;
    case DXR_NONE_FMT: return FOLIO_LABEL_NONE;
    default: {
        int refs = 0; /* "%1.%2": a sub-numbered item */
        for (const char *p = text; p && *p; p++)
            refs += *p == '%' && p[1] >= '1' && p[1] <= '9';
        return refs > 1 ? FOLIO_LABEL_DECIMAL : FOLIO_LABEL_ARABIC;
    }
    }
}

const char *folio_dxr_number(folio_arena *a, dxr_numbering *nb, int num_id, int ilvl,
                             folio_label_kind *kind)
{
    *kind = FOLIO_LABEL_NONE;
    dxr_num *n = find(nb, num_id);
    if (!n || ilvl < 0 || ilvl >= DXR_LEVELS)
        return NULL;
    dxr_abstract *d = &nb->abs[n->abs];
    if (!n->started) {
        n->started = 1;
        for (int l = 0; l < DXR_LEVELS; l++)
            if (n->over[l] >= 0) {
                d->count[l] = n->over[l] - 1;
                d->used[l] = 1;
            }
    }
    if (!d->used[ilvl])
        d->count[ilvl] = d->lvl[ilvl].start - 1;
    if (d->count[ilvl] < MAX_START * 64)
        d->count[ilvl]++;
    d->used[ilvl] = 1;
    for (int l = ilvl + 1; l < DXR_LEVELS; l++) {
        int r = d->lvl[l].restart;
        if (r < 0 || (r > 0 && ilvl < r))
            d->used[l] = 0;
    }
    const dxr_level *lv = &d->lvl[ilvl];
    if (lv->fmt == DXR_NONE_FMT || !lv->text || !*lv->text)
        return NULL;
    *kind = kind_of(lv->fmt, lv->text);
    if (lv->fmt == DXR_BULLET_FMT) {
        /* Word's own bullets are Symbol or Wingdings characters in the
         * private use area (U+F0B7): the house's bullet stands for them */
        const unsigned char *t = (const unsigned char *)lv->text;
        int private_use = t[0] == 0xEE || t[0] == 0xEF;
        return folio_strdup(a, private_use || !strcmp(lv->text, "o") ? "\xE2\x80\xA2" : lv->text);
    }
    /* %N replaced by level N's count, in its format */
    char out[512];
    size_t o = 0;
    for (const char *p = lv->text; *p && o + 1 < sizeof out; p++) {
        if (*p == '%' && p[1] >= '1' && p[1] <= '9') {
            int l = p[1] - '1';
            int v = d->used[l] ? d->count[l] : d->lvl[l].start;
            char num[MAX_LETTERS + 16];
            format(num, sizeof num, v, d->lvl[l].fmt);
            size_t k = strlen(num);
            if (o + k + 1 >= sizeof out)
                break;
            memcpy(out + o, num, k);
            o += k;
            p++;
        } else {
            out[o++] = *p;
        }
    }
    out[o] = 0;
    return folio_strndup(a, out, o);
}
