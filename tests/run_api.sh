#!/bin/sh
# The public interface (include/folio/): tests/api/api_test.c, built from
# the public headers alone, builds a report with the builder and renders it
# to PDF and DOCX in memory and to files, checking every refusal; here the
# outputs are opened (pdftotext, unzip) and every public header is compiled
# on its own, as C and as C++. $BUILD: the build folder (a sanitizer
# build), else build.
cd "$(dirname "$0")/.." || exit 2
build=${BUILD:-build}
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
. tests/checks.sh
mkdir "$tmp/out"
if [ ! -x "$build/tests/api_test" ]; then
    echo "FAILED: no $build/tests/api_test (make $build/tests/api_test)"
    echo "api: 0 passed, 1 failed"; exit 1
fi
"$build/tests/api_test" "$tmp/out" >"$tmp/api" 2>&1
status=$?
cat "$tmp/api" | grep -v '^api: '
n=$(sed -n 's/^api: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' "$tmp/api")
pass=${n% *}; fail=${n#* }
[ -n "$n" ] || { pass=0; fail=1; echo "FAILED: api_test did not finish (exit $status)"; }
[ "$status" = 0 ] || [ "$fail" -gt 0 ] || { fail=1; echo "FAILED: api_test exit $status"; }

# The words of the built report come back out of both formats, file and
# memory alike.
for f in built memory; do
    if pdftotext "$tmp/out/$f.pdf" - 2>/dev/null | tr -s ' \n' '  ' >"$tmp/text" &&
       grep -q "Working Group on Builders" "$tmp/text" && grep -q "quokka" "$tmp/text" &&
       grep -q "Ruritania" "$tmp/text" && grep -q "wombat" "$tmp/text" &&
       grep -q "A/HRC/55/99" "$tmp/text"; then ok
    else bad "$f.pdf: pdftotext lacks the report's words"; fi
    if unzip -tq "$tmp/out/$f.docx" >/dev/null 2>&1 &&
       unzip -p "$tmp/out/$f.docx" word/document.xml | grep -q "Subparagraphs" &&
       unzip -p "$tmp/out/$f.docx" word/document.xml | grep -q "Ruritania" &&
       unzip -p "$tmp/out/$f.docx" word/footnotes.xml | grep -q "quokka"; then ok
    else bad "$f.docx: not a zip with the report's words"; fi
done
if qpdf --check "$tmp/out/built.pdf" >/dev/null 2>&1; then ok; else bad "qpdf --check built.pdf"; fi

# Each public header stands on its own, in C and in C++ (extern "C").
for h in include/folio.h include/folio/*.h; do
    name=${h#include/}
    printf '#include <%s>\nint main(void) { return 0; }\n' "$name" >"$tmp/h.c"
    if ${CC:-cc} -std=c11 -Wall -Wextra -Werror -Iinclude -fsyntax-only "$tmp/h.c" 2>"$tmp/err"; then ok
    else bad "$name does not compile on its own"; cat "$tmp/err"; fi
    cp "$tmp/h.c" "$tmp/h.cc"
    if command -v c++ >/dev/null && ! c++ -Wall -Wextra -Werror -Iinclude -fsyntax-only "$tmp/h.cc" 2>"$tmp/err"; then
        bad "$name does not compile as C++"; cat "$tmp/err"
    else ok; fi
done
# A C++ caller links against the C library: the names are not mangled.
# (A sanitizer build's library wants the sanitizers' runtime: clang++.)
printf '#include <folio.h>\nint main() { folio_ctx *c = 0; int r = folio_ctx_new("x", &c); folio_ctx_free(c); return r; }\n' >"$tmp/link.cc"
cxx=c++ cxxflags=
if [ -n "${SANITIZED:-}" ]; then cxx=clang++ cxxflags=-fsanitize=address,undefined; fi
if ! command -v $cxx >/dev/null; then ok
elif $cxx $cxxflags -Iinclude -o "$tmp/link" "$tmp/link.cc" "$build/libfolio.a" \
       $(pkg-config --libs libzip libxml-2.0 zlib libcmark-gfm freetype2 libqrencode libpng) \
       -lhpdf -lcmark-gfm-extensions -lhyphen -lm -pthread 2>"$tmp/err" && "$tmp/link"; then ok
else bad "a C++ program cannot link folio"; cat "$tmp/err"; fi

echo "api: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
