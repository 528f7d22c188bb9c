/* The style stage: numbers paragraphs and headings, resolves every block to
 * a house paragraph style, numbers notes, and fills the masthead. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "style/style_internal.h"

typedef struct counters {
    int para, chapter, section, subsection, annex, nannexes;
    int item[4];          /* per item depth: letters or roman numerals */
} counters;

static int yes(const char *v)
{
    return v && (!strcmp(v, "yes") || !strcmp(v, "true") || !strcmp(v, "1"));
}

const folio_pstyle *folio_flow_style(const folio_flow *f, const char *name)
{
    for (size_t i = 0; i < f->nstyles; i++)
        if (f->styles[i] && f->styles[i]->name && !strcmp(f->styles[i]->name, name))
            return f->styles[i];
    return NULL;
}

static int need(folio_ctx *ctx, const folio_flow *f, const char *name,
                const folio_pstyle **out)
{
    *out = folio_flow_style(f, name);
    return *out ? 0 : folio_error(ctx, FOLIO_E_STYLE, (folio_pos){0, 0},
                                  "the house style lacks [style.%s]", name);
}

folio_fblock *folio_style_push(folio_flow *f, size_t *cap)
{
    if (f->nblocks == *cap) {
        size_t ncap = *cap ? *cap * 2 : 256;
        folio_fblock *v = folio_grow(f->arena, f->blocks, sizeof *v, f->nblocks, ncap);
        if (!v)
            return NULL;
        f->blocks = v;
        *cap = ncap;
    }
    folio_fblock *b = &f->blocks[f->nblocks++];
    memset(b, 0, sizeof *b);
    return b;
}

static const char *item_label(folio_flow *f, const folio_block *b, counters *c,
                              int paren)
{
    int depth = b->level < 1 ? 0 : b->level > 4 ? 3 : b->level - 1;
    int n = ++c->item[depth];
    for (int k = depth + 1; k < 4; k++)
        c->item[k] = 0;
    const char *core;
    switch (b->label_kind) {
    case FOLIO_LABEL_BULLET:
        return "\xE2\x80\xA2"; /* bullet */
    case FOLIO_LABEL_LOWER_ROMAN:
        core = folio_style_roman(f->arena, n, 1);
        break;
    case FOLIO_LABEL_ARABIC:
        return folio_sprintf(f->arena, "%d.", n);
    default:
        core = folio_style_letter(f->arena, n, 0);
        break;
    }
    return paren ? folio_sprintf(f->arena, "(%s)", core) : folio_sprintf(f->arena, "%s)", core);
}

/* A run holding `text`, for blocks whose text the style stage makes. */
static folio_run *text_run(folio_arena *a, const char *text)
{
    folio_run *r = folio_alloc(a, sizeof *r);
    if (r) {
        r->kind = FOLIO_RUN_TEXT;
        r->text = text;
    }
    return r;
}


