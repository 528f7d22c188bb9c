#!/usr/bin/python3
"""The Charter of the United Nations (../shared/corpus/charter) as a report
in the house dialect, to measure line breaking on a long text in each
language the house font can draw (typo suite, make bench).

usage: charter_md.py LANG CHARTER.txt OUT.md

Each line of the text is a paragraph: lines of 100 characters or more are
numbered paragraphs, shorter ones (the preamble's openings, chapter and
article titles) italic subheadings, under the title "Charter".
"""
import re
import sys


def main(lang, src, out):
    with open(src, encoding="utf-8") as f:
        lines = [l.strip() for l in f]
    body = []
    n = 0
    for l in lines:
        if not l:
            continue
        # Markdown would read these as markup
        l = re.sub(r"([\\*_#`\[\]<>|])", r"\\\1", l)
        if re.match(r"^\d+\. ", l):
            l = l.replace(". ", "\\. ", 1)
        if len(l) >= 100:
            n += 1
            body.append("%d. %s" % (n, l))
        else:
            body.append("#### " + l)
    with open(out, "w", encoding="utf-8") as f:
        f.write("---\nsymbol: ST/CHARTER/%s\ndate: 2024-06-26\nlanguage: %s\n"
                "station: new-york\n---\n\n# Charter\n\n" % (lang.upper(), lang))
        f.write("\n\n".join(body) + "\n")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 4:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(*sys.argv[1:]))
