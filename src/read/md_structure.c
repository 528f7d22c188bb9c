/* The structure of a report's body, read from its blocks: the parts the
 * official documents have and where each typed number belongs.
 *
 *  - Resolutions and decisions, on their own or inside a report, an annex
 *    or another resolution: their title lines (a heading labelled "Draft
 *    resolution", "Decision 3/1", "59/25. ...", or headings followed by
 *    "The General Assembly,"), the preamble, the operative paragraphs
 *    numbered from 1 (again after each of their lettered parts), the
 *    meeting and date lines and "[Adopted without a vote.]". A resolution
 *    ends at a heading no deeper than its first, or where the report's own
 *    numbering resumes.
 *  - Annexes at any depth: an annex heading inside a resolution (its
 *    annex), an appendix or enclosure inside an annex, is a part of it;
 *    other annex headings are the document's annexes.
 *  - Lists inside a paragraph: a typed "1." after a paragraph while the
 *    paragraphs are further on starts a list, whose items are numbered on
 *    until the paragraph sequence resumes.
 *  - The summary (a "Summary" line before the text) and the contents (a
 *    "Contents" heading over a table: its rows become entries).
 *  - Roles: signatures, a circular's "To:" "From:" "Subject:" lines,
 *    place-and-date lines, notes under a table.
 *
 * Every typed number stays as typed. A warning (with its position) is
 * given only where a typed sequence contradicts itself in a way no part
 * explains, and the sequence goes on from the typed number, so one slip
 * gives one warning. */
#include <stdlib.h>
#include <string.h>

#include "read/md_internal.h"
#include "util/roman.h"
#include "util/mem.h"

#define MAX_PARTS 64
#define NO_LEVEL 7    /* a part opened without a heading: any heading ends it */

typedef struct scope {
    int para_next;        /* the paragraph number expected next */
    int list_next;        /* in a list inside a paragraph: its next item */
    int in_list;
    int last_chapter, last_section, last_sub;
    int heading_since;    /* a heading came since the last numbered block */
    int resolution;       /* the operative numbering of a resolution */
} scope;

typedef struct part {
    folio_part_kind kind; /* FOLIO_PART_NONE: the document (a top annex) */
    int hlevel;           /* '#' count of the heading that opened it */
    int stage;            /* resolutions: 0 title, 1 preamble, 2 operative,
                             3 closing lines */
    int has_scope;        /* it numbers its paragraphs from 1 */
    int content;          /* something besides its title lines came */
} part;

typedef struct st {
    folio_md *md;
    const folio_block *in;
    const folio_md_binfo *info;
    size_t n, i;
    folio_block *out;
    size_t nout, cap;
    part parts[MAX_PARTS];
    int nparts;
    scope scopes[MAX_PARTS + 1];
    int nscopes;
    int in_annex;         /* an annex of the document has begun */
    int annex_num;        /* its number, as typed (III: 3), 0 none */
    int front;            /* before the text proper (the summary may open) */
    int last_candidate_list; /* the last candidate became a list item */
    int failed;
} st;

/* ---- output ------------------------------------------------------------------*/

static folio_block *emit(st *s, const folio_block *b)
{
    if (s->nout == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        folio_block *v = folio_grow(s->md->rep->arena, s->out, sizeof *v, s->nout, cap);
        if (!v) {
            s->failed = 1;
            return NULL;
        }
        s->out = v;
        s->cap = cap;
    }
    s->out[s->nout] = *b;
    return &s->out[s->nout++];
}

static scope *cur_scope(st *s)
{
    return &s->scopes[s->nscopes - 1];
}

static part *top_part(st *s)
{
    return s->nparts ? &s->parts[s->nparts - 1] : NULL;
}

static int open_part(st *s, folio_part_kind kind, int hlevel, const char *label, folio_pos pos,
                     int own_scope)
{
    if (s->nparts == MAX_PARTS)
        return 0; /* deeper than any document: its blocks stay where they are */
    folio_block b = {0};
    b.kind = FOLIO_BLOCK_PART;
    b.part = kind;
    b.label = label;
    b.pos = pos;
    if (!emit(s, &b))
        return FOLIO_E_NOMEM;
    part *p = &s->parts[s->nparts++];
    memset(p, 0, sizeof *p);
    p->kind = kind;
    p->hlevel = hlevel > 0 ? hlevel : NO_LEVEL;
    p->has_scope = own_scope;
    if (own_scope) {
        scope *sc = &s->scopes[s->nscopes++];
        memset(sc, 0, sizeof *sc);
        sc->para_next = 1;
        sc->resolution = kind == FOLIO_PART_RESOLUTION;
    }
    return 0;
}

static int close_part(st *s, folio_pos pos)
{
    part *p = top_part(s);
    if (!p)
        return 0;
    if (p->kind == FOLIO_PART_LIST)
        cur_scope(s)->in_list = 0;
    if (p->has_scope && s->nscopes > 1)
        s->nscopes--;
    s->nparts--;
    folio_block b = {0};
    b.kind = FOLIO_BLOCK_PART_END;
    b.pos = pos;
    return emit(s, &b) ? 0 : FOLIO_E_NOMEM;
}

static int close_all(st *s, folio_pos pos)
{
    int rc = 0;
    while (s->nparts && !rc)
        rc = close_part(s, pos);
    return rc;
}

/* Close parts of these kinds on top of the stack. */
static int close_kinds(st *s, folio_pos pos, unsigned kinds)
{
    int rc = 0;
    while (!rc && s->nparts && (kinds & (1u << top_part(s)->kind)))
        rc = close_part(s, pos);
    return rc;
}

