/* Front matter: `key: value` lines between two `---` lines at the very top
 * of a Markdown report, giving the masthead explicitly.
 *
 *   symbol, distribution (general/limited/restricted), date (yyyy-mm-dd, or
 *   a date as typed in a language of the house style), language,
 *   original-language, organ, body (repeat the key or separate lines with
 *   " / "), session, venue, agenda-item, agenda-title, agenda-note,
 *   title, subtitle, title-note, job-number, station.
 *
 * Unknown keys are warnings; bad values are errors (FOLIO_E_INPUT). */
#include <string.h>

#include "read/md_internal.h"

typedef struct fm {
    folio_ctx *ctx;
    const folio_house *house;
    folio_report *rep;
    int errors;
    unsigned seen; /* keys given, to warn about repeats */
    const char *agenda_note, *title_note;
    folio_pos agenda_note_pos, title_note_pos;
} fm;

enum key {
    K_SYMBOL, K_DISTRIBUTION, K_DATE, K_LANGUAGE, K_ORIGINAL, K_ORGAN, K_BODY, K_SESSION,
    K_VENUE, K_AGENDA_ITEM, K_AGENDA_TITLE, K_AGENDA_NOTE, K_TITLE, K_SUBTITLE,
    K_TITLE_NOTE, K_JOB_NUMBER, K_STATION, K_COUNT
};

static const char *const key_names[K_COUNT] = {
    "symbol", "distribution", "date", "language", "original-language", "organ", "body",
    "session", "venue", "agenda-item", "agenda-title", "agenda-note", "title", "subtitle",
    "title-note", "job-number", "station"};

/* One line of the input: [s, s+n) without its line ending. */
typedef struct line {
    const char *s;
    size_t n;
    size_t next; /* offset of the following line */
} fm_line;

static fm_line get_line(const char *data, size_t len, size_t at)
{
    fm_line l = {data + at, 0, len};
    size_t i = at;
    while (i < len && data[i] != '\n' && data[i] != '\r')
        i++;
    l.n = i - at;
    if (i < len)
        l.next = i + (data[i] == '\r' && i + 1 < len && data[i + 1] == '\n' ? 2 : 1);
    return l;
}

static int is_fence(fm_line l, const char *fence)
{
    size_t n = l.n;
    while (n && (l.s[n - 1] == ' ' || l.s[n - 1] == '\t'))
        n--;
    return n == 3 && memcmp(l.s, fence, 3) == 0;
}

static int key_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '_';
}

/* "key: value": the key's length, 0 when the line is not one. */
static size_t key_len(fm_line l)
{
    size_t k = 0;
    while (k < l.n && key_char(l.s[k]))
        k++;
    if (k == 0 || !((l.s[0] >= 'a' && l.s[0] <= 'z') || (l.s[0] >= 'A' && l.s[0] <= 'Z')))
        return 0;
    size_t c = k;
    while (c < l.n && (l.s[c] == ' ' || l.s[c] == '\t'))
        c++;
    return c < l.n && l.s[c] == ':' ? k : 0;
}

/* The known key nearest to a mistyped one (at most two edits, and at
 * most half its letters: "sybmol" -> "symbol", "daet" -> "date"),
 * or NULL. Case is ignored. */
static const char *closest_key(const char *k, size_t kl)
{
    const char *best = NULL;
    size_t best_d = 3, row[64];
    if (kl >= sizeof row / sizeof *row - 1)
        return NULL;
    for (int i = 0; i < K_COUNT; i++) {
        const char *name = key_names[i];
        size_t n = strlen(name);
        if (n >= sizeof row / sizeof *row - 1)
            continue;
        for (size_t b = 0; b <= n; b++)
            row[b] = b;
        for (size_t a = 1; a <= kl; a++) {
            size_t diag = row[0];
            row[0] = a;
            for (size_t b = 1; b <= n; b++) {
                size_t up = row[b];
                int same = (k[a - 1] | 0x20) == (name[b - 1] | 0x20);
                size_t v = diag + !same;
                if (up + 1 < v)
                    v = up + 1;
                if (row[b - 1] + 1 < v)
                    v = row[b - 1] + 1;
                row[b] = v;
                diag = up;
            }
        }
        if (row[n] < best_d && row[n] * 2 <= (kl < n ? kl : n)) {
            best_d = row[n];
            best = name;
        }
    }
    return best;
}

