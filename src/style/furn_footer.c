/* The first-page footer (job number, Code 39 barcode and its human-
 * readable line, "Please recycle" with its mark, the QR code of the
 * document's address) and the later pages' furniture (running head and
 * its rule, page number, job number), from [footer], [running-head] and
 * the station's geometry. */
#include <string.h>

#include "style/furn_internal.h"

#define F "footer"
#define R "running-head"

/* The human-readable line under the bars, spread across them as on the
 * official page: "*  1  9  1  3  8  7  9  *". */
static int barcode_text(furn_rd *r, folio_flow *f, int32_t x0)
{
    folio_furniture *u = &f->furn;
    const char *payload = u->barcode.payload;
    size_t n = strlen(payload) + 2;
    char *hr = folio_alloc(r->a, n + 1);
    int32_t *cx = folio_alloc(r->a, n * sizeof *cx), *cw = folio_alloc(r->a, n * sizeof *cw);
    if (!hr || !cx || !cw)
        return FOLIO_E_NOMEM;
    hr[0] = '*';
    memcpy(hr + 1, payload, n - 2);
    hr[n - 1] = '*';
    int32_t step = u->barcode.box.w / (int32_t)n;
    for (size_t i = 0; i < n; i++) {
        cw[i] = folio_text_width(r->fonts, u->barcode.font.face, u->barcode.font.size, hr + i, 1);
        cx[i] = x0 + (int32_t)i * step + (step - cw[i]) / 2;
    }
    u->barcode.text = hr;
    u->barcode.char_x = cx;
    u->barcode.char_w = cw;
    return 0;
}

static int barcode(furn_rd *r, folio_flow *f, int32_t fl, int32_t top)
{
    folio_furniture *u = &f->furn;
    int32_t module = folio_furn_len(r, F, "barcode-module");
    int32_t height = folio_furn_len(r, F, "barcode-height");
    int32_t y = top + folio_furn_len(r, F, "barcode-y");
    folio_furn_font font = folio_furn_font_of(r, F, "barcode-text");
    int32_t text_y = top + folio_furn_len(r, F, "barcode-text-baseline");
    if (r->rc || !f->mast.barcode || !folio_furn_has(r, F, "barcode"))
        return r->rc;
    if (module <= 0 || height <= 0)
        return folio_error(r->ctx, FOLIO_E_STYLE, (folio_pos){0, 0},
                           "%s: [footer] barcode-module and barcode-height must be positive",
                           r->h->file);
    /* the art in modules: one unit is the narrow bar */
    int rc = folio_art_code39(r->a, f->mast.barcode, (float)height / (float)module,
                              &u->barcode.art);
    if (rc)
        return folio_error(r->ctx, rc, (folio_pos){0, 0},
                           "job number \"%s\" cannot be set as a Code 39 barcode",
                           f->mast.job_line ? f->mast.job_line : f->mast.barcode);
    u->barcode.payload = f->mast.barcode;
    u->barcode.module = module;
    u->barcode.box = (folio_furn_box){fl, y, (int32_t)(u->barcode.art->width * module), height};
    u->barcode.font = font;
    u->barcode.text_y = text_y;
    return folio_furn_has(r, F, "barcode-text") ? barcode_text(r, f, fl) : 0;
}

