#!/bin/sh
# hostile-corpus.sh: every file of the terminal-injection corpus
# (tests/data/hostile/, its README lists them) and three large ones made
# here, each imported into a fresh cache, then shown three ways: tandem
# show, comments and list to a pipe; tandem show and comments on a
# terminal; the reader, paged through, side by side when there are two
# languages, with the comment pane when there are comments.  Every byte
# sent to the terminal is recorded (tmux pipe-pane, attached before the
# program starts) and tests/e2e/rawscan.py checks that nothing from the
# data got through: no PWNED marker, no CSI parameter 77NN, no OSC but
# tandem's own hyperlink to the article, no escape sequence or control
# that curses did not send for the same keys on the bundled sample (a
# baseline recorded first, one per TERM), no C1 or bidi controls, only
# valid UTF-8.  Files take turns at TERM (HOSTILE_TERMS, default
# tmux-256color, xterm-256color and screen); each TERM's baseline is
# itself checked against fixed rules, so a leak cannot hide in it.  The screen keeps its bars where they
# belong, the terminal's modes and title are as tandem left them, every
# SEEN- token of a file is visible in the piped output, and every step
# has a deadline.  Files are checked by a few workers at once
# (HOSTILE_WORKERS, default 3): the steps mostly wait for the terminal,
# and one after another they would take minutes under ASan.
. "$top_srcdir/tests/e2e/lib.sh"
e2e_need_tmux
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 is not installed"; exit 0; }

CORPUS="$top_srcdir/tests/data/hostile"
SCAN="$top_srcdir/tests/e2e/rawscan.py"
COLS=100 ROWS=30
export TANDEM_SAMPLE_DIR=""
TOP=$E2E_TMP
: "${HOSTILE_WORKERS:=3}"
: "${HOSTILE_TERMS:=tmux-256color xterm-256color screen}"

# Workers start tmux servers of their own (lib.sh's cleanup knows only
# this shell's): kill every server named after this test's pid.
hc_cleanup() {
	for s in "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/tandem-e2e-$$-"*; do
		[ -S "$s" ] && tmux -S "$s" kill-server >/dev/null 2>&1
	done
	E2E_TMP=$TOP
	e2e_cleanup
}
trap hc_cleanup EXIT

# The pane runs this: show and comments on the terminal once the test has
# attached pipe-pane (go1), then the reader once it has looked (go2).
cat > "$TOP/both.sh" <<'EOF'
dir=$1 db=$2 langs=$3 comments=$4 tandem=$5
export TERM=$6
while [ ! -e "$dir/go1" ]; do sleep 0.02; done
rc=0
"$tandem" --db "$db" show 1 || rc=1
[ "${langs#*,}" != "$langs" ] && { "$tandem" --db "$db" show 1 --lang "$langs" || rc=1; }
[ "$comments" = 1 ] && { "$tandem" --db "$db" comments 1 || rc=1; }
echo "show-done rc=$rc"
while [ ! -e "$dir/go2" ]; do sleep 0.02; done
exec "$tandem" --db "$db"
EOF

# first_token FILE AWK-CONDITION: the first SEEN- token on or after the
# first line that matches.
first_token() {
	LC_ALL=C awk -v re="$2" 'go || $0 ~ re { go = 1 }
	    go && match($0, /SEEN-[A-Za-z0-9-]*/) {
		print substr($0, RSTART, RLENGTH); exit }' "$1"
}

# Python starts slowly here, so rawscan.py runs once, at the end, on a
# list of jobs: job LABEL KIND FILE [ARG] (see rawscan.py).
# A tty job's fifth field is the baseline of its TERM.
job() { printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "${5:-}" >> "$JOBS"; }

# screen_ok LABEL: title bar on the first row, status on the last, no row
# wider than the window (a job); tmux's idea of the pane's modes unchanged.
screen_ok() {
	scr=$(e2e_capture)
	printf '%s\n' "$scr" > "$E2E_TMP/$n.screen"
	job "$1: no row wider than the window" screen "$E2E_TMP/$n.screen" "$COLS"
	modes=$(e2e_format '#{mouse_any_flag}#{origin_flag}#{insert_flag} #{pane_title}')
	if printf '%s\n' "$scr" | head -n 1 | grep -q '^ tandem ' &&
	    printf '%s\n' "$scr" | tail -n 1 | grep -q 'Q:quit' &&
	    [ "$modes" = "000 $title0" ]; then
		tap_ok "$1"
	else
		tap_fail "$1"
		e2e_dump "$1"
		tap_diag "mouse, origin, insert modes and title: $modes (want 000 $title0)"
	fi
}

