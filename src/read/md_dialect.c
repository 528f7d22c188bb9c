/* The UN dialect: raw blocks → report blocks.
 *
 * Headings take their level from their label, not from the number of '#':
 * "I." chapter (1), "A." section (2), "1." subsection (3), unlabelled
 * subhead (4), or title-like (0) when not deeper than the title. Lines in
 * bold with a label are headings too. Top-level ordered list items whose
 * number continues the paragraph sequence (or whose text is long) are
 * numbered paragraphs; other list items and "(a)"/"a)" paragraphs are
 * items, their level the list nesting (lists typed with a deeper indent
 * than the item before them nest under it). Typed numbers are kept; where
 * they break the sequence a warning says so. */
#include <stdlib.h>
#include <string.h>

#include "read/md_internal.h"

#define MAX_STACK 128
#define MAX_LEVELS 64
#define LABEL_BYTES 64 /* enough of a block's start to read its label */

typedef struct dl {
    folio_md *md;
    int in_note;
    int title_depth;
    folio_block *v;
    size_t n, cap;
    int last_para, last_chapter, last_section, last_sub;
    int annex_title_due;   /* the next unlabelled heading titles the annex */
    int annex_orig_due;    /* blocks left in which "[Original: …]" may come */
    size_t annex;          /* 1 + index of the current annex block */
    struct { int col, level; } stack[MAX_STACK]; /* recent items by column */
    int nstack;
    int letters[MAX_LEVELS]; /* last letter per item level */
    int outer_id, outer_numbered;
    int list_id, list_base;
} dl;

static folio_block *push(dl *d, folio_block_kind kind, folio_pos pos)
{
    if (d->n == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 2;
        folio_block *v = folio_grow(d->md->rep->arena, d->v, sizeof *v, d->n, cap);
        if (!v)
            return NULL;
        d->v = v;
        d->cap = cap;
    }
    folio_block *b = &d->v[d->n++];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    b->pos = pos;
    return b;
}

static int finish(dl *d, folio_block *b, folio_run *runs, size_t n)
{
    return folio_md_runs_finish(d->md->rep->arena, runs, n, &b->runs, &b->nruns);
}

/* The final runs of a block with its label (`skip` bytes, the label and
 * the space after it) taken off the start. */
static int finish_label(dl *d, folio_block *b, const folio_md_raw *r, size_t skip)
{
    int rc = finish(d, b, r->runs, r->nruns);
    if (rc || !skip)
        return rc;
    folio_md_runs_strip_prefix(b->runs, b->nruns, skip);
    while (b->nruns && b->runs[0].kind == FOLIO_RUN_TEXT && !*b->runs[0].text) {
        b->runs++;
        b->nruns--;
    }
    return 0;
}

static void clear_items(dl *d)
{
    d->nstack = 0;
}

static int clamp_level(int level)
{
    return level < 0 ? 0 : level >= MAX_LEVELS ? MAX_LEVELS - 1 : level;
}

/* Remember an item's column and level; drop items at or right of it. */
static void note_item(dl *d, int col, int level)
{
    while (d->nstack && d->stack[d->nstack - 1].col >= col)
        d->nstack--;
    if (d->nstack < MAX_STACK) {
        d->stack[d->nstack].col = col;
        d->stack[d->nstack].level = level;
        d->nstack++;
    }
    for (int l = clamp_level(level) + 1; l < MAX_LEVELS; l++)
        d->letters[l] = 0;
}

/* The level of something typed at `col`, given the items before it:
 * the same as an item at that column, one deeper than an item left of it. */
static int level_at(dl *d, int col)
{
    while (d->nstack && d->stack[d->nstack - 1].col > col)
        d->nstack--;
    if (!d->nstack)
        return 1;
    if (d->stack[d->nstack - 1].col == col)
        return d->stack[d->nstack - 1].level;
    return d->stack[d->nstack - 1].level + 1;
}

/* ---- numbering checks -------------------------------------------------------*/

static void check_paragraph(dl *d, int n, folio_pos pos)
{
    if (d->in_note)
        return;
    if (n != d->last_para + 1)
        folio_warn(d->md->ctx, pos, "paragraph numbered %d, expected %d", n, d->last_para + 1);
    d->last_para = n;
}

