/* DOCX writer: hand-built flows written to a package, read back with libzip
 * and libxml2. LibreOffice conversion is in tests/docx_lo_check.sh. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <png.h>
#include <zip.h>

#include "docx/docx_xml.h"
#include "docx/docx.h"
#include "folio/read.h"
#include "layout/fonts.h"
#include "style/style_internal.h"

#define PT FOLIO_PT

/* ---- A hand-built flow -------------------------------------------------- */

typedef struct fixture {
    folio_report *report;
    folio_flow *flow;
    folio_fonts *fonts;
    char dir[64];
} fixture;

/* The furniture plan of a hand-built flow, from the built-in house style
 * (as the style stage makes it), for class `cls`. */
static void plan(fixture *fx, const char *cls)
{
    folio_ctx *ctx = NULL;
    const folio_house *h;
    folio_ctx_new("test.md", &ctx);
    assert_int_equal(folio_house_default(ctx, &h), 0);
    if (folio_style_furniture(ctx, h, fx->fonts, cls, fx->flow))
        fail_msg("folio_style_furniture: %s", folio_last_error(ctx));
    folio_ctx_free(ctx);
}

static folio_pstyle *pstyle(folio_arena *a, const char *name, folio_face face,
                            double size, double leading)
{
    folio_pstyle *s = folio_alloc(a, sizeof *s);
    s->name = name;
    s->ui_name = folio_sprintf(a, "UI %s", name);
    s->face = face;
    s->size = PT(size);
    s->leading = PT(leading);
    s->align = FOLIO_H_LEFT;
    return s;
}

static folio_run *runs(folio_arena *a, size_t n, ...)
{
    folio_run *r = folio_alloc(a, sizeof *r * n);
    va_list ap;
    va_start(ap, n);
    for (size_t i = 0; i < n; i++) {
        r[i].kind = FOLIO_RUN_TEXT;
        r[i].text = va_arg(ap, const char *);
    }
    va_end(ap);
    return r;
}

static folio_fblock *add_block(folio_flow *f, folio_fblock_kind kind,
                               const folio_pstyle *st, const char *label,
                               folio_run *r, size_t n)
{
    f->blocks = folio_grow(f->arena, f->blocks, sizeof *f->blocks, f->nblocks,
                           f->nblocks + 1);
    folio_fblock *b = &f->blocks[f->nblocks++];
    b->kind = kind;
    b->style = st;
    b->label = label;
    b->runs = r;
    b->nruns = n;
    return b;
}

static folio_fnote *add_note(folio_flow *f, folio_note *n, const char *mark,
                             const char *text)
{
    folio_arena *a = f->arena;
    f->notes = folio_grow(a, f->notes, sizeof *f->notes, f->nnotes,
                          f->nnotes + 1);
    folio_fnote *fn = &f->notes[f->nnotes++];
    fn->note = n;
    fn->mark = mark;
    fn->blocks = folio_alloc(a, sizeof *fn->blocks);
    fn->nblocks = 1;
    fn->blocks[0].kind = FOLIO_FLOW_PARA;
    fn->blocks[0].style = f->note_style;
    fn->blocks[0].runs = runs(a, 1, text);
    fn->blocks[0].nruns = 1;
    return fn;
}

