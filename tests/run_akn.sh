#!/bin/sh
# Akoma Ntoso (docs/akn.md). The bundled example's AKN is what `folio
# convert --to akn` writes today; it and every report of ../shared/corpus
# (the real documents and the Chinese and Arabic ones too) go Markdown ->
# AKN -> PDF and DOCX byte-identical to Markdown -> PDF and DOCX, AKN ->
# report XML gives the Markdown's model (parts, roles and typed pages
# included) without a warning, and AKN -> AKN gives the same AKN.
# Hand-written AKN4UN documents (coverPage and preface with lines no
# element names; debateReport, doc and statement roots; every element
# folio reads into its structures, with and without a number and a
# heading; elements folio does not know; notes, tables, lists, annexes at
# any depth) read into the expected model with the expected warnings, and
# their AKN written by folio reads back to it. Every word of every AKN
# input's text (outside <meta>) is in the PDF and the DOCX
# (tests/akn/akn_words.py takes the text nodes with xmllint;
# AKN_FIGURES=1 prints the counts file by file). Hostile AKN fails fast
# with exit 1 and file:line:col. A note referred to where the model keeps
# no mark for it is warned at the note. `folio batch` takes *.xml beside *.md.
cd "$(dirname "$0")/.." || exit 2
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
. tests/checks.sh
# The binary under test: $FOLIO (a sanitizer build), else ./bin/folio.
folio=${FOLIO:-./bin/folio}

# report XML with the notes in id order: AKN places a note where it is
# referred to, so the title's "*" note comes first, not where Markdown
# defined it; nothing printed depends on that order
sorted_notes() {
    python3 - "$1" <<'EOF'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r"\n  <notes>\n(.*)\n  </notes>", text, re.S)
if m:
    notes = re.findall(r"    <note .*?</note>|    <note [^>]*/>", m.group(1), re.S)
    notes.sort(key=lambda n: re.match(r'    <note id="([^"]*)"', n).group(1))
    text = text[:m.start(1)] + "\n".join(notes) + text[m.end(1):]
sys.stdout.write(text)
EOF
}

# words_of AKN RENDERING...: every word of the AKN's text is in each PDF
# (its pdftotext) and DOCX given; the counts go to the figures
words_of() {
    src=$1; shift
    list=""
    for r in "$@"; do
        case $r in
        *.pdf) pdftotext -enc UTF-8 "$r" "$r.txt" 2>/dev/null; list="$list $r.txt" ;;
        *) list="$list $r" ;;
        esac
    done
    # shellcheck disable=SC2086
    if python3 tests/akn/akn_words.py "$src" $list >"$tmp/words" 2>&1; then ok
    else bad "$(basename "$src"): the PDF or the DOCX lacks words of its text"; cat "$tmp/words"; fi
    printf '%s: %s\n' "$(basename "$src")" "$(grep -E '^(words|times):' "$tmp/words" | tr '\n' ' ')" \
        >>"$tmp/figures"
}

# --- the bundled example: the shipped AKN is folio's own, up to date
if $folio convert examples/seed-es.md --to akn -q 2>"$tmp/err" | cmp -s - examples/seed-es.akn.xml
then ok; else bad "examples/seed-es.akn.xml is not what folio convert --to akn writes"; cat "$tmp/err"; fi

