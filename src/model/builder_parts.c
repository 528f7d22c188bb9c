/* The builder's parts and roles: resolutions, lists inside paragraphs,
 * the summary and the contents, opened and closed around the blocks they
 * hold, and what a block is within its part. Checked before anything
 * changes, as the rest of the builder. */
#include <string.h>

#include "model/akn_names.h"
#include "model/builder.h"

static const char *const part_names[] = {"", "resolution", "annex", "list", "summary",
                                         "contents"};

static folio_part_kind innermost(const folio_report *r)
{
    return r->build_nparts ? r->build_parts[r->build_nparts - 1] : FOLIO_PART_NONE;
}

int folio_report_open_part(folio_ctx *ctx, folio_report *r, folio_part_kind kind,
                           const char *label, folio_node **out)
{
    static const char fn[] = "folio_report_open_part";
    int rc;
    if (out)
        *out = NULL;
    if (!r)
        return folio_build_bad(ctx, fn, "no report (NULL)");
    if (kind <= FOLIO_PART_NONE || kind > FOLIO_PART_CONTENTS)
        return folio_build_bad(ctx, fn, "%d is not a folio_part_kind", (int)kind);
    if (r->build_nparts == FOLIO_MAX_PART_DEPTH)
        return folio_build_bad(ctx, fn, "parts nest at most %d deep", FOLIO_MAX_PART_DEPTH);
    if ((kind == FOLIO_PART_SUMMARY || kind == FOLIO_PART_CONTENTS) && r->build_nparts)
        return folio_build_bad(ctx, fn, "the %s is not inside another part (a %s is open)",
                               part_names[kind], part_names[innermost(r)]);
    if (label && (rc = folio_build_check_text(ctx, fn, "label", label, 0)))
        return rc;
    folio_block b = {.kind = FOLIO_BLOCK_PART, .part = kind};
    if (label && !(b.label = folio_strdup(r->arena, label)))
        return folio_error(ctx, FOLIO_E_NOMEM, (folio_pos){0, 0}, "out of memory");
    if ((rc = folio_build_append(ctx, r, &b, out)))
        return rc;
    r->build_parts[r->build_nparts++] = kind;
    return 0;
}

int folio_report_close_part(folio_ctx *ctx, folio_report *r)
{
    static const char fn[] = "folio_report_close_part";
    if (!r)
        return folio_build_bad(ctx, fn, "no report (NULL)");
    if (!r->build_nparts)
        return folio_build_bad(ctx, fn, "no part is open");
    folio_block b = {.kind = FOLIO_BLOCK_PART_END};
    int rc = folio_build_append(ctx, r, &b, NULL);
    if (!rc)
        r->build_nparts--;
    return rc;
}

/* Why `role` does not fit block `b` appended inside a part of kind
 * `part`, or NULL when it does. */
static const char *role_problem(folio_role role, const folio_block *b, folio_part_kind part)
{
    int para = b->kind == FOLIO_BLOCK_PARAGRAPH;
    switch (role) {
    case FOLIO_ROLE_TEXT:
    case FOLIO_ROLE_SIGNATURE:
    case FOLIO_ROLE_DATELINE:
    case FOLIO_ROLE_CENTERED:
    case FOLIO_ROLE_TABLE_NOTE:
        return NULL;
    case FOLIO_ROLE_TITLE:
        return b->kind == FOLIO_BLOCK_ITEM ? "a title is a heading or a paragraph" : NULL;
    case FOLIO_ROLE_FORMULA:
    case FOLIO_ROLE_PREAMBLE:
    case FOLIO_ROLE_CLOSING:
    case FOLIO_ROLE_ADOPTION:
        if (part != FOLIO_PART_RESOLUTION)
            return "only inside a resolution";
        if (!para || b->numbered)
            return "a resolution's formula, preamble, closing and adoption lines are "
                   "unnumbered paragraphs";
        return NULL;
    case FOLIO_ROLE_OPERATIVE:
        if (part != FOLIO_PART_RESOLUTION)
            return "only inside a resolution";
        return para && b->numbered ? NULL : "an operative paragraph is a numbered paragraph";
    case FOLIO_ROLE_ENTRY:
        return "a contents entry is made with folio_report_add_entry";
    case FOLIO_ROLE_MEMO:
        return "a memo line is made with folio_report_add_memo_line";
    }
    return "not a folio_role";
}

