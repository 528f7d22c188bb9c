#!/bin/sh
# Render every document the typography report measures into OUT and print
# its "PDF=SOURCE" pairs for tests/typo_report.py: each report of
# ../shared/corpus and ../shared/corpus/real, and the Charter of
# ../shared/corpus/charter in English, French, Spanish and Russian (a long
# text in each language the house font draws; tests/charter_md.py).
# usage: typo_corpus.sh OUT [FOLIO]    (from the checkout's top folder)
# Exits 3 when ../shared is absent.
out=$1 folio=${2:-./bin/folio}
shared=../shared
[ -f $shared/tools/typo_metrics.py ] && [ -d $shared/corpus ] || exit 3
mkdir -p "$out" || exit 2
set --
for f in $shared/corpus/*.md $shared/corpus/real/[0-9]*.md; do
    [ -f "$f" ] && set -- "$@" "$f"
done
for lang in en fr es ru; do
    c=$shared/corpus/charter/un-charter-$lang.txt
    [ -f "$c" ] || continue
    /usr/bin/python3 tests/charter_md.py $lang "$c" "$out/charter-$lang.md" || exit 2
    set -- "$@" "$out/charter-$lang.md"
done
for f in "$@"; do
    name=$(basename "$f" .md)
    "$folio" render "$f" -o "$out" -q --pdf 2>"$out/$name.err" ||
        { echo "typo_corpus: $name: folio render failed" >&2; cat "$out/$name.err" >&2; exit 1; }
    printf '%s=%s\n' "$out/$name.pdf" "$f"
done