#define K(k) (1u << (k))

static part *innermost(st *s, unsigned kinds)
{
    for (int k = s->nparts - 1; k >= 0; k--)
        if (kinds & K(s->parts[k].kind))
            return &s->parts[k];
    return NULL;
}

/* ---- text --------------------------------------------------------------------*/

static char *text_of(st *s, const folio_run *runs, size_t n)
{
    return folio_md_runs_text(s->md->rep->arena, runs, n, " ");
}

static int blank(const char *t)
{
    for (; t && *t; t++)
        if (*t != ' ' && *t != '\t' && *t != '\n')
            return 0;
    return 1;
}

/* The text's last character that is not white space. */
static char last_char(const char *t)
{
    char c = 0;
    for (; t && *t; t++)
        if (*t != ' ' && *t != '\t' && *t != '\n')
            c = *t;
    return c;
}

static size_t words(const char *t)
{
    size_t n = 0;
    int in = 0;
    for (; t && *t; t++) {
        int sp = *t == ' ' || *t == '\t' || *t == '\n';
        if (!sp && !in)
            n++;
        in = !sp;
    }
    return n;
}

/* The first run with text is in italics. */
static int starts_emph(const folio_block *b)
{
    for (size_t i = 0; i < b->nruns; i++)
        if (b->runs[i].kind == FOLIO_RUN_TEXT && !blank(b->runs[i].text))
            return (b->runs[i].style & FOLIO_EMPH) != 0;
    return 0;
}

/* Every run with letters is in italics (punctuation may not be). */
static int all_emph(const folio_block *b)
{
    int any = 0;
    for (size_t i = 0; i < b->nruns; i++) {
        const folio_run *r = &b->runs[i];
        if (r->kind != FOLIO_RUN_TEXT || blank(r->text))
            continue;
        int letters = 0;
        for (const unsigned char *p = (const unsigned char *)r->text; *p; p++)
            letters |= (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || *p >= 0x80 ||
                       (*p >= '0' && *p <= '9');
        if (!letters)
            continue;
        if (!(r->style & FOLIO_EMPH))
            return 0;
        any = 1;
    }
    return any;
}

static char *folded(st *s, const folio_block *b)
{
    char *t = text_of(s, b->runs, b->nruns);
    if (!t)
        return NULL;
    size_t n = strlen(t);
    const char *tt = folio_md_trim(t, &n);
    char *f = folio_text_fold(tt, n);
    if (!f)
        return NULL;
    char *a = folio_strdup(s->md->rep->arena, f);
    free(f);
    return a;
}

/* Does folded text consist of one of the words of `key` (and nothing but
 * punctuation after it)? */
static int is_word(st *s, const char *key, const char *f)
{
    size_t k = f ? folio_md_lang_words(s->md->house, key, f) : 0;
    if (!k)
        return 0;
    for (const char *p = f + k; *p; p++)
        if (*p != ' ' && *p != ':' && *p != '.' && *p != '*')
            return 0;
    return 1;
}

/* ---- what blocks are -------------------------------------------------------------*/

/* "The General Assembly,": a short line in italics ending with a comma. */
static int is_formula(st *s, const folio_block *b)
{
    if (b->kind != FOLIO_BLOCK_PARAGRAPH || b->numbered || b->label)
        return 0;
    char *t = text_of(s, b->runs, b->nruns);
    return t && last_char(t) == ',' && words(t) <= 14 && all_emph(b);
}

/* A resolution's label after its word: "I", "A", "3/1", "C (71)",
 * "2025/1", "59/25", "2759 (2024)". */
static int res_label_rest(const char *p)
{
    while (*p == ' ')
        p++;
    size_t n = strlen(p);
    while (n && (p[n - 1] == '.' || p[n - 1] == ' ' || p[n - 1] == ':'))
        n--;
    if (n == 0)
        return 1;
    if (n > 20)
        return 0;
    size_t k = 0;
    while (k < n && p[k] != ' ') {
        char c = p[k];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' || c == '.' ||
              c == '-'))
            return 0;
        k++;
    }
    if (k == n)
        return 1;
    /* "C (71)" */
    if (p[k] != ' ' || p[k + 1] != '(' || p[n - 1] != ')')
        return 0;
    for (size_t j = k + 2; j + 1 < n; j++)
        if (!((p[j] >= 'a' && p[j] <= 'z') || (p[j] >= '0' && p[j] <= '9') || p[j] == '/'))
            return 0;
    return 1;
}

/* A heading labelling a resolution or decision: "Draft resolution II",
 * "Decision C (71)", "Intersessional decision 2". */
static int is_res_label(st *s, const folio_block *b)
{
    if (b->kind != FOLIO_BLOCK_HEADING || b->label)
        return 0;
    char *f = folded(s, b);
    size_t k = f ? folio_md_lang_words(s->md->house, "read-resolution", f) : 0;
    return k && (f[k] == 0 || f[k] == ' ') && res_label_rest(f + k);
}

/* The length of a resolution's number opening a heading ("59/25. ..."),
 * 0 when it has none. */
static size_t res_number(const folio_block *b)
{
    if (b->kind != FOLIO_BLOCK_HEADING || b->label || !b->nruns ||
        b->runs[0].kind != FOLIO_RUN_TEXT || !b->runs[0].text)
        return 0;
    return folio_md_resolution_number(b->runs[0].text, strlen(b->runs[0].text));
}