static folio_flow *build_flow(folio_report *rep)
{
    folio_arena *a = folio_arena_new();
    folio_flow *f = folio_alloc(a, sizeof *f);
    f->arena = a;
    f->report = rep;
    f->lang_tag = "en-US";
    f->date_epoch = 1565740800; /* 2019-08-14 */
    f->page = (folio_page_geom){
        .paper = "A4", .width = PT(595.3), .height = PT(841.9),
        .frame_left = FOLIO_CM(2), .frame_right = PT(595.3) - FOLIO_CM(2),
        .column_left = FOLIO_CM(4), .column_right = PT(595.3) - FOLIO_CM(4),
        .body_top = PT(79.4), .body_bottom = PT(762.5),
        .header_baseline = PT(51), .header_rule_y = PT(57),
        .footer_baseline = PT(811.8), .first_footer_top = PT(768)};
    f->note_marker_indent = PT(-10.7);
    f->end_rule_width = PT(85);

    folio_pstyle *para = pstyle(a, "UNPara", FOLIO_FACE_REGULAR, 10, 12);
    para->first_line = FOLIO_CM(1);
    para->space_after = PT(6);
    para->align = FOLIO_H_JUSTIFY;
    folio_pstyle *item = pstyle(a, "UNItem1", FOLIO_FACE_REGULAR, 10, 12);
    item->label_indent = FOLIO_CM(1);
    item->first_line = FOLIO_CM(2);
    folio_pstyle *h1 = pstyle(a, "UNH1", FOLIO_FACE_BOLD, 14, 16);
    h1->label_place = FOLIO_LABEL_HANGING;
    h1->label_gap = FOLIO_CM(0.5);
    h1->keep_with_next = 1;
    h1->outline_level = 1;
    h1->space_before = PT(10);
    folio_pstyle *h2 = pstyle(a, "UNH2", FOLIO_FACE_BOLD, 12, 14);
    h2->label_place = FOLIO_LABEL_HANGING;
    h2->label_gap = FOLIO_CM(0.5);
    h2->outline_level = 2;
    folio_pstyle *h4 = pstyle(a, "UNH4", FOLIO_FACE_ITALIC, 10, 12);
    folio_pstyle *annex = pstyle(a, "UNAnnex", FOLIO_FACE_BOLD, 14, 16);
    annex->page_break_before = 1;
    folio_pstyle *title = pstyle(a, "UNTitle", FOLIO_FACE_BOLD, 14, 16);
    title->space_before = PT(12);
    folio_pstyle *sub = pstyle(a, "UNSubtitle", FOLIO_FACE_BOLD, 12, 13.6);
    folio_pstyle *table = pstyle(a, "UNTable", FOLIO_FACE_REGULAR, 10, 12);
    folio_pstyle *thead = pstyle(a, "UNTableHead", FOLIO_FACE_ITALIC, 8, 10);
    folio_pstyle *note = pstyle(a, "UNNote", FOLIO_FACE_REGULAR, 9, 11);
    note->align = FOLIO_H_JUSTIFY;
    folio_pstyle *head = pstyle(a, "UNHeader", FOLIO_FACE_BOLD, 9, 11);
    head->frame_relative = 1;
    folio_pstyle *foot = pstyle(a, "UNFooter", FOLIO_FACE_BOLD, 9, 11);
    foot->frame_relative = 1;
    folio_pstyle *all[] = {para, item, h1, h2, h4, annex, title, sub,
                           table, thead, note, head, foot};
    f->nstyles = sizeof all / sizeof all[0];
    f->styles = folio_alloc(a, sizeof all);
    memcpy(f->styles, all, sizeof all);
    f->note_style = note;
    f->header_style = head;
    f->footer_style = foot;

    folio_masthead *m = &f->mast;
    m->wordmark = "United Nations";
    m->symbol = "A/HRC/WG.6/34/ITA/3";
    m->symbol_head = "A";
    m->symbol_tail = "/HRC/WG.6/34/ITA/3";
    m->organ = "General Assembly";
    m->distribution = "Distr.: General";
    m->date = "14 August 2019";
    m->language_line = "";
    m->original_line = "Original: English";
    static const char *body[] = {"Human Rights Council",
                                 "Working Group on the Universal Periodic Review"};
    m->body_lines = body;
    m->nbody_lines = 2;
    m->session = "Thirty-fourth session";
    m->venue_dates = "4\xe2\x80\x93" "15 November 2019";
    m->title = "Summary of Stakeholders\xe2\x80\x99 submissions on Italy";
    m->subtitle = "Report of the Office of the United Nations High "
                  "Commissioner for Human Rights";
    m->job_line = "GE.19-13879(E)";
    m->barcode = "1913879";
    m->qr_url = "https://undocs.org/en/A/HRC/WG.6/34/ITA/3";
    m->recycle = "Please recycle";
    m->running_symbol = "A/HRC/WG.6/34/ITA/3";

    /* Notes: the title's "*", then 1 and 2. */
    folio_note *tn = folio_alloc(rep->arena, sizeof *tn);
    folio_note *n1 = folio_alloc(rep->arena, sizeof *n1);
    folio_note *n2 = folio_alloc(rep->arena, sizeof *n2);
    tn->mark = "*";
    add_note(f, tn, "*", "The present document was not edited before being "
             "sent to translation.");
    add_note(f, n1, "1", "Submissions are available at www.ohchr.org.");
    add_note(f, n2, "2", "Second note text with zanzibar.");
    /* Note 3 holds a table: rows become tabbed paragraphs. */
    folio_note *n3 = folio_alloc(rep->arena, sizeof *n3);
    folio_fnote *fn3 = add_note(f, n3, "3", "Sources:");
    folio_table *nt = folio_alloc(rep->arena, sizeof *nt);
    nt->nrows = 2;
    nt->ncols = 2;
    nt->cells = folio_alloc(rep->arena, sizeof *nt->cells * 4);
    const char *ncells[] = {"AI", "Amnesty International;", "JS1",
                            "Joint submission 1."};
    for (int i = 0; i < 4; i++) {
        nt->cells[i].runs = runs(rep->arena, 1, ncells[i]);
        nt->cells[i].nruns = 1;
    }
    folio_fblock *nb = folio_alloc(a, sizeof *nb * 2);
    nb[0] = fn3->blocks[0];
    nb[1].kind = FOLIO_FLOW_TABLE;
    nb[1].style = note;
    nb[1].table = nt;
    fn3->blocks = nb;
    fn3->nblocks = 2;
    /* Note 1 has a second paragraph. */
    folio_fblock *b1 = folio_alloc(a, sizeof *b1 * 2);
    b1[0] = f->notes[1].blocks[0];
    b1[1] = b1[0];
    b1[1].runs = runs(a, 1, "Civil society");
    f->notes[1].blocks = b1;
    f->notes[1].nblocks = 2;
    /* Note 4 is referenced only from note 2. */
    folio_note *n4 = folio_alloc(rep->arena, sizeof *n4);
    add_note(f, n4, "4", "A note on a note.");
    folio_run *r2 = runs(a, 2, "Second note text with zanzibar.", NULL);
    r2[1].kind = FOLIO_RUN_NOTE_REF;
    r2[1].note = n4;
    f->notes[2].blocks[0].runs = r2;
    f->notes[2].blocks[0].nruns = 2;

    add_block(f, FOLIO_FLOW_PARA, h1, "I.", runs(a, 1, "Background"), 1);
    folio_run *r = runs(a, 6, "The present report was ", "prepared",
                        " pursuant to resolution ", NULL, " and ",
                        "A/HRC/RES/5/1");
    r[1].style = FOLIO_EMPH;
    r[3].kind = FOLIO_RUN_NOTE_REF;
    r[3].note = n1;
    r[5].link = "https://undocs.org/A/HRC/RES/5/1 x\xc3\xa9";
    r[5].is_symbol = 1;
    add_block(f, FOLIO_FLOW_PARA, para, "1.", r, 6);
    r = runs(a, 3, "Strong words", " with a bad\x01 char\x7f and \xff byte.",
             NULL);
    r[0].style = FOLIO_STRONG;
    r[2].kind = FOLIO_RUN_NOTE_REF;
    r[2].note = n3;
    add_block(f, FOLIO_FLOW_PARA, para, NULL, r, 3);
    add_block(f, FOLIO_FLOW_PARA, item, "(a)",
              runs(a, 1, "An item\twith a tab and\na line feed;"), 1);
    r = runs(a, 2, "Scope of obligations", NULL);
    r[1].kind = FOLIO_RUN_NOTE_REF;
    r[1].note = n2;
    add_block(f, FOLIO_FLOW_PARA, h2, "A.", r, 2);
    add_block(f, FOLIO_FLOW_PARA, h2, NULL,
              runs(a, 1, "Unnumbered section heading"), 1);
    add_block(f, FOLIO_FLOW_PARA, h4, NULL,
              runs(a, 1, "Equality and non-discrimination"), 1);

    folio_table *t = folio_alloc(rep->arena, sizeof *t);
    t->nrows = 3;
    t->ncols = 2;
    t->head_rows = 1;
    t->cells = folio_alloc(rep->arena, sizeof *t->cells * 6);
    const char *cells[] = {"Country", "Submissions", "Italy", "34",
                           "Quokkaland", "12"};
    for (int i = 0; i < 6; i++) {
        t->cells[i].runs = runs(rep->arena, 1, cells[i]);
        t->cells[i].nruns = 1;
    }
    t->align = folio_alloc(rep->arena, sizeof *t->align * 2);
    t->align[1] = FOLIO_ALIGN_RIGHT;
    folio_fblock *tb = add_block(f, FOLIO_FLOW_TABLE, table, NULL, NULL, 0);
    tb->table = t;
    tb->cell_style = table;
    tb->head_style = thead;

    add_block(f, FOLIO_FLOW_PAGE_BREAK, NULL, NULL, NULL, 0);
    add_block(f, FOLIO_FLOW_PARA, annex, NULL, runs(a, 1, "Annex"), 1);
    /* Note 5 is an endnote: its reference stays a mark, its text is a
     * block of the flow under "Notes", with a table set in the note
     * style. */
    folio_note *n5 = folio_alloc(rep->arena, sizeof *n5);
    folio_fnote *fn5 = add_note(f, n5, "5", "An endnote text.");
    fn5->endnote = 1;
    r = runs(a, 2, "Last paragraph of the annex.", NULL);
    r[1].kind = FOLIO_RUN_NOTE_REF;
    r[1].note = n5;
    add_block(f, FOLIO_FLOW_PARA, para, "2.", r, 2);
    add_block(f, FOLIO_FLOW_PARA, h4, NULL, runs(a, 1, "Notes"), 1);
    folio_pstyle *endn = pstyle(a, "UNEndnote", FOLIO_FACE_REGULAR, 9, 11);
    endn->label_place = FOLIO_LABEL_HANGING;
    endn->label_gap = PT(4);
    f->styles = folio_grow(a, f->styles, sizeof *f->styles, f->nstyles,
                           f->nstyles + 1);
    f->styles[f->nstyles++] = endn;
    add_block(f, FOLIO_FLOW_PARA, endn, "5", runs(a, 1, "An endnote text."), 1);
    folio_fblock *et = add_block(f, FOLIO_FLOW_TABLE, note, NULL, NULL, 0);
    et->table = nt;
    et->cell_style = note;
    et->head_style = note;
    add_block(f, FOLIO_FLOW_END_RULE, NULL, NULL, NULL, 0);
    m->title_note = &f->notes[0]; /* after the array stopped growing */
    return f;
}

static int setup(void **state)
{
    fixture *fx = calloc(1, sizeof *fx);
    folio_report_new(NULL, "test.md", &fx->report);
    fx->flow = build_flow(fx->report);
    folio_ctx *ctx = NULL;
    folio_ctx_new("fonts", &ctx);
    assert_int_equal(folio_fonts_load(ctx, "fonts", &fx->fonts), 0);
    folio_ctx_free(ctx);
    plan(fx, "report");
    snprintf(fx->dir, sizeof fx->dir, "/tmp/test_docx.XXXXXX");
    assert_non_null(mkdtemp(fx->dir));
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    fixture *fx = *state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", fx->dir);
    assert_int_equal(system(cmd), 0);
    folio_arena_free(fx->flow->arena);
    folio_report_free(fx->report);
    folio_fonts_free(fx->fonts);
    free(fx);
    return 0;
}

