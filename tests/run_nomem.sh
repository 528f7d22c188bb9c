#!/bin/sh
# Allocation failures (tests/nomem/nomem.c): the example, a report built in
# code, every corpus document and every file of the fuzz corpora (the same
# file once), each in
# a process of its own, read and rendered with allocation N failing, for
# N = 1, 2, ... (strided past $NOMEM_RUNS runs per input: 40, or 16 under
# the sanitizers). Each failed run must report an error and leave no file;
# under LeakSanitizer (make check-asan) it must leak nothing.
# $BUILD: the build folder (a sanitizer build), else build.
cd "$(dirname "$0")/.." || exit 2
build=${BUILD:-build}
bin=$build/tests/nomem
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
if [ -n "${SANITIZED:-}" ]; then runs=${NOMEM_RUNS:-16}; else runs=${NOMEM_RUNS:-40}; fi
export NOMEM_RUNS=$runs
# Leaks inside libxml2's and libharu's own failure paths are theirs
# (tests/nomem/lsan.supp says which); folio's are not suppressed.
if [ -n "${LSAN_OPTIONS:-}" ]; then
    export LSAN_OPTIONS="suppressions=$(pwd)/tests/nomem/lsan.supp:print_suppressions=0"
fi
if [ ! -x "$bin" ]; then
    echo "FAILED: no $bin (make $bin)"; echo "nomem: 0 passed, 1 failed"; exit 1
fi
corpus=../shared/corpus
[ -d "$corpus" ] || corpus=/work/shared/corpus
inputs=$tmp/inputs
{ ls examples/seed-es.md examples/seed-es.akn.xml; echo @builder
  ls "$corpus"/*.md "$corpus"/real/[0-9]*.md 2>/dev/null
  # the fuzz corpora share files: each content once
  md5sum tests/fuzz/corpus_*/* | sort -k1,1 -u | awk '{print $2}' | sort
} > "$inputs"
pass=0 fail=0 total=0 first=--own
mkdir "$tmp/out"
start=$(date +%s)
while read -r f; do
    "$bin" $first "$tmp/out" "$f" >"$tmp/log" 2>&1
    status=$?
    first=
    n=$(sed -n 's/^nomem: \([0-9]*\) runs$/\1/p' "$tmp/log")
    total=$((total + ${n:-0}))
    if [ "$status" = 0 ] && grep -q '^nomem: 1 passed, 0 failed$' "$tmp/log"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAILED: $f (exit $status)"
        grep -v '^ok \|^nomem: ' "$tmp/log" | head -40
    fi
done < "$inputs"
echo "nomem: $(wc -l < "$inputs") inputs, $total failing runs ($runs per input) in $(( $(date +%s) - start ))s"
echo "nomem: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
