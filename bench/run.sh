#!/bin/sh
# make bench: wall time and peak memory of folio beside its peers, measured
# in the same run so the ratios hold on a noisy machine.
#
# Inputs: the bundled example (x1, 4 pages) and the Chinese and Arabic
# examples (zh, ar); the example repeated 55 times
# (x55, about 330 pages: the size issue 4 calls "x400" of an example of
# under a page); repeated 400 times (x400, about 2,400 pages); one
# 200,000-word paragraph (long); 5,000 footnotes (notes); and a batch of
# BATCH copies of the example (default 1,000) rendered by `folio batch`
# with one worker per core.
# Peers, each when installed: pandoc md -> docx; pandoc md -> PDF through
# groff (pdfroff); pandoc md -> PDF through xelatex. They run on the
# example sizes only (minutes on the pathological inputs; xelatex on x1 and
# x55 only).
# Medians of RUNS runs (default 5; the batch runs once). Wall time is taken
# with nanosecond clocks around each run, peak memory from /usr/bin/time.
# Writes build/bench.json.
cd "$(dirname "$0")/.." || exit 2
RUNS=${RUNS:-5}
BATCH=${BATCH:-1000}
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

if [ ! -x /usr/bin/time ]; then
    echo "bench: needs /usr/bin/time (Debian package 'time')"; exit 2
fi

# The example's body repeated n times under its own front matter.
make_input() {
    n=$1 out=$2
    awk 'NR == 1 && /^---$/ { fm = 1; print; next }
         fm && /^---$/ { fm = 0; print; next }
         fm { print }' examples/seed-es.md > "$out"
    body=$(awk 'NR == 1 && /^---$/ { fm = 1; next } fm && /^---$/ { fm = 0; next } !fm' examples/seed-es.md)
    i=0
    while [ $i -lt "$n" ]; do printf '%s\n\n' "$body"; i=$((i + 1)); done >> "$out"
}

# median wall seconds and median peak KiB of n runs of a command
# (prints "fail" when the command fails)
measure_n() {
    n=$1
    shift
    i=0
    : > "$tmp/m"
    while [ $i -lt "$n" ]; do
        t0=$(date +%s%N)
        /usr/bin/time -f "%M" -o "$tmp/t" "$@" >/dev/null 2>&1 || { echo "fail"; return; }
        t1=$(date +%s%N)
        echo "$(( (t1 - t0) / 1000000 )) $(tail -n 1 "$tmp/t")" >> "$tmp/m"
        i=$((i + 1))
    done
    sort -n -k1 "$tmp/m" | awk '{ w[NR] = $1 } END { printf "%.3f ", w[int((NR + 1) / 2)] / 1000 }'
    sort -n -k2 "$tmp/m" | awk '{ m[NR] = $2 } END { printf "%s\n", m[int((NR + 1) / 2)] }'
}
measure() { measure_n "$RUNS" "$@"; }

cp examples/seed-es.md "$tmp/x1.md"
# the Chinese and Arabic examples beside the Spanish one
cp examples/report-zh.md "$tmp/zh.md"
cp examples/report-ar.md "$tmp/ar.md"
make_input 55 "$tmp/x55.md"
make_input 400 "$tmp/x400.md"
# pathological: one 200,000-word paragraph; 5,000 footnotes
python3 - "$tmp" <<'PY'
import sys
d, head = sys.argv[1], "---\nsymbol: A/1\ndate: 2024-01-01\n---\n\n"
open(d + "/long.md", "w").write(head + "1. " + " ".join("word%d" % (i % 97) for i in range(200000)) + "\n")
with open(d + "/notes.md", "w") as f:
    f.write(head + "".join("%d. A paragraph with a note.[^%d]\n\n" % (i, i) for i in range(1, 5001)))
    f.write("".join("[^%d]: Note %d.\n" % (i, i) for i in range(1, 5001)))
PY
have() { command -v "$1" >/dev/null 2>&1; }

