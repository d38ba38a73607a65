#!/usr/bin/env python3
"""gen-long.py: one long two-language article in tandem-article(5) format.

    gen-long.py --bytes N OUT

Paragraphs of made-up words (syllables drawn from a seeded generator, so
every run writes the same text), about 290 bytes each, half of the bytes
in an "en" section and half in a "de" one with as many paragraphs; the
first paragraph of each section begins with a marker the benchmark waits
for on screen (Firstparaen), the middle one with another (Midparaen) and
the last one ends with a third (Lastparaen), for tests/e2e/long.sh.  Nothing is taken from outside text.
"""

import argparse
import random

SYL = {"en": ["ta", "ren", "do", "mi", "sal", "ko", "ver", "un", "li", "pa",
              "ster", "bo", "ne", "ar", "tho", "we"],
       "de": ["ke", "rau", "sch", "ien", "ber", "gu", "tol", "ma", "ul",
              "zen", "hof", "an", "ri", "wel", "dor", "ei"]}


def word(rng, lang):
    return "".join(rng.choice(SYL[lang]) for _ in range(rng.randint(1, 4)))


def paragraph(rng, lang, size):
    words, n = [], 0
    while n < size:
        w = word(rng, lang)
        words.append(w)
        n += len(w) + 1
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bytes", type=int, required=True)
    ap.add_argument("out")
    a = ap.parse_args()
    rng = random.Random(a.bytes)
    npara = max(2, a.bytes // 2 // 290)
    with open(a.out, "w") as f:
        f.write("url: https://long.test/%d\ndate: 2026-01-01\n" % a.bytes)
        for lang in ("en", "de"):
            f.write("\n== %s\ntitle: Long %s %d\n" % (lang, lang, a.bytes))
            for i in range(npara):
                p = paragraph(rng, lang, 290)
                if i == 0:
                    p = "Firstpara%s %s" % (lang, p)
                elif i == npara // 2:
                    p = "Midpara%s %s" % (lang, p)
                elif i == npara - 1:
                    p = "%s Lastpara%s" % (p, lang)
                f.write("\n" + p + "\n")


if __name__ == "__main__":
    main()
