#!/bin/sh
# Reader spec tests: every tests/spec/NAME.md is read by the spec_dump
# driver; its stdout must equal NAME.dump and its stderr (the diagnostics)
# NAME.err, or be empty when there is no NAME.err. A NAME.err holding an
# error means the read must fail. Every word of an input that reads must
# land in the model (tests/spec/wordcheck.py). The corpus beside the
# repository (../shared/corpus), when present, must read without any
# diagnostic and without losing a word.
#
#   sh tests/run_spec.sh [NAME...]
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 1
# $BUILD: the build folder (a sanitizer build), else build.
bin=${BUILD:-build}/tests/spec_dump
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

# The driver links against build/libfolio.a. When the library does not
# build (other parts of the tree in progress), build the reader alone.
if ! make -s "$bin" >"$tmp/make.log" 2>&1; then
    echo "run_spec: 'make $bin' failed; building the reader on its own" >&2
    mkdir -p "$(dirname "$bin")"
    gen=${BUILD:-build}/gen/builtin_style.c
    make -s "$gen" >>"$tmp/make.log" 2>&1
    ${CC:-cc} -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Wall -Wextra -Werror \
        -O2 -g -Iinclude -Isrc $(pkg-config --cflags libcmark-gfm libxml-2.0) \
        tests/spec/spec_dump.c src/read/*.c src/model/*.c src/util/*.c src/house/*.c "$gen" \
        -o "$bin" -lcmark-gfm-extensions $(pkg-config --libs libcmark-gfm libxml-2.0) -pthread || {
        cat "$tmp/make.log" >&2
        exit 1
    }
fi
have_python=0
command -v python3 >/dev/null 2>&1 && have_python=1

passed=0
failed=0
fail() {
    echo "FAIL $1: $2"
    failed=$((failed + 1))
}

if [ $# -gt 0 ]; then
    names="$*"
else
    names=$(cd tests/spec && ls *.md | sed 's/\.md$//')
fi

for name in $names; do
    md="tests/spec/$name.md"
    [ -f "$md" ] || { fail "$name" "no $md"; continue; }
    (cd tests/spec && "../../$bin" "$name.md") >"$tmp/out" 2>"$tmp/err"
    status=$?
    ok=1
    if [ -f "tests/spec/$name.dump" ]; then
        if ! cmp -s "$tmp/out" "tests/spec/$name.dump"; then
            fail "$name" "dump differs"
            diff -u "tests/spec/$name.dump" "$tmp/out" | head -40
            ok=0
        fi
    else
        fail "$name" "no tests/spec/$name.dump"
        ok=0
    fi
    want_err=/dev/null
    [ -f "tests/spec/$name.err" ] && want_err="tests/spec/$name.err"
    if ! cmp -s "$tmp/err" "$want_err"; then
        fail "$name" "diagnostics differ"
        diff -u "$want_err" "$tmp/err" | head -20
        ok=0
    fi
    expect_fail=0
    grep -q ': error: ' "$want_err" && expect_fail=1
    if [ "$expect_fail" = 1 ] && [ "$status" = 0 ]; then
        fail "$name" "read succeeded, an error was expected"
        ok=0
    elif [ "$expect_fail" = 0 ] && [ "$status" != 0 ]; then
        fail "$name" "exit status $status"
        ok=0
    fi
    if [ "$ok" = 1 ] && [ "$status" = 0 ] && [ "$have_python" = 1 ]; then
        if ! python3 tests/spec/wordcheck.py "$md" "$tmp/out"; then
            fail "$name" "words lost"
            ok=0
        fi
    fi
    [ "$ok" = 1 ] && passed=$((passed + 1))
done

# The corpus: no diagnostics, no lost words.
corpus="$root/../shared/corpus"
if [ $# -eq 0 ] && [ -d "$corpus" ]; then
    for md in "$corpus"/*.md; do
        name="corpus/$(basename "$md")"
        "$bin" "$md" >"$tmp/out" 2>"$tmp/err"
        status=$?
        if [ "$status" != 0 ] || [ -s "$tmp/err" ]; then
            fail "$name" "exit status $status, diagnostics:"
            head -5 "$tmp/err"
        elif [ "$have_python" = 1 ] && ! python3 tests/spec/wordcheck.py "$md" "$tmp/out"; then
            fail "$name" "words lost"
        else
            passed=$((passed + 1))
        fi
    done
fi

echo "spec: $passed passed, $failed failed"
[ "$failed" = 0 ]
