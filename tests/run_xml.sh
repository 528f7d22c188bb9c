#!/bin/sh
# Report XML: for the bundled example and every report of ../shared/corpus,
# `folio convert --to xml` writes XML that the schema accepts (xmllint
# --relaxng), and rendering that XML gives byte-identical PDF and DOCX to
# rendering the Markdown. Then hostile and invalid XML: each fails fast,
# with exit 1 and a clear error naming file:line.
cd "$(dirname "$0")/.." || exit 2
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
. tests/checks.sh
# The binary under test: $FOLIO (a sanitizer build), else ./bin/folio.
folio=${FOLIO:-./bin/folio}

inputs="examples/seed-es.md"
for f in ../shared/corpus/*.md; do
    [ -f "$f" ] && inputs="$inputs $f"
done

for md in $inputs; do
    name=$(basename "$md" .md)
    d=$tmp/$name
    mkdir -p "$d/md" "$d/xml"
    xml=$d/$name.xml
    if $folio convert "$md" --to xml -o "$xml" -q 2>"$d/err"; then ok
    else bad "$name: folio convert failed"; cat "$d/err"; continue; fi
    if xmllint --noout --relaxng schema/folio-report.rng "$xml" 2>"$d/lint"; then ok
    else bad "$name: the XML does not validate"; tail -5 "$d/lint"; fi
    # standard output gives the same bytes as -o
    if $folio convert "$md" --to xml 2>/dev/null | cmp -s - "$xml"; then ok
    else bad "$name: convert to stdout differs from -o"; fi
    # XML to XML gives the same XML
    if $folio convert "$xml" --to xml 2>/dev/null | cmp -s - "$xml"; then ok
    else bad "$name: converting the XML again changes it"; fi
    $folio render "$md" -o "$d/md" -q 2>/dev/null
    if $folio render "$xml" -o "$d/xml" -q 2>"$d/err"; then ok
    else bad "$name: folio render of the XML failed"; cat "$d/err"; continue; fi
    for ext in pdf docx; do
        if [ -s "$d/md/$name.$ext" ] && cmp -s "$d/md/$name.$ext" "$d/xml/$name.$ext"; then ok
        else bad "$name: the $ext from XML differs from the $ext from Markdown"; fi
    done
done

ns='xmlns="urn:folio:report:1"'

{
    laughs_prolog lolz
    echo "<report $ns><meta/><blocks><p>&lol9;</p></blocks></report>"
} >"$tmp/laughs.xml"
refused "$tmp/laughs.xml" 'laughs.xml:2:[0-9]*: error: <!DOCTYPE lolz>: a DOCTYPE is not allowed'

printf '<?xml version="1.0"?>\n<!DOCTYPE report [\n<!ENTITY x SYSTEM "file:///etc/passwd">\n]>\n<report %s><meta/><blocks><p>&x;</p></blocks></report>\n' "$ns" >"$tmp/external.xml"
refused "$tmp/external.xml" 'external.xml:2:[0-9]*: error: <!DOCTYPE report>: a DOCTYPE is not allowed'

printf '<!DOCTYPE report SYSTEM "http://example.org/report.dtd">\n<report %s><meta/><blocks/></report>\n' "$ns" >"$tmp/doctype.xml"
refused "$tmp/doctype.xml" 'doctype.xml:1:[0-9]*: error: <!DOCTYPE report>: a DOCTYPE is not allowed'

printf '<report %s><meta/><blocks><p>&x;</p></blocks></report>\n' "$ns" >"$tmp/entity.xml"
refused "$tmp/entity.xml" "entity.xml:1:[0-9]*: error: in <p>: Entity 'x' not defined"

python3 -c "import sys; sys.stdout.write('<report $ns><meta/><blocks><p>\n' + '<em>' * 100000)" >"$tmp/deep.xml"
refused "$tmp/deep.xml" 'deep.xml:2:[0-9]*: error: in <em>: elements nested deeper than 256'

printf '<report %s>\n<meta/>\n<blocks>\n  <p>fine</p>\n  <para>not a block</para>\n</blocks>\n</report>\n' "$ns" >"$tmp/schema.xml"
refused "$tmp/schema.xml" 'schema.xml:5:[0-9]*: error: <para>: '

printf '<report %s><meta/><blocks>\n<item level="1" label-kind="greek">x</item></blocks></report>\n' "$ns" >"$tmp/attr.xml"
refused "$tmp/attr.xml" 'attr.xml:2:[0-9]*: error: <item>: '

printf '<report %s><meta/><blocks>\n<p>x<note-ref ref="n9"/></p></blocks></report>\n' "$ns" >"$tmp/noteref.xml"
refused "$tmp/noteref.xml" 'noteref.xml:2:[0-9]*: error: <note-ref>: no note has the id "n9"'

printf '<report %s><meta/><blocks>\n<p>x</blocks></report>\n' "$ns" >"$tmp/broken.xml"
refused "$tmp/broken.xml" 'broken.xml:2:[0-9]*: error: in <p>: Opening and ending tag mismatch'

# usage errors
if $folio convert examples/seed-es.md --to pdf >/dev/null 2>&1; then bad "convert --to pdf accepted"
elif [ $? = 2 ]; then ok; else bad "convert --to pdf: wanted exit 2"; fi
if $folio convert examples/seed-es.md >/dev/null 2>&1; then bad "convert without --to accepted"
elif [ $? = 2 ]; then ok; else bad "convert without --to: wanted exit 2"; fi

echo "xml: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
