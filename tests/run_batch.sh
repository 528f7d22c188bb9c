#!/bin/sh
# folio batch as a user meets it: a folder or a manifest in, parallel
# workers, one bad document that stops nothing, a JSON summary that says
# what failed where, reruns that skip what is up to date, and shards that
# split the work between independent runs.
cd "$(dirname "$0")/.." || exit 2
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
. tests/checks.sh
# The binary under test: $FOLIO (a sanitizer build), else ./bin/folio.
folio=${FOLIO:-./bin/folio}
ok() { # description, then a command that must succeed
    desc=$1; shift
    if "$@" >"$tmp/ok.out" 2>&1; then pass=$((pass + 1))
    else fail=$((fail + 1)); echo "FAILED: $desc"; cat "$tmp/ok.out"; fi
}
# summary FILE PYTHON: a Python expression over the summary `s` that must hold
summary() {
    ok "summary $1 is JSON" python3 -m json.tool "$1"
    ok "summary $1: $2" python3 -c "import json,sys; s=json.load(open(sys.argv[1])); \
st={d['name']: d['status'] for d in s['documents']}; sys.exit(0 if ($2) else 1)" "$1"
}
no_temporaries() { # folder: only outputs, summaries and stamps are left (the lock file goes too)
    left=$(ls -A "$1" | grep '^\.' | grep -v '\.folio-stamp$')
    if [ -z "$left" ]; then pass=$((pass + 1))
    else fail=$((fail + 1)); echo "FAILED: temporary files left in $1: $left"; fi
}
bad_manifest() { # file name in $tmp/m, its content (printf %b), the expected message
    printf '%b' "$2" >"$tmp/m/$1"
    check "bad manifest $1" 2 $folio batch "$tmp/m/$1" -o "$tmp/mout"
    grep_err "bad manifest $1 says where" "$3"
}
report() { # file, symbol, date: a small report
    printf -- '---\nsymbol: %s\ndate: %s\nstation: geneva\n---\n\n# Report %s\n\n' "$2" "$3" "$2" >"$1"
    printf '1. The first paragraph of the report.\n\n2. The second paragraph.\n' >>"$1"
}

# A folder: the bundled example, three small reports and a broken one.
mkdir -p "$tmp/in"
cp examples/seed-es.md "$tmp/in/"
report "$tmp/in/small1.md" A/HRC/1/1 2024-03-01
report "$tmp/in/small2.md" A/HRC/1/2 2024-03-02
report "$tmp/in/small3.md" A/HRC/1/3 2024-03-03
printf -- '---\ndate: 2021-13-45\n---\n\n1. Text.\n' >"$tmp/in/bad.md"
check "folder with a broken report" 1 $folio batch "$tmp/in" -o "$tmp/out" -j 2
grep_err "the failure names file:line:col" "^FAILED bad: .*bad\.md:2:7: "
grep_err "one plain line per document" "^ok small2 [0-9.]*s"
for n in seed-es small1 small2 small3; do
    ok "$n rendered" test -s "$tmp/out/$n.pdf" -a -s "$tmp/out/$n.docx" -a -f "$tmp/out/.$n.folio-stamp"
done
ok "the broken report has no output" test ! -e "$tmp/out/bad.pdf" -a ! -e "$tmp/out/bad.docx"
no_temporaries "$tmp/out"
summary "$tmp/out/folio-batch.json" "st == {'bad': 'failed', 'seed-es': 'ok', 'small1': 'ok', \
'small2': 'ok', 'small3': 'ok'} and s['totals']['failed'] == 1 and s['totals']['ok'] == 4"
summary "$tmp/out/folio-batch.json" "[(e['file'].endswith('/bad.md'), e['line'], e['col']) \
for d in s['documents'] if d['name'] == 'bad' for e in d['errors']] == [(True, 2, 7)]"

# What a killed run leaves behind: temporary files. The next run removes
# those of its own documents, and only those: names folio makes
# (.NAME.pdf.folio-XXXXXX), never a user's hidden file that looks alike
# (.small1.pdf.backup, .small1.pdf.Ab12Cd).
for f in .small1.pdf.folio-Ab12Cd .small1.docx.folio-x1Y2z3 .small1.docx.folio-x1Y2z3.a1B2c3 \
    ..small1.folio-stamp.folio-QQQQQQ .folio-batch.json.folio-a1b2c3 \
    .other.pdf.folio-Ab12Cd .small1.pdf.backup .small1.pdf.Ab12Cd .notes; do : >"$tmp/out/$f"; done