static int find_key(const char *s, size_t n)
{
    char buf[32];
    if (n >= sizeof buf)
        return -1;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        buf[i] = c == '_' ? '-' : (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    buf[n] = 0;
    for (int k = 0; k < K_COUNT; k++)
        if (strcmp(buf, key_names[k]) == 0)
            return k;
    return -1;
}

static int bad(fm *f, folio_pos pos, const char *what, const char *v, size_t n)
{
    f->errors++;
    return folio_error(f->ctx, FOLIO_E_INPUT, pos, "%s \"%.*s\"", what, (int)n, v);
}

static int set_string(fm *f, const char **field, const char *v, size_t n)
{
    char *s = folio_strndup(f->rep->arena, v, n);
    if (!s)
        return FOLIO_E_NOMEM;
    *field = s;
    return 0;
}

/* body: "Human Rights Council / Working Group ..." or one line per key. */
static int add_body(fm *f, const char *v, size_t n)
{
    folio_meta *m = &f->rep->meta;
    while (n) {
        size_t k = 0;
        while (k < n && !(k + 3 <= n && memcmp(v + k, " / ", 3) == 0))
            k++;
        size_t pl = k;
        const char *p = folio_md_trim(v, &pl);
        if (pl) {
            char *b = m->body ? folio_sprintf(f->rep->arena, "%s\n%.*s", m->body, (int)pl, p)
                              : folio_strndup(f->rep->arena, p, pl);
            if (!b)
                return FOLIO_E_NOMEM;
            m->body = b;
        }
        if (k == n)
            break;
        v += k + 3;
        n -= k + 3;
    }
    return 0;
}

static int value(fm *f, int key, const char *v, size_t n, folio_pos vpos)
{
    folio_meta *m = &f->rep->meta;
    folio_arena *a = f->rep->arena;
    switch (key) {
    case K_SYMBOL:
        if (!folio_md_is_symbol(v, n))
            folio_warn(f->ctx, vpos, "\"%.*s\" does not look like a document symbol", (int)n, v);
        return set_string(f, &m->symbol, v, n);
    case K_DISTRIBUTION: {
        folio_distribution d;
        int known = 0;
        char *line = folio_sprintf(a, "Distr. %.*s", (int)n, v);
        if (!line)
            return FOLIO_E_NOMEM;
        if (!folio_md_distribution(f->house, line, strlen(line), &d, &known) || !known)
            return bad(f, vpos, "unknown distribution (general, limited or restricted):", v, n);
        m->distribution = d;
        return 0;
    }
    case K_DATE: {
        int y, mo, d;
        if (folio_md_parse_date(f->house, v, n, &y, &mo, &d) != 0)
            return bad(f, vpos, "bad date (expected yyyy-mm-dd):", v, n);
        m->date = folio_sprintf(a, "%04d-%02d-%02d", y, mo, d);
        return m->date ? 0 : FOLIO_E_NOMEM;
    }
    case K_LANGUAGE:
    case K_ORIGINAL: {
        char *s = folio_strndup(a, v, n);
        if (!s)
            return FOLIO_E_NOMEM;
        const char *lang = folio_house_lang(f->house, s);
        if (!lang) {
            const char *known = folio_house_list_text(a, f->house, 0, ", ", " or ");
            char *why = known ? folio_sprintf(a, "unknown language (%s):", known) : NULL;
            return why ? bad(f, vpos, why, v, n) : FOLIO_E_NOMEM;
        }
        if (!(lang = folio_strdup(a, lang)))
            return FOLIO_E_NOMEM;
        if (key == K_LANGUAGE)
            m->language = lang;
        else
            m->original_language = lang;
        return 0;
    }
    case K_STATION: {
        const char *st = folio_md_station_name(f->house, v, n);
        if (!st) {
            const char *known = folio_house_list_text(a, f->house, 1, ", ", " or ");
            char *why = known ? folio_sprintf(a, "unknown duty station (%s):", known) : NULL;
            return why ? bad(f, vpos, why, v, n) : FOLIO_E_NOMEM;
        }
        return (m->station = folio_strdup(a, st)) ? 0 : FOLIO_E_NOMEM;
    }
    case K_BODY:
        return add_body(f, v, n);
    case K_ORGAN: return set_string(f, &m->organ, v, n);
    case K_SESSION: return set_string(f, &m->session, v, n);
    case K_VENUE: return set_string(f, &m->venue_dates, v, n);
    case K_AGENDA_ITEM: return set_string(f, &m->agenda_item, v, n);
    case K_AGENDA_TITLE: return set_string(f, &m->agenda_title, v, n);
    case K_TITLE: return set_string(f, &m->title, v, n);
    case K_SUBTITLE: return set_string(f, &m->subtitle, v, n);
    case K_JOB_NUMBER: return set_string(f, &m->job_number, v, n);
    case K_AGENDA_NOTE:
        f->agenda_note_pos = vpos;
        return set_string(f, &f->agenda_note, v, n);
    case K_TITLE_NOTE:
        f->title_note_pos = vpos;
        return set_string(f, &f->title_note, v, n);
    }
    return 0;
}

/* A note given in the front matter: one paragraph of plain text. */
static folio_note *make_note(fm *f, const char *id, const char *mark, const char *text,
                             folio_pos pos)
{
    folio_arena *a = f->rep->arena;
    folio_note *note = folio_alloc(a, sizeof *note);
    folio_block *b = folio_alloc(a, sizeof *b);
    folio_run *run = folio_alloc(a, sizeof *run);
    if (!note || !b || !run)
        return NULL;
    run->kind = FOLIO_RUN_TEXT;
    run->text = text;
    run->pos = pos;
    b->kind = FOLIO_BLOCK_PARAGRAPH;
    b->runs = run;
    b->nruns = 1;
    b->pos = pos;
    note->id = id;
    note->mark = mark;
    note->blocks = b;
    note->nblocks = 1;
    note->referenced = 1; /* by the masthead */
    note->pos = pos;
    return note;
}

/* Strip matching quotes around a value. */
static const char *unquote(const char *v, size_t *n)
{
    if (*n >= 2 && (v[0] == '"' || v[0] == '\'') && v[*n - 1] == v[0]) {
        *n -= 2;
        return v + 1;
    }
    return v;
}

int folio_md_front_matter(folio_ctx *ctx, const folio_house *h, folio_report *rep,
                          const char *data, size_t len, size_t *end)
{
    *end = 0;
    fm_line first = get_line(data, len, 0);
    if (!is_fence(first, "---") || first.next >= len)
        return 0;
    /* a front matter block: the next non-blank line is "key:" or the end */
    size_t at = first.next;
    fm_line l = get_line(data, len, at);
    while (l.n == 0 && l.next < len)
        l = get_line(data, len, l.next);
    if (!key_len(l) && !is_fence(l, "---"))
        return 0; /* a thematic break, not front matter */
    /* the closing line first: without it nothing below is front matter */
    size_t close = first.next;
    for (;;) {
        if (close >= len)
            return folio_error(ctx, FOLIO_E_INPUT, (folio_pos){1, 1},
                               "front matter is not closed by a \"---\" line");
        l = get_line(data, len, close);
        if (is_fence(l, "---") || is_fence(l, "..."))
            break;
        close = l.next;
    }
    fm f = {ctx, h, rep, 0, 0, NULL, NULL, {0, 0}, {0, 0}};
    int lineno = 2;
    for (at = first.next; at < close; lineno++) {
        l = get_line(data, len, at);
        at = l.next;
        size_t tn = l.n;
        const char *t = folio_md_trim(l.s, &tn);
        if (tn == 0 || t[0] == '#')
            continue;
        size_t kl = key_len(l);
        folio_pos kpos = {lineno, 1};
        if (!kl) {
            f.errors++;
            folio_error(ctx, FOLIO_E_INPUT, (folio_pos){lineno, (int)(t - l.s) + 1},
                        "front matter line is not \"key: value\"");
            continue;
        }
        const char *colon = memchr(l.s, ':', l.n);
        size_t vn = l.n - (size_t)(colon + 1 - l.s);
        const char *v = folio_md_trim(colon + 1, &vn);
        v = unquote(v, &vn);
        folio_pos vpos = {lineno, (int)(v - l.s) + 1};
        int key = find_key(l.s, kl);
        if (key < 0) {
            const char *near = closest_key(l.s, kl);
            if (near)
                folio_warn(ctx, kpos, "unknown front matter key \"%.*s\" (did you mean \"%s\"?)",
                           (int)kl, l.s, near);
            else
                folio_warn(ctx, kpos, "unknown front matter key \"%.*s\"", (int)kl, l.s);
            continue;
        }
        if ((f.seen & (1u << key)) && key != K_BODY)
            folio_warn(ctx, kpos, "front matter key \"%s\" given twice; the last one counts",
                       key_names[key]);
        f.seen |= 1u << key;
        if (vn == 0) {
            if (key == K_DATE || key == K_DISTRIBUTION || key == K_LANGUAGE ||
                key == K_ORIGINAL || key == K_STATION)
                bad(&f, vpos, "empty value for", key_names[key], strlen(key_names[key]));
            continue;
        }
        int rc = value(&f, key, v, vn, vpos);
        if (rc == FOLIO_E_NOMEM)
            return rc;
    }
    if (f.errors)
        return FOLIO_E_INPUT;
    folio_meta *m = &rep->meta;
    if (f.agenda_note &&
        !(m->agenda_note = make_note(&f, "agenda-note", "*", f.agenda_note, f.agenda_note_pos)))
        return FOLIO_E_NOMEM;
    if (f.title_note &&
        !(m->title_note = make_note(&f, "title-note", f.agenda_note ? "**" : "*",
                                    f.title_note, f.title_note_pos)))
        return FOLIO_E_NOMEM;
    if (!m->language && m->original_language)
        m->language = m->original_language;
    m->pos = (folio_pos){1, 1};
    *end = get_line(data, len, close).next;
    return 0;
}
