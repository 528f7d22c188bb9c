#!/bin/sh
# Composite glyphs nested two deep keep every outline in the PDF. libharu
# 2.3.0 flags the components of a used composite glyph one level deep only;
# src/pdf/pdf_glyph_closure.c flags the rest. The fixture font
# (tests/fixtures/make_nested_font.py) draws "X" as a composite of a
# composite of a filled square: the square must be embedded and inked.
cd "$(dirname "$0")/.." || exit 2
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
. tests/checks.sh
# The binary under test: $FOLIO (a sanitizer build), else ./bin/folio.
folio=${FOLIO:-./bin/folio}

# the house fonts, with the fixture as the regular face (body text)
mkdir "$tmp/fonts"
cp fonts/LiberationSerif-Bold.ttf fonts/LiberationSerif-Italic.ttf \
   fonts/LiberationSerif-BoldItalic.ttf "$tmp/fonts/"
cp tests/fixtures/nested-composite.ttf "$tmp/fonts/LiberationSerif-Regular.ttf"

# the same paragraph in X (nested composite) and in a (empty, same advance)
for c in X a; do
    {
        printf -- '---\nsymbol: A/1\ndate: 2024-01-01\n---\n\n'
        printf '%s\n' "$c$c$c$c$c$c$c$c$c$c $c$c$c$c$c$c$c$c$c$c"
    } > "$tmp/doc$c.md"
    check "render with $c" 0 "$folio" render "$tmp/doc$c.md" -o "$tmp" --pdf -q --fonts "$tmp/fonts"
done

# 1. The embedded fixture font holds the outline of every glyph of "X".
python3 - "$tmp/docX.pdf" "$tmp" <<'PY' >"$tmp/glyf" 2>&1
import re, struct, subprocess, sys
pdf, tmp = sys.argv[1], sys.argv[2]
subprocess.run(["qpdf", "--qdf", "--object-streams=disable", pdf, tmp + "/qdf.pdf"], check=True)
refs = set(re.findall(rb"/FontFile2 (\d+) 0 R", open(tmp + "/qdf.pdf", "rb").read()))
found = False
for ref in sorted(refs):
    data = subprocess.run(["qpdf", "--show-object=" + ref.decode(), "--filtered-stream-data",
                           tmp + "/qdf.pdf"],
                          check=True, capture_output=True).stdout
    ntables = struct.unpack(">H", data[4:6])[0]
    tables = {}
    for i in range(ntables):
        tag, _, off, length = struct.unpack(">4sIII", data[12 + 16 * i:28 + 16 * i])
        tables[tag] = data[off:off + length]
    nglyphs = struct.unpack(">H", tables[b"maxp"][4:6])[0]
    if nglyphs != 6:
        continue  # a Liberation Serif face
    found = True
    short = struct.unpack(">h", tables[b"head"][50:52])[0] == 0
    fmt, mult = (">%dH", 2) if short else (">%dI", 1)
    loca = struct.unpack(fmt % (nglyphs + 1), tables[b"loca"][:(nglyphs + 1) * (2 if short else 4)])
    sizes = [(loca[g + 1] - loca[g]) * mult for g in range(nglyphs)]
    print("glyph record sizes:", sizes)
    # 3 square (simple), 4 mid (composite of 3), 5 outer (composite of 4)
    missing = [g for g in (3, 4, 5) if sizes[g] == 0]
    if missing:
        print("outlines missing for glyphs", missing)
        sys.exit(1)
if not found:
    print("the fixture font is not embedded")
    sys.exit(1)
PY
if [ $? -eq 0 ]; then pass=$((pass + 1))
else fail=$((fail + 1)); echo "FAILED: nested composite glyph outline not embedded"; cat "$tmp/glyf"; fi

# 2. And it shows: the page with X has the ink of twenty squares more than
# the same page with the empty a.
ink() { # dark pixels of page 1 at 72 dpi
    pdftoppm -r 72 -gray -f 1 -l 1 "$1" "$tmp/page" && python3 - "$tmp"/page*.pgm <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
# binary PGM: P5, width, height, maxval, then one byte per pixel
fields, pos = [], 0
while len(fields) < 4:
    while data[pos:pos + 1].isspace():
        pos += 1
    end = pos
    while not data[end:end + 1].isspace():
        end += 1
    fields.append(data[pos:end])
    pos = end
w, h = int(fields[1]), int(fields[2])
pixels = data[pos + 1:pos + 1 + w * h]
print(sum(1 for p in pixels if p < 128))
PY
    rm -f "$tmp"/page*.pgm
}
inkX=$(ink "$tmp/docX.pdf") inka=$(ink "$tmp/doca.pdf")
# each square is 0.8 em wide and high; at the body size of 10 pt or more
# that is 64 pixels or more at 72 dpi: twenty of them, some 1,280
if [ -n "$inkX" ] && [ -n "$inka" ] && [ $((inkX - inka)) -ge 800 ]; then pass=$((pass + 1))
else fail=$((fail + 1)); echo "FAILED: X draws no ink (dark pixels: X page $inkX, a page $inka)"; fi

echo "composite: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
