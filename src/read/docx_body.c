/* document.xml's body into the report's blocks, paragraph by paragraph,
 * by what each paragraph's style means (docx_styles.c) and the number
 * Word shows on it (docx_numbering.c, else the label typed before a tab).
 * Structures the writer marks by style come back as parts: the items of a
 * list inside a paragraph, a resolution's title lines and operative
 * paragraphs, the contents, the summary's box, an annex of a part. */
#include <string.h>

#include "read/docx_internal.h"
#include "read/md_internal.h"
#include "util/mem.h"
#include "util/vec.h"

enum { MAX_OPEN = 16 };

typedef struct walk {
    dxr *r;
    folio_part_kind open[MAX_OPEN];
    int stage[MAX_OPEN];
    int content[MAX_OPEN]; /* a block went into the part */   /* a resolution's: 0 title lines, 1 formula and
                              preamble, 2 operative paragraphs */
    int nopen;
    int drop_break;        /* the next page break is the style stage's */
    size_t body_blocks;    /* blocks after the masthead lines */
    size_t table_at;       /* 1 + the last table's block, while the lines
                              under it follow */
} walk;

folio_block *folio_dxr_push(dxr *r)
{
    folio_report *rep = r->rep;
    if (FOLIO_ARENA_VEC_ROOM(rep->arena, rep->blocks, rep->nblocks, rep->blocks_cap, 64))
        return NULL;
    folio_block *b = &rep->blocks[rep->nblocks++];
    memset(b, 0, sizeof *b);
    return b;
}

static folio_block *last(dxr *r)
{
    return r->rep->nblocks ? &r->rep->blocks[r->rep->nblocks - 1] : NULL;
}

static int open_part(walk *w, folio_part_kind k, const char *label, folio_pos pos)
{
    folio_block *b = folio_dxr_push(w->r);
    if (!b)
        return FOLIO_E_NOMEM;
    b->kind = FOLIO_BLOCK_PART;
    b->part = k;
    b->label = label;
    b->pos = pos;
    if (w->nopen < MAX_OPEN) {
        w->open[w->nopen] = k;
        w->stage[w->nopen] = 0;
        w->content[w->nopen] = 0;
    }
    w->nopen++;
    return 0;
}

static int close_top(walk *w)
{
    folio_block *b = folio_dxr_push(w->r);
    if (!b)
        return FOLIO_E_NOMEM;
    b->kind = FOLIO_BLOCK_PART_END;
    w->nopen--;
    folio_part_kind k = w->nopen < MAX_OPEN ? w->open[w->nopen] : FOLIO_PART_NONE;
    if (k == FOLIO_PART_SUMMARY || k == FOLIO_PART_CONTENTS)
        w->drop_break = 1;
    return 0;
}

static int top_is(const walk *w, folio_part_kind k)
{
    return w->nopen > 0 && w->nopen <= MAX_OPEN && w->open[w->nopen - 1] == k;
}

static int is_open(const walk *w, folio_part_kind k)
{
    for (int i = 0; i < w->nopen && i < MAX_OPEN; i++)
        if (w->open[i] == k)
            return 1;
    return 0;
}

/* Close parts down to (and with) the innermost of kind k, if open. */
static int close_through(walk *w, folio_part_kind k)
{
    if (!is_open(w, k))
        return 0;
    int rc = 0;
    while (!rc && w->nopen > 0) {
        int was = top_is(w, k);
        rc = close_top(w);
        if (was)
            break;
    }
    return rc;
}

/* The innermost open resolution's stage, or NULL when none is open
 * inside the innermost annex of a part. */
static int *res_stage(walk *w)
{
    for (int i = (w->nopen < MAX_OPEN ? w->nopen : MAX_OPEN) - 1; i >= 0; i--) {
        if (w->open[i] == FOLIO_PART_RESOLUTION)
            return &w->stage[i];
        if (w->open[i] == FOLIO_PART_ANNEX)
            return NULL;
    }
    return NULL;
}

static int close_all(walk *w)
{
    int rc = 0;
    while (!rc && w->nopen > 0)
        rc = close_top(w);
    return rc;
}

/* A heading of the report closes the parts it is not in (the summary's
 * box is closed by its table's end). */
static int close_to_summary(walk *w)
{
    int rc = 0;
    while (!rc && w->nopen > 0 && !top_is(w, FOLIO_PART_SUMMARY))
        rc = close_top(w);
    return rc;
}