int folio_furn_footer(furn_rd *r, folio_flow *f)
{
    folio_furniture *u = &f->furn;
    const folio_masthead *m = &f->mast;
    int32_t top = f->page.first_footer_top, fl = f->page.frame_left, fr = f->page.frame_right;
    int rc;
    if (folio_furn_has(r, F, "job"))
        u->job = folio_furn_text_at(r, m->job_line, folio_furn_font_of(r, F, "job"), fl,
                                    top + folio_furn_len(r, F, "job-baseline"));
    if ((rc = barcode(r, f, fl, top)))
        return rc;

    /* The QR code, inside the frame's right edge. */
    int32_t side = folio_furn_len(r, F, "qr-size");
    int32_t qr_x = fr - folio_furn_len(r, F, "qr-inset") - side;
    if (m->qr_url && folio_furn_has(r, F, "qr") && !r->rc) {
        if ((rc = folio_art_qr(r->a, m->qr_url, 0, &u->qr_art)))
            return rc == FOLIO_E_NOMEM
                       ? rc
                       : folio_error(r->ctx, FOLIO_E_INPUT, (folio_pos){0, 0},
                                     "the first page's QR code cannot hold \"%.80s%s\" (%zu "
                                     "bytes: [document] qr-url with the symbol \"%.60s%s\"); a "
                                     "QR code holds at most 2331 bytes", m->qr_url,
                                     strlen(m->qr_url) > 80 ? "..." : "", strlen(m->qr_url),
                                     m->symbol, strlen(m->symbol) > 60 ? "..." : "");
        u->qr_url = m->qr_url;
        u->qr = (folio_furn_box){qr_x, top + folio_furn_len(r, F, "qr-y"), side, side};
    }

    /* "Please recycle", then the recycling mark; the group ends before
     * the QR code: a long wording (Russian) starts further left, as the
     * Russian original does. */
    if (!folio_furn_has(r, F, "recycle"))
        return r->rc;
    folio_furn_font font = folio_furn_font_of(r, F, "recycle");
    int32_t gap = folio_furn_len(r, F, "recycle-mark-gap");
    int32_t mark = folio_furn_len(r, F, "recycle-mark-size");
    int32_t group_end = qr_x - folio_furn_len(r, F, "recycle-qr-gap");
    u->recycle = folio_furn_text_at(r, m->recycle, font, fl + folio_furn_len(r, F, "recycle-x"),
                                    top + folio_furn_len(r, F, "recycle-baseline"));
    int32_t rx = u->recycle.x, rw = u->recycle.width;
    if (rx + rw + gap + mark > group_end)
        rx = group_end - rw - gap - mark;
    u->recycle.x = rx;
    if (r->rc)
        return r->rc;
    if ((rc = folio_art_recycle(r->a, &u->recycle_art)))
        return rc;
    u->recycle_mark = (folio_furn_box){rx + rw + gap, top + folio_furn_len(r, F, "recycle-mark-y"),
                                       mark, mark};
    return r->rc;
}

int folio_furn_running(furn_rd *r, folio_flow *f)
{
    folio_furniture *u = &f->furn;
    const folio_page_geom *g = &f->page;
    const folio_pstyle *hs = f->header_style, *fs = f->footer_style;
    int32_t fl = g->frame_left, fr = g->frame_right;
    if (!hs || !fs)
        return folio_error(r->ctx, FOLIO_E_STYLE, (folio_pos){0, 0},
                           "%s: the running heads need UNHeader and UNFooter styles", r->h->file);
    /* the symbol over a rule, at the outer edge */
    const char *sym = f->mast.running_symbol;
    if (folio_furn_has(r, R, "symbol") && sym && *sym) {
        u->head.text = sym;
        u->head.even = folio_furn_side(r, R, "symbol-even");
        u->head.odd = folio_furn_side(r, R, "symbol-odd");
    }
    u->head.font = (folio_furn_font){hs->face, hs->size};
    u->head.y = g->header_baseline;
    u->head.rule = (folio_furn_rule){fl, g->header_rule_y, fr - fl,
                                     folio_furn_len(r, R, "rule")};
    if (!folio_furn_has(r, R, "rule"))
        u->head.rule.thickness = 0;
    /* the page number: "2", or "2/9" where the station (or class) says */
    if (folio_furn_has(r, R, "folio")) {
        u->folio.even = folio_furn_side(r, R, "folio-even");
        u->folio.odd = folio_furn_side(r, R, "folio-odd");
    }
    u->folio.of_total = g->folio_of_total;
    u->folio.font = (folio_furn_font){fs->face, fs->size};
    u->folio.y = g->footer_baseline;
    /* the job number where the station prints it, at the inner edge */
    if (folio_furn_has(r, R, "later-job") && f->mast.later_job) {
        u->later_job.text = f->mast.later_job;
        u->later_job.even = folio_furn_side(r, R, "later-job-even");
        u->later_job.odd = folio_furn_side(r, R, "later-job-odd");
    }
    u->later_job.font = (folio_furn_font){folio_furn_face(r, R, "later-job-face"),
                                          g->later_job_size};
    u->later_job.y = g->footer_baseline - folio_furn_len(r, R, "later-job-raise");
    return r->rc;
}
