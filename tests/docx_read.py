#!/usr/bin/python3
"""Helpers of tests/run_docx_read.sh (the DOCX reader).

usage: docx_read.py renumbered BEFORE.xml AFTER.xml
           The report XML folio read from a DOCX and from the same DOCX
           with one paragraph inserted by tests/docx_insert.py: the new
           paragraph carries the number of the one it went before, and
           every numbered paragraph of the main part after it its number
           plus one; all else keeps its number. Exit 1 if not.
       docx_read.py from-template UN.dotx OUT.docx
           An editor's document started from folio's template, written
           with python-docx: a heading of each of levels 1 and 2, three
           paragraphs in "UN Paragraph", one with a footnote, a bullet.
       docx_read.py expect-template OUT.xml
           What folio read back from it. Exit 1 if not all there.
       docx_read.py word-typed OUT.docx
           A document typed with python-docx's own (Word's) template:
           Title, Heading 1 and 2, List Number, List Bullet, a table.
       docx_read.py expect-word OUT.xml
           What folio read back from it. Exit 1 if not all there.
       docx_read.py hostile DIR
           Write the hostile packages the reader must refuse.
"""
import io
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = '{urn:folio:report:1}'
TEXT = 'Inserted by the insertion test to see the numbers move.'


def main_paras(path):
    """(label, text) of the numbered paragraphs outside parts and annexes."""
    blocks = ET.parse(path).getroot().find(NS + 'blocks')
    out = []
    for b in blocks:
        if b.tag == NS + 'annex':
            break
        if b.tag == NS + 'p' and b.get('numbered') == 'true':
            out.append((b.get('label'), ''.join(b.itertext())))
    return out


def renumbered(before, after):
    a, b = main_paras(before), main_paras(after)
    at = next((i for i, (_, t) in enumerate(b) if t == TEXT), None)
    bad = []
    if at is None or len(b) != len(a) + 1:
        print('docx_read: the inserted paragraph is not a numbered paragraph')
        return 1
    def num(label):
        return int(label.rstrip('.')) if label and label.rstrip('.').isdigit() else None
    if num(b[at][0]) != num(a[at][0]):
        bad.append('the new paragraph reads %s, not %s' % (b[at][0], a[at][0]))
    for i in range(at, len(a)):
        want = num(a[i][0]) + 1 if num(a[i][0]) is not None else None
        if num(b[i + 1][0]) != want:
            bad.append('"%s..." reads %s, not %s' % (a[i][1][:30], b[i + 1][0], want))
    for i in range(at):
        if b[i][0] != a[i][0]:
            bad.append('"%s..." before it changed: %s' % (a[i][1][:30], b[i][0]))
    for x in bad[:5]:
        print('docx_read: ' + x)
    print('docx_read: new paragraph %s, %d after it moved up by one' %
          (b[at][0], len(a) - at))
    return 1 if bad else 0


W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
NOTE = ('<w:footnote xmlns:w="%s" w:id="%d"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/>'
        '</w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/>'
        '</w:r><w:r><w:t xml:space="preserve"> An editor\'s note.</w:t></w:r></w:p>'
        '</w:footnote>')


def from_template(dotx, out):
    """As Word does when it starts a document from a template: the main
    part becomes a document's; then python-docx types the text."""
    import docx
    from docx.oxml import parse_xml
    zin = zipfile.ZipFile(dotx)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == '[Content_Types].xml':
                data = data.replace(b'wordprocessingml.template.main+xml',
                                    b'wordprocessingml.document.main+xml')
            zout.writestr(item, data)
    buf.seek(0)
    d = docx.Document(buf)
    body = d.element.body
    for p in list(body.iterchildren('{%s}p' % W)):
        body.remove(p)  # the template's empty paragraph
    d.add_paragraph('Introduction', style='Heading 1')
    d.add_paragraph('The Committee met in Geneva.', style='UN Paragraph')
    p = d.add_paragraph('It adopted its report', style='UN Paragraph')
    d.add_paragraph('Background', style='Heading 2')
    d.add_paragraph('The work goes on.', style='UN Paragraph')
    d.add_paragraph('a point made in a bullet', style='UN Bullet')
    # a footnote: python-docx has no API for notes; the part is the template's
    notes = next(part for part in d.part.package.iter_parts()
                 if str(part.partname) == '/word/footnotes.xml')
    root = ET.fromstring(notes.blob)
    ids = [int(n.get('{%s}id' % W)) for n in root]
    nid = max(ids + [0]) + 1
    root.append(ET.fromstring(NOTE % (W, nid)))
    notes._blob = ET.tostring(root, encoding='UTF-8', xml_declaration=True)
    p.add_run('.')
    ref = parse_xml('<w:r xmlns:w="%s"><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                    '<w:footnoteReference w:id="%d"/></w:r>' % (W, nid))
    p._p.append(ref)
    d.save(out)
    return 0


def expect_template(path):
    root = ET.parse(path).getroot()
    blocks = root.find(NS + 'blocks')
    got = [(b.tag[len(NS):], b.get('level'), b.get('label'), ''.join(b.itertext()))
           for b in blocks]
    want = [('heading', '1', 'I.', 'Introduction'),
            ('p', None, '1.', 'The Committee met in Geneva.'),
            ('p', None, '2.', 'It adopted its report.'),
            ('heading', '2', 'A.', 'Background'),
            ('p', None, '3.', 'The work goes on.'),
            ('item', '1', '\u2022', 'a point made in a bullet')]
    notes = root.find(NS + 'notes')
    texts = [''.join(n.itertext()).strip() for n in (notes if notes is not None else [])]
    bad = got != want or texts != ["An editor's note."]
    if bad:
        print('docx_read: read back from the template document:')
        for g in got:
            print('  ', g)
        print('   notes:', texts)
    return 1 if bad else 0


def word_typed(out):
    import docx
    d = docx.Document()
    d.add_paragraph('Report of the meeting', style='Title')
    d.add_paragraph('Introduction', style='Heading 1')
    d.add_paragraph('First point.', style='List Number')
    d.add_paragraph('Second point.', style='List Number')
    d.add_paragraph('A plain paragraph with ').add_run('bold').bold = True
    d.add_paragraph('Details', style='Heading 2')
    d.add_paragraph('a bullet', style='List Bullet')
    t = d.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): 'Head A', (0, 1): 'Head B', (1, 0): '1', (1, 1): '2'}.items():
        t.cell(r, c).text = text
    d.save(out)
    return 0


