#!/usr/bin/env python3
"""import-floor.py: how fast SQLite alone stores what `tandem import` stores.

Copies every row of a tandem cache into a fresh file with the same schema
(indexes, triggers and all), in one transaction, with tandem's pragmas
(WAL, synchronous=NORMAL, foreign keys on), and prints articles/s and
MB/s.  No parsing, normalising, language identification or alignment:
the figure is the ceiling for an importer that writes through SQLite, to
read beside tui-bench.py's import rate.

It then prints a ceiling no schema can pass: each article's text (its
paragraphs and comments, joined) written as one blob into a table with
no index at all, with the same pragmas.  An import that must keep every
byte of 25 KB articles in a WAL-mode SQLite file cannot go faster than
that on this machine, however its rows are shaped.

usage: import-floor.py CACHE.db [SCRATCH_DIR]
"""
import os
import sqlite3
import sys
import tempfile
import time

ORDER = ["source", "article", "translation", "paragraph", "alignment",
         "comment", "setting", "article_setting"]


def main():
    if len(sys.argv) < 2:
        print(__doc__.strip().split("\n\n")[-1], file=sys.stderr)
        return 2
    src = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True)
    scratch = tempfile.mkdtemp(dir=sys.argv[2] if len(sys.argv) > 2 else None)
    path = os.path.join(scratch, "floor.db")
    dst = sqlite3.connect(path, isolation_level=None)
    dst.execute("PRAGMA journal_mode = WAL")
    dst.execute("PRAGMA synchronous = NORMAL")
    dst.execute("PRAGMA foreign_keys = ON")
    schema = src.execute("SELECT type, sql FROM sqlite_master WHERE sql IS"
                         " NOT NULL AND name NOT LIKE 'sqlite_%'").fetchall()
    for kind, sql in schema:
        if kind == "table":
            dst.execute(sql)
    tables = [t for t in ORDER if any("TABLE %s " % t in s for _, s in schema)]
    rows = {t: src.execute("SELECT * FROM %s" % t).fetchall() for t in tables}
    nbytes = sum(len(r[3].encode()) for r in rows.get("paragraph", []))
    narticles = len(rows.get("article", []))
    t0 = time.perf_counter()
    for kind, sql in schema:
        if kind in ("index", "trigger"):
            dst.execute(sql)
    dst.execute("BEGIN")
    for t in tables:
        if rows[t]:
            marks = ",".join("?" * len(rows[t][0]))
            dst.executemany("INSERT INTO %s VALUES (%s)" % (t, marks), rows[t])
    dst.execute("COMMIT")
    dst.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    dt = time.perf_counter() - t0
    dst.close()
    print("import floor (SQLite alone): %d articles, %.1f MB of paragraphs"
          " in %.2f s: %.0f articles/s, %.0f MB/s"
          % (narticles, nbytes / 1e6, dt, narticles / dt, nbytes / 1e6 / dt))
    ceiling(src, scratch)
    for f in os.listdir(scratch):
        os.unlink(os.path.join(scratch, f))
    os.rmdir(scratch)
    return 0


def ceiling(src, scratch):
    """One blob per article, no index: the most SQLite takes per second."""
    blobs = {}
    for art, text in src.execute(
            "SELECT t.article_id, p.text FROM paragraph p JOIN translation t"
            " ON t.id = p.translation_id UNION ALL"
            " SELECT article_id, body FROM comment"):
        blobs.setdefault(art, []).append(text.encode())
    rows = [(b"\n".join(parts),) for parts in blobs.values()]
    nbytes = sum(len(r[0]) for r in rows)
    path = os.path.join(scratch, "ceiling.db")
    dst = sqlite3.connect(path, isolation_level=None)
    dst.execute("PRAGMA journal_mode = WAL")
    dst.execute("PRAGMA synchronous = NORMAL")
    dst.execute("CREATE TABLE article (id INTEGER PRIMARY KEY, body BLOB)")
    t0 = time.perf_counter()
    dst.execute("BEGIN")
    dst.executemany("INSERT INTO article (body) VALUES (?)", rows)
    dst.execute("COMMIT")
    dst.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    dt = time.perf_counter() - t0
    dst.close()
    print("import ceiling (one blob per article, no index): %d articles,"
          " %.1f MB in %.2f s: %.0f articles/s, %.0f MB/s"
          % (len(rows), nbytes / 1e6, dt, len(rows) / dt, nbytes / 1e6 / dt))


if __name__ == "__main__":
    sys.exit(main())
