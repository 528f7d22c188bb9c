/* folio_read_markdown: Markdown in the UN house dialect → report model.
 *
 * Steps: check the bytes (size, NUL, UTF-8), read the front matter and
 * blank its lines (so that line numbers stay those of the file), parse with
 * cmark-gfm (tables, footnotes), read the footnote definitions into notes,
 * walk the body into raw blocks, take the masthead, and run the dialect
 * pass. cmark-gfm drops footnote definitions nobody references; to keep
 * their text (and warn about them) the reader appends one line of
 * references to every definition it sees, which it then reads without
 * counting. */
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include "model/limits.h"
#include "read/entry.h"
#include "read/md_internal.h"
#include "util/ctx.h"
#include "util/mem.h"
#include "util/version.h"

#define DEFAULT_MAX_BYTES ((size_t)64 << 20)
#define DEFAULT_MAX_DEPTH 64

/* cmark-gfm allocates through folio's hook (util/mem.h) but has no path
 * for a failed allocation (its own allocator aborts): it is given the
 * memory anyway; the hook counts the failure it injected, and
 * folio_read_markdown fails with FOLIO_E_NOMEM once cmark-gfm is done. */
static void *cmark_calloc(size_t n, size_t size)
{
    folio_mem_should_fail();
    return calloc(n, size);
}

static void *cmark_realloc(void *p, size_t size)
{
    folio_mem_should_fail();
    return realloc(p, size);
}

static cmark_mem cmark_allocator = {cmark_calloc, cmark_realloc, free};

/* NUL bytes and invalid UTF-8 are errors, with the position of the byte. */
static int check_bytes(folio_ctx *ctx, const char *data, size_t len)
{
    int line = 1, col = 1;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)data[i];
        if (c == 0)
            return folio_error(ctx, FOLIO_E_INPUT, (folio_pos){line, col}, "NUL byte in the input");
        if (c == '\n' || (c == '\r' && !(i + 1 < len && data[i + 1] == '\n'))) {
            line++;
            col = 1;
            i++;
            continue;
        }
        if (c < 0x80) {
            i++;
            col++;
            continue;
        }
        uint32_t cp;
        size_t n = folio_utf8_decode((const unsigned char *)data + i, len - i, &cp);
        if (n == 0)
            return folio_error(ctx, FOLIO_E_INPUT, (folio_pos){line, col},
                               "invalid UTF-8 (byte 0x%02X)", c);
        i += n;
        col += (int)n;
    }
    return 0;
}

/* Inputs that would make cmark-gfm build far more nodes than bytes: a
 * table whose rows times columns is huge (cmark pads short rows), or text
 * made mostly of markup characters ("[[[[", "*a*a*a"). */
static int blank_line(const char *s, size_t start, size_t end)
{
    for (size_t k = start; k < end; k++)
        if (s[k] != ' ' && s[k] != '\t' && s[k] != '>')
            return 0;
    return 1;
}

/* The end of the line starting at i, and where the next one starts. */
static size_t line_end(const char *s, size_t len, size_t i, size_t *next)
{
    while (i < len && s[i] != '\n' && s[i] != '\r')
        i++;
    size_t end = i;
    if (i < len && s[i] == '\r' && i + 1 < len && s[i + 1] == '\n')
        i++;
    *next = i < len ? i + 1 : i;
    return end;
}

/* cmark-gfm walks back over every open image ("![" never closed) each
 * time it closes a link ("](" ...), so a paragraph of both costs their
 * product: 200,000 "![[]()" take minutes. Bounded per paragraph (the text
 * between blank lines), before parsing. */
#define MAX_IMAGE_LINK_WORK ((size_t)25 << 20)