/* Is an annex of a part open with text in it (or in a part inside it)? */
static int annex_done(const walk *w)
{
    int n = w->nopen < MAX_OPEN ? w->nopen : MAX_OPEN;
    for (int i = n - 1; i >= 0; i--) {
        if (w->open[i] != FOLIO_PART_ANNEX)
            continue;
        for (int j = i; j < n; j++)
            if (w->content[j])
                return 1;
        return 0;
    }
    return 0;
}

static void mark_content(walk *w)
{
    if (w->nopen > 0 && w->nopen <= MAX_OPEN)
        w->content[w->nopen - 1] = 1;
}

static int page_break(walk *w, folio_pos pos)
{
    /* the page the contents end: the style stage's own */
    int rc = close_through(w, FOLIO_PART_CONTENTS);
    if (rc)
        return rc;
    folio_block *l = last(w->r);
    if (w->drop_break) {
        w->drop_break = 0;
        return 0;
    }
    if (!w->body_blocks || (l && l->kind == FOLIO_BLOCK_PAGE_BREAK))
        return 0;
    folio_block *b = folio_dxr_push(w->r);
    if (!b)
        return FOLIO_E_NOMEM;
    b->kind = FOLIO_BLOCK_PAGE_BREAK;
    b->pos = pos;
    return 0;
}

/* The label typed before a tab at the start ("\t12.\t", "(a)\t"): cut
 * from the runs and returned; NULL when there is none. */
static const char *typed_label(dxr *r, folio_run *runs, size_t n)
{
    if (!n || runs[0].kind != FOLIO_RUN_TEXT || !runs[0].text)
        return NULL;
    const char *t = runs[0].text;
    if (*t == '\t')
        t++;
    size_t len = strcspn(t, "\t");
    if (!len || len > 24 || t[len] != '\t' || memchr(t, '\n', len))
        return NULL;
    const char *label = folio_strndup(r->rep->arena, t, len);
    runs[0].text = t + len + 1;
    return label;
}

/* A text run left empty by the label cut from it goes (by moving the
 * start: the runs stay where they are, marks point into them). */
static folio_run *drop_empty(folio_run *runs, size_t *n)
{
    while (*n && runs[0].kind == FOLIO_RUN_TEXT && runs[0].text && !*runs[0].text) {
        runs++;
        --*n;
    }
    return runs;
}

/* Tabs left in the text were the writer's or the editor's spacing. */
static void untab(dxr *r, folio_run *runs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (runs[i].kind != FOLIO_RUN_TEXT || !runs[i].text || !strchr(runs[i].text, '\t'))
            continue;
        char *s = folio_strdup(r->rep->arena, runs[i].text);
        if (!s)
            continue;
        for (char *p = s; *p; p++)
            if (*p == '\t')
                *p = ' ';
        runs[i].text = s;
    }
}

static int has_content(const folio_run *runs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (runs[i].kind == FOLIO_RUN_NOTE_REF ||
            (runs[i].kind == FOLIO_RUN_TEXT && runs[i].text && *runs[i].text))
            return 1;
    return 0;
}

/* The kind of a typed label; `heading`: the level of a heading or a
 * contents entry, whose second level is lettered ("C." is C, not 100). */
static folio_label_kind typed_kind(const folio_house *h, const char *label, int heading)
{
    folio_md_label l;
    size_t n = strlen(label);
    char buf[40];
    /* the label functions want a label followed by a space and text */
    snprintf(buf, sizeof buf, "%s x", label);
    if (n + 2 >= sizeof buf)
        return FOLIO_LABEL_NONE;
    if (heading && folio_md_heading_label_in(h, buf, n + 2, &l))
        return heading == 2 && l.kind == FOLIO_LABEL_ROMAN && l.alt_letter ? FOLIO_LABEL_UPPER
                                                                           : l.kind;
    if (folio_md_number_label(buf, n + 2, &l))
        return FOLIO_LABEL_ARABIC;
    if (folio_md_item_label_in(h, buf, n + 2, &l))
        return l.kind;
    size_t dl, skip;
    if (folio_md_decimal_label(buf, n + 2, &dl, &skip) || strchr(label, '.'))
        return strspn(label, "0123456789.") == n && strchr(label, '.') != strrchr(label, '.')
                   ? FOLIO_LABEL_DECIMAL : FOLIO_LABEL_ARABIC;
    return FOLIO_LABEL_NONE;
}

