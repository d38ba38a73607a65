#!/bin/sh
# liststate.sh: reading state and filters in the reader's list (star,
# unread counts, n/p, A, U, =, !, S, O) and in tandem list's flags.
# Four articles, imported zebra, apple, mango, banana (newest first:
# banana 4, mango 3, apple 2, zebra 1); zebra has en ko fr, apple en ko,
# mango en fr-CA, banana en only and no date.
. "$top_srcdir/tests/e2e/lib.sh"
e2e_need_tmux
export TANDEM_DB="$E2E_TMP/t.db" TANDEM_SAMPLE_DIR=""
D="$top_srcdir/tests/data/liststate"
for f in zebra apple mango banana; do
	"$TANDEM" import "$D/$f.txt" >/dev/null || tap_fail "import $f"
done
# The first row of the list, the title bar, the status line.
row1() { e2e_capture | sed -n 2p; }
bar() { e2e_capture | sed -n 1p; }

e2e_start 120 30 "$TANDEM"
e2e_expect "the header counts unread" "4 articles, 4 unread"
tap_check "rows show id, unread mark, languages, date" \
    sh -c 'tmux -L "$1" capture-pane -p | grep -q "^3 N  en fr-CA        2025-02-01  Mango season"' _ "$E2E_SOCK"
# Whether the title is drawn right after a bold attribute.
bold() {
	_e=$(printf '\033')
	e2e_tmux capture-pane -e -p -t "$E2E_TARGET" |
	    grep -Eq "$_e\[(0;)?1m($_e\[[0-9;]*m)*$1"
}
notbold() { ! bold "$1"; }
tap_check "unread titles are bold" bold "Mango season"
e2e_keys '*'
e2e_expect "* stars the selected article" "1 starred"
tap_check "... and its row says so" sh -c 'echo "$1" | grep -q "^4 N\* en"' _ "$(row1)"
e2e_keys S
e2e_expect "S: starred only" "1 of 4 articles (starred)"
e2e_keys S
e2e_wait_for " 4 articles, 4 unread"
e2e_keys '='
e2e_wait_for "articles that have"
e2e_keys 'ko fr' Enter
e2e_expect "=: has ko and fr" "1 of 4 articles (has ko fr)"
tap_check "... which is zebra" sh -c 'echo "$1" | grep -q "Zebra"' _ "$(row1)"
e2e_keys '='
e2e_wait_for "articles that have"
e2e_keys 'fr' Enter
e2e_expect "=: fr matches fr-CA too" "2 of 4 articles (has fr)"
e2e_keys '='
e2e_wait_for "articles that have"
e2e_keys 'x1' Enter
e2e_expect "=: a word that is no language is refused" "not a language tag: 'x1'"
e2e_keys '='
e2e_wait_for "articles that have"
e2e_keys Enter
e2e_wait_for " 4 articles, 4 unread"
e2e_keys O
e2e_expect "O: by date" "(by date)"
tap_check "... newest date first: zebra" sh -c 'echo "$1" | grep -q Zebra' _ "$(row1)"
e2e_keys O
e2e_expect "O: by title" "(by title)"
tap_check "... A first: apple" sh -c 'echo "$1" | grep -q Apple' _ "$(row1)"
e2e_keys O
e2e_wait_for " 4 articles, 4 unread"

e2e_keys Enter
e2e_wait_for "Four."
e2e_keys U
e2e_expect "U in the reader marks the open article unread" "article 4 marked unread"
e2e_keys '*'
e2e_expect "* in the reader unstars it" "article 4 unstarred"
e2e_keys q
e2e_expect "back in the list: still 4 unread" " 4 articles, 4 unread"
tap_check "... none starred" sh -c '! echo "$1" | grep -q starred' _ "$(bar)"
e2e_keys j Enter
e2e_wait_for "Three."
e2e_keys q
e2e_expect "opening mango read it" "4 articles, 3 unread"
e2e_keys g
e2e_wait_for " 1/4"
tap_check "... and its title, not selected, is no longer bold" notbold "Mango season"
tap_check "... the unread one below it still is" bold "Apple harvest"
e2e_keys n
e2e_expect "n from the first row skips read mango" " 3/4"
e2e_keys p
e2e_expect "p goes back to the first" " 1/4"
e2e_keys N
e2e_expect "N marks the selected read" "4 articles, 2 unread"
e2e_keys '!'
e2e_expect "!: unread only" "2 of 4 articles (unread)"
e2e_keys '!'
e2e_wait_for " 4 articles, 2 unread"
e2e_keys A
e2e_expect "A marks every shown article read" "2 articles marked read"
e2e_expect "... the header says 0 unread" "4 articles, 0 unread"
e2e_keys n
e2e_expect "n with nothing unread says so" "no unread article below"
e2e_keys '*' j j '*'
e2e_wait_for "2 starred"
e2e_keys Q
e2e_expect_exit "Q quits with status 0"
e2e_tmux kill-server

