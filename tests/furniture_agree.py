#!/usr/bin/python3
"""Do the PDF and the DOCX of one document carry the same page furniture?

Reads both output files, independently of each other and of folio:
  PDF (PyMuPDF): page 1's texts above the thick rule (wordmark, symbol,
    organ, the distribution block) and under it (body, session, venue,
    agenda lines), the two rules' weights, the emblem drawn between them,
    the first-page footer (its texts, the bars, the recycling mark, the
    QR code, as drawn), and page 2's running head, page number and job
    number;
  DOCX (zip + XML): the same from header1.xml, document.xml (the UNMast*
    lines), footer1.xml, header3.xml and footer3.xml, with the sizes of
    their styles (styles.xml) and the images' extents (wp:extent) times
    the inked part of each PNG.
Every element must be present in both or in neither, with the same text,
size and weight, and artwork of the same drawn size.

usage: furniture_agree.py DOC.pdf DOC.docx   (exit 1 and a list when they
disagree)"""
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

import fitz

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
EXACT_TOL = 0.05     # points, codes (whole pixels a module in the DOCX)
CURVE_TOL = 0.6      # points, curved artwork (antialiased pixels in the
                     # DOCX; the PDF's box of a curve holds its controls)
RULE_TOL = 0.06      # points, rule weights

problems = []


def say(what):
    problems.append(what)


def words(items):
    """(text, size, bold) items -> sorted list of (word, size, bold), sizes
    to a tenth of a point."""
    out = []
    for text, size, bold in items:
        for w in text.split():
            out.append((w, round(size, 1), bool(bold)))
    return sorted(out)


# ---- PDF ------------------------------------------------------------------

def spans(page):
    out = []
    for b in page.get_text("dict")["blocks"]:
        for l in b.get("lines", []):
            for s in l["spans"]:
                if s["text"].strip():
                    bold = "Bold" in s["font"] or s["flags"] & 16
                    out.append({"text": s["text"], "size": s["size"], "bold": bold,
                                "x": s["origin"][0], "y": s["origin"][1],
                                "top": s["bbox"][1]})
    return out


def clusters(rects, tol=4.0):
    """Group rectangles that touch or nearly touch (tol points)."""
    groups = []
    for r in rects:
        r = fitz.Rect(r)
        merged = [g for g in groups if
                  r.x0 <= g.x1 + tol and g.x0 <= r.x1 + tol and
                  r.y0 <= g.y1 + tol and g.y0 <= r.y1 + tol]
        for g in merged:
            groups.remove(g)
            r |= g
        groups.append(r)
    # merging may join groups that now overlap others
    changed = True
    while changed:
        changed = False
        for i in range(len(groups)):
            for j in range(i + 1, len(groups)):
                a, b = groups[i], groups[j]
                if a.x0 <= b.x1 + tol and b.x0 <= a.x1 + tol and \
                   a.y0 <= b.y1 + tol and b.y0 <= a.y1 + tol:
                    groups[i] = a | b
                    del groups[j]
                    changed = True
                    break
            if changed:
                break
    return groups


