#!/usr/bin/python3
"""Machine checks of a tagged PDF/A-2u, PDF/UA-1 file, read through qpdf's
JSON (every object, streams decoded), with no PDF library.

usage: pdf_check.py FILE.pdf

Content (PDF/UA-1 7.1, ISO 32000-1 14.6, 14.8):
  - every text-showing operator (Tj TJ ' ") and every painting operator
    (paths, images, shadings) lies inside a marked-content sequence with an
    MCID or inside an /Artifact sequence; no MCID inside another or inside
    an artifact; BDC/EMC balanced, a sequence begun in a text object ends
    in it; every MCID once per page;
  - each MCID is claimed by the structure element the parent tree names
    for it, and that element lists it in /K; /StructParents on every page.
Structure:
  - standard roles only; headings H1..H6, the first H1, none skipped;
    L holds LI, LI holds Lbl/LBody, Table holds THead/TBody/TR, TR holds
    TH/TD with /Scope on TH; Figure has /Alt; Note has a unique /ID in the
    ID tree; each link annotation sits in a Link element (OBJR), has
    /StructParent, /Contents and the print flag.
Document:
  - /MarkInfo /Marked true, /Lang, /ViewerPreferences /DisplayDocTitle,
    /Tabs /S on pages, /StructTreeRoot;
  - PDF/A-2u: header %PDF-1.7, XMP metadata (uncompressed, parseable,
    pdfaid:part 2, conformance U or B, pdfuaid:part 1 with its extension
    schema) saying what the document information says (title, author,
    subject, creator, producer, dates); an sRGB output intent (GTS_PDFA1,
    N 3); /ID; no /Encrypt; fonts embedded with CIDToGIDMap; no text shows
    .notdef; every shown code has a ToUnicode value (level U); Identity
    CMaps; /W widths the font program's within one unit; no transparency
    group without a colour space, no transfer functions, halftones,
    PostScript, OPI, alternates or interpolation; no CMYK under the RGB
    intent; the binary comment after the header; an ICC profile of version
    2 or 4; the xpacket header without bytes/encoding; the implementation
    limits (integers, strings, names, objects, q nesting);
    no forbidden action, additional actions or JavaScript;
  - /MarkInfo /Suspects not true; in a Russian, Chinese or Arabic
    document, the masthead's lines in Latin words have /Lang en.
Prints each failure and exits 1 when any."""
import base64
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