/* A paragraph's number as the model keeps it, "12.": the DOCX has it as
 * the document's language prints it ("١٢ -"); anything else as it is. */
static const char *number_label(dxr *r, const char *label)
{
    folio_md_label l;
    char buf[40];
    size_t n = strlen(label);
    snprintf(buf, sizeof buf, "%s x", label);
    if (n + 2 >= sizeof buf || !folio_md_number_label(buf, n + 2, &l) || l.value <= 0 ||
        l.len != n)
        return label;
    return folio_sprintf(r->rep->arena, "%d.", l.value);
}

/* The number Word shows on the paragraph, else NULL. */
static const char *list_label(dxr *r, xmlNodePtr ppr, const dxr_style *st,
                              folio_label_kind *kind, int *ilvl_out)
{
    xmlNodePtr np = folio_dxr_child(ppr, "numPr");
    int num_id = np ? folio_dxr_attr_int(folio_dxr_child(np, "numId"), "val", -1) : -1;
    int ilvl = np ? folio_dxr_attr_int(folio_dxr_child(np, "ilvl"), "val", -1) : -1;
    if (num_id < 0 && st) {
        num_id = st->num_id;
        if (ilvl < 0)
            ilvl = st->ilvl;
    }
    *kind = FOLIO_LABEL_NONE;
    *ilvl_out = -1;
    if (num_id <= 0)
        return NULL;
    if (ilvl < 0)
        ilvl = st ? folio_dxr_style_level(&r->numbering, num_id, st->id) : -1;
    if (ilvl < 0)
        ilvl = 0;
    *ilvl_out = ilvl;
    return folio_dxr_number(r->rep->arena, &r->numbering, num_id, ilvl, kind);
}

static void warn_once(walk *w, dxr_kind k, folio_pos pos, const char *fmt, const char *what)
{
    if (w->r->warned[k])
        return;
    w->r->warned[k] = 1;
    folio_warn(w->r->ctx, pos, fmt, what);
}

/* Split a resolution's title block at its line breaks: one heading a line. */
static int title_lines(walk *w, const dxr_style *st, const char *label, folio_run *runs,
                       size_t n, folio_pos pos)
{
    size_t from = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && runs[i].kind != FOLIO_RUN_LINE_BREAK)
            continue;
        if (i > from) {
            folio_block *b = folio_dxr_push(w->r);
            if (!b)
                return FOLIO_E_NOMEM;
            b->kind = FOLIO_BLOCK_HEADING;
            b->level = st->level;
            b->role = FOLIO_ROLE_TITLE;
            b->label = label; /* "59/25.": a resolution's number */
            if (label)
                b->level = 1;
            label = NULL;
            b->runs = runs + from;
            b->nruns = i - from;
            b->pos = pos;
        }
        from = i + 1;
    }
    return 0;
}

/* A label kept as the text it opens (a title line's, a role's). */
static void prefix_label(dxr *r, folio_run *runs, size_t n, const char *label, const char *sep)
{
    if (n && runs[0].kind == FOLIO_RUN_TEXT && runs[0].text)
        runs[0].text = folio_sprintf(r->rep->arena, "%s%s%s", label, sep, runs[0].text);
}

static int all_emph(const folio_run *runs, size_t n)
{
    int any = 0;
    for (size_t i = 0; i < n; i++)
        if (runs[i].kind == FOLIO_RUN_TEXT && runs[i].text && *runs[i].text) {
            if (!(runs[i].style & FOLIO_EMPH))
                return 0;
            any = 1;
        }
    return any;
}

static int starts_emph(const folio_block *b)
{
    return b->nruns && b->runs[0].kind == FOLIO_RUN_TEXT && (b->runs[0].style & FOLIO_EMPH);
}

static char last_char(const folio_block *b)
{
    for (size_t i = b->nruns; i-- > 0;) {
        const char *t = b->runs[i].kind == FOLIO_RUN_TEXT ? b->runs[i].text : NULL;
        size_t n = t ? strlen(t) : 0;
        while (n && t[n - 1] == ' ')
            n--;
        if (n)
            return t[n - 1];
    }
    return 0;
}

/* What a paragraph is inside a resolution, as the Markdown reader tells
 * it: the first plain one is the formula ("The General Assembly,"), then
 * preambular paragraphs; an operative one is numbered, or the only one,
 * opening with its verb in italics and ending the sentence. */
