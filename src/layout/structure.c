/* The structure tree of the tagged PDF, made from the flow before any page
 * is set: one element per thing a reader meets, in reading order, so the
 * tree reads as the report does whatever the pages do. The masthead is a
 * group of its own before the title; headings are H1 (the title) to H6,
 * never a level skipped; numbered paragraphs and subparagraphs are lists
 * whose labels are Lbl; a footnote follows the paragraph that first cites
 * it; the first page's job number, bar code and QR code close the
 * document. Items name their element (folio_item.sid) as layout sets them
 * (folio_tag). */
#include <stdlib.h>
#include <string.h>

#include "layout/layout_internal.h"
#include "util/mem.h"

#define MAX_OPEN 8               /* nested lists kept apart */

typedef struct builder {
    lctx *L;
    folio_layout *out;
    folio_tagplan *plan;
    size_t cap;
    unsigned char *placed;       /* per flow note: its Note is made */
    const folio_fnote **copied;  /* notes whose text is in the flow (table
                                    notes, endnotes), by their first block */
    size_t ncopied;
    struct {
        uint32_t list, body;     /* the L and the LBody of its last item */
        int depth;               /* 0: numbered paragraphs; items 1 .. */
    } open[MAX_OPEN];
    int nopen;
    uint32_t toc;                /* the contents being listed, 0: none */
    int heading;                 /* level of the last heading (0: none) */
    unsigned next_id;            /* Note IDs */
} builder;

/* A new element; its sid, 0 when out of memory. */
static uint32_t add(builder *B, folio_tag_role role, uint32_t parent)
{
    folio_layout *o = B->out;
    if (o->nelems == B->cap) {
        size_t cap = B->cap ? B->cap * 2 : 256;
        folio_selem *v = folio_grow(o->arena, o->elems, sizeof *v, o->nelems, cap);
        if (!v || cap > UINT32_MAX)
            return 0;
        o->elems = v;
        B->cap = cap;
    }
    folio_selem *e = &o->elems[o->nelems];
    memset(e, 0, sizeof *e);
    e->role = (uint8_t)role;
    e->parent = parent;
    return (uint32_t)o->nelems++;
}

int folio_tag_run(const folio_flow *f, const folio_run *r)
{
    if (r->kind == FOLIO_RUN_NOTE_REF)
        return r->note && folio_flow_note(f, r->note) != NULL;
    return r->kind == FOLIO_RUN_TEXT && r->text && r->link;
}

/* The elements of the runs' links and note markers, under `parent`; *first
 * gets the first one's sid (folio_tag.inline0). */
static int inline_elems(builder *B, const folio_run *r, size_t n, uint32_t parent,
                        uint32_t *first)
{
    *first = (uint32_t)B->out->nelems;
    for (size_t i = 0; i < n; i++)
        if (folio_tag_run(B->L->flow, &r[i]) &&
            !add(B, r[i].kind == FOLIO_RUN_NOTE_REF ? FOLIO_TAG_REFERENCE : FOLIO_TAG_LINK,
                 parent))
            return FOLIO_E_NOMEM;
    return 0;
}

/* Text of runs as one element: text and label to `e`. */
static int runs_tag(builder *B, const folio_run *r, size_t n, uint32_t e, uint32_t label,
                    folio_tag *tag)
{
    tag->text = e;
    tag->label = label;
    return inline_elems(B, r, n, e, &tag->inline0);
}

