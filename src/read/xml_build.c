/* The report model from a validated report XML tree.
 *
 * The schema has already checked the structure; what is left is what a
 * schema cannot say: notes referred to by id must exist and be unique,
 * table rows must have one cell per column, nesting must stay within the
 * limit. Each text node, and each inline element without content, is one
 * run (docs/report-xml.md). */
#include <stdlib.h>
#include <string.h>

#include "read/xml_internal.h"
#include "model/xml_names.h"
#include "util/mem.h"
#include "util/ctx.h"
#include "util/vec.h"

typedef struct build {
    folio_ctx *ctx;
    const folio_house *house;
    folio_report *rep;
    int max_depth;
    folio_note **by_id; /* notes sorted by id, for look-ups */
} build;

typedef struct runs {
    folio_run *v;
    size_t n, cap;
} runs;

static int is(xmlNodePtr n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

static folio_pos where(xmlNodePtr n)
{
    long line = n ? xmlGetLineNo(n) : -1;
    return (folio_pos){line > 0 ? (int)line : 0, 0};
}

/* An attribute's value in the arena, or NULL when absent. */
static int attr(build *b, xmlNodePtr n, const char *name, const char **out)
{
    *out = NULL;
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    if (!v)
        return 0;
    *out = folio_strdup(b->rep->arena, (const char *)v);
    xmlFree(v);
    return *out ? 0 : FOLIO_E_NOMEM;
}

/* The text content of an element, in the arena. */
static int content(build *b, xmlNodePtr n, const char **out)
{
    xmlChar *v = xmlNodeGetContent(n);
    *out = folio_strdup(b->rep->arena, v ? (const char *)v : "");
    xmlFree(v);
    return *out ? 0 : FOLIO_E_NOMEM;
}

static int by_id(const void *a, const void *b)
{
    return strcmp((*(folio_note *const *)a)->id, (*(folio_note *const *)b)->id);
}

static folio_note *find_note(build *b, const char *id)
{
    folio_note key = {.id = id}, *k = &key;
    folio_note **hit = b->rep->nnotes
                           ? bsearch(&k, b->by_id, b->rep->nnotes, sizeof *b->by_id, by_id)
                           : NULL;
    return hit ? *hit : NULL;
}

/* The note an element's ref attribute names; marks it referenced. */
static int note_ref(build *b, xmlNodePtr n, folio_note **out)
{
    const char *id;
    int rc = attr(b, n, "ref", &id);
    if (rc)
        return rc;
    if (!id || !(*out = find_note(b, id)))
        return folio_error(b->ctx, FOLIO_E_INPUT, where(n), "<%s>: no note has the id \"%s\"",
                           (const char *)n->name, id ? id : "");
    (*out)->referenced = 1;
    return 0;
}

static int push(build *b, runs *r, folio_run run)
{
    if (FOLIO_ARENA_VEC_ROOM(b->rep->arena, r->v, r->n, r->cap, 4))
        return FOLIO_E_NOMEM;
    r->v[r->n++] = run;
    return 0;
}

static int too_deep(build *b, xmlNodePtr n)
{
    return folio_error(b->ctx, FOLIO_E_LIMIT, where(n), "<%s>: nesting deeper than %d",
                       (const char *)n->name, b->max_depth);
}

/* Inline content: the style and link of the enclosing elements go to
 * every run inside. */
static int inlines(build *b, xmlNodePtr parent, folio_run base, int depth, runs *out)
{
    if (depth > b->max_depth)
        return too_deep(b, parent);
    int rc = 0;
    for (xmlNodePtr n = parent->children; n && !rc; n = n->next) {
        folio_run r = base;
        r.pos = where(n->type == XML_TEXT_NODE ? parent : n);
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            r.kind = FOLIO_RUN_TEXT;
            if ((rc = content(b, n, &r.text)))
                break;
            rc = push(b, out, r);
            continue;
        }
        if (n->type != XML_ELEMENT_NODE)
            continue; /* comments, processing instructions */
        const char *name = (const char *)n->name;
        if (!strcmp(name, "br")) {
            r.kind = FOLIO_RUN_LINE_BREAK;
            rc = push(b, out, r);
            continue;
        }
        if (!strcmp(name, "note-ref")) {
            r.kind = FOLIO_RUN_NOTE_REF;
            if (!(rc = note_ref(b, n, &r.note)))
                rc = push(b, out, r);
            continue;
        }
        if (!strcmp(name, "em"))
            r.style |= FOLIO_EMPH;
        else if (!strcmp(name, "strong"))
            r.style |= FOLIO_STRONG;
        else if (!strcmp(name, "sup"))
            r.style |= FOLIO_SUPER;
        else if (!strcmp(name, "a") || !strcmp(name, "symbol")) {
            r.is_symbol = !strcmp(name, "symbol");
            if ((rc = attr(b, n, "href", &r.link)))
                break;
        } else if (strcmp(name, "span")) {
            rc = folio_error(b->ctx, FOLIO_E_INPUT, r.pos, "<%s>: not inline content", name);
            break;
        }
        if (!n->children) { /* an element without content is an empty run */
            r.kind = FOLIO_RUN_TEXT;
            r.text = "";
            rc = push(b, out, r);
        } else {
            rc = inlines(b, n, r, depth + 1, out);
        }
    }
    return rc;
}

