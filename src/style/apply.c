/* The style stage: numbers paragraphs and headings, resolves every block to
 * a house paragraph style, numbers notes, and fills the masthead. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "style/style_internal.h"
#include "util/text.h"

static int yes(const char *v)
{
    return v && (!strcmp(v, "yes") || !strcmp(v, "true") || !strcmp(v, "1"));
}

static int need(folio_ctx *ctx, const folio_flow *f, const char *name,
                const folio_pstyle **out)
{
    *out = folio_flow_style(f, name);
    return *out ? 0 : folio_error(ctx, FOLIO_E_STYLE, (folio_pos){0, 0},
                                  "the house style lacks [style.%s]", name);
}

/* The duty station: asked for, or the report's, or the one whose job
 * numbers start as the report's does, or the one that services the
 * symbol's series, or the house's default. */
static const char *pick_station(const folio_report *r, const folio_style_options *opt,
                                const folio_house *h)
{
    if (opt->station)
        return opt->station;
    if (r->meta.station)
        return r->meta.station;
    const char *job = opt->job_number ? opt->job_number : r->meta.job_number;
    const char *symbol = opt->symbol ? opt->symbol : r->meta.symbol;
    const char *by = folio_house_longest_prefix(h, FOLIO_HL_JOB_PREFIX, job);
    if (!by)
        by = folio_house_longest_prefix(h, FOLIO_HL_SERIES, symbol);
    if (by)
        return by;
    const char *d = folio_house_get(h, "document", "default-station");
    return d ? d : "new-york";
}

/* The folded words of a list value, for comparing with folded text. */
static int folded_list(folio_arena *a, const char *list, const char ***out, size_t *n)
{
    const char *s;
    size_t len, count = 0;
    while (folio_house_item(list, (int)count, &s, &len))
        count++;
    *n = 0;
    *out = count ? folio_alloc(a, count * sizeof **out) : NULL;
    if (count && !*out)
        return FOLIO_E_NOMEM;
    for (size_t i = 0; i < count; i++) {
        folio_house_item(list, (int)i, &s, &len);
        char *f = len ? folio_text_fold(s, len) : NULL;
        if (len && !f)
            return FOLIO_E_NOMEM;
        if (f) {
            (*out)[(*n)++] = folio_strdup(a, f);
            free(f);
            if (!(*out)[*n - 1])
                return FOLIO_E_NOMEM;
        }
    }
    return 0;
}

/* A cost of line breaking: the language's own, else the house's. */
static int cost(folio_ctx *ctx, const folio_house *h, const char *lang_sec, const char *key,
                int32_t *out)
{
    return folio_house_int(ctx, h, folio_house_get(h, lang_sec, key) ? lang_sec : "breaking",
                           key, 0, 1000000, out);
}

/* "1/3": a part of a whole. */
static int fraction(folio_ctx *ctx, const folio_house *h, const char *lang_sec,
                    const char *key, int32_t *num, int32_t *den)
{
    const char *sec = folio_house_get(h, lang_sec, key) ? lang_sec : "breaking";
    const char *v = folio_house_get(h, sec, key);
    int a, b, k = 0;
    if (!v || sscanf(v, "%d/%d%n", &a, &b, &k) != 2 || v[k] || a < 0 || b < 1 || a > b * 4)
        return v ? folio_house_bad(ctx, h, sec, key, "not a fraction such as 1/3")
                 : folio_error(ctx, FOLIO_E_STYLE, (folio_pos){0, 0},
                               "%s: the house style lacks [breaking] %s", h->file, key);
    *num = a;
    *den = b;
    return 0;
}

/* A rule of line breaking that is yes or no: the language's, else the
 * house's. */
static int rule(folio_ctx *ctx, const folio_house *h, const char *lang_sec, const char *key,
                int *out)
{
    const char *sec = folio_house_get(h, lang_sec, key) ? lang_sec : "breaking";
    const char *v = folio_house_get(h, sec, key);
    if (!v)
        return folio_error(ctx, FOLIO_E_STYLE, (folio_pos){0, 0},
                           "%s: the house style lacks [breaking] %s", h->file, key);
    if (strcmp(v, "yes") && strcmp(v, "no"))
        return folio_house_bad(ctx, h, sec, key, "neither yes nor no");
    *out = !strcmp(v, "yes");
    return 0;
}

/* How the language breaks lines: costs, hyphenation, the words a number
 * stays with. */
