/* What a language's file says about its script: the direction of its
 * text, the faces of each script by role ([fonts], found by name through
 * the fonts), the faces Word should name, how text without spaces breaks
 * ([line-breaking]), and the digits and form of paragraph numbers. */
#include <stdio.h>
#include <string.h>

#include "layout/fonts.h"
#include "style/style_internal.h"

static const char *const role_key[FOLIO_FACE_COUNT + 1] = {
    "body", "bold", "italic", "bold-italic", "headings"};
static const char *const script_key[FOLIO_SCRIPT_COUNT] = {"latin", "cyrillic", "han",
                                                           "arabic"};

/* The house face of a role when the language names none. */
static int house_face(int role)
{
    return role == FOLIO_ROLE_HEADINGS ? FOLIO_FACE_BOLD : role;
}

/* The role a role falls back on: bold italic on bold, the others on
 * body; -1 for body. */
static int fallback(int role)
{
    return role == FOLIO_FACE_BOLD_ITALIC || role == FOLIO_ROLE_HEADINGS ? FOLIO_FACE_BOLD
           : role == FOLIO_FACE_REGULAR                                   ? -1
                                                                          : FOLIO_FACE_REGULAR;
}

/* The face named for role/script, following the fallbacks; -1 when the
 * language names none. A name no installed font has is a warning, and
 * the house face stands in. */
static int named_face(folio_ctx *ctx, const folio_house *h, const folio_fonts *fonts,
                      const char *sec, int role, int script, int *rc)
{
    char key[64];
    for (int r = role; r >= 0; r = fallback(r)) {
        snprintf(key, sizeof key, "%s.%s", role_key[r], script_key[script]);
        const char *name = folio_house_get(h, sec, key);
        if (!name || !*name)
            continue;
        int face = -1;
        int found = folio_fonts_find(ctx, fonts, name, &face);
        if (found < 0) {
            *rc = found;
            return -1;
        }
        if (found == 0)
            return face;
        folio_warn(ctx, (folio_pos){0, 0},
                   "%s:%d: [fonts] %s: no installed font is called \"%s\"; the house "
                   "font stands in", folio_house_file_of(h, sec, key),
                   folio_house_line(h, sec, key), key, name);
        return -1;
    }
    return -1;
}

/* The house's face for role/script ([fonts] of un.style), following the
 * fallbacks; NULL when it names none. */
static const char *house_other(const folio_house *h, int role, int script)
{
    char key[64];
    for (int r = role; r >= 0; r = fallback(r)) {
        snprintf(key, sizeof key, "%s.%s", role_key[r], script_key[script]);
        const char *name = folio_house_get(h, "fonts", key);
        if (name && *name)
            return name;
    }
    return NULL;
}

static int fonts_of(folio_ctx *ctx, const folio_house *h, const folio_fonts *fonts,
                    folio_flow *f)
{
    char sec[80];
    folio_fontset *fs = &f->lang.fonts;
    snprintf(sec, sizeof sec, "lang.%s.fonts", f->lang.code);
    memset(fs, 0, sizeof *fs);
    for (int role = 0; role <= FOLIO_ROLE_HEADINGS; role++)
        for (int s = 0; s < FOLIO_SCRIPT_COUNT; s++) {
            int rc = 0, face = fonts ? named_face(ctx, h, fonts, sec, role, s, &rc) : -1;
            if (rc)
                return rc;
            if (face < 0 && s != FOLIO_SCRIPT_LATIN) {
                face = fs->face[role][FOLIO_SCRIPT_LATIN]; /* set before */
                if (fonts && (fs->other[role][s] = house_other(h, role, s)))
                    fs->others = 1;
            }
            if (face < 0)
                face = house_face(role);
            fs->face[role][s] = (uint8_t)face;
            fs->mixed |= face != house_face(role);
        }
    /* The faces Word names, by script: body and headings. */
    char key[64];
    for (int s = 0; s < FOLIO_SCRIPT_COUNT; s++) {
        snprintf(key, sizeof key, "docx.%s", script_key[s]);
        f->lang.docx_font[s][0] = folio_house_get(h, sec, key);
        snprintf(key, sizeof key, "docx-headings.%s", script_key[s]);
        f->lang.docx_font[s][1] = folio_house_get(h, sec, key);
        if (!f->lang.docx_font[s][1])
            f->lang.docx_font[s][1] = f->lang.docx_font[s][0];
        snprintf(key, sizeof key, "body.%s", script_key[s]);
        f->lang.pdf_font[s][0] = folio_house_get(h, sec, key);
        snprintf(key, sizeof key, "headings.%s", script_key[s]);
        f->lang.pdf_font[s][1] = folio_house_get(h, sec, key);
    }
    return 0;
}

/* A percentage of an em, such as "25%", in 1/1000 em. */
static int em_part(folio_ctx *ctx, const folio_house *h, const char *sec, const char *key,
                   int32_t def, int32_t *out)
{
    return folio_house_permille(ctx, h, sec, key, def, 1000, out);
}