static int is_heading(const folio_block *b)
{
    return b->kind == FOLIO_BLOCK_HEADING;
}

static int hlevel_of(st *s, size_t i)
{
    return s->info ? s->info[i].hlevel : 0;
}

/* Do the headings from i on (the title lines of something) lead to the
 * opening line of a resolution? Sets *end to the first block after them. */
static int titles_then_formula(st *s, size_t i, size_t *end)
{
    size_t j = i;
    while (j < s->n && is_heading(&s->in[j]) && !s->in[j].label) {
        if (j > i && (is_res_label(s, &s->in[j]) || res_number(&s->in[j])))
            return 0; /* the resolution opens at its label, not before */
        j++;
    }
    *end = j;
    return j > i && j < s->n && is_formula(s, &s->in[j]);
}

/* Closing lines of a resolution: short lines in italics naming the meeting
 * or a date ("34th meeting / 8 July 2025"). */
static int is_closing(st *s, const folio_block *b)
{
    if (b->kind != FOLIO_BLOCK_PARAGRAPH || b->numbered || b->label || !all_emph(b))
        return 0;
    char *t = text_of(s, b->runs, b->nruns);
    if (!t || strlen(t) > 160)
        return 0;
    char *f = folded(s, b);
    if (!f)
        return 0;
    const char *meeting = NULL;
    for (const char *p = f; *p && !meeting; p++)
        if ((p == f || p[-1] == ' ') && folio_md_lang_words(s->md->house, "read-meeting", p))
            meeting = p;
    return meeting || folio_md_mentions_date(s->md->house, t, strlen(t));
}

static int is_bracketed(st *s, const folio_block *b)
{
    if (b->kind != FOLIO_BLOCK_PARAGRAPH || b->numbered || b->label)
        return 0;
    char *t = text_of(s, b->runs, b->nruns);
    size_t n = t ? strlen(t) : 0;
    const char *p = t ? folio_md_trim(t, &n) : NULL;
    return p && n > 2 && p[0] == '[' && p[n - 1] == ']';
}

/* "(Signed) Name", "/-/ Name": a line of the paragraph opens with one. */
static int is_signature(st *s, const folio_block *b)
{
    if (b->kind != FOLIO_BLOCK_PARAGRAPH || b->numbered || b->label)
        return 0;
    char *t = text_of(s, b->runs, b->nruns);
    if (!t || strlen(t) > 400)
        return 0;
    for (char *line = t; line;) {
        char *nl = strchr(line, '\n');
        size_t n = nl ? (size_t)(nl - line) : strlen(line);
        const char *p = folio_md_trim(line, &n);
        if (n >= 3 && !strncmp(p, "/-/", 3))
            return 1;
        if (n > 2 && p[0] == '(') {
            char *f = folio_text_fold(p + 1, n - 1);
            size_t k = f ? folio_md_lang_words(s->md->house, "read-signed", f) : 0;
            int yes = k && f[k] == ')';
            free(f);
            if (yes)
                return 1;
        }
        line = nl ? nl + 1 : NULL;
    }
    return 0;
}

static int is_dateline(st *s, const folio_block *b)
{
    if (b->kind != FOLIO_BLOCK_PARAGRAPH || b->numbered || b->label)
        return 0;
    char *f = folded(s, b);
    return f && strlen(f) < 200 && folio_md_lang_words(s->md->house, "read-done-at", f);
}

/* "Note:", "Abbreviations:", "Source:" in italics opening a line under a
 * table. */
static int is_table_note(const folio_block *b)
{
    if (b->kind != FOLIO_BLOCK_PARAGRAPH || b->numbered || b->label || !b->nruns)
        return 0;
    const folio_run *r = &b->runs[0];
    if (r->kind != FOLIO_RUN_TEXT || !(r->style & FOLIO_EMPH) || !r->text || words(r->text) > 3)
        return 0;
    const char *colon = strchr(r->text, ':');
    if (colon)
        return colon[1] == 0;
    return b->nruns > 1 && b->runs[1].kind == FOLIO_RUN_TEXT && b->runs[1].text &&
           b->runs[1].text[0] == ':';
}

/* A table's number and title over it: up to four short lines ("Table 1",
 * its title in bold, a units line), none ending a sentence. */
static int caption_lines(const folio_block *b)
{
    size_t lines = 1, chars = 0;
    for (size_t i = 0; i < b->nruns; i++) {
        if (b->runs[i].kind == FOLIO_RUN_LINE_BREAK)
            lines++;
        else if (b->runs[i].kind == FOLIO_RUN_TEXT && b->runs[i].text)
            chars += strlen(b->runs[i].text);
    }
    return lines >= 2 && lines <= 4 && chars <= 400;
}

/* ---- numbering ---------------------------------------------------------------*/

