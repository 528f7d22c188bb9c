/* The masthead, recognised from the text when there is no front matter.
 *
 * Two forms occur. Text recovered from official PDFs starts with a
 * paragraph of lines "United Nations" / symbol / organ / "Distr.: General"
 * / date / [language of the version] / "Original: English", then a
 * paragraph with the body lines, session, venue and dates, agenda item
 * and agenda title; the first heading is the title and an unnumbered
 * heading right after it the subtitle. Older exports (the seed) give the
 * organ as a heading, the Distr. lines as a paragraph, the subsidiary
 * body as another heading, the venue line, and the title as a heading.
 *
 * The lines before "Distr." (other than the wordmark and the symbol) are
 * the organ, the name printed beside the emblem: for conference bodies
 * that is the conference ("Conferencia de las Partes ..."), as on official
 * Vienna documents. */
#include <string.h>

#include "read/md_internal.h"
#include "util/vec.h"

enum phase { TOP, BODY };

typedef struct mh {
    folio_md *md;
    folio_meta *m;
    enum phase phase;
    int seen_distr, seen_original;
    int have_after;       /* a session, venue or agenda line was seen */
    int heading_form;     /* the masthead starts with a heading (the seed) */
    int agenda_block;     /* lines after the agenda item: its title */
    const char **body;    /* body lines */
    size_t nbody, capbody;
    size_t body_heading;  /* 1 + raw index of a heading taken as last body line */
    const char *language; /* from the language-of-version line, or NULL */
    const char *original;
    int *votes;           /* per language of the house: lines in its words */
    int joint_block;      /* reading the second organ's lines */
} mh;

/* Notes referenced in the masthead take "*", "**", ... in order. */
static void mark_note(folio_md *md, folio_note *note)
{
    if (!note || note->mark)
        return;
    int k = ++md->nmarks;
    if (k > 8)
        k = 8;
    note->mark = folio_strndup(md->rep->arena, "********", (size_t)k);
}

/* Text of runs, trimmed, soft breaks as spaces. */
static char *line_text(folio_md *md, const folio_run *runs, size_t n, size_t *len)
{
    char *t = folio_md_runs_text(md->rep->arena, runs, n, " ");
    if (!t)
        return NULL;
    for (char *p = t; *p; p++)
        if (*p == '\n')
            *p = ' ';
    size_t l = strlen(t);
    const char *s = folio_md_trim(t, &l);
    *len = l;
    return (char *)s;
}

static char *dup_line(folio_md *md, const char *s, size_t n)
{
    return folio_strndup(md->rep->arena, s, n);
}

/* Notes referenced in a masthead line after the one it can print (the
 * model keeps one note on the title and one on the agenda item, none on
 * the subtitle or another line): said, never dropped silently. */
static void unprinted_notes(folio_md *md, const folio_run *runs, size_t n, int keep,
                            const char *line)
{
    for (size_t i = 0; i < n; i++)
        if (runs[i].kind == FOLIO_RUN_NOTE_REF && runs[i].note) {
            if (keep) {
                keep = 0;
                continue;
            }
            runs[i].note->referenced = 2; /* warned here: no marker prints it (md_reader.c) */
            folio_warn(md->ctx, runs[i].pos,
                       "the note [^%s] on the %s is not printed: folio prints one note on "
                       "the title and one on the agenda item, none elsewhere in the masthead; "
                       "move it "
                       "into the text",
                       runs[i].note->id ? runs[i].note->id : "?", line);
        }
}

/* The first note referenced in runs; every note there gets its mark. */
static folio_note *mark_notes(folio_md *md, const folio_run *runs, size_t n)
{
    folio_note *first = NULL;
    for (size_t i = 0; i < n; i++)
        if (runs[i].kind == FOLIO_RUN_NOTE_REF && runs[i].note) {
            mark_note(md, runs[i].note);
            if (!first)
                first = runs[i].note;
        }
    return first;
}

static int add_body(mh *h, const char *s, size_t n)
{
    if (FOLIO_ARENA_VEC_ROOM(h->md->rep->arena, h->body, h->nbody, h->capbody, 8))
        return FOLIO_E_NOMEM;
    if (!(h->body[h->nbody] = dup_line(h->md, s, n)))
        return FOLIO_E_NOMEM;
    h->nbody++;
    return 0;
}

