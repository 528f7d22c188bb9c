#!/bin/sh
# Reproducible bytes: the same input and options give byte-identical PDF
# and DOCX whatever the time zone, the locale or the clock say.
cd "$(dirname "$0")/.." || exit 2
FOLIO=${FOLIO:-./bin/folio}
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
locale_other=C
locale -a 2>/dev/null | grep -qi '^fr_FR.utf8$' && locale_other=fr_FR.UTF-8
for md in examples/seed-es.md tests/golden/basic.md; do
    name=$(basename "$md" .md)
    mkdir -p "$tmp/a" "$tmp/b" "$tmp/c"
    TZ=UTC LC_ALL=C "$FOLIO" render "$md" -o "$tmp/a" -q 2>/dev/null
    TZ=Pacific/Kiritimati LC_ALL=$locale_other "$FOLIO" render "$md" -o "$tmp/b" -q 2>/dev/null
    TZ=America/Los_Angeles SOURCE_DATE_EPOCH=0 LC_ALL=C.UTF-8 "$FOLIO" render "$md" -o "$tmp/c" -q 2>/dev/null
    for ext in pdf docx; do
        if cmp -s "$tmp/a/$name.$ext" "$tmp/b/$name.$ext" && cmp -s "$tmp/a/$name.$ext" "$tmp/c/$name.$ext"
        then pass=$((pass + 1))
        else fail=$((fail + 1)); echo "FAILED: $name.$ext differs across time zones or locales"; fi
    done
done
echo "repro: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
