#!/usr/bin/env python3
"""import-floor.py: how fast SQLite alone stores what `tandem import` stores.

Copies every row of a tandem cache into a fresh file with the same schema
(indexes, triggers and all), in one transaction, with tandem's pragmas
(WAL, synchronous=NORMAL, foreign keys on), and prints articles/s and
MB/s.  No parsing, normalising, language identification or alignment:
the figure is the ceiling for an importer that writes through SQLite, to
read beside tui-bench.py's import rate.

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
    for f in os.listdir(scratch):
        os.unlink(os.path.join(scratch, f))
    os.rmdir(scratch)
    print("import floor (SQLite alone): %d articles, %.1f MB of paragraphs"
          " in %.2f s: %.0f articles/s, %.0f MB/s"
          % (narticles, nbytes / 1e6, dt, narticles / dt, nbytes / 1e6 / dt))
    return 0


if __name__ == "__main__":
    sys.exit(main())
