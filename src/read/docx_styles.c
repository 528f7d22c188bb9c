/* styles.xml: each paragraph style's name, parent and list, and what it
 * means to the model. folio's own styles are known by their ids (and by
 * the names the house style gives them, should Word have renamed an id);
 * Word's built-in styles by their names ("heading 1", "List Paragraph",
 * "footnote text"); any other style by the style it is based on, else by
 * its outline level (a heading), else as a plain paragraph. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "read/docx_internal.h"
#include "util/vec.h"

typedef struct known {
    const char *id;     /* folio's style id, or Word's built-in name */
    dxr_kind kind;
    int level;
    folio_role role;
} known;

/* folio's ids: the house style's paragraph styles (styles/un.style) and
 * the writer's masthead lines. */
static const known by_id[] = {
    {"UNPara", DXR_PARA, 0, FOLIO_ROLE_TEXT},
    {"UNItem1", DXR_ITEM, 1, FOLIO_ROLE_TEXT},
    {"UNItem2", DXR_ITEM, 2, FOLIO_ROLE_TEXT},
    {"UNBullet", DXR_BULLET, 1, FOLIO_ROLE_TEXT},
    {"UNTitle", DXR_HEADING, 0, FOLIO_ROLE_TEXT},
    {"UNLetterTitle", DXR_HEADING, 0, FOLIO_ROLE_TEXT},
    {"UNReportTitle", DXR_HEADING, 0, FOLIO_ROLE_TEXT},
    {"UNSubtitle", DXR_SUBTITLE, 0, FOLIO_ROLE_TITLE},
    {"Heading1", DXR_HEADING, 1, FOLIO_ROLE_TEXT},
    {"Heading2", DXR_HEADING, 2, FOLIO_ROLE_TEXT},
    {"Heading3", DXR_HEADING, 3, FOLIO_ROLE_TEXT},
    {"Heading4", DXR_HEADING, 4, FOLIO_ROLE_TEXT},
    {"UNH1", DXR_HEADING, 1, FOLIO_ROLE_TEXT},
    {"UNH2", DXR_HEADING, 2, FOLIO_ROLE_TEXT},
    {"UNH3", DXR_HEADING, 3, FOLIO_ROLE_TEXT},
    {"UNH4", DXR_HEADING, 4, FOLIO_ROLE_TEXT},
    {"UNAnnex", DXR_ANNEX, 0, FOLIO_ROLE_TEXT},
    {"UNAnnexHead", DXR_ANNEX, 0, FOLIO_ROLE_TEXT},
    {"UNAnnexTitle", DXR_HEADING, 0, FOLIO_ROLE_TEXT},
    {"UNAnnexOriginal", DXR_ANNEX_ORIGINAL, 0, FOLIO_ROLE_TEXT},
    {"UNPartAnnex", DXR_PART_ANNEX, 0, FOLIO_ROLE_TEXT},
    {"UNTable", DXR_TABLE_TEXT, 0, FOLIO_ROLE_TEXT},
    {"UNTableHead", DXR_TABLE_TEXT, 0, FOLIO_ROLE_TEXT},
    {"UNTableNote", DXR_TABLE_NOTE, 0, FOLIO_ROLE_TABLE_NOTE},
    {"UNNoteList", DXR_NOTE_LIST, 0, FOLIO_ROLE_TEXT},
    {"UNTableCaption", DXR_ROLE, 0, FOLIO_ROLE_TABLE_NOTE},
    {"UNTableTitle", DXR_ROLE, 0, FOLIO_ROLE_TITLE},
    {"UNNote", DXR_NOTE, 0, FOLIO_ROLE_TEXT},
    {"UNEndnote", DXR_NOTE, 0, FOLIO_ROLE_TEXT},
    {"FootnoteText", DXR_NOTE, 0, FOLIO_ROLE_TEXT},
    {"EndnoteText", DXR_NOTE, 0, FOLIO_ROLE_TEXT},
    {"UNListItem", DXR_LIST_ITEM, 1, FOLIO_ROLE_TEXT},
    {"UNListItem2", DXR_LIST_ITEM, 2, FOLIO_ROLE_TEXT},
    {"UNSubNumbered", DXR_SUB_NUMBERED, 0, FOLIO_ROLE_TEXT},
    {"UNResTitle", DXR_RES_TITLE, 2, FOLIO_ROLE_TITLE},
    {"UNResHead", DXR_RES_TITLE, 3, FOLIO_ROLE_TITLE},
    {"UNOperative", DXR_OPERATIVE, 0, FOLIO_ROLE_OPERATIVE},
    {"UNClosing", DXR_ROLE, 0, FOLIO_ROLE_CLOSING},
    {"UNAdoption", DXR_ROLE, 0, FOLIO_ROLE_ADOPTION},
    {"UNSummaryHead", DXR_SUMMARY_HEAD, 3, FOLIO_ROLE_TITLE},
    {"UNContentsHead", DXR_CONTENTS_HEAD, 2, FOLIO_ROLE_TITLE},
    {"UNContentsPage", DXR_CONTENTS_PAGE, 0, FOLIO_ROLE_TEXT},
    {"UNContents1", DXR_CONTENTS, 1, FOLIO_ROLE_ENTRY},
    {"UNContents2", DXR_CONTENTS, 2, FOLIO_ROLE_ENTRY},
    {"UNContents3", DXR_CONTENTS, 3, FOLIO_ROLE_ENTRY},
    {"UNSignature", DXR_ROLE, 0, FOLIO_ROLE_SIGNATURE},
    {"UNDateline", DXR_ROLE, 0, FOLIO_ROLE_DATELINE},
    {"UNCentered", DXR_ROLE, 0, FOLIO_ROLE_CENTERED},
    {"UNMemo", DXR_ROLE, 0, FOLIO_ROLE_MEMO},
    {"UNMemoSubject", DXR_ROLE, 0, FOLIO_ROLE_MEMO},
    {"UNMastBody", DXR_MAST, 0, FOLIO_ROLE_TEXT},
    {"UNMastSubsidiary", DXR_MAST, 0, FOLIO_ROLE_TEXT},
    {"UNMastSession", DXR_MAST, 0, FOLIO_ROLE_TEXT},
    {"UNMastVenue", DXR_MAST, 0, FOLIO_ROLE_TEXT},
    {"UNMastAgenda", DXR_MAST, 0, FOLIO_ROLE_TEXT},
    {"UNMastAgendaTitle", DXR_MAST, 0, FOLIO_ROLE_TEXT},
    {"UNMastTitle", DXR_MAST, 0, FOLIO_ROLE_TEXT},
    {"UNMastSubtitle", DXR_MAST, 0, FOLIO_ROLE_TEXT},
    {"UNEndRule", DXR_SKIP, 0, FOLIO_ROLE_TEXT},
    {"UNSpacer", DXR_SKIP, 0, FOLIO_ROLE_TEXT},
};

