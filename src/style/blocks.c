/* The report's blocks as styled blocks.
 *
 * Labels are printed as typed: they are the official numbers. Only a
 * block that has none (a report built in code, an annex typed without a
 * number among several) gets one computed, from counters kept in step
 * with the typed labels; resolutions, decisions and annexes inside parts
 * count from 1 on their own, and the counting outside goes on after them.
 *
 * Each block gets the house style of what it is: a paragraph, an item of
 * a list inside a paragraph (the number hanging), a sub-numbered item, a
 * resolution's title lines (one block per group of lines of one size),
 * operative paragraphs, closing lines, the summary in its box, contents
 * entries (each pointed at the heading it names, whose page the layout
 * prints), signatures, a circular's lines. */
#include <stdlib.h>
#include <string.h>

#include "style/style_internal.h"
#include "util/text.h"
#include "util/mem.h"

#define MAX_PARTS FOLIO_MAX_PART_DEPTH

typedef struct numbers {
    int para, chapter, section, subsection, list;
    int item[4];          /* per item depth: letters or roman numerals */
} numbers;

typedef struct bst {
    folio_ctx *ctx;
    folio_flow *f;
    const styles *s;
    size_t *cap;
    numbers num[MAX_PARTS + 1];
    int depth;            /* num[depth] counts the innermost part's blocks */
    struct {
        folio_part_kind kind;
        int own;          /* it pushed its own numbers */
    } parts[MAX_PARTS];
    int nparts;
    int annex, nannexes;
    int box;              /* blocks go into the summary's box */
    int box_first;        /* the summary's first block: its heading */
    const char *page_head;/* the contents' page head, until the first entry */
    size_t contents_end;  /* 1 + index of the last contents entry */
} bst;

static numbers *num(bst *b)
{
    return &b->num[b->depth];
}

static int in_part(const bst *b, folio_part_kind k)
{
    for (int i = b->nparts - 1; i >= 0; i--)
        if (b->parts[i].kind == k)
            return 1;
    return 0;
}

