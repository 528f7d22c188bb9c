/* The page furniture, decided once: the masthead grid, the lines under the
 * thick rule, the first-page footer and the later pages' heads and feet,
 * every measure from the house style ([masthead], [footer],
 * [running-head], the station, the document class), every width from the
 * fonts. The PDF layout places what this plans; the DOCX writer maps it to
 * its header and footer parts. Positions are measured on
 * A/HRC/WG.6/34/ITA/3 (un-format.md §1.2, §2.1). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "style/furn_internal.h"

#define M "masthead"

/* "20pt 16pt 14pt 12pt" and "2 3 4 5": the organ's sizes and line counts. */
static size_t organ_steps(furn_rd *r, int32_t *sizes, int *lines, size_t cap)
{
    const char *sv = folio_furn_str(r, M, "organ-sizes");
    const char *lv = folio_furn_str(r, M, "organ-lines");
    size_t n = 0, k = 0;
    char word[32];
    for (const char *p = sv; p && *p && n < cap;) {
        while (*p == ' ')
            p++;
        size_t len = strcspn(p, " ");
        if (!len)
            break;
        snprintf(word, sizeof word, "%.*s", (int)len, p);
        if (folio_house_parse_length(word, &sizes[n]) || sizes[n] <= 0)
            return 0;
        n++;
        p += len;
    }
    for (const char *p = lv; p && *p && k < cap;) {
        char *end;
        long v = strtol(p, &end, 10);
        if (end == p)
            break;
        lines[k++] = v > 0 && v < 1000 ? (int)v : 0;
        p = end;
    }
    for (size_t i = 0; i < k; i++)
        if (!lines[i])
            return 0;
    return n == k ? n : 0;
}

static int organ(furn_rd *r, folio_flow *f, int32_t fl, int32_t drop)
{
    folio_furniture *u = &f->furn;
    int32_t sizes[8];
    int lines[8];
    u->organ.x = fl + folio_furn_len(r, M, "organ-x");
    u->organ.right = fl + folio_furn_len(r, M, "organ-right");
    folio_face face = folio_furn_face(r, M, "organ-face");
    int32_t leading = folio_furn_pct(r, M, "organ-leading");
    int32_t top = folio_furn_len(r, M, "organ-top");
    int32_t ascent = folio_furn_pct(r, M, "organ-ascent");
    size_t n = organ_steps(r, sizes, lines, 8);
    if (r->rc)
        return r->rc;
    if (!n)
        return folio_error(r->ctx, FOLIO_E_STYLE, (folio_pos){0, 0},
                           "%s: [masthead] organ-sizes and organ-lines must be lists "
                           "of as many sizes and line counts (at most 8)", r->h->file);
    if (!f->mast.organ || !folio_furn_has(r, M, "organ"))
        return 0;
    int rc = folio_furn_organ(r, f->mast.organ, face, sizes, lines, n,
                              u->organ.right - u->organ.x, f);
    /* the first baseline as measured for 20 pt (80 pt), scaled */
    u->organ.leading = (int32_t)((int64_t)u->organ.size * leading / 1000);
    u->organ.y = top + (int32_t)((int64_t)u->organ.size * ascent / 1000) + drop;
    return rc;
}