static int markup_guard(folio_ctx *ctx, const char *s, size_t len)
{
    size_t markup = 0, images = 0, links = 0;
    int line = 1, blank_at = 0; /* the next blank line (0: not known) */
    int para_line = 1;
    for (size_t i = 0; i < len; line++) {
        size_t start = i;
        size_t end = line_end(s, len, i, &i);
        if (blank_line(s, start, end)) {
            images = links = 0;
            para_line = line + 1;
        }
        for (size_t k = start; k + 1 < end; k++) {
            images += s[k] == '!' && s[k + 1] == '[';
            links += s[k] == ']' && (s[k + 1] == '(' || s[k + 1] == '[');
        }
        if (images && links > MAX_IMAGE_LINK_WORK / images)
            return folio_error(ctx, FOLIO_E_LIMIT, (folio_pos){para_line, 1},
                               "a paragraph of %zu image openings (\"![\") and %zu link ends "
                               "(\"](\") by line %d: more than the parser can take (at most "
                               "%zu of their product)", images, links, line,
                               MAX_IMAGE_LINK_WORK);
        /* a table's delimiter row: cells of -, : between pipes */
        size_t cols = 0, k = start;
        int pipe = 0, other = 0, in_cell = 0;
        while (k < end && (s[k] == ' ' || s[k] == '\t' || s[k] == '>'))
            k++;
        for (; k < end && !other; k++) {
            char c = s[k];
            if (c == '|') {
                pipe = 1;
                in_cell = 0;
            } else if (c == '-') {
                cols += !in_cell;
                in_cell = 1;
            } else if (c != ':' && c != ' ' && c != '\t') {
                other = 1;
            }
        }
        if (pipe && cols && !other) {
            /* its rows run to the next blank line at most; one scan serves
             * every delimiter row before that line */
            if (blank_at <= line) {
                size_t j = i, next;
                blank_at = line + 1;
                while (j < len) {
                    size_t e = line_end(s, len, j, &next);
                    if (blank_line(s, j, e))
                        break;
                    blank_at++;
                    j = next;
                }
            }
            size_t rows = (size_t)(blank_at - line);
            if (rows > FOLIO_MD_MAX_TABLE_CELLS / cols)
                return folio_error(ctx, FOLIO_E_LIMIT, (folio_pos){line, 1},
                                   "table of %zu columns and %zu rows: more than %d cells",
                                   cols, rows, FOLIO_MD_MAX_TABLE_CELLS);
        }
        for (k = start; k < end; k++)
            markup += s[k] && strchr("[]*_`!<>\\&|~^", s[k]) != NULL;
    }
    if (markup > FOLIO_MD_MAX_MARKUP + len / 16)
        return folio_error(ctx, FOLIO_E_LIMIT, (folio_pos){0, 0},
                           "too much markup: %zu markup characters in %zu bytes (at most %zu)",
                           markup, len, FOLIO_MD_MAX_MARKUP + len / 16);
    return 0;
}

/* Byte offsets of line starts; "\n", "\r\n" and "\r" end lines, as in
 * CommonMark. */
static int line_table(folio_md *md)
{
    size_t count = 1;
    for (size_t i = 0; i < md->srclen; i++)
        if (md->src[i] == '\n' || (md->src[i] == '\r' && !(i + 1 < md->srclen && md->src[i + 1] == '\n')))
            count++;
    md->line_off = folio_malloc(count * sizeof *md->line_off);
    if (!md->line_off)
        return FOLIO_E_NOMEM;
    size_t k = 0;
    md->line_off[k++] = 0;
    for (size_t i = 0; i < md->srclen; i++)
        if (md->src[i] == '\n' || (md->src[i] == '\r' && !(i + 1 < md->srclen && md->src[i + 1] == '\n')))
            md->line_off[k++] = i + 1;
    md->nlines = k;
    return 0;
}

/* Labels of footnote definitions ("[^x]:" at the start of a line, maybe in
 * a block quote), written as references after the text. */
static int footnote_refs(const char *s, size_t len, char **out, size_t *outlen)
{
    size_t cap = 64, o = 0;
    char *buf = folio_malloc(cap);
    if (!buf)
        return FOLIO_E_NOMEM;
    for (size_t i = 0; i < len;) {
        size_t k = i;
        while (k < len && (s[k] == ' ' || s[k] == '>'))
            k++;
        if (k + 2 < len && s[k] == '[' && s[k + 1] == '^') {
            size_t st = k + 2, e = st;
            while (e < len && e - st < 200 && s[e] != ']' && s[e] != '\n' && s[e] != '\r' &&
                   s[e] != ' ' && s[e] != '\t' && s[e] != '[')
                e++;
            if (e > st && e + 1 < len && s[e] == ']' && s[e + 1] == ':') {
                size_t need = o + (e - st) + 5;
                if (need > cap) {
                    while (cap < need)
                        cap *= 2;
                    char *nb = folio_realloc(buf, cap);
                    if (!nb) {
                        free(buf);
                        return FOLIO_E_NOMEM;
                    }
                    buf = nb;
                }
                memcpy(buf + o, "[^", 2);
                memcpy(buf + o + 2, s + st, e - st);
                memcpy(buf + o + 2 + (e - st), "] ", 2);
                o += e - st + 4;
            }
        }
        while (i < len && s[i] != '\n' && s[i] != '\r')
            i++;
        while (i < len && (s[i] == '\n' || s[i] == '\r'))
            i++;
    }
    *out = buf;
    *outlen = o;
    return 0;
}