static int style_block(folio_ctx *ctx, folio_flow *f, const styles *s,
                       const folio_block *b, counters *c, size_t *cap)
{
    const folio_fblock *prev = f->nblocks ? &f->blocks[f->nblocks - 1] : NULL;
    int prev_is_annex = prev && (prev->style == s->annex || prev->style == s->annex_orig);
    folio_fblock *fb;
    int paren = f->lang.french_punct ? 0 : 1;
    if (b->kind != FOLIO_BLOCK_ITEM)
        memset(c->item, 0, sizeof c->item);
    if (!(fb = folio_style_push(f, cap)))
        return FOLIO_E_NOMEM;
    fb->kind = FOLIO_FLOW_PARA;
    fb->src = b;
    fb->runs = b->runs;
    fb->nruns = b->nruns;
    fb->in_annex = c->annex;
    switch (b->kind) {
    case FOLIO_BLOCK_HEADING: {
        int lv = b->level < 0 ? 0 : b->level > 4 ? 4 : b->level;
        fb->style = lv > 0 ? s->h[lv]
                    : prev_is_annex ? s->annex_title
                    : s->report_title; /* a transmitted report: new page */
        if (lv == 1) {
            fb->label = folio_sprintf(f->arena, "%s.", folio_style_roman(f->arena, ++c->chapter, 0));
            c->section = c->subsection = 0;
        } else if (lv == 2) {
            fb->label = folio_sprintf(f->arena, "%s.", folio_style_letter(f->arena, ++c->section, 1));
            c->subsection = 0;
        } else if (lv == 3) {
            fb->label = folio_sprintf(f->arena, "%d.", ++c->subsection);
        }
        if (b->label_kind == FOLIO_LABEL_NONE && lv >= 1 && lv <= 3)
            fb->label = NULL; /* an unnumbered heading at that level */
        break;
    }
    case FOLIO_BLOCK_PARAGRAPH:
        fb->style = s->para;
        if (b->numbered)
            fb->label = folio_sprintf(f->arena, "%d.", ++c->para);
        break;
    case FOLIO_BLOCK_ITEM:
        fb->style = b->label_kind == FOLIO_LABEL_BULLET ? s->bullet
                    : b->level >= 2                      ? s->item2
                                                         : s->item1;
        fb->label = item_label(f, b, c, paren);
        break;
    case FOLIO_BLOCK_TABLE:
        fb->kind = FOLIO_FLOW_TABLE;
        fb->style = s->table;
        fb->cell_style = s->table;
        fb->head_style = s->table_head;
        fb->table = b->table;
        break;
    case FOLIO_BLOCK_PAGE_BREAK:
        fb->kind = FOLIO_FLOW_PAGE_BREAK;
        fb->style = s->para;
        break;
    case FOLIO_BLOCK_ANNEX: {
        c->annex++;
        c->para = c->chapter = c->section = c->subsection = 0;
        fb->in_annex = c->annex;
        fb->style = s->annex;
        const char *word = f->lang.annex;
        const char *text = c->nannexes > 1
            ? folio_sprintf(f->arena, "%s %s", word, folio_style_roman(f->arena, c->annex, 0))
            : folio_strdup(f->arena, word);
        if (!(fb->runs = text_run(f->arena, text)))
            return FOLIO_E_NOMEM;
        fb->nruns = 1;
        if (b->original_language) {
            folio_fblock *ob = folio_style_push(f, cap);
            if (!ob)
                return FOLIO_E_NOMEM;
            ob->kind = FOLIO_FLOW_PARA;
            ob->style = s->annex_orig;
            ob->src = b;
            ob->in_annex = c->annex;
            /* "[Original: French]", in the labels of the document's language */
            const char *line = folio_style_original_line(f->arena, s->house, f->lang.code,
                                                   folio_lang_index(b->original_language));
            const char *t = folio_sprintf(f->arena, "[%s]", line ? line : b->original_language);
            if (!(ob->runs = text_run(f->arena, t)))
                return FOLIO_E_NOMEM;
            ob->nruns = 1;
        }
        break;
    }
    }
    (void)ctx;
    return 0;
}









static const char *pick_station(const folio_report *r, const folio_style_options *opt,
                                const folio_house *h)
{
    if (opt->station)
        return opt->station;
    if (r->meta.station)
        return r->meta.station;
    const char *job = opt->job_number ? opt->job_number : r->meta.job_number;
    if (job && !strncmp(job, "GE.", 3))
        return "geneva";
    if (job && !strncmp(job, "V.", 2))
        return "vienna";
    if (job && job[0] == 'K')
        return "nairobi";
    const char *d = folio_house_get(h, "document", "default-station");
    return d ? d : "new-york";
}

static int pick_language(folio_ctx *ctx, const folio_report *r,
                         const folio_style_options *opt, const folio_house *h, folio_flow *f)
{
    const char *l = opt->language ? opt->language
                    : r->meta.language ? r->meta.language
                    : r->meta.original_language ? r->meta.original_language
                    : folio_house_get(h, "document", "default-language");
    int idx = folio_lang_index(l ? l : "en");
    char sec[32];
    if (idx < 0)
        return folio_error(ctx, FOLIO_E_USAGE, (folio_pos){0, 0},
                           "unknown language \"%s\" (one of en fr es ru zh ar)", l);
    f->lang.code = folio_lang_code(idx);
    snprintf(sec, sizeof sec, "lang.%s", f->lang.code);
    const char *letter = folio_house_get(h, sec, "job-letter");
    const char *annex = folio_house_get(h, sec, "annex");
    const char *paren = folio_house_get(h, sec, "paren-labels");
    const char *tag = folio_house_get(h, sec, "tag");
    f->lang.job_letter = letter ? letter[0] : 'E';
    f->lang.annex = annex ? annex : "Annex";
    f->lang.french_punct = paren && !strcmp(paren, "no");
    f->lang_tag = tag ? tag : f->lang.code;
    return 0;
}

