#!/usr/bin/python3
"""Paragraph numbers in the layout trace come in order, 1, 2, 3 ..., with a
restart at 1 in an annex, and there are as many as the report has numbered
paragraphs.

usage: paranums.py REPORT.md TRACE"""
import re
import sys

md = open(sys.argv[1], encoding="utf-8").read()
expected = len(re.findall(r"^\d+\.\s", md, re.M))
accepted, prev = [], 0
for line in open(sys.argv[2], encoding="utf-8"):
    # a numbered paragraph's label: regular 10 pt "N."; a body line that
    # happens to start with "2019." is told apart by the sequence
    m = re.match(r'\s+text \S+ \S+ R 10\.00 "(\d+)\."$', line)
    if not m:
        continue
    n = int(m.group(1))
    if n == prev + 1 or (n == 1 and prev > 1):
        accepted.append(n)
        prev = n
if len(accepted) != expected:
    print("found %d paragraph numbers in order, the report has %d" % (len(accepted), expected))
    sys.exit(1)
