/* numbering.xml: the house style's lists ([list.NAME]) as Word numbering
 * definitions, one w:abstractNum each, linked to the paragraph styles that
 * join them (`list = NAME LEVEL`), so that a paragraph's number comes from
 * its style and an editor's new paragraph is numbered in turn.
 *
 * The labels are the flow's, the ones the PDF prints. Each labelled
 * paragraph is matched against what Word would number it, simulated here
 * (docs/docx.md): where the label is the next number, the paragraph just
 * continues the list; where the document restarts or jumps (an annex, a
 * resolution's operative paragraphs, a new run of subparagraphs), a new
 * w:num of the same definition starts there with w:startOverride; a label
 * no level can write ("15 bis", "12.1", "[15.]") stays typed text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docx/docx_xml.h"
#include "house/house.h"
#include "util/roman.h"
#include "util/vec.h"

static const char *const fmt_names[] = {"decimal", "upper-roman", "lower-roman",
                                        "upper-letter", "lower-letter", "bullet"};
static const char *const fmt_word[] = {"decimal", "upperRoman", "lowerRoman",
                                       "upperLetter", "lowerLetter", "bullet"};

/* ---- Numbers as Word writes them --------------------------------------- */

/* `v` in format `fmt` (a, ..., z, aa, bb: Word doubles the letter, as the
 * UN does); 0 when Word cannot write it so. */
static int render(char *buf, size_t n, dx_fmt fmt, int v)
{
    if (v < 1)
        return 0;
    switch (fmt) {
    case DX_FMT_DECIMAL:
        snprintf(buf, n, "%d", v);
        return 1;
    case DX_FMT_UPPER_ROMAN:
    case DX_FMT_LOWER_ROMAN:
        if (v > 3999)
            return 0;
        folio_roman(v, fmt == DX_FMT_LOWER_ROMAN, buf, n);
        return 1;
    case DX_FMT_UPPER_LETTER:
    case DX_FMT_LOWER_LETTER: {
        int rep = (v - 1) / 26 + 1;
        if (rep >= (int)n || rep > 10)
            return 0;
        char c = (char)((fmt == DX_FMT_UPPER_LETTER ? 'A' : 'a') + (v - 1) % 26);
        memset(buf, c, (size_t)rep);
        buf[rep] = 0;
        return 1;
    }
    default:
        return 0;
    }
}

/* The value of `s` (len bytes) in `fmt`, 0 when it is none. */
static int parse_value(const char *s, size_t len, dx_fmt fmt)
{
    char buf[32], got[32];
    if (len == 0 || len >= sizeof buf)
        return 0;
    memcpy(buf, s, len);
    buf[len] = 0;
    int v = 0;
    switch (fmt) {
    case DX_FMT_DECIMAL:
        for (size_t i = 0; i < len; i++) {
            if (buf[i] < '0' || buf[i] > '9' || v > 100000)
                return 0;
            v = v * 10 + (buf[i] - '0');
        }
        break;
    case DX_FMT_UPPER_ROMAN:
    case DX_FMT_LOWER_ROMAN: {
        /* add the digits, less those before a larger one; the check below
         * refuses what is not written so ("IIII", "VX") */
        static const char digits[] = "IVXLCDM";
        static const int values[] = {1, 5, 10, 50, 100, 500, 1000};
        int prev = 0;
        for (size_t i = len; i-- > 0;) {
            char c = fmt == DX_FMT_LOWER_ROMAN && buf[i] >= 'a' && buf[i] <= 'z'
                         ? (char)(buf[i] - 'a' + 'A') : buf[i];
            if (fmt == DX_FMT_UPPER_ROMAN && buf[i] >= 'a' && buf[i] <= 'z')
                return 0;
            const char *d = c ? strchr(digits, c) : NULL;
            if (!d)
                return 0;
            int dv = values[d - digits];
            v += dv < prev ? -dv : dv;
            if (dv > prev)
                prev = dv;
        }
        break;
    }
    case DX_FMT_UPPER_LETTER:
    case DX_FMT_LOWER_LETTER: {
        char a = fmt == DX_FMT_UPPER_LETTER ? 'A' : 'a';
        if (buf[0] < a || buf[0] > a + 25)
            return 0;
        v = (int)(len - 1) * 26 + (buf[0] - a) + 1;
        break;
    }
    default:
        return 0;
    }
    return render(got, sizeof got, fmt, v) && !strcmp(got, buf) ? v : 0;
}

