# lib.sh: helpers for tandem's end-to-end tests, sourced by tests/e2e/*.sh.
#
# Each test runs the real binary in a real terminal: a private tmux server
# (its own socket, no config), a fixed-size window, a UTF-8 locale.  The
# helpers send keys, wait for a screen condition with a deadline, and read
# the screen back.  Results are TAP, so automake's tap-driver counts them;
# tap_done prints the plan (1..N) from the count, so a script never states
# how many tests it has.
#
#	. "$top_srcdir/tests/e2e/lib.sh"
#	e2e_need_tmux
#	e2e_start 100 30 "$TANDEM" --db "$E2E_TMP/db"
#	e2e_wait_for 'Q:quit'			# a step: fails the test if it times out
#	e2e_keys Enter
#	e2e_expect "Enter opens it" 'Body.'	# an assertion: ok or not ok
#	e2e_keys Q
#	e2e_expect_exit "Q quits"		# ok only on exit status 0
#	tap_done
#
# A wait can never be ignored.  The waits come in three kinds:
#
#   steps	e2e_wait_for TEXT [SECONDS], e2e_wait_gone TEXT [SECONDS],
#		e2e_wait_exit [SECONDS].  On success they print nothing and
#		return 0.  When the deadline passes (or the program exited
#		with another status than 0) they record a TAP "not ok" that
#		says what was awaited, dump the screen as "#" lines and return
#		1, so the caller may stop early but need not check.  Do not
#		send their output to /dev/null or into $(...): the "not ok"
#		line is on stdout.
#   asserts	e2e_expect DESC TEXT [SECONDS], e2e_expect_gone DESC TEXT
#		[SECONDS], e2e_expect_exit DESC [STATUS [SECONDS]]: exactly
#		one "ok DESC" or "not ok DESC" (with the screen, and for an
#		exit the status it got).  e2e_expect_exit wants STATUS,
#		default 0.
#   probes	e2e_poll_for TEXT [SECONDS]: true when TEXT shows in time,
#		records nothing.  Only for a screen that may legitimately
#		be one of several; the caller must report the outcome.
#
# e2e_wait_exit sets E2E_EXIT to the status (or "none" when the program
# did not exit in time).  It used to print the status and return 0 on
# any status; inside $(...) it still prints the status and records
# nothing (a TAP line there would be captured and its count lost), so
# the older status=$(e2e_wait_exit) followed by a check of $status keeps
# working, but new scripts should say e2e_expect_exit DESC [STATUS].
# Once the program has exited, a wait for the screen fails at once
# instead of at its deadline (the screen cannot change).
#
# A test that talks HTTP starts its own server on 127.0.0.1 (one of
# tests/*-server.py) with e2e_server, which leaves the port in E2E_PORT:
#
#	e2e_server "$top_srcdir/tests/feed-server.py" || exit 1
#	S="http://127.0.0.1:$E2E_PORT"

: "${top_srcdir:=.}"
: "${TANDEM:=$(pwd)/src/tandem}"
# Sanitizer builds start slowly; deadlines are generous, never the assertion.
: "${E2E_TIMEOUT:=20}"

E2E_TMP=$(mktemp -d "${TMPDIR:-/tmp}/tandem-e2e.XXXXXX")
E2E_N=0
E2E_SOCK="tandem-e2e-$$-0"
E2E_TARGET="$E2E_SOCK:0.0"
E2E_STATUS="$E2E_TMP/status.0"
E2E_ARGV="$E2E_TMP/argv.0"
E2E_SERVERS=
E2E_NSERVERS=0
TAP_N=0
TAP_FAILED=0
export LANG=C.UTF-8 LC_ALL=C.UTF-8
unset TANDEM_DB TANDEM_LANG NO_COLOR
export XDG_DATA_HOME="$E2E_TMP/data" XDG_CONFIG_HOME="$E2E_TMP/config" \
    XDG_STATE_HOME="$E2E_TMP/state"

e2e_tmux() { tmux -L "$E2E_SOCK" -f /dev/null "$@"; }