/* Append to a field joined by `sep`. */
static int append(folio_md *md, const char **field, const char *sep, const char *s, size_t n)
{
    char *v = *field ? folio_sprintf(md->rep->arena, "%s%s%.*s", *field, sep, (int)n, s)
                     : dup_line(md, s, n);
    if (!v)
        return FOLIO_E_NOMEM;
    *field = v;
    return 0;
}

/* ---- the probe: does the text start with a masthead? ---------------------*/

static int probe_line(const folio_house *h, const char *s, size_t n)
{
    folio_distribution d;
    int known;
    const char *lang;
    return folio_md_is_wordmark(h, s, n) || folio_md_distribution(h, s, n, &d, &known) ||
           folio_md_original_line(h, s, n, &lang);
}

static int probe(folio_md *md, const folio_md_raw *raw, size_t n)
{
    for (size_t i = 0; i < n && i < 4; i++) {
        const folio_md_raw *b = &raw[i];
        if (b->list_depth || (b->kind != FOLIO_MD_RAW_PARA && b->kind != FOLIO_MD_RAW_HEADING))
            return 0;
        char *t = folio_md_runs_text(md->rep->arena, b->runs, b->nruns, "\n");
        if (!t)
            return 0;
        for (char *p = t; *p;) {
            char *e = strchr(p, '\n');
            size_t len = e ? (size_t)(e - p) : strlen(p);
            const char *s = folio_md_trim(p, &len);
            if (probe_line(md->house, s, len))
                return 1;
            p += (e ? (size_t)(e - p) + 1 : strlen(p));
        }
    }
    return 0;
}

/* ---- lines -----------------------------------------------------------------*/

/* Is the line the second organ of a joint document ("Security Council"):
 * then its block of lines begins. */
static int second_organ(const folio_meta *m, const char *s, size_t n)
{
    const char *nl = m->joint_symbol && m->organ ? strrchr(m->organ, '\n') : NULL;
    return nl && strlen(nl + 1) == n && !strncmp(nl + 1, s, n);
}

static int body_line(mh *h, const char *s, size_t n, const folio_run *runs, size_t nr)
{
    folio_md *md = h->md;
    folio_meta *m = h->m;
    if (h->joint_block || (h->nbody && second_organ(m, s, n))) {
        h->joint_block = 1; /* the second organ's lines */
        mark_notes(md, runs, nr);
        unprinted_notes(md, runs, nr, 0, "masthead line");
        return append(md, &m->joint_lines, "\n", s, n);
    }
    if (h->agenda_block)
        return append(md, &m->agenda_title, " ", s, n);
    if (!m->agenda_item && folio_md_is_agenda_item(md->house, s, n)) {
        h->have_after = 1;
        h->agenda_block = 1;
        folio_note *note = mark_notes(md, runs, nr);
        unprinted_notes(md, runs, nr, !m->agenda_note, "agenda item");
        if (!m->agenda_note)
            m->agenda_note = note;
        return append(md, &m->agenda_item, " ", s, n);
    }
    mark_notes(md, runs, nr);
    unprinted_notes(md, runs, nr, 0, "masthead line");
    if (!m->session && folio_md_is_session(md->house, s, n)) {
        h->have_after = 1;
        return append(md, &m->session, " ", s, n);
    }
    /* venue and dates: a month named, or a year after the session line or
     * beside a city ("Geneva, 2019") */
    int year = folio_md_has_year(s, n) && (m->session || memchr(s, ',', n) ||
                                           (s[0] >= '0' && s[0] <= '9'));
    if (!m->venue_dates && (folio_md_mentions_date(md->house, s, n) || year)) {
        h->have_after = 1;
        return append(md, &m->venue_dates, " ", s, n);
    }
    if (h->have_after)
        folio_warn(md->ctx, runs && nr ? runs[0].pos : (folio_pos){0, 0},
                   "masthead line not recognised; kept with the body lines");
    return add_body(h, s, n);
}

