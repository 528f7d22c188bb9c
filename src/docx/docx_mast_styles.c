/* The styles the masthead derives for each document: the grid's styles
 * placed by their spacing (the positions of un-format.md §1.2, the same
 * the PDF layout uses), the organ at the size that fits its column, the
 * lines under the thick rule ending at the column, and the masthead title
 * and subtitle spaced like the PDF's. */
#include <string.h>

#include "docx/docx_xml.h"

#define PT FOLIO_PT

/* Positions inside the band, from the thin rule. */
#define WORDMARK_ABOVE PT(7)      /* wordmark baseline above the thin rule */
#define EMBLEM_TOP PT(7)          /* emblem top */
#define EMBLEM_LEFT PT(4)         /* emblem inside the frame's left edge */
#define ORGAN_TOP PT(7)           /* organ baseline: this + 0.8 size */
#define ORGAN_GAP PT(10)          /* organ text ends before the right column */
#define RIGHT_BASELINE PT(21.9)   /* "Distr." baseline */
#define TITLE_STEP PT(32.4)       /* last masthead line to title baseline */
#define SUBTITLE_STEP PT(31.9)    /* title's last baseline to subtitle's */
/* Advance widths of Times Bold (1/1000 em) for estimating where the organ
 * wraps; the DOCX writer has no font metrics of its own. */
static const short lower_w[26] = {500, 556, 444, 556, 444, 333, 500, 556, 278,
                                  333, 556, 278, 833, 556, 500, 556, 556, 444,
                                  389, 333, 556, 500, 722, 500, 500, 444};
static const short upper_w[26] = {722, 667, 722, 722, 667, 611, 778, 778, 389,
                                  500, 778, 667, 944, 722, 778, 611, 778, 722,
                                  556, 667, 722, 722, 1000, 722, 722, 667};

static int32_t char_w(unsigned char c)
{
    if (c >= 'a' && c <= 'z')
        return lower_w[c - 'a'];
    if (c >= 'A' && c <= 'Z')
        return upper_w[c - 'A'];
    if (c >= '0' && c <= '9')
        return 500;
    if (c == ' ')
        return 250;
    if (c >= 0xC0) /* lead byte of a non-ASCII letter */
        return 560;
    if (c >= 0x80) /* continuation byte */
        return 0;
    return 333;
}

/* Lines `text` takes at `size` in `width` with greedy wrapping. */
static int lines_at(const char *text, int32_t size, int32_t width)
{
    int lines = 1;
    int64_t line = 0, space = (int64_t)250 * size / 1000;
    for (const char *p = text; *p;) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        int64_t w = 0;
        for (; *p && *p != ' '; p++)
            w += (int64_t)char_w((unsigned char)*p) * size / 1000;
        if (line > 0 && line + space + w > width) {
            lines++;
            line = w;
        } else {
            line += (line > 0 ? space : 0) + w;
        }
    }
    return lines;
}

/* The organ at 20 pt bold when it fits on two lines, smaller for the long
 * names of conference bodies (as the PDF layout chooses). */
static int32_t organ_size(const char *organ, int32_t width)
{
    static const int32_t sizes[] = {PT(20), PT(16), PT(14), PT(12)};
    static const int max_lines[] = {2, 3, 4, 5};
    if (!organ)
        return sizes[0];
    for (int i = 0; i < 3; i++)
        if (lines_at(organ, sizes[i], width) <= max_lines[i])
            return sizes[i];
    return sizes[3];
}

/* A copy of the style `name` (the flow's or the built-in one) that this
 * document's styles.xml will carry instead. */
static folio_pstyle *own(dx_doc *d, const char *name, const char *based_on)
{
    const folio_pstyle *src = folio_dx_style(d, name);
    return src ? folio_dx_own_style(d, src, based_on) : NULL;
}

static int32_t line_top(const folio_pstyle *st)
{
    int32_t lead = st->leading > 0 ? st->leading : st->size * 115 / 100;
    return lead - DX_DESCENT(st->size);
}

int folio_dx_masthead_styles(dx_doc *d)
{
    const folio_masthead *m = &d->f->mast;
    folio_pstyle *st;
#define OWN(name, base) \
    if (!(st = own(d, name, base))) \
        return FOLIO_E_NOMEM;

    /* Row 1 sits on the thin rule: the wordmark line ends above it. */
    OWN("UNMastWordmark", NULL);
    st->space_after = WORDMARK_ABOVE - DX_DESCENT(PT(20));
    OWN("UNMastEmblem", NULL);
    st->space_before = EMBLEM_TOP;
    st->indent_left = EMBLEM_LEFT;
    OWN("UNMastOrgan", NULL);
    st->size = organ_size(m->organ, DX_MAST_COL3 - DX_MAST_COL1 - ORGAN_GAP);
    st->leading = st->size * 11 / 10;
    st->space_before = ORGAN_TOP + st->size * 8 / 10 - line_top(st);
    st->indent_right = ORGAN_GAP;
    OWN("UNMastDistr", NULL);
    st->space_before = RIGHT_BASELINE - line_top(st);

    /* Lines under the thick rule run from the frame to the width the flow
     * gives (unless the flow has styles of its own for them). */
    static const char *const lines[] = {"UNMastBody", "UNMastSession",
                                        "UNMastLine"};
    for (int i = 0; i < 3; i++) {
        if (folio_flow_style(d->f, lines[i]))
            continue;
        OWN(lines[i], NULL);
        /* they wrap where the flow says, measured from the frame */
        st->indent_right = d->f->page.frame_right - d->f->page.frame_left -
                           d->f->mast_lines_width;
    }

    /* The masthead title and subtitle: the flow's styles, spaced like the
     * PDF's masthead (baseline steps of 32.4 and 31.9 pt). */
    const folio_pstyle *line10 = folio_dx_style(d, "UNMastLine");
    const folio_pstyle *title = folio_dx_style(d, "UNTitle");
    const folio_pstyle *sub = folio_dx_style(d, "UNSubtitle");
    OWN("UNTitle", title->name);
    st->name = "UNMastTitle";
    st->ui_name = "UN Masthead Title";
    st->space_before = TITLE_STEP - line_top(st) - DX_DESCENT(line10->size) -
                       line10->space_after;
    st->page_break_before = 0;
    OWN("UNSubtitle", sub->name);
    st->name = "UNMastSubtitle";
    st->ui_name = "UN Masthead Subtitle";
    st->space_before = SUBTITLE_STEP - line_top(st) - DX_DESCENT(title->size) -
                       title->space_after;
    st->page_break_before = 0;
#undef OWN
    return 0;
}
