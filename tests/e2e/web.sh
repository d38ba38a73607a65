#!/bin/sh
# web.sh: tandem import URL, against tests/web-server.py on 127.0.0.1:
# a story in five languages and five charsets becomes one article, a
# re-import of it or of a translation updates that article, what cannot
# be fetched is one line and stores nothing, an alternate on another
# site is not followed unless asked, a local HTML file imports as one
# translation, and the reader shows the story side by side.
. "$top_srcdir/tests/e2e/lib.sh"
command -v python3 >/dev/null 2>&1 ||
	{ echo "1..0 # SKIP python3 is not installed"; exit 0; }

e2e_server "$top_srcdir/tests/web-server.py" || exit 1
PORT=$E2E_PORT
SITE="http://127.0.0.1:$PORT"
STORY="$SITE/story-en.html"
# libcurl obeys the proxy variables; nothing here may go through one.
export NO_PROXY='*' no_proxy='*'
export TANDEM_LANG=ko,en
DB="$E2E_TMP/web.db"

# web DB ARGS...: import into DB, stdout in $OUT, stderr in $ERR.
OUT="$E2E_TMP/out" ERR="$E2E_TMP/err"
web() {
	_db=$1; shift
	"$TANDEM" --db "$_db" import "$@" > "$OUT" 2> "$ERR"
}

web "$DB" "$STORY"; rc=$?
tap_check "import URL exits 0" [ "$rc" -eq 0 ]
tap_check "  one article, five translations" \
    grep -q "^imported 1 article, 5 translations," "$OUT"
tap_check "  no warning" [ ! -s "$ERR" ]
"$TANDEM" --db "$DB" list > "$E2E_TMP/list"
tap_check "list: one article with ko en ja zh fr" sh -c '
    [ "$(wc -l < "$1")" -eq 1 ] && for l in ko en ja zh fr; do
	grep -Eq " (.* )?$l( |$)" "$1" || exit 1; done' _ "$E2E_TMP/list"

# Each translation's title, first and last paragraph, from the export.
"$TANDEM" --db "$DB" export 1 --format json > "$E2E_TMP/a.json"
check_json() {
	python3 - "$E2E_TMP/a.json" "$SITE" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
site = sys.argv[2]
want = {
    "ko": ("선포항, 옛 여객선 터미널을 씨앗 도서관으로 바꾸다",
           "선포항의 옛 여객선 터미널이", "선반에는 이미 지역 콩부터"),
    "en": ("Sunport turns its old ferry terminal into a seed library",
           "The old ferry terminal in Sunport", "More than 400"),
    "ja": ("船港町、旧フェリーターミナルを種の図書館に",
           "船港町の旧フェリーターミナルが", "棚にはすでに地元の豆から"),
    "zh": ("船港把旧渡轮码头改成种子图书馆", "船港的旧渡轮码头于周六",
           "书架上已经有四百多个品种"),
    "fr": ("Sunport transforme son ancien terminal de ferry en grainothèque",
           "L'ancien terminal de ferry de", "Plus de 400"),
}
got = {t["lang"]: t for t in d["translations"]}
assert sorted(got) == sorted(want), sorted(got)
for lang, (title, first, last) in want.items():
    t = got[lang]
    assert t["title"] == title, (lang, t["title"])
    assert t["paragraphs"][0].startswith(first), (lang, t["paragraphs"][0])
    assert t["paragraphs"][-1].startswith(last), (lang, t["paragraphs"][-1])
    assert t["url"] == "%s/%s/2024/05/seed-library.html" % (site, lang), \
        t["url"]
    for p in t["paragraphs"]:
        for junk in ("Share on", "Harbor Daily", "\ufffd"):
            assert junk not in p, (lang, p)
assert d["url"] == site + "/en/2024/05/seed-library.html", d["url"]
assert d["original"] == "ko", d["original"]
assert d["author"], d
assert d["date"].startswith("2024-05-"), d["date"]
PY
}
tap_check "export: titles, first and last paragraphs, URLs of all five" \
    check_json
