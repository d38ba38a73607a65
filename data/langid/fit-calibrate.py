#!/usr/bin/env python3
# fit-calibrate.py: the typical fit of each language's own text, for
# langid.c's langid_fits[] table.
#
#   fit-calibrate.py CORPUS      (CORPUS from make-model.py corpus)
#
# langid.c calls text "und" when the share of its 3- and 4-grams that the
# winning language knows (in its words that do not begin with a capital)
# is far below what that language's own text shows.  "Far below" needs
# each language's mean share and its spread: this script measures them
# on a development split carved from
# CORPUS/train only, by document (one man page, catalogue domain or run
# of 40 Tatoeba lines in five, by a CRC-32 of its name, as listed in
# CORPUS/train-docs), scored by a model built by make-model.py from the
# other documents, so that the development text is as new to its model
# as the benchmark's held-out documents are to the real one.  It never
# reads CORPUS/test or CORPUS/oom, the benchmark's text.  It prints the
# table's rows, to be copied by hand into src/langid.c (as
# align-calibrate.py's are into align.c), and how far below the mean the
# development paragraphs of every language reach (LANGID_FITZ is set
# from that: see data/README).
import importlib.util
import math
import os
import shutil
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
DEV_EVERY = 5       # one document in this many is development text
CAP = 250           # langid.c's LANGID_FITZ_CAP
FITZ = 9            # langid.c's LANGID_FITZ: the limit of any language
SLACK = 2           # langid.c's LANGID_FITZ_SLACK
PARA = 60           # letters of the benchmark's shortest paragraph
MIN_LETTERS = 20    # texts shorter than this say little about the spread
MIN_TEXTS = 50      # fewer texts than this give no row (mt, ur)
FOREIGN_COST = 44   # langid.c's LANGID_FOREIGN_COST
FOREIGN_Z = (3, 4, 5, 6)    # candidates for langid.c's LANGID_FOREIGN_Z


def load_make_model():
    spec = importlib.util.spec_from_file_location(
        "make_model", os.path.join(HERE, "make-model.py"))
    mm = importlib.util.module_from_spec(spec)
    sys.path.insert(0, HERE)
    spec.loader.exec_module(mm)
    return mm


def split(corpus, tag):
    """The training lines of tag, as (train, dev by document)."""
    path = os.path.join(corpus, "train", tag + ".txt")
    dpath = os.path.join(corpus, "train-docs", tag + ".txt")
    if not os.path.isfile(path) or not os.path.isfile(dpath):
        return [], {}
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    with open(dpath, encoding="utf-8") as f:
        docs = f.read().splitlines()
    if len(docs) != len(lines):
        sys.exit("fit-calibrate.py: %s and %s differ in length: rerun "
                 "make-model.py corpus" % (path, dpath))
    train, dev = [], {}
    for line, doc in zip(lines, docs):
        if zlib.crc32(doc.encode()) % DEV_EVERY == 1:
            dev.setdefault(doc, []).append(line)
        else:
            train.append(line)
    return train, dev


def dev_texts(dev):
    """Development texts: each line, and runs of 3 to 5 lines of one
    document (paragraph length, as the benchmark makes them)."""
    out = []
    for doc in sorted(dev):
        lines = dev[doc]
        out += [l for l in lines if l.strip()]
        i, k = 0, 0
        while i + 5 <= len(lines):
            n = 3 + k % 3
            out.append(" ".join(lines[i:i + n]))
            i += n
            k += 1
    return out


def share(text, known, group, maxorder, mm):
    """Letters, and the share of the 3- and 4-grams known, in the words of
    text that do not begin with a capital (names say little of the
    language around them), walking as make-model.py's grams() and
    langid.c's langid_feed() do."""
    letters = grams = hits = 0
    wletters = wgrams = whits = 0
    cap = False
    for win, kind in mm.walk(text, group, maxorder):
        if kind:
            wletters += 1
        if kind in ("U", "L"):
            cap = kind == "U"
        for n in range(3, len(win) + 1):
            wgrams += 1
            whits += mm.fnv(win[-n:]) in known[n]
        if win[-1] == 0x20:
            if not cap:
                letters += wletters
                grams += wgrams
                hits += whits
            wletters = wgrams = whits = 0
            cap = False
    return letters, hits / max(1, grams)


