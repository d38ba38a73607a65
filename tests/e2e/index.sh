#!/bin/sh
# index.sh: an import only queues its text for the search index; tandem
# index indexes it (and says how many rows); a search indexes what waits
# first; while another process holds the cache's lock a search finds
# what is indexed and says how much it left out; the reader indexes what
# waits while it waits for a key (tmux); a search with a long queue shows
# its indexing's progress on a terminal (tmux).
. "$top_srcdir/tests/e2e/lib.sh"
export TANDEM_DB="$E2E_TMP/i.db" TANDEM_SAMPLE_DIR=""
D="$top_srcdir/tests/data/search"

# waiting: the rows queued for the index (python3's sqlite3 module).
waiting() {
	python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print(c.execute("SELECT (SELECT count(*) FROM search_queue_text) +"
                " (SELECT count(*) FROM search_queue_title)").fetchone()[0])' \
	    "$TANDEM_DB"
}
# story FILE WORD: a one-paragraph English article with WORD in it.
story() {
	printf 'url: https://%s.test/\noriginal: en\n\n== en\ntitle: %s\n\nA %s story.\n' \
	    "$2" "$2" "$2" > "$1"
}

"$TANDEM" import "$top_srcdir/data/sample/seoul-sba-zhongguancun.txt" \
    "$D/menschen.txt" >/dev/null
n=$(waiting)
tap_check "the import left its rows queued ($n)" [ "$n" -gt 10 ]
"$TANDEM" index >"$E2E_TMP/out" 2>"$E2E_TMP/err"; rc=$?
tap_check "tandem index exits 0" [ "$rc" -eq 0 ]
tap_check "... and says it indexed them all" \
    grep -qx "search index: up to date ($n rows indexed now)" "$E2E_TMP/out"
tap_check "... nothing waits" [ "$(waiting)" -eq 0 ]
tap_check "... no progress into a file" [ ! -s "$E2E_TMP/err" ]
"$TANDEM" index >"$E2E_TMP/out"
tap_check "again: nothing to do" \
    grep -qx "search index: up to date (0 rows indexed now)" "$E2E_TMP/out"
"$TANDEM" index extra >/dev/null 2>"$E2E_TMP/err"; rc=$?
tap_check "an argument is a usage error" [ "$rc" -eq 2 ] && \
    grep -q "usage: tandem index" "$E2E_TMP/err"

story "$E2E_TMP/quokka.txt" quokka
"$TANDEM" import "$E2E_TMP/quokka.txt" >/dev/null
tap_check "a new article waits for the index" [ "$(waiting)" -eq 2 ]

# hold_lock: another process holds the cache's write lock, PID $lock.
hold_lock() {
	: >"$E2E_TMP/lock"
	python3 -c 'import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(120)' "$TANDEM_DB" >"$E2E_TMP/lock" &
	lock=$!
	trap 'kill "$lock" 2>/dev/null; e2e_cleanup' EXIT
	_i=0
	while [ "$_i" -lt 200 ] && ! grep -q locked "$E2E_TMP/lock"; do
		sleep 0.05; _i=$((_i + 1))
	done
}

# Another process holds the write lock: the search cannot index.
hold_lock
"$TANDEM" search quokka >"$E2E_TMP/out" 2>"$E2E_TMP/err"; rc=$?
"$TANDEM" search Menschen >"$E2E_TMP/out2" 2>/dev/null
kill "$lock" 2>/dev/null; wait "$lock" 2>/dev/null
tap_check "locked: the search still exits 0" [ "$rc" -eq 0 ]
tap_check "... the unindexed article is not found" [ ! -s "$E2E_TMP/out" ]
tap_check "... and it says how much it left out" grep -q \
    "search: 2 paragraphs and titles are not indexed yet" "$E2E_TMP/err"
tap_check "... an indexed one is found" grep -q "Menschen" "$E2E_TMP/out2"
"$TANDEM" search quokka >"$E2E_TMP/out" 2>"$E2E_TMP/err"
tap_check "unlocked: the search indexes first and finds it" \
    grep -q "quokka" "$E2E_TMP/out"
tap_check "... with no word about rows left out" [ ! -s "$E2E_TMP/err" ]
tap_check "... and nothing waits" [ "$(waiting)" -eq 0 ]

# The reader indexes while it waits for a key; when it cannot (another
# process holds the lock), / in the list says what it left out.
if command -v tmux >/dev/null 2>&1; then
	story "$E2E_TMP/wombat.txt" wombat
	"$TANDEM" import "$E2E_TMP/wombat.txt" >/dev/null
	tap_check "another article waits" [ "$(waiting)" -eq 2 ]
	hold_lock
	e2e_start 100 24 "$TANDEM"
	e2e_wait_for "wombat"
	e2e_keys / wombat Enter
	e2e_expect "locked: / says the rows it could not search" \
	    "no match; 2 rows are not indexed yet"
	tap_check "... and the reader indexed nothing" [ "$(waiting)" -eq 2 ]
	e2e_keys Q
	e2e_wait_exit >/dev/null
	kill "$lock" 2>/dev/null; wait "$lock" 2>/dev/null
	e2e_start 100 24 "$TANDEM"
	e2e_wait_for "wombat"
	i=0
	while [ "$i" -lt 200 ] && [ "$(waiting)" -ne 0 ]; do
		sleep 0.05; i=$((i + 1))
	done
	tap_check "the idle reader indexed it" [ "$(waiting)" -eq 0 ]
	e2e_keys Q
	status=$(e2e_wait_exit)
	tap_check "Q exits 0" [ "$status" = 0 ]

	# A first search after a large import shows the indexing's progress
	# on a terminal (10,000 rows or more wait), then its results.
	python3 -c 'import sys
print("url: https://numbat.test/\noriginal: en\n\n== en\ntitle: Numbat\n")
for i in range(10200): print("Paragraph %d of the numbat story.\n" % i)' \
	    >"$E2E_TMP/numbat.txt"
	"$TANDEM" import "$E2E_TMP/numbat.txt" >/dev/null
	n=$(waiting)
	tap_check "a long article waits ($n rows)" [ "$n" -ge 10000 ]
	e2e_start 100 24 "$TANDEM" search numbat
	e2e_expect "on a terminal, the search shows its indexing" \
	    "tandem: indexing: $n of $n rows"
	e2e_expect "... then what it found" "Numbat"
	status=$(e2e_wait_exit)
	tap_check "... and exits 0" [ "$status" = 0 ]
	tap_check "... nothing waits" [ "$(waiting)" -eq 0 ]
else
	tap_skip "the idle reader indexes" "tmux is not installed"
fi
tap_done