/* A table: THead and TBody of rows of TH (heading its column) and TD. */
static int table_elems(builder *B, const folio_fblock *fb, uint32_t parent, folio_tag *tag)
{
    const folio_table *t = fb->table;
    uint32_t tbl = add(B, FOLIO_TAG_TABLE, parent);
    if (!tbl)
        return FOLIO_E_NOMEM;
    memset(tag, 0, sizeof *tag);
    if (!t)
        return 0;
    uint32_t head = 0, body = 0;
    if (t->head_rows && !(head = add(B, FOLIO_TAG_THEAD, tbl)))
        return FOLIO_E_NOMEM;
    if (t->nrows > t->head_rows && !(body = add(B, FOLIO_TAG_TBODY, tbl)))
        return FOLIO_E_NOMEM;
    uint32_t tr0 = (uint32_t)B->out->nelems;
    for (size_t r = 0; r < t->nrows; r++)
        if (!add(B, FOLIO_TAG_TR, r < t->head_rows ? head : body))
            return FOLIO_E_NOMEM;
    tag->text = (uint32_t)B->out->nelems;
    for (size_t r = 0; r < t->nrows; r++)
        for (size_t c = 0; c < t->ncols; c++) {
            uint32_t cell = add(B, r < t->head_rows ? FOLIO_TAG_TH : FOLIO_TAG_TD,
                                tr0 + (uint32_t)r);
            if (!cell)
                return FOLIO_E_NOMEM;
            B->out->elems[cell].attr = r < t->head_rows;
        }
    tag->inline0 = (uint32_t)B->out->nelems;
    for (size_t k = 0; k < t->nrows * t->ncols; k++) {
        uint32_t first;
        int rc = inline_elems(B, t->cells[k].runs, t->cells[k].nruns,
                              tag->text + (uint32_t)k, &first);
        if (rc)
            return rc;
    }
    return 0;
}

static int cite_notes(builder *B, const folio_run *r, size_t n, uint32_t parent);

/* Runs of a block, or of every cell of its table. */
static int cite_block(builder *B, const folio_fblock *fb, uint32_t parent)
{
    if (fb->kind != FOLIO_FLOW_TABLE)
        return cite_notes(B, fb->runs, fb->nruns, parent);
    const folio_table *t = fb->table;
    for (size_t k = 0; t && k < t->nrows * t->ncols; k++) {
        int rc = cite_notes(B, t->cells[k].runs, t->cells[k].nruns, parent);
        if (rc)
            return rc;
    }
    return 0;
}

static uint32_t note_elem(builder *B, uint32_t parent)
{
    uint32_t note = add(B, FOLIO_TAG_NOTE, parent);
    if (note && !(B->out->elems[note].id = folio_sprintf(B->out->arena, "note-%u",
                                                         ++B->next_id)))
        return 0;
    return note;
}

/* A footnote under `parent`: its mark (Lbl) and its blocks, then the notes
 * its own text cites. */
static int footnote(builder *B, const folio_fnote *fn, uint32_t parent)
{
    const folio_flow *f = B->L->flow;
    size_t i = (size_t)(fn - f->notes);
    B->placed[i] = 1;
    uint32_t note = note_elem(B, parent);
    uint32_t mark = note ? add(B, FOLIO_TAG_LBL, note) : 0;
    folio_tag *tags = folio_alloc(B->out->arena, (fn->nblocks + 1) * sizeof *tags);
    if (!mark || !tags)
        return FOLIO_E_NOMEM;
    B->plan->note_mark[i] = mark;
    B->plan->note[i] = tags;
    int rc = 0;
    for (size_t k = 0; !rc && k < fn->nblocks; k++) {
        const folio_fblock *fb = &fn->blocks[k];
        if (fb->kind == FOLIO_FLOW_TABLE) {
            rc = table_elems(B, fb, note, &tags[k]);
        } else {
            uint32_t p = add(B, FOLIO_TAG_P, note);
            rc = p ? runs_tag(B, fb->runs, fb->nruns, p, p, &tags[k]) : FOLIO_E_NOMEM;
        }
    }
    for (size_t k = 0; !rc && k < fn->nblocks; k++)
        rc = cite_block(B, &fn->blocks[k], parent);
    return rc;
}

/* The notes first cited by the runs that are set at the foot of a page:
 * after the element that cites them, under `parent`. */
static int cite_notes(builder *B, const folio_run *r, size_t n, uint32_t parent)
{
    const folio_flow *f = B->L->flow;
    for (size_t k = 0; k < n; k++) {
        if (r[k].kind != FOLIO_RUN_NOTE_REF || !r[k].note)
            continue;
        const folio_fnote *fn = folio_flow_note(f, r[k].note);
        if (!fn || fn->endnote || B->placed[fn - f->notes])
            continue;
        int rc = footnote(B, fn, parent);
        if (rc)
            return rc;
    }
    return 0;
}

static void close_lists(builder *B)
{
    B->nopen = 0;
    B->toc = 0;
}

/* A contents entry: an item (TOCI) of the table of contents (TOC) it
 * opens or continues; its label, text and page number are its text. */
