#!/bin/sh
# hostile.sh: article text is untrusted.  An article whose title and body
# carry escape sequences (an OSC that sets the terminal title, cursor
# moves, screen clears, colours), C1 controls and bidi overrides must show
# as plain text in the reader and in tandem show/list, and none of those
# bytes may reach the terminal.
. "$top_srcdir/tests/e2e/lib.sh"
e2e_need_tmux

export TANDEM_DB="$E2E_TMP/h.db" TANDEM_SAMPLE_DIR=""
ESC=$(printf '\033')
printf '%s\n' \
    "== en" \
    "title: Evil${ESC}]0;PWNED$(printf '\007') title ${ESC}[31mred${ESC}[0m end" \
    "" \
    "Clear${ESC}[2J${ESC}[H screen and ${ESC}[10;10Hmove the cursor." \
    "" \
    "C1 $(printf '\302\233')31m CSI and a raw $(printf '\233')1m byte, bidi $(printf '\342\200\256')desrever$(printf '\342\200\254') done." \
    "" \
    "Clipboard ${ESC}]52;c;cHduZWQ=$(printf '\007') and link ${ESC}]8;;http://evil/${ESC}\\\\here${ESC}]8;;${ESC}\\\\ ok." \
    "" \
    "== ko" \
    "" \
    "한국어 문단 ${ESC}[5m깜빡임${ESC}[0m 없음." > "$E2E_TMP/evil.txt"
"$TANDEM" import "$E2E_TMP/evil.txt" >/dev/null 2>&1
tap_check "the hostile article imports" [ "$("$TANDEM" list | wc -l)" -eq 1 ]

# Command line: nothing from the data reaches stdout as a control byte.
"$TANDEM" show 1 --lang en --width 60 > "$E2E_TMP/show.out"
"$TANDEM" list > "$E2E_TMP/list.out"
"$TANDEM" export 1 --format json > "$E2E_TMP/json.out"
for f in show list json; do
	tap_check "tandem $f output has no control bytes" \
	    sh -c '! LC_ALL=C grep -q "$(printf "[\001-\010\013-\037\177]")" "$1" &&
	        ! LC_ALL=C grep -q "$(printf "\302[\200-\237]")" "$1"' _ "$E2E_TMP/$f.out"
done
tap_check "show keeps the visible text" grep -q "Evil title red end" "$E2E_TMP/show.out"
tap_check "the OSC payload is gone" sh -c '! grep -q PWNED "$1"' _ "$E2E_TMP/show.out"
tap_check "bidi override removed, text kept" grep -q "bidi desrever done" "$E2E_TMP/show.out"

# The reader, with every byte sent to the terminal recorded.
e2e_start 100 30 "$TANDEM"
e2e_tmux pipe-pane -o -t "$E2E_TARGET" "cat > '$E2E_TMP/raw.out'"
title_before=$(e2e_format '#{pane_title}')
e2e_wait_for "Evil"
e2e_keys Enter
e2e_expect "reader shows the body" "move the cursor"
e2e_keys s
e2e_wait_for "깜빡임"
e2e_keys c
e2e_wait_for "Comments"
sleep 0.3
scr=$(e2e_capture)
tap_check "pane title unchanged" [ "$(e2e_format '#{pane_title}')" = "$title_before" ]
tap_check "title text shown without the sequence" \
    sh -c 'printf "%s\n" "$1" | grep -q "Evil title red end"' _ "$scr"
tap_check "title bar still on the first row" \
    sh -c 'printf "%s\n" "$1" | head -n 1 | grep -q "^ tandem "' _ "$scr"
tap_check "status line still on the last row" \
    sh -c 'printf "%s\n" "$1" | tail -n 1 | grep -q "Q:quit"' _ "$scr"
tap_check "the word the article coloured red is not red" \
    sh -c '! tmux -L "$1" capture-pane -e -p -t "$1:0.0" | grep -q "31mred"' _ "$E2E_SOCK"
tap_check "no blinking from the article on screen" \
    sh -c '! tmux -L "$1" capture-pane -e -p -t "$1:0.0" | grep -q "\[5m\|;5m"' _ "$E2E_SOCK"
e2e_keys Q
e2e_expect_exit "Q quits with status 0"
e2e_tmux pipe-pane -t "$E2E_TARGET"
tap_check "raw terminal output has no OSC title, clipboard or link from the data" \
    sh -c '! LC_ALL=C grep -q "PWNED\|cHduZWQ\|http://evil" "$1"' _ "$E2E_TMP/raw.out"
tap_check "raw terminal output has no 8-bit C1 bytes" \
    sh -c '! LC_ALL=C grep -q "$(printf "\302\233")" "$1"' _ "$E2E_TMP/raw.out"
