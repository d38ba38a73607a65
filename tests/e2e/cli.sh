#!/bin/sh
# cli.sh: the command line: --help, --version, bad options and commands.
. "$top_srcdir/tests/e2e/lib.sh"

out=$("$TANDEM" --help); rc=$?
tap_check "--help exits 0" [ "$rc" -eq 0 ]
tap_check "--help shows usage" sh -c 'printf "%s" "$1" | grep -q "^Usage: tandem"' _ "$out"
tap_check "--help lists --db" sh -c 'printf "%s" "$1" | grep -q -- "--db FILE"' _ "$out"

out=$("$TANDEM" -h); rc=$?
tap_check "-h is --help" [ "$rc" -eq 0 ]

out=$("$TANDEM" --version); rc=$?
tap_check "--version exits 0" [ "$rc" -eq 0 ]
tap_check "--version prints the package version" \
    sh -c 'printf "%s" "$1" | grep -Eq "^tandem [0-9]+\.[0-9]+\.[0-9]+$"' _ "$out"

"$TANDEM" --no-such-option >"$E2E_TMP/out" 2>"$E2E_TMP/err"; rc=$?
tap_check "unknown option exits 2" [ "$rc" -eq 2 ]
tap_check "unknown option: nothing on stdout" [ ! -s "$E2E_TMP/out" ]
tap_check "unknown option: error names it" \
    grep -q "^tandem: unknown option '--no-such-option'$" "$E2E_TMP/err"
tap_check "unknown option: usage hint" \
    grep -q "^Try 'tandem --help'" "$E2E_TMP/err"

"$TANDEM" -Vx >"$E2E_TMP/out" 2>"$E2E_TMP/err"; rc=$?
tap_check "-Vx: version wins, exits 0" [ "$rc" -eq 0 ]
"$TANDEM" -z >"$E2E_TMP/out" 2>"$E2E_TMP/err"; rc=$?
tap_check "unknown short option is named" \
    grep -q "^tandem: unknown option '-z'$" "$E2E_TMP/err"

"$TANDEM" --db >"$E2E_TMP/out" 2>"$E2E_TMP/err"; rc=$?
tap_check "missing option argument exits 2" [ "$rc" -eq 2 ]
tap_check "missing option argument is named" \
    grep -q "^tandem: option '--db' needs an argument$" "$E2E_TMP/err"

"$TANDEM" frobnicate >"$E2E_TMP/out" 2>"$E2E_TMP/err"; rc=$?
tap_check "unknown command exits 2" [ "$rc" -eq 2 ]
tap_check "unknown command is named" \
    grep -q "^tandem: unknown command 'frobnicate'$" "$E2E_TMP/err"

tap_done