/* The value `label` has at level `lv`, 0 when the level cannot write it;
 * a bullet level writes its one text (value 1). */
static int label_value(const dx_level *lv, const char *label)
{
    if (lv->fmt == DX_FMT_BULLET)
        return !strcmp(label, lv->text);
    const char *ph = strchr(lv->text, '%');
    if (!ph || ph[1] < '1' || ph[1] > '9')
        return 0;
    size_t pre = (size_t)(ph - lv->text), post = strlen(ph + 2), n = strlen(label);
    if (n < pre + post || strncmp(label, lv->text, pre) ||
        strcmp(label + n - post, ph + 2))
        return 0;
    return parse_value(label + pre, n - pre - post, lv->fmt);
}

/* ---- The lists of the house style -------------------------------------- */

static int parse_level(dx_doc *d, const char *sec, int k, dx_level *lv, int french)
{
    char key[16];
    snprintf(key, sizeof key, "level%d", k + 1);
    const char *v = folio_house_get(d->f->house, sec, key);
    if (!v)
        return 0;
    const char *sp = strchr(v, ' ');
    size_t n = sp ? (size_t)(sp - v) : strlen(v);
    for (int i = 0; i < DX_FMT_COUNT; i++)
        if (strlen(fmt_names[i]) == n && !strncmp(v, fmt_names[i], n))
            lv->fmt = (dx_fmt)i, lv->defined = 1;
    const char *text = sp ? sp + 1 : "";
    if (!lv->defined || !*text)
        return folio_house_bad(d->ctx, d->f->house, sec, key,
                               "not a format (decimal, upper-roman, lower-roman, "
                               "upper-letter, lower-letter, bullet) and its text");
    /* "(%1)" is "%1)" in languages that write "a)" */
    if (french && text[0] == '(' && text[strlen(text) - 1] == ')')
        text++;
    if (!(lv->text = folio_strdup(d->arena, text)))
        return FOLIO_E_NOMEM;
    return 0;
}

static int push_num(dx_doc *d, int list)
{
    if (FOLIO_ARENA_VEC_ROOM(d->arena, d->nums, d->nnums, d->cap_nums, 16))
        return FOLIO_E_NOMEM;
    dx_num *n = &d->nums[d->nnums++];
    memset(n, 0, sizeof *n);
    n->list = list;
    for (int k = 0; k < DX_LEVELS; k++)
        n->start[k] = 1;
    d->lists[list].cur = (int)d->nnums - 1;
    return 0;
}

int folio_dx_lists_load(dx_doc *d)
{
    const folio_flow *f = d->f;
    d->lists = folio_alloc(d->arena, sizeof *d->lists * (f->nstyles + 1));
    if (!d->lists)
        return FOLIO_E_NOMEM;
    for (size_t i = 0; i < f->nstyles && f->house; i++) {
        const folio_pstyle *st = f->styles[i];
        if (!st->list)
            continue;
        int li = folio_dx_find_list(d, st->list);
        if (li < 0) {
            char sec[96];
            snprintf(sec, sizeof sec, "list.%s", st->list);
            dx_list *l = &d->lists[d->nlists];
            memset(l, 0, sizeof *l);
            l->name = st->list;
            for (int k = 0; k < DX_LEVELS; k++) {
                int rc = parse_level(d, sec, k, &l->lv[k], f->lang.french_punct);
                if (rc)
                    return rc;
            }
            if (!l->lv[0].defined)
                return folio_error(d->ctx, FOLIO_E_STYLE, (folio_pos){0, 0},
                                   "the house style's [style.%s] numbers with list "
                                   "\"%s\", which has no [%s] level1", st->name,
                                   st->list, sec);
            li = (int)d->nlists++;
        }
        dx_level *lv = &d->lists[li].lv[st->list_level - 1];
        if (!lv->defined)
            return folio_error(d->ctx, FOLIO_E_STYLE, (folio_pos){0, 0},
                               "the house style's list \"%s\" has no level%d "
                               "(for [style.%s])", st->list, st->list_level, st->name);
        if (!lv->style)
            lv->style = st;
    }
    /* One w:num per list to start with: the one its styles name. */
    for (size_t i = 0; i < d->nlists; i++) {
        int rc = push_num(d, (int)i);
        if (rc)
            return rc;
    }
    return 0;
}

