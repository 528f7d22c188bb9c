#!/usr/bin/python3
"""Paragraph numbers stand on the side the language reads from: measured
in the PDF with PyMuPDF (folio's PDF, or LibreOffice's of the DOCX).

usage: paraside.py REPORT.md FILE.pdf ltr|rtl

The report's numbered paragraphs ("12.", "12-", "١٢ -" at a line's start)
are counted; the PDF must show as many paragraph numbers at the start of
a line: for rtl, Arabic-Indic numbers followed by " -" whose right edge
is in the right fifth of the page (the text column's right margin); for
ltr, "12." whose left edge is in the left third. Exits 1 otherwise."""
import re
import sys

import fitz


def expected(md):
    n = 0
    for line in open(md, encoding="utf-8"):
        if re.match(r"^[0-9\u0660-\u0669]{1,6}\s?[.-]\s", line):
            n += 1
    return n


def numbers(pdf, rtl):
    found = []
    doc = fitz.open(pdf)
    for page in doc:
        width = page.rect.width
        # the characters of each line with their places (MuPDF runs a
        # right-to-left line's glyphs together in visual order)
        lines = {}
        for block in page.get_text("rawdict")["blocks"]:
            for n, line in enumerate(block.get("lines", [])):
                chars = [(c["bbox"][0], c["bbox"][2], c["c"]) for span in line["spans"]
                         for c in span["chars"] if not c["c"].isspace()]
                key = (round(line["bbox"][3]), block["number"], n)
                lines.setdefault(key, []).extend(chars)
        for chars in lines.values():
            if rtl:
                # the line's start is its right end: the number's digits,
                # then "-" (the house form "١٢ -")
                chars.sort(key=lambda c: -c[1])
                k = 0
                while k < len(chars) and "\u0660" <= chars[k][2] <= "\u0669":
                    k += 1
                if k and k < len(chars) and chars[k][2] == "-" and chars[0][1] > width * 0.8:
                    found.append("".join(c[2] for c in reversed(chars[:k])))
            else:
                chars.sort(key=lambda c: c[0])
                text = "".join(c[2] for c in chars[:8])
                m = re.match(r"\d+\.", text)
                if m and chars[0][0] < width / 3 and (len(chars) == len(m.group(0)) or
                                                      chars[len(m.group(0))][0] - chars[len(m.group(0)) - 1][1] > 5):
                    found.append(m.group(0))
    return found


def main():
    md, pdf, side = sys.argv[1], sys.argv[2], sys.argv[3]
    want = expected(md)
    got = numbers(pdf, side == "rtl")
    if want == 0 or len(got) < want:
        print("%s: %d paragraph numbers on the %s side, the report numbers %d" %
              (pdf, len(got), "right" if side == "rtl" else "left", want))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
