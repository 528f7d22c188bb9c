/* folio_report_akn: the report model as Akoma Ntoso 3.0, shaped as the UN
 * System's AKN4UN guidelines describe a meeting report (docs/akn.md):
 * <debateReport name="meetingReport"> with FRBR identification in <meta>,
 * the masthead in <coverPage> and <preface>, the body in <mainBody>
 * (chapter, section, subsection, paragraph, blockList, table), footnotes
 * as <authorialNote>, annexes as <attachments>.
 *
 * Written so that folio reads back the same model: labels go in <num>,
 * with a "label-KIND" class where the text alone would be read as another
 * kind; the duty station, which AKN has no element for, goes in folio's
 * <proprietary> element. */
#include <stdio.h>
#include <string.h>

#include <libxml/xmlstring.h>
#include <libxml/xmlwriter.h>

#include "model/akn_names.h"
#include "export/akn_write.h"
#include "model/xml_names.h"

#define TRY(call) do { if ((call) < 0) { rc = FOLIO_E_NOMEM; goto done; } } while (0)

/* Body writing: the open heading containers, paragraph and lists. */
typedef struct body {
    int flat;              /* in a note: paragraphs and lists stand alone */
    int levels[8];         /* heading levels of the open containers */
    int ncontainers;
    int para;              /* <paragraph><content> open */
    int lists;             /* open <blockList><item> pairs */
    struct {
        int base;          /* heading containers open outside the part */
        int element;       /* it wrote an element (a list does not) */
    } parts[32];           /* the open parts (docs/akn.md, "Parts") */
    int nparts;
    int list_part;         /* the next <blockList> opens a list part */
} body;

static const folio_label_kind heading_hints[] = {FOLIO_LABEL_NONE, FOLIO_LABEL_ROMAN,
                                                 FOLIO_LABEL_UPPER, FOLIO_LABEL_ARABIC,
                                                 FOLIO_LABEL_NONE};

/* <num>: the label, and its kind as a class when the text says another. */
static int num(akn_writer *x, const char *label, folio_label_kind kind, folio_label_kind hint,
               folio_pos pos)
{
    int rc = 0;
    if (!label && kind == FOLIO_LABEL_NONE)
        return 0;
    TRY(xmlTextWriterStartElement(x->w, AKN_X("num")));
    /* a label of no kind is said so: a reader would print it as text */
    if (folio_akn_label_kind(label, hint) != kind || (kind == FOLIO_LABEL_NONE && label)) {
        const char *k = folio_xml_label_kind_name(kind);
        char cls[40];
        snprintf(cls, sizeof cls, "label-%s", k ? k : "none");
        if ((rc = folio_aknw_attr(x, "class", cls, pos)))
            goto done;
    }
    if (label && (rc = folio_aknw_text(x, label, pos)))
        goto done;
    TRY(xmlTextWriterEndElement(x->w));
done:
    return rc;
}

/* An element of inline content: <p>, <heading>; with the role of its
 * block as its class, and a contents entry's typed page after its text. */
static int role_element(akn_writer *x, const char *name, const folio_run *runs, size_t n,
                        folio_role role, const char *page)
{
    int rc = 0;
    TRY(xmlTextWriterStartElement(x->w, AKN_X(name)));
    const char *cls = folio_xml_role_name(role);
    if (cls && (rc = folio_aknw_attr(x, "class", cls, (folio_pos){0, 0})))
        goto done;
    if ((rc = folio_aknw_runs(x, runs, n)))
        goto done;
    if (page) {
        TRY(xmlTextWriterWriteString(x->w, AKN_X(" ")));
        TRY(xmlTextWriterStartElement(x->w, AKN_X("inline")));
        if ((rc = folio_aknw_attr(x, "name", "tocPage", (folio_pos){0, 0})) ||
            (rc = folio_aknw_text(x, page, (folio_pos){0, 0})))
            goto done;
        TRY(xmlTextWriterEndElement(x->w));
    }
    TRY(xmlTextWriterEndElement(x->w));
done:
    return rc;
}

static int inline_element(akn_writer *x, const char *name, const folio_run *runs, size_t n)
{
    int rc = 0;
    TRY(xmlTextWriterStartElement(x->w, AKN_X(name)));
    if ((rc = folio_aknw_runs(x, runs, n)))
        goto done;
    TRY(xmlTextWriterEndElement(x->w));
done:
    return rc;
}

