/* The masthead's lines that no AKN element names (akn_lines.c): read as
 * the line they are, as the Markdown reader reads a masthead's lines. */
#ifndef FOLIO_READ_AKN_LINES_H
#define FOLIO_READ_AKN_LINES_H

#include "read/akn_internal.h"

/* One line of the coverPage (`cover`) or the preface, `text` trimmed:
 * the wordmark (printed by the house), a distribution, original-language,
 * symbol, date or language line, an agenda item (the plain lines after it
 * its title), a session, a venue and dates, else a line under the rule.
 * `note`: a note referred to in the line. `from`: the element the text
 * came from when it has no field of its own (<docStage>), NULL for plain
 * text; a line under the rule from such an element, or after the session
 * and agenda lines, gets a warning at `at` unless `warned`. */
int folio_akn_mast_line(akn *a, xmlNodePtr at, const char *text, folio_note *note,
                        const char *from, int cover, int warned);
/* A line under the rule (folio_meta.body, '\n' between lines). */
int folio_akn_body_line(akn *a, const char *text);
/* "[Original: French]": the name between the colon and the bracket, or
 * NULL when the line is not one. */
const char *folio_akn_bracket_original(akn *a, const char *text);
/* A date written out ("5 March 2024", "5 mars 2024") as YYYY-MM-DD in
 * the arena, NULL when the text is none. */
const char *folio_akn_parse_date(akn *a, const char *text);
/* Only the words a house prints itself around a field ("Original:",
 * "Distr.:", "[Original: ]"): a few words, no number? */
int folio_akn_label_words(const char *text);
/* An annex line ("Annex", "Annex II", "Appendix")? */
int folio_akn_is_annex_line(akn *a, const char *text);

#endif
