#!/bin/sh
# Golden layout traces: tests/golden/NAME.md rendered with --trace must give
# tests/golden/NAME.trace exactly. Refresh with UPDATE=1 after a deliberate
# layout change (and look at the diff before committing it).
cd "$(dirname "$0")/.." || exit 2
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
# The binary under test: $FOLIO (a sanitizer build), else ./bin/folio.
folio=${FOLIO:-./bin/folio}
pass=0 fail=0
for md in tests/golden/*.md; do
    name=$(basename "$md" .md)
    want=tests/golden/$name.trace
    if ! "$folio" render "$md" -o "$tmp" --pdf -q --trace "$tmp/$name.trace" 2>"$tmp/$name.err"; then
        echo "FAILED: $name: folio exited non-zero"; cat "$tmp/$name.err"
        fail=$((fail + 1)); continue
    fi
    if [ "${UPDATE:-0}" = 1 ]; then cp "$tmp/$name.trace" "$want"; fi
    if diff -u "$want" "$tmp/$name.trace" > "$tmp/$name.diff"; then
        pass=$((pass + 1))
    else
        echo "FAILED: $name: trace differs"; head -40 "$tmp/$name.diff"
        fail=$((fail + 1))
    fi
done
echo "golden: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
