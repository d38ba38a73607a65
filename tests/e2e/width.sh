#!/bin/sh
# width.sh: the width rule against the terminal itself.  Each row of
# tests/test-width.c's table (Devanagari, Bengali, Tamil, Thai, Lao,
# Khmer, Myanmar, Tibetan, halfwidth kana, Hangul NFD, emoji) is printed
# at the start of a real tmux pane, and the cursor column tmux reports
# afterwards (#{cursor_x}) must be the row's `tmux' width; the unit test
# holds our own count (`ours') and a reason wherever the two differ.
# After each row the pane sets its title, so that the column is read
# only once tmux has taken in the whole row.
. "$top_srcdir/tests/e2e/lib.sh"
e2e_need_tmux

WIDTH=${top_builddir:-.}/tests/test-width
"$WIDTH" --list > "$E2E_TMP/cases" || { tap_fail "test-width --list"; tap_done; exit; }
n=$(wc -l < "$E2E_TMP/cases")

# The pane: row i, then the title "row i", then wait for go.i.
cat > "$E2E_TMP/pane.sh" <<'PANE'
i=0
while IFS='	' read -r name bytes ours tmux; do
	i=$((i + 1))
	printf '\033[H\033[2J'
	printf "$bytes"
	printf '\033]2;row %d\033\\' "$i"
	while [ ! -e "$2/go.$i" ]; do sleep 0.01; done
done < "$1"
PANE
e2e_start 60 5 sh "$E2E_TMP/pane.sh" "$E2E_TMP/cases" "$E2E_TMP"

i=0
while IFS='	' read -r name bytes ours tmux; do
	i=$((i + 1))
	got=none t=0
	while [ "$t" -lt 500 ]; do
		set -- $(e2e_format '#{pane_title} #{cursor_x}')
		if [ "$1 $2" = "row $i" ]; then got=$3; break; fi
		sleep 0.02; t=$((t + 1))
	done
	if [ "$got" = "$tmux" ]; then
		tap_ok "$name: tmux draws $got cells"
	else
		tap_fail "$name: tmux draws $got cells, the table says $tmux"
	fi
	if [ "$ours" != "$tmux" ]; then
		tap_diag "$name: we count $ours (test-width.c says why)"
	fi
	: > "$E2E_TMP/go.$i"
done < "$E2E_TMP/cases"
[ "$i" -eq "$n" ] && [ "$i" -gt 40 ] && tap_ok "all $n rows measured" ||
    tap_fail "measured $i of $n rows"
tap_done
