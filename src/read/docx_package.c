/* The DOCX package: a ZIP read from memory with libzip, its parts parsed
 * the secure way of the XML readers (no network, DTD or entities).
 *
 * A zip bomb is stopped before anything is inflated: the central
 * directory's uncompressed sizes, summed over every entry, must stay
 * within the input limit; libzip then never gives more than an entry's
 * stated size, and a CRC that does not match is an error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read/docx_internal.h"
#include "read/xml_internal.h"
#include "util/ctx.h"
#include "util/mem.h"

int folio_dxr_open(folio_ctx *ctx, const char *data, size_t len, size_t max_bytes,
                   dxr_pkg *pkg)
{
    zip_error_t err;
    zip_error_init(&err);
    pkg->zip = NULL;
    pkg->max_bytes = max_bytes;
    zip_source_t *src = zip_source_buffer_create(data, len, 0, &err);
    zip_t *z = src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err) : NULL;
    if (!z) {
        if (src)
            zip_source_free(src);
        int rc = folio_error(ctx, FOLIO_E_INPUT, (folio_pos){0, 0},
                             "not a DOCX package (ZIP): %s", zip_error_strerror(&err));
        zip_error_fini(&err);
        return rc;
    }
    zip_error_fini(&err);
    zip_int64_t n = zip_get_num_entries(z, 0);
    unsigned long long total = 0;
    for (zip_int64_t i = 0; i < n; i++) {
        zip_stat_t st;
        if (zip_stat_index(z, (zip_uint64_t)i, 0, &st) || !(st.valid & ZIP_STAT_SIZE))
            continue;
        total += st.size;
        if (st.size > max_bytes || total > max_bytes) {
            int rc = folio_error(ctx, FOLIO_E_LIMIT, (folio_pos){0, 0},
                                 "%s: the package's parts inflate to more than the limit of "
                                 "%zu bytes (a zip bomb?); --max-input-bytes raises it",
                                 (st.valid & ZIP_STAT_NAME) && st.name ? st.name : "?",
                                 max_bytes);
            zip_discard(z); /* st.name belongs to it */
            return rc;
        }
    }
    pkg->zip = z;
    return 0;
}

void folio_dxr_close(dxr_pkg *pkg)
{
    if (pkg->zip)
        zip_discard(pkg->zip);
    pkg->zip = NULL;
}

void folio_dxr_name_part(folio_ctx *ctx, size_t from, const char *part)
{
    for (size_t i = from; i < ctx->ndiags; i++) {
        folio_diag *d = &ctx->diags[i];
        if (!d->message)
            continue;
        char pos[48] = "";
        if (d->pos.line > 0 && d->pos.col > 0)
            snprintf(pos, sizeof pos, ":%d:%d", d->pos.line, d->pos.col);
        else if (d->pos.line > 0)
            snprintf(pos, sizeof pos, ":%d", d->pos.line);
        size_t n = strlen(part) + strlen(pos) + strlen(d->message) + 3;
        char *m = folio_malloc(n);
        if (!m)
            continue; /* the message stays as it was */
        snprintf(m, n, "%s%s: %s", part, pos, d->message);
        free((char *)d->message);
        d->message = m;
        d->pos = (folio_pos){0, 0};
    }
}

int folio_dxr_part(folio_ctx *ctx, dxr_pkg *pkg, const char *part, int required,
                   xmlDocPtr *doc)
{
    *doc = NULL;
    zip_int64_t i = zip_name_locate(pkg->zip, part, 0);
    if (i < 0) {
        if (!required)
            return 0;
        return folio_error(ctx, FOLIO_E_INPUT, (folio_pos){0, 0},
                           "%s: missing from the package (not a Word document?)", part);
    }
    zip_stat_t st;
    if (zip_stat_index(pkg->zip, (zip_uint64_t)i, 0, &st) || !(st.valid & ZIP_STAT_SIZE))
        return folio_error(ctx, FOLIO_E_INPUT, (folio_pos){0, 0}, "%s: unreadable entry", part);
    if (st.size > pkg->max_bytes || st.size > 0x7FFFFFFF)
        return folio_error(ctx, FOLIO_E_LIMIT, (folio_pos){0, 0},
                           "%s: %llu bytes, more than the limit of %zu", part,
                           (unsigned long long)st.size, pkg->max_bytes);
    char *buf = folio_malloc((size_t)st.size + 1);
    if (!buf)
        return FOLIO_E_NOMEM;
    zip_file_t *f = zip_fopen_index(pkg->zip, (zip_uint64_t)i, 0);
    zip_int64_t got = f ? zip_fread(f, buf, st.size) : -1;
    int bad = !f || got != (zip_int64_t)st.size;
    if (f && zip_fclose(f))
        bad = 1; /* a CRC that does not match */
    if (bad) {
        free(buf);
        return folio_error(ctx, FOLIO_E_INPUT, (folio_pos){0, 0},
                           "%s: cannot be inflated (a damaged package)", part);
    }
    size_t from = ctx->ndiags;
    int rc = folio_xml_parse(ctx, buf, (size_t)st.size, doc);
    free(buf);
    folio_dxr_name_part(ctx, from, part);
    return rc;
}