static int top_line(mh *h, const char *s, size_t n, const folio_run *runs, size_t nr)
{
    folio_md *md = h->md;
    folio_meta *m = h->m;
    folio_pos pos = nr ? runs[0].pos : (folio_pos){0, 0};
    folio_distribution d;
    int known, y, mo, day;
    const char *lang;
    mark_notes(md, runs, nr);
    if (h->votes)
        folio_md_language_votes(md->house, s, n, h->votes);
    if (folio_md_is_wordmark(md->house, s, n))
        return 0;
    if (!m->symbol && folio_md_is_symbol(s, n))
        return (m->symbol = dup_line(md, s, n)) ? 0 : FOLIO_E_NOMEM;
    /* a second symbol: a document issued jointly (A/79/686 and S/2024/918) */
    if (!m->joint_symbol && !h->seen_distr && !m->organ && folio_md_is_symbol(s, n))
        return (m->joint_symbol = dup_line(md, s, n)) ? 0 : FOLIO_E_NOMEM;
    if (folio_md_distribution(md->house, s, n, &d, &known)) {
        h->seen_distr = 1;
        if (known)
            m->distribution = d;
        else
            folio_warn(md->ctx, pos, "unknown distribution \"%.*s\"", (int)n, s);
        return 0;
    }
    if (!m->date && folio_md_parse_date(md->house, s, n, &y, &mo, &day) == 0)
        return (m->date = folio_sprintf(md->rep->arena, "%04d-%02d-%02d", y, mo, day))
                   ? 0 : FOLIO_E_NOMEM;
    if (folio_md_original_line(md->house, s, n, &lang)) {
        h->seen_original = 1;
        h->phase = BODY; /* the lines under the thick rule follow */
        if (!lang)
            folio_warn(md->ctx, pos, "unknown original language in \"%.*s\"", (int)n, s);
        h->original = lang;
        return 0;
    }
    char *name = dup_line(md, s, n);
    if (!name)
        return FOLIO_E_NOMEM;
    if ((h->seen_distr || m->date) && (lang = folio_house_lang(md->house, name))) {
        h->language = lang;
        return 0;
    }
    /* a joint document's organs, one a line */
    if (!h->seen_distr && !m->date)
        return append(md, &m->organ, m->joint_symbol ? "\n" : " ", s, n);
    /* something else after the Distr. lines: the body starts here */
    h->phase = BODY;
    return body_line(h, s, n, runs, nr);
}

/* The lines of a paragraph, split at soft and hard breaks. */
static int paragraph(mh *h, const folio_md_raw *b)
{
    size_t start = 0;
    for (size_t i = 0; i <= b->nruns; i++) {
        if (i < b->nruns && b->runs[i].kind != FOLIO_MD_RUN_SOFT_BREAK &&
            b->runs[i].kind != FOLIO_RUN_LINE_BREAK)
            continue;
        size_t len;
        char *t = line_text(h->md, b->runs + start, i - start, &len);
        if (!t)
            return FOLIO_E_NOMEM;
        if (len) {
            int rc = h->phase == TOP ? top_line(h, t, len, b->runs + start, i - start)
                                     : body_line(h, t, len, b->runs + start, i - start);
            if (rc)
                return rc;
        }
        start = i + 1;
    }
    return 0;
}

/* A paragraph that is body text, not masthead: long, or labelled. */
static int body_text(mh *h, const folio_md_raw *b)
{
    size_t lines = 1, longest = 0, cur = 0;
    for (size_t i = 0; i < b->nruns; i++) {
        if (b->runs[i].kind == FOLIO_MD_RUN_SOFT_BREAK || b->runs[i].kind == FOLIO_RUN_LINE_BREAK) {
            lines++;
            cur = 0;
        } else if (b->runs[i].kind == FOLIO_RUN_TEXT && b->runs[i].text) {
            cur += folio_utf8_count(b->runs[i].text, strlen(b->runs[i].text));
            if (cur > longest)
                longest = cur;
        }
    }
    if (lines > 10 || longest > 200)
        return 1;
    size_t len;
    char *t = line_text(h->md, b->runs, b->nruns, &len);
    folio_md_label lab;
    return !t || folio_md_number_label(t, len, &lab) ||
           folio_md_item_label_in(h->md->house, t, len, &lab) ||
           (folio_md_runs_all_strong(b->runs, b->nruns) &&
            folio_md_heading_label_in(h->md->house, t, len, &lab));
}