/* ---- Simulating Word's counting ---------------------------------------- */

static int next_value(const dx_num *n, int k)
{
    return n->counter[k] ? n->counter[k] + 1 : n->start[k];
}

static void count(dx_num *n, int k, int v)
{
    n->counter[k] = v;
    for (int j = k + 1; j < DX_LEVELS; j++)
        n->counter[j] = 0; /* Word restarts the deeper levels */
}

/* The format a model label kind asks for, -1 for none. */
static int kind_fmt(const folio_fblock *b)
{
    if (!b || !b->src)
        return -1;
    switch (b->src->label_kind) {
    case FOLIO_LABEL_ROMAN: return DX_FMT_UPPER_ROMAN;
    case FOLIO_LABEL_UPPER: return DX_FMT_UPPER_LETTER;
    case FOLIO_LABEL_ARABIC: return DX_FMT_DECIMAL;
    case FOLIO_LABEL_LOWER: return DX_FMT_LOWER_LETTER;
    case FOLIO_LABEL_LOWER_ROMAN: return DX_FMT_LOWER_ROMAN;
    case FOLIO_LABEL_BULLET: return DX_FMT_BULLET;
    default: return -1;
    }
}

/* The levels that may number a label, best first: the style's own, when
 * it writes the label in the label's kind; else the levels of the label's
 * kind, deeper ones before shallower (a deeper item keeps its parents);
 * else any level that writes it. Only the first group that has one is
 * tried: a run of items that starts again at (a) restarts its own level
 * rather than going on one level down. */
static int candidates(const dx_list *l, int own, int kf, const char *label, int *cand,
                      int *val)
{
    int v = label_value(&l->lv[own], label);
    if (v > 0 && (kf < 0 || (int)l->lv[own].fmt == kf)) {
        cand[0] = own, val[0] = v;
        return 1;
    }
    for (int group = 0; group < 2; group++) {
        int n = 0;
        for (int i = 0; i < 2 * DX_LEVELS; i++) {
            int k = i < DX_LEVELS ? own + 1 + i : own - 1 - (i - DX_LEVELS);
            if (k < 0 || k >= DX_LEVELS || !l->lv[k].defined)
                continue;
            if (group == 0 && (int)l->lv[k].fmt != kf)
                continue;
            if ((v = label_value(&l->lv[k], label)) > 0)
                cand[n] = k, val[n++] = v;
        }
        if (n)
            return n;
    }
    return 0;
}

int folio_dx_number(dx_doc *d, const folio_pstyle *st, const char *label,
                    const folio_fblock *b, dx_numpr *out)
{
    memset(out, 0, sizeof *out);
    const dx_list *cl = folio_dx_style_list(d, st);
    if (!cl)
        return 0;
    out->linked = 1; /* numId 0 unless a level writes the label */
    if (!label || !*label)
        return 0;
    dx_list *l = &d->lists[cl - d->lists];
    int own = st->list_level - 1, cand[2 * DX_LEVELS], val[2 * DX_LEVELS];
    int usable = candidates(l, own, kind_fmt(b), label, cand, val);
    if (!usable)
        return 0; /* typed text */
    dx_num *cur = &d->nums[l->cur];
    int pick = -1;
    for (int i = 0; i < usable && pick < 0; i++)
        if (l->lv[cand[i]].fmt == DX_FMT_BULLET || next_value(cur, cand[i]) == val[i])
            pick = i;
    if (pick < 0) {
        /* The document restarts or jumps here: a new w:num whose levels
         * start where the document goes on. */
        pick = 0;
        int k = cand[0];
        dx_num prev = *cur;
        int rc = push_num(d, (int)(l - d->lists));
        if (rc)
            return rc;
        cur = &d->nums[l->cur];
        for (int j = 0; j < DX_LEVELS; j++)
            cur->start[j] = j < k ? next_value(&prev, j) : j == k ? val[0] : 1;
        cur->overrides = 1;
    }
    count(cur, cand[pick], val[pick]);
    out->num_id = l->cur + 1;
    out->ilvl = cand[pick];
    out->other_level = cand[pick] != own;
    return 0;
}

