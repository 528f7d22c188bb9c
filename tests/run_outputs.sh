#!/bin/sh
# Checks of every produced PDF and DOCX, for the bundled example and every
# report of ../shared/corpus:
#   PDF: qpdf --check, every font embedded, every word of the input in the
#        extracted text, masthead strings on page 1, paragraph numbers in
#        order, byte-identical on a second run;
#   DOCX: unzip -t, LibreOffice converts it, every word in its text,
#        byte-identical on a second run.
cd "$(dirname "$0")/.." || exit 2
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
# The binary under test: $FOLIO (a sanitizer build), else ./bin/folio.
folio=${FOLIO:-./bin/folio}
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAILED: $*"; }

inputs="examples/seed-es.md"
for f in ../shared/corpus/*.md; do
    [ -f "$f" ] && inputs="$inputs $f"
done
lo_profile="file://$tmp/lo-profile"

for md in $inputs; do
    name=$(basename "$md" .md)
    out=$tmp/$name
    mkdir -p "$out/a" "$out/b"
    if "$folio" render "$md" -o "$out/a" -q --trace "$out/trace" 2>"$out/err"; then ok
    else bad "$name: folio render failed"; cat "$out/err"; continue; fi
    "$folio" render "$md" -o "$out/b" -q 2>/dev/null
    pdf=$out/a/$name.pdf docx=$out/a/$name.docx

    # PDF
    if qpdf --check "$pdf" >"$out/qpdf" 2>&1; then ok; else bad "$name: qpdf --check"; tail -5 "$out/qpdf"; fi
    if pdffonts "$pdf" 2>/dev/null | awk 'NR > 2 && $(NF-4) != "yes" { bad = 1 } END { exit bad }'
    then ok; else bad "$name: a font is not embedded"; pdffonts "$pdf"; fi
    # strict readers get the text: poppler prints no warning at all
    pdftotext -enc UTF-8 "$pdf" "$out/pdf.txt" 2>"$out/poppler.err"
    pdffonts "$pdf" >/dev/null 2>>"$out/poppler.err"
    if [ ! -s "$out/poppler.err" ]; then ok; else bad "$name: poppler warns"; head -3 "$out/poppler.err"; fi
    if python3 tests/words.py "$md" "$out/pdf.txt"; then ok; else bad "$name: PDF text lacks words of the input"; fi
    pdftotext -enc UTF-8 -f 1 -l 1 "$pdf" "$out/p1.txt" 2>/dev/null
    if python3 tests/masthead.py "$md" "$out/p1.txt" "$out/trace"; then ok
    else bad "$name: page 1 lacks masthead strings"; fi
    if python3 tests/paranums.py "$md" "$out/trace"; then ok; else bad "$name: paragraph numbers out of order"; fi
    if cmp -s "$pdf" "$out/b/$name.pdf"; then ok; else bad "$name: PDF differs between two runs"; fi

    # DOCX
    if unzip -tq "$docx" >/dev/null 2>&1; then ok; else bad "$name: unzip -t"; fi
    if cmp -s "$docx" "$out/b/$name.docx"; then ok; else bad "$name: DOCX differs between two runs"; fi
    # Under sanitizers (SANITIZED=1) LibreOffice's reading adds nothing.
    [ "${SANITIZED:-0}" = 1 ] && continue
    mkdir -p "$out/lo"
    timeout 180 soffice -env:UserInstallation="$lo_profile" --headless --convert-to pdf \
        --outdir "$out/lo" "$docx" >/dev/null 2>&1
    if [ -s "$out/lo/$name.pdf" ]; then
        ok
        pdftotext -enc UTF-8 "$out/lo/$name.pdf" "$out/docx.txt" 2>/dev/null
        if python3 tests/words.py "$md" "$out/docx.txt"; then ok
        else bad "$name: DOCX text (through LibreOffice) lacks words of the input"; fi
    else
        bad "$name: LibreOffice could not convert the DOCX"
    fi
done
echo "outputs: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
