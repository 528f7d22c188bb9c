#!/usr/bin/python3
"""Every character of a report comes back from the PDF's text, and words
of right-to-left text come back in their logical order.

usage: chars.py REPORT.md EXTRACTED.txt [--skip-note LABEL]... [--counts-only]

The characters of the report (less Markdown's syntax, footnote labels and
the paragraph numbers, which folio writes in the language's own form) must
each appear in the extracted text at least as often as in the report;
white space and invisible format characters (U+200F ...) do not count.
The Arabic letters of each word must appear, in their order, in the
extracted text: poppler (pdftotext) wraps left-to-right islands of an
Arabic line in embedding controls (U+202A ... U+202C), which are dropped,
and it sets a mark drawn above or below its letter (shadda, tanween over
alef) apart as a word of its own, which may cut the word it sits on; so
the order is checked on the letters without their marks, against the
extracted letters run together (every mark is still counted above); and
as poppler may move a lam-alef carrying a mark to another line, one word
in a thousand may be out of place (none in a short report). --skip-note
leaves a footnote's text out (one the input's masthead cannot carry);
--counts-only checks the characters alone (LibreOffice's PDFs, whose
lam-alef ligatures poppler reads back to front).
Prints what is missing and exits 1 when anything is."""
import collections
import re
import sys
import unicodedata


def clean(md):
    if md.startswith("---\n"):
        end = md.find("\n---", 4)
        if end > 0:
            md = md[md.find("\n", end + 1) + 1:]
    md = re.sub(r"<!--.*?-->", " ", md, flags=re.S)     # comments
    md = re.sub(r"\[\^[^\]]*\]:?", " ", md)             # footnote labels
    md = re.sub(r"\]\([^)]*\)", "] ", md)               # link targets
    out = []
    for line in md.splitlines():
        s = line.strip()
        if re.fullmatch(r"\|?[\s:|-]+\|?", s) and "-" in s:
            continue                                    # table rule
        s = re.sub(r"^#+\s*", "", s)                    # heading marks
        s = re.sub(r"^[-*+]\s+", "", s)                 # bullets
        s = re.sub(r"^\\", "", s)                       # escapes
        # a paragraph number as typed: "1.", "1-", "١ -" (written anew)
        s = re.sub(r"^[0-9\u0660-\u0669]{1,6}\s?[.-]\s", "", s)
        s = s.replace("**", "").replace("|", " ")
        out.append(s)
    return unicodedata.normalize("NFC", "\n".join(out))


MARKS = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed]")
LETTERS = re.compile("[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff]+")


def counted(c):
    # poppler joins a word broken after its hyphen at a line's end and
    # drops the hyphen: hyphens are not counted
    return not c.isspace() and unicodedata.category(c) != "Cf" and c != "-"


def main():
    text = open(sys.argv[1], encoding="utf-8").read()
    args = sys.argv[3:]
    counts_only = "--counts-only" in args
    for i in range(len(args) - 1):
        if args[i] == "--skip-note":
            text = re.sub(r"(?m)^\[\^%s\]:.*$" % re.escape(args[i + 1]), "", text)
    # a mark typed twice (the Charter's "عملاًً") is drawn twice on one spot,
    # and readers drop such an overprint
    md = re.sub(r"([\u064b-\u065f])\1+", r"\1", clean(text))
    got = unicodedata.normalize(
        "NFC", open(sys.argv[2], encoding="utf-8", errors="replace").read())
    want = collections.Counter(c for c in md if counted(c))
    have = collections.Counter(c for c in got if counted(c))
    short = {c: n - have[c] for c, n in want.items() if have[c] < n}
    bad = 0
    if short:
        bad = 1
        print("missing characters: " +
              " ".join("U+%04X %r x%d" % (ord(c), c, n) for c, n in sorted(short.items())[:30]))
    # the extracted Arabic letters one after another: a word poppler cut
    # around a mark, or around the zero-width half of a lam-alef, joins up
    flat = "".join(LETTERS.findall(MARKS.sub("", got)))
    words = LETTERS.findall(MARKS.sub("", md))
    missing = [w for w in words if w not in flat]
    # poppler also moves the lam-alef under a tanween ("تمثيلاً دائماً")
    # to another line: one word in a thousand may be out of place
    if not counts_only and len(missing) > len(words) // 1000:
        bad = 1
        print("%d of %d Arabic words not in logical order: %s" %
              (len(missing), len(words), " ".join(missing[:20])))
    return bad


if __name__ == "__main__":
    sys.exit(main())
