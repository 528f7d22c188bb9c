#!/usr/bin/python3
"""Every word of an Akoma Ntoso document's text is in a rendering of it.

usage: akn_words.py DOC.akn.xml RENDERING...

The words are those of the document's text nodes outside <meta> (and
those of the notes of <meta><notes> the text refers to; a note nothing
refers to is not printed, as in Markdown), as
`xmllint --xpath` lists them (libxml2's parse, one node a line). A
RENDERING is a PDF's `pdftotext` output (.txt) or a DOCX (its text from
the document, footnotes, endnotes, headers and footers). Prints, per
rendering, how many of the words it holds ("words: 812/812 pdf") and the
missing ones; exits 1 when a word is missing. A DOCX, which neither
hyphenates nor lays out, must moreover hold each word at least as many
times as the input does ("times: 2944/2944 docx"): a paragraph dropped
whose words all occur elsewhere is found there.

Left out: the text of fields folio prints in the house's words, not the
input's: <docDate> (the date attribute, in the document's language),
<inline name="distribution"> and <inline name="languageOfExpression">
(the house's "Distr.: General"; the language of the version is not
printed); and a contents entry's typed page, <inline name="tocPage">
(the contents print the pages of this layout). tests/run_akn.sh checks
their values in the model."""
import collections
import html
import re
import subprocess
import sys
import unicodedata
import zipfile

# the text outside <meta>, and that of the notes of <meta><notes> the text
# refers to (NOTES: their eIds, as an XPath test)
XPATH = ('//text()[(not(ancestor::*[local-name()="meta"])'
         ' or ancestor::*[local-name()="note" and (NOTES)'
         ' and parent::*[local-name()="notes" and parent::*[local-name()="meta"]]])'
         ' and not(ancestor::*[local-name()="docDate"])'
         ' and not(ancestor::*[local-name()="inline" and'
         ' (@name="distribution" or @name="languageOfExpression" or @name="tocPage")])]')


# Arabic prints its labels in Arabic-Indic digits ("١ -" for "1."): a digit
# is the same word in either script
DIGITS = {c: ord("0") + i for base in (0x660, 0x6F0) for i, c in
          enumerate(range(base, base + 10))}


def norm(text):
    text = unicodedata.normalize("NFC", text).translate(DIGITS)
    return text.replace("\ufb01", "fi").replace("\ufb02", "fl").replace("\u00ad", "")


def tokens(text):
    return [w.lower() for w in re.findall(r"[^\W_]+", norm(text))]


def counted(text):
    """Words with their number of occurrences; letters and digits apart,
    so that a note's mark written as text ("Türkiye24") counts its word."""
    return collections.Counter(w.lower() for w in re.findall(r"[^\W\d_]+|\d+", norm(text)))


def xpath(path, query):
    out = subprocess.run(["xmllint", "--nonet", "--xpath", query, path],
                         capture_output=True, check=False)
    if out.returncode not in (0, 10):  # 10: the path matched nothing
        sys.stderr.write(out.stderr.decode("utf-8", "replace"))
        sys.exit(2)
    return out.stdout.decode("utf-8")


def source_text(path):
    refs = re.findall(r'href="#([^"]*)"', xpath(path, '//*[local-name()="noteRef"]/@href'))
    test = " or ".join('@eId="%s"' % r for r in sorted(set(refs)) if '"' not in r)
    return xpath(path, XPATH.replace("NOTES", test or "false()"))


def hyphened(text):
    """Pairs of words joined by a hyphen ("Euro-Atlantic"): pdftotext
    joins them where a line ends at the hyphen ("EuroAtlantic")."""
    return [(a.lower(), b.lower()) for a, b in
            re.findall(r"([^\W_]+)[-\u2010\u2011][ \t]*([^\W_]+)", norm(text))]