static void resolution_role(walk *w, folio_block *b, dxr_kind kind)
{
    int *stage = res_stage(w);
    if (kind == DXR_OPERATIVE) {
        b->role = FOLIO_ROLE_OPERATIVE;
        if (stage)
            *stage = 2;
        return;
    }
    if (!stage || b->role != FOLIO_ROLE_TEXT || (kind != DXR_PARA && kind != DXR_PLAIN))
        return;
    if (b->numbered) {
        b->role = FOLIO_ROLE_OPERATIVE;
        *stage = 2;
    } else if (*stage == 0) {
        b->role = FOLIO_ROLE_FORMULA;
        *stage = 1;
    } else if (*stage == 1 && starts_emph(b) && (last_char(b) == '.' || last_char(b) == ';')) {
        b->role = FOLIO_ROLE_OPERATIVE;
        *stage = 2;
    } else if (*stage == 1) {
        b->role = FOLIO_ROLE_PREAMBLE;
    }
}

static int paragraph(walk *w, xmlNodePtr p)
{
    dxr *r = w->r;
    folio_arena *a = r->rep->arena;
    folio_pos pos = folio_dxr_pos(p);
    xmlNodePtr ppr = folio_dxr_child(p, "pPr");
    const char *sid = folio_dxr_val(folio_dxr_child(ppr, "pStyle"), "val");
    const dxr_style *st = folio_dxr_style(&r->styles, sid);
    static const dxr_style normal = {0};
    if (!st)
        st = &normal; /* no style, or one styles.xml lacks: Normal */
    dxr_kind kind = st->kind;
    int rc;
    if (kind == DXR_SKIP)
        return 0;
    if (kind == DXR_CONTENTS_PAGE) { /* "Page" over the entries: the part's label */
        for (int i = w->nopen - 1; i >= 0 && i < MAX_OPEN; i--)
            if (w->open[i] == FOLIO_PART_CONTENTS) {
                folio_block *part = NULL;
                for (size_t k = r->rep->nblocks; k-- > 0 && !part;)
                    if (r->rep->blocks[k].kind == FOLIO_BLOCK_PART &&
                        r->rep->blocks[k].part == FOLIO_PART_CONTENTS)
                        part = &r->rep->blocks[k];
                char *t = folio_dxr_text(r, p);
                if (part && t && *t)
                    part->label = t;
                break;
            }
        return 0;
    }
    if (kind == DXR_MAST && !w->body_blocks)
        return folio_dxr_mast_line(r, st->mast, p);
    if (folio_dxr_child(ppr, "pageBreakBefore") && (rc = page_break(w, pos)))
        return rc;
    folio_run *runs;
    size_t n;
    int pb = 0;
    if ((rc = folio_dxr_runs(r, p, 0, &runs, &n, &pb)))
        return rc;
    folio_label_kind lk;
    int ilvl;
    const char *label = list_label(r, ppr, st, &lk, &ilvl);
    int typed = 0;
    if (!label && kind != DXR_ANNEX && kind != DXR_ANNEX_ORIGINAL && kind != DXR_MAST &&
        (label = typed_label(r, runs, n))) {
        typed = 1;
        lk = typed_kind(r->house, label, kind == DXR_HEADING || kind == DXR_CONTENTS
                                   ? (st->level > 0 ? st->level : 1) : 0);
        if (lk == FOLIO_LABEL_NONE && (kind == DXR_PLAIN || kind == DXR_UNKNOWN ||
                                       kind == DXR_NOTE || kind == DXR_TABLE_TEXT)) {
            /* "Name:<tab>..." in a plain paragraph: text, not a number */
            runs[0].text = folio_sprintf(a, "%s\t%s", label, runs[0].text);
            label = NULL;
            typed = 0;
        }
    }
    char *page = NULL;
    if (kind == DXR_CONTENTS && n && runs[n - 1].kind == FOLIO_RUN_TEXT) {
        /* the entry's page after its last tab */
        const char *t = strrchr(runs[n - 1].text, '\t');
        if (t) {
            page = t[1] ? folio_strdup(a, t + 1) : NULL; /* this layout's page */
            runs[n - 1].text = folio_strndup(a, runs[n - 1].text, (size_t)(t - runs[n - 1].text));
        }
    }
    untab(r, runs, n);
    runs = drop_empty(runs, &n);
    if (!has_content(runs, n) && !label) {
        return pb ? page_break(w, pos) : 0;
    }
    w->body_blocks++;
    if (kind == DXR_TABLE_NOTE && label && w->table_at) {
        int done = 0;
        folio_block *t = &r->rep->blocks[w->table_at - 1];
        if ((rc = folio_dxr_table_note(r, t->table, label, runs, n, pos, &done)))
            return rc;
        if (done)
            return 0;
    }
    if (kind == DXR_TABLE_NOTE && label) /* a mark no cell has: kept as text */
        prefix_label(r, runs, n, label, " ");
    if (kind != DXR_TABLE_NOTE && !(kind == DXR_ROLE && st->role == FOLIO_ROLE_TABLE_NOTE))
        w->table_at = 0;
    if (kind != DXR_LIST_ITEM && (rc = close_through(w, FOLIO_PART_LIST)))
        return rc;
    if (kind != DXR_CONTENTS && kind != DXR_CONTENTS_HEAD &&
        (rc = close_through(w, FOLIO_PART_CONTENTS)))
        return rc;
    if (kind == DXR_HEADING && st->level >= 1 && st->role == FOLIO_ROLE_TEXT &&
        (rc = close_to_summary(w)))
        return rc;
    if ((kind == DXR_ANNEX || kind == DXR_CONTENTS_HEAD) &&
        (rc = close_through(w, FOLIO_PART_RESOLUTION)))
        return rc;
    if (kind == DXR_PARA && label && (rc = close_through(w, FOLIO_PART_RESOLUTION)))
        return rc; /* the report's numbering resumes */
    if (kind == DXR_ANNEX && (rc = close_all(w)))
        return rc;
    if (kind == DXR_PART_ANNEX && (rc = close_through(w, FOLIO_PART_ANNEX)))
        return rc;
    w->drop_break = 0;
    if (kind != DXR_PART_ANNEX && kind != DXR_RES_TITLE)
        mark_content(w);
    if (kind == DXR_SUMMARY_HEAD && all_emph(runs, n))
        kind = DXR_ROLE; /* "*Summary*": the box's title line */
    else if (kind == DXR_SUMMARY_HEAD)
        kind = DXR_HEADING; /* a heading at the box's top */
    folio_block *b;
    switch (kind) {
    case DXR_TABLE_NOTE:
        label = NULL;
        kind = DXR_ROLE;
        /* fall through */
    case DXR_MAST: /* a masthead line in the text: kept as a paragraph */
    case DXR_NOTE:
    case DXR_NOTE_LIST:
    case DXR_TABLE_TEXT:
    case DXR_UNKNOWN:
        if (kind == DXR_UNKNOWN)
            warn_once(w, kind, pos,
                      "style \"%s\" is none folio knows: its paragraphs are read as plain "
                      "paragraphs", sid ? sid : "?");
        /* fall through */
    case DXR_PLAIN:
    case DXR_PARA:
    case DXR_OPERATIVE:
    case DXR_ROLE:
    case DXR_SUB_NUMBERED:
        if (label && (lk == FOLIO_LABEL_LOWER || lk == FOLIO_LABEL_LOWER_ROMAN ||
                      lk == FOLIO_LABEL_BULLET) && kind != DXR_ROLE) {
            kind = DXR_ITEM; /* "(a)" in a paragraph style */
            break;
        }
        if (!(b = folio_dxr_push(r)))
            return FOLIO_E_NOMEM;
        b->kind = FOLIO_BLOCK_PARAGRAPH;
        b->role = st->role;
        if (kind == DXR_ROLE && label && st->role == FOLIO_ROLE_MEMO) {
            b->label = label; /* "To:" */
        } else if (kind == DXR_ROLE && label) {
            prefix_label(r, runs, n, label, " "); /* a label on a role: its text */
        } else if (label) {
            b->label = number_label(r, label);
            b->label_kind = kind == DXR_SUB_NUMBERED ? FOLIO_LABEL_DECIMAL : lk;
            b->numbered = b->label_kind != FOLIO_LABEL_DECIMAL;
            if (b->label_kind == FOLIO_LABEL_NONE)
                b->label_kind = FOLIO_LABEL_ARABIC;
        }
        b->runs = runs;
        b->nruns = n;
        b->pos = pos;
        resolution_role(w, b, kind);
        goto done;
    default:
        break;
    }
    switch (kind) {
    case DXR_HEADING:
    case DXR_SUBTITLE:
    case DXR_SUMMARY_HEAD:
    case DXR_CONTENTS_HEAD: {
        if (kind == DXR_CONTENTS_HEAD) {
            folio_block *l = last(r);
            if (l && l->kind == FOLIO_BLOCK_PAGE_BREAK)
                r->rep->nblocks--; /* the style stage's own */
            if ((rc = open_part(w, FOLIO_PART_CONTENTS, NULL, pos)))
                return rc;
        }
        if (!(b = folio_dxr_push(r)))
            return FOLIO_E_NOMEM;
        b->kind = FOLIO_BLOCK_HEADING;
        b->level = st->level;
        b->role = st->role;
        if (label && st->level >= 1 && st->level <= 4) {
            b->label = label;
            b->label_kind = lk;
        } else if (label) { /* a label on a title line stays its text */
            prefix_label(r, runs, n, label, " ");
        }
        b->runs = runs;
        b->nruns = n;
        b->pos = pos;
        break;
    }
    case DXR_ITEM:
    case DXR_BULLET:
    case DXR_LIST_ITEM:
    case DXR_CONTENTS:
        if (kind == DXR_LIST_ITEM && !top_is(w, FOLIO_PART_LIST) &&
            (rc = open_part(w, FOLIO_PART_LIST, NULL, pos)))
            return rc;
        if (kind == DXR_CONTENTS && !is_open(w, FOLIO_PART_CONTENTS) &&
            (rc = open_part(w, FOLIO_PART_CONTENTS, NULL, pos)))
            return rc;
        if (!(b = folio_dxr_push(r)))
            return FOLIO_E_NOMEM;
        b->kind = FOLIO_BLOCK_ITEM;
        b->level = st->level > 0 ? st->level : 1;
        if (!typed && ilvl >= 0 && kind != DXR_CONTENTS && kind != DXR_BULLET)
            b->level = ilvl + 1 > 4 ? 4 : ilvl + 1;
        if (kind == DXR_BULLET || lk == FOLIO_LABEL_BULLET) {
            b->label_kind = FOLIO_LABEL_BULLET;
            b->label = label ? label : "\xE2\x80\xA2";
        } else if (label) {
            b->label = label;
            b->label_kind = lk != FOLIO_LABEL_NONE ? lk : FOLIO_LABEL_LOWER;
        }
        if (kind == DXR_CONTENTS) {
            b->role = FOLIO_ROLE_ENTRY;
            b->page = page;
            if (b->label && lk == FOLIO_LABEL_NONE)
                b->label_kind = FOLIO_LABEL_NONE;
        }
        b->runs = runs;
        b->nruns = n;
        b->pos = pos;
        break;
    case DXR_ANNEX: {
        if (!(b = folio_dxr_push(r)))
            return FOLIO_E_NOMEM;
        b->kind = FOLIO_BLOCK_ANNEX;
        b->label = folio_dxr_plain(r, runs, n);
        b->pos = pos;
        break;
    }
    case DXR_ANNEX_ORIGINAL: {
        char *t = folio_dxr_plain(r, runs, n);
        const char *lang = NULL;
        folio_block *l = last(r);
        if (t && l && (l->kind == FOLIO_BLOCK_ANNEX || l->kind == FOLIO_BLOCK_PART) &&
            folio_md_bracket_original(r->house, t, strlen(t), &lang) && lang) {
            l->original_language = lang;
            break;
        }
        if (!(b = folio_dxr_push(r)))
            return FOLIO_E_NOMEM;
        b->kind = FOLIO_BLOCK_PARAGRAPH;
        b->runs = runs;
        b->nruns = n;
        b->pos = pos;
        break;
    }
    case DXR_PART_ANNEX:
        rc = open_part(w, FOLIO_PART_ANNEX, folio_dxr_plain(r, runs, n), pos);
        break;
    case DXR_RES_TITLE: {
        /* title lines open a resolution, or the next one after one with
         * text (inside an annex of a part: one inside the other) */
        /* an annex of a part with text in it ends with the resolution
         * it belongs to */
        if (annex_done(w) && ((rc = close_through(w, FOLIO_PART_ANNEX)) ||
                              (rc = close_through(w, FOLIO_PART_RESOLUTION))))
            return rc;
        /* inside an open resolution: the title of one of its sections */
        if (!res_stage(w) && (rc = open_part(w, FOLIO_PART_RESOLUTION, NULL, pos)))
            return rc;
        rc = title_lines(w, st, label, runs, n, pos);
        break;
    }
    default:
        break;
    }
done:
    if (!rc && pb)
        rc = page_break(w, pos);
    return rc;
}

