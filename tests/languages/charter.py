#!/usr/bin/python3
"""Set the Charter of the United Nations (../shared/corpus/charter/) as a
report of the house dialect: a masthead in the language, then every line
of the text a paragraph. A long parallel text in every script, for the
suite of tests/run_languages.sh and for measuring.

usage: charter.py LANG CHARTER.txt OUT.md"""
import sys

# The masthead in each language: the wordmark and the title of the
# Charter, as the UN writes them (un-format.md 5.1 for the wordmarks).
MAST = {
    "en": ("United Nations", "", "Charter of the United Nations"),
    "fr": ("Nations Unies", "Français", "Charte des Nations Unies"),
    "es": ("Naciones Unidas", "Español", "Carta de las Naciones Unidas"),
    "ru": ("Организация Объединенных Наций", "Russian",
           "Устав Организации Объединенных Наций"),
    "zh": ("联合国", "Chinese", "联合国宪章"),
    "ar": ("الأمم المتحدة", "Arabic", "ميثاق الأمم المتحدة"),
}


def main():
    lang, src, out = sys.argv[1:4]
    wordmark, version, title = MAST[lang]
    lines = [l.strip() for l in open(src, encoding="utf-8").read().splitlines()]
    with open(out, "w", encoding="utf-8") as f:
        f.write("---\nsymbol: ST/DPI/511\ndate: 1945-06-26\nlanguage: %s\n---\n\n" % lang)
        f.write("# %s\n\n" % title)
        for l in lines:
            if not l:
                continue
            # Markdown must not read the Charter's own numbering or marks
            # as lists or syntax: a backslash keeps them text
            if l[0] in "#*-+>|[" or (l.split(" ")[0].rstrip(".").isdigit() and " " in l):
                l = "\\" + l
            f.write(l + "\n\n")


if __name__ == "__main__":
    main()