# hc_wait SECONDS GREP-ARGS...: poll the screen until grep finds what it
# is told to.  The screen changes only when the program writes, so the
# screen is read (a tmux client each time, the cost of a poll) when the
# recorded output grew, and every half second in case tmux had not drawn
# it yet.
hc_wait() {
	_polls=$(( $1 * 20 )) _size=-1 _i=0; shift
	while [ "$_i" -le "$_polls" ]; do
		_s=$(wc -c < "$raw" 2>/dev/null)
		if [ "$_s" != "$_size" ] || [ $((_i % 10)) -eq 0 ]; then
			_size=$_s
			e2e_capture 2>/dev/null | grep -q "$@" && return 0
		fi
		_i=$((_i + 1))
		sleep 0.05
	done
	return 1
}

# wait_or_fail LABEL TEXT [SECONDS]: a step that must show TEXT in time.
wait_or_fail() {
	hc_wait "${3:-$E2E_TIMEOUT}" -F -- "$2" && return 0
	tap_fail "$1: '$2' shown within ${3:-$E2E_TIMEOUT} s"
	e2e_dump "$1"
	return 1
}

# last_token FILE: the last SEEN- token of the first language, which the
# reader must show after End.
last_token() {
	LC_ALL=C awk '/^== [a-z]/ { native = 1; sec++ } /^- See more/ { sec++ }
	    { s = $0 }
	    match(s, /SEEN-[A-Za-z0-9-]*/) {
		do {
			t[sec] = substr(s, RSTART, RLENGTH)
			s = substr(s, RSTART + RLENGTH)
		} while (match(s, /SEEN-[A-Za-z0-9-]*/))
	    }
	    END { print t[native ? 1 : 0] }' "$1"
}

