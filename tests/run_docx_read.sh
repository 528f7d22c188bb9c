#!/bin/sh
# The DOCX reader (folio_read_docx, docs/docx.md "Reading a DOCX back"):
#   - round trip of the example, the golden inputs and every report of
#     ../shared/corpus (real, Chinese and Arabic ones too): Markdown ->
#     report XML equals Markdown -> folio's DOCX -> folio_read_docx ->
#     report XML, field by field (tests/docx_roundtrip.py: what a DOCX
#     cannot hold is counted apart and said); the PDF rendered from the
#     DOCX is laid out line for line as the one from the Markdown (layout
#     traces) and prints every paragraph number numcheck.py checks right;
#   - the editor's path: a paragraph inserted with python-docx comes back
#     with the numbers after it moved up by one; a document started from
#     `folio template` and typed with python-docx renders; one typed in
#     Word's own styles (Heading 1, List Number, List Bullet) reads back;
#   - hostile packages: a zip bomb, no document.xml, malformed XML, a
#     DOCTYPE, a numbering level or start out of range, deep nesting, not
#     a ZIP: exit 1, the file and the part named, nothing written;
#   - render does not write a DOCX over its own input.
cd "$(dirname "$0")/.." || exit 2
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
folio=${FOLIO:-./bin/folio}
py=/usr/bin/python3
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAILED: $*"; }
note() { echo "docxread: $*"; }