def foreign(text, costs, t, group, mm):
    """Words of text that do not begin with a capital and hold a letter
    that language t (almost) never had, as langid.c's langid_foreign()
    counts them: its 1-gram costs FOREIGN_COST or more for t, or the
    model has no row for it at all.  costs maps a hash to its row."""
    n = wn = 0
    cap = False
    for win, kind in mm.walk(text, group, 1):
        if kind in ("U", "L"):
            cap = kind == "U"
        if kind:
            row = costs.get(mm.fnv(win[-1:]))
            wn += row is None or row[t] >= FOREIGN_COST
        if win[-1] == 0x20:
            if not cap and wn:
                n += 1
            wn = 0
            cap = False
    return n


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: fit-calibrate.py CORPUS")
    corpus = sys.argv[1]
    mm = load_make_model()
    work = os.path.join(corpus, "fit-calibrate.tmp")
    os.makedirs(os.path.join(work, "train"), exist_ok=True)
    paras = []          # the z of each development paragraph
    nforeign = {}       # paragraphs by their words with foreign letters
    onez = []           # the z of each with one or more of them
    for group, tags in mm.GROUPS:
        if mm.MAX_ORDER[group] < 3:
            continue
        dev = {}
        for tag in tags:
            train, dev[tag] = split(corpus, tag)
            with open(os.path.join(work, "train", tag + ".txt"), "w",
                      encoding="utf-8") as f:
                f.write("".join(l + "\n" for l in train))
        maxorder = mm.MAX_ORDER[group]
        counts = mm.train(work, group, tags)
        rows, unseen = mm.build(counts, group, tags)
        rowof = dict(rows)
        for t, tag in enumerate(tags):
            # What tag knows: kept n-grams it costs less than unseen ones.
            known = {n: set() for n in range(maxorder + 1)}
            for h, costs in rows:
                for n in (3, 4):
                    if costs[t] < unseen[t * (maxorder + 1) + n]:
                        known[n].add(h)
            pts = [share(s, known, group, maxorder, mm)
                   for s in dev_texts(dev[tag])]
            pts = [(min(L, CAP), L, x) for L, x in pts if L >= MIN_LETTERS]
            if len(pts) < MIN_TEXTS:
                continue
            mean = sum(n * x for n, _, x in pts) / sum(n for n, _, _ in pts)
            sd = math.sqrt(sum(n * (x - mean) ** 2 for n, _, x in pts) /
                           len(pts))
            zs = [(x - mean) * math.sqrt(n) / sd
                  for n, L, x in pts if L >= PARA]
            # The limit: the lowest development paragraph less SLACK
            # spreads, never beyond FITZ.
            limit = min(FITZ, -min(zs) + SLACK) if zs else FITZ
            print('\t{ "%s", %.3f, %.3f, %.1f },\t/* %d texts */' %
                  (tag, mean, sd, limit, len(pts)))
            paras += zs
            for s in dev_texts(dev[tag]):
                L, x = share(s, known, group, maxorder, mm)
                if L < PARA:
                    continue
                k = foreign(s, rowof, t, group, mm)
                nforeign[k] = nforeign.get(k, 0) + 1
                if k > 0:
                    onez.append((x - mean) * math.sqrt(min(L, CAP)) / sd)
                if k >= 2:
                    print("%s: %d words with foreign letters: %s" %
                          (tag, k, s[:60]), file=sys.stderr)
    shutil.rmtree(work)
    paras.sort()
    print("/* development paragraphs: %d; below the mean by" % len(paras))
    for q in (0.0005, 0.001, 0.002, 0.005):
        print(" * %.2f%% of them: %.1f spreads" %
              (q * 100, -paras[int(q * len(paras))]))
    # LANGID_FOREIGN is set from this: the count of words that one
    # development paragraph in 2,000 or fewer reaches.
    total = sum(nforeign.values())
    print(" * with at least k words holding a letter that costs %d or "
          "more in their own language:" % FOREIGN_COST)
    for k in range(1, 6):
        print(" * k = %d: %d of %d" %
              (k, sum(v for n, v in nforeign.items() if n >= k), total))
    # LANGID_FOREIGN_Z likewise: with one such word, how many spreads
    # below the mean a paragraph may fall.
    print(" * with at least one, and more than z spreads below the mean:")
    for z in FOREIGN_Z:
        print(" * z = %d: %d of %d" % (z, sum(1 for v in onez if v < -z),
                                       total))
    print(" */")


if __name__ == "__main__":
    main()
