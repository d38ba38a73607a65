#!/bin/sh
# drafts.sh: a comment typed while the cache cannot be written survives.
# Another process holds the cache's write lock (BEGIN IMMEDIATE, kept
# open); typing in the reader must not freeze for the busy timeout, and
# Ctrl-D must say the cache is busy and where the draft went: a file
# under $XDG_STATE_HOME/tandem/drafts, mode 0600.  Once the lock is gone,
# C offers the draft again and sending it stores it and removes the file.
# Also: text after a NUL byte in the $EDITOR file is not dropped.
. "$top_srcdir/tests/e2e/lib.sh"
e2e_need_tmux
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 is not installed"; exit 0; }
export TANDEM_DB="$E2E_TMP/c.db" TANDEM_SAMPLE_DIR=""
export XDG_STATE_HOME="$E2E_TMP/state"
DRAFTS="$XDG_STATE_HOME/tandem/drafts"
"$TANDEM" import "$top_srcdir/data/sample/seoul-sba-zhongguancun.txt" >/dev/null
"$TANDEM" login --name "Lock Tester" >/dev/null
sql() {
	python3 -c 'import sqlite3,sys
for r in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]): print("|".join(map(str, r)))' "$TANDEM_DB" "$1"
}
LOCK=
unlock() { [ -n "$LOCK" ] && kill "$LOCK" 2>/dev/null && wait "$LOCK" 2>/dev/null; LOCK=; }
trap 'unlock; e2e_cleanup' EXIT
# lock: another process takes the write lock and keeps it.
lock() {
	rm -f "$E2E_TMP/locked"
	python3 -c 'import sqlite3,sys,time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")
open(sys.argv[2], "w").close()
time.sleep(600)' "$TANDEM_DB" "$E2E_TMP/locked" &
	LOCK=$!
	_i=0
	while [ ! -f "$E2E_TMP/locked" ] && [ "$_i" -lt 100 ]; do sleep 0.1; _i=$((_i + 1)); done
}
open_comments() {
	e2e_wait_for "ko en ja zh fr"
	e2e_keys Enter
	e2e_wait_for "Seoul"
	e2e_keys c
	e2e_wait_for "You must be logged in to post a comment."
}

e2e_start 160 40 env XDG_STATE_HOME="$XDG_STATE_HOME" "$TANDEM"
open_comments
lock
tap_check "another process holds the write lock" [ -f "$E2E_TMP/locked" ]
e2e_keys C
e2e_wait_for "New comment"
# Each batch of keys shows within 2 s (a 5 s wait per key would not).
e2e_keys -l "typed while"
e2e_expect "typing echoes at once while the cache is locked" "typed while" 2
e2e_keys -l " locked"
e2e_expect "and keeps echoing" "typed while locked" 2
e2e_keys C-d
e2e_expect "Ctrl-D says the cache is busy and where the draft is" \
    "cache busy: not sent; draft kept in $DRAFTS/1.txt"
tap_check "the draft file exists" [ -f "$DRAFTS/1.txt" ]
tap_check "with mode 0600" [ "$(stat -c %a "$DRAFTS/1.txt" 2>/dev/null)" = 600 ]
tap_check "in a directory of mode 0700" [ "$(stat -c %a "$DRAFTS" 2>/dev/null)" = 700 ]
tap_check "holding the text" grep -q "^typed while locked$" "$DRAFTS/1.txt"
tap_check "and the article it is on" grep -q "^article: 1$" "$DRAFTS/1.txt"
unlock
e2e_keys C
e2e_expect "C offers the kept draft again" "was kept in a file"
e2e_expect "with its text" "typed while locked"
e2e_keys C-d
e2e_expect "Ctrl-D sends it" "comment saved"
tap_check "the comment is in the cache" \
    sh -c '"$1" comments 1 | grep -q "typed while locked"' _ "$TANDEM"
tap_check "and the file is gone" [ ! -e "$DRAFTS/1.txt" ]

# Esc while locked: the draft is kept, and the message says where.
lock
e2e_keys C
e2e_wait_for "New comment"
e2e_keys -l "second try"
e2e_wait_for "second try" 2
e2e_keys Escape
e2e_expect "Esc says the draft is in a file" "draft kept in $DRAFTS/1.txt"
unlock
e2e_keys Q
e2e_expect_exit "Q exits 0"
tap_check "the file holds the Esc draft" grep -q "^second try$" "$DRAFTS/1.txt"
e2e_start 160 40 env XDG_STATE_HOME="$XDG_STATE_HOME" "$TANDEM"
open_comments
e2e_keys C
e2e_expect "a new reader offers the file's draft" "second try"
tap_check "and saves it in the cache, removing the file" \
    sh -c '[ "$(python3 -c "import sqlite3,sys
print(sqlite3.connect(sys.argv[1]).execute(\"select count(*) from comment where state = '"'draft'"' and body = '"'second try'"'\").fetchone()[0])" "$1")" = 1 ] && [ ! -e "$2" ]' _ "$TANDEM_DB" "$DRAFTS/1.txt"
e2e_keys Escape
e2e_keys Q
e2e_expect_exit "exits 0"

# A NUL byte in the $EDITOR file: replaced and said, the rest kept.
cat > "$E2E_TMP/editor" <<-'SH'
	#!/bin/sh
	printf 'before\000after' > "$1"
SH
chmod +x "$E2E_TMP/editor"
e2e_start 100 40 env EDITOR="$E2E_TMP/editor" VISUAL= \
    XDG_STATE_HOME="$XDG_STATE_HOME" "$TANDEM"
open_comments
e2e_keys C
e2e_wait_for "New comment"
e2e_keys C-e
e2e_expect "a NUL in the editor's file is reported" "the file held 1 NUL byte: replaced"
e2e_expect "and the text after it is kept" "before$(printf "\357\277\275")after"
e2e_keys C-d
e2e_wait_for "comment saved"
tap_check "the stored comment has the text after the NUL" \
    [ "$(sql "select count(*) from comment where body like 'before%after'")" = 1 ]
e2e_keys Q
e2e_expect_exit "exits 0"

# tandem comment reading standard input: the same.
printf 'one\000two' > "$E2E_TMP/nul.txt"
"$TANDEM" comment 1 < "$E2E_TMP/nul.txt" 2>"$E2E_TMP/err" >/dev/null
tap_check "tandem comment warns about the NUL" grep -q "1 NUL byte" "$E2E_TMP/err"
tap_check "and keeps the text after it" \
    [ "$(sql "select count(*) from comment where body like 'one%two'")" = 1 ]
tap_done