int folio_style_apply(folio_ctx *ctx, const folio_report *r,
                      const folio_style_options *opt, folio_flow **out)
{
    static const folio_style_options none = {0};
    folio_house h;
    styles s;
    counters c;
    size_t cap = 0;
    int rc = 0;
    folio_flow *f = NULL;
    folio_arena *a = folio_arena_new();
    *out = NULL;
    if (!opt)
        opt = &none;
    if (!a || !(f = folio_alloc(a, sizeof *f))) {
        rc = FOLIO_E_NOMEM;
        goto done;
    }
    f->arena = a;
    f->report = r;
    if ((rc = folio_house_load(ctx, a, opt->style_path, &h)) ||
        (rc = folio_style_load_pstyles(ctx, &h, f)) ||
        (rc = pick_language(ctx, r, opt, &h, f)))
        goto done;
    const char *station = pick_station(r, opt, &h);
    if ((rc = folio_style_load_page(ctx, &h, station, &f->page)) ||
        (rc = folio_style_masthead(ctx, &h, r, opt, station, f)) ||
        (rc = folio_style_emblem_image(ctx, &h, f)))
        goto done;
    if ((rc = need(ctx, f, "UNPara", &s.para)) || (rc = need(ctx, f, "UNItem1", &s.item1)) ||
        (rc = need(ctx, f, "UNItem2", &s.item2)) || (rc = need(ctx, f, "UNBullet", &s.bullet)) ||
        (rc = need(ctx, f, "UNTitle", &s.title)) ||
        (rc = need(ctx, f, "UNReportTitle", &s.report_title)) || (rc = need(ctx, f, "UNH1", &s.h[1])) ||
        (rc = need(ctx, f, "UNH2", &s.h[2])) || (rc = need(ctx, f, "UNH3", &s.h[3])) ||
        (rc = need(ctx, f, "UNH4", &s.h[4])) || (rc = need(ctx, f, "UNAnnex", &s.annex)) ||
        (rc = need(ctx, f, "UNAnnexOriginal", &s.annex_orig)) ||
        (rc = need(ctx, f, "UNAnnexTitle", &s.annex_title)) ||
        (rc = need(ctx, f, "UNTable", &s.table)) ||
        (rc = need(ctx, f, "UNTableHead", &s.table_head)) ||
        (rc = need(ctx, f, "UNNote", &s.note)) ||
        (rc = need(ctx, f, "UNTableNote", &s.table_note)) ||
        (rc = need(ctx, f, "UNHeader", &f->header_style)) ||
        (rc = need(ctx, f, "UNFooter", &f->footer_style)))
        goto done;
    s.h[0] = s.title;
    s.house = &h;
    f->note_style = s.note;

    int32_t v;
    if ((rc = folio_house_length(ctx, &h, "document", "note-marker-indent", -FOLIO_PT(10.7), &v)))
        goto done;
    f->note_marker_indent = v;
    if ((rc = folio_house_length(ctx, &h, "document", "end-rule-width", FOLIO_PT(85), &v)))
        goto done;
    f->end_rule_width = v;
    if ((rc = folio_house_length(ctx, &h, "document", "masthead-lines-width",
                           f->page.column_right - f->page.frame_left, &v)))
        goto done;
    f->mast_lines_width = v;
    /* font expansion: the language's own setting, else the document's
     * (both checked), else pdfTeX's customary 2 % */
    char lang_sec[32];
    snprintf(lang_sec, sizeof lang_sec, "lang.%s", f->lang.code);
    if ((rc = folio_house_permille(ctx, &h, "document", "font-expansion", 20, 50, &v)) ||
        (rc = folio_house_permille(ctx, &h, lang_sec, "font-expansion", v, 50, &v)))
        goto done;
    f->font_expansion = v;

    memset(&c, 0, sizeof c);
    for (size_t i = 0; i < r->nblocks; i++)
        c.nannexes += r->blocks[i].kind == FOLIO_BLOCK_ANNEX;
    for (size_t i = 0; i < r->nblocks; i++)
        if ((rc = style_block(ctx, f, &s, &r->blocks[i], &c, &cap)))
            goto done;
    if ((rc = folio_style_number_notes(f, &s, yes(folio_house_get(&h, "document", "notes-restart-in-annex")), &cap)))
        goto done;
    if (folio_style_ends_with_notes_heading(r, &h)) {
        const folio_pstyle *en;
        if ((rc = need(ctx, f, "UNEndnote", &en)) || (rc = folio_style_list_endnotes(f, en, &cap)))
            goto done;
    }
    folio_fblock *end = folio_style_push(f, &cap);
    if (!end) {
        rc = FOLIO_E_NOMEM;
        goto done;
    }
    end->kind = FOLIO_FLOW_END_RULE;
    end->style = s.para;
    qsort(f->note_index, f->nnotes, sizeof *f->note_index, folio_style_by_note_ptr);
    f->mast.title_note = r->meta.title_note ? folio_flow_note(f, r->meta.title_note) : NULL;
    f->mast.agenda_note = r->meta.agenda_note ? folio_flow_note(f, r->meta.agenda_note) : NULL;
    *out = f;
    f = NULL;
done:
    if (f)
        folio_arena_free(a);
    else if (rc && a)
        folio_arena_free(a);
    return rc;
}

void folio_flow_free(folio_flow *f)
{
    if (f)
        folio_arena_free(f->arena);
}