/* ---- Reading the package back ------------------------------------------- */

static char *read_file_bytes(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    fseek(fp, 0, SEEK_END);
    long n = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    char *p = malloc((size_t)n + 1);
    *len = fread(p, 1, (size_t)n, fp);
    fclose(fp);
    return p;
}

static char *entry(zip_t *z, const char *name, size_t *len)
{
    zip_stat_t st;
    if (zip_stat(z, name, 0, &st) < 0)
        return NULL;
    zip_file_t *zf = zip_fopen(z, name, 0);
    char *p = malloc(st.size + 1);
    zip_int64_t n = zf ? zip_fread(zf, p, st.size) : -1;
    if (zf)
        zip_fclose(zf);
    if (n < 0 || (zip_uint64_t)n != st.size) {
        free(p);
        return NULL;
    }
    p[n] = 0;
    *len = (size_t)n;
    return p;
}

static xmlDocPtr parse_entry(zip_t *z, const char *name)
{
    size_t len;
    char *p = entry(z, name, &len);
    if (!p)
        return NULL;
    xmlDocPtr d = xmlReadMemory(p, (int)len, name, "UTF-8", XML_PARSE_NONET);
    free(p);
    return d;
}

static xmlXPathObjectPtr xp(xmlDocPtr d, const char *expr)
{
    xmlXPathContextPtr c = xmlXPathNewContext(d);
    xmlXPathRegisterNs(c, BAD_CAST "w", BAD_CAST DX_NS_W);
    xmlXPathRegisterNs(c, BAD_CAST "r", BAD_CAST DX_NS_R);
    xmlXPathRegisterNs(c, BAD_CAST "a", BAD_CAST DX_NS_A);
    xmlXPathRegisterNs(c, BAD_CAST "dc", BAD_CAST "http://purl.org/dc/elements/1.1/");
    xmlXPathRegisterNs(c, BAD_CAST "dcterms", BAD_CAST "http://purl.org/dc/terms/");
    xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST expr, c);
    xmlXPathFreeContext(c);
    return o;
}

static double xp_num(xmlDocPtr d, const char *expr)
{
    xmlXPathObjectPtr o = xp(d, expr);
    double v = o ? xmlXPathCastToNumber(o) : -1;
    xmlXPathFreeObject(o);
    return v;
}

static char *xp_str(xmlDocPtr d, const char *expr)
{
    xmlXPathObjectPtr o = xp(d, expr);
    xmlChar *s = o ? xmlXPathCastToString(o) : NULL;
    xmlXPathFreeObject(o);
    char *r = strdup(s ? (char *)s : "");
    xmlFree(s);
    return r;
}

static void assert_xp_str(xmlDocPtr d, const char *expr, const char *want)
{
    char *s = xp_str(d, expr);
    if (strcmp(s, want))
        fail_msg("%s = \"%s\", want \"%s\"", expr, s, want);
    free(s);
}

static char *write_docx(fixture *fx, const char *name)
{
    static char path[128];
    snprintf(path, sizeof path, "%s/%s", fx->dir, name);
    folio_ctx *ctx = NULL;
    folio_ctx_new("test.md", &ctx);
    int rc = folio_docx_write(ctx, fx->flow, path);
    if (rc)
        fail_msg("folio_docx_write: %d %s", rc, folio_last_error(ctx));
    if (folio_ctx_count(ctx)) /* every note placed, every image made */
        fail_msg("unexpected diagnostic: %s", folio_ctx_diag(ctx, 0)[0].message);
    folio_ctx_free(ctx);
    return path;
}

/* ---- Tests ------------------------------------------------------------- */

static void test_package_entries(void **state)
{
    fixture *fx = *state;
    const char *path = write_docx(fx, "a.docx");
    int err;
    zip_t *z = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &err);
    assert_non_null(z);
    static const char *const order[] = {
        "[Content_Types].xml", "_rels/.rels", "docProps/core.xml",
        "docProps/app.xml", "word/document.xml", "word/styles.xml",
        "word/settings.xml", "word/numbering.xml", "word/fontTable.xml",
        "word/footnotes.xml", "word/endnotes.xml", "word/header1.xml", "word/header2.xml", "word/header3.xml",
        "word/footer1.xml", "word/footer2.xml", "word/footer3.xml",
        "word/media/image1.png", "word/media/image2.png",
        "word/media/image3.png", "word/media/image4.png",
        "word/_rels/document.xml.rels", "word/_rels/footer1.xml.rels",
        "word/_rels/header1.xml.rels",
    };
    size_t n = sizeof order / sizeof order[0];
    assert_int_equal(zip_get_num_entries(z, 0), n);
    for (size_t i = 0; i < n; i++) {
        zip_stat_t st;
        assert_int_equal(zip_stat_index(z, i, 0, &st), 0);
        assert_string_equal(st.name, order[i]);
        /* Fixed entry time: 1980-01-01 00:00 local. */
        struct tm *tm = localtime(&st.mtime);
        assert_int_equal(tm->tm_year, 80);
        assert_int_equal(tm->tm_mon, 0);
        assert_int_equal(tm->tm_mday, 1);
        if (strstr(st.name, ".png"))
            assert_int_equal(st.comp_method, ZIP_CM_STORE);
        else if (strstr(st.name, ".xml") || strstr(st.name, ".rels")) {
            assert_int_equal(st.comp_method, ZIP_CM_DEFLATE);
            xmlDocPtr d = parse_entry(z, st.name);
            if (!d)
                fail_msg("%s is not well-formed XML", st.name);
            xmlFreeDoc(d);
        }
    }
    /* Every Override names an entry, every part has a content type. */
    xmlDocPtr ct = parse_entry(z, "[Content_Types].xml");
    assert_non_null(ct);
    assert_int_equal(xp_num(ct, "count(//*[local-name()='Override'])"), 15);
    assert_int_equal(xp_num(ct, "count(//*[local-name()='Default'][@Extension='png'])"), 1);
    xmlFreeDoc(ct);
    zip_close(z);
}

static void test_deterministic(void **state)
{
    fixture *fx = *state;
    char a[128];
    snprintf(a, sizeof a, "%s", write_docx(fx, "one.docx"));
    const char *b = write_docx(fx, "two.docx");
    size_t la, lb;
    char *pa = read_file_bytes(a, &la), *pb = read_file_bytes(b, &lb);
    assert_non_null(pa);
    assert_non_null(pb);
    assert_int_equal(la, lb);
    assert_memory_equal(pa, pb, la);
    free(pa);
    free(pb);
}

