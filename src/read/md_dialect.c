/* The UN dialect: raw blocks → report blocks.
 *
 * Headings take their level from their label where they have one ("I."
 * chapter (1), "A." section (2), "1." subsection (3)), else from their
 * Markdown level below the title ("##" 1, "###" 2, "####" 3, deeper 4);
 * a heading not deeper than the title is title-like (0). Lines in bold are
 * headings too. Every typed "N." that opens a paragraph or a top-level
 * list item is a candidate: a numbered paragraph or an item of a list set
 * inside a paragraph (an agenda), which md_structure.c decides once it
 * knows the document's parts; other list items and "(a)"/"a)" paragraphs
 * are items, their level the list nesting (lists typed with a deeper
 * indent than the item before them nest under it). Typed labels are kept
 * as typed; the numbering is checked by md_structure.c. */
#include <stdlib.h>
#include <string.h>

#include "read/md_internal.h"
#include "util/roman.h"
#include "util/mem.h"
#include "util/vec.h"

#define MAX_STACK 128
#define MAX_LEVELS 64
#define LABEL_BYTES 64 /* enough of a block's start to read its label */

typedef struct dl {
    folio_md *md;
    int in_note;
    int title_depth;
    folio_block *v;
    size_t n, cap;
    folio_md_binfo *info;  /* parallel to v (malloc'd) */
    size_t icap;
    int last_section;      /* to read "I." after "H." as a letter */
    int annex_title_due;   /* the next unlabelled heading titles the annex */
    int annex_orig_due;    /* blocks left in which "[Original: …]" may come */
    size_t annex;          /* 1 + index of the current annex block */
    int front;             /* nothing but headings since the title */
    struct { int col, level; } stack[MAX_STACK]; /* recent items by column */
    int nstack;
    int letters[MAX_LEVELS]; /* last letter per item level */
    int outer_id, outer_candidate;
    int list_id, list_base;
} dl;

static folio_block *push(dl *d, folio_block_kind kind, folio_pos pos)
{
    if (FOLIO_ARENA_VEC_ROOM(d->md->rep->arena, d->v, d->n, d->cap, 2))
        return NULL;
    if (FOLIO_VEC_ROOM(d->info, d->n, d->icap, 16))
        return NULL;
    memset(&d->info[d->n], 0, sizeof d->info[d->n]);
    folio_block *b = &d->v[d->n++];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    b->pos = pos;
    return b;
}

