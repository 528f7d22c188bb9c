#!/usr/bin/python3
"""The structure tree of a tagged PDF (as `pdfinfo -struct-text` prints it)
against the report model it was made from (`folio convert --to xml`):
  - the model's blocks and the tree's content elements correspond one to
    one, in the same order, each as its role with its text: the title and
    headings as H1..H6 (label and text; two title lines the style sets as
    one heading are that heading's text together), numbered paragraphs and
    subparagraphs as list items whose Lbl is the label the model types (a
    number where it types none, a bullet for a bullet) and whose LBody is
    the text, plain paragraphs as P, contents entries as TOCI (label, text,
    page), tables as Table with the cells' text; a part's label ("Annex",
    the contents' "Page") as P or H;
  - every note the model cites is one Note whose Lbl is its mark and whose
    text is the note's, each after its first Reference and before the
    next block that is not part of the citing one (the subparagraphs of a
    numbered paragraph are), unless set after the last block (endnotes
    under a closing heading);
  - no text directly in a grouping element.
With --text OUT, writes each element's text, joined, one a line (for
tests/words.py).

With --words REPORT.md PDFTEXT, also every word of the report that the
pages show (pdftotext) is in the tree.

usage: struct_check.py MODEL.xml STRUCT.txt [--text OUT] [--words REPORT.md PDFTEXT]"""
import os
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET

NS = "{urn:folio:report:1}"
# elements that group others: their children's texts are separate words
GROUP = {"Document", "Part", "Sect", "Div", "L", "LI", "LBody", "Table", "THead",
         "TBody", "TFoot", "TR", "TH", "TD", "Note", "TOC", "TOCI", "Figure"}
BULLETS = "\u2022\u2013\u2014\u25aa\u25cf-*"


def unmarked(s):
    """Without combining marks: a mark the shaper places off the pen is
    drawn after its word's letters (layout/inline.c), so where it falls
    among them is not compared, the letters are."""
    return "".join(c for c in s if unicodedata.category(c) != "Mn")


def norm(s):
    s = unmarked(unicodedata.normalize("NFC", s).replace("\u00ad", ""))
    return " ".join(w.lower() for w in re.findall(r"[^\W_]+", s))


def logical(s):
    """The tree's text of right-to-left letters as read: the glyphs of a
    right-to-left word are drawn left to right (a reader that sorts
    glyphs into lines, poppler's, makes a word of each glyph drawn left of
    the one before), the words in reading order; each run of them is
    turned back. Digits, which read left to right, stay."""
    out, run = [], []
    for c in unmarked(unicodedata.normalize("NFC", s)) + "\n":
        if unicodedata.bidirectional(c) in ("R", "AL") and unicodedata.category(c)[0] == "L":
            run.append(c)
            continue
        out += reversed(run)
        run = []
        out.append(c)
    return "".join(out[:-1])


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
            stack[-1][2].append(logical(body[1:-1] if body.endswith('"') else body[1:]))
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
    """Its text: the lines of one element joined as they are (a word the
    layout hyphenated, the hyphen an artifact, is whole), separate elements
    apart."""
    parts = list(node[2])
    for c in node[3]:
        if c[0] not in skip:
            t = text_of(c, skip)
            parts.append(" " + t + " " if c[0] in GROUP or node[0] in GROUP else t)
    return "".join(parts)


def inside(node, anc):
    while node is not None:
        if node is anc:
            return True
        node = node[4]
    return False


# ---- the model ------------------------------------------------------------

def model_text(el, refs=None):
    """Its text, a line break as a space, the notes' text aside; the notes
    it cites appended to refs."""
    parts = [el.text or ""]
    for c in el:
        if c.tag == NS + "br":
            parts.append(" ")
        elif c.tag == NS + "note-ref":
            if refs is not None:
                refs.append(c.get("ref"))
        elif c.tag != NS + "note":
            parts.append(" " + model_text(c, refs) + " " if c.tag in (NS + "cell", NS + "row")
                         else model_text(c, refs))
        parts.append(c.tail or "")
    return "".join(parts)


def joined(*parts):
    return " ".join(p for p in parts if p)


