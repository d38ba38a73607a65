#!/bin/sh
# long-text.sh: a 2 MB article (6,896 paragraphs, tests/bench/gen-long.py)
# is opened without its text, which the reader reads as it lays it out;
# each screen on the way (the first, G, a search near the end, side by
# side, the other language, a search into the language not shown) must
# be the text tandem show prints, which reads the article whole.
. "$top_srcdir/tests/e2e/lib.sh"
e2e_need_tmux

export TANDEM_DB="$E2E_TMP/l.db" TANDEM_SAMPLE_DIR="" TANDEM_LANG=en
"${PYTHON3:-python3}" "$top_srcdir/tests/bench/gen-long.py" --bytes 2000000 \
    "$E2E_TMP/long.txt"
"$TANDEM" import "$E2E_TMP/long.txt" >/dev/null
# The reader's text is 98 cells wide in a 100-column pane.
for l in en en,de de; do
	"$TANDEM" show 1 --lang "$l" --width 98 > "$E2E_TMP/show-$l"
done
tap_check "show prints the article" grep -q Lastparaen "$E2E_TMP/show-en"
# Something to search for near the end: the first words of a line 95% of
# the way down, and the paragraph they are in (the one before is show's
# title: the count of blank lines up to there).
n=$(wc -l < "$E2E_TMP/show-en")
at=$((n * 95 / 100))
at=$(awk -v at="$at" 'NR >= at && $0 != "" { print NR; exit }' \
    "$E2E_TMP/show-en")
word=$(sed -n "${at}p" "$E2E_TMP/show-en" | cut -d' ' -f1-4)
para=$(head -n "$at" "$E2E_TMP/show-en" | grep -c '^$')
tap_check "words to search for: '$word', paragraph $para" \
    [ -n "$word" ] && [ "$para" -gt 3000 ]

# Rows 3 to 28 are the reader's text (title bar, list, header; status).
shows() {	# shows DESC LANGS: the screen is a run of show --lang LANGS
	e2e_capture > "$E2E_TMP/screen"
	if "${PYTHON3:-python3}" "$top_srcdir/tests/e2e/screen.py" inshow \
	    "$E2E_TMP/show-$2" 3 28 < "$E2E_TMP/screen" 2> "$E2E_TMP/why"; then
		tap_ok "$1"
	else
		tap_fail "$1"
		tap_diag "$(cat "$E2E_TMP/why")" "$(cat "$E2E_TMP/screen")"
	fi
}

e2e_start 100 30 "$TANDEM"
e2e_wait_for "Long en"
e2e_keys Enter
e2e_expect "Enter shows the first paragraph" "Firstparaen"
shows "the first screen is show's" en
e2e_keys G
e2e_expect "G shows the last paragraph" "Lastparaen"
e2e_expect "at the end, 100%" "/3448  100%"
shows "the last screen is show's" en
e2e_keys g
e2e_expect "g is back at the first" "Firstparaen"
e2e_keys / "$word" Enter
e2e_expect "/ finds words near the end ($word)" "en  $para/3448"
shows "... and shows show's text there" en
e2e_keys / Midparade Enter
e2e_expect "/ finds a word of the language not shown" "found in de"
e2e_keys g s
e2e_expect "s shows both languages" "en|de  1/3448"
shows "side by side is show's" en,de
e2e_keys G
e2e_expect "G side by side shows the last pair" "Lastparade"
shows "the last pair side by side is show's" en,de
e2e_keys s
e2e_expect "s again: one language" "en  3443/3448"
e2e_keys l
e2e_expect "l shows the other language" "de  3443/3448"
shows "de alone is show's" de
e2e_keys Q
e2e_expect_exit "Q quits"
tap_done
