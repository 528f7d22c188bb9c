#!/bin/sh
# The command line as a user meets it: exit codes, messages that name the
# file, line and column, and outputs that are either whole or absent.
cd "$(dirname "$0")/.." || exit 2
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
. tests/checks.sh
# The binary under test: $FOLIO (a sanitizer build), else ./bin/folio.
folio=${FOLIO:-./bin/folio}

check "--help" 0 "$folio" --help
check "--version" 0 "$folio" --version
check "no command" 2 "$folio"
check "unknown command" 2 "$folio" frobnicate
check "unknown option" 2 "$folio" render examples/seed-es.md --bogus
check "missing option value" 2 "$folio" render examples/seed-es.md --station
check "bad station" 2 "$folio" render examples/seed-es.md --station mars
grep_err "bad station names the choices" "new-york, geneva, vienna, nairobi"
check "missing input" 1 "$folio" render "$tmp/nope.md" -o "$tmp"
grep_err "missing input named" "nope.md"

# A malformed front matter date: file:line:col and no output at all.
printf -- '---\ndate: 2021-13-45\n---\n\n1. Text.\n' > "$tmp/bad.md"
check "bad date" 1 "$folio" render "$tmp/bad.md" -o "$tmp"
grep_err "bad date position" "bad.md:2:"
if ls "$tmp" | grep -q 'bad\.\(pdf\|docx\)'; then fail=$((fail + 1)); echo "FAILED: output left behind"
else pass=$((pass + 1)); fi

# A failed run never truncates an existing output.
printf 'old' > "$tmp/bad.pdf"
check "bad date again" 1 "$folio" render "$tmp/bad.md" -o "$tmp"
if [ "$(cat "$tmp/bad.pdf")" = old ]; then pass=$((pass + 1))
else fail=$((fail + 1)); echo "FAILED: an existing output was overwritten by a failed run"; fi
if ls -a "$tmp" | grep -q '^\.bad'; then fail=$((fail + 1)); echo "FAILED: temporary file left"
else pass=$((pass + 1)); fi

# Options override the report: a Geneva French version.
check "overrides" 0 "$folio" render examples/seed-es.md -o "$tmp" --pdf --lang fr \
    --station geneva --symbol A/HRC/1/2 --trace "$tmp/t"
if grep -q '"Nations Unies"' "$tmp/t" && grep -q '^document 595.30x841.90' "$tmp/t"; then
    pass=$((pass + 1))
else fail=$((fail + 1)); echo "FAILED: overrides not applied"; head -3 "$tmp/t"; fi

# An unwritable output folder is a system error (3: worth running again
# elsewhere), not an input error, and not a crash.
check "unwritable folder" 3 "$folio" render examples/seed-es.md -o /proc/folio-nope

