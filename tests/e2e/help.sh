#!/bin/sh
# help.sh: the help screen scrolls with the keys that scroll the panes
# (j/k, Space/b, d/u, g/G) and any other key closes it.
. "$top_srcdir/tests/e2e/lib.sh"
e2e_need_tmux
export TANDEM_SAMPLE_DIR=""	# an empty cache: the help is all there is

first="next line, article or comment"	# the first help line (j Down)
last="redraw the screen"	# the last (C-l)
shows() { e2e_capture | grep -qF -- "$1"; }
# help_at DESCRIPTION WANT-SHOWN WANT-GONE: still open, scrolled so.
help_at() {
	if e2e_wait_for "$2" && e2e_wait_gone "$3" &&
	    shows "any other key closes"; then tap_ok "$1"; else
		e2e_dump "$1"; tap_fail "$1"; fi
}

# 12 rows: the help has 8 for its lines, far fewer than it has.
e2e_start 100 12 "$TANDEM" --db "$E2E_TMP/h.db"
e2e_wait_for "No articles" >/dev/null
e2e_keys '?'
help_at "? shows the first page of the help" "$first" "$last"
e2e_keys G
help_at "G scrolls to its last line" "$last" "$first"
e2e_keys g
help_at "g back to its first" "$first" "$last"
e2e_keys Space
# 8 rows: a page is 7 lines, half a page 4.
help_at "Space pages down, by all but a line" "last line or article" \
    "half a page up"
e2e_keys b
help_at "b pages back up" "$first" "$last"
e2e_keys d
help_at "d scrolls half a page" "half a page down" "previous page"
e2e_keys u
help_at "u scrolls it back" "$first" "$last"
e2e_keys j
help_at "j scrolls a line" "previous line, article or comment" "$first"
e2e_keys k
help_at "k scrolls it back" "$first" "$last"
e2e_keys End
help_at "End is G" "$last" "$first"
e2e_keys x
tap_check "another key closes the help" e2e_wait_gone "any other key closes"
tap_check "... back to the list" e2e_wait_for "No articles"
e2e_keys q
tap_check "exits 0" [ "$(e2e_wait_exit)" = 0 ]

# The rows themselves, on a screen tall enough for all of them: one row
# for the nine language keys, a key shared by two panes in its column,
# the comment pane's j/k said, and a row cut at 40 columns says so.
e2e_start 100 60 "$TANDEM" --db "$E2E_TMP/h.db"
e2e_wait_for "No articles"
e2e_keys '?'
e2e_wait_for "$last"
langrows() { [ "$(e2e_capture | grep -c "[0-9]th language")" = 1 ]; }
tap_check "the nine language keys are one row" langrows
tap_check "... that says 1-9" shows "1-9 "
if e2e_capture | grep -q "N (reader, comments)  *previous match"; then
	tap_ok "N (reader, comments) and its text on one line"; else
	e2e_dump "N row"; tap_fail "N (reader, comments) and its text on one line"; fi
tap_check "j/k say the comment pane" shows "next line, article or comment"
e2e_keys q
e2e_wait_gone "$last"
e2e_keys q
e2e_expect_exit "exits 0 (100x60)"
e2e_start 40 60 "$TANDEM" --db "$E2E_TMP/h.db"
e2e_wait_for "No articles"
e2e_keys '?'
e2e_wait_for "redraw"
tap_check "a line cut at 40 columns ends in an ellipsis" shows "…"
e2e_keys q
e2e_wait_gone "redraw"
e2e_keys q
e2e_expect_exit "exits 0 (40 columns)"
tap_done