e2e_cleanup() {
	e2e_server_stop
	_i=0
	while [ "$_i" -le "$E2E_N" ]; do
		tmux -L "tandem-e2e-$$-$_i" kill-server >/dev/null 2>&1
		_i=$((_i + 1))
	done
	rm -rf "$E2E_TMP"
}
trap e2e_cleanup EXIT

tap_ok() {	# tap_ok DESCRIPTION: record a pass
	TAP_N=$((TAP_N + 1)); echo "ok $TAP_N - $*"
}
tap_fail() {	# tap_fail DESCRIPTION: record a failure
	TAP_N=$((TAP_N + 1)); TAP_FAILED=$((TAP_FAILED + 1))
	echo "not ok $TAP_N - $*"
}
tap_check() {	# tap_check DESCRIPTION COMMAND...: pass if COMMAND succeeds
	_d=$1; shift
	if "$@"; then tap_ok "$_d"; else tap_fail "$_d"; fi
}
tap_skip() {	# tap_skip DESCRIPTION REASON: a check that cannot run here
	TAP_N=$((TAP_N + 1)); echo "ok $TAP_N - $1 # SKIP $2"
}
tap_diag() { printf '%s\n' "$@" | sed 's/^/# /'; }
tap_done() {
	echo "1..$TAP_N"
	[ "$TAP_FAILED" -eq 0 ]
	exit $?
}

# e2e_server SCRIPT [ARG...]: start one of our Python test servers, which
# binds 127.0.0.1 on a free port, prints the port as its first line and
# serves until its stdin closes or it is sent SIGTERM.  Its stdin is a
# fifo that this shell holds open (fds 9 down to 5, one per server), so
# the server cannot outlive the test even when the test is killed;
# e2e_cleanup (the EXIT trap) also stops it by PID.  Sets E2E_PORT and
# E2E_SERVER_PID to the new server's; up to five run at once.  A server
# that exits, or prints no port within $E2E_TIMEOUT s, is a "Bail out!"
# with its stderr, and the function returns 1.
e2e_server() {
	if [ "$E2E_NSERVERS" -ge 5 ]; then
		echo "Bail out! e2e_server: five servers are the most one test may start"
		return 1
	fi
	# The interpreter itself, not a wrapper (pyenv's shim) whose PID
	# would be the one recorded.
	: "${E2E_PYTHON:=$("${PYTHON3:-python3}" -c 'import sys; print(sys.executable)')}"
	E2E_NSERVERS=$((E2E_NSERVERS + 1))
	_srv="$E2E_TMP/server.$E2E_NSERVERS"
	mkfifo "$_srv.in" || { echo "Bail out! e2e_server: no fifo in $E2E_TMP"; return 1; }
	"$E2E_PYTHON" "$@" < "$_srv.in" > "$_srv.out" 2> "$_srv.err" &
	E2E_SERVER_PID=$!
	E2E_SERVERS="$E2E_SERVERS $E2E_SERVER_PID"
	# Opening the fifo for writing waits for the server to open it for
	# reading, and the other way round.
	eval "exec $((10 - E2E_NSERVERS))> \"\$_srv.in\""
	_end=$(( $(date +%s) + E2E_TIMEOUT ))
	E2E_PORT=
	while :; do
		# A whole line, digits only: print() writes it in one go.
		if read -r E2E_PORT < "$_srv.out" 2>/dev/null; then
			case $E2E_PORT in
			'' | *[!0-9]*) _why="printed '$E2E_PORT', not a port"; break ;;
			*) return 0 ;;
			esac
		fi
		if ! kill -0 "$E2E_SERVER_PID" 2>/dev/null; then
			_why="exited before it printed a port"
			break
		fi
		if [ "$(date +%s)" -gt "$_end" ]; then
			_why="printed no port within $E2E_TIMEOUT s"
			break
		fi
		sleep 0.05
	done
	echo "Bail out! test server $1 $_why: $(head -c 2000 "$_srv.err" | tr '\n' ' ')"
	E2E_PORT=
	return 1
}

