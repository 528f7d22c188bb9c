/* Akoma Ntoso's words for what the model holds — labels, language names,
 * distribution — shared by its reader (src/read/akn_*.c) and its writer
 * (src/export/akn_write*.c). docs/akn.md says what maps to what. */
#ifndef FOLIO_MODEL_AKN_NAMES_H
#define FOLIO_MODEL_AKN_NAMES_H

#include "model/model.h"

#define FOLIO_AKN_NS "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

/* The label kind a label's text shows ("IV." roman, "(a)" lower, "-"
 * bullet ...). A single letter that could be a letter or a Roman numeral
 * ("I.", "i)", "C.") takes `hint` when the hint is one of the two. */
folio_label_kind folio_akn_label_kind(const char *label, folio_label_kind hint);

/* The hint for a list item's label at `level`: (a) first, then (i). */
folio_label_kind folio_akn_item_hint(int level);

/* The name of language `lang` (0..5, en..ar) as a masthead in language
 * `in` writes it: "Español", "inglés", "English". NULL when unknown. */
const char *folio_akn_lang_name(int lang, int in, int capital);

/* ISO 639-2 code of language 0..5 ("eng" ... "ara"), for FRBR names. */
const char *folio_akn_lang3(int lang);

/* The "Distr.: ..." line of a masthead in language `in`. */
const char *folio_akn_distr_text(folio_distribution d, int in);

/* Distribution from a masthead's text or refersTo: "Distr.: Limited",
 * "limitada", "#restricted" ... General when nothing else matches. */
folio_distribution folio_akn_distr(const char *text);

/* Is this "United Nations" in one of the six languages (the publisher's
 * docAuthority, not the organ)? */
int folio_akn_is_un(const char *text);

#endif
