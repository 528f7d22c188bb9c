/* Images in the package: a rasterized piece of art stored as
 * word/media/imageN.png, related to the part that shows it and placed as an
 * inline DrawingML picture. */
#include <stdio.h>

#include "docx/docx_xml.h"

static void ext(dx_xml *x, const char *name, int64_t cx, int64_t cy)
{
    dx_start(x, name);
    folio_dx_attr_int(x, "cx", cx);
    folio_dx_attr_int(x, "cy", cy);
    dx_end(x);
}

static void drawing(dx_xml *x, const char *rid, int id, const char *file,
                    int64_t cx, int64_t cy, const char *descr)
{
    dx_start(x, "w:r");
    dx_start(x, "w:drawing");
    dx_start(x, "wp:inline");
    dx_attr(x, "distT", "0");
    dx_attr(x, "distB", "0");
    dx_attr(x, "distL", "0");
    dx_attr(x, "distR", "0");
    ext(x, "wp:extent", cx, cy);
    dx_start(x, "wp:effectExtent");
    dx_attr(x, "l", "0");
    dx_attr(x, "t", "0");
    dx_attr(x, "r", "0");
    dx_attr(x, "b", "0");
    dx_end(x);
    dx_start(x, "wp:docPr");
    folio_dx_attr_int(x, "id", id);
    dx_attr(x, "name", file);
    folio_dx_attr_text(x, "descr", descr);
    dx_end(x);
    dx_start(x, "wp:cNvGraphicFramePr");
    dx_start(x, "a:graphicFrameLocks");
    dx_attr(x, "noChangeAspect", "1");
    dx_end(x);
    dx_end(x);
    dx_start(x, "a:graphic");
    dx_start(x, "a:graphicData");
    dx_attr(x, "uri", DX_NS_PIC);
    dx_start(x, "pic:pic");
    dx_start(x, "pic:nvPicPr");
    dx_start(x, "pic:cNvPr");
    folio_dx_attr_int(x, "id", id);
    dx_attr(x, "name", file);
    folio_dx_attr_text(x, "descr", descr);
    dx_end(x);
    folio_dx_empty(x, "pic:cNvPicPr");
    dx_end(x);
    dx_start(x, "pic:blipFill");
    dx_start(x, "a:blip");
    dx_attr(x, "r:embed", rid);
    dx_end(x);
    dx_start(x, "a:stretch");
    folio_dx_empty(x, "a:fillRect");
    dx_end(x);
    dx_end(x);
    dx_start(x, "pic:spPr");
    dx_start(x, "a:xfrm");
    dx_start(x, "a:off");
    dx_attr(x, "x", "0");
    dx_attr(x, "y", "0");
    dx_end(x);
    ext(x, "a:ext", cx, cy);
    dx_end(x);
    dx_start(x, "a:prstGeom");
    dx_attr(x, "prst", "rect");
    folio_dx_empty(x, "a:avLst");
    dx_end(x);
    dx_end(x);
    dx_end(x); /* pic:pic */
    dx_end(x);
    dx_end(x);
    dx_end(x); /* wp:inline */
    dx_end(x);
    dx_end(x);
}

int folio_dx_png_run(dx_xml *x, unsigned char *png, size_t len, int32_t width,
                     int32_t height, const char *descr)
{
    dx_doc *d = x->doc;
    char name[48], file[32], target[48];
    int n = ++d->nmedia;
    snprintf(file, sizeof file, "image%d.png", n);
    snprintf(name, sizeof name, "word/media/%s", file);
    snprintf(target, sizeof target, "media/%s", file);
    int rc = folio_dx_add_part(d, name, NULL, png, len, 1);
    if (rc < 0)
        return rc;
    const char *rid = folio_dx_rel(x, DX_REL "image", target, 0);
    if (!rid)
        return FOLIO_E_NOMEM;
    drawing(x, rid, ++d->next_docpr, file, DX_EMU(width), DX_EMU(height),
            descr);
    return 0;
}

int folio_dx_image_run(dx_xml *x, const folio_art *art, const dx_raster *opt,
                       int32_t width, int32_t height, const char *descr)
{
    unsigned char *png;
    size_t len;
    int rc = folio_dx_png(art, opt, &png, &len);
    if (rc < 0)
        return folio_error(x->doc->ctx, rc, (folio_pos){0, 0},
                           "cannot rasterize the %s for the DOCX", descr);
    return folio_dx_png_run(x, png, len, width, height, descr);
}
