/* Allocation failures, as SQLite's test_malloc finds them: every input
 * is read (the input "@builder": built in code) and rendered once to count
 * its allocations (one input in two: the PDF to a file and the DOCX into
 * memory; the other: the PDF into memory with a trace, the DOCX to a file),
 * then again with allocation N made to fail, for N = 1, 2, ... up to that
 * count (strided past a budget of runs per input). Each failed run must
 * return an error (FOLIO_E_NOMEM, or another reported in the context),
 * leave no output and no temporary file, and leak nothing (under
 * LeakSanitizer, checked after each input). A run where the failure did
 * not happen must succeed as the counting run did.
 *
 *   nomem [--own] OUTDIR FILE...
 *   nomem [--own] --at N OUTDIR FILE   one run failing allocation N, to
 *       debug: gdb -ex 'break folio_mem_injected' --args build/tests/nomem ...
 *
 * --own: the first input loads the fonts inside its runs (the others share
 * resources loaded once), so that their loading fails too.
 *
 * $NOMEM_RUNS: failing runs per input (default 60); the first quarter
 * fails allocations 1, 2, 3 ..., the rest are spread over the whole count
 * at a stride, each at a fixed pseudo-random place within its stride, and
 * the last allocation is always failed. Prints one line per input and
 * "nomem: N passed, M failed". */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "folio.h"
#include "util/file.h"
#include "util/mem.h"

/* LeakSanitizer's check, when the program is built with it. */
int __lsan_do_recoverable_leak_check(void) __attribute__((weak));

static char outdir[4096], pdf_path[4200], docx_path[4200];
static folio_resources *shared;

typedef struct result {
    int rc;
    int said;          /* an error message was recorded */
    size_t pdf_len, docx_len;
} result;

static int is_xml(const char *path)
{
    size_t n = strlen(path);
    return n > 4 && !strcasecmp(path + n - 4, ".xml");
}

/* A report made with the builder (the input "@builder"): every kind of
 * block, run and note. */
static int build(folio_ctx *ctx, folio_report **out)
{
    folio_report *r = NULL;
    folio_node *n, *note, *t, *c;
    int rc;
    if ((rc = folio_report_new(ctx, "@builder", &r)) ||
        (rc = folio_report_set(ctx, r, FOLIO_FIELD_SYMBOL, "A/HRC/55/99")) ||
        (rc = folio_report_set(ctx, r, FOLIO_FIELD_DATE, "2024-02-29")) ||
        (rc = folio_report_set(ctx, r, FOLIO_FIELD_DISTRIBUTION, "limited")) ||
        (rc = folio_report_set(ctx, r, FOLIO_FIELD_BODY, "Human Rights Council\nWorking Group")) ||
        (rc = folio_report_set(ctx, r, FOLIO_FIELD_TITLE, "Report built in code")) ||
        (rc = folio_report_add_note(ctx, r, "t", &note)) ||
        (rc = folio_note_add_paragraph(ctx, note, &n)) ||
        (rc = folio_node_add_text(ctx, n, "Circulated as received.", 0)) ||
        (rc = folio_report_set_note(ctx, r, FOLIO_FIELD_TITLE, note)) ||
        (rc = folio_report_add_heading(ctx, r, 1, 1, NULL, &n)) ||
        (rc = folio_node_add_text(ctx, n, "Introduction", 0)) ||
        (rc = folio_report_add_note(ctx, r, "1", &note)) ||
        (rc = folio_note_add_paragraph(ctx, note, &n)) ||
        (rc = folio_node_add_text(ctx, n, "A footnote.", 0)))
        goto done;
    for (int i = 0; i < 12; i++)
        if ((rc = folio_report_add_paragraph(ctx, r, 1, NULL, &n)) ||
            (rc = folio_node_add_text(ctx, n, "The Working Group met ", 0)) ||
            (rc = folio_node_add_text(ctx, n, "twice", FOLIO_STYLE_EMPH)) ||
            (rc = folio_node_add_link(ctx, n, " here", "https://www.ohchr.org/", 0)) ||
            (i == 3 && (rc = folio_node_add_note_ref(ctx, n, note))) ||
            (rc = folio_node_add_line_break(ctx, n)) ||
            (rc = folio_report_add_item(ctx, r, 1 + i % 2, NULL, &n)) ||
            (rc = folio_node_add_text(ctx, n, "An item;", FOLIO_STYLE_STRONG)))
            goto done;
    if ((rc = folio_report_add_table(ctx, r, 3, 2, 1, &t)) ||
        (rc = folio_table_set_align(ctx, t, 1, FOLIO_ALIGN_RIGHT)))
        goto done;
    for (size_t i = 0; i < 6; i++)
        if ((rc = folio_table_cell(ctx, t, i / 2, i % 2, &c)) ||
            (rc = folio_node_add_text(ctx, c, i % 2 ? "12" : "Ruritania", 0)))
            goto done;
    if ((rc = folio_report_add_page_break(ctx, r)) ||
        (rc = folio_report_add_annex(ctx, r, "fr", &n)) ||
        (rc = folio_report_add_heading(ctx, r, 0, 0, NULL, &n)) ||
        (rc = folio_node_add_text(ctx, n, "Annexed letter", 0)))
        goto done;
    *out = r;
    r = NULL;
done:
    folio_report_free(r);
    return rc;
}

