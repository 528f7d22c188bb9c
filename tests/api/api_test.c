/* The public interface as a caller meets it, through <folio.h> alone
 * (built with -Iinclude and without -Isrc; the Makefile fails the build if
 * any internal header is reached).
 *
 *   api_test OUTDIR
 *
 * Builds a report with the builder, renders it to PDF and DOCX in memory
 * and to OUTDIR/built.pdf, OUTDIR/built.docx (tests/run_api.sh then looks
 * inside them with pdftotext and unzip), checks every refusal of the
 * builder and of the options, and prints "api: N passed, M failed". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <dirent.h>

#include <folio.h>

static int pass, fail;

#define CHECK(cond, ...)                                                      \
    do {                                                                      \
        if (cond) {                                                           \
            pass++;                                                           \
        } else {                                                              \
            fail++;                                                           \
            printf("FAILED (line %d): ", __LINE__);                           \
            printf(__VA_ARGS__);                                              \
            putchar('\n');                                                    \
        }                                                                     \
    } while (0)

/* ---- the report --------------------------------------------------------- */

/* Every kind of content the builder makes. Returns 0 or the failing code. */
static int build(folio_ctx *ctx, folio_report **out)
{
    folio_report *r = NULL;
    folio_node *n, *note, *title_note, *t, *c;
    int rc;
    static const struct {
        folio_field field;
        const char *value;
    } mast[] = {
        {FOLIO_FIELD_SYMBOL, "A/HRC/55/99"},
        {FOLIO_FIELD_DISTRIBUTION, "limited"},
        {FOLIO_FIELD_DATE, "2024-02-29"},
        {FOLIO_FIELD_LANGUAGE, "en"},
        {FOLIO_FIELD_ORIGINAL_LANGUAGE, "fr"},
        {FOLIO_FIELD_ORGAN, "General Assembly"},
        {FOLIO_FIELD_BODY, "Human Rights Council\nWorking Group on Builders"},
        {FOLIO_FIELD_SESSION, "Fifty-fifth session"},
        {FOLIO_FIELD_VENUE_DATES, "Geneva, 26 February-5 April 2024"},
        {FOLIO_FIELD_AGENDA_ITEM, "Agenda item 3"},
        {FOLIO_FIELD_AGENDA_TITLE, "Promotion of reports made in code"},
        {FOLIO_FIELD_TITLE, "Report of the Working Group on Builders"},
        {FOLIO_FIELD_SUBTITLE, "Note by the Secretariat"},
        {FOLIO_FIELD_JOB_NUMBER, "GE.24-01234"},
        {FOLIO_FIELD_STATION, "geneva"},
    };
    if ((rc = folio_report_new(ctx, "built", &r)))
        return rc;
    for (size_t i = 0; i < sizeof mast / sizeof mast[0]; i++)
        if ((rc = folio_report_set(ctx, r, mast[i].field, mast[i].value)))
            goto done;
    if ((rc = folio_report_add_note(ctx, r, "t1", &title_note)) ||
        (rc = folio_note_add_paragraph(ctx, title_note, &n)) ||
        (rc = folio_node_add_text(ctx, n, "Circulated as received.", 0)) ||
        (rc = folio_report_set_note(ctx, r, FOLIO_FIELD_TITLE, title_note)))
        goto done;

    if ((rc = folio_report_add_heading(ctx, r, 1, 1, NULL, &n)) ||
        (rc = folio_node_add_text(ctx, n, "Introduction", 0)) ||
        (rc = folio_report_add_paragraph(ctx, r, 1, NULL, &n)) ||
        (rc = folio_node_add_text(ctx, n, "The Working Group met ", 0)) ||
        (rc = folio_node_add_text(ctx, n, "twice", FOLIO_STYLE_EMPH)) ||
        (rc = folio_node_add_text(ctx, n, " in ", 0)) ||
        (rc = folio_node_add_text(ctx, n, "Geneva", FOLIO_STYLE_STRONG)) ||
        (rc = folio_node_add_text(ctx, n, " and heard the 2", 0)) ||
        (rc = folio_node_add_text(ctx, n, "nd", FOLIO_STYLE_SUPER)) ||
        (rc = folio_node_add_text(ctx, n, " report, found at ", 0)) ||
        (rc = folio_node_add_link(ctx, n, "the site", "https://www.ohchr.org/", 0)) ||
        (rc = folio_node_add_text(ctx, n, ".", 0)))
        goto done;
    if ((rc = folio_report_add_note(ctx, r, "1", &note)) ||
        (rc = folio_note_add_paragraph(ctx, note, &n)) ||
        (rc = folio_node_add_text(ctx, n, "Footnote words quokka.", 0)) ||
        (rc = folio_report_add_paragraph(ctx, r, 1, "2.", &n)) ||
        (rc = folio_node_add_text(ctx, n, "A typed number and a note", 0)) ||
        (rc = folio_node_add_note_ref(ctx, n, note)) ||
        (rc = folio_node_add_text(ctx, n, " with a line", 0)) ||
        (rc = folio_node_add_line_break(ctx, n)) ||
        (rc = folio_node_add_text(ctx, n, "break.", 0)))
        goto done;
    if ((rc = folio_report_add_heading(ctx, r, 2, 0, "A.", &n)) ||
        (rc = folio_node_add_text(ctx, n, "Subparagraphs", 0)) ||
        (rc = folio_report_add_item(ctx, r, 1, NULL, &n)) ||
        (rc = folio_node_add_text(ctx, n, "First lettered item;", 0)) ||
        (rc = folio_report_add_item(ctx, r, 2, "(i)", &n)) ||
        (rc = folio_node_add_text(ctx, n, "A roman subitem;", 0)) ||
        (rc = folio_report_add_item(ctx, r, 1, "(b)", &n)) ||
        (rc = folio_node_add_text(ctx, n, "Second lettered item.", 0)) ||
        (rc = folio_report_add_item(ctx, r, 1, "-", &n)) ||
        (rc = folio_node_add_text(ctx, n, "A bullet.", 0)) ||
        (rc = folio_report_add_paragraph(ctx, r, 0, NULL, &n)) ||
        (rc = folio_node_add_text(ctx, n, "A plain paragraph.", 0)))
        goto done;
    static const char *const cells[3][2] = {
        {"Country", "Reports"}, {"Ruritania", "12"}, {"Freedonia", "7"}};
    if ((rc = folio_report_add_table(ctx, r, 3, 2, 1, &t)) ||
        (rc = folio_table_set_align(ctx, t, 1, FOLIO_ALIGN_RIGHT)))
        goto done;
    for (size_t i = 0; i < 3; i++)
        for (size_t k = 0; k < 2; k++)
            if ((rc = folio_table_cell(ctx, t, i, k, &c)) ||
                (rc = folio_node_add_text(ctx, c, cells[i][k], 0)))
                goto done;
    if ((rc = folio_report_add_heading(ctx, r, 4, 0, NULL, &n)) ||
        (rc = folio_node_add_text(ctx, n, "An unnumbered subheading", 0)) ||
        (rc = folio_report_add_page_break(ctx, r)) ||
        (rc = folio_report_add_annex(ctx, r, "fr", &n)) ||
        (rc = folio_report_add_heading(ctx, r, 0, 0, NULL, &n)) ||
        (rc = folio_node_add_text(ctx, n, "Annexed letter", 0)) ||
        (rc = folio_report_add_paragraph(ctx, r, 1, NULL, &n)) ||
        (rc = folio_node_add_text(ctx, n, "Annex words wombat.", 0)))
        goto done;
    *out = r;
    r = NULL;
done:
    folio_report_free(r);
    return rc;
}

