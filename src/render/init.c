/* The library's global set-up: libxml2's allocator (folio's, so that the
 * allocation-failure tests reach it), parser and error output (none: the
 * library never prints; libxml2 would print to stderr what its writer and
 * lists cannot allocate, and folio reports the failure itself), cmark-gfm's
 * extension registry. These build global tables on first use without a lock, so they
 * are made here, once, before threads start. Counted: each folio_init
 * wants its folio_shutdown. */
#include <pthread.h>
#include <stdlib.h>

#include <cmark-gfm-core-extensions.h>
#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>

#include "folio/base.h"
#include "util/mem.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int inits;
/* libxml2's allocator before folio_init, given back by folio_shutdown */
static xmlFreeFunc old_free;
static xmlMallocFunc old_malloc;
static xmlReallocFunc old_realloc;
static xmlStrdupFunc old_strdup;

static void *xml_malloc(size_t size)
{
    return folio_malloc(size);
}

static void *xml_realloc(void *p, size_t size)
{
    return folio_realloc(p, size);
}

static char *xml_strdup(const char *s)
{
    return folio_mem_strdup(s);
}

static void xml_quiet(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

int folio_init(void)
{
    int rc = 0;
    pthread_mutex_lock(&lock);
    if (inits == 0) {
        xmlMemGet(&old_free, &old_malloc, &old_realloc, &old_strdup);
        if (xmlMemSetup(free, xml_malloc, xml_realloc, xml_strdup) != 0)
            rc = FOLIO_E_NOMEM;
        xmlInitParser();
        xmlThrDefSetGenericErrorFunc(NULL, xml_quiet); /* threads to come */
        xmlSetGenericErrorFunc(NULL, xml_quiet);       /* this one */
        cmark_gfm_core_extensions_ensure_registered();
    }
    if (rc == 0)
        inits++;
    pthread_mutex_unlock(&lock);
    return rc;
}

void folio_shutdown(void)
{
    pthread_mutex_lock(&lock);
    if (inits > 0 && --inits == 0) {
        xmlCleanupParser();
        if (old_malloc)
            xmlMemSetup(old_free, old_malloc, old_realloc, old_strdup);
    }
    pthread_mutex_unlock(&lock);
}