static void test_document_body(void **state)
{
    fixture *fx = *state;
    int err;
    zip_t *z = zip_open(write_docx(fx, "b.docx"), ZIP_RDONLY, &err);
    assert_non_null(z);
    xmlDocPtr d = parse_entry(z, "word/document.xml");
    assert_non_null(d);
    /* Every paragraph names a style; none carries run formatting of its
     * own (only runs may carry emphasis). */
    assert_int_equal(xp_num(d, "count(//w:p[not(w:pPr/w:pStyle)])"), 0);
    assert_int_equal(xp_num(d, "count(//w:pPr/w:rPr)"), 0);
    assert_int_equal(xp_num(d, "count(//w:rPr/w:sz)"), 0);
    /* Masthead lines under the thick rule, in order, then the title with
     * its custom-mark note. */
    assert_xp_str(d, "(//w:p)[1]/w:pPr/w:pStyle/@w:val", "UNMastBody");
    assert_xp_str(d, "(//w:p)[1]", "Human Rights Council");
    assert_xp_str(d, "(//w:p)[2]/w:pPr/w:pStyle/@w:val", "UNMastSubsidiary");
    assert_xp_str(d, "(//w:p)[3]/w:pPr/w:pStyle/@w:val", "UNMastSession");
    assert_xp_str(d, "(//w:p)[4]", "4\xe2\x80\x93" "15 November 2019");
    assert_xp_str(d, "(//w:p)[5]/w:pPr/w:pStyle/@w:val", "UNMastTitle");
    assert_xp_str(d, "(//w:p)[5]",
                  "Summary of Stakeholders\xe2\x80\x99 submissions on Italy*");
    assert_int_equal(xp_num(d, "count((//w:p)[5]//w:footnoteReference[@w:customMarkFollows='1'])"), 1);
    /* The chapter heading: tab, label, tab, text (label hangs). */
    assert_xp_str(d, "(//w:p)[7]/w:pPr/w:pStyle/@w:val", "UNH1");
    assert_int_equal(xp_num(d, "count((//w:p)[7]/w:r[1]/*)"), 3);
    assert_xp_str(d, "local-name((//w:p)[7]/w:r[1]/*[1])", "tab");
    assert_xp_str(d, "local-name((//w:p)[7]/w:r[1]/*[3])", "tab");
    assert_xp_str(d, "(//w:p)[7]", "I.Background");
    /* Numbered paragraph: label, tab, text; emphasis, a note and a link. */
    assert_xp_str(d, "(//w:p)[8]/w:pPr/w:pStyle/@w:val", "UNPara");
    assert_xp_str(d, "local-name((//w:p)[8]/w:r[1]/*[2])", "tab");
    assert_int_equal(xp_num(d, "count((//w:p)[8]//w:r[w:rPr/w:i]/w:t[.='prepared'])"), 1);
    assert_int_equal(xp_num(d, "count((//w:p)[8]//w:footnoteReference[not(@w:customMarkFollows)])"), 1);
    assert_int_equal(xp_num(d, "count((//w:p)[8]/w:hyperlink[@r:id])"), 1);
    /* Control characters and invalid bytes are dropped. Note 3 comes
     * second in the text: Word would number it 2, so its mark is text. */
    assert_xp_str(d, "(//w:p)[9]", "Strong words with a bad char and  byte.3");
    assert_int_equal(xp_num(d, "count((//w:p)[9]//w:footnoteReference[@w:customMarkFollows='1'])"), 1);
    assert_int_equal(xp_num(d, "count((//w:p)[9]/w:r[1]/w:rPr/w:b)"), 1);
    /* An unnumbered paragraph of the numbered style starts its first line
     * at the text's tab stop, as the PDF does. */
    assert_xp_str(d, "(//w:p)[9]/w:pPr/w:ind/@w:firstLine", "567");
    assert_xp_str(d, "(//w:p)[9]/w:pPr/w:ind/@w:left", "1134");
    /* Tab and line feed inside a run. */
    assert_int_equal(xp_num(d, "count((//w:p)[10]//w:tab)"), 2);
    assert_int_equal(xp_num(d, "count((//w:p)[10]//w:br)"), 1);
    /* An unlabelled paragraph in a hanging style does not hang. */
    assert_xp_str(d, "(//w:p)[12]/w:pPr/w:ind/@w:firstLine", "0");
    /* The table: head row repeats and carries the rule under it. */
    assert_int_equal(xp_num(d, "count(//w:tbl)"), 2);
    assert_int_equal(xp_num(d, "count((//w:tbl)[1]/w:tr[1]/w:trPr/w:tblHeader)"), 1);
    assert_int_equal(xp_num(d, "count((//w:tbl)[1]/w:tr[1]/w:tc/w:tcPr/w:tcBorders/w:bottom[@w:val='single'])"), 2);
    assert_xp_str(d, "(//w:tbl)[1]/w:tblPr/w:tblBorders/w:insideV/@w:val", "nil");
    assert_xp_str(d, "(//w:tbl)[1]/w:tr[2]/w:tc[2]/w:p/w:pPr/w:jc/@w:val", "right");
    assert_xp_str(d, "(//w:tbl)[1]/w:tr[1]/w:tc[1]/w:p/w:pPr/w:pStyle/@w:val", "UNTableHead");
    assert_int_equal(xp_num(d, "sum((//w:tbl)[1]/w:tblGrid/w:gridCol/@w:w)"),
                     xp_num(d, "(//w:tbl)[1]/w:tblPr/w:tblW/@w:w"));
    /* An endnote's reference is its mark; its text is the flow's block
     * under "Notes"; a table set in the note style uses its cell variant. */
    assert_xp_str(d, "//w:p[starts-with(., '2.Last paragraph')]//w:r[w:rPr/w:rStyle/@w:val='FootnoteReference']", "5");
    assert_int_equal(xp_num(d, "count(//w:p[starts-with(., '2.Last paragraph')]//w:footnoteReference)"), 0);
    assert_xp_str(d, "//w:p[w:pPr/w:pStyle/@w:val='UNEndnote']", "5An endnote text.");
    assert_xp_str(d, "(//w:tbl)[2]/w:tr[2]/w:tc[1]/w:p/w:pPr/w:pStyle/@w:val", "UNNoteCell");
    /* The page break rides on the next paragraph; the end rule closes. */
    assert_int_equal(xp_num(d, "count(//w:p[w:pPr/w:pageBreakBefore])"), 1);
    assert_xp_str(d, "//w:p[w:pPr/w:pageBreakBefore]", "Annex");
    assert_xp_str(d, "(//w:body/w:p)[last()]/w:pPr/w:pStyle/@w:val", "UNEndRule");
    assert_xp_str(d, "local-name(/w:document/w:body/*[last()])", "sectPr");
    assert_xp_str(d, "local-name(/w:document/w:body/*[last()-1])", "p");
    /* Section: A4, frame margins, distinct first page, all six parts. */
    assert_xp_str(d, "//w:sectPr/w:pgSz/@w:w", "11906");
    assert_xp_str(d, "//w:sectPr/w:pgMar/@w:left", "1134");
    assert_xp_str(d, "//w:sectPr/w:pgMar/@w:right", "1134");
    assert_int_equal(xp_num(d, "count(//w:sectPr/w:titlePg)"), 1);
    assert_int_equal(xp_num(d, "count(//w:sectPr/w:headerReference)"), 3);
    assert_int_equal(xp_num(d, "count(//w:sectPr/w:footerReference)"), 3);
    xmlFreeDoc(d);

    d = parse_entry(z, "word/_rels/document.xml.rels");
    /* The link's space and non-ASCII bytes are percent-encoded. */
    assert_int_equal(xp_num(d, "count(//*[@TargetMode='External'][@Target='https://undocs.org/A/HRC/RES/5/1%20x%C3%A9'])"), 1);
    xmlFreeDoc(d);
    zip_close(z);
}

