# tatoeba.py: the Tatoeba sentence files, as both generators here read them.
#
# make-model.py (the language model) and align-calibrate.py (the aligner's
# length table) train on the same extract of the Tatoeba corpus: the LASER
# test set, one file per language of each pair with English, named
# tatoeba.PAIR.LANG (tatoeba.kor-eng.kor, tatoeba.kor-eng.eng, ...), line N
# of one the translation of line N of the other.  Nothing here knows where
# the files are on this machine: the directory comes from the command line
# or $TATOEBA_DIR (make regen-langid TATOEBA_DIR=DIR), and what is recorded
# about it names files only relative to it.
import hashlib
import os
import re
import sys

LICENCE = "CC BY 2.0 FR (https://tatoeba.org/eng/terms_of_use)"
CREDIT = ("Tatoeba sentences (https://tatoeba.org), as extracted for LASER "
          "(Artetxe and Schwenk 2018)")
PAIRS = ("kor-eng", "jpn-eng", "cmn-eng", "fra-eng")


def directory(arg, prog):
    """The Tatoeba directory from arg or $TATOEBA_DIR; exits saying how to
    name it when neither is set or it holds no Tatoeba files."""
    d = arg or os.environ.get("TATOEBA_DIR", "")
    if not d:
        sys.exit("%s: no Tatoeba directory: name it, or set TATOEBA_DIR=DIR "
                 "(make regen-langid TATOEBA_DIR=DIR, ./configure "
                 "--with-tatoeba=DIR); see data/README" % prog)
    probe = filename("fra-eng", "fra")
    if not os.path.isfile(os.path.join(d, probe)):
        sys.exit("%s: %s: no %s there: TATOEBA_DIR must name the directory "
                 "of the LASER Tatoeba files (see data/README)" %
                 (prog, d, probe))
    return d


def filename(pair, lang):
    return "tatoeba.%s.%s" % (pair, lang)


def lines(d, name):
    """Every line of file name in d, without its newline.  Blank lines are
    kept: line N pairs with line N of the other language."""
    with open(os.path.join(d, name), encoding="utf-8") as f:
        return [l.rstrip("\n") for l in f]


def export_date(d):
    """The corpus date the extract's README.md gives, or None."""
    try:
        with open(os.path.join(d, "README.md"), encoding="utf-8") as f:
            text = f.read()
    except OSError:
        return None
    m = re.search(r"dated\s+(?:\w+\s+)?(\d{4})/(\d{2})/(\d{2})", text)
    return "-".join(m.groups()) if m else None


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 16), b""):
            h.update(block)
    return h.hexdigest()


def describe(d, names):
    """Lines recording the files names of d: name, size and SHA-256 each,
    then the corpus date and licence; no path outside d."""
    date = export_date(d)
    out = ["%s, corpus of %s; licence %s:" %
           (CREDIT, date or "unknown date", LICENCE)]
    for name in sorted(set(names)):
        path = os.path.join(d, name)
        out.append("  %s: %d bytes" % (name, os.path.getsize(path)))
        out.append("    sha256 %s" % sha256(path))
    return out