STANDARD = set("""Document Part Art Sect Div BlockQuote Caption TOC TOCI Index
NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody
TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP
Figure Formula Form""".split())
PAINT = {"f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "Do", "sh", "BI"}
TEXT_SHOW = {"Tj", "TJ", "'", '"'}

failures = []


def fail(msg):
    if len(failures) < 40:
        print("FAILED:", msg)
    failures.append(msg)


def load(path):
    run = subprocess.run(["qpdf", "--json=2", "--json-stream-data=inline",
                          "--decode-level=generalized", path], capture_output=True)
    if run.returncode != 0:
        print("FAILED: qpdf cannot read %s: %s" % (path, run.stderr.decode()[:300]))
        sys.exit(1)
    out = run.stdout
    q = json.loads(out)["qpdf"][1]
    return q


class Doc:
    def __init__(self, path):
        self.raw = load(path)
        self.path = path

    def obj(self, ref):
        """The value (or stream dict) of a reference "N 0 R"; a direct value
        passes through."""
        if isinstance(ref, str) and re.fullmatch(r"\d+ \d+ R", ref):
            o = self.raw.get("obj:" + ref)
            if o is None:
                return None
            return o["stream"]["dict"] if "stream" in o else o["value"]
        return ref

    def data(self, ref):
        o = self.raw.get("obj:" + ref)
        if not o or "stream" not in o:
            return b""
        return base64.b64decode(o["stream"].get("data", ""))

    def trailer(self):
        return self.raw["trailer"]["value"]


def text(v):
    """A PDF string from qpdf's JSON ("u:..." text, "b:..." hex bytes)."""
    if not isinstance(v, str):
        return None
    if v.startswith("u:"):
        return v[2:]
    if v.startswith("b:"):
        b = bytes.fromhex(v[2:])
        if b[:2] == b"\xfe\xff":
            return b[2:].decode("utf-16-be", "replace")
        return b.decode("latin-1")
    return v


def pages(d):
    out = []

    def walk(ref):
        node = d.obj(ref)
        if node.get("/Type") == "/Pages":
            for k in node["/Kids"]:
                walk(k)
        else:
            out.append((ref, node))
    walk(d.obj(d.trailer()["/Root"])["/Pages"])
    return out


# ---- content streams -------------------------------------------------------

TOKEN = re.compile(rb"""
    (?P<ws>[\x00\t\n\x0c\r ]+|%[^\r\n]*)
  | (?P<str>\()
  | (?P<hex><[0-9A-Fa-f\s]*>)
  | (?P<dopen><<) | (?P<dclose>>>)
  | (?P<aopen>\[) | (?P<aclose>\])
  | (?P<name>/[^\x00\t\n\x0c\r ()<>\[\]{}/%]*)
  | (?P<num>[+-]?(?:\d+\.?\d*|\.\d+))
  | (?P<op>[^\x00\t\n\x0c\r ()<>\[\]{}/%]+)
""", re.X)


def lit_string(data, i):
    """The literal string starting after '(' at i; returns (bytes, end)."""
    depth, out = 1, bytearray()
    esc = {ord("n"): 10, ord("r"): 13, ord("t"): 9, ord("b"): 8, ord("f"): 12}
    while i < len(data):
        c = data[i]
        if c == 0x5C:  # backslash
            n = data[i + 1]
            if n in esc:
                out.append(esc[n]); i += 2
            elif 0x30 <= n <= 0x37:
                m = re.match(rb"[0-7]{1,3}", data[i + 1:i + 4])
                out.append(int(m.group(0), 8) & 0xFF); i += 1 + len(m.group(0))
            elif n in (0x0A, 0x0D):
                i += 2
            else:
                out.append(n); i += 2
            continue
        if c == 0x28:
            depth += 1
        elif c == 0x29:
            depth -= 1
            if depth == 0:
                return bytes(out), i + 1
        out.append(c)
        i += 1
    raise ValueError("unterminated string")


def operations(data):
    """(operator, operands) of a content stream; strings are bytes, dicts
    are Python dicts, arrays lists."""
    stack = [[]]
    i = 0
    while i < len(data):
        m = TOKEN.match(data, i)
        if not m:
            raise ValueError("cannot read content at byte %d" % i)
        kind = m.lastgroup
        i = m.end()
        if kind == "ws":
            continue
        if kind == "str":
            s, i = lit_string(data, i)
            stack[-1].append(s)
        elif kind == "hex":
            h = re.sub(rb"\s", b"", m.group(0)[1:-1])
            stack[-1].append(bytes.fromhex((h + b"0" * (len(h) % 2)).decode()))
        elif kind in ("dopen", "aopen"):
            stack.append([kind])
        elif kind == "aclose":
            items = stack.pop()[1:]
            stack[-1].append(items)
        elif kind == "dclose":
            items = stack.pop()[1:]
            stack[-1].append({items[k]: items[k + 1] for k in range(0, len(items) - 1, 2)})
        elif kind == "name":
            stack[-1].append(m.group(0).decode("latin-1"))
        elif kind == "num":
            stack[-1].append(float(m.group(0)))
        else:
            op = m.group(0).decode("latin-1")
            if op in ("true", "false", "null"):
                stack[-1].append(op)
                continue
            yield op, stack[-1]
            stack[-1] = []


widths_checked = set()


def font_maps(d, fontref):
    """For a Type0 font: (CID -> GID array or None for Identity, the set of
    codes its ToUnicode maps)."""
    f = d.obj(fontref)
    if "/DescendantFonts" not in f:
        return None, None     # a simple font: not folio's
    desc = d.obj(d.obj(f["/DescendantFonts"])[0])
    fd = d.obj(desc.get("/FontDescriptor"))
    if not fd or not any(k in fd for k in ("/FontFile", "/FontFile2", "/FontFile3")):
        fail("font %s is not embedded" % f.get("/BaseFont"))
    c2g = desc.get("/CIDToGIDMap")
    if desc.get("/Subtype") == "/CIDFontType2" and c2g is None:
        fail("font %s has no CIDToGIDMap" % f.get("/BaseFont"))
    # an Identity CMap is compatible with any CIDSystemInfo (PDF/UA-1 7.21.3.1)
    if f.get("/Encoding") not in ("/Identity-H", "/Identity-V") or \
            not isinstance(d.obj(desc.get("/CIDSystemInfo")), dict):
        fail("font %s: CMap %s, CIDSystemInfo %s" % (f.get("/BaseFont"), f.get("/Encoding"),
                                                    desc.get("/CIDSystemInfo")))
    gids = None
    if isinstance(c2g, str) and c2g.endswith(" R"):
        gids = d.data(c2g)
    if fd and "/FontFile2" in fd and fontref not in widths_checked:
        widths_checked.add(fontref)
        check_widths(f.get("/BaseFont"), desc, gids, d.data(fd["/FontFile2"]))
    mapped = {}   # code -> its text
    tu = f.get("/ToUnicode")

    def utf16(h):
        return bytes.fromhex(h).decode("utf-16-be", "replace")
    if tu:
        cmap = d.data(tu).decode("latin-1")
        for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
            for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                if int(dst, 16) not in (0, 0xFEFF, 0xFFFE):
                    mapped[int(src, 16)] = utf16(dst)
        for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
            for a, b, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>",
                                        block):
                for k, c in enumerate(range(int(a, 16), int(b, 16) + 1)):
                    mapped[c] = chr(ord(utf16(dst)[-1]) + k)
    return gids, mapped


