/* Loading the house style: the files of the folder (the built-in copy,
 * with a folder or a file laid over it), each parsed into sections of
 * `key = value` entries named after where the file lies:
 *
 *   un.style (any .style at the top)  [section] as written
 *   languages/xx.style                lang.xx, and [sub] -> lang.xx.sub
 *   stations/NAME.style               station.NAME, [sub] -> station.NAME.sub
 *   classes/NAME.style                class.NAME, [sub] -> class.NAME.sub
 *   *.dic                             kept as bytes (hyphenation patterns)
 *
 * A section defined in two files is an error naming both. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "house/house.h"
#include "util/ctx.h"
#include "util/mem.h"
#include "util/vec.h"

#define MAX_STYLE_BYTES ((size_t)1 << 20)   /* one .style file */
#define MAX_DATA_BYTES ((size_t)16 << 20)   /* one hyphenation dictionary */
#define MAX_FILES 4096
#define MAX_DEPTH 4
#define MAX_SECTIONS 10000                 /* sections of the whole house */

/* The folders of the house and the section prefix of their files. */
static const struct { const char *folder, *prefix; } folders[] = {
    {"languages", "lang"}, {"stations", "station"}, {"classes", "class"}};

static int ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), k = strlen(tail);
    return n >= k && !strcmp(s + n - k, tail);
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        s[--n] = 0;
    /* "quoted" values keep their spaces */
    if (n >= 2 && s[0] == '"' && s[n - 1] == '"') {
        s[n - 1] = 0;
        s++;
    }
    return s;
}

/* ---- the set of files -----------------------------------------------------*/

typedef struct fileset {
    folio_house_file *v;
    size_t n, cap;
} fileset;

/* Put a file in the set, replacing one of the same name. */
static int put_file(folio_arena *a, fileset *fs, const folio_house_file *f)
{
    for (size_t i = 0; i < fs->n; i++)
        if (!strcmp(fs->v[i].name, f->name)) {
            fs->v[i] = *f;
            return 0;
        }
    if (FOLIO_ARENA_VEC_ROOM(a, fs->v, fs->n, fs->cap, 64))
        return FOLIO_E_NOMEM;
    fs->v[fs->n++] = *f;
    return 0;
}

/* Read the file at `path` into the set as `name`. */
static int read_into(folio_ctx *ctx, folio_arena *a, fileset *fs, const char *path,
                     const char *name)
{
    char *data = NULL;
    size_t len = 0;
    int rc = folio_read_file(ctx, path, ends_with(name, ".dic") ? MAX_DATA_BYTES
                                                                  : MAX_STYLE_BYTES,
                             &data, &len);
    if (rc)
        return rc;
    folio_house_file f = {folio_strdup(a, name), folio_strdup(a, path), NULL, len};
    char *copy = folio_alloc(a, len + 1);
    if (copy)
        memcpy(copy, data, len);
    free(data);
    f.data = copy;
    if (!f.name || !f.origin || !copy)
        return FOLIO_E_NOMEM;
    return put_file(a, fs, &f);
}

/* Every .style and .dic file under `dir` (name relative to `top`), into
 * the set. Hidden files and folders are skipped. */
static int walk(folio_ctx *ctx, folio_arena *a, fileset *fs, const char *dir,
                const char *rel, int depth)
{
    DIR *d = opendir(dir);
    if (!d)
        return folio_error(ctx, FOLIO_E_IO, (folio_pos){0, 0}, "cannot read the folder %s", dir);
    int rc = 0;
    struct dirent *de;
    while (!rc && (de = readdir(d))) {
        if (de->d_name[0] == '.')
            continue;
        char *path = folio_sprintf(a, "%s/%s", dir, de->d_name);
        char *name = rel[0] ? folio_sprintf(a, "%s/%s", rel, de->d_name)
                            : folio_strdup(a, de->d_name);
        if (!path || !name) {
            rc = FOLIO_E_NOMEM;
            break;
        }
        struct stat st;
        if (stat(path, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode)) {
            if (depth + 1 >= MAX_DEPTH)
                rc = folio_error(ctx, FOLIO_E_STYLE, (folio_pos){0, 0},
                                 "%s: folders nested too deep for a house style", path);
            else
                rc = walk(ctx, a, fs, path, name, depth + 1);
        } else if (S_ISREG(st.st_mode) && (ends_with(name, ".style") || ends_with(name, ".dic"))) {
            if (fs->n >= MAX_FILES)
                rc = folio_error(ctx, FOLIO_E_LIMIT, (folio_pos){0, 0},
                                 "%s: more than %d files in a house style", dir, MAX_FILES);
            else
                rc = read_into(ctx, a, fs, path, name);
        }
    }
    closedir(d);
    return rc;
}

