#!/bin/sh
# library-search.sh: tandem search on the command line: ranked lines with
# the matching languages, folding (accents, case, ß), Korean inside a
# word, one Han character, --lang, --unread, --since, --limit, --json,
# boolean and phrase queries, our own message for a bad query, usage
# errors, no escape from an article into a pipe, and the match drawn
# bold and reversed on a terminal (tmux).
. "$top_srcdir/tests/e2e/lib.sh"
export TANDEM_DB="$E2E_TMP/s.db" TANDEM_SAMPLE_DIR=""
D="$top_srcdir/tests/data/search"

"$TANDEM" import "$top_srcdir/data/sample/seoul-sba-zhongguancun.txt" \
    "$D/menschen.txt" "$D/hostile.txt" >/dev/null
sid=$("$TANDEM" list | awk '/Seoul/ { print $1 }')
mid=$("$TANDEM" list | awk '/Menschen/ { print $1 }')
tap_check "three articles imported" [ "$("$TANDEM" list | wc -l)" -eq 3 ]

s() { "$TANDEM" search "$@" >"$E2E_TMP/out" 2>"$E2E_TMP/err"; }

s Menschen; rc=$?
tap_check "search exits 0" [ "$rc" -eq 0 ]
tap_check "one line per article, the id first" \
    [ "$(wc -l < "$E2E_TMP/out")" -eq 1 -a \
    "$(awk '{ print $1 }' "$E2E_TMP/out")" = "$mid" ]
tap_check "the line has its language, title and snippet" \
    grep -q "^$mid  de  *Die Menschen von Berlin  Viele Menschen gehen" \
    "$E2E_TMP/out"

s seoul
tap_check "seoul finds Séoul and Seoul: both articles" \
    [ "$(wc -l < "$E2E_TMP/out")" -eq 2 ]
tap_check "... the matching languages are named" \
    grep -q "^$mid  fr " "$E2E_TMP/out"
s STRASSE
tap_check "STRASSE finds Straße" grep -q "^$mid " "$E2E_TMP/out"
s 'l’été'
tap_check "l’été (typographic apostrophe) finds l'été" \
    grep -q "^$mid  fr" "$E2E_TMP/out"
s 서울
tap_check "서울 finds 서울시와 (inside a Korean word)" \
    grep -q "^$sid  ko" "$E2E_TMP/out"
s 关
tap_check "one Han character" grep -q "^$sid  zh" "$E2E_TMP/out"
s seoul --lang fr
tap_check "--lang fr: only fr matches" \
    [ "$(awk '{ print $2 }' "$E2E_TMP/out" | sort -u)" = "fr" ]
s seoul --limit 1
tap_check "--limit 1" [ "$(wc -l < "$E2E_TMP/out")" -eq 1 ]
s '"Menschen von"'
tap_check "a phrase" grep -q "^$mid " "$E2E_TMP/out"
s '"von Menschen"'
tap_check "a phrase out of order finds nothing" [ ! -s "$E2E_TMP/out" ]
s 'mensch*'
tap_check "a prefix" grep -q "^$mid " "$E2E_TMP/out"
s 'Menschen OR 서울'
tap_check "OR" [ "$(wc -l < "$E2E_TMP/out")" -eq 2 ]
s 'gehen NOT Straße'
tap_check "NOT (in the same paragraph)" [ ! -s "$E2E_TMP/out" ]
s nothingmatchesthis; rc=$?
tap_check "no match: exit 0, nothing printed" [ "$rc" -eq 0 -a \
    ! -s "$E2E_TMP/out" ]

s '(Menschen'; rc=$?
tap_check "a bad query exits 1" [ "$rc" -eq 1 ]
tap_check "... with our own one-line message" \
    grep -qx "tandem: search \"(Menschen\": a '(' is not closed" \
    "$E2E_TMP/err"
s 'Menschen AND'
tap_check "a dangling operator is named" \
    grep -q "ends with an operator" "$E2E_TMP/err"
if grep -qi "fts5\|sqlite" "$E2E_TMP/err"; then
	tap_fail "SQLite's words never reach the user"
else
	tap_ok "SQLite's words never reach the user"
fi
s; rc=$?
tap_check "no query: usage error 2" [ "$rc" -eq 2 ]
s x --limit 0; rc=$?
tap_check "--limit 0: usage error 2" [ "$rc" -eq 2 -a \
    -n "$(grep -- '--limit wants a number' "$E2E_TMP/err")" ]
s x --since yesterday; rc=$?
tap_check "--since takes YYYY-MM-DD" [ "$rc" -eq 2 ]
s seoul --since 2999-01-01
tap_check "--since in the future: nothing" [ ! -s "$E2E_TMP/out" ]
s seoul --unread
tap_check "--unread: both unread" [ "$(wc -l < "$E2E_TMP/out")" -eq 2 ]
python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("update article set read = 1 where id = ?", (int(sys.argv[2]),)); c.commit()' \
    "$TANDEM_DB" "$mid"
s seoul --unread
tap_check "--unread: a read article is left out" \
    [ "$(wc -l < "$E2E_TMP/out")" -eq 1 -a \
    -z "$(grep "^$mid " "$E2E_TMP/out")" ]

s --json seoul
tap_check "--json parses, each hit with its fields" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert len(d) == 2, d
for h in d:
    assert set(h) >= {"id", "langs", "lang", "title", "snippet", "matches",
                      "paragraph", "score"}, h
    for a, b in h["matches"]:
        assert "seoul" in h["snippet"].encode()[a:b].decode().lower() \
            .replace("é", "e"), h
' "$E2E_TMP/out"

s zebrafish
if grep -q "$(printf '\033')\|$(printf '\007')" "$E2E_TMP/out"; then
	tap_fail "an article's escapes do not reach a pipe"
else
	tap_ok "an article's escapes do not reach a pipe"
fi
tap_check "... the text around them is printed" \
    grep -q "Escape test  The word zebrafish sits" "$E2E_TMP/out"

# On a terminal: the match bold and reversed, the line cut to the width.
if command -v tmux >/dev/null 2>&1; then
	e2e_start 60 10 sh -c '"$0" search zebrafish; echo END' "$TANDEM"
	e2e_wait_for END
	e2e_tmux capture-pane -e -p -t "$E2E_TARGET" > "$E2E_TMP/tty"
	tap_check "on a terminal the match is reversed" python3 -c '
import re, sys
s = open(sys.argv[1]).read()
m = re.search(r"\x1b\[[0-9;]*7[0-9;]*m(?:\x1b\[[0-9;]*m)*zebrafish", s)
assert m, repr(s[:400])
' "$E2E_TMP/tty"
	e2e_capture > "$E2E_TMP/plain"
	tap_check "... and the line fits 60 cells" python3 -c '
import sys, unicodedata
for l in open(sys.argv[1]).read().split("\n"):
    w = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in l)
    assert w <= 60, l
' "$E2E_TMP/plain"
else
	tap_skip "on a terminal the match is reversed" "no tmux"
fi
tap_done