/* Row 1: wordmark and symbol on one baseline; the thin rule under them. */
static void top_row(furn_rd *r, folio_flow *f, int32_t fl, int32_t fr, int32_t drop)
{
    folio_furniture *u = &f->furn;
    const folio_masthead *m = &f->mast;
    int32_t y = folio_furn_len(r, M, "top-baseline") + drop;
    if (folio_furn_has(r, M, "wordmark")) {
        folio_furn_font font = folio_furn_font_of(r, M, "wordmark");
        int32_t x = folio_furn_len(r, M, "wordmark-x");
        /* a long wordmark ("Организация Объединенных Наций") starts near
         * the frame, over the emblem's column, as the Russian original */
        u->wordmark = folio_furn_text_at(r, m->wordmark, font, fl + x, y);
        if (u->wordmark.width > folio_furn_len(r, M, "wordmark-long"))
            u->wordmark.x = fl + folio_furn_len(r, M, "wordmark-long-x");
    }
    if (folio_furn_has(r, M, "symbol")) {
        folio_furn_font hf = folio_furn_font_of(r, M, "symbol-head");
        folio_furn_font tf = folio_furn_font_of(r, M, "symbol-tail");
        u->symbol_tail = folio_furn_text_at(r, m->symbol_tail, tf, 0, y);
        u->symbol_head = folio_furn_text_at(r, m->symbol_head, hf, 0, y);
        u->symbol_tail.x = fr - u->symbol_tail.width;
        u->symbol_head.x = u->symbol_tail.x - u->symbol_head.width;
    }
    u->thin_rule = (folio_furn_rule){fl, folio_furn_len(r, M, "thin-rule-y") + drop, fr - fl,
                                     folio_furn_len(r, M, "thin-rule")};
    if (!folio_furn_has(r, M, "thin-rule"))
        u->thin_rule.thickness = 0;
}

/* Row 2: emblem, organ (organ()), the distribution block; thick rule. */
static void band(furn_rd *r, folio_flow *f, int32_t fl, int32_t fr, int32_t drop)
{
    folio_furniture *u = &f->furn;
    const folio_masthead *m = &f->mast;
    folio_furn_box e = {fl + folio_furn_len(r, M, "emblem-x"),
                        folio_furn_len(r, M, "emblem-y") + drop,
                        folio_furn_len(r, M, "emblem-width"),
                        folio_furn_len(r, M, "emblem-height")};
    if (folio_furn_has(r, M, "emblem") && e.w > 0 && e.h > 0) {
        if (m->emblem_image) {
            /* the house style's own emblem, fitted into the box */
            int32_t h = (int32_t)((int64_t)e.w * m->emblem_px_h / m->emblem_px_w);
            if (h > e.h)
                e.w = (int32_t)((int64_t)e.h * m->emblem_px_w / m->emblem_px_h);
            else
                e.h = h;
            u->emblem_image = m->emblem_image;
        } else if (!r->rc) {
            int rc = folio_art_emblem(r->a, &u->emblem_art);
            if (rc)
                r->rc = rc;
        }
        u->emblem = e;
    }
    static const char *const names[4] = {"distribution", "date", "language", "original"};
    const char *texts[4] = {m->distribution, m->date, m->language_line, m->original_line};
    folio_furn_font font = folio_furn_font_of(r, M, "block");
    int32_t x = fl + folio_furn_len(r, M, "block-x");
    int32_t y = folio_furn_len(r, M, "block-baseline") + drop;
    u->block_leading = folio_furn_len(r, M, "block-leading");
    for (int i = 0; i < 4; i++)
        u->block[i] = folio_furn_text_at(r, folio_furn_has(r, M, names[i]) ? texts[i] : NULL,
                                         font, x, y + i * u->block_leading);
    u->thick_rule = (folio_furn_rule){fl, folio_furn_len(r, M, "thick-rule-y") + drop, fr - fl,
                                      folio_furn_len(r, M, "thick-rule")};
    if (!folio_furn_has(r, M, "thick-rule"))
        u->thick_rule.thickness = 0;
}