# e2e_server_stop: stop every server e2e_server started, by PID, and wait
# for each to be gone.
e2e_server_stop() {
	for _pid in $E2E_SERVERS; do
		kill "$_pid" 2>/dev/null
		wait "$_pid" 2>/dev/null
	done
	E2E_SERVERS=
}

# Skip the whole script (TAP "1..0 # SKIP") when tmux is missing.
e2e_need_tmux() {
	if ! command -v tmux >/dev/null 2>&1; then
		echo "1..0 # SKIP tmux is not installed"
		trap - EXIT; rm -rf "$E2E_TMP"
		exit 0
	fi
}

# e2e_start COLS ROWS COMMAND...: run COMMAND in a new tmux window.  When
# it exits, its status is written to $E2E_STATUS and the pane stays open
# (showing the restored normal screen) until the test ends.  The helpers
# below act on the program started last; e2e_select goes back to another.
e2e_start() {
	_cols=$1 _rows=$2; shift 2
	# A fresh server each time: one being killed may still hold the old
	# socket for a moment.
	E2E_N=$((E2E_N + 1))
	e2e_select "$E2E_N"
	rm -f "$E2E_STATUS"
	printf '%s\n' "$@" > "$E2E_ARGV"
	cat > "$E2E_TMP/run.sh" <<-'RUN'
		status=$1; shift
		"$@"; echo $? > "$status.tmp"; mv "$status.tmp" "$status"
		exec sleep 600
	RUN
	e2e_tmux new-session -d -s "$E2E_SOCK" -x "$_cols" -y "$_rows" \
	    -e LANG="$LANG" -e LC_ALL="$LC_ALL" -e TERM=tmux-256color \
	    -e XDG_DATA_HOME="$XDG_DATA_HOME" \
	    -e XDG_CONFIG_HOME="$XDG_CONFIG_HOME" \
	    -e XDG_STATE_HOME="$XDG_STATE_HOME" \
	    sh "$E2E_TMP/run.sh" "$E2E_STATUS" "$@"
	e2e_tmux set-option -g status off >/dev/null
	e2e_tmux set-option -g default-terminal tmux-256color >/dev/null
	e2e_tmux resize-window -t "$E2E_SOCK" -x "$_cols" -y "$_rows" \
	    >/dev/null 2>&1
}

# e2e_select N: act on the program of the Nth e2e_start (N=$E2E_N just
# after it), when a test runs several at once.
e2e_select() {
	E2E_SOCK="tandem-e2e-$$-$1"
	E2E_TARGET="$E2E_SOCK:0.0"
	E2E_STATUS="$E2E_TMP/status.$1"
	E2E_ARGV="$E2E_TMP/argv.$1"
}

e2e_keys() { e2e_tmux send-keys -t "$E2E_TARGET" "$@"; }
e2e_capture() { e2e_tmux capture-pane -p -t "$E2E_TARGET"; }
e2e_format() { e2e_tmux display-message -p -t "$E2E_TARGET" "$1"; }
e2e_pid() { e2e_format '#{pane_pid}'; }

# e2e_poll_for TEXT [SECONDS]: true once the screen contains TEXT.
e2e_poll_for() { _e2e_poll has "$1" "${2:-$E2E_TIMEOUT}"; }

# _e2e_poll has|gone TEXT SECONDS: poll the screen until it has TEXT (or
# no longer has it); give up at the deadline or soon after the program
# exits, when the screen is as it will stay.
_e2e_poll() {
	_end=$(( $(date +%s) + $3 )) _last=0
	while :; do
		[ -f "$E2E_STATUS" ] && _last=1
		if e2e_capture 2>/dev/null | grep -qF -- "$2"; then
			[ "$1" = has ] && return 0
		else
			[ "$1" = gone ] && return 0
		fi
		[ "$_last" = 1 ] && return 1
		[ "$(date +%s)" -le "$_end" ] || return 1
		sleep 0.05
	done
}

