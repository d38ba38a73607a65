#!/bin/sh
# concurrent-tui.sh: two readers on one cache while imports run.  Both
# move about, switch languages and write comments, at times with both
# editors open at once (every key saves a draft), while tandem import adds
# a few hundred articles and then imports them again, over and over.  No
# error may reach either screen or stderr, every import must succeed,
# every comment must be stored once, and both readers must still answer
# and leave the terminal as they found it.
. "$top_srcdir/tests/e2e/lib.sh"
e2e_need_tmux
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 is not installed"; exit 0; }
export TANDEM_DB="$E2E_TMP/c.db" TANDEM_SAMPLE_DIR=""
sql() {
	python3 -c 'import sqlite3,sys
for r in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]): print("|".join(map(str, r)))' "$TANDEM_DB" "$1"
}

# story N (url .../N): two languages, comments open.
story() {
	awk -v from="$1" -v to="$2" -v dir="$3" 'BEGIN {
		for (i = from; i <= to; i++) {
			f = dir "/" i ".txt"
			printf "url: https://site.test/tui/%d\ncomments: open\n", i > f
			printf "\n== en\ntitle: Story %d\n", i > f
			for (j = 0; j < 12; j++)
				printf "\nParagraph %d of story %d.\n", j, i > f
			printf "\n== fr\ntitle: Histoire %d\n", i > f
			for (j = 0; j < 12; j++)
				printf "\nParagraphe %d de l%shistoire %d.\n", j, "\047", i > f
			close(f)
		}
	}'
}
mkdir "$E2E_TMP/old" "$E2E_TMP/new"
story 1 20 "$E2E_TMP/old"
story 21 320 "$E2E_TMP/new"
"$TANDEM" import "$E2E_TMP"/old/*.txt >/dev/null

# Imports from start to end: the new stories, then some 30 of them again
# and again as updates, with a pause (two cores are enough for the test).
: > "$E2E_TMP/import.rc"
(
	set -- "$E2E_TMP"/new/*.txt
	while :; do
		"$TANDEM" import "$@" >/dev/null 2>>"$E2E_TMP/import.err"
		echo $? >> "$E2E_TMP/import.rc"
		[ -f "$E2E_TMP/stop" ] && break
		set -- "$E2E_TMP"/new/3*.txt
		sleep 0.2
	done
) &
importer=$!

e2e_start 100 30 sh -c 'exec "$0" 2>"$1"' "$TANDEM" "$E2E_TMP/a.err"
A=$E2E_N
e2e_start 100 30 sh -c 'exec "$0" 2>"$1"' "$TANDEM" "$E2E_TMP/b.err"
B=$E2E_N
for t in $A $B; do
	e2e_select "$t"
	e2e_wait_for "Story"
done

: > "$E2E_TMP/screens"
: > "$E2E_TMP/bodies"
stuck=0 during=0
# step TUI TEXT KEYS...: send KEYS to one reader, wait for TEXT.  A step
# that times out is counted in $stuck, which one test below asserts.
step() {
	e2e_select "$1"
	_who=$1 _want=$2; shift 2
	[ $# -gt 0 ] && e2e_keys "$@"
	if ! e2e_poll_for "$_want"; then
		stuck=$((stuck + 1))
		e2e_dump "reader $_who after $*, waiting for '$_want'"
	fi
	{ echo "--- reader $_who: $*"; e2e_capture; } >> "$E2E_TMP/screens"
	[ -f "$E2E_TMP/stop" ] || during=$((during + 1))
}
# open TUI MOVES...: from the list, open an article and its comments
open() {
	_t=$1; shift
	# Languages are remembered per article, so which one shows varies;
	# "Paragraph" begins the text in both.
	step "$_t" "Paragraph" "$@" Enter
	step "$_t" "Paragraph" l
	step "$_t" "Paragraph" s j j k
	step "$_t" "Paragraph" 1 x
	step "$_t" "Comments are open." c
}
# compose TUI TAG: start a comment and type its first half
compose() {
	step "$1" "New comment" C
	step "$1" "$2 first half" -l "$2 first half"
}
# send TUI TAG: type the second half and send
send() {
	step "$1" "$2 first half second half" -l " second half"
	step "$1" "comment saved" C-d
	echo "$2 first half second half" >> "$E2E_TMP/bodies"
	step "$1" "Story" q q
}

for r in 1 2; do
	# One after the other...
	open "$A" $(seq "$r" | sed 's/.*/j/')
	compose "$A" "A$r"
	send "$A" "A$r"
	open "$B" G $(seq "$r" | sed 's/.*/k/')
	compose "$B" "B$r"
	send "$B" "B$r"
	# ... and with both editors open, on different articles.
	open "$A" g
	open "$B" g j
	compose "$A" "A$r-both"
	compose "$B" "B$r-both"
	send "$A" "A$r-both"
	send "$B" "B$r-both"