# corpus FILE TERM: the whole check for one file (its name without .txt
# is the name in the test's output and the title's SEEN- token).
corpus() {
	f=$1 term=$2 n=$(basename "$1" .txt) limit=$E2E_TIMEOUT last=$(last_token "$1")
	keys_for "$term"
	db="$E2E_TMP/$n.db" out="$E2E_TMP/$n.pipe" raw="$E2E_TMP/$n.raw"
	T="timeout $limit $TANDEM --db $db"

	# Import, and what the pipe gets.  The languages come from the list:
	# the tags between the read flag and the date.
	$T import "$f" > "$E2E_TMP/imported" 2>"$E2E_TMP/err"
	rc=$?
	if [ "$rc" -ne 0 ] || ! grep -q '^imported 1 article,' "$E2E_TMP/imported"; then
		tap_fail "$n: imports (status $rc)"
		tap_diag "$(head -n 3 "$E2E_TMP/err")"
		return
	fi
	rc=0
	$T list > "$out" || rc=1
	langs=$(awk '{ for (i = 3; i <= NF && $i ~ /^[a-z][a-z][a-z]?(-[A-Za-z]+)?$/; i++)
	    printf "%s%s", (i > 3 ? "," : ""), $i; exit }' "$out")
	comments=0
	grep -q '^== comment$' "$f" && comments=1
	for l in $(echo "$langs" | tr ',' ' '); do
		$T show 1 --lang "$l" --width 400 >> "$out" || rc=1
	done
	[ "${langs#*,}" != "$langs" ] && { $T show 1 --lang "$langs" --width 200 >> "$out" || rc=1; }
	[ "$comments" = 1 ] && { $T comments 1 >> "$out" || rc=1; }
	tap_check "$n: languages found in the list ($langs)" [ -n "$langs" ]
	tap_check "$n: show, comments, list to a pipe exit 0" [ "$rc" -eq 0 ]
	job "$n: piped output is plain text" pipe "$out"
	missing=$(LC_ALL=C grep -ao 'SEEN-[A-Za-z0-9-]*' "$f" | sort -u |
	    while read -r t; do grep -q -- "$t\([^A-Za-z0-9-]\|$\)" "$out" || echo "$t"; done)
	tap_check "$n: all visible text kept${missing:+ (missing: $missing)}" [ -z "$missing" ]

	# The terminal: show and comments, then the reader.
	url=$(sed -n '1s/^url: //p' "$f")
	rm -f "$E2E_TMP/go1" "$E2E_TMP/go2"
	e2e_start "$COLS" "$ROWS" sh "$TOP/both.sh" "$E2E_TMP" "$db" \
	    "$langs" "$comments" "$TANDEM" "$term"
	e2e_tmux pipe-pane -o -t "$E2E_TARGET" "cat > '$raw'"
	title0=$(e2e_format '#{pane_title}')
	touch "$E2E_TMP/go1"
	if wait_or_fail "$n: show on a terminal" "show-done" "$limit"; then
		e2e_expect "$n: show and comments on a terminal exit 0" \
		    "show-done rc=0" 1
	fi
	touch "$E2E_TMP/go2"
	if wait_or_fail "$n: reader starts" " 1 article" "$limit" &&
	    wait_or_fail "$n: list shows the title" "SEEN-$n" 2 &&
	    { e2e_keys Enter; hc_wait "$limit" -x ' .*[0-9]%.*Q:quit' ||
	    { tap_fail "$n: the reader opens"; e2e_dump "$n: reader"; false; }; }; then
		if [ "${langs#*,}" != "$langs" ]; then
			e2e_keys s
			t2=$(LC_ALL=C awk 'n == 1 && match($0, /SEEN-[A-Za-z0-9-]*/) {
			    print substr($0, RSTART, RLENGTH); exit }
			    /^== [a-z]/ || /^- See more/ { n++ }' "$f")
			wait_or_fail "$n: side by side shows the second language" "$t2" 10 &&
			    tap_ok "$n: side by side"
		fi
		e2e_keys $pg j j $end
		wait_or_fail "$n: End in the reader" "$last" "$limit" &&
		    tap_ok "$n: End in the reader reaches the end"
		e2e_keys g
		if [ "$comments" = 1 ]; then
			e2e_keys c
			t3=$(first_token "$f" '^== comment$')
			wait_or_fail "$n: comment pane" "$t3" "$limit" &&
			    tap_ok "$n: comment pane shows the first comment"
			t4=$(LC_ALL=C grep -ao 'SEEN-[A-Za-z0-9-]*' "$f" | tail -n 1)
			e2e_keys j j $end
			wait_or_fail "$n: End in the comment pane" "$t4" "$limit" &&
			    tap_ok "$n: End in the comment pane reaches the last one"
		fi
		e2e_keys $pg
		sleep 0.1
		screen_ok "$n: screen within bounds, modes and title untouched"
	fi
	e2e_keys Q
	e2e_expect_exit "$n: reader exits 0" 0 "$limit"
	tap_check "$n: terminal restored" e2e_terminal_restored
	tap_check "$n: no mouse, origin, insert mode or scroll region left" \
	    [ "$(e2e_format '#{mouse_any_flag}#{origin_flag}#{insert_flag}#{scroll_region_upper}:#{scroll_region_lower}')" = "0000:$((ROWS - 1))" ]
	e2e_tmux pipe-pane -t "$E2E_TARGET"
	e2e_tmux kill-server
	job "$n ($term): nothing from the data reached the terminal" tty \
	    "$raw" "$url" "$TOP/base-$term.raw"
	tap_check "$n: the terminal saw the drawing" grep -q "SEEN-$n" "$raw"
}

# keys_for TERM: the keys that page down and go to the end.  tmux sends
# its own sequences for NPage and End whatever TERM says, which curses
# reads right only for tmux-256color: elsewhere Space and G.
keys_for() {
	pg=NPage end=End
	[ "$1" = tmux-256color ] || pg=Space end=G
}

