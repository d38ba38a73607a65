#!/bin/sh
# formats.sh: import tells formats by content.  tandem's JSON export
# imports back to the same bytes; an HTML page imports as one
# translation (tests/e2e/web.sh has more); a page dump in EUC-KR is read
# as such; RSS and Atom feeds and binary data are refused with one line
# and store nothing.
. "$top_srcdir/tests/e2e/lib.sh"

SAMPLE="$top_srcdir/data/sample/seoul-sba-zhongguancun.txt"
DB="$E2E_TMP/t.db"
OTHER="$E2E_TMP/other.db"

"$TANDEM" --db "$DB" import "$SAMPLE" >/dev/null 2>&1
"$TANDEM" --db "$DB" export 1 --format json > "$E2E_TMP/a.json"; rc=$?
tap_check "export --format json exits 0" [ "$rc" -eq 0 ]
"$TANDEM" --db "$OTHER" import "$E2E_TMP/a.json" > "$E2E_TMP/out" \
    2> "$E2E_TMP/err"; rc=$?
tap_check "the JSON imports" [ "$rc" -eq 0 ]
tap_check "as the 5 translations of the sample" \
    grep -q "imported 1 article, 5 translations, 40 paragraphs" "$E2E_TMP/out"
tap_check "without a warning" [ ! -s "$E2E_TMP/err" ]
"$TANDEM" --db "$OTHER" export 1 --format json > "$E2E_TMP/b.json"
tap_check "export -> import -> export is byte-identical" \
    cmp -s "$E2E_TMP/a.json" "$E2E_TMP/b.json"

# refused DESC FILE PATTERN: import exits non-zero with one line naming
# FILE, then ":" and PATTERN,, and the list stays empty.
refused() {
	db="$E2E_TMP/refused.db"
	rm -f "$db"
	"$TANDEM" --db "$db" import "$2" > /dev/null 2> "$E2E_TMP/err"; rc=$?
	tap_check "$1: exits non-zero" [ "$rc" -ne 0 ]
	tap_check "$1: one line naming the file" sh -c '
	    [ "$(wc -l < "$1")" -eq 1 ] &&
	    grep -q "^tandem: $2:$3" "$1"' _ "$E2E_TMP/err" "$2" "$3"
	tap_check "$1: stores nothing" \
	    [ -z "$("$TANDEM" --db "$db" list 2>/dev/null)" ]
}

printf '<!DOCTYPE html>\n<html lang="en"><head><title>A page</title></head>\n<body><p>Text.</p></body></html>\n' > "$E2E_TMP/page.html"
"$TANDEM" --db "$E2E_TMP/page.db" import "$E2E_TMP/page.html" \
    > "$E2E_TMP/out" 2>&1; rc=$?
tap_check "an HTML page imports, as one translation" sh -c '
    [ "$1" -eq 0 ] && grep -q "imported 1 article, 1 translation, 1 paragraph" "$2"
    ' _ "$rc" "$E2E_TMP/out"
printf '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>News</title>\n<item><title>One</title><link>https://news.test/1</link><description>&lt;p&gt;First.&lt;/p&gt;&lt;p&gt;Second.&lt;/p&gt;</description></item>\n<item><title>Two</title><description>Text.</description></item></channel></rss>\n' > "$E2E_TMP/feed.rss"
"$TANDEM" --db "$E2E_TMP/feed.db" import "$E2E_TMP/feed.rss" \
    > "$E2E_TMP/out" 2>&1; rc=$?
tap_check "an RSS feed imports, an article per entry" sh -c '
    [ "$1" -eq 0 ] && grep -q "imported 2 articles, 2 translations, 3 paragraphs" "$2"
    ' _ "$rc" "$E2E_TMP/out"
printf '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>News</title>\n<entry><title>One</title></entry></feed>\n' > "$E2E_TMP/feed.atom"
refused "an Atom feed without text" "$E2E_TMP/feed.atom" \
    " a feed without an entry to import"
head -c 3000 /dev/urandom | tr -d '\000' > "$E2E_TMP/random"
printf '\377\376\370' >> "$E2E_TMP/random"
refused "random bytes" "$E2E_TMP/random" " binary data"
printf '\177ELF\002\001\001\000\000\000binary' > "$E2E_TMP/elf"
refused "a binary" "$E2E_TMP/elf" " binary data"

# A page dump in EUC-KR (the sample's Korean and English versions): read
# as such, with one warning for the file, none per line.
sed -n 1,21p "$SAMPLE" | iconv -f UTF-8 -t CP949 > "$E2E_TMP/ko-euckr.txt"
"$TANDEM" --db "$E2E_TMP/ko.db" import "$E2E_TMP/ko-euckr.txt" \
    > "$E2E_TMP/out" 2> "$E2E_TMP/err"; rc=$?
tap_check "an EUC-KR page dump imports" sh -c '
    [ "$1" -eq 0 ] && grep -q "imported 1 article, 2 translations" "$2"
    ' _ "$rc" "$E2E_TMP/out"
tap_check "  with one warning: read as euc-kr (detected)" sh -c '
    [ "$(wc -l < "$1")" -eq 1 ] &&
    grep -qx "tandem: $2: read as euc-kr (detected)" "$1"
    ' _ "$E2E_TMP/err" "$E2E_TMP/ko-euckr.txt"
"$TANDEM" --db "$E2E_TMP/ko.db" show 1 --lang ko > "$E2E_TMP/show" 2>&1
tap_check "  show --lang ko: the Korean text" sh -c '
    grep -q "서울시와 서울경제진흥원(SBA)이 중국 베이징에서" "$1" &&
    ! grep -q "$(printf "\357\277\275")" "$1"' _ "$E2E_TMP/show"

printf '{"id": 1, "translations": [' > "$E2E_TMP/cut.json"
refused "truncated JSON" "$E2E_TMP/cut.json" "1:27: ']' expected"
printf '{"items": []}\n' > "$E2E_TMP/other.json"
refused "JSON that is not an export" "$E2E_TMP/other.json" \
    " not a tandem export"
tap_done