static int trace_seen(const char *text, size_t len, void *arg)
{
    (void)text;
    *(size_t *)arg = len;
    return 0;
}

/* One run, as a caller of the library makes it. `own_resources`: load the
 * fonts inside the run too. `swap`: the PDF into memory with a trace, the
 * DOCX to a file (else the PDF to a file, the DOCX into memory). */
static result run(const char *name, const char *data, size_t len, int own_resources,
                  int swap)
{
    result r = {0, 0, 0, 0};
    folio_ctx *ctx = NULL;
    folio_report *rep = NULL;
    folio_render_options opt = FOLIO_RENDER_OPTIONS_INIT;
    folio_output out = {0};
    size_t traced = 0;
    if (swap) {
        opt.docx_path = docx_path;
        opt.to_memory = FOLIO_PDF;
        opt.trace = trace_seen;
        opt.trace_arg = &traced;
    } else {
        opt.pdf_path = pdf_path;
        opt.to_memory = FOLIO_DOCX;
    }
    if ((r.rc = folio_ctx_new(name, &ctx)))
        return r;
    if (!strcmp(name, "@builder"))
        r.rc = build(ctx, &rep);
    else if (is_xml(name))
        r.rc = folio_read_xml(ctx, data, len, name, NULL, folio_resources_house(shared), &rep);
    else if (strlen(name) > 5 && !strcasecmp(name + strlen(name) - 5, ".docx"))
        r.rc = folio_read_docx(ctx, data, len, name, NULL, folio_resources_house(shared), &rep);
    else
        r.rc = folio_read_markdown(ctx, data, len, name, NULL, folio_resources_house(shared),
                                   &rep);
    if (!r.rc)
        r.rc = folio_render(ctx, rep, own_resources ? NULL : shared, &opt, &out);
    r.said = folio_ctx_errors(ctx) > 0; /* its text may be what could not be had */
    r.pdf_len = out.pdf_len;
    r.docx_len = out.docx_len;
    folio_output_free(&out);
    folio_report_free(rep);
    folio_ctx_free(ctx);
    return r;
}

/* Files left in the output folder (outputs and temporaries alike); they
 * are removed. */
static int leftovers(void)
{
    int n = 0;
    DIR *d = opendir(outdir);
    if (!d)
        return -1;
    for (struct dirent *e; (e = readdir(d));) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        char p[8400];
        snprintf(p, sizeof p, "%s/%s", outdir, e->d_name);
        unlink(p);
        n++;
    }
    closedir(d);
    return n;
}

static unsigned long mix(unsigned long x)
{
    x ^= x >> 17;
    x *= 0xed5ad4bbUL;
    x ^= x >> 11;
    x *= 0xac4c1b51UL;
    x ^= x >> 15;
    return x;
}