static void check_headings(st *s, const folio_block *b)
{
    scope *sc = cur_scope(s);
    if (sc->resolution || !b->label)
        return;
    folio_md_label lab;
    if (!folio_md_heading_label_in(s->md->house, b->label, strlen(b->label), &lab))
        return;
    folio_ctx *ctx = s->md->ctx;
    switch (b->label_kind) {
    case FOLIO_LABEL_ROMAN:
        if (lab.value != sc->last_chapter + 1) {
            char a[20], c[20];
            folio_warn(ctx, b->pos, "chapter numbered %s, expected %s",
                       folio_roman(lab.value, 0, a, sizeof a),
                       folio_roman(sc->last_chapter + 1, 0, c, sizeof c));
        }
        sc->last_chapter = lab.value;
        sc->last_section = sc->last_sub = 0;
        break;
    case FOLIO_LABEL_UPPER: {
        int letter = lab.alt_letter ? lab.alt_letter : lab.value;
        if (letter != sc->last_section + 1 && sc->last_section < 26)
            folio_warn(ctx, b->pos, "section lettered %c, expected %c", 'A' + letter - 1,
                       'A' + sc->last_section);
        sc->last_section = letter;
        sc->last_sub = 0;
        break;
    }
    case FOLIO_LABEL_ARABIC:
        if (lab.value != sc->last_sub + 1)
            folio_warn(ctx, b->pos, "subsection numbered %d, expected %d", lab.value,
                       sc->last_sub + 1);
        sc->last_sub = lab.value;
        break;
    default:
        break;
    }
}

static int typed_number(const folio_block *b)
{
    return b->label ? atoi(b->label) : 0;
}

static size_t text_chars(st *s, const folio_block *b)
{
    char *t = text_of(s, b->runs, b->nruns);
    return t ? folio_utf8_count(t, strlen(t)) : 0;
}

/* Is the candidate at i, whose number both the list and the paragraphs
 * expect, the list's? The run of numbers from it on is the list's when
 * the paragraphs then resume at that number; when nothing follows, short
 * texts are the list's. */
static int list_takes(st *s, size_t i, int v)
{
    int next = v;
    int short_texts = 1;
    for (size_t j = i; j < s->n; j++) {
        const folio_block *b = &s->in[j];
        if (is_heading(b) || b->kind == FOLIO_BLOCK_ANNEX)
            break;
        if (!s->info || !s->info[j].candidate)
            continue;
        int w = typed_number(b);
        if (w == next) {
            short_texts &= text_chars(s, b) < 160;
            next++;
            continue;
        }
        return w == v;
    }
    return short_texts;
}

/* What a typed "N." at block i is: 1 an item of a list inside a
 * paragraph, 0 a paragraph (operative in a resolution). Updates the
 * scope, warning where the sequence breaks. */
static int classify(st *s, size_t i)
{
    const folio_block *b = &s->in[i];
    scope *sc = cur_scope(s);
    int v = typed_number(b);
    int after = sc->heading_since;
    sc->heading_since = 0;
    if (sc->in_list) {
        int as_item = v == sc->list_next, as_para = v == sc->para_next;
        if (as_item && as_para)
            as_item = list_takes(s, i, v);
        else if (!as_item && !as_para && v == 1)
            as_item = 1; /* another list */
        else if (!as_item && !as_para) {
            as_item = abs(v - sc->list_next) < abs(v - sc->para_next);
            folio_warn(s->md->ctx, b->pos, "%s numbered %d, expected %d",
                       as_item ? "list item" : "paragraph", v,
                       as_item ? sc->list_next : sc->para_next);
        }
        if (as_item) {
            sc->list_next = v + 1;
            return 1;
        }
        sc->in_list = 0;
        sc->para_next = v + 1;
        return 0;
    }
    if (v == sc->para_next) {
        sc->para_next = v + 1;
        return 0;
    }
    if (v == 1 && sc->resolution && after) {
        sc->para_next = 2; /* a lettered part of a resolution: from 1 again */
        return 0;
    }
    /* "1." after a paragraph while the paragraphs are further on: a list
     * inside that paragraph (an agenda) */
    if (v == 1 && sc->para_next > 1 && !after && s->nout &&
        s->out[s->nout - 1].kind == FOLIO_BLOCK_PARAGRAPH) {
        sc->in_list = 1;
        sc->list_next = 2;
        return 1;
    }
    folio_warn(s->md->ctx, b->pos, "paragraph numbered %d, expected %d", v, sc->para_next);
    sc->para_next = v + 1;
    return 0;
}

/* ---- contents ------------------------------------------------------------------*/

static char *cell_text(st *s, const folio_cell *c)
{
    char *t = text_of(s, c->runs, c->nruns);
    if (!t)
        return NULL;
    size_t n = strlen(t);
    const char *p = folio_md_trim(t, &n);
    return folio_strndup(s->md->rep->arena, p, n);
}

static int entry_level(folio_label_kind k)
{
    return k == FOLIO_LABEL_UPPER ? 2 : k == FOLIO_LABEL_ARABIC ? 3 : 1;
}

/* The rows of the contents table as entries: label, text, page. */
static int contents_entries(st *s, const folio_block *tb)
{
    const folio_table *t = tb->table;
    size_t nc = t->ncols;
    if (!nc)
        return 0;
    for (size_t r = t->head_rows; r < t->nrows; r++) {
        const folio_cell *row = &t->cells[r * nc];
        folio_block e = {0};
        e.kind = FOLIO_BLOCK_ITEM;
        e.role = FOLIO_ROLE_ENTRY;
        e.pos = tb->pos;
        const folio_cell *text = nc >= 3 ? &row[1] : &row[0];
        char *label = nc >= 3 ? cell_text(s, &row[0]) : NULL;
        char *page = nc >= 2 ? cell_text(s, &row[nc - 1]) : NULL;
        if ((nc >= 3 && !label) || (nc >= 2 && !page))
            return FOLIO_E_NOMEM;
        if (label && *label) {
            folio_md_label lab;
            e.label = label;
            e.label_kind = folio_md_heading_label_in(s->md->house, label, strlen(label), &lab)
                               ? lab.kind : FOLIO_LABEL_NONE;
            if (e.label_kind == FOLIO_LABEL_ROMAN && lab.alt_letter && s->nout &&
                s->out[s->nout - 1].label_kind == FOLIO_LABEL_UPPER)
                e.label_kind = FOLIO_LABEL_UPPER; /* "I." after "H." */
        }
        e.level = entry_level(e.label_kind);
        e.page = page && *page ? page : NULL;
        e.runs = text->runs;
        e.nruns = text->nruns;
        if (e.nruns && e.runs[0].pos.line)
            e.pos = e.runs[0].pos;
        if (!e.nruns && !e.label)
            continue;
        if (!emit(s, &e))
            return FOLIO_E_NOMEM;
    }
    return 0;
}

