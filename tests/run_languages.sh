#!/bin/sh
# Chinese and Arabic, and the Charter in the six languages, each set as a
# report: the bundled examples (examples/report-zh.md, report-ar.md), every
# excerpt of ../shared/corpus/zh-ar/ and the Charter of
# ../shared/corpus/charter/ (tests/languages/charter.py makes a report of
# it). For each:
#   no character the fonts cannot draw; no Chinese line breaking against
#   the kinsoku rules (kinsoku.py); every character of the input back
#   from pdftotext, Arabic words in their logical order (chars.py); every
#   font embedded, and subset where the language has faces of its own;
#   qpdf --check; byte-identical on a second run; paragraph numbers on the
#   language's side, in folio's PDF and in LibreOffice's of the DOCX
#   (paraside.py); the Chinese and Arabic DOCX valid against the ECMA-376
#   schemas (../shared/ooxml/check-docx) and read by LibreOffice, every
#   character back;
#   the Chinese Charter's PDF within twice the English one's size; how far
#   the Arabic Charter's word spaces stretch, printed (spaces.py).
# Without ../shared only the examples are checked.
cd "$(dirname "$0")/.." || exit 2
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
folio=${FOLIO:-./bin/folio}
# PyMuPDF is Debian's python3-fitz: the system's Python
py=/usr/bin/python3
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAILED: $*"; }
shared=../shared

# inputs: NAME FILE LANG
list=$tmp/list
echo "report-zh examples/report-zh.md zh" > "$list"
echo "report-ar examples/report-ar.md ar" >> "$list"
echo "kinsoku-zh tests/golden/kinsoku-zh.md zh" >> "$list"
# words of another official language's script in a report (the house's
# faces of that script, un.style [fonts])
echo "other-scripts-en tests/golden/other-scripts-en.md en" >> "$list"
echo "other-scripts-ar tests/golden/other-scripts-ar.md ar" >> "$list"
if [ -d "$shared/corpus/zh-ar" ]; then
    for f in "$shared"/corpus/zh-ar/zh-*.md; do echo "$(basename "$f" .md) $f zh"; done >> "$list"
    for f in "$shared"/corpus/zh-ar/ar-*.md; do echo "$(basename "$f" .md) $f ar"; done >> "$list"
fi
if [ -d "$shared/corpus/charter" ]; then
    for l in en fr es ru zh ar; do
        python3 tests/languages/charter.py "$l" "$shared/corpus/charter/un-charter-$l.txt" \
            "$tmp/charter-$l.md"
        echo "charter-$l $tmp/charter-$l.md $l" >> "$list"
    done
fi

# zh-A-57-270 puts a note on its subtitle ("秘书长的报告[^s2]"); folio's
# masthead carries notes on the title and agenda line only, so that
# note's text is not printed (in any language)
skip_of() { [ "$1" = zh-A-57-270 ] && echo "--skip-note s2"; }
# does the report number its paragraphs ("1.", "1-", "١ -")
numbered() { grep -qE '^([0-9]|٠|١|٢|٣|٤|٥|٦|٧|٨|٩){1,6} ?[.-] ' "$1"; }

