#!/bin/sh
# identity.sh: an article is known by its URL, from whatever path (or
# stdin) it is imported, and without one by its path and text.
. "$top_srcdir/tests/e2e/lib.sh"

export TANDEM_DB="$E2E_TMP/t.db"

# art FILE URL TEXT: a one-translation article, with a url: header
# unless URL is empty.
art() {
	mkdir -p "$(dirname "$1")"
	{
		[ -n "$2" ] && printf 'url: %s\n\n' "$2"
		printf '== en\ntitle: Story\n\n%s\n' "$3"
	} > "$1"
}
# articles: how many rows tandem list prints.
articles() { "$TANDEM" list | wc -l | tr -d ' '; }

art "$E2E_TMP/d1/a.txt" "https://example.test/story" "First text."
art "$E2E_TMP/d2/a.txt" "HTTPS://Example.TEST:443/story#comments" "Second text."

out=$("$TANDEM" import "$E2E_TMP/d1/a.txt" 2>"$E2E_TMP/err")
tap_check "the first import is new" \
    [ "$out" = "imported 1 article, 1 translation, 1 paragraph" ]
out=$("$TANDEM" import "$E2E_TMP/d2/a.txt" 2>"$E2E_TMP/err"); rc=$?
tap_check "the same URL from another directory exits 0" [ "$rc" -eq 0 ]
tap_check "and is counted as updated" \
    [ "$out" = "imported 0 articles, updated 1, 1 translation, 1 paragraph" ]
tap_check "tandem list shows one article" [ "$(articles)" = 1 ]
tap_check "with the second file's text" \
    sh -c '"$1" show 1 | grep -q "Second text"' sh "$TANDEM"

out=$("$TANDEM" import - < "$E2E_TMP/d1/a.txt" 2>"$E2E_TMP/err"); rc=$?
tap_check "the same file from stdin exits 0" [ "$rc" -eq 0 ]
tap_check "and updates it" \
    [ "$out" = "imported 0 articles, updated 1, 1 translation, 1 paragraph" ]
tap_check "still one article" [ "$(articles)" = 1 ]

art "$E2E_TMP/d3/b.txt" "https://example.test/other" "Other."
out=$("$TANDEM" import "$E2E_TMP/d1/a.txt" "$E2E_TMP/d3/b.txt" \
    "$E2E_TMP/d2/a.txt" 2>"$E2E_TMP/err")
tap_check "one import of three files: new and updated counted apart" \
    [ "$out" = "imported 1 article, updated 2, 3 translations, 3 paragraphs" ]
tap_check "two articles" [ "$(articles)" = 2 ]

# Without a url: header, the path and the text are the identity.
art "$E2E_TMP/n1/a.txt" "" "No URL."
art "$E2E_TMP/n2/a.txt" "" "No URL."
"$TANDEM" import "$E2E_TMP/n1/a.txt" "$E2E_TMP/n2/a.txt" >/dev/null 2>&1
tap_check "no URL: two paths are two articles" [ "$(articles)" = 4 ]
out=$("$TANDEM" import "$E2E_TMP/n1/a.txt" 2>"$E2E_TMP/err")
tap_check "the same path again updates its article" \
    [ "$out" = "imported 0 articles, updated 1, 1 translation, 1 paragraph" ]
tap_check "and adds none" [ "$(articles)" = 4 ]

tap_done
