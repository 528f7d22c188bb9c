#!/usr/bin/python3
"""The structure tree of a tagged PDF (as `pdfinfo -struct-text` prints it)
against the report model it was made from (`folio convert --to xml`):
  - the model's blocks are in the tree in the same order, each as its
    role with its text: the title and headings as H1..H6 (label and
    text), numbered paragraphs as list items whose Lbl is the number and
    whose LBody is the text, subparagraphs as list items, plain paragraphs
    as P, tables as Table;
  - no text directly in a grouping element.
With --text OUT, writes each element's text, joined, one a line (for
tests/words.py).

With --words REPORT.md PDFTEXT, also every word of the report that the
pages show (pdftotext) is in the tree.

usage: struct_check.py MODEL.xml STRUCT.txt [--text OUT] [--words REPORT.md PDFTEXT]"""
import re
import sys
import unicodedata


def norm(s):
    s = unicodedata.normalize("NFC", s).replace("\u00ad", "")
    return " ".join(w.lower() for w in re.findall(r"[^\W_]+", s))


def parse(path):
    """The tree as nested [role, indent, texts, children, parent]."""
    root = ["", -1, [], [], None]
    stack = [root]
    for line in open(path, encoding="utf-8", errors="replace"):
        line = line.rstrip("\n")
        if not line.strip():
            continue
        ind = len(line) - len(line.lstrip(" "))
        body = line.strip()
        if body.startswith('"'):
            while stack[-1][1] >= ind:
                stack.pop()
            stack[-1][2].append(body[1:-1] if body.endswith('"') else body[1:])
            continue
        m = re.match(r"([A-Za-z0-9]+)\b", body)
        if not m or body.startswith("/") or body.startswith("Object "):
            continue
        while stack[-1][1] >= ind:
            stack.pop()
        node = [m.group(1), ind, [], [], stack[-1]]
        stack[-1][3].append(node)
        stack.append(node)
    return root


def walk(node):
    yield node
    for c in node[3]:
        yield from walk(c)


def text_of(node, skip=("Reference", "Note")):
    parts = list(node[2])
    for c in node[3]:
        if c[0] not in skip:
            parts.append(text_of(c, skip))
    return "".join(parts)


def model_blocks(path):
    """What the report model (folio convert --to xml) says a reader meets,
    in order: (kind, label, text)."""
    import xml.etree.ElementTree as ET
    ns = "{urn:folio:report:1}"
    root = ET.parse(path).getroot()
    out = []

    def text(el):
        """Its text, a line break as a space, the notes' text aside."""
        parts = [el.text or ""]
        for c in el:
            if c.tag == ns + "br":
                parts.append(" ")
            elif c.tag != ns + "note":
                parts.append(text(c))
            parts.append(c.tail or "")
        return "".join(parts)
    meta = root.find(ns + "meta")
    for key, kind in (("title", "H"), ("subtitle", "P")):
        el = meta.find(ns + key) if meta is not None else None
        if el is not None:
            out.append((kind, None, norm(text(el))))
    def flat(parent):
        # a part (a resolution, the contents, the summary) holds blocks
        for b in parent:
            if b.tag == ns + "part":
                yield from flat(b)
            else:
                yield b
    blocks = root.find(ns + "blocks")
    for b in flat(blocks if blocks is not None else []):
        tag = b.tag[len(ns):]
        # the style numbers headings and paragraphs again (a typed label
        # that breaks the sequence is printed corrected): texts compare
        # without their labels; a numbered paragraph needs a number as Lbl
        t = norm(text(b))
        label = b.get("label")
        if tag == "heading":
            out.append(("H", None, t))
        elif tag == "p" and b.get("numbered") == "true":
            out.append(("LI", "number", t))
        elif tag == "p":
            out.append(("P", None, t))
        elif tag == "item" and b.get("role") == "entry":
            out.append(("TOCI", None, t))
        elif tag == "item" and label is None and b.get("label-kind") in (None, "none"):
            out.append(("P", None, t))   # a paragraph of the item before
        elif tag == "item":
            out.append(("LI", None, t))
        elif tag == "table":
            out.append(("Table", None, None))
        elif tag == "annex":
            out.append(("H", None, None))
    return out


