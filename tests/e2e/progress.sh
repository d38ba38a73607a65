#!/bin/sh
# progress.sh: tandem import's progress line over 3,000 small files is
# redrawn at most ~10 times a second, not once a file, so a slow SSH
# link is not flooded; it shows the count, rate and time left; and
# nothing of it reaches a stderr that is not a terminal.
. "$top_srcdir/tests/e2e/lib.sh"
if ! command -v script >/dev/null 2>&1; then
	echo "1..0 # SKIP script(1) is not installed"; exit 0
fi
dir="$E2E_TMP/many"
mkdir "$dir"
i=0
while [ $i -lt 3000 ]; do
	printf 'url: https://example.invalid/%d\n\n== en\ntitle: Story %d\n\nText %d.\n' \
	    $i $i $i >"$dir/$i.txt"
	i=$((i + 1))
done

# Over a pseudo-terminal: every byte the terminal gets, counted.
start=$(date +%s)
script -qfec "'$TANDEM' --db '$E2E_TMP/t.db' import '$dir'" "$E2E_TMP/tty" \
    >/dev/null 2>&1 </dev/null
secs=$(( $(date +%s) - start + 1 ))
bytes=$(wc -c <"$E2E_TMP/tty")
redraws=$(tr '\r' '\n' <"$E2E_TMP/tty" | grep -c 'importing')
tap_diag "$bytes bytes, $redraws redraws in about $secs s"
tap_check "all 3,000 imported" grep -q "imported 3000 articles" "$E2E_TMP/tty"
tap_check "at most ~10 redraws a second ($redraws in ${secs} s)" \
    [ "$redraws" -le $((secs * 10 + 2)) ]
tap_check "so far fewer bytes than a line per file ($bytes)" \
    [ "$bytes" -lt $((3000 * 10)) ]
tap_check "the line has the count" grep -q '\[1/3000\] importing' "$E2E_TMP/tty"
if [ "$secs" -gt 2 ]; then
	tap_check "... the rate and the time left" \
	    grep -q 'files/s, [0-9]* s left' "$E2E_TMP/tty"
else
	tap_skip "... the rate and the time left" "the import took under 2 s"
fi

# stderr to a file: no progress at all.
"$TANDEM" --db "$E2E_TMP/f.db" import "$dir" >"$E2E_TMP/out" 2>"$E2E_TMP/err"
tap_check "stderr not a terminal: nothing of the progress line" \
    sh -c "! grep -q 'importing' '$E2E_TMP/err' && ! tr '\r' '\n' <'$E2E_TMP/err' | grep -q ." 
tap_done