"$TANDEM" --db "$DB" show 1 --lang ko > "$E2E_TMP/show" 2>&1
tap_check "show --lang ko: the title decoded from EUC-KR (HTTP header)" \
    grep -q "^선포항, 옛 여객선 터미널을 씨앗 도서관으로 바꾸다$" "$E2E_TMP/show"
"$TANDEM" --db "$DB" show 1 --lang ja > "$E2E_TMP/show" 2>&1
tap_check "show --lang ja: the title decoded from Shift_JIS (meta)" \
    grep -q "^船港町、旧フェリーターミナルを種の図書館に$" "$E2E_TMP/show"

# The same story again, then by a translation's URL: updated, still one.
web "$DB" "$STORY"; rc=$?
tap_check "re-import of the URL: updated" sh -c \
    '[ "$1" -eq 0 ] && grep -q "updated 1, 5 translations" "$2"' _ "$rc" "$OUT"
web "$DB" "$SITE/ko/2024/05/seed-library.html"; rc=$?
tap_check "import of the ko translation's URL: updated" sh -c \
    '[ "$1" -eq 0 ] && grep -q "updated 1, 5 translations" "$2"' _ "$rc" "$OUT"
tap_check "  still one article" \
    [ "$("$TANDEM" --db "$DB" list | wc -l)" -eq 1 ]

web "$E2E_TMP/one.db" --no-translations "$STORY"; rc=$?
tap_check "--no-translations: one translation" sh -c \
    '[ "$1" -eq 0 ] && grep -q "^imported 1 article, 1 translation," "$2"' \
    _ "$rc" "$OUT"
web "$E2E_TMP/gz.db" --no-translations "$SITE/gzip/story-fr.html"; rc=$?
tap_check "a gzip-encoded page imports" sh -c '[ "$1" -eq 0 ] &&
    "$2" --db "$3" show 1 | grep -q "^Sunport transforme son ancien"' \
    _ "$rc" "$TANDEM" "$E2E_TMP/gz.db"

# refused DESC URL PATTERN [OPTIONS]: one line "tandem: URL: PATTERN",
# a non-zero exit, nothing stored.
refused() {
	_db="$E2E_TMP/refused.db"
	rm -f "$_db"
	web "$_db" $4 "$2"; _rc=$?
	tap_check "$1: exits non-zero, one line, nothing stored" sh -c '
	    [ "$1" -ne 0 ] && [ "$(wc -l < "$2")" -eq 1 ] &&
	    grep -q "^tandem: $3: $4" "$2" &&
	    [ -z "$("$5" --db "$6" list 2>/dev/null)" ]' _ \
	    "$_rc" "$ERR" "$2" "$3" "$TANDEM" "$_db" ||
	    tap_diag "exit $_rc" "$(cat "$ERR")"
}
refused "a 404" "$SITE/missing" "HTTP 404"
refused "40 MiB" "$SITE/big" "larger than 32 MiB"
refused "a slow server, --timeout 1" "$SITE/slow" "timed out" "--timeout 1"
refused "a redirect loop" "$SITE/loop" "too many redirects"
refused "an RSS feed" "$SITE/feed.xml" "an RSS or Atom feed"

# A URL that fails does not stop the arguments after it.
web "$E2E_TMP/mixed.db" "$SITE/missing" \
    "$top_srcdir/tests/data/web/story-fr.html"; rc=$?
tap_check "a failed URL, then a file: exit 1, the file imported" sh -c \
    '[ "$1" -eq 1 ] && grep -q "^imported 1 article, 1 translation," "$2" &&
    grep -q "(1 file failed)" "$2"' _ "$rc" "$OUT"

# A story with a missing alternate, a redirecting one, and one on
# another site (other.invalid, which never resolves).
web "$E2E_TMP/broken.db" "$SITE/broken/story-en.html"; rc=$?
tap_check "broken alternates: exit 0, all five found through the others" \
    sh -c '[ "$1" -eq 0 ] && grep -q "^imported 1 article, 5 translations," "$2"
    ' _ "$rc" "$OUT"
