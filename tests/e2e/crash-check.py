#!/usr/bin/env python3
# crash-check.py: the half of tests/e2e/crash.sh that reads the cache.
#
# tandem has no sqlite3 command-line dependency, so the crash test opens
# the cache with Python's sqlite3 module (which, like any SQLite client,
# first recovers a WAL left by a killed writer).  It also makes the
# random plan and the comment bodies, so that the shell side stays small
# and a seed reproduces a run.
#
#	crash-check.py plan SEED COUNT       COUNT random numbers in [0, 1)
#	crash-check.py body TAG SIZE         a comment body of SIZE bytes
#	crash-check.py articles DB N [V]     every article whole (its paragraphs
#	                                     all of one version; V: that one),
#	                                     no orphans
#	crash-check.py parents DB ARTICLE    the ids of an article's comments
#	crash-check.py comments DB MANIFEST  every written comment whole
#
# The checks print what is wrong as TAP diagnostics ("# ...") and exit 1.

import os
import random
import re
import sqlite3
import sys

problems = []


def bad(msg):
    if len(problems) < 20:
        print("# " + msg)
    problems.append(msg)


def connect(path):
    db = sqlite3.connect(path, timeout=30)
    db.execute("PRAGMA foreign_keys = ON")
    return db


def integrity(db):
    rows = [r[0] for r in db.execute("PRAGMA integrity_check")]
    if rows != ["ok"]:
        bad("integrity_check: " + "; ".join(rows[:5]))
    for r in db.execute("PRAGMA foreign_key_check"):
        bad("foreign_key_check: %r" % (r,))


def orphans(db):
    for what, sql in [
        ("translations without an article",
         "SELECT count(*) FROM translation WHERE article_id NOT IN"
         " (SELECT id FROM article)"),
        ("paragraphs without a translation",
         "SELECT count(*) FROM paragraph WHERE translation_id NOT IN"
         " (SELECT id FROM translation)"),
        ("comments without an article",
         "SELECT count(*) FROM comment WHERE article_id NOT IN"
         " (SELECT id FROM article)"),
        ("alignments without an article",
         "SELECT count(*) FROM alignment WHERE article_id NOT IN"
         " (SELECT id FROM article)"),
        ("articles without a source",
         "SELECT count(*) FROM article WHERE source_id NOT IN"
         " (SELECT id FROM source)"),
        ("comments left 'stale' by an import",
         "SELECT count(*) FROM comment WHERE state = 'stale'"),
    ]:
        n = db.execute(sql).fetchone()[0]
        if n:
            bad("%d %s" % (n, what))


# The generator in crash.sh writes version V of story I as: url .../I,
# titles "Story I (K paragraphs)" and "Histoire I (K paragraphes)", K
# paragraphs per language naming I, their index and V, two comments (one
# a reply).
LANGS = {"en": ("Story %d (%d paragraphs)", "Paragraph %d of story %d, "
                "version "),
         "fr": ("Histoire %d (%d paragraphes)",
                "Paragraphe %d de l'histoire %d, version ")}


def article_whole(db, aid, url, want=None):
    m = re.fullmatch(r"https://site\.test/crash/(\d+)", url or "")
    if not m:
        bad("article %d: unexpected url %r" % (aid, url))
        return None
    i = int(m.group(1))
    tr = db.execute("SELECT id, lang, title FROM translation"
                    " WHERE article_id = ? ORDER BY position", (aid,)).fetchall()
    if sorted(t[1] for t in tr) != sorted(LANGS):
        bad("story %d: translations %r" % (i, [t[1] for t in tr]))
        return i
    k, versions = None, set()
    for tid, lang, title in tr:
        m = re.fullmatch(r"\S+ (\d+) \((\d+) \S+\)", title)
        if not m or int(m.group(1)) != i:
            bad("story %d: %s title %r" % (i, lang, title))
            continue
        k = int(m.group(2))
        paras = db.execute("SELECT idx, text FROM paragraph"
                           " WHERE translation_id = ? ORDER BY idx",
                           (tid,)).fetchall()
        if [p[0] for p in paras] != list(range(k)):
            bad("story %d: %s has %d of %d paragraphs" %
                (i, lang, len(paras), k))
            continue
        for idx, text in paras:
            head = LANGS[lang][1] % (idx, i)
            m = re.match(r"(\d+),", text[len(head):])
            if not text.startswith(head) or not m:
                bad("story %d: %s paragraph %d is %r" %
                    (i, lang, idx, text[:60]))
                continue
            versions.add(int(m.group(1)))
            if k != 8 + int(m.group(1)) % 3:
                bad("story %d: %s has %d paragraphs, version %s has %d" %
                    (i, lang, k, m.group(1), 8 + int(m.group(1)) % 3))
    if len(versions) > 1:
        bad("story %d: paragraphs of versions %s at once" %
            (i, sorted(versions)))
    elif want is not None and versions != {want}:
        bad("story %d: version %s, not %d" % (i, sorted(versions), want))
    src = db.execute("SELECT count(*) FROM comment WHERE article_id = ?"
                     " AND state = 'source'", (aid,)).fetchone()[0]
    if src != 2:
        bad("story %d: %d of its 2 comments" % (i, src))
    if k is not None:
        a, b = db.execute("SELECT total(a_count), total(b_count)"
                          " FROM alignment WHERE article_id = ?",
                          (aid,)).fetchone()
        if (a, b) != (k, k):
            bad("story %d: the alignment covers %d and %d of %d paragraphs"
                % (i, a, b, k))
    return i


