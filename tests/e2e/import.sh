#!/bin/sh
# import.sh: tandem import / list / export / rm against a real cache,
# checked by querying the database with python3's sqlite3 module.
. "$top_srcdir/tests/e2e/lib.sh"

SAMPLE="$top_srcdir/data/sample/seoul-sba-zhongguancun.txt"
DB="$E2E_TMP/t.db"
export TANDEM_DB="$DB"

if ! command -v python3 >/dev/null 2>&1; then
	echo "1..0 # SKIP python3 is not installed"; exit 0
fi

# sql QUERY: print the rows of a query, fields separated by |.
sql() {
	python3 - "$DB" "$1" <<'PY'
import sqlite3, sys
con = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True)
for row in con.execute(sys.argv[2]):
    print("|".join("" if v is None else str(v) for v in row))
PY
}

# dump: the whole database as SQL text, for "nothing changed" checks.
dump() {
	python3 - "$DB" <<'PY'
import sqlite3, sys
con = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True)
for line in con.iterdump():
    print(line)
PY
}

out=$("$TANDEM" import "$SAMPLE" 2>"$E2E_TMP/err"); rc=$?
tap_check "import of the sample exits 0" [ "$rc" -eq 0 ]
tap_check "summary line" [ "$out" = "imported 1 article, 5 translations, 40 paragraphs" ]
tap_check "no warnings" [ ! -s "$E2E_TMP/err" ]
tap_check "one article" [ "$(sql 'select count(*) from article')" = 1 ]
tap_check "languages ko en ja zh fr" \
    [ "$(sql 'select group_concat(lang, " ") from (select lang from translation order by id)')" = "ko en ja zh fr" ]
tap_check "8 paragraphs in each" \
    [ "$(sql 'select group_concat(n, " ") from (select count(*) n from paragraph p join translation t on p.translation_id = t.id group by t.id order by t.id)')" = "8 8 8 8 8" ]
tap_check "no marker or notice in any paragraph" \
    [ "$(sql "select count(*) from paragraph where text like '%관련 기사%' or text like '%related articles%' or text like '%関連記事%' or text like '%相关文章%' or text like '%articles connexes%' or text like '%logged in%'")" = 0 ]
tap_check "Korean title derived" \
    [ "$(sql "select title_derived from translation where lang = 'ko'")" = 1 ]
tap_check "every version aligned with ko at import, 8 one-to-one pairs each" \
    [ "$(sql "select group_concat(lang_b || ':' || n, ' ') from (select lang_b, sum(a_count = 1 and b_count = 1) n from alignment where lang_a = 'ko' group by lang_b order by lang_b)")" = "en:8 fr:8 ja:8 zh:8" ]
tap_check "with confidence above one half" \
    [ "$(sql "select min(confidence) > 0.5 from alignment")" = 1 ]
tap_check "comment policy is login" \
    [ "$(sql 'select policy from article')" = login ]

before=$(dump)
out=$("$TANDEM" import "$SAMPLE" 2>&1); rc=$?
tap_check "re-import exits 0" [ "$rc" -eq 0 ]
tap_check "re-import: still one article" [ "$(sql 'select count(*) from article')" = 1 ]
tap_check "re-import: still 40 paragraphs" [ "$(sql 'select count(*) from paragraph')" = 40 ]

# Bad inputs: a clear one-line error naming the file, non-zero exit,
# the database exactly as it was.
before=$(dump)
printf '' > "$E2E_TMP/empty.txt"
printf 'PK\003\004\000\000binary' > "$E2E_TMP/bin.txt"
printf '== en\ntitle: cut\n\nA paragraph\n== fr\nbogus: header\n' > "$E2E_TMP/cut.txt"
mkdir "$E2E_TMP/dir"
for f in empty.txt bin.txt cut.txt dir missing.txt; do
	"$TANDEM" import "$E2E_TMP/$f" >/dev/null 2>"$E2E_TMP/err"; rc=$?
	tap_check "$f: exit 1" [ "$rc" -eq 1 ]
	tap_check "$f: one line naming the file" \
	    sh -c '[ "$(wc -l < "$1")" -eq 1 ] && grep -q "^tandem: $2" "$1"' _ \
	    "$E2E_TMP/err" "$E2E_TMP/$f"
done
tap_check "database unchanged by bad inputs" [ "$(dump)" = "$before" ]
tap_check "integrity_check ok" [ "$(sql 'pragma integrity_check')" = ok ]