static folio_part_kind inner_kind(const bst *b)
{
    return b->nparts ? b->parts[b->nparts - 1].kind : FOLIO_PART_NONE;
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

static folio_fblock *push(bst *b, const folio_block *src, const folio_pstyle *st)
{
    folio_fblock *fb = folio_style_push(b->f, b->cap);
    if (!fb)
        return NULL;
    fb->kind = FOLIO_FLOW_PARA;
    fb->style = st;
    fb->src = src;
    if (src) {
        fb->runs = src->runs;
        fb->nruns = src->nruns;
    }
    fb->in_annex = b->annex;
    fb->box = b->box;
    b->box_first = 0;
    return fb;
}

static folio_fblock *push_text(bst *b, const folio_block *src, const folio_pstyle *st,
                               const char *text)
{
    folio_fblock *fb = push(b, src, st);
    if (!fb || !text || !(fb->runs = text_run(b->f->arena, text)))
        return NULL;
    fb->nruns = 1;
    return fb;
}

/* ---- labels ---------------------------------------------------------------*/

static int roman_value(const char *s)
{
    int v = 0, prev = 0;
    for (size_t i = strlen(s); i-- > 0;) {
        int d;
        switch (s[i] | 0x20) {
        case 'i': d = 1; break;
        case 'v': d = 5; break;
        case 'x': d = 10; break;
        case 'l': d = 50; break;
        case 'c': d = 100; break;
        case 'd': d = 500; break;
        case 'm': d = 1000; break;
        default: continue;
        }
        v += d < prev ? -d : d;
        if (d > prev)
            prev = d;
    }
    return v;
}

/* The value of a typed label, to keep a counter in step with it. */
static int label_value(const char *label, folio_label_kind k)
{
    const char *p = label;
    while (*p == '(' || *p == ' ')
        p++;
    switch (k) {
    case FOLIO_LABEL_ROMAN:
    case FOLIO_LABEL_LOWER_ROMAN:
        return roman_value(p);
    case FOLIO_LABEL_UPPER:
    case FOLIO_LABEL_LOWER: {
        char c = (char)(*p | 0x20);
        size_t n = strspn(p, p[0] >= 'a' ? "abcdefghijklmnopqrstuvwxyz"
                                         : "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
        return c >= 'a' && c <= 'z' ? (int)(n ? n - 1 : 0) * 26 + (c - 'a' + 1) : 0;
    }
    default:
        return atoi(p);
    }
}

static const char *item_label(bst *b, const folio_block *blk)
{
    folio_flow *f = b->f;
    numbers *c = num(b);
    int depth = blk->level < 1 ? 0 : blk->level > 4 ? 3 : blk->level - 1;
    int n = ++c->item[depth];
    for (int k = depth + 1; k < 4; k++)
        c->item[k] = 0;
    if (blk->label_kind == FOLIO_LABEL_BULLET)
        return "\xE2\x80\xA2"; /* bullet, whatever character was typed */
    if (blk->label && *blk->label) {
        int v = label_value(blk->label, blk->label_kind);
        if (v > 0)
            c->item[depth] = v;
        return blk->label;
    }
    const char *core;
    switch (blk->label_kind) {
    case FOLIO_LABEL_LOWER_ROMAN:
        core = folio_style_roman(f->arena, n, 1);
        break;
    case FOLIO_LABEL_ARABIC:
        return folio_sprintf(f->arena, "%d.", n);
    default:
        /* the language's letters ("أ", "ب" ...), else a, b ... */
        if (!(core = folio_style_listed_label(f, b->s->house, "item-letters", n)))
            core = folio_style_letter(f->arena, n, 0);
        break;
    }
    return f->lang.french_punct ? folio_sprintf(f->arena, "%s)", core)
                                : folio_sprintf(f->arena, "(%s)", core);
}

/* A chapter or section label in the language's list ("一.", "ألف -"):
 * its place in it, so a typed one keeps its number and is written in the
 * list's form; 0 when the label is not one. */
static int listed(bst *b, const char *key, const folio_block *blk)
{
    return blk->label && *blk->label
               ? folio_style_listed_value(b->f, b->s->house, key, blk->label) : 0;
}

/* The label of chapter or section n: the language's list's, else I. or A. */
static const char *level_label(bst *b, const char *key, int n, int roman)
{
    folio_arena *a = b->f->arena;
    const char *l = folio_style_listed_label(b->f, b->s->house, key, n);
    if (l)
        return l;
    return folio_sprintf(a, "%s.",
                         roman ? folio_style_roman(a, n, 0) : folio_style_letter(a, n, 1));
}

/* A heading's label: as typed, else the next of its level's counter. */
static const char *heading_label(bst *b, const folio_block *blk, int lv)
{
    folio_arena *a = b->f->arena;
    numbers *c = num(b);
    int typed = blk->label && *blk->label;
    int v = typed ? label_value(blk->label, blk->label_kind) : 0;
    int in_list;
    switch (lv) {
    case 1:
        in_list = listed(b, "chapter-labels", blk);
        c->chapter = in_list ? in_list : v > 0 ? v : c->chapter + 1;
        c->section = c->subsection = 0;
        if (blk->label_kind == FOLIO_LABEL_NONE)
            return NULL;
        return typed && !in_list ? blk->label : level_label(b, "chapter-labels", c->chapter, 1);
    case 2:
        in_list = listed(b, "section-labels", blk);
        c->section = in_list ? in_list : v > 0 ? v : c->section + 1;
        c->subsection = 0;
        if (blk->label_kind == FOLIO_LABEL_NONE)
            return NULL;
        return typed && !in_list ? blk->label : level_label(b, "section-labels", c->section, 0);
    case 3:
        c->subsection = v > 0 ? v : c->subsection + 1;
        if (blk->label_kind == FOLIO_LABEL_NONE)
            return NULL;
        return typed ? blk->label : folio_sprintf(a, "%d.", c->subsection);
    default:
        return typed ? blk->label : NULL;
    }
}

/* A paragraph's number: as typed, else the next; a language that writes
 * its numbers otherwise ("١٢ -") writes the typed number in its form. */
static const char *para_label(bst *b, const folio_block *blk)
{
    numbers *c = num(b);
    if (blk->label && *blk->label) {
        int v = folio_style_number_value(blk->label);
        c->para = v > 0 ? v : c->para + 1;
        return folio_style_own_numbers(b->f) ? folio_style_para_number(b->f, c->para)
                                            : blk->label;
    }
    return folio_style_para_number(b->f, ++c->para);
}

static int more_than_words(const char *s, int n)
{
    int words = 0, in = 0;
    for (; s && *s; s++) {
        int sp = *s == ' ';
        if (!sp && !in && ++words > n)
            return 1;
        in = !sp;
    }
    return 0;
}

/* A new page, unless the last block already asks for one. */
static int page_break(bst *b, const folio_block *src)
{
    const folio_flow *f = b->f;
    if (!f->nblocks || f->blocks[f->nblocks - 1].kind == FOLIO_FLOW_PAGE_BREAK)
        return 0;
    int box = b->box;
    b->box = 0;
    folio_fblock *fb = push(b, src, b->s->para);
    b->box = box;
    if (!fb)
        return FOLIO_E_NOMEM;
    fb->kind = FOLIO_FLOW_PAGE_BREAK;
    fb->runs = NULL;
    fb->nruns = 0;
    return 0;
}

/* ---- parts ----------------------------------------------------------------*/

static int open_part(bst *b, const folio_block *blk)
{
    if (b->nparts == MAX_PARTS)
        return 0;
    int own = blk->part == FOLIO_PART_RESOLUTION || blk->part == FOLIO_PART_ANNEX;
    b->parts[b->nparts].kind = blk->part;
    b->parts[b->nparts].own = own && b->depth < MAX_PARTS;
    b->nparts++;
    if (b->parts[b->nparts - 1].own)
        memset(&b->num[++b->depth], 0, sizeof b->num[0]);
    switch (blk->part) {
    case FOLIO_PART_LIST:
        num(b)->list = 0;
        break;
    case FOLIO_PART_SUMMARY:
        b->box = 1;
        b->box_first = 1;
        break;
    case FOLIO_PART_CONTENTS:
        b->page_head = blk->label ? blk->label : b->f->lang.contents_page;
        return page_break(b, blk);
    case FOLIO_PART_ANNEX: {
        /* the annex's own heading line, and its "[Original: ...]" */
        const char *text = blk->label ? blk->label : b->f->lang.annex;
        folio_fblock *fb = push_text(b, blk, b->s->part_annex, text);
        if (!fb)
            return FOLIO_E_NOMEM;
        if (blk->original_language) {
            const char *line = folio_style_original_line(
                b->f->arena, b->s->house, b->f->lang.code,
                folio_house_lang(b->s->house, blk->original_language));
            if (!push_text(b, blk, b->s->annex_orig,
                           folio_sprintf(b->f->arena, "[%s]",
                                         line ? line : blk->original_language)))
                return FOLIO_E_NOMEM;
        }
        break;
    }
    default:
        break;
    }
    return 0;
}

/* The summary and the contents each end their page: the contents start
 * a page of their own, the text after them another (E/2025/72). */
static int close_part(bst *b, const folio_block *blk)
{
    if (!b->nparts)
        return 0;
    b->nparts--;
    if (b->parts[b->nparts].own)
        b->depth--;
    folio_part_kind k = b->parts[b->nparts].kind;
    if (k == FOLIO_PART_SUMMARY)
        b->box = in_part(b, FOLIO_PART_SUMMARY);
    if (k == FOLIO_PART_CONTENTS)
        b->page_head = NULL;
    return k == FOLIO_PART_SUMMARY || k == FOLIO_PART_CONTENTS ? page_break(b, blk) : 0;
}

/* ---- blocks ---------------------------------------------------------------*/

/* Title lines of one size in a resolution are set as one block, line
 * under line ("Draft resolution I" / its title). */
static int merge_title(bst *b, const folio_block *blk, const folio_pstyle *st)
{
    folio_flow *f = b->f;
    if (!f->nblocks || blk->label)
        return 0;
    folio_fblock *prev = &f->blocks[f->nblocks - 1];
    if (prev->style != st || !prev->src || prev->src->role != FOLIO_ROLE_TITLE ||
        prev->src->kind != FOLIO_BLOCK_HEADING)
        return 0;
    size_t n = prev->nruns + 1 + blk->nruns;
    folio_run *runs = folio_alloc(f->arena, n * sizeof *runs);
    if (!runs)
        return FOLIO_E_NOMEM;
    memcpy(runs, prev->runs, prev->nruns * sizeof *runs);
    memset(&runs[prev->nruns], 0, sizeof *runs);
    runs[prev->nruns].kind = FOLIO_RUN_LINE_BREAK;
    runs[prev->nruns].pos = blk->pos;
    memcpy(runs + prev->nruns + 1, blk->runs, blk->nruns * sizeof *runs);
    prev->runs = runs;
    prev->nruns = n;
    return 1;
}

static int heading(bst *b, const folio_block *blk)
{
    const styles *s = b->s;
    const folio_flow *f = b->f;
    int lv = blk->level < 0 ? 0 : blk->level > 4 ? 4 : blk->level;
    const folio_pstyle *st;
    if (blk->role == FOLIO_ROLE_TITLE && in_part(b, FOLIO_PART_RESOLUTION) &&
        inner_kind(b) != FOLIO_PART_SUMMARY) {
        st = lv <= 2 ? s->res_title : s->res_head;
        int rc = merge_title(b, blk, st);
        if (rc)
            return rc < 0 ? rc : 0;
        folio_fblock *fb = push(b, blk, st);
        if (!fb)
            return FOLIO_E_NOMEM;
        fb->label = blk->label;
        return 0;
    }
    if (blk->role == FOLIO_ROLE_TITLE && inner_kind(b) == FOLIO_PART_CONTENTS)
        return push(b, blk, s->contents_head) ? 0 : FOLIO_E_NOMEM;
    if (blk->role == FOLIO_ROLE_TITLE && inner_kind(b) == FOLIO_PART_SUMMARY)
        return push(b, blk, b->box_first ? s->summary_head : s->h[3]) ? 0 : FOLIO_E_NOMEM;
    const folio_fblock *prev = f->nblocks ? &f->blocks[f->nblocks - 1] : NULL;
    int prev_is_annex = prev && (prev->style == s->annex || prev->style == s->annex_orig ||
                                 prev->style == s->annex_head || prev->style == s->part_annex);
    if (lv > 0)
        st = s->h[lv];
    else if (prev_is_annex)
        st = s->annex_title;
    else if (blk->role == FOLIO_ROLE_TITLE)
        st = s->subtitle;
    else
        st = s->report_title; /* a transmitted report: new page */
    folio_fblock *fb = push(b, blk, st);
    if (!fb)
        return FOLIO_E_NOMEM;
    fb->label = heading_label(b, blk, lv);
    return 0;
}

static const folio_pstyle *role_style(const bst *b, const folio_block *blk)
{
    const styles *s = b->s;
    switch (blk->role) {
    case FOLIO_ROLE_CLOSING: return s->closing;
    case FOLIO_ROLE_ADOPTION: return s->adoption;
    case FOLIO_ROLE_SIGNATURE: return s->signature;
    case FOLIO_ROLE_DATELINE: return s->dateline;
    case FOLIO_ROLE_CENTERED: return s->centered;
    case FOLIO_ROLE_TABLE_NOTE: return s->table_caption;
    case FOLIO_ROLE_TITLE:
        return inner_kind(b) == FOLIO_PART_SUMMARY && b->box_first ? s->summary_head
                                                                   : s->table_title;
    default: return s->para;
    }
}

static int paragraph(bst *b, const folio_block *blk, const folio_block *next)
{
    const styles *s = b->s;
    folio_fblock *fb;
    if (blk->label_kind == FOLIO_LABEL_DECIMAL) {
        if (!(fb = push(b, blk, s->sub_numbered)))
            return FOLIO_E_NOMEM;
        fb->label = blk->label;
        return 0;
    }
    if (blk->role == FOLIO_ROLE_MEMO) {
        /* the last line of a circular's lines, all in bold, is its subject */
        int subject = (!next || next->role != FOLIO_ROLE_MEMO) && blk->nruns &&
                      blk->runs[blk->nruns - 1].kind == FOLIO_RUN_TEXT &&
                      (blk->runs[blk->nruns - 1].style & FOLIO_STRONG);
        if (!(fb = push(b, blk, subject ? s->memo_subject : s->memo)))
            return FOLIO_E_NOMEM;
        fb->label = blk->label;
        return 0;
    }
    if (blk->numbered) {
        int op = blk->role == FOLIO_ROLE_OPERATIVE || in_part(b, FOLIO_PART_RESOLUTION);
        if (!(fb = push(b, blk, op ? s->operative : s->para)))
            return FOLIO_E_NOMEM;
        fb->label = para_label(b, blk);
        return 0;
    }
    return push(b, blk, role_style(b, blk)) ? 0 : FOLIO_E_NOMEM;
}

static int item(bst *b, const folio_block *blk)
{
    const styles *s = b->s;
    folio_fblock *fb;
    if (blk->role == FOLIO_ROLE_ENTRY) {
        if (b->page_head) {
            if (!push_text(b, NULL, s->contents_page, b->page_head))
                return FOLIO_E_NOMEM;
            b->page_head = NULL;
        }
        int lv = blk->level < 1 ? 1 : blk->level > 3 ? 3 : blk->level;
        if (!(fb = push(b, blk, s->contents[lv - 1])))
            return FOLIO_E_NOMEM;
        fb->label = blk->label;
        fb->toc_entry = 1;
        b->contents_end = b->f->nblocks;
        return 0;
    }
    const folio_pstyle *st;
    if (inner_kind(b) == FOLIO_PART_LIST || in_part(b, FOLIO_PART_LIST)) {
        st = s->list_item[blk->level >= 2];
        if (!(fb = push(b, blk, st)))
            return FOLIO_E_NOMEM;
        if (blk->level <= 1 && blk->label_kind == FOLIO_LABEL_ARABIC) {
            numbers *c = num(b);
            if (blk->label && *blk->label) {
                int v = atoi(blk->label);
                c->list = v > 0 ? v : c->list + 1;
                fb->label = blk->label;
            } else {
                fb->label = folio_sprintf(b->f->arena, "%d.", ++c->list);
            }
            memset(c->item, 0, sizeof c->item);
        } else if (blk->label || blk->label_kind != FOLIO_LABEL_NONE) {
            fb->label = item_label(b, blk);
        }
        return fb->label || blk->label_kind == FOLIO_LABEL_NONE ? 0 : FOLIO_E_NOMEM;
    }
    st = blk->label_kind == FOLIO_LABEL_BULLET ? s->bullet
         : blk->level >= 2                    ? s->item2
                                              : s->item1;
    if (!(fb = push(b, blk, st)))
        return FOLIO_E_NOMEM;
    if (blk->label || blk->label_kind != FOLIO_LABEL_NONE) {
        if (!(fb->label = item_label(b, blk)))
            return FOLIO_E_NOMEM;
    }
    return 0;
}

static int annex(bst *b, const folio_block *blk)
{
    const styles *s = b->s;
    folio_flow *f = b->f;
    b->annex++;
    b->depth = 0;
    b->nparts = 0;
    b->box = 0;
    memset(&b->num[0], 0, sizeof b->num[0]);
    const char *word = f->lang.annex;
    const char *text = blk->label && *blk->label ? blk->label
                       : b->nannexes > 1
                           ? folio_sprintf(f->arena, "%s %s", word,
                                           folio_style_roman(f->arena, b->annex, 0))
                           : folio_strdup(f->arena, word);
    /* "Annex to the letter dated ...": set as a title, at the column */
    const folio_pstyle *st = more_than_words(text, 2) ? s->annex_head : s->annex;
    folio_fblock *fb = push_text(b, blk, st, text);
    if (!fb)
        return FOLIO_E_NOMEM;
    if (blk->original_language) {
        /* "[Original: French]", in the labels of the document's language */
        const char *line = folio_style_original_line(
            f->arena, s->house, f->lang.code, folio_house_lang(s->house, blk->original_language));
        if (!push_text(b, blk, s->annex_orig,
                       folio_sprintf(f->arena, "[%s]", line ? line : blk->original_language)))
            return FOLIO_E_NOMEM;
    }
    return 0;
}

static int block(bst *b, const folio_block *blk, const folio_block *next)
{
    const styles *s = b->s;
    folio_fblock *fb;
    if (blk->kind != FOLIO_BLOCK_ITEM && blk->kind != FOLIO_BLOCK_PART &&
        blk->kind != FOLIO_BLOCK_PART_END)
        memset(num(b)->item, 0, sizeof num(b)->item);
    switch (blk->kind) {
    case FOLIO_BLOCK_HEADING:
        return heading(b, blk);
    case FOLIO_BLOCK_PARAGRAPH:
        return paragraph(b, blk, next);
    case FOLIO_BLOCK_ITEM:
        return item(b, blk);
    case FOLIO_BLOCK_TABLE:
        if (!(fb = push(b, blk, s->table)))
            return FOLIO_E_NOMEM;
        fb->kind = FOLIO_FLOW_TABLE;
        fb->cell_style = s->table;
        fb->head_style = s->table_head;
        fb->table = blk->table;
        fb->runs = NULL;
        fb->nruns = 0;
        return 0;
    case FOLIO_BLOCK_PAGE_BREAK:
        if (!(fb = push(b, blk, s->para)))
            return FOLIO_E_NOMEM;
        fb->kind = FOLIO_FLOW_PAGE_BREAK;
        return 0;
    case FOLIO_BLOCK_ANNEX:
        return annex(b, blk);
    case FOLIO_BLOCK_PART:
        return open_part(b, blk);
    case FOLIO_BLOCK_PART_END:
        return close_part(b, blk);
    }
    return 0;
}

/* ---- contents entries and the blocks they name ------------------------------*/

/* Label and text folded, white space as single spaces, without the
 * punctuation that may end a heading. */
static char *key_of(folio_arena *a, const char *label, const folio_run *runs, size_t n)
{
    size_t len = label ? strlen(label) + 1 : 0;
    for (size_t i = 0; i < n; i++)
        if (runs[i].kind == FOLIO_RUN_TEXT && runs[i].text)
            len += strlen(runs[i].text);
        else if (runs[i].kind == FOLIO_RUN_LINE_BREAK)
            len++;
    char *raw = folio_malloc(len + 1), *o = raw;
    if (!raw)
        return NULL;
    if (label)
        o += strlen(strcpy(o, label)), *o++ = ' ';
    for (size_t i = 0; i < n; i++)
        if (runs[i].kind == FOLIO_RUN_TEXT && runs[i].text)
            o += strlen(strcpy(o, runs[i].text));
        else if (runs[i].kind == FOLIO_RUN_LINE_BREAK)
            *o++ = ' ';
    *o = 0;
    char *f = folio_text_fold(raw, (size_t)(o - raw));
    free(raw);
    if (!f)
        return NULL;
    size_t k = 0;
    int space = 1;
    for (const char *p = f; *p; p++) {
        int sp = *p == ' ' || *p == '\t' || *p == '\n';
        if (sp && space)
            continue;
        f[k++] = sp ? ' ' : *p;
        space = sp;
    }
    while (k && (f[k - 1] == ' ' || f[k - 1] == '.' || f[k - 1] == ':'))
        k--;
    f[k] = 0;
    char *r = folio_strdup(a, f);
    free(f);
    return r;
}

static int nameable(const styles *s, const folio_pstyle *st)
{
    return st == s->h[1] || st == s->h[2] || st == s->h[3] || st == s->annex ||
           st == s->annex_head || st == s->annex_title || st == s->report_title ||
           st == s->res_title || st == s->res_head || st == s->part_annex;
}

static int point_entries(bst *b)
{
    folio_flow *f = b->f;
    const styles *s = b->s;
    size_t from = b->contents_end, next = from;
    if (!from)
        return 0;
    char **keys = folio_calloc(f->nblocks + 1, sizeof *keys);
    if (!keys)
        return FOLIO_E_NOMEM;
    int rc = 0;
    for (size_t i = from; i < f->nblocks && !rc; i++) {
        const folio_fblock *h = &f->blocks[i];
        if (h->kind == FOLIO_FLOW_PARA && nameable(s, h->style) &&
            !(keys[i] = key_of(f->arena, h->label, h->runs, h->nruns)))
            rc = FOLIO_E_NOMEM;
    }
    for (size_t e = 0; e < from && !rc; e++) {
        folio_fblock *en = &f->blocks[e];
        if (!en->toc_entry)
            continue;
        char *k = key_of(f->arena, en->label, en->runs, en->nruns);
        if (!k) {
            rc = FOLIO_E_NOMEM;
            break;
        }
        size_t found = 0;
        /* in order after the last one found, else anywhere; an annex line
         * followed by its title is named by both */
        for (int pass = 0; pass < 2 && !found; pass++)
            for (size_t i = pass ? from : next; i < f->nblocks && !found; i++) {
                if (!keys[i])
                    continue;
                if (!strcmp(keys[i], k))
                    found = i + 1;
                else if (i + 1 < f->nblocks && keys[i + 1]) {
                    size_t kl = strlen(keys[i]);
                    if (!strncmp(k, keys[i], kl) && k[kl] == ' ' &&
                        !strcmp(k + kl + 1, keys[i + 1]))
                        found = i + 1;
                }
            }
        if (found) {
            en->toc_target = found;
            next = found;
            if (!f->page_of &&
                !(f->page_of = folio_alloc(f->arena, f->nblocks * sizeof *f->page_of))) {
                rc = FOLIO_E_NOMEM;
                break;
            }
        } else if (en->src) {
            folio_warn(b->ctx, en->src->pos,
                       "contents entry \"%s\" names no heading of the text: printed without a page",
                       k);
        }
    }
    free(keys);
    return rc;
}

int folio_style_blocks(folio_ctx *ctx, folio_flow *f, const styles *s, size_t *cap)
{
    const folio_report *r = f->report;
    bst *b = folio_calloc(1, sizeof *b);
    if (!b)
        return FOLIO_E_NOMEM;
    b->ctx = ctx;
    b->f = f;
    b->s = s;
    b->cap = cap;
    for (size_t i = 0; i < r->nblocks; i++)
        b->nannexes += r->blocks[i].kind == FOLIO_BLOCK_ANNEX;
    int rc = 0;
    for (size_t i = 0; i < r->nblocks && !rc; i++)
        rc = block(b, &r->blocks[i], i + 1 < r->nblocks ? &r->blocks[i + 1] : NULL);
    if (!rc)
        rc = point_entries(b);
    free(b);
    return rc;
}
