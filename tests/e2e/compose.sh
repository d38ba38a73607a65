#!/bin/sh
# compose.sh: writing comments in the reader: the login the policy asks
# for, wide and combining text typed through the terminal stored byte
# for byte, replies, a draft that survives SIGHUP, and $EDITOR.
. "$top_srcdir/tests/e2e/lib.sh"
e2e_need_tmux
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 is not installed"; exit 0; }
export TANDEM_DB="$E2E_TMP/c.db" TANDEM_SAMPLE_DIR=""
"$TANDEM" import "$top_srcdir/data/sample/seoul-sba-zhongguancun.txt" >/dev/null
sql() {
	python3 -c 'import sqlite3,sys
for r in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]): print("|".join(map(str, r)))' "$TANDEM_DB" "$1"
}
status_line() { e2e_capture | tail -n 1; }
open_comments() {
	e2e_wait_for "ko en ja zh fr" >/dev/null
	e2e_keys Enter
	e2e_wait_for "Seoul" >/dev/null
	e2e_keys c
	e2e_wait_for "You must be logged in to post a comment." >/dev/null
}

e2e_start 100 40 "$TANDEM"
open_comments
e2e_keys C
if e2e_wait_for "You must be logged in to post a comment.  Your name:"; then
	tap_ok "C without an identity asks to log in"; else e2e_dump login; tap_fail "C without an identity asks to log in"; fi
e2e_keys -l "민수 Kim"
e2e_keys Enter
e2e_wait_for "E-mail" >/dev/null
e2e_keys Enter
tap_check "then the editor opens" e2e_wait_for "New comment  Ctrl-D sends"
tap_check "the identity is stored" [ "$("$TANDEM" whoami)" = "민수 Kim" ]

# Korean, Japanese, a combining acute (e + U+0301) and an emoji.
TEXT="서울 댓글 東京です e$(printf '\314\201') 😀 끝"
e2e_keys -l "$TEXT"
tap_check "typed text shows in the editor" e2e_wait_for "서울 댓글 東京です"
e2e_keys C-d
tap_check "Ctrl-D sends" e2e_wait_for "comment saved"
tap_check "stored byte for byte" [ "$(sql "select body from comment where state = 'posted'")" = "$TEXT" ]
tap_check "in the language being read" [ "$(sql "select lang from comment where state = 'posted'")" = "en" ]
tap_check "shown under its author" e2e_wait_for "민수 Kim · "
row=$(e2e_capture | grep -F "서울 댓글 東京です")
tap_check "shown whole, at its width in cells" \
    sh -c 'printf "%s\n" "$1" | python3 "$2" width 100 && printf "%s" "$1" | grep -q "끝$"' _ \
    "$row" "$top_srcdir/tests/e2e/screen.py"

# A reply nests under it.
e2e_keys r
e2e_wait_for "Reply to 민수 Kim" >/dev/null
e2e_keys -l "Reply text"
e2e_keys C-d
e2e_wait_for "comment saved" >/dev/null
tap_check "the reply's parent is the first comment" \
    [ "$(sql "select count(*) from comment c join comment p on c.parent_id = p.id where c.body = 'Reply text'")" = 1 ]
tap_check "the reply is indented under a bar" e2e_wait_for " | 민수 Kim · "

# A draft survives SIGHUP (an SSH connection that drops).
e2e_keys C
e2e_wait_for "New comment" >/dev/null
e2e_keys -l "unfinished thought"
e2e_wait_for "unfinished thought" >/dev/null
kill -HUP "$(e2e_app_pid)"
tap_check "SIGHUP ends tandem (129)" [ "$(e2e_wait_exit)" = 129 ]
tap_check "the draft is in the cache" [ "$(sql "select body from comment where state = 'draft'")" = "unfinished thought" ]
e2e_start 100 40 "$TANDEM"
open_comments
tap_check "the draft is listed" e2e_wait_for "(draft)"
e2e_keys C
tap_check "C offers it again" e2e_wait_for "your draft from"
tap_check "with its text" e2e_wait_for "unfinished thought"
e2e_keys Escape
tap_check "Esc keeps it" e2e_wait_for "draft kept"

# $EDITOR: a script that appends to the file it is given.
cat > "$E2E_TMP/editor" <<-'SH'
	#!/bin/sh
	printf ' (edited)' >> "$1"
SH
chmod +x "$E2E_TMP/editor"
e2e_keys Q
e2e_wait_exit >/dev/null
e2e_start 100 40 env EDITOR="$E2E_TMP/editor" VISUAL= "$TANDEM"
open_comments
e2e_keys C
e2e_wait_for "unfinished thought" >/dev/null
e2e_keys C-e
tap_check "Ctrl-E runs \$EDITOR on the text" e2e_wait_for "unfinished thought (edited)"
e2e_keys C-d
e2e_wait_for "comment saved" >/dev/null
tap_check "the edited text is what is saved" \
    [ "$(sql "select body from comment where body like 'unfinished%'")" = "unfinished thought (edited)" ]
tap_check "and no draft is left" [ "$(sql "select count(*) from comment where state = 'draft'")" = 0 ]
e2e_keys Q
tap_check "exits 0" [ "$(e2e_wait_exit)" = 0 ]

# The command line shares the policy and the threads.
tap_check "tandem comments prints the thread" \
    sh -c '"$1" comments 1 | grep -q "^  \[[0-9]*\] 민수 Kim"' _ "$TANDEM"
"$TANDEM" logout >/dev/null
"$TANDEM" comment 1 -m "x" 2>"$E2E_TMP/err"; rc=$?
tap_check "logged out: the policy refuses" [ "$rc" -eq 1 ]
tap_check "and says why" grep -q "You must be logged in to post a comment" "$E2E_TMP/err"
"$TANDEM" comment rm 999 2>"$E2E_TMP/err"; rc=$?
tap_check "rm of a missing comment fails" [ "$rc" -eq 1 ]
tap_done
