/* Which face sets each character. A language's fontset names a face per
 * script and role (AR PL UMing for Han text, Noto Naskh for Arabic); a
 * character takes the face of its script, and punctuation shared by
 * scripts (quotes, dashes, the ellipsis) the face of the text around it,
 * so a Chinese paragraph's quotation marks are full width. A face that
 * lacks the character hands it to the Latin face, then to the language's
 * other faces: Latin words, digits and brackets in Arabic text come out in
 * Liberation Serif, never as a blank. A script the language names no face
 * for takes the house's (un.style [fonts]): a Chinese name in an English
 * or Arabic report. The ranges are Unicode's blocks. */
#include <stdlib.h>

#include "layout/fonts.h"
#include "layout/script.h"
#include "util/text.h"
#include "util/mem.h"
#include "util/vec.h"

typedef struct range {
    uint32_t lo, hi;
} range;

static int in(const range *r, size_t n, uint32_t cp)
{
    for (size_t i = 0; i < n; i++)
        if (cp >= r[i].lo && cp <= r[i].hi)
            return 1;
    return 0;
}

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const range han[] = {
    {0x2E80, 0x2FDF}, /* radicals */
    {0x2FF0, 0x2FFF}, /* ideographic description */
    {0x3000, 0x303F}, /* CJK symbols and punctuation */
    {0x3040, 0x31FF}, /* kana, bopomofo, kanbun, strokes */
    {0x3200, 0x33FF}, /* enclosed and compatibility */
    {0x3400, 0x4DBF}, /* extension A */
    {0x4E00, 0x9FFF}, /* unified ideographs */
    {0xF900, 0xFAFF}, /* compatibility ideographs */
    {0xFE10, 0xFE1F}, /* vertical forms */
    {0xFE30, 0xFE4F}, /* compatibility forms */
    {0xFF00, 0xFF60}, /* full-width forms */
    {0xFFE0, 0xFFE6},
    {0x20000, 0x3FFFF}};

static const range arabic[] = {
    {0x0600, 0x06FF}, {0x0750, 0x077F}, {0x0870, 0x08FF}, {0xFB50, 0xFDFF}, {0xFE70, 0xFEFF}};

static const range cyrillic[] = {
    {0x0400, 0x052F}, {0x1C80, 0x1C8F}, {0x2DE0, 0x2DFF}, {0xA640, 0xA69F}};

/* Punctuation and symbols every script uses: they follow their
 * neighbours. */
static const range shared[] = {
    {0x00A0, 0x00A0}, {0x00B7, 0x00B7}, {0x2000, 0x206F}, {0x2190, 0x21FF},
    {0x2200, 0x22FF}, {0x2460, 0x24FF}, {0x25A0, 0x25FF}, {0x2600, 0x26FF}};

int folio_script_of(uint32_t cp)
{
    if (cp < 0x80)
        return cp == ' ' || cp == '\t' || cp == '\n' ? -1 : FOLIO_SCRIPT_LATIN;
    if (in(han, N(han), cp))
        return FOLIO_SCRIPT_HAN;
    if (in(arabic, N(arabic), cp))
        return FOLIO_SCRIPT_ARABIC;
    if (in(cyrillic, N(cyrillic), cp))
        return FOLIO_SCRIPT_CYRILLIC;
    if (in(shared, N(shared), cp))
        return -1;
    return FOLIO_SCRIPT_LATIN;
}

int folio_is_rtl_char(uint32_t cp)
{
    static const range rtl[] = {{0x0590, 0x08FF}, {0xFB1D, 0xFDFF}, {0xFE70, 0xFEFF},
                                {0x10800, 0x10FFF}, {0x1E800, 0x1EFFF}};
    return in(rtl, N(rtl), cp);
}

int folio_needs_shaper(uint32_t cp)
{
    /* joining and mark-positioning scripts, combining marks, and the
     * private-use area, where folio's own codes live */
    static const range complex[] = {
        {0x0300, 0x036F}, {0x0590, 0x08FF}, {0x0900, 0x0DFF}, {0x0E00, 0x0EFF},
        {0x0F00, 0x109F}, {0x1780, 0x17FF}, {0x1800, 0x18AF}, {0x1AB0, 0x1AFF},
        {0x1DC0, 0x1DFF}, {0x200C, 0x200D}, {0x20D0, 0x20FF}, {0xE000, 0xF8FF},
        {0xFB1D, 0xFDFF}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFE70, 0xFEFF}};
    return in(complex, N(complex), cp);
}