def advances(ttf):
    """A TrueType program's advance widths by glyph, in 1/1000 em."""
    tables = {}
    for k in range(int.from_bytes(ttf[4:6], "big")):
        rec = ttf[12 + 16 * k: 28 + 16 * k]
        tables[rec[:4]] = (int.from_bytes(rec[8:12], "big"), int.from_bytes(rec[12:16], "big"))
    head, hhea, hmtx = tables[b"head"][0], tables[b"hhea"][0], tables[b"hmtx"][0]
    upem = int.from_bytes(ttf[head + 18: head + 20], "big")
    n = int.from_bytes(ttf[hhea + 34: hhea + 36], "big")
    adv = [int.from_bytes(ttf[hmtx + 4 * g: hmtx + 4 * g + 2], "big") * 1000 / upem
           for g in range(n)]
    return adv


def check_widths(name, desc, gids, ttf):
    """Every width of /W is the font program's, within one unit (PDF/UA-1
    7.21.5, PDF/A-2 6.2.11.5, as veraPDF measures it)."""
    try:
        adv = advances(ttf)
    except (KeyError, ValueError, ZeroDivisionError):
        fail("font %s: its program cannot be read" % name)
        return
    w = desc.get("/W", [])
    widths = {}
    k = 0
    while k + 1 < len(w):
        if isinstance(w[k + 1], list):
            for j, x in enumerate(w[k + 1]):
                widths[int(w[k]) + j] = x
            k += 2
        else:
            for c in range(int(w[k]), int(w[k + 1]) + 1):
                widths[c] = w[k + 2]
            k += 3
    for cid, x in widths.items():
        g = (gids[2 * cid] << 8 | gids[2 * cid + 1]) if gids is not None and 2 * cid + 1 < len(gids) \
            else cid
        want = adv[g] if g < len(adv) else adv[-1]
        if abs(float(x) - want) > 1:
            fail("font %s: CID %d is %s wide in /W, %.1f in the font" % (name, cid, x, want))
            return


