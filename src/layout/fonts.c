/* Fonts: the house font's four faces, checked with FreeType and measured
 * once, and the faces found by name for other scripts. Widths are kept
 * exactly as libharu will write them (whole 1/1000 em, rounded down) so
 * what layout measures is what the PDF shows. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H
#include FT_MODULE_H
#include <hb.h>

#include "layout/fonts.h"
#include "util/datadir.h"
#include "util/mem.h"
#include "util/text.h"

#define NCP 0x10000 /* libharu maps the BMP only */
#define MAX_NAMES 64 /* names looked up, found or not, remembered */

typedef struct face {
    char *path;
    int index;               /* in a .ttc collection */
    char *name;              /* as asked for; NULL for the house faces */
    char *family, *style;    /* house faces: as the file says */
    unsigned upem;
    int16_t *width;          /* per BMP code point; -1 = no glyph */
    int16_t *gwidth;         /* per glyph id */
    unsigned nglyphs;
    hb_font_t *hb;           /* made on first use */
} face;

struct folio_fonts {
    face face[FOLIO_FONTS_MAX];
    int nfaces;
    /* Names already looked up: the face found, or -1. */
    struct {
        char *name;
        int face;
    } names[MAX_NAMES];
    int nnames;
    pthread_mutex_t lock;    /* guards loading faces, names and hb */
};

static const char *face_file[FOLIO_FACE_COUNT] = {
    "LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf",
    "LiberationSerif-Italic.ttf", "LiberationSerif-BoldItalic.ttf"};
/* The house font's names, whatever files a --fonts folder puts there:
 * the language files name it so. */
static const char *house_family = "Liberation Serif";
static const char *house_style[FOLIO_FACE_COUNT] = {"Regular", "Bold", "Italic",
                                                    "Bold Italic"};

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

static int new_library(folio_ctx *ctx, FT_Library *lib)
{
    FT_Error err = FT_New_Library(&ft_memory, lib);
    if (err) {
        *lib = NULL;
        return err == FT_Err_Out_Of_Memory
                   ? FOLIO_E_NOMEM
                   : folio_error(ctx, FOLIO_E_FONT, (folio_pos){0, 0}, "cannot start FreeType");
    }
    FT_Add_Default_Modules(*lib);
    FT_Set_Default_Properties(*lib);
    return 0;
}

/* Open and measure one face: the width of every BMP code point it maps
 * and of every glyph. `latin`: it must have basic Latin (the house font). */
static int measure(folio_ctx *ctx, FT_Library lib, face *fc, int latin)
{
    FT_Face ft = NULL;
    int rc = 0;
    const char *path = fc->path;
    FT_Error err = FT_New_Face(lib, path, fc->index, &ft);
    if (err) {
        ft = NULL;
        rc = err == FT_Err_Out_Of_Memory
                 ? FOLIO_E_NOMEM
                 : folio_error(ctx, FOLIO_E_FONT, (folio_pos){0, 0},
                               "%s: not a usable TrueType font", path);
        goto done;
    }
    if (!FT_IS_SFNT(ft) || !FT_IS_SCALABLE(ft) || ft->units_per_EM == 0 ||
        FT_Select_Charmap(ft, FT_ENCODING_UNICODE)) {
        rc = folio_error(ctx, FOLIO_E_FONT, (folio_pos){0, 0},
                         "%s: no Unicode TrueType outlines", path);
        goto done;
    }
    fc->upem = ft->units_per_EM;
    fc->nglyphs = (unsigned)ft->num_glyphs;
    fc->width = folio_malloc(NCP * sizeof *fc->width);
    fc->gwidth = folio_malloc((fc->nglyphs + 1) * sizeof *fc->gwidth);
    FT_Fixed *adv = folio_malloc((fc->nglyphs + 1) * sizeof *adv);
    if (!fc->width || !fc->gwidth || !adv) {
        free(adv);
        rc = FOLIO_E_NOMEM;
        goto done;
    }
    if (fc->nglyphs && FT_Get_Advances(ft, 0, fc->nglyphs, FT_LOAD_NO_SCALE, adv))
        memset(adv, 0, fc->nglyphs * sizeof *adv);
    for (unsigned g = 0; g < fc->nglyphs; g++)
        fc->gwidth[g] = (int16_t)((long)adv[g] * 1000 / fc->upem);
    free(adv);
    for (size_t i = 0; i < NCP; i++)
        fc->width[i] = -1;
    FT_UInt gi;
    FT_ULong cp = FT_Get_First_Char(ft, &gi);
    while (gi != 0) {
        if (cp < NCP && gi < fc->nglyphs)
            fc->width[cp] = fc->gwidth[gi];
        cp = FT_Get_Next_Char(ft, cp, &gi);
    }
    if (latin && (fc->width[' '] < 0 || fc->width['a'] < 0)) {
        rc = folio_error(ctx, FOLIO_E_FONT, (folio_pos){0, 0},
                         "%s: lacks basic Latin glyphs", path);
        goto done;
    }
    if (latin && (!(fc->family = folio_mem_strdup(ft->family_name ? ft->family_name : "")) ||
                  !(fc->style = folio_mem_strdup(ft->style_name ? ft->style_name : ""))))
        rc = FOLIO_E_NOMEM;
done:
    if (ft)
        FT_Done_Face(ft);
    return rc;
}

