#!/usr/bin/env python3
# list-cache.py DB N: fill a cache that tandem has created (its schema)
# with N articles of 2-5 languages, titles but one short paragraph
# each, a tenth unread and a hundredth starred, straight through SQLite:
# make bench-list measures the list's queries, not the import.
import random
import sqlite3
import sys

db = sqlite3.connect(sys.argv[1])
n = int(sys.argv[2])
rnd = random.Random(1)
langs = ["ko", "en", "ja", "zh", "fr", "de"]
with db:
    db.execute("INSERT OR IGNORE INTO source (location, added_at)"
               " VALUES ('/bench', 0)")
    sid = db.execute("SELECT id FROM source WHERE location = '/bench'"
                     ).fetchone()[0]
    for i in range(n):
        aid = db.execute(
            "INSERT INTO article (source_id, key, date, read, starred,"
            " imported_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (sid, "k%d" % i, "2024-%02d-%02d" % (rnd.randint(1, 12),
             rnd.randint(1, 28)), int(rnd.random() >= 0.1),
             int(rnd.random() < 0.01), i, i)).lastrowid
        for pos, lang in enumerate(rnd.sample(langs, rnd.randint(2, 5))):
            tid = db.execute(
                "INSERT INTO translation (article_id, lang, position,"
                " title, imported_at) VALUES (?, ?, ?, ?, ?)",
                (aid, lang, pos, "Title %x %s" % (rnd.getrandbits(32),
                 lang), i)).lastrowid
            db.execute("INSERT INTO paragraph (translation_id, idx, text)"
                       " VALUES (?, 0, 'Text.')", (tid,))