/* ---- refusals ----------------------------------------------------------- */

/* The call `rc` refused with FOLIO_E_USAGE and said why (`part`), and the
 * report did not change. */
static void refused(folio_ctx *ctx, const folio_report *r, const char *before, int rc,
                    const char *what, const char *part)
{
    char *after = NULL;
    size_t len;
    CHECK(rc == FOLIO_E_USAGE, "%s: returned %d, not FOLIO_E_USAGE", what, rc);
    const char *msg = folio_last_error(ctx);
    CHECK(strstr(msg, part) != NULL, "%s: message \"%s\" lacks \"%s\"", what, msg, part);
    if (r && before && folio_report_dump(r, &after, &len) == 0)
        CHECK(!strcmp(before, after), "%s: the report changed", what);
    free(after);
}

static void refusals(folio_ctx *ctx)
{
    folio_report *r = NULL, *other = NULL;
    folio_node *p, *t, *c, *note, *other_note, *annex, *np;
    char *before = NULL;
    size_t len;
    if (folio_report_new(ctx, "refusals", &r) || folio_report_new(ctx, "other", &other) ||
        folio_report_add_paragraph(ctx, r, 1, NULL, &p) ||
        folio_node_add_text(ctx, p, "Text.", 0) ||
        folio_report_add_table(ctx, r, 2, 2, 1, &t) ||
        folio_report_add_note(ctx, r, "n1", &note) ||
        folio_note_add_paragraph(ctx, note, &np) ||
        folio_report_add_annex(ctx, r, NULL, &annex) ||
        folio_report_add_note(ctx, other, "n1", &other_note) ||
        folio_report_dump(r, &before, &len)) {
        CHECK(0, "cannot set up the refusals: %s", folio_last_error(ctx));
        goto done;
    }
#define REFUSED(call, part) refused(ctx, r, before, (call), #call, part)
    /* masthead values */
    REFUSED(folio_report_set(ctx, r, FOLIO_FIELD_TITLE, NULL), "no title (NULL)");
    REFUSED(folio_report_set(ctx, r, FOLIO_FIELD_TITLE, ""), "an empty title");
    REFUSED(folio_report_set(ctx, r, FOLIO_FIELD_TITLE, "Bad \xC3( UTF-8"), "not UTF-8");
    REFUSED(folio_report_set(ctx, r, FOLIO_FIELD_TITLE, "Bell\a"), "control character U+0007");
    REFUSED(folio_report_set(ctx, r, FOLIO_FIELD_TITLE, "Two\nlines"), "U+000A");
    REFUSED(folio_report_set(ctx, r, FOLIO_FIELD_DATE, "2024-02-30"), "not a valid date");
    REFUSED(folio_report_set(ctx, r, FOLIO_FIELD_DATE, "2023-02-29"), "not a valid date");
    REFUSED(folio_report_set(ctx, r, FOLIO_FIELD_DATE, "1 March 2024"), "not a valid date");
    REFUSED(folio_report_set(ctx, r, FOLIO_FIELD_LANGUAGE, "Klingon"), "unknown language");
    REFUSED(folio_report_set(ctx, r, FOLIO_FIELD_ORIGINAL_LANGUAGE, "de"), "unknown language");
    REFUSED(folio_report_set(ctx, r, FOLIO_FIELD_STATION, "Paris"), "unknown duty station");
    REFUSED(folio_report_set(ctx, r, FOLIO_FIELD_DISTRIBUTION, "secret"),
            "unknown distribution");
    REFUSED(folio_report_set(ctx, r, (folio_field)99, "x"), "not a masthead field");
    REFUSED(folio_report_set_note(ctx, r, FOLIO_FIELD_SUBTITLE, note), "only the title");
    REFUSED(folio_report_set_note(ctx, r, FOLIO_FIELD_TITLE, other_note), "another report");
    REFUSED(folio_report_set_note(ctx, r, FOLIO_FIELD_TITLE, p), "not a note");
    /* blocks */
    REFUSED(folio_report_add_heading(ctx, r, 5, 0, NULL, NULL), "levels go from 0 to 4");
    REFUSED(folio_report_add_heading(ctx, r, -1, 0, NULL, NULL), "levels go from 0 to 4");
    REFUSED(folio_report_add_heading(ctx, r, 0, 1, NULL, NULL), "never numbered");
    REFUSED(folio_report_add_heading(ctx, r, 4, 0, "1.", NULL), "never numbered");
    REFUSED(folio_report_add_heading(ctx, r, 1, 1, "B.", NULL), "not a roman numeral");
    REFUSED(folio_report_add_heading(ctx, r, 2, 1, "(a)", NULL), "not a capital letter");
    REFUSED(folio_report_add_heading(ctx, r, 3, 1, "IV.", NULL), "not a number");
    REFUSED(folio_report_add_paragraph(ctx, r, 0, "3.", NULL), "a plain paragraph has no label");
    REFUSED(folio_report_add_paragraph(ctx, r, 1, "three", NULL), "not a number and a full stop");
    REFUSED(folio_report_add_item(ctx, r, 0, NULL, NULL), "depths go from 1 to 4");
    REFUSED(folio_report_add_item(ctx, r, 5, NULL, NULL), "depths go from 1 to 4");
    REFUSED(folio_report_add_item(ctx, r, 1, "IV.", NULL), "not an item label");
    REFUSED(folio_report_add_item(ctx, r, 1, "??", NULL), "not an item label");
    REFUSED(folio_report_add_table(ctx, r, 0, 3, 0, NULL), "at least one of each");
    REFUSED(folio_report_add_table(ctx, r, 3, 0, 0, NULL), "at least one of each");
    REFUSED(folio_report_add_table(ctx, r, 2, 2, 3, NULL), "3 head rows in a table of 2 rows");
    REFUSED(folio_report_add_table(ctx, r, (size_t)-1 / 2, 4, 0, NULL), "too large");
    REFUSED(folio_report_add_annex(ctx, r, "Martian", NULL), "unknown language");
    REFUSED(folio_report_add_heading(ctx, NULL, 1, 1, NULL, NULL), "no report");
    /* notes */
    REFUSED(folio_report_add_note(ctx, r, "n1", &c), "a second note with the id \"n1\"");
    REFUSED(folio_report_add_note(ctx, r, NULL, &c), "no note id (NULL)");
    REFUSED(folio_note_add_paragraph(ctx, p, NULL), "not a note");
    /* tables */
    REFUSED(folio_table_cell(ctx, t, 2, 0, &c), "cell (2, 0) is outside a table of 2 rows");
    REFUSED(folio_table_cell(ctx, t, 0, 2, &c), "outside a table of 2 rows and 2 columns");
    REFUSED(folio_table_cell(ctx, p, 0, 0, &c), "not a table");
    REFUSED(folio_table_set_align(ctx, t, 2, FOLIO_ALIGN_LEFT), "column 2 is outside");
    REFUSED(folio_table_set_align(ctx, t, 0, (folio_align)9), "not a folio_align");
    /* runs */
    REFUSED(folio_node_add_text(ctx, p, NULL, 0), "no text (NULL)");
    REFUSED(folio_node_add_text(ctx, p, "", 0), "an empty text");
    REFUSED(folio_node_add_text(ctx, p, "x", 8), "style 0x8");
    REFUSED(folio_node_add_text(ctx, t, "x", 0), "a table takes no text");
    REFUSED(folio_node_add_text(ctx, note, "x", 0), "a note takes no text");
    REFUSED(folio_node_add_text(ctx, annex, "x", 0), "an annex takes no text");
    REFUSED(folio_node_add_text(ctx, NULL, "x", 0), "no node (NULL)");
    REFUSED(folio_node_add_link(ctx, p, "x", "javascript:alert(1)", 0), "not an http");
    REFUSED(folio_node_add_link(ctx, p, "x", "https://a b", 0), "without spaces");
    REFUSED(folio_node_add_note_ref(ctx, p, other_note), "belongs to another report");
    REFUSED(folio_node_add_note_ref(ctx, p, t), "not a note");
    REFUSED(folio_node_add_note_ref(ctx, np, note), "notes do not nest");
    REFUSED(folio_node_add_line_break(ctx, t), "a table takes no text");
#undef REFUSED
    /* the report is still whole: it renders */
    folio_render_options ro = FOLIO_RENDER_OPTIONS_INIT;
    folio_output out;
    ro.to_memory = FOLIO_DOCX;
    if (folio_table_cell(ctx, t, 1, 1, &c) == 0)
        folio_node_add_text(ctx, c, "cell", 0);
    CHECK(folio_render(ctx, r, NULL, &ro, &out) == 0 && out.docx_len > 0,
          "the report refused so often does not render: %s", folio_last_error(ctx));
    folio_output_free(&out);
done:
    free(before);
    folio_report_free(r);
    folio_report_free(other);
}

