#!/bin/sh
# search.sh: / finds a phrase the reader wraps onto two rows (at 40
# columns), scrolls to it and highlights it on both rows.
. "$top_srcdir/tests/e2e/lib.sh"
e2e_need_tmux
export TANDEM_DB="$E2E_TMP/s.db" TANDEM_SAMPLE_DIR=""

{
	printf 'url: https://site.test/search\noriginal: en\n\n== en\n'
	printf 'title: Search test\n\n'
	i=1
	while [ $i -le 30 ]; do
		printf 'Filler paragraph number %d says nothing at all.\n\n' $i
		i=$((i + 1))
	done
	printf 'The words before the phrase run UNIQA UNIQB and on.\n'
} > "$E2E_TMP/s.txt"
"$TANDEM" import "$E2E_TMP/s.txt" >/dev/null

# The highlighted text of the screen: each run in reverse or a background
# colour, one per line, as "row:text".
marked() {
	e2e_tmux capture-pane -e -p -t "$E2E_TARGET" | python3 -c '
import re, sys
for n, line in enumerate(sys.stdin.read().split("\n")):
    on = False; run = ""
    for tok in re.split(r"(\x1b\[[0-9;]*m)", line):
        if tok.startswith("\x1b["):
            codes = tok[2:-1].split(";")
            hl = any(c in ("7", "43") for c in codes)
            if run and on and not hl:
                print("%d:%s" % (n, run)); run = ""
            on = hl if (hl or codes != [""]) else False
            if codes in ([""], ["0"]): on = False
        elif on:
            run += tok
    if run and on:
        print("%d:%s" % (n, run))
'
}

e2e_start 40 20 env NO_COLOR= "$TANDEM"
e2e_wait_for "Search test"
e2e_keys Enter
e2e_wait_for "Filler paragraph number 1 "
if e2e_capture | grep -q "UNIQA"; then
	tap_fail "the phrase starts off screen"
else
	tap_ok "the phrase starts off screen"
fi
e2e_keys / "uniqa uniqb" Enter
e2e_expect "/ scrolls to the wrapped phrase" "UNIQA"
if e2e_capture | grep -q "UNIQA UNIQB"; then
	tap_fail "the phrase is on one row: the test needs it wrapped"
else
	tap_ok "the phrase is wrapped onto two rows"
fi
_m=$(marked)
_a=$(printf '%s\n' "$_m" | sed -n 's/^\([0-9]*\):UNIQA$/\1/p')
_b=$(printf '%s\n' "$_m" | sed -n 's/^\([0-9]*\):UNIQB$/\1/p')
if [ -n "$_a" ] && [ -n "$_b" ] && [ "$_b" -eq $((_a + 1)) ]; then
	tap_ok "both rows are highlighted (rows $_a and $_b)"
else
	tap_fail "both rows are highlighted"
	tap_diag "highlighted: $(printf '%s' "$_m" | tr '\n' ' ')"
fi
e2e_keys Q
e2e_expect_exit "Q quits"
tap_done