# At 250 columns: a derived title uses the width; one language's text is
# at most max-width (100) cells, centred; side by side takes the width.
command -v python3 >/dev/null 2>&1 && {
export TANDEM_DB="$E2E_TMP/wide.db"
"$TANDEM" import "$top_srcdir/data/sample/seoul-sba-zhongguancun.txt" >/dev/null
cells() {	# cells ROW-REGEX MODE: widest (text) or leftmost (left) matching row
	python3 -c '
import re, sys, unicodedata
def w(s): return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
rows = [r.rstrip() for r in sys.stdin.read().split("\n")[2:-2] if re.match(sys.argv[1], r)]
if not rows: print(0); sys.exit()
if sys.argv[2] == "text": print(max(w(r.strip()) for r in rows))
else: print(min(len(r) - len(r.lstrip()) for r in rows))' "$1" "$2"
}
e2e_start 250 40 "$TANDEM" --lang ko
e2e_wait_for "1 article"
t=$(e2e_capture | sed -n 2p | python3 -c 'import sys, unicodedata; s = sys.stdin.read().rstrip(); print(sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s))')
tap_check "250 columns: the derived title runs past 150 cells ($t)" [ "$t" -gt 150 ]
e2e_keys Enter
e2e_wait_for "1/8"
scr=$(e2e_capture)
tw=$(printf '%s\n' "$scr" | cells '^ {20,}[^ ~]' text)
lm=$(printf '%s\n' "$scr" | cells '^ {20,}[^ ~]' left)
tap_check "250 columns: text lines of at most 100 cells ($tw)" [ "$tw" -gt 80 -a "$tw" -le 100 ]
tap_check "... centred ($lm cells from the left)" [ "$lm" -ge 70 -a "$lm" -le 80 ]
e2e_keys s
e2e_wait_for "ko|en"
tw=$(e2e_capture | cells '^ [^ ]' text)
tap_check "side by side uses the width ($tw cells)" [ "$tw" -gt 200 ]
e2e_keys Q
e2e_expect_exit "wide: Q quits with status 0"
e2e_tmux kill-server
export TANDEM_DB="$E2E_TMP/t.db"
}

# tandem list's flags, on the state the reader left.
ids() { "$TANDEM" list "$@" | awk '{ print $1 }' | tr '\n' ' '; }
tap_check "list --starred: banana and apple" [ "$(ids --starred)" = "4 2 " ]
"$TANDEM" rm 4 >/dev/null
tap_check "list --starred: one left after rm" [ "$(ids --starred)" = "2 " ]
"$TANDEM" list --starred | grep -q '^2  \* en ko ' ; rc=$?
tap_check "list: the star column" [ "$rc" -eq 0 ]
tap_check "list --unread: none" [ -z "$(ids --unread)" ]
tap_check "list --has ko,fr" [ "$(ids --has ko,fr)" = "1 " ]
tap_check "list --has fr: fr-CA too" [ "$(ids --has fr)" = "3 1 " ]
tap_check "list --sort date" [ "$(ids --sort date)" = "1 3 2 " ]
tap_check "list --sort title" [ "$(ids --sort title)" = "2 3 1 " ]
tap_check "list --has ko --starred" [ "$(ids --has ko --starred)" = "2 " ]
"$TANDEM" import "$D/zebra.txt" >/dev/null
tap_check "re-import keeps the read mark" [ -z "$(ids --unread)" ]
"$TANDEM" list --sort size >/dev/null 2>"$E2E_TMP/err"; rc=$?
tap_check "list --sort size: usage error" [ "$rc" -eq 2 ]
tap_check "... named" grep -q "^tandem: list: --sort takes date, title or imported, not 'size'$" "$E2E_TMP/err"
"$TANDEM" list --has 'k o' >/dev/null 2>"$E2E_TMP/err"; rc=$?
tap_check "list --has with a bad tag: usage error" [ "$rc" -eq 2 ]
tap_check "... named" grep -q "^tandem: list: --has: not a language tag: 'k'$" "$E2E_TMP/err"
tap_done
