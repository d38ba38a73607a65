#!/bin/sh
# feeds-ui.sh: the feeds in the reader, against tests/feed-server.py on
# 127.0.0.1: the list's feed column; R updates every feed on a worker
# thread while keys still move and open (a slow feed keeps the update
# going), "[k/4] title" progress, the summary at the end and the list
# refreshed; the feeds view (F) with counts and a failing feed's error,
# whole-screen golden tests/golden/screens/feeds-100x30.txt
# (TANDEM_GOLDEN_UPDATE=1 rewrites it); Enter narrows the list to a feed
# and q widens it again; R there updates that feed only; Q during an
# update quits at once and leaves the cache whole; tandem list --feed and
# --tag.
. "$top_srcdir/tests/e2e/lib.sh"
e2e_need_tmux
command -v python3 >/dev/null 2>&1 ||
	{ echo "1..0 # SKIP python3 is not installed"; exit 0; }

e2e_server "$top_srcdir/tests/feed-server.py" || exit 1
PORT=$E2E_PORT
S="http://127.0.0.1:$PORT"
export NO_PROXY='*' no_proxy='*' TZ=UTC
DB="$E2E_TMP/feeds.db"
OUT="$E2E_TMP/out" ERR="$E2E_TMP/err"
GOLDEN="$top_srcdir/tests/golden/screens/feeds-100x30.txt"
SLOW=6		# seconds the slow feed takes to answer
t() { "$TANDEM" --db "$DB" "$@" > "$OUT" 2> "$ERR"; }
sql() { python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
for r in c.execute(sys.argv[2]): print(*r)' "$DB" "$1"; }
tui() {
	e2e_start 100 30 env NO_PROXY='*' no_proxy='*' TZ=UTC \
	    "$TANDEM" --db "$DB"
}

t add "$S/gen/1.xml?items=3" --tag news --no-alternates
t add "$S/gen/2.xml?items=2" --no-alternates
t add "$S/gen/3.xml?items=4&delay=$SLOW" --no-alternates
t add "$S/sw/busy.xml" --no-alternates
# One at a time, so that the list's order is known.
t update 1 && t update 2 && t update 4; rc=$?
tap_check "three feeds updated from the command line" [ "$rc" -eq 0 ]
python3 -c 'import sys, urllib.request
urllib.request.urlopen(sys.argv[1] + "/bump?sw-busy").read()' "$S"

# tandem list --feed / --tag.
t list --feed 2
tap_check "list --feed ID: that feed's articles" sh -c '
    [ "$(wc -l < "$1")" -eq 2 ] && ! grep -qv "Feed 2 story" "$1"' _ "$OUT"
t list --feed "Generated feed 1"
tap_check "list --feed TITLE" sh -c '
    [ "$(wc -l < "$1")" -eq 3 ] && ! grep -qv "Feed 1 story" "$1"' _ "$OUT"
t list --feed "$S/gen/1.xml?items=3"
tap_check "list --feed URL" [ "$(wc -l < "$OUT")" -eq 3 ]
t list --tag news
tap_check "list --tag T: the tagged feeds' articles" sh -c '
    [ "$(wc -l < "$1")" -eq 3 ] && ! grep -qv "Feed 1 story" "$1"' _ "$OUT"
t list --tag nope; rc=$?
tap_check "list --tag of no feed: an error naming it" sh -c '
    [ "$1" -eq 1 ] && grep -q "no feed is tagged .nope." "$2"' _ "$rc" "$ERR"
t list --feed 99; rc=$?
tap_check "list --feed of no feed: an error naming it" sh -c '
    [ "$1" -eq 1 ] && grep -q "99: no such feed" "$2"' _ "$rc" "$ERR"
t list
TOP=$(head -1 "$OUT" | sed 's/.*  //')
BOTTOM=$(tail -1 "$OUT" | sed 's/.*  //')

tui
e2e_wait_for 'Q:quit'
e2e_expect "the list shows each article's feed" \
    'Generated feed 1  Feed 1 story 0'
e2e_expect "  a feed's title from its channel" 'Harbor Notes  '

# R: the slow feed keeps the update running while keys move and open.
e2e_keys R
e2e_expect "R: progress in the status line" '[3/4] '
e2e_keys G Enter
e2e_expect "  G Enter during the update opens the last article" "$BOTTOM"
e2e_capture > "$E2E_TMP/during"
tap_check "  while the update still runs" sh -c '
    grep -q "\[3/4\] " "$1" && ! grep -q "4 feeds," "$1"' _ "$E2E_TMP/during"
e2e_keys q g Enter
e2e_expect "  q g Enter: the first" "$TOP"
e2e_keys q
e2e_expect "the summary when it ends" \
    '4 feeds, 4 new articles, 1 failed' $((SLOW + 10))
e2e_expect "  the list refreshed" ' 11 articles'
e2e_expect "  with the slow feed's articles" 'Feed 3 story 3'

# F: the feeds view.
e2e_keys F
e2e_expect "F: the feeds view" 'Feeds (4)'
e2e_capture > "$E2E_TMP/feeds"
tap_check "  a failing feed's error" \
    grep -q '^! Harbor Notes .* HTTP 503$' "$E2E_TMP/feeds"

e2e_capture | sed -e 's/[[:space:]]*$//' \
    -e '1s/^ tandem [0-9][^ ]*/ tandem VERSION/' \
    -e 's/[0-9]\{4\}-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]/YYYY-MM-DD hh:mm/g' \
    > "$E2E_TMP/got"
if [ -n "${TANDEM_GOLDEN_UPDATE+set}" ]; then
	cp "$E2E_TMP/got" "$GOLDEN" && tap_ok "feeds view: golden rewritten"
elif diff -u "$GOLDEN" "$E2E_TMP/got" > "$E2E_TMP/diff"; then
	tap_ok "feeds view: matches its golden"
else
	tap_fail "feeds view: differs from its golden"
	sed 's/^/# /' "$E2E_TMP/diff"
fi
e2e_keys Enter
e2e_expect "Enter: that feed's articles, a header says which" \
    ' 3 of 11 articles, 9 unread  feed: Generated feed 1'
e2e_capture > "$E2E_TMP/one"
tap_check "  only its articles" sh -c '
    [ "$(grep -c "Feed . story" "$1")" -eq 3 ] &&
    [ "$(grep -c "Feed 1 story" "$1")" -eq 3 ]' _ "$E2E_TMP/one"
e2e_keys q
e2e_wait_gone 'feed: Generated'
e2e_capture | head -1 > "$E2E_TMP/title"
tap_check "q: every article again" grep -q ' 11 articles, [0-9]* unread *$' "$E2E_TMP/title"

e2e_keys F j R
e2e_expect "R in the feeds view updates the selected feed" \
    '1 feed, 0 new articles, 0 failed'
e2e_keys q

# Q while the slow feed is still on its way: out at once, cache whole.
e2e_keys R
e2e_expect "a second R starts again (the busy feed held back)" '[2/3] '
start=$(date +%s)
e2e_keys Q
e2e_expect_exit "Q during an update quits" 0 $((SLOW + 10))
took=$(( $(date +%s) - start ))
tap_check "  at once, not after the slow feed ($took s)" [ "$took" -lt 4 ]
tap_check "  the cache is whole" \
    [ "$(sql 'PRAGMA integrity_check')" = ok ]
tap_check "  the slow feed untouched: its 4 articles" \
    [ "$(sql 'SELECT count(*) FROM feed_entry WHERE feed_id = 3')" = 4 ]
tap_done
