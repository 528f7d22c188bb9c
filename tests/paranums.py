#!/usr/bin/python3
"""Paragraph numbers in the layout trace come in order, 1, 2, 3 ..., with a
restart at 1 in an annex, and there are as many as the report has numbered
paragraphs.

usage: paranums.py REPORT.md TRACE"""
import re
import sys

# The numbered paragraphs of the report: "N." lines that continue the
# sequence (restarting after an annex heading); other "N." lines are lists.
expected, want, annex = 0, 1, False
for line in open(sys.argv[1], encoding="utf-8"):
    if re.match(r"^#+.*\b(Annex|Anexo|Annexe|Приложение)\b", line):
        annex = True
    m = re.match(r"^(\d+)\.\s", line)
    if m:
        n = int(m.group(1))
        if n == want or (annex and n == 1):
            expected += 1
            want = n + 1
            annex = False
labels = []
for line in open(sys.argv[2], encoding="utf-8"):
    # a numbered paragraph's label: regular 10 pt "N." at the column's left
    # edge (list items sit further in); a body line that happens to start
    # with "2019." is told apart by the sequence
    m = re.match(r'\s+text (\S+) \S+ R 10\.00 "(\d+)\."$', line)
    if m:
        labels.append((float(m.group(1)), int(m.group(2))))
accepted, prev = [], 0
edge = min((x for x, _ in labels), default=0)
for x, n in labels:
    if abs(x - edge) > 0.5:
        continue
    if n == prev + 1 or (n == 1 and prev > 1):
        accepted.append(n)
        prev = n
if len(accepted) != expected:
    print("found %d paragraph numbers in order, the report has %d" % (len(accepted), expected))
    sys.exit(1)