static int contents_entry(builder *B, const folio_fblock *fb, folio_tag *tag)
{
    uint32_t toc = B->toc;
    close_lists(B);
    if (!toc && !(toc = add(B, FOLIO_TAG_TOC, FOLIO_SID_DOCUMENT)))
        return FOLIO_E_NOMEM;
    B->toc = toc;
    uint32_t item = add(B, FOLIO_TAG_TOCI, toc);
    if (!item)
        return FOLIO_E_NOMEM;
    int rc = runs_tag(B, fb->runs, fb->nruns, item, item, tag);
    return rc ? rc : cite_notes(B, fb->runs, fb->nruns, FOLIO_SID_DOCUMENT);
}

/* A numbered paragraph (depth 0) or a subparagraph (depth 1 ..): an item
 * of the list open at its depth, or of a new one inside the item before. */
static int list_item(builder *B, const folio_fblock *fb, int depth, folio_label_kind kind,
                     folio_tag *tag)
{
    if (depth >= MAX_OPEN)
        depth = MAX_OPEN - 1;
    while (B->nopen && B->open[B->nopen - 1].depth > depth)
        B->nopen--;
    if (!B->nopen || B->open[B->nopen - 1].depth < depth) {
        uint32_t parent = B->nopen ? B->open[B->nopen - 1].body : FOLIO_SID_DOCUMENT;
        uint32_t list = add(B, FOLIO_TAG_L, parent);
        if (!list)
            return FOLIO_E_NOMEM;
        B->out->elems[list].attr = (uint8_t)kind;
        B->open[B->nopen].list = list;
        B->open[B->nopen].depth = depth;
        B->nopen++;
    }
    uint32_t li = add(B, FOLIO_TAG_LI, B->open[B->nopen - 1].list);
    uint32_t lbl = li ? add(B, FOLIO_TAG_LBL, li) : 0;
    uint32_t body = lbl ? add(B, FOLIO_TAG_LBODY, li) : 0;
    if (!body)
        return FOLIO_E_NOMEM;
    B->open[B->nopen - 1].body = body;
    int rc = runs_tag(B, fb->runs, fb->nruns, body, lbl, tag);
    return rc ? rc : cite_notes(B, fb->runs, fb->nruns, body);
}

/* An item without a label goes on the item before at its depth (or the
 * nearest above): a paragraph of its own in that item's body. */
static int continued_item(builder *B, const folio_fblock *fb, int depth, folio_tag *tag)
{
    int k = B->nopen - 1;
    while (k > 0 && B->open[k].depth > depth)
        k--;
    uint32_t body = B->open[k].body;
    uint32_t p = add(B, FOLIO_TAG_P, body);
    if (!p)
        return FOLIO_E_NOMEM;
    int rc = runs_tag(B, fb->runs, fb->nruns, p, p, tag);
    return rc ? rc : cite_notes(B, fb->runs, fb->nruns, body);
}

/* A heading at `level` (1: the title), one deeper than the one before at
 * most. */
static int heading(builder *B, const folio_fblock *fb, int level, folio_tag *tag)
{
    close_lists(B);
    if (level > B->heading + 1)
        level = B->heading + 1;
    if (level > 6)
        level = 6;
    B->heading = level;
    uint32_t h = add(B, (folio_tag_role)(FOLIO_TAG_H1 + level - 1), FOLIO_SID_DOCUMENT);
    if (!h)
        return FOLIO_E_NOMEM;
    int rc = runs_tag(B, fb->runs, fb->nruns, h, h, tag);
    return rc ? rc : cite_notes(B, fb->runs, fb->nruns, FOLIO_SID_DOCUMENT);
}

static int plain(builder *B, const folio_fblock *fb, folio_tag *tag)
{
    close_lists(B);
    uint32_t p = add(B, FOLIO_TAG_P, FOLIO_SID_DOCUMENT);
    if (!p)
        return FOLIO_E_NOMEM;
    int rc = runs_tag(B, fb->runs, fb->nruns, p, p, tag);
    return rc ? rc : cite_notes(B, fb->runs, fb->nruns, FOLIO_SID_DOCUMENT);
}

static int by_first_src(const void *a, const void *b)
{
    const folio_block *x = (*(const folio_fnote *const *)a)->blocks[0].src;
    const folio_block *y = (*(const folio_fnote *const *)b)->blocks[0].src;
    return x < y ? -1 : x > y;
}