int folio_node_set_role(folio_ctx *ctx, folio_node *n, folio_role role)
{
    static const char fn[] = "folio_node_set_role";
    if (!n)
        return folio_build_bad(ctx, fn, "no node (NULL)");
    if (n->kind != FOLIO_NODE_BLOCK || n->note)
        return folio_build_bad(ctx, fn, "not a block of the report's text");
    folio_block *b = folio_node_block(n);
    if (b->kind != FOLIO_BLOCK_HEADING && b->kind != FOLIO_BLOCK_PARAGRAPH &&
        b->kind != FOLIO_BLOCK_ITEM)
        return folio_build_bad(ctx, fn, "only a heading, a paragraph or an item takes a role");
    if ((unsigned)role > FOLIO_ROLE_TABLE_NOTE)
        return folio_build_bad(ctx, fn, "%d is not a folio_role", (int)role);
    const char *why = role_problem(role, b, n->part);
    if (why)
        return folio_build_bad(ctx, fn, "role %d: %s", (int)role, why);
    b->role = role;
    return 0;
}

int folio_report_add_entry(folio_ctx *ctx, folio_report *r, int level, const char *label,
                           const char *page, folio_node **out)
{
    static const char fn[] = "folio_report_add_entry";
    static const folio_label_kind kinds[] = {FOLIO_LABEL_NONE, FOLIO_LABEL_ROMAN,
                                             FOLIO_LABEL_UPPER, FOLIO_LABEL_ARABIC};
    int rc;
    if (out)
        *out = NULL;
    if (!r)
        return folio_build_bad(ctx, fn, "no report (NULL)");
    if (innermost(r) != FOLIO_PART_CONTENTS)
        return folio_build_bad(ctx, fn, "an entry belongs inside a contents part");
    if (level < 1 || level > 3)
        return folio_build_bad(ctx, fn, "entry level %d: levels go from 1 to 3", level);
    if ((label && (rc = folio_build_check_text(ctx, fn, "label", label, 0))) ||
        (page && (rc = folio_build_check_text(ctx, fn, "page", page, 0))))
        return rc;
    folio_block b = {.kind = FOLIO_BLOCK_ITEM, .level = level, .role = FOLIO_ROLE_ENTRY};
    if (label) {
        b.label_kind = folio_akn_label_kind(label, kinds[level]);
        if (!(b.label = folio_strdup(r->arena, label)))
            return folio_error(ctx, FOLIO_E_NOMEM, (folio_pos){0, 0}, "out of memory");
    }
    if (page && !(b.page = folio_strdup(r->arena, page)))
        return folio_error(ctx, FOLIO_E_NOMEM, (folio_pos){0, 0}, "out of memory");
    return folio_build_append(ctx, r, &b, out);
}

int folio_report_add_memo_line(folio_ctx *ctx, folio_report *r, const char *word,
                               folio_node **out)
{
    static const char fn[] = "folio_report_add_memo_line";
    int rc;
    if (out)
        *out = NULL;
    if (!r)
        return folio_build_bad(ctx, fn, "no report (NULL)");
    if ((rc = folio_build_check_text(ctx, fn, "word", word, 0)))
        return rc;
    if (word[strlen(word) - 1] != ':')
        return folio_build_bad(ctx, fn, "the word \"%s\" does not end in a colon (\"To:\")",
                               word);
    folio_block b = {.kind = FOLIO_BLOCK_PARAGRAPH, .role = FOLIO_ROLE_MEMO};
    if (!(b.label = folio_strdup(r->arena, word)))
        return folio_error(ctx, FOLIO_E_NOMEM, (folio_pos){0, 0}, "out of memory");
    return folio_build_append(ctx, r, &b, out);
}