# _e2e_why DESC LABEL: record DESC as failed, with the screen and, if the
# program has exited, its status.
_e2e_why() {
	tap_fail "$1"
	[ -f "$E2E_STATUS" ] && tap_diag "the program exited with status $(cat "$E2E_STATUS")"
	e2e_dump "$2"
}

e2e_wait_for() {
	_e2e_poll has "$1" "${2:-$E2E_TIMEOUT}" && return 0
	_e2e_why "the screen shows '$1' within ${2:-$E2E_TIMEOUT} s" "waiting for '$1'"
	return 1
}

e2e_wait_gone() {
	_e2e_poll gone "$1" "${2:-$E2E_TIMEOUT}" && return 0
	_e2e_why "'$1' leaves the screen within ${2:-$E2E_TIMEOUT} s" "waiting for '$1' to go"
	return 1
}

e2e_expect() {
	if _e2e_poll has "$2" "${3:-$E2E_TIMEOUT}"; then tap_ok "$1"; return 0; fi
	_e2e_why "$1" "waiting for '$2'"
	return 1
}

e2e_expect_gone() {
	if _e2e_poll gone "$2" "${3:-$E2E_TIMEOUT}"; then tap_ok "$1"; return 0; fi
	_e2e_why "$1" "waiting for '$2' to go"
	return 1
}

# _e2e_exit SECONDS: wait for the program to exit; E2E_EXIT is its status,
# or "none" when it is still running at the deadline.
_e2e_exit() {
	_end=$(( $(date +%s) + $1 ))
	E2E_EXIT=none
	while [ "$(date +%s)" -le "$_end" ]; do
		if [ -f "$E2E_STATUS" ]; then
			E2E_EXIT=$(cat "$E2E_STATUS")
			return 0
		fi
		sleep 0.05
	done
	return 1
}

# _e2e_exit_says WANT: what went wrong with the exit, for a "not ok".
_e2e_exit_says() {
	if [ "$E2E_EXIT" = none ]; then
		echo "still running after ${_e2e_s} s, want status $1"
	else
		echo "exit status $E2E_EXIT, want $1"
	fi
}

# _e2e_subshell: true in a subshell such as $(...), where $$ is still the
# script's pid but a child's parent is not.
_e2e_subshell() {
	sh -c 'echo "$PPID"' > "$E2E_TMP/ppid.$$"
	read -r _e2e_ppid < "$E2E_TMP/ppid.$$"
	[ "$_e2e_ppid" != "$$" ]
}

e2e_wait_exit() {
	_e2e_s=${1:-$E2E_TIMEOUT}
	_e2e_exit "$_e2e_s"
	if _e2e_subshell; then
		[ "$E2E_EXIT" = none ] || echo "$E2E_EXIT"
		[ "$E2E_EXIT" = 0 ]
		return
	fi
	[ "$E2E_EXIT" = 0 ] && return 0
	tap_fail "the program exits with status 0 ($(_e2e_exit_says 0))"
	e2e_dump exit
	return 1
}

e2e_expect_exit() {
	_e2e_s=${3:-$E2E_TIMEOUT}
	_e2e_exit "$_e2e_s"
	if [ "$E2E_EXIT" = "${2:-0}" ]; then tap_ok "$1"; return 0; fi
	tap_fail "$1 ($(_e2e_exit_says "${2:-0}"))"
	e2e_dump exit
	return 1
}

# e2e_dump LABEL: show the screen in the test log after a failure.
e2e_dump() {
	tap_diag "screen ($1):"
	e2e_capture 2>/dev/null | sed 's/^/# | /'
}

# The program's pid inside the pane (the child of the wrapper shell).
e2e_app_pid() {
	pgrep -P "$(e2e_pid)" -f -- "$(head -n 1 "$E2E_ARGV")" | head -n 1
}

# True when the terminal is back to normal: normal screen, cursor shown,
# keypad in normal mode.
e2e_terminal_restored() {
	[ "$(e2e_format '#{alternate_on}')" = 0 ] &&
	[ "$(e2e_format '#{cursor_flag}')" = 1 ] &&
	[ "$(e2e_format '#{keypad_flag}')" = 0 ]
}