/* ---- a circular's lines --------------------------------------------------------*/

/* "To: ...", "From: ...", "Subject: ..." as lines of one paragraph: one
 * block each, the word before the colon its label. Returns 1 when done. */
static int memo_lines(st *s, const folio_block *b, int *rc)
{
    size_t starts[16], nlines = 0, k;
    if (b->kind != FOLIO_BLOCK_PARAGRAPH || b->numbered || b->label)
        return 0;
    starts[nlines++] = 0;
    for (k = 0; k < b->nruns; k++)
        if (b->runs[k].kind == FOLIO_RUN_LINE_BREAK) {
            if (nlines == 16)
                return 0;
            starts[nlines++] = k + 1;
        }
    if (nlines < 2)
        return 0;
    size_t labels[16];
    for (size_t l = 0; l < nlines; l++) {
        size_t end = l + 1 < nlines ? starts[l + 1] - 1 : b->nruns;
        char *t = text_of(s, b->runs + starts[l], end - starts[l]);
        if (!t)
            return 0;
        size_t n = strlen(t);
        const char *p = folio_md_trim(t, &n);
        const char *colon = memchr(p, ':', n < 40 ? n : 40);
        if (!colon || colon == p)
            return 0;
        char *f = folio_text_fold(p, (size_t)(colon - p));
        size_t wl = f ? folio_md_lang_words(s->md->house, "read-memo", f) : 0;
        int whole = f && wl == strlen(f);
        free(f);
        if (!whole)
            return 0;
        labels[l] = (size_t)(colon - p) + 1;
    }
    folio_arena *a = s->md->rep->arena;
    for (size_t l = 0; l < nlines && !*rc; l++) {
        size_t end = l + 1 < nlines ? starts[l + 1] - 1 : b->nruns;
        size_t nr = end - starts[l];
        folio_block m = *b;
        m.role = FOLIO_ROLE_MEMO;
        folio_run *runs = folio_alloc(a, (nr ? nr : 1) * sizeof *runs);
        char *t = text_of(s, b->runs + starts[l], nr);
        if (!runs || !t) {
            *rc = FOLIO_E_NOMEM;
            break;
        }
        memcpy(runs, b->runs + starts[l], nr * sizeof *runs);
        size_t n = strlen(t);
        const char *p = folio_md_trim(t, &n);
        if (!(m.label = folio_strndup(a, p, labels[l]))) {
            *rc = FOLIO_E_NOMEM;
            break;
        }
        /* the label and the white space before and after it */
        folio_md_runs_strip_prefix(runs, nr, (size_t)(p - t) + labels[l]);
        while (nr && runs[0].kind == FOLIO_RUN_TEXT && (!runs[0].text || !*runs[0].text)) {
            runs++;
            nr--;
        }
        m.runs = runs;
        m.nruns = nr;
        if (nr && runs[0].pos.line)
            m.pos = runs[0].pos;
        if (!emit(s, &m))
            *rc = FOLIO_E_NOMEM;
    }
    return 1;
}

/* ---- the pass ------------------------------------------------------------------*/

/* Close what a heading at `hl` ends: lists, the summary and the contents
 * always; resolutions and annexes inside parts when it is no deeper than
 * their first heading. */
static int close_for_heading(st *s, int hl, folio_pos pos)
{
    int rc = close_kinds(s, pos, K(FOLIO_PART_LIST) | K(FOLIO_PART_CONTENTS));
    while (!rc && s->nparts) {
        part *p = top_part(s);
        if (p->kind == FOLIO_PART_SUMMARY || p->kind == FOLIO_PART_LIST ||
            p->kind == FOLIO_PART_CONTENTS) {
            rc = close_part(s, pos);
            continue;
        }
        if (hl > 0 && hl <= p->hlevel && (p->stage > 0 || p->content))
            rc = close_part(s, pos);
        else
            break;
    }
    return rc;
}

/* The number of an annex label: the roman numeral or number after its
 * word ("Annex III" 3), 0 when it has none. */
static int annex_number(const char *label)
{
    const char *sp = label ? strrchr(label, ' ') : NULL;
    if (!sp || !sp[1])
        return 0;
    int v = folio_md_roman_value(sp + 1, strlen(sp + 1));
    return v ? v : atoi(sp + 1);
}

