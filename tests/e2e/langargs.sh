#!/bin/sh
# langargs.sh: language arguments say what they ignore.  show --lang
# with three languages shows two and names the third; a language given
# twice is refused; a malformed tag is a usage error and an unknown one a
# warning; an unknown tag in an article file's "== xx" line is warned
# about with its file and line.
. "$top_srcdir/tests/e2e/lib.sh"
db="$E2E_TMP/l.db"
"$TANDEM" --db "$db" import "$top_srcdir"/data/sample/*.txt >/dev/null 2>&1
show() {
	"$TANDEM" --db "$db" show 1 --width 60 --lang "$1" >"$E2E_TMP/out" \
	    2>"$E2E_TMP/err"
	echo $? >"$E2E_TMP/rc"
}
said() { grep -qF -- "$1" "$E2E_TMP/err"; }
rc() { [ "$(cat "$E2E_TMP/rc")" = "$1" ]; }

show ko,en,fr
tap_check "ko,en,fr: shown (exit 0)" rc 0
tap_check "... side by side, ko and en" grep -q " | The Seoul" "$E2E_TMP/out"
tap_check "... saying fr is ignored" said "ignoring fr"
show ko,ko
tap_check "ko,ko: a usage error" rc 2
tap_check "... naming ko twice" said "'ko' is named twice"
tap_check "... not ko|en" [ ! -s "$E2E_TMP/out" ]
show k0r
tap_check "a malformed tag: usage error" rc 2
tap_check "... saying so" said "not a well-formed language tag"
show zz
tap_check "an unknown tag: warned" said "'zz' is not a language code"

printf 'url: https://example.invalid/a\n\n== en\ntitle: One\n\nText.\n\n== xx-nonsense\ntitle: Two\n\nMore text.\n' \
    >"$E2E_TMP/a.txt"
"$TANDEM" --db "$db" import "$E2E_TMP/a.txt" >/dev/null 2>"$E2E_TMP/err"
echo $? >"$E2E_TMP/rc"
tap_check "== xx-nonsense: imported" rc 0
tap_check "... with a warning naming file and line" said "a.txt:8: 'xx' (in 'xx-nonsense')"
tap_done
