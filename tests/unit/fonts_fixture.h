/* The house fonts, loaded once for a cmocka group (tests run from the
 * repository root): include in a test file, pass setup/teardown to
 * cmocka_run_group_tests_name. */
#ifndef FOLIO_TEST_FONTS_FIXTURE_H
#define FOLIO_TEST_FONTS_FIXTURE_H

#include "folio.h"
#include "model/model.h"
#include "style/flow.h"
#include "layout/layout.h"
#include "pdf/pdf.h"
#include "docx/docx.h"

static folio_fonts *fonts;

static int setup(void **state)
{
    folio_ctx *ctx = NULL;
    (void)state;
    folio_ctx_new("fonts", &ctx);
    int rc = folio_fonts_load(ctx, "fonts", &fonts);
    folio_ctx_free(ctx);
    return rc;
}

static int teardown(void **state)
{
    (void)state;
    folio_fonts_free(fonts);
    return 0;
}

#endif
