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
	e2e_wait_for "ko en ja zh fr"
	e2e_keys Enter
	e2e_wait_for "Seoul"
	e2e_keys c
	e2e_wait_for "You must be logged in to post a comment."
}

e2e_start 100 40 "$TANDEM"
open_comments
e2e_keys C
e2e_expect "C without an identity asks to log in" \
    "You must be logged in to post a comment.  Your name:"
e2e_keys -l "민수 Kim"
e2e_keys Enter
e2e_wait_for "E-mail"
e2e_keys Enter
e2e_expect "then the editor opens" "New comment  Ctrl-D sends"
tap_check "the identity is stored" [ "$("$TANDEM" whoami)" = "민수 Kim" ]

# Korean, Japanese, a combining acute (e + U+0301) and an emoji.
TEXT="서울 댓글 東京です e$(printf '\314\201') 😀 끝"
e2e_keys -l "$TEXT"
e2e_expect "typed text shows in the editor" "서울 댓글 東京です"
e2e_keys C-d
e2e_expect "Ctrl-D sends" "comment saved"
tap_check "stored byte for byte" [ "$(sql "select body from comment where state = 'posted'")" = "$TEXT" ]
tap_check "in the language being read" [ "$(sql "select lang from comment where state = 'posted'")" = "en" ]
e2e_expect "shown under its author" "민수 Kim · "
row=$(e2e_capture | grep -F "서울 댓글 東京です")
tap_check "shown whole, at its width in cells" \
    sh -c 'printf "%s\n" "$1" | python3 "$2" width 100 && printf "%s" "$1" | grep -q "끝$"' _ \
    "$row" "$top_srcdir/tests/e2e/screen.py"

# A reply nests under it.
e2e_keys r
e2e_wait_for "Reply to 민수 Kim"
e2e_keys -l "Reply text"
e2e_keys C-d
e2e_wait_for "comment saved"
tap_check "the reply's parent is the first comment" \
    [ "$(sql "select count(*) from comment c join comment p on c.parent_id = p.id where c.body = 'Reply text'")" = 1 ]
e2e_expect "the reply is indented under a bar" " | #2 민수 Kim · "

# A draft survives SIGHUP (an SSH connection that drops).
e2e_keys C
e2e_wait_for "New comment"
e2e_keys -l "unfinished thought"
e2e_wait_for "unfinished thought"
kill -HUP "$(e2e_app_pid)"
e2e_expect_exit "SIGHUP ends tandem (129)" 129
tap_check "the draft is in the cache" [ "$(sql "select body from comment where state = 'draft'")" = "unfinished thought" ]
e2e_start 100 40 "$TANDEM"
open_comments
e2e_expect "the draft is listed" "(draft)"
e2e_keys C
e2e_expect "C offers it again" "your draft from"
e2e_expect "with its text" "unfinished thought"
e2e_keys Escape
e2e_expect "Esc keeps it" "draft kept"

# $EDITOR: a script that appends to the file it is given.
cat > "$E2E_TMP/editor" <<-'SH'
	#!/bin/sh
	printf ' (edited)' >> "$1"
SH
chmod +x "$E2E_TMP/editor"
e2e_keys Q
e2e_expect_exit "Q after the draft: exits 0"
e2e_start 100 40 env EDITOR="$E2E_TMP/editor" VISUAL= "$TANDEM"
open_comments
e2e_keys C
e2e_wait_for "unfinished thought"
e2e_keys C-e
e2e_expect "Ctrl-E runs \$EDITOR on the text" "unfinished thought (edited)"
e2e_keys C-d
e2e_wait_for "comment saved"
tap_check "the edited text is what is saved" \
    [ "$(sql "select body from comment where body like 'unfinished%'")" = "unfinished thought (edited)" ]
tap_check "and no draft is left" [ "$(sql "select count(*) from comment where state = 'draft'")" = 0 ]
e2e_keys Q
e2e_expect_exit "exits 0"

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