static void face_free(face *fc)
{
    free(fc->path);
    free(fc->name);
    free(fc->family);
    free(fc->style);
    free(fc->width);
    free(fc->gwidth);
    if (fc->hb)
        hb_font_destroy(fc->hb);
    memset(fc, 0, sizeof *fc);
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
    if (pthread_mutex_init(&f->lock, NULL)) {
        free(f);
        return FOLIO_E_NOMEM;
    }
    if ((rc = new_library(ctx, &lib)))
        goto done;
    if (!(dir = find_dir(ctx, dir, buf, sizeof buf))) {
        rc = FOLIO_E_FONT;
        goto done;
    }
    for (int i = 0; i < FOLIO_FACE_COUNT; i++) {
        size_t n = strlen(dir) + strlen(face_file[i]) + 2;
        face *fc = &f->face[i];
        f->nfaces = i + 1;
        if (!(fc->path = folio_malloc(n))) {
            rc = FOLIO_E_NOMEM;
            goto done;
        }
        snprintf(fc->path, n, "%s/%s", dir, face_file[i]);
        struct stat st;
        if (stat(fc->path, &st) != 0 || !S_ISREG(st.st_mode)) {
            rc = folio_error(ctx, FOLIO_E_FONT, (folio_pos){0, 0}, "font %s: %s", fc->path,
                             stat(fc->path, &st) != 0 ? "not found"
                             : S_ISDIR(st.st_mode)    ? "a folder, not a font file"
                                                      : "not a regular file");
            goto done;
        }
        if ((rc = measure(ctx, lib, fc, 1)))
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
    for (int i = 0; i < f->nfaces; i++)
        face_free(&f->face[i]);
    for (int i = 0; i < f->nnames; i++)
        free(f->names[i].name);
    pthread_mutex_destroy(&f->lock);
    free(f);
}

/* A house face called `name`: its family alone (the regular face), or its
 * family and style ("Liberation Serif Bold Italic"). */
static int named(const char *name, const char *family, const char *style, int regular)
{
    size_t fl = strlen(family);
    if (regular && !strcasecmp(name, family))
        return 1;
    return !strncasecmp(name, family, fl) && name[fl] == ' ' && !strcasecmp(name + fl + 1, style);
}

static int house_face(const folio_fonts *f, const char *name)
{
    for (int i = 0; i < FOLIO_FACE_COUNT; i++) {
        const face *fc = &f->face[i];
        if (named(name, house_family, house_style[i], i == FOLIO_FACE_REGULAR) ||
            named(name, fc->family, fc->style, i == FOLIO_FACE_REGULAR))
            return i;
    }
    return -1;
}

/* Load the face of `path`/`index` into the next slot (or find it there);
 * called with the lock held. */
static int add_face(folio_ctx *ctx, folio_fonts *f, const char *name, char *path, int index,
                    int *out)
{
    for (int i = 0; i < f->nfaces; i++)
        if (f->face[i].path && !strcmp(f->face[i].path, path) && f->face[i].index == index) {
            free(path);
            *out = i;
            return 0;
        }
    if (f->nfaces == FOLIO_FONTS_MAX) {
        free(path);
        return folio_error(ctx, FOLIO_E_FONT, (folio_pos){0, 0},
                           "more than %d fonts: cannot load \"%s\"", FOLIO_FONTS_MAX, name);
    }
    face fc = {0};
    fc.path = path;
    fc.index = index;
    FT_Library lib = NULL;
    int rc = 0;
    if (!(fc.name = folio_mem_strdup(name)))
        rc = FOLIO_E_NOMEM;
    else if (!(rc = new_library(ctx, &lib)))
        rc = measure(ctx, lib, &fc, 0);
    if (lib)
        FT_Done_Library(lib);
    if (rc) {
        face_free(&fc);
        return rc;
    }
    f->face[f->nfaces] = fc;
    *out = f->nfaces++;
    return 0;
}

static int remember(folio_fonts *f, const char *name, int face)
{
    if (f->nnames == MAX_NAMES)
        return 0; /* looked up again next time */
    if (!(f->names[f->nnames].name = folio_mem_strdup(name)))
        return FOLIO_E_NOMEM;
    f->names[f->nnames++].face = face;
    return 0;
}

int folio_fonts_find(folio_ctx *ctx, const folio_fonts *cf, const char *name, int *out)
{
    folio_fonts *f = (folio_fonts *)cf; /* loading is guarded by the lock */
    int rc = 0, id = house_face(f, name);
    if (id >= 0) {
        *out = id;
        return 0;
    }
    pthread_mutex_lock(&f->lock);
    for (int i = 0; i < f->nnames; i++)
        if (!strcmp(f->names[i].name, name)) {
            id = f->names[i].face;
            goto found;
        }
    char *path = NULL;
    int index = 0;
    rc = folio_fc_lookup(name, &path, &index);
    if (rc == 0)
        rc = add_face(ctx, f, name, path, index, &id);
    else if (rc == 1)
        rc = 0;
    if (rc == 0)
        rc = remember(f, name, id);
found:
    pthread_mutex_unlock(&f->lock);
    if (rc)
        return rc;
    if (id < 0)
        return 1;
    *out = id;
    return 0;
}

const char *folio_fonts_path(const folio_fonts *f, int face)
{
    return f->face[face].path;
}

int folio_fonts_index(const folio_fonts *f, int face)
{
    return f->face[face].index;
}

const char *folio_fonts_name(const folio_fonts *f, int face)
{
    return f->face[face].name;
}

unsigned folio_fonts_upem(const folio_fonts *f, int face)
{
    return f->face[face].upem;
}

hb_font_t *folio_fonts_hb(const folio_fonts *cf, int id)
{
    folio_fonts *f = (folio_fonts *)cf;
    face *fc = &f->face[id];
    pthread_mutex_lock(&f->lock);
    if (!fc->hb) {
        hb_blob_t *blob = hb_blob_create_from_file(fc->path);
        hb_face_t *hf = hb_face_create(blob, (unsigned)fc->index);
        hb_font_t *font = hb_font_create(hf);
        hb_face_destroy(hf);
        hb_blob_destroy(blob);
        if (font == hb_font_get_empty()) {
            font = NULL;
        } else {
            hb_font_set_scale(font, (int)fc->upem, (int)fc->upem);
            hb_font_make_immutable(font);
        }
        fc->hb = font;
    }
    hb_font_t *font = fc->hb;
    pthread_mutex_unlock(&f->lock);
    return font;
}

int folio_glyph_width(const folio_fonts *f, int face, uint32_t cp)
{
    return cp < NCP ? f->face[face].width[cp] : -1;
}

int folio_gid_width(const folio_fonts *f, int face, unsigned gid)
{
    return gid < f->face[face].nglyphs ? f->face[face].gwidth[gid] : 0;
}

int32_t folio_text_width(const folio_fonts *f, int face, int32_t size,
                         const char *s, size_t len)
{
    int64_t units = 0;
    size_t i = 0;
    const int16_t *w = f->face[face].width;
    int space = w[' '] >= 0 ? w[' '] : 0;
    while (i < len) {
        uint32_t cp;
        i += (size_t)folio_utf8_next(s + i, len - i, &cp);
        int gw = cp < NCP ? w[cp] : -1;
        units += gw >= 0 ? gw : space;
    }
    int64_t total = units * size / 1000; /* a text of megabytes: saturate, not wrap */
    return total > INT32_MAX ? INT32_MAX : total < INT32_MIN ? INT32_MIN : (int32_t)total;
}
