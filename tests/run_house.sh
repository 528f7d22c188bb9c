#!/bin/sh
# A language and a duty station added as data only: tests/house/xx holds
# languages/pt.style (Portuguese) and stations/bonn.style (Bonn), which the
# built-in house style does not have. Laid over it with --style, they are
# used like the built-in ones: masthead labels, the date, the job number,
# the paper, reading a Portuguese masthead, the checks of --lang and
# --station, the help, a batch manifest. Without --style they are unknown.
cd "$(dirname "$0")/.." || exit 2
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
. tests/checks.sh
folio=${FOLIO:-./bin/folio}
house=tests/house/xx

# has FILE TEXT DESCRIPTION: FILE holds TEXT (a fixed string).
has() {
    if grep -qF -- "$2" "$1"; then ok; else bad "$3: no \"$2\""; fi
}

# An English original rendered as the Portuguese version for Bonn.
check "render pt for bonn" 0 "$folio" render tests/house/report.md -o "$tmp" \
    --style "$house" --lang pt --station bonn --trace "$tmp/t"
pdftotext "$tmp/report.pdf" "$tmp/report.txt" 2>/dev/null
for text in "Nações Unidas" "Distr. geral" "1º de março de 2025" "Português" \
            "Original: inglês" "BN.25-01234 (P)" "Por favor, recicle"; do
    has "$tmp/report.txt" "$text" "PDF text"
done
if pdfinfo "$tmp/report.pdf" 2>/dev/null | grep -q "Page size: *595.3 x 841.9"; then ok
else bad "Bonn's paper is not A4: $(pdfinfo "$tmp/report.pdf" | grep 'Page size')"; fi
has "$tmp/t" "lang pt-PT" "layout trace"
mkdir "$tmp/docx"
if unzip -q "$tmp/report.docx" -d "$tmp/docx"; then ok; else bad "DOCX does not unzip"; fi
cat "$tmp/docx/word/"*.xml > "$tmp/docx.xml" 2>/dev/null
for text in "Nações Unidas" "Distr. geral" "1º de março de 2025" "Original: inglês" \
            "BN.25-01234 (P)" "Por favor, recicle" 'w:w="11906" w:h="16838"' 'w:val="pt-PT"'; do
    has "$tmp/docx.xml" "$text" "DOCX"
done

# The station from the job number's prefix (BN.), then from the symbol's
# series (FCCC/), when none is named: Bonn's A4, not New York's Letter.
check "station from the job prefix" 0 "$folio" render tests/house/report.md -o "$tmp" \
    --style "$house" --lang pt --trace "$tmp/t2"
has "$tmp/t2" "document 595.30x841.90" "station from the job prefix"
check "station from the symbol series" 0 "$folio" render tests/house/report.md -o "$tmp" \
    --style "$house" --lang pt --job-number 25-01234 --symbol FCCC/SBI/2025/1 --trace "$tmp/t3"
has "$tmp/t3" "document 595.30x841.90" "station from the symbol series"

# A masthead typed in Portuguese is read with the house's words: the date
# (março), the language line, the original's name (inglês), the session
# (sessão) and the venue (Bona).
check "read a Portuguese masthead" 0 "$folio" convert tests/house/masthead-pt.md --to xml \
    --style "$house" -o "$tmp/m.xml"
for text in "<date>2025-03-01</date>" "<language>pt</language>" \
            "<original-language>en</original-language>" \
            "<session>Sexagésima segunda sessão</session>" "<station>bonn</station>"; do
    has "$tmp/m.xml" "$text" "read masthead"
done
check "render the Portuguese masthead" 0 "$folio" render tests/house/masthead-pt.md -o "$tmp" \
    --style "$house" --pdf --trace "$tmp/t4"
has "$tmp/t4" "document 595.30x841.90 pages 1 lang pt-PT" "Portuguese masthead"

# Akoma Ntoso written with the house's names and labels, and read back.
check "AKN in Portuguese" 0 "$folio" convert tests/house/masthead-pt.md --to akn \
    --style "$house" -o "$tmp/m.akn.xml"
for text in '<FRBRlanguage language="por"/>' '>Distr. geral</inline>' \
            '>Português</inline>' 'Original: <inline name="originalLanguage">inglês</inline>'; do
    has "$tmp/m.akn.xml" "$text" "AKN"
