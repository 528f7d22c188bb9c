#!/usr/bin/python3
"""What the DOCX clients an editor or a converter uses find in a folio DOCX.

usage: docx_clients.py REPORT.xml FILE.docx FOLIO.pdf [--mammoth DIR] [--check]

REPORT.xml is the report as `folio convert --to xml` writes it (the model:
headings, numbered paragraphs, subparagraphs, notes; the titles of parts
and the contents' entries, which carry a role, are not counted); FOLIO.pdf is folio's
PDF of the same report (the numbers it prints). Prints one line per client:
pandoc (-f docx -t json), python-docx and, with --mammoth DIR (a folder whose
node_modules holds mammoth), mammoth: headings found at each level, numbered
paragraphs found as list items, notes found.

With --check, exits 1 unless pandoc finds every heading of levels 1-4 at its
level, every numbered paragraph and subparagraph as a list item, every
decimal paragraph number that folio's PDF prints (matched by the words that
follow it) with the same number, and every note Word holds.
"""
import collections, json, os, re, subprocess, sys, zipfile
import xml.etree.ElementTree as ET

W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'


def norm(s):
    return re.sub(r"[^\w]", "", " ".join(s.replace("*", "").split()[:3])).lower()[:25]


def model(xml):
    root = ET.parse(xml).getroot()
    heads = collections.Counter()
    numbered = items = notes = 0
    words = set()
    for el in root.iter():
        tag = el.tag.split('}')[-1]
        # a part's title (a resolution's, an annex's) or a contents entry
        # is no heading or list item of the document
        if tag in ('heading', 'item') and el.get('role'):
            continue
        if tag == 'heading' and 1 <= int(el.get('level', '0')) <= 4:
            heads[int(el.get('level'))] += 1
        elif tag == 'p' and el.get('numbered') == 'true':
            numbered += 1
            words.add(norm(''.join(el.itertext())))
        elif tag == 'item' and el.get('label'):
            items += 1
        elif tag == 'note':
            notes += 1
    return heads, numbered, items, notes, words


def printed(pdf):
    """Line-initial decimal labels of a PDF with the words after them."""
    import fitz
    out = []
    pat = re.compile(r"^(\d+)\.$")
    for page in fitz.open(pdf):
        H = page.rect.height
        lines = collections.defaultdict(list)
        for w in page.get_text("words"):
            lines[round(w[3])].append(w)
        for k in sorted(lines):
            if k < 64 or k > H - 60:
                continue
            ws = sorted(lines[k], key=lambda w: w[0])
            if len(ws) > 1 and pat.match(ws[0][4]):
                out.append((ws[0][4].rstrip('.'), norm(" ".join(w[4] for w in ws[1:6]))))
    return out


def inline_text(xs):
    out = []
    for x in xs:
        t = x.get('t')
        if t == 'Str':
            out.append(x['c'])
        elif t in ('Space', 'SoftBreak', 'LineBreak'):
            out.append(' ')
        elif t in ('Emph', 'Strong', 'Superscript', 'Subscript', 'SmallCaps', 'Underline',
                   'Strikeout'):
            out.append(inline_text(x['c']))
        elif t in ('Link', 'Span'):
            out.append(inline_text(x['c'][1]))
        elif t == 'Quoted':
            out.append(inline_text(x['c'][1]))
    return ''.join(out)


def pandoc(docx):
    doc = json.loads(subprocess.run(['pandoc', '-f', 'docx', '-t', 'json', docx],
                                    capture_output=True, check=True).stdout)
    heads = collections.Counter()
    res = {'ordered': 0, 'bullets': 0, 'notes': 0, 'decimal': []}

    def notes_in(x):
        if isinstance(x, dict):
            if x.get('t') == 'Note':
                res['notes'] += 1
            for v in x.values():
                notes_in(v)
        elif isinstance(x, list):
            for v in x:
                notes_in(v)

    def walk(blocks):
        for b in blocks:
            t = b['t']
            if t == 'Header':
                heads[b['c'][0]] += 1
            elif t == 'OrderedList':
                (start, style, delim), lst = b['c']
                style, delim = style.get('t'), delim.get('t')
                res['ordered'] += len(lst)
                for i, item in enumerate(lst):
                    if style in ('Decimal', 'DefaultStyle') and delim in ('Period', 'DefaultDelim'):
                        first = next((x for x in item if x['t'] in ('Para', 'Plain')), None)
                        res['decimal'].append((str(start + i),
                                               norm(inline_text(first['c'])) if first else ''))
                    walk(item)
            elif t == 'BulletList':
                res['bullets'] += len(b['c'])
                for item in b['c']:
                    walk(item)
            elif t in ('BlockQuote',):
                walk(b['c'])
            elif t == 'Div':
                walk(b['c'][1])
    walk(doc['blocks'])
    notes_in(doc['blocks'])
    return heads, res


def word_notes(docx):
    z = zipfile.ZipFile(docx)
    n = 0
    for part, el in (('word/footnotes.xml', 'footnote'), ('word/endnotes.xml', 'endnote')):
        if part in z.namelist():
            root = ET.fromstring(z.read(part))
            n += sum(1 for x in root.iter(W + el) if int(x.get(W + 'id')) > 0)
    return n


