#!/bin/sh
# The input limits (--max-notes, --max-table-cells, --max-paragraph-bytes,
# --max-depth, --max-input-bytes): each overrun fails with exit code 1, a
# message at file:line:col giving the count, the limit and the option that
# raises it, and no output; the same input with the limit raised goes
# through. Markdown and report XML, `render` and `batch`.
cd "$(dirname "$0")/.." || exit 2
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
. tests/checks.sh
# The binary under test: $FOLIO (a sanitizer build), else ./bin/folio.
folio=${FOLIO:-./bin/folio}

python3 - "$tmp" <<'PY'
import sys
d = sys.argv[1]
head = "---\nsymbol: A/1\ndate: 2024-01-01\n---\n\n"   # 5 lines
# 10 notes; the definition of note 10 is on line 5 + 2*10 + 10 = 35
with open(d + "/notes.md", "w") as f:
    f.write(head)
    for i in range(1, 11):
        f.write("%d. Paragraph with a note.[^%d]\n\n" % (i, i))
    for i in range(1, 11):
        f.write("[^%d]: Note %d.\n" % (i, i))
# a table of 21 rows (head + 20) and 3 columns, starting on line 8
with open(d + "/table.md", "w") as f:
    f.write(head + "1. A table follows.\n\n| Item | Description | Amount |\n|---|---|---:|\n")
    for i in range(20):
        f.write("| %d | Description %d | %d |\n" % (i, i, i * 7))
# a paragraph of 5,000 bytes of text on line 8 (words of 10 bytes)
with open(d + "/para.md", "w") as f:
    f.write(head + "1. A short paragraph.\n\n" + " ".join(["abcdefghi"] * 500) + "\n")
# the same text in a footnote (line 8); 3,000 bytes in a table cell (line
# 10), short enough for the row to fit on a page
with open(d + "/notepara.md", "w") as f:
    f.write(head + "1. A paragraph with a note.[^1]\n\n[^1]: " + " ".join(["abcdefghi"] * 500) + "\n")
with open(d + "/cell.md", "w") as f:
    f.write(head + "1. A table follows.\n\n| Item | Text |\n|---|---|\n| 1 | " +
            " ".join(["abcdefghi"] * 300) + " |\n")
# 40 nested block quotes on line 8: deeper than 30, within 50
with open(d + "/deep.md", "w") as f:
    f.write(head + "1. A paragraph.\n\n" + "> " * 40 + "Quoted.\n")
PY

# expect_fail NAME FILE PATTERN OPTION VALUE: exit 1, the message, no output
expect_fail() {
    name=$1 file=$2 pattern=$3; shift 3
    rm -f "$tmp/out/"*
    check "$name over the limit" 1 "$folio" render "$file" -o "$tmp/out" "$@"
    grep_err "$name message" "$pattern"
    if ls -A "$tmp/out" | grep -q .; then fail=$((fail + 1)); echo "FAILED: $name left output:"; ls -A "$tmp/out"
    else pass=$((pass + 1)); fi
}
# expect_pass NAME FILE OPTION VALUE: exit 0 and both outputs
expect_pass() {
    name=$1 file=$2; shift 2
    rm -f "$tmp/out/"*
    check "$name within the limit" 0 "$folio" render "$file" -o "$tmp/out" -q "$@"
    base=$(basename "$file"); base=${base%.*}
    if [ -s "$tmp/out/$base.pdf" ] && [ -s "$tmp/out/$base.docx" ]; then pass=$((pass + 1))
    else fail=$((fail + 1)); echo "FAILED: $name: outputs missing"; fi
}
mkdir "$tmp/out"

# Markdown
expect_fail notes "$tmp/notes.md" \
    "notes\.md:35:1: error: 10 footnotes: more than the limit of 9 (raise it with --max-notes)$" \
    --max-notes 9
expect_pass notes "$tmp/notes.md" --max-notes 10
expect_fail table "$tmp/table.md" \
    "table\.md:8:1: error: table of 21 rows and 3 columns has 63 cells: more than the limit of 62 (raise it with --max-table-cells)$" \
    --max-table-cells 62
expect_pass table "$tmp/table.md" --max-table-cells 63
expect_fail paragraph "$tmp/para.md" \
    "para\.md:8:1: error: paragraph of 4999 bytes: more than the limit of 4096 (raise it with --max-paragraph-bytes)$" \
    --max-paragraph-bytes 4K
