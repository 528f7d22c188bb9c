#!/usr/bin/python3
"""How far the word spaces of justified right-to-left lines stretch, from
the PDF alone (a report, not a check; the typography suite's
typo_metrics.py measures left-to-right text only).

usage: spaces.py FILE.pdf [SIZE] [SPACE]

Lines of body text (SIZE pt, default 10) that reach the column's left edge
are justified (the first line of a paragraph ends short of the right edge
by its indent, so only the left edge counts); a gap of more than 1 pt
between glyphs is a word space, measured against the natural space
(SPACE em, default 0.221: Noto Naskh Arabic's). Prints the count of lines
and spaces, the median, 95th percentile and largest ratio, and the lines
with a space over 1.5 times natural. Gaps beside brackets and Latin words
count too, so the figures are a little high."""
import statistics
import sys

import fitz


def main():
    path = sys.argv[1]
    size = float(sys.argv[2]) if len(sys.argv) > 2 else 10.0
    natural = (float(sys.argv[3]) if len(sys.argv) > 3 else 0.221) * size
    ratios, lines, loose = [], 0, 0
    for page in fitz.open(path):
        rows = {}
        for b in page.get_text("rawdict")["blocks"]:
            for l in b.get("lines", []):
                for s in l["spans"]:
                    if abs(s["size"] - size) > 0.2:
                        continue
                    for c in s["chars"]:
                        if not c["c"].isspace():
                            rows.setdefault(round(s["origin"][1], 1), []).append(c["bbox"])
        if not rows:
            continue
        left = min(min(b[0] for b in v) for v in rows.values())
        for bs in rows.values():
            bs.sort(key=lambda b: b[0])
            if bs[0][0] > left + 1.5:
                continue
            gaps, far = [], bs[0][2]
            for b in bs[1:]:
                if b[0] - far > 1.0:
                    gaps.append((b[0] - far) / natural)
                far = max(far, b[2])
            if len(gaps) < 2:
                continue
            lines += 1
            ratios += gaps
            loose += max(gaps) > 1.5
    if not ratios:
        print("%s: no justified lines" % path)
        return 0
    ratios.sort()
    print("%d justified lines, %d spaces: median %.2f, p95 %.2f, max %.2f of the natural "
          "space; %d lines with a space over 1.5" % (
              lines, len(ratios), statistics.median(ratios),
              ratios[int(0.95 * (len(ratios) - 1))], ratios[-1], loose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
