#!/bin/sh
# completion.sh: the bash completion script, sourced in bash, completes
# commands, options, article ids from tandem list and an article's
# languages; its function is called as bash's completion would call it.
. "$top_srcdir/tests/e2e/lib.sh"
if ! command -v bash >/dev/null 2>&1; then
	echo "1..0 # SKIP bash is not installed"; exit 0
fi
mkdir "$E2E_TMP/bin"
ln -s "$TANDEM" "$E2E_TMP/bin/tandem"
db="$E2E_TMP/c.db"
"$TANDEM" --db "$db" import "$top_srcdir"/data/sample/*.txt >/dev/null 2>&1
printf 'url: https://example.invalid/two\n\n== de\ntitle: Zwei\n\nText.\n\n== ko\ntitle: 둘\n\n본문.\n' \
    >"$E2E_TMP/two.txt"
"$TANDEM" --db "$db" import "$E2E_TMP/two.txt" >/dev/null 2>&1

# complete WORD...: what _tandem offers for the last word, sorted, on a line.
complete_words() {
	PATH="$E2E_TMP/bin:$PATH" bash -c '
		. "$1"; shift
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
		_tandem
		[ ${#COMPREPLY[@]} -eq 0 ] ||
		    printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " "' \
	    _ "$top_srcdir/data/completion/tandem" "$@"
}
is() {	# is DESCRIPTION WANT WORD...
	_d=$1 _w=$2; shift 2
	_g=$(complete_words "$@")
	if [ "$_g" = "$_w" ]; then tap_ok "$_d"; else
		tap_diag "got '$_g', want '$_w'"; tap_fail "$_d"; fi
}

is "commands" "comment comments " tandem comm
is "all commands" "align comment comments export import list login logout rm show whoami " tandem ""
is "global options" "--db " tandem --d
is "show's options" "--lang --width " tandem --db "$db" show 1 --
is "align's options" "--json --reset " tandem --db "$db" align 1 --
is "article ids from tandem list" "1 2 " tandem --db "$db" show ""
is "ids for rm, again and again" "1 2 " tandem --db "$db" rm 1 ""
is "an article's languages" "en fr ja ko zh " tandem --db "$db" show 1 --lang ""
is "another's" "de ko " tandem --db "$db" show 2 --lang ""
is "export formats" "article json " tandem --db "$db" export 1 --format ""
is "comment: rm or an id" "1 2 rm " tandem --db "$db" comment ""
is "no ids when there is no cache" "" tandem --db "$E2E_TMP/none.db" show ""
tap_check "... and no cache made" [ ! -e "$E2E_TMP/none.db" ]
tap_done