tap_check "  the 404 is a warning" \
    grep -q "^tandem: $SITE/broken/missing-ko.html: HTTP 404$" "$ERR"
tap_check "  the other site is not fetched, the summary says skipped" sh -c '
    ! grep -q other.invalid "$1" &&
    grep -q "(1 alternate on other sites skipped)" "$2"' _ "$ERR" "$OUT"
web "$E2E_TMP/any.db" --follow-any "$SITE/broken/story-en.html"; rc=$?
tap_check "--follow-any: other.invalid tried, a warning naming it" sh -c \
    '[ "$1" -eq 0 ] && grep -q "^tandem: http://other.invalid/" "$2"' \
    _ "$rc" "$ERR"

# The HTTP header beats <meta charset>: EUC-KR bytes whose meta says
# windows-1252 (uchardet would guess right, so only the order is tested).
web "$E2E_TMP/liar.db" "$SITE/liar/ko.html"; rc=$?
"$TANDEM" --db "$E2E_TMP/liar.db" show 1 --lang ko > "$E2E_TMP/show" 2>&1
tap_check "header euc-kr, meta windows-1252: read as EUC-KR" sh -c '
    [ "$1" -eq 0 ] && grep -q "^등대 마을, 겨울 장터를 다시 열다" "$2" &&
    grep -q "등대 마을 주민들이 십 년 만에" "$2"' _ "$rc" "$E2E_TMP/show"

# Local files: one translation, no network; the charset as for a URL.
web "$E2E_TMP/file.db" "$top_srcdir/tests/data/web/story-ja.html"; rc=$?
tap_check "import page.html: one translation" sh -c \
    '[ "$1" -eq 0 ] && grep -q "^imported 1 article, 1 translation," "$2"' \
    _ "$rc" "$OUT"
"$TANDEM" --db "$E2E_TMP/file.db" show 1 > "$E2E_TMP/show" 2>&1
tap_check "  its title, from Shift_JIS" \
    grep -q "^船港町、旧フェリーターミナルを種の図書館に$" "$E2E_TMP/show"
web "$E2E_TMP/ko.db" --encoding euc-kr \
    "$top_srcdir/tests/data/web/story-ko.html"; rc=$?
"$TANDEM" --db "$E2E_TMP/ko.db" show 1 > "$E2E_TMP/show" 2>&1
tap_check "--encoding euc-kr on a file that says nothing" sh -c \
    '[ "$1" -eq 0 ] && grep -q "^선포항, 옛 여객선 터미널을" "$2"' \
    _ "$rc" "$E2E_TMP/show"
web "$E2E_TMP/bad.db" --encoding klingon "$STORY"; rc=$?
tap_check "--encoding NAME nobody knows: a usage error" [ "$rc" -eq 2 ]

# The reader opens the story side by side.
if command -v tmux >/dev/null 2>&1; then
	e2e_start 120 40 env TANDEM_DB="$DB" TANDEM_LANG=ko,en "$TANDEM"
	e2e_wait_for "1 article"
	e2e_keys Enter
	e2e_wait_for "선포항의 옛 여객선"
	e2e_keys s
	e2e_expect "s: the English beside the Korean" "The old ferry terminal"
	tap_check "  both columns on one screen, ko and en in the header" sh -c '
	    tmux -L "$1" capture-pane -p -t "$1:0.0" > "$2"
	    grep -q "선포항의 옛 여객선.*|.*The old ferry" "$2" &&
	    grep -Eq "^ ko 선포항, .*\| en Sunport" "$2"' \
	    _ "$E2E_SOCK" "$E2E_TMP/screen" || tap_diag "$(cat "$E2E_TMP/screen")"
	e2e_keys Q
	e2e_expect_exit "Q quits with status 0"
else
	tap_ok "# SKIP tmux is not installed"
fi
tap_done
