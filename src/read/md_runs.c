/* Inline runs of the Markdown reader: growing, flattening, label stripping
 * and the final merge of neighbours with the same style. */
#include <stdlib.h>
#include <string.h>

#include "read/md_internal.h"
#include "util/mem.h"
#include "util/vec.h"

int folio_md_runs_push(folio_md_runs *rs, folio_run run)
{
    if (FOLIO_VEC_ROOM(rs->v, rs->n, rs->cap, 8))
        return FOLIO_E_NOMEM;
    rs->v[rs->n++] = run;
    return 0;
}

int folio_md_runs_keep(folio_arena *a, folio_md_runs *rs, folio_run **out, size_t *n)
{
    folio_run *v = folio_alloc(a, (rs->n ? rs->n : 1) * sizeof *v);
    if (v && rs->n)
        memcpy(v, rs->v, rs->n * sizeof *v);
    free(rs->v);
    *out = v;
    *n = v ? rs->n : 0;
    rs->v = NULL;
    rs->n = rs->cap = 0;
    return v ? 0 : FOLIO_E_NOMEM;
}

char *folio_md_runs_text(folio_arena *a, const folio_run *runs, size_t n, const char *soft)
{
    size_t len = 0, sl = strlen(soft);
    for (size_t i = 0; i < n; i++) {
        if (runs[i].kind == FOLIO_RUN_TEXT && runs[i].text)
            len += strlen(runs[i].text);
        else if (runs[i].kind == FOLIO_MD_RUN_SOFT_BREAK)
            len += sl;
        else if (runs[i].kind == FOLIO_RUN_LINE_BREAK)
            len += 1;
    }
    char *out = folio_alloc(a, len + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        const char *t = NULL;
        if (runs[i].kind == FOLIO_RUN_TEXT)
            t = runs[i].text;
        else if (runs[i].kind == FOLIO_MD_RUN_SOFT_BREAK)
            t = soft;
        else if (runs[i].kind == FOLIO_RUN_LINE_BREAK)
            t = "\n";
        if (t) {
            size_t tl = strlen(t);
            memcpy(out + o, t, tl);
            o += tl;
        }
    }
    out[o] = 0;
    return out;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t';
}

void folio_md_runs_strip_prefix(folio_run *runs, size_t n, size_t bytes)
{
    /* the label lies in the leading text runs; the white space after it
     * may start the next run */
    for (size_t i = 0; i < n && runs[i].kind == FOLIO_RUN_TEXT; i++) {
        const char *t = runs[i].text ? runs[i].text : "";
        const char *start = t;
        size_t tl = strlen(t);
        size_t cut = bytes < tl ? bytes : tl;
        bytes -= cut;
        t += cut;
        if (bytes == 0)
            while (*t && is_space(*t))
                t++;
        runs[i].text = t;
        if (runs[i].pos.line > 0) /* the run now starts after the label */
            runs[i].pos.col += (int)(t - start);
        if (*t)
            break;
    }
}

int folio_md_runs_all_strong(const folio_run *runs, size_t n)
{
    int any = 0;
    for (size_t i = 0; i < n; i++) {
        if (runs[i].kind != FOLIO_RUN_TEXT)
            continue;
        const char *t = runs[i].text ? runs[i].text : "";
        int blank = 1;
        for (; *t; t++)
            if (!is_space(*t))
                blank = 0;
        if (blank)
            continue;
        if (!(runs[i].style & FOLIO_STRONG))
            return 0;
        any = 1;
    }
    return any;
}

static int same_look(const folio_run *a, const folio_run *b)
{
    if (a->style != b->style || a->is_symbol != b->is_symbol)
        return 0;
    if (!a->link || !b->link)
        return a->link == b->link;
    return strcmp(a->link, b->link) == 0;
}

static folio_run plain(folio_run r)
{
    if (r.kind == FOLIO_MD_RUN_SOFT_BREAK) {
        r.kind = FOLIO_RUN_TEXT;
        r.text = " ";
    }
    return r;
}

static int empty_text(const folio_run *r)
{
    return r->kind == FOLIO_RUN_TEXT && (!r->text || !*r->text);
}