# baseline TERM: the same keys as corpus on the bundled sample, in a clean
# cache with a comment and a reply of our own, recorded into
# $TOP/base-TERM.raw: what curses sends for this TERM.
baseline() {
	term=$1 n=base-$1 limit=$E2E_TIMEOUT
	keys_for "$term"
	db="$E2E_TMP/$n.db" raw="$TOP/base-$term.raw"
	T="timeout $limit $TANDEM --db $db"
	export XDG_CONFIG_HOME="$E2E_TMP/config-$n"
	printf '%s\n' "url: https://site.test/base" "" "== en" \
	    "title: A short one" "" "One paragraph." "" "== fr" "title: Court" \
	    "" "Un." "" "Deux." "" "Trois." > "$E2E_TMP/short.txt"
	if ! TANDEM_SAMPLE_DIR="" $T import "$top_srcdir/data/sample" >/dev/null 2>&1 ||
	    ! $T import "$E2E_TMP/short.txt" >/dev/null 2>&1 ||
	    ! $T login --name "Base Line" >/dev/null 2>&1 ||
	    ! $T comment 1 -m "First baseline comment." >/dev/null 2>&1 ||
	    ! $T comment 1 --parent 1 -m "A reply to it." >/dev/null 2>&1 ||
	    ! $T comment 2 -m "First baseline comment, short." >/dev/null 2>&1; then
		tap_fail "baseline ($term): the sample imports, with two comments"
		return
	fi
	rm -f "$E2E_TMP/go1" "$E2E_TMP/go2"
	e2e_start "$COLS" "$ROWS" sh "$TOP/both.sh" "$E2E_TMP" "$db" \
	    ko,en 1 "$TANDEM" "$term"
	e2e_tmux pipe-pane -o -t "$E2E_TARGET" "cat > '$raw'"
	touch "$E2E_TMP/go1"
	wait_or_fail "$n: show on a terminal" "show-done rc=0" "$limit"
	touch "$E2E_TMP/go2"
	if wait_or_fail "$n: reader starts" " 2 articles" "$limit" &&
	    { e2e_keys Enter; hc_wait "$limit" -x ' .*[0-9]%.*Q:quit' ||
	    { tap_fail "$n: the reader opens"; e2e_dump "$n: reader"; false; }; }; then
		e2e_keys s
		sleep 0.3
		e2e_keys $pg j j $end
		wait_or_fail "$n: End in the reader" "100%" "$limit"
		e2e_keys g c
		wait_or_fail "$n: comment pane" "First baseline comment" "$limit"
		e2e_keys j j $end $pg
		sleep 0.3
		# The other article too (short: the rows past its end; a link;
		# side by side, paragraphs left unpaired).
		e2e_keys q q j Enter
		hc_wait "$limit" -x ' .*[0-9]%.*Q:quit' ||
		    { tap_fail "$n: the other article opens"; e2e_dump "$n: other"; }
		e2e_keys s $pg j $end c
		sleep 0.3
	fi
	e2e_keys Q
	e2e_expect_exit "baseline ($term): the reader exits 0" 0 "$limit"
	e2e_tmux pipe-pane -t "$E2E_TARGET"
	e2e_tmux kill-server
	job "baseline ($term): only what curses sends" base "$raw" \
	    https://site.test/base
}

# NUL bytes early on: the importer calls the file binary and stores nothing.
f="$CORPUS/nul-early.txt"
timeout 20 "$TANDEM" --db "$E2E_TMP/nul.db" import "$f" >/dev/null 2>"$E2E_TMP/err"
rc=$?
tap_check "nul-early: refused (status $rc)" \
    sh -c '[ "$1" -ne 0 ] && [ "$1" -ne 124 ]' _ "$rc"
tap_check "nul-early: says why, naming the file" \
    grep -qx "tandem: $f: binary data (NUL bytes), not text" "$E2E_TMP/err"

# The large ones, with the attacks in them: made here, not committed.
G="$E2E_TMP/gen"
mkdir "$G"
python3 - "$G" <<'PY'
import sys
d = sys.argv[1]
evil = "\033[7790m\033]0;PWNED-BIG\007\033P$qPWNED-BIG\033\\\u202e\u009b7791m"
with open(d + "/big-line.txt", "w") as f:
    f.write("== en\ntitle: SEEN-big-line\n\nSEEN-big-start ")
    f.write(("word " * 20 + evil + " ") * 9000)
    f.write("SEEN-big-end\n")