static int container(walk *w, xmlNodePtr parent, int depth);

/* A table of one cell opened by the summary's heading is the summary's
 * box; any other table is a table of the report. */
static int table(walk *w, xmlNodePtr tbl, int depth)
{
    dxr *r = w->r;
    xmlNodePtr tr = folio_dxr_child(tbl, "tr"), tc = folio_dxr_child(tr, "tc");
    xmlNodePtr p0 = folio_dxr_child(tc, "p");
    const char *sid = p0 ? folio_dxr_attr(r->rep->arena,
                                          folio_dxr_child(folio_dxr_child(p0, "pPr"), "pStyle"),
                                          "val")
                         : NULL;
    const dxr_style *st = folio_dxr_style(&r->styles, sid);
    int rc;
    if (st && st->kind == DXR_SUMMARY_HEAD) {
        if ((rc = close_through(w, FOLIO_PART_LIST)) ||
            (rc = open_part(w, FOLIO_PART_SUMMARY, NULL, folio_dxr_pos(tbl))) ||
            (rc = container(w, tc, depth + 1)))
            return rc;
        return close_through(w, FOLIO_PART_SUMMARY);
    }
    if ((rc = close_through(w, FOLIO_PART_LIST)))
        return rc;
    folio_block b = {0};
    if ((rc = folio_dxr_table(r, tbl, depth, &b)))
        return rc;
    folio_block *k = folio_dxr_push(r);
    if (!k)
        return FOLIO_E_NOMEM;
    *k = b;
    w->body_blocks++;
    w->drop_break = 0;
    w->table_at = r->rep->nblocks;
    return 0;
}