/* An annex heading: the document's, or one inside a part. */
static int annex_heading(st *s, const folio_block *b, int hl, int kind)
{
    int rc = close_kinds(s, b->pos, K(FOLIO_PART_LIST) | K(FOLIO_PART_CONTENTS) |
                                        K(FOLIO_PART_SUMMARY));
    /* "Annex I" inside the decision of annex III (typed at the level of
     * the document's annexes): the numbering starting again says whose */
    int num = annex_number(b->label);
    int restart = s->in_annex && num == 1 && s->annex_num > 1 &&
                  innermost(s, K(FOLIO_PART_RESOLUTION)) != NULL;
    /* sibling annexes and parts shallower than this heading end here */
    while (!rc && s->nparts && !restart) {
        part *p = top_part(s);
        if ((p->kind == FOLIO_PART_ANNEX && hl > 0 && hl <= p->hlevel) ||
            (p->kind == FOLIO_PART_RESOLUTION && hl > 0 && hl < p->hlevel))
            rc = close_part(s, b->pos);
        else
            break;
    }
    if (rc)
        return rc;
    int nested = innermost(s, K(FOLIO_PART_RESOLUTION) | K(FOLIO_PART_ANNEX)) != NULL;
    if (!nested && s->in_annex && kind == 2)
        nested = 1; /* an appendix, an enclosure of the document's annex */
    if (!nested) {
        if ((rc = close_all(s, b->pos)))
            return rc;
        s->nscopes = 1;
        memset(cur_scope(s), 0, sizeof *cur_scope(s));
        cur_scope(s)->para_next = 1;
        s->in_annex = 1;
        s->annex_num = num;
        s->front = 0;
        return emit(s, b) ? 0 : FOLIO_E_NOMEM;
    }
    if (s->nparts)
        top_part(s)->content = 1;
    if ((rc = open_part(s, FOLIO_PART_ANNEX, hl, b->label, b->pos, 1)))
        return rc;
    /* the label and its "[Original: ...]" are the part block's */
    s->out[s->nout - 1].original_language = b->original_language;
    return 0;
}

/* A resolution whose title lines are blocks [i, end). */
static int resolution(st *s, size_t i, size_t end)
{
    int hl = hlevel_of(s, i);
    int rc = close_for_heading(s, hl, s->in[i].pos);
    if (rc)
        return rc;
    if (s->nparts)
        top_part(s)->content = 1;
    if ((rc = open_part(s, FOLIO_PART_RESOLUTION, hl ? hl : 4, NULL, s->in[i].pos, 1)))
        return rc;
    s->front = 0;
    for (size_t j = i; j < end; j++) {
        folio_block h = s->in[j];
        h.role = FOLIO_ROLE_TITLE;
        if (s->info && !h.label)
            h.level = s->info[j].mdlevel > 4 ? 4 : s->info[j].mdlevel;
        size_t k = res_number(&h);
        if (k) {
            /* "59/25. Title": the number is the title's label */
            h.label = folio_strndup(s->md->rep->arena, h.runs[0].text, k);
            folio_run *runs = folio_alloc(s->md->rep->arena, h.nruns * sizeof *runs);
            if (!h.label || !runs)
                return FOLIO_E_NOMEM;
            memcpy(runs, h.runs, h.nruns * sizeof *runs);
            folio_md_runs_strip_prefix(runs, h.nruns, k);
            h.runs = runs;
        }
        if (!emit(s, &h))
            return FOLIO_E_NOMEM;
    }
    return 0;
}

static int heading_block(st *s)
{
    const folio_block *b = &s->in[s->i];
    int hl = hlevel_of(s, s->i);
    size_t end;
    int rc;
    /* the title lines of a resolution or decision */
    if (is_res_label(s, b) || res_number(b)) {
        end = s->i + 1;
        while (end < s->n && is_heading(&s->in[end]) && !s->in[end].label &&
               !is_res_label(s, &s->in[end]) && end - s->i < 3 &&
               hlevel_of(s, end) >= hl)
            end++;
        rc = resolution(s, s->i, end);
        s->i = end - 1;
        return rc;
    }
    part *res = innermost(s, K(FOLIO_PART_RESOLUTION));
    if (!b->label && titles_then_formula(s, s->i, &end) &&
        !(res && res->stage == 0)) {
        rc = resolution(s, s->i, end);
        s->i = end - 1;
        return rc;
    }
    char *f = folded(s, b);
    if (!f)
        return FOLIO_E_NOMEM;
    part *sum = innermost(s, K(FOLIO_PART_SUMMARY));
    if (sum && is_word(s, "read-summary-inside", f)) {
        folio_block h = *b;
        h.role = FOLIO_ROLE_TITLE;
        return emit(s, &h) ? 0 : FOLIO_E_NOMEM;
    }
    if ((rc = close_for_heading(s, hl, b->pos)))
        return rc;
    folio_block h = *b;
    /* label, text and page, or text and page: the entries of the
     * contents; a table with more columns (paragraphs and pages, as older
     * documents have) stays a table */
    if (s->i + 1 < s->n && s->in[s->i + 1].kind == FOLIO_BLOCK_TABLE &&
        s->in[s->i + 1].table->ncols >= 2 && s->in[s->i + 1].table->ncols <= 3 &&
        is_word(s, "read-contents", f)) {
        const folio_table *t = s->in[s->i + 1].table;
        const char *page = NULL;
        if (t->head_rows && t->ncols)
            page = cell_text(s, &t->cells[(t->head_rows - 1) * t->ncols + t->ncols - 1]);
        if ((rc = open_part(s, FOLIO_PART_CONTENTS, hl, page && *page ? page : NULL, b->pos, 0)))
            return rc;
        h.role = FOLIO_ROLE_TITLE;
        return emit(s, &h) ? 0 : FOLIO_E_NOMEM;
    }
    if (s->front && is_word(s, "read-summary", f)) {
        if ((rc = open_part(s, FOLIO_PART_SUMMARY, hl, NULL, b->pos, 0)))
            return rc;
        h.role = FOLIO_ROLE_TITLE;
        return emit(s, &h) ? 0 : FOLIO_E_NOMEM;
    }
    if (h.role != FOLIO_ROLE_TITLE)
        s->front = s->front && !h.label;
    res = innermost(s, K(FOLIO_PART_RESOLUTION) | K(FOLIO_PART_ANNEX));
    if (res && res->kind == FOLIO_PART_RESOLUTION) {
        /* a heading of the resolution's own: a part (A, B) or a title */
        h.role = FOLIO_ROLE_TITLE;
        res->content = 1;
    } else if (res && !res->content && !h.label) {
        h.role = FOLIO_ROLE_TITLE; /* an annex's title, under its heading */
        res->content = 1;
    } else {
        check_headings(s, &h);
        if (res)
            res->content = 1;
    }
    cur_scope(s)->heading_since = 1;
    return emit(s, &h) ? 0 : FOLIO_E_NOMEM;
}

