#!/bin/sh
# Runs that meet: two batches of the same documents at once into one
# folder, two renders at once to the same outputs, a render killed with
# kill -9 at random moments again and again. Nothing may mix (a PDF from
# one run and a DOCX from the other), fail ("No such file or directory":
# one run removing the other's temporary files), stay corrupt or be left
# behind.
cd "$(dirname "$0")/.." || exit 2
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
folio=${FOLIO:-./bin/folio}
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAILED: $*"; }
valid() { # every PDF and DOCX of a folder is whole
    for f in "$1"/*.pdf; do [ -e "$f" ] || continue
        qpdf --check "$f" >/dev/null 2>&1 || { echo "$f"; return 1; }; done
    for f in "$1"/*.docx; do [ -e "$f" ] || continue
        unzip -tq "$f" >/dev/null 2>&1 || { echo "$f"; return 1; }; done
    return 0
}
left() { ls -A "$1" | grep '^\.' | grep -v '\.folio-stamp$'; }

python3 - "$tmp" <<'PY'
import os, sys
d = sys.argv[1]
os.makedirs(d + "/in"); os.makedirs(d + "/a"); os.makedirs(d + "/b")
def doc(n, marker, paras=40):
    return ("---\nsymbol: A/HRC/55/%d\ndate: 2024-03-01\n---\n\n# Report %d\n\n" % (n, n) +
            "".join("%d. %s paragraph %d of the report, with enough words to fill a line "
                    "or two of the column.[^%d]\n\n" % (i, marker, i, i) for i in range(1, paras)) +
            "".join("[^%d]: Note %d.\n" % (i, i) for i in range(1, paras)))
for n in range(1, 7):
    open(d + "/in/r%d.md" % n, "w").write(doc(n, "Batch"))
open(d + "/a/same.md", "w").write(doc(1, "Alpha", 200))
open(d + "/b/same.md", "w").write(doc(1, "Bravo", 200))
open(d + "/big.md", "w").write(doc(9, "Killed", 1500))
PY

# Two identical batches at once, twice over (the second time over the
# stamps of the first).
for round in 1 2; do
    $folio batch "$tmp/in" -o "$tmp/out" -j 2 -q --summary "$tmp/s1.json" 2>"$tmp/e1" & p1=$!
    $folio batch "$tmp/in" -o "$tmp/out" -j 2 -q --summary "$tmp/s2.json" 2>"$tmp/e2" & p2=$!
    wait $p1; s1=$?; wait $p2; s2=$?
    if [ "$s1" = 0 ] && [ "$s2" = 0 ]; then ok
    else bad "two batches at once (round $round): exit $s1 and $s2"; cat "$tmp/e1" "$tmp/e2"; fi
    broken=$(valid "$tmp/out") && ok || bad "two batches left a broken $broken"
    [ -z "$(left "$tmp/out")" ] && ok || bad "two batches left $(left "$tmp/out")"
    # each document rendered once, by one of the two; the other found it done
    if python3 -c "
import json, sys
a = {d['name']: d['status'] for d in json.load(open('$tmp/s1.json'))['documents']}
b = {d['name']: d['status'] for d in json.load(open('$tmp/s2.json'))['documents']}
bad = [n for n in a if a[n] not in ('ok', 'skipped') or b[n] not in ('ok', 'skipped')]
sys.exit(1 if bad or len(a) != 6 else 0)"; then ok
    else bad "two batches at once: a document failed"; fi
done

# Two renders at once to the same outputs, from different inputs: the PDF
# and the DOCX that stay come from the same run.
for i in 1 2 3 4 5; do
    $folio render "$tmp/a/same.md" -o "$tmp/r" -q 2>"$tmp/e1" & p1=$!
    $folio render "$tmp/b/same.md" -o "$tmp/r" -q 2>"$tmp/e2" & p2=$!
    wait $p1; s1=$?; wait $p2; s2=$?
    [ "$s1" = 0 ] && [ "$s2" = 0 ] && ok || { bad "two renders at once: exit $s1 and $s2"; cat "$tmp/e1" "$tmp/e2"; }
    pdf=$(pdftotext "$tmp/r/same.pdf" - 2>/dev/null | grep -o 'Alpha\|Bravo' | head -n 1)
    docx=$(unzip -p "$tmp/r/same.docx" word/document.xml 2>/dev/null | grep -o 'Alpha\|Bravo' | head -n 1)
    if [ -n "$pdf" ] && [ "$pdf" = "$docx" ]; then ok
    else bad "two renders at once left a PDF of '$pdf' and a DOCX of '$docx'"; fi
    [ -z "$(left "$tmp/r")" ] && ok || bad "two renders left $(left "$tmp/r")"
done

# A render killed at random moments: each time whole outputs or none, and
# the next render removes what the killed one left.
for i in 1 2 3 4 5 6 7 8; do
    $folio render "$tmp/big.md" -o "$tmp/k" -q 2>/dev/null & pid=$!
    sleep "0.$(( (i * 37) % 10 ))$(( (i * 13) % 10 ))"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    broken=$(valid "$tmp/k") && ok || bad "kill -9 left a broken $broken"
done
if $folio render "$tmp/big.md" -o "$tmp/k" -q && [ -s "$tmp/k/big.pdf" ]; then ok
else bad "the render after the kills"; fi
[ -z "$(left "$tmp/k")" ] && ok || bad "the render after the kills left $(left "$tmp/k")"

echo "concurrency: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
