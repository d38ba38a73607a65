#!/bin/sh
# script-width.sh: `tandem show --width N' of Hindi and Thai fits N cells
# as the terminal draws it.  Each output is printed in a tmux pane exactly
# N columns wide: a line one cell too wide wraps there, which tmux
# records, so the pane's lines joined back (capture-pane -J) must be as
# many as the lines printed.  Then side by side hi,en at 40: the part of
# each row before the gutter is printed alone and the cursor column read
# back, the same on every row.  The fixture (tests/data/scripts/) is ours.
. "$top_srcdir/tests/e2e/lib.sh"
e2e_need_tmux

export TANDEM_DB="$E2E_TMP/s.db" TANDEM_SAMPLE_DIR=""
"$TANDEM" import "$top_srcdir/tests/data/scripts/village.txt" >/dev/null
tap_check "the Hindi and Thai fixture imports" \
    [ "$("$TANDEM" list | wc -l)" -eq 1 ]

# Print FILE in a pane N columns wide; wait until its last line is in.
e2e_print() {
	e2e_start "$1" 20 sh -c 'cat "$1"; printf "\033]2;printed\033\\"' _ "$2"
	_t=0
	while [ "$(e2e_format '#{pane_title}')" != printed ] && [ $_t -lt 400 ]; do
		sleep 0.02; _t=$((_t + 1))
	done
}

for n in 10 11 13 16 20 27 33 40 52 64 80 97 120 150 200; do
	for lang in hi th; do
		"$TANDEM" show 1 --lang $lang --width $n > "$E2E_TMP/out" 2>&1
		want=$(wc -l < "$E2E_TMP/out")
		e2e_print "$n" "$E2E_TMP/out"
		rows=$(e2e_tmux capture-pane -p -J -S - -E - -t "$E2E_TARGET" |
		    wc -l)
		raw=$(e2e_tmux capture-pane -p -S - -E - -t "$E2E_TARGET" |
		    wc -l)
		if [ "$raw" -eq "$rows" ] && [ "$want" -gt 3 ]; then
			tap_ok "show --lang $lang --width $n: no line wraps"
		else
			tap_fail "show --lang $lang --width $n: $((raw - rows)) of $want lines wrap"
		fi
	done
done

# Side by side: every row's text up to its gutter, alone, then the title
# "row I"; the pane waits for go.I before the next.
"$TANDEM" show 1 --lang hi,en --width 40 | sed -n 's/^\([^|:]* [|:]\).*/\1/p' \
    > "$E2E_TMP/rows"
cat > "$E2E_TMP/pane.sh" <<'PANE'
i=0
while IFS= read -r row; do
	i=$((i + 1))
	printf '\033[H\033[2J%s\033]2;row %d\033\\' "$row" "$i"
	while [ ! -e "$2/go.$i" ]; do sleep 0.01; done
done < "$1"
PANE
e2e_start 60 5 sh "$E2E_TMP/pane.sh" "$E2E_TMP/rows" "$E2E_TMP"
n=$(wc -l < "$E2E_TMP/rows") i=0 cols=""
while [ "$i" -lt "$n" ]; do
	i=$((i + 1)) t=0 got=none
	while [ "$t" -lt 500 ]; do
		set -- $(e2e_format '#{pane_title} #{cursor_x}')
		if [ "$1 $2" = "row $i" ]; then got=$3; break; fi
		sleep 0.02; t=$((t + 1))
	done
	case " $cols " in *" $got "*) ;; *) cols="$cols $got" ;; esac
	: > "$E2E_TMP/go.$i"
done
if [ "$n" -gt 20 ] && [ "$cols" = " 20" ]; then
	tap_ok "side by side hi,en at 40: the gutter ends at column 20 on all $n rows"
else
	tap_fail "side by side hi,en at 40: the gutter ends at columns$cols over $n rows"
fi

# The reader draws a spacing mark in its own cell: curses keeps only
# nonspacing characters after a cell's first, so SARA AM and the vowel
# signs were dropped when a cluster was handed over as one cell.
e2e_start 100 20 "$TANDEM"
e2e_wait_for "Our village"
e2e_keys Enter
e2e_wait_for "A small river"
e2e_keys 2
e2e_expect "the reader shows Thai with SARA AM" "หมู่บ้านริมแม่น้ำของเรา"
e2e_keys 1
e2e_expect "the reader shows Devanagari vowel signs" "नदी के किनारे हमारा गाँव"
e2e_keys Q
e2e_expect_exit "Q quits"
tap_done