def model_blocks(root):
    """What the report model says a reader meets, in order: dicts of kind
    (H, P, LI, TOCI, Table), label, label kind, text (normalized), the
    notes the block cites, the block's tag and level."""
    out = []
    meta = root.find(NS + "meta")
    if meta is not None:
        for key, kind in (("title", "H"), ("subtitle", "P")):
            el = meta.find(NS + key)
            if el is not None:
                refs = [n.get("ref") for n in meta.findall(NS + key + "-note")]
                out.append(dict(kind=kind, label=None, lk=None, tag=key, level=0,
                                text=norm(model_text(el)), refs=refs))

    def flat(parent):
        for b in parent:
            if b.tag == NS + "part":
                # a part (a resolution, the contents, an annex) holds blocks;
                # its label is set as a line of its own
                # (before its blocks; the contents' "Page" heads the column of
                # page numbers, under the contents' title)
                kids = list(flat(b))
                at = 1 if b.get("kind") == "contents" and kids and kids[0][0] == "heading" else 0
                if b.get("label"):
                    kids.insert(at, ("partlabel", b))
                yield from kids
            else:
                yield (b.tag[len(NS):], b)
    blocks = root.find(NS + "blocks")
    for tag, b in flat(blocks if blocks is not None else []):
        refs = []
        t = norm(model_text(b, refs))
        label, lk = b.get("label"), b.get("label-kind")
        d = dict(label=label, lk=lk, tag=tag, refs=refs, level=int(b.get("level") or 0))
        if tag == "partlabel":
            d.update(kind="P|H", text=norm(label), refs=[])
        elif tag == "heading":
            d.update(kind="H", text=norm(joined(label, model_text(b))))
        elif tag == "annex":
            d.update(kind="H", text=norm(label or ""))
        elif tag == "p" and b.get("numbered") == "true":
            d.update(kind="LI", text=t)
        elif tag == "p":
            # a typed label of its own ("To:" of a memo) is its text's start
            d.update(kind="P", text=norm(joined(label, model_text(b))))
        elif tag == "item" and b.get("role") == "entry":
            d.update(kind="TOCI", text=norm(joined(label, model_text(b))))
        elif tag == "item" and label is None and lk in (None, "none"):
            d.update(kind="P", text=t)   # a paragraph of the item before
        elif tag == "item":
            d.update(kind="LI", text=t)
        elif tag == "table":
            d.update(kind="Table", text=t)
        else:
            d.update(kind="?" + tag, text=t)
        out.append(d)
    return out


def model_notes(root):
    """The notes by id: (mark, text); the mark is a typed one ("*") or
    None: the style numbers the others (letters in a table, numbers from 1
    again in an annex where the house says so)."""
    notes = {}
    for n in root.iter(NS + "note"):
        if n.get("id") is None:
            continue
        text = " ".join(model_text(b) for b in n)
        notes[n.get("id")] = (n.get("mark"), norm(text))
    return notes


def mark_ok(want, got):
    return got == want if want else re.fullmatch(r"\d+|[a-z]{1,3}", got) is not None


# ---- the tree -------------------------------------------------------------

def tree_blocks(doc):
    """The same from the structure tree, in order: headings, paragraphs,
    list items (their label and their own text), contents entries,
    tables; the masthead and footer groups aside. Also the Notes outside
    them, each with the number of blocks before it, and the References
    with the index of the block they are in."""
    out, notes, refs = [], [], []

    def visit(n):
        role = n[0]
        if role == "Div":
            return
        if role == "Note":
            notes.append((n, len(out)))
            return
        if role == "Reference":
            refs.append((n, len(out) - 1))
            return
        if re.fullmatch(r"H[1-6]", role):
            out.append(dict(kind="H", text=norm(text_of(n)), node=n))
        elif role in ("P", "TOCI"):
            out.append(dict(kind=role, text=norm(text_of(n)), node=n))
        elif role == "Table":
            out.append(dict(kind="Table", text=norm(text_of(n)), node=n))
            for c in walk(n):
                if c[0] == "Reference":
                    refs.append((c, len(out) - 1))
            return
        elif role == "LI":
            lbl = [c for c in n[3] if c[0] == "Lbl"]
            body = [c for c in n[3] if c[0] == "LBody"]
            own = norm(text_of(body[0], ("Reference", "Note", "L", "P"))) if body else ""
            out.append(dict(kind="LI", label=text_of(lbl[0]).strip() if lbl else "",
                            text=own, node=n))
        for c in n[3]:
            visit(c)
    for c in doc[3]:
        visit(c)
    return out, notes, refs


