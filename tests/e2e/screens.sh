#!/bin/sh
# screens.sh: whole-screen goldens of the key screens, so that a change of
# layout shows up as a diff.  The real reader runs in tmux on a private
# cache (the sample article, a comment and a reply to it) with a fixed
# environment; the list, help, the library search's results, the reader
# in one language, side by side and the comment pane are captured as text
# at 80x24 and 120x40 and compared with tests/golden/screens/NAME-WxH.txt.  TANDEM_GOLDEN_UPDATE=1
# rewrites the goldens instead (as for the layout goldens); read them then.
#
# Two fields are masked before comparing (screens_mask): the version in
# the title bar, so a release does not touch the goldens, and the time a
# comment was written (`tandem comment` stamps the current UTC time, and
# nothing in the environment fixes it).
. "$top_srcdir/tests/e2e/lib.sh"
e2e_need_tmux

GOLDEN="$top_srcdir/tests/golden/screens"
export TZ=UTC TANDEM_LANG=ko,en TANDEM_SAMPLE_DIR="" TERM=tmux-256color
export HOME="$E2E_TMP/home"
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME"

# A new cache for each size: opening an article marks it read and
# remembers its languages, which would change the next size's screens.
screens_cache() {
	"$TANDEM" --db "$1" import \
	    "$top_srcdir/data/sample/seoul-sba-zhongguancun.txt" >/dev/null &&
	"$TANDEM" --db "$1" login --name "Ann Reader" >/dev/null &&
	"$TANDEM" --db "$1" comment 1 \
	    -m "A first comment on the agreement." >/dev/null &&
	"$TANDEM" --db "$1" comment 1 --parent 1 -m "A reply to it." >/dev/null
}

# The screen as the goldens keep it: no trailing blanks, version and
# comment times masked.
screens_mask() {
	sed -e 's/[[:space:]]*$//' \
	    -e '1s/^ tandem [0-9][^ ]*/ tandem VERSION/' \
	    -e 's/[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z/YYYY-MM-DDThh:mm:ssZ/g' \
	    -e 's/· \(just now\|[0-9]* min ago\)/· WHEN/g'
}

# screens_wait WANT [GONE]: wait until the screen matches WANT (grep -E)
# and not GONE, then until two captures in a row are the same; the last
# capture is left in $E2E_TMP/screen.
screens_wait() {
	_end=$(( $(date +%s) + E2E_TIMEOUT ))
	_prev=
	while [ "$(date +%s)" -le "$_end" ]; do
		e2e_capture > "$E2E_TMP/screen" 2>/dev/null
		if grep -Eq -- "$1" "$E2E_TMP/screen" &&
		    { [ -z "$2" ] || ! grep -Eq -- "$2" "$E2E_TMP/screen"; }; then
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

# screens_check NAME WANT [GONE]: wait for the screen, then compare it
# with its golden (or rewrite the golden).
screens_check() {
	_name=$1 _file="$GOLDEN/$1-$SIZE.txt"
	if ! screens_wait "$2" "$3"; then
		tap_fail "$_name $SIZE: screen did not show /$2/ and settle"
		e2e_dump "$_name $SIZE"
		return
	fi
	screens_mask < "$E2E_TMP/screen" > "$E2E_TMP/got"
	if [ -n "${TANDEM_GOLDEN_UPDATE+set}" ]; then
		if mkdir -p "$GOLDEN" && cp "$E2E_TMP/got" "$_file"; then
			tap_ok "$_name $SIZE: golden rewritten"
		else
			tap_fail "$_name $SIZE: cannot write $_file"
		fi
	elif [ ! -f "$_file" ]; then
		tap_fail "$_name $SIZE: $_file missing (TANDEM_GOLDEN_UPDATE=1 makes it)"
	elif diff -u "$_file" "$E2E_TMP/got" > "$E2E_TMP/diff"; then
		tap_ok "$_name $SIZE: matches its golden"
	else
		tap_fail "$_name $SIZE: differs from its golden"
		sed 's/^/# /' "$E2E_TMP/diff"
	fi
}

for size in "80 24" "120 40"; do
	set -- $size
	SIZE="${1}x$2"
	db="$E2E_TMP/$SIZE.db"
	if ! screens_cache "$db"; then
		tap_fail "$SIZE: the cache is prepared"
		continue
	fi
	e2e_start "$1" "$2" "$TANDEM" --db "$db"
	screens_check list '^ 1/1 .*\?:help'
	e2e_keys '?'
	screens_check help 'any other key closes this help'
	e2e_keys q
	screens_wait '^ 1/1 .*\?:help' 'any other key closes' ||
	    { tap_fail "$SIZE: q closes the help"; e2e_dump "help $SIZE"; }
	e2e_keys / Zhongguancun Enter
	screens_check search '^Search: Zhongguancun'
	e2e_keys q
	screens_wait '^ 1/1 .*\?:help' '^Search:' ||
	    { tap_fail "$SIZE: q leaves the results"; e2e_dump "search $SIZE"; }
	e2e_keys Enter
	screens_check reader '^ ko  1/8 ' 'logged in to post'
	e2e_keys s
	screens_check sbs '^ ko[|]en  1/8 '
	e2e_keys s c
	screens_check comments 'A reply to it\.'
	e2e_keys Q
	status=$(e2e_wait_exit)
	tap_check "$SIZE: Q exits 0" [ "$status" = 0 ]
	e2e_tmux kill-server
done
tap_done
