#!/bin/sh
# Pathological inputs finish and give valid files: 5,000 footnotes, a
# 2,000-row table, table rows taller than a page, one 200,000-word
# paragraph. No timing assertions (the
# machines are shared); the timeout only turns a hang into a failure.
# Speed is measured by `make bench`.
cd "$(dirname "$0")/.." || exit 2
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
# The binary under test: $FOLIO (a sanitizer build), else ./bin/folio.
folio=${FOLIO:-./bin/folio}
python3 - "$tmp" <<'PY'
import sys
d = sys.argv[1]
head = "---\nsymbol: A/1\ndate: 2024-01-01\n---\n\n"
with open(d + "/notes.md", "w") as f:
    f.write(head)
    for i in range(1, 5001):
        f.write("%d. Paragraph with a note.[^%d]\n\n" % (i, i))
    for i in range(1, 5001):
        f.write("[^%d]: Note %d.\n" % (i, i))
with open(d + "/table.md", "w") as f:
    f.write(head + "1. A long table follows.\n\n| Item | Description | Amount |\n|---|---|---:|\n")
    for i in range(2000):
        f.write("| %d | Description of item %d, long enough to wrap in its cell | %d |\n" % (i, i, i * 7))
with open(d + "/tallrow.md", "w") as f:
    f.write(head + "1. Rows taller than a page follow.\n\n| No. | Recommendation |\n|---|---|\n")
    for r in range(3):
        f.write("| %d | " % r + " ".join("r%dw%04d" % (r, i) for i in range(900)) + " |\n")
with open(d + "/long.md", "w") as f:
    f.write(head + "1. " + " ".join("word%d" % (i % 97) for i in range(200000)) + "\n")
PY
pass=0 fail=0
for name in notes table tallrow long; do
    if timeout 300 "$folio" render "$tmp/$name.md" -o "$tmp" -q 2>"$tmp/$name.err" &&
       qpdf --check "$tmp/$name.pdf" >/dev/null 2>&1 && unzip -tq "$tmp/$name.docx" >/dev/null 2>&1
    then pass=$((pass + 1))
    else fail=$((fail + 1)); echo "FAILED: $name"; head -5 "$tmp/$name.err"; fi
done
# the table's head row repeats on every page it spans
pages=$(pdfinfo "$tmp/table.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
heads=$(pdftotext "$tmp/table.pdf" - 2>/dev/null | grep -c '^Description$')
if [ "${pages:-0}" -gt 2 ] && [ "$heads" -ge $((pages - 1)) ]; then pass=$((pass + 1))
else fail=$((fail + 1)); echo "FAILED: table head repeated on $heads of $pages pages"; fi
# every one of the 5,000 notes is numbered and set
if pdftotext "$tmp/notes.pdf" - 2>/dev/null | grep -q '^5000 *Note 5000\.$\|Note 5000\.'; then pass=$((pass + 1))
else fail=$((fail + 1)); echo "FAILED: note 5000 missing"; fi
# rows taller than a page break across pages: every word is set, and the
# head row repeats above each continued part
words=$(pdftotext "$tmp/tallrow.pdf" - 2>/dev/null | tr ' ' '\n' | grep -c '^r[0-9]w[0-9]*$')
pages=$(pdfinfo "$tmp/tallrow.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
heads=$(pdftotext "$tmp/tallrow.pdf" - 2>/dev/null | grep -c 'Recommendation')
if [ "$words" = 2700 ] && [ "${pages:-0}" -ge 3 ] && [ "$heads" -ge "$pages" ]; then
    pass=$((pass + 1))
else
    fail=$((fail + 1)); echo "FAILED: tall rows: $words of 2700 words, head on $heads of $pages pages"
fi
echo "stress: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