def pdf_side(path):
    doc = fitz.open(path)
    p = doc[0]
    width = p.rect.width
    out = {}
    draws = p.get_drawings()
    # Rules across the frame: the thin one, then the thick one.
    rules = sorted((d for d in draws if d["rect"].height < 3 and d["rect"].width > width * 0.6),
                   key=lambda d: d["rect"].y0)
    thin = rules[0] if rules else None
    thick = rules[1] if len(rules) > 1 else None
    out["thin-rule"] = round(thin["width"], 2) if thin else None
    out["thick-rule"] = round(thick["width"], 2) if thick else None
    y_thin = thin["rect"].y0 if thin else 0
    y_thick = thick["rect"].y0 if thick else y_thin
    ss = spans(p)
    # Above the thick rule: every text with its size and weight; the symbol
    # is the texts that end at the right edge of the rules.
    head = [s for s in ss if s["y"] < y_thick]
    out["masthead"] = words((s["text"], s["size"], s["bold"]) for s in head)
    # The organ's lines: the bold texts of 12 pt or more beside the emblem.
    organ = {}
    for s in sorted(head, key=lambda s: s["x"]):
        if s["bold"] and s["size"] >= 12 and s["y"] > y_thin:
            organ.setdefault(round(s["y"], 1), []).append(s["text"].strip())
    out["organ"] = [" ".join(organ[y]) for y in sorted(organ)]
    # The emblem: what is drawn between the rules, but not text.
    art = [d["rect"] for d in draws if d["rect"].y0 > y_thin + 1 and d["rect"].y1 < y_thick - 1
           and not (d["rect"].height < 3 and d["rect"].width > 100)]
    imgs = [fitz.Rect(i["bbox"]) for i in p.get_image_info() if i["bbox"][3] < y_thick]
    boxes = clusters(art) + imgs
    out["emblem"] = max(boxes, key=lambda r: r.width * r.height) if boxes else None
    # Under the thick rule: lines one leading (12 pt) apart, from the first
    # one (under 20 pt below the rule) up to the gap before the title or
    # the body.
    # The lines start at the frame's left edge: a title set right under
    # the rule (a letter's, a circular's: no lines) starts at the column.
    x_frame = thick["rect"].x0 if thick else 0
    under, last = [], None
    for s in sorted((s for s in ss if s["y"] > y_thick and s["y"] < y_thick + 300),
                    key=lambda s: (s["y"], s["x"])):
        if (last is None and s["y"] - y_thick > 20) or (last is not None and s["y"] - last > 13):
            break
        # (a note's raised mark sorts before its line: not a line's start)
        if (last is None or s["y"] - last > 3) and s["size"] < 8:
            continue
        if (last is None or s["y"] - last > 3) and s["x"] > x_frame + 3:
            break
        last = s["y"]
        under.append(s)
    big = max((s["size"] for s in under), default=0)
    # note marks (superscripts) are Word footnote references in the DOCX
    out["lines"] = words((s["text"], s["size"], s["bold"]) for s in under
                         if not (s["size"] < 0.75 * big and re.fullmatch(r"[*\d]+", s["text"].strip())))
    # The first-page footer: artwork in the page's bottom band.
    bottom = p.rect.height - 130
    # Bars and QR modules are rectangles; the recycling mark is curves.
    fills = [d for d in draws if d["rect"].y0 > bottom and d.get("fill") is not None
             and d["rect"].height > 1.5]
    curved = clusters([d["rect"] for d in fills if any(i[0] == "c" for i in d["items"])])
    footer_art = clusters([d["rect"] for d in fills if all(i[0] == "re" for i in d["items"])])
    bars = [r for r in footer_art if r.width > 3 * r.height]
    squares = [r for r in footer_art if r not in bars]
    out["barcode"] = bars[0] if bars else None
    out["qr"] = max(squares, key=lambda r: r.width) if squares else None
    out["recycle-mark"] = max(curved, key=lambda r: r.x0) if curved else None
    qr = out["qr"]
    tops = [r.y0 for r in footer_art + curved]
    if qr:
        ftop = qr.y0
    elif tops:
        ftop = min(tops) - 20
    else:
        ftop = p.rect.height  # no footer artwork: compare no footer texts
    foot = [s for s in ss if s["y"] > ftop]
    # the bars' line is one character a span: joined, as the DOCX has it
    out["footer"] = sorted((re.sub(r"\s+", "", s["text"]) if re.fullmatch(r"[\s*\dA-Z]+", s["text"])
                            else s["text"].strip(), round(s["size"], 1), bool(s["bold"]))
                           for s in foot)
    out["footer"] = merge_bar_text(out["footer"], foot)
    # Page 2: running head, page number, job number.
    out["head"] = out["folio"] = out["later-job"] = None
    if len(doc) > 1:
        p2 = doc[1]
        s2 = spans(p2)
        top = [s for s in s2 if s["y"] < 75]
        low = [s for s in s2 if s["y"] > p2.rect.height - 60]
        if top:
            s = min(top, key=lambda s: s["y"])
            out["head"] = (s["text"].strip(), round(s["size"], 1), bool(s["bold"]))
        num = [s for s in low if re.fullmatch(r"2(/\d+)?", s["text"].strip())]
        if num:
            out["folio"] = ("n/N" if "/" in num[0]["text"] else "n", round(num[0]["size"], 1),
                            bool(num[0]["bold"]))
        job = [s for s in low if s not in num]
        if job:
            s = job[0]
            out["later-job"] = (s["text"].strip(), round(s["size"], 1), bool(s["bold"]))
    return out


