#!/bin/sh
# Real UN documents as they are (issue 13). For every report of
# ../shared/corpus and ../shared/corpus/real:
#   - every typed paragraph number and annex label prints as typed
#     (../shared/tools/numcheck.py: 0 wrong numbers, 0 wrong annex labels);
#   - every word of the input is in the PDF's text;
#   - the page count is within 10 % of the official PDF's
#     (../shared/reference/NAME.pdf, ../shared/reference/real/NAME.pdf),
#     where there is one;
#   - folio gives no warning: a typed sequence these documents follow
#     is never taken for a broken one;
#   - the DOCX written alone (--docx) is the DOCX written beside the PDF
#     (its contents' pages come from the layout either way).
# Without ../shared (a copy of the repository elsewhere) the suite is
# skipped, not failed.
cd "$(dirname "$0")/.." || exit 2
shared=../shared
folio=${FOLIO:-./bin/folio}
if [ ! -d "$shared/corpus" ]; then
    echo "real: skipped: no $shared/corpus beside the repository"
    echo "real: 0 passed, 0 failed"
    exit 0
fi
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
. tests/checks.sh
py=/usr/bin/python3
numcheck=$shared/tools/numcheck.py
have_numcheck=1
if [ ! -f "$numcheck" ] || ! $py -c 'import fitz' 2>/dev/null; then
    have_numcheck=0
    echo "real: numcheck skipped: no $numcheck or no PyMuPDF (fitz) for $py"
fi

for md in "$shared"/corpus/*.md "$shared"/corpus/real/[0-9]*.md; do
    [ -f "$md" ] || continue
    name=$(basename "$md" .md)
    out=$tmp/$name
    mkdir -p "$out"
    if $folio render "$md" -o "$out" --pdf 2>"$out/err" >/dev/null; then ok
    else bad "$name: folio render failed"; cat "$out/err"; continue; fi
    pdf=$out/$name.pdf
    # warnings: only the absence of a symbol in a document that has none
    if grep -v '^folio: wrote' "$out/err" | grep -v 'no document symbol' | grep -q .; then
        bad "$name: warnings"; grep -v '^folio: wrote' "$out/err" | head -5
    else ok; fi
    if [ "$have_numcheck" = 1 ]; then
        if $py "$numcheck" "$md" "$pdf" >"$out/num" 2>&1; then ok
        else bad "$name: $(tail -1 "$out/num")"; head -5 "$out/num"; fi
    fi
    pdftotext -enc UTF-8 "$pdf" "$out/pdf.txt" 2>/dev/null
    if python3 tests/words.py "$md" "$out/pdf.txt"; then ok
    else bad "$name: the PDF lacks words of the input"; fi
    mkdir -p "$out/both" "$out/alone"
    if SOURCE_DATE_EPOCH=0 $folio render "$md" -o "$out/both" 2>/dev/null >&2 &&
        SOURCE_DATE_EPOCH=0 $folio render "$md" --docx -o "$out/alone" 2>/dev/null >&2 &&
        cmp -s "$out/both/$name.docx" "$out/alone/$name.docx"; then ok
    else bad "$name: the DOCX written alone differs from the one written with the PDF"; fi
    ref=$shared/reference/real/$name.pdf
    [ -f "$ref" ] || ref=$shared/reference/$name.pdf
    if [ -f "$ref" ]; then
        want=$(pdfinfo "$ref" 2>/dev/null | sed -n 's/^Pages: *//p')
        got=$(pdfinfo "$pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
        diff=$((got > want ? got - want : want - got))
        if [ -n "$got" ] && [ -n "$want" ] && [ $((diff * 10)) -le "$want" ]; then ok
        else bad "$name: $got pages, the official has $want (more than 10 % apart)"; fi
    fi
done

echo "real: $pass passed, $fail failed"
[ "$fail" = 0 ]
