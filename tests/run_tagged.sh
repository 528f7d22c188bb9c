#!/bin/sh
# Tagged PDF (PDF/UA-1) and PDF/A-2u, for the bundled examples (English,
# Chinese, Arabic), the golden Chinese and Arabic inputs and every report
# of ../shared/corpus (its real/ and zh-ar/ documents too):
#   - pdfinfo says "Tagged: yes"; qpdf --check is clean;
#   - tests/pdf_check.py: every text-showing and painting operator in
#     marked content or an artifact, the parent tree and the elements agree,
#     the structure's rules (roles, headings, lists, tables, notes, figures,
#     links), XMP parseable and saying what the document information says,
#     the sRGB output intent, /ID, fonts, no .notdef, Unicode for every code;
#   - tests/struct_check.py on `pdfinfo -struct-text`: the report model's
#     blocks in the tree in order with their roles and text, numbered
#     paragraphs as list items whose Lbl is the number; every word of the
#     report the pages show is in the tree;
#   - the example's structure dump is tests/golden/seed-es.struct exactly
#     (UPDATE=1 refreshes it: look at the diff before committing);
#   - the checkers fail where they must: a page stream with one BDC removed,
#     a glyph width changed, a Russian masthead's English lines without
#     /Lang, the tree held against another report's model,
#     a numbered paragraph
#     labelled with another number;
#   - a note cited on two pages, printed on both, is one Note.
cd "$(dirname "$0")/.." || exit 2
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
folio=${FOLIO:-./bin/folio}
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAILED: $*"; }