def merge_bar_text(items, foot):
    """The bars' line "*1913879*" is set a character at a time: join the
    single characters that share a baseline and size."""
    singles = {}
    for s in foot:
        t = s["text"].strip()
        if len(t) == 1 and re.fullmatch(r"[*\dA-Z\-.]", t):
            singles.setdefault((round(s["y"], 1), round(s["size"], 1)), []).append(s)
    if not singles:
        return items
    rest = [i for i in items if not (len(i[0]) == 1 and re.fullmatch(r"[*\dA-Z\-.]", i[0]))]
    for (y, size), group in singles.items():
        text = "".join(s["text"].strip() for s in sorted(group, key=lambda s: s["x"]))
        rest.append((re.sub(r"\s+", "", text), size, bool(group[0]["bold"])))
    return sorted(rest)


# ---- DOCX -----------------------------------------------------------------

class Docx:
    def __init__(self, path):
        self.z = zipfile.ZipFile(path)
        self.styles = {}
        st = ET.fromstring(self.z.read("word/styles.xml"))
        defaults = st.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}sz")
        self.default_size = int(defaults.get(f"{W}val")) / 2 if defaults is not None else 10
        for s in st.findall(f"{W}style"):
            sid = s.get(f"{W}styleId")
            rpr = s.find(f"{W}rPr")
            based = s.find(f"{W}basedOn")
            size = bold = None
            if rpr is not None:
                sz = rpr.find(f"{W}sz")
                size = int(sz.get(f"{W}val")) / 2 if sz is not None else None
                b = rpr.find(f"{W}b")
                if b is not None:
                    bold = b.get(f"{W}val", "1") not in ("0", "false")
            self.styles[sid] = (size, bold, based.get(f"{W}val") if based is not None else None)

    def font(self, sid, rsid=None):
        """Size and weight of a run in paragraph style sid, char style rsid."""
        size = bold = None
        for s in (rsid, sid):
            while s and s in self.styles:
                sz, b, based = self.styles[s]
                size = sz if size is None else size
                bold = b if bold is None else bold
                s = based
        return (size if size is not None else self.default_size, bool(bold))

    def part(self, name):
        try:
            return ET.fromstring(self.z.read(name))
        except KeyError:
            return None

    def rels(self, name):
        base = name.rsplit("/", 1)
        try:
            root = ET.fromstring(self.z.read(f"{base[0]}/_rels/{base[1]}.rels"))
        except KeyError:
            return {}
        return {r.get("Id"): "word/" + r.get("Target") for r in root}

    def runs(self, p):
        """(text, size, bold) of each run of paragraph p."""
        ppr = p.find(f"{W}pPr/{W}pStyle")
        sid = ppr.get(f"{W}val") if ppr is not None else None
        out = []
        for r in p.iter(f"{W}r"):
            rs = r.find(f"{W}rPr/{W}rStyle")
            if rs is not None and rs.get(f"{W}val") in ("FootnoteReference", "EndnoteReference"):
                continue  # a note's mark: a superscript, not furniture
            text = "".join(t.text or "" for t in r.iter(f"{W}t"))
            if text.strip():
                out.append((text, *self.font(sid, rs.get(f"{W}val") if rs is not None else None)))
        return sid, out

    def image(self, part, drawing):
        """The inked part of an inline image, in points: its extent times
        the share of the PNG's pixels that carry ink."""
        ext = drawing.find(f".//{WP}extent")
        w, h = int(ext.get("cx")) / 12700, int(ext.get("cy")) / 12700
        blip = drawing.find(f".//{A}blip")
        target = self.rels(part).get(blip.get(f"{R}embed"))
        pix = fitz.Pixmap(self.z.read(target))
        n, alpha = pix.n, pix.alpha
        xs, ys = [], []
        samples = pix.samples
        for y in range(pix.height):
            row = samples[y * pix.stride:(y + 1) * pix.stride]
            for x in range(pix.width):
                px = row[x * n:(x + 1) * n]
                ink = (px[-1] > 127) if alpha else True
                ink = ink and min(px[:n - 1] if alpha else px) < 128
                if ink:
                    xs.append(x)
                    ys.append(y)
        if not xs:
            return (0, 0)
        return ((max(xs) + 1 - min(xs)) * w / pix.width, (max(ys) + 1 - min(ys)) * h / pix.height)


