/* folio_report_dump: the report tree as indented text, for reader spec
 * tests and for looking at what a reader made of an input. Deterministic:
 * every meta field is printed, strings quoted with C escapes.
 *
 * *out is malloc'd (the caller frees it). */
#include <stdio.h>
#include <stdlib.h>

#include "model/model.h"
#include "util/buf.h"

static void quoted(folio_buf *f, const char *s)
{
    if (!s) {
        folio_buf_puts(f, "-");
        return;
    }
    folio_buf_putc(f, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            folio_buf_printf(f, "\\%c", *p);
        else if (*p == '\n')
            folio_buf_puts(f, "\\n");
        else if (*p == '\t')
            folio_buf_puts(f, "\\t");
        else if (*p < 0x20 || *p == 0x7F)
            folio_buf_printf(f, "\\x%02X", *p);
        else
            folio_buf_putc(f, *p);
    }
    folio_buf_putc(f, '"');
}

static void pos(folio_buf *f, folio_pos p)
{
    folio_buf_printf(f, " @%d:%d", p.line, p.col);
}

static const char *label_kind(folio_label_kind k)
{
    switch (k) {
    case FOLIO_LABEL_NONE: return "none";
    case FOLIO_LABEL_ROMAN: return "roman";
    case FOLIO_LABEL_UPPER: return "upper";
    case FOLIO_LABEL_ARABIC: return "arabic";
    case FOLIO_LABEL_LOWER: return "lower";
    case FOLIO_LABEL_LOWER_ROMAN: return "lower-roman";
    case FOLIO_LABEL_BULLET: return "bullet";
    case FOLIO_LABEL_DECIMAL: return "decimal";
    }
    return "?";
}

static const char *align(folio_align a)
{
    switch (a) {
    case FOLIO_ALIGN_DEFAULT: return "default";
    case FOLIO_ALIGN_LEFT: return "left";
    case FOLIO_ALIGN_CENTER: return "center";
    case FOLIO_ALIGN_RIGHT: return "right";
    case FOLIO_ALIGN_JUSTIFY: return "justify";
    }
    return "?";
}

static void indent(folio_buf *f, int n)
{
    for (int i = 0; i < n; i++)
        folio_buf_puts(f, "  ");
}

static void runs(folio_buf *f, const folio_run *r, size_t n, int depth)
{
    for (size_t i = 0; i < n; i++) {
        indent(f, depth);
        switch (r[i].kind) {
        case FOLIO_RUN_TEXT:
            folio_buf_puts(f, "text");
            if (r[i].style) {
                const char *sep = " ";
                if (r[i].style & FOLIO_STRONG)
                    folio_buf_printf(f, "%sstrong", sep), sep = ",";
                if (r[i].style & FOLIO_EMPH)
                    folio_buf_printf(f, "%semph", sep), sep = ",";
                if (r[i].style & FOLIO_SUPER)
                    folio_buf_printf(f, "%ssuper", sep);
            }
            folio_buf_putc(f, ' ');
            quoted(f, r[i].text);
            break;
        case FOLIO_RUN_NOTE_REF:
            folio_buf_puts(f, "note-ref ");
            quoted(f, r[i].note ? r[i].note->id : NULL);
            break;
        case FOLIO_RUN_LINE_BREAK:
            folio_buf_puts(f, "line-break");
            break;
        default:
            folio_buf_printf(f, "run-kind-%d", (int)r[i].kind);
            break;
        }
        if (r[i].link) {
            folio_buf_puts(f, r[i].is_symbol ? " symbol=" : " link=");
            quoted(f, r[i].link);
        }
        pos(f, r[i].pos);
        folio_buf_putc(f, '\n');
    }
}

static void table(folio_buf *f, const folio_table *t, int depth)
{
    if (!t)
        return;
    indent(f, depth);
    folio_buf_printf(f, "align");
    for (size_t c = 0; c < t->ncols; c++)
        folio_buf_printf(f, " %s", align(t->align[c]));
    folio_buf_putc(f, '\n');
    for (size_t r = 0; r < t->nrows; r++) {
        indent(f, depth);
        folio_buf_printf(f, "row %zu%s\n", r + 1, r < t->head_rows ? " head" : "");
        for (size_t c = 0; c < t->ncols; c++) {
            const folio_cell *cell = &t->cells[r * t->ncols + c];
            indent(f, depth + 1);
            folio_buf_printf(f, "cell %zu%s\n", c + 1, cell->nruns ? "" : " empty");
            runs(f, cell->runs, cell->nruns, depth + 2);
        }
    }
}

static const char *part_name(folio_part_kind k)
{
    static const char *const names[] = {"none", "resolution", "annex", "list", "summary",
                                        "contents"};
    return (unsigned)k < sizeof names / sizeof names[0] ? names[k] : "?";
}

static const char *role_name(folio_role r)
{
    static const char *const names[] = {"text",      "title",     "formula",  "preamble",
                                        "operative", "closing",   "adoption", "entry",
                                        "signature", "dateline",  "memo",     "centered",
                                        "table-note"};
    return (unsigned)r < sizeof names / sizeof names[0] ? names[r] : "?";
}