static int container(walk *w, xmlNodePtr parent, int depth)
{
    if (depth > w->r->max_depth)
        return folio_error(w->r->ctx, FOLIO_E_LIMIT, folio_dxr_pos(parent),
                           "<w:%s>: nesting deeper than %d", (const char *)parent->name,
                           w->r->max_depth);
    int rc = 0;
    for (xmlNodePtr c = parent->children; c && !rc; c = c->next) {
        if (folio_dxr_is(c, "p")) {
            rc = paragraph(w, c);
            /* a section ends here: Word counts the footnotes afresh */
            if (w->r->restart_each && folio_dxr_child(folio_dxr_child(c, "pPr"), "sectPr"))
                w->r->autos[0] = 0;
            continue;
        }
        else if (folio_dxr_is(c, "tbl"))
            rc = table(w, c, depth + 1);
        else if (folio_dxr_is(c, "sdt") || folio_dxr_is(c, "sdtContent") ||
                 folio_dxr_is(c, "customXml") || folio_dxr_is(c, "ins"))
            rc = container(w, c, depth + 1);
    }
    return rc;
}

int folio_dxr_body(dxr *r, xmlDocPtr doc)
{
    walk w = {0};
    w.r = r;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    xmlNodePtr body = folio_dxr_child(root, "body");
    if (!body || !folio_dxr_is(root, "document"))
        return folio_error(r->ctx, FOLIO_E_INPUT, folio_dxr_pos(root),
                           "no <w:body> in <w:document>: not a Word document");
    /* footnotes numbered afresh in each section (annexes) */
    for (xmlNodePtr c = body->children; c; c = c->next) {
        xmlNodePtr sp = folio_dxr_is(c, "sectPr") ? c
                        : folio_dxr_child(folio_dxr_child(c, "pPr"), "sectPr");
        const char *v = folio_dxr_attr(r->rep->arena,
                                       folio_dxr_child(folio_dxr_child(sp, "footnotePr"),
                                                       "numRestart"), "val");
        if (v && !strcmp(v, "eachSect"))
            r->restart_each = 1;
    }
    int rc = container(&w, body, 1);
    if (!rc)
        rc = close_all(&w);
    /* a page break the text ends with is no content */
    folio_block *l = last(r);
    if (!rc && l && l->kind == FOLIO_BLOCK_PAGE_BREAK)
        r->rep->nblocks--;
    return rc;
}
