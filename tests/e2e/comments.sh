#!/bin/sh
# comments.sh: the comment pane: the policy line, threads indented under
# their parents, moving between comments and collapsing a thread.
. "$top_srcdir/tests/e2e/lib.sh"
e2e_need_tmux
export TANDEM_DB="$E2E_TMP/c.db" TANDEM_SAMPLE_DIR=""
cat > "$E2E_TMP/c.txt" <<'TXT'
url: https://example.org/c
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
e2e_wait_for "Threads" >/dev/null
e2e_keys Enter c
if e2e_wait_for "Comments are open."; then tap_ok "the policy heads the pane"; else
	e2e_dump policy; tap_fail "the policy heads the pane"; fi
scr=$(e2e_capture)
tap_check "a top-level comment starts at the margin" \
    sh -c 'printf "%s\n" "$1" | grep -q "^ Ann · 2025-09-22"' _ "$scr"
tap_check "a reply is indented behind one bar" \
    sh -c 'printf "%s\n" "$1" | grep -q "^ | Bo$"' _ "$scr"
tap_check "a reply to a reply behind two" \
    sh -c 'printf "%s\n" "$1" | grep -q "^ | | 민수$"' _ "$scr"
tap_check "its Korean body under it" \
    sh -c 'printf "%s\n" "$1" | grep -q "^ | | 답글의 답글입니다.$"' _ "$scr"
# j j selects 민수's reply; K goes up to Bo, whose thread Space folds.
e2e_keys j j K Space
tap_check "K goes to the parent" e2e_wait_for "Bo  [+1 reply]"
e2e_keys Space g J r
tap_check "J goes to the next comment at the same level" e2e_wait_for "Reply to Dee"
e2e_keys Escape g
e2e_keys Space
if e2e_wait_for "Ann · 2025-09-22  [+2 replies]"; then tap_ok "Space collapses the thread"; else
	e2e_dump collapse; tap_fail "Space collapses the thread"; fi
tap_check "its replies are hidden" e2e_wait_gone "A reply to Ann."
tap_check "the next thread stays" e2e_wait_for "Second thread."
e2e_keys Space
tap_check "Space again expands it" e2e_wait_for "A reply to Ann."
e2e_keys j Space
tap_check "j then Space collapses the reply's own thread" e2e_wait_for "Bo  [+1 reply]"
tap_check "leaving Ann's first comment shown" e2e_wait_for "First comment."
e2e_keys q
tap_check "q closes the comments" e2e_wait_gone "Comments are open."
e2e_keys Q
tap_check "exits 0" [ "$(e2e_wait_exit)" = 0 ]

# Comments that arrived since the last visit are marked new.
"$TANDEM" comment 1 --parent 1 -m "Arrived later." >/dev/null
e2e_start 100 40 "$TANDEM"
e2e_wait_for "Threads" >/dev/null
e2e_keys Enter c
tap_check "a comment since the last visit is marked new" e2e_wait_for "anonymous · 20"
tap_check "... with the new tag" \
    sh -c 'tmux -L "$1" capture-pane -p -t "$1:0.0" | grep -q "^ | anonymous · .*  new$"' _ "$E2E_SOCK"
tap_check "older ones are not" \
    sh -c '! tmux -L "$1" capture-pane -p -t "$1:0.0" | grep -q "Ann · 2025-09-22  new"' _ "$E2E_SOCK"
e2e_keys Q
e2e_wait_exit >/dev/null

# G shows the last comment whole: keeping only its head line in view left
# its body below the pane, out of reach.
{
	printf 'url: https://example.org/long\n\n== en\ntitle: Long\n\nBody.\n'
	i=1
	while [ $i -le 30 ]; do
		printf '\n== comment\nauthor: C%d\n\nComment %d, line one.\nLine two.\n' $i $i
		i=$((i + 1))
	done
	printf 'The very last line.\n'
} > "$E2E_TMP/long.txt"
"$TANDEM" import "$E2E_TMP/long.txt" >/dev/null
e2e_start 100 40 "$TANDEM"
e2e_wait_for "Long" >/dev/null
e2e_keys Enter c
e2e_wait_for "Comment 1, line one." >/dev/null
e2e_keys G
if e2e_wait_for "The very last line."; then tap_ok "G shows the last comment's body to its end"; else
	e2e_dump last; tap_fail "G shows the last comment's body to its end"; fi
e2e_keys Q
e2e_wait_exit >/dev/null

# The pane keeps its comments laid out between keys: a resize must wrap
# them again at the new width (and a collapse change their heads, above).
{
	printf 'url: https://example.org/wide\n\n== en\ntitle: Wide\n\nBody.\n'
	printf '\n== comment\nauthor: Wren\n\n'
	i=1
	while [ $i -le 30 ]; do printf 'word%02d ' $i; i=$((i + 1)); done
	printf '\n'
} > "$E2E_TMP/wide.txt"
"$TANDEM" import "$E2E_TMP/wide.txt" >/dev/null
e2e_start 100 40 "$TANDEM"
e2e_wait_for "Wide" >/dev/null
e2e_keys Enter c
e2e_wait_for "word30" >/dev/null
e2e_tmux resize-window -t "$E2E_SOCK" -x 50 -y 40
e2e_wait_for "word30" >/dev/null
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
e2e_wait_exit >/dev/null
tap_done
