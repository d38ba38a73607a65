#!/bin/sh
# crash.sh: SIGKILL at a random instant never leaves half an article or
# half a comment in the cache.  tandem import is killed again and again on
# one cache, then tandem comment; after each kill the cache must pass
# SQLite's integrity check and hold only whole articles (every
# translation, every paragraph, the comments and the alignment) and whole
# comments under valid parents.  The instants come from a seeded sequence:
# TANDEM_CRASH_SEED=n repeats a run's plan (the timing still varies).
. "$top_srcdir/tests/e2e/lib.sh"
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 is not installed"; exit 0; }
# The interpreter itself, not a wrapper (a pyenv shim costs half a second
# a call, and the test makes hundreds).
PYTHON=$(python3 -c 'import sys; print(sys.executable)')
CHECK="$PYTHON $(cd "$top_srcdir" && pwd)/tests/e2e/crash-check.py"
export TANDEM_DB="$E2E_TMP/c.db" TANDEM_SAMPLE_DIR=""
SEED=${TANDEM_CRASH_SEED:-$(date +%s)}
T0=$(date +%s.%N)
tap_diag "seed $SEED (TANDEM_CRASH_SEED=$SEED repeats the plan)"
$CHECK plan "$SEED" 400 > "$E2E_TMP/plan"
# Read on descriptor 3, whose offset command substitutions share.
exec 3< "$E2E_TMP/plan"
rnd() {	# rnd SCALE: the next number of the plan, times SCALE
	read -r _x <&3
	awk -v x="$_x" -v s="$1" 'BEGIN { printf "%.3f\n", x * s }'
}
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.3f\n", b - a }'; }

# N stories in two languages, with a comment and a reply; version V of
# story I has 8 + V % 3 paragraphs, each naming I and V, so an update
# left half applied shows.  Every hundredth story is over 1 MB.
N=400 KILLS=20
mkdir "$E2E_TMP/in"
stories() {	# stories V: write version V of every story
	awk -v n="$N" -v v="$1" -v dir="$E2E_TMP/in" 'BEGIN {
	k = 8 + v % 3
	big = " filler"
	while (length(big) < 70000)
		big = big big
	for (i = 1; i <= n; i++) {
		f = dir "/" i ".txt"
		pad = i % 100 == 50 ? big : ""
		printf "url: https://site.test/crash/%d\ncomments: open\n", i > f
		printf "\n== en\ntitle: Story %d (%d paragraphs)\n", i, k > f
		for (j = 0; j < k; j++)
			printf "\nParagraph %d of story %d, version %d, long enough to make the import take its time.%s\n", j, i, v, pad > f
		printf "\n== fr\ntitle: Histoire %d (%d paragraphes)\n", i, k > f
		for (j = 0; j < k; j++)
			printf "\nParagraphe %d de l%shistoire %d, version %d, assez long pour que l%simport prenne son temps.%s\n", j, "\047", i, v, "\047", pad > f
		printf "\n== comment\nauthor: Ann\n\nFirst on story %d.\n", i > f
		printf "\n== comment\nauthor: Bo\nparent: 1\n\nA reply on story %d.\n", i > f
		close(f)
	}
}'
}
stories 0
tap_check "story 50 is over 1 MB" [ "$(wc -c < "$E2E_TMP/in/50.txt")" -gt 1048576 ]
cd "$E2E_TMP/in" || exit 1

# How long does a whole import take here, of new articles and of a new
# version of stored ones?  Kills are drawn within the quicker of the two
# (whatever the build: a sanitizer's is slower, and so is its window), so
# that most land mid-import.
t0=$(now)
"$TANDEM" -d "$E2E_TMP/scratch.db" import *.txt >/dev/null
fresh=$(elapsed "$t0")
stories 1
t0=$(now)
"$TANDEM" -d "$E2E_TMP/scratch.db" import *.txt >/dev/null
again=$(elapsed "$t0")
window=$(awk -v a="$fresh" -v b="$again" 'BEGIN { printf "%.3f\n", a < b ? a : b }')
tap_diag "a whole import takes ${fresh}s, a re-import ${again}s; kills within ${window}s"

# Each run imports the next version and starts at a random story, so
# kills hit both new articles and re-imports of stored ones.
killed=0 finished=0 errors=0 bad=0
r=1
while [ "$r" -le "$KILLS" ]; do
	stories "$((r + 1))"
	from=$(awk -v x="$(rnd "$N")" 'BEGIN { printf "%d\n", x + 1 }')
	at=$(rnd "$window")
	set -- $(awk -v n="$N" -v f="$from" 'BEGIN {
		for (i = 0; i < n; i++) print (f - 1 + i) % n + 1 ".txt" }')
	"$TANDEM" import "$@" >/dev/null 2>"$E2E_TMP/import.err" &
	pid=$!
	sleep "$at"
	kill -KILL "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	case $? in
	137)	killed=$((killed + 1)) ;;
	0)	finished=$((finished + 1)) ;;
	*)	errors=$((errors + 1)); tap_diag "run $r: $(head -3 "$E2E_TMP/import.err")" ;;
	esac
	if ! $CHECK articles "$TANDEM_DB" "$N" > "$E2E_TMP/check.out" 2>&1; then
		bad=$((bad + 1))
		tap_diag "after run $r (from story $from, killed at ${at}s):"
		tap_diag "$(grep -v -e "whole articles" -e "^[0-9]*$" "$E2E_TMP/check.out" | head -5 | sed "s/^# //")"
	fi
	n=$(tail -n 1 "$E2E_TMP/check.out")
	r=$((r + 1))