def expect_word(path):
    blocks = ET.parse(path).getroot().find(NS + 'blocks')
    got = [(b.tag[len(NS):], b.get('level'), b.get('label'),
            ''.join(b.itertext()).strip() if b.tag != NS + 'table' else
            '|'.join(''.join(c.itertext()) for c in b.iter(NS + 'cell')))
           for b in blocks]
    want = [('heading', '0', None, 'Report of the meeting'),
            ('heading', '1', None, 'Introduction'),
            ('p', None, '1.', 'First point.'),
            ('p', None, '2.', 'Second point.'),
            ('p', None, None, 'A plain paragraph with bold'),
            ('heading', '2', None, 'Details'),
            ('item', '1', '\u2022', 'a bullet'),
            ('table', None, None, 'Head A|Head B|1|2')]
    if got != want:
        print('docx_read: read back from the Word document:')
        for g in got:
            print('  ', g)
    return 0 if got == want else 1


def hostile(d):
    def z(name, parts, compress=zipfile.ZIP_DEFLATED):
        with zipfile.ZipFile('%s/%s.docx' % (d, name), 'w', compress) as f:
            for n, data in parts.items():
                f.writestr(n, data)
    doc = ('<?xml version="1.0"?><w:document xmlns:w="%s"><w:body>%%s</w:body></w:document>'
           % W)
    para = '<w:p><w:r><w:t>Text.</w:t></w:r></w:p>'
    ct = '<?xml version="1.0"?><Types xmlns="x"/>'
    # 80 MiB of zeros inflate from a few kilobytes: more than the 64 MiB limit
    z('bomb', {'[Content_Types].xml': ct, 'word/document.xml': doc % para,
               'word/styles.xml': b'\0' * (80 << 20)})
    z('no-document', {'[Content_Types].xml': ct, 'word/styles.xml': '<x/>'})
    z('malformed', {'word/document.xml': doc % '<w:p><w:r><w:t>open</w:r></w:p>'})
    z('doctype', {'word/document.xml':
                  '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
                  '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
                  '<w:document xmlns:w="%s"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p>'
                  '</w:body></w:document>' % W})
    z('numbering-level', {'word/document.xml': doc % para, 'word/numbering.xml':
                          '<w:numbering xmlns:w="%s"><w:abstractNum w:abstractNumId="1">'
                          '<w:lvl w:ilvl="4000000"><w:start w:val="1"/></w:lvl>'
                          '</w:abstractNum></w:numbering>' % W})
    z('numbering-start', {'word/document.xml': doc % para, 'word/numbering.xml':
                          '<w:numbering xmlns:w="%s"><w:abstractNum w:abstractNumId="1">'
                          '<w:lvl w:ilvl="0"><w:start w:val="2000000000"/>'
                          '<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%%1)"/></w:lvl>'
                          '</w:abstractNum></w:numbering>' % W})
    z('deep', {'word/document.xml': doc % ('<w:sdt><w:sdtContent>' * 300 + para +
                                           '</w:sdtContent></w:sdt>' * 300)})
    with open('%s/not-a-zip.docx' % d, 'w') as f:
        f.write('# A Markdown file named .docx\n')
    return 0


if __name__ == '__main__':
    cmd = sys.argv[1] if len(sys.argv) > 1 else ''
    if cmd == 'renumbered':
        sys.exit(renumbered(sys.argv[2], sys.argv[3]))
    if cmd == 'from-template':
        sys.exit(from_template(sys.argv[2], sys.argv[3]))
    if cmd == 'expect-template':
        sys.exit(expect_template(sys.argv[2]))
    if cmd == 'word-typed':
        sys.exit(word_typed(sys.argv[2]))
    if cmd == 'expect-word':
        sys.exit(expect_word(sys.argv[2]))
    if cmd == 'hostile':
        sys.exit(hostile(sys.argv[2]))
    print(__doc__, file=sys.stderr)
    sys.exit(2)