def check_content(d, pnum, pref, page, tree_mcids, texts):
    """... and the text of each MCID into texts[(page ref, mcid)]."""
    res = d.obj(page.get("/Resources", {}))
    fonts = d.obj(res.get("/Font", {})) or {}
    maps = {}
    contents = page.get("/Contents")
    refs = contents if isinstance(contents, list) else [contents] if contents else []
    data = b"\n".join(d.data(r) for r in refs)
    stack = []          # ("mcid", n) / ("artifact",) / ("other",) per BMC/BDC
    in_text, text_depth = False, None
    seen = set()
    font = None
    q = 0
    for op, args in operations(data):
        if op == "q":
            q += 1
            if q == 29:
                fail("page %d: q nested deeper than 28 (PDF/A-2 6.1.13)" % pnum)
        elif op == "Q":
            q -= 1
        elif op in ("k", "K") or (op in ("cs", "CS") and args and args[0] == "/DeviceCMYK"):
            fail("page %d: CMYK colour under an RGB output intent (PDF/A-2 6.2.4.3)" % pnum)
        elif any(isinstance(a, bytes) and len(a) > 32767 for a in args):
            fail("page %d: a string longer than 32767 bytes (PDF/A-2 6.1.13)" % pnum)
        if op == "BT":
            in_text, text_depth = True, len(stack)
        elif op == "ET":
            if len(stack) != text_depth:
                fail("page %d: a marked-content sequence crosses a text object" % pnum)
            in_text = False
        elif op in ("BDC", "BMC"):
            tag = args[0]
            props = args[1] if op == "BDC" and len(args) > 1 else None
            if isinstance(props, str):
                props = d.obj(d.obj(res.get("/Properties", {})).get(props, {}))
            kinds = [k[0] for k in stack]
            if tag == "/Artifact":
                if "mcid" in kinds:
                    fail("page %d: an artifact inside tagged content" % pnum)
                stack.append(("artifact",))
            elif isinstance(props, dict) and "/MCID" in props:
                n = int(props["/MCID"])
                if "mcid" in kinds or "artifact" in kinds:
                    fail("page %d: MCID %d inside another sequence" % (pnum, n))
                if n in seen:
                    fail("page %d: MCID %d used twice" % (pnum, n))
                seen.add(n)
                stack.append(("mcid", n))
            else:
                stack.append(("other",))
        elif op == "EMC":
            if not stack:
                fail("page %d: EMC without BDC" % pnum)
            else:
                stack.pop()
        elif op == "Tf":
            font = args[0]
        elif op in TEXT_SHOW or op in PAINT:
            if not any(k[0] in ("mcid", "artifact") for k in stack):
                fail("page %d: %s outside marked content and artifacts" % (pnum, op))
            if op in TEXT_SHOW and font:
                if font not in maps:
                    maps[font] = font_maps(d, fonts[font])
                gids, mapped = maps[font]
                if mapped is None:
                    continue
                strings = [a for a in (args[-1] if op == "TJ" else args[-1:]) if isinstance(a, bytes)]
                for s in strings:
                    for k in range(0, len(s) - 1, 2):
                        code = s[k] << 8 | s[k + 1]
                        if gids is not None and (2 * code + 1 >= len(gids) or
                                                 (gids[2 * code] << 8 | gids[2 * code + 1]) == 0):
                            fail("page %d: code %04X shows .notdef" % (pnum, code))
                        if code not in mapped:
                            fail("page %d: code %04X has no Unicode value" % (pnum, code))
                        elif stack and stack[-1][0] == "mcid":
                            key = (pref, stack[-1][1])
                            texts[key] = texts.get(key, "") + mapped[code]
    if stack:
        fail("page %d: %d marked-content sequences left open" % (pnum, len(stack)))
    if seen != set(range(len(seen))):
        fail("page %d: MCIDs are not 0..%d" % (pnum, len(seen) - 1))
    if len(tree_mcids) != len(seen):
        fail("page %d: the parent tree names %d MCIDs, the page has %d"
             % (pnum, len(tree_mcids), len(seen)))


# ---- structure -------------------------------------------------------------

def regular(d, table, kids):
    """A table's rows have as many columns each, spans counted (PDF/UA-1
    7.5, as veraPDF checks it: a reader walks the cells by column)."""
    rows = []
    for k in kids(d.obj(table)):
        kd = d.obj(k) if isinstance(k, str) else {}
        if kd.get("/S") == "/TR":
            rows.append(kd)
        elif kd.get("/S") in ("/THead", "/TBody", "/TFoot"):
            rows += [d.obj(r) for r in kids(kd) if d.obj(r).get("/S") == "/TR"]
    widths, below = [], {}   # below: columns still taken by a row span
    for i, tr in enumerate(rows):
        w = below.pop(i, 0)
        for c in kids(tr):
            cd = d.obj(c) if isinstance(c, str) else {}
            if cd.get("/S") not in ("/TH", "/TD"):
                continue
            a = d.obj(cd.get("/A", {}))
            a = a if isinstance(a, dict) else {}
            cs, rs = int(a.get("/ColSpan", 1)), int(a.get("/RowSpan", 1))
            w += cs
            for j in range(i + 1, i + rs):
                below[j] = below.get(j, 0) + cs
        widths.append(w)
    if len(set(widths)) > 1:
        fail("a table's rows have %s columns: not regular" % sorted(set(widths)))