# The summary stays valid JSON whatever a file is called: a quote, a
# backslash, a tab and a byte that is not UTF-8 (which becomes U+FFFD).
mkdir -p "$tmp/odd"
cp "$tmp/in/bad.md" "$tmp/odd/$(printf 'q"b\\s\377\tz').md"
check "an odd file name" 1 $folio batch "$tmp/odd" -o "$tmp/oddout" --pdf
summary "$tmp/oddout/folio-batch.json" "list(st) == ['q\"b\\\\s\\ufffd\\tz']"

# A rerun skips what is up to date; a changed input is rendered again, a
# touched one (same bytes) is not: the stamp holds a hash of the content.
check "rerun" 1 $folio batch "$tmp/in" -o "$tmp/out" -q
if grep -v '^FAILED' "$tmp/err" | grep -q .; then
    fail=$((fail + 1)); echo "FAILED: --quiet printed more than failures"; cat "$tmp/err"
else pass=$((pass + 1)); fi
summary "$tmp/out/folio-batch.json" "st == {'bad': 'failed', 'seed-es': 'skipped', \
'small1': 'skipped', 'small2': 'skipped', 'small3': 'skipped'}"
ok "stale temporaries removed, other files kept" test "$(ls -A "$tmp/out" | grep '^\.' | \
grep -v '\.folio-stamp$' | tr '\n' ' ')" = ".notes .other.pdf.folio-Ab12Cd .small1.pdf.Ab12Cd .small1.pdf.backup "
rm "$tmp/out/.notes" "$tmp/out/.other.pdf.folio-Ab12Cd" "$tmp/out/.small1.pdf.Ab12Cd" "$tmp/out/.small1.pdf.backup"
printf '\n3. A third paragraph.\n' >>"$tmp/in/small2.md"
touch "$tmp/in/small1.md"
check "rerun after a change" 1 $folio batch "$tmp/in" -o "$tmp/out"
summary "$tmp/out/folio-batch.json" "st == {'bad': 'failed', 'seed-es': 'skipped', \
'small1': 'skipped', 'small2': 'ok', 'small3': 'skipped'}"
check "--force" 1 $folio batch "$tmp/in" -o "$tmp/out" --force --pdf
summary "$tmp/out/folio-batch.json" "s['totals']['ok'] == 4"
check "other options are other outputs" 1 $folio batch "$tmp/in" -o "$tmp/out" --pdf --lang fr
summary "$tmp/out/folio-batch.json" "s['totals']['ok'] == 4"

# A CSV manifest: inputs relative to it, a row's options override.
mkdir -p "$tmp/m"
cp examples/seed-es.md "$tmp/m/"
printf 'input,output,lang,station,symbol\r\nseed-es.md,seed-fr,fr,geneva,A/HRC/1/2\r\n' >"$tmp/m/list.csv"
printf '"seed-es.md","seed, es",,,\r\n\r\n../in/small3.md,,,,\r\n' >>"$tmp/m/list.csv"
check "CSV manifest" 0 $folio batch "$tmp/m/list.csv" -o "$tmp/mout" --pdf
ok "the row's language and station" sh -c "pdftotext '$tmp/mout/seed-fr.pdf' - | grep -q 'Nations Unies'"
ok "a quoted name with a comma" sh -c "pdftotext '$tmp/mout/seed, es.pdf' - | grep -q 'Naciones Unidas'"
ok "an input relative to the manifest" test -s "$tmp/mout/small3.pdf"
ok "--pdf writes no DOCX" test ! -e "$tmp/mout/seed-fr.docx"
summary "$tmp/mout/folio-batch.json" "st == {'seed-fr': 'ok', 'seed, es': 'ok', 'small3': 'ok'} \
and [d['manifest_line'] for d in s['documents']] == [2, 3, 5]"
bad_manifest "bad.csv" 'input,lang\nseed-es.md,fr\nseed-es.md,"fr\n' "bad.csv:3:12: error: .*never ends"
bad_manifest "lang.csv" 'input,lang\nseed-es.md,xx\n' "lang.csv:2:12: error: .*xx"
bad_manifest "twice.csv" 'input,lang\nseed-es.md,fr\nseed-es.md,es\n' "twice.csv:3:1: error: .*seed-es"