# ---- the comparison -------------------------------------------------------

LABEL_FORMS = {"arabic": r"\d+\.?", "roman": r"[IVXLCDM]+\.?", "upper": r"[A-Z]+\.?",
               "lower": r"[\(]?[a-z]+[\).]?", "lower-roman": r"[\(]?[ivxlcdm]+[\).]?",
               "decimal": r"[\d.]+"}


# The paragraph numbers' digits and form of the report's language, from
# its house style (styles/languages/LANG.style: "digits", "paragraph-
# number"): an Arabic report's "1." is printed "١ -".
PARA_NUMBER = {"digits": "0123456789", "form": "{n}."}


def read_language(root):
    lang = root.find("%smeta/%slanguage" % (NS, NS))
    path = "%s/../styles/languages/%s.style" % (
        os.path.dirname(os.path.abspath(__file__)), lang.text.strip() if lang is not None
        and lang.text else "en")
    if not os.path.exists(path):
        return
    for line in open(path, encoding="utf-8"):
        key, eq, value = line.partition("=")
        if eq and key.strip() == "digits":
            PARA_NUMBER["digits"] = value.strip()
        elif eq and key.strip() == "paragraph-number":
            PARA_NUMBER["form"] = value.strip()


def printed_number(label):
    """A typed paragraph number ("12.", "12-") as the language prints it."""
    m = re.fullmatch(r"(\d+)[.\-]?", label)
    if not m:
        return None
    digits = PARA_NUMBER["digits"]
    n = "".join(digits[int(c)] if len(digits) == 10 else c for c in m.group(1))
    return PARA_NUMBER["form"].replace("{n}", n)


def label_ok(want, got):
    """Is the tree's Lbl the model's label? Typed labels are printed as
    typed (a paragraph number in the language's digits and form), a bullet
    as the style's bullet, an untyped label in its kind's form (a numbered
    paragraph's a number)."""
    if want["lk"] == "bullet":
        return len(got) == 1 and got in BULLETS
    if want["label"]:
        return got in (want["label"].strip(), printed_number(want["label"].strip()))
    form = LABEL_FORMS.get(want["lk"] or "arabic")
    if (want["lk"] or "arabic") == "arabic" and re.fullmatch(
            re.escape(PARA_NUMBER["form"]).replace(re.escape("{n}"), "[%s]+" % PARA_NUMBER["digits"]),
            got):
        return True
    return bool(form and re.fullmatch(form, got))


def block_ok(want, got):
    """Does tree block `got` hold all of model block `want`?"""
    if got["kind"] not in want["kind"].split("|"):
        return False
    if want["kind"] == "LI" and not label_ok(want, got["label"]):
        return False
    if want["kind"] == "TOCI":
        # the entry's page number after its text, as the layout counts it
        rest = got["text"][len(want["text"]):] if got["text"].startswith(want["text"]) else None
        return rest is not None and re.fullmatch(r"( \w+)?", rest) is not None
    return got["text"] == want["text"]


def describe(b):
    return "%s %s\"%s\"" % (b["kind"], ("labelled %s " % b["label"]) if b.get("label") else "",
                            (b["text"] or "")[:70])


def compare(want, got):
    """Model blocks against tree blocks, one to one in order: the faults."""
    bad, at = [], 0
    rest = None   # what a heading set from several title lines has left
    for w in want:
        if w["kind"] == "H" and rest is not None:
            # the next title line of the heading just matched
            if rest == w["text"] or rest.startswith(w["text"] + " "):
                rest = rest[len(w["text"]) + 1:] or None
                continue
        if rest:
            bad.append("the tree's heading has \"%s\" the model does not" % rest[:70])
        rest = None
        g = got[at] if at < len(got) else None
        if g and w["kind"] == "H" and g["kind"] == "H" and g["text"].startswith(w["text"] + " "):
            rest = g["text"][len(w["text"]) + 1:]
        elif not (g and block_ok(w, g)):
            # out of step: say so, and find the block further on
            k = at
            while k < len(got) and not block_ok(w, got[k]):
                k += 1
            if k == len(got):
                bad.append("the model's %s is not in the tree in order%s"
                           % (describe(w), (", where the tree has " + describe(g)) if g else ""))
                continue
            for s in got[at:k]:
                bad.append("the tree's %s is not in the model there" % describe(s))
            at = k
        at += 1
    if rest:
        bad.append("the tree's heading has \"%s\" the model does not" % rest[:70])
    for s in got[at:]:
        bad.append("the tree's %s is not in the model" % describe(s))
    return bad