def docx_side(path):
    d = Docx(path)
    out = {}
    hdr = d.part("word/header1.xml")
    texts, rules = [], []
    emblem = None
    if hdr is not None:
        for tc in hdr.iter(f"{W}tc"):
            b = tc.find(f"{W}tcPr/{W}tcBorders/{W}bottom")
            if b is not None and b.get(f"{W}val") == "single":
                rules.append(int(b.get(f"{W}sz")) / 8)
        for p in hdr.iter(f"{W}p"):
            texts += d.runs(p)[1]
        for dr in hdr.iter(f"{W}drawing"):
            emblem = d.image("word/header1.xml", dr)
    # The organ's lines: its paragraph, split at its line breaks.
    organ = []
    for p in (hdr.iter(f"{W}p") if hdr is not None else []):
        st = p.find(f"{W}pPr/{W}pStyle")
        if st is None or st.get(f"{W}val") != "UNMastOrgan":
            continue
        line = ""
        for el in p.iter():
            if el.tag == f"{W}br":
                organ.append(line.strip())
                line = ""
            elif el.tag == f"{W}t":
                line += el.text or ""
        if line.strip():
            organ.append(line.strip())
    out["organ"] = organ
    # one border a cell: the thin rule under row 1, the thick under row 2
    uniq = []
    for r in rules:
        if not uniq or uniq[-1] != r:
            uniq.append(r)
    out["thin-rule"] = uniq[0] if uniq else None
    out["thick-rule"] = uniq[1] if len(uniq) > 1 else None
    out["masthead"] = words(texts)
    out["emblem"] = emblem
    body = d.part("word/document.xml")
    lines = []
    for p in body.iter(f"{W}p"):
        sid, runs = d.runs(p)
        if sid and sid.startswith("UNMast") and sid not in ("UNMastTitle", "UNMastSubtitle"):
            lines += runs
    out["lines"] = words(lines)
    ftr = d.part("word/footer1.xml")
    foot, images = [], {}
    if ftr is not None:
        for p in ftr.iter(f"{W}p"):
            sid, runs = d.runs(p)
            if sid == "UNBarcodeText":  # a character a run
                text = "".join(r[0] for r in runs)
                if text:
                    foot.append((text, round(runs[0][1], 1), runs[0][2]))
            else:
                foot += [(t.strip(), round(s, 1), b) for t, s, b in runs]
        for dr in ftr.iter(f"{W}drawing"):
            descr = dr.find(f".//{WP}docPr").get("descr")
            # "Bar code of the job number 2107524", "QR code of https://..."
            kind = ("bar code" if descr.startswith("Bar code") else
                    "QR code" if descr.startswith("QR code") else descr)
            images[kind] = d.image("word/footer1.xml", dr)
    out["footer"] = sorted(foot)
    out["barcode"] = images.get("bar code")
    out["qr"] = images.get("QR code")
    out["recycle-mark"] = images.get("Please recycle")
    # Later pages: the even ones (page 2).
    out["head"] = out["folio"] = out["later-job"] = None
    h3 = d.part("word/header3.xml")
    if h3 is not None:
        for p in h3.iter(f"{W}p"):
            sid, runs = d.runs(p)
            if runs:
                out["head"] = ("".join(r[0] for r in runs).strip(), round(runs[0][1], 1), runs[0][2])
    f3 = d.part("word/footer3.xml")
    if f3 is not None:
        instr = " ".join(t.text or "" for t in f3.iter(f"{W}instrText"))
        for p in f3.iter(f"{W}p"):
            sid = p.find(f"{W}pPr/{W}pStyle")
            sid = sid.get(f"{W}val") if sid is not None else None
            if "PAGE" in instr:
                size, bold = d.font(sid)
                out["folio"] = ("n/N" if "NUMPAGES" in instr else "n", round(size, 1), bold)
            for r in p.iter(f"{W}r"):
                rs = r.find(f"{W}rPr/{W}rStyle")
                if rs is not None and rs.get(f"{W}val") == "UNLaterJob":
                    text = "".join(t.text or "" for t in r.iter(f"{W}t"))
                    size, bold = d.font(sid, "UNLaterJob")
                    out["later-job"] = (text.strip(), round(size, 1), bold)
    return out


