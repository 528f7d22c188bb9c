/* Paragraph styles and page geometry from the house style. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "style/style_internal.h"

static int parse_face(const char *s, folio_face *out)
{
    static const char *names[] = {"regular", "bold", "italic", "bold-italic"};
    for (int i = 0; i < FOLIO_FACE_COUNT; i++)
        if (!strcmp(s, names[i])) {
            *out = (folio_face)i;
            return 0;
        }
    return -1;
}

static int parse_align(const char *s, folio_halign *out)
{
    static const char *names[] = {"justify", "left", "center", "right"};
    for (int i = 0; i < 4; i++)
        if (!strcmp(s, names[i])) {
            *out = (folio_halign)i;
            return 0;
        }
    return -1;
}

static int yes(const char *s)
{
    return s && (!strcmp(s, "yes") || !strcmp(s, "true") || !strcmp(s, "1"));
}

static int bad(folio_ctx *ctx, const folio_house *h, const char *sec, const char *key,
               const char *val)
{
    char why[256];
    snprintf(why, sizeof why, "unknown value \"%s\"", val);
    return folio_house_bad(ctx, h, sec, key, why);
}

static int load_one(folio_ctx *ctx, const folio_house *h, folio_arena *a,
                    const char *sec, folio_pstyle *s)
{
    const char *v;
    int rc = 0;
    s->name = folio_strdup(a, sec + strlen("style."));
    s->ui_name = (v = folio_house_get(h, sec, "ui-name")) ? v : s->name;
    if ((v = folio_house_get(h, sec, "face")) && parse_face(v, &s->face))
        return bad(ctx, h, sec, "face", v);
    if ((v = folio_house_get(h, sec, "align")) && parse_align(v, &s->align))
        return bad(ctx, h, sec, "align", v);
    s->label_place = FOLIO_LABEL_AT_INDENT;
    if ((v = folio_house_get(h, sec, "label"))) {
        if (!strcmp(v, "hanging"))
            s->label_place = FOLIO_LABEL_HANGING;
        else if (!strcmp(v, "hang"))
            s->label_place = FOLIO_LABEL_HANG;
        else if (strcmp(v, "at-indent"))
            return bad(ctx, h, sec, "label", v);
    }
    if ((rc = folio_house_length(ctx, h, sec, "size", FOLIO_PT(10), &s->size)) ||
        (rc = folio_house_length(ctx, h, sec, "leading", s->size * 6 / 5, &s->leading)) ||
        (rc = folio_house_length(ctx, h, sec, "indent-left", 0, &s->indent_left)) ||
        (rc = folio_house_length(ctx, h, sec, "indent-right", 0, &s->indent_right)) ||
        (rc = folio_house_length(ctx, h, sec, "first-line", 0, &s->first_line)) ||
        (rc = folio_house_length(ctx, h, sec, "label-indent", 0, &s->label_indent)) ||
        (rc = folio_house_length(ctx, h, sec, "label-gap", 0, &s->label_gap)) ||
        (rc = folio_house_length(ctx, h, sec, "space-before", 0, &s->space_before)) ||
        (rc = folio_house_length(ctx, h, sec, "space-after", 0, &s->space_after)))
        return rc;
    if (s->size <= 0 || s->size > FOLIO_PT(200) || s->leading <= 0)
        return folio_error(ctx, FOLIO_E_STYLE, (folio_pos){folio_house_line(h, sec, "size"), 1},
                           "%s: [%s] size and leading must be positive", h->file, sec);
    s->keep_with_next = yes(folio_house_get(h, sec, "keep-with-next"));
    s->page_break_before = yes(folio_house_get(h, sec, "page-break-before"));
    s->frame_relative = yes(folio_house_get(h, sec, "frame-relative"));
    s->word_name = folio_house_get(h, sec, "word-name");
    if ((v = folio_house_get(h, sec, "list"))) { /* "NAME LEVEL" */
        const char *sp = strchr(v, ' ');
        int lv = sp ? atoi(sp + 1) : 0;
        if (!sp || sp == v || lv < 1 || lv > 9)
            return folio_house_bad(ctx, h, sec, "list", "not a list and a level such as \"paragraphs 1\"");
        s->list = folio_strndup(a, v, (size_t)(sp - v));
        s->list_level = lv;
        if (!s->list)
            return FOLIO_E_NOMEM;
    }
    if ((v = folio_house_get(h, sec, "outline")))
        s->outline_level = v[0] == '1' ? 1 : v[0] == '2' ? 2 : 0;
    return 0;
}

int folio_style_load_pstyles(folio_ctx *ctx, const folio_house *h, folio_flow *f)
{
    /* One style per [style.X] section, in file order. */
    size_t i = 0;
    for (const char *sec; (sec = folio_house_next_section(h, "style", &i));) {
        folio_pstyle *s = folio_alloc(f->arena, sizeof *s);
        folio_pstyle **v = folio_grow(f->arena, f->styles, sizeof *v, f->nstyles,
                                      f->nstyles + 1);
        if (!s || !v)
            return FOLIO_E_NOMEM;
        int rc = load_one(ctx, h, f->arena, sec, s);
        if (rc)
            return rc;
        f->styles = v;
        f->styles[f->nstyles++] = s;
    }
    return 0;
}

