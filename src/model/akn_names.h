/* Akoma Ntoso's words for what the model holds — labels, language names,
 * distribution — shared by its reader (src/read/akn_*.c) and its writer
 * (src/export/akn_write*.c). docs/akn.md says what maps to what. */
#ifndef FOLIO_MODEL_AKN_NAMES_H
#define FOLIO_MODEL_AKN_NAMES_H

#include "house/house.h"
#include "model/model.h"

#define FOLIO_AKN_NS "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

/* The label kind a label's text shows ("IV." roman, "(a)" lower, "-"
 * bullet ...). A single letter that could be a letter or a Roman numeral
 * ("I.", "i)", "C.") takes `hint` when the hint is one of the two. */
folio_label_kind folio_akn_label_kind(const char *label, folio_label_kind hint);

/* The hint for a list item's label at `level`: (a) first, then (i). */
folio_label_kind folio_akn_item_hint(int level);

/* The name of language `code` as a masthead in language `in` writes it
 * (the house's names, in the language of `in`'s right-hand block: "inglés"
 * in Spanish, "English" in Russian), capitalised when `capital`
 * ("Español"), in buf; NULL when the house has none. */
const char *folio_akn_lang_name(const folio_house *h, const char *code, const char *in,
                                int capital, char *buf, size_t cap);

/* ISO 639-2 code of language `code` ("eng"), for FRBR names; NULL when
 * the house has none. */
const char *folio_akn_lang3(const folio_house *h, const char *code, char *buf, size_t cap);

/* The "Distr.: ..." line of a masthead in language `in`. */
const char *folio_akn_distr_text(const folio_house *h, folio_distribution d, const char *in);

/* What comes before the original's name in language `in`: "Original: ",
 * "Original : ". */
const char *folio_akn_original_prefix(const folio_house *h, const char *in, char *buf,
                                      size_t cap);

/* Distribution from a masthead's text or refersTo: "Distr.: Limited",
 * "limitada", "#restricted" ... General when nothing else matches. */
folio_distribution folio_akn_distr(const char *text);

/* Is this "United Nations" in a language of the house (the publisher's
 * docAuthority, not the organ)? */
int folio_akn_is_un(const folio_house *h, const char *text);

#endif
