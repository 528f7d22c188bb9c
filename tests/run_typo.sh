#!/bin/sh
# The typography suite (issue 16): every document of ../shared/corpus and
# ../shared/corpus/real, and the Charter in four languages, rendered and
# measured from the PDF with ../shared/tools/typo_metrics.py; the table
# (word spaces p95 and max, lines over 1.5, hyphenated lines, names
# hyphenated, per document) is the report. Checks: no name is hyphenated
# (a capitalised word cut at a hyphenation point, found by scanning every
# PDF's line ends against its source) and the hyphenated lines stay within
# target (10 %, Russian 20 %); the spacing targets are reported, not
# checked (see the README: where names may not be cut, some lines cannot
# be set within them). Skipped when ../shared is absent.
cd "$(dirname "$0")/.." || exit 2
folio=${FOLIO:-./bin/folio}
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
sh tests/typo_corpus.sh "$tmp" "$folio" > "$tmp/pairs"
case $? in
0) ;;
3) echo "typo: skipped: no ../shared (corpus and typo_metrics.py)"
   echo "typo: 0 passed, 0 failed"; exit 0 ;;
*) echo "typo: 0 passed, 1 failed"; exit 1 ;;
esac
/usr/bin/python3 tests/typo_report.py --hard names,hyph $(cat "$tmp/pairs") > "$tmp/report"
status=$?
sed '$d' "$tmp/report"
tail -n 1 "$tmp/report" | sed 's/^checks:/typo:/'
[ $status -eq 0 ]
