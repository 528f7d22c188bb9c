/* Fonts: the house font's four faces, checked with FreeType and measured
 * once. Widths are kept exactly as libharu will write them (whole 1/1000 em,
 * rounded down) so what layout measures is what the PDF shows. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H
#include FT_MODULE_H

#include "layout/fonts.h"
#include "util/datadir.h"
#include "util/text.h"
#include "util/mem.h"

#define NCP 0x10000 /* libharu maps the BMP only */

struct folio_fonts {
    char *path[FOLIO_FACE_COUNT];
    int16_t *width[FOLIO_FACE_COUNT]; /* per BMP code point; -1 = no glyph */
};

static const char *face_file[FOLIO_FACE_COUNT] = {
    "LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf",
    "LiberationSerif-Italic.ttf", "LiberationSerif-BoldItalic.ttf"};

static int exists(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* The font folder: the one asked for, else the first data folder
 * (util/datadir.h) holding the fonts; NULL, with an error listing every
 * folder looked in, when none does. */
static const char *find_dir(folio_ctx *ctx, const char *dir, char *buf, size_t n)
{
    folio_datadirs d;
    char where[2048] = "";
    size_t w = 0;
    if (dir)
        return dir;
    folio_datadirs_find(&d);
    for (size_t i = 0; i < d.n; i++) {
        snprintf(buf, n, "%s/fonts/%s", d.dir[i], face_file[0]);
        if (exists(buf)) {
            snprintf(buf, n, "%s/fonts", d.dir[i]);
            return buf;
        }
        if (w < sizeof where)
            w += (size_t)snprintf(where + w, sizeof where - w, "\n  %s/fonts (%s)", d.dir[i],
                                  d.why[i]);
    }
    folio_error(ctx, FOLIO_E_FONT, (folio_pos){0, 0},
                "font not found: %s; looked in these folders:%s\nset FOLIO_DATADIR to the "
                "folder holding fonts/ (or give --fonts DIR)", face_file[0], where);
    return NULL;
}

/* FreeType allocates through folio's hook (util/mem.h). */
static void *ft_alloc(FT_Memory m, long size)
{
    (void)m;
    return folio_malloc((size_t)size);
}

static void ft_free(FT_Memory m, void *p)
{
    (void)m;
    free(p);
}

static void *ft_realloc(FT_Memory m, long cur, long size, void *p)
{
    (void)m;
    (void)cur;
    return folio_realloc(p, (size_t)size);
}

static struct FT_MemoryRec_ ft_memory = {NULL, ft_alloc, ft_free, ft_realloc};

static int measure(folio_ctx *ctx, FT_Library lib, const char *path, int16_t *w)
{
    FT_Face face = NULL;
    int rc = 0;
    FT_Error err = FT_New_Face(lib, path, 0, &face);
    if (err) {
        face = NULL;
        rc = err == FT_Err_Out_Of_Memory
                 ? FOLIO_E_NOMEM
                 : folio_error(ctx, FOLIO_E_FONT, (folio_pos){0, 0},
                               "%s: not a usable TrueType font", path);
        goto done;
    }
    if (!FT_IS_SFNT(face) || !FT_IS_SCALABLE(face) || face->units_per_EM == 0 ||
        FT_Select_Charmap(face, FT_ENCODING_UNICODE)) {
        rc = folio_error(ctx, FOLIO_E_FONT, (folio_pos){0, 0},
                         "%s: no Unicode TrueType outlines", path);
        goto done;
    }
    for (size_t i = 0; i < NCP; i++)
        w[i] = -1;
    FT_UInt gi;
    FT_ULong cp = FT_Get_First_Char(face, &gi);
    while (gi != 0) {
        if (cp < NCP) {
            FT_Fixed adv = 0;
            if (FT_Get_Advance(face, gi, FT_LOAD_NO_SCALE, &adv) == 0)
                w[cp] = (int16_t)((long)adv * 1000 / face->units_per_EM);
        }
        cp = FT_Get_Next_Char(face, cp, &gi);
    }
    if (w[' '] < 0 || w['a'] < 0) {
        rc = folio_error(ctx, FOLIO_E_FONT, (folio_pos){0, 0},
                         "%s: lacks basic Latin glyphs", path);
        goto done;
    }
done:
    if (face)
        FT_Done_Face(face);
    return rc;
}

int folio_fonts_load(folio_ctx *ctx, const char *dir, folio_fonts **out)
{
    char buf[4096];
    FT_Library lib = NULL;
    int rc = 0;
    folio_fonts *f = folio_calloc(1, sizeof *f);
    *out = NULL;
    if (!f)
        return FOLIO_E_NOMEM;
    FT_Error err = FT_New_Library(&ft_memory, &lib);
    if (err) {
        lib = NULL;
        rc = err == FT_Err_Out_Of_Memory
                 ? FOLIO_E_NOMEM
                 : folio_error(ctx, FOLIO_E_FONT, (folio_pos){0, 0}, "cannot start FreeType");
        goto done;
    }
    FT_Add_Default_Modules(lib);
    FT_Set_Default_Properties(lib);
    if (!(dir = find_dir(ctx, dir, buf, sizeof buf))) {
        rc = FOLIO_E_FONT;
        goto done;
    }
    for (int i = 0; i < FOLIO_FACE_COUNT; i++) {
        size_t n = strlen(dir) + strlen(face_file[i]) + 2;
        f->path[i] = folio_malloc(n);
        f->width[i] = folio_malloc(NCP * sizeof(int16_t));
        if (!f->path[i] || !f->width[i]) {
            rc = FOLIO_E_NOMEM;
            goto done;
        }
        snprintf(f->path[i], n, "%s/%s", dir, face_file[i]);
        struct stat st;
        if (stat(f->path[i], &st) != 0 || !S_ISREG(st.st_mode)) {
            rc = folio_error(ctx, FOLIO_E_FONT, (folio_pos){0, 0}, "font %s: %s", f->path[i],
                             stat(f->path[i], &st) != 0 ? "not found"
                             : S_ISDIR(st.st_mode)     ? "a folder, not a font file"
                                                       : "not a regular file");
            goto done;
        }
        if ((rc = measure(ctx, lib, f->path[i], f->width[i])))
            goto done;
    }
    *out = f;
    f = NULL;
done:
    if (lib)
        FT_Done_Library(lib);
    folio_fonts_free(f);
    return rc;
}

void folio_fonts_free(folio_fonts *f)
{
    if (!f)
        return;
    for (int i = 0; i < FOLIO_FACE_COUNT; i++) {
        free(f->path[i]);
        free(f->width[i]);
    }
    free(f);
}

const char *folio_fonts_path(const folio_fonts *f, folio_face face)
{
    return f->path[face];
}

int folio_glyph_width(const folio_fonts *f, folio_face face, uint32_t cp)
{
    return cp < NCP ? f->width[face][cp] : -1;
}

int32_t folio_text_width(const folio_fonts *f, folio_face face, int32_t size,
                         const char *s, size_t len)
{
    int64_t units = 0;
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        i += (size_t)folio_utf8_next(s + i, len - i, &cp);
        int w = folio_glyph_width(f, face, cp);
        units += w >= 0 ? w : f->width[face][' '];
    }
    int64_t w = units * size / 1000; /* a text of megabytes: saturate, not wrap */
    return w > INT32_MAX ? INT32_MAX : w < INT32_MIN ? INT32_MIN : (int32_t)w;
}