/* Word's built-in names (w:name, compared without case). */
static const known by_name[] = {
    {"Normal", DXR_PLAIN, 0, FOLIO_ROLE_TEXT},
    {"Body Text", DXR_PLAIN, 0, FOLIO_ROLE_TEXT},
    {"Title", DXR_HEADING, 0, FOLIO_ROLE_TEXT},
    {"Subtitle", DXR_SUBTITLE, 0, FOLIO_ROLE_TITLE},
    {"heading 1", DXR_HEADING, 1, FOLIO_ROLE_TEXT},
    {"heading 2", DXR_HEADING, 2, FOLIO_ROLE_TEXT},
    {"heading 3", DXR_HEADING, 3, FOLIO_ROLE_TEXT},
    {"heading 4", DXR_HEADING, 4, FOLIO_ROLE_TEXT},
    {"heading 5", DXR_HEADING, 4, FOLIO_ROLE_TEXT},
    {"heading 6", DXR_HEADING, 4, FOLIO_ROLE_TEXT},
    {"List Paragraph", DXR_PARA, 0, FOLIO_ROLE_TEXT},
    {"List Number", DXR_PARA, 0, FOLIO_ROLE_TEXT},
    {"List Number 2", DXR_ITEM, 1, FOLIO_ROLE_TEXT},
    {"List Number 3", DXR_ITEM, 2, FOLIO_ROLE_TEXT},
    {"List Bullet", DXR_BULLET, 1, FOLIO_ROLE_TEXT},
    {"List Bullet 2", DXR_BULLET, 2, FOLIO_ROLE_TEXT},
    {"footnote text", DXR_NOTE, 0, FOLIO_ROLE_TEXT},
    {"endnote text", DXR_NOTE, 0, FOLIO_ROLE_TEXT},
    {"toc 1", DXR_CONTENTS, 1, FOLIO_ROLE_ENTRY},
    {"toc 2", DXR_CONTENTS, 2, FOLIO_ROLE_ENTRY},
    {"toc 3", DXR_CONTENTS, 3, FOLIO_ROLE_ENTRY},
};

static const known *find_id(const char *id)
{
    for (size_t i = 0; id && i < sizeof by_id / sizeof by_id[0]; i++)
        if (!strcmp(by_id[i].id, id))
            return &by_id[i];
    return NULL;
}

/* The house's names of folio's styles ("UN Paragraph"), looked up once
 * per document. */
typedef struct ui_names {
    const char *v[sizeof by_id / sizeof by_id[0]];
} ui_names;