static int breaking_of(folio_ctx *ctx, const folio_house *h, folio_flow *f)
{
    char sec[80];
    folio_cjk_rules *c = &f->lang.cjk;
    snprintf(sec, sizeof sec, "lang.%s.line-breaking", f->lang.code);
    memset(c, 0, sizeof *c);
    const char *on = folio_house_get(h, sec, "between-characters");
    if (!on || strcmp(on, "yes"))
        return 0;
    c->on = 1;
    c->no_start = folio_house_get(h, sec, "no-start");
    c->no_end = folio_house_get(h, sec, "no-end");
    c->inseparable = folio_house_get(h, sec, "inseparable");
    c->half_after = folio_house_get(h, sec, "half-blank-after");
    c->half_before = folio_house_get(h, sec, "half-blank-before");
    int rc;
    if ((rc = em_part(ctx, h, sec, "latin-gap", 250, &c->latin_gap)) ||
        (rc = em_part(ctx, h, sec, "stretch", 250, &c->stretch)))
        return rc;
    return 0;
}

int folio_style_lang_script(folio_ctx *ctx, const folio_house *h, const folio_fonts *fonts,
                            folio_flow *f)
{
    char sec[64];
    snprintf(sec, sizeof sec, "lang.%s", f->lang.code);
    const char *dir = folio_house_get(h, sec, "direction");
    f->lang.rtl = dir && !strcmp(dir, "rtl");
    f->lang.digits = folio_house_get(h, sec, "digits");
    f->lang.para_form = folio_house_get(h, sec, "paragraph-number");
    if (!f->lang.digits || !*f->lang.digits)
        f->lang.digits = "0123456789";
    if (!f->lang.para_form || !strstr(f->lang.para_form, "{n}"))
        f->lang.para_form = "{n}.";
    int rc = fonts_of(ctx, h, fonts, f);
    return rc ? rc : breaking_of(ctx, h, f);
}

/* n in the language's digits (checked at load: ten of them). */
static const char *digits_of(folio_arena *a, const char *digits, int n)
{
    const char *d[10];
    const char *p = digits;
    for (int i = 0; i < 10; i++) {
        d[i] = p;
        do
            p++;
        while ((*p & 0xC0) == 0x80);
    }
    char buf[64], num[16];
    size_t o = 0;
    int k = snprintf(num, sizeof num, "%d", n < 0 ? 0 : n);
    for (int i = 0; i < k; i++) {
        int v = num[i] - '0';
        size_t len = (size_t)(v < 9 ? d[v + 1] - d[v] : (const char *)p - d[v]);
        if (o + len >= sizeof buf)
            break;
        memcpy(buf + o, d[v], len);
        o += len;
    }
    buf[o] = 0;
    return folio_strdup(a, buf);
}

const char *folio_style_para_number(folio_flow *f, int n)
{
    const char *num = digits_of(f->arena, f->lang.digits, n);
    const char *at = strstr(f->lang.para_form, "{n}");
    if (!num || !at)
        return num;
    return folio_sprintf(f->arena, "%.*s%s%s", (int)(at - f->lang.para_form),
                         f->lang.para_form, num, at + 3);
}

const char *folio_style_listed_label(folio_flow *f, const folio_house *h, const char *key,
                                     int n)
{
    char sec[64];
    const char *s;
    size_t len;
    snprintf(sec, sizeof sec, "lang.%s", f->lang.code);
    const char *list = folio_house_get(h, sec, key);
    if (n < 1 || !folio_house_item(list, n - 1, &s, &len) || !len)
        return NULL;
    return folio_strndup(f->arena, s, len);
}

int folio_style_own_numbers(const folio_flow *f)
{
    return strcmp(f->lang.digits, "0123456789") || strcmp(f->lang.para_form, "{n}.");
}

int folio_style_number_value(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    long v = 0;
    int digits = 0;
    while (*u && digits < 9) {
        if (*u >= '0' && *u <= '9') {
            v = v * 10 + (*u++ - '0');
        } else if (u[0] == 0xD9 && u[1] >= 0xA0 && u[1] <= 0xA9) { /* U+0660.. */
            v = v * 10 + (u[1] - 0xA0);
            u += 2;
        } else if (u[0] == 0xDB && u[1] >= 0xB0 && u[1] <= 0xB9) { /* U+06F0.. */
            v = v * 10 + (u[1] - 0xB0);
            u += 2;
        } else {
            break;
        }
        digits++;
    }
    return (int)v;
}

/* The label without the marks that close it: "ألف -" -> "ألف". */
static size_t core_of(const char *s, size_t n)
{
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '.' || s[n - 1] == '-'))
        n--;
    return n;
}

int folio_style_listed_value(folio_flow *f, const folio_house *h, const char *key,
                             const char *label)
{
    char sec[64];
    const char *s;
    size_t len, tl = core_of(label, strlen(label));
    snprintf(sec, sizeof sec, "lang.%s", f->lang.code);
    const char *list = folio_house_get(h, sec, key);
    for (int i = 0; folio_house_item(list, i, &s, &len); i++) {
        size_t cl = core_of(s, len);
        if (cl && cl == tl && !memcmp(s, label, cl))
            return i + 1;
    }
    return 0;
}
