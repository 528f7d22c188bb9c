/* The house style may name a PNG to print instead of the drawn emblem
 * (`[document] emblem-image = FILE`, relative to the style file). It is
 * decoded here in full, so both writers can trust it: libharu draws only
 * 8-bit, non-interlaced PNGs correctly, and aborts on a corrupt one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "style/style_internal.h"
#include "util/file.h"
#include "util/png_check.h"

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
    /* decoded in full here, with libpng's errors caught: a corrupt image
     * is an error at the style's line, never an abort in libharu */
    char *data = NULL, why[200];
    size_t len = 0;
    uint32_t w = 0, ht = 0;
    folio_ctx *quiet = NULL;
    int rc = folio_ctx_new(NULL, &quiet);
    if (!rc)
        rc = folio_read_file(quiet, path, 16 << 20, &data, &len);
    if (rc == FOLIO_E_NOMEM) {
        folio_ctx_free(quiet);
        return rc;
    }
    if (rc) {
        rc = folio_error(ctx, FOLIO_E_STYLE, (folio_pos){0, 0}, "%s:%d: emblem-image: %s",
                         file, line, folio_last_error(quiet));
        folio_ctx_free(quiet);
        return rc;
    }
    folio_ctx_free(quiet);
    rc = folio_png_check((const unsigned char *)data, len, &w, &ht, why, sizeof why);
    free(data);
    if (rc == FOLIO_E_NOMEM)
        return rc;
    if (rc)
        return folio_error(ctx, FOLIO_E_STYLE, (folio_pos){0, 0},
                           "%s:%d: emblem-image %s: %s (an 8-bit, non-interlaced PNG of at "
                           "most %d pixels a side)", file, line, path, why, FOLIO_PNG_MAX_SIDE);
    f->mast.emblem_image = path;
    f->mast.emblem_px_w = (int)w;
    f->mast.emblem_px_h = (int)ht;
    return 0;
}