static void load_ui(const folio_house *h, ui_names *u)
{
    for (size_t i = 0; i < sizeof by_id / sizeof by_id[0]; i++) {
        char sec[64];
        snprintf(sec, sizeof sec, "style.%s", by_id[i].id);
        u->v[i] = folio_house_get(h, sec, "ui-name");
    }
}

static const known *find_name(const ui_names *u, const char *name)
{
    if (!name)
        return NULL;
    for (size_t i = 0; i < sizeof by_name / sizeof by_name[0]; i++)
        if (!strcasecmp(by_name[i].id, name))
            return &by_name[i];
    for (size_t i = 0; i < sizeof by_id / sizeof by_id[0]; i++)
        if (u->v[i] && !strcasecmp(u->v[i], name))
            return &by_id[i];
    return NULL;
}

/* Styles sorted by id (none: last), looked up by halves: a document may
 * hold very many. */
static int by_style_id(const void *a, const void *b)
{
    const char *x = ((const dxr_style *)a)->id, *y = ((const dxr_style *)b)->id;
    return !x || !y ? (!x) - (!y) : strcmp(x, y);
}

const dxr_style *folio_dxr_style(const dxr_styles *s, const char *id)
{
    if (!id || !s->n)
        return NULL;
    dxr_style key = {0};
    key.id = id;
    return bsearch(&key, s->v, s->n, sizeof *s->v, by_style_id);
}

static void apply(dxr_style *st, const known *k)
{
    st->kind = k->kind;
    st->level = k->level;
    st->role = k->role;
    if (k->kind == DXR_MAST)
        st->mast = k->id;
}

/* A style's kind: its own, else its parent's (resolved first, a chain
 * of at most 32), else a heading by its outline level. */
static void resolve(dxr_styles *s, const ui_names *u, dxr_style *st, int depth)
{
    if (st->resolved)
        return;
    st->resolved = 1; /* also against a chain that loops */
    st->kind = DXR_UNKNOWN;
    const known *k = find_id(st->id);
    if (!k)
        k = find_name(u, st->name);
    if (k) {
        apply(st, k);
        return;
    }
    dxr_style *p = (dxr_style *)folio_dxr_style(s, st->based_on);
    if (p && p != st && depth < 32) {
        resolve(s, u, p, depth + 1);
        if (p->kind != DXR_UNKNOWN) {
            st->kind = p->kind;
            st->level = p->level;
            st->role = p->role;
            st->mast = p->mast;
            return;
        }
    }
    if (st->outline >= 0 && st->outline < 9) {
        st->kind = DXR_HEADING;
        st->level = st->outline < 4 ? st->outline + 1 : 4;
    }
}

int folio_dxr_styles(folio_ctx *ctx, folio_arena *a, const folio_house *house, xmlDocPtr doc,
                     dxr_styles *out)
{
    (void)ctx;
    xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
    for (xmlNodePtr c = root ? root->children : NULL; c; c = c->next) {
        if (!folio_dxr_is(c, "style"))
            continue;
        const char *type = folio_dxr_attr(a, c, "type");
        if (type && strcmp(type, "paragraph"))
            continue;
        if (FOLIO_ARENA_VEC_ROOM(a, out->v, out->n, out->cap, 32))
            return FOLIO_E_NOMEM;
        dxr_style *st = &out->v[out->n++];
        memset(st, 0, sizeof *st);
        st->id = folio_dxr_attr(a, c, "styleId");
        st->name = folio_dxr_attr(a, folio_dxr_child(c, "name"), "val");
        st->based_on = folio_dxr_attr(a, folio_dxr_child(c, "basedOn"), "val");
        xmlNodePtr ppr = folio_dxr_child(c, "pPr");
        xmlNodePtr np = folio_dxr_child(ppr, "numPr");
        st->num_id = np ? folio_dxr_attr_int(folio_dxr_child(np, "numId"), "val", -1) : -1;
        st->ilvl = np ? folio_dxr_attr_int(folio_dxr_child(np, "ilvl"), "val", -1) : -1;
        st->outline = folio_dxr_attr_int(folio_dxr_child(ppr, "outlineLvl"), "val", -1);
    }
    if (out->n)
        qsort(out->v, out->n, sizeof *out->v, by_style_id);
    ui_names u;
    load_ui(house, &u);
    for (size_t i = 0; i < out->n; i++)
        resolve(out, &u, &out->v[i], 0);
    /* a list inherited from the parent style */
    for (size_t i = 0; i < out->n; i++) {
        const dxr_style *p = &out->v[i];
        for (int hop = 0; hop < 32 && p && p->num_id < 0; hop++)
            p = folio_dxr_style(out, p->based_on);
        if (p && p != &out->v[i] && p->num_id >= 0) {
            out->v[i].num_id = p->num_id;
            if (out->v[i].ilvl < 0)
                out->v[i].ilvl = p->ilvl;
        }
    }
    return 0;
}
