#!/usr/bin/env python3
"""wordcheck: every word of a Markdown input must land in the reader's model.

    wordcheck.py FILE.md FILE.dump

Counts the words of the input (Markdown syntax, footnote labels and link
targets removed; front matter keys too) and the words inside the quoted
strings of the folio_report_dump output, and fails when a word occurs
fewer times in the dump than in the input. Prints the missing words.

The masthead lines the reader turns into fields rather than text ("United
Nations", "Distr.: General", the date, the language of the version,
"Original: English", an annex's "[Original: French]", front matter values
that become codes or dates, unknown front matter keys) are not counted.
"""
import re
import sys
from collections import Counter

WORD = re.compile(r"[^\W_]+", re.UNICODE)


STRUCTURAL = [re.compile(p, re.IGNORECASE) for p in (
    r"^(united nations|nations unies|naciones unidas|организация объединенных наций"
    r"|联合国|الأمم المتحدة)$",
    r"^distr\b",
    r"^(original|язык оригинала|原文|الأصل)\s*[:：]",
    r"^\d{1,2}(er|º)?\s+(de\s+)?[\w/]+\s+(de\s+)?\d{4}(\s+года)?$",
    r"^\d{4}年\d{1,2}月\d{1,2}日$",
    r"^(english|french|spanish|russian|chinese|arabic|français|español|русский"
    r"|中文|العربية)$",
)]


ANNEX_ORIGINAL = re.compile(r"^\[(original|язык оригинала|原文|الأصل)\s*[:：][^\]]*\]$",
                            re.IGNORECASE)

# front matter values that are text; the others become codes and dates
TEXT_KEYS = {"symbol", "organ", "body", "session", "venue", "agenda-item",
             "agenda-title", "agenda-note", "title", "subtitle", "title-note",
             "job-number"}


def structural(line):
    s = line.strip().rstrip("\\").strip()
    return any(p.search(s) for p in STRUCTURAL)


def input_words(text):
    lines = text.splitlines()
    # the masthead's field lines, near the top
    seen = 0
    for i, line in enumerate(lines):
        if line.strip():
            seen += 1
            if seen > 15:
                break
            if structural(line):
                lines[i] = ""
    # front matter: keep the values, drop the keys
    if lines and lines[0].strip() == "---":
        for i in range(1, len(lines)):
            if lines[i].strip() in ("---", "..."):
                for j in range(1, i):
                    m = re.match(r"^\s*([A-Za-z][\w-]*)\s*:", lines[j])
                    key = m.group(1).lower().replace("_", "-") if m else ""
                    lines[j] = lines[j][m.end():] if key in TEXT_KEYS else ""
                lines[0] = lines[i] = ""
                break
    lines = ["" if ANNEX_ORIGINAL.match(l.strip()) else l for l in lines]
    text = "\n".join(lines)
    text = re.sub(r"\[\^[^\]\s]+\]:?", " ", text)      # footnote labels
    text = re.sub(r"\]\([^)]*\)", "] ", text)          # link targets
    text = re.sub(r"<br\s*/?>", " ", text, flags=re.IGNORECASE)
    text = re.sub(r"<[^>\n]*>", "", text)              # inline HTML tags
    text = re.sub(r"[*`]", "", text)                    # emphasis, code
    return Counter(WORD.findall(text))


def unescape(s):
    s = re.sub(r"\\n|\\t|\\x[0-9A-F]{2}", " ", s)
    return s.replace('\\"', '"').replace("\\\\", "\\")


STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')


def dump_words(text):
    """Words in the quoted strings; the texts of neighbouring runs are
    joined first, since a style change may fall inside a word."""
    words = Counter()
    pending = []
    for line in text.splitlines():
        strings = [unescape(m.group(1)) for m in STRING.finditer(line)]
        if line.lstrip().startswith("text") and strings:
            pending.append(strings[0])
            strings = strings[1:]  # a link or symbol target
        else:
            words.update(WORD.findall("".join(pending)))
            pending = []
        for s in strings:
            words.update(WORD.findall(s))
    words.update(WORD.findall("".join(pending)))
    return words


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as f:
        want = input_words(f.read())
    with open(sys.argv[2], encoding="utf-8") as f:
        have = dump_words(f.read())
    missing = {w: n - have[w] for w, n in want.items() if have[w] < n}
    total = sum(want.values())
    if missing:
        lost = sum(missing.values())
        print("%s: %d of %d words missing from the model: %s" % (
            sys.argv[1], lost, total,
            ", ".join("%s×%d" % (w, n) for w, n in sorted(missing.items())[:40])))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
