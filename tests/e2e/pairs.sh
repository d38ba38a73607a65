#!/bin/sh
# pairs.sh: tandem show pairs the same paragraphs whichever language is on
# the left.  The fixture's French splits the English first paragraph in
# two; import stores the alignment as en|fr only, and fr,en must read it
# the other way round rather than pair paragraphs by index.
. "$top_srcdir/tests/e2e/lib.sh"
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 is not installed"; exit 0; }
export TANDEM_DB="$E2E_TMP/p.db" TANDEM_SAMPLE_DIR=""
"$TANDEM" import "$top_srcdir/tests/data/pairs/split-first.txt" >/dev/null

# rows FILE: the body rows (after the title block) as "left\tright".
# paras FILE SIDE: each paragraph of one column as "first last" rows.
# beside FILE LSIDE L RSIDE R: 0 if paragraph R (0-based) of column RSIDE
# starts on a row of paragraph L of column LSIDE.
sbs() {
	python3 - "$@" <<'PY'
import re, sys
def rows(path):
    out, body = [], False
    for line in open(path, encoding="utf-8").read().split("\n")[:-1]:
        if not body:
            body = line == ""
            continue
        m = re.match(r"^(.*?) \|(?: (.*))?$", line)
        if m is None:
            sys.exit("not a side by side row: %r" % line)
        out.append((m.group(1).rstrip(), (m.group(2) or "").rstrip()))
    return out
def paras(r, side):
    spans, start = [], None
    for i, cells in enumerate(r + [("", "")]):
        if cells[side] and start is None:
            start = i
        elif not cells[side] and start is not None:
            spans.append((start, i - 1))
            start = None
    return spans
cmd, path = sys.argv[1], sys.argv[2]
r = rows(path)
if cmd == "rows":
    for a, b in r:
        print(a + "\t" + b)
elif cmd == "swapped":
    for a, b in r:
        print(b + "\t" + a)
elif cmd == "beside":
    ls, l, rs, rp = map(int, sys.argv[3:7])
    first, last = paras(r, ls)[l]
    start = paras(r, rs)[rp][0]
    sys.exit(0 if first <= start <= last else 1)
PY
}

"$TANDEM" show 1 --lang en,fr --width 80 > "$E2E_TMP/en-fr" 2>"$E2E_TMP/err"
tap_check "show en,fr: nothing on stderr" [ ! -s "$E2E_TMP/err" ]
"$TANDEM" show 1 --lang fr,en --width 80 > "$E2E_TMP/fr-en" 2>"$E2E_TMP/err"
tap_check "show fr,en: nothing on stderr" [ ! -s "$E2E_TMP/err" ]
tap_check "en,fr: the second French paragraph sits beside the first English" \
    sbs beside "$E2E_TMP/en-fr" 0 0 1 1
tap_check "fr,en: the second French paragraph sits beside the first English" \
    sbs beside "$E2E_TMP/fr-en" 1 0 0 1
tap_check "en,fr: English 2 starts beside French 3" \
    sbs beside "$E2E_TMP/en-fr" 0 1 1 2
tap_check "fr,en: English 2 starts beside French 3" \
    sbs beside "$E2E_TMP/fr-en" 0 2 1 1
tap_check "en,fr: English 3 starts beside French 4" \
    sbs beside "$E2E_TMP/en-fr" 0 2 1 3
tap_check "fr,en: English 3 starts beside French 4" \
    sbs beside "$E2E_TMP/fr-en" 0 3 1 2

# At 81 cells both columns are 39 wide, so the rows wrap the same and
# fr,en is en,fr with its columns swapped, row for row.
"$TANDEM" show 1 --lang en,fr --width 81 > "$E2E_TMP/en-fr81"
"$TANDEM" show 1 --lang fr,en --width 81 > "$E2E_TMP/fr-en81"
sbs swapped "$E2E_TMP/en-fr81" > "$E2E_TMP/want"
sbs rows "$E2E_TMP/fr-en81" > "$E2E_TMP/got"
if cmp -s "$E2E_TMP/want" "$E2E_TMP/got"; then
	tap_ok "fr,en is en,fr with the columns swapped"
else
	tap_fail "fr,en is en,fr with the columns swapped"
	tap_diag "$(diff "$E2E_TMP/want" "$E2E_TMP/got")"
fi

"$TANDEM" align 1 > "$E2E_TMP/align"
tap_check "align lists the 1-2 pair as import stored it" \
    grep -Eq "^  1 +1-2 " "$E2E_TMP/align"
tap_done