static void test_styles_and_settings(void **state)
{
    fixture *fx = *state;
    int err;
    zip_t *z = zip_open(write_docx(fx, "c.docx"), ZIP_RDONLY, &err);
    assert_non_null(z);
    xmlDocPtr d = parse_entry(z, "word/styles.xml");
    assert_non_null(d);
    assert_xp_str(d, "//w:docDefaults//w:rFonts/@w:ascii", "Times New Roman");
    assert_xp_str(d, "//w:docDefaults//w:rFonts/@w:cs", "Times New Roman");
    assert_xp_str(d, "//w:docDefaults//w:sz/@w:val", "20");
    assert_xp_str(d, "//w:docDefaults//w:lang/@w:val", "en-US");
    /* Every style of the flow, once. */
    for (size_t i = 0; i < fx->flow->nstyles; i++) {
        char q[128];
        snprintf(q, sizeof q, "count(//w:style[@w:styleId='%s'])",
                 fx->flow->styles[i]->name);
        assert_int_equal(xp_num(d, q), 1);
    }
    assert_int_equal(xp_num(d, "count(//w:style[@w:styleId='UNMastBody'])"), 1);
    /* UNPara: exact 12 pt, 6 pt after, justified, column indent 2 cm, the
     * text tab 1 cm further. */
    const char *p = "//w:style[@w:styleId='UNPara']/w:pPr";
    char q[160];
    snprintf(q, sizeof q, "%s/w:spacing/@w:line", p);
    assert_xp_str(d, q, "240");
    snprintf(q, sizeof q, "%s/w:spacing/@w:lineRule", p);
    assert_xp_str(d, q, "exact");
    snprintf(q, sizeof q, "%s/w:spacing/@w:after", p);
    assert_xp_str(d, q, "120");
    snprintf(q, sizeof q, "%s/w:ind/@w:left", p);
    assert_xp_str(d, q, "1134");
    snprintf(q, sizeof q, "%s/w:tabs/w:tab/@w:pos", p);
    assert_xp_str(d, q, "1701");
    snprintf(q, sizeof q, "%s/w:jc/@w:val", p);
    assert_xp_str(d, q, "both");
    /* UNH1: bold 14 pt, label right-aligned 0.5 cm before the text at the
     * column, first line from the margin. */
    assert_xp_str(d, "//w:style[@w:styleId='UNH1']/w:rPr/w:sz/@w:val", "28");
    assert_int_equal(xp_num(d, "count(//w:style[@w:styleId='UNH1']/w:rPr/w:b)"), 1);
    assert_xp_str(d, "//w:style[@w:styleId='UNH1']/w:pPr/w:ind/@w:hanging", "1134");
    assert_xp_str(d, "//w:style[@w:styleId='UNH1']/w:pPr/w:tabs/w:tab[@w:val='right']/@w:pos", "850");
    assert_xp_str(d, "//w:style[@w:styleId='UNH1']/w:pPr/w:outlineLvl/@w:val", "0");
    assert_int_equal(xp_num(d, "count(//w:style[@w:styleId='UNH1']/w:pPr/w:keepNext)"), 1);
    /* Table cell styles are not shifted to the column. */
    assert_xp_str(d, "//w:style[@w:styleId='UNTable']/w:pPr/w:ind/@w:left", "0");
    /* Running heads: even left, odd right, a rule under them. */
    assert_xp_str(d, "//w:style[@w:styleId='UNHeader']/w:pPr/w:jc/@w:val", "left");
    assert_xp_str(d, "//w:style[@w:styleId='UNHeaderOdd']/w:pPr/w:jc/@w:val", "right");
    assert_xp_str(d, "//w:style[@w:styleId='UNHeaderOdd']/w:basedOn/@w:val", "UNHeader");
    assert_xp_str(d, "//w:style[@w:styleId='UNHeader']/w:pPr/w:pBdr/w:bottom/@w:sz", "4");
    assert_xp_str(d, "//w:style[@w:styleId='UNFooterOdd']/w:pPr/w:jc/@w:val", "right");
    /* The note mark hangs 10.7 pt left of the column. */
    assert_xp_str(d, "//w:style[@w:styleId='UNNote']/w:pPr/w:ind/@w:hanging", "214");
    /* ... and its variant for table cells is measured from the cell. */
    assert_xp_str(d, "//w:style[@w:styleId='UNNoteCell']/w:basedOn/@w:val", "UNNote");
    assert_xp_str(d, "//w:style[@w:styleId='UNNoteCell']/w:pPr/w:ind/@w:left", "0");
    assert_xp_str(d, "//w:style[@w:styleId='UNNoteCell']/w:pPr/w:ind/@w:firstLine", "0");
    /* The endnote label hangs, right-aligned 4 pt before the text. */
    assert_xp_str(d, "//w:style[@w:styleId='UNEndnote']/w:pPr/w:tabs/w:tab[@w:val='right']/@w:pos", "1054");
    /* The end rule: 85 pt wide, centred in the column. */
    assert_xp_str(d, "//w:style[@w:styleId='UNEndRule']/w:pPr/w:pBdr/w:top/@w:val", "single");
    assert_int_equal(xp_num(d, "(11906 - 2 * 1134) - //w:style[@w:styleId='UNEndRule']/w:pPr/w:ind/@w:left"
                               " - //w:style[@w:styleId='UNEndRule']/w:pPr/w:ind/@w:right"), 1700);
    /* Style ids are unique. */
    assert_int_equal(xp_num(d, "count(//w:style[@w:styleId = preceding-sibling::w:style/@w:styleId])"), 0);

    /* The masthead title: the flow's title style, spaced like the PDF's
     * masthead (32.4 pt from the last line's baseline). */
    assert_xp_str(d, "//w:style[@w:styleId='UNMastTitle']/w:basedOn/@w:val", "UNTitle");
    assert_xp_str(d, "//w:style[@w:styleId='UNMastTitle']/w:pPr/w:spacing/@w:before", "345");
    assert_xp_str(d, "//w:style[@w:styleId='UNMastOrgan']/w:rPr/w:sz/@w:val", "40");
    /* Tables in notes are hanging lists: first column 1 cm in, second
     * 5 cm in from the column. */
    assert_xp_str(d, "//w:style[@w:styleId='UNNoteList']/w:pPr/w:ind/@w:left", "3969");
    assert_xp_str(d, "//w:style[@w:styleId='UNNoteList']/w:pPr/w:ind/@w:hanging", "2268");
    /* Headings do not hyphenate; body text may. */
    assert_int_equal(xp_num(d, "count(//w:style[@w:styleId='UNH1']/w:pPr/w:suppressAutoHyphens)"), 1);
    assert_int_equal(xp_num(d, "count(//w:style[@w:styleId='UNPara']/w:pPr/w:suppressAutoHyphens)"), 0);
    xmlFreeDoc(d);

    d = parse_entry(z, "word/settings.xml");
    assert_int_equal(xp_num(d, "count(//w:evenAndOddHeaders)"), 1);
    /* Space after and before add up, as in the PDF. */
    assert_int_equal(xp_num(d, "count(//w:compat/w:doNotUseHTMLParagraphAutoSpacing)"), 1);
    /* No automatic hyphenation, as in the official Word documents. */
    assert_int_equal(xp_num(d, "count(//w:autoHyphenation)"), 0);
    xmlFreeDoc(d);
    d = parse_entry(z, "docProps/core.xml");
    assert_xp_str(d, "//dc:title", "Summary of Stakeholders\xe2\x80\x99 submissions on Italy");
    assert_xp_str(d, "//dc:subject", "A/HRC/WG.6/34/ITA/3");
    assert_xp_str(d, "//dc:language", "en-US");
    assert_xp_str(d, "//dc:creator", "United Nations");
    assert_xp_str(d, "//dcterms:created", "2019-08-14T00:00:00Z");
    xmlFreeDoc(d);
    d = parse_entry(z, "docProps/app.xml");
    assert_xp_str(d, "//*[local-name()='Application']", "folio");
    xmlFreeDoc(d);
    zip_close(z);
}