/* Under the thick rule: body, session, venue and dates, agenda. */
static int lines(furn_rd *r, folio_flow *f, int32_t fl, int32_t drop)
{
    folio_furniture *u = &f->furn;
    const folio_masthead *m = &f->mast;
    static const char *const keys[FOLIO_MAST_ROLES] = {
        "body-line", "subsidiary-line", "session-line", "venue-line", "agenda-line",
        "agenda-title-line"};
    for (int i = 0; i < FOLIO_MAST_ROLES; i++)
        u->line_font[i] = folio_furn_font_of(r, M, keys[i]);
    u->lines_x = fl;
    u->lines_right = fl + f->mast_lines_width;
    u->lines_y = folio_furn_len(r, M, "lines-baseline") + drop;
    u->lines_leading = folio_furn_len(r, M, "lines-leading");
    u->title_step = folio_furn_len(r, M, "title-step");
    u->subtitle_step = folio_furn_len(r, M, "subtitle-step");
    u->title = m->title;
    u->subtitle = m->subtitle;
    u->title_note = m->title_note;
    /* a class may set its title in another style (a letter's is 12 pt) */
    const char *ts = folio_house_get(r->h, folio_style_class_sec(r->h, r->cls, M, M, "title-style"),
                                     "title-style");
    u->title_style = ts && folio_flow_style(f, ts) ? ts : "UNTitle";
    /* no lines under the thick rule (a letter, a circular): the title
     * stands title-step-alone under the rule (S/2025/346, ST/IC/2025/1) */
    int32_t alone = u->thick_rule.y + folio_furn_len(r, M, "title-step-alone") -
                    (u->lines_y - u->lines_leading);
    int none = !m->nbody_lines && !m->session && !m->venue_dates && !m->agenda_item &&
               !m->agenda_title && !m->njoint_lines;
    if (!folio_furn_has(r, M, "lines") || none) {
        u->title_step = alone;
        return 0;
    }
    folio_furn_line *v = folio_alloc(r->a, (m->nbody_lines + m->njoint_lines + 4) * sizeof *v);
    if (!v)
        return FOLIO_E_NOMEM;
    size_t n = 0;
    for (size_t i = 0; i < m->nbody_lines; i++)
        v[n++] = (folio_furn_line){m->body_lines[i],
                                   i == 0 ? FOLIO_MAST_BODY : FOLIO_MAST_SUBSIDIARY, NULL};
    if (m->session)
        v[n++] = (folio_furn_line){m->session, FOLIO_MAST_SESSION, NULL};
    if (m->venue_dates)
        v[n++] = (folio_furn_line){m->venue_dates, FOLIO_MAST_VENUE, NULL};
    if (m->agenda_item)
        v[n++] = (folio_furn_line){m->agenda_item, FOLIO_MAST_AGENDA, m->agenda_note};
    if (m->agenda_title)
        v[n++] = (folio_furn_line){m->agenda_title, FOLIO_MAST_AGENDA_TITLE, NULL};
    /* a joint document: the second organ's block under the first's */
    for (size_t i = 0; i < m->njoint_lines; i++)
        v[n++] = (folio_furn_line){m->joint_lines[i],
                                   i == 0 ? FOLIO_MAST_BODY : FOLIO_MAST_SESSION, NULL};
    u->lines = v;
    u->nlines = n;
    return 0;
}

int folio_style_furniture(folio_ctx *ctx, const folio_house *h, const folio_fonts *fonts,
                          const char *cls, folio_flow *f)
{
    if (!fonts)
        return folio_error(ctx, FOLIO_E_USAGE, (folio_pos){0, 0},
                           "the page furniture needs the fonts' metrics");
    furn_rd r = {ctx, h, cls, fonts, f->arena, 0, &f->lang.fonts};
    const folio_page_geom *g = &f->page;
    int32_t fl = g->frame_left, fr = g->frame_right, drop = g->masthead_drop;
    int rc;
    memset(&f->furn, 0, sizeof f->furn);
    f->furn.class_name = cls;
    top_row(&r, f, fl, fr, drop);
    band(&r, f, fl, fr, drop);
    if (r.rc)
        return r.rc;
    if ((rc = organ(&r, f, fl, drop)) || (rc = lines(&r, f, fl, drop)))
        return rc;
    if (r.rc)
        return r.rc;
    if ((rc = folio_furn_footer(&r, f)) || (rc = folio_furn_running(&r, f)))
        return rc;
    if (!r.rc && f->lang.rtl && (rc = folio_furn_mirror(&r, f)))
        return rc;
    return r.rc;
}
