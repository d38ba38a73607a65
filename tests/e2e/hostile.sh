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
tap_done
