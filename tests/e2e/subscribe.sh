#!/bin/sh
# subscribe.sh: tandem add, feeds, update, unsubscribe, import-opml and
# export-opml against tests/feed-server.py on 127.0.0.1: autodiscovery,
# conditional GET (the server records If-None-Match/If-Modified-Since)
# with 304s that change nothing, an entry seen again updates its
# article, translations grouped from Atom hreflang and from a
# Polylang-style pair of feeds, 301/410/503 handled, a failing feed
# keeps its articles, unread state survives, parallel fetching, and an
# OPML round trip.
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
log() { python3 -c 'import sys, urllib.request
sys.stdout.write(urllib.request.urlopen(sys.argv[1] + "/log").read().decode())' "$S"; }
sql() { python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
for r in c.execute(sys.argv[2]): print(*r)
c.commit()' "$DB" "$1"; }

# Autodiscovery, tags and settings.
t add "$S/site.html" --tag harbour --tag news --no-alternates; rc=$?
tap_check "add a page: exit 0" [ "$rc" -eq 0 ]
tap_check "  its feed was discovered" grep -q "^feed 1: $S/f/rss.xml\$" "$OUT"
t add "$S/f/rss.xml"; rc=$?
tap_check "add the same feed again fails" [ "$rc" -ne 0 ]
tap_check "  saying so" grep -q "already subscribed" "$ERR"
t add "http://feed.invalid/x" --bogus; rc=$?
tap_check "add with an unknown option is a usage error" [ "$rc" -eq 2 ]
t add "http://user:secret@feed.invalid/x"; rc=$?
tap_check "add refuses a URL with a password, without fetching it" sh -c '
    [ "$1" -eq 2 ] && grep -q "feed.invalid/x: a URL with a user name" "$2" &&
    ! grep -q secret "$2"' _ "$rc" "$ERR"
t add "$S/f/atom.xml" --no-alternates
t add "$S/pl/en/feed/"
t add "$S/pl/fr/feed/"
t add "$S/sw/moved.xml" --no-alternates
t add "$S/sw/gone.xml" --no-alternates
t add "$S/sw/busy.xml" --no-alternates

# First update: everything is new.
t update; rc=$?
tap_check "first update exits 0" [ "$rc" -eq 0 ]
tap_check "  summary line" grep -q "^7 feeds, [0-9][0-9]* new articles, 0 failed" "$OUT"
t feeds
tap_check "feeds: titles, languages and tags" sh -c '
    grep -q "^1  Harbor Notes\$" "$1" &&
    grep -q "languages en  tags harbour,news  2 articles, 2 unread" "$1" &&
    grep -q "languages en de " "$1"' _ "$OUT"

# Grouping: the Atom hreflang pair is one article in en and de; the
# Polylang pair of feeds one article in en and fr, with both pages.
tap_check "Atom hreflang alternates: one article, en and de" \
    test "$(sql "SELECT group_concat(lang, ' ') FROM (SELECT t.lang FROM
	translation t JOIN feed_entry e ON e.article_id = t.article_id
	WHERE e.feed_id = 2 AND e.key LIKE '%bridge%' GROUP BY t.id
	ORDER BY t.lang)")" = "de en"
tap_check "  both entries lead to that article" \
    test "$(sql "SELECT count(DISTINCT article_id) || ' ' || count(*) FROM
	feed_entry WHERE feed_id = 2 AND key LIKE '%bridge%'")" = "1 2"
tap_check "Polylang feeds: one article for both entries" \
    test "$(sql "SELECT count(DISTINCT article_id) FROM feed_entry
	WHERE feed_id IN (3, 4)")" = 1
tap_check "  with en and fr from the pages" \
    test "$(sql "SELECT group_concat(lang, ' ') FROM (SELECT lang FROM
	translation WHERE article_id = (SELECT article_id FROM feed_entry
	WHERE feed_id = 3) ORDER BY lang)")" = "en fr"
tap_check "  the fr text is the page's, not the feed's summary" \
    test "$(sql "SELECT count(*) FROM paragraph p JOIN translation t
	ON t.id = p.translation_id WHERE t.lang = 'fr'
	AND p.text LIKE 'La musique joue%'")" = 1

# Read one article; the second update asks conditionally, gets 304s
# and changes nothing.
"$TANDEM" --db "$DB" list > "$E2E_TMP/list1"
sql "SELECT id, updated_at, read FROM article ORDER BY id" > "$E2E_TMP/a1"
FIRST=$(sql "SELECT article_id FROM feed_entry WHERE feed_id = 1
    AND key = 'harbor-notes-2'")
sql "UPDATE article SET read = 1 WHERE id = $FIRST" >/dev/null
log > "$E2E_TMP/log1"
sleep 1	# so that a changed updated_at would show
t update; rc=$?
tap_check "second update exits 0" [ "$rc" -eq 0 ]
tap_check "  nothing new, every feed unchanged" \
    grep -q "^7 feeds, 0 new articles, 0 failed, 7 unchanged" "$OUT"
log > "$E2E_TMP/log2"
tap_check "  it sent If-None-Match and If-Modified-Since" sh -c '
    tail -n +$(($(wc -l < "$1") + 1)) "$2" | grep "\"/f/rss.xml\"" |
    grep -q "\"inm\": \"\\\\\"[0-9a-f]*\\\\\"\", \"ims\": \"[A-Z][a-z][a-z], "' \
    _ "$E2E_TMP/log1" "$E2E_TMP/log2"
sql "UPDATE article SET read = 0 WHERE id = $FIRST" >/dev/null
sql "SELECT id, updated_at, read FROM article ORDER BY id" > "$E2E_TMP/a2"
tap_check "  no article added or touched" cmp -s "$E2E_TMP/a1" "$E2E_TMP/a2"

# The feed changes: one new entry, one changed, one the same; and the
# switched feeds now answer 301, 410 and 503.
for k in rss sw-moved sw-gone sw-busy; do
	python3 -c 'import sys, urllib.request
urllib.request.urlopen(sys.argv[1]).read()' "$S/bump?$k"
done
sql "UPDATE article SET read = 1 WHERE id = $FIRST" >/dev/null
N0=$(sql "SELECT count(*) FROM article")
t update; rc=$?
tap_check "third update: the failures make the exit status 1" [ "$rc" -eq 1 ]
tap_check "  summary counts the two failures" \
    grep -q "^7 feeds, 1 new article, 2 failed" "$OUT"
tap_check "  one more article" \
    test "$(sql "SELECT count(*) FROM article")" -eq $((N0 + 1))
tap_check "  the changed entry updated its article, not a new one" \
    test "$(sql "SELECT t.title FROM translation t JOIN feed_entry e ON
	e.article_id = t.article_id WHERE e.feed_id = 1
	AND e.key = 'harbor-notes-1'")" = "The ferry timetable changes in June"
tap_check "  unread state survived" \
    test "$(sql "SELECT read FROM article WHERE id = $FIRST")" = 1
tap_check "  301: the stored URL moved" \
    test "$(sql "SELECT url FROM feed WHERE id = 5")" = "$S/f/atom.xml?from=moved"
tap_check "  410: the feed is gone" \
    test "$(sql "SELECT gone FROM feed WHERE id = 6")" = 1
tap_check "  503: Retry-After is kept" \
    test "$(sql "SELECT retry_after > strftime('%s') + 60 FROM feed
	WHERE id = 7")" = 1
tap_check "  a failing feed keeps its articles" \
    test "$(sql "SELECT count(*) FROM feed_entry WHERE feed_id = 7")" -gt 0
t feeds
tap_check "feeds shows the error and gone" sh -c '
    grep -q "failed: .*/sw/busy.xml: HTTP 503" "$1" &&
    grep -q "gone (HTTP 410)" "$1"' _ "$OUT"
log > "$E2E_TMP/log3"
t update
log > "$E2E_TMP/log4"
tap_check "gone and held feeds are not fetched again" sh -c '
    tail -n +$(($(wc -l < "$1") + 1)) "$2" > "$3"
    ! grep -q "/sw/gone\|/sw/busy" "$3" && grep -q "/f/rss.xml" "$3"' \
    _ "$E2E_TMP/log3" "$E2E_TMP/log4" "$E2E_TMP/new"
tap_check "  and the summary says they were held" \
    grep -q ", 2 held" "$OUT"

# OPML: export, import into a new cache, export again: the same file.
t export-opml; cp "$OUT" "$E2E_TMP/a.opml"
tap_check "export-opml: tags as categories" \
    grep -q 'category="[^"]*harbour' "$E2E_TMP/a.opml"
DB2="$E2E_TMP/opml.db"
"$TANDEM" --db "$DB2" import-opml "$E2E_TMP/a.opml" > "$OUT" 2> "$ERR"; rc=$?
tap_check "import-opml exits 0" [ "$rc" -eq 0 ]
tap_check "  7 feeds added" grep -q "^7 feeds added" "$OUT"
"$TANDEM" --db "$DB2" export-opml > "$E2E_TMP/b.opml"
tap_check "  export of the import is the same file" \
    cmp -s "$E2E_TMP/a.opml" "$E2E_TMP/b.opml"
printf 'not <opml' > "$E2E_TMP/bad.opml"
"$TANDEM" --db "$DB2" import-opml "$E2E_TMP/bad.opml" > "$OUT" 2> "$ERR"; rc=$?
tap_check "a broken OPML file: exit 1, naming it" sh -c '
    [ "$1" -eq 1 ] && grep -q "bad.opml" "$2"' _ "$rc" "$ERR"

# Unsubscribe keeps the articles; --purge removes those of no other feed.
N0=$(sql "SELECT count(*) FROM article")
t unsubscribe 2
tap_check "unsubscribe: articles stay" \
    test "$(sql "SELECT count(*) FROM article")" -eq "$N0"
tap_check "  the feed is gone from the list" sh -c '
    "$1" --db "$2" feeds | grep -q "Valley Gazette" && exit 1; exit 0' \
    _ "$TANDEM" "$DB"
t unsubscribe "$S/pl/en/feed/" --purge
tap_check "unsubscribe --purge keeps an article another feed has" \
    test "$(sql "SELECT count(*) FROM feed_entry WHERE feed_id = 4")" -eq 1
t unsubscribe 4 --purge
tap_check "  and removes it with the last feed" \
    test "$(sql "SELECT count(*) FROM article")" -eq $((N0 - 1))
t unsubscribe "no such feed"; rc=$?
tap_check "unsubscribe of an unknown feed fails" [ "$rc" -eq 1 ]

# Parallel: four feeds each 1 s late take about 1 s, not 4.
DB3="$E2E_TMP/slow.db"
for n in 1 2 3 4; do
	"$TANDEM" --db "$DB3" add "$S/gen/$n.xml?items=3" --no-alternates \
	    > /dev/null
	sql_db3="UPDATE feed SET url = '$S/gen/$n.xml?items=3&delay=1'
	    WHERE id = $n"
	python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1]); c.execute(sys.argv[2]); c.commit()' \
	    "$DB3" "$sql_db3"
done
start=$(date +%s.%N)
"$TANDEM" --db "$DB3" update --per-host 8 > "$OUT" 2> "$ERR"
end=$(date +%s.%N)
tap_check "slow feeds: all four stored" grep -q "^4 feeds, 12 new articles" "$OUT"
tap_check "  fetched in parallel (under 3 s for 4 x 1 s)" \
    python3 -c 'import sys; t = float(sys.argv[2]) - float(sys.argv[1])
print("# %.2f s" % t); sys.exit(0 if 1 <= t < 3 else 1)' "$start" "$end"
start=$(date +%s.%N)
"$TANDEM" --db "$DB3" update --connections 1 > "$OUT" 2> "$ERR"
end=$(date +%s.%N)
tap_check "  --connections 1 makes them wait for each other (>= 4 s)" \
    python3 -c 'import sys; t = float(sys.argv[2]) - float(sys.argv[1])
print("# %.2f s" % t); sys.exit(0 if t >= 3.8 else 1)' "$start" "$end"

# --full-text: a summary-only entry gets its page's text; the other
# entry, with content, keeps the feed's.
DB4="$E2E_TMP/full.db"
"$TANDEM" --db "$DB4" add "$S/f/rss.xml" --no-alternates --full-text \
    > /dev/null
"$TANDEM" --db "$DB4" update > "$OUT" 2> "$ERR"
DB="$DB4"
tap_check "--full-text: the summary-only entry has its page's text" \
    test "$(sql "SELECT count(*) FROM paragraph WHERE text LIKE
	'The keeper%'")" = 1
tap_check "  the entry with content was not fetched" sh -c '
    ! grep -q "/notes/ferry-timetable" "$1"' _ "$ERR"
tap_check "  not updated yet is said so" sh -c '
    "$1" --db "$2" add "$3/f/atom.xml" > /dev/null &&
    "$1" --db "$2" feeds | grep -q "not updated yet"' _ "$TANDEM" "$DB4" "$S"

# Progress on a terminal (script(1) gives the update one).
if command -v script >/dev/null 2>&1; then
	script -qec "'$TANDEM' --db '$DB4' update" /dev/null \
	    > "$E2E_TMP/tty" 2>&1
	tap_check "progress on a terminal: [n/total] title" \
	    grep -q '\[[12]/2\] \(Harbor Notes\|Valley Gazette\)' "$E2E_TMP/tty"
	"$TANDEM" --db "$DB4" update > /dev/null 2> "$E2E_TMP/notty"
	tap_check "  and none through a pipe" sh -c '! grep -q "\[1/2\]" "$1"' \
	    _ "$E2E_TMP/notty"
else
	tap_skip "progress on a terminal" "script(1) is not installed"
fi

tap_check "integrity_check ok" test "$(sql "PRAGMA integrity_check")" = ok
tap_done