done
tap_diag "$killed imports killed mid-import, $finished finished first ($((killed * 100 / KILLS))% mid-import); $n articles stored" \
    "$(elapsed "$T0")s so far"
tap_check "most kills landed mid-import ($killed of $KILLS)" [ "$((killed * 2))" -gt "$KILLS" ]
tap_check "no killed import failed on its own" [ "$errors" -eq 0 ]
tap_check "the kills interrupted imports" [ "$killed" -gt 0 ]
tap_check "after each of $KILLS kills: integrity ok, only whole articles" [ "$bad" -eq 0 ]

"$TANDEM" import *.txt >"$E2E_TMP/import.out" 2>"$E2E_TMP/import.err"
tap_check "a full import after the kills succeeds" [ $? -eq 0 ]
tap_check "... without a word on stderr" [ ! -s "$E2E_TMP/import.err" ]
n=$($CHECK articles "$TANDEM_DB" "$N" "$((KILLS + 1))" | tail -n 1)
tap_check "... leaving $N whole articles, none twice, all of the last version" [ "$n" = "$N" ]
tap_check "tandem lists $N" [ "$("$TANDEM" list | wc -l)" -eq "$N" ]

# Comments: each round writes one comment that must arrive and kills the
# writer of another at a random instant within about one write's time.
# Odd rounds pass the text with -m, even ones on standard input; a reply
# may answer a comment written in an earlier round.
# The window is the quickest of three writes: the first ones may be slow.
ids=$("$TANDEM" list | awk 'NR <= 5 { print $1 }')
: > "$E2E_TMP/manifest"
window=
for t in 1 2 3; do
	echo "timing$t $(echo "$ids" | head -n 1) 0 30000 must" >> "$E2E_TMP/manifest"
	$CHECK body "timing$t" 30000 > "$E2E_TMP/body"
	t0=$(now)
	"$TANDEM" comment "$(echo "$ids" | head -n 1)" < "$E2E_TMP/body" >/dev/null
	window=$(awk -v t="$(elapsed "$t0")" -v w="$window" \
	    'BEGIN { printf "%.3f\n", w != "" && w < t ? w : t }')
done
tap_diag "a comment takes about ${window}s to write at first"
write() {	# write TAG STATUS: start one comment's writer in the background
	_a=$(echo "$ids" | sed -n "$(awk -v x="$(rnd 5)" 'BEGIN { printf "%d\n", x + 1 }')p")
	_p=$($CHECK parents "$TANDEM_DB" "$_a" |
	    sed -n "$(awk -v x="$(rnd 4)" 'BEGIN { printf "%d\n", x + 1 }')p")
	_s=$(awk -v x="$(rnd 1)" 'BEGIN { printf "%d\n", 1000 + x * 60000 }')
	$CHECK body "$1" "$_s" > "$E2E_TMP/body"
	echo "$1 $_a ${_p:-0} $_s $2" >> "$E2E_TMP/manifest"
	if [ $((r % 2)) = 1 ]; then
		"$TANDEM" comment "$_a" ${_p:+--parent "$_p"} \
		    -m "$(cat "$E2E_TMP/body")" >/dev/null 2>"$E2E_TMP/comment.err" &
	else
		"$TANDEM" comment "$_a" ${_p:+--parent "$_p"} \
		    < "$E2E_TMP/body" >/dev/null 2>"$E2E_TMP/comment.err" &
	fi
	pid=$!
}
ROUNDS=12 killed=0 finished=0 errors=0 bad=0
r=1
while [ "$r" -le "$ROUNDS" ]; do
	write "w$r" must
	t0=$(now)
	wait "$pid" || { errors=$((errors + 1)); tap_diag "w$r: $(cat "$E2E_TMP/comment.err")"; }
	# Writes get quicker as the cache warms up; so does the window.
	window=$(awk -v t="$(elapsed "$t0")" -v w="$window" \
	    'BEGIN { printf "%.3f\n", w < t ? w : t }')
	at=$(rnd "$window")	# drawn first: the window is a few ms
	write "k$r" maybe
	sleep "$at"
	kill -KILL "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	case $? in
	137)	killed=$((killed + 1)) ;;
	0)	finished=$((finished + 1)); sed -i "s/^k$r \(.*\) maybe$/k$r \1 must/" "$E2E_TMP/manifest" ;;
	*)	errors=$((errors + 1)); tap_diag "k$r: $(cat "$E2E_TMP/comment.err")" ;;
	esac
	$CHECK comments "$TANDEM_DB" "$E2E_TMP/manifest" > "$E2E_TMP/check.out" 2>&1 ||
	    { bad=$((bad + 1)); tap_diag "after round $r:"; tap_diag "$(grep -v "comments stored" "$E2E_TMP/check.out" | head -5 | sed "s/^# //")"; }
	r=$((r + 1))
done
tap_diag "$killed comment writers killed, $finished finished first" \
    "$(tail -n 1 "$E2E_TMP/check.out" | sed 's/^# //')"
tap_check "every comment not killed was written without an error" [ "$errors" -eq 0 ]
tap_check "the kills interrupted writers" [ "$killed" -gt 0 ]
tap_check "after each of $ROUNDS kills: integrity ok, comments whole, parents valid" [ "$bad" -eq 0 ]
tap_check "the articles are still whole" \
    [ "$($CHECK articles "$TANDEM_DB" "$N" | tail -n 1)" = "$N" ]
tap_done
