#!/usr/bin/env python3
"""gen-articles.py: synthetic multilingual articles for `make bench`.

Writes N articles in tandem's native format (tandem-article(5)), one file
each, into OUTDIR/NNNNNN.txt, and optionally the same articles as rows of
a newsboat cache (rss_feed/rss_item) whose schema newsboat made itself.

The text is our own recombination of the bundled sample: each language's
paragraphs of data/sample/seoul-sba-zhongguancun.txt are cut into
sentences, and an article's paragraphs are put together from those
sentences in an order drawn per article (the same order in every one of its
languages, so the translations stay parallel and the aligner has work that
looks real), with the numbers in them changed per article.  Every article
has 2-5 of ko/en/ja/zh/fr, about 8 paragraphs and 2-10 KB per translation,
and 1-4 comments.  Titles start with "#N" (N = the article's number), which
the harness looks for on screen.  The output depends only on N and --seed.

usage: gen-articles.py --sample FILE --count N --out DIR [--seed S]
       gen-articles.py --sample FILE --count N --newsboat CACHE.db
       gen-articles.py --sample FILE --long FILE  (one article, 5 x 30 KB)
"""

import argparse
import os
import random
import re
import sqlite3
import sys

LANGS = ["ko", "en", "ja", "zh", "fr"]
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[。！？])")
NUMBER = re.compile(r"\d+")
AUTHORS = ["Kim", "Lee", "Park", "Tanaka", "Wang", "Dupont", "Martin",
           "Choi", "Sato", "Li"]
COMMENTS = {
    "ko": "좋은 기사 감사합니다. {n}번째 협약이 잘 되기를 바랍니다.",
    "en": "Thanks for the report; I hope agreement number {n} works out.",
    "ja": "記事をありがとうございます。第{n}回の協定がうまくいきますように。",
    "zh": "感谢报道，希望第{n}项协议顺利推进。",
    "fr": "Merci pour l'article ; j'espère que l'accord n° {n} aboutira.",
}


def load_sample(path):
    """{lang: (title, [paragraph, ...])} from the page dump."""
    with open(path, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f]
    sections, cur = [], []
    for line in lines:
        if line.startswith("- "):		# "see more related" ends a version
            sections.append(cur)
            cur = []
        elif line.strip() and not line.startswith("You must"):
            cur.append(line.strip())
    if len(sections) != 5:
        sys.exit("gen-articles: expected 5 language versions in the sample")
    out = {}
    for lang, sec in zip(["ko", "en", "ja", "zh", "fr"], sections):
        out[lang] = (sec[0], sec[1:])
    return out


def sentences(paras):
    """Sentences of each paragraph, in order: [[s, ...], ...]."""
    return [[s for s in SENTENCE_END.split(p) if s.strip()] for p in paras]


