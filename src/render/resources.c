/* Resources: the fonts (loaded and measured once) and the house style
 * (loaded once, given, or the process's default house), shared read-only
 * by every render that is given them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/resources.h"
#include "util/ctx.h"
#include "util/file.h"
#include "util/mem.h"
#include "util/version.h"

int folio_resources_options_init(folio_resources_options *o, unsigned version)
{
    static const folio_resources_options init = FOLIO_RESOURCES_OPTIONS_INIT;
    if (!o || version < 1 || version > FOLIO_RESOURCES_OPTIONS_VERSION)
        return FOLIO_E_USAGE;
    *o = init;
    o->version = version;
    return 0;
}

int folio_resources_load(folio_ctx *ctx, const folio_resources_options *opt,
                         folio_resources **out)
{
    folio_resources *res = NULL;
    unsigned long failures = folio_mem_failures();
    size_t errors = ctx ? ctx->nerrors : 0;
    int rc;
    *out = NULL;
    if (opt && (rc = folio_check_version(ctx, opt->version, FOLIO_RESOURCES_OPTIONS_VERSION,
                                         "folio_resources_options")))
        return rc;
    if (!(res = folio_calloc(1, sizeof *res))) {
        rc = FOLIO_E_NOMEM;
        goto done;
    }
    pthread_mutex_init(&res->lock, NULL);
    if (opt && opt->house)
        res->house = opt->house;
    else if (opt && opt->style_path)
        rc = folio_house_load(ctx, opt->style_path, &res->own_house);
    else
        rc = folio_house_default(ctx, &res->house);
    if (rc)
        goto done;
    if (res->own_house)
        res->house = res->own_house;
    if ((rc = folio_fonts_load(ctx, opt ? opt->fonts_dir : NULL, &res->fonts)))
        goto done;
    *out = res;
    res = NULL;
done:
    if ((rc = folio_ctx_settle(ctx, failures, errors, rc))) {
        folio_resources_free(*out);
        *out = NULL;
    }
    folio_resources_free(res);
    return rc;
}

void folio_resources_free(folio_resources *res)
{
    if (!res)
        return;
    folio_fonts_free(res->fonts);
    folio_house_free(res->own_house);
    pthread_mutex_destroy(&res->lock);
    free(res);
}

const folio_house *folio_resources_house(const folio_resources *res)
{
    return res ? res->house : NULL;
}

static uint64_t fnv1a(uint64_t h, const void *data, size_t len)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 0x100000001b3ull; /* FNV-1a 64 prime */
    }
    return h;
}

/* A file's bytes into the hash (its name and a mark when it cannot be
 * read: that too decides the outputs, as an error). */
static uint64_t hash_file(uint64_t h, const char *path)
{
    char *data = NULL;
    size_t len = 0;
    folio_ctx *quiet = NULL;
    h = fnv1a(h, path, strlen(path) + 1);
    if (folio_ctx_new(NULL, &quiet) == 0 && folio_read_file(quiet, path, 64 << 20, &data, &len) == 0)
        h = fnv1a(h, data, len);
    else
        h = fnv1a(h, "\xff", 1);
    free(data);
    folio_ctx_free(quiet);
    return h;
}

uint64_t folio_resources_fingerprint(const folio_resources *cres)
{
    folio_resources *res = (folio_resources *)cres;
    if (!res)
        return 0;
    pthread_mutex_lock(&res->lock);
    if (!res->have_fingerprint) {
        uint64_t h = folio_house_fingerprint(res->house);
        h = fnv1a(h, FOLIO_VERSION, sizeof FOLIO_VERSION);
        for (int i = 0; i < FOLIO_FACE_COUNT; i++)
            h = hash_file(h, folio_fonts_path(res->fonts, (folio_face)i));
        /* the emblem image a house style may name, relative to its file */
        const char *v = folio_house_get(res->house, "document", "emblem-image");
        if (v && *v) {
            const char *file = folio_house_file_of(res->house, "document", "emblem-image");
            const char *slash = strrchr(file, '/');
            char path[4096];
            if (v[0] != '/' && slash)
                snprintf(path, sizeof path, "%.*s/%s", (int)(slash - file), file, v);
            else
                snprintf(path, sizeof path, "%s", v);
            h = hash_file(h, path);
        }
        res->fingerprint = h;
        res->have_fingerprint = 1;
    }
    pthread_mutex_unlock(&res->lock);
    return res->fingerprint;
}