static int block_runs(build *b, xmlNodePtr n, int depth, folio_run **v, size_t *count)
{
    runs r = {0};
    folio_run base = {0};
    base.kind = FOLIO_RUN_TEXT;
    int rc = inlines(b, n, base, depth, &r);
    *v = r.v;
    *count = r.n;
    return rc;
}

static int table(build *b, xmlNodePtr n, int depth, folio_block *k)
{
    folio_arena *a = b->rep->arena;
    folio_table *t = folio_alloc(a, sizeof *t);
    if (!t)
        return FOLIO_E_NOMEM;
    k->table = t;
    const char *head;
    int rc = attr(b, n, "head-rows", &head);
    if (rc)
        return rc;
    for (xmlNodePtr c = n->children; c; c = c->next)
        t->ncols += is(c, "column");
    /* every row checked before the cells are allocated: rows x columns
     * then stays within the size of the input */
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (!is(c, "row"))
            continue;
        size_t cells = 0;
        for (xmlNodePtr d = c->children; d; d = d->next)
            cells += is(d, "cell");
        if (cells != t->ncols)
            return folio_error(b->ctx, FOLIO_E_INPUT, where(c),
                               "<row>: %zu cells, but the table has %zu columns", cells,
                               t->ncols);
        t->nrows++;
    }
    t->head_rows = head ? strtoul(head, NULL, 10) : 0;
    if (t->head_rows > t->nrows)
        return folio_error(b->ctx, FOLIO_E_INPUT, k->pos,
                           "<table>: head-rows=%zu but the table has %zu rows", t->head_rows,
                           t->nrows);
    size_t ncells = t->nrows * t->ncols;
    t->align = folio_alloc(a, (t->ncols ? t->ncols : 1) * sizeof *t->align);
    t->cells = folio_alloc(a, (ncells ? ncells : 1) * sizeof *t->cells);
    if (!t->align || !t->cells)
        return FOLIO_E_NOMEM;
    size_t col = 0, row = 0;
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (is(c, "column")) {
            const char *al;
            if ((rc = attr(b, c, "align", &al)))
                return rc;
            if (al && folio_xml_align(al, &t->align[col]))
                return folio_error(b->ctx, FOLIO_E_INPUT, where(c), "<column>: unknown align");
            col++;
        } else if (is(c, "row")) {
            size_t cells = 0;
            for (xmlNodePtr d = c->children; d; d = d->next) {
                if (!is(d, "cell"))
                    continue;
                folio_cell *cell = &t->cells[row * t->ncols + cells++];
                if ((rc = block_runs(b, d, depth + 2, &cell->runs, &cell->nruns)))
                    return rc;
            }
            row++;
        }
    }
    return 0;
}

static int block(build *b, xmlNodePtr n, int depth, folio_block *k)
{
    const char *name = (const char *)n->name, *v;
    k->pos = where(n);
    if (folio_xml_block_kind(name, &k->kind))
        return folio_error(b->ctx, FOLIO_E_INPUT, k->pos, "<%s>: not a block", name);
    int rc;
    if ((rc = attr(b, n, "level", &v)))
        return rc;
    k->level = v ? atoi(v) : 0;
    if (v && (k->level < 0 || k->level > 1000))
        return folio_error(b->ctx, FOLIO_E_INPUT, k->pos, "<%s>: level %s out of range", name, v);
    if ((rc = attr(b, n, "numbered", &v)))
        return rc;
    k->numbered = v && !strcmp(v, "true");
    if ((rc = attr(b, n, "label", &k->label)) || (rc = attr(b, n, "label-kind", &v)))
        return rc;
    if (v && folio_xml_label_kind(v, &k->label_kind))
        return folio_error(b->ctx, FOLIO_E_INPUT, k->pos, "<%s>: unknown label-kind", name);
    if ((rc = attr(b, n, "original-language", &k->original_language)))
        return rc;
    if ((rc = attr(b, n, "role", &v)))
        return rc;
    if (v && folio_xml_role(v, &k->role))
        return folio_error(b->ctx, FOLIO_E_INPUT, k->pos, "<%s>: unknown role", name);
    if ((rc = attr(b, n, "page", &k->page)))
        return rc;
    if (k->kind == FOLIO_BLOCK_PART) {
        if ((rc = attr(b, n, "kind", &v)))
            return rc;
        if (!v || folio_xml_part_kind(v, &k->part) || k->part == FOLIO_PART_NONE)
            return folio_error(b->ctx, FOLIO_E_INPUT, k->pos, "<part>: unknown kind");
        return 0;
    }
    if (k->kind == FOLIO_BLOCK_TABLE)
        return table(b, n, depth, k);
    return block_runs(b, n, depth + 1, &k->runs, &k->nruns);
}

