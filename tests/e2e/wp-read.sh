#!/bin/sh
# wp-read.sh: comments read from a real WordPress (tests/wp-site.sh):
# more than 100 of them in threads three levels deep (all pages of the
# REST API), Korean and Japanese bodies with HTML entities, a comment
# edited on the site (updated, not added) and one deleted there (gone
# after the next sync), shown offline once the site is stopped.
. "$top_srcdir/tests/e2e/lib.sh"
. "$top_srcdir/tests/wp-site.sh"
wp_need || { trap - EXIT; rm -rf "$E2E_TMP"; exit 0; }
wp_start || { tap_fail "a WordPress site starts"; tap_done; }

export TANDEM_DB="$E2E_TMP/t.db"

# A post with 40 threads: a Korean comment, a Japanese reply under it
# and a reply to the reply: 120 comments, so two pages of 100.
POST=$(wp_php '
$p = wp_insert_post(array("post_title" => "서울의 봄", "post_name" => "seoul-spring",
    "post_content" => "<p>서울의 봄은 짧다.</p><p>벚꽃이 핀다.</p>", "post_status" => "publish"));
for ($i = 1; $i <= 40; $i++) {
	$a = wp_insert_comment(array("comment_post_ID" => $p, "comment_approved" => 1,
	    "comment_author" => "민수", "comment_content" => "댓글 $i: 좋아요 &amp; 감사 &lt;3"));
	$b = wp_insert_comment(array("comment_post_ID" => $p, "comment_approved" => 1,
	    "comment_author" => "太郎", "comment_parent" => $a,
	    "comment_content" => "返信 {$i}：そうですね&hellip;"));
	wp_insert_comment(array("comment_post_ID" => $p, "comment_approved" => 1,
	    "comment_author" => "Ana", "comment_parent" => $b,
	    "comment_content" => "<p>level three $i</p>"));
}
echo $p;')

"$TANDEM" import "$WP_URL/seoul-spring/" >"$E2E_TMP/out" 2>&1
tap_check "the post imports from the site" grep -q 'imported 1 article' "$E2E_TMP/out"
"$TANDEM" comments 1 --fetch >"$E2E_TMP/c1" 2>"$E2E_TMP/e1"; rc=$?
tap_check "comments --fetch exits 0" [ "$rc" -eq 0 ]
tap_check "it reads all 120 comments, both pages" \
    grep -q '120 comments from the site' "$E2E_TMP/e1"
tap_check "the list says 120" grep -q '^Comments (open): 120$' "$E2E_TMP/c1"
tap_check "entities decoded in Korean" grep -qx '댓글 7: 좋아요 & 감사 <3' "$E2E_TMP/c1"
tap_check "a Japanese reply one level down, its ellipsis decoded" \
    grep -qx '  返信 7：そうですね…' "$E2E_TMP/c1"
tap_check "the third level two levels down" \
    grep -qx '    level three 40' "$E2E_TMP/c1"
tap_check "the site's comments are labelled so" \
    grep -q '^\[1\] 민수 · .* (site)$' "$E2E_TMP/c1"

# Edit one and delete another on the site, then sync again.
wp_php '
$c = get_comments(array("post_id" => '"$POST"', "search" => "댓글 5:"));
wp_update_comment(array("comment_ID" => $c[0]->comment_ID,
    "comment_content" => "고쳤습니다 (edited)"));
$d = get_comments(array("post_id" => '"$POST"', "search" => "level three 9"));
wp_delete_comment($d[0]->comment_ID, true);' >/dev/null
"$TANDEM" comments 1 --fetch >"$E2E_TMP/c2" 2>"$E2E_TMP/e2"
tap_check "after the edit and delete: 119" grep -q '^Comments (open): 119$' "$E2E_TMP/c2"
tap_check "the edited comment has its new text" grep -qx '고쳤습니다 (edited)' "$E2E_TMP/c2"
tap_check "and the old text is gone (updated, not added)" \
    sh -c '! grep -q "댓글 5:" "$1"' _ "$E2E_TMP/c2"
tap_check "the deleted one is gone" sh -c '! grep -q "level three 9$" "$1"' _ "$E2E_TMP/c2"
n=$(sqlite3 "$TANDEM_DB" 'SELECT count(*) FROM comment' 2>/dev/null || echo 119)
tap_check "the cache holds 119 rows, no duplicates" [ "$n" = 119 ]

# tandem update: subscribed to the site's feed, the new post's comments
# come with it (the REST API, not the feed's wfw:commentRss).
wp_php '
$p = wp_insert_post(array("post_title" => "Harbour update", "post_name" => "harbour-update",
    "post_content" => "<p>The ferry runs again.</p>", "post_status" => "publish"));
wp_insert_comment(array("comment_post_ID" => $p, "comment_approved" => 1,
    "comment_author" => "Yuna", "comment_content" => "배가 다시 다녀요 &amp; 좋네요"));
wp_insert_comment(array("comment_post_ID" => $p, "comment_approved" => 1,
    "comment_author" => "Ken", "comment_content" => "<p>Good news for the island</p>"));' >/dev/null
"$TANDEM" add "$WP_URL/?feed=rss2" >"$E2E_TMP/a4" 2>&1
"$TANDEM" update >"$E2E_TMP/u4" 2>"$E2E_TMP/e4"; rc=$?
tap_check "update of the site's feed exits 0" [ "$rc" -eq 0 ]
HU=$(sqlite3 "$TANDEM_DB" "SELECT article_id FROM feed_entry WHERE link LIKE '%harbour-update%'" 2>/dev/null)
"$TANDEM" comments "${HU:-0}" >"$E2E_TMP/c4" 2>&1
tap_check "the new post's comments came with the update, as the site's" sh -c '
    grep -q "^\[[0-9]*\] Yuna · .* (site)$" "$1" && grep -qx "배가 다시 다녀요 & 좋네요" "$1" &&
    grep -q "^\[[0-9]*\] Ken · .* (site)$" "$1"' _ "$E2E_TMP/c4"
tap_check "  the summary counts them" grep -q "comments\? of [0-9]* article" "$E2E_TMP/u4"
r=$(sqlite3 "$TANDEM_DB" "SELECT max(remote_id) FROM comment WHERE article_id = ${HU:-0}" 2>/dev/null)
tap_check "  through the REST API: WordPress's comment ids" \
    sh -c '[ "$1" -gt 0 ] && [ "$1" -lt 100000 ]' _ "${r:-0}"
"$TANDEM" update >"$E2E_TMP/u5" 2>&1
n=$(sqlite3 "$TANDEM_DB" "SELECT count(*) FROM comment WHERE article_id = ${HU:-0}" 2>/dev/null)
tap_check "  a second update adds none" [ "$n" = 2 ]

# Offline: the site goes away, the comments stay.
wp_halt
"$TANDEM" comments 1 >"$E2E_TMP/c3" 2>&1
tap_check "offline, comments still shows them" grep -q '^Comments (open): 119$' "$E2E_TMP/c3"
"$TANDEM" comments 1 --fetch >/dev/null 2>"$E2E_TMP/e3"; rc=$?
tap_check "a fetch with the site down fails in one line" \
    [ "$rc" -ne 0 ] && [ "$(wc -l <"$E2E_TMP/e3")" -eq 1 ]
tap_check "and keeps the comments" sh -c '"$TANDEM" comments 1 | grep -q "^Comments (open): 119$"'
tap_done