/* The label of a footnote definition whose text starts at line:col. */
static const char *note_label(folio_md *md, int line, int col, folio_pos *pos)
{
    for (int l = line; l >= 1 && l >= line - 1; l--) {
        size_t n;
        const char *s = folio_md_source_at(md, l, 1, &n);
        if (!s)
            continue;
        size_t end = l == line && (size_t)col - 1 < n ? (size_t)col - 1 : n;
        for (size_t i = end; i-- > 0;) {
            if (i + 1 < end && s[i] == '[' && s[i + 1] == '^') {
                const char *close = memchr(s + i + 2, ']', end - i - 2);
                if (!close)
                    break;
                *pos = (folio_pos){l, (int)i + 1};
                return folio_strndup(md->rep->arena, s + i + 2, (size_t)(close - (s + i + 2)));
            }
        }
    }
    return NULL;
}

static int by_position(const void *a, const void *b)
{
    const folio_note *x = *(folio_note *const *)a, *y = *(folio_note *const *)b;
    if (x->pos.line != y->pos.line)
        return x->pos.line < y->pos.line ? -1 : 1;
    return (x->pos.col > y->pos.col) - (x->pos.col < y->pos.col);
}

/* The dialect writes a note that the official prints with asterisks as
 * [^s1] ("*"), [^s2] ("**"), or with its asterisks as its label: the
 * note's fixed mark, NULL for a numbered note. */
static const char *star_mark(folio_arena *a, const char *id)
{
    size_t n = strspn(id, "*");
    if (n && !id[n])
        return id;
    if (id[0] != 's' || !id[1] || strspn(id + 1, "0123456789") != strlen(id + 1))
        return NULL;
    long k = strtol(id + 1, NULL, 10);
    if (k < 1 || k > 8)
        return NULL;
    return folio_strndup(a, "********", (size_t)k);
}

/* Notes for the footnote definitions (cmark puts them last, in the order
 * of their first reference, which is also their index). */
static int make_notes(folio_md *md, cmark_node *doc)
{
    folio_report *rep = md->rep;
    size_t count = 0;
    for (cmark_node *n = cmark_node_first_child(doc); n; n = cmark_node_next(n))
        count += cmark_node_get_type(n) == CMARK_NODE_FOOTNOTE_DEFINITION;
    size_t extra = (rep->meta.agenda_note != NULL) + (rep->meta.title_note != NULL);
    md->by_ix = folio_calloc(count ? count : 1, sizeof *md->by_ix);
    rep->notes = folio_alloc(rep->arena, (count + extra + 1) * sizeof *rep->notes);
    if (!md->by_ix || !rep->notes)
        return FOLIO_E_NOMEM;
    if (rep->meta.agenda_note)
        rep->notes[rep->nnotes++] = rep->meta.agenda_note;
    if (rep->meta.title_note)
        rep->notes[rep->nnotes++] = rep->meta.title_note;
    for (cmark_node *n = cmark_node_first_child(doc); n; n = cmark_node_next(n)) {
        if (cmark_node_get_type(n) != CMARK_NODE_FOOTNOTE_DEFINITION)
            continue;
        folio_note *note = folio_alloc(rep->arena, sizeof *note);
        if (!note)
            return FOLIO_E_NOMEM;
        int line = cmark_node_get_start_line(n), col = cmark_node_get_start_column(n);
        note->pos = (folio_pos){line, col};
        note->id = note_label(md, line, col, &note->pos);
        if (!note->id && !(note->id = folio_sprintf(rep->arena, "%zu", md->nix + 1)))
            return FOLIO_E_NOMEM;
        note->mark = star_mark(rep->arena, note->id);
        md->by_ix[md->nix++] = note;
        rep->notes[rep->nnotes++] = note;
    }
    return 0;
}

