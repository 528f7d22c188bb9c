/* libFuzzer target: the XML reader (report XML and Akoma Ntoso) on
 * arbitrary bytes. Any input must either read or fail with a diagnostic;
 * never crash or leak. */
#include "fuzz_reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_reader(folio_read_xml, "fuzz.xml", data, size);
}