def check_structure(d, cat, page_list):
    root = d.obj(cat.get("/StructTreeRoot"))
    if not root:
        fail("no /StructTreeRoot")
        return {}
    if d.obj(cat.get("/MarkInfo", {})).get("/Marked") is not True:
        fail("/MarkInfo /Marked is not true")
    if d.obj(cat.get("/MarkInfo", {})).get("/Suspects") is True:
        fail("/MarkInfo /Suspects is true")
    if not text(cat.get("/Lang")):
        fail("the catalog has no /Lang")
    if d.obj(cat.get("/ViewerPreferences", {})).get("/DisplayDocTitle") is not True:
        fail("/ViewerPreferences /DisplayDocTitle is not true")
    if "/RoleMap" in root:
        fail("a role map: folio uses standard roles only")
    nums = d.obj(root["/ParentTree"]).get("/Nums", [])
    parent = {int(nums[k]): nums[k + 1] for k in range(0, len(nums), 2)}
    page_ref = {ref: i for i, (ref, _) in enumerate(page_list)}
    heads = []
    ids = {}
    claimed = {}   # (page ref, mcid) -> element ref
    objr = {}
    notes = []

    def kids(e):
        k = e.get("/K", [])
        return k if isinstance(k, list) else [k]

    def visit(ref, parent_role):
        e = d.obj(ref)
        role = e.get("/S", "")[1:]
        if role not in STANDARD:
            fail("role %s is not standard" % role)
        if re.fullmatch(r"H[1-6]", role):
            heads.append(int(role[1]))
        if role == "H":
            fail("an H element: folio numbers its headings")
        child_roles = []
        for k in kids(e):
            if isinstance(k, (int, float)):
                pg = e.get("/Pg")
                claimed[(pg, int(k))] = ref
            elif isinstance(k, str) and k.endswith(" R"):
                kd = d.obj(k)
                if kd.get("/Type") == "/OBJR":
                    objr[kd["/Obj"]] = ref
                elif kd.get("/Type") == "/MCR":
                    claimed[(kd["/Pg"], int(kd["/MCID"]))] = ref
                else:
                    if kd.get("/P") != ref:
                        fail("%s's child does not name it as /P" % role)
                    child_roles.append(kd.get("/S", "")[1:])
                    visit(k, role)
            elif isinstance(k, dict):
                if k.get("/Type") == "/OBJR":
                    objr[k["/Obj"]] = ref
                elif k.get("/Type") == "/MCR":
                    claimed[(k["/Pg"], int(k["/MCID"]))] = ref
        allowed = {"L": {"LI", "Caption"}, "LI": {"Lbl", "LBody"},
                   "Table": {"THead", "TBody", "TFoot", "TR", "Caption"},
                   "THead": {"TR"}, "TBody": {"TR"}, "TR": {"TH", "TD"},
                   "TOC": {"TOCI", "TOC", "Caption"}}
        if role in allowed and not set(child_roles) <= allowed[role]:
            fail("%s holds %s" % (role, sorted(set(child_roles) - allowed[role])))
        if role in ("LI", "TR", "L") and not child_roles:
            fail("an empty %s" % role)
        if role == "TH":
            a = d.obj(e.get("/A", {}))
            if not isinstance(a, dict) or "/Scope" not in a:
                fail("a TH without /Scope")
        if role == "Figure" and not text(e.get("/Alt")):
            fail("a Figure without /Alt")
        if role == "Note":
            i = text(e.get("/ID"))
            if not i:
                fail("a Note without /ID")
            elif i in ids:
                fail("Note ID %s twice" % i)
            ids[i] = ref
            notes.append(ref)
        if role in ("Lbl", "LBody") and parent_role != "LI" and parent_role != "Note":
            fail("%s under %s" % (role, parent_role))
        if role in ("TH", "TD") and parent_role != "TR":
            fail("%s under %s" % (role, parent_role))
        if role == "Table":
            regular(d, ref, kids)

    doc = root.get("/K")
    doc = doc[0] if isinstance(doc, list) else doc
    if d.obj(doc).get("/S") != "/Document":
        fail("the root element is not Document")
    visit(doc, "")
    if heads and heads[0] != 1:
        fail("the first heading is H%d" % heads[0])
    for a, b in zip(heads, heads[1:]):
        if b > a + 1:
            fail("H%d follows H%d: a level skipped" % (b, a))
            break
    # the ID tree names every note
    idtree = d.obj(root.get("/IDTree", {}))
    names = idtree.get("/Names", []) if isinstance(idtree, dict) else []
    named = {text(names[k]): names[k + 1] for k in range(0, len(names), 2)}
    for i, ref in ids.items():
        if named.get(i) != ref:
            fail("note %s is not in the ID tree" % i)
    # each page's MCIDs: the parent tree and the elements agree
    tree_mcids = {}
    for pref, page in page_list:
        sp = page.get("/StructParents")
        if sp is None:
            fail("page %d has no /StructParents" % (page_ref[pref] + 1))
            continue
        arr = d.obj(parent.get(int(sp), []))
        tree_mcids[pref] = arr
        for mcid, el in enumerate(arr):
            if claimed.get((pref, mcid)) != el:
                fail("page %d MCID %d: the parent tree and the structure disagree"
                     % (page_ref[pref] + 1, mcid))
                break
        if page.get("/Tabs") != "/S":
            fail("page %d has no /Tabs /S" % (page_ref[pref] + 1))
        for a in page.get("/Annots", []):
            ad = d.obj(a)
            if ad.get("/Subtype") != "/Link":
                continue
            if objr.get(a) is None or d.obj(objr[a]).get("/S") != "/Link":
                fail("page %d: a link annotation outside a Link element" % (page_ref[pref] + 1))
            spn = ad.get("/StructParent")
            if spn is None or parent.get(int(spn)) != objr.get(a):
                fail("page %d: a link annotation's /StructParent is wrong" % (page_ref[pref] + 1))
            if not text(ad.get("/Contents")):
                fail("page %d: a link annotation without /Contents" % (page_ref[pref] + 1))
            if not int(ad.get("/F", 0)) & 4 or int(ad.get("/F", 0)) & (1 | 2 | 32):
                fail("page %d: a link annotation not printable" % (page_ref[pref] + 1))
    return tree_mcids


