#!/usr/bin/python3
"""Check that every word of a Markdown report survives into extracted text.

usage: words.py REPORT.md EXTRACTED.txt

Words are runs of letters and digits; Markdown syntax, link targets,
footnote labels and front matter are not words of the document. Prints the
missing words and exits 1 when any is missing."""
import re
import sys
import unicodedata


def norm(text):
    text = unicodedata.normalize("NFC", text)
    # ligatures and typographic forms PDF extraction may produce
    return text.replace("\ufb01", "fi").replace("\ufb02", "fl").replace("\u00ad", "")


def words(text):
    return set(w.lower() for w in re.findall(r"[^\W_]+", norm(text)))


def source_words(md):
    if md.startswith("---\n"):
        end = md.find("\n---", 4)
        if end > 0:
            md = md[md.find("\n", end + 1) + 1:]
    md = re.sub(r"\[\^[^\]]*\]:?", " ", md)           # footnote labels
    md = re.sub(r"\]\([^)]*\)", "] ", md)              # link targets
    md = re.sub(r"<[^>]+>", " ", md)                   # HTML tags
    return words(md)


def main():
    md = open(sys.argv[1], encoding="utf-8").read()
    text = open(sys.argv[2], encoding="utf-8", errors="replace").read()
    # A word hyphenated at a line end (the DOCX hyphenates as the PDF
    # does, through LibreOffice) is the word joined again.
    got = words(text) | words(re.sub(r"([^\W_])[-\u2010]\n\s*([^\W_])", r"\1\2", text))
    # LibreOffice's PDF of a hyphenated word extracts as its two halves.
    toks = [w.lower() for w in re.findall(r"[^\W_]+", norm(text))]
    got |= {a + b for a, b in zip(toks, toks[1:])}
    # ... or far apart, hyphenated at the foot of a page (a note's number
    # glued to the first half)
    heads = {re.sub(r"\d+$", "", t) for t in toks}
    tails = set(toks)

    def split(w):
        return any(w[:i] in heads and w[i:] in tails for i in range(2, len(w) - 1))
    # A word cut at a line end (a long URL) extracts as two pieces.
    joined = "".join(sorted(got))
    missing = sorted(w for w in source_words(md)
                     if w not in got and w not in joined and not split(w))
    if missing:
        print("missing %d words: %s" % (len(missing), " ".join(missing[:40])))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
