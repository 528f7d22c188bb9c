/* The Akoma Ntoso writer's shared state and output helpers
 * (akn_write*.c). */
#ifndef FOLIO_AKN_WRITE_H
#define FOLIO_AKN_WRITE_H

#include <libxml/xmlwriter.h>

#include "house/house.h"
#include "model/model.h"
#include "export/xml_note_index.h"

#define AKN_X(s) ((const xmlChar *)(s))

enum { AKN_MAX_OPEN = 256 };

typedef struct akn_writer {
    folio_ctx *ctx;
    const folio_report *r;
    xmlTextWriterPtr w;
    const folio_house *house;  /* language names and labels */
    const char *lang;          /* the report's language (a code), or NULL */
    unsigned char *written;    /* per note: its <authorialNote> is out */
    unsigned char *reached;    /* per note: something written refers to it */
    int *marker;               /* per note: its number (numbered notes) */
    xml_note_index notes_ix;   /* the notes by address */
    int numbered;              /* numbered notes so far */
    int depth;                 /* open block-level elements */
    unsigned char blocks[AKN_MAX_OPEN]; /* per open element: holds blocks */
    unsigned eids[16];         /* eId counters, by prefix */
    const char *eid_prefix[16];
    /* A note's blocks are written by the block writer (akn_write.c),
     * which writes notes through akn_write_out.c: the note writer calls
     * it through this pointer, so the two files depend one way. */
    int (*blocks_out)(struct akn_writer *x, const folio_block *v, size_t n, int flat);
} akn_writer;

/* A new line indented to the current depth; the open element then holds
 * blocks (its end tag goes on a line of its own). */
int folio_aknw_newline(akn_writer *x);
/* Open a block-level element on a new line / in running text. */
int folio_aknw_open(akn_writer *x, const char *name);
int folio_aknw_open_inline(akn_writer *x, const char *name);
/* Close the last element opened with folio_aknw_open*. */
int folio_aknw_close(akn_writer *x);
/* eId="PREFIX_N", N counting per prefix. */
int folio_aknw_eid(akn_writer *x, const char *prefix);
/* Text and attributes that XML can carry (else an error at pos). */
int folio_aknw_text(akn_writer *x, const char *s, folio_pos pos);
int folio_aknw_attr(akn_writer *x, const char *name, const char *value, folio_pos pos);
/* Inline content; a note's first reference writes the note. */
int folio_aknw_runs(akn_writer *x, const folio_run *r, size_t n);
/* Index of a note in the report, -1 when it is not listed. */
long folio_aknw_note_index(const akn_writer *x, const folio_note *n);
/* A note as <authorialNote> (or `element`, e.g. <note> in <meta>). */
int folio_aknw_note_out(akn_writer *x, const folio_note *n, const char *element);
/* Blocks of a body (flat: a note's, without paragraphs around). */
int folio_aknw_blocks_out(akn_writer *x, const folio_block *v, size_t n, int flat);

#endif
