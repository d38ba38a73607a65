#!/bin/sh
# terminal.sh: the reader in different terminals and settings: a non-UTF-8
# locale, NO_COLOR, TERM values from linux to xterm, focus and read marks,
# OSC 8 links and opening the URL without a shell.
. "$top_srcdir/tests/e2e/lib.sh"
e2e_need_tmux
export TANDEM_DB="$E2E_TMP/t.db" TANDEM_SAMPLE_DIR=""
"$TANDEM" import "$top_srcdir/data/sample/seoul-sba-zhongguancun.txt" >/dev/null

# A locale that is not UTF-8: tandem switches to C.UTF-8 and says so.
e2e_start 100 30 env LANG=C LC_ALL=C TANDEM_LANG=ko sh -c '"$1" 2>"$2"' _ "$TANDEM" "$E2E_TMP/locale.err"
e2e_keys Enter
e2e_expect "C locale: Korean still drawn" "서울시와"
e2e_keys Q
e2e_expect_exit "C locale: Q quits with status 0"
tap_check "C locale: warned on stderr" \
    grep -q "^tandem: the locale is not UTF-8; using C.UTF-8$" "$E2E_TMP/locale.err"
e2e_tmux kill-server

# NO_COLOR: attributes only.
e2e_start 100 30 env NO_COLOR=1 "$TANDEM"
e2e_wait_for "ko en ja zh fr"
e2e_keys Enter
e2e_wait_for "Seoul"
tap_check "NO_COLOR: no colour sequences on screen" \
    sh -c '! tmux -L "$1" capture-pane -e -p -t "$1:0.0" | grep -q "\[3[0-7]m\|\[4[0-7]m\|;3[0-7]m\|;4[0-7]m\|38;5\|48;5"' _ "$E2E_SOCK"
e2e_keys Q
e2e_expect_exit "NO_COLOR: Q quits with status 0"
e2e_tmux kill-server

# Each terminal on a copy of the cache: the reader remembers side by side,
# and s would turn it off again every other run.
for t in linux vt100 screen-256color xterm-256color; do
	cp "$TANDEM_DB" "$E2E_TMP/$t.db"
	e2e_start 100 30 env TERM=$t "$TANDEM" --db "$E2E_TMP/$t.db"
	e2e_wait_for "ko en ja zh fr"
	e2e_keys Enter
	e2e_expect "TERM=$t: the article opens" "Seoul Metropolitan Government"
	e2e_keys j j Space s
	e2e_expect "TERM=$t: s shows two columns" " | "
	e2e_keys Q
	e2e_expect_exit "TERM=$t: exits 0"
	e2e_tmux kill-server
done

# Focus and read marks.
e2e_start 100 30 "$TANDEM"
e2e_wait_for "ko en ja zh fr"
e2e_keys N
e2e_expect "N in the list marks it unread" "N  ko en ja zh fr"
e2e_keys N
e2e_expect_gone "N again marks it read" "N  ko en ja zh fr"
e2e_keys Enter
e2e_wait_for "Seoul Metropolitan"
e2e_keys Tab
e2e_expect "Tab moves the focus to the list" "1/1"
e2e_keys Tab
e2e_expect "Tab again: the reader" "en  1/8"
e2e_keys Q
e2e_expect_exit "after Tab: Q quits with status 0"
e2e_tmux kill-server

# An article with a URL full of shell syntax: the title bar shows it as
# an OSC 8 link, and o hands it to $BROWSER as one argument, no shell.
URL='https://site.test/a?x=1&y=$(touch${IFS}pwned)&z=`id`;b'
printf 'url: %s\n\n== en\ntitle: Linked\n\nBody text.\n' "$URL" > "$E2E_TMP/link.txt"
"$TANDEM" import "$E2E_TMP/link.txt" >/dev/null
cat > "$E2E_TMP/browser" <<-'SH'
	#!/bin/sh
	for a in "$@"; do printf '%s\n' "$a"; done > "$BROWSER_LOG"
