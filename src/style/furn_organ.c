/* The organ beside the emblem ("General Assembly", or the long name of a
 * conference body): its size and its line breaks, chosen with the fonts'
 * metrics. Lines are broken as the layout breaks ragged text (first fit,
 * spaces at their natural width, a no-break space never breaks), so the
 * PDF sets each line as it is, and the DOCX breaks where the PDF does. */
#include <string.h>

#include "layout/script.h"
#include "style/furn_internal.h"

/* A breaking space: 1; a no-break space (U+00A0): 2; else 0. */
static int space_at(const char *s, size_t *adv)
{
    if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
        *adv = 1;
        return 1;
    }
    if ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0) {
        *adv = 2;
        return 2;
    }
    return 0;
}

/* Break `text` at `size` into lines of at most `width`; the lines go to
 * `out` (room for `cap`, may be NULL to count). Returns the number of
 * lines, or -1 when out of memory. */
/* A word's width in the language's faces (the organ is set as a line of
 * a paragraph in its face). */
static int32_t word_width(furn_rd *r, folio_face face, int32_t size, const char *w, size_t n)
{
    return folio_text_width_set(r->fonts, r->fs, folio_role_of(face, face), -1, size, w, n);
}

static long break_lines(furn_rd *r, const char *text, folio_face face, int32_t size,
                        int32_t width, const char **out, size_t cap)
{
    int32_t sw = folio_text_width(r->fonts, face, size, " ", 1);
    const char *p = text, *line_start = NULL, *line_end = NULL;
    int64_t line_w = 0, group_w = 0;
    const char *group_start = NULL, *group_end = NULL;
    long n = 0;
    size_t adv;
    /* words joined by no-break spaces are one group: a line may end only
     * between groups */
    for (;;) {
        int nobreak = 0, sp, hard = 0;
        while (*p && (sp = space_at(p, &adv))) {
            nobreak |= sp == 2;
            hard |= *p == '\n'; /* a joint document's organs, one a line */
            p += adv;
        }
        if (hard && group_start && line_start) {
            /* end the line after the pending group */
            if (line_w + sw + group_w > width) {
                if (out && (size_t)n < cap &&
                    !(out[n] = folio_strndup(r->a, line_start, (size_t)(line_end - line_start))))
                    return -1;
                n++;
                line_start = group_start;
                line_w = group_w;
            } else {
                line_w += sw + group_w;
            }
            line_end = group_end;
            if (out && (size_t)n < cap &&
                !(out[n] = folio_strndup(r->a, line_start, (size_t)(line_end - line_start))))
                return -1;
            n++;
            line_start = NULL;
            group_start = NULL;
        } else if (hard && group_start) {
            if (out && (size_t)n < cap &&
                !(out[n] = folio_strndup(r->a, group_start, (size_t)(group_end - group_start))))
                return -1;
            n++;
            group_start = NULL;
        }
        const char *w = p;
        while (*p && !space_at(p, &adv))
            p++;
        int at_end = w == p;
        if (!at_end && group_start && nobreak) { /* the group goes on */
            group_w += sw + word_width(r, face, size, w, (size_t)(p - w));
            group_end = p;
            continue;
        }
        if (group_start) { /* place the finished group */
            if (line_start && line_w + sw + group_w > width) {
                if (out && (size_t)n < cap &&
                    !(out[n] = folio_strndup(r->a, line_start, (size_t)(line_end - line_start))))
                    return -1;
                n++;
                line_start = NULL;
            }
            if (!line_start) {
                line_start = group_start;
                line_w = group_w;
            } else {
                line_w += sw + group_w;
            }
            line_end = group_end;
        }
        if (at_end)
            break;
        group_start = w;
        group_end = p;
        group_w = word_width(r, face, size, w, (size_t)(p - w));
    }
    if (line_start) {
        if (out && (size_t)n < cap &&
            !(out[n] = folio_strndup(r->a, line_start, (size_t)(line_end - line_start))))
            return -1;
        n++;
    }
    return n;
}

int folio_furn_organ(furn_rd *r, const char *organ, folio_face face, const int32_t *sizes,
                     const int *max_lines, size_t n, int32_t width, folio_flow *f)
{
    for (size_t i = 0; i < n; i++) {
        long lines = break_lines(r, organ, face, sizes[i], width, NULL, 0);
        if (lines < 0)
            return FOLIO_E_NOMEM;
        if (lines > max_lines[i] && i + 1 < n)
            continue;
        if (lines == 0)
            return 0;
        const char **v = folio_alloc(r->a, (size_t)lines * sizeof *v);
        if (!v || break_lines(r, organ, face, sizes[i], width, v, (size_t)lines) != lines)
            return FOLIO_E_NOMEM;
        f->furn.organ.lines = v;
        f->furn.organ.nlines = (size_t)lines;
        f->furn.organ.face = face;
        f->furn.organ.size = sizes[i];
        return 0;
    }
    return 0;
}