static int by_name(const void *x, const void *y)
{
    const folio_house_file *a = x, *b = y;
    int ua = !strcmp(a->name, "un.style"), ub = !strcmp(b->name, "un.style");
    if (ua != ub)
        return ub - ua; /* un.style first */
    return strcmp(a->name, b->name);
}

/* ---- parsing ----------------------------------------------------------------*/

typedef struct parser {
    folio_ctx *ctx;
    folio_house *h;
    size_t cap;
} parser;

/* The section prefix of a file by where it lies ("" at the top), or NULL
 * when folio does not read .style files there. */
static const char *prefix_of(folio_arena *a, const char *name)
{
    const char *slash = strchr(name, '/');
    if (!slash)
        return "";
    for (size_t i = 0; i < sizeof folders / sizeof folders[0]; i++) {
        size_t k = strlen(folders[i].folder);
        if (!strncmp(name, folders[i].folder, k) && name[k] == '/') {
            const char *stem = name + k + 1;
            size_t sl = strlen(stem) - strlen(".style");
            if (!sl || memchr(stem, '/', sl) || memchr(stem, '.', sl))
                return NULL;
            for (size_t c = 0; c < sl; c++)
                if (stem[c] == ' ' || stem[c] == '[' || stem[c] == ']')
                    return NULL;
            return folio_sprintf(a, "%s.%.*s", folders[i].prefix, (int)sl, stem);
        }
    }
    return NULL;
}

static int parse_file(parser *p, const folio_house_file *f)
{
    folio_house *h = p->h;
    folio_arena *a = h->arena;
    const char *prefix = prefix_of(a, f->name);
    if (!prefix)
        return folio_error(p->ctx, FOLIO_E_STYLE, (folio_pos){0, 0},
                           "%s: folio reads the .style files at the top of the house style "
                           "and in languages/, stations/ and classes/",
                           f->origin);
    const char *section = prefix;
    int lineno = 0;
    for (const char *s0 = f->data; *s0;) {
        const char *eol = strchr(s0, '\n');
        size_t len = eol ? (size_t)(eol - s0) : strlen(s0);
        char *line = folio_strndup(a, s0, len);
        if (!line)
            return FOLIO_E_NOMEM;
        lineno++;
        s0 += len + (eol ? 1 : 0);
        char *s = trim(line);
        if (*s == 0 || *s == '#')
            continue;
        if (*s == '[') {
            char *end = strchr(s, ']');
            if (!end || end[1] || end == s + 1)
                return folio_error(p->ctx, FOLIO_E_STYLE, (folio_pos){lineno, 1},
                                   "%s:%d: malformed section header", f->origin, lineno);
            *end = 0;
            section = *prefix ? folio_sprintf(a, "%s.%s", prefix, s + 1) : s + 1;
            if (!section)
                return FOLIO_E_NOMEM;
            continue;
        }
        char *eq = strchr(s, '=');
        if (!eq)
            return folio_error(p->ctx, FOLIO_E_STYLE, (folio_pos){lineno, 1},
                               "%s:%d: expected `key = value`", f->origin, lineno);
        *eq = 0;
        if (FOLIO_ARENA_VEC_ROOM(a, h->e, h->n, p->cap, 256))
            return FOLIO_E_NOMEM;
        h->e[h->n++] = (folio_house_entry){section, trim(s), trim(eq + 1), lineno, f->origin};
    }
    return 0;
}

/* Every section once, in order; a section met in two files is an error
 * naming the first line of each. The sections seen are found through a
 * hash table: a style of many sections costs no more than its lines. */