def roman(n):
    out = ""
    for v, r in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                 (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= v:
            out, n = out + r, n - v
    return out


def letter(n):
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else ""


FORMATS = {"decimal": str, "lowerRoman": roman, "upperRoman": lambda n: roman(n).upper(),
           "lowerLetter": letter, "upperLetter": lambda n: letter(n).upper()}


def attr(x, name):
    m = re.search(r'<w:%s w:val="([^"]*)"' % name, x)
    return m.group(1) if m else None


class Numbering:
    """Word's list numbers, as Word computes them: the text a reader of the
    DOCX sees before a numbered paragraph ("12.", "(iv)")."""

    def __init__(self, z):
        names = z.namelist()
        num = z.read("word/numbering.xml").decode() if "word/numbering.xml" in names else ""
        sty = z.read("word/styles.xml").decode() if "word/styles.xml" in names else ""
        self.levels = {}  # abstractNumId -> ilvl -> (start, format, text)
        for a in re.finditer(r'<w:abstractNum w:abstractNumId="(\d+)".*?</w:abstractNum>', num, re.S):
            lv = {}
            for m in re.finditer(r'<w:lvl w:ilvl="(\d+)".*?</w:lvl>', a.group(0), re.S):
                lv[int(m.group(1))] = (int(attr(m.group(0), "start") or 1),
                                       attr(m.group(0), "numFmt") or "decimal",
                                       attr(m.group(0), "lvlText") or "")
            self.levels[a.group(1)] = lv
        self.nums = {}  # numId -> (abstractNumId, {ilvl: start})
        for m in re.finditer(r'<w:num w:numId="(\d+)"[^/]*?>(.*?)</w:num>', num, re.S):
            over = {int(o.group(1)): int(o.group(2)) for o in re.finditer(
                r'<w:lvlOverride w:ilvl="(\d+)"><w:startOverride w:val="(\d+)"/>', m.group(2))}
            self.nums[m.group(1)] = (attr(m.group(2), "abstractNumId"), over)
        self.styles = {}  # styleId -> (numId, ilvl, basedOn)
        for m in re.finditer(r'<w:style [^>]*w:styleId="([^"]*)".*?</w:style>', sty, re.S):
            np = re.search(r"<w:numPr>(.*?)</w:numPr>", m.group(0), re.S)
            self.styles[m.group(1)] = (attr(np.group(1), "numId") if np else None,
                                       attr(np.group(1), "ilvl") if np else None,
                                       attr(m.group(0), "basedOn"))
        self.counters = {}

    def style_num(self, sid):
        for _ in range(10):
            if sid not in self.styles:
                break
            numid, ilvl, based = self.styles[sid]
            if numid is not None:
                return numid, ilvl
            sid = based
        return None, None

    def label(self, ppr):
        numid, ilvl = self.style_num(attr(ppr, "pStyle"))
        np = re.search(r"<w:numPr>(.*?)</w:numPr>", ppr, re.S)
        if np:
            numid = attr(np.group(1), "numId") or numid
            ilvl = attr(np.group(1), "ilvl") or ilvl
        if not numid or numid == "0" or numid not in self.nums:
            return ""
        ilvl = int(ilvl or 0)
        absid, over = self.nums[numid]
        levels = self.levels.get(absid, {})
        if ilvl not in levels:
            return ""
        key = numid if over else "a" + absid
        c = self.counters.setdefault(key, {})

        def start(k):
            return over.get(k, levels[k][0] if k in levels else 1)
        c[ilvl] = c[ilvl] + 1 if ilvl in c else start(ilvl)
        for k in [k for k in c if k > ilvl]:
            del c[k]
        text = levels[ilvl][2]
        for k in range(ilvl + 1):
            fmt = FORMATS.get(levels.get(k, (1, "decimal", ""))[1])
            text = text.replace("%%%d" % (k + 1), fmt(c.get(k, start(k))) if fmt else "")
        return text + " "


def docx_text(path):
    parts = []
    with zipfile.ZipFile(path) as z:
        numbering = Numbering(z)
        for name in sorted(z.namelist()):
            if not re.match(r"word/(document|footnotes|endnotes|header\d*|footer\d*)\.xml$", name):
                continue
            x = z.read(name).decode("utf-8")
            x = re.sub(r"<w:delText[^>]*>.*?</w:delText>", "", x, flags=re.S)
            for p in re.finditer(r"<w:p[ >].*?</w:p>|<w:p/>", x, re.S):
                ppr = re.search(r"<w:pPr>.*?</w:pPr>", p.group(0), re.S)
                line = numbering.label(ppr.group(0)) if ppr else ""
                # a tab or a break separates words; runs do not
                body = re.sub(r"<w:tab/>|<w:br/>|<w:cr/>", "<w:t> </w:t>", p.group(0))
                line += "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", body))
                parts.append(html.unescape(line))
    return "\n".join(parts)


def found(text):
    """The rendering's words, and the forms a word takes there: hyphenated
    at a line end, split in two halves, glued to a note's mark, written
    right to left (pdftotext gives Arabic in visual order)."""
    toks = tokens(text)
    got = set(toks) | set(tokens(re.sub(r"([^\W_])[-\u2010]\n\s*([^\W_])", r"\1\2", text)))
    got |= {a + b for a, b in zip(toks, toks[1:])}
    got |= set(re.sub(r"[0-9*]+$", "", w) for w in toks)  # "asked1": a note's mark
    got |= set(w[::-1] for w in toks)
    # Chinese runs its words together: its "words" are clauses, which a
    # line end cuts; they are looked for in the text without white space
    flat = re.sub(r"\s+", "", norm(text).lower())
    return got, flat


def is_cjk(w):
    return any("\u3000" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in w)


def main():
    if len(sys.argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    source = source_text(sys.argv[1])
    want = set(tokens(source))
    pairs = hyphened(source)
    status = 0
    for path in sys.argv[2:]:
        kind = "docx" if path.endswith(".docx") else "pdf"
        text = docx_text(path) if kind == "docx" else open(path, encoding="utf-8",
                                                           errors="replace").read()
        got, flat = found(text)
        got |= {w for a, b in pairs if a + b in got for w in (a, b)}
        missing = sorted(w for w in want if w not in got and not (is_cjk(w) and w in flat))
        print("words: %d/%d %s" % (len(want) - len(missing), len(want), kind))
        if missing:
            print("missing from the %s: %s" % (kind, " ".join(missing[:40])))
            status = 1
        if kind == "docx":
            need, have = counted(source), counted(text)
            short = sorted(w for w in need if have[w] < need[w])
            print("times: %d/%d docx" % (sum(min(n, have[w]) for w, n in need.items()),
                                         sum(need.values())))
            if short:
                print("fewer times in the docx: %s" % " ".join(
                    "%s (%d of %d)" % (w, have[w], need[w]) for w in short[:40]))
                status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