# A JSON-lines manifest.
printf '{"input": "seed-es.md", "output": "j-fr", "lang": "fr", "station": "geneva"}\n\n' >"$tmp/m/list.jsonl"
printf '{"input": "../in/small1.md", "output": "j-small\\u00e9"}\n' >>"$tmp/m/list.jsonl"
check "JSON-lines manifest" 0 $folio batch "$tmp/m/list.jsonl" -o "$tmp/jout" --pdf
ok "JSON lines: the row's options" sh -c "pdftotext '$tmp/jout/j-fr.pdf' - | grep -q 'Nations Unies'"
ok "JSON lines: escapes decoded" test -s "$tmp/jout/j-smallé.pdf"
bad_manifest "bad.jsonl" '{"input": "seed-es.md", "lang": 3}\n' "bad.jsonl:1:33: error: .*must be a string"
bad_manifest "nest.ndjson" '{"input": "seed-es.md", "lang": {"x": "fr"}}\n' \
    "nest.ndjson:1:33: error: .*nested"
# Output names of 236-239 bytes (with folio's temporary names, longer than
# a file name may be) are refused at the manifest's row, before any PDF.
long=$(printf 'b%.0s' $(seq 237))
bad_manifest "long.csv" "input,output\nseed-es.md,$long\n" "long.csv:2:12: error: output \"b*\.\.\.\": longer than 228 bytes"
ok "nothing rendered for a too-long name" test ! -e "$tmp/mout/$long.pdf"
# --summary may name neither the manifest nor an input nor an output.
printf 'input,output\nseed-es.md,s1\n' >"$tmp/m/sum.csv"
check "--summary is the manifest" 2 $folio batch "$tmp/m/sum.csv" -o "$tmp/m" --summary "$tmp/m/sum.csv"
grep_err "--summary is the manifest: said" "is the manifest itself"
check "--summary is an output" 2 $folio batch "$tmp/m/sum.csv" -o "$tmp/m" --summary "$tmp/m/s1.pdf"
grep_err "--summary is an output: said" "is an output of the batch"
check "--summary is an input" 2 $folio batch "$tmp/m/sum.csv" -o "$tmp/m" --summary "$tmp/m/seed-es.md"
grep_err "--summary is an input: said" "is an input of the batch"
ok "the manifest is intact" grep -q '^seed-es.md,s1$' "$tmp/m/sum.csv"
# FIFOs never block: as the manifest, as a row's input, as a stamp (a
# regular stamp takes its place).
mkdir "$tmp/fifo"
cp examples/seed-es.md "$tmp/fifo/a.md"
mkfifo "$tmp/fifo/f.md" "$tmp/fifo/m2.csv"
printf 'input\na.md\nf.md\n' >"$tmp/fifo/m.csv"
check "a FIFO as a manifest's row" 1 timeout 60 $folio batch "$tmp/fifo/m.csv" -o "$tmp/fifo/out" -q --pdf
grep_err "a FIFO row: said" "f.md: not a regular file"
rm "$tmp/fifo/out/.a.folio-stamp" && mkfifo "$tmp/fifo/out/.a.folio-stamp"
check "a FIFO as a stamp" 1 timeout 60 $folio batch "$tmp/fifo/m.csv" -o "$tmp/fifo/out" -q --pdf
ok "the FIFO stamp replaced by a stamp" test -f "$tmp/fifo/out/.a.folio-stamp"
check "a FIFO as the manifest" 2 timeout 60 $folio batch "$tmp/fifo/m2.csv" -o "$tmp/fifo/out2" -q
grep_err "a FIFO manifest: said" "m2.csv: not a regular file"

