#!/usr/bin/env python3
"""search-bench.py: the library search against its targets, for `make bench`.

For each size N (1,000 and 10,000 articles; 100,000 when asked) it takes
gen-articles.py's articles (the ones tui-bench.py makes, in the same
bench-work/articles-N directories), then:

  1. imports them twice with `tandem import`: into a cache without the
     index's triggers and into one with them, timing both (the import
     slowdown the index costs: its triggers queue each row), then runs
     `tandem index` on the second, timed apart (the indexing an import
     leaves to the first search, the idle reader or `tandem index`);
  2. reads the index's size from SQLite's dbstat table, as a share of
     the database file;
  3. runs 100 queries, 20 in each of ko, en, ja, zh and fr (words of the
     sample; two-character Han and kana runs), each as a whole
     `tandem search QUERY --limit 20` process (its first screen of
     results: start-up, query, snippets, output), and the same queries
     as the newsboat method: a LIKE '%q%' scan of the same rows in
     SQLite, inside this process (no start-up counted for it);
  4. at the first size, builds FTS5's own tokenizers (unicode61,
     trigram) over the same paragraphs as contentless tables, for their
     index size and build time beside ours.

Prints a table and writes the figures as JSON.

usage: search-bench.py --tandem BIN --sample FILE --work DIR
                       [--sizes 1000,10000] [--json FILE]
"""

import argparse
import json
import os
import random
import re
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time

LANGS = ["ko", "en", "ja", "zh", "fr"]
TRIGGERS = ["search_text_add", "search_text_remove", "search_text_change",
            "search_title_add", "search_title_remove", "search_title_change"]


def articles(args, n):
    """The directory of n generated articles, made if missing."""
    gdir = os.path.join(args.work, "articles-%d" % n)
    stamp = os.path.join(gdir, ".complete")
    if not os.path.exists(stamp):
        shutil.rmtree(gdir, ignore_errors=True)
        subprocess.run([sys.executable, args.gen, "--sample", args.sample,
                        "--count", str(n), "--out", gdir], check=True)
        open(stamp, "w").close()
    return gdir


def fresh(db):
    for ext in ("", "-wal", "-shm"):
        if os.path.exists(db + ext):
            os.unlink(db + ext)