static folio_md_binfo *info_of(dl *d, const folio_block *b)
{
    return &d->info[b - d->v];
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

static int annex(dl *d, const folio_md_raw *r, const char *text, size_t len, int kind)
{
    folio_block *b = push(d, FOLIO_BLOCK_ANNEX, r->pos);
    if (!b || !(b->label = folio_strndup(d->md->rep->arena, text, len)))
        return FOLIO_E_NOMEM;
    info_of(d, b)->hlevel = r->kind == FOLIO_MD_RAW_HEADING ? r->hlevel : 0;
    info_of(d, b)->annex_word = kind;
    d->annex = d->n;
    d->annex_title_due = 1;
    d->annex_orig_due = 3;
    d->front = 0;
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

/* Is a heading's text the house's endnotes heading ("Notes")? It keeps
 * the subheading's look the official documents give it. */
static int endnotes_heading(dl *d, const char *t, size_t n)
{
    const char *words = folio_house_get(d->md->house, "document", "endnotes-heading");
    for (const char *w = words; w && *w;) {
        size_t k = strcspn(w, "|");
        if (k == n && !strncmp(w, t, n))
            return 1;
        w += k + (w[k] == '|');
    }
    return 0;
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
    int ak = folio_md_annex_heading(d->md->house, trimmed, tl);
    if (ak)
        return annex(d, r, trimmed, tl, ak);
    folio_block *b = push(d, FOLIO_BLOCK_HEADING, r->pos);
    if (!b)
        return FOLIO_E_NOMEM;
    folio_md_binfo *in = info_of(d, b);
    in->hlevel = bold_line ? 0 : r->hlevel;
    in->bold_line = (unsigned)bold_line;
    int title_depth = d->title_depth > 0 ? d->title_depth : 1;
    in->mdlevel = bold_line ? 3 : r->hlevel - title_depth;
    if (in->mdlevel < 0)
        in->mdlevel = 0;
    folio_md_label lab;
    size_t skip = 0;
    if (folio_md_heading_label_in(d->md->house, text, len, &lab)) {
        b->label_kind = heading_kind(d, &lab);
        if (!(b->label = folio_strndup(d->md->rep->arena, text, lab.len)))
            return FOLIO_E_NOMEM;
        b->level = b->label_kind == FOLIO_LABEL_ROMAN ? 1
                   : b->label_kind == FOLIO_LABEL_UPPER ? 2 : 3;
        if (b->label_kind == FOLIO_LABEL_UPPER)
            d->last_section = lab.alt_letter ? lab.alt_letter : lab.value;
        else if (b->label_kind == FOLIO_LABEL_ROMAN)
            d->last_section = 0;
        skip = lab.skip;
        d->annex_title_due = 0;
        d->front = 0;
    } else if (d->annex_title_due) {
        b->level = 0;
        d->annex_title_due = 0;
    } else if (bold_line) {
        b->level = 3;
    } else if (r->hlevel <= title_depth) {
        b->level = 0;
    } else if (endnotes_heading(d, trimmed, tl)) {
        b->level = 4;
    } else {
        int lv = r->hlevel - title_depth;
        b->level = lv < 1 ? 1 : lv > 4 ? 4 : lv;
        /* a heading of the title block (under the title and subtitle,
         * before any text): title-like */
        if (d->front && b->level == 1) {
            b->level = 0;
            b->role = FOLIO_ROLE_TITLE;
        }
    }
    clear_items(d);
    int rc = finish_label(d, b, r, skip);
    /* a heading in bold throughout: the bold is the heading's look */
    if (!rc && folio_md_runs_all_strong(b->runs, b->nruns))
        for (size_t i = 0; i < b->nruns; i++)
            b->runs[i].style &= ~(unsigned)FOLIO_STRONG;
    return rc;
}

/* A typed "N." (`number`): a numbered paragraph or, md_structure.c may
 * decide, an item of a list inside a paragraph. */
static int candidate(dl *d, const folio_md_raw *r, int number, size_t strip)
{
    folio_block *b = push(d, FOLIO_BLOCK_PARAGRAPH, r->pos);
    if (!b)
        return FOLIO_E_NOMEM;
    b->numbered = 1;
    b->label_kind = FOLIO_LABEL_ARABIC;
    if (!(b->label = folio_sprintf(d->md->rep->arena, "%d.", number)))
        return FOLIO_E_NOMEM;
    info_of(d, b)->candidate = 1;
    info_of(d, b)->list_depth = r->list_depth;
    d->front = 0;
    clear_items(d);
    return finish_label(d, b, r, strip);
}

/* "12.1", "140.254": a sub-numbered item, its label hanging. */
static int decimal_item(dl *d, const folio_md_raw *r, const char *text, size_t len, size_t skip)
{
    folio_block *b = push(d, FOLIO_BLOCK_PARAGRAPH, r->pos);
    if (!b)
        return FOLIO_E_NOMEM;
    b->label_kind = FOLIO_LABEL_DECIMAL;
    if (!(b->label = folio_strndup(d->md->rep->arena, text, len)))
        return FOLIO_E_NOMEM;
    d->front = 0;
    clear_items(d);
    return finish_label(d, b, r, skip);
}

static int plain_paragraph(dl *d, const folio_md_raw *r)
{
    folio_block *b = push(d, FOLIO_BLOCK_PARAGRAPH, r->pos);
    if (!b)
        return FOLIO_E_NOMEM;
    info_of(d, b)->list_depth = r->list_depth;
    d->front = 0;
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
    info_of(d, b)->list_depth = r->list_depth;
    d->front = 0;
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
        return annex(d, r, text, len, 1);
    if (folio_md_runs_all_strong(r->runs, r->nruns)) {
        int has = folio_md_heading_label_in(d->md->house, text, len, &lab);
        if (has && (lab.kind == FOLIO_LABEL_ROMAN || lab.kind == FOLIO_LABEL_UPPER))
            return heading(d, r, 1);
        if (one_line && folio_md_annex_heading(d->md->house, text, len))
            return heading(d, r, 1);
        if (one_line && !is_final_punct(last) && !folio_md_item_label_in(d->md->house, text, len, &lab))
            return heading(d, r, 1);
    }
    d->annex_title_due = 0;
    if (!d->in_note && folio_md_number_label(text, len, &lab))
        return candidate(d, r, lab.value, lab.skip);
    size_t dl_len, dl_skip;
    if (!d->in_note && folio_md_decimal_label(text, len, &dl_len, &dl_skip))
        return decimal_item(d, r, text, dl_len, dl_skip);
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
        /* a typed "N." item of a top-level list: a candidate */
        d->outer_candidate = !d->in_note && r->outer.ordered && r->outer.delim == '.' &&
                             r->list_depth == 1 && r->first_in_item;
    }
    if (r->outer.list_id != d->list_id) {
        d->list_id = r->outer.list_id;
        if (d->outer_candidate) {
            clear_items(d);
            d->list_base = 0;
        } else {
            d->list_base = level_at(d, r->outer.col) - 1;
        }
    }
    int level;
    if (d->outer_candidate) {
        if (r->list_depth == 1) {
            if (r->first_in_item)
                return candidate(d, r, r->outer.number, 0);
            int rc = plain_paragraph(d, r);
            if (!rc)
                d->info[d->n - 1].cont = 1;
            return rc;
        }
        level = r->list_depth - 1;
    } else {
        level = r->list_depth + d->list_base;
    }
    int rc = item(d, r, level, r->inner.col, r->first_in_item);
    if (!rc && d->outer_candidate)
        d->info[d->n - 1].child = 1;
    return rc;
}

int folio_md_dialect(folio_md *md, const folio_md_raw *raw, size_t n, int in_note,
                     int title_depth, folio_block **blocks, size_t *nblocks,
                     folio_md_binfo **info)
{
    dl *d = folio_calloc(1, sizeof *d);
    if (!d)
        return FOLIO_E_NOMEM;
    d->md = md;
    d->in_note = in_note;
    d->title_depth = title_depth;
    d->front = !in_note;
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
            d->front = 0;
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
    if (info && !rc)
        *info = d->info;
    else
        free(d->info);
    free(d);
    return rc;
}