static int list_sections(folio_ctx *ctx, folio_house *h)
{
    const char **v = folio_alloc(h->arena, (h->n + 1) * sizeof *v);
    const folio_house_entry **first = folio_alloc(h->arena, (h->n + 1) * sizeof *first);
    size_t cap = 64;
    while (cap < 2 * h->n + 2)
        cap *= 2;
    size_t *slots = folio_alloc(h->arena, cap * sizeof *slots); /* 1 + index in v, 0 free */
    if (!v || !first || !slots)
        return FOLIO_E_NOMEM;
    memset(slots, 0, cap * sizeof *slots);
    size_t n = 0;
    for (size_t i = 0; i < h->n; i++) {
        const folio_house_entry *e = &h->e[i];
        uint32_t x = 2166136261u; /* FNV-1a */
        for (const char *c = e->section; *c; c++)
            x = (x ^ (unsigned char)*c) * 16777619u;
        size_t k = x & (cap - 1);
        while (slots[k] && strcmp(v[slots[k] - 1], e->section))
            k = (k + 1) & (cap - 1);
        if (slots[k]) {
            const folio_house_entry *f = first[slots[k] - 1];
            if (f->file != e->file)
                return folio_error(ctx, FOLIO_E_STYLE, (folio_pos){0, 0},
                                   "%s:%d: [%s] is defined twice: here and in %s:%d",
                                   e->file, e->line, e->section, f->file, f->line);
            continue;
        }
        if (n == MAX_SECTIONS)
            return folio_error(ctx, FOLIO_E_STYLE, (folio_pos){0, 0},
                               "%s:%d: [%s]: more than %d sections in the house style",
                               e->file, e->line, e->section, MAX_SECTIONS);
        v[n] = e->section;
        first[n++] = e;
        slots[k] = n;
    }
    h->sections = v;
    h->nsections = n;
    return 0;
}

/* ---- loading ----------------------------------------------------------------*/

static int is_folder(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int load(folio_ctx *ctx, const char *path, folio_house **out)
{
    int rc = 0;
    *out = NULL;
    folio_arena *a = folio_arena_new();
    folio_house *h = a ? folio_alloc(a, sizeof *h) : NULL;
    if (!h) {
        folio_arena_free(a);
        return folio_error(ctx, FOLIO_E_NOMEM, (folio_pos){0, 0}, "out of memory");
    }
    h->arena = a;
    pthread_mutex_init(&h->lock, NULL);
    fileset fs = {0};
    for (size_t i = 0; i < folio_builtin_house_count && !rc; i++) {
        const folio_house_builtin *b = &folio_builtin_house[i];
        folio_house_file f = {b->name, folio_sprintf(a, "<built-in>/%s", b->name), b->data,
                              b->len};
        rc = f.origin ? put_file(a, &fs, &f) : FOLIO_E_NOMEM;
    }
    /* Laid over it: the installed copy, or what the caller gives. */
    const char *dir = getenv("FOLIO_DATADIR");
    char *installed = !path && dir ? folio_sprintf(a, "%s/styles", dir) : NULL;
    if (!rc && installed && is_folder(installed))
        rc = walk(ctx, a, &fs, installed, "", 0);
    else if (!rc && path && is_folder(path))
        rc = walk(ctx, a, &fs, path, "", 0);
    else if (!rc && path)
        rc = read_into(ctx, a, &fs, path, "un.style");
    if (rc)
        goto done;
    qsort(fs.v, fs.n, sizeof *fs.v, by_name);
    h->files = fs.v;
    h->nfiles = fs.n;
    const folio_house_file *un = folio_house_find_file(h, "un.style");
    h->file = un ? un->origin : "<built-in>/un.style";
    parser p = {ctx, h, 0};
    for (size_t i = 0; i < fs.n && !rc; i++)
        if (ends_with(fs.v[i].name, ".style"))
            rc = parse_file(&p, &fs.v[i]);
    if (!rc)
        rc = folio_house_index(h);
    if (!rc)
        rc = list_sections(ctx, h);
    if (!rc)
        rc = folio_house_build_words(ctx, h);
done:
    if (rc) {
        folio_house_free(h);
        return rc;
    }
    *out = h;
    return 0;
}

int folio_house_load(folio_ctx *ctx, const char *path, folio_house **out)
{
    unsigned long failures = folio_mem_failures();
    size_t errors = folio_ctx_errors(ctx);
    int rc = folio_ctx_settle(ctx, failures, errors, load(ctx, path, out));
    if (rc) {
        folio_house_free(*out);
        *out = NULL;
    }
    return rc;
}
