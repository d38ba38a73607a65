#!/bin/sh
# comments.sh: the comment pane: the policy line, threads indented under
# their parents, moving between comments and collapsing a thread.
. "$top_srcdir/tests/e2e/lib.sh"
e2e_need_tmux
export TANDEM_DB="$E2E_TMP/c.db" TANDEM_SAMPLE_DIR=""
cat > "$E2E_TMP/c.txt" <<'TXT'
url: https://site.test/c
comments: open

== en
title: Threads

Body.

== comment
author: Ann
date: 2025-09-22

First comment.

== comment
author: Bo
parent: 1

A reply to Ann.

== comment
author: 민수
parent: 2

답글의 답글입니다.

== comment
author: Dee

Second thread.
TXT
"$TANDEM" import "$E2E_TMP/c.txt" >/dev/null

e2e_start 100 40 "$TANDEM"
e2e_wait_for "Threads"
e2e_keys Enter c
e2e_expect "the policy heads the pane" "Comments are open."
scr=$(e2e_capture)
tap_check "a top-level comment starts at the margin" \
    sh -c 'printf "%s\n" "$1" | grep -q "^ #[0-9]* Ann · 2025-09-22"' _ "$scr"
tap_check "a reply is indented behind one bar" \
    sh -c 'printf "%s\n" "$1" | grep -q "^ | #[0-9]* Bo$"' _ "$scr"
tap_check "a reply to a reply behind two" \
    sh -c 'printf "%s\n" "$1" | grep -q "^ | | #[0-9]* 민수$"' _ "$scr"
tap_check "its Korean body under it" \
    sh -c 'printf "%s\n" "$1" | grep -q "^ | | 답글의 답글입니다.$"' _ "$scr"
# j j selects 민수's reply; K goes up to Bo, whose thread Space folds.
e2e_keys j j K Space
e2e_expect "K goes to the parent" "Bo  [+1 reply]"
e2e_keys Space g J r
e2e_expect "J goes to the next comment at the same level" "Reply to Dee"
e2e_keys Escape g
e2e_keys Space
e2e_expect "Space collapses the thread" "Ann · 2025-09-22  [+2 replies]"
e2e_expect_gone "its replies are hidden" "A reply to Ann."
e2e_expect "the next thread stays" "Second thread."
e2e_keys Space
e2e_expect "Space again expands it" "A reply to Ann."
e2e_keys j Space
e2e_expect "j then Space collapses the reply's own thread" "Bo  [+1 reply]"
e2e_expect "leaving Ann's first comment shown" "First comment."
e2e_keys q
e2e_expect_gone "q closes the comments" "Comments are open."
e2e_keys Q
e2e_expect_exit "exits 0"

# Comments that arrived since the last visit are marked new.
"$TANDEM" comment 1 --parent 1 -m "Arrived later." >/dev/null
e2e_start 100 40 "$TANDEM"
e2e_wait_for "Threads"
e2e_keys Enter c
e2e_expect "a comment since the last visit is marked new" "anonymous · just now  local"
tap_check "... with the new tag" \
    sh -c 'tmux -L "$1" capture-pane -p -t "$1:0.0" | grep -q "^ | #[0-9]* anonymous · .*  new$"' _ "$E2E_SOCK"
tap_check "older ones are not" \
    sh -c '! tmux -L "$1" capture-pane -p -t "$1:0.0" | grep -q "Ann · 2025-09-22  new"' _ "$E2E_SOCK"
e2e_keys Q
e2e_expect_exit "with a new comment: exits 0"

# G shows the last comment whole: keeping only its head line in view left
# its body below the pane, out of reach.
{
	printf 'url: https://site.test/long\n\n== en\ntitle: Long\n\nBody.\n'
	i=1
	while [ $i -le 30 ]; do
		printf '\n== comment\nauthor: C%d\n\nComment %d, line one.\nLine two.\n' $i $i
		i=$((i + 1))
	done
	printf 'The very last line.\n'
} > "$E2E_TMP/long.txt"
"$TANDEM" import "$E2E_TMP/long.txt" >/dev/null
e2e_start 100 40 "$TANDEM"
e2e_wait_for "Long"
e2e_keys Enter c
e2e_wait_for "Comment 1, line one."
e2e_keys G
e2e_expect "G shows the last comment's body to its end" "The very last line."
e2e_keys Q
e2e_expect_exit "after G: exits 0"

# The pane keeps its comments laid out between keys: a resize must wrap
# them again at the new width (and a collapse change their heads, above).
{
	printf 'url: https://site.test/wide\n\n== en\ntitle: Wide\n\nBody.\n'
	printf '\n== comment\nauthor: Wren\n\n'
	i=1
	while [ $i -le 30 ]; do printf 'word%02d ' $i; i=$((i + 1)); done
	printf '\n'
} > "$E2E_TMP/wide.txt"
"$TANDEM" import "$E2E_TMP/wide.txt" >/dev/null
e2e_start 100 40 "$TANDEM"
e2e_wait_for "Wide"
e2e_keys Enter c
e2e_wait_for "word30"
e2e_tmux resize-window -t "$E2E_SOCK" -x 50 -y 40
e2e_wait_for "word30"
scr=$(e2e_capture)
missing=$(i=1; while [ $i -le 30 ]; do
	w=$(printf 'word%02d' $i)
	printf '%s\n' "$scr" | grep -q "$w" || printf '%s ' "$w"
	i=$((i + 1))
done)
if [ -z "$missing" ]; then tap_ok "after a resize every word of the comment shows"; else
	e2e_dump resize; tap_fail "after a resize every word of the comment shows"
	tap_diag "missing: $missing"; fi
e2e_keys Q
e2e_expect_exit "after the resize: exits 0"
tap_done