int folio_role_of(folio_face style_face, folio_face face)
{
    return style_face == FOLIO_FACE_BOLD && face == FOLIO_FACE_BOLD ? FOLIO_ROLE_HEADINGS
                                                                    : (int)face;
}

/* The face of cp in script `sc` for `role`: the script's face when it has
 * the glyph, else the Latin face, else any face of the role that has it,
 * else the house's face of the script when the language names none (found
 * by name now, once for the process), else the Latin face (the character
 * is then missing). */
static int face_for(const folio_fonts *fonts, const folio_fontset *fs, int role, int sc,
                    uint32_t cp)
{
    const uint8_t *row = fs->face[role];
    if (folio_glyph_width(fonts, row[sc], cp) >= 0)
        return row[sc];
    if (folio_glyph_width(fonts, row[FOLIO_SCRIPT_LATIN], cp) >= 0)
        return row[FOLIO_SCRIPT_LATIN];
    for (int s = 0; s < FOLIO_SCRIPT_COUNT; s++)
        if (folio_glyph_width(fonts, row[s], cp) >= 0)
            return row[s];
    int other;
    /* a font that cannot be read is as good as none: the character is
     * then reported missing */
    if (fs->other[role][sc] && folio_fonts_find(NULL, fonts, fs->other[role][sc], &other) == 0 &&
        folio_glyph_width(fonts, other, cp) >= 0)
        return other;
    return row[FOLIO_SCRIPT_LATIN];
}

int folio_fontset_other_text(const folio_fontset *fs, const char *s, size_t len)
{
    if (!fs || !fs->others)
        return 0;
    for (size_t i = 0; i < len;) {
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        i += (size_t)folio_utf8_next(s + i, len - i, &cp);
        int sc = folio_script_of(cp);
        if (sc >= 0 && fs->other[FOLIO_FACE_REGULAR][sc])
            return 1;
    }
    return 0;
}

static int push(folio_segs *out, folio_seg sg)
{
    if (out->n && out->v[out->n - 1].face == sg.face && out->v[out->n - 1].level == sg.level &&
        out->v[out->n - 1].start + out->v[out->n - 1].len == sg.start) {
        out->v[out->n - 1].len += sg.len;
        return 0;
    }
    if (FOLIO_VEC_ROOM(out->v, out->n, out->cap, 16))
        return FOLIO_E_NOMEM;
    out->v[out->n++] = sg;
    return 0;
}

/* The script a neutral character at i takes: the one before, else the
 * next strong one after, else Latin. */
static int neutral_script(const char *s, size_t len, size_t i, int ctx)
{
    if (ctx >= 0)
        return ctx;
    while (i < len) {
        uint32_t cp;
        i += (size_t)folio_utf8_next(s + i, len - i, &cp);
        int sc = folio_script_of(cp);
        if (sc >= 0)
            return sc;
    }
    return FOLIO_SCRIPT_LATIN;
}

int folio_segment(const folio_fonts *fonts, const folio_fontset *fs, int role, const char *s,
                  size_t len, const uint8_t *levels, int *ctx, folio_segs *out)
{
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        size_t k = (size_t)folio_utf8_next(s + i, len - i, &cp);
        int sc = folio_script_of(cp);
        int face;
        if (sc < 0) {
            face = face_for(fonts, fs, role, neutral_script(s, len, i + k, *ctx), cp);
        } else {
            face = face_for(fonts, fs, role, sc, cp);
            *ctx = sc;
        }
        /* a combining mark stays with its letter */
        if (out->n && cp >= 0x0300 && cp <= 0x036F)
            face = out->v[out->n - 1].face;
        int rc = push(out, (folio_seg){i, k, (uint8_t)face, levels ? levels[i] : 0});
        if (rc)
            return rc;
        i += k;
    }
    return 0;
}