# Invalid UTF-8 in a UTF-8 file is replaced and reported with its line
# (without the é the file would read as windows-1252, \377 as ÿ).
printf '== en\n\ngood caf\303\251 line\nbad \377 byte\n' > "$E2E_TMP/bad-utf8.txt"
"$TANDEM" import "$E2E_TMP/bad-utf8.txt" >/dev/null 2>"$E2E_TMP/err"; rc=$?
tap_check "invalid UTF-8 imports" [ "$rc" -eq 0 ]
tap_check "invalid UTF-8 warning names file and line" \
    grep -q "^tandem: $E2E_TMP/bad-utf8.txt:4: invalid UTF-8 replaced with U+FFFD" "$E2E_TMP/err"
tap_check "U+FFFD stored" [ "$(sql "select count(*) from paragraph where text = 'good café line bad � byte'")" = 1 ]

# show: the French version wrapped within 40 cells; every script fits.
"$TANDEM" show 1 --lang fr --width 40 > "$E2E_TMP/fr.txt"; rc=$?
tap_check "show --lang fr --width 40 exits 0" [ "$rc" -eq 0 ]
tap_check "show prints the French title first" \
    sh -c 'head -n 1 "$1" | grep -q "^L.Agence de promotion"' _ "$E2E_TMP/fr.txt"
for l in ko en ja zh fr; do
	tap_check "show --lang $l --width 40: no line over 40 cells" \
	    sh -c '"$1" show 1 --lang "$2" --width 40 | python3 "$3" width 40' _ \
	    "$TANDEM" "$l" "$top_srcdir/tests/e2e/screen.py"
done
tap_check "show --lang ko,en --width 100: side by side within 100 cells" \
    sh -c '"$1" show 1 --lang ko,en --width 100 | python3 "$2" width 100' _ \
    "$TANDEM" "$top_srcdir/tests/e2e/screen.py"
"$TANDEM" show 1 --lang de >/dev/null 2>"$E2E_TMP/err"; rc=$?
tap_check "show of a missing language fails" [ "$rc" -eq 1 ]
tap_check "and lists the languages there are" \
    grep -q "article 1 has no 'de' version (it has ko en ja zh fr)" "$E2E_TMP/err"

# Native format round trip: export, import elsewhere, export again.
"$TANDEM" export 1 --format article > "$E2E_TMP/a1.txt"; rc=$?
tap_check "export article exits 0" [ "$rc" -eq 0 ]
TANDEM_DB="$E2E_TMP/other.db" "$TANDEM" import "$E2E_TMP/a1.txt" >/dev/null 2>&1
TANDEM_DB="$E2E_TMP/other.db" "$TANDEM" export 1 > "$E2E_TMP/a2.txt"
tap_check "export -> import -> export is identical" cmp -s "$E2E_TMP/a1.txt" "$E2E_TMP/a2.txt"
tap_check "exported text has the 5 sections" \
    [ "$(grep -c '^== ' "$E2E_TMP/a1.txt")" -eq 5 ]

# JSON, validated by a real parser.
"$TANDEM" export 1 --format json > "$E2E_TMP/a.json"; rc=$?
tap_check "export json exits 0" [ "$rc" -eq 0 ]
tap_check "JSON parses and has 5 translations of 8 paragraphs" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert [t["lang"] for t in d["translations"]] == ["ko", "en", "ja", "zh", "fr"]
assert all(len(t["paragraphs"]) == 8 for t in d["translations"])
assert d["comment_policy"] == "login"
' "$E2E_TMP/a.json"

# A newer schema is refused and left alone.
cp "$DB" "$E2E_TMP/newer.db"
python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("pragma user_version = 999"); c.commit()' "$E2E_TMP/newer.db"
cp "$E2E_TMP/newer.db" "$E2E_TMP/newer.orig"
TANDEM_DB="$E2E_TMP/newer.db" "$TANDEM" list >/dev/null 2>"$E2E_TMP/err"; rc=$?
tap_check "newer schema: exit 1" [ "$rc" -eq 1 ]
tap_check "newer schema: says so" grep -q "newer than this tandem" "$E2E_TMP/err"
tap_check "newer schema: file untouched" cmp -s "$E2E_TMP/newer.db" "$E2E_TMP/newer.orig"

