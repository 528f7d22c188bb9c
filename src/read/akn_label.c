/* Akoma Ntoso labels, roles and parts: what a <num>, a class or a
 * container's name say (docs/akn.md, "The body" and "Parts"). */
#include <string.h>

#include "read/akn_label.h"
#include "read/akn_inline.h"
#include "model/xml_names.h"

int folio_akn_label(akn *a, xmlNodePtr num, folio_label_kind hint, akn_label *out)
{
    akn_runs r = {0};
    folio_run base = {0};
    int rc = folio_akn_inlines(a, num, base, 1, &r);
    memset(out, 0, sizeof *out);
    if (rc)
        return rc;
    folio_akn_trim(&r);
    const char *s = folio_akn_runs_text(a, &r);
    if (!s)
        return FOLIO_E_NOMEM;
    out->text = s[0] ? s : NULL;
    out->kind = folio_akn_label_kind(out->text, hint);
    static const char *const kinds[] = {"label-none",   "label-roman", "label-upper",
                                        "label-arabic", "label-lower", "label-lower-roman",
                                        "label-bullet", "label-decimal"};
    for (size_t k = 0; k < AKN_COUNT(kinds); k++)
        if (folio_akn_attr_has(num, "class", kinds[k])) {
            out->kind = (folio_label_kind)k;
            out->said = 1;
        }
    return 0;
}

folio_role folio_akn_role(xmlNodePtr n)
{
    xmlChar *cls = xmlGetNoNsProp(n, (const xmlChar *)"class");
    folio_role role = FOLIO_ROLE_TEXT;
    for (const char *s = (const char *)cls; s && *s && role == FOLIO_ROLE_TEXT;) {
        size_t k = strcspn(s, " \t\r\n");
        char word[32];
        if (k && k < sizeof word) {
            memcpy(word, s, k);
            word[k] = 0;
            if (folio_xml_role(word, &role))
                role = FOLIO_ROLE_TEXT;
        }
        s += k;
        s += strspn(s, " \t\r\n");
    }
    xmlFree(cls);
    return role;
}

folio_part_kind folio_akn_part(xmlNodePtr n)
{
    static const folio_part_kind kinds[] = {FOLIO_PART_RESOLUTION, FOLIO_PART_ANNEX,
                                            FOLIO_PART_LIST, FOLIO_PART_SUMMARY,
                                            FOLIO_PART_CONTENTS};
    for (size_t i = 0; i < AKN_COUNT(kinds); i++) {
        const char *name = folio_xml_part_name(kinds[i]);
        if (folio_akn_attr_has(n, "name", name) || folio_akn_attr_has(n, "class", name))
            return kinds[i];
    }
    return FOLIO_PART_NONE;
}

xmlNodePtr folio_akn_child(akn *a, xmlNodePtr n, const char *name)
{
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (folio_akn_is(a, c, name))
            return c;
    return NULL;
}
