/* The builder: a report made in code, block by block. Every value is
 * checked before anything changes, so a refused call leaves the report as
 * it was. Inline runs and table cells: builder_runs.c; parts and roles:
 * builder_parts.c. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/akn_names.h"
#include "model/builder.h"
#include "model/fields.h"
#include "util/text.h"

int folio_build_bad(folio_ctx *ctx, const char *func, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return folio_error(ctx, FOLIO_E_USAGE, (folio_pos){0, 0}, "%s: %s", func, msg);
}

int folio_build_check_text(folio_ctx *ctx, const char *func, const char *what,
                           const char *text, int lines)
{
    if (!text)
        return folio_build_bad(ctx, func, "no %s (NULL)", what);
    if (!*text)
        return folio_build_bad(ctx, func, "an empty %s", what);
    size_t n = strlen(text);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = folio_utf8_decode((const unsigned char *)text + i, n - i, &cp);
        if (!k)
            return folio_build_bad(ctx, func, "the %s is not UTF-8 (byte %zu)", what, i + 1);
        if ((cp < 0x20 && cp != '\t' && !(lines && cp == '\n')) || (cp >= 0x7F && cp < 0xA0))
            return folio_build_bad(ctx, func, "the %s holds the control character U+%04X",
                                   what, (unsigned)cp);
        i += k;
    }
    return 0;
}

folio_block *folio_node_block(const folio_node *n)
{
    return n->note ? &n->note->blocks[n->index] : &n->rep->blocks[n->index];
}

static const char *const field_names[FOLIO_FIELD_COUNT] = {
    "symbol", "distribution", "date", "language", "original language", "organ", "body",
    "session", "venue and dates", "agenda item", "agenda title", "title", "subtitle",
    "job number", "station", "joint symbol", "joint lines"};

int folio_report_set(folio_ctx *ctx, folio_report *r, folio_field field, const char *value)
{
    static const char fn[] = "folio_report_set";
    if (!r)
        return folio_build_bad(ctx, fn, "no report (NULL)");
    if ((unsigned)field >= FOLIO_FIELD_COUNT)
        return folio_build_bad(ctx, fn, "%d is not a masthead field", (int)field);
    const char *name = field_names[field];
    int rc = folio_build_check_text(ctx, fn, name, value,
                                    field == FOLIO_FIELD_BODY || field == FOLIO_FIELD_JOINT_LINES);
    if (rc)
        return rc;
    char buf[512];
    const char *why = folio_field_problem(r->build_house, field, value, buf, sizeof buf);
    if (why)
        return folio_build_bad(ctx, fn, "the %s \"%s\": %s", name, value, why);
    if (field == FOLIO_FIELD_DISTRIBUTION) {
        r->meta.distribution = (folio_distribution)folio_distribution_of(value);
        return 0;
    }
    const char *copy = folio_strdup(r->arena, value);
    if (!copy)
        return folio_error(ctx, FOLIO_E_NOMEM, (folio_pos){0, 0}, "out of memory");
    *folio_meta_field(&r->meta, field) = copy;
    return 0;
}

int folio_report_use_house(folio_ctx *ctx, folio_report *r, const folio_house *house)
{
    if (!r)
        return folio_build_bad(ctx, "folio_report_use_house", "no report (NULL)");
    r->build_house = house;
    return 0;
}

/* A handle in the report's arena. */
static int new_node(folio_ctx *ctx, folio_report *r, folio_node_kind kind, folio_node **out)
{
    folio_node *n = folio_alloc(r->arena, sizeof *n);
    if (!n)
        return folio_error(ctx, FOLIO_E_NOMEM, (folio_pos){0, 0}, "out of memory");
    n->kind = kind;
    n->rep = r;
    *out = n;
    return 0;
}

/* Room for one more block in the report's text. */
static int room_for_block(folio_ctx *ctx, folio_report *r)
{
    if (r->nblocks < r->blocks_cap) /* 0 for a reader's exact array */
        return 0;
    size_t cap = r->nblocks < 8 ? 16 : r->nblocks * 2;
    folio_block *v = folio_grow(r->arena, r->blocks, sizeof *v, r->nblocks, cap);
    if (!v)
        return folio_error(ctx, FOLIO_E_NOMEM, (folio_pos){0, 0}, "out of memory");
    r->blocks = v;
    r->blocks_cap = cap;
    return 0;
}