/* Options of a version this library does not know, and bad overrides. */
static void bad_options(folio_ctx *ctx, const folio_report *r)
{
    folio_render_options ro = FOLIO_RENDER_OPTIONS_INIT;
    folio_read_options rd = FOLIO_READ_OPTIONS_INIT;
    folio_resources_options res = FOLIO_RESOURCES_OPTIONS_INIT;
    folio_output out;
    folio_report *none = NULL;
    folio_resources *rs = NULL;
    ro.version = 99;
    refused(ctx, NULL, NULL, folio_render(ctx, r, NULL, &ro, &out), "render v99",
            "folio_render_options of version 99");
    CHECK(folio_render_options_init(&ro, 99) == FOLIO_E_USAGE, "init of version 99");
    CHECK(folio_render_options_init(&ro, FOLIO_RENDER_OPTIONS_VERSION) == 0 &&
              ro.version == FOLIO_RENDER_OPTIONS_VERSION && !ro.pdf_path,
          "folio_render_options_init");
    ro.station = "mars";
    refused(ctx, NULL, NULL, folio_render(ctx, r, NULL, &ro, &out), "render station",
            "unknown duty station");
    ro.station = NULL;
    ro.date = "2024-13-01";
    refused(ctx, NULL, NULL, folio_render(ctx, r, NULL, &ro, &out), "render date",
            "not a valid date");
    ro.date = NULL;
    ro.to_memory = 4;
    refused(ctx, NULL, NULL, folio_render(ctx, r, NULL, &ro, &out), "render to_memory",
            "only FOLIO_PDF and FOLIO_DOCX");
    ro.to_memory = FOLIO_PDF;
    refused(ctx, NULL, NULL, folio_render(ctx, r, NULL, &ro, NULL), "render without output",
            "no folio_output");
    refused(ctx, NULL, NULL, folio_render(ctx, NULL, NULL, NULL, NULL), "render NULL report",
            "no report");
    rd.version = 0;
    refused(ctx, NULL, NULL, folio_read_markdown(ctx, "x", 1, "x.md", &rd, NULL, &none),
            "read v0", "folio_read_options of version 0");
    CHECK(folio_read_options_init(&rd, FOLIO_READ_OPTIONS_VERSION) == 0, "read options init");
    CHECK(folio_resources_options_init(&res, 7) == FOLIO_E_USAGE, "resources init v7");
    res.version = 7;
    refused(ctx, NULL, NULL, folio_resources_load(ctx, &res, &rs), "resources v7",
            "folio_resources_options of version 7");
    CHECK(folio_field_problem(NULL, FOLIO_FIELD_DATE, "2000-02-29", NULL, 0) == NULL,
          "2000-02-29 is a day");
    CHECK(folio_field_problem(NULL, FOLIO_FIELD_DATE, "1900-02-29", NULL, 0) != NULL,
          "1900-02-29 is not");
}

