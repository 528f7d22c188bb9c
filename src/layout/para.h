/* Setting a paragraph, by phase: words (para_words.c: runs become words of
 * styled fragments), cuts (para_cut.c: where a line may end inside a word),
 * items (para_items.c: boxes, glue and penalties for the line breaker,
 * linebreak.c), placing (para_place.c: each piece on its line); the
 * driver is paragraph.c. Internal to those files. */
#ifndef FOLIO_LAYOUT_PARA_H
#define FOLIO_LAYOUT_PARA_H

#include <stdlib.h>
#include <string.h>

#include "layout/hyphenate.h"
#include "layout/inline.h"
#include "layout/layout_internal.h"
#include "layout/script.h"
#include "util/text.h"
#include "util/mem.h"

/* The costs of breaking (penalties of breaks inside words, how far a
 * space stretches and shrinks, the emergency stretch) are the language's,
 * from the house style: L->flow->lang.costs. */
#define MAX_POINTS 48            /* break points looked for in one fragment */

enum { BRK_NONE, BRK_HYPHEN, BRK_EXPLICIT, BRK_CUT,
       BRK_CJK /* between characters of text without spaces: glue */ };

static inline int32_t scaled(int32_t w, int32_t hscale)
{
    return (int32_t)((int64_t)w * hscale / 1000);
}

typedef struct frag {
    const char *text;
    size_t len;
    int face;                /* a face of the fonts (layout/fonts.h) */
    int32_t size, rise, width;
    const char *uri;
    const folio_fnote *note;
    unsigned char brk;       /* a line may end after this piece: BRK_* */
    unsigned char cont;      /* the text goes on from the previous piece */
    unsigned char level;     /* bidirectional level (odd: right to left) */
    unsigned char shaped;    /* set through the shaper (inline.c) */
    uint32_t sid;            /* its structure element (L->tag) */
    unsigned char word_start;/* a space comes before it in the text (set
                                by add_frag) */
} frag;

typedef struct word {
    size_t first;            /* its first fragment */
    int32_t space;           /* natural space after it */
    unsigned char forced;    /* a line ends after it */
    unsigned char nobreak;   /* the space after it does not break */
} word;

typedef struct wordlist {
    frag *f;
    size_t nf, fcap;
    word *w;
    size_t nw, wcap;
} wordlist;

/* The items for the breaker; ref[i] is the fragment of a box or penalty and
 * the word (before the space) of a glue. */
typedef struct itemvec {
    lb_item *v;
    size_t *ref;
    size_t n, cap;
} itemvec;

/* One line: items [s, e) of `iv`, ending with a break at item e. */
typedef struct line {
    size_t s, e;
    int32_t x0, avail;
} line;

/* para_words.c: the words of a paragraph's runs */
void folio_para_words_free(wordlist *wl);
size_t folio_para_word_end(const wordlist *wl, size_t k);
int64_t folio_para_word_width(const wordlist *wl, size_t k);
int folio_para_new_word(wordlist *wl, int32_t space_before, int nobreak_before);
int folio_para_add_frag(wordlist *wl, const frag *f);
int folio_para_measure(lctx *L, frag *f);
int folio_para_make_words(lctx *L, const folio_pstyle *st, const folio_run *runs,
                      size_t nruns, wordlist *wl);

/* para_cut.c: words cut where a line may end inside them (hyphenation,
 * kinsoku, long words) */
int folio_para_cut_words(lctx *L, const wordlist *in, int hyph, const hyph_dict *d,
                     int32_t max, wordlist *out);

/* para_items.c: the line breaker's items */
int folio_para_make_items(lctx *L, const wordlist *wl, int32_t expand, int32_t max, itemvec *iv);

/* para_place.c: placing a broken line, and a label */
int32_t folio_para_label_width(lctx *L, const folio_pstyle *st, const char *label);
int folio_para_place_label(lctx *L, vblock *b, vline *ln, const folio_pstyle *st,
                       const char *label, int32_t x, int32_t mirror);
int folio_para_place_line(lctx *L, const folio_pstyle *st, const wordlist *wl, const itemvec *iv,
                      const line *li, vblock *out, vline *ln, int32_t mirror);

#endif