def check_masthead_lang(d, cat, texts):
    """In a document in a language not written in Latin letters (Russian,
    Chinese, Arabic), the masthead's lines in Latin words (its English
    right-hand block) say their language: /Lang en on them or above
    (PDF/UA-1 7.2). Symbols and numbers are no words."""
    lang = text(cat.get("/Lang")) or ""
    if lang[:2] not in ("ru", "zh", "ar"):
        return
    root = d.obj(cat["/StructTreeRoot"])
    doc = root["/K"][0] if isinstance(root["/K"], list) else root["/K"]

    def kids(e):
        k = d.obj(e).get("/K", [])
        return k if isinstance(k, list) else [k]
    div = next((k for k in kids(doc) if isinstance(k, str) and d.obj(k).get("/S") == "/Div"), None)
    if div is None:
        fail("no masthead Div")
        return

    def visit(ref, inherited):
        e = d.obj(ref)
        own = text(e.get("/Lang")) or inherited
        mine = "".join(texts.get((e.get("/Pg"), int(k)), "") for k in kids(ref)
                       if isinstance(k, (int, float)))
        if re.search(r"[a-z]{2}", mine) and not re.search(r"[^\x00-\u024f]", mine) and \
           not own.startswith("en"):
            fail("masthead line %r has no /Lang en (the document is %s)" % (mine, lang))
        for k in kids(ref):
            if isinstance(k, str) and k.endswith(" R") and "/S" in d.obj(k):
                visit(k, own)
    visit(div, "")


# ---- PDF/A -----------------------------------------------------------------

NS = {"x": "adobe:ns:meta/", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
      "dc": "http://purl.org/dc/elements/1.1/", "xmp": "http://ns.adobe.com/xap/1.0/",
      "pdf": "http://ns.adobe.com/pdf/1.3/", "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
      "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
      "pdfaSchema": "http://www.aiim.org/pdfa/ns/schema#"}


def pdf_date(v):
    """D:YYYYMMDDHHmmSS[Z|+-HH'mm'] as (Y, M, D, h, m, s) in UTC."""
    m = re.match(r"D:(\d{4})(\d\d)?(\d\d)?(\d\d)?(\d\d)?(\d\d)?(Z|[+-]\d\d'\d\d'?)?", v or "")
    if not m:
        return None
    f = [int(g) if g else (1 if i in (1, 2) else 0) for i, g in enumerate(m.groups()[:6])]
    if m.group(7) and m.group(7) != "Z" and m.group(7)[1:3] + m.group(7)[4:6] != "0000":
        return None  # folio writes UTC only
    return tuple(f)


