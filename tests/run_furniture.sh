#!/bin/sh
# The page furniture agrees between the two writers: for the bundled
# example, every report of ../shared/corpus (and corpus/real), and the
# document-class fixtures of tests/furniture/, render the PDF and the DOCX
# and compare, from the files alone, the masthead and first-page footer
# elements present, their texts, sizes and weights, the rules' weights, the
# artwork's drawn sizes, and page 2's running head, page number and job
# number (tests/furniture_agree.py).
cd "$(dirname "$0")/.." || exit 2
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
folio=${FOLIO:-./bin/folio}
pass=0 fail=0
inputs="examples/seed-es.md"
for f in ../shared/corpus/*.md ../shared/corpus/real/[0-9]*.md tests/furniture/*.md; do
    [ -f "$f" ] && inputs="$inputs $f"
done
for md in $inputs; do
    name=$(basename "$md" .md)
    out=$tmp/$name
    mkdir -p "$out"
    if ! "$folio" render "$md" -o "$out" -q 2>"$out/err"; then
        fail=$((fail + 1)); echo "FAILED: $name: folio render failed"; cat "$out/err"; continue
    fi
    if /usr/bin/python3 tests/furniture_agree.py "$out/$name.pdf" "$out/$name.docx"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1)); echo "FAILED: $name: the PDF's and the DOCX's furniture disagree"
    fi
done
# The fixtures show their classes: a resolution has no "Original" line;
# States parties no wordmark and no emblem; an Executive Board document
# numbers page 2 "2" (not "2/N", New York's) and sets its body at the
# frame's left edge.
class_check() {
    /usr/bin/python3 - "$tmp/$1/$1.pdf" "$2" <<'PY'
import sys, fitz
doc = fitz.open(sys.argv[1]); p1 = doc[0]; t1 = p1.get_text()
rules = [d["rect"] for d in p1.get_drawings() if d["rect"].height < 3 and d["rect"].width > 300]
frame = min(r.x0 for r in rules)
thin, thick = sorted(r.y0 for r in rules)[:2]
ok = {
    "no-original": "Original:" not in t1 and "Distr.: General" in t1,
    "no-wordmark-emblem": "United Nations\n" not in t1 and
        not [d for d in p1.get_drawings() if thin + 1 < d["rect"].y0 and d["rect"].y1 < thick - 1],
    "board": len(doc) > 1 and any(l.strip() == "2" for l in doc[1].get_text().splitlines()) and
        "2/" not in doc[1].get_text() and
        any(abs(b[0] - frame) < 0.5 for b in doc[1].get_text("blocks") if 100 < b[1] < 700),
}[sys.argv[2]]
sys.exit(0 if ok else 1)
PY
}
for pair in resolution:no-original states-parties:no-wordmark-emblem executive-board:board; do
    name=${pair%%:*} what=${pair#*:}
    if [ -f "$tmp/$name/$name.pdf" ] && class_check "$name" "$what"; then pass=$((pass + 1))
    else fail=$((fail + 1)); echo "FAILED: tests/furniture/$name.md does not show its class ($what)"; fi
done
echo "furniture: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
