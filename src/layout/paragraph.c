/* Setting a paragraph: runs become words of styled fragments; in justified
 * text the fragments are cut where a line may end inside a word (hyphen-
 * ation points, explicit hyphens); the words become boxes, glue and
 * penalties for the line breaker (linebreak.c); and each piece is placed on
 * its line (justified by placing every word, since libharu's word spacing
 * does not work with the 2-byte fonts it embeds). The phases are
 * para_words.c, para_cut.c, para_items.c and para_place.c (para.h); this
 * file runs them. */
#include "layout/para.h"

int folio_set_paragraph(lctx *L, const folio_pstyle *st, const char *label,
                  const folio_run *runs, size_t nruns, hbox box, vblock *out)
{
    wordlist raw = {0}, wl = {0};
    itemvec iv = {0};
    size_t *ends = NULL, nlines = 0;
    int rc = 0;
    int32_t width = box.right - box.left;
    int32_t first_x = box.left, label_x = 0;
    int32_t label_w = label ? folio_para_label_width(L, st, label) : 0;
    int justify = st->align == FOLIO_H_JUSTIFY;
    /* A right-to-left paragraph is set as its mirror image: every x from
     * the box's right edge (the box itself mirrors its indents). */
    int32_t mirror = L->flow->lang.rtl ? box.left + box.right : 0;

    out->space_before = st->space_before;
    out->space_after = st->space_after;
    out->keep_with_next = st->keep_with_next;
    out->page_break_before = st->page_break_before;
    if (st->label_place == FOLIO_LABEL_AT_INDENT) {
        /* The first line starts at the tab stop, label or not: an
         * unnumbered paragraph is indented like a numbered one. */
        label_x = box.left + st->label_indent;
        first_x = box.left + st->first_line;
        int32_t min_x = label_x + label_w + st->size / 4;
        if (label && first_x < min_x)
            first_x = min_x;
    } else if (st->label_place == FOLIO_LABEL_HANG) {
        /* the label at its place, the text at the indent (or after a
         * label wider than the room left for it) */
        label_x = box.left + st->label_indent;
        int32_t min_x = label_x + label_w + st->size / 4;
        if (label && first_x < min_x)
            first_x = min_x;
    } else if (label) {
        label_x = box.left - st->label_gap - label_w;
    }
    if ((rc = folio_para_make_words(L, st, runs, nruns, &raw)))
        goto done;
    if (!raw.nw) {
        if (label) {
            vline *ln = folio_vblock_line(L, out, st->leading);
            if (!ln || (rc = folio_para_place_label(L, out, ln, st, label, label_x, mirror)))
                rc = rc ? rc : FOLIO_E_NOMEM;
        }
        goto done;
    }
    const folio_break_costs *costs = &L->flow->lang.costs;
    const hyph_dict *dict =
        justify ? folio_hyph_dict(L->flow->house, L->flow->lang.hyphenation) : NULL;
    lb_params prm = {box.right - first_x, width,
                     (int32_t)((int64_t)costs->emergency_stretch * st->size / 1000), justify, 0,
                     costs, 0};
    prm.narrow = (int32_t)((int64_t)costs->narrow_measure * st->size);
    /* Most paragraphs are set by the first pass, which never hyphenates:
     * try that on words cut only at their explicit hyphens, and look for
     * hyphenation points (a fifth of the layout's time) only when it finds
     * no setting. The first pass skips pattern points, so its setting is
     * the same either way. */
    prm.first_pass_only = dict != NULL;
    /* what must fit on any line, the first (after a label) included */
    int32_t cut_max = box.right - first_x < width ? box.right - first_x : width;
    if (cut_max < st->size)
        cut_max = st->size;
    for (;;) {
        rc = folio_para_cut_words(L, &raw, justify, prm.first_pass_only ? NULL : dict, cut_max, &wl);
        if (rc || (rc = folio_para_make_items(L, &wl, justify ? L->flow->font_expansion : 0, cut_max, &iv)))
            goto done;
        free(ends);
        if (!(ends = folio_malloc(iv.n * sizeof *ends))) {
            rc = FOLIO_E_NOMEM;
            goto done;
        }
        rc = folio_break_lines(iv.v, iv.n, &prm, ends, &nlines);
        if (rc != LB_NO_FIT)
            break;
        prm.first_pass_only = 0; /* again, with the hyphenation points */
        folio_para_words_free(&wl);
        iv.n = 0;
    }
    folio_para_words_free(&raw); /* the pieces are all that is needed from here on */
    if (rc)
        goto done;
    size_t start = 0;
    for (size_t li = 0; li < nlines; li++) {
        /* what vanishes after a break: glue and penalties before a box */
        while (start < ends[li] && iv.v[start].kind != LB_BOX)
            start++;
        int32_t x0 = li == 0 ? first_x : box.left;
        line l = {start, ends[li], x0, box.right - x0};
        vline *ln = folio_vblock_line(L, out, st->leading);
        if (!ln) {
            rc = FOLIO_E_NOMEM;
            goto done;
        }
        if (li == 0 && label && (rc = folio_para_place_label(L, out, ln, st, label, label_x, mirror)))
            goto done;
        size_t text0 = out->items.n; /* the line's text, after its label */
        if ((rc = folio_para_place_line(L, st, &wl, &iv, &l, out, ln, mirror)))
            goto done;
        /* "I. Introduction": a label in the text's own element is a word */
        if (li == 0 && label && L->tag.label == L->tag.text && text0 > ln->item0)
            for (size_t k = text0; k < out->items.n; k++)
                if (out->items.v[k].kind == FOLIO_ITEM_TEXT && out->items.v[k].sid == L->tag.text) {
                    out->items.v[k].word_start = 1;
                    break;
                }
        ln->hyphenated = iv.v[ends[li]].kind == LB_PENALTY &&
                         (iv.v[ends[li]].flags & LB_FLAGGED);
        start = ends[li] + 1;
    }
done:
    free(ends);
    free(iv.v);
    free(iv.ref);
    folio_para_words_free(&raw);
    folio_para_words_free(&wl);
    return rc;
}

int folio_measure_runs(lctx *L, const folio_pstyle *st, const folio_run *runs,
                 size_t nruns, int32_t *minw, int32_t *maxw)
{
    wordlist wl = {0};
    int rc = folio_para_make_words(L, st, runs, nruns, &wl);
    int64_t total = 0, group = 0, widest = 0;
    for (size_t k = 0; !rc && k < wl.nw; k++) {
        int64_t w = folio_para_word_width(&wl, k);
        int32_t sp = k + 1 < wl.nw ? wl.w[k].space : 0;
        total += w + sp;
        /* words joined by no-break spaces are one unbreakable group */
        group += w;
        if (group > widest)
            widest = group;
        group = wl.w[k].nobreak && !wl.w[k].forced ? group + sp : 0;
    }
    *minw = widest > INT32_MAX / 2 ? INT32_MAX / 2 : (int32_t)widest;
    *maxw = total > INT32_MAX / 2 ? INT32_MAX / 2 : (int32_t)total;
    folio_para_words_free(&wl);
    return rc;
}