def xmp_date(v):
    m = re.match(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.\d+)?(Z|[+-]00:00)$", v or "")
    return tuple(int(g) for g in m.groups()[:6]) if m else None


def check_pdfa(d, cat, head):
    if not head.startswith(b"%PDF-1.7"):
        fail("the header is %r, not %%PDF-1.7" % head[:8])
    second = head.split(b"\n")[1] if head.count(b"\n") > 1 else b""
    if not (second[:1] == b"%" and len(second) >= 5 and all(c >= 128 for c in second[1:5])):
        fail("no comment of four bytes above 127 after the header (PDF/A-2 6.1.2)")
    tr = d.trailer()
    if "/Encrypt" in tr:
        fail("the file is encrypted")
    ident = tr.get("/ID")
    if not isinstance(ident, list) or len(ident) != 2:
        fail("no /ID in the trailer")
    info = d.obj(tr.get("/Info", {})) or {}
    mref = cat.get("/Metadata")
    if not mref:
        fail("no XMP metadata")
        return
    mdict = d.obj(mref)
    if mdict.get("/Type") != "/Metadata" or mdict.get("/Subtype") != "/XML":
        fail("the metadata stream is not /Type /Metadata /Subtype /XML")
    if "/Filter" in d.raw["obj:" + mref]["stream"]["dict"]:
        fail("the metadata stream is compressed")
    try:
        root = ET.fromstring(d.data(mref).decode("utf-8"))
    except (ET.ParseError, UnicodeDecodeError) as e:
        fail("the XMP does not parse: %s" % e)
        return
    desc = root.find(".//rdf:Description", NS)
    packet = re.match(rb"<\?xpacket ([^?]*)\?>", d.data(mref))
    if not packet or re.search(rb"\b(bytes|encoding)=", packet.group(1)):
        fail("XMP: the xpacket header is missing or has bytes/encoding (PDF/A-2 6.6.2.1)")

    def one(path):
        el = desc.find(path, NS) if desc is not None else None
        return el.text if el is not None else None
    if one("pdfaid:part") != "2" or one("pdfaid:conformance") not in ("B", "U", "A"):
        fail("XMP: pdfaid part %s conformance %s" % (one("pdfaid:part"), one("pdfaid:conformance")))
    if one("pdfuaid:part") != "1":
        fail("XMP: no pdfuaid:part 1")
    prefixes = [e.text for e in root.iter("{%s}prefix" % NS["pdfaSchema"])]
    if "pdfuaid" not in prefixes:
        fail("XMP: the pdfuaid schema is not described (PDF/A extension schema)")
    pairs = [("/Title", "dc:title/rdf:Alt/rdf:li"), ("/Author", "dc:creator/rdf:Seq/rdf:li"),
             ("/Subject", "dc:description/rdf:Alt/rdf:li"), ("/Creator", "xmp:CreatorTool"),
             ("/Producer", "pdf:Producer"), ("/Keywords", "pdf:Keywords")]
    for key, path in pairs:
        a, b = text(info.get(key)), one(path)
        if a != b:
            fail("XMP %s %r, document information %s %r" % (path, b, key, a))
    if not one("dc:title/rdf:Alt/rdf:li"):
        fail("XMP: no dc:title")
    for key, path in (("/CreationDate", "xmp:CreateDate"), ("/ModDate", "xmp:ModifyDate")):
        a, b = text(info.get(key)), one(path)
        if (a is None) != (b is None) or (a and pdf_date(a) != xmp_date(b)):
            fail("XMP %s %r, document information %s %r" % (path, b, key, a))
    lang = one("dc:language/rdf:Bag/rdf:li")
    if lang != text(cat.get("/Lang")):
        fail("XMP dc:language %r, catalog /Lang %r" % (lang, text(cat.get("/Lang"))))
    ois = d.obj(cat.get("/OutputIntents", []))
    ok = False
    for oi in ois or []:
        oi = d.obj(oi)
        prof = oi.get("/DestOutputProfile")
        if oi.get("/S") == "/GTS_PDFA1" and prof and d.obj(prof).get("/N") == 3 and \
           d.data(prof)[36:40] == b"acsp":
            ok = True
            if d.data(prof)[8] not in (2, 4):   # ICC.1:2004-10 at most
                fail("the output intent's ICC profile is version %d" % d.data(prof)[8])
    if not ok:
        fail("no GTS_PDFA1 output intent with an RGB ICC profile")
    for ref, o in d.raw.items():
        v = o.get("value") if isinstance(o, dict) else None
        if isinstance(v, dict) and v.get("/Type") == "/Page":
            g = d.obj(v.get("/Group", {}))
            if g and "/CS" not in g:
                fail("a page transparency group without a colour space")
        if isinstance(v, dict) and v.get("/Type") == "/ExtGState":
            if v.get("/SMask", "/None") != "/None" or float(v.get("/CA", 1)) < 1 or \
               float(v.get("/ca", 1)) < 1:
                fail("transparency in a graphics state")
            if "/TR" in v or v.get("/TR2", "/Default") != "/Default" or "/HTP" in v or \
               "/HTO" in v:
                fail("a graphics state with a transfer function or halftone (PDF/A-2 6.2.5)")
        sd = o.get("stream", {}).get("dict") if isinstance(o, dict) else None
        if isinstance(sd, dict) and sd.get("/Subtype") in ("/Image", "/Form", "/PS"):
            if sd.get("/Subtype") == "/PS" or sd.get("/Subtype2") == "/PS" or "/OPI" in sd or \
               "/Alternates" in sd or sd.get("/Interpolate") is True:
                fail("an XObject with PostScript, OPI, alternates or interpolation "
                     "(PDF/A-2 6.2.8, 6.2.9)")
            if sd.get("/ColorSpace") == "/DeviceCMYK":
                fail("a CMYK image under an RGB output intent (PDF/A-2 6.2.4.3)")
    limits(d)