# ---- Comparison -----------------------------------------------------------

def same_words(name, a, b):
    if a == b:
        return
    only_pdf = sorted(set(a) - set(b))
    only_docx = sorted(set(b) - set(a))
    say(f"{name}: PDF only {only_pdf[:6]}, DOCX only {only_docx[:6]}")


def same_box(name, pdf, docx, tol):
    if pdf is None and docx is None:
        return
    if pdf is None or docx is None:
        say(f"{name}: {'PDF' if pdf is not None else 'DOCX'} only")
        return
    pw, ph = pdf.width, pdf.height
    dw, dh = docx
    if abs(pw - dw) > tol or abs(ph - dh) > tol:
        say(f"{name}: PDF {pw:.2f} x {ph:.2f} pt, DOCX {dw:.2f} x {dh:.2f} pt")


def main():
    pdf, docx = pdf_side(sys.argv[1]), docx_side(sys.argv[2])
    for k in ("thin-rule", "thick-rule"):
        a, b = pdf[k], docx[k]
        if (a is None) != (b is None) or (a is not None and abs(a - b) > RULE_TOL):
            say(f"{k}: PDF {a}, DOCX {b}")
    same_words("masthead texts (word, size, bold)", pdf["masthead"], docx["masthead"])
    if pdf["organ"] != docx["organ"]:
        say(f"organ's lines: PDF {pdf['organ']}, DOCX {docx['organ']}")
    same_words("lines under the thick rule", pdf["lines"], docx["lines"])
    same_words("first-page footer texts", pdf["footer"], docx["footer"])
    for k, tol in (("emblem", CURVE_TOL), ("barcode", EXACT_TOL), ("qr", EXACT_TOL),
                   ("recycle-mark", CURVE_TOL)):
        same_box(k, pdf[k], docx[k], tol)
    for k in ("head", "folio", "later-job"):
        a, b = pdf[k], docx[k]
        if len(fitz.open(sys.argv[1])) < 2:
            continue  # a one-page PDF shows no later page
        if a != b:
            say(f"{k} (page 2): PDF {a}, DOCX {b}")
    if problems:
        for p in problems:
            print(f"{sys.argv[1]}: {p}")
        sys.exit(1)


if __name__ == "__main__":
    main()
