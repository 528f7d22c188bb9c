#!/usr/bin/env python3
"""Compare two report XML files field by field: the report read from
Markdown (A) and the same report written as DOCX and read back (B).

A field is a masthead element, a block's element name, each of its
attributes, its content (inline markup included), a note's mark and
content. Note ids are the readers' own names, so notes are compared in
the order the text first refers to them and ids are left out.

usage: docx_roundtrip.py A.xml B.xml [--show N]
Prints "fields N equal M differing" and the first differences; exit 0.
"""
import sys
import xml.etree.ElementTree as ET

NS = '{urn:folio:report:1}'


def local(tag):
    return tag[len(NS):] if tag.startswith(NS) else tag


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


def fields(path):
    root = ET.parse(path).getroot()
    order = note_order(root)
    f = []
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
        blocks(n, 'note%d' % i)
    return f


def main():
    a, b = fields(sys.argv[1]), fields(sys.argv[2])
    show = int(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[3] == '--show' else 10
    da, db = dict(a), dict(b)
    keys = [k for k, _ in a] + [k for k, _ in b if k not in da]
    equal = sum(1 for k in keys if k in da and k in db and da[k] == db[k])
    diff = [k for k in keys if da.get(k) != db.get(k)]
    print('fields %d equal %d differing' % (equal, len(diff)))
    for k in diff[:show]:
        print('  %s: %r -> %r' % (k, str(da.get(k))[:90], str(db.get(k))[:90]))


main()
