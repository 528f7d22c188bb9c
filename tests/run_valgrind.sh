#!/bin/sh
# make check-valgrind: valgrind memcheck over the bundled example and every
# report of ../shared/corpus (PDF and DOCX), the example as report XML, a
# two-thread batch of them all, and a few failing runs (error paths free
# what they took too). Any memory error or definite leak fails the run.
# For developers (Debian package valgrind); .ci/run does not run it.
cd "$(dirname "$0")/.." || exit 2
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
folio=${FOLIO:-./bin/folio}
pass=0 fail=0
if ! command -v valgrind >/dev/null 2>&1; then
    echo "valgrind: not installed (apt-get install valgrind)"
    echo "valgrind: 0 passed, 1 failed"
    exit 1
fi
# Still-reachable blocks are not leaks: libhyphen's dictionaries and
# cmark-gfm's extension registry are kept for the life of the process.
vg() { # description, expected exit code of folio, then its arguments
    desc=$1 want=$2; shift 2
    valgrind --tool=memcheck --quiet --error-exitcode=99 --leak-check=full \
        --show-leak-kinds=definite --errors-for-leak-kinds=definite \
        --num-callers=40 \
        --log-file="$tmp/vg.log" "$folio" "$@" >"$tmp/out" 2>&1
    got=$?
    if [ "$got" -eq "$want" ] && [ ! -s "$tmp/vg.log" ]; then pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAILED: $desc: exit $got, expected $want"
        head -60 "$tmp/vg.log"
        tail -5 "$tmp/out"
    fi
}

inputs="examples/seed-es.md"
for f in ../shared/corpus/*.md; do
    [ -f "$f" ] && inputs="$inputs $f"
done
mkdir "$tmp/in"
for md in $inputs; do
    name=$(basename "$md" .md)
    cp "$md" "$tmp/in/"
    vg "render $name" 0 render "$md" -o "$tmp" -q
done
vg "convert the example to XML" 0 convert examples/seed-es.md --to xml -o "$tmp/seed-es.xml" -q
vg "render the example's XML" 0 render "$tmp/seed-es.xml" -o "$tmp" -q
vg "batch, two threads" 0 batch "$tmp/in" -o "$tmp/batch" -j 2 -q
# nested composite glyphs (tests/run_composite.sh): the closure walk
mkdir "$tmp/fonts"
cp fonts/LiberationSerif-Bold.ttf fonts/LiberationSerif-Italic.ttf \
   fonts/LiberationSerif-BoldItalic.ttf "$tmp/fonts/"
cp tests/fixtures/nested-composite.ttf "$tmp/fonts/LiberationSerif-Regular.ttf"
printf -- '---\nsymbol: A/1\ndate: 2024-01-01\n---\n\nXXXX XXXX\n' > "$tmp/nested.md"
vg "nested composite glyphs" 0 render "$tmp/nested.md" -o "$tmp" -q --pdf --fonts "$tmp/fonts"

# failing runs
printf -- '---\ndate: 2021-13-45\n---\n\n1. Text.\n' > "$tmp/bad-date.md"
vg "bad front matter" 1 render "$tmp/bad-date.md" -o "$tmp" -q
printf '1. Caf\351.\n' > "$tmp/bad-utf8.md"
vg "invalid UTF-8" 1 render "$tmp/bad-utf8.md" -o "$tmp" -q
vg "a limit overrun" 1 render examples/seed-es.md -o "$tmp" -q --max-paragraph-bytes 100
vg "missing fonts" 1 render examples/seed-es.md -o "$tmp" -q --fonts "$tmp/no-fonts"
vg "unwritable output" 1 render examples/seed-es.md -o /proc/folio-nope -q

echo "valgrind: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