static size_t count_lines(const folio_md_raw *b)
{
    size_t lines = 1;
    for (size_t i = 0; i < b->nruns; i++)
        if (b->runs[i].kind == FOLIO_MD_RUN_SOFT_BREAK || b->runs[i].kind == FOLIO_RUN_LINE_BREAK)
            lines++;
    return lines;
}

static int unlabelled_heading(folio_md *md, const folio_md_raw *b, char **text, size_t *len)
{
    folio_md_label lab;
    if (b->kind != FOLIO_MD_RAW_HEADING || b->list_depth)
        return 0;
    if (!(*text = line_text(md, b->runs, b->nruns, len)))
        return 0;
    return *len && !folio_md_heading_label_in(md->house, *text, *len, &lab) &&
           !folio_md_is_annex(md->house, *text, *len);
}

/* The title at raw[i] and a subtitle after it: returns the next index. */
static size_t title(folio_md *md, const folio_md_raw *raw, size_t n, size_t i, int *depth)
{
    folio_meta *m = &md->rep->meta;
    char *t;
    size_t len;
    if (!unlabelled_heading(md, &raw[i], &t, &len))
        return i;
    m->title = folio_strndup(md->rep->arena, t, len);
    m->title_note = mark_notes(md, raw[i].runs, raw[i].nruns);
    unprinted_notes(md, raw[i].runs, raw[i].nruns, 1, "title");
    *depth = raw[i].hlevel;
    i++;
    if (i < n && !m->subtitle) {
        const folio_md_raw *b = &raw[i];
        int bold_line = b->kind == FOLIO_MD_RAW_PARA && !b->list_depth &&
                        folio_md_runs_all_strong(b->runs, b->nruns);
        int heading = unlabelled_heading(md, b, &t, &len) &&
                      !folio_md_resolution_number(t, len); /* "59/25. Title": the body's */
        folio_md_label lab;
        if (!heading && bold_line && (t = line_text(md, b->runs, b->nruns, &len)) && len &&
            len < 300 && !folio_md_heading_label_in(md->house, t, len, &lab) &&
            !folio_md_number_label(t, len, &lab) && !folio_md_is_annex(md->house, t, len))
            heading = 1;
        if (heading) {
            m->subtitle = folio_strndup(md->rep->arena, t, len);
            mark_notes(md, b->runs, b->nruns);
            unprinted_notes(md, b->runs, b->nruns, 0, "subtitle");
            i++;
        }
    }
    return i;
}