static int close_lists(akn_writer *x, body *b, int to)
{
    int rc = 0;
    while (b->lists > to && !rc) {
        if ((rc = folio_aknw_close(x)) || (rc = folio_aknw_close(x))) /* </item></blockList> */
            break;
        b->lists--;
    }
    return rc;
}

static int close_para(akn_writer *x, body *b)
{
    int rc = close_lists(x, b, 0);
    if (!rc && b->para) {
        if (!(rc = folio_aknw_close(x)))
            rc = folio_aknw_close(x); /* </content></paragraph> */
        b->para = 0;
    }
    return rc;
}

static int close_containers(akn_writer *x, body *b, int level)
{
    int rc = close_para(x, b);
    int floor = b->nparts ? b->parts[b->nparts - 1].base : 0;
    while (!rc && b->ncontainers > floor && b->levels[b->ncontainers - 1] >= level) {
        rc = folio_aknw_close(x);
        b->ncontainers--;
    }
    return rc;
}

static int heading(akn_writer *x, body *b, const folio_block *k)
{
    static const char *const names[] = {"hcontainer", "chapter", "section", "subsection",
                                        "hcontainer"};
    static const char *const prefixes[] = {"title", "chp", "sec", "subsec", "subhead"};
    int level = k->level < 0 ? 0 : k->level > 4 ? 4 : k->level, rc = 0;
    if ((rc = close_containers(x, b, level)))
        return rc;
    if (b->ncontainers == (int)(sizeof b->levels / sizeof b->levels[0]))
        return folio_error(x->ctx, FOLIO_E_INPUT, k->pos, "headings nested too deep for AKN");
    if ((rc = folio_aknw_open(x, names[level])) || (rc = folio_aknw_eid(x, prefixes[level])))
        return rc;
    if (level == 0 && (rc = folio_aknw_attr(x, "name", "title", k->pos)))
        return rc;
    if (level == 4 && (rc = folio_aknw_attr(x, "name", "subheading", k->pos)))
        return rc;
    b->levels[b->ncontainers++] = level;
    if ((rc = folio_aknw_newline(x)) ||
        (rc = num(x, k->label, k->label_kind, heading_hints[level], k->pos)))
        return rc;
    if (k->label || k->label_kind)
        if ((rc = folio_aknw_newline(x)))
            return rc;
    return role_element(x, "heading", k->runs, k->nruns, k->role, NULL);
}

/* Paragraphs, items and tables go in a paragraph's <content> (outside
 * notes): a plain paragraph starts one without <num>. */
static int ensure_para(akn_writer *x, body *b)
{
    int rc = 0;
    if (b->flat || b->para)
        return 0;
    if ((rc = folio_aknw_open(x, "paragraph")) || (rc = folio_aknw_eid(x, "para")) ||
        (rc = folio_aknw_open(x, "content")))
        return rc;
    b->para = 1;
    return 0;
}

static int paragraph(akn_writer *x, body *b, const folio_block *k)
{
    int rc = 0;
    if (k->numbered || k->label) { /* numbered, or a "12.1" or "To:" line */
        if ((rc = close_para(x, b)) || (rc = folio_aknw_open(x, "paragraph")) ||
            (rc = folio_aknw_eid(x, "para")))
            return rc;
        /* a label outside the paragraph numbers ("To:", "12.1") */
        if (!k->numbered && (rc = folio_aknw_attr(x, "class", "unnumbered", k->pos)))
            return rc;
        if ((rc = folio_aknw_newline(x)))
            return rc;
        /* a numbered paragraph always has <num>, be it empty */
        if (!k->label && !k->label_kind) {
            if (xmlTextWriterStartElement(x->w, AKN_X("num")) < 0 ||
                xmlTextWriterEndElement(x->w) < 0)
                return FOLIO_E_NOMEM;
        } else if ((rc = num(x, k->label, k->label_kind, FOLIO_LABEL_ARABIC, k->pos))) {
            return rc;
        }
        if ((rc = folio_aknw_open(x, "content")))
            return rc;
        b->para = 1;
    } else if ((rc = close_lists(x, b, 0)) || (rc = ensure_para(x, b))) {
        return rc;
    }
    if ((rc = folio_aknw_newline(x)))
        return rc;
    return role_element(x, "p", k->runs, k->nruns, k->role, NULL);
}

