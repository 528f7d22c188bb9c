/* The masthead's plain lines: text in <coverPage> and <preface> that is
 * in no field element ("Item 2 of the provisional agenda", "3–7 June
 * 2024, New York"), and the text of elements without a field of their own
 * (<docStage>, <legislature>). They are read as the Markdown reader reads
 * the lines of a masthead, with the house's words (src/read/md_words.c,
 * md_dates.c), and kept in the order given: nothing is left out. */
#include <string.h>

#include "read/akn_lines.h"
#include "read/md_internal.h"
#include "util/mem.h"

int folio_akn_body_line(akn *a, const char *text)
{
    akn_mast *m = &a->mast;
    size_t n = strlen(text), need = m->body_len + n + 2;
    if (need > m->body_cap) { /* grown by doubling */
        size_t cap = need * 2;
        char *more = folio_alloc(a->rep->arena, cap);
        if (!more)
            return FOLIO_E_NOMEM;
        if (m->body_len)
            memcpy(more, m->body, m->body_len);
        m->body = more;
        m->body_cap = cap;
    }
    if (m->body_len)
        m->body[m->body_len++] = '\n';
    memcpy(m->body + m->body_len, text, n + 1);
    m->body_len += n;
    a->rep->meta.body = m->body;
    return 0;
}

static int set(akn *a, const char **slot, const char *text)
{
    *slot = folio_strdup(a->rep->arena, text);
    return *slot ? 0 : FOLIO_E_NOMEM;
}

/* A field's second line: joined to it by a space (an agenda title on two
 * lines). */
static int append(akn *a, const char **slot, const char *text)
{
    const char *v = *slot ? folio_sprintf(a->rep->arena, "%s %s", *slot, text)
                          : folio_strdup(a->rep->arena, text);
    if (!v)
        return FOLIO_E_NOMEM;
    *slot = v;
    return 0;
}

const char *folio_akn_bracket_original(akn *a, const char *text)
{
    const char *lang;
    size_t n = strlen(text);
    if (!folio_md_bracket_original(a->house, text, n, &lang))
        return NULL;
    const char *colon = strchr(text, ':');
    const char *end = strrchr(text, ']');
    if (!colon || !end || end < colon)
        return NULL;
    colon++;
    while (*colon == ' ')
        colon++;
    while (end > colon && end[-1] == ' ')
        end--;
    return end > colon ? folio_strndup(a->rep->arena, colon, (size_t)(end - colon)) : NULL;
}

const char *folio_akn_parse_date(akn *a, const char *text)
{
    int y, m, d;
    if (folio_md_parse_date(a->house, text, strlen(text), &y, &m, &d))
        return NULL;
    return folio_sprintf(a->rep->arena, "%04d-%02d-%02d", y, m, d);
}

/* The words a house prints itself around a field ("Original:", "Distr.:",
 * "[Original: ]"): a few words, no number. */
int folio_akn_label_words(const char *s)
{
    size_t words = 0;
    for (const char *p = s; *p;) {
        if ((*p >= '0' && *p <= '9'))
            return 0;
        int letter = (unsigned char)*p >= 0x80 || (*p >= 'a' && *p <= 'z') ||
                     (*p >= 'A' && *p <= 'Z');
        if (letter) {
            words++;
            while (*p && ((unsigned char)*p >= 0x80 || (*p >= 'a' && *p <= 'z') ||
                          (*p >= 'A' && *p <= 'Z')))
                p++;
        } else {
            p++;
        }
    }
    return words <= 3;
}

int folio_akn_is_annex_line(akn *a, const char *text)
{
    return folio_md_annex_heading(a->house, text, strlen(text)) != 0;
}

int folio_akn_mast_line(akn *a, xmlNodePtr at, const char *text, folio_note *note,
                        const char *from, int cover, int warned)
{
    folio_meta *m = &a->rep->meta;
    akn_mast *st = &a->mast;
    size_t n = strlen(text);
    folio_distribution d;
    int known, y, mo, day;
    const char *lang;
    if (!n)
        return 0;
    if (folio_md_is_wordmark(a->house, text, n))
        return 0; /* "United Nations": the house prints it */
    if (folio_md_distribution(a->house, text, n, &d, &known)) {
        st->seen_distr = 1;
        if (known) {
            m->distribution = d;
            return 0;
        }
        from = from ? from : "p"; /* kept as it is, with a word */
    } else if (folio_md_original_line(a->house, text, n, &lang)) {
        if (lang && !m->original_language)
            return set(a, &m->original_language, lang);
        if (lang && !strcmp(lang, m->original_language))
            return 0;
        from = from ? from : "p";
    }
    if (cover && folio_md_is_symbol(text, n) && (!m->symbol || !m->joint_symbol)) {
        if (!m->symbol)
            return set(a, &m->symbol, text);
        if (strcmp(m->symbol, text))
            return set(a, &m->joint_symbol, text);
        return 0;
    }
    if (cover && !m->date && !folio_md_parse_date(a->house, text, n, &y, &mo, &day)) {
        m->date = folio_sprintf(a->rep->arena, "%04d-%02d-%02d", y, mo, day);
        return m->date ? 0 : FOLIO_E_NOMEM;
    }
    if (cover && !m->language && (lang = folio_house_lang(a->house, text)))
        return set(a, &m->language, lang);
    if (!m->agenda_item && folio_md_is_agenda_item(a->house, text, n)) {
        st->have_after = st->agenda_block = 1;
        if (note && !m->agenda_note)
            m->agenda_note = note;
        return set(a, &m->agenda_item, text);
    }
    if (st->agenda_block && !from) { /* the agenda item's title */
        if (note && !m->agenda_note)
            m->agenda_note = note;
        return append(a, &m->agenda_title, text);
    }
    if (!m->session && folio_md_is_session(a->house, text, n)) {
        st->have_after = 1;
        return set(a, &m->session, text);
    }
    /* venue and dates: a month named, or a year beside a place */
    int year = folio_md_has_year(text, n) && (m->session || strchr(text, ','));
    if (!m->venue_dates && (folio_md_mentions_date(a->house, text, n) || year)) {
        st->have_after = 1;
        return set(a, &m->venue_dates, text);
    }
    /* in the coverPage, a line before the Distr. and date lines names the
     * organ */
    if (cover && !from && !st->seen_distr && !m->date && !m->title && !m->organ)
        return set(a, &m->organ, text);
    if (note) { /* a line's note: with the title's, or the agenda's */
        if (!m->title_note)
            m->title_note = note;
        else if (!m->agenda_note)
            m->agenda_note = note;
    }
    if (!warned && (from || st->have_after))
        folio_akn_warn(a, at, "akn: <%s> in the %s has no field of its own; its text is kept "
                       "as a line under the rule", from ? from : (const char *)at->name,
                       cover ? "coverPage" : "preface");
    return folio_akn_body_line(a, text);
}