def tree_blocks(doc):
    """The same from the structure tree: headings, paragraphs, list items
    (their label and their own text), tables; the masthead and footer
    groups and the notes aside."""
    out = []

    def visit(n):
        role = n[0]
        if role in ("Div", "Note"):
            return
        if re.fullmatch(r"H[1-6]", role):
            out.append(("H", None, norm(text_of(n))))
        elif role == "P":
            out.append(("P", None, norm(text_of(n))))
        elif role == "Table":
            out.append(("Table", None, None))
            return
        elif role == "TOCI":
            out.append(("TOCI", None, norm(text_of(n))))
        elif role == "LI":
            lbl = [c for c in n[3] if c[0] == "Lbl"]
            body = [c for c in n[3] if c[0] == "LBody"]
            own = norm(text_of(body[0], ("Reference", "Note", "L", "P"))) if body else ""
            out.append(("LI", norm(text_of(lbl[0])) if lbl else "", own))
        for c in n[3]:
            visit(c)
    for c in doc[3]:
        visit(c)
    return out


def main():
    tree = parse(sys.argv[2])
    bad = []
    docs = [c for c in tree[3] if c[0] == "Document"]
    if len(docs) != 1:
        print("FAILED: no single Document element")
        sys.exit(1)
    doc = docs[0]
    # each element's text joined (a word cut by the layout's hyphen, an
    # artifact, is whole again), one element a line
    joined = "\n".join("".join(n[2]) for n in walk(doc) if n[2])
    args = sys.argv[3:]
    if "--text" in args:
        with open(args[args.index("--text") + 1], "w", encoding="utf-8") as f:
            f.write(joined + "\n")
    if "--words" in args:
        sys.path.insert(0, __file__.rsplit("/", 1)[0])
        import words as W
        k = args.index("--words")
        src = W.source_words(open(args[k + 1], encoding="utf-8").read())
        shown = W.words(open(args[k + 2], encoding="utf-8", errors="replace").read())
        have = W.words(joined)
        glued = "".join(sorted(have))
        lost = sorted(w for w in src & shown if w not in have and w not in glued)
        if lost:
            bad.append("%d words the pages show are not in the tree: %s"
                       % (len(lost), " ".join(lost[:20])))
    want = model_blocks(sys.argv[1])
    got = tree_blocks(doc)
    at = 0
    for kind, label, text in want:
        def same(g):
            if g[0] != kind:
                return False
            if label == "number" and not re.fullmatch(r"\d+", g[1] or ""):
                return False
            # a label the tree prints before the text ("I. Introduction"),
            # a contents entry's page after it
            if kind == "TOCI":
                return text in g[2]
            # two title lines the style sets as one heading ("Draft
            # resolution I" and its title): each is in it
            if kind == "H" and text is not None:
                return (" " + text + " ") in (" " + g[2] + " ")
            return text is None or g[2] == text or g[2].endswith(" " + text)
        k = max(at - 1, 0) if kind == "H" else at
        while k < len(got) and not same(got[k]):
            k += 1
        if k == len(got):
            bad.append("the model's %s %s\"%s\" is not in the tree in order"
                       % (kind, ("labelled " + label + " ") if label else "", (text or "")[:70]))
            continue
        at = k + 1
    # text sits in content elements only
    for n in walk(doc):
        if n[2] and n[0] in ("Document", "Div", "L", "LI", "Table", "THead", "TBody", "TR", "Note"):
            bad.append("text directly in a %s element" % n[0])
            break
    for b in bad[:10]:
        print("FAILED:", b)
    if len(bad) > 10:
        print("FAILED: ... %d more" % (len(bad) - 10))
    sys.exit(1 if bad else 0)


main()