static int breaking_rules(folio_ctx *ctx, const folio_house *h, folio_flow *f)
{
    folio_lang_labels *l = &f->lang;
    folio_break_costs *c = &l->costs;
    char sec[64], brk[80];
    snprintf(sec, sizeof sec, "lang.%s", l->code);
    snprintf(brk, sizeof brk, "%s.breaking", sec);
    int rc;
    if ((rc = cost(ctx, h, brk, "pretolerance", &c->pretolerance)) ||
        (rc = cost(ctx, h, brk, "tolerance", &c->tolerance)) ||
        (rc = cost(ctx, h, brk, "loose-tolerance", &c->loose_tolerance)) ||
        (rc = cost(ctx, h, brk, "line-penalty", &c->line_penalty)) ||
        (rc = cost(ctx, h, brk, "adjacent-demerits", &c->adj_demerits)) ||
        (rc = cost(ctx, h, brk, "double-hyphen-demerits", &c->double_hyphen_demerits)) ||
        (rc = cost(ctx, h, brk, "final-hyphen-demerits", &c->final_hyphen_demerits)) ||
        (rc = cost(ctx, h, brk, "hyphen-penalty", &c->hyphen_penalty)) ||
        (rc = cost(ctx, h, brk, "explicit-hyphen-penalty", &c->exhyphen_penalty)) ||
        (rc = cost(ctx, h, brk, "cut-penalty", &c->cut_penalty)) ||
        (rc = cost(ctx, h, brk, "emergency-stretch", &c->emergency_stretch)) ||
        (rc = cost(ctx, h, brk, "narrow-measure", &c->narrow_measure)) ||
        (rc = cost(ctx, h, brk, "narrow-hyphen-penalty", &c->narrow_hyphen_penalty)) ||
        (rc = fraction(ctx, h, brk, "space-stretch", &c->stretch_num, &c->stretch_den)) ||
        (rc = fraction(ctx, h, brk, "space-shrink", &c->shrink_num, &c->shrink_den)) ||
        (rc = rule(ctx, h, brk, "hyphenate-capitalised", &c->hyphenate_capitalised)) ||
        (rc = rule(ctx, h, brk, "hyphenate-last-word", &c->hyphenate_last_word)))
        return rc;
    int32_t left, right;
    if ((rc = folio_house_int(ctx, h, folio_house_get(h, sec, "hyphen-min-left") ? sec : "breaking",
                              "hyphen-min-left", 1, 20, &left)) ||
        (rc = folio_house_int(ctx, h, folio_house_get(h, sec, "hyphen-min-right") ? sec : "breaking",
                              "hyphen-min-right", 1, 20, &right)))
        return rc;
    l->hyph_left = left;
    l->hyph_right = right;
    l->hyphenation = folio_house_get(h, sec, "hyphenation");
    return folded_list(f->arena, folio_house_get(h, sec, "nobreak-after"), &l->nobreak_after,
                       &l->nnobreak);
}

static int pick_language(folio_ctx *ctx, const folio_report *r,
                         const folio_style_options *opt, const folio_house *h, folio_flow *f)
{
    const char *l = opt->language ? opt->language
                    : r->meta.language ? r->meta.language
                    : r->meta.original_language ? r->meta.original_language
                    : folio_house_get(h, "document", "default-language");
    const char *code = folio_house_lang(h, l ? l : "en");
    char sec[64];
    if (!code && !opt->language && !r->meta.language && !r->meta.original_language)
        return folio_house_bad(ctx, h, "document", "default-language", "not a language of the house");
    if (!code) /* an option is a usage error; the document's own, an input error */
        return folio_error(ctx, opt->language ? FOLIO_E_USAGE : FOLIO_E_INPUT, (folio_pos){0, 0},
                           "unknown language \"%s\" (one of %s)", l,
                           folio_house_list_text(f->arena, h, 0, " ", " "));
    f->lang.code = code;
    snprintf(sec, sizeof sec, "lang.%s", f->lang.code);
    /* labels a language file leaves out are English's */
    const char *letter = folio_house_get(h, sec, "job-letter");
    const char *annex = folio_house_get(h, sec, "annex");
    const char *paren = folio_house_get(h, sec, "paren-labels");
    const char *tag = folio_house_get(h, sec, "tag");
    const char *page = folio_house_get(h, sec, "contents-page");
    if (!page)
        page = folio_house_get(h, "lang.en", "contents-page");
    f->lang.contents_page = page ? page : "Page";
    if (!letter)
        letter = folio_house_get(h, "lang.en", "job-letter");
    if (!annex)
        annex = folio_house_get(h, "lang.en", "annex");
    if (!letter || !*letter || !annex)
        return folio_error(ctx, FOLIO_E_STYLE, (folio_pos){0, 0},
                           "the house style's [lang.%s] lacks job-letter or annex", code);
    f->lang.job_letter = letter[0];
    f->lang.annex = annex;
    f->lang.french_punct = paren && !strcmp(paren, "no");
    f->lang_tag = tag ? tag : f->lang.code;
    return breaking_rules(ctx, h, f);
}