printf '%-8s %6s %-24s %9s %10s %11s %10s\n' input pages tool "wall (s)" "peak (MB)" "wall ratio" "mem ratio"
json="["
# one row: input pages tool wall kib [folio's wall and kib for the ratios]
row() {
    if [ "$4" = fail ]; then
        printf '%-8s %6s %-24s %9s\n' "$1" "$2" "$3" failed
        json="$json{\"input\":\"$1\",\"tool\":\"$3\",\"failed\":true},"
        return
    fi
    printf '%-8s %6s %-24s %9s %10.1f %11.2f %10.2f\n' "$1" "$2" "$3" "$4" \
        "$(echo "$5 / 1024" | bc -l)" "$(echo "$4 / $6" | bc -l)" "$(echo "$5 / $7" | bc -l)"
    json="$json{\"input\":\"$1\",\"pages\":\"$2\",\"tool\":\"$3\",\"wall_s\":$4,\"peak_kib\":$5},"
}
for x in x1 zh ar x55 x400 long notes; do
    in=$tmp/$x.md
    set -- $(measure ./bin/folio render "$in" -o "$tmp" -q)
    fw=$1 fm=$2
    pages=$(pdfinfo "$tmp/$x.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
    row "$x" "${pages:-?}" "folio (pdf+docx)" "$fw" "$fm" "$fw" "$fm"
    [ "${x#x}" != "$x" ] || continue
    if have pandoc; then
        set -- $(measure pandoc -f markdown -o "$tmp/p.docx" "$in")
        row "$x" "" "pandoc (docx)" "$1" "$2" "$fw" "$fm"
        if have pdfroff; then
            set -- $(measure pandoc -f markdown -t ms --pdf-engine=pdfroff -o "$tmp/p.pdf" "$in")
            row "$x" "" "pandoc+groff (pdf)" "$1" "$2" "$fw" "$fm"
        fi
        if have xelatex && [ "$x" != x400 ]; then
            set -- $(measure_n 1 pandoc -f markdown --pdf-engine=xelatex -o "$tmp/p.pdf" "$in")
            row "$x" "" "pandoc+xelatex (pdf)" "$1" "$2" "$fw" "$fm"
        fi
    fi
done
have pandoc || echo "(pandoc is not installed: no peer measured; apt-get install pandoc)"

# The Charter in the six languages (../shared/corpus/charter), each set as
# a report: time, memory and the PDF's size, the same text in every script.
if [ -d ../shared/corpus/charter ]; then
    for l in en fr es ru zh ar; do
        python3 tests/languages/charter.py "$l" "../shared/corpus/charter/un-charter-$l.txt" \
            "$tmp/charter-$l.md"
        set -- $(measure ./bin/folio render "$tmp/charter-$l.md" -o "$tmp" -q)
        pages=$(pdfinfo "$tmp/charter-$l.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
        kb=$(( $(wc -c < "$tmp/charter-$l.pdf") / 1024 ))
        printf '%-8s %6s %-24s %9s %10.1f   (PDF %d KB)\n' "charter" "${pages:-?}" \
            "folio $l" "$1" "$(echo "$2 / 1024" | bc -l)" "$kb"
        json="$json{\"input\":\"charter-$l\",\"pages\":\"$pages\",\"tool\":\"folio (pdf+docx)\",\"wall_s\":$1,\"peak_kib\":$2,\"pdf_kib\":$kb},"
    done
fi

# A session's worth of documents in one batch.
mkdir -p "$tmp/batch"
i=0
while [ $i -lt "$BATCH" ]; do cp examples/seed-es.md "$tmp/batch/doc$i.md"; i=$((i + 1)); done
jobs=$(nproc 2>/dev/null || echo 2)
set -- $(measure_n 1 ./bin/folio batch "$tmp/batch" -o "$tmp/batch-out" -j "$jobs" -q)
if [ "$1" = fail ]; then
    echo "batch    $BATCH documents: failed"
else
    printf '%-8s %6s %-24s %9s %10.1f   (%d docs, -j %d: %.1f docs/s)\n' batch \
        "$((BATCH * 4))" "folio batch" "$1" "$(echo "$2 / 1024" | bc -l)" "$BATCH" "$jobs" \
        "$(echo "$BATCH / $1" | bc -l)"
    json="$json{\"input\":\"batch\",\"documents\":$BATCH,\"jobs\":$jobs,\"tool\":\"folio batch\",\"wall_s\":$1,\"peak_kib\":$2},"
fi
echo "ratios: tool / folio on the same input (above 1: folio is faster or smaller)"

# How well the text is set (issue 16): every document of ../shared/corpus
# and ../shared/corpus/real and the Charter, measured from the PDF with
# ../shared/tools/typo_metrics.py (tests/typo_report.py); into bench.json
# as rows of input "typo".
if sh tests/typo_corpus.sh "$tmp/typo" > "$tmp/typo-pairs"; then
    echo
    echo "typesetting (word spaces / natural width of justified lines; hyphenated lines):"
    /usr/bin/python3 tests/typo_report.py --json "$tmp/typo.json" $(cat "$tmp/typo-pairs")
    json="$json$(/usr/bin/python3 -c 'import json, sys
rows = json.load(open(sys.argv[1]))
print("".join(json.dumps(dict(input="typo", doc=r["doc"], lang=r["lang"], pages=r["pages"],
      justified_lines=r["lines"], space_p95=r["p95"], space_max=r["max"], lines_over_1_5=r["loose"],
      hyphenated_pct=r["hyph"], names_hyphenated=len(r["names"]))) + "," for r in rows))' "$tmp/typo.json")"
else
    echo "(no ../shared corpus: the typesetting report is left out)"
fi
mkdir -p build
echo "${json%,}]" > build/bench.json
echo "wrote build/bench.json"