tap_check "raw terminal output is not empty (the check saw the drawing)" \
    [ -s "$E2E_TMP/raw.out" ]
# One-line fields and the login identity (items 6 and 7): a title with
# U+2028 forging a list row, an author with U+2029 forging a comment
# header, a name with OSC 0/52 and CSI 2J.  Every command's output, piped
# or written to a file, carries no ESC, C1 or bidi byte and no extra row.
export TANDEM_DB="$E2E_TMP/forge.db"
LS=$(printf '\342\200\250') PS=$(printf '\342\200\251') NEL=$(printf '\302\205')
printf '%s\n' "url: https://site.test/forge" "" "== en" \
    "title: Real title${LS}999 N en  2025-01-01  Forged row" "" \
    "Body ${ESC}[2J text." "" "== ko" "title: 제목${NEL}998 N ko Forged too" "" \
    "본문." "" "== comment" "author: Mallory${PS}[2] Forged · 2025-01-01" "" \
    "A comment." > "$E2E_TMP/forge.txt"
"$TANDEM" import "$E2E_TMP/forge.txt" >/dev/null 2>&1
"$TANDEM" login --name "Eve${ESC}]0;PWNED$(printf '\007')${ESC}]52;c;cHduZWQ=$(printf '\007')${ESC}[2J${LS}Forged" \
    --email "e@x${ESC}[31m" > "$E2E_TMP/login.out" 2>&1
"$TANDEM" whoami > "$E2E_TMP/whoami.out" 2>&1
"$TANDEM" list > "$E2E_TMP/flist.out" 2>&1
"$TANDEM" comments 1 > "$E2E_TMP/comments.out" 2>&1
"$TANDEM" align 1 > "$E2E_TMP/align.out" 2>&1
"$TANDEM" show 1 --lang en > "$E2E_TMP/fshow.out" 2>&1
"$TANDEM" export 1 --format article | cat > "$E2E_TMP/export.out"
"$TANDEM" export 1 -o "$E2E_TMP/export-o.txt"
cat "$E2E_TMP/export-o.txt" > "$E2E_TMP/exporto.out"
for f in login whoami flist comments align fshow; do
	tap_check "$f: no ESC, C1, bidi or other control bytes" \
	    sh -c '! LC_ALL=C grep -q "$(printf "[\001-\010\013-\037\177]")" "$1" &&
	        ! LC_ALL=C grep -q "$(printf "\302[\200-\237]")" "$1" &&
	        ! LC_ALL=C grep -q "$(printf "\342\200[\250-\256]\|\342\201[\246-\251]")" "$1"' \
	    _ "$E2E_TMP/$f.out"
done
tap_check "login: one line" [ "$(wc -l < "$E2E_TMP/login.out")" -eq 1 ]
tap_check "whoami: one line" [ "$(wc -l < "$E2E_TMP/whoami.out")" -eq 1 ]
tap_check "whoami: the name's text is kept" grep -q "Eve.*Forged" "$E2E_TMP/whoami.out"
tap_check "list: one row, no forged one" [ "$(wc -l < "$E2E_TMP/flist.out")" -eq 1 ]
tap_check "list: the title is on that row" grep -q "Real title 999 N en" "$E2E_TMP/flist.out"
tap_check "comments: one comment header, not two" \
    [ "$(grep -c "Forged" "$E2E_TMP/comments.out")" -eq 1 ]
tap_check "comments: the forged header is not a line of its own" \
    sh -c '! grep -q "^ *\[2\] Forged" "$1"' _ "$E2E_TMP/comments.out"
tap_check "show: the title is one line" \
    [ "$(grep -c "Forged row" "$E2E_TMP/fshow.out")" -eq 1 ] 
tap_check "show: the title line carries the whole title" \
    grep -q "Real title 999 N en" "$E2E_TMP/fshow.out"
for f in export exporto; do
	tap_check "$f: no header line forged by a separator" \
	    sh -c '! grep -q "^999 N\|^998 N\|^\[2\] Forged" "$1"' _ "$E2E_TMP/$f.out"
	tap_check "$f: the title header keeps its text on one line" \
	    grep -q "^title: Real title 999 N en" "$E2E_TMP/$f.out"
done
"$TANDEM" export 1 --format json > "$E2E_TMP/fjson.out"
tap_check "json keeps the title exact: U+2028 as \\u2028" \
    grep -q 'Real title\\u2028999 N en' "$E2E_TMP/fjson.out"
tap_check "json keeps the body's ESC, escaped" \
    grep -qi 'Body \\u001b\[2J text' "$E2E_TMP/fjson.out"
tap_check "json keeps the author's U+2029, escaped" \
    grep -q 'Mallory\\u2029\[2\] Forged' "$E2E_TMP/fjson.out"
tap_done