/* The note whose text starts with flow block `fb`, if any. */
static const folio_fnote *copied_note(const builder *B, const folio_fblock *fb)
{
    size_t lo = 0, hi = B->ncopied;
    while (fb->src && lo < hi) {
        size_t mid = (lo + hi) / 2;
        const folio_block *m = B->copied[mid]->blocks[0].src;
        if (m == fb->src)
            return fb->runs == B->copied[mid]->blocks[0].runs ? B->copied[mid] : NULL;
        if (m < fb->src)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* A note set in the flow (under its table, or under the closing "Notes"
 * heading): a Note of its blocks, the first labelled with its mark.
 * Consumes the flow blocks from `i`; returns how many. */
static size_t flow_note(builder *B, const folio_fnote *fn, size_t i, int *rc)
{
    const folio_flow *f = B->L->flow;
    close_lists(B);
    uint32_t note = note_elem(B, FOLIO_SID_DOCUMENT);
    uint32_t mark = note ? add(B, FOLIO_TAG_LBL, note) : 0;
    *rc = mark ? 0 : FOLIO_E_NOMEM;
    size_t k = 0;
    for (; !*rc && k < fn->nblocks && i + k < f->nblocks; k++) {
        const folio_fblock *fb = &f->blocks[i + k];
        if (fb->src != fn->blocks[k].src)
            break;
        folio_tag *tag = &B->plan->block[i + k];
        if (fb->kind == FOLIO_FLOW_TABLE) {
            *rc = table_elems(B, fb, note, tag);
        } else {
            uint32_t p = add(B, FOLIO_TAG_P, note);
            *rc = p ? runs_tag(B, fb->runs, fb->nruns, p, k == 0 ? mark : p, tag)
                    : FOLIO_E_NOMEM;
        }
    }
    for (size_t j = 0; !*rc && j < k; j++)
        *rc = cite_block(B, &f->blocks[i + j], FOLIO_SID_DOCUMENT);
    return k ? k : 1;
}

static int body_block(builder *B, size_t i, size_t *used)
{
    const folio_flow *f = B->L->flow;
    const folio_fblock *fb = &f->blocks[i];
    folio_tag *tag = &B->plan->block[i];
    const folio_block *src = fb->src;
    int rc = 0;
    *used = 1;
    if (fb->kind == FOLIO_FLOW_PAGE_BREAK || fb->kind == FOLIO_FLOW_END_RULE)
        return 0;
    const folio_fnote *fn = copied_note(B, fb);
    if (fn) {
        *used = flow_note(B, fn, i, &rc);
        return rc;
    }
    if (fb->kind == FOLIO_FLOW_TABLE) {
        close_lists(B);
        if ((rc = table_elems(B, fb, FOLIO_SID_DOCUMENT, tag)))
            return rc;
        return cite_block(B, fb, FOLIO_SID_DOCUMENT);
    }
    if (src && src->kind == FOLIO_BLOCK_HEADING)
        return heading(B, fb, src->level <= 0 ? 1 : src->level + 1, tag);
    /* "Annex I" heads its annex; "[Original: French]" under it is text */
    if (src && src->kind == FOLIO_BLOCK_ANNEX)
        return i > 0 && f->blocks[i - 1].src == src ? plain(B, fb, tag) : heading(B, fb, 1, tag);
    if (fb->toc_entry)
        return contents_entry(B, fb, tag);
    if (src && src->kind == FOLIO_BLOCK_ITEM && fb->label)
        return list_item(B, fb, src->level < 1 ? 1 : src->level, src->label_kind, tag);
    if (src && src->kind == FOLIO_BLOCK_ITEM && B->nopen)
        return continued_item(B, fb, src->level < 1 ? 1 : src->level, tag);
    if (src && src->kind == FOLIO_BLOCK_PARAGRAPH && src->numbered && fb->label)
        return list_item(B, fb, 0, FOLIO_LABEL_ARABIC, tag);
    return plain(B, fb, tag);
}

/* A P of the masthead group; 0 when the text is absent (not an error). */
static int mast_p(builder *B, uint32_t div, const char *text, uint32_t *out)
{
    *out = 0;
    if (!text || !*text)
        return 0;
    *out = add(B, FOLIO_TAG_P, div);
    return *out ? 0 : FOLIO_E_NOMEM;
}

/* The masthead: a group of its lines in reading order (the wordmark, the
 * symbol, the emblem, the organ, the distribution block, the lines under
 * the thick rule), then the title and subtitle. */
static int masthead(builder *B)
{
    const folio_flow *f = B->L->flow;
    const folio_furniture *u = &f->furn;
    folio_arena *a = B->out->arena;
    int rc;
    int english = f->lang.code && !strcmp(f->lang.code, "en");
    uint32_t div = add(B, FOLIO_TAG_DIV, FOLIO_SID_DOCUMENT);
    if (!div)
        return FOLIO_E_NOMEM;
    if ((rc = mast_p(B, div, u->wordmark.text, &B->plan->mast.wordmark)) ||
        (rc = mast_p(B, div, u->symbol_head.text ? u->symbol_head.text : u->symbol_tail.text,
                     &B->plan->mast.symbol)))
        return rc;
    if (u->emblem.w && (u->emblem_image || u->emblem_art)) {
        uint32_t e = add(B, FOLIO_TAG_FIGURE, div);
        if (!e)
            return FOLIO_E_NOMEM;
        B->out->elems[e].alt = "United Nations emblem";
        B->out->elems[e].lang = english ? NULL : "en";
        B->plan->mast.emblem = e;
    }
    if ((rc = mast_p(B, div, u->organ.nlines ? u->organ.lines[0] : NULL, &B->plan->mast.organ)))
        return rc;
    const char *block_lang = f->mast.block_lang;
    for (int i = 0; i < 4; i++) {
        if ((rc = mast_p(B, div, u->block[i].text, &B->plan->mast.block[i])))
            return rc;
        if (B->plan->mast.block[i] && block_lang && f->lang_tag && strcmp(block_lang, f->lang_tag))
            B->out->elems[B->plan->mast.block[i]].lang = block_lang;
    }
    B->plan->mast.line_tag = folio_alloc(a, (u->nlines + 1) * sizeof *B->plan->mast.line_tag);
    if (!B->plan->mast.line_tag)
        return FOLIO_E_NOMEM;
    for (size_t i = 0; i < u->nlines; i++) {
        const folio_furn_line *ln = &u->lines[i];
        uint32_t p = add(B, FOLIO_TAG_P, div);
        if (!p)
            return FOLIO_E_NOMEM;
        folio_run r[2] = {{.kind = FOLIO_RUN_TEXT, .text = ln->text},
                          {.kind = FOLIO_RUN_NOTE_REF,
                           .note = ln->note ? (folio_note *)ln->note->note : NULL}};
        if ((rc = runs_tag(B, r, ln->note ? 2 : 1, p, p, &B->plan->mast.line_tag[i])) ||
            (rc = cite_notes(B, r, ln->note ? 2 : 1, div)))
            return rc;
    }
    const char *texts[2] = {u->title, u->subtitle};
    folio_tag *tags[2] = {&B->plan->mast.title, &B->plan->mast.subtitle};
    for (int k = 0; k < 2; k++) {
        if (!texts[k])
            continue;
        const folio_fnote *note = k == 0 ? u->title_note : NULL;
        folio_run r[2] = {{.kind = FOLIO_RUN_TEXT, .text = texts[k]},
                          {.kind = FOLIO_RUN_NOTE_REF,
                           .note = note ? (folio_note *)note->note : NULL}};
        uint32_t e = add(B, k == 0 ? FOLIO_TAG_H1 : FOLIO_TAG_P, FOLIO_SID_DOCUMENT);
        if (!e)
            return FOLIO_E_NOMEM;
        if (k == 0)
            B->heading = 1;
        if ((rc = runs_tag(B, r, note ? 2 : 1, e, e, tags[k])) ||
            (rc = cite_notes(B, r, note ? 2 : 1, FOLIO_SID_DOCUMENT)))
            return rc;
    }
    return 0;
}

/* The first page's footer as a group at the end: the job number, the bar
 * code (read as the job number) and the QR code (a link to the document's
 * address). "Please recycle" is page furniture. */
static int footer(builder *B)
{
    const folio_furniture *u = &B->L->flow->furn;
    int english = B->L->flow->lang.code && !strcmp(B->L->flow->lang.code, "en");
    uint32_t div = add(B, FOLIO_TAG_DIV, FOLIO_SID_DOCUMENT);
    if (!div)
        return FOLIO_E_NOMEM;
    int rc = mast_p(B, div, u->job.text, &B->plan->mast.job);
    if (rc)
        return rc;
    if (u->barcode.payload && u->barcode.art) {
        uint32_t e = add(B, FOLIO_TAG_FIGURE, div);
        if (!e)
            return FOLIO_E_NOMEM;
        /* as the DOCX says it (in English, as the emblem's) */
        B->out->elems[e].alt = folio_sprintf(B->out->arena, "Bar code of the job number %s",
                                             u->barcode.payload);
        B->out->elems[e].lang = english ? NULL : "en";
        if (!B->out->elems[e].alt)
            return FOLIO_E_NOMEM;
        B->plan->mast.barcode = e;
    }
    if (u->qr_url) { /* the link is tagged even without its picture */
        uint32_t link = add(B, FOLIO_TAG_LINK, div);
        uint32_t e = link ? add(B, FOLIO_TAG_FIGURE, link) : 0;
        if (!e)
            return FOLIO_E_NOMEM;
        B->out->elems[e].alt = folio_sprintf(B->out->arena, "QR code of %s", u->qr_url);
        B->out->elems[e].lang = english ? NULL : "en";
        if (!B->out->elems[e].alt)
            return FOLIO_E_NOMEM;
        B->plan->mast.qr_link = link;
        B->plan->mast.qr = e;
    }
    return 0;
}

int folio_tag_plan(lctx *L, folio_tagplan *plan)
{
    const folio_flow *f = L->flow;
    folio_arena *a = L->out->arena;
    builder B = {0};
    int rc = 0;
    memset(plan, 0, sizeof *plan);
    B.L = L;
    B.out = L->out;
    B.plan = plan;
    plan->block = folio_alloc(a, (f->nblocks + 1) * sizeof *plan->block);
    plan->note = folio_alloc(a, (f->nnotes + 1) * sizeof *plan->note);
    plan->note_mark = folio_alloc(a, (f->nnotes + 1) * sizeof *plan->note_mark);
    B.placed = folio_calloc(f->nnotes + 1, 1);
    B.copied = folio_malloc((f->nnotes + 1) * sizeof *B.copied);
    if (!plan->block || !plan->note || !plan->note_mark || !B.placed || !B.copied) {
        rc = FOLIO_E_NOMEM;
        goto done;
    }
    memset(plan->block, 0, (f->nblocks + 1) * sizeof *plan->block);
    memset(plan->note, 0, (f->nnotes + 1) * sizeof *plan->note);
    memset(plan->note_mark, 0, (f->nnotes + 1) * sizeof *plan->note_mark);
    for (size_t i = 0; i < f->nnotes; i++)
        if (f->notes[i].endnote && f->notes[i].nblocks && f->notes[i].blocks[0].src)
            B.copied[B.ncopied++] = &f->notes[i];
    qsort(B.copied, B.ncopied, sizeof *B.copied, by_first_src);
    static const folio_tag_role fixed[] = {FOLIO_TAG_ARTIFACT, FOLIO_TAG_PAGINATION,
                                       FOLIO_TAG_HEADER, FOLIO_TAG_FOOTER,
                                       FOLIO_TAG_DOCUMENT};
    for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
        add(&B, fixed[i], 0);
    if (B.out->nelems != FOLIO_SID_DOCUMENT + 1) {
        rc = FOLIO_E_NOMEM;
        goto done;
    }
    if ((rc = masthead(&B)))
        goto done;
    for (size_t i = 0, used; i < f->nblocks; i += used)
        if ((rc = body_block(&B, i, &used)))
            goto done;
    /* notes cited nowhere a pass above looks: at the end */
    for (size_t i = 0; i < f->nnotes; i++)
        if (!B.placed[i] && !f->notes[i].endnote &&
            (rc = footnote(&B, &f->notes[i], FOLIO_SID_DOCUMENT)))
            goto done;
    rc = footer(&B);
done:
    free(B.placed);
    free(B.copied);
    return rc;
}