# A house style may name a PNG to print instead of the drawn emblem; a PNG
# libharu cannot draw (16-bit) is refused with the style file's line.
mkdir "$tmp/style"
cp styles/un.style "$tmp/style/un.style"
printf '\n[document]\nemblem-image = emblem.png\n' >> "$tmp/style/un.style"
python3 - "$tmp/style" <<'PY'
import struct, sys, zlib
def png(path, depth):
    w, h = 4, 3
    row = b"\x00" + b"\x80" * (w * (depth // 8))
    raw = row * h
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
    ihdr = struct.pack(">IIBBBBB", w, h, depth, 0, 0, 0, 0)
    open(path, "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) +
                           chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
png(sys.argv[1] + "/emblem.png", 8)
png(sys.argv[1] + "/deep.png", 16)
PY
check "emblem image" 0 "$folio" render examples/seed-es.md -o "$tmp/style" \
    --style "$tmp/style/un.style" --trace "$tmp/style/t"
if grep -q "^  image .*emblem.png 54.00 40.50" "$tmp/style/t" && \
   unzip -l "$tmp/style/seed-es.docx" | grep -q "word/media/image1.png" && \
   qpdf --check "$tmp/style/seed-es.pdf" >/dev/null 2>&1; then pass=$((pass + 1))
else fail=$((fail + 1)); echo "FAILED: the style's emblem image is not used"; fi
sed -i 's/emblem-image = emblem.png/emblem-image = deep.png/' "$tmp/style/un.style"
check "16-bit emblem image" 1 "$folio" render examples/seed-es.md -o "$tmp/style" \
    --style "$tmp/style/un.style"
grep_err "16-bit emblem named with its line" "un.style:[0-9]*: emblem-image .*8-bit"

# Font expansion is the house style's: the language's own setting, else the
# document's. Without it no justified line scales its glyphs; a value out of
# range names the style file's line.
mkdir -p "$tmp/fx/languages"
cp styles/languages/es.style "$tmp/fx/languages/es.style"
sed -i '1i font-expansion = 0%' "$tmp/fx/languages/es.style" # before its [sections]
check "font expansion 0%" 0 "$folio" render examples/seed-es.md -o "$tmp/fx" --pdf \
    --style "$tmp/fx" --trace "$tmp/fx/none"
"$folio" render examples/seed-es.md -o "$tmp/fx" --pdf --trace "$tmp/fx/default" 2>/dev/null
if ! grep -q ' scale ' "$tmp/fx/none" && grep -q ' scale ' "$tmp/fx/default"; then
    pass=$((pass + 1))
else
    fail=$((fail + 1)); echo "FAILED: font-expansion = 0% still scales glyphs (or the default does not)"
fi
cp styles/un.style "$tmp/fx/un.style"
printf '\n[document]\nfont-expansion = 9%%\n' >> "$tmp/fx/un.style"
check "font expansion 9%" 1 "$folio" render examples/seed-es.md -o "$tmp/fx" --pdf \
    --style "$tmp/fx"
grep_err "font expansion out of range named" "un.style:[0-9]*: \[document\] font-expansion: not a percentage from 0% to 5%"

# Text is written as literal strings of 2-byte codes: bytes that mean
# something in the string syntax ( ) \ and CR (U+0428 is 04 28, U+010D is
# 01 0D) must come back out of the PDF as they went in.
printf -- '---\nsymbol: A/1\ndate: 2024-01-01\n---\n\n1. Слова (Ш Щ ќ Ѝ) Ĩĩ Ŝ č path\\\\to end.\n' \
    > "$tmp/esc.md"
check "string-syntax bytes" 0 "$folio" render "$tmp/esc.md" -o "$tmp" --pdf
if pdftotext "$tmp/esc.pdf" - 2>/dev/null | grep -q 'Слова (Ш Щ ќ Ѝ) Ĩĩ Ŝ č path\\to end\.'; then
    pass=$((pass + 1))
else
    fail=$((fail + 1)); echo "FAILED: text with ( ) \\ and CR bytes does not extract intact"
fi

# --trace FILE is written like the outputs: a symlink at FILE is replaced,
# never followed to write over its target.
printf 'keep' >"$tmp/target"
ln -s target "$tmp/trace-link"
check "--trace to a symlink" 0 "$folio" render examples/seed-es.md -o "$tmp" --pdf -q \
    --trace "$tmp/trace-link"
if [ "$(cat "$tmp/target")" = keep ] && [ ! -L "$tmp/trace-link" ] && grep -q '^page' "$tmp/trace-link"
then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAILED: --trace followed a symlink"; fi

# A device is never replaced by a rename (as root, --trace /dev/null once
# turned /dev/null into a file): --trace writes into it, an output named
# like it is refused. A copy of /dev/null made with mknod (root only).
mkdir "$tmp/dev"
if mknod "$tmp/dev/null" c 1 3 2>/dev/null && mknod "$tmp/dev/seed-es.pdf" c 1 3 2>/dev/null; then
    check "--trace to a device" 0 "$folio" render examples/seed-es.md -o "$tmp" --pdf -q \
        --trace "$tmp/dev/null"
    check "an output that is a device" 3 "$folio" render examples/seed-es.md -o "$tmp/dev" --pdf -q
    grep_err "an output that is a device: said" "seed-es.pdf: a device, not a regular file"
    if [ -c "$tmp/dev/null" ] && [ -c "$tmp/dev/seed-es.pdf" ]; then pass=$((pass + 1))
    else fail=$((fail + 1)); echo "FAILED: a device was replaced"; fi
fi
# --trace /dev/stdout into a pipe writes into the pipe.
if [ "$("$folio" render examples/seed-es.md -o "$tmp" --pdf -q --trace /dev/stdout | grep -c '^page')" = 4 ]
then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAILED: --trace /dev/stdout into a pipe"; fi

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
