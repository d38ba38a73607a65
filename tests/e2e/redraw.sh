#!/bin/sh
# redraw.sh: what the main loop does with a handler's result (ui_update).
# After a resize, a language key (l), side by side (s) and a search the
# screen is the one a fresh start in the same state draws, whole: the
# languages are remembered per article, so quitting and starting again
# on the same cache must show what the key showed.  A scroll is a repaint
# only: j sends the terminal about a line of bytes and never the title
# bar's OSC 8 link again, while a resize and ^L (a relayout, a clear)
# do send it.  Every run ends with a quit that must exit 0.
. "$top_srcdir/tests/e2e/lib.sh"
e2e_need_tmux

export TANDEM_SAMPLE_DIR="" TANDEM_LANG=ko,en TZ=UTC
export TANDEM_DB="$E2E_TMP/redraw.db"
"$TANDEM" import "$top_srcdir/data/sample/seoul-sba-zhongguancun.txt" >/dev/null

# settle WANT: wait until the screen shows WANT (grep -F) and two
# captures in a row are the same; the screen is left in $E2E_TMP/screen.
settle() {
	_end=$(( $(date +%s) + E2E_TIMEOUT ))
	_prev=
	while [ "$(date +%s)" -le "$_end" ]; do
		e2e_capture > "$E2E_TMP/screen" 2>/dev/null
		if grep -Fq -- "$1" "$E2E_TMP/screen"; then
			_cur=$(cat "$E2E_TMP/screen")
			[ -n "$_prev" ] && [ "$_cur" = "$_prev" ] && return 0
			_prev=$_cur
			sleep 0.2
		else
			_prev=
			sleep 0.05
		fi
	done
	return 1
}

# prompt_shown: true once the status line is the / prompt.
prompt_shown() {
	_end=$(( $(date +%s) + E2E_TIMEOUT ))
	while [ "$(date +%s)" -le "$_end" ]; do
		e2e_capture | tail -n 1 | grep -q '^/' && return 0
		sleep 0.05
	done
	return 1
}

# keep WANT NAME: settle on WANT and keep the screen as $E2E_TMP/NAME.
keep() {
	if settle "$1"; then
		cp "$E2E_TMP/screen" "$E2E_TMP/$2"
		return 0
	fi
	cp "$E2E_TMP/screen" "$E2E_TMP/$2"
	return 1
}

# same DESC A B: ok when the kept screens A and B are the same.
same() {
	if cmp -s "$E2E_TMP/$2" "$E2E_TMP/$3"; then
		tap_ok "$1"
	else
		tap_fail "$1"
		diff "$E2E_TMP/$3" "$E2E_TMP/$2" | tap_diag
	fi
}

# fresh COLS ROWS WANT NAME: start again on the same cache, open the
# article, keep the screen as NAME once it shows WANT, quit.
fresh() {
	e2e_start "$1" "$2" "$TANDEM"
	e2e_wait_for "ko en ja zh fr"
	e2e_keys Enter
	keep "$3" "$4"
	e2e_keys Q
	e2e_wait_exit
}

KO="서울시와 서울경제진흥원"

# A resize recomputes the panes and reflows the reader: the screen is the
# one a start at the new size draws, and after growing back, the old one.
e2e_start 100 30 "$TANDEM"
e2e_wait_for "ko en ja zh fr"
e2e_keys Enter
keep "$KO" big.before
e2e_tmux resize-window -t "$E2E_SOCK" -x 80 -y 24
keep "$KO" small.resized
e2e_tmux resize-window -t "$E2E_SOCK" -x 100 -y 30
keep "$KO" big.resized
e2e_keys Q
e2e_expect_exit "after the resizes: Q exits 0"
fresh 80 24 "$KO" small.fresh
same "resize to 80x24: the screen a start at 80x24 draws" \
    small.resized small.fresh
same "back to 100x30: the screen it was" big.resized big.before

# l: the next language on the left, every row repainted.
e2e_start 100 30 "$TANDEM"
e2e_wait_for "ko en ja zh fr"
e2e_keys Enter
e2e_wait_for "$KO"
e2e_keys l
keep " ja " lang.key
e2e_keys Q
e2e_expect_exit "after l: Q exits 0"
fresh 100 30 " ja " lang.fresh
same "l: the screen a start in that language draws" lang.key lang.fresh