done
check "AKN read back" 0 "$folio" convert "$tmp/m.akn.xml" --to xml --style "$house" \
    -o "$tmp/m2.xml"
has "$tmp/m2.xml" "<original-language>en</original-language>" "AKN read back"
has "$tmp/m2.xml" "<language>pt</language>" "AKN read back"

# Front matter names them too; a report XML's <station> is checked.
printf -- '---\nsymbol: A/1\ndate: 2025-06-16\nlanguage: português\nstation: Bona\n---\n\n1. Texto.\n' \
    > "$tmp/fm.md"
check "front matter language and station" 0 "$folio" convert "$tmp/fm.md" --to xml \
    --style "$house" -o "$tmp/fm.xml"
has "$tmp/fm.xml" "<station>bonn</station>" "front matter station"
has "$tmp/fm.xml" "<language>pt</language>" "front matter language"
check "report XML station" 0 "$folio" render "$tmp/fm.xml" -o "$tmp" --style "$house" --docx
check "report XML station unknown" 1 "$folio" render "$tmp/fm.xml" -o "$tmp" --docx
grep_err "XML station listed" 'unknown duty station "bonn" (new-york, geneva, vienna or nairobi)'

# Without the folder, pt and bonn are unknown: the messages list the house's.
check "--lang pt unknown" 2 "$folio" render tests/house/report.md -o "$tmp" --lang pt
grep_err "--lang lists the languages" "unknown language (en fr es ru zh ar)"
check "--station bonn unknown" 2 "$folio" render tests/house/report.md -o "$tmp" --station bonn
grep_err "--station lists the stations" "unknown duty station (new-york, geneva, vienna, nairobi)"
check "front matter station unknown" 1 "$folio" render "$tmp/fm.md" -o "$tmp"
grep_err "front matter station" 'unknown duty station (new-york, geneva, vienna or nairobi): "Bona"'
check "--station with the folder" 2 "$folio" render tests/house/report.md -o "$tmp" \
    --style "$house" --station mars
grep_err "--station lists bonn" "new-york, geneva, vienna, nairobi, bonn)"

# The help lists what the house defines.
check "--help" 0 "$folio" render --style "$house" --help
if grep -q "duty station: new-york, geneva, vienna, nairobi, bonn$" "$tmp/stdout" &&
   grep -q "language of the version: en fr es ru zh ar pt$" "$tmp/stdout"; then ok
else bad "--help does not list the house's stations and languages"; cat "$tmp/stdout"; fi
check "--help built in" 0 "$folio" --help
if grep -q "duty station: new-york, geneva, vienna, nairobi$" "$tmp/stdout"; then ok
else bad "--help does not list the built-in stations"; fi

# A batch manifest may name them (checked against the house style).
mkdir "$tmp/b"
cp tests/house/report.md "$tmp/b/"
printf 'input,output,lang,station\nreport.md,pt-bonn,pt,bonn\n' > "$tmp/b/list.csv"
check "batch manifest" 0 "$folio" batch "$tmp/b/list.csv" -o "$tmp/bout" -q --style "$house" --pdf
if pdftotext "$tmp/bout/pt-bonn.pdf" - 2>/dev/null | grep -q "Nações Unidas"; then ok
else bad "the batch row's language is not used"; fi
check "batch manifest without the folder" 2 "$folio" batch "$tmp/b/list.csv" -o "$tmp/bout2" -q
grep_err "manifest lang" "list.csv:2:[0-9]*: .*unknown language"

# A section in two files is an error naming both, as is a bad value.
mkdir -p "$tmp/dup/languages"
cp "$house/languages/pt.style" "$tmp/dup/languages/"
printf '[document]\nx = 1\n\n[lang.pt]\ntag = pt-BR\n' > "$tmp/dup/un.style"
check "section in two files" 1 "$folio" render tests/house/report.md -o "$tmp" --style "$tmp/dup"
grep_err "both files named" "dup/languages/pt.style:5: \[lang.pt\] is defined twice: here and in .*dup/un.style:5"
rm "$tmp/dup/un.style"
sed -i 's/^direction = ltr$/direction = sideways/' "$tmp/dup/languages/pt.style"
check "bad value" 1 "$folio" render tests/house/report.md -o "$tmp" --style "$tmp/dup"
grep_err "bad value named" "dup/languages/pt.style:7: \[lang.pt\] direction: give ltr or rtl"

echo "house: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