/* The blocks of each footnote definition. */
static int read_notes(folio_md *md, cmark_node *doc)
{
    size_t k = 0;
    for (cmark_node *n = cmark_node_first_child(doc); n; n = cmark_node_next(n)) {
        if (cmark_node_get_type(n) != CMARK_NODE_FOOTNOTE_DEFINITION)
            continue;
        folio_note *note = md->by_ix[k++];
        folio_md_raws raws = {0};
        md->last_pos = note->pos;
        int rc = folio_md_walk_blocks(md, n, &raws);
        if (!rc)
            rc = folio_md_dialect(md, raws.v, raws.n, 1, 0, &note->blocks, &note->nblocks,
                                      NULL);
        if (rc)
            return rc;
    }
    for (size_t i = 0; i < md->nix; i++) {
        if (!md->by_ix[i]->referenced)
            folio_warn(md->ctx, md->by_ix[i]->pos, "footnote [^%s] is never referenced",
                       md->by_ix[i]->id);
        /* cited only where it cannot print (a masthead line, warned there):
         * no marker of the model points to it */
        if (md->by_ix[i]->referenced == 2)
            md->by_ix[i]->referenced = 0;
    }
    qsort(md->rep->notes, md->rep->nnotes, sizeof *md->rep->notes, by_position);
    return 0;
}

/* Does the front matter (the first `len` bytes) set `key`? */
static int front_has_key(const char *fm, size_t len, const char *key)
{
    size_t k = strlen(key);
    for (size_t i = 0; i + k < len; i++)
        if ((i == 0 || fm[i - 1] == '\n') && !strncmp(fm + i, key, k) && fm[i + k] == ':')
            return 1;
    return 0;
}

/* Front matter values over those found in the text. */
static void overlay_meta(folio_meta *m, const folio_meta *fm, int distribution)
{
#define TAKE(f) if (fm->f) m->f = fm->f
    TAKE(symbol); TAKE(date); TAKE(language); TAKE(original_language);
    TAKE(organ); TAKE(body); TAKE(session); TAKE(venue_dates); TAKE(agenda_item);
    TAKE(agenda_title); TAKE(agenda_note); TAKE(title); TAKE(title_note);
    TAKE(subtitle); TAKE(job_number); TAKE(station);
#undef TAKE
    if (distribution)
        m->distribution = fm->distribution;
    if (!m->pos.line)
        m->pos = fm->pos;
}