# the Chinese and Arabic examples and golden inputs: shaped glyph runs,
# per-character fallback faces, right-to-left lines and labels
inputs="examples/seed-es.md examples/report-zh.md examples/report-ar.md"
for f in tests/golden/*-zh.md tests/golden/*-ar.md tests/golden/other-scripts-en.md \
         ../shared/corpus/*.md ../shared/corpus/real/[0-9]*.md ../shared/corpus/zh-ar/[a-z]*.md; do
    [ -f "$f" ] && inputs="$inputs $f"
done

i=0
for md in $inputs; do
    name=$(basename "$md" .md)
    out=$tmp/$i-$name    # the corpus has a seed-es.md too
    i=$((i + 1))
    mkdir -p "$out"
    if "$folio" render "$md" -o "$out" --pdf -q 2>"$out/err"; then ok
    else bad "$name: folio render failed"; cat "$out/err"; continue; fi
    pdf=$out/$name.pdf
    if pdfinfo "$pdf" 2>/dev/null | grep -q '^Tagged: *yes$'; then ok; else bad "$name: not tagged"; fi
    if qpdf --check "$pdf" >"$out/qpdf" 2>&1; then ok; else bad "$name: qpdf --check"; tail -3 "$out/qpdf"; fi
    if python3 tests/pdf_check.py "$pdf"; then ok; else bad "$name: tagged PDF / PDF/A checks"; fi
    # poppler builds colour transforms from the output intent's profile
    # each time it reads a page, and -struct-text reads the page again for
    # every marked-content sequence (a minute for 40 pages): the tree is
    # read from a copy whose /OutputIntents key is renamed (same length,
    # the offsets hold); pdf_check.py checked the intent itself
    qpdf --qdf --object-streams=disable "$pdf" - 2>/dev/null |
        LC_ALL=C sed 's|/OutputIntents|/XutputIntents|' >"$out/no-intent.pdf"
    # (object numbers, which the copy changes, left out)
    pdfinfo -struct-text "$out/no-intent.pdf" 2>"$out/struct.err" |
        sed 's/^\( *Object\) [0-9][0-9]* [0-9][0-9]*$/\1/' >"$out/struct"
    if [ -s "$out/struct" ] && [ ! -s "$out/struct.err" ]; then ok
    else bad "$name: pdfinfo -struct-text"; head -3 "$out/struct.err"; fi
    "$folio" convert "$md" --to xml -q -o "$out/model.xml" 2>/dev/null
    pdftotext -enc UTF-8 "$pdf" "$out/pages.txt" 2>/dev/null
    if python3 tests/struct_check.py "$out/model.xml" "$out/struct" --words "$md" "$out/pages.txt"
    then ok; else bad "$name: the structure tree does not follow the report"; fi
done

# The example's structure, exactly.
want=tests/golden/seed-es.struct
got=$tmp/0-seed-es/struct
if [ "${UPDATE:-0}" = 1 ]; then cp "$got" "$want"; fi
if diff -u "$want" "$got" >"$tmp/struct.diff"; then ok
else bad "seed-es: structure dump differs from $want"; head -40 "$tmp/struct.diff"; fi

# The checkers can fail: one marked-content sequence fewer on page 1 ...
pdf=$tmp/0-seed-es/seed-es.pdf
qpdf --qdf --object-streams=disable "$pdf" "$tmp/qdf.pdf"
python3 - "$tmp/qdf.pdf" "$tmp/cut.pdf" <<'PY'
import re, sys
data = open(sys.argv[1], "rb").read()
# blank the first tagged sequence's BDC and its EMC (same length: fix-qdf
# mends the stream lengths anyway)
m = re.search(rb"/P <</MCID 0>> BDC\n", data)
data = data[:m.start()] + b" " * (m.end() - m.start()) + data[m.end():]
e = data.index(b"EMC\n", m.start())
data = data[:e] + b"   \n" + data[e + 4:]
open(sys.argv[2], "wb").write(data)
PY
fix-qdf "$tmp/cut.pdf" >"$tmp/cut2.pdf" 2>/dev/null
if ! python3 tests/pdf_check.py "$tmp/cut2.pdf" >"$tmp/neg1" 2>&1 &&
   grep -q "outside marked content" "$tmp/neg1"; then ok
else bad "pdf_check.py accepts text outside marked content"; cat "$tmp/neg1"; fi
# ... a width of /W that is not the font program's ...
python3 - "$tmp/qdf.pdf" "$tmp/wide.pdf" <<'PY'
import re, sys
data = open(sys.argv[1], "rb").read()
m = re.search(rb"/W \[\s*\d+\s*\[\s*(\d+)", data)
w = b"%d" % (int(m.group(1)) + 10)
open(sys.argv[2], "wb").write(data[:m.start(1)] + w + data[m.end(1):])
PY
fix-qdf "$tmp/wide.pdf" >"$tmp/wide2.pdf" 2>/dev/null
if ! python3 tests/pdf_check.py "$tmp/wide2.pdf" >"$tmp/neg2" 2>&1 && grep -q "wide in /W" "$tmp/neg2"
then ok; else bad "pdf_check.py accepts a /W width that is not the font's"; cat "$tmp/neg2"; fi
# ... a Russian masthead's English block without its /Lang ...
ru=$(ls "$tmp"/*-A-HRC-WG.6-34-ITA-3-ru/A-HRC-WG.6-34-ITA-3-ru.pdf 2>/dev/null | head -1)
if [ -n "$ru" ]; then
    qpdf --qdf --object-streams=disable "$ru" - 2>/dev/null |
        LC_ALL=C sed 's|/Lang (en-US)|/Xang (en-US)|' >"$tmp/nolang.pdf"
    fix-qdf "$tmp/nolang.pdf" >"$tmp/nolang2.pdf" 2>/dev/null
    if ! python3 tests/pdf_check.py "$tmp/nolang2.pdf" >"$tmp/neg3" 2>&1 &&
       grep -q "has no /Lang en" "$tmp/neg3"; then ok
    else bad "pdf_check.py accepts a Russian masthead's English lines without /Lang"; cat "$tmp/neg3"; fi
fi
# ... and the tree of one report against the model of another.
other=$(ls -d "$tmp"/*/ | grep -v -- '-seed-es/$' | head -1)
if [ -n "$other" ]; then
    if ! python3 tests/struct_check.py "$other/model.xml" "$tmp/0-seed-es/struct" >/dev/null 2>&1
    then ok; else bad "struct_check.py accepts another report's tree"; fi
fi
# ... nor a numbered paragraph whose Lbl is not its number.
sed 's/^\( *\)"3\."$/\1"4."/' "$tmp/0-seed-es/struct" >"$tmp/relabel.struct"
if cmp -s "$tmp/0-seed-es/struct" "$tmp/relabel.struct"; then bad "seed-es: no Lbl \"3.\" to change"
elif ! python3 tests/struct_check.py "$tmp/0-seed-es/model.xml" "$tmp/relabel.struct" >/dev/null 2>&1
then ok; else bad "struct_check.py accepts a numbered paragraph labelled with another number"; fi