static void check_chapter(dl *d, int v, folio_pos pos)
{
    if (!d->in_note && v != d->last_chapter + 1) {
        char a[20], b[20];
        folio_warn(d->md->ctx, pos, "chapter numbered %s, expected %s",
                   folio_md_roman_string(v, a, sizeof a),
                   folio_md_roman_string(d->last_chapter + 1, b, sizeof b));
    }
    d->last_chapter = v;
    d->last_section = 0;
    d->last_sub = 0;
}

static void check_section(dl *d, int letter, folio_pos pos)
{
    if (!d->in_note && letter != d->last_section + 1 && d->last_section < 26)
        folio_warn(d->md->ctx, pos, "section lettered %c, expected %c", 'A' + letter - 1,
                   'A' + d->last_section);
    d->last_section = letter;
    d->last_sub = 0;
}

static void check_subsection(dl *d, int v, folio_pos pos)
{
    if (!d->in_note && v != d->last_sub + 1)
        folio_warn(d->md->ctx, pos, "subsection numbered %d, expected %d", v, d->last_sub + 1);
    d->last_sub = v;
}

/* "I." is chapter one unless it follows section H; "C.", "D.", "L.", "M."
 * are letters (no report has a hundredth chapter). */
static folio_label_kind heading_kind(dl *d, const folio_md_label *lab)
{
    if (lab->kind != FOLIO_LABEL_ROMAN || !lab->alt_letter)
        return lab->kind;
    int letter = lab->alt_letter;
    if (letter == d->last_section + 1 && d->last_section > 0)
        return FOLIO_LABEL_UPPER;
    if (letter == 'C' - 'A' + 1 || letter == 'D' - 'A' + 1 || letter == 'L' - 'A' + 1 ||
        letter == 'M' - 'A' + 1)
        return FOLIO_LABEL_UPPER;
    return FOLIO_LABEL_ROMAN;
}

static folio_label_kind item_kind(dl *d, folio_md_label *lab, int level)
{
    if (lab->kind == FOLIO_LABEL_LOWER_ROMAN && lab->alt_letter &&
        d->letters[clamp_level(level)] == lab->alt_letter - 1) {
        lab->kind = FOLIO_LABEL_LOWER;
        lab->value = lab->alt_letter;
    }
    if (lab->kind == FOLIO_LABEL_LOWER)
        d->letters[clamp_level(level)] = lab->value;
    return lab->kind;
}

/* ---- blocks ------------------------------------------------------------------*/

static int annex(dl *d, const folio_md_raw *r, const char *text, size_t len)
{
    folio_block *b = push(d, FOLIO_BLOCK_ANNEX, r->pos);
    if (!b || !(b->label = folio_strndup(d->md->rep->arena, text, len)))
        return FOLIO_E_NOMEM;
    d->annex = d->n;
    d->annex_title_due = 1;
    d->annex_orig_due = 3;
    d->last_para = d->last_chapter = d->last_section = d->last_sub = 0;
    clear_items(d);
    return 0;
}

static char *flat(dl *d, const folio_md_raw *r, size_t *len)
{
    char *t = folio_md_runs_text(d->md->rep->arena, r->runs, r->nruns, " ");
    if (t)
        *len = strlen(t);
    return t;
}

/* A heading: `bold_line` for a paragraph in bold taken as one. */
static int heading(dl *d, const folio_md_raw *r, int bold_line)
{
    size_t len;
    char *text = flat(d, r, &len);
    if (!text)
        return FOLIO_E_NOMEM;
    size_t tl = len;
    const char *trimmed = folio_md_trim(text, &tl);
    if (folio_md_is_annex(d->md->house, trimmed, tl))
        return annex(d, r, trimmed, tl);
    folio_block *b = push(d, FOLIO_BLOCK_HEADING, r->pos);
    if (!b)
        return FOLIO_E_NOMEM;
    folio_md_label lab;
    size_t skip = 0;
    if (folio_md_heading_label_in(d->md->house, text, len, &lab)) {
        b->label_kind = heading_kind(d, &lab);
        if (!(b->label = folio_strndup(d->md->rep->arena, text, lab.len)))
            return FOLIO_E_NOMEM;
        switch (b->label_kind) {
        case FOLIO_LABEL_ROMAN:
            b->level = 1;
            check_chapter(d, lab.value, r->pos);
            break;
        case FOLIO_LABEL_UPPER:
            b->level = 2;
            check_section(d, lab.alt_letter ? lab.alt_letter : lab.value, r->pos);
            break;
        default:
            b->level = 3;
            check_subsection(d, lab.value, r->pos);
            break;
        }
        skip = lab.skip;
        d->annex_title_due = 0;
    } else if (d->annex_title_due) {
        b->level = 0;
        d->annex_title_due = 0;
    } else if (bold_line) {
        b->level = 4;
    } else {
        int title_depth = d->title_depth > 0 ? d->title_depth : 1;
        b->level = r->hlevel <= title_depth ? 0 : 4;
    }
    clear_items(d);
    int rc = finish_label(d, b, r, skip);
    /* a heading in bold throughout: the bold is the heading's look */
    if (!rc && folio_md_runs_all_strong(b->runs, b->nruns))
        for (size_t i = 0; i < b->nruns; i++)
            b->runs[i].style &= ~(unsigned)FOLIO_STRONG;
    return rc;
}

