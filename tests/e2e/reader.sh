#!/bin/sh
# reader.sh: the full-screen reader on the sample article: opening it,
# side by side, switching languages, scrolling, comments, help, search,
# resizing, and quitting with the terminal restored.
. "$top_srcdir/tests/e2e/lib.sh"
e2e_need_tmux
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 is not installed"; exit 0; }

SCREEN="$top_srcdir/tests/e2e/screen.py"
export TANDEM_DB="$E2E_TMP/r.db" TANDEM_SAMPLE_DIR=""
"$TANDEM" import "$top_srcdir/data/sample/seoul-sba-zhongguancun.txt" >/dev/null

status_line() { e2e_capture | tail -n 1; }
# check_status DESCRIPTION PATTERN: the status line matches PATTERN (grep -E)
check_status() {
	if poll_status "$2"; then tap_ok "$1"; else
		tap_fail "$1"; tap_diag "status: $(status_line)"; fi
}
# poll_status PATTERN: true once the status line matches PATTERN.
poll_status() {
	_end=$(( $(date +%s) + E2E_TIMEOUT ))
	while [ "$(date +%s)" -le "$_end" ]; do
		status_line | grep -Eq -- "$1" && return 0
		sleep 0.05
	done
	return 1
}
# Reader rows of the 120x40 layout: title, list (1 row), header, text.
TEXT_FIRST=3
text_last() { echo $(( $(e2e_format '#{pane_height}') - 2 )); }

e2e_start 120 40 env TANDEM_LANG=ko,en "$TANDEM"
e2e_wait_for "ko en ja zh fr"
e2e_keys Enter
e2e_expect "Enter opens the article in Korean" "서울시와 서울경제진흥원"
check_status "status says ko, paragraph 1 of 8" "^ ko  1/8 "

e2e_keys s
check_status "s: side by side ko|en" "^ ko\|en  1/8 "
e2e_expect "s: English on the right" "The Seoul Metropolitan Government"
tap_check "divider in one column on every text row" \
    sh -c 'tmux -L "$1" capture-pane -p -t "$1:0.0" | python3 "$2" divider "$3" "$4"' _ \
    "$E2E_SOCK" "$SCREEN" "$TEXT_FIRST" "$(text_last)"
tap_check "paired paragraphs start on the same row" \
    sh -c 'tmux -L "$1" capture-pane -p -t "$1:0.0" | python3 "$2" pairs "$3" "$4"' _ \
    "$E2E_SOCK" "$SCREEN" "$TEXT_FIRST" "$(text_last)"

e2e_keys j j j j j Space
check_status "scrolling moves the position" "^ ko\|en  [2-8]/8 "
tap_check "pairs still start together after scrolling" \
    sh -c 'tmux -L "$1" capture-pane -p -t "$1:0.0" | python3 "$2" pairs "$3" "$4"' _ \
    "$E2E_SOCK" "$SCREEN" "$TEXT_FIRST" "$(text_last)"
e2e_keys g

e2e_keys l
check_status "l: next left language (ja)" "^ ja\|en "
e2e_keys L
check_status "L: next right language skips the left (zh)" "^ ja\|zh "
e2e_keys x
check_status "x: swaps left and right" "^ zh\|ja "
e2e_keys 5
check_status "5: fifth language (fr) on the left" "^ fr\|ja "
e2e_keys 1
check_status "1: first language (ko)" "^ ko\|ja "
e2e_keys 9
check_status "9: refused with a message" "no language 9: this article has 5"
e2e_keys s
check_status "s again: one language" "^ ko  "

e2e_keys c
e2e_expect "c shows the comment policy" "You must be logged in to post a comment."
e2e_keys c
e2e_expect_gone "c again hides it" "You must be logged in to post a comment."

e2e_keys /
check_status "/ opens the search prompt" "^/"
e2e_keys -l "마곡산업단지"
e2e_keys Enter
e2e_expect "/ finds Korean text" "마곡산업단지를 대표해"

e2e_keys '?'
if e2e_poll_for "two languages side by side" || e2e_poll_for "side-by-side" 1; then
	tap_ok "? shows the help"; else e2e_dump help; tap_fail "? shows the help"; fi
e2e_expect "help lists l" "next language" 1
e2e_keys q
e2e_expect_gone "a key closes the help" "any other key closes"

# Resizing keeps the paragraph at the top.
e2e_keys g 1 s
check_status "side by side for the resize test" "^ ko\|"
# Two pages down: wait until the status line has moved and holds still,
# or a busy machine reads the paragraph before the keys are handled.
s0=$(status_line)
e2e_keys Space Space
_end=$(( $(date +%s) + E2E_TIMEOUT )) s1=$s0
while [ "$(date +%s)" -le "$_end" ]; do
	sleep 0.2
	s2=$(status_line)
	[ "$s2" != "$s0" ] && [ "$s2" = "$s1" ] && break
	s1=$s2
done
if [ "$s2" != "$s0" ]; then tap_ok "Space Space moves down"; else
	tap_fail "Space Space moves down"; tap_diag "status: $s2"; fi
before=$(printf '%s\n' "$s2" | sed -n 's/^ ko|[a-z]*  \([0-9]*\)\/8.*/\1/p')
for size in "60 20" "30 10" "120 40"; do
	set -- $size
	e2e_tmux resize-window -t "$E2E_SOCK" -x "$1" -y "$2"
	sleep 0.3
	if [ "$1" = 30 ]; then
		e2e_expect "30x10: too-small notice" "terminal too small"
	else
		tap_check "${1}x$2: no row wider than the window" \
		    sh -c 'tmux -L "$1" capture-pane -p -t "$1:0.0" | python3 "$2" width "$3"' _ \
		    "$E2E_SOCK" "$SCREEN" "$1"
		check_status "${1}x$2: paragraph $before still at the top" \
		    "  $before/8 "
	fi
done
e2e_tmux resize-window -t "$E2E_SOCK" -x 50 -y 20
check_status "50x20 is too narrow for two columns: says so" "too narrow for side by side"

e2e_keys q
e2e_wait_for "ko en ja zh fr"
e2e_keys q
e2e_expect_exit "q from the list exits 0"
tap_check "terminal restored" e2e_terminal_restored

# The choice of languages is remembered per article.
e2e_tmux kill-server
e2e_start 120 40 env TANDEM_LANG=ko,en "$TANDEM"
e2e_wait_for "ko en ja zh fr"
e2e_keys Enter
check_status "languages remembered across runs" "^ ko\|"
e2e_keys Q
e2e_expect_exit "Q quits from the reader"
tap_done
