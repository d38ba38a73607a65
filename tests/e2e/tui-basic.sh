#!/bin/sh
# tui-basic.sh: the reader opens in a real terminal, survives resizes and
# leaves the terminal as it found it, on q and on signals.
. "$top_srcdir/tests/e2e/lib.sh"
e2e_need_tmux

export TANDEM_SAMPLE_DIR=""	# an empty cache stays empty
e2e_start 100 30 "$TANDEM" --db "$E2E_TMP/tandem.db"
e2e_expect "frame is drawn" "tandem "
tap_check "alternate screen is in use" [ "$(e2e_format '#{alternate_on}')" = 1 ]
scr=$(e2e_capture)
tap_check "title bar on the first row" \
    sh -c 'printf "%s\n" "$1" | head -n 1 | grep -q "^ tandem [0-9]"' _ "$scr"
tap_check "status line on the last row" \
    sh -c 'printf "%s\n" "$1" | tail -n 1 | grep -q "?:help q:back Q:quit"' _ "$scr"
tap_check "empty cache: says how to import" \
    sh -c 'printf "%s\n" "$1" | grep -q "tandem import FILE"' _ "$scr"

for size in "60 20" "30 10" "9 2" "200 60" "100 30"; do
	set -- $size
	e2e_tmux resize-window -t "$E2E_SOCK" -x "$1" -y "$2"
	sleep 0.2
done
e2e_expect "survives resizes down to 9x2 and back" "Q:quit"
wide=$(e2e_capture | awk '{ if (length($0) > 100) n++ } END { print n + 0 }')
tap_check "no row wider than the window after resizes" [ "$wide" -eq 0 ]

e2e_tmux resize-window -t "$E2E_SOCK" -x 9 -y 2
e2e_expect "too-small notice at 9x2" "terminal"
e2e_tmux resize-window -t "$E2E_SOCK" -x 39 -y 20
e2e_expect "too-small notice names the minimum at 39x20" \
    "terminal too small: need 40x10"
e2e_tmux resize-window -t "$E2E_SOCK" -x 100 -y 30
e2e_wait_for "Q:quit"

e2e_keys q
e2e_expect_exit "q exits with status 0"
tap_check "q leaves the terminal restored" e2e_terminal_restored
e2e_tmux kill-server

for sig in TERM INT HUP; do
	e2e_start 80 24 "$TANDEM" --db "$E2E_TMP/tandem.db"
	e2e_wait_for "Q:quit"
	pid=$(e2e_app_pid)
	kill -s "$sig" "$pid"
	case $sig in TERM) want=143 ;; INT) want=130 ;; HUP) want=129 ;; esac
	e2e_expect_exit "SIG$sig exits with status $want" "$want"
	tap_check "SIG$sig leaves the terminal restored" e2e_terminal_restored
	e2e_tmux kill-server
done

# The first start on a new cache brings the bundled sample, once.
export TANDEM_SAMPLE_DIR="$top_srcdir/data/sample"
e2e_start 100 30 "$TANDEM" --db "$E2E_TMP/first.db"
e2e_expect "first start: the sample is in the list" "ko en ja zh fr"
e2e_expect "with a welcome" "Welcome: the bundled sample"
e2e_keys Q
e2e_expect_exit "first start: Q quits with status 0"
"$TANDEM" --db "$E2E_TMP/first.db" rm 1
e2e_start 100 30 "$TANDEM" --db "$E2E_TMP/first.db"
e2e_wait_for "Q:quit"
e2e_expect "removed, it does not come back" "No articles yet."
e2e_keys Q
e2e_expect_exit "without the sample: Q quits with status 0"
tap_done
