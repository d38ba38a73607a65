#!/usr/bin/env python3
# langid-hash.py: make-model.py's side of tests/test-langid-hash.
#
# Reads rows of hexadecimal code points, one row a line, and prints for
# each what data/langid/make-model.py makes of it: every code point
# folded, the FNV-1a hash of the folded row, and each code point's class
# in the n-gram walk ("Mn" skipped, "LATIN"/"CYRILLIC"/"HAN" a letter of
# a modelled script, "L" another letter, "-" a break).  The C test prints
# the same from langid.c and libunistring and compares line by line.
import importlib.util
import os
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
GEN = os.path.join(HERE, "..", "data", "langid")
sys.path.insert(0, GEN)
spec = importlib.util.spec_from_file_location(
    "make_model", os.path.join(GEN, "make-model.py"))
mm = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mm)


def klass(c):
    if c > 0x10ffff:
        return "-"
    cat = unicodedata.category(chr(c))
    if cat == "Mn":
        return "Mn"
    if cat.startswith("L"):
        return mm.script_of(c) or "L"
    return "-"


for line in sys.stdin:
    cps = [int(w, 16) for w in line.split()]
    folded = [mm.fold(c) for c in cps]
    print("fold" + "".join(" %x" % c for c in folded) +
          " hash %08x class" % mm.fnv(folded) +
          "".join(" " + klass(c) for c in cps))