# Shards: 1/2 and 2/2 together render each document exactly once.
mkdir -p "$tmp/five"
for i in 1 2 3 4 5; do report "$tmp/five/r$i.md" "A/HRC/2/$i" 2024-04-0$i; done
check "shard 1/2" 0 $folio batch "$tmp/five" -o "$tmp/sh" --pdf --shard 1/2
check "shard 2/2" 0 $folio batch "$tmp/five" -o "$tmp/sh" --pdf --shard 2/2
ok "each document in exactly one shard" python3 -c "import json,sys; \
docs=[d for k in (1, 2) for d in json.load(open(sys.argv[1] % k))['documents']]; \
sys.exit(sorted(d['name'] for d in docs) != ['r1', 'r2', 'r3', 'r4', 'r5'] or \
any(d['status'] != 'ok' for d in docs))" "$tmp/sh/folio-batch.%d-of-2.json"
ok "shard 1/2 takes documents 0, 2, 4" python3 -c "import json,sys; \
sys.exit([d['name'] for d in json.load(open(sys.argv[1]))['documents']] != ['r1', 'r3', 'r5'])" \
    "$tmp/sh/folio-batch.1-of-2.json"
for bad in 0/2 3/2 1/0 2 x/y 1/2x; do
    check "bad shard $bad" 2 $folio batch "$tmp/five" -o "$tmp/sh" --shard "$bad"
done

# A run killed halfway leaves whole outputs or none; the next run finishes.
$folio batch "$tmp/five" -o "$tmp/killed" -j 1 -q &
pid=$!
sleep 0.2
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
whole=0 broken=0
for f in "$tmp"/killed/*.pdf "$tmp"/killed/*.docx; do
    [ -e "$f" ] || continue
    case $f in
    *.pdf) qpdf --check "$f" >/dev/null 2>&1 ;;
    *) unzip -tq "$f" >/dev/null 2>&1 ;;
    esac && whole=$((whole + 1)) || broken=$((broken + 1))
done
if [ "$broken" -eq 0 ]; then pass=$((pass + 1))
else fail=$((fail + 1)); echo "FAILED: a killed run left $broken broken outputs"; fi
check "the run after a kill" 0 $folio batch "$tmp/five" -o "$tmp/killed"
no_temporaries "$tmp/killed"

# Independent runs over one host, as GNU parallel (else xargs -P) runs them.
if command -v parallel >/dev/null 2>&1; then
    check "GNU parallel" 0 parallel $folio batch "$tmp/five" -o "$tmp/par" --pdf --shard {}/3 ::: 1 2 3
else
    check "xargs -P" 0 sh -c "printf '1\n2\n3\n' | xargs -P 3 -I{} $folio batch '$tmp/five' \
-o '$tmp/par' --pdf --shard {}/3"
fi
ok "parallel shards render everything once" python3 -c "import json,sys; \
names=[d['name'] for k in (1, 2, 3) for d in json.load(open(sys.argv[1] % k))['documents']]; \
sys.exit(sorted(names) != ['r1', 'r2', 'r3', 'r4', 'r5'])" "$tmp/par/folio-batch.%d-of-3.json"
no_temporaries "$tmp/par"

# Usage errors and help.
check "no output folder" 2 $folio batch "$tmp/five"
check "no input" 2 $folio batch -o "$tmp/x"
check "zero threads" 2 $folio batch "$tmp/five" -o "$tmp/x" -j 0
# -j by default is the CPUs the process may run on (its affinity, as
# Slurm and taskset set it), not the machine's; the summary says how many.
if command -v taskset >/dev/null; then
    check "under taskset -c 0" 0 taskset -c 0 $folio batch "$tmp/five" -o "$tmp/one" --pdf -q
    summary "$tmp/one/folio-batch.json" "s['jobs'] == 1"
fi
check "-j 3" 0 $folio batch "$tmp/five" -o "$tmp/three" --pdf -q -j 3
summary "$tmp/three/folio-batch.json" "s['jobs'] == 3"
check "unknown option" 2 $folio batch "$tmp/five" -o "$tmp/x" --bogus
check "unknown manifest kind" 2 $folio batch examples/seed-es.md -o "$tmp/x"
check "missing manifest" 2 $folio batch "$tmp/nope.csv" -o "$tmp/x"
check "batch --help" 0 $folio batch --help
if grep -q -- '--shard K/N' "$tmp/stdout"; then pass=$((pass + 1))
else fail=$((fail + 1)); echo "FAILED: batch --help lacks --shard"; fi
check "--help" 0 $folio --help
if grep -q 'batch IN' "$tmp/stdout"; then pass=$((pass + 1))
else fail=$((fail + 1)); echo "FAILED: --help lacks the batch command"; fi

echo "batch: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