static void test_headers_footers_notes(void **state)
{
    fixture *fx = *state;
    int err;
    zip_t *z = zip_open(write_docx(fx, "d.docx"), ZIP_RDONLY, &err);
    assert_non_null(z);
    xmlDocPtr d = parse_entry(z, "word/header1.xml");
    assert_non_null(d);
    assert_xp_str(d, "//w:tr[1]", "United NationsA/HRC/WG.6/34/ITA/3");
    assert_xp_str(d, "//w:tr[1]//w:r[w:rPr/w:rStyle/@w:val='UNSymbolHead']", "A");
    assert_xp_str(d, "//w:tr[1]/w:tc[1]/w:tcPr/w:tcBorders/w:bottom/@w:sz", "4");
    assert_xp_str(d, "//w:tr[2]/w:tc[1]/w:tcPr/w:tcBorders/w:bottom/@w:sz", "12");
    assert_xp_str(d, "//w:tr[2]/w:tc[2]", "General Assembly");
    assert_xp_str(d, "//w:tr[2]/w:tc[3]", "Distr.: General14 August 2019Original: English");
    assert_int_equal(xp_num(d, "count(//w:tr[2]/w:tc[3]/w:p)"), 4);
    assert_int_equal(xp_num(d, "count(//a:blip[@r:embed])"), 1);
    /* Cells are placed by paragraph spacing, never by cell margins. */
    assert_int_equal(xp_num(d, "count(//w:tcMar)"), 0);
    assert_xp_str(d, "//w:tr[2]/w:tc[3]/w:p[1]/w:pPr/w:pStyle/@w:val", "UNMastDistr");
    /* Grid: emblem column 63.1 pt, right column from 335.5 pt (the plan's
     * organ-x and block-x). */
    assert_xp_str(d, "//w:tblGrid/w:gridCol[1]/@w:w", "1262");
    assert_xp_str(d, "//w:tblGrid/w:gridCol[3]/@w:w", "2928");
    xmlFreeDoc(d);

    d = parse_entry(z, "word/footer1.xml");
    assert_xp_str(d, "//w:p[w:pPr/w:pStyle/@w:val='UNJobLine']", "GE.19-13879(E)");
    assert_int_equal(xp_num(d, "count(//a:blip)"), 3);
    assert_int_equal(xp_num(d, "count(//w:p[w:pPr/w:pStyle/@w:val='UNRecycle']//a:blip)"), 2);
    xmlFreeDoc(d);
    d = parse_entry(z, "word/_rels/footer1.xml.rels");
    assert_int_equal(xp_num(d, "count(//*[local-name()='Relationship'][starts-with(@Target,'media/image')])"), 3);
    xmlFreeDoc(d);

    d = parse_entry(z, "word/header2.xml");
    assert_xp_str(d, "//w:p/w:pPr/w:pStyle/@w:val", "UNHeaderOdd");
    assert_xp_str(d, "//w:p", "A/HRC/WG.6/34/ITA/3");
    xmlFreeDoc(d);
    d = parse_entry(z, "word/header3.xml");
    assert_xp_str(d, "//w:p/w:pPr/w:pStyle/@w:val", "UNHeader");
    xmlFreeDoc(d);
    d = parse_entry(z, "word/footer3.xml");
    assert_xp_str(d, "//w:p/w:pPr/w:pStyle/@w:val", "UNFooter");
    assert_xp_str(d, "normalize-space(//w:instrText)", "PAGE");
    assert_int_equal(xp_num(d, "count(//w:fldChar)"), 3);
    xmlFreeDoc(d);

    d = parse_entry(z, "word/footnotes.xml");
    assert_non_null(d);
    assert_xp_str(d, "/w:footnotes/w:footnote[1]/@w:type", "separator");
    assert_xp_str(d, "/w:footnotes/w:footnote[1]/@w:id", "-1");
    assert_xp_str(d, "/w:footnotes/w:footnote[2]/@w:type", "continuationSeparator");
    assert_int_equal(xp_num(d, "count(/w:footnotes/w:footnote[not(@w:type)])"), 4);
    /* The table note: its text, then one tabbed paragraph per row. */
    assert_int_equal(xp_num(d, "count(/w:footnotes/w:footnote[6]/w:p)"), 3);
    /* Only the paragraph with the mark hangs. */
    assert_int_equal(xp_num(d, "count(/w:footnotes/w:footnote[6]/w:p[1]/w:pPr/w:ind)"), 0);
    assert_int_equal(xp_num(d, "count(/w:footnotes/w:footnote[5]/w:p[2]/w:pPr/w:ind)"), 0);
    assert_int_equal(xp_num(d, "count(/w:footnotes/w:footnote[6]//w:tbl)"), 0);
    assert_xp_str(d, "/w:footnotes/w:footnote[6]/w:p[2]/w:pPr/w:pStyle/@w:val", "UNNoteList");
    assert_xp_str(d, "/w:footnotes/w:footnote[6]/w:p[2]", "AIAmnesty International;");
    assert_int_equal(xp_num(d, "count(/w:footnotes/w:footnote[6]/w:p[3]//w:tab)"), 1);
    /* The title's note writes its mark; numbered notes use footnoteRef. */
    assert_xp_str(d, "/w:footnotes/w:footnote[3]", "*The present document was not "
                     "edited before being sent to translation.");
    assert_int_equal(xp_num(d, "count(/w:footnotes/w:footnote[3]//w:footnoteRef)"), 0);
    assert_int_equal(xp_num(d, "count(/w:footnotes/w:footnote[4]//w:footnoteRef)"), 1);
    /* A note's later paragraphs start at its text, not at the mark. */
    assert_xp_str(d, "/w:footnotes/w:footnote[4]/w:p[2]", "Civil society");
    assert_xp_str(d, "/w:footnotes/w:footnote[4]/w:p[2]/w:pPr/w:ind/@w:firstLine", "0");
    assert_xp_str(d, "/w:footnotes/w:footnote[4]/w:p[2]/w:pPr/w:ind/@w:left", "1134");
    assert_xp_str(d, "/w:footnotes/w:footnote[5]/w:p/w:pPr/w:pStyle/@w:val", "UNNote");
    /* Note 2 carries note 4, which only note 2 references, under it. */
    assert_xp_str(d, "/w:footnotes/w:footnote[5]/w:p[1]", "Second note text with zanzibar.4");
    assert_xp_str(d, "/w:footnotes/w:footnote[5]/w:p[2]", "4A note on a note.");
    assert_int_equal(xp_num(d, "count(/w:footnotes/w:footnote[5]//w:footnoteRef)"), 1);
    xmlFreeDoc(d);
    zip_close(z);
}

/* A flow without page geometry fails cleanly and leaves no file. */
static void test_failure_leaves_nothing(void **state)
{
    fixture *fx = *state;
    char path[128];
    snprintf(path, sizeof path, "%s/bad.docx", fx->dir);
    folio_flow copy = *fx->flow;
    copy.page.width = 0;
    folio_ctx *ctx = NULL;
    folio_ctx_new("test.md", &ctx);
    assert_int_equal(folio_docx_write(ctx, &copy, path), FOLIO_E_DOCX);
    assert_true(strstr(folio_last_error(ctx), "page geometry") != NULL);
    assert_int_equal(access(path, F_OK), -1);
    folio_ctx_free(ctx);

    /* A directory that does not exist: an I/O error, nothing written. */
    snprintf(path, sizeof path, "%s/missing/x.docx", fx->dir);
    folio_ctx_new("test.md", &ctx);
    assert_int_equal(folio_docx_write(ctx, fx->flow, path), FOLIO_E_IO);
    folio_ctx_free(ctx);
    char cmd[160];
    snprintf(cmd, sizeof cmd, "test -z \"$(ls -A '%s')\"", fx->dir);
    assert_int_equal(system(cmd), 0);
}

/* A flow with nothing but its page: no styles, masthead strings, notes or
 * blocks. The writer falls back on its own styles and still writes a valid
 * package with a paragraph in the body. */
static void test_minimal_flow(void **state)
{
    fixture *fx = *state;
    folio_flow bare = {0};
    bare.arena = fx->flow->arena;
    bare.page = fx->flow->page;
    char path[128];
    snprintf(path, sizeof path, "%s/bare.docx", fx->dir);
    folio_ctx *ctx = NULL;
    folio_ctx_new("test.md", &ctx);
    assert_int_equal(folio_docx_write(ctx, &bare, path), 0);
    folio_ctx_free(ctx);
    int err;
    zip_t *z = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &err);
    assert_non_null(z);
    static const char *const parts[] = {
        "word/document.xml", "word/styles.xml", "word/footnotes.xml",
        "word/header1.xml", "word/header2.xml", "word/footer1.xml",
        "word/footer3.xml", "word/settings.xml", "docProps/core.xml"};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        xmlDocPtr d = parse_entry(z, parts[i]);
        if (!d)
            fail_msg("%s missing or not well-formed", parts[i]);
        xmlFreeDoc(d);
    }
    xmlDocPtr d = parse_entry(z, "word/document.xml");
    assert_int_equal(xp_num(d, "count(/w:document/w:body/w:p)"), 1);
    xmlFreeDoc(d);
    d = parse_entry(z, "word/styles.xml");
    assert_int_equal(xp_num(d, "count(//w:style[@w:styleId='UNPara'])"), 1);
    assert_int_equal(xp_num(d, "count(//w:style[@w:styleId='UNHeaderOdd'])"), 1);
    assert_xp_str(d, "//w:docDefaults//w:lang/@w:val", "en-US");
    xmlFreeDoc(d);
    d = parse_entry(z, "word/footnotes.xml");
    assert_int_equal(xp_num(d, "count(//w:footnote)"), 2); /* separators */
    xmlFreeDoc(d);
    zip_close(z);
}

