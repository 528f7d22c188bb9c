#!/usr/bin/python3
"""Page 1 must carry the masthead: every word of the report's opening lines
(up to the first chapter or numbered paragraph) and the symbol.

usage: masthead.py REPORT.md PAGE1.txt TRACE"""
import re
import sys

sys.path.insert(0, sys.path[0])
from words import norm, words  # noqa: E402

md = open(sys.argv[1], encoding="utf-8").read()
page1 = words(open(sys.argv[2], encoding="utf-8", errors="replace").read())
symbol = None
if md.startswith("---\n"):
    end = md.find("\n---", 4)
    m = re.search(r"^symbol:\s*(\S+)", md[:end], re.M)
    symbol = m.group(1) if m else None
    md = md[md.find("\n", end + 1) + 1:]
head = []
for line in md.splitlines():
    if re.match(r"^\s*(#+\s*)?(\*\*)?\s*I\.\s", line) or re.match(r"^\s*1\.\s", line):
        break
    head.append(line)
text = re.sub(r"\[\^[^\]]*\]", " ", "\n".join(head))
want = words(text)
if symbol:
    want |= words(symbol)
missing = sorted(want - page1)
if missing:
    print("page 1 lacks: " + " ".join(missing[:30]))
    sys.exit(1)