done

# Drafts belong to the cache, not to a reader: one that opens an
# article's comments while another reader is typing there is offered
# that draft.  Both comments must still be kept.  Two new readers, once
# the first import is over, so that both lists are whole and the same.
while [ ! -s "$E2E_TMP/import.rc" ]; do sleep 0.1; done
e2e_start 100 30 sh -c 'exec "$0" 2>"$1"' "$TANDEM" "$E2E_TMP/c.err"
C=$E2E_N
e2e_start 100 30 sh -c 'exec "$0" 2>"$1"' "$TANDEM" "$E2E_TMP/d.err"
D=$E2E_N
step "$C" "320 articles"
step "$D" "320 articles"
open "$C" g
compose "$C" "C-shared"
open "$D" g
step "$D" "C-shared first half" C
step "$D" "D-shared" -l " D-shared"
send "$C" "C-shared"
step "$D" "comment saved" C-d
step "$D" "Story" q q
touch "$E2E_TMP/stop"
wait "$importer"

tap_diag "$(wc -l < "$E2E_TMP/import.rc") imports ran; $during of the readers' steps came during one"
tap_check "the readers answered every key" [ "$stuck" -eq 0 ]
tap_check "they worked while imports ran" [ "$during" -gt 0 ]
tap_check "every import succeeded" \
    sh -c '[ -s "$1" ] && ! grep -qv "^0$" "$1"' _ "$E2E_TMP/import.rc"
tap_check "the importer saw no errors" [ ! -s "$E2E_TMP/import.err" ]
tap_check "every article is there once" [ "$("$TANDEM" list | wc -l)" -eq 320 ]
if grep -Ei 'lock|busy|error|fail|unable|cannot|no such' "$E2E_TMP/screens" > "$E2E_TMP/bad"; then
	tap_fail "no error on either screen"; tap_diag "$(head -5 "$E2E_TMP/bad")"
else
	tap_ok "no error on either screen"
fi
lost=0
while read -r body; do
	ids=$(sql "select article_id from comment where body = '$body' and state = 'posted'")
	if [ "$(echo "$ids" | grep -c .)" != 1 ] ||
	    ! "$TANDEM" comments "$ids" | grep -qF "$body"; then
		lost=$((lost + 1)); tap_diag "'$body' stored as: [$ids]"
	fi
done < "$E2E_TMP/bodies"
tap_check "all $(wc -l < "$E2E_TMP/bodies") comments stored once, shown by tandem comments" [ "$lost" -eq 0 ]
tap_check "the reader that took over the draft kept its own comment" \
    [ "$(sql "select count(*) from comment where state = 'posted' and body = 'C-shared first half D-shared'")" = 1 ]
tap_check "no draft left behind" [ "$(sql "select count(*) from comment where state = 'draft'")" = 0 ]

for t in $A $B $C $D; do
	e2e_select "$t"
	e2e_keys g Enter
	e2e_expect "reader $t still answers" "Paragraph"
	e2e_keys Q
	e2e_expect_exit "reader $t quits with status 0"
	tap_check "reader $t leaves the terminal restored" e2e_terminal_restored
done
tap_check "nothing on any reader's stderr" sh -c '! cat "$@" | grep -q .' _ \
    "$E2E_TMP/a.err" "$E2E_TMP/b.err" "$E2E_TMP/c.err" "$E2E_TMP/d.err"
tap_done