/* A long conference-body name beside the emblem is set smaller, and
 * broken where the plan (the PDF) breaks it. */
static void test_long_organ(void **state)
{
    fixture *fx = *state;
    fx->flow->mast.organ = "Conference of the Parties to the United Nations "
                           "Convention against Transnational Organized Crime";
    plan(fx, "report");
    int err;
    zip_t *z = zip_open(write_docx(fx, "organ.docx"), ZIP_RDONLY, &err);
    assert_non_null(z);
    xmlDocPtr d = parse_entry(z, "word/styles.xml");
    double sz = xp_num(d, "//w:style[@w:styleId='UNMastOrgan']/w:rPr/w:sz/@w:val");
    assert_true(sz >= 24 && sz < 40);
    assert_int_equal(sz * 500, fx->flow->furn.organ.size);
    /* Its leading follows the size (1.1 times). */
    assert_int_equal(xp_num(d, "//w:style[@w:styleId='UNMastOrgan']/w:pPr/w:spacing/@w:line"),
                     sz * 10 * 11 / 10);
    xmlFreeDoc(d);
    d = parse_entry(z, "word/header1.xml");
    assert_true(fx->flow->furn.organ.nlines >= 2);
    assert_int_equal(xp_num(d, "count(//w:p[w:pPr/w:pStyle/@w:val='UNMastOrgan']//w:br)"),
                     fx->flow->furn.organ.nlines - 1);
    xmlFreeDoc(d);
    zip_close(z);
    fx->flow->mast.organ = "General Assembly";
    plan(fx, "report");
}

static void test_clean_text(void **state)
{
    (void)state;
    folio_arena *a = folio_arena_new();
    /* C0/C1 controls, DEL, U+FFFE, a stray continuation byte, a truncated
     * sequence and an overlong encoding go; tab, LF and real text stay. */
    const char in[] = "a\x01" "b\tc\nd\x7f" "e\xc2\x85" "f\xef\xbf\xbe" "g\x80"
                      "h\xc3\xa9" "i\xf0\x9f\x98\x80" "j\xc0\xaf" "k\xe2\x82";
    char *out = folio_dx_clean(a, in, sizeof in - 1);
    assert_string_equal(out, "ab\tc\nde" "f" "gh\xc3\xa9i\xf0\x9f\x98\x80jk");
    folio_arena_free(a);
}

/* ---- The rasterizer ------------------------------------------------------ */

typedef struct image {
    png_image info;
    unsigned char *px; /* GA8 */
} image;

static void decode(const unsigned char *png, size_t len, image *im)
{
    memset(&im->info, 0, sizeof im->info);
    im->info.version = PNG_IMAGE_VERSION;
    assert_true(png_image_begin_read_from_memory(&im->info, png, len));
    im->info.format = PNG_FORMAT_GA;
    im->px = malloc(PNG_IMAGE_SIZE(im->info));
    assert_true(png_image_finish_read(&im->info, NULL, im->px, 0, NULL));
}

/* Ink at (x, y): dark and opaque. */
static int ink(const image *im, int x, int y)
{
    const unsigned char *p = im->px + ((size_t)y * im->info.width + (size_t)x) * 2;
    return (255 - p[0]) * p[1] / 255;
}

static void test_png_bars_exact(void **state)
{
    (void)state;
    /* Bars at x = 0..1, 3..6 (units) on a 10 x 4 box, 3 px per unit. */
    folio_shape s[2] = {{.is_rect = 1, .x = 0, .y = 0, .w = 1, .h = 4},
                        {.is_rect = 1, .x = 3, .y = 0, .w = 3, .h = 4}};
    folio_art art = {.width = 10, .height = 4, .shapes = s, .nshapes = 2};
    dx_raster opt = {.width_px = 30, .height_px = 12};
    unsigned char *png;
    size_t len;
    assert_int_equal(folio_dx_png(&art, &opt, &png, &len), 0);
    assert_memory_equal(png, "\x89PNG", 4);
    for (size_t i = 0; i + 4 <= len; i++) /* no time chunk */
        assert_false(!memcmp(png + i, "tIME", 4));
    image im;
    decode(png, len, &im);
    assert_int_equal(im.info.width, 30);
    assert_int_equal(im.info.height, 12);
    for (int y = 0; y < 12; y++)
        for (int x = 0; x < 30; x++) {
            int want = x < 3 || (x >= 9 && x < 18);
            assert_int_equal(ink(&im, x, y) > 128, want);
        }
    free(im.px);
    free(png);
}

static void test_png_paths(void **state)
{
    (void)state;
    /* A square with a square hole (even-odd), a curve-bounded blob and a
     * stroked line, on a 100 x 100 box. */
    folio_path_seg ring[] = {
        {FOLIO_PATH_MOVE, {10}, {10}}, {FOLIO_PATH_LINE, {50}, {10}},
        {FOLIO_PATH_LINE, {50}, {50}}, {FOLIO_PATH_LINE, {10}, {50}},
        {FOLIO_PATH_CLOSE, {0}, {0}},
        {FOLIO_PATH_MOVE, {20}, {20}}, {FOLIO_PATH_LINE, {40}, {20}},
        {FOLIO_PATH_LINE, {40}, {40}}, {FOLIO_PATH_LINE, {20}, {40}},
        {FOLIO_PATH_CLOSE, {0}, {0}},
    };
    folio_path_seg blob[] = {
        {FOLIO_PATH_MOVE, {60}, {80}},
        {FOLIO_PATH_CURVE, {60, 90, 90}, {60, 60, 80}},
        {FOLIO_PATH_CURVE, {90, 60, 60}, {100, 100, 80}},
        {FOLIO_PATH_CLOSE, {0}, {0}},
    };
    folio_path_seg line[] = {
        {FOLIO_PATH_MOVE, {10}, {80}}, {FOLIO_PATH_LINE, {40}, {80}},
    };
    folio_shape s[3] = {
        {.segs = ring, .nsegs = 10, .even_odd = 1},
        {.segs = blob, .nsegs = 4},
        {.segs = line, .nsegs = 2, .stroke = 4},
    };
    folio_art art = {.width = 100, .height = 100, .shapes = s, .nshapes = 3};
    dx_raster opt = {.width_px = 100, .height_px = 100, .antialias = 1};
    unsigned char *png;
    size_t len;
    assert_int_equal(folio_dx_png(&art, &opt, &png, &len), 0);
    image im;
    decode(png, len, &im);
    assert_int_equal(ink(&im, 15, 15), 255);  /* the ring */
    assert_int_equal(ink(&im, 30, 30), 0);    /* its hole */
    assert_int_equal(ink(&im, 5, 5), 0);      /* outside */
    assert_int_equal(ink(&im, 75, 80), 255);  /* inside the blob */
    assert_int_equal(ink(&im, 75, 62), 0);    /* above its curve */
    assert_int_equal(ink(&im, 25, 80), 255);  /* on the stroke */
    assert_int_equal(ink(&im, 25, 84), 0);    /* beside it (2 units half-width) */
    /* Antialiased edge: the ring's left edge at x = 10 is sharp here, the
     * blob's curved edge has partial coverage somewhere. */
    int partial = 0;
    for (int x = 55; x < 95; x++)
        for (int y = 60; y < 100; y++) {
            int v = ink(&im, x, y);
            partial += v > 0 && v < 255;
        }
    assert_true(partial > 10);
    /* Deterministic bytes. */
    unsigned char *png2;
    size_t len2;
    assert_int_equal(folio_dx_png(&art, &opt, &png2, &len2), 0);
    assert_int_equal(len, len2);
    assert_memory_equal(png, png2, len);
    free(png2);
    free(im.px);
    free(png);

    /* Rejected sizes. */
    opt.width_px = 0;
    assert_int_equal(folio_dx_png(&art, &opt, &png, &len), FOLIO_E_DOCX);
}