/* A house style of one's own (tests/house/xx adds Portuguese and Bonn):
 * the builder takes its languages and stations once told of it, and the
 * resources render with it. */
static void own_house(folio_ctx *ctx)
{
    folio_house *h = NULL;
    folio_report *r = NULL;
    folio_node *p;
    folio_resources *res = NULL;
    folio_resources_options rso = FOLIO_RESOURCES_OPTIONS_INIT;
    folio_render_options ro = FOLIO_RENDER_OPTIONS_INIT;
    folio_output out;
    if (folio_house_load(ctx, "tests/house/xx", &h) || folio_report_new(ctx, "pt", &r)) {
        CHECK(0, "tests/house/xx: %s", folio_last_error(ctx));
        goto done;
    }
    refused(ctx, NULL, NULL, folio_report_set(ctx, r, FOLIO_FIELD_LANGUAGE, "pt"),
            "pt in the default house", "unknown language (en fr es ru zh ar)");
    refused(ctx, NULL, NULL, folio_report_set(ctx, r, FOLIO_FIELD_STATION, "bonn"),
            "bonn in the default house", "unknown duty station");
    CHECK(folio_report_use_house(ctx, r, h) == 0 &&
              folio_report_set(ctx, r, FOLIO_FIELD_LANGUAGE, "pt") == 0 &&
              folio_report_set(ctx, r, FOLIO_FIELD_STATION, "bonn") == 0 &&
              folio_report_set(ctx, r, FOLIO_FIELD_JOB_NUMBER, "BN.24-00001") == 0 &&
              folio_report_set(ctx, r, FOLIO_FIELD_SYMBOL, "FCCC/SBI/2024/1") == 0 &&
              folio_report_add_paragraph(ctx, r, 1, NULL, &p) == 0 &&
              folio_node_add_text(ctx, p, "Texto em português.", 0) == 0,
          "the house's own language and station: %s", folio_last_error(ctx));
    rso.house = h;
    rso.fonts_dir = "fonts";
    CHECK(folio_resources_load(ctx, &rso, &res) == 0 && folio_resources_house(res) == h,
          "resources with a house: %s", folio_last_error(ctx));
    ro.to_memory = FOLIO_PDF;
    CHECK(res && folio_render(ctx, r, res, &ro, &out) == 0 && out.pdf_len > 0,
          "render with the house: %s", folio_last_error(ctx));
    folio_output_free(&out);
    /* the default house knows neither: the render refuses the override */
    ro.station = "bonn";
    refused(ctx, NULL, NULL, folio_render(ctx, r, NULL, &ro, &out), "bonn with the default house",
            "unknown duty station");
done:
    folio_resources_free(res);
    folio_report_free(r);
    folio_house_free(h);
}