enum { MAX_LIST_LEVEL = 32 };

static int item(akn_writer *x, body *b, const folio_block *k)
{
    int level = k->level < 1 ? 1 : k->level, rc = 0;
    if (level > MAX_LIST_LEVEL)
        return folio_error(x->ctx, FOLIO_E_INPUT, k->pos,
                           "a list item at level %d: AKN output stops at %d", level,
                           MAX_LIST_LEVEL);
    if ((rc = ensure_para(x, b)))
        return rc;
    if (b->lists >= level) {
        if ((rc = close_lists(x, b, level)) || (rc = folio_aknw_close(x))) /* the item */
            return rc;
    } else {
        while (b->lists < level) {
            if ((rc = folio_aknw_open(x, "blockList")) || (rc = folio_aknw_eid(x, "list")))
                return rc;
            if (b->list_part && !b->lists) { /* a list inside a paragraph */
                if ((rc = folio_aknw_attr(x, "class", "list", k->pos)))
                    return rc;
                b->list_part = 0;
            }
            if (++b->lists < level && (rc = folio_aknw_open(x, "item")))
                return rc; /* an item without text holds the deeper list */
        }
    }
    if ((rc = folio_aknw_open(x, "item")) || (rc = folio_aknw_newline(x)) ||
        (rc = num(x, k->label, k->label_kind, folio_akn_item_hint(level), k->pos)))
        return rc;
    if ((k->label || k->label_kind) && (rc = folio_aknw_newline(x)))
        return rc;
    return role_element(x, "p", k->runs, k->nruns, k->role,
                        k->role == FOLIO_ROLE_ENTRY ? k->page : NULL);
}

/* A part: a named <hcontainer> around its blocks (a list inside a
 * paragraph is its items' <blockList> alone); an annex's label is its
 * <num>. */
static int part_open(akn_writer *x, body *b, const folio_block *k)
{
    int rc = 0;
    if (b->nparts == (int)(sizeof b->parts / sizeof b->parts[0]))
        return folio_error(x->ctx, FOLIO_E_INPUT, k->pos, "parts nested too deep for AKN");
    const char *name = folio_xml_part_name(k->part);
    if (!name)
        return folio_error(x->ctx, FOLIO_E_INPUT, k->pos, "unknown part kind %d", (int)k->part);
    int element = k->part != FOLIO_PART_LIST;
    if (!element) { /* its items' <blockList>, of class "list" */
        if ((rc = close_lists(x, b, 0)))
            return rc;
        b->list_part = 1;
    }
    if (element) {
        if ((rc = close_para(x, b)) || (rc = folio_aknw_open(x, "hcontainer")) ||
            (rc = folio_aknw_eid(x, name)) || (rc = folio_aknw_attr(x, "name", name, k->pos)))
            return rc;
        if (k->original_language &&
            (rc = folio_aknw_attr(x, "xml:lang", k->original_language, k->pos)))
            return rc;
        if (k->label && ((rc = folio_aknw_newline(x)) ||
                         (rc = num(x, k->label, FOLIO_LABEL_NONE, FOLIO_LABEL_NONE, k->pos))))
            return rc;
    }
    b->parts[b->nparts].base = b->ncontainers;
    b->parts[b->nparts].element = element;
    b->nparts++;
    return 0;
}

static int part_close(akn_writer *x, body *b, const folio_block *k)
{
    if (!b->nparts)
        return folio_error(x->ctx, FOLIO_E_INPUT, k->pos, "the end of a part that is not open");
    int rc = close_containers(x, b, -1);
    if (rc)
        return rc;
    b->list_part = 0;
    b->nparts--;
    if (!b->parts[b->nparts].element)
        return 0;
    return folio_aknw_close(x);
}