static int numbered_paragraph(dl *d, const folio_md_raw *r, int number, size_t strip)
{
    folio_block *b = push(d, FOLIO_BLOCK_PARAGRAPH, r->pos);
    if (!b)
        return FOLIO_E_NOMEM;
    b->numbered = 1;
    b->label_kind = FOLIO_LABEL_ARABIC;
    if (!(b->label = folio_sprintf(d->md->rep->arena, "%d.", number)))
        return FOLIO_E_NOMEM;
    check_paragraph(d, number, r->pos);
    clear_items(d);
    return finish_label(d, b, r, strip);
}

static int plain_paragraph(dl *d, const folio_md_raw *r)
{
    folio_block *b = push(d, FOLIO_BLOCK_PARAGRAPH, r->pos);
    if (!b)
        return FOLIO_E_NOMEM;
    clear_items(d);
    return finish(d, b, r->runs, r->nruns);
}

/* An item at `level`; `col` is where its marker or label was typed. */
static int item(dl *d, const folio_md_raw *r, int level, int col, int labelled)
{
    folio_arena *a = d->md->rep->arena;
    folio_block *b = push(d, FOLIO_BLOCK_ITEM, r->pos);
    size_t skip = 0;
    if (!b)
        return FOLIO_E_NOMEM;
    b->level = level;
    if (labelled) {
        char text[LABEL_BYTES];
        size_t len = folio_md_runs_prefix(r->runs, r->nruns, text, sizeof text);
        folio_md_label lab;
        if (r->list_depth && r->inner.ordered) {
            b->label_kind = FOLIO_LABEL_ARABIC;
            b->label = folio_sprintf(a, "%d%c", r->inner.number, r->inner.delim);
        } else if (folio_md_item_label_in(d->md->house, text, len, &lab)) {
            b->label_kind = item_kind(d, &lab, level);
            b->label = folio_strndup(a, text, lab.len);
            skip = lab.skip;
        } else {
            b->label_kind = FOLIO_LABEL_BULLET;
            b->label = folio_sprintf(a, "%c", r->list_depth ? r->inner.bullet : '-');
        }
        if (!b->label)
            return FOLIO_E_NOMEM;
    }
    note_item(d, col, level);
    return finish_label(d, b, r, skip);
}

static int is_final_punct(char last)
{
    return last == '.' || last == ':' || last == ';' || last == ',';
}

static int single_line(const folio_md_raw *r)
{
    for (size_t i = 0; i < r->nruns; i++)
        if (r->runs[i].kind == FOLIO_MD_RUN_SOFT_BREAK || r->runs[i].kind == FOLIO_RUN_LINE_BREAK)
            return 0;
    return 1;
}

