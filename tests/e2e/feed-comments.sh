#!/bin/sh
# feed-comments.sh: tandem update reads the comments of new and changed
# articles from their comment feeds (RSS wfw:commentRss, Atom
# rel="replies") served by tests/feed-server.py on 127.0.0.1: they show
# in tandem comments ID as the site's, a repeat changes nothing, an edit
# updates its row, a comment the feed drops goes, local ones stay, and
# --no-comments fetches none (the server's request log says so); an
# Atom comment feed's threads (thr:in-reply-to) are kept.  And tandem
# search --feed and --tag over the same feeds.
. "$top_srcdir/tests/e2e/lib.sh"
command -v python3 >/dev/null 2>&1 ||
	{ echo "1..0 # SKIP python3 is not installed"; exit 0; }

e2e_server "$top_srcdir/tests/feed-server.py" || exit 1
PORT=$E2E_PORT
S="http://127.0.0.1:$PORT"
export NO_PROXY='*' no_proxy='*'
DB="$E2E_TMP/feeds.db"
OUT="$E2E_TMP/out" ERR="$E2E_TMP/err"
t() { "$TANDEM" --db "$DB" "$@" > "$OUT" 2> "$ERR"; }
get() { python3 -c 'import sys, urllib.request
sys.stdout.write(urllib.request.urlopen(sys.argv[1]).read().decode())' "$1"; }
# How many requests so far asked for a path starting with $1.
asked() { get "$S/log" | grep -c "\"path\": \"$1"; }
sql() { python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
for r in c.execute(sys.argv[2]): print(*r)' "$DB" "$1"; }

# --no-comments: the feeds alone, not one comment feed or page.
DB="$E2E_TMP/none.db"
t add "$S/f/comments.xml" --no-alternates
t add "$S/f/comments-atom.xml" --no-alternates
t update --no-comments; rc=$?
tap_check "update --no-comments: exit 0" [ "$rc" -eq 0 ]
tap_check "  no comment feed or article page was fetched" \
    test "$(asked /c/)$(asked /cf/)" = 00
tap_check "  no comment stored" test "$(sql "SELECT count(*) FROM comment")" = 0

DB="$E2E_TMP/feeds.db"
t add "$S/f/comments.xml" --no-alternates
t add "$S/f/comments-atom.xml" --no-alternates --tag lanterns
t update; rc=$?
tap_check "update with comments: exit 0" [ "$rc" -eq 0 ]
tap_check "  the summary counts them" grep -q "3 comments of 2 articles" "$OUT"
QUAY=$(sql "SELECT article_id FROM feed_entry WHERE key = 'cf-quay'")
PIER=$(sql "SELECT article_id FROM feed_entry WHERE key LIKE '%:pier'")
TIDE=$(sql "SELECT article_id FROM feed_entry WHERE key = 'cf-tide'")
tap_check "  the RSS comment feed was read once" test "$(asked /c/quay.xml)" = 1
tap_check "  an entry without comment links costs no request" \
    test "$(asked /cf/tide)" = 0
t comments "$QUAY"
tap_check "RSS comments are the site's" sh -c '
    grep -q "Mina .*(site)" "$1" && grep -q "준호 .*(site)" "$1"' _ "$OUT"
tap_check "  HTML bodies made text, entities decoded" sh -c '
    grep -q "The boats & the gulls, every morning\." "$1" &&
    grep -q "새벽 항구가 정말 아름답네요 & 조용해요" "$1"' _ "$OUT"
t comments "$PIER"
tap_check "Atom replies feed: the site's comment" sh -c '
    grep -q "Haruto .*(site)" "$1" && grep -q "提灯がきれいです" "$1"' _ "$OUT"
t comments "$TIDE"
tap_check "an article without a comment feed has none" \
    test "$(sql "SELECT count(*) FROM comment WHERE article_id = $TIDE")" = 0

sql "SELECT id, author, body, remote_id FROM comment ORDER BY id" \
    > "$E2E_TMP/before"
n=$(asked /c/)
t update; rc=$?
sql "SELECT id, author, body, remote_id FROM comment ORDER BY id" \
    > "$E2E_TMP/after"
tap_check "a second update: exit 0, no comment feed fetched again" \
    test "$rc:$(asked /c/)" = "0:$n"
tap_check "  and the comments are as they were" \
    cmp -s "$E2E_TMP/before" "$E2E_TMP/after"

# A local comment, then the site edits one comment and drops another.
t comment "$QUAY" -m "A note that stays here"
MINA=$(sql "SELECT id FROM comment WHERE author = 'Mina'")
get "$S/bump?c-quay" > /dev/null
get "$S/bump?comments" > /dev/null
t update; rc=$?
tap_check "an update of the changed entry: exit 0" [ "$rc" -eq 0 ]
t comments "$QUAY"
tap_check "  the comment dropped by the feed is gone" sh -c '
    ! grep -q "준호" "$1"' _ "$OUT"
tap_check "  the edited one is updated in its row" test \
    "$(sql "SELECT id, body FROM comment WHERE author = 'Mina'")" = \
    "$MINA The boats & the gulls, edited at noon."
tap_check "  the local comment stays, marked local" \
    grep -q "(local)" "$OUT"
tap_check "  one row for Mina, none twice" \
    test "$(sql "SELECT count(*) FROM comment WHERE article_id = $QUAY")" = 2

# tandem comments ID --fetch reads the comment feed too.
n=$(asked /c/pier.xml)
t comments "$PIER" --fetch; rc=$?
tap_check "comments ID --fetch on a site without an API reads its feed" \
    sh -c '[ "$1" -eq 0 ] && grep -q "1 comment from the site" "$2" &&
    [ "$3" -eq $(($4 + 1)) ]' _ "$rc" "$ERR" "$(asked /c/pier.xml)" "$n"

# Atom threading (RFC 4685): thr:in-reply-to makes a reply of an entry,
# its parent stored first whatever the order of feed and ids; a parent
# the feed lacks, itself or a cycle leaves it at the top level.
get "$S/bump?c-pier" > /dev/null
HARUTO=$(sql "SELECT id FROM comment WHERE author = 'Haruto'")
t comments "$PIER" --fetch; rc=$?
parent() { sql "SELECT coalesce(p.author, '-') FROM comment c
    LEFT JOIN comment p ON p.id = c.parent_id WHERE c.author = '$1'"; }
tap_check "a threaded Atom comment feed: exit 0, 7 comments" sh -c '
    [ "$1" -eq 0 ] && grep -q "7 comments from the site" "$2"' _ "$rc" "$ERR"
tap_check "  Sora's reply is Haruto's, Yuki's Sora's" \
    test "$(parent Sora) $(parent Yuki) $(parent Haruto)" = "Haruto Sora -"
tap_check "  Haruto keeps his row" \
    test "$(sql "SELECT id FROM comment WHERE author = 'Haruto'")" = "$HARUTO"
tap_check "  a parent not in the feed, or itself: top level" \
    test "$(parent Ren) $(parent Aoi)" = "- -"
tap_check "  a cycle is cut once: one of the two is top level" sh -c '
    case "$1" in "Kai -"|"- Mei") exit 0;; esac; exit 1' _ \
    "$(parent Mei) $(parent Kai)"
t comments "$PIER"
tap_check "  tandem comments indents the threads" sh -c '
    grep -q "^\[[0-9]*\] Haruto" "$1" && grep -q "^  \[[0-9]*\] Sora" "$1" &&
    grep -q "^    \[[0-9]*\] Yuki" "$1" && grep -q "^    夜の桟橋もいいですよ" "$1"' \
    _ "$OUT"
t comments "$PIER" --fetch
tap_check "  a second read changes no parent" \
    test "$(parent Sora) $(parent Yuki) $(parent Ren)" = "Haruto Sora -"

# tandem search --feed F (id, URL or title) and --tag T.
t search boats OR tide OR lanterns
tap_check "search without a filter finds both feeds' articles" \
    test "$(cut -d' ' -f1 "$OUT" | sort | tr '\n' ' ')" = \
    "$(printf '%s\n' "$QUAY" "$TIDE" "$PIER" | sort | tr '\n' ' ')"
t search boats OR tide OR lanterns --feed "Quay talk"
tap_check "search --feed TITLE: that feed's articles" \
    test "$(cut -d' ' -f1 "$OUT" | sort | tr '\n' ' ')" = \
    "$(printf '%s\n' "$QUAY" "$TIDE" | sort | tr '\n' ' ')"
t search boats --feed "$S/f/comments-atom.xml"; rc=$?
tap_check "search --feed URL of a feed without a match: none, exit 0" \
    sh -c '[ "$1" -eq 0 ] && [ ! -s "$2" ]' _ "$rc" "$OUT"
FID=$(sql "SELECT id FROM feed WHERE title = 'Lantern notes'")
t search lanterns --feed "$FID"
tap_check "search --feed ID" test "$(cut -d' ' -f1 "$OUT")" = "$PIER"
t search lanterns --tag lanterns
tap_check "search --tag T: its feeds' articles" \
    test "$(cut -d' ' -f1 "$OUT")" = "$PIER"
t search boats --tag lanterns; rc=$?
tap_check "search --tag T without a match: none" \
    sh -c '[ "$1" -eq 0 ] && [ ! -s "$2" ]' _ "$rc" "$OUT"
t search boats --tag nosuch; rc=$?
tap_check "search --tag of no feed: exit 1, saying so" sh -c '
    [ "$1" -eq 1 ] && grep -q "search: no feed is tagged .nosuch." "$2"' \
    _ "$rc" "$ERR"
t search boats --feed "No such feed"; rc=$?
tap_check "search --feed of no feed: exit 1" sh -c '
    [ "$1" -eq 1 ] && grep -q "No such feed" "$2"' _ "$rc" "$ERR"

tap_check "integrity_check ok" test "$(sql "PRAGMA integrity_check")" = ok
tap_done
