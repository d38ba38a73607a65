#!/bin/sh
# list-search.sh: / in the article list searches the library: the prompt
# takes the typed text (no letter runs as a command), the results become
# the list under a header, n and N step through them, Enter opens one in
# the language that matched from its first match, q and Esc go back to
# every article.  Then / in an article searches every translation: a
# match in a language not on screen is named with the key that shows it.
. "$top_srcdir/tests/e2e/lib.sh"
e2e_need_tmux
export TANDEM_DB="$E2E_TMP/s.db" TANDEM_SAMPLE_DIR="" TANDEM_LANG=ko,en
D="$top_srcdir/tests/data/search"
"$TANDEM" import "$top_srcdir/data/sample/seoul-sba-zhongguancun.txt" \
    "$D/menschen.txt" >/dev/null

# status_is DESCRIPTION REGEX: the status line comes to match REGEX.
status_is() {
	_end=$(( $(date +%s) + E2E_TIMEOUT ))
	while [ "$(date +%s)" -le "$_end" ]; do
		if e2e_capture | tail -1 | grep -Eq -- "$2"; then
			tap_ok "$1"
			return 0
		fi
		sleep 0.05
	done
	tap_fail "$1"
	e2e_dump "waiting for the status line /$2/"
	return 1
}

e2e_start 100 24 "$TANDEM"
e2e_wait_for "Die Menschen von Berlin"
e2e_keys /
e2e_expect "/ in the list opens the library prompt" "search the library:"
e2e_keys Menschen
e2e_expect "the prompt takes the typed text" "search the library: Menschen"
e2e_keys Enter
e2e_expect "a header says what is shown" \
    "Search: Menschen  1 article, best first"
e2e_expect_gone "only the matching article is listed" "Seoul Economic"
e2e_keys q
e2e_expect "q goes back to every article" "서울시와"
e2e_expect_gone "... without the header" "Search: Menschen"

e2e_keys / seoul Enter
e2e_expect "two results for seoul" "Search: seoul  2 articles"
e2e_capture > "$E2E_TMP/results"
first=$(sed -n 3p "$E2E_TMP/results")
second=$(sed -n 4p "$E2E_TMP/results")
tap_check "the results are the list's rows, with matching languages" \
    sh -c 'printf "%s\n" "$1" | grep -q "en fr .*The Seoul Economic"' _ \
    "$first$second"
e2e_keys n Enter
case $second in
*Berlin*)	want="Séoul" want_lang="fr" ;;
*)		want="Seoul" want_lang="en" ;;
esac
e2e_expect "n then Enter opens the second result" "$want"
status_is "... in the language that matched ($want_lang), not ko" \
    "^ $want_lang "
e2e_keys q
e2e_expect "q from the reader: back to the results" "Search: seoul"
e2e_keys N Enter
e2e_expect "N steps back: the first result opens" "The Seoul Economic"
status_is "... in en" "^ en "
e2e_keys q q / Magok Enter
e2e_expect "Magok: one result" "Search: Magok  1 article"
e2e_keys Enter
status_is "opened at its first match, not the top, in a language that has it" \
    "^ (en|fr)  [2-9]/"
e2e_keys q Escape
e2e_expect "Esc goes back to every article too" "Die Menschen von Berlin"
e2e_expect_gone "... no header" "Search: seoul"

e2e_keys / nothingmatches Enter
e2e_expect "no match: a message, the whole list stays" \
    "no article matches: nothingmatches"

# In an article: the Korean text is on screen; Séoul is in en and fr.
e2e_keys G Enter
e2e_wait_for "서울"
e2e_keys / Pékin Enter
e2e_expect "a match only in hidden languages names them and their keys" \
    "not shown; found in fr (5)"
e2e_keys / MOU Enter
e2e_expect "a match on screen, and where else it is" "also in en (2)"
e2e_keys 5
status_is "5 shows fr" "^ fr "
e2e_keys / seoul Enter
e2e_expect_gone "the fold: seoul finds Séoul in fr" "pattern not found"
e2e_keys Q
status=$(e2e_wait_exit)
tap_check "Q exits 0" [ "$status" = 0 ]
tap_done
