/* What a block is, for the page builder: a heading by its look, the
 * lead-in of a list, an item of one; and how few of its lines may start a
 * page's foot. */
#include <string.h>

#include "layout/block_look.h"

/* The styles shared by every run of a paragraph's text (FOLIO_EMPH,
 * FOLIO_STRONG) and the last character that is not a closing quote or
 * bracket (0 for none). */
static unsigned text_look(const folio_fblock *fb, char *end)
{
    unsigned all = FOLIO_EMPH | FOLIO_STRONG;
    const char *last = NULL;
    *end = 0;
    if (fb->kind != FOLIO_FLOW_PARA)
        return 0;
    for (size_t r = 0; r < fb->nruns; r++) {
        const folio_run *run = &fb->runs[r];
        if (run->kind != FOLIO_RUN_TEXT || !run->text)
            continue;
        if (run->text[strspn(run->text, " \t\n")] == 0)
            continue; /* a space between emphasised runs */
        all &= run->style;
        last = run->text;
    }
    if (!last)
        return 0;
    size_t n = strlen(last);
    for (;;) { /* closing quotes and brackets: " ' ) ] ” ’ » */
        if (n && strchr(" \t\n\"')]", last[n - 1]))
            n--;
        else if (n >= 3 && !memcmp(last + n - 3, "\xE2\x80", 2) &&
                 (last[n - 1] == '\x9D' || last[n - 1] == '\x99'))
            n -= 3;
        else if (n >= 2 && !memcmp(last + n - 2, "\xC2\xBB", 2))
            n -= 2;
        else
            break;
    }
    *end = n ? last[n - 1] : 0;
    return all;
}

/* A heading by its look: a paragraph or item of at most three lines whose
 * text is all bold or all italic and does not end a sentence (a lettered
 * sub-subheading, "(a) Lists of dangerous goods"). */
int folio_look_heading(const folio_fblock *fb, const vblock *b)
{
    char end;
    unsigned look = text_look(fb, &end);
    return b->nlines && b->nlines <= 3 && look && end && end != '.' && end != ';';
}

int folio_look_lead_in(const folio_fblock *fb)
{
    char end;
    text_look(fb, &end);
    return end == ':';
}

int folio_look_item(const folio_fblock *fb)
{
    return fb->kind == FOLIO_FLOW_PARA && fb->src && fb->src->kind == FOLIO_BLOCK_ITEM;
}

/* The fewest lines a block may start a page's foot with, as place_block
 * breaks it: all of a block kept with the next, a table's head rows and
 * one row, two lines of a paragraph, but all three of one of three lines
 * (two here would leave a widow, one an orphan). */
size_t folio_first_lines(const vblock *b, int keep)
{
    size_t n = keep || b->nlines <= 3 ? b->nlines : 2;
    if (b->head_rows)
        n = b->head_rows + 1 < b->nlines ? b->head_rows + 1 : b->nlines;
    return n;
}