FORBIDDEN_ACTIONS = {"/Launch", "/Sound", "/Movie", "/ResetForm", "/ImportData", "/JavaScript",
                     "/Hide", "/SetOCGState", "/Rendition", "/Trans", "/GoTo3DView"}


def limits(d):
    """PDF/A-2 6.1.13: integers within 32 bits, strings of at most 32767
    bytes, names of at most 127, at most 8,388,607 objects; and 6.5: no
    forbidden action, no additional actions, no JavaScript."""
    objs = [o for k, o in d.raw.items() if k.startswith("obj:")]
    if len(objs) > 8388607:
        fail("%d objects" % len(objs))

    def walk(v):
        if isinstance(v, dict):
            if v.get("/S") in FORBIDDEN_ACTIONS and ("/Type" not in v or v["/Type"] == "/Action"):
                fail("a %s action (PDF/A-2 6.5.1)" % v["/S"])
            if "/AA" in v or "/JS" in v:
                fail("additional actions or JavaScript (PDF/A-2 6.5.2)")
            for k, x in v.items():
                if k.startswith("/") and len(k) - 1 > 127:
                    fail("a name of %d bytes" % (len(k) - 1))
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)
        elif isinstance(v, int) and not -2 ** 31 <= v < 2 ** 31:
            fail("the integer %d" % v)
        elif isinstance(v, str) and v[:2] == "u:" and len(v[2:].encode("utf-16-be")) + 2 > 32767:
            fail("a string of more than 32767 bytes")
        elif isinstance(v, str) and v[:2] == "b:" and len(v) // 2 - 1 > 32767:
            fail("a string of more than 32767 bytes")
        elif isinstance(v, str) and v.startswith("/") and len(v) - 1 > 127:
            fail("a name of %d bytes" % (len(v) - 1))
    for o in objs:
        walk(o.get("value") if "value" in o else o.get("stream", {}).get("dict"))


def main():
    path = sys.argv[1]
    d = Doc(path)
    with open(path, "rb") as f:
        head = f.read(32)
    cat = d.obj(d.trailer()["/Root"])
    plist = pages(d)
    tree = check_structure(d, cat, plist)
    texts = {}
    for i, (ref, page) in enumerate(plist):
        check_content(d, i + 1, ref, page, tree.get(ref, []), texts)
    check_masthead_lang(d, cat, texts)
    check_pdfa(d, cat, head)
    if failures:
        print("%s: %d failures" % (path, len(failures)))
        sys.exit(1)


main()