/* Convert the candidate at i into an item of a list inside a paragraph. */
static int list_item(st *s, folio_block *b)
{
    if (!innermost(s, K(FOLIO_PART_LIST)) || top_part(s)->kind != FOLIO_PART_LIST) {
        int rc = close_kinds(s, b->pos, K(FOLIO_PART_LIST));
        if (rc || (rc = open_part(s, FOLIO_PART_LIST, 0, NULL, b->pos, 0)))
            return rc;
    }
    b->kind = FOLIO_BLOCK_ITEM;
    b->level = 1;
    b->numbered = 0;
    return emit(s, b) ? 0 : FOLIO_E_NOMEM;
}

static int paragraph_block(st *s)
{
    const folio_block *in = &s->in[s->i];
    const folio_md_binfo *inf = s->info ? &s->info[s->i] : NULL;
    folio_block b = *in;
    int rc = 0;
    part *res;
    /* further blocks of a list item inside a paragraph */
    if (inf && (inf->cont || inf->child) && s->last_candidate_list) {
        if (b.kind == FOLIO_BLOCK_PARAGRAPH) {
            b.kind = FOLIO_BLOCK_ITEM;
            b.level = 1;
        } else {
            b.level++;
        }
        return emit(s, &b) ? 0 : FOLIO_E_NOMEM;
    }
    /* an item typed right after a list item inside a paragraph (not
     * indented enough for Markdown to nest it) is one of its items */
    if (b.kind == FOLIO_BLOCK_ITEM && s->last_candidate_list && s->nparts &&
        top_part(s)->kind == FOLIO_PART_LIST) {
        b.level++;
        return emit(s, &b) ? 0 : FOLIO_E_NOMEM;
    }
    if (!(inf && (inf->cont || inf->child || inf->candidate)) &&
        (rc = close_kinds(s, b.pos, K(FOLIO_PART_LIST))))
        return rc;
    if (inf && inf->candidate) {
        s->front = 0;
        if ((rc = close_kinds(s, b.pos, K(FOLIO_PART_SUMMARY))))
            return rc;
        res = innermost(s, K(FOLIO_PART_RESOLUTION) | K(FOLIO_PART_ANNEX));
        /* the report's numbering resuming ends an embedded resolution */
        while (res && res->kind == FOLIO_PART_RESOLUTION && res->stage >= 1 &&
               s->nscopes > 1) {
            int v = typed_number(&b);
            scope *outer = &s->scopes[s->nscopes - 2];
            /* an operative paragraph opens with its verb in italics */
            if (v != outer->para_next || starts_emph(&b) ||
                (v == 1 && cur_scope(s)->heading_since))
                break;
            while (s->nparts && top_part(s) != res)
                if ((rc = close_part(s, b.pos)))
                    return rc;
            if ((rc = close_part(s, b.pos)))
                return rc;
            res = innermost(s, K(FOLIO_PART_RESOLUTION) | K(FOLIO_PART_ANNEX));
        }
        int item = classify(s, s->i);
        s->last_candidate_list = item;
        if (item)
            return list_item(s, &b);
        if ((rc = close_kinds(s, b.pos, K(FOLIO_PART_LIST))))
            return rc;
        if (res) {
            res->content = 1;
            if (res->kind == FOLIO_PART_RESOLUTION) {
                b.role = FOLIO_ROLE_OPERATIVE;
                res->stage = 2;
            }
        }
        return emit(s, &b) ? 0 : FOLIO_E_NOMEM;
    }
    s->last_candidate_list = 0;
    if (b.kind == FOLIO_BLOCK_ITEM) {
        if ((res = innermost(s, K(FOLIO_PART_RESOLUTION) | K(FOLIO_PART_ANNEX))))
            res->content = 1;
        return emit(s, &b) ? 0 : FOLIO_E_NOMEM;
    }
    /* a circular's "To:" "From:" "Subject:" */
    if (memo_lines(s, &b, &rc))
        return rc;
    char *f = NULL;
    if (s->front && !innermost(s, K(FOLIO_PART_SUMMARY))) {
        if (!(f = folded(s, &b)))
            return FOLIO_E_NOMEM;
        if (is_word(s, "read-summary", f) && words(f) <= 3) {
            if ((rc = open_part(s, FOLIO_PART_SUMMARY, 0, NULL, b.pos, 0)))
                return rc;
            b.role = FOLIO_ROLE_TITLE;
            return emit(s, &b) ? 0 : FOLIO_E_NOMEM;
        }
    }
    if (!innermost(s, K(FOLIO_PART_SUMMARY)))
        s->front = 0;
    if (is_formula(s, &b)) {
        res = innermost(s, K(FOLIO_PART_RESOLUTION));
        if (!res || res->stage > 0) {
            if (s->nparts)
                top_part(s)->content = 1;
            if ((rc = open_part(s, FOLIO_PART_RESOLUTION, 0, NULL, b.pos, 1)))
                return rc;
            res = top_part(s);
        }
        res->stage = 1;
        b.role = FOLIO_ROLE_FORMULA;
        return emit(s, &b) ? 0 : FOLIO_E_NOMEM;
    }
    res = innermost(s, K(FOLIO_PART_RESOLUTION) | K(FOLIO_PART_ANNEX));
    if (res)
        res->content = 1;
    if (res && res->kind == FOLIO_PART_RESOLUTION) {
        char *t = text_of(s, b.runs, b.nruns);
        char last = last_char(t);
        if (res->stage >= 2 && is_closing(s, &b)) {
            b.role = FOLIO_ROLE_CLOSING;
            res->stage = 3;
        } else if (res->stage >= 2 && is_bracketed(s, &b)) {
            b.role = FOLIO_ROLE_ADOPTION;
            res->stage = 3;
        } else if (res->stage <= 1 && starts_emph(&b) && (last == '.' || last == ';')) {
            b.role = FOLIO_ROLE_OPERATIVE; /* the only, unnumbered, one */
            res->stage = 2;
        } else if (res->stage <= 1) {
            b.role = FOLIO_ROLE_PREAMBLE;
            res->stage = 1;
        }
    }
    /* "*Chair*:" over the names of a list: the list's title line, at the
     * column's edge (A/AC.182/2025/L.1, ST/IC/2025/1) */
    if (b.role == FOLIO_ROLE_TEXT && !b.label && s->i + 1 < s->n &&
        s->in[s->i + 1].kind == FOLIO_BLOCK_ITEM && starts_emph(&b)) {
        char *t = text_of(s, b.runs, b.nruns);
        if (t && last_char(t) == ':' && words(t) <= 6) {
            b.role = FOLIO_ROLE_TITLE;
            return emit(s, &b) ? 0 : FOLIO_E_NOMEM;
        }
    }
    if (b.role == FOLIO_ROLE_TEXT && !b.label && s->i + 1 < s->n &&
        s->in[s->i + 1].kind == FOLIO_BLOCK_TABLE && caption_lines(&b)) {
        b.role = FOLIO_ROLE_TITLE; /* "Table 1" / its title, over the table */
        return emit(s, &b) ? 0 : FOLIO_E_NOMEM;
    }
    if (b.role == FOLIO_ROLE_TEXT) {
        if (is_signature(s, &b))
            b.role = FOLIO_ROLE_SIGNATURE;
        else if (is_dateline(s, &b))
            b.role = FOLIO_ROLE_DATELINE;
        else if (is_table_note(&b) && s->nout &&
                 (s->out[s->nout - 1].kind == FOLIO_BLOCK_TABLE ||
                  s->out[s->nout - 1].role == FOLIO_ROLE_TABLE_NOTE))
            b.role = FOLIO_ROLE_TABLE_NOTE;
    }
    return emit(s, &b) ? 0 : FOLIO_E_NOMEM;
}