/* TEST_DOCX_OUT=path writes the sample document there and runs no tests
 * (tests/docx_lo_check.sh converts it with LibreOffice). */
static int keep_sample(const char *out)
{
    folio_report *rep = NULL;
    folio_report_new(NULL, "test.md", &rep);
    folio_flow *f = build_flow(rep);
    folio_ctx *ctx = NULL;
    folio_ctx_new("test.md", &ctx);
    int rc = folio_docx_write(ctx, f, out);
    if (rc)
        fprintf(stderr, "test_docx: %s\n", folio_last_error(ctx));
    folio_ctx_free(ctx);
    folio_arena_free(f->arena);
    folio_report_free(rep);
    return rc ? 1 : 0;
}


/* Word numbering from the house lists, through the whole pipeline: the
 * labels the PDF prints come from numbering.xml, continuing where the
 * document continues, restarting (a new w:num with overrides) where it
 * restarts, typed text where no level can write the label. */
static void test_numbering(void **state)
{
    fixture *fx = *state;
    static const char md[] =
        "United Nations\nA/1/2\nGeneral Assembly\nDistr.: General\n1 January 2024\n"
        "Original: English\n\n# Title\n\n## I. Introduction\n\n"
        "1. First paragraph.\n\n2. Second paragraph.\n\n3. Third paragraph.\n\n"
        "- (a) An item;\n- (b) Another item.\n\n4. Fourth paragraph.\n\n"
        "- (a) A new run of items.\n\n## II. More\n\nAn unnumbered paragraph.\n\n"
        "## Annex\n\n## I. In the annex\n\n1. Annex paragraph.\n\n2. Another.\n";
    folio_ctx *ctx = NULL;
    folio_report *r = NULL;
    folio_flow *f = NULL;
    folio_ctx_new("num.md", &ctx);
    assert_int_equal(folio_read_markdown(ctx, md, sizeof md - 1, "num.md", NULL, NULL, &r), 0);
    assert_int_equal(folio_style_apply(ctx, r, NULL, fx->fonts, &f), 0);
    /* a label no level writes stays text */
    for (size_t i = 0; i < f->nblocks; i++)
        if (f->blocks[i].label && !strcmp(f->blocks[i].label, "3."))
            f->blocks[i].label = "2 bis";
    char path[128];
    snprintf(path, sizeof path, "%s/num.docx", fx->dir);
    assert_int_equal(folio_docx_write(ctx, f, path), 0);
    folio_ctx_free(ctx);
    int err;
    zip_t *z = zip_open(path, ZIP_RDONLY, &err);
    assert_non_null(z);
    xmlDocPtr d = parse_entry(z, "word/document.xml");
#define NUM(words) "//w:p[contains(., '" words "')]/w:pPr/w:numPr/w:numId/@w:val"
    /* the paragraphs continue one w:num; the typed label is text */
    assert_xp_str(d, NUM("First paragraph"), "1");
    assert_xp_str(d, NUM("Second paragraph"), "1");
    assert_xp_str(d, NUM("Third paragraph"), "0");
    assert_xp_str(d, "//w:p[contains(., 'Third paragraph')]", "2 bisThird paragraph.");
    /* 1, 2, "2 bis", 4: Word would number the fourth 3; a w:num that
     * starts at 4 takes over */
    char *fourth = xp_str(d, NUM("Fourth paragraph"));
    assert_string_not_equal(fourth, "1");
    assert_xp_str(d, "//w:p[contains(., 'First paragraph')]", "First paragraph.");
    /* the headings are Word's, numbered by their list */
    assert_xp_str(d, "//w:p[contains(., 'Introduction')]/w:pPr/w:pStyle/@w:val", "Heading1");
    assert_xp_str(d, "//w:p[contains(., 'Introduction')]", "Introduction");
    /* an unnumbered paragraph of the numbered style: numId 0 */
    assert_xp_str(d, NUM("An unnumbered paragraph"), "0");
    /* the second run of items and the annex start new w:nums */
    char *items = xp_str(d, NUM("An item"));
    char *again = xp_str(d, NUM("A new run of items"));
    char *annex = xp_str(d, NUM("Annex paragraph"));
    assert_xp_str(d, NUM("Another item"), items);
    assert_string_not_equal(items, again);
    assert_string_not_equal(annex, "1");
    assert_xp_str(d, NUM("Another."), annex);
    xmlFreeDoc(d);
    d = parse_entry(z, "word/numbering.xml");
    char expr[160];
    snprintf(expr, sizeof expr,
             "//w:num[@w:numId='%s']/w:lvlOverride[@w:ilvl='0']/w:startOverride/@w:val", annex);
    assert_xp_str(d, expr, "1");
    snprintf(expr, sizeof expr,
             "//w:num[@w:numId='%s']/w:lvlOverride[@w:ilvl='0']/w:startOverride/@w:val", fourth);
    assert_xp_str(d, expr, "4");
    assert_xp_str(d, "//w:abstractNum[w:name/@w:val='headings']/w:lvl[@w:ilvl='0']/w:numFmt/@w:val",
                  "upperRoman");
    assert_xp_str(d, "//w:abstractNum[w:name/@w:val='headings']/w:lvl[@w:ilvl='0']/w:lvlJc/@w:val",
                  "right");
    assert_xp_str(d, "//w:abstractNum[w:name/@w:val='subparagraphs']/w:lvl[@w:ilvl='0']/w:lvlText/@w:val",
                  "(%1)");
    xmlFreeDoc(d);
    d = parse_entry(z, "word/styles.xml");
    assert_xp_str(d, "//w:style[@w:styleId='UNPara']/w:pPr/w:numPr/w:numId/@w:val", "1");
    assert_xp_str(d, "//w:style[@w:styleId='Heading1']/w:name/@w:val", "heading 1");
    assert_xp_str(d, "//w:style[@w:styleId='Heading1']/w:aliases/@w:val", "UN Chapter");
    assert_xp_str(d, "//w:style[@w:styleId='Heading3']/w:pPr/w:outlineLvl/@w:val", "2");
    xmlFreeDoc(d);
    zip_close(z);
    free(fourth);
    free(items);
    free(again);
    free(annex);
    folio_flow_free(f);
    folio_report_free(r);
}

int main(void)
{
    const char *out = getenv("TEST_DOCX_OUT");
    if (out && *out)
        return keep_sample(out);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_package_entries, setup, teardown),
        cmocka_unit_test_setup_teardown(test_deterministic, setup, teardown),
        cmocka_unit_test_setup_teardown(test_document_body, setup, teardown),
        cmocka_unit_test_setup_teardown(test_styles_and_settings, setup, teardown),
        cmocka_unit_test_setup_teardown(test_headers_footers_notes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_failure_leaves_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_minimal_flow, setup, teardown),
        cmocka_unit_test_setup_teardown(test_long_organ, setup, teardown),
        cmocka_unit_test_setup_teardown(test_numbering, setup, teardown),
        cmocka_unit_test(test_clean_text),
        cmocka_unit_test(test_png_bars_exact),
        cmocka_unit_test(test_png_paths),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
