#!/bin/sh
# concurrent.sh: two tandem processes on one cache: one imports while the
# other lists and shows.  No "database is locked" may reach the user and
# no write may be lost.
. "$top_srcdir/tests/e2e/lib.sh"

export TANDEM_DB="$E2E_TMP/c.db"
N=1000
mkdir "$E2E_TMP/in"
awk -v n="$N" -v dir="$E2E_TMP/in" 'BEGIN {
	for (i = 1; i <= n; i++) {
		f = dir "/" i ".txt"
		printf "url: https://site.test/%d\n\n== en\ntitle: Story %d\n", i, i > f
		for (j = 0; j < 40; j++)
			printf "\nParagraph %d of story %d, long enough to take a while.\n", j, i > f
		printf "\n== fr\ntitle: Histoire %d\n\nUn paragraphe.\n", i > f
		close(f)
	}
}'

"$TANDEM" import "$E2E_TMP/in/1.txt" >/dev/null 2>&1
( "$TANDEM" import "$E2E_TMP"/in/*.txt >"$E2E_TMP/import.out" 2>"$E2E_TMP/import.err"
  echo $? > "$E2E_TMP/import.rc" ) &
reader_failed=0 runs=0 during=0
while [ ! -f "$E2E_TMP/import.rc" ] || [ "$runs" -lt 20 ]; do
	"$TANDEM" list >/dev/null 2>>"$E2E_TMP/read.err" || reader_failed=$((reader_failed + 1))
	"$TANDEM" show 1 --width 60 >/dev/null 2>>"$E2E_TMP/read.err" || reader_failed=$((reader_failed + 1))
	runs=$((runs + 1))
	[ -f "$E2E_TMP/import.rc" ] || during=$((during + 1))
	[ "$runs" -ge 400 ] && break
done
wait

tap_check "the importer succeeded" [ "$(cat "$E2E_TMP/import.rc")" = 0 ]
tap_check "the importer saw no lock errors" [ ! -s "$E2E_TMP/import.err" ]
tap_check "the reader ran while the import did ($during of $runs runs)" [ "$during" -gt 0 ]
tap_check "the reader ran $runs times without a failure" [ "$reader_failed" -eq 0 ]
tap_check "the reader saw no lock errors" [ ! -s "$E2E_TMP/read.err" ]
tap_check "every article is there once" [ "$("$TANDEM" list | wc -l)" -eq "$N" ]
tap_check "summary counts the update and the new articles" \
    grep -q "^imported $((N - 1)) articles, updated 1," "$E2E_TMP/import.out"
[ -s "$E2E_TMP/read.err" ] && tap_diag "$(head -5 "$E2E_TMP/read.err")"
tap_done