/* The blocks an element holds: a <part> counts its own two (its start
 * and its end) and its children's. */
static size_t count_blocks(xmlNodePtr parent)
{
    size_t n = 0;
    for (xmlNodePtr c = parent->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            n += is(c, "part") ? 2 + count_blocks(c) : 1;
    return n;
}

static int fill_blocks(build *b, xmlNodePtr parent, int depth, folio_block *v, size_t *i)
{
    if (depth > b->max_depth)
        return too_deep(b, parent);
    for (xmlNodePtr c = parent->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        folio_block *k = &v[(*i)++];
        int rc = block(b, c, depth + 1, k);
        if (rc)
            return rc;
        if (k->kind != FOLIO_BLOCK_PART)
            continue;
        if ((rc = fill_blocks(b, c, depth + 1, v, i)))
            return rc;
        folio_block *end = &v[(*i)++];
        end->kind = FOLIO_BLOCK_PART_END;
        end->pos = k->pos;
    }
    return 0;
}

static int blocks(build *b, xmlNodePtr parent, int depth, folio_block **out, size_t *count)
{
    size_t n = count_blocks(parent), i = 0;
    *out = NULL;
    *count = 0;
    if (!n)
        return 0;
    folio_block *v = folio_alloc(b->rep->arena, n * sizeof *v);
    if (!v)
        return FOLIO_E_NOMEM;
    int rc = fill_blocks(b, parent, depth, v, &i);
    if (rc)
        return rc;
    *out = v;
    *count = n;
    return 0;
}

/* First pass over <notes>: every note exists before anything refers to it. */
static int make_notes(build *b, xmlNodePtr notes)
{
    folio_report *rep = b->rep;
    size_t n = 0;
    for (xmlNodePtr c = notes ? notes->children : NULL; c; c = c->next)
        n += is(c, "note");
    rep->notes = folio_alloc(rep->arena, (n ? n : 1) * sizeof *rep->notes);
    b->by_id = folio_calloc(n ? n : 1, sizeof *b->by_id);
    if (!rep->notes || !b->by_id)
        return FOLIO_E_NOMEM;
    for (xmlNodePtr c = notes ? notes->children : NULL; c; c = c->next) {
        if (!is(c, "note"))
            continue;
        folio_note *note = folio_alloc(rep->arena, sizeof *note);
        if (!note)
            return FOLIO_E_NOMEM;
        note->pos = where(c);
        int rc = attr(b, c, "id", &note->id);
        if (!rc)
            rc = attr(b, c, "mark", &note->mark);
        if (rc)
            return rc;
        if (!note->id)
            return folio_error(b->ctx, FOLIO_E_INPUT, note->pos, "<note>: no id");
        rep->notes[rep->nnotes] = note;
        b->by_id[rep->nnotes++] = note;
    }
    qsort(b->by_id, rep->nnotes, sizeof *b->by_id, by_id);
    for (size_t i = 1; i < rep->nnotes; i++)
        if (!strcmp(b->by_id[i - 1]->id, b->by_id[i]->id)) {
            const folio_note *later = b->by_id[i]->pos.line >= b->by_id[i - 1]->pos.line
                                          ? b->by_id[i] : b->by_id[i - 1];
            return folio_error(b->ctx, FOLIO_E_INPUT, later->pos,
                               "<note>: the id \"%s\" is used twice", later->id);
        }
    return 0;
}

static int note_blocks(build *b, xmlNodePtr notes)
{
    size_t i = 0;
    for (xmlNodePtr c = notes ? notes->children : NULL; c; c = c->next) {
        if (!is(c, "note"))
            continue;
        folio_note *note = b->rep->notes[i++];
        int rc = blocks(b, c, 2, &note->blocks, &note->nblocks);
        if (rc)
            return rc;
    }
    return 0;
}

/* <body> lines joined by '\n', as the model keeps them. */
static int body(build *b, xmlNodePtr n, const char **out)
{
    folio_arena *a = b->rep->arena;
    char *s = folio_strdup(a, "");
    int first = 1;
    for (xmlNodePtr c = n->children; c && s; c = c->next) {
        if (!is(c, "line"))
            continue;
        const char *line;
        if (content(b, c, &line))
            return FOLIO_E_NOMEM;
        s = folio_sprintf(a, "%s%s%s", s, first ? "" : "\n", line);
        first = 0;
    }
    *out = s;
    return s ? 0 : FOLIO_E_NOMEM;
}

static int meta(build *b, xmlNodePtr n)
{
    folio_meta *m = &b->rep->meta;
    static const struct {
        const char *name;
        size_t field;
    } fields[] = {
        {"symbol", offsetof(folio_meta, symbol)},
        {"joint-symbol", offsetof(folio_meta, joint_symbol)},
        {"date", offsetof(folio_meta, date)},
        {"language", offsetof(folio_meta, language)},
        {"original-language", offsetof(folio_meta, original_language)},
        {"organ", offsetof(folio_meta, organ)},
        {"session", offsetof(folio_meta, session)},
        {"venue", offsetof(folio_meta, venue_dates)},
        {"agenda-item", offsetof(folio_meta, agenda_item)},
        {"agenda-title", offsetof(folio_meta, agenda_title)},
        {"title", offsetof(folio_meta, title)},
        {"subtitle", offsetof(folio_meta, subtitle)},
        {"job-number", offsetof(folio_meta, job_number)},
        {"station", offsetof(folio_meta, station)},
    };
    m->pos = where(n);
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        const char *name = (const char *)c->name, *v;
        int rc = 0, done = 0;
        for (size_t i = 0; i < sizeof fields / sizeof fields[0] && !done; i++)
            if (!strcmp(name, fields[i].name)) {
                rc = content(b, c, (const char **)((char *)m + fields[i].field));
                done = 1;
            }
        if (done && !rc && !strcmp(name, "station") &&
            folio_house_station_index(b->house, m->station) < 0) {
            const char *known = folio_house_list_text(b->rep->arena, b->house, 1, ", ", " or ");
            rc = known ? folio_error(b->ctx, FOLIO_E_INPUT, where(c),
                                     "<station>: unknown duty station \"%s\" (%s)", m->station,
                                     known)
                       : FOLIO_E_NOMEM;
        } else if (done) {
        } else if (!strcmp(name, "distribution")) {
            if (!(rc = content(b, c, &v)))
                m->distribution = !strcmp(v, "limited")      ? FOLIO_DISTR_LIMITED
                                  : !strcmp(v, "restricted") ? FOLIO_DISTR_RESTRICTED
                                                             : FOLIO_DISTR_GENERAL;
        } else if (!strcmp(name, "body")) {
            rc = body(b, c, &m->body);
        } else if (!strcmp(name, "joint-lines")) {
            rc = body(b, c, &m->joint_lines);
        } else if (!strcmp(name, "agenda-note")) {
            rc = note_ref(b, c, &m->agenda_note);
        } else if (!strcmp(name, "title-note")) {
            rc = note_ref(b, c, &m->title_note);
        } else {
            rc = folio_error(b->ctx, FOLIO_E_INPUT, where(c), "<%s>: not a masthead field",
                             name);
        }
        if (rc)
            return rc;
    }
    return 0;
}

int folio_xml_build(folio_ctx *ctx, const folio_house *house, xmlDocPtr doc, int max_depth,
                    folio_report *rep)
{
    build b = {ctx, house, rep, max_depth, NULL};
    xmlNodePtr root = xmlDocGetRootElement(doc), m = NULL, bl = NULL, notes = NULL;
    int rc;
    for (xmlNodePtr c = root ? root->children : NULL; c; c = c->next) {
        if (is(c, "meta"))
            m = c;
        else if (is(c, "blocks"))
            bl = c;
        else if (is(c, "notes"))
            notes = c;
    }
    if (!is(root, "report") || !m || !bl) {
        rc = folio_error(ctx, FOLIO_E_INPUT, where(root), "not a folio report");
        goto done;
    }
    if ((rc = make_notes(&b, notes)) || (rc = meta(&b, m)) ||
        (rc = blocks(&b, bl, 1, &rep->blocks, &rep->nblocks)) || (rc = note_blocks(&b, notes)))
        goto done;
done:
    if (rc == FOLIO_E_NOMEM && !ctx->nerrors)
        folio_error(ctx, rc, (folio_pos){0, 0}, "out of memory");
    free(b.by_id);
    return rc;
}