inputs="examples/seed-es.md"
for f in ../shared/corpus/*.md ../shared/corpus/real/[0-9]*.md ../shared/corpus/zh-ar/*-*.md; do
    [ -f "$f" ] && inputs="$inputs $f"
done

for md in $inputs; do
    name=$(basename "$md" .md)
    d=$tmp/$name
    mkdir -p "$d/md" "$d/akn"
    akn=$d/akn/$name.xml
    if $folio convert "$md" --to akn -o "$akn" -q 2>"$d/err"; then ok
    else bad "$name: folio convert --to akn failed"; cat "$d/err"; continue; fi
    if xmllint --noout "$akn" 2>"$d/lint"; then ok
    else bad "$name: the AKN is not well-formed"; head -5 "$d/lint"; fi
    if $folio convert "$md" --to akn 2>/dev/null | cmp -s - "$akn"; then ok
    else bad "$name: convert --to akn to stdout differs from -o"; fi
    # AKN read and written again gives the same AKN
    if $folio convert "$akn" --to akn 2>/dev/null | cmp -s - "$akn"; then ok
    else bad "$name: converting the AKN again changes it"; fi
    # the model: the report XML of the AKN is that of the Markdown, and
    # folio's AKN reads without a warning
    $folio convert "$md" --to xml -o "$d/md.xml" -q 2>/dev/null
    $folio convert "$akn" --to xml -o "$d/akn.xml" -q 2>"$d/err"
    sorted_notes "$d/md.xml" >"$d/md.sorted"
    sorted_notes "$d/akn.xml" >"$d/akn.sorted"
    if [ -s "$d/md.sorted" ] && cmp -s "$d/md.sorted" "$d/akn.sorted"; then ok
    else bad "$name: the model read from AKN differs from the Markdown's"
        diff "$d/md.sorted" "$d/akn.sorted" | head -10; fi
    if [ ! -s "$d/err" ]; then ok; else bad "$name: reading folio's AKN warns"; cat "$d/err"; fi
    $folio render "$md" -o "$d/md" -q 2>/dev/null
    if $folio render "$akn" -o "$d/akn" -q 2>"$d/err"; then ok
    else bad "$name: folio render of the AKN failed"; cat "$d/err"; continue; fi
    for ext in pdf docx; do
        if [ -s "$d/md/$name.$ext" ] && cmp -s "$d/md/$name.$ext" "$d/akn/$name.$ext"; then ok
        else bad "$name: the $ext from AKN differs from the $ext from Markdown"; fi
    done
    if qpdf --check "$d/akn/$name.pdf" >/dev/null 2>&1; then ok; else bad "$name: qpdf --check fails"; fi
    # Every word of the AKN's text in the PDF and the DOCX. The Arabic PDFs
    # are left to the DOCX: pdftotext gives Arabic in visual order, cutting
    # some words where a line's runs turn.
    case $md in
    */zh-ar/ar-*) words_of "$akn" "$d/akn/$name.docx" ;;
    *) words_of "$akn" "$d/akn/$name.pdf" "$d/akn/$name.docx" ;;
    esac
done

