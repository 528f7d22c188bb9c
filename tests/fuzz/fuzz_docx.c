/* libFuzzer target: the DOCX reader on arbitrary bytes. Any input must
 * either read or fail with a diagnostic; never crash, leak or inflate a
 * zip bomb. */
#include "fuzz_reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_reader(folio_read_docx, "fuzz.docx", data, size);
}
