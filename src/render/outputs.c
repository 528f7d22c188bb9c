/* folio_render's outputs: each format written into memory and/or to a
 * temporary file beside its final name; the files are renamed into place
 * only once every output is complete, so a failed render leaves none. */
#include <stdlib.h>

#include "render/render_internal.h"

int folio_render_write(folio_ctx *ctx, folio_render_out *o, folio_render_writer write,
                       void *arg)
{
    int rc;
    if (o->memory) {
        folio_dest mem = {NULL, &o->data, &o->len};
        if ((rc = write(ctx, &mem, arg)))
            return rc;
    }
    if (!o->path)
        return 0;
    if ((rc = folio_outfile_open(ctx, &o->file, o->path)))
        return rc;
    size_t errors = ctx->nerrors;
    if (o->memory) {
        rc = folio_write_bytes(o->file.tmp, o->data, o->len);
    } else {
        folio_dest file = {o->file.tmp, NULL, NULL};
        rc = write(ctx, &file, arg);
    }
    if (rc && rc != FOLIO_E_NOMEM && ctx->nerrors == errors) /* the writer said nothing */
        folio_error(ctx, rc, (folio_pos){0, 0}, "cannot write %s", o->path);
    return rc;
}

int folio_render_commit(folio_ctx *ctx, folio_render_out *outs, size_t n)
{
    int rc = 0;
    for (size_t i = 0; i < n && !rc; i++)
        rc = folio_outfile_commit(ctx, &outs[i].file);
    return rc;
}

void folio_render_discard(folio_render_out *outs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        folio_outfile_discard(&outs[i].file);
        free(outs[i].data);
        outs[i].data = NULL;
        outs[i].len = 0;
    }
}