# s: side by side, then back to one column.
e2e_start 100 30 "$TANDEM"
e2e_wait_for "ko en ja zh fr"
e2e_keys Enter
e2e_wait_for " ja "
e2e_keys 1
e2e_wait_for "$KO"
e2e_keys s
keep "The Seoul Metropolitan Government" sbs.key
e2e_keys Q
e2e_expect_exit "after s: Q exits 0"
fresh 100 30 "The Seoul Metropolitan Government" sbs.fresh
same "s: the screen a start side by side draws" sbs.key sbs.fresh
e2e_start 100 30 "$TANDEM"
e2e_wait_for "ko en ja zh fr"
e2e_keys Enter
e2e_wait_for "The Seoul Metropolitan Government"
e2e_keys s
e2e_wait_gone "The Seoul Metropolitan Government"
keep "$KO" one.key
e2e_keys Q
e2e_expect_exit "after s again: Q exits 0"
fresh 100 30 "$KO" one.fresh
same "s again: the screen a start in one column draws" one.key one.fresh

# j is a repaint: about a line of bytes each, and no link.  An article
# with a URL, in a terminal that takes OSC 8 links (TERM=tmux-256color).
{
	printf 'url: https://site.test/redraw\n\n== en\ntitle: Redraw\n\n'
	i=1
	while [ "$i" -le 60 ]; do
		printf 'Paragraph %d of an article long enough to scroll.\n\n' \
		    "$i"
		i=$((i + 1))
	done
} > "$E2E_TMP/link.txt"
export TANDEM_DB="$E2E_TMP/link.db"
"$TANDEM" import "$E2E_TMP/link.txt" >/dev/null
# A search: the prompt goes, the match's paragraph is at the top of the
# text and the status line says where that is.
NEEDLE="Paragraph 40 of"
e2e_start 100 30 "$TANDEM"
e2e_wait_for "Redraw"
e2e_keys Enter
e2e_wait_for "Paragraph 1 of"
e2e_keys /
if prompt_shown; then
	tap_ok "/ shows its prompt on the status line"
else
	tap_fail "/ shows its prompt on the status line"
	e2e_dump "after /"
fi
e2e_keys "$NEEDLE" Enter
if settle " 40/60 "; then
	tap_check "search: the prompt is gone" \
	    sh -c '! tail -n 1 "$1" | grep -q "^/"' _ "$E2E_TMP/screen"
	tap_check "search: the match heads the text" \
	    sh -c 'sed -n 4p "$1" | grep -qF "$2"' _ "$E2E_TMP/screen" "$NEEDLE"
else
	tap_fail "search: the status line says paragraph 40"
	e2e_dump "after the search"
fi
e2e_keys Q
e2e_expect_exit "after the search: Q exits 0"

RAW="$E2E_TMP/raw"
LINK="$(printf '\033')]8;;https://site.test/redraw"
# piped KEYS...: the bytes the terminal gets for KEYS, in $RAW.
piped() {
	: > "$RAW"
	e2e_tmux pipe-pane -o -t "$E2E_TARGET" "cat >> '$RAW'"
	sleep 0.2
	e2e_keys "$@"
	settle "Paragraph"
	sleep 0.3
	e2e_tmux pipe-pane -t "$E2E_TARGET"
	sleep 0.2
}
e2e_start 100 30 "$TANDEM"
e2e_wait_for "Redraw"
e2e_keys Enter
e2e_wait_for "Paragraph 1 of"
settle "Paragraph 1 of"
piped j j j j j
n=$(wc -c < "$RAW")
tap_check "five j send under 3 lines of bytes each ($n bytes)" \
    test "$n" -gt 0 -a "$n" -lt $((5 * 3 * 100))
tap_check "j does not send the title bar's link again" \
    sh -c '! grep -qF "$1" "$2"' _ "$LINK" "$RAW"
piped C-l
tap_check "^L sends the link again" grep -qF "$LINK" "$RAW"
: > "$RAW"
e2e_tmux pipe-pane -o -t "$E2E_TARGET" "cat >> '$RAW'"
sleep 0.2
e2e_tmux resize-window -t "$E2E_SOCK" -x 90 -y 28
settle "Paragraph"
sleep 0.3
e2e_tmux pipe-pane -t "$E2E_TARGET"
tap_check "a resize sends the link again" grep -qF "$LINK" "$RAW"
e2e_keys Q
e2e_expect_exit "after the scrolls: Q exits 0"
tap_done