int folio_style_apply(folio_ctx *ctx, const folio_report *r,
                      const folio_style_options *opt, const folio_fonts *fonts,
                      folio_flow **out)
{
    static const folio_style_options none = {0};
    const folio_house *h = NULL;
    styles s;
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
    if ((rc = folio_house_or_default(ctx, opt->house, &h)) ||
        (rc = folio_style_load_pstyles(ctx, h, f)) ||
        (rc = pick_language(ctx, r, opt, h, f)) ||
        (rc = folio_style_lang_script(ctx, h, fonts, f)))
        goto done;
    f->house = h;
    const char *station = pick_station(r, opt, h);
    /* the class (by symbol or title) may change the page and furniture */
    const char *cls = folio_style_pick_class(a, h, opt->symbol ? opt->symbol : r->meta.symbol,
                                             r->meta.title, r->meta.organ, r->meta.body);
    if (!cls) {
        rc = FOLIO_E_NOMEM;
        goto done;
    }
    if ((rc = folio_style_load_page(ctx, h, station, cls, &f->page)) ||
        (rc = folio_style_check_fit(ctx, h, f)) ||
        (rc = folio_style_masthead(ctx, h, r, opt, station, f)) ||
        (rc = folio_style_emblem_image(ctx, h, f)))
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
        (rc = need(ctx, f, "UNFooter", &f->footer_style)) ||
        (rc = need(ctx, f, "UNSubtitle", &s.subtitle)) ||
        (rc = need(ctx, f, "UNAnnexHead", &s.annex_head)) ||
        (rc = need(ctx, f, "UNPartAnnex", &s.part_annex)) ||
        (rc = need(ctx, f, "UNListItem", &s.list_item[0])) ||
        (rc = need(ctx, f, "UNListItem2", &s.list_item[1])) ||
        (rc = need(ctx, f, "UNSubNumbered", &s.sub_numbered)) ||
        (rc = need(ctx, f, "UNResTitle", &s.res_title)) ||
        (rc = need(ctx, f, "UNResHead", &s.res_head)) ||
        (rc = need(ctx, f, "UNOperative", &s.operative)) ||
        (rc = need(ctx, f, "UNClosing", &s.closing)) ||
        (rc = need(ctx, f, "UNAdoption", &s.adoption)) ||
        (rc = need(ctx, f, "UNSummaryHead", &s.summary_head)) ||
        (rc = need(ctx, f, "UNContentsHead", &s.contents_head)) ||
        (rc = need(ctx, f, "UNContentsPage", &s.contents_page)) ||
        (rc = need(ctx, f, "UNContents1", &s.contents[0])) ||
        (rc = need(ctx, f, "UNContents2", &s.contents[1])) ||
        (rc = need(ctx, f, "UNContents3", &s.contents[2])) ||
        (rc = need(ctx, f, "UNSignature", &s.signature)) ||
        (rc = need(ctx, f, "UNDateline", &s.dateline)) ||
        (rc = need(ctx, f, "UNMemo", &s.memo)) ||
        (rc = need(ctx, f, "UNMemoSubject", &s.memo_subject)) ||
        (rc = need(ctx, f, "UNCentered", &s.centered)) ||
        (rc = need(ctx, f, "UNTableCaption", &s.table_caption)) ||
        (rc = need(ctx, f, "UNTableTitle", &s.table_title)))
        goto done;
    s.h[0] = s.title;
    s.house = h;
    f->note_style = s.note;

    int32_t v;
    if ((rc = folio_house_length(ctx, h, "document", "note-marker-indent", -FOLIO_PT(10.7), &v)))
        goto done;
    f->note_marker_indent = v;
    if ((rc = folio_house_length(ctx, h, "document", "end-rule-width", FOLIO_PT(85), &v)))
        goto done;
    f->end_rule_width = v;
    if ((rc = folio_house_length(ctx, h, "document", "masthead-lines-width",
                           f->page.column_right - f->page.frame_left, &v)))
        goto done;
    f->mast_lines_width = v;
    /* font expansion: the language's own setting, else the document's
     * (both checked), else pdfTeX's customary 2 % */
    char lang_sec[32];
    snprintf(lang_sec, sizeof lang_sec, "lang.%s", f->lang.code);
    if ((rc = folio_house_permille(ctx, h, "document", "font-expansion", 20, 50, &v)) ||
        (rc = folio_house_permille(ctx, h, lang_sec, "font-expansion", v, 50, &v)))
        goto done;
    f->font_expansion = v;

    if ((rc = folio_style_blocks(ctx, f, &s, &cap)))
        goto done;
    if ((rc = folio_style_number_notes(f, &s, yes(folio_house_get(h, "document", "notes-restart-in-annex")), &cap)))
        goto done;
    if (folio_style_ends_with_notes_heading(r, h)) {
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
    if ((rc = folio_style_furniture(ctx, h, fonts, cls, f)))
        goto done;
    *out = f;
    f = NULL;
done:
    if (f)
        folio_arena_free(a);
    else if (rc && a)
        folio_arena_free(a);
    return rc;
}
