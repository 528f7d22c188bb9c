#!/usr/bin/python3
"""One style name, one definition: the house's styles are written alike in
every DOCX of a page size and language, so text copied between reports
brings no conflicts.

usage: docx_styles_same.py FILE.docx...

Documents are grouped by page size and language (the furniture's styles,
measured from the furniture plan, differ with the duty station and the
document's class, as the printed pages do, and are left out). Prints each
style defined differently in two documents of a group; exit 1 if any."""
import collections, sys, zipfile
import xml.etree.ElementTree as ET

W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
FURNITURE = ('UNMast', 'UNJob', 'UNBarcode', 'UNRecycle', 'UNFoot', 'UNSpacer', 'UNHeader',
             'UNFooter', 'UNSymbol', 'UNLaterJob')


def key_and_styles(path):
    z = zipfile.ZipFile(path)
    doc = ET.fromstring(z.read('word/document.xml'))
    sz = doc.find(f'.//{W}sectPr/{W}pgSz')
    styles = ET.fromstring(z.read('word/styles.xml'))
    lang = styles.find(f'.//{W}docDefaults//{W}lang')
    key = (sz.get(W + 'w'), sz.get(W + 'h'), lang.get(W + 'val') if lang is not None else '')
    out = {}
    for s in styles.iter(W + 'style'):
        sid = s.get(W + 'styleId')
        if not sid.startswith(FURNITURE):
            out[sid] = ET.tostring(s)
    return key, out


groups = collections.defaultdict(list)
for p in sys.argv[1:]:
    k, st = key_and_styles(p)
    groups[k].append((p, st))
bad = 0
for k, docs in groups.items():
    first = {}
    for path, st in docs:
        for sid, text in st.items():
            if sid not in first:
                first[sid] = (path, text)
            elif first[sid][1] != text:
                bad += 1
                print(f"style {sid}: {path.rsplit('/', 1)[-1]} differs from "
                      f"{first[sid][0].rsplit('/', 1)[-1]}")
print(f"styles: {sum(len(d) for d in groups.values())} documents in {len(groups)} groups, "
      f"{bad} styles defined differently")
sys.exit(1 if bad else 0)