static int read_markdown(folio_ctx *ctx, const char *data, size_t len, const char *name,
                         const folio_read_options *opt, const folio_house *house,
                         folio_report **out)
{
    size_t max_bytes = opt && opt->max_bytes ? opt->max_bytes : DEFAULT_MAX_BYTES;
    int max_depth = opt && opt->max_depth > 0 ? opt->max_depth : DEFAULT_MAX_DEPTH;
    folio_limits lim = folio_limits_of(opt);
    folio_md md = {0};
    char *text = NULL, *refs = NULL;
    cmark_parser *parser = NULL;
    cmark_node *doc = NULL;
    folio_md_raws raws = {0};
    int rc = 0;
    *out = NULL;
    if (opt && (rc = folio_check_version(ctx, opt->version, FOLIO_READ_OPTIONS_VERSION,
                                         "folio_read_options")))
        return rc;
    if ((rc = folio_ctx_name(ctx, name)))
        return rc;
    if (len > max_bytes)
        return folio_error(ctx, FOLIO_E_LIMIT, (folio_pos){0, 0},
                           "input is %zu bytes, more than the limit of %zu bytes", len,
                           max_bytes);
    if (!data && len)
        return folio_error(ctx, FOLIO_E_USAGE, (folio_pos){0, 0}, "no input data");
    if ((rc = check_bytes(ctx, data, len)) || (rc = markup_guard(ctx, data, len)))
        return rc;
    /* An empty file is almost always the wrong file: a document of a bare
     * masthead issued in its place would be worse than stopping. */
    size_t lead = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (lead < len && (data[lead] == ' ' || data[lead] == '\t' || data[lead] == '\n' ||
                          data[lead] == '\r'))
        lead++;
    if (lead == len)
        return folio_error(ctx, FOLIO_E_INPUT, (folio_pos){0, 0},
                           "the report is empty: there is nothing to typeset");
    md.ctx = ctx;
    if ((rc = folio_house_or_default(ctx, house, &md.house)))
        return rc;
    md.max_depth = max_depth;
    if ((rc = folio_report_new(ctx, name, &md.rep)))
        return rc;

    /* front matter: blanked to spaces, so lines and columns stay put */
    size_t bom = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    size_t fm_end = 0;
    if ((rc = folio_md_front_matter(ctx, md.house, md.rep, data + bom, len - bom, &fm_end)))
        goto done;
    md.front_matter = fm_end > 0;
    size_t nrefs = 0;
    if ((rc = footnote_refs(data, len, &refs, &nrefs)))
        goto done;
    text = folio_malloc(len + nrefs + 4);
    if (!text) {
        rc = FOLIO_E_NOMEM;
        goto done;
    }
    memcpy(text, data, len);
    for (size_t i = bom; i < bom + fm_end; i++)
        if (text[i] != '\n' && text[i] != '\r')
            text[i] = ' ';
    md.src = text;
    md.srclen = len;
    if ((rc = line_table(&md)))
        goto done;
    md.real_lines = md.nlines;
    size_t total = len;
    if (nrefs) {
        memcpy(text + total, "\n\n", 2);
        memcpy(text + total + 2, refs, nrefs);
        total += nrefs + 2;
    }

    cmark_gfm_core_extensions_ensure_registered();
    parser = cmark_parser_new_with_mem(CMARK_OPT_FOOTNOTES, &cmark_allocator);
    cmark_syntax_extension *tables = cmark_find_syntax_extension("table");
    if (!parser || !tables || !cmark_parser_attach_syntax_extension(parser, tables)) {
        rc = folio_error(ctx, FOLIO_E_NOMEM, (folio_pos){0, 0},
                         "cannot set up the Markdown parser");
        goto done;
    }
    cmark_parser_feed(parser, text, total);
    doc = cmark_parser_finish(parser);
    if (!doc) {
        rc = folio_error(ctx, FOLIO_E_NOMEM, (folio_pos){0, 0}, "out of memory");
        goto done;
    }

    if ((rc = make_notes(&md, doc)) || (rc = folio_md_walk_blocks(&md, doc, &raws)))
        goto done;
    size_t body_start = 0;
    int title_depth = 0;
    /* The masthead in the text is read in both cases; what the front
     * matter says wins, since it fills what the text lacks or corrects it
     * (the bundled example adds its symbol and job number that way). */
    folio_meta fm = md.rep->meta;
    memset(&md.rep->meta, 0, sizeof md.rep->meta);
    md.rep->meta.distribution = FOLIO_DISTR_GENERAL;
    if ((rc = folio_md_masthead(&md, raws.v, raws.n, &body_start, &title_depth)))
        goto done;
    if (md.front_matter)
        overlay_meta(&md.rep->meta, &fm, front_has_key(data + bom, fm_end, "distribution"));
    /* raws.v is NULL for an empty document: no offset on a null pointer */
    folio_md_raw *body = raws.v ? raws.v + body_start : NULL;
    folio_md_binfo *info = NULL;
    if ((rc = folio_md_dialect(&md, body, raws.n - body_start, 0, title_depth,
                               &md.rep->blocks, &md.rep->nblocks, &info)))
        goto done;
    rc = folio_md_structure(&md, &md.rep->blocks, &md.rep->nblocks, info);
    free(info);
    if (rc)
        goto done;
    rc = read_notes(&md, doc);
    if (!rc)
        rc = folio_report_check_limits(ctx, md.rep, &lim);

done:
    if (rc == FOLIO_E_NOMEM && !md.failed)
        folio_error(ctx, FOLIO_E_NOMEM, (folio_pos){0, 0}, "out of memory");
    if (doc)
        cmark_node_free(doc);
    if (parser)
        cmark_parser_free(parser);
    free(md.line_off);
    free(md.by_ix);
    free(refs);
    free(text);
    if (rc) {
        folio_report_free(md.rep);
        return rc;
    }
    *out = md.rep;
    return 0;
}

int folio_read_markdown(folio_ctx *ctx, const char *data, size_t len, const char *name,
                        const folio_read_options *opt, const folio_house *house,
                        folio_report **out)
{
    return folio_read_entry(read_markdown, ctx, data, len, name, opt, house, out);
}
