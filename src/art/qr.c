/* QR code through libqrencode: level M, the whole text in 8-bit mode (so it
 * stays case-sensitive), dark modules as one rectangle per horizontal run. */
#include <errno.h>
#include <string.h>
#include <qrencode.h>

#include "art/art_build.h"

int folio_art_qr(folio_arena *a, const char *text, int quiet,
                 const folio_art **out)
{
    folio_artb b;
    folio_artb_init(&b);
    QRcode *qr = NULL;
    int rc = FOLIO_E_USAGE;
    if (!a || !text || !out || quiet < 0 || quiet > 100)
        goto done;
    rc = FOLIO_E_INPUT;
    if (!*text)
        goto done;
    errno = 0;
    qr = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M);
    if (!qr) {
        rc = errno == ENOMEM ? FOLIO_E_NOMEM
           : errno == ERANGE ? FOLIO_E_LIMIT : FOLIO_E_INPUT;
        goto done;
    }
    int n = qr->width;
    for (int y = 0; y < n; y++) {
        const unsigned char *row = qr->data + (size_t)y * n;
        for (int x = 0; x < n;) {
            if (!(row[x] & 1)) {   /* bit 0: dark module */
                x++;
                continue;
            }
            int start = x;
            while (x < n && (row[x] & 1))
                x++;
            folio_artb_rect(&b, (float)(quiet + start), (float)(quiet + y),
                            (float)(x - start), 1.0f);
        }
    }
    float side = (float)(n + 2 * quiet);
    rc = folio_artb_finish(&b, a, side, side, out);
done:
    folio_artb_discard(&b);
    if (qr)
        QRcode_free(qr);
    return rc;
}