int folio_build_append(folio_ctx *ctx, folio_report *r, const folio_block *b,
                       folio_node **out)
{
    folio_node *n = NULL;
    int rc;
    if ((rc = room_for_block(ctx, r)) || (rc = new_node(ctx, r, FOLIO_NODE_BLOCK, &n)))
        return rc;
    n->index = r->nblocks;
    n->part = r->build_nparts ? r->build_parts[r->build_nparts - 1] : FOLIO_PART_NONE;
    r->blocks[r->nblocks++] = *b;
    if (out)
        *out = n;
    return 0;
}

static const char *label_copy(folio_report *r, const char *label)
{
    return label ? folio_strdup(r->arena, label) : NULL;
}

int folio_report_add_heading(folio_ctx *ctx, folio_report *r, int level, int numbered,
                             const char *label, folio_node **out)
{
    static const char fn[] = "folio_report_add_heading";
    static const folio_label_kind kinds[] = {FOLIO_LABEL_NONE, FOLIO_LABEL_ROMAN,
                                             FOLIO_LABEL_UPPER, FOLIO_LABEL_ARABIC,
                                             FOLIO_LABEL_NONE};
    static const char *const shapes[] = {"", "a roman numeral (\"IV.\")", "a capital letter (\"B.\")",
                                         "a number (\"3.\")", ""};
    int rc;
    if (out)
        *out = NULL;
    if (!r)
        return folio_build_bad(ctx, fn, "no report (NULL)");
    if (level < 0 || level > 4)
        return folio_build_bad(ctx, fn, "heading level %d: levels go from 0 to 4", level);
    if ((numbered || label) && kinds[level] == FOLIO_LABEL_NONE)
        return folio_build_bad(ctx, fn, "a heading of level %d is never numbered", level);
    if (label) {
        if ((rc = folio_build_check_text(ctx, fn, "label", label, 0)))
            return rc;
        if (folio_akn_label_kind(label, kinds[level]) != kinds[level])
            return folio_build_bad(ctx, fn, "the label \"%s\" of a heading of level %d is not %s",
                                   label, level, shapes[level]);
    }
    folio_block b = {.kind = FOLIO_BLOCK_HEADING, .level = level};
    if (numbered || label)
        b.label_kind = kinds[level];
    if (label && !(b.label = label_copy(r, label)))
        return folio_error(ctx, FOLIO_E_NOMEM, (folio_pos){0, 0}, "out of memory");
    return folio_build_append(ctx, r, &b, out);
}

/* A numbered paragraph's typed label: digits and a full stop ("12."). */
static int is_number_label(const char *s)
{
    size_t n = strspn(s, "0123456789");
    return n > 0 && n <= 9 && s[n] == '.' && !s[n + 1];
}

int folio_report_add_paragraph(folio_ctx *ctx, folio_report *r, int numbered,
                               const char *label, folio_node **out)
{
    static const char fn[] = "folio_report_add_paragraph";
    if (out)
        *out = NULL;
    if (!r)
        return folio_build_bad(ctx, fn, "no report (NULL)");
    if (label && !numbered)
        return folio_build_bad(ctx, fn, "a plain paragraph has no label (\"%s\")", label);
    if (label && !is_number_label(label))
        return folio_build_bad(ctx, fn, "the label \"%s\" of a numbered paragraph is not "
                               "a number and a full stop (\"12.\")", label);
    folio_block b = {.kind = FOLIO_BLOCK_PARAGRAPH, .numbered = numbered != 0};
    if (numbered)
        b.label_kind = FOLIO_LABEL_ARABIC;
    if (label && !(b.label = label_copy(r, label)))
        return folio_error(ctx, FOLIO_E_NOMEM, (folio_pos){0, 0}, "out of memory");
    return folio_build_append(ctx, r, &b, out);
}

