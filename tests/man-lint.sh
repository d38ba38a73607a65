#!/bin/sh
# man-lint.sh: the man page is clean for mandoc and groff, and documents
# every long option that `tandem --help` lists.
: "${top_srcdir:=.}"
: "${TANDEM:=src/tandem}"
page="$top_srcdir/man/tandem.1"
pages="$page $top_srcdir/man/tandem-article.5"
n=0 failed=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
fail() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $*"; }

if command -v mandoc >/dev/null 2>&1; then
	out=$(mandoc -Tlint -W warning $pages 2>&1)
	if [ -z "$out" ]; then ok "mandoc -Tlint is silent"; else
		fail "mandoc -Tlint is silent"; printf '%s\n' "$out" | sed 's/^/# /'; fi
else
	ok "# SKIP mandoc not installed"
fi
if command -v groff >/dev/null 2>&1; then
	out=$(groff -ww -man -z $pages 2>&1; groff -Tascii -ww -man -z $pages 2>&1)
	if [ -z "$out" ]; then ok "groff -ww is silent"; else
		fail "groff -ww is silent"; printf '%s\n' "$out" | sed 's/^/# /'; fi
else
	ok "# SKIP groff not installed"
fi

for opt in $("$TANDEM" --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
	esc=$(printf '%s' "$opt" | sed 's/-/\\\\-/g')
	if grep -q -- "$esc" "$page"; then ok "man page documents $opt"; else
		fail "man page documents $opt"; fi
done
for cmd in import list show export rm align comments comment login logout whoami; do
	if grep -q "^\.B $cmd\b" "$page"; then ok "man page documents command $cmd"; else
		fail "man page documents command $cmd"; fi
done
for sec in NAME SYNOPSIS DESCRIPTION COMMANDS OPTIONS KEYS FILES ENVIRONMENT \
    "EXIT STATUS" EXAMPLES "SEE ALSO"; do
	if grep -q "^\.SH \"*$sec\"*\$" "$page"; then ok "section $sec"; else
		fail "section $sec"; fi
done
echo "1..$n"
[ "$failed" -eq 0 ]