int folio_md_runs_finish(folio_arena *a, const folio_run *in, size_t n, folio_run **out,
                         size_t *nout)
{
    /* merging only shrinks: n runs are room enough */
    folio_run *v = folio_alloc(a, (n ? n : 1) * sizeof *v);
    size_t o = 0;
    if (!v)
        return FOLIO_E_NOMEM;
    for (size_t i = 0; i < n;) {
        folio_run r = plain(in[i]);
        if (empty_text(&r)) {
            i++;
            continue;
        }
        size_t j = i + 1, len = r.kind == FOLIO_RUN_TEXT ? strlen(r.text) : 0;
        /* a group of text runs that look the same: one copy, linear time */
        if (r.kind == FOLIO_RUN_TEXT) {
            for (; j < n; j++) {
                folio_run q = plain(in[j]);
                if (empty_text(&q))
                    continue;
                if (q.kind != FOLIO_RUN_TEXT || !same_look(&r, &q))
                    break;
                len += strlen(q.text);
            }
            if (j > i + 1) {
                char *t = folio_alloc(a, len + 1);
                if (!t)
                    return FOLIO_E_NOMEM;
                size_t k = 0;
                for (size_t m = i; m < j; m++) {
                    folio_run q = plain(in[m]);
                    if (q.kind == FOLIO_RUN_TEXT && q.text) {
                        size_t ql = strlen(q.text);
                        memcpy(t + k, q.text, ql);
                        k += ql;
                    }
                }
                t[k] = 0;
                r.text = t;
            }
        }
        v[o++] = r;
        i = j;
    }
    /* trim: white space at the start and the end of the block */
    size_t first = 0;
    while (first < o && v[first].kind == FOLIO_RUN_TEXT) {
        const char *t = v[first].text;
        while (*t && is_space(*t))
            t++;
        v[first].text = t;
        if (*t)
            break;
        first++;
    }
    while (o > first && v[o - 1].kind == FOLIO_RUN_TEXT) {
        folio_run *last = &v[o - 1];
        size_t tl = strlen(last->text);
        while (tl && is_space(last->text[tl - 1]))
            tl--;
        if (tl) {
            if (last->text[tl]) {
                char *t = folio_strndup(a, last->text, tl);
                if (!t)
                    return FOLIO_E_NOMEM;
                last->text = t;
            }
            break;
        }
        o--;
    }
    *out = v + first;
    *nout = o - first;
    return 0;
}

size_t folio_md_runs_prefix(const folio_run *runs, size_t n, char *buf, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < n && o + 1 < cap; i++) {
        const char *t = NULL;
        if (runs[i].kind == FOLIO_RUN_TEXT)
            t = runs[i].text;
        else if (runs[i].kind == FOLIO_MD_RUN_SOFT_BREAK)
            t = " ";
        else if (runs[i].kind == FOLIO_RUN_LINE_BREAK)
            t = "\n";
        for (; t && *t && o + 1 < cap; t++)
            buf[o++] = *t;
    }
    /* never end inside a UTF-8 sequence */
    if (o + 1 >= cap)
        while (o && ((unsigned char)buf[o - 1] & 0xC0) == 0x80)
            o--;
    if (o && (unsigned char)buf[o - 1] >= 0xC0)
        o--;
    buf[o] = 0;
    return o;
}

size_t folio_md_runs_chars(const folio_run *runs, size_t n, char *last)
{
    size_t count = 0;
    *last = 0;
    for (size_t i = 0; i < n; i++) {
        if (runs[i].kind == FOLIO_MD_RUN_SOFT_BREAK || runs[i].kind == FOLIO_RUN_LINE_BREAK) {
            count++;
            *last = ' ';
        } else if (runs[i].kind == FOLIO_RUN_TEXT && runs[i].text) {
            const char *t = runs[i].text;
            for (; *t; t++) {
                if (((unsigned char)*t & 0xC0) != 0x80)
                    count++;
                if (*t != ' ' && *t != '\t' && *t != '*')
                    *last = *t;
            }
        }
    }
    return count;
}