def check_notes(root, doc, want, got, tnotes, trefs):
    """The notes: each cited one a Note with its mark and text, in the
    order first cited, each after the block that first cites it."""
    bad = []
    notes = model_notes(root)
    first = {}   # note id -> index of the model block first citing it
    for i, w in enumerate(want):
        for r in w["refs"]:
            first.setdefault(r, i)
    meta = root.find(NS + "meta")
    masthead = [n.get("ref") for n in (meta if meta is not None else [])
                if n.tag.endswith("-note") and n.tag not in (NS + "title-note", NS + "subtitle-note")]
    cited = [r for r in masthead if r in notes] + sorted(first, key=lambda r: first[r])
    every = [n for n in walk(doc) if n[0] == "Note"]

    def note_of(n):
        lbl = [c for c in n[3] if c[0] == "Lbl"]
        return (text_of(lbl[0]).strip() if lbl else "",
                norm(" ".join(text_of(c) for c in n[3] if c[0] != "Lbl")))
    # (in the order of the tree: a note cited by a numbered paragraph's
    # text comes after its subparagraphs, theirs before it)
    have = [note_of(n) for n in every]
    for r in cited:
        if r not in notes:
            bad.append("the model cites note %s and has none" % r)
            continue
        mark, text = notes[r]
        k = next((k for k, h in enumerate(have) if h[1] == text and mark_ok(mark, h[0])), None)
        if k is None:
            bad.append("the model's note %s \"%s\" is not a Note of the tree"
                       % (mark or r, text[:60]))
        else:
            del have[k]
    for b in have:
        bad.append("the tree's Note %s \"%s\" is not a note the model cites (or is there twice)"
                   % (b[0], b[1][:60]))
    # each Note after its first Reference (matched by mark, in order) ...
    used = set()
    ends_with_heading = bool(want) and want[-1]["kind"] == "H"
    for n, pos in tnotes:
        mark = note_of(n)[0]
        ref = next((i for i, (r, _) in enumerate(trefs)
                    if i not in used and text_of(r).strip() == mark), None)
        if ref is None:
            bad.append("Note %s has no Reference before it" % mark)
            continue
        used.add(ref)
        r, blk = trefs[ref]
        order = [x for x in walk(doc) if x is r or x is n]
        if order[0] is not r:
            bad.append("Note %s comes before its Reference" % mark)
            continue
        # ... and before the next block that is not part of the citing one,
        # unless after every block (endnotes under the closing heading)
        if pos == len(got) and ends_with_heading and blk < len(got) - 1:
            continue
        owner = got[blk]["node"] if blk >= 0 else None
        strays = [g for g in got[blk + 1:pos] if owner is None or not inside(g["node"], owner)]
        if strays:
            bad.append("Note %s is not right after the block citing it: %s between"
                       % (mark, describe(strays[0])))
    return bad


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
    lines = "\n".join("".join(n[2]) for n in walk(doc) if n[2])
    args = sys.argv[3:]
    if "--text" in args:
        with open(args[args.index("--text") + 1], "w", encoding="utf-8") as f:
            f.write(lines + "\n")
    if "--words" in args:
        sys.path.insert(0, __file__.rsplit("/", 1)[0])
        import words as W
        k = args.index("--words")
        src = W.source_words(open(args[k + 1], encoding="utf-8").read())
        shown = W.words(open(args[k + 2], encoding="utf-8", errors="replace").read())
        have = W.words(lines)
        glued = "".join(sorted(have))
        lost = sorted(w for w in src & shown if w not in have and w not in glued)
        if lost:
            bad.append("%d words the pages show are not in the tree: %s"
                       % (len(lost), " ".join(lost[:20])))
    root = ET.parse(sys.argv[1]).getroot()
    read_language(root)
    want = model_blocks(root)
    got, tnotes, trefs = tree_blocks(doc)
    faults = compare(want, got)
    bad += faults
    bad += check_notes(root, doc, want, got, tnotes, trefs)
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


if __name__ == "__main__":
    main()
