#!/bin/sh
# firstrun.sh: what a new user meets.  On a fresh account (an empty HOME,
# or XDG_DATA_HOME naming a directory that does not exist) the reading
# commands say there is nothing yet and how to import, create nothing,
# and list exits 0; the reader with no sample says how to add articles;
# a terminal that cannot show the reader is refused with a pointer to
# tandem show; the locale warning is in the status line too; and on a
# narrow terminal the message wins over the key hint.
. "$top_srcdir/tests/e2e/lib.sh"
e2e_need_tmux

home="$E2E_TMP/home"
mkdir "$home"
# fresh ARGS...: tandem on the fresh account; stdout, stderr, status.
fresh() {
	env -u XDG_DATA_HOME -u XDG_CONFIG_HOME HOME="$home" "$TANDEM" "$@" \
	    >"$E2E_TMP/out" 2>"$E2E_TMP/err"
	echo $? >"$E2E_TMP/rc"
}
said() { grep -qF -- "$1" "$E2E_TMP/$2"; }
rc() { [ "$(cat "$E2E_TMP/rc")" = "$1" ]; }
nothing_made() { [ -z "$(find "$home" -mindepth 1 | head -n 1)" ]; }

fresh list
tap_check "list on a fresh account exits 0" rc 0
tap_check "... prints no rows" [ ! -s "$E2E_TMP/out" ]
tap_check "... says there is nothing yet" said "nothing imported yet" err
tap_check "... and how to import" said "tandem import" err
fresh show 1
tap_check "show 1 is still an error" rc 1
tap_check "... that says how to import" said "tandem import" err
tap_check "... not SQLite's" sh -c "! grep -q 'unable to open' '$E2E_TMP/err'"
fresh whoami
tap_check "whoami: not logged in" said "not logged in" out
fresh comments 1
tap_check "comments 1: nothing yet" said "nothing imported yet" err
tap_check "no reading command made a file in HOME" nothing_made

XDG_DATA_HOME="$E2E_TMP/missing/dir" "$TANDEM" list >"$E2E_TMP/out" \
    2>"$E2E_TMP/err"
echo $? >"$E2E_TMP/rc"
tap_check "XDG_DATA_HOME missing: list exits 0" rc 0
tap_check "... saying how to import" said "tandem import" err
tap_check "... and makes no directory" [ ! -e "$E2E_TMP/missing" ]

# A settings file with bad lines: each is said, the rest applies, and a
# command that does not need them keeps its status; bad options stay 2.
mkdir -p "$E2E_TMP/cfg/tandem"
printf 'set view nowhere\nfrobnicate\nbind list F5 quit\n' \
    >"$E2E_TMP/cfg/tandem/config"
XDG_CONFIG_HOME="$E2E_TMP/cfg" "$TANDEM" --db "$E2E_TMP/none.db" list \
    >"$E2E_TMP/out" 2>"$E2E_TMP/err"
echo $? >"$E2E_TMP/rc"
tap_check "bad settings lines: list still exits 0" rc 0
tap_check "... line 1 is reported" said "config:1: 'nowhere'" err
tap_check "... and line 2" said "config:2: unknown command" err
"$TANDEM" --no-such-option >/dev/null 2>&1
tap_check "a bad option still exits 2" [ $? = 2 ]

# A non-UTF-8 locale: list on a terminal says it prints UTF-8 anyway.
"$TANDEM" --db "$E2E_TMP/cs.db" import "$top_srcdir/data/sample" >/dev/null 2>&1
script -qec "env LC_ALL=C LANG=C '$TANDEM' --db '$E2E_TMP/cs.db' list" \
    "$E2E_TMP/tty" >/dev/null 2>&1 </dev/null
tap_check "LC_ALL=C: list on a terminal says it prints UTF-8" \
    grep -q "not UTF-8: printing UTF-8 anyway" "$E2E_TMP/tty"
env LC_ALL=C LANG=C "$TANDEM" --db "$E2E_TMP/cs.db" list >"$E2E_TMP/out" \
    2>"$E2E_TMP/err"
tap_check "... and not into a pipe" [ ! -s "$E2E_TMP/err" ]

# The reader without its sample.
e2e_start 80 24 env TANDEM_SAMPLE_DIR="$E2E_TMP/no-sample" "$TANDEM" \
    --db "$E2E_TMP/empty.db"
e2e_wait_for "No articles yet"
e2e_expect "the empty reader says how to import" "tandem import"
e2e_expect "... and that a adds a URL" "a adds one from a URL"
e2e_expect_gone "no '0 articles' in the title" "0 articles" 1
e2e_expect_gone "no ' 0/0' in the status line" " 0/0" 1
e2e_keys q
e2e_expect_exit "q quits the empty reader"

# bind list F5 quit, despite the bad lines around it.
e2e_start 80 24 env XDG_CONFIG_HOME="$E2E_TMP/cfg" TANDEM_SAMPLE_DIR= \
    "$TANDEM" --db "$E2E_TMP/empty.db"
e2e_wait_for "No articles yet"
e2e_keys F5
e2e_expect_exit "F5 quits, as the settings file binds it"

# A terminal that cannot show the reader.
e2e_start 80 24 env TERM=dumb "$TANDEM" --db "$E2E_TMP/empty.db"
e2e_expect "TERM=dumb is refused, pointing to tandem show" "tandem show"
e2e_expect_exit "... with status 1" 1
e2e_start 80 24 env TERM=no-such-terminal-here "$TANDEM" --db "$E2E_TMP/empty.db"
e2e_expect "an unknown TERM is refused" "is unknown here"
e2e_expect_exit "... with status 1" 1

# Not a UTF-8 locale: said in the status line, not only before the screen.
e2e_start 100 24 env LC_ALL=C LANG=C TANDEM_SAMPLE_DIR= "$TANDEM" \
    --db "$E2E_TMP/empty.db"
e2e_wait_for "No articles yet"
e2e_expect "the locale warning is in the status line" \
    "the locale is not UTF-8; using C.UTF-8"
e2e_keys q
e2e_expect_exit "q quits"

# 42 columns: the message is said whole, the key hint gives way.
e2e_start 42 30 "$TANDEM" --db "$E2E_TMP/sample.db"
e2e_wait_for "ko en ja"
e2e_keys Enter
e2e_wait_for "%"
e2e_keys s
e2e_expect "too narrow: the message wins at 42 columns" "too narrow for side by side: en only"
e2e_keys Q
e2e_expect_exit "Q quits"
tap_done
