#!/bin/sh
# Check one DOCX the way its users will meet it: the package is sound
# (unzip -t), every XML part parses (xmllint), LibreOffice converts it to
# PDF, and the PDF gives back the words of the document's text.
#
#   tests/docx_lo_check.sh [FILE.docx [OUTDIR]]
#
# Without FILE, the unit test's sample document is written twice (it must
# come out byte-identical) and checked. OUTDIR keeps the converted PDF and a
# PNG of its first page (default: a temporary folder, removed afterwards).
# LibreOffice runs with a private profile so parallel runs do not clash.
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/docx_lo_check.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
fail() { echo "docx_lo_check: $*" >&2; exit 1; }

docx=${1:-}
what=$docx
out=${2:-$tmp/out}
mkdir -p "$out"
if [ -z "$docx" ]; then
    bin="$here/build/tests/test_docx"
    [ -x "$bin" ] || fail "build $bin first (make build/tests/test_docx)"
    TEST_DOCX_OUT="$tmp/sample.docx" "$bin" || fail "cannot write the sample"
    TEST_DOCX_OUT="$tmp/again.docx" "$bin" || fail "cannot write the sample"
    cmp -s "$tmp/sample.docx" "$tmp/again.docx" ||
        fail "two writes of the same flow differ"
    docx="$tmp/sample.docx"
    what="the unit test's sample (two writes identical)"
fi
[ -f "$docx" ] || fail "no such file: $docx"
docx=$(cd "$(dirname "$docx")" && pwd)/$(basename "$docx")
name=$(basename "$docx" .docx)

unzip -tq "$docx" >/dev/null || fail "$docx: unzip -t failed"
mkdir "$tmp/parts"
(cd "$tmp/parts" && unzip -q "$docx")
find "$tmp/parts" -name '*.xml' -o -name '*.rels' | while read -r part; do
    xmllint --noout --nonet "$part" || fail "$part: not well-formed"
done

soffice -env:UserInstallation="file://$tmp/lo-profile" --headless \
    --convert-to pdf --outdir "$out" "$docx" >"$tmp/soffice.log" 2>&1 ||
    fail "LibreOffice failed: $(cat "$tmp/soffice.log")"
pdf="$out/$name.pdf"
[ -s "$pdf" ] || fail "LibreOffice wrote no PDF for $docx"
pdftoppm -r 80 -png -f 1 -l 1 "$pdf" "$out/$name-page" 2>/dev/null || true

# Every word of the text (body, notes, headers, footers) must come back.
pdftotext -q -raw "$pdf" "$tmp/pdf.txt"
python3 - "$tmp/parts" "$tmp/pdf.txt" <<'EOF' || exit 1
import glob, os, re, sys
from xml.etree import ElementTree as ET

W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
parts, pdf_txt = sys.argv[1], sys.argv[2]
text = []
for path in sorted(glob.glob(os.path.join(parts, 'word', '*.xml'))):
    if os.path.basename(path) in ('styles.xml', 'settings.xml', 'fontTable.xml'):
        continue
    for p in ET.parse(path).getroot().iter(W + 'p'):
        line = ''
        for el in p.iter():
            if el.tag == W + 't':
                line += el.text or ''
            elif el.tag in (W + 'tab', W + 'br'):
                line += ' '
        text.append(line)

# LibreOffice's PDF splits words at hyphenation points and sometimes
# inside justified words, and sets a note's mark against its text: look
# for each word in the PDF's text with everything but letters and digits
# taken out.
raw = open(pdf_txt, encoding='utf-8', errors='replace').read()
want = set(re.findall(r'[^\W_]+', '\n'.join(text)))
got = re.sub(r'[\W_]+', '', raw)

def split_across_pages(w):
    """Hyphenated at the foot of a page: the two halves are apart."""
    for i in range(2, len(w) - 1):
        if (re.search(re.escape(w[:i]) + r' ?[-\u2010\u00ad]$', raw, re.M) and
                re.search(r'^\f?' + re.escape(w[i:]) + r'\b', raw, re.M)):
            return True
    return False

missing = sorted(w for w in want if w not in got and not split_across_pages(w))
if missing:
    print('docx_lo_check: %d of %d distinct words missing from the PDF: %s'
          % (len(missing), len(want), ' '.join(missing[:30])), file=sys.stderr)
    sys.exit(1)
print('docx_lo_check: %d distinct words all found' % len(want))
EOF
if [ -n "${2:-}" ]; then echo "docx_lo_check: ok $what -> $pdf"; else echo "docx_lo_check: ok $what"; fi
