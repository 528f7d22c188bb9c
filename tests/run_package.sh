#!/bin/sh
# make check-package: the Debian packages as an operations team deploys
# them. dpkg-buildpackage -us -uc builds folio, libfolio0 and libfolio-dev
# in a copy of the tree; as root they are installed with dpkg, the example
# is rendered from another folder by /usr/bin/folio, a program is built
# against libfolio-dev with pkg-config and run, and the packages are
# removed again (only those this test installed).
cd "$(dirname "$0")/.." || exit 2
root=$(pwd)
tmp=$(mktemp -d) || exit 2
installed=""
cleanup() {
    [ -n "$installed" ] && dpkg --purge folio libfolio-dev libfolio0 >/dev/null 2>&1
    rm -rf "$tmp"
}
trap cleanup EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAILED: $*"; }
if ! command -v dpkg-buildpackage >/dev/null || ! [ -e /usr/share/perl5/Debian/Debhelper/Dh_Lib.pm ]; then
    echo "FAILED: dpkg-buildpackage and debhelper are needed (sh .ci/install-deps)"
    echo "package: 0 passed, 1 failed"; exit 1
fi

# the files of the repository, as a fresh clone has them (without git,
# the tree less what builds make)
mkdir "$tmp/folio"
if command -v git >/dev/null && git rev-parse --git-dir >/dev/null 2>&1; then
    git ls-files -z | tar --null -T - -cf - | tar -xf - -C "$tmp/folio" || exit 2
else
    tar --exclude=./.git --exclude='./build*' --exclude='./bin*' --exclude=./out \
        -cf - . | tar -xf - -C "$tmp/folio" || exit 2
fi
version=$(sed -n 's/.*FOLIO_VERSION "\(.*\)"/\1/p' include/folio/base.h)
head -1 debian/changelog | grep -q "($version)" && ok ||
    bad "debian/changelog is not at version $version"
if (cd "$tmp/folio" && dpkg-buildpackage -us -uc -b -j2) >"$tmp/build.log" 2>&1; then ok
else bad "dpkg-buildpackage"; tail -30 "$tmp/build.log"; echo "package: $pass passed, $fail failed"; exit 1; fi
arch=$(dpkg --print-architecture)
for p in folio libfolio0 libfolio-dev; do
    deb=$tmp/${p}_${version}_$arch.deb
    [ -s "$deb" ] && ok || bad "no $deb"
done
contents() { dpkg -c "$tmp/${1}_${version}_$arch.deb" | awk '{print $6}'; }
ma=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
for want in "folio ./usr/bin/folio" "folio ./usr/share/bash-completion/completions/folio" \
            "folio ./usr/share/man/man1/folio.1.gz" \
            "libfolio0 ./usr/lib/$ma/libfolio.so.$version" \
            "libfolio0 ./usr/share/folio/fonts/LiberationSerif-Regular.ttf" \
            "libfolio0 ./usr/share/folio/styles/un.style" \
            "libfolio-dev ./usr/include/folio.h" "libfolio-dev ./usr/lib/$ma/libfolio.a" \
            "libfolio-dev ./usr/lib/$ma/pkgconfig/folio.pc"; do
    set -- $want
    contents "$1" | grep -qx "$2" && ok || bad "$1 lacks $2"
done
# built with Debian's hardening flags (debian/rules hands them to make)
mkdir "$tmp/x"
dpkg-deb -x "$tmp/folio_${version}_$arch.deb" "$tmp/x"
dpkg-deb -x "$tmp/libfolio0_${version}_$arch.deb" "$tmp/x"
readelf -d "$tmp/x/usr/bin/folio" | grep -q 'BIND_NOW' && ok || bad "folio not linked -z now"
readelf -lW "$tmp/x/usr/bin/folio" | grep -q 'GNU_RELRO' && ok || bad "folio not linked -z relro"
nm -D "$tmp/x/usr/lib/$ma/libfolio.so.0" | grep -q '__[a-z_]*_chk' && ok ||
    bad "libfolio.so.0 not built with _FORTIFY_SOURCE"
nm -D "$tmp/x/usr/lib/$ma/libfolio.so.0" | grep -q '__stack_chk_fail' && ok ||
    bad "libfolio.so.0 not built with the stack protector"

if [ "$(id -u)" != 0 ]; then
    echo "package: installing needs root: built and checked only"
    echo "package: $pass passed, $fail failed"
    [ "$fail" -eq 0 ]; exit
fi
for p in folio libfolio0 libfolio-dev; do
    dpkg -s "$p" >/dev/null 2>&1 && { bad "$p is installed already: not touching it"
        echo "package: $pass passed, $fail failed"; exit 1; }
done
installed=1
if dpkg -i "$tmp"/folio_*.deb "$tmp"/libfolio0_*.deb "$tmp"/libfolio-dev_*.deb >"$tmp/dpkg.log" 2>&1
then ok; else bad "dpkg -i"; cat "$tmp/dpkg.log"; fi
# the example, from another folder, by the installed command alone
mkdir "$tmp/work"
cp examples/seed-es.md "$tmp/work/"
if (cd "$tmp/work" && env -u FOLIO_DATADIR /usr/bin/folio render seed-es.md -o out -q) &&
   qpdf --check "$tmp/work/out/seed-es.pdf" >/dev/null 2>&1 &&
   unzip -tq "$tmp/work/out/seed-es.docx" >/dev/null 2>&1; then ok
else bad "the installed folio cannot render the example"; fi
# the same bytes as the folio of the source tree
if [ -x ./bin/folio ] && ./bin/folio render examples/seed-es.md -o "$tmp/tree" -q 2>/dev/null; then
    cmp -s "$tmp/tree/seed-es.pdf" "$tmp/work/out/seed-es.pdf" && ok ||
        bad "the packaged folio's PDF differs from the tree's"
fi
(cd "$tmp/work" && /usr/bin/folio check seed-es.md -q) && ok || bad "folio check (installed)"
# Chinese and Arabic, in the fonts libfolio0 recommends
for r in report-zh:UMingCN report-ar:NotoNaskhArabic; do
    face=${r#*:} r=${r%:*}
    cp "examples/$r.md" "$tmp/work/"
    if (cd "$tmp/work" && env -u FOLIO_DATADIR /usr/bin/folio render "$r.md" -o out -q --pdf) &&
       pdffonts "$tmp/work/out/$r.pdf" 2>/dev/null | grep -q "+$face"; then ok
    else bad "the installed folio cannot render examples/$r.md"; fi
done
# a program against libfolio-dev, found by pkg-config alone
if cc -o "$tmp/hello" tests/install/hello.c $(pkg-config --cflags --libs folio) 2>"$tmp/err" &&
   (cd "$tmp/work" && env -u FOLIO_DATADIR "$tmp/hello" hello.pdf) >/dev/null 2>&1 &&
   [ -s "$tmp/work/hello.pdf" ]; then ok
else bad "a program built against libfolio-dev"; cat "$tmp/err"; fi
readelf -d "$tmp/hello" 2>/dev/null | grep -q 'NEEDED.*libfolio.so.0' && ok ||
    bad "the program does not use libfolio.so.0"
[ -f /usr/share/bash-completion/completions/folio ] && ok || bad "no bash completion installed"
man -w folio >/dev/null 2>&1 && ok || bad "man folio"
# removed cleanly
if dpkg --purge folio libfolio-dev libfolio0 >/dev/null 2>&1 && [ ! -e /usr/bin/folio ] &&
   [ ! -e /usr/share/folio ]; then ok; installed=""
else bad "dpkg --purge left files"; fi

echo "package: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