static void blocks(folio_buf *f, const folio_block *b, size_t n, int depth)
{
    static const char *const kinds[] = {"heading", "paragraph", "item",     "table",
                                        "annex",   "page-break", "part",    "end"};
    int nest = 0;
    for (size_t i = 0; i < n; i++) {
        if (b[i].kind == FOLIO_BLOCK_PART_END && nest > 0)
            nest--;
        indent(f, depth + nest);
        const char *kind = (unsigned)b[i].kind < 8 ? kinds[b[i].kind] : "?";
        folio_buf_printf(f, "%zu %s", i + 1, kind);
        if (b[i].kind == FOLIO_BLOCK_PART)
            folio_buf_printf(f, " %s", part_name(b[i].part));
        if (b[i].role != FOLIO_ROLE_TEXT)
            folio_buf_printf(f, " role=%s", role_name(b[i].role));
        if (b[i].kind == FOLIO_BLOCK_HEADING || b[i].kind == FOLIO_BLOCK_ITEM)
            folio_buf_printf(f, " level=%d", b[i].level);
        if (b[i].numbered)
            folio_buf_puts(f, " numbered");
        if (b[i].label_kind != FOLIO_LABEL_NONE) {
            folio_buf_printf(f, " label=%s ", label_kind(b[i].label_kind));
            quoted(f, b[i].label);
        } else if (b[i].label) {
            folio_buf_puts(f, " label=");
            quoted(f, b[i].label);
        }
        if (b[i].original_language) {
            folio_buf_puts(f, " original=");
            quoted(f, b[i].original_language);
        }
        if (b[i].page) {
            folio_buf_puts(f, " page=");
            quoted(f, b[i].page);
        }
        if (b[i].table)
            folio_buf_printf(f, " rows=%zu cols=%zu head=%zu", b[i].table->nrows, b[i].table->ncols,
                    b[i].table->head_rows);
        pos(f, b[i].pos);
        folio_buf_putc(f, '\n');
        runs(f, b[i].runs, b[i].nruns, depth + nest + 1);
        table(f, b[i].table, depth + nest + 1);
        if (b[i].kind == FOLIO_BLOCK_PART)
            nest++;
    }
}

static void field(folio_buf *f, const char *name, const char *value)
{
    folio_buf_printf(f, "  %s: ", name);
    quoted(f, value);
    folio_buf_putc(f, '\n');
}

static void note_field(folio_buf *f, const char *name, const folio_note *n)
{
    folio_buf_printf(f, "  %s: ", name);
    if (!n) {
        folio_buf_puts(f, "-\n");
        return;
    }
    folio_buf_puts(f, "note ");
    quoted(f, n->id);
    folio_buf_puts(f, " mark=");
    quoted(f, n->mark);
    folio_buf_putc(f, '\n');
}

int folio_report_dump(const folio_report *r, char **out, size_t *len)
{
    static const char *const distr[] = {"general", "limited", "restricted"};
    folio_buf buf = {0}, *f = &buf;
    const folio_meta *m = &r->meta;
    folio_buf_puts(f, "meta\n");
    field(f, "symbol", m->symbol);
    if (m->joint_symbol)
        field(f, "joint-symbol", m->joint_symbol);
    folio_buf_printf(f, "  distribution: %s\n",
            (unsigned)m->distribution < 3 ? distr[m->distribution] : "?");
    field(f, "date", m->date);
    field(f, "language", m->language);
    field(f, "original-language", m->original_language);
    field(f, "organ", m->organ);
    field(f, "body", m->body);
    field(f, "session", m->session);
    field(f, "venue", m->venue_dates);
    field(f, "agenda-item", m->agenda_item);
    field(f, "agenda-title", m->agenda_title);
    note_field(f, "agenda-note", m->agenda_note);
    if (m->joint_lines)
        field(f, "joint-lines", m->joint_lines);
    field(f, "title", m->title);
    note_field(f, "title-note", m->title_note);
    field(f, "subtitle", m->subtitle);
    field(f, "job-number", m->job_number);
    field(f, "station", m->station);
    folio_buf_printf(f, "  pos: %d:%d\n", m->pos.line, m->pos.col);
    folio_buf_printf(f, "blocks %zu\n", r->nblocks);
    blocks(f, r->blocks, r->nblocks, 1);
    folio_buf_printf(f, "notes %zu\n", r->nnotes);
    for (size_t i = 0; i < r->nnotes; i++) {
        const folio_note *n = r->notes[i];
        folio_buf_puts(f, "  note ");
        quoted(f, n->id);
        if (n->mark) {
            folio_buf_puts(f, " mark=");
            quoted(f, n->mark);
        }
        if (!n->referenced)
            folio_buf_puts(f, " unreferenced");
        pos(f, n->pos);
        folio_buf_putc(f, '\n');
        blocks(f, n->blocks, n->nblocks, 2);
    }
    return folio_buf_take(f, out, len);
}
