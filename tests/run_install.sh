#!/bin/sh
# make install as a newcomer does it: into a PREFIX the build was not
# configured for (the installed folio finds its data beside itself), then
# render away from the source tree; a C and a C++ program built against the
# installed headers and library with pkg-config, shared and static; the
# multiarch LIBDIR; the bash completion; make uninstall leaves nothing.
cd "$(dirname "$0")/.." || exit 2
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAILED: $*"; }
P=$tmp/prefix
make -s install PREFIX="$P" >"$tmp/log" 2>&1 || { cat "$tmp/log"; echo "install: 0 passed, 1 failed"; exit 1; }
for f in bin/folio lib/libfolio.a lib/libfolio.so lib/libfolio.so.0 include/folio.h \
         include/folio/report.h lib/pkgconfig/folio.pc \
         share/folio/fonts/LiberationSerif-Regular.ttf \
         share/folio/styles/un.style share/folio/styles/hyphen/hyph_ru.dic \
         share/folio/styles/languages/en.style \
         share/folio/styles/stations/geneva.style include/folio/house.h \
         share/man/man1/folio.1 share/bash-completion/completions/folio; do
    if [ -e "$P/$f" ]; then ok; else bad "not installed: $f"; fi
done
soname=$(readelf -d "$P/lib/libfolio.so" 2>/dev/null | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')
[ "$soname" = libfolio.so.0 ] && ok || bad "soname is '$soname', not libfolio.so.0"
# Every public header is usable from C++.
for h in include/folio/*.h; do
    grep -q 'extern "C"' "$h" && ok || bad "$h has no extern \"C\""
done

# Away from the source tree, without FOLIO_DATADIR: the data is found
# beside the program, though this build was configured for another PREFIX.
mkdir "$tmp/elsewhere"
cp examples/seed-es.md "$tmp/elsewhere/"
if (cd "$tmp/elsewhere" && env -u FOLIO_DATADIR "$P/bin/folio" render seed-es.md -q) && \
   [ -s "$tmp/elsewhere/seed-es.pdf" ] && [ -s "$tmp/elsewhere/seed-es.docx" ]; then ok
else bad "installed folio cannot render away from the source tree"; fi
# The folders searched are named when the data is missing.
mv "$P/share/folio/fonts" "$P/share/folio/fonts.away"
(cd "$tmp/elsewhere" && env -u FOLIO_DATADIR "$P/bin/folio" render seed-es.md -q) 2>"$tmp/err"
st=$?
mv "$P/share/folio/fonts.away" "$P/share/folio/fonts"
if [ "$st" = 3 ] && grep -q "$P/bin/../share/folio/fonts (installed beside the program)" "$tmp/err" &&
   grep -q FOLIO_DATADIR "$tmp/err"; then ok
else bad "missing fonts (exit $st) do not list the folders searched"; cat "$tmp/err"; fi
# FOLIO_DATADIR wins: its (broken) font is the one read.
mkdir -p "$tmp/data/fonts" && echo "not a font" >"$tmp/data/fonts/LiberationSerif-Regular.ttf"
(cd "$tmp/elsewhere" && FOLIO_DATADIR="$tmp/data" "$P/bin/folio" render seed-es.md -q) 2>"$tmp/err"
grep -q "$tmp/data/fonts/LiberationSerif-Regular.ttf: not a usable TrueType font" "$tmp/err" && ok ||
    { bad "FOLIO_DATADIR is not searched first"; cat "$tmp/err"; }

# A program built against the installed library with pkg-config: plain
# --libs (shared), and --static with the static library.
export PKG_CONFIG_PATH="$P/lib/pkgconfig"
cflags=$(pkg-config --cflags folio) && libs=$(pkg-config --libs folio) &&
static=$(pkg-config --libs --static folio | sed 's/-lfolio//') && ok || bad "pkg-config folio"
for lang in c cpp; do
    cc=cc; [ $lang = cpp ] && cc=c++
    if $cc -o "$tmp/hello-$lang" tests/install/hello.$lang $cflags $libs -Wl,-rpath,"$P/lib" \
        2>"$tmp/err"; then ok
    else bad "$lang program does not build against the shared library"; cat "$tmp/err"; continue; fi
    readelf -d "$tmp/hello-$lang" | grep -q 'NEEDED.*libfolio.so.0' && ok ||
        bad "$lang program does not use libfolio.so.0"
    if (cd "$tmp/elsewhere" && env -u FOLIO_DATADIR "$tmp/hello-$lang" "$lang-shared.pdf") \
        >"$tmp/out" 2>&1 && [ -s "$tmp/elsewhere/$lang-shared.pdf" ]; then ok
    else bad "$lang program (shared) cannot render"; cat "$tmp/out"; fi
    if $cc -o "$tmp/hello-$lang-static" tests/install/hello.$lang $cflags "$P/lib/libfolio.a" \
        $static 2>"$tmp/err"; then ok
    else bad "$lang program does not build against the static library"; cat "$tmp/err"; continue; fi
    readelf -d "$tmp/hello-$lang-static" | grep -q 'libfolio' &&
        bad "$lang static program needs libfolio.so" || ok
    if (cd "$tmp/elsewhere" && FOLIO_DATADIR="$P/share/folio" "$tmp/hello-$lang-static" \
        "$lang-static.pdf") >"$tmp/out" 2>&1 && [ -s "$tmp/elsewhere/$lang-static.pdf" ]; then ok
    else bad "$lang program (static) cannot render"; cat "$tmp/out"; fi
done
# The shared library exports the public interface only.
if nm -D --defined-only "$P/lib/libfolio.so" | awk '$2 != "A" {print $3}' | grep -v '^folio_' | grep -q .; then
    bad "libfolio.so exports more than folio_*"; else ok; fi
nm -D --defined-only "$P/lib/libfolio.so" | grep -q ' folio_house_get$' &&
    bad "libfolio.so exports internal folio_house_get" || ok

# The bash completion completes commands and options.
if bash -c ". '$P/share/bash-completion/completions/folio'; COMP_WORDS=(folio re); COMP_CWORD=1;
    _folio; [ \"\${COMPREPLY[*]}\" = render ]" 2>/dev/null; then ok
else bad "bash completion of 'folio re'"; fi
if bash -c ". '$P/share/bash-completion/completions/folio'; COMP_WORDS=(folio batch --sh); COMP_CWORD=2;
    _folio; [ \"\${COMPREPLY[*]}\" = --shard ]" 2>/dev/null; then ok
else bad "bash completion of 'folio batch --sh'"; fi

if man -l "$P/share/man/man1/folio.1" >/dev/null 2>&1 || \
   groff -man -Tutf8 "$P/share/man/man1/folio.1" >/dev/null 2>&1; then ok
else bad "man page does not format"; fi

# make uninstall removes everything install wrote.
make -s uninstall PREFIX="$P" >/dev/null 2>&1
left=$(find "$P" -mindepth 1 2>/dev/null | head -5)
[ -z "$left" ] && ok || bad "uninstall left: $left"

# Debian's multiarch library folder, into a staging DESTDIR.
ma=lib/x86_64-linux-gnu
make -s install PREFIX=/usr LIBDIR=/usr/$ma DESTDIR="$tmp/stage" >/dev/null 2>&1
if [ -e "$tmp/stage/usr/$ma/libfolio.so.0" ] &&
   grep -q "^libdir=/usr/$ma$" "$tmp/stage/usr/$ma/pkgconfig/folio.pc"; then ok
else bad "LIBDIR=/usr/$ma"; fi
make -s uninstall PREFIX=/usr LIBDIR=/usr/$ma DESTDIR="$tmp/stage" >/dev/null 2>&1
left=$(find "$tmp/stage" -type f 2>/dev/null | head -5)
[ -z "$left" ] && ok || bad "uninstall (multiarch) left: $left"

echo "install: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
