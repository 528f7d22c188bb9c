#!/usr/bin/python3
"""No line of a Chinese layout breaks against the kinsoku rules of the
house style (styles/languages/zh.style [line-breaking]): no line starts
with a closing mark, none ends with an opening one, and a two-em dash or
an ellipsis is never split across lines.

usage: kinsoku.py TRACE [STYLE]

Lines are the text items of a page on one baseline, left to right."""
import re
import sys


def sets(style):
    out, on = {}, False
    for line in open(style, encoding="utf-8"):
        line = line.strip()
        if line.startswith("["):
            on = line == "[line-breaking]"
            continue
        m = re.match(r"([a-z-]+)\s*=\s*(.*)", line)
        if on and m:
            out[m.group(1)] = {c.strip() for c in m.group(2).split("|") if c.strip()}
    return out


def lines(trace):
    page, rows = 0, {}
    for line in open(trace, encoding="utf-8"):
        if line.startswith("page "):
            page = int(line.split()[1])
            continue
        m = re.match(r'\s+text (\S+) (\S+) \S+ (\S+) "(.*)"', line)
        if m and m.group(4):
            rows.setdefault((page, float(m.group(2)), float(m.group(3))), []).append(
                (float(m.group(1)), m.group(4)))
    return [("".join(t for _, t in sorted(items)), key) for key, items in sorted(rows.items())]


def main():
    rules = sets(sys.argv[2] if len(sys.argv) > 2 else "styles/languages/zh.style")
    text = [t for t, k in lines(sys.argv[1]) if re.search("[\u4e00-\u9fff]", t)]
    bad = []
    for i, t in enumerate(text):
        if t[0] in rules.get("no-start", ()):
            bad.append("starts with %s: %s" % (t[0], t[:12]))
        if t[-1] in rules.get("no-end", ()):
            bad.append("ends with %s: %s" % (t[-1], t[-12:]))
        if i + 1 < len(text) and t[-1] == text[i + 1][0] and t[-1] in rules.get("inseparable", ()):
            bad.append("splits %s%s: %s|%s" % (t[-1], t[-1], t[-8:], text[i + 1][:8]))
    for b in bad[:20]:
        print(b)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
