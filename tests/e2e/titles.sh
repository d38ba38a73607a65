#!/bin/sh
# titles.sh: titles in CJK, with emoji and combining marks, at odd
# terminal widths, never overflow their row or push the next one down.
. "$top_srcdir/tests/e2e/lib.sh"
e2e_need_tmux
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 is not installed"; exit 0; }
SCREEN="$top_srcdir/tests/e2e/screen.py"
export TANDEM_DB="$E2E_TMP/t.db" TANDEM_SAMPLE_DIR=""

n=0
for title in \
    "東京都と大阪府の中小企業支援プログラムが国境を越えた協力を本格化させる見通しになりました" \
    "家族 👨‍👩‍👧‍👦 と旗 🇰🇷🇯🇵 と ✈️ の絵文字だらけのタイトルがどこまでも続いていきます" \
    "서울경제진흥원, 중관촌 국제와 MOU 체결하고 글로벌 혁신 생태계 구축 본격화 ▲ 협력 ▲ 교류" \
    "Café crème, naïve façade — e\xcc\x81 combining and ｆｕｌｌｗｉｄｔｈ ＡＢＣ letters everywhere" \
    "中国中关村国际与首尔经济振兴院签署谅解备忘录，共同搭建跨境服务平台（MOU）。"; do
	n=$((n + 1))
	printf 'url: https://site.test/%d\n\n== ja\ntitle: %b\n\nText %d.\n' \
	    "$n" "$title" "$n" > "$E2E_TMP/$n.txt"
	"$TANDEM" import "$E2E_TMP/$n.txt" >/dev/null
done

for w in 41 57 83 120; do
	e2e_start "$w" 24 "$TANDEM"
	e2e_poll_for "/$n" || e2e_wait_for "$n articles"
	sleep 0.2
	tap_check "width $w: no row wider than the terminal" \
	    sh -c 'tmux -L "$1" capture-pane -p -t "$1:0.0" | python3 "$2" width "$3"' _ \
	    "$E2E_SOCK" "$SCREEN" "$w"
	rows=$(e2e_capture | sed -n "2,$((n + 1))p" | grep -Ec "^[0-9]+ [N ][* ] ja ")
	tap_check "width $w: one row per article ($rows of $n)" [ "$rows" -eq "$n" ]
	[ "$w" -lt 100 ] && tap_check "width $w: long titles end in an ellipsis" \
	    sh -c 'tmux -L "$1" capture-pane -p -t "$1:0.0" | sed -n 2,6p | grep -q "…"' _ "$E2E_SOCK"
	e2e_keys Enter
	e2e_wait_for "Text "
	tap_check "width $w: reader header fits too" \
	    sh -c 'tmux -L "$1" capture-pane -p -t "$1:0.0" | python3 "$2" width "$3"' _ \
	    "$E2E_SOCK" "$SCREEN" "$w"
	e2e_keys Q
	e2e_expect_exit "width $w: Q quits with status 0"
	e2e_tmux kill-server
done

# tandem list in a pipe: whole titles, aligned language column.
"$TANDEM" list > "$E2E_TMP/list.out"
tap_check "list: a line per article" [ "$(wc -l < "$E2E_TMP/list.out")" -eq "$n" ]
tap_check "list: whole titles in a pipe" grep -q "どこまでも続いていきます" "$E2E_TMP/list.out"
tap_done
