#!/bin/sh
# long.sh: a 1 MB article (3,400 paragraphs, made up by
# tests/bench/gen-long.py) is laid out lazily around the screen, and the
# reader still goes to its end, searches its middle, keeps its place
# through side by side and back, and says where it is in percent.
. "$top_srcdir/tests/e2e/lib.sh"
e2e_need_tmux

export TANDEM_DB="$E2E_TMP/l.db" TANDEM_SAMPLE_DIR="" TANDEM_LANG=en
"${PYTHON3:-python3}" "$top_srcdir/tests/bench/gen-long.py" --bytes 1000000 \
    "$E2E_TMP/long.txt"
"$TANDEM" import "$E2E_TMP/long.txt" >/dev/null
tap_check "the long article imports" [ "$("$TANDEM" list | wc -l)" -eq 1 ]

e2e_start 100 30 "$TANDEM"
e2e_wait_for "Long en"
e2e_keys Enter
e2e_expect "Enter shows the first paragraph" "Firstparaen"
e2e_expect "the status line says 0%" "en  1/1724  0%"
e2e_keys G
e2e_expect "G shows the last paragraph" "Lastparaen"
e2e_expect "at the end, 100%" "/1724  100%"
e2e_keys g
e2e_expect "g is back at the first" "Firstparaen"
e2e_keys / Midparaen Enter
e2e_expect "/ finds the middle paragraph" "en  863/1724"
e2e_keys s
e2e_expect "side by side keeps the paragraph" "en|de  863/1724"
e2e_expect "and shows its translation" "Midparade"
e2e_keys s
e2e_expect "back to one language, the same paragraph" "en  863/1724"
e2e_keys G
e2e_expect "G again shows the last paragraph" "Lastparaen"
e2e_keys Q
e2e_expect_exit "Q quits"
tap_done