def cmd_articles(path, n, want=None):
    # A run killed early may not have created the cache, or its schema
    # (each migration is a transaction): no articles, which is whole.
    if not os.path.exists(path):
        print("# no cache yet")
        return 0
    db = connect(path)
    integrity(db)
    if db.execute("PRAGMA user_version").fetchone()[0] == 0:
        if db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            bad("tables but no schema version")
        print("# no schema yet")
        return 0
    orphans(db)
    # Schema 2 keeps the number of articles in a row, by triggers.
    if db.execute("SELECT count(*) FROM sqlite_master"
                  " WHERE name = 'article_count'").fetchone()[0]:
        kept = db.execute("SELECT n FROM article_count").fetchall()
        real = db.execute("SELECT count(*) FROM article").fetchone()[0]
        if kept != [(real,)]:
            bad("article_count says %r, there are %d" % (kept, real))
    seen = {}
    for aid, url in db.execute("SELECT id, url FROM article").fetchall():
        i = article_whole(db, aid, url, want)
        if i is None:
            continue
        if i in seen:
            bad("story %d twice (articles %d and %d)" % (i, seen[i], aid))
        if not 1 <= i <= n:
            bad("story %d is not one of the %d" % (i, n))
        seen[i] = aid
    print("# %d whole articles" % len(seen))
    return len(seen)


def body(tag, size):
    head = "crash-comment %s %d\n" % (tag, size)
    lines = [head]
    n = len(head)
    while n < size:
        lines.append("%s line %06d: the quick brown fox jumps over it\n" %
                     (tag, len(lines)))
        n += len(lines[-1])
    text = "".join(lines)[:size]
    return text[:-1] + "." if text[-1].isspace() else text


def cmd_comments(path, manifest):
    db = connect(path)
    integrity(db)
    orphans(db)
    want = {}
    for line in open(manifest):
        tag, article, parent, size, status = line.split()
        want[tag] = (int(article), int(parent), int(size), status)
    found = {}
    rows = db.execute("SELECT c.id, c.article_id, c.parent_id, c.body,"
                      " p.article_id FROM comment c LEFT JOIN comment p"
                      " ON c.parent_id = p.id").fetchall()
    for cid, aid, parent, text, paid in rows:
        if parent is not None and paid != aid:
            bad("comment %d: parent %r is not on its article" % (cid, parent))
        m = re.match(r"crash-comment (\S+) (\d+)\n", text)
        if not m:
            continue
        tag, size = m.group(1), int(m.group(2))
        if text != body(tag, size):
            bad("comment %d (%s): body of %d bytes, not the %d written" %
                (cid, tag, len(text), size))
        if tag not in want:
            bad("comment %d: %s was never written" % (cid, tag))
            continue
        if (aid, parent or 0) != want[tag][:2]:
            bad("comment %d (%s): on %d under %r, not %r" %
                (cid, tag, aid, parent, want[tag][:2]))
        found[tag] = found.get(tag, 0) + 1
    for tag, (_, _, _, status) in want.items():
        n = found.get(tag, 0)
        if n > 1 or (status == "must" and n == 0):
            bad("%s (%s) stored %d times" % (tag, status, n))
    print("# %d of %d comments stored, %d of them by killed runs" %
          (sum(found.values()), len(want),
           sum(found.get(t, 0) for t, w in want.items() if w[3] == "maybe")))


def main(argv):
    cmd = argv[1]
    if cmd == "plan":
        r = random.Random(int(argv[2]))
        for _ in range(int(argv[3])):
            print("%.6f" % r.random())
        return 0
    if cmd == "body":
        sys.stdout.write(body(argv[2], int(argv[3])))
        return 0
    if cmd == "parents":
        for (cid,) in connect(argv[2]).execute(
                "SELECT id FROM comment WHERE article_id = ? ORDER BY id",
                (int(argv[3]),)):
            print(cid)
        return 0
    if cmd == "articles":
        print(cmd_articles(argv[2], int(argv[3]),
                           int(argv[4]) if len(argv) > 4 else None))
    elif cmd == "comments":
        cmd_comments(argv[2], argv[3])
    else:
        sys.exit("crash-check.py: unknown command " + cmd)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