mkdir -p "$tmp/docx"
while read -r name md lang; do
    out=$tmp/$name
    mkdir -p "$out/a" "$out/b"
    if SOURCE_DATE_EPOCH=0 "$folio" render "$md" -o "$out/a" -q --trace "$out/trace" \
        2>"$out/err"; then ok
    else bad "$name: folio render failed"; cat "$out/err"; continue; fi
    SOURCE_DATE_EPOCH=0 "$folio" render "$md" -o "$out/b" -q 2>/dev/null
    pdf=$out/a/$name.pdf docx=$out/a/$name.docx
    if grep -q "cannot be drawn" "$out/err"; then bad "$name: characters left blank"
        grep "cannot be drawn" "$out/err" | head -3; else ok; fi
    if qpdf --check "$pdf" >"$out/qpdf" 2>&1; then ok; else bad "$name: qpdf --check"; tail -3 "$out/qpdf"; fi
    # every font embedded; subset in a language with faces of its own
    subset=0
    { [ "$lang" = zh ] || [ "$lang" = ar ]; } && subset=1
    if pdffonts "$pdf" 2>/dev/null | awk -v subset=$subset \
        'NR > 2 && ($(NF-4) != "yes" || (subset && $(NF-3) != "yes")) { bad = 1 } END { exit bad }'
    then ok; else bad "$name: a font is not embedded (or not subset)"; pdffonts "$pdf"; fi
    pdftotext -enc UTF-8 "$pdf" "$out/pdf.txt" 2>/dev/null
    # shellcheck disable=SC2046
    if python3 tests/languages/chars.py "$md" "$out/pdf.txt" $(skip_of "$name"); then ok
    else bad "$name: PDF text lacks characters of the input"; fi
    if cmp -s "$pdf" "$out/b/$name.pdf" && cmp -s "$docx" "$out/b/$name.docx"; then ok
    else bad "$name: output differs between two runs"; fi
    if [ "$lang" = zh ]; then
        if python3 tests/languages/kinsoku.py "$out/trace"; then ok
        else bad "$name: a line breaks against the kinsoku rules"; fi
    fi
    side=ltr
    [ "$lang" = ar ] && side=rtl
    if numbered "$md"; then
        if $py tests/languages/paraside.py "$md" "$pdf" $side; then ok
        else bad "$name: paragraph numbers not on the $side side of the PDF"; fi
    fi
    if [ -x "$shared/ooxml/check-docx" ] && { [ "$lang" = zh ] || [ "$lang" = ar ]; }; then
        if "$shared/ooxml/check-docx" "$docx" >"$out/schema" 2>&1; then ok
        else bad "$name: DOCX schema errors"; head -5 "$out/schema"; fi
    fi
    # LibreOffice's reading matters where the script needs telling
    [ "$lang" = zh ] || [ "$lang" = ar ] && cp "$docx" "$tmp/docx/"
done < "$list"

# the size of Chinese beside English, the same text
if [ -f "$tmp/charter-zh/a/charter-zh.pdf" ] && [ -f "$tmp/charter-en/a/charter-en.pdf" ]; then
    zs=$(wc -c < "$tmp/charter-zh/a/charter-zh.pdf") es=$(wc -c < "$tmp/charter-en/a/charter-en.pdf")
    if [ "$zs" -le $((2 * es)) ]; then ok
    else bad "the Chinese Charter's PDF is $zs bytes, more than twice the English one's ($es)"; fi
fi

# how far the Arabic Charter's word spaces stretch (a figure, not a check:
# Arabic is justified by its spaces alone)
if [ -f "$tmp/charter-ar/a/charter-ar.pdf" ]; then
    echo "languages: Arabic Charter: $($py tests/languages/spaces.py "$tmp/charter-ar/a/charter-ar.pdf")"
fi

# LibreOffice reads each DOCX (one process for all): every character comes
# back and the paragraph numbers stand on the language's side
if [ "${SANITIZED:-0}" != 1 ]; then
    timeout 600 soffice -env:UserInstallation="file://$tmp/lo-profile" --headless \
        --convert-to pdf --outdir "$tmp/lo" "$tmp"/docx/*.docx >/dev/null 2>&1
    while read -r name md lang; do
        [ "$lang" = zh ] || [ "$lang" = ar ] || continue
        lo=$tmp/lo/$name.pdf
        if [ ! -s "$lo" ]; then bad "$name: LibreOffice could not convert the DOCX"; continue; fi
        ok
        pdftotext -enc UTF-8 "$lo" "$tmp/$name/lo.txt" 2>/dev/null
        # shellcheck disable=SC2046
        if python3 tests/languages/chars.py "$md" "$tmp/$name/lo.txt" $(skip_of "$name") \
            --counts-only; then ok
        else bad "$name: DOCX text (through LibreOffice) lacks characters of the input"; fi
        side=ltr
        [ "$lang" = ar ] && side=rtl
        if numbered "$md"; then
            if $py tests/languages/paraside.py "$md" "$lo" $side; then ok
            else bad "$name: paragraph numbers not on the $side side in LibreOffice"; fi
        fi
    done < "$list"
fi
echo "languages: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