int folio_md_masthead(folio_md *md, const folio_md_raw *raw, size_t n, size_t *body_start,
                      int *title_depth)
{
    *body_start = 0;
    *title_depth = 0;
    if (!probe(md, raw, n)) /* no masthead: maybe a title heading */
        return folio_md_front_title(md, raw, n, body_start, title_depth);
    folio_meta *m = &md->rep->meta;
    mh h = {0};
    h.md = md;
    h.m = m;
    h.votes = folio_alloc(md->rep->arena, (md->house->nlangs + 1) * sizeof *h.votes);
    if (!h.votes)
        return FOLIO_E_NOMEM;
    m->pos = raw[0].pos;
    size_t i = 0;
    int rc = 0, titled = 0;
    for (; i < n; i++) {
        const folio_md_raw *b = &raw[i];
        if (b->list_depth || (b->kind != FOLIO_MD_RAW_PARA && b->kind != FOLIO_MD_RAW_HEADING))
            break;
        size_t len;
        char *t = line_text(md, b->runs, b->nruns, &len);
        if (!t)
            return FOLIO_E_NOMEM;
        if (b->kind == FOLIO_MD_RAW_HEADING) {
            folio_md_label lab;
            /* a heading after the top lines (symbol, date: a circular's
             * masthead has no Distr. line) is the title */
            if (h.phase == TOP && i > 0 && (m->symbol || m->date) && !h.heading_form)
                h.phase = BODY;
            if (h.phase == TOP) {
                if (i == 0)
                    h.heading_form = 1;
                if ((rc = top_line(&h, t, len, b->runs, b->nruns)))
                    return rc;
                continue;
            }
            if (folio_md_heading_label_in(md->house, t, len, &lab) ||
                folio_md_is_annex(md->house, t, len))
                break;
            if (h.heading_form && !h.have_after) {
                /* the seed: "## Working Group ..." under the Distr. lines */
                h.body_heading = i + 1;
                mark_notes(md, b->runs, b->nruns);
                if ((rc = add_body(&h, t, len)))
                    return rc;
                continue;
            }
            i = title(md, raw, n, i, title_depth);
            titled = 1;
            break;
        }
        if (h.phase == BODY) {
            if (body_text(&h, b))
                break;
            /* short lines without end: the body of the report, not a masthead */
            if (!h.have_after && h.nbody + count_lines(b) > 8)
                break;
            if (h.have_after && !h.agenda_block && m->agenda_item && !m->agenda_title &&
                folio_md_runs_all_strong(b->runs, b->nruns)) {
                mark_notes(md, b->runs, b->nruns);
                if ((rc = append(md, &m->agenda_title, " ", t, len)))
                    return rc;
                continue;
            }
            if (h.have_after) {
                /* a block after the venue that is none of the masthead
                 * lines: the body starts here */
                size_t fl;
                char *first = line_text(md, b->runs, b->nruns, &fl);
                size_t k = 0; /* its first line alone */
                while (k < b->nruns && b->runs[k].kind != FOLIO_MD_RUN_SOFT_BREAK &&
                       b->runs[k].kind != FOLIO_RUN_LINE_BREAK)
                    k++;
                size_t l1;
                char *line1 = line_text(md, b->runs, k, &l1);
                if (!first || !(folio_md_is_agenda_item(md->house, first, fl) ||
                                (!m->session && folio_md_is_session(md->house, first, fl)) ||
                                (line1 && second_organ(m, line1, l1))))
                    break;
            }
        }
        if ((rc = paragraph(&h, b)))
            return rc;
        h.agenda_block = 0;
        if (h.phase == TOP && (h.seen_distr || h.seen_original))
            h.phase = BODY;
    }
    /* the seed form without a venue line: the last heading is the title */
    if (!titled && h.body_heading && h.body_heading == (size_t)i) {
        h.nbody--;
        i = title(md, raw, n, h.body_heading - 1, title_depth);
    }
    if (h.nbody) {
        size_t total = 0;
        for (size_t k = 0; k < h.nbody; k++)
            total += strlen(h.body[k]) + 1;
        char *body = folio_alloc(md->rep->arena, total + 1);
        if (!body)
            return FOLIO_E_NOMEM;
        for (size_t k = 0; k < h.nbody; k++) {
            if (k)
                strcat(body, "\n");
            strcat(body, h.body[k]);
        }
        m->body = body;
    }
    /* codes and stations copied: the report may outlive the house */
    if (h.original && !(m->original_language = folio_strdup(md->rep->arena, h.original)))
        return FOLIO_E_NOMEM;
    /* The language: the version line's; else the one the masthead is
     * written in ("Distr. GÉNÉRALE", "21 janvier 1994") when it writes
     * that block in its own words (Russian, Chinese and Arabic write it in
     * English: their original line decides); else the original's. */
    const char *seen = folio_md_language_of(md->house, h.votes);
    if (seen) {
        const char *block = folio_house_lang_get(md->house, seen, "block");
        if ((block && strcmp(block, seen)) ||
            (m->original_language && !strcmp(seen, "en")))
            seen = NULL;
    }
    if (!h.language && seen)
        h.language = seen;
    if (h.language) {
        if (!(m->language = folio_strdup(md->rep->arena, h.language)))
            return FOLIO_E_NOMEM;
    } else if (m->original_language) {
        m->language = m->original_language;
    }
    if (!m->station && m->venue_dates)
        m->station = folio_md_station_in(md->house, m->venue_dates, strlen(m->venue_dates));
    if (!m->station)
        m->station = folio_md_station_of_symbol(md->house, m->symbol);
    if (m->station && !(m->station = folio_strdup(md->rep->arena, m->station)))
        return FOLIO_E_NOMEM;
    *body_start = i;
    return 0;
}

int folio_md_front_title(folio_md *md, const folio_md_raw *raw, size_t n, size_t *body_start,
                         int *title_depth)
{
    *body_start = 0;
    *title_depth = 0;
    if (md->rep->meta.title || n == 0)
        return 0;
    *body_start = title(md, raw, n, 0, title_depth);
    if (*body_start && !md->rep->meta.pos.line)
        md->rep->meta.pos = raw[0].pos;
    return 0;
}
