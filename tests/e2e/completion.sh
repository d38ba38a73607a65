#!/bin/sh
# completion.sh: the bash completion script, sourced in bash, completes
# commands, options, article ids from tandem list and an article's
# languages; its function is called as bash's completion would call it.
# Then both it and the zsh completion (zsh in tmux, Tab pressed) must
# offer every command of main.c's table and every option tandem --help
# documents for each.
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
is "all commands" "add align comment comments export export-opml feeds import import-opml index list login logout rm search show unsubscribe update whoami " tandem ""
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

# The commands: main.c's table.
COMMANDS=$(sed -n '/^} commands\[\] = {$/,/^};$/s/^	{ "\([a-z-]*\)",.*/\1/p' \
    "$top_srcdir/src/main.c")
tap_check "main.c's command table is read" [ "$(echo $COMMANDS | wc -w)" -ge 18 ]

# help_opts CMD: the options tandem --help documents for command CMD
# (GLOBAL: the global options), one a line: those in the left column
# of its lines, above the descriptions.
help_opts() {
	"$TANDEM" --help | awk -v want="$1" '
	/^Commands:/ { sect = "cmd"; next }
	/^Options:/ { sect = "opt"; cmd = "GLOBAL"; next }
	/^$/ && sect == "opt" { sect = "" }
	sect == "" { next }
	{ match($0, /^ */); ind = RLENGTH }
	ind >= 21 { next }
	sect == "cmd" && ind == 2 { split($0, w, " "); cmd = w[1] }
	cmd != want { next }
	{
		s = substr($0, ind + 1)
		if ((p = index(s, "  ")) > 0) s = substr(s, 1, p - 1)
		while (match(s, /(^|[^a-zA-Z-])--?[a-zA-Z][a-zA-Z-]*/)) {
			t = substr(s, RSTART, RLENGTH); sub(/^[^-]/, "", t)
			print t; s = substr(s, RSTART + RLENGTH)
		}
	}' | sort -u
}
tap_check "tandem --help documents import's --max-size and export's -o" \
    sh -c '[ -n "$(echo "$1" | grep -x -- --max-size)" ] &&
        [ -n "$(echo "$2" | grep -x -- -o)" ]' _ \
    "$(help_opts import)" "$(help_opts export)"

# missing WANT GOT: the words of WANT that GOT lacks, on one line.
missing() {
	for _w in $1; do
		case " $2 " in *" $_w "*) ;; *) printf '%s ' "$_w" ;; esac
	done
}
# offers SHELL WHAT WANT GOT: ok when GOT holds every word of WANT.
offers() {
	_m=$(missing "$3" "$4")
	if [ -z "$_m" ]; then tap_ok "$1: $2"; else
		tap_diag "$1 lacks: $_m" "it offered: $4"; tap_fail "$1: $2"; fi
}

# zcase DESC LINE WANT: in a new zsh, LINE then Tab; the screen (the line
# and the listing) must come to hold every word of WANT.
zcase() {
	e2e_start 200 60 env ZDOTDIR="$E2E_TMP/zdot" zsh -i
	e2e_wait_for 'zsh-ready>' || return 1
	e2e_keys -l "$2"
	e2e_keys Tab
	_end=$(( $(date +%s) + E2E_TIMEOUT ))
	while :; do
		_got=$(e2e_capture | tr -s ' \t\n' '   ')
		_m=$(missing "$3" "$_got")
		[ -z "$_m" ] && break
		[ "$(date +%s)" -le "$_end" ] || break
		sleep 0.1
	done
	if [ -z "$_m" ]; then tap_ok "zsh: $1"; else
		tap_diag "zsh lacks: $_m"; _e2e_why "zsh: $1" "after '$2' Tab"; fi
	e2e_tmux kill-server
}

# zsh: a real interactive zsh in tmux, its completion from
# data/completion.
zsh_part() {
	if ! command -v zsh >/dev/null 2>&1; then
		tap_skip "the zsh completion" "zsh is not installed"
		return
	fi
	mkdir -p "$E2E_TMP/zdot"
	cat > "$E2E_TMP/zdot/.zshrc" <<-EOF
		fpath=("$(cd "$top_srcdir/data/completion" && pwd)" \$fpath)
		path=("$E2E_TMP/bin" \$path)
		autoload -Uz compinit && compinit -u -d "$E2E_TMP/zdot/dump"
		zstyle ':completion:*' list-prompt ''
		LISTMAX=10000
		unsetopt list_ambiguous	# list even when Tab inserts a prefix
		PS1='zsh-ready> '
	EOF
	zcase "every command" "tandem " "$COMMANDS"
	zcase "the global options" "tandem -" "$(help_opts GLOBAL)"
	for c in $COMMANDS; do
		want=$(help_opts "$c")
		[ -n "$want" ] || continue
		zcase "$c's options" "tandem $c -" "$want"
	done
	zcase "article ids from tandem list" "tandem --db $db show " "1 2"
	zcase "an article's languages" "tandem --db $db show 2 --lang " "de ko"
	zcase "export formats" "tandem --db $db export 1 --format " "article json"
}

offers bash "every command" "$COMMANDS" "$(complete_words tandem "")"
offers bash "the global options" "$(help_opts GLOBAL)" \
    "$(complete_words tandem -)"
for c in $COMMANDS; do
	want=$(help_opts "$c")
	[ -n "$want" ] || continue
	offers bash "$c's options" "$want" "$(complete_words tandem "$c" -)"
done

zsh_part
tap_done
