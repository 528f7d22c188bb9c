#!/bin/sh
# The fuzz corpora (tests/fuzz/corpus_*/: seeds and every crasher found)
# replayed through the fuzz targets without libFuzzer, by the binaries of
# tests/fuzz/replay.c that `make check` builds: every input must run to
# the end. $BUILD: the build folder (a sanitizer build), else build.
cd "$(dirname "$0")/.." || exit 2
build=${BUILD:-build}
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
for target in markdown pipeline xml house docx; do
    bin=$build/tests/fuzz_${target}_replay
    corpus=tests/fuzz/corpus_$target
    if [ ! -x "$bin" ]; then
        fail=$((fail + 1)); echo "FAILED: no $bin (make $bin)"; continue
    fi
    total=$(find "$corpus" -type f | wc -l)
    # the replay stops at a crash: the inputs after it count as failed
    FOLIO_FUZZ_FONTS=fonts "$bin" "$corpus" >"$tmp/out" 2>"$tmp/err"
    status=$?
    ran=$(grep -c '^ok ' "$tmp/out")
    pass=$((pass + ran))
    if [ "$status" != 0 ] || [ "$ran" != "$total" ]; then
        fail=$((fail + total - ran + (ran == total)))
        echo "FAILED: $target: $ran of $total inputs ran (exit $status)"
        tail -n 30 "$tmp/err"
    fi
done
echo "fuzz: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
