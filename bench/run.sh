#!/bin/sh
# make bench: wall time and peak memory of folio on the bundled example and
# on the example repeated 40 and 400 times, beside pandoc (md -> docx) on
# the same files when pandoc is installed. Medians of RUNS runs (default 5);
# ratios come from the same run. Writes build/bench.json.
cd "$(dirname "$0")/.." || exit 2
RUNS=${RUNS:-5}
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

# median wall seconds and median peak KiB of RUNS runs of a command
measure() {
    i=0
    : > "$tmp/m"
    while [ $i -lt "$RUNS" ]; do
        /usr/bin/time -f "%e %M" -o "$tmp/t" "$@" >/dev/null 2>&1 || { echo "fail"; return; }
        cat "$tmp/t" >> "$tmp/m"
        i=$((i + 1))
    done
    sort -n -k1 "$tmp/m" | awk '{ w[NR] = $1 } END { printf "%s ", w[int((NR + 1) / 2)] }'
    sort -n -k2 "$tmp/m" | awk '{ m[NR] = $2 } END { printf "%s\n", m[int((NR + 1) / 2)] }'
}

cp examples/seed-es.md "$tmp/x1.md"
make_input 40 "$tmp/x40.md"
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
have_pandoc=0
command -v pandoc >/dev/null 2>&1 && have_pandoc=1

printf '%-8s %-22s %10s %10s %12s %12s\n' input tool "wall (s)" "peak (MB)" "wall ratio" "mem ratio"
json="["
for x in x1 x40 x400 long notes; do
    in=$tmp/$x.md
    set -- $(measure ./bin/folio render "$in" -o "$tmp" -q)
    fw=$1 fm=$2
    printf '%-8s %-22s %10s %10.1f %12s %12s\n' "$x" "folio (pdf+docx)" "$fw" "$(echo "$fm / 1024" | bc -l)" 1.00 1.00
    json="$json{\"input\":\"$x\",\"tool\":\"folio\",\"wall_s\":$fw,\"peak_kib\":$fm},"
    # the peer runs on the example sizes; on the pathological inputs
    # pandoc takes minutes (a 200,000-word paragraph), so folio runs alone
    if [ $have_pandoc = 1 ] && [ "${x#x}" != "$x" ]; then
        set -- $(measure pandoc -f markdown -o "$tmp/p.docx" "$in")
        pw=$1 pm=$2
        printf '%-8s %-22s %10s %10.1f %12.2f %12.2f\n' "$x" "pandoc (docx)" "$pw" \
            "$(echo "$pm / 1024" | bc -l)" "$(echo "$pw / $fw" | bc -l)" "$(echo "$pm / $fm" | bc -l)"
        json="$json{\"input\":\"$x\",\"tool\":\"pandoc-docx\",\"wall_s\":$pw,\"peak_kib\":$pm},"
    fi
done
[ $have_pandoc = 1 ] || echo "(pandoc is not installed: no peer measured; apt-get install pandoc)"
echo "ratios: peer / folio (above 1: folio is faster or smaller)"
mkdir -p build
echo "${json%,}]" > build/bench.json
echo "wrote build/bench.json"
