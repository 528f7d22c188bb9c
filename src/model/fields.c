/* The masthead's fields by name: what a value may be, and where each
 * lives in the model. Shared by the builder, folio_render's overrides and
 * the command line's options and manifests. Languages and duty stations
 * are those of a house style (folio/house.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "house/house.h"
#include "model/fields.h"

/* YYYY-MM-DD naming a real day. */
static int is_iso_date(const char *v)
{
    static const int days[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    for (int i = 0; i < 10; i++)
        if (i == 4 || i == 7 ? v[i] != '-' : (v[i] < '0' || v[i] > '9'))
            return 0;
    if (v[10])
        return 0;
    int y = atoi(v), m = atoi(v + 5), d = atoi(v + 8);
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (m < 1 || m > 12 || d < 1 || d > days[m - 1])
        return 0;
    return m != 2 || d < 29 || leap;
}

static const char *const distributions[] = {"general", "limited", "restricted", NULL};

/* A language or station of the house; else why not, with the house's
 * choices, in buf. */
static const char *house_choice(const folio_house *h, int stations, const char *value,
                                char *buf, size_t cap)
{
    const char *const *v;
    if (folio_house_or_default(NULL, h, &h))
        return "the house style cannot be loaded";
    size_t n = stations ? folio_house_stations(h, &v) : folio_house_languages(h, &v);
    for (size_t i = 0; i < n; i++)
        if (!strcmp(value, v[i]))
            return NULL;
    if (!buf || !cap)
        return stations ? "unknown duty station" : "unknown language";
    size_t k = (size_t)snprintf(buf, cap, "unknown %s (", stations ? "duty station" : "language");
    for (size_t i = 0; i < n && k < cap; i++)
        k += (size_t)snprintf(buf + k, cap - k, "%s%s", i ? (stations ? ", " : " ") : "", v[i]);
    if (k < cap)
        snprintf(buf + k, cap - k, ")");
    return buf;
}

const char *folio_field_problem(const folio_house *h, folio_field field, const char *value,
                                char *buf, size_t cap)
{
    if ((unsigned)field >= FOLIO_FIELD_COUNT)
        return "not a masthead field";
    if (!value)
        return "no value (NULL)";
    switch (field) {
    case FOLIO_FIELD_STATION:
        return house_choice(h, 1, value, buf, cap);
    case FOLIO_FIELD_LANGUAGE:
    case FOLIO_FIELD_ORIGINAL_LANGUAGE:
        return house_choice(h, 0, value, buf, cap);
    case FOLIO_FIELD_DATE:
        return is_iso_date(value) ? NULL : "not a valid date (YYYY-MM-DD)";
    case FOLIO_FIELD_DISTRIBUTION:
        for (int i = 0; distributions[i]; i++)
            if (!strcmp(value, distributions[i]))
                return NULL;
        return "unknown distribution (general, limited or restricted)";
    default:
        return NULL;
    }
}

const char **folio_meta_field(folio_meta *m, folio_field field)
{
    switch (field) {
    case FOLIO_FIELD_SYMBOL: return &m->symbol;
    case FOLIO_FIELD_DATE: return &m->date;
    case FOLIO_FIELD_LANGUAGE: return &m->language;
    case FOLIO_FIELD_ORIGINAL_LANGUAGE: return &m->original_language;
    case FOLIO_FIELD_ORGAN: return &m->organ;
    case FOLIO_FIELD_BODY: return &m->body;
    case FOLIO_FIELD_SESSION: return &m->session;
    case FOLIO_FIELD_VENUE_DATES: return &m->venue_dates;
    case FOLIO_FIELD_AGENDA_ITEM: return &m->agenda_item;
    case FOLIO_FIELD_AGENDA_TITLE: return &m->agenda_title;
    case FOLIO_FIELD_TITLE: return &m->title;
    case FOLIO_FIELD_SUBTITLE: return &m->subtitle;
    case FOLIO_FIELD_JOB_NUMBER: return &m->job_number;
    case FOLIO_FIELD_STATION: return &m->station;
    case FOLIO_FIELD_JOINT_SYMBOL: return &m->joint_symbol;
    case FOLIO_FIELD_JOINT_LINES: return &m->joint_lines;
    default: return NULL; /* the distribution is no string */
    }
}

int folio_distribution_of(const char *name)
{
    for (int i = 0; distributions[i]; i++)
        if (!strcmp(name, distributions[i]))
            return i;
    return -1;
}

const char *folio_report_get(const folio_report *r, folio_field field)
{
    if (!r || (unsigned)field >= FOLIO_FIELD_COUNT)
        return NULL;
    if (field == FOLIO_FIELD_DISTRIBUTION)
        return (unsigned)r->meta.distribution < 3 ? distributions[r->meta.distribution] : NULL;
    const char **slot = folio_meta_field((folio_meta *)&r->meta, field);
    return slot ? *slot : NULL;
}
