#!/usr/bin/env python3
# align-calibrate.py: derive the compiled-in length parameters of src/align.c.
#
# Reads the Tatoeba sentence pairs (CC BY 2.0 FR, tatoeba.org; the LASER
# test-set extraction of 2018-11-17, 1000 pairs per language with English)
# and prints the script weights and per-language factors that align.c
# keeps in align_langs[].  Only the first half of each file is used, so
# the second half stays unseen for tests/bench/align-eval.
#
#   data/langid/align-calibrate.py [TATOEBA]
#
# TATOEBA is the directory of the Tatoeba files, else $TATOEBA_DIR (see
# data/README).  tatoeba.py beside this script reads them, as it does for
# make-model.py.  The numbers printed go into align_langs[] (align.c) and
# the script weights of align-anchor.c by hand.
#
# Units: a Latin/Greek/Cyrillic letter or a digit is 1; a Hangul syllable,
# a kana and a Han ideograph are worth w_hangul, w_kana and w_han letters,
# fitted by least squares so a Latin acronym inside CJK text weighs the same
# as in English.  Per language, f = units of X per unit of English and
# s2 = the Gale-Church variance per unit, measured against English.
import sys

import tatoeba

TRAIN = 500


def classes(s):
    lat = hg = kn = hn = 0
    for ch in s:
        c = ord(ch)
        if ch.isdigit() and c < 0x80 or 0xff10 <= c <= 0xff19:
            lat += 1
        elif 0xac00 <= c <= 0xd7a3 or 0x1100 <= c <= 0x11ff or 0x3130 <= c <= 0x318f:
            hg += 1
        elif 0x3040 <= c <= 0x30ff or 0x31f0 <= c <= 0x31ff or 0xff66 <= c <= 0xff9f:
            kn += 1
        elif 0x4e00 <= c <= 0x9fff or 0x3400 <= c <= 0x4dbf or 0xf900 <= c <= 0xfaff or 0x20000 <= c <= 0x2ffff:
            hn += 1
        elif ch.isalpha() and (c < 0x530 or 0xff21 <= c <= 0xff5a):
            lat += 1
    return lat, hg, kn, hn


def load(d, pair, lang):
    return tatoeba.lines(d, tatoeba.filename(pair, lang))[:TRAIN]


def main():
    if len(sys.argv) > 2:
        sys.exit("usage: align-calibrate.py [TATOEBA]")
    d = tatoeba.directory(sys.argv[1] if len(sys.argv) == 2 else None,
                          "align-calibrate.py")
    en = {}
    xx = {}
    for pair in tatoeba.PAIRS:
        lang = pair.split("-")[0]
        en[lang] = [classes(s) for s in load(d, pair, "eng")]
        xx[lang] = [classes(s) for s in load(d, pair, lang)]
    # w_hangul: sum(en) / sum(hangul) is the least-squares fit through 0
    # weighted by length, the same for w_han on Chinese.
    w_hg = sum(e[0] for e in en["kor"]) / sum(x[1] for x in xx["kor"])
    w_hn = sum(e[0] for e in en["cmn"]) / sum(x[3] for x in xx["cmn"])
    # w_kana: what Japanese English is left once its Han are counted.
    rest = sum(e[0] for e in en["jpn"]) - w_hn * sum(x[3] for x in xx["jpn"])
    w_kn = rest / sum(x[2] for x in xx["jpn"])
    print(f"weights: hangul {w_hg:.3f} kana {w_kn:.3f} han {w_hn:.3f}")
    w = (1.0, w_hg, w_kn, w_hn)
    for lang in ("kor", "jpn", "cmn", "fra"):
        ue = [e[0] for e in en[lang]]
        ux = [sum(a * b for a, b in zip(w, x)) for x in xx[lang]]
        f = sum(ux) / sum(ue)
        # Gale-Church: (x/f - e) ~ N(0, s2 * mean length)
        s2 = sum((x / f - e) ** 2 for x, e in zip(ux, ue)) / \
            sum((x / f + e) / 2 for x, e in zip(ux, ue))
        print(f"{lang}: f {f:.3f} s2 {s2:.3f} (n {len(ue)})")


main()