static int table(akn_writer *x, body *b, const folio_block *k)
{
    static const char *const aligns[] = {NULL, "text-align: left", "text-align: center",
                                         "text-align: right", "text-align: justify"};
    const folio_table *t = k->table;
    int rc = 0;
    if (!t)
        return folio_error(x->ctx, FOLIO_E_INPUT, k->pos, "a table block without a table");
    if ((rc = close_lists(x, b, 0)) || (rc = ensure_para(x, b)) ||
        (rc = folio_aknw_open(x, "table")) || (rc = folio_aknw_eid(x, "tbl")))
        return rc;
    for (size_t r = 0; r < t->nrows; r++) {
        if ((rc = folio_aknw_open(x, "tr")))
            return rc;
        for (size_t c = 0; c < t->ncols; c++) {
            const folio_cell *cell = &t->cells[r * t->ncols + c];
            unsigned al = (unsigned)t->align[c] <= 4 ? (unsigned)t->align[c] : 0;
            if ((rc = folio_aknw_open(x, r < t->head_rows ? "th" : "td")))
                return rc;
            if (aligns[al] && (rc = folio_aknw_attr(x, "style", aligns[al], k->pos)))
                return rc;
            if ((rc = folio_aknw_newline(x)) || (rc = inline_element(x, "p", cell->runs, cell->nruns)) ||
                (rc = folio_aknw_close(x)))
                return rc;
        }
        if ((rc = folio_aknw_close(x)))
            return rc;
    }
    return folio_aknw_close(x);
}

static int page_break(akn_writer *x, body *b)
{
    int rc = close_para(x, b);
    if (rc || (rc = folio_aknw_open(x, "hcontainer")) || (rc = folio_aknw_eid(x, "pagebreak")) ||
        (rc = folio_aknw_attr(x, "name", "pageBreak", (folio_pos){0, 0})) ||
        (rc = folio_aknw_open(x, "content")) || (rc = folio_aknw_newline(x)))
        return rc;
    if (xmlTextWriterStartElement(x->w, AKN_X("p")) < 0 ||
        xmlTextWriterStartElement(x->w, AKN_X("eop")) < 0 ||
        xmlTextWriterEndElement(x->w) < 0 || xmlTextWriterEndElement(x->w) < 0)
        return FOLIO_E_NOMEM;
    if ((rc = folio_aknw_close(x)))
        return rc;
    return folio_aknw_close(x);
}

int folio_aknw_blocks_out(akn_writer *x, const folio_block *v, size_t n, int flat)
{
    body b = {.flat = flat};
    int rc = 0;
    for (size_t i = 0; i < n && !rc; i++) {
        const folio_block *k = &v[i];
        switch (k->kind) {
        case FOLIO_BLOCK_HEADING:
            if (flat) { /* a heading in a note: a <tblock> with its level */
                int level = k->level < 0 ? 0 : k->level > 4 ? 4 : k->level;
                char cls[16];
                snprintf(cls, sizeof cls, "level-%d", level);
                if ((rc = close_para(x, &b)) || (rc = folio_aknw_open(x, "tblock")) ||
                    (rc = folio_aknw_attr(x, "class", cls, k->pos)) || (rc = folio_aknw_newline(x)) ||
                    (rc = num(x, k->label, k->label_kind, heading_hints[level], k->pos)) ||
                    (rc = inline_element(x, "heading", k->runs, k->nruns)))
                    break;
                rc = folio_aknw_close(x);
            } else {
                rc = heading(x, &b, k);
            }
            break;
        case FOLIO_BLOCK_PARAGRAPH:
            rc = paragraph(x, &b, k);
            break;
        case FOLIO_BLOCK_ITEM:
            rc = item(x, &b, k);
            break;
        case FOLIO_BLOCK_TABLE:
            rc = table(x, &b, k);
            break;
        case FOLIO_BLOCK_PAGE_BREAK:
            rc = page_break(x, &b);
            break;
        case FOLIO_BLOCK_ANNEX:
            rc = folio_error(x->ctx, FOLIO_E_INPUT, k->pos,
                             "an annex inside a footnote cannot be written as AKN");
            break;
        case FOLIO_BLOCK_PART:
            rc = part_open(x, &b, k);
            break;
        case FOLIO_BLOCK_PART_END:
            rc = part_close(x, &b, k);
            break;
        default:
            rc = folio_error(x->ctx, FOLIO_E_INPUT, k->pos, "unknown block kind %d",
                             (int)k->kind);
        }
    }
    while (!rc && b.nparts)
        rc = part_close(x, &b, &v[n - 1]);
    if (!rc)
        rc = close_containers(x, &b, -1);
    return rc;
}
