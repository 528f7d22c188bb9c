#!/bin/sh
# The DOCX as its users meet it (docs/docx.md), for the bundled example,
# the golden inputs, the class fixtures, the template and every report of
# ../shared/corpus (the real documents and the Chinese and Arabic ones too):
#   - every XML part valid against the ECMA-376 transitional schemas
#     (../shared/ooxml/check-docx; skipped, and said so, without it);
#   - pandoc finds every heading at its level, every numbered paragraph and
#     subparagraph as a list item, the PDF's paragraph numbers, every note
#     (tests/docx_clients.py);
#   - LibreOffice converts it: pages within one of folio's PDF, the same
#     paragraph numbers as folio's PDF (../shared/tools/numcheck.py);
#   - a paragraph inserted with python-docx renumbers the ones after it;
#   - every house style is defined alike in every document of a page size
#     and language (tests/docx_styles_same.py);
#   - folio template writes a .dotx that is valid and opens.
cd "$(dirname "$0")/.." || exit 2
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
folio=${FOLIO:-./bin/folio}
py=/usr/bin/python3
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAILED: $*"; }
note() { echo "docx: $*"; }

shared=../shared
checker=$shared/ooxml/check-docx
have_check=0
if [ -x "$checker" ] && command -v xmllint >/dev/null 2>&1; then have_check=1
else note "skipped the schema check (no $checker or no xmllint)"; fi
have_pandoc=0
command -v pandoc >/dev/null 2>&1 && have_pandoc=1
[ $have_pandoc = 1 ] || note "skipped the pandoc checks (no pandoc)"
have_pydocx=0
$py -c 'import docx' 2>/dev/null && have_pydocx=1
[ $have_pydocx = 1 ] || note "skipped the insertion test (no python3-docx)"
lo=1
[ "${SANITIZED:-0}" = 1 ] && lo=0

# Every document the suite writes: NAME|INPUT
inputs="examples/seed-es.md examples/seed-es.akn.xml"
for f in tests/golden/*.md tests/furniture/*.md $shared/corpus/*.md $shared/corpus/real/[0-9]*.md \
         $shared/corpus/zh-ar/*-*.md; do
    [ -f "$f" ] && inputs="$inputs $f"
done
mkdir -p "$tmp/out" "$tmp/lo" "$tmp/xml"
for f in $inputs; do
    name=$(basename "$f" | sed 's/\.[a-z]*$//')
    if SOURCE_DATE_EPOCH=0 "$folio" render "$f" -o "$tmp/out" -q 2>"$tmp/err"; then ok
    else bad "$name: folio render failed"; cat "$tmp/err"; fi
done
if "$folio" template -o "$tmp/out/un.dotx" -q 2>"$tmp/err" &&
   "$folio" template -o "$tmp/out/un2.dotx" --station geneva --lang fr -q 2>>"$tmp/err"; then ok
else bad "folio template failed"; cat "$tmp/err"; fi

# The schemas, on every package written.
if [ $have_check = 1 ]; then
    for d in "$tmp"/out/*.docx "$tmp"/out/*.dotx; do
        [ -f "$d" ] || continue
        if "$checker" "$d" >"$tmp/check" 2>&1; then ok
        else bad "$(basename "$d"): not valid against ECMA-376"; head -5 "$tmp/check"; fi
    done
fi

# One style name, one definition, in every document of a page size and
# language.
if $py tests/docx_styles_same.py "$tmp"/out/*.docx >"$tmp/same" 2>&1; then ok
else bad "a style is defined differently in two documents"; cat "$tmp/same"; fi

# A template is a template: its main part's content type says so.
if unzip -p "$tmp/out/un.dotx" '\[Content_Types\].xml' | grep -q 'wordprocessingml.template.main+xml'
then ok; else bad "un.dotx: the main part is not a template's"; fi
if cmp -s "$tmp/out/un.dotx" "$tmp/out/un2.dotx"; then bad "template: --station and --lang change nothing"
else ok; fi

# The clients, on the documents whose model and PDF numbers we know.
corpus="examples/seed-es.md"
for f in $shared/corpus/*.md $shared/corpus/real/[0-9]*.md; do
    [ -f "$f" ] && corpus="$corpus $f"
done
if [ $have_pandoc = 1 ]; then
    for f in $corpus; do
        name=$(basename "$f" .md)
        "$folio" convert "$f" --to xml -o "$tmp/xml/$name.xml" -q 2>/dev/null
        if $py tests/docx_clients.py "$tmp/xml/$name.xml" "$tmp/out/$name.docx" \
            "$tmp/out/$name.pdf" --check >"$tmp/clients" 2>&1; then ok
        else bad "$name: pandoc"; cat "$tmp/clients"; fi
    done
fi

[ $lo = 1 ] || { echo "docx: $pass passed, $fail failed"; [ "$fail" -eq 0 ]; exit; }

# LibreOffice: one run converts them all (a private profile).
docs=""
for f in $corpus; do docs="$docs $tmp/out/$(basename "$f" .md).docx"; done
have_ins=0
if [ $have_pydocx = 1 ]; then
    ins_src=$tmp/out/E-CN.3-2025-7-en.docx
    [ -f "$ins_src" ] || ins_src=$tmp/out/seed-es.docx
    if $py tests/docx_insert.py "$ins_src" "$tmp/out/inserted.docx"; then ok; have_ins=1
    else bad "python-docx could not insert a paragraph"; fi
    [ $have_ins = 1 ] && docs="$docs $tmp/out/inserted.docx"
fi
# shellcheck disable=SC2086
timeout 900 soffice -env:UserInstallation="file://$tmp/lo-profile" --headless --convert-to pdf \
    --outdir "$tmp/lo" $docs "$tmp/out/un.dotx" >/dev/null 2>&1
if [ -s "$tmp/lo/un.pdf" ]; then ok; else bad "LibreOffice could not open the template"; fi
for f in $corpus; do
    name=$(basename "$f" .md)
    pdf=$tmp/out/$name.pdf lopdf=$tmp/lo/$name.pdf
    if [ ! -s "$lopdf" ]; then bad "$name: LibreOffice could not convert the DOCX"; continue; fi
    ok
    ours=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
    theirs=$(pdfinfo "$lopdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
    d=$((ours - theirs)); [ $d -lt 0 ] && d=$((-d))
    if [ $d -le 1 ]; then ok
    else bad "$name: LibreOffice sets $theirs pages, folio's PDF has $ours"; fi
    if [ -f $shared/tools/numcheck.py ]; then
        # the same numbers on the same paragraphs (their pages may differ)
        $py $shared/tools/numcheck.py "$f" "$pdf" --show 2>&1 | sed 's/ (page [0-9]*)//' >"$tmp/n1"
        $py $shared/tools/numcheck.py "$f" "$lopdf" --show 2>&1 | sed 's/ (page [0-9]*)//' >"$tmp/n2"
        if cmp -s "$tmp/n1" "$tmp/n2"; then ok
        else bad "$name: LibreOffice's paragraph numbers differ from folio's PDF"
            diff "$tmp/n1" "$tmp/n2" | head -6; fi
    fi
done
if [ $have_ins = 1 ]; then
    if [ -s "$tmp/lo/inserted.pdf" ] &&
       $py tests/docx_insert.py --compare "$ins_src" "$tmp/lo/$(basename "$ins_src" .docx).pdf" \
           "$tmp/lo/inserted.pdf"; then ok
    else bad "inserting a paragraph does not renumber the ones after it"; fi
fi
echo "docx: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
