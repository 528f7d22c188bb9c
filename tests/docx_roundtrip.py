#!/usr/bin/env python3
"""Compare two report XML files field by field: the report read from
Markdown (A) and the same report written as DOCX and read back (B).

A field is a masthead element, a block's element name, each of its
attributes, its content (inline markup included), a note's mark and
content. Note ids are the readers' own names, so notes are compared in
the order the text first refers to them and ids are left out.

Some fields cannot come back from a DOCX, by design of the file: they
are counted apart, as "known", not as differences:
  - a bullet's label: the character typed ("-") is not kept, the DOCX
    writes the house's bullet (the PDF prints it whatever was typed);
  - a bullet's depth: bullets share one style and list level;
  - a contents entry's page: the DOCX holds this layout's page (a field),
    not the one typed in the source;
  - a label as typed in a language that prints labels its own way: the
    DOCX holds "ألف -" where the source typed "ألف-" (equal but for
    spaces and the digits' script);
  - a note referenced only from inside another note (Word has no notes
    in notes: it is set under its note with its mark as text), or not
    referenced at all (the DOCX holds only the notes the text refers to).
Defaults the source left unsaid and the DOCX says (the language, the
original language, the duty station) are counted as "explicit".

usage: docx_roundtrip.py A.xml B.xml [--show N]
Prints "fields N equal M differing K known E explicit" and the first
differences; exit 1 when a field differs.
"""
import sys
import xml.etree.ElementTree as ET

NS = '{urn:folio:report:1}'


def local(tag):
    return tag[len(NS):] if tag.startswith(NS) else tag


def notes_in_notes(root):
    """Ids of notes referenced only from inside other notes, or never."""
    inside, outside = set(), set()
    notes = root.find(NS + 'notes')
    for el in root.iter():
        if el.get('ref') is not None:
            outside.add(el.get('ref'))
    for n in (notes if notes is not None else []):
        for el in n.iter():
            if el.get('ref') is not None:
                inside.add(el.get('ref'))
    text = set()
    for part in ('meta', 'blocks'):
        e = root.find(NS + part)
        for el in (e.iter() if e is not None else []):
            if el.get('ref') is not None:
                text.add(el.get('ref'))
    ids = set(n.get('id') for n in (notes if notes is not None else []))
    return (inside - text) | (ids - outside)


def note_order(root):
    """note id -> its rank by first reference (text, then notes)."""
    order = {}
    for el in root.iter():
        ref = el.get('ref')
        if ref is not None and ref not in order:
            order[ref] = len(order)
    return order


def inline(el, order):
    """Inline content as a string, note references by rank."""
    out = [el.text or '']
    for c in el:
        t = local(c.tag)
        attrs = {k: v for k, v in c.attrib.items()}
        if 'ref' in attrs:
            attrs['ref'] = '#%d' % order.get(attrs['ref'], -1)
        a = ''.join(' %s="%s"' % kv for kv in sorted(attrs.items()))
        out.append('<%s%s>%s</%s>' % (t, a, inline(c, order), t))
        out.append(c.tail or '')
    return ''.join(out)


def fields(path, known=None):
    root = ET.parse(path).getroot()
    order = note_order(root)
    f = []
    if known is None:
        known = set()
    nested = notes_in_notes(root)
    meta = root.find(NS + 'meta')
    for c in (meta if meta is not None else []):
        name = local(c.tag)
        if 'ref' in c.attrib:
            f.append(('meta/' + name, '#%d' % order.get(c.get('ref'), -1)))
        else:
            f.append(('meta/' + name, inline(c, order)))

    def blocks(parent, prefix):
        for i, b in enumerate(parent):
            p = '%s/%d' % (prefix, i)
            f.append((p, local(b.tag)))
            for k, v in sorted(b.attrib.items()):
                f.append((p + '@' + k, v))
            if b.get('label-kind') == 'bullet':
                known.update([p + '@label', p + '@level'])
            if b.get('role') == 'entry':
                known.add(p + '@page')
            if local(b.tag) == 'part':
                blocks(b, p)
            elif local(b.tag) == 'table':
                f.append((p + '#', ET.tostring(b, encoding='unicode').count('<')))
                for j, cell in enumerate(b.iter(NS + 'cell')):
                    f.append((p + '/c%d' % j, inline(cell, order)))
            else:
                f.append((p + '#text', inline(b, order)))

    bl = root.find(NS + 'blocks')
    blocks(bl if bl is not None else [], 'blocks')
    notes = root.find(NS + 'notes')
    ranked = sorted(notes if notes is not None else [],
                    key=lambda n: order.get(n.get('id'), 10**9))
    for i, n in enumerate(ranked):
        if n.get('mark'):
            f.append(('note%d@mark' % i, n.get('mark')))
        start = len(f)
        blocks(n, 'note%d' % i)
        if n.get('id') in nested:
            known.update(['note%d@mark' % i] + [k for k, _ in f[start:]])
    return f


def printed_alike(x, y):
    """Labels equal but for spaces and Arabic-Indic digits."""
    if x is None or y is None:
        return False
    t = str.maketrans('\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669',
                      '0123456789')
    return x.translate(t).replace(' ', '') == y.translate(t).replace(' ', '')


EXPLICIT = ('meta/language', 'meta/original-language', 'meta/station')


def main():
    known = set()
    a, b = fields(sys.argv[1], known), fields(sys.argv[2])
    show = int(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[3] == '--show' else 10
    da, db = dict(a), dict(b)
    keys = [k for k, _ in a] + [k for k, _ in b if k not in da]
    equal = sum(1 for k in keys if k in da and k in db and da[k] == db[k])
    explicit = [k for k in keys if k in EXPLICIT and da.get(k) is None and db.get(k)]
    for k in keys:
        if k.endswith('@label') and da.get(k) != db.get(k) and printed_alike(da.get(k), db.get(k)):
            known.add(k)
    known_diff = [k for k in keys if da.get(k) != db.get(k) and k in known]
    diff = [k for k in keys if da.get(k) != db.get(k) and k not in known and k not in explicit]
    print('fields %d equal %d differing %d known %d explicit' %
          (equal, len(diff), len(known_diff), len(explicit)))
    for k in diff[:show]:
        print('  %s: %r -> %r' % (k, str(da.get(k))[:90], str(db.get(k))[:90]))
    return 1 if diff else 0


sys.exit(main())
