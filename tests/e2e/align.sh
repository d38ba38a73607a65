#!/bin/sh
# align.sh: paragraph alignment as the reader shows and corrects it: a
# paragraph with no counterpart is marked, + joins and - splits pairs,
# and the correction survives a restart and a re-import.
. "$top_srcdir/tests/e2e/lib.sh"
e2e_need_tmux
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 is not installed"; exit 0; }
export TANDEM_DB="$E2E_TMP/a.db" TANDEM_SAMPLE_DIR=""
sql() {
	python3 -c 'import sqlite3,sys
for r in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]): print("|".join(map(str, r)))' "$TANDEM_DB" "$1"
}

# The sample's ko and en versions, with an unrelated paragraph inserted
# into the English after its third paragraph.
python3 - "$top_srcdir/data/sample/seoul-sba-zhongguancun.txt" "$E2E_TMP/a.txt" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read().split("\n")
ko = [l for l in text[1:9]]
en = [l for l in text[12:20]]
en.insert(3, "Weather: light rain is expected in the afternoon across the "
          "northern provinces, with temperatures falling overnight.")
out = ["url: https://site.test/sba", "original: ko", "", "== ko", ""]
out += [p + "\n" for p in ko]
out += ["== en", "title: SBA and Zhongguancun", ""]
out += [p + "\n" for p in en]
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(out))
PY
"$TANDEM" import "$E2E_TMP/a.txt" >/dev/null
"$TANDEM" align 1 > "$E2E_TMP/align.out"
tap_check "align: the extra English paragraph pairs with nothing" \
    grep -Eq "^  -  +4  +0\.[0-4][0-9]  low$" "$E2E_TMP/align.out"
tap_check "align: the others pair one to one (3 before, 5 after)" \
    [ "$(grep -Ec '^  ([1-8]) +([1-9]) ' "$E2E_TMP/align.out")" -eq 8 ]
tap_check "align --json parses" sh -c '"$1" align 1 --json | python3 -c "import json,sys; d=json.load(sys.stdin); assert d[\"alignment\"][0][\"b\"] == \"en\""' _ "$TANDEM"

e2e_start 120 40 env TANDEM_LANG=ko,en "$TANDEM"
e2e_wait_for "N  ko en"
e2e_keys Enter s
e2e_wait_for "Weather: light rain"
tap_check "the unpaired paragraph has a ':' divider" \
    sh -c 'tmux -L "$1" capture-pane -p -t "$1:0.0" | grep -q " : Weather: light rain"' _ "$E2E_SOCK"
tap_check "paired paragraphs keep the '|' divider" \
    sh -c 'tmux -L "$1" capture-pane -p -t "$1:0.0" | grep -q " | The Seoul Metropolitan Government"' _ "$E2E_SOCK"

# Join the first pair with the second, then restart: still joined.
e2e_keys +
e2e_expect "+ joins" "joined with the next pair (saved)"
tap_check "stored as manual" [ "$(sql "select a_count || '-' || b_count || ' ' || manual from alignment where lang_a = 'ko' and lang_b = 'en' and idx = 0")" = "2-2 1" ]
e2e_keys Q
e2e_expect_exit "Q quits with status 0"
e2e_start 120 40 env TANDEM_LANG=ko,en "$TANDEM"
e2e_wait_for "ko en"
e2e_keys Enter
e2e_wait_for "이번 MOU는"
tap_check "after a restart the pair is still 2-2" \
    [ "$(sql "select a_count || '-' || b_count from alignment where lang_a = 'ko' and lang_b = 'en' and idx = 0")" = "2-2" ]
# Paragraph 2 of each side now follows paragraph 1 inside one pair, so the
# English second paragraph no longer starts beside the Korean one.
e2e_keys -
e2e_expect "- after + restores the aligner's pairs" \
    "back to the automatic alignment (saved)"
manual() { sql "select count(*) from alignment where lang_a = 'ko' and lang_b = 'en' and manual = 1"; }
tap_check "split pairs are 1-1 again, and not manual" \
    [ "$(sql "select group_concat(a_count || '-' || b_count || ':' || manual, ' ') from (select * from alignment where lang_a = 'ko' and lang_b = 'en' and idx < 2 order by idx)")" = "1-1:0 1-1:0" ]
tap_check "... nor any other pair" [ "$(manual)" = 0 ]
# A join, then = : back to the aligner's pairs.
e2e_keys +
e2e_expect "+ joins again" "joined with the next pair (saved)"
tap_check "manual again" [ "$(manual)" -gt 0 ]
e2e_keys =
e2e_expect "= resets" "back to the automatic alignment (saved)"
tap_check "= leaves nothing manual" [ "$(manual)" = 0 ]
e2e_keys +
e2e_expect "and + joins once more" "joined with the next pair (saved)"
e2e_keys Q
e2e_expect_exit "after the split, Q quits with status 0"

"$TANDEM" import "$E2E_TMP/a.txt" >/dev/null
tap_check "a re-import keeps the manual alignment" [ "$(manual)" -gt 0 ]
"$TANDEM" align 1 --reset > "$E2E_TMP/reset.out"
tap_check "align --reset: nothing manual" [ "$(manual)" = 0 ]
tap_check "... and prints the automatic pairs again" \
    grep -Eq "^  -  +4  +0\.[0-4][0-9]  low$" "$E2E_TMP/reset.out"
tap_check "... the first pair 1-1 as the aligner has it" \
    [ "$(sql "select a_count || '-' || b_count from alignment where lang_a = 'ko' and lang_b = 'en' and idx = 0")" = "1-1" ]
tap_done
