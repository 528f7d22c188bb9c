#!/bin/sh
# Pathological inputs finish and give valid files: 5,000 footnotes, a
# 2,000-row table, table rows taller than a page, one 200,000-word
# paragraph; and those of issue 19, whose every word must stay on the
# page: nesting at the largest --max-depth (also in batch workers under
# `ulimit -s unlimited`, as under Slurm), a 600 KB line joined by no-break
# spaces, a word of 20,000 letters, 20,000 note markers on one word. No timing assertions (the
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
import os
os.mkdir(d + "/deep")
for n in (1, 2, 4):
    open(d + "/deep/d%d.md" % n, "w").write(head + "1. Text.\n")
open(d + "/deep/d3.md", "w").write(head + "> " * 9990 + "quoted\n")
open(d + "/deep/d5.md", "w").write(head + "- " * 3300 + "item\n")
open(d + "/nbsp.md", "w").write(head + "1. " + "\u00a0".join(["word"] * 120000) + "\n")
open(d + "/longword.md", "w").write(head + "1. " + "x" * 20000 + " and after.\n")
open(d + "/markers.md", "w").write(head + "1. Word" + "".join("[^%d]" % i for i in range(1, 20001)) +
    " end.\n\n" + "".join("[^%d]: Note %d.\n" % (i, i) for i in range(1, 20001)))
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
# Nesting at the largest depth: render, and batch workers (d3 and d5 are
# not the first document, which the main thread renders alone) with the
# stack limit lifted, when threads get glibc's default of 2 MiB.
if timeout 300 "$folio" render "$tmp/deep/d3.md" -o "$tmp" -q --max-depth 10000 --pdf; then
    pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAILED: 9,990 nested quotes"; fi
if (ulimit -s unlimited 2>/dev/null; exec timeout 300 "$folio" batch "$tmp/deep" -o "$tmp/deepout" \
        -j 2 -q --max-depth 10000 --pdf); then pass=$((pass + 1))
else fail=$((fail + 1)); echo "FAILED: batch workers at depth 9,990 under ulimit -s unlimited"; fi
# Every span of text inside the paper.
for name in nbsp longword markers; do
    if timeout 300 "$folio" render "$tmp/$name.md" -o "$tmp" -q --pdf 2>"$tmp/$name.err" &&
       /usr/bin/python3 - "$tmp/$name.pdf" <<'PY'
import sys, fitz
doc = fitz.open(sys.argv[1])
for page in doc:
    W, H = page.rect.width, page.rect.height
    for b in page.get_text("dict")["blocks"]:
        for l in b.get("lines", []):
            for s in l["spans"]:
                x0, y0, x1, y1 = s["bbox"]
                if x0 < -0.5 or y0 < -0.5 or x1 > W + 0.5 or y1 > H + 0.5:
                    print("off the page: page %d %r at %s" % (page.number + 1, s["text"][:30], s["bbox"]))
                    sys.exit(1)
PY
    then pass=$((pass + 1))
    else fail=$((fail + 1)); echo "FAILED: $name: text off the page or no PDF"; head -3 "$tmp/$name.err"; fi
done
words=$(pdftotext "$tmp/longword.pdf" - 2>/dev/null | tr -d ' \n' | grep -o x | wc -l)
[ "$words" = 20000 ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAILED: the long word lost letters ($words)"; }
notes=$(pdftotext "$tmp/markers.pdf" - 2>/dev/null | grep -c 'Note [0-9]*\.$')
[ "$notes" = 20000 ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAILED: $notes of 20,000 notes set"; }

echo "stress: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