# ... nor right-to-left words in visual order (each Arabic line of the
# example's tree with its words the other way round, as a writer drawing
# a right-to-left line from its left end would give them), nor an Arabic
# paragraph labelled with another number.
ar=$tmp/2-report-ar
python3 - "$ar/struct" "$tmp/visual.struct" <<'PY'
import re, sys
out = []
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r'^( *)"(.*)"$', line.rstrip("\n"))
    out.append('%s"%s"\n' % (m.group(1), " ".join(m.group(2).split(" ")[::-1])) if m and
               re.search("[\u0600-\u06ff]", m.group(2)) else line)
open(sys.argv[2], "w", encoding="utf-8").write("".join(out))
PY
if ! python3 tests/struct_check.py "$ar/model.xml" "$tmp/visual.struct" >/dev/null 2>&1
then ok; else bad "struct_check.py accepts Arabic words in visual order"; fi
sed 's/^\( *\)"١ -"$/\1"٢ -"/' "$ar/struct" >"$tmp/relabel-ar.struct"
if cmp -s "$ar/struct" "$tmp/relabel-ar.struct"; then bad "report-ar: no Lbl \"١ -\" to change"
elif ! python3 tests/struct_check.py "$ar/model.xml" "$tmp/relabel-ar.struct" >/dev/null 2>&1
then ok; else bad "struct_check.py accepts an Arabic paragraph labelled with another number"; fi

# A note cited on two pages is printed on both (as the UN does) and is one
# Note of the tree: the second printing is a pagination artifact.
mkdir -p "$tmp/twice"
python3 - examples/seed-es.md "$tmp/twice/twice.md" <<'PY'
import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
paras = [m.end() for m in re.finditer(r"(?m)^\d+\. .*[.:]$", s)]
for at in (paras[-1], paras[0]):  # the first numbered paragraph and the last
    s = s[:at] + "[^twice]" + s[at:]
open(sys.argv[2], "w", encoding="utf-8").write(s + "\n[^twice]: A note cited on two pages.\n")
PY
if "$folio" render "$tmp/twice/twice.md" -o "$tmp/twice" --pdf -q 2>/dev/null; then
    shown=0 n=$(pdfinfo "$tmp/twice/twice.pdf" | sed -n 's/^Pages: *//p')
    for p in $(seq 1 "$n"); do
        pdftotext -f "$p" -l "$p" "$tmp/twice/twice.pdf" - | grep -q "cited on two pages" && shown=$((shown + 1))
    done
    qpdf --qdf --object-streams=disable "$tmp/twice/twice.pdf" - 2>/dev/null |
        LC_ALL=C sed 's|/OutputIntents|/XutputIntents|' >"$tmp/twice/no-intent.pdf"
    pdfinfo -struct-text "$tmp/twice/no-intent.pdf" >"$tmp/twice/struct" 2>/dev/null
    "$folio" convert "$tmp/twice/twice.md" --to xml -q -o "$tmp/twice/model.xml" 2>/dev/null
    if [ "$shown" -lt 2 ]; then bad "twice: the note is not printed on two pages ($shown): the test proves nothing"
    elif python3 tests/struct_check.py "$tmp/twice/model.xml" "$tmp/twice/struct" &&
         python3 tests/pdf_check.py "$tmp/twice/twice.pdf"; then ok
    else bad "twice: a note printed on two pages is not one Note"; fi
else bad "twice: folio render failed"; fi

# The DOCX says as much: alternative text on every picture, the title and
# the language in the core properties.
mkdir -p "$tmp/docx"
"$folio" render examples/seed-es.md -o "$tmp/docx" -q 2>/dev/null
if python3 - "$tmp/docx/seed-es.docx" <<'PY'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
pics = []
for n in z.namelist():
    if n.startswith("word/") and n.endswith(".xml"):
        pics += re.findall(r"<wp:docPr [^>]*>", z.read(n).decode("utf-8"))
core = z.read("docProps/core.xml").decode("utf-8")
ok = pics and all(re.search(r'descr="[^"]+"', p) for p in pics) and \
    re.search(r"<dc:title>[^<]+</dc:title>", core) and re.search(r"<dc:language>[^<]+<", core)
sys.exit(0 if ok else 1)
PY
then ok; else bad "seed-es: the DOCX lacks alternative text, its title or its language"; fi
echo "tagged: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