/* ---- rendering ---------------------------------------------------------- */

static int write_file(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    int ok = fwrite(data, 1, len, f) == len;
    return fclose(f) == 0 && ok ? 0 : -1;
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    *len = 0;
    if (!f)
        return NULL;
    if (fseek(f, 0, SEEK_END) == 0) {
        long n = ftell(f);
        rewind(f);
        if (n >= 0 && (buf = malloc((size_t)n + 1)) && fread(buf, 1, (size_t)n, f) == (size_t)n)
            *len = (size_t)n;
    }
    fclose(f);
    return buf;
}

/* Only the outputs, nothing temporary, in dir. */
static int files_in(const char *dir)
{
    int n = 0;
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    for (struct dirent *e; (e = readdir(d));)
        if (e->d_name[0] != '.' || (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")))
            n++;
    closedir(d);
    return n;
}

static int trace_calls;
static int count_trace(const char *text, size_t len, void *arg)
{
    (void)arg;
    trace_calls += len > 9 && !strncmp(text, "document ", 9);
    return 0;
}

static void render(folio_ctx *ctx, const folio_report *r, const char *outdir)
{
    char pdf_path[4096], docx_path[4096], mem_path[4096];
    folio_resources *res = NULL;
    folio_resources_options rso = FOLIO_RESOURCES_OPTIONS_INIT;
    folio_render_options ro = FOLIO_RENDER_OPTIONS_INIT;
    folio_output mem, file, both;
    int rc;
    rso.fonts_dir = "fonts";
    snprintf(pdf_path, sizeof pdf_path, "%s/built.pdf", outdir);
    snprintf(docx_path, sizeof docx_path, "%s/built.docx", outdir);

    /* in memory, with resources loaded for the call */
    ro.to_memory = FOLIO_PDF | FOLIO_DOCX;
    ro.trace = count_trace;
    rc = folio_render(ctx, r, NULL, &ro, &mem);
    CHECK(rc == 0, "render to memory: %d %s", rc, folio_last_error(ctx));
    CHECK(trace_calls == 1, "the trace was called %d times", trace_calls);
    CHECK(mem.pdf && mem.pdf_len > 1000 && !memcmp(mem.pdf, "%PDF-", 5),
          "the PDF in memory does not start with %%PDF-");
    CHECK(mem.docx && mem.docx_len > 1000 && !memcmp(mem.docx, "PK\x03\x04", 4),
          "the DOCX in memory is not a zip");
    CHECK(mem.pages >= 2, "%zu pages", mem.pages);
    snprintf(mem_path, sizeof mem_path, "%s/memory.pdf", outdir);
    CHECK(write_file(mem_path, mem.pdf, mem.pdf_len) == 0, "write %s", mem_path);
    snprintf(mem_path, sizeof mem_path, "%s/memory.docx", outdir);
    CHECK(write_file(mem_path, mem.docx, mem.docx_len) == 0, "write %s", mem_path);

    /* to files, with shared resources: the same bytes */
    rc = folio_resources_load(ctx, &rso, &res);
    CHECK(rc == 0, "resources: %s", folio_last_error(ctx));
    folio_render_options_init(&ro, FOLIO_RENDER_OPTIONS_VERSION);
    ro.pdf_path = pdf_path;
    ro.docx_path = docx_path;
    rc = folio_render(ctx, r, res, &ro, &file);
    CHECK(rc == 0, "render to files: %d %s", rc, folio_last_error(ctx));
    CHECK(!file.pdf && !file.docx && file.pages == mem.pages, "a file render returned buffers");
    size_t len;
    char *bytes = read_all(pdf_path, &len);
    CHECK(bytes && len == mem.pdf_len && !memcmp(bytes, mem.pdf, len),
          "the PDF file differs from the PDF in memory");
    free(bytes);
    bytes = read_all(docx_path, &len);
    CHECK(bytes && len == mem.docx_len && !memcmp(bytes, mem.docx, len),
          "the DOCX file differs from the DOCX in memory");
    free(bytes);
    CHECK(files_in(outdir) == 4, "%d files in %s, not the 4 outputs", files_in(outdir), outdir);

    /* both at once, and overrides */
    ro.to_memory = FOLIO_PDF;
    ro.docx_path = NULL;
    ro.language = "fr";
    ro.symbol = "A/HRC/55/99/Corr.1";
    rc = folio_render(ctx, r, res, &ro, &both);
    CHECK(rc == 0 && both.pdf && !both.docx, "render to a file and memory: %s",
          folio_last_error(ctx));
    bytes = read_all(pdf_path, &len);
    CHECK(bytes && len == both.pdf_len && !memcmp(bytes, both.pdf, len),
          "file and memory of one render differ");
    CHECK(both.pdf_len != mem.pdf_len || memcmp(both.pdf, mem.pdf, mem.pdf_len),
          "the overrides changed nothing");
    free(bytes);
    folio_output_free(&both);
    CHECK(both.pdf == NULL && both.pdf_len == 0, "folio_output_free leaves buffers");

    /* a failing render leaves the files as they were and nothing else */
    ro.language = NULL;
    ro.symbol = NULL;
    ro.max_notes = 1; /* the report has two */
    ro.docx_path = docx_path;
    rc = folio_render(ctx, r, res, &ro, &both);
    CHECK(rc == FOLIO_E_LIMIT, "max_notes 1: %d", rc);
    CHECK(both.pdf == NULL, "a failed render returned a buffer");
    CHECK(files_in(outdir) == 4, "a failed render left %d files", files_in(outdir));
    bytes = read_all(docx_path, &len);
    CHECK(bytes && len == mem.docx_len && !memcmp(bytes, mem.docx, len),
          "a failed render touched the DOCX");
    free(bytes);

    /* the house style as a Word template, in memory and to a file */
    char dotx[4096];
    snprintf(dotx, sizeof dotx, "%s/house.dotx", outdir);
    folio_render_options_init(&ro, FOLIO_RENDER_OPTIONS_VERSION);
    ro.to_memory = FOLIO_DOCX;
    ro.docx_path = dotx;
    ro.station = "geneva";
    rc = folio_render_template(ctx, res, &ro, &both);
    CHECK(rc == 0 && both.docx && both.docx_len > 1000 && !memcmp(both.docx, "PK", 2),
          "the template: %d %s", rc, folio_last_error(ctx));
    bytes = read_all(dotx, &len);
    CHECK(bytes && len == both.docx_len && !memcmp(bytes, both.docx, len),
          "the template's file differs from its bytes in memory");
    free(bytes);
    folio_output_free(&both);
    ro.to_memory = 0;
    ro.docx_path = NULL;
    refused(ctx, NULL, NULL, folio_render_template(ctx, res, &ro, &both), "template of nothing",
            "no docx_path");
    remove(dotx);

    /* write the PDF of the first render back for run_api.sh */
    write_file(pdf_path, mem.pdf, mem.pdf_len);
    folio_output_free(&mem);
    folio_resources_free(res);
}

/* The built report through report XML: the XML reader (which validates
 * against the schema) takes it, and renders it to the same bytes. */
static void round_trip(folio_ctx *ctx, const folio_report *r)
{
    char *xml = NULL;
    size_t len = 0;
    folio_report *back = NULL;
    folio_render_options ro = FOLIO_RENDER_OPTIONS_INIT;
    folio_output a, b;
    ro.to_memory = FOLIO_PDF | FOLIO_DOCX;
    int rc = folio_report_xml(ctx, r, &xml, &len);
    CHECK(rc == 0, "report XML: %s", folio_last_error(ctx));
    if (rc)
        return;
    rc = folio_read_xml(ctx, xml, len, "built.xml", NULL, NULL, &back);
    CHECK(rc == 0, "the XML of a built report does not read back: %s", folio_last_error(ctx));
    if (!rc && !folio_render(ctx, r, NULL, &ro, &a)) {
        if (!folio_render(ctx, back, NULL, &ro, &b)) {
            CHECK(a.pdf_len == b.pdf_len && !memcmp(a.pdf, b.pdf, a.pdf_len),
                  "the PDF of the XML round trip differs");
            CHECK(a.docx_len == b.docx_len && !memcmp(a.docx, b.docx, a.docx_len),
                  "the DOCX of the XML round trip differs");
            folio_output_free(&b);
        }
        folio_output_free(&a);
    }
    free(xml);
    folio_report_free(back);
}

/* ---- parts and roles ---------------------------------------------------- */

static int keep_trace(const char *text, size_t len, void *arg)
{
    char **out = arg;
    free(*out);
    *out = malloc(len + 1);
    if (!*out)
        return -1;
    memcpy(*out, text, len);
    (*out)[len] = '\0';
    return 0;
}

/* The text drawn just before `word` on the same baseline of the trace
 * (a paragraph's number before its first word), or "" when none. */
static const char *label_before(const char *trace, const char *word, char *buf, size_t size)
{
    char want[128], prev[256] = "", line[256];
    double prev_y = -1, x, y;
    snprintf(want, sizeof want, "\"%s\"", word);
    buf[0] = '\0';
    for (const char *p = trace; *p;) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        snprintf(line, sizeof line, "%.*s", (int)(n < sizeof line ? n : sizeof line - 1), p);
        if (sscanf(line, " text %lf %lf", &x, &y) == 2) {
            if (strstr(line, want)) {
                const char *q = strchr(prev, '"');
                if (q && y == prev_y)
                    snprintf(buf, size, "%.*s", (int)strcspn(q + 1, "\""), q + 1);
                return buf;
            }
            snprintf(prev, sizeof prev, "%s", line);
            prev_y = y;
        }
        p += n + (e != NULL);
    }
    return buf;
}

static int add_para(folio_ctx *ctx, folio_report *r, int numbered, folio_role role,
                    const char *text)
{
    folio_node *n;
    int rc;
    if ((rc = folio_report_add_paragraph(ctx, r, numbered, NULL, &n)) ||
        (rc = folio_node_add_text(ctx, n, text, 0)))
        return rc;
    return role == FOLIO_ROLE_TEXT ? 0 : folio_node_set_role(ctx, n, role);
}

/* A report built with parts: the contents, a resolution inside the
 * report, a list inside a paragraph, a memo line. The resolution's
 * operative paragraphs number from 1, the report's go on after it. */
static void parts(folio_ctx *ctx)
{
    folio_report *r = NULL;
    folio_node *n;
    char *trace = NULL, buf[64];
    int rc;
    if ((rc = folio_report_new(ctx, "parts", &r)) ||
        (rc = folio_report_set(ctx, r, FOLIO_FIELD_SYMBOL, "E/2025/99")) ||
        (rc = folio_report_set(ctx, r, FOLIO_FIELD_TITLE, "Report built with parts")) ||
        (rc = folio_report_open_part(ctx, r, FOLIO_PART_CONTENTS, "Page", NULL)) ||
        (rc = folio_report_add_entry(ctx, r, 1, "I.", "3", &n)) ||
        (rc = folio_node_add_text(ctx, n, "Matters calling for action", 0)) ||
        (rc = folio_report_close_part(ctx, r)) ||
        (rc = folio_report_add_heading(ctx, r, 1, 1, NULL, &n)) ||
        (rc = folio_node_add_text(ctx, n, "Matters calling for action", 0)) ||
        (rc = add_para(ctx, r, 1, FOLIO_ROLE_TEXT, "Aardvark opens the report.")) ||
        (rc = add_para(ctx, r, 1, FOLIO_ROLE_TEXT, "Badger adopted the agenda:")) ||
        (rc = folio_report_open_part(ctx, r, FOLIO_PART_LIST, NULL, NULL)) ||
        (rc = folio_report_add_item(ctx, r, 1, "1.", &n)) ||
        (rc = folio_node_add_text(ctx, n, "Capybara opening of the session.", 0)) ||
        (rc = folio_report_add_item(ctx, r, 1, "2.", &n)) ||
        (rc = folio_node_add_text(ctx, n, "Dormouse adoption of the agenda.", 0)) ||
        (rc = folio_report_close_part(ctx, r)) ||
        (rc = folio_report_open_part(ctx, r, FOLIO_PART_RESOLUTION, "Draft resolution",
                                     &n)) ||
        (rc = add_para(ctx, r, 0, FOLIO_ROLE_FORMULA, "The Economic and Social Council,")) ||
        (rc = add_para(ctx, r, 0, FOLIO_ROLE_PREAMBLE, "Recalling elephant resolutions,")) ||
        (rc = add_para(ctx, r, 1, FOLIO_ROLE_OPERATIVE, "Ferret decides to act;")) ||
        (rc = add_para(ctx, r, 1, FOLIO_ROLE_OPERATIVE, "Gecko requests a report.")) ||
        (rc = folio_report_close_part(ctx, r)) ||
        (rc = add_para(ctx, r, 1, FOLIO_ROLE_TEXT, "Hedgehog resumes the report.")) ||
        (rc = folio_report_add_memo_line(ctx, r, "Subject:", &n)) ||
        (rc = folio_node_add_text(ctx, n, "Ibex matters", 0))) {
        CHECK(0, "building with parts: %d %s", rc, folio_last_error(ctx));
        goto done;
    }
    folio_render_options ro = FOLIO_RENDER_OPTIONS_INIT;
    folio_output out;
    ro.to_memory = FOLIO_PDF;
    ro.trace = keep_trace;
    ro.trace_arg = &trace;
    rc = folio_render(ctx, r, NULL, &ro, &out);
    CHECK(rc == 0 && trace, "render with parts: %d %s", rc, folio_last_error(ctx));
    if (rc || !trace)
        goto done;
    folio_output_free(&out);
    static const struct {
        const char *word, *label;
    } want[] = {{"Aardvark", "1."}, {"Badger", "2."}, {"Capybara", "1."},
                {"Dormouse", "2."}, {"Ferret", "1."},  {"Gecko", "2."},
                {"Hedgehog", "3."}};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        CHECK(!strcmp(label_before(trace, want[i].word, buf, sizeof buf), want[i].label),
              "parts: \"%s\" is numbered \"%s\", not \"%s\"", want[i].word, buf, want[i].label);
    CHECK(strstr(trace, "\"Subject:\"") != NULL, "parts: the memo line's word is not drawn");
    round_trip(ctx, r);

    /* what does not fit is refused, and the report stays as it was */
    char *before = NULL;
    size_t len;
    folio_node *p = NULL;
    if (folio_report_add_paragraph(ctx, r, 1, NULL, &p) || folio_report_dump(r, &before, &len)) {
        CHECK(0, "cannot set up the part refusals: %s", folio_last_error(ctx));
        goto done;
    }
#define REFUSED(call, part) refused(ctx, r, before, (call), #call, part)
    REFUSED(folio_report_close_part(ctx, r), "no part is open");
    REFUSED(folio_report_open_part(ctx, r, FOLIO_PART_NONE, NULL, NULL), "not a folio_part_kind");
    REFUSED(folio_report_open_part(ctx, r, (folio_part_kind)42, NULL, NULL),
            "not a folio_part_kind");
    REFUSED(folio_report_open_part(ctx, r, FOLIO_PART_LIST, "", NULL), "an empty label");
    REFUSED(folio_node_set_role(ctx, p, FOLIO_ROLE_OPERATIVE), "only inside a resolution");
    REFUSED(folio_node_set_role(ctx, p, FOLIO_ROLE_ENTRY), "folio_report_add_entry");
    REFUSED(folio_node_set_role(ctx, p, (folio_role)99), "not a folio_role");
    REFUSED(folio_node_set_role(ctx, NULL, FOLIO_ROLE_TITLE), "no node (NULL)");
    REFUSED(folio_report_add_entry(ctx, r, 1, "I.", "3", NULL), "inside a contents part");
    REFUSED(folio_report_add_memo_line(ctx, r, "To", NULL), "does not end in a colon");
#undef REFUSED
    free(before);
    if (folio_report_open_part(ctx, r, FOLIO_PART_RESOLUTION, NULL, NULL) == 0) {
        CHECK(folio_report_open_part(ctx, r, FOLIO_PART_SUMMARY, NULL, NULL) == FOLIO_E_USAGE,
              "a summary inside a resolution was taken");
        CHECK(folio_report_add_paragraph(ctx, r, 0, NULL, &p) == 0 &&
                  folio_node_set_role(ctx, p, FOLIO_ROLE_OPERATIVE) == FOLIO_E_USAGE,
              "an unnumbered operative paragraph was taken");
        int depth = 1;
        while (folio_report_open_part(ctx, r, FOLIO_PART_ANNEX, NULL, NULL) == 0)
            depth++;
        CHECK(depth == 64, "parts nested %d deep, not 64", depth);
    }
done:
    free(trace);
    folio_report_free(r);
}

int main(int argc, char **argv)
{
    folio_ctx *ctx = NULL;
    folio_report *r = NULL;
    int major = -1, minor = -1, patch = -1;
    if (argc != 2) {
        fprintf(stderr, "usage: api_test OUTDIR\n");
        return 2;
    }
    if (folio_init() || folio_ctx_new("api", &ctx)) {
        puts("api: 0 passed, 1 failed");
        return 1;
    }
    const char *v = folio_version(&major, &minor, &patch);
    char want[32];
    snprintf(want, sizeof want, "%d.%d.%d", major, minor, patch);
    CHECK(!strcmp(v, FOLIO_VERSION) && !strcmp(v, want) && major == FOLIO_VERSION_MAJOR &&
              minor == FOLIO_VERSION_MINOR && patch == FOLIO_VERSION_PATCH,
          "version %s (%d.%d.%d)", v, major, minor, patch);
    CHECK(!strcmp(folio_strerror(FOLIO_E_NOMEM), "out of memory"), "folio_strerror");

    int rc = build(ctx, &r);
    CHECK(rc == 0, "build: %d %s", rc, folio_last_error(ctx));
    if (r) {
        CHECK(!strcmp(folio_report_get(r, FOLIO_FIELD_SYMBOL), "A/HRC/55/99"), "symbol");
        CHECK(!strcmp(folio_report_get(r, FOLIO_FIELD_DISTRIBUTION), "limited"), "distribution");
        CHECK(!strcmp(folio_report_get(r, FOLIO_FIELD_DATE), "2024-02-29"), "leap day");
        CHECK(folio_report_get(r, (folio_field)77) == NULL, "an unknown field");
        CHECK(folio_report_get(r, FOLIO_FIELD_JOINT_SYMBOL) == NULL, "no joint symbol");
        size_t before = folio_ctx_count(ctx);
        render(ctx, r, argv[1]);
        round_trip(ctx, r);
        bad_options(ctx, r);
        own_house(ctx);
        /* every diagnostic can be read, in order */
        const folio_diag *d;
        size_t n = 0;
        for (; (d = folio_ctx_diag(ctx, n)); n++)
            if (!d->message)
                break;
        CHECK(n == folio_ctx_count(ctx) && n > before, "diagnostics: %zu of %zu", n,
              folio_ctx_count(ctx));
        CHECK(folio_ctx_diag(ctx, n) == NULL, "a diagnostic past the end");
        CHECK(folio_ctx_errors(ctx) > 0, "no errors counted");
    }
    refusals(ctx);
    parts(ctx);
    folio_report_free(r);
    folio_ctx_free(ctx);
    folio_shutdown();
    printf("api: %d passed, %d failed\n", pass, fail);
    return fail ? 1 : 0;
}