shared=../shared
inputs="examples/seed-es.md"
for f in tests/golden/*.md; do inputs="$inputs $f"; done
if [ -d $shared/corpus ]; then
    for f in $shared/corpus/*.md $shared/corpus/real/[0-9]*.md $shared/corpus/zh-ar/*-*.md; do
        [ -f "$f" ] && inputs="$inputs $f"
    done
else
    note "skipped the corpus round trips (no $shared/corpus)"
fi
have_numcheck=0
[ -f $shared/tools/numcheck.py ] && $py -c 'import fitz' 2>/dev/null && have_numcheck=1
[ $have_numcheck = 1 ] || note "skipped the paragraph numbers of the PDFs (no numcheck.py or fitz)"

mkdir -p "$tmp/docx" "$tmp/pdf" "$tmp/xml"
for f in $inputs; do
    name=$(basename "$f" .md)
    a=$tmp/xml/$name.a.xml b=$tmp/xml/$name.b.xml d=$tmp/docx/$name.docx
    if ! "$folio" convert "$f" --to xml -o "$a" -q 2>"$tmp/err" ||
       ! SOURCE_DATE_EPOCH=0 "$folio" render "$f" -o "$tmp/docx" --docx -q 2>"$tmp/err"; then
        bad "$name: folio could not write its XML or DOCX"; cat "$tmp/err"; continue
    fi
    if "$folio" convert "$d" --to xml -o "$b" -q 2>"$tmp/err"; then ok
    else bad "$name: folio could not read its own DOCX"; cat "$tmp/err"; continue; fi
    if $py tests/docx_roundtrip.py "$a" "$b" >"$tmp/cmp"; then ok
    else bad "$name: the report read from the DOCX differs"; fi
    note "$name: $(head -n 1 "$tmp/cmp")"
    tail -n +2 "$tmp/cmp"
    if "$folio" render "$d" -o "$tmp/pdf" --pdf --trace "$tmp/docx.trace" -q 2>"$tmp/err"; then ok
    else bad "$name: the DOCX does not render"; cat "$tmp/err"; continue; fi
    # the same pages, line for line, as the Markdown's
    mkdir -p "$tmp/mdpdf"
    if "$folio" render "$f" -o "$tmp/mdpdf" --pdf --trace "$tmp/md.trace" -q 2>/dev/null &&
       cmp -s "$tmp/md.trace" "$tmp/docx.trace"; then ok
    else bad "$name: the PDF from the DOCX is laid out unlike the one from the Markdown"
        diff "$tmp/md.trace" "$tmp/docx.trace" | head -6; fi
    if [ $have_numcheck = 1 ]; then
        # 0 wrong, and as many found as in the PDF from the Markdown (a few
        # short Chinese paragraphs are not found by their words in either)
        $py $shared/tools/numcheck.py "$f" "$tmp/mdpdf/$name.pdf" 2>&1 | tail -n 1 >"$tmp/num.md"
        $py $shared/tools/numcheck.py "$f" "$tmp/pdf/$name.pdf" 2>&1 | tail -n 1 >"$tmp/num"
        if grep -q '^numbers: 0 wrong .*annexes: 0 wrong' "$tmp/num" &&
           cmp -s "$tmp/num" "$tmp/num.md"; then ok
        else bad "$name: numbers of the PDF rendered from the DOCX"; cat "$tmp/num.md" "$tmp/num"; fi
    fi
done

# The editor's path.
if $py -c 'import docx' 2>/dev/null; then
    src=$tmp/docx/E-CN.3-2025-7-en.docx
    [ -f "$src" ] || src=$tmp/docx/seed-es.docx
    if $py tests/docx_insert.py "$src" "$tmp/inserted.docx" &&
       "$folio" convert "$src" --to xml -o "$tmp/before.xml" -q &&
       "$folio" convert "$tmp/inserted.docx" --to xml -o "$tmp/after.xml" -q &&
       $py tests/docx_read.py renumbered "$tmp/before.xml" "$tmp/after.xml"; then ok
    else bad "a paragraph inserted with python-docx does not renumber what follows"; fi
    if "$folio" template -o "$tmp/un.dotx" -q &&
       $py tests/docx_read.py from-template "$tmp/un.dotx" "$tmp/editor.docx" &&
       "$folio" convert "$tmp/editor.docx" --to xml -o "$tmp/editor.xml" -q &&
       $py tests/docx_read.py expect-template "$tmp/editor.xml"; then ok
    else bad "a document started from the template does not read back"; fi
    mkdir -p "$tmp/editor"
    if "$folio" render "$tmp/editor.docx" -o "$tmp/editor" -q 2>/dev/null &&
       [ -s "$tmp/editor/editor.pdf" ]; then ok
    else bad "a document started from the template does not render"; fi
    if $py tests/docx_read.py word-typed "$tmp/word.docx" &&
       "$folio" convert "$tmp/word.docx" --to xml -o "$tmp/word.xml" -q &&
       $py tests/docx_read.py expect-word "$tmp/word.xml"; then ok
    else bad "a document typed in Word's own styles does not read back"; fi
else
    note "skipped the editor's path (no python3-docx)"
fi

# Hostile packages: exit 1, the file and the part named, no output.
mkdir -p "$tmp/bad" "$tmp/badout"
$py tests/docx_read.py hostile "$tmp/bad"
for case in bomb:word/styles.xml no-document:word/document.xml malformed:word/document.xml \
            doctype:word/document.xml numbering-level:word/numbering.xml \
            numbering-start:word/numbering.xml deep:word/document.xml \
            not-a-zip:'not a DOCX package'; do
    name=${case%%:*} where=${case#*:}
    f=$tmp/bad/$name.docx
    "$folio" convert "$f" --to xml -o "$tmp/badout/$name.xml" -q 2>"$tmp/err"
    rc=$?
    "$folio" render "$f" -o "$tmp/badout" -q 2>>"$tmp/err"
    rc2=$?
    if [ $rc = 1 ] && [ $rc2 = 1 ] && grep -q "$f" "$tmp/err" && grep -q "$where" "$tmp/err" &&
       [ -z "$(ls "$tmp/badout")" ]; then ok
    else bad "$name.docx: exit $rc/$rc2, or no \"$where\" in the message, or output written"
        cat "$tmp/err"; ls "$tmp/badout"; fi
done
# a limit on the input applies to what the package inflates to
# (seed-es.docx: about 25 KB that inflate to about 85 KB)
if "$folio" render "$tmp/docx/seed-es.docx" -o "$tmp/badout" --max-input-bytes 50K -q \
       2>"$tmp/err"; then bad "the inflated size escapes --max-input-bytes"
elif grep -q 'more than the limit' "$tmp/err"; then ok
else bad "no limit message"; cat "$tmp/err"; fi

# render beside its input would replace the editor's DOCX: refused
cp "$tmp/docx/seed-es.docx" "$tmp/keep.docx"
sum=$(cksum <"$tmp/keep.docx")
if "$folio" render "$tmp/keep.docx" -q 2>"$tmp/err"; then bad "render wrote a DOCX over its input"
elif [ "$(cksum <"$tmp/keep.docx")" = "$sum" ] && grep -q 'replace the input' "$tmp/err"; then ok
else bad "render changed its input or said nothing"; cat "$tmp/err"; fi

echo "docxread: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
