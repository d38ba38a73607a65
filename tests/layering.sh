#!/bin/sh
# layering.sh: each outside library has one home in src/, and nothing
# below the curses front end reaches curses.
#
# The rules are those of the file map in STYLE.md: sqlite3 only in
# cache*, curses only through ui-int.h, libunistring only in utf8* and
# layout*, curl only in fetch*, libxml2 only in html* and feed*, a JSON
# library only in json*; "ui.h" and "ui-int.h" only in ui* and main.c,
# and no file of the libraries (all but main.c and ui*.c) including
# curses, directly or through a header of ours.  On the Makefile.am side,
# no library's compiler flags are global and no library holds main.c or
# ui*.c.  One TAP line per rule; a failing one names the files, and the
# lines that break it follow as diagnostics.
: "${top_srcdir:=.}"
set -f		# the allowed-file lists below are patterns, not globs
n=0 failed=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
fail() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $*"; }
diag() { printf '%s\n' "$@" | sed 's/^/# /'; }

cd "$top_srcdir" || { echo "Bail out! no $top_srcdir"; exit 1; }
files=$(find src -type f \( -name '*.c' -o -name '*.h' \) | sort)
if [ -z "$files" ]; then
	echo "Bail out! no src/*.c or src/*.h under $top_srcdir"
	exit 1
fi
tmp=$(mktemp "${TMPDIR:-/tmp}/tandem-layering.XXXXXX") || exit 1
trap 'rm -f "$tmp"' EXIT

# Every #include of every file, as FILE:LINE:<name> or FILE:LINE:"name",
# but POSIX's <unistd.h>, which only looks like libunistring's uni*.h.
for f in $files; do
	grep -n '^[[:space:]]*#[[:space:]]*include' "$f" |
	    sed -n 's|^\([0-9]*\):[^<"]*\([<"][^>"]*[>"]\).*|'"$f"':\1:\2|p'
done | grep -v ':<unistd\.h>$' > "$tmp"

# allowed FILE PATTERNS...: whether FILE's base name matches a pattern.
allowed() {
	_b=${1##*/}; shift
	for _p in "$@"; do
		# shellcheck disable=SC2254 # $_p is a pattern
		case $_b in $_p) return 0;; esac
	done
	return 1
}

# report DESCRIPTION LINES: one TAP line; LINES are FILE:LINE:header.
report() {
	if [ -z "$2" ]; then
		ok "$1"
		return
	fi
	fail "$1: $(printf '%s\n' "$2" | cut -d: -f1 | sort -u | tr '\n' ' ' |
	    sed 's/ $//')"
	diag "$(printf '%s\n' "$2" |
	    sed 's/^\([^:]*:[0-9]*\):\(.*\)/\1: #include \2/')"
}

# rule DESCRIPTION REGEX PATTERNS...: only files matching PATTERNS may
# include a header whose name (without <> or "") matches REGEX.
rule() {
	_d=$1 _re=$2; shift 2
	_bad=$(grep -E ":[0-9]+:[<\"](${_re})[>\"]\$" "$tmp" |
	    while IFS= read -r _l; do
		allowed "${_l%%:*}" "$@" || printf '%s\n' "$_l"
	done)
	report "$_d" "$_bad"
}

CURSES='n?curses\.h|ncursesw?/[^>"]*|curses/[^>"]*'
CURSES="$CURSES"'|term\.h|panel\.h|menu\.h|form\.h'
UNISTRING='uni[a-z]*\.h|unistring/[^>"]*|localcharset\.h'

rule 'sqlite3.h only in cache files' 'sqlite3(ext)?\.h' 'cache*'
rule 'curses headers only in src/ui-int.h' "$CURSES" 'ui-int.h'
rule 'libunistring headers only in utf8* and layout* files' "$UNISTRING" \
    'utf8*' 'layout*'
rule 'curl headers only in fetch* files' 'curl/[^>"]*' 'fetch*'
rule 'libxml2 headers only in html* and feed* files' 'libxml/[^>"]*' \
    'html*' 'feed*'
rule 'JSON library headers only in json* files' \
    'jansson\.h|json\.h|json-c/[^>"]*|cjson/[^>"]*|yajl/[^>"]*' 'json*'
rule '"ui.h" and "ui-int.h" only in ui*.c, ui*.h and main.c' \
    'ui\.h|ui-int\.h' 'ui*.c' 'ui*.h' 'main.c'

# Which files reach curses: those including it, then, until nothing
# changes, those including one of ours that does.
reach=$(grep -E ":[0-9]+:[<\"](${CURSES})[>\"]\$" "$tmp" | cut -d: -f1 |
    sort -u)
while :; do
	more=$(for h in $reach; do
		grep -F ":\"${h##*/}\"" "$tmp" | cut -d: -f1
	done | sort -u)
	all=$(printf '%s\n%s\n' "$reach" "$more" | sed '/^$/d' | sort -u)
	[ "$all" = "$reach" ] && break
	reach=$all
done
bad=$(for f in $reach; do
	allowed "$f" 'ui*.c' 'main.c' 'ui*.h' || echo "$f"
done)
# The include lines that lead there, curses itself or one of ours.
leads=$(for h in $reach; do echo "\"${h##*/}\""; done | grep '\.h"$')
leads=$(printf '%s\n' "$leads" | sed 's/[.]/[.]/g' | tr '\n' '|' | sed 's/|$//')
bad=$(for f in $bad; do
	grep -E "^$f:[0-9]+:([<\"](${CURSES})[>\"]|${leads:-^})\$" "$tmp"
done)
report "no library file (all but main.c and ui*) reaches curses" "$bad"

# Makefile.am with continuation lines joined: one assignment a line.
am=$(awk '{ if (sub(/\\$/, "")) { acc = acc $0 " "; next }
	print acc $0; acc = "" }' Makefile.am)
# am_words NAMES REGEX: "NAME: words" for each assignment to a variable
# matching NAMES that has words matching REGEX.
am_words() {
	printf '%s\n' "$am" | grep -E "^[[:space:]]*($1)[[:space:]]*[+]?=" |
	    sed "s/[[:space:]]*[+]*=/ /" |
	    while read -r _v _rest; do
		_w=$(printf '%s\n' "$_rest" | tr -s '[:blank:]' '\n' |
		    grep -E "$2" | tr '\n' ' ' | sed 's/ $//')
		[ -z "$_w" ] || echo "$_v: $_w"
	done
}
LIBFLAGS='(NCURSES[A-Z]*|SQLITE3?|LIBCURL|CURL|LIBXML2?|XML2?'
LIBFLAGS="$LIBFLAGS"'|JANSSON|JSON[A-Z_]*|UNISTRING)_C(PP)?FLAGS'
bad=$(am_words 'AM_C(PP)?FLAGS' "\\\$[({]${LIBFLAGS}[)}]")
if [ -z "$bad" ]; then
	ok "Makefile.am: no library's flags in AM_CFLAGS or AM_CPPFLAGS"
else
	fail "Makefile.am: no library's flags in AM_CFLAGS or AM_CPPFLAGS"
	diag "$bad"
fi
bad=$(am_words '[A-Za-z0-9_]+_a_SOURCES' '(^|/)(main|ui[^/]*)[.]c$')
if [ -z "$bad" ]; then
	ok "Makefile.am: no library holds main.c or ui*.c"
else
	fail "Makefile.am: no library holds main.c or ui*.c"
	diag "$bad"
fi

echo "1..$n"
[ "$failed" -eq 0 ]