/* A paragraph outside lists. */
static int paragraph(dl *d, const folio_md_raw *r)
{
    char last;
    size_t chars = folio_md_runs_chars(r->runs, r->nruns, &last);
    int one_line = single_line(r) && chars <= 150;
    /* labels need the start only; whole-line tests only short lines */
    char prefix[LABEL_BYTES];
    size_t len = 0;
    char *text = prefix;
    if (one_line)
        text = flat(d, r, &len);
    else
        len = folio_md_runs_prefix(r->runs, r->nruns, prefix, sizeof prefix);
    if (!text)
        return FOLIO_E_NOMEM;
    folio_md_label lab;
    const char *lang;
    if (one_line && d->annex && d->annex_orig_due &&
        folio_md_bracket_original(d->md->house, text, len, &lang)) {
        if (!lang)
            folio_warn(d->md->ctx, r->pos, "unknown language in \"%s\"", text);
        else if (!(d->v[d->annex - 1].original_language =
                       folio_strdup(d->md->rep->arena, lang)))
            return FOLIO_E_NOMEM;
        d->annex_orig_due = 0;
        return !lang ? plain_paragraph(d, r) : 0;
    }
    if (one_line && folio_md_is_annex(d->md->house, text, len))
        return annex(d, r, text, len);
    if (folio_md_runs_all_strong(r->runs, r->nruns)) {
        int has = folio_md_heading_label_in(d->md->house, text, len, &lab);
        if (has && (lab.kind == FOLIO_LABEL_ROMAN || lab.kind == FOLIO_LABEL_UPPER))
            return heading(d, r, 1);
        if (one_line && !is_final_punct(last) && !folio_md_item_label_in(d->md->house, text, len, &lab))
            return heading(d, r, 1);
    }
    d->annex_title_due = 0;
    if (!d->in_note && folio_md_number_label(text, len, &lab))
        return numbered_paragraph(d, r, lab.value, lab.skip);
    if (folio_md_item_label_in(d->md->house, text, len, &lab))
        return item(d, r, level_at(d, r->pos.col), r->pos.col, 1);
    return plain_paragraph(d, r);
}

/* A paragraph inside list items. */
static int list_paragraph(dl *d, const folio_md_raw *r)
{
    d->annex_title_due = 0;
    if (r->outer.id != d->outer_id) {
        d->outer_id = r->outer.id;
        int numbered = 0;
        if (!d->in_note && r->outer.ordered && r->outer.delim == '.' && r->list_depth == 1 &&
            r->first_in_item) {
            int diff = abs(r->outer.number - (d->last_para + 1));
            char last;
            numbered = diff <= 2 || folio_md_runs_chars(r->runs, r->nruns, &last) >= 200;
        }
        d->outer_numbered = numbered;
    }
    if (r->outer.list_id != d->list_id) {
        d->list_id = r->outer.list_id;
        if (d->outer_numbered) {
            clear_items(d);
            d->list_base = 0;
        } else {
            d->list_base = level_at(d, r->outer.col) - 1;
        }
    }
    int level;
    if (d->outer_numbered) {
        if (r->list_depth == 1)
            return r->first_in_item ? numbered_paragraph(d, r, r->outer.number, 0)
                                    : plain_paragraph(d, r);
        level = r->list_depth - 1;
    } else {
        level = r->list_depth + d->list_base;
    }
    return item(d, r, level, r->inner.col, r->first_in_item);
}

int folio_md_dialect(folio_md *md, const folio_md_raw *raw, size_t n, int in_note,
                     int title_depth, folio_block **blocks, size_t *nblocks)
{
    dl *d = calloc(1, sizeof *d);
    if (!d)
        return FOLIO_E_NOMEM;
    d->md = md;
    d->in_note = in_note;
    d->title_depth = title_depth;
    int rc = 0;
    for (size_t i = 0; i < n && !rc; i++) {
        const folio_md_raw *r = &raw[i];
        if (d->annex_orig_due)
            d->annex_orig_due--;
        switch (r->kind) {
        case FOLIO_MD_RAW_RULE:
            /* the closing rule of a document carries nothing */
            if (i + 1 < n)
                folio_warn(md->ctx, r->pos, "thematic break ignored");
            break;
        case FOLIO_MD_RAW_PAGE_BREAK:
            rc = push(d, FOLIO_BLOCK_PAGE_BREAK, r->pos) ? 0 : FOLIO_E_NOMEM;
            clear_items(d);
            break;
        case FOLIO_MD_RAW_TABLE: {
            folio_block *b = push(d, FOLIO_BLOCK_TABLE, r->pos);
            if (!b)
                rc = FOLIO_E_NOMEM;
            else
                b->table = r->table;
            d->annex_title_due = 0;
            break;
        }
        case FOLIO_MD_RAW_HEADING:
            rc = heading(d, r, 0);
            break;
        case FOLIO_MD_RAW_PARA:
            rc = r->list_depth ? list_paragraph(d, r) : paragraph(d, r);
            break;
        }
    }
    *blocks = d->v;
    *nblocks = d->n;
    free(d);
    return rc;
}