def python_docx(path):
    import docx
    d = docx.Document(path)
    heads = collections.Counter()
    numbered = 0
    for p in d.paragraphs:
        name = p.style.name if p.style is not None else ''
        m = re.match(r'Heading (\d)$', name)
        if m:
            heads[int(m.group(1))] += 1
        num = p._p.pPr.numPr if p._p.pPr is not None else None
        st = p.style
        while num is None and st is not None:
            ppr = st.element.pPr
            num = ppr.numPr if ppr is not None else None
            st = st.base_style
        if num is not None and num.numId is not None and num.numId.val != 0:
            numbered += 1
    notes = 0
    for part in d.part.package.parts:
        if str(part.partname) in ('/word/footnotes.xml', '/word/endnotes.xml'):
            root = ET.fromstring(part.blob)
            notes += sum(1 for x in root if x.tag in (W + 'footnote', W + 'endnote') and
                         int(x.get(W + 'id')) > 0)
    return heads, numbered, notes


def mammoth(docx, where):
    js = ("const m=require('mammoth');m.convertToHtml({path:process.argv[1]}).then(r=>{"
          "const v=r.value,c=re=>(v.match(re)||[]).length;"
          "console.log(JSON.stringify({h:[1,2,3,4].map(i=>c(new RegExp('<h'+i+'[ >]','g'))),"
          "li:c(/<li>/g),notes:c(/<li id=\"(foot|end)note-/g)}))})")
    out = subprocess.run(['node', '-e', js, os.path.abspath(docx)], capture_output=True, text=True,
                         cwd=where, env=dict(os.environ, NODE_PATH=where + '/node_modules'))
    if out.returncode:
        print(out.stderr, file=sys.stderr)
    return json.loads(out.stdout) if out.returncode == 0 else None


def levels(c):
    return '/'.join(str(c.get(i, 0)) for i in range(1, 5))


def main():
    args = sys.argv[1:]
    check = '--check' in args
    where = None
    if '--mammoth' in args:
        where = args[args.index('--mammoth') + 1]
        args.remove('--mammoth')
        args.remove(where)
    args = [a for a in args if a != '--check']
    xml, docx_path, pdf = args[:3]
    name = docx_path.rsplit('/', 1)[-1]
    mh, mnum, mitems, mnotes, mwords = model(xml)
    held = word_notes(docx_path)
    print(f"{name}: model: headings {levels(mh)}, numbered {mnum}, subparagraphs {mitems}, "
          f"notes {mnotes} (Word holds {held})")
    ph, pr = pandoc(docx_path)
    # pandoc's decimal list numbers beside the PDF's, matched by their words
    import difflib
    # the numbers the PDF prints on the model's numbered paragraphs
    want = [p for p in printed(pdf) if p[1] in mwords]
    a = [w for _, w in pr['decimal']]
    b = [w for _, w in want]
    wrong = matched = 0
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == 'equal':
            for i, j in zip(range(i1, i2), range(j1, j2)):
                matched += 1
                if pr['decimal'][i][0] != want[j][0]:
                    wrong += 1
                    print(f"  pandoc numbers {pr['decimal'][i][0]}, the PDF {want[j][0]}: "
                          f"{want[j][1]}")
    missing = len(want) - matched
    print(f"  pandoc: headings {levels(ph)}, list items {pr['ordered']} numbered + "
          f"{pr['bullets']} bullets, PDF numbers {matched - wrong}/{len(want)} same "
          f"({missing} not matched), notes {pr['notes']}")
    try:
        xh, xnum, xnotes = python_docx(docx_path)
        print(f"  python-docx: headings {levels(xh)}, numbered paragraphs {xnum}, notes {xnotes}")
    except ImportError:
        print("  python-docx: not installed")
    if where:
        r = mammoth(docx_path, where)
        if r:
            print(f"  mammoth: headings {'/'.join(map(str, r['h']))}, list items {r['li']}, "
                  f"notes {r['notes']}")
    if not check:
        return 0
    bad = []
    for lv in range(1, 5):
        if ph.get(lv, 0) != mh.get(lv, 0):
            bad.append(f"pandoc finds {ph.get(lv, 0)} headings of level {lv}, the model has {mh.get(lv, 0)}")
    if pr['ordered'] + pr['bullets'] < mnum + mitems:
        bad.append(f"pandoc finds {pr['ordered'] + pr['bullets']} list items, the model has "
                   f"{mnum} numbered paragraphs and {mitems} subparagraphs")
    if wrong or missing > 0.05 * max(len(want), 1):
        bad.append(f"pandoc's paragraph numbers: {wrong} differ from the PDF's, {missing} not matched")
    if pr['notes'] != held:
        bad.append(f"pandoc finds {pr['notes']} notes, Word holds {held}")
    for b in bad:
        print(f"{name}: {b}")
    return 1 if bad else 0


sys.exit(main())