int folio_report_add_item(folio_ctx *ctx, folio_report *r, int depth, const char *label,
                          folio_node **out)
{
    static const char fn[] = "folio_report_add_item";
    int rc;
    if (out)
        *out = NULL;
    if (!r)
        return folio_build_bad(ctx, fn, "no report (NULL)");
    if (depth < 1 || depth > 4)
        return folio_build_bad(ctx, fn, "item depth %d: depths go from 1 to 4", depth);
    folio_label_kind hint = folio_akn_item_hint(depth), kind = hint;
    if (label) {
        if ((rc = folio_build_check_text(ctx, fn, "label", label, 0)))
            return rc;
        kind = folio_akn_label_kind(label, hint);
        if (kind != FOLIO_LABEL_LOWER && kind != FOLIO_LABEL_LOWER_ROMAN &&
            kind != FOLIO_LABEL_ARABIC && kind != FOLIO_LABEL_BULLET)
            return folio_build_bad(ctx, fn, "\"%s\" is not an item label (\"(a)\", \"a)\", "
                                   "\"(iv)\", \"1.\" or a bullet)", label);
    }
    folio_block b = {.kind = FOLIO_BLOCK_ITEM, .level = depth, .label_kind = kind};
    if (label && !(b.label = label_copy(r, label)))
        return folio_error(ctx, FOLIO_E_NOMEM, (folio_pos){0, 0}, "out of memory");
    return folio_build_append(ctx, r, &b, out);
}

int folio_report_add_table(folio_ctx *ctx, folio_report *r, size_t rows, size_t cols,
                           size_t head_rows, folio_node **out)
{
    static const char fn[] = "folio_report_add_table";
    folio_node *n = NULL;
    int rc;
    if (out)
        *out = NULL;
    if (!r)
        return folio_build_bad(ctx, fn, "no report (NULL)");
    if (!rows || !cols)
        return folio_build_bad(ctx, fn, "a table of %zu rows and %zu columns: it needs "
                               "at least one of each", rows, cols);
    if (head_rows > rows)
        return folio_build_bad(ctx, fn, "%zu head rows in a table of %zu rows", head_rows, rows);
    if (rows > SIZE_MAX / cols || rows * cols > SIZE_MAX / sizeof(folio_cell))
        return folio_build_bad(ctx, fn, "a table of %zu rows and %zu columns is too large",
                               rows, cols);
    folio_table *t = folio_alloc(r->arena, sizeof *t);
    folio_cell *cells = t ? folio_alloc(r->arena, rows * cols * sizeof *cells) : NULL;
    folio_align *align = cells ? folio_alloc(r->arena, cols * sizeof *align) : NULL;
    if (!align)
        return folio_error(ctx, FOLIO_E_NOMEM, (folio_pos){0, 0}, "out of memory");
    *t = (folio_table){rows, cols, head_rows, cells, align};
    folio_block b = {.kind = FOLIO_BLOCK_TABLE, .table = t};
    if ((rc = folio_build_append(ctx, r, &b, &n)))
        return rc;
    n->kind = FOLIO_NODE_TABLE;
    n->table = t;
    if (out)
        *out = n;
    return 0;
}

int folio_report_add_annex(folio_ctx *ctx, folio_report *r, const char *original_language,
                           folio_node **out)
{
    static const char fn[] = "folio_report_add_annex";
    if (out)
        *out = NULL;
    if (!r)
        return folio_build_bad(ctx, fn, "no report (NULL)");
    char buf[512];
    const char *why = original_language
                          ? folio_field_problem(r->build_house, FOLIO_FIELD_ORIGINAL_LANGUAGE,
                                                original_language, buf, sizeof buf)
                          : NULL;
    if (why)
        return folio_build_bad(ctx, fn, "the original language \"%s\": %s", original_language,
                               why);
    folio_block b = {.kind = FOLIO_BLOCK_ANNEX};
    if (original_language && !(b.original_language = folio_strdup(r->arena, original_language)))
        return folio_error(ctx, FOLIO_E_NOMEM, (folio_pos){0, 0}, "out of memory");
    return folio_build_append(ctx, r, &b, out);
}

int folio_report_add_page_break(folio_ctx *ctx, folio_report *r)
{
    if (!r)
        return folio_build_bad(ctx, "folio_report_add_page_break", "no report (NULL)");
    folio_block b = {.kind = FOLIO_BLOCK_PAGE_BREAK};
    return folio_build_append(ctx, r, &b, NULL);
}
