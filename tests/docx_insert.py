#!/usr/bin/python3
"""The insertion test: an editor adds a paragraph and the numbers follow.

usage: docx_insert.py IN.docx OUT.docx
       docx_insert.py --compare IN.docx BEFORE.pdf AFTER.pdf

The first form inserts, with python-docx, a paragraph in the numbered
paragraphs' style ("UN Paragraph", numbered by its style alone, as a new
paragraph of an editor's is) before the second numbered paragraph of the
main part, and writes OUT.docx. The second form reads the PDFs LibreOffice
made of IN.docx and OUT.docx: every numbered paragraph of the main part
after the new one must print its number plus one, every other paragraph
(the annexes' own numbering among them) the number it had. Exit 1 if not.
"""
import collections, re, sys, zipfile
import xml.etree.ElementTree as ET

W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
TEXT = 'Inserted by the insertion test to see the numbers move.'


def norm(s):
    return re.sub(r"[^\w]", "", " ".join(s.split()[:7])).lower()[:50]


def numbered(docx):
    """The body's paragraphs in the numbered paragraphs' style: (words,
    numId written on the paragraph)."""
    z = zipfile.ZipFile(docx)
    styles = ET.fromstring(z.read('word/styles.xml'))
    sid = next(s.get(W + 'styleId') for s in styles.iter(W + 'style')
               if s.find(W + 'name').get(W + 'val') == 'UN Paragraph')
    body = ET.fromstring(z.read('word/document.xml')).find(W + 'body')
    out = []
    for p in body.iter(W + 'p'):
        ppr = p.find(W + 'pPr')
        st = ppr.find(W + 'pStyle') if ppr is not None else None
        if st is None or st.get(W + 'val') != sid:
            continue
        num = ppr.find(W + 'numPr')
        nid = num.find(W + 'numId').get(W + 'val') if num is not None else None
        text = ''.join(t.text or '' for t in p.iter(W + 't'))
        out.append((norm(text), nid))
    return sid, out


def insert(src, dst):
    import docx
    d = docx.Document(src)
    seen = 0
    for p in d.paragraphs:
        ppr = p._p.pPr
        num = ppr.numPr if ppr is not None else None
        if p.style.name == 'UN Paragraph' and num is not None and num.numId.val != 0:
            seen += 1
            if seen == 2:
                p.insert_paragraph_before(TEXT, style='UN Paragraph')
                d.save(dst)
                return 0
    print('docx_insert: fewer than two numbered paragraphs', file=sys.stderr)
    return 1


def labels(pdf):
    import fitz
    out = {}
    for page in fitz.open(pdf):
        lines = collections.defaultdict(list)
        for w in page.get_text("words"):
            lines[round(w[3])].append(w)
        for k in sorted(lines):
            ws = sorted(lines[k], key=lambda w: w[0])
            m = re.match(r'^(\d+)\.$', ws[0][4])
            if m and len(ws) > 1:
                out.setdefault(norm(' '.join(w[4] for w in ws[1:8])), int(m.group(1)))
    return out


def compare(src, before, after):
    _, paras = numbered(src)
    main = next((nid for _, nid in paras if nid not in (None, '0')), None)
    b, a = labels(before), labels(after)
    new = a.get(norm(TEXT))
    bad = []
    seen = moved = 0
    for words, nid in paras:
        if words not in b:
            continue
        if nid == main:
            seen += 1
        want = b[words] + (1 if nid == main and seen >= 2 else 0)
        moved += want != b[words]
        if a.get(words) != want:
            bad.append(f"{words}: numbered {b[words]}, now {a.get(words)}, wanted {want}")
    if new is None:
        bad.append("the inserted paragraph prints no number")
    for x in bad[:5]:
        print('docx_insert: ' + x, file=sys.stderr)
    print(f"docx_insert: inserted paragraph numbered {new}; {moved} following numbers moved "
          f"up by one; {len(bad)} wrong")
    return 1 if bad or not moved else 0


if sys.argv[1] == '--compare':
    sys.exit(compare(*sys.argv[2:5]))
sys.exit(insert(sys.argv[1], sys.argv[2]))