def child_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def import_all(tandem, db, gdir, env):
    """(wall, CPU) seconds of importing every article of gdir."""
    files = sorted(f for f in os.listdir(gdir) if f.endswith(".txt"))
    t0, c0 = time.perf_counter(), child_cpu()
    for i in range(0, len(files), 2000):
        subprocess.run([tandem, "--db", db, "import"]
                       + [os.path.join(gdir, f) for f in files[i:i + 2000]],
                       check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0, child_cpu() - c0


def index_all(tandem, db, env):
    """(wall, CPU) seconds of `tandem index`: what the import queued."""
    t0, c0 = time.perf_counter(), child_cpu()
    subprocess.run([tandem, "--db", db, "index"], check=True, env=env,
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0, child_cpu() - c0


def import_without_index(args, db, gdir, env):
    """A cache whose schema has the index but whose triggers are gone."""
    fresh(db)
    empty = os.path.join(args.work, "empty")
    os.makedirs(empty, exist_ok=True)
    subprocess.run([args.tandem, "--db", db, "import", empty], env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if not os.path.exists(db):
        sys.exit("search-bench: %s: tandem import made no cache" % db)
    c = sqlite3.connect(db)
    for t in TRIGGERS:
        c.execute("DROP TRIGGER IF EXISTS " + t)
    c.commit()
    c.close()
    return import_all(args.tandem, db, gdir, env)


def sizes(db):
    """(index bytes, database bytes) after a checkpoint."""
    c = sqlite3.connect(db)
    c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    rows = c.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"
                     ).fetchall()
    c.close()
    index = sum(b for name, b in rows if name.startswith("search_"))
    return index, os.path.getsize(db)


def queries(sample, seed=18):
    """20 queries per language from the sample's text."""
    text = open(sample, encoding="utf-8").read()
    rnd = random.Random(seed)
    words = {
        "ko": sorted(set(w for w in re.findall(r"[\uac00-\ud7a3]{2,}", text))),
        "en": sorted(set(w.lower() for w in
                         re.findall(r"\b[A-Za-z]{5,}\b", text))),
        "fr": sorted(set(w.lower() for w in
                         re.findall(r"\b[a-zàâçéèêëîïôûùüÿœ]{6,}\b", text))
                     - set()),
    }
    han = re.findall(r"[\u3040-\u30ff\u4e00-\u9fff]{2,}", text)
    bigrams = sorted(set(r[i:i + 2] for r in han for i in range(len(r) - 1)))
    kana_han = [b for b in bigrams if re.search(r"[\u3040-\u30ff]", b)]
    only_han = [b for b in bigrams if not re.search(r"[\u3040-\u30ff]", b)]
    out = []
    for lang, pool in (("ko", words["ko"]), ("en", words["en"]),
                       ("ja", kana_han), ("zh", only_han),
                       ("fr", words["fr"])):
        out += [(lang, q) for q in rnd.sample(pool, min(20, len(pool)))]
    return out


def stats(xs):
    xs = sorted(xs)
    return {"median_ms": statistics.median(xs) * 1000,
            "p95_ms": xs[max(0, int(len(xs) * 0.95) - 1)] * 1000,
            "max_ms": xs[-1] * 1000}


def cpu_children():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def time_fts(tandem, db, qs, env):
    """Wall time of each search, and its CPU time (steadier on a busy
    machine, where the wall time is mostly waiting for a core)."""
    xs, cpu, hits = [], [], 0
    for _, q in qs:
        c0 = cpu_children()
        t0 = time.perf_counter()
        r = subprocess.run([tandem, "--db", db, "search", q, "--limit",
                            "20"], env=env, capture_output=True)
        xs.append(time.perf_counter() - t0)
        cpu.append(cpu_children() - c0)
        if r.returncode != 0:
            sys.exit("search-bench: tandem search %r: %s" % (q, r.stderr))
        hits += r.stdout.count(b"\n")
    out = stats(xs)
    c = stats(cpu)
    out["cpu_median_ms"], out["cpu_p95_ms"] = c["median_ms"], c["p95_ms"]
    return out, hits


def time_like(db, qs):
    """newsboat's search: LIKE over every title and text, newest first."""
    c = sqlite3.connect(db)
    xs, cpu, hits = [], [], 0
    for _, q in qs:
        c0 = time.process_time()
        t0 = time.perf_counter()
        rows = c.execute(
            "SELECT a.id FROM article a JOIN translation t"
            " ON t.article_id = a.id LEFT JOIN paragraph p"
            " ON p.translation_id = t.id"
            " WHERE t.title LIKE ?1 OR p.text LIKE ?1"
            " GROUP BY a.id ORDER BY a.imported_at DESC, a.id DESC",
            ("%" + q + "%",)).fetchall()
        xs.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
        hits += min(len(rows), 20)
    c.close()
    out = stats(xs)
    s = stats(cpu)
    out["cpu_median_ms"], out["cpu_p95_ms"] = s["median_ms"], s["p95_ms"]
    return out, hits


def other_tokenizers(work, db):
    """Index size and build time of FTS5's tokenizers on the same text."""
    out = {}
    for tok in ("unicode61 remove_diacritics 2", "trigram"):
        path = os.path.join(work, "tok.db")
        fresh(path)
        c = sqlite3.connect(path)
        c.execute("ATTACH ? AS src", (db,))
        c.execute("CREATE VIRTUAL TABLE x USING fts5(text, content='',"
                  " tokenize=%r)" % tok)
        t0 = time.perf_counter()
        c.execute("INSERT INTO x (rowid, text) SELECT id, text"
                  " FROM src.paragraph")
        c.commit()
        secs = time.perf_counter() - t0
        c.execute("DETACH src")
        size = sum(b for (b,) in c.execute(
            "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'x_%'"))
        c.close()
        fresh(path)
        out[tok.split()[0]] = {"index_bytes": size, "build_s": secs}
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--tandem", required=True)
    ap.add_argument("--sample", required=True)
    ap.add_argument("--work", default="bench-work")
    ap.add_argument("--gen", default=os.path.join(here, "gen-articles.py"))
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--json", default="bench-search.json")
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    env = dict(os.environ, HOME=os.path.abspath(args.work),
               LANG="C.UTF-8", LC_ALL="C.UTF-8")
    env.pop("TANDEM_DB", None)
    qs = queries(args.sample)
    results = []
    for i, n in enumerate(int(s) for s in args.sizes.split(",")):
        gdir = articles(args, n)
        plain = os.path.join(args.work, "search-noindex-%d.db" % n)
        db = os.path.join(args.work, "search-%d.db" % n)
        t_plain, c_plain = import_without_index(args, plain, gdir, env)
        fresh(db)
        t_index, c_index = import_all(args.tandem, db, gdir, env)
        t_build, c_build = index_all(args.tandem, db, env)
        fresh(plain)
        index, total = sizes(db)
        fts, fts_hits = time_fts(args.tandem, db, qs, env)
        like, like_hits = time_like(db, qs)
        if fts_hits == 0 or like_hits == 0:
            sys.exit("search-bench: the queries found nothing (FTS5 %d,"
                     " LIKE %d rows): not a measurement" % (fts_hits,
                                                            like_hits))
        r = {"articles": n, "import_s_without": t_plain,
             "import_s_with": t_index,
             "import_slowdown_pct": (t_index / t_plain - 1) * 100,
             "import_cpu_without": c_plain, "import_cpu_with": c_index,
             "import_cpu_slowdown_pct": (c_index / c_plain - 1) * 100,
             "index_s": t_build, "index_cpu": c_build,
             "until_indexed_pct": ((t_index + t_build) / t_plain - 1)
             * 100,
             "index_bytes": index, "db_bytes": total,
             "index_pct": index / total * 100,
             "queries": len(qs), "fts": fts, "fts_rows": fts_hits,
             "like": like, "like_rows": like_hits}
        if i == 0:
            r["other_tokenizers"] = other_tokenizers(args.work, db)
        results.append(r)
        print("search %6d articles: import %.1f s -> %.1f s (%+.0f%%;"
              " CPU %.1f -> %.1f s, %+.0f%%), index %.1f MB = %.0f%% of"
              " %.1f MB\n    then tandem index %.1f s (CPU %.1f s):"
              " import and index %+.0f%% over the import alone"
              % (n, t_plain, t_index, r["import_slowdown_pct"], c_plain,
                 c_index, r["import_cpu_slowdown_pct"], index / 1e6,
                 r["index_pct"], total / 1e6, t_build, c_build,
                 r["until_indexed_pct"]))
        print("    tandem search (FTS5, whole process): median %.1f ms,"
              " p95 %.1f ms (CPU %.1f, %.1f ms);\n    LIKE scan (in process):"
              " median %.1f ms, p95 %.1f ms (CPU %.1f, %.1f ms)"
              "  [%d queries, load %.1f]"
              % (fts["median_ms"], fts["p95_ms"], fts["cpu_median_ms"],
                 fts["cpu_p95_ms"], like["median_ms"], like["p95_ms"],
                 like["cpu_median_ms"], like["cpu_p95_ms"], len(qs),
                 os.getloadavg()[0]))
        for tok, o in r.get("other_tokenizers", {}).items():
            print("    %-9s (contentless, same paragraphs): index %.1f MB"
                  " = %.0f%% of the database, built in %.1f s"
                  % (tok, o["index_bytes"] / 1e6,
                     o["index_bytes"] / total * 100, o["build_s"]))
    with open(args.json, "w") as f:
        json.dump({"search": results}, f, indent=2)


if __name__ == "__main__":
    main()