int folio_md_structure(folio_md *md, folio_block **blocks, size_t *nblocks,
                       const folio_md_binfo *info)
{
    st *s = folio_calloc(1, sizeof *s);
    if (!s)
        return FOLIO_E_NOMEM;
    s->md = md;
    s->in = *blocks;
    s->n = *nblocks;
    s->info = info;
    s->nscopes = 1;
    s->scopes[0].para_next = 1;
    s->front = 1;
    int rc = 0;
    for (s->i = 0; s->i < s->n && !rc; s->i++) {
        const folio_block *b = &s->in[s->i];
        switch (b->kind) {
        case FOLIO_BLOCK_HEADING:
            rc = heading_block(s);
            break;
        case FOLIO_BLOCK_ANNEX:
            rc = annex_heading(s, b, hlevel_of(s, s->i), info ? info[s->i].annex_word : 1);
            break;
        case FOLIO_BLOCK_PARAGRAPH:
        case FOLIO_BLOCK_ITEM:
            rc = paragraph_block(s);
            break;
        case FOLIO_BLOCK_TABLE: {
            part *c = innermost(s, K(FOLIO_PART_CONTENTS));
            s->front = 0;
            if (c && top_part(s) == c) {
                rc = contents_entries(s, b);
                if (!rc)
                    rc = close_part(s, b->pos);
                break;
            }
            if (!(rc = close_kinds(s, b->pos, K(FOLIO_PART_LIST))))
                rc = emit(s, b) ? 0 : FOLIO_E_NOMEM;
            part *res = innermost(s, K(FOLIO_PART_RESOLUTION) | K(FOLIO_PART_ANNEX));
            if (res)
                res->content = 1;
            break;
        }
        default:
            rc = emit(s, b) ? 0 : FOLIO_E_NOMEM;
            break;
        }
        if (!rc && s->failed)
            rc = FOLIO_E_NOMEM;
    }
    if (!rc)
        rc = close_all(s, s->n ? s->in[s->n - 1].pos : (folio_pos){0, 0});
    if (!rc && s->failed)
        rc = FOLIO_E_NOMEM;
    if (!rc) {
        *blocks = s->out;
        *nblocks = s->nout;
    }
    free(s);
    return rc;
}