with open(d + "/big-paragraphs.txt", "w") as f:
    f.write("== en\ntitle: SEEN-big-paragraphs\n\n")
    for i in range(100000):
        f.write("p%d%s\n\n" % (i, evil if i % 1000 == 500 else ""))
    f.write("SEEN-big-last\n")
o = ["url: https://site.test/deep", "", "== en", "title: SEEN-big-deep",
     "", "SEEN-big-body."]
for i in range(1, 10001):
    o += ["", "== comment"] + (["parent: %d" % (i - 1)] if i > 1 else [])
    o += ["", "Level %d.%s" % (i, evil if i % 100 == 0 else "")]
o[9] += " SEEN-big-level1"
o += ["SEEN-big-deepest"]
with open(d + "/big-deep.txt", "w") as f:
    f.write("\n".join(o) + "\n")
PY
tap_check "1 MB single line made" [ "$(wc -c < "$G/big-line.txt")" -gt 1000000 ]

# worker K TERM... -- FILE|TERM...: baseline for each TERM, then corpus
# for each FILE under its TERM, in a directory and with tmux servers of
# its own; TAP lines to stdout, scan jobs to its jobs file.
worker() {
	k=$1; shift
	E2E_TMP="$TOP/w$k" E2E_N=$((k * 1000)) TAP_N=0 TAP_FAILED=0
	JOBS="$E2E_TMP/jobs"
	mkdir "$E2E_TMP"
	: > "$JOBS"
	while [ "$1" != "--" ]; do
		baseline "$1"
		shift
	done
	shift
	for _ft; do
		_t0=$(date +%s)
		corpus "${_ft%|*}" "${_ft##*|}"
		tap_diag "$(basename "${_ft%|*}" .txt) (${_ft##*|}): $(( $(date +%s) - _t0 )) s"
	done
}

# The large files first, so that each worker gets one.
set -- "$G/big-paragraphs.txt" "$G/big-deep.txt" "$G/big-line.txt"
for f in "$CORPUS"/*.txt; do
	[ "$f" = "$CORPUS/nul-early.txt" ] || set -- "$@" "$f"
done
k=0
while [ "$k" -lt "$HOSTILE_WORKERS" ]; do
	i=0 files="" terms=""
	for t in $HOSTILE_TERMS; do
		[ $((i % HOSTILE_WORKERS)) -eq "$k" ] && terms="$terms $t"
		i=$((i + 1))
	done
	i=0
	for f; do
		t=$(echo $HOSTILE_TERMS | awk -v i="$i" '{ print $(i % NF + 1) }')
		[ $((i % HOSTILE_WORKERS)) -eq "$k" ] && files="$files $f|$t"
		i=$((i + 1))
	done
	worker "$k" $terms -- $files > "$TOP/w$k.tap" 2>&1 &
	k=$((k + 1))
done
wait

# replay FILE: its TAP lines as this script's own, renumbered.
replay() {
	while IFS= read -r line; do
		case $line in
		"ok "*)		tap_ok "$(echo "$line" | sed 's/^ok [0-9]* - //')" ;;
		"not ok "*)	tap_fail "$(echo "$line" | sed 's/^not ok [0-9]* - //')" ;;
		*)		echo "$line" ;;
		esac
	done < "$1"
}
k=0
while [ "$k" -lt "$HOSTILE_WORKERS" ]; do
	replay "$TOP/w$k.tap"
	k=$((k + 1))
done
JOBS="$TOP/jobs"
cat "$TOP"/w*/jobs > "$JOBS"
python3 "$SCAN" batch "$JOBS" > "$TOP/scan.out"
tap_check "rawscan.py ran every check" \
    [ "$(grep -c '^\(not \)\{0,1\}ok ' "$E2E_TMP/scan.out")" -eq "$(wc -l < "$JOBS")" ]
while IFS= read -r line; do
	case $line in
	"ok "*)		tap_ok "${line#ok }" ;;
	"not ok "*)	tap_fail "${line#not ok }" ;;
	*)		echo "$line" ;;
	esac
done < "$E2E_TMP/scan.out"
tap_done