SH
chmod +x "$E2E_TMP/browser"
cd "$E2E_TMP"
e2e_start 100 30 env TERM=xterm-256color BROWSER="$E2E_TMP/browser" \
    BROWSER_LOG="$E2E_TMP/browser.log" "$TANDEM"
e2e_tmux pipe-pane -o -t "$E2E_TARGET" "cat > '$E2E_TMP/raw.out'"
e2e_wait_for "Linked"
e2e_keys Enter
e2e_wait_for "Body text."
e2e_keys o
_end=$(( $(date +%s) + E2E_TIMEOUT ))
while [ ! -s "$E2E_TMP/browser.log" ] && [ "$(date +%s)" -le "$_end" ]; do sleep 0.05; done
tap_check "o runs \$BROWSER with the URL as its only argument" \
    sh -c '[ "$(cat "$1")" = "$2" ]' _ "$E2E_TMP/browser.log" "$URL"
tap_check "no shell ran the URL" [ ! -e "$E2E_TMP/pwned" ]
e2e_expect "reader back after the browser" "Body text."
e2e_keys Q
e2e_expect_exit "after the browser: Q quits with status 0"
e2e_tmux pipe-pane -t "$E2E_TARGET"
tap_check "the URL went out as an OSC 8 hyperlink" \
    grep -q "$(printf '\033')]8;;https://site.test/a?x=1" "$E2E_TMP/raw.out"
# o_case NAME URL BROWSER: open an article whose url: is URL with o.
o_case() {
	e2e_tmux kill-server 2>/dev/null
	rm -f "$E2E_TMP/o.db" "$E2E_TMP/o1.log" "$E2E_TMP/o2.log"
	printf 'url: %s\n\n== en\ntitle: Case %s\n\nCase body.\n' "$2" "$1" \
	    > "$E2E_TMP/o.txt"
	TANDEM_DB="$E2E_TMP/o.db" "$TANDEM" import "$E2E_TMP/o.txt" >/dev/null
	e2e_start 100 30 env TANDEM_DB="$E2E_TMP/o.db" BROWSER="$3" \
	    BROWSER_LOG="$E2E_TMP/o1.log" "$TANDEM"
	e2e_wait_for "Case $1"
	e2e_keys Enter
	e2e_wait_for "Case body."
	e2e_keys o
}
cat > "$E2E_TMP/browser2" <<-'SH'
	#!/bin/sh
	for a in "$@"; do printf '%s\n' "$a"; done > "$BROWSER_LOG.2"
SH
chmod +x "$E2E_TMP/browser2"

# A url: that is a browser option is refused, with a reason; nothing runs.
o_case opt '--gpu-launcher=touch pwned' "$E2E_TMP/browser"
e2e_expect "o on an option-like URL says why it did not open it" \
    "not opened: not a URL"
tap_check "the browser did not run for the option-like URL" \
    [ ! -e "$E2E_TMP/o1.log" ]
e2e_keys Q
e2e_expect_exit "option-like URL: Q quits with status 0"

# file: is refused too, naming the scheme.
o_case file 'file:///etc/passwd' "$E2E_TMP/browser"
e2e_expect "o on a file: URL refuses it" "only http and https URLs"
tap_check "the browser did not run for the file: URL" [ ! -e "$E2E_TMP/o1.log" ]
e2e_keys Q
e2e_expect_exit "file: URL: Q quits with status 0"

# $BROWSER is a colon list: a missing program, then one with %s in place.
o_case list 'https://site.test/a b' \
    "$E2E_TMP/no-such-browser:$E2E_TMP/browser2 --new --url=%s --end"
_end=$(( $(date +%s) + E2E_TIMEOUT ))
while [ ! -s "$E2E_TMP/o1.log.2" ] && [ "$(date +%s)" -le "$_end" ]; do sleep 0.05; done
tap_check "the second \$BROWSER entry ran, %s replaced by the encoded URL" \
    sh -c '[ "$(cat "$1")" = "$(printf "%s\n" --new \
        --url=https://site.test/a%20b --end)" ]' _ "$E2E_TMP/o1.log.2"
e2e_expect "reader back after the second browser" "Case body."
e2e_keys Q
e2e_expect_exit "colon list: Q quits with status 0"
tap_done
