/* The report XML's names for the model's enumerations, both ways. */
#include <string.h>

#include "model/xml_names.h"

static const char *const block_names[] = {"heading", "p", "item", "table", "annex",
                                          "page-break", "part"};
static const char *const label_names[] = {NULL,    "roman",       "upper",  "arabic",
                                          "lower", "lower-roman", "bullet", "decimal"};
static const char *const part_names[] = {NULL, "resolution", "annex", "list", "summary",
                                         "contents"};
static const char *const role_names[] = {NULL,        "title",     "formula",  "preamble",
                                         "operative", "closing",   "adoption", "entry",
                                         "signature", "dateline",  "memo",     "centered",
                                         "table-note"};
static const char *const align_names[] = {NULL, "left", "center", "right", "justify"};

#define COUNT(a) (sizeof a / sizeof a[0])

const char *folio_xml_block_name(folio_block_kind k)
{
    return (unsigned)k < COUNT(block_names) ? block_names[k] : NULL;
}

const char *folio_xml_label_kind_name(folio_label_kind k)
{
    return (unsigned)k < COUNT(label_names) ? label_names[k] : NULL;
}

const char *folio_xml_part_name(folio_part_kind k)
{
    return (unsigned)k < COUNT(part_names) ? part_names[k] : NULL;
}

const char *folio_xml_role_name(folio_role r)
{
    return (unsigned)r < COUNT(role_names) ? role_names[r] : NULL;
}

const char *folio_xml_align_name(folio_align a)
{
    return (unsigned)a < COUNT(align_names) ? align_names[a] : NULL;
}

static int find(const char *const *names, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (names[i] && !strcmp(names[i], name))
            return (int)i;
    return -1;
}

int folio_xml_block_kind(const char *name, folio_block_kind *out)
{
    int i = find(block_names, COUNT(block_names), name);
    if (i >= 0)
        *out = (folio_block_kind)i;
    return i >= 0 ? 0 : -1;
}

int folio_xml_label_kind(const char *name, folio_label_kind *out)
{
    int i = find(label_names, COUNT(label_names), name);
    if (i >= 0)
        *out = (folio_label_kind)i;
    return i >= 0 ? 0 : -1;
}

int folio_xml_align(const char *name, folio_align *out)
{
    int i = find(align_names, COUNT(align_names), name);
    if (i >= 0)
        *out = (folio_align)i;
    return i >= 0 ? 0 : -1;
}

int folio_xml_part_kind(const char *name, folio_part_kind *out)
{
    int i = find(part_names, COUNT(part_names), name);
    if (i >= 0)
        *out = (folio_part_kind)i;
    return i >= 0 ? 0 : -1;
}

int folio_xml_role(const char *name, folio_role *out)
{
    int i = find(role_names, COUNT(role_names), name);
    if (i >= 0)
        *out = (folio_role)i;
    return i >= 0 ? 0 : -1;
}