int main(int argc, char **argv)
{
    long budget = getenv("NOMEM_RUNS") ? atol(getenv("NOMEM_RUNS")) : 60;
    long pass = 0, fail = 0, runs = 0;
    folio_ctx *ctx = NULL;
    folio_resources_options ro = FOLIO_RESOURCES_OPTIONS_INIT;
    long at = 0;
    int own_first = 0;
    if (argc > 1 && !strcmp(argv[1], "--own")) {
        own_first = 1;
        argc--;
        argv++;
    }
    if (argc > 3 && !strcmp(argv[1], "--at")) {
        at = atol(argv[2]);
        argc -= 2;
        argv += 2;
    }
    if (argc < 3 || budget < 4) {
        fprintf(stderr, "usage: nomem OUTDIR FILE... ($NOMEM_RUNS >= 4)\n");
        return 2;
    }
    snprintf(outdir, sizeof outdir, "%s", argv[1]);
    snprintf(pdf_path, sizeof pdf_path, "%s/out.pdf", outdir);
    snprintf(docx_path, sizeof docx_path, "%s/out.docx", outdir);
    ro.fonts_dir = "fonts";
    if (folio_init() || folio_ctx_new("fonts", &ctx) || folio_resources_load(ctx, &ro, &shared)) {
        fprintf(stderr, "nomem: cannot load the fonts: %s\n", folio_last_error(ctx));
        return 2;
    }
    folio_ctx_free(ctx);
    for (int i = 2; i < argc; i++) {
        const char *file = argv[i];
        char *data = NULL;
        size_t len = 0;
        int swap = strlen(file) % 2; /* half the inputs each way */
        if (strcmp(file, "@builder") && folio_read_file(NULL, file, 0, &data, &len)) {
            printf("FAILED %s: cannot read it\n", file);
            fail++;
            continue;
        }
        int own = own_first && i == 2;
        if (at) {
            run(file, data, len, own, swap); /* as the counting run: globals set up */
            leftovers();
            folio_mem_test_arm(at);
            result r = run(file, data, len, own, swap);
            folio_mem_test_disarm();
            printf("%s: allocation %ld %s: rc %d, %s, %d files left\n", file, at,
                   folio_mem_test_failed() ? "failed" : "never came", r.rc,
                   r.said ? "an error reported" : "no error reported", leftovers());
            free(data);
            continue;
        }
        folio_mem_test_arm(0);
        result ok = run(file, data, len, own, swap);
        long total = folio_mem_test_disarm();
        leftovers();
        long bad = 0, done = 0, first = budget / 4;
        /* $NOMEM_LIST: these allocations only, in this order (to find which
         * earlier run spoilt a later one) */
        const char *list = getenv("NOMEM_LIST");
        for (long k = 0; k < budget; k++) {
            long n;
            if (list) {
                if (!*list)
                    break;
                n = strtol(list, (char **)&list, 10);
                list += *list == ',';
            } else if (k < first)
                n = k + 1;
            else if (k == budget - 1)
                n = total;
            else {
                long stride = (total - first) / (budget - first - 1);
                if (stride < 1)
                    stride = 1;
                n = first + 1 + (k - first) * stride + (long)(mix((unsigned long)(k * 7919 + i)) % (unsigned long)stride);
            }
            if (n < 1 || n > total || (k > 0 && n <= first && k >= first))
                continue;
            if (getenv("NOMEM_VERBOSE"))
                fprintf(stderr, "nomem: %s: failing allocation %ld\n", file, n);
            folio_mem_test_arm(n);
            result r = run(file, data, len, own, swap);
            folio_mem_test_disarm();
            int failed = folio_mem_test_failed() > 0;
            int left = leftovers();
            done++;
            const char *why = NULL;
            if (failed && r.rc == 0)
                why = "succeeded although an allocation failed";
            else if (failed && r.rc != FOLIO_E_NOMEM && !r.said)
                why = "failed without a message";
            else if (!failed && (r.rc != ok.rc || r.pdf_len != ok.pdf_len ||
                                 r.docx_len != ok.docx_len))
                why = "differs from the counting run though nothing failed";
            else if (r.rc && left)
                why = "a failed run left files behind";
            if (why) {
                if (bad < 5)
                    printf("FAILED %s: allocation %ld of %ld: %s (rc %d)\n", file, n, total,
                           why, r.rc);
                bad++;
            }
        }
        runs += done;
        int leaks = __lsan_do_recoverable_leak_check ? __lsan_do_recoverable_leak_check() : 0;
        if (leaks)
            printf("FAILED %s: memory leaked (LeakSanitizer's report above)\n", file);
        printf("%s %s: %ld allocations, %ld failing runs%s\n", bad || leaks ? "bad" : "ok",
               file, total, done, ok.rc ? " (the input itself fails)" : "");
        if (bad || leaks)
            fail++;
        else
            pass++;
        free(data);
    }
    folio_resources_free(shared);
    folio_shutdown();
    printf("nomem: %ld runs\n", runs);
    printf("nomem: %ld passed, %ld failed\n", pass, fail);
    return fail ? 1 : 0;
}
