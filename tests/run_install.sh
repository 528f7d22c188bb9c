#!/bin/sh
# make install into a staging folder: the installed folio renders the
# example with its installed fonts and style, away from the source tree.
cd "$(dirname "$0")/.." || exit 2
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
top=$(pwd)
make -s install DESTDIR="$tmp/stage" >/dev/null || { echo "install: 0 passed, 1 failed"; exit 1; }
pass=0 fail=0
for f in usr/local/bin/folio usr/local/lib/libfolio.a usr/local/include/folio.h \
         usr/local/include/folio/report.h usr/local/lib/pkgconfig/folio.pc \
         usr/local/share/folio/fonts/LiberationSerif-Regular.ttf \
         usr/local/share/folio/styles/un.style usr/local/share/folio/styles/hyphen/hyph_ru.dic \
         usr/local/share/folio/styles/languages/en.style \
         usr/local/share/folio/styles/stations/geneva.style usr/local/include/folio/house.h \
         usr/local/share/man/man1/folio.1; do
    if [ -f "$tmp/stage/$f" ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAILED: not installed: $f"; fi
done
# The staged tree stands in for PREFIX: FOLIO_DATADIR points the binary at it.
mkdir "$tmp/elsewhere"
cp examples/seed-es.md "$tmp/elsewhere/"
if (cd "$tmp/elsewhere" && FOLIO_DATADIR="$tmp/stage/usr/local/share/folio" \
      "$tmp/stage/usr/local/bin/folio" render seed-es.md -q) && \
   [ -s "$tmp/elsewhere/seed-es.pdf" ] && [ -s "$tmp/elsewhere/seed-es.docx" ]; then
    pass=$((pass + 1))
else fail=$((fail + 1)); echo "FAILED: installed folio cannot render away from the source tree"; fi
if PKG_CONFIG_PATH="$tmp/stage/usr/local/lib/pkgconfig" pkg-config --cflags folio >/dev/null 2>&1; then
    pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAILED: folio.pc"; fi
if man -l "$tmp/stage/usr/local/share/man/man1/folio.1" >/dev/null 2>&1 || \
   groff -man -Tutf8 "$tmp/stage/usr/local/share/man/man1/folio.1" >/dev/null 2>&1; then
    pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAILED: man page does not format"; fi
echo "install: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