# --- hand-written AKN4UN documents: the model, the warnings, the words
for f in tests/akn/*.akn.xml; do
    name=$(basename "$f" .akn.xml)
    want=tests/akn/$name.expected
    if $folio convert "$f" --to xml -o "$tmp/$name.xml" 2>"$tmp/$name.err" &&
        cmp -s "$tmp/$name.xml" "$want.xml"; then ok
    else bad "$name: its report XML is not $want.xml"
        diff "$want.xml" "$tmp/$name.xml" | head -10; cat "$tmp/$name.err"; fi
    # the warnings, without the "wrote" line
    grep -v '^folio: wrote' "$tmp/$name.err" >"$tmp/$name.warn"
    if cmp -s "$tmp/$name.warn" "$want.err"; then ok
    else bad "$name: its warnings are not $want.err"; cat "$tmp/$name.warn"; fi
    # written as AKN by folio and read again: the same model, no warning
    mkdir -p "$tmp/$name/again"
    again=$tmp/$name/again/$name.akn.xml
    if $folio convert "$f" --to akn -o "$again" -q 2>/dev/null &&
        $folio convert "$again" --to xml -q 2>"$tmp/$name.again.err" | cmp -s - "$want.xml" &&
        [ ! -s "$tmp/$name.again.err" ]; then ok
    else bad "$name: folio's AKN of it does not read back to $want.xml"; cat "$tmp/$name.again.err"; fi
    if $folio render "$f" -o "$tmp/$name" -q 2>/dev/null &&
        qpdf --check "$tmp/$name/$name.akn.pdf" >/dev/null 2>&1; then ok
    else bad "$name: does not render to a sound PDF"; continue; fi
    words_of "$f" "$tmp/$name/$name.akn.pdf" "$tmp/$name/$name.akn.docx"
    # folio's AKN of it keeps every word too
    if $folio render "$again" -o "$tmp/$name/again" -q 2>/dev/null; then ok
    else bad "$name: folio's AKN of it does not render"; continue; fi
    words_of "$again" "$tmp/$name/again/$name.akn.pdf" "$tmp/$name/again/$name.akn.docx"
done
if [ -n "$AKN_FIGURES" ]; then cat "$tmp/figures"; fi

ns='xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"'

# a note where the model keeps no mark (the subtitle's, when the title has
# its own; a second line's): its text cannot print, so it is warned at the
# note, once each; the title's and the agenda item's notes print
{
    echo "<akomaNtoso $ns><doc name=\"report\"><coverPage><p><docNumber>A/1/1</docNumber></p></coverPage><preface>"
    echo '<p><docTitle>Title<authorialNote eId="t"><p>Title note.</p></authorialNote></docTitle></p>'
    echo '<p><inline name="subTitle">Subtitle<authorialNote eId="s"><p>Subtitle note.</p></authorialNote></inline></p>'
    echo '</preface><mainBody><p>Text.</p></mainBody></doc></akomaNtoso>'
} >"$tmp/unplaced.akn.xml"
$folio convert "$tmp/unplaced.akn.xml" --to xml -q 2>"$tmp/err" >"$tmp/unplaced.xml"
if [ "$(grep -c 'keeps no note mark' "$tmp/err")" = 1 ] &&
    grep -q '^.*unplaced.akn.xml:3:[0-9]*: warning: akn: this note is referred to where folio keeps no note mark' "$tmp/err" &&
    grep -q '<title-note ref="t"/>' "$tmp/unplaced.xml"; then ok
else bad "a note the masthead has no mark for is not warned at its line"; cat "$tmp/err"; fi
body='<debateReport name="meetingReport"><mainBody><paragraph><num>1.</num><content><p>'
tail='</p></content></paragraph></mainBody></debateReport></akomaNtoso>'
{
    laughs_prolog akomaNtoso
    echo "<akomaNtoso $ns>$body&lol9;$tail"
} >"$tmp/laughs.akn.xml"
refused "$tmp/laughs.akn.xml" 'laughs.akn.xml:2:[0-9][0-9]*: error: <!DOCTYPE akomaNtoso>: a DOCTYPE is not allowed'

printf '<?xml version="1.0"?>\n<!DOCTYPE akomaNtoso [\n<!ENTITY x SYSTEM "file:///etc/passwd">\n]>\n<akomaNtoso %s>%s&x;%s\n' \
    "$ns" "$body" "$tail" >"$tmp/external.akn.xml"
refused "$tmp/external.akn.xml" 'external.akn.xml:2:[0-9][0-9]*: error: <!DOCTYPE akomaNtoso>: a DOCTYPE is not allowed'

python3 -c "import sys; sys.stdout.write('<akomaNtoso $ns>$body\n' + '<b>' * 100000)" >"$tmp/deep.akn.xml"
refused "$tmp/deep.akn.xml" 'deep.akn.xml:2:[0-9][0-9]*: error: in <b>: elements nested deeper than 256'

printf '<akomaNtoso %s>\n<debateReport><mainBody>\n<p>x</mainBody></debateReport></akomaNtoso>\n' "$ns" >"$tmp/broken.akn.xml"
refused "$tmp/broken.akn.xml" 'broken.akn.xml:3:[0-9][0-9]*: error: in <p>: Opening and ending tag mismatch'

printf '<akomaNtoso %s>\n  <!-- nothing -->\n</akomaNtoso>\n' "$ns" >"$tmp/empty.akn.xml"
refused "$tmp/empty.akn.xml" 'empty.akn.xml:1:1: error: akn: <akomaNtoso> holds no document'

# --- batch: *.xml (report XML and AKN) beside *.md
mkdir -p "$tmp/in" "$tmp/out"
cp examples/seed-es.md examples/seed-es.akn.xml "$tmp/in/"
cp tests/akn/doc-preface.akn.xml "$tmp/in/"
$folio convert examples/seed-es.md --to xml -o "$tmp/in/seed-report.xml" -q
printf 'not a report\n' >"$tmp/in/notes.txt"
if $folio batch "$tmp/in" -o "$tmp/out" -q 2>"$tmp/err"; then ok
else bad "batch of .md and .xml failed"; cat "$tmp/err"; fi
for n in seed-es seed-es.akn doc-preface.akn seed-report; do
    if [ -s "$tmp/out/$n.pdf" ] && [ -s "$tmp/out/$n.docx" ]; then ok
    else bad "batch: no $n.pdf and $n.docx"; fi
done
if [ ! -e "$tmp/out/notes.pdf" ]; then ok; else bad "batch took a .txt"; fi
# the three forms of the example give the same PDF
if cmp -s "$tmp/out/seed-es.pdf" "$tmp/out/seed-es.akn.pdf" &&
    cmp -s "$tmp/out/seed-es.pdf" "$tmp/out/seed-report.pdf"; then ok
else bad "batch: the three forms of the example give different PDFs"; fi

echo "akn: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