# A version 1 cache (before the article counter) is migrated in place.
V=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("pragma user_version").fetchone()[0])' "$DB")
cp "$DB" "$E2E_TMP/v1.db"
current=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("pragma user_version").fetchone()[0])' "$DB")
python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.executescript("drop index comment_remote; drop index comment_pending; alter table comment drop column remote_id; alter table comment drop column remote_url; alter table comment drop column link; alter table comment drop column pending; drop table account; drop index article_unread; drop index article_starred; drop index article_date; drop trigger article_count_state; alter table article drop column starred; drop index article_url; drop index translation_url; alter table article drop column url_norm; alter table translation drop column url_norm; drop trigger article_count_add; drop trigger article_count_remove; drop table article_count; pragma user_version = 1")' "$E2E_TMP/v1.db"
TANDEM_DB="$E2E_TMP/v1.db" "$TANDEM" list >"$E2E_TMP/v1.out" 2>"$E2E_TMP/err"; rc=$?
tap_check "version 1 cache: list works" [ "$rc" -eq 0 ] && [ ! -s "$E2E_TMP/err" ]
tap_check "version 1 cache: migrated, counter filled" [ "$(python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute("pragma user_version").fetchone()[0], c.execute("select n from article_count").fetchone()[0], c.execute("select count(*) from article").fetchone()[0])' "$E2E_TMP/v1.db")" = "$current $(wc -l < "$E2E_TMP/v1.out") $(wc -l < "$E2E_TMP/v1.out")" ]

# rm
before=$(sql 'select n from article_count')
"$TANDEM" rm 1; rc=$?
tap_check "rm exits 0" [ "$rc" -eq 0 ]
tap_check "rm removed the article" [ "$(sql 'select count(*) from article where id = 1')" = 0 ]
tap_check "rm counts one article less" [ "$(sql 'select n from article_count')" -eq $((before - 1)) ]
tap_check "the counter matches the rows" [ "$(sql 'select n from article_count')" = "$(sql 'select count(*) from article')" ]
tap_check "rm removed its translations and paragraphs, only those" \
    [ "$(sql 'select (select count(*) from translation) || " " || (select count(*) from paragraph)')" = "1 1" ]
"$TANDEM" rm 1 2>"$E2E_TMP/err"; rc=$?
tap_check "rm of a missing id fails" [ "$rc" -eq 1 ]
"$TANDEM" rm x1 2>"$E2E_TMP/err"; rc=$?
tap_check "rm of a non-id is a usage error" [ "$rc" -eq 2 ]

# A directory: its files in name order, subdirectories where they sort;
# dot files, FIFOs and links to directories left out.
D="$E2E_TMP/archive"
mkdir -p "$D/b-sub" "$D/empty"
art() {		# art FILE TITLE: a one-language article
	printf 'url: https://dir.test/%s\n\n== en\ntitle: %s\n\nText of %s.\n' \
	    "$2" "$2" "$2" > "$1"
}
art "$D/c.txt" dir-third
art "$D/a.txt" dir-first
art "$D/b-sub/x.txt" dir-second
art "$D/.hidden" dir-hidden
ln -s "$D" "$D/b-sub/loop"
mkfifo "$D/fifo" 2>/dev/null
DB="$E2E_TMP/dir.db"
out=$(TANDEM_DB="$DB" "$TANDEM" import "$D" 2>"$E2E_TMP/err"); rc=$?
tap_check "import DIR exits 0" [ "$rc" -eq 0 ]
tap_check "import DIR: three articles" [ "$out" = "imported 3 articles, 3 translations, 3 paragraphs" ]
tap_check "import DIR: in name order, the subdirectory where it sorts" \
    [ "$(sql 'select group_concat(title, " ") from (select title from translation order by id)')" = "dir-first dir-second dir-third" ]
out=$(TANDEM_DB="$DB" "$TANDEM" import "$D/empty" "$D/a.txt" 2>"$E2E_TMP/err"); rc=$?
tap_check "an empty directory fails the import" [ "$rc" -eq 1 ]
tap_check "and says so in one line naming it" \
    [ "$(cat "$E2E_TMP/err")" = "tandem: $D/empty: no files to import in this directory" ]
tap_check "the other files still import" \
    [ "$out" = "imported 0 articles, updated 1, 1 translation, 1 paragraph (1 file failed)" ]
N="$E2E_TMP/nest"
deep="$N"
i=0
while [ "$i" -lt 66 ]; do deep="$deep/d"; i=$((i + 1)); done
mkdir -p "$deep"
art "$deep/bottom.txt" dir-bottom
art "$N/top.txt" dir-top
out=$(TANDEM_DB="$DB" "$TANDEM" import "$N" 2>"$E2E_TMP/err"); rc=$?
tap_check "directories 66 deep: the import fails" [ "$rc" -eq 1 ]
tap_check "with one line saying where" \
    grep -qx "tandem: $N/d\(/d\)*: directories nest too deep (more than 64)" "$E2E_TMP/err"
tap_check "and the files above still import" \
    [ "$out" = "imported 1 article, 1 translation, 1 paragraph (1 file failed)" ]

tap_done