expect_pass paragraph "$tmp/para.md" --max-paragraph-bytes 4999
expect_fail "note paragraph" "$tmp/notepara.md" \
    "notepara\.md:8:[0-9]*: error: footnote paragraph of 4999 bytes: more than the limit of 4998 (raise it with --max-paragraph-bytes)$" \
    --max-paragraph-bytes 4998
expect_pass "note paragraph" "$tmp/notepara.md" --max-paragraph-bytes 5000
expect_fail "table cell" "$tmp/cell.md" \
    "cell\.md:10:[0-9]*: error: table cell of 2999 bytes: more than the limit of 1024 (raise it with --max-paragraph-bytes)$" \
    --max-paragraph-bytes 1K
expect_pass "table cell" "$tmp/cell.md" --max-paragraph-bytes 3K
expect_fail depth "$tmp/deep.md" \
    "deep\.md:8:[0-9]*: error: nesting deeper than 30 levels (raise it with --max-depth)$" \
    --max-depth 30
expect_pass depth "$tmp/deep.md" --max-depth 50
size=$(wc -c < "$tmp/notes.md")
expect_fail "input size" "$tmp/notes.md" \
    "notes\.md: error: input of $size bytes: more than the limit of 100 (raise it with --max-input-bytes)$" \
    --max-input-bytes 100
expect_pass "input size" "$tmp/notes.md" --max-input-bytes "$size"

# Report XML: the same limits through the other reader
for name in notes table para; do
    "$folio" convert "$tmp/$name.md" --to xml -o "$tmp/$name.xml" -q ||
        { fail=$((fail + 1)); echo "FAILED: convert $name.md"; }
done
expect_fail "XML notes" "$tmp/notes.xml" \
    "notes\.xml:[0-9]*:[0-9]*: error: 10 footnotes: more than the limit of 9 (raise it with --max-notes)$" \
    --max-notes 9
expect_pass "XML notes" "$tmp/notes.xml" --max-notes 10
expect_fail "XML table" "$tmp/table.xml" \
    "table\.xml:[0-9]*:[0-9]*: error: table of 21 rows and 3 columns has 63 cells: more than the limit of 62 (raise it with --max-table-cells)$" \
    --max-table-cells 62
expect_pass "XML table" "$tmp/table.xml" --max-table-cells 63
expect_fail "XML paragraph" "$tmp/para.xml" \
    "para\.xml:[0-9]*:[0-9]*: error: paragraph of 4999 bytes: more than the limit of 4998 (raise it with --max-paragraph-bytes)$" \
    --max-paragraph-bytes 4998
expect_pass "XML paragraph" "$tmp/para.xml" --max-paragraph-bytes 4999

# folio batch takes the same options
mkdir "$tmp/in"
cp "$tmp/notes.md" "$tmp/table.md" "$tmp/in/"
check "batch over the limit" 1 "$folio" batch "$tmp/in" -o "$tmp/bout" -q --max-notes 9
grep_err "batch message" "notes\.md:35:1: 10 footnotes: more than the limit of 9 (raise it with --max-notes)"
if [ -s "$tmp/bout/table.pdf" ] && [ ! -e "$tmp/bout/notes.pdf" ]; then pass=$((pass + 1))
else fail=$((fail + 1)); echo "FAILED: batch: wrong outputs"; ls "$tmp/bout"; fi
check "batch within the limit" 0 "$folio" batch "$tmp/in" -o "$tmp/bout" -q --max-notes 10
if [ -s "$tmp/bout/notes.pdf" ]; then pass=$((pass + 1))
else fail=$((fail + 1)); echo "FAILED: batch: notes.pdf missing after raising the limit"; fi

# Values that are not limits are usage errors
for bad in "--max-notes 0" "--max-notes -3" "--max-notes ten" "--max-table-cells 5X" \
           "--max-paragraph-bytes 99999999999999999999999" "--max-input-bytes 2000G" \
           "--max-depth 10001" "--max-depth 0"; do
    # shellcheck disable=SC2086
    check "bad value $bad" 2 "$folio" render "$tmp/notes.md" -o "$tmp/out" $bad
done
check "missing value" 2 "$folio" render "$tmp/notes.md" -o "$tmp/out" --max-notes

echo "limits: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