class Generator:
    def __init__(self, sample, seed):
        self.sample = sample
        self.seed = seed
        self.sents = {l: sentences(sample[l][1]) for l in LANGS}
        # Sentences per language as one list of (paragraph, index) so an
        # article can pick "the same" sentence in every language: the k-th
        # pick takes paragraph p's sentence i mod that language's count.
        self.npara = min(len(v) for v in self.sents.values())

    def article(self, i, long=False):
        rnd = random.Random(self.seed * 1000003 + i)
        k = 5 if long else rnd.randint(2, 5)
        langs = rnd.sample(LANGS, k)
        npara = 16 if long else rnd.randint(6, 10)
        target = 30000 if long else rnd.randint(2000, 10000)
        nums = {}

        def renumber(s):
            def sub(m):
                key = m.group(0)
                if key not in nums:
                    nums[key] = str(rnd.randint(1, 99) if len(key) <= 2
                                    else rnd.randint(1000, 2099))
                return nums[key]
            return NUMBER.sub(sub, s)

        # The plan: for each paragraph, a list of (sample paragraph,
        # sentence number) picks, shared by all languages.
        per_para = max(1, target // npara)
        plan = []
        for _ in range(npara):
            picks = []
            p = rnd.randrange(self.npara)
            for j in range(rnd.randint(2, 6)):
                picks.append((p, rnd.randrange(16)))
                if rnd.random() < 0.3:
                    p = rnd.randrange(self.npara)
            plan.append(picks)
        trans = []
        for lang in langs:
            paras = []
            for picks in plan:
                parts, size = [], 0
                while size < per_para:
                    for p, s in picks:
                        ss = self.sents[lang][p]
                        t = renumber(ss[s % len(ss)])
                        parts.append(t)
                        size += len(t.encode())
                        if size >= per_para:
                            break
                sep = "" if lang in ("ja", "zh") else " "
                paras.append(sep.join(parts))
            title = "#%d %s" % (i, renumber(self.sample[lang][0]))
            trans.append((lang, title, paras))
        comments = []
        for c in range(rnd.randint(1, 4)):
            lang = rnd.choice(langs)
            parent = rnd.randint(1, c) if c and rnd.random() < 0.4 else None
            comments.append((rnd.choice(AUTHORS), lang, parent,
                             COMMENTS[lang].format(n=rnd.randint(1, 999))))
        date = "2025-%02d-%02d" % (1 + i % 12, 1 + i % 28)
        return {"n": i, "url": "https://bench.example/a/%d" % i,
                "date": date, "langs": langs, "trans": trans,
                "comments": comments,
                "policy": rnd.choice(["open", "login", "closed"])}

    @staticmethod
    def native(a):
        out = ["url: %s" % a["url"], "date: %s" % a["date"],
               "original: %s" % a["langs"][0],
               "comments: %s" % a["policy"], ""]
        for lang, title, paras in a["trans"]:
            out += ["== %s" % lang, "title: %s" % title, ""]
            for p in paras:
                out += [p, ""]
        for author, lang, parent, body in a["comments"]:
            out += ["== comment", "author: %s" % author, "lang: %s" % lang]
            if parent:
                out.append("parent: %d" % parent)
            out += ["", body, ""]
        return "\n".join(out)


def write_native(gen, count, outdir):
    os.makedirs(outdir, exist_ok=True)
    total = 0
    for i in range(1, count + 1):
        text = gen.native(gen.article(i))
        total += len(text.encode())
        with open(os.path.join(outdir, "%06d.txt" % i), "w",
                  encoding="utf-8") as f:
            f.write(text)
    return total


def write_newsboat(gen, count, path, feedurl):
    """Fill a cache newsboat created: one feed, one item per article."""
    db = sqlite3.connect(path)
    db.execute("INSERT OR REPLACE INTO rss_feed (rssurl, url, title)"
               " VALUES (?, ?, ?)", (feedurl, feedurl, "tandem bench feed"))
    rows = []
    for i in range(1, count + 1):
        a = gen.article(i)
        title = next((t for l, t, _ in a["trans"] if l == "en"),
                     a["trans"][0][1])
        html = "".join("<h2>%s</h2>" % t + "".join("<p>%s</p>" % p
                                                  for p in paras)
                       for _, t, paras in a["trans"])
        rows.append((a["url"], title, "bench", a["url"], feedurl,
                     1735689600 + i * 60, html, 1))
    db.executemany("INSERT INTO rss_item (guid, title, author, url, feedurl,"
                   " pubDate, content, unread) VALUES (?,?,?,?,?,?,?,?)",
                   rows)
    db.commit()
    db.close()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sample", required=True)
    ap.add_argument("--count", type=int, default=0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out")
    ap.add_argument("--newsboat")
    ap.add_argument("--long", metavar="FILE",
                    help="write one long article in all five languages")
    ap.add_argument("--feedurl", default="http://bench.invalid/feed")
    args = ap.parse_args()
    gen = Generator(load_sample(args.sample), args.seed)
    if args.long:
        a = gen.article(0, long=True)
        a["langs"].sort(key=LANGS.index)
        a["trans"].sort(key=lambda t: LANGS.index(t[0]))
        with open(args.long, "w", encoding="utf-8") as f:
            f.write(gen.native(a))
    if args.out:
        total = write_native(gen, args.count, args.out)
        print("gen-articles: %d articles, %.1f MB in %s"
              % (args.count, total / 1e6, args.out))
    if args.newsboat:
        write_newsboat(gen, args.count, args.newsboat, args.feedurl)
    return 0


if __name__ == "__main__":
    sys.exit(main())