/* ---- numbering.xml ------------------------------------------------------ */

static void level(dx_doc *d, dx_xml *x, const dx_level *lv, int k)
{
    dx_start(x, "w:lvl");
    folio_dx_attr_int(x, "w:ilvl", k);
    folio_dx_val(x, "w:start", "1");
    folio_dx_val(x, "w:numFmt", fmt_word[lv->fmt]);
    if (lv->style)
        folio_dx_val(x, "w:pStyle", folio_dx_style_id(d, lv->style));
    folio_dx_val(x, "w:suff", "tab");
    /* Word writes %1 for level 1: the house's %N is the same */
    folio_dx_val(x, "w:lvlText", lv->text);
    int hanging = lv->style && lv->style->label_place == FOLIO_LABEL_HANGING;
    folio_dx_val(x, "w:lvlJc", hanging ? "right" : "left");
    if (lv->style)
        folio_dx_level_ppr(d, x, lv->style);
    dx_end(x);
}

int folio_dx_write_numbering(dx_doc *d)
{
    dx_xml x;
    int rc = folio_dx_xml_begin(d, &x);
    if (rc < 0)
        return rc;
    folio_dx_root(&x, "w:numbering");
    for (size_t i = 0; i < d->nlists; i++) {
        const dx_list *l = &d->lists[i];
        dx_start(&x, "w:abstractNum");
        folio_dx_attr_int(&x, "w:abstractNumId", (long long)i);
        /* a fixed nsid per list: Word tells lists apart by it */
        char nsid[16];
        unsigned h = 2166136261u;
        for (const char *p = l->name; *p; p++)
            h = (h ^ (unsigned char)*p) * 16777619u;
        snprintf(nsid, sizeof nsid, "%08X", h);
        folio_dx_val(&x, "w:nsid", nsid);
        int levels = 0;
        for (int k = 0; k < DX_LEVELS; k++)
            levels += l->lv[k].defined;
        folio_dx_val(&x, "w:multiLevelType", levels > 1 ? "multilevel" : "singleLevel");
        folio_dx_val(&x, "w:name", l->name);
        for (int k = 0; k < DX_LEVELS; k++)
            if (l->lv[k].defined)
                level(d, &x, &l->lv[k], k);
        dx_end(&x);
    }
    for (size_t i = 0; i < d->nnums; i++) {
        const dx_num *n = &d->nums[i];
        dx_start(&x, "w:num");
        folio_dx_attr_int(&x, "w:numId", (long long)i + 1);
        folio_dx_val_int(&x, "w:abstractNumId", n->list);
        /* every level, so that Word (which carries a definition's counts
         * across its w:num) and LibreOffice (which does not) agree */
        for (int k = 0; n->overrides && k < DX_LEVELS; k++) {
            if (!d->lists[n->list].lv[k].defined)
                continue;
            dx_start(&x, "w:lvlOverride");
            folio_dx_attr_int(&x, "w:ilvl", k);
            folio_dx_val_int(&x, "w:startOverride", n->start[k]);
            dx_end(&x);
        }
        dx_end(&x);
    }
    dx_end(&x);
    return folio_dx_xml_finish(&x, "word/numbering.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml");
}
