/* The house style may name a PNG to print instead of the drawn emblem
 * (`[document] emblem-image = FILE`, relative to the style file). It is
 * checked here, once, so both writers can trust it: libharu draws only
 * 8-bit, non-interlaced PNGs correctly. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "style/style_internal.h"

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

int folio_style_emblem_image(folio_ctx *ctx, const folio_house *h, folio_flow *f)
{
    const char *v = folio_house_get(h, "document", "emblem-image");
    int line = folio_house_line(h, "document", "emblem-image");
    if (!v || !*v)
        return 0;
    const char *path = v;
    const char *file = folio_house_file_of(h, "document", "emblem-image");
    const char *slash = strrchr(file, '/');
    if (v[0] != '/' && slash) /* relative to the style file's folder */
        path = folio_sprintf(f->arena, "%.*s/%s", (int)(slash - file), file, v);
    if (!path)
        return FOLIO_E_NOMEM;
    unsigned char b[33];
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return folio_error(ctx, FOLIO_E_STYLE, (folio_pos){line, 1},
                           "%s:%d: emblem-image %s: %s", file, line, path, strerror(errno));
    size_t n = fread(b, 1, sizeof b, fp);
    fclose(fp);
    static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (n < sizeof b || memcmp(b, sig, 8) || memcmp(b + 12, "IHDR", 4))
        return folio_error(ctx, FOLIO_E_STYLE, (folio_pos){line, 1},
                           "%s:%d: emblem-image %s is not a PNG file", file, line, path);
    uint32_t w = be32(b + 16), ht = be32(b + 20);
    if (b[24] != 8 || b[28] != 0 || w == 0 || ht == 0 || w > 20000 || ht > 20000)
        return folio_error(ctx, FOLIO_E_STYLE, (folio_pos){line, 1},
                           "%s:%d: emblem-image %s must be an 8-bit, non-interlaced PNG",
                           file, line, path);
    f->mast.emblem_image = path;
    f->mast.emblem_px_w = (int)w;
    f->mast.emblem_px_h = (int)ht;
    return 0;
}