int folio_style_load_page(folio_ctx *ctx, const folio_house *h, const char *station,
                    const char *cls, folio_page_geom *g)
{
    char sec[64];
    int32_t fl, fr, cl, cr;
    int rc;
    snprintf(sec, sizeof sec, "station.%s", station);
    if (!folio_house_get(h, sec, "width"))
        return folio_error(ctx, FOLIO_E_STYLE, (folio_pos){0, 0},
                           "%s: no page geometry for duty station \"%s\"", h->file,
                           station);
/* the document class may override a station's key ([class.NAME.station]) */
#define S(key) folio_style_class_sec(h, cls, "station", sec, key), key
    g->paper = folio_house_get(h, S("paper"));
    if ((rc = folio_house_length(ctx, h, S("width"), 0, &g->width)) ||
        (rc = folio_house_length(ctx, h, S("height"), 0, &g->height)) ||
        (rc = folio_house_length(ctx, h, S("frame-left"), 0, &fl)) ||
        (rc = folio_house_length(ctx, h, S("frame-right"), 0, &fr)) ||
        (rc = folio_house_length(ctx, h, S("column-indent-left"), 0, &cl)) ||
        (rc = folio_house_length(ctx, h, S("column-indent-right"), 0, &cr)) ||
        (rc = folio_house_length(ctx, h, S("body-top"), 0, &g->body_top)) ||
        (rc = folio_house_length(ctx, h, S("body-bottom"), 0, &g->body_bottom)) ||
        (rc = folio_house_length(ctx, h, S("header-baseline"), 0, &g->header_baseline)) ||
        (rc = folio_house_length(ctx, h, S("header-rule"), 0, &g->header_rule_y)) ||
        (rc = folio_house_length(ctx, h, S("footer-baseline"), 0, &g->footer_baseline)) ||
        (rc = folio_house_length(ctx, h, S("first-footer-top"), 0, &g->first_footer_top)))
        return rc;
    if ((rc = folio_house_length(ctx, h, S("masthead-drop"), 0, &g->masthead_drop)) ||
        (rc = folio_house_length(ctx, h, S("later-job-size"), FOLIO_PT(8), &g->later_job_size)))
        return rc;
    const char *v = folio_house_get(h, S("folio"));
    g->folio_of_total = v && !strcmp(v, "n/N");
    v = folio_house_get(h, S("later-job"));
#undef S
    g->later_job = !v ? 0 : !strcmp(v, "always") ? 2 : !strcmp(v, "translations") ? 1 : 0;
    g->frame_left = fl;
    g->frame_right = g->width - fr;
    g->column_left = fl + cl;
    g->column_right = g->width - fr - cr;
    if (g->column_right - g->column_left < FOLIO_PT(72) ||
        g->body_bottom - g->body_top < FOLIO_PT(144) || g->height <= g->body_bottom)
        return folio_error(ctx, FOLIO_E_STYLE, (folio_pos){0, 0},
                           "%s: [%s] leaves no room for the text",
                           folio_house_file_of(h, sec, "width"), sec);
    return 0;
}

/* Every paragraph style must set its text on the page: its lines within
 * the paper's width, at least an inch of room for the text, spacing and
 * leading that are not negative and fit the body. A hostile or mistyped
 * value is an error at its file and line rather than text off the page. */
int folio_style_check_fit(folio_ctx *ctx, const folio_house *h, const folio_flow *f)
{
    const folio_page_geom *g = &f->page;
    int32_t body = g->body_bottom - g->body_top;
    for (size_t i = 0; i < f->nstyles; i++) {
        const folio_pstyle *s = f->styles[i];
        char sec[128];
        snprintf(sec, sizeof sec, "style.%s", s->name);
        int64_t l = s->frame_relative ? g->frame_left : g->column_left;
        int64_t r = s->frame_relative ? g->frame_right : g->column_right;
        int64_t left = l + s->indent_left, right = r - s->indent_right;
        int64_t first = left + s->first_line;
        int64_t label = left + s->label_indent;
        const char *key = NULL, *why = NULL;
        if (left < 0 || right > g->width)
            key = left < 0 ? "indent-left" : "indent-right", why = "puts the text off the page";
        else if (right - left < FOLIO_PT(72))
            key = "indent-left", why = "leaves less than an inch for the text";
        else if (first < 0 || first > right - FOLIO_PT(72))
            key = "first-line", why = "puts the first line off the page or leaves it no room";
        else if (s->label_place != FOLIO_LABEL_HANGING && (label < 0 || label > right))
            key = "label-indent", why = "puts the label off the page";
        else if (s->label_place == FOLIO_LABEL_HANGING &&
                 (s->label_gap < 0 || s->label_gap > right - left))
            key = "label-gap", why = "puts the label off the page";
        else if (s->space_before < 0 || s->space_before > body)
            key = "space-before", why = "must be from 0 to the height of the body";
        else if (s->space_after < 0 || s->space_after > body)
            key = "space-after", why = "must be from 0 to the height of the body";
        else if (s->leading > body / 2)
            key = "leading", why = "is more than half the height of the body";
        if (key)
            return folio_house_bad(ctx, h, sec, folio_house_get(h, sec, key) ? key : "size",
                                   why);
    }
    return 0;
}
