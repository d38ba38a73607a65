#!/bin/sh
# wp-reader.sh: the reader and a real WordPress (tests/wp-site.sh):
# opening the comment pane reads the site's comments in the background,
# C sends a Korean comment and r a reply to the site's comment, typed
# through tmux; the site's REST API, not tandem, says they arrived.
# On a slow site, a reply to a comment still on its way waits its turn.
# With the site down, C's comment is pending and r's reply to it says
# that it waits for it; tandem comments --send sends both, in order.
. "$top_srcdir/tests/e2e/lib.sh"
e2e_need_tmux
. "$top_srcdir/tests/wp-site.sh"
wp_need || { trap - EXIT; rm -rf "$E2E_TMP"; exit 0; }
wp_start || { tap_fail "a WordPress site starts"; tap_done; }

export TANDEM_DB="$E2E_TMP/t.db" TANDEM_SAMPLE_DIR="" TANDEM_SITE_TIMEOUT=10
mkdir -p "$E2E_TMP/secret"
printf '%s\n' "$WP_PASS" >"$E2E_TMP/secret/pw"
chmod 600 "$E2E_TMP/secret/pw"
POST=$(wp_php '
$p = wp_insert_post(array("post_title" => "Reader story", "post_name" => "reader-story",
    "post_content" => "<p>A story to comment on.</p>", "post_status" => "publish"));
wp_insert_comment(array("comment_post_ID" => $p, "comment_approved" => 1,
    "comment_author" => "지수", "comment_content" => "사이트의 첫 댓글"));
echo $p;')
"$TANDEM" import "$WP_URL/reader-story/" >/dev/null 2>&1
"$TANDEM" login "$WP_URL" --user admin \
    --password-command "cat $E2E_TMP/secret/pw" >/dev/null 2>&1

# comments on the site: "PARENT|TEXT" lines.
site_comments() {
	wp_rest GET "/wp-json/wp/v2/comments?post=$POST&context=edit" |
	    python3 -c 'import json, sys
for c in json.load(sys.stdin): print("%d|%d|%s" % (c["id"], c["parent"], c["content"]["raw"]))'
}

# The reader waits for the site longer than the slow site holds a POST
# (wp_hold): under ASan the keys typed meanwhile take more than 10 s.
e2e_start 100 30 env TANDEM_SITE_TIMEOUT=150 "$TANDEM"
e2e_wait_for "Reader story"
e2e_keys Enter
e2e_wait_for "A story to comment on."
e2e_keys c
e2e_expect "the pane names the account" "Comments go to $WP_URL as admin."
e2e_expect "the site's comment comes in the background" "사이트의 첫 댓글"
e2e_expect "labelled as the site's" "[site"

e2e_keys C
e2e_wait_for "Ctrl-D sends"
e2e_keys -l "리더에서 쓴 댓글"
e2e_keys C-d
e2e_expect "C's comment is posted" "posted to $WP_URL"
tap_check "the site has it (REST GET)" \
    sh -c 'test "$(printf "%s\n" "$1" | grep -c "|0|리더에서 쓴 댓글$")" = 1' _ "$(site_comments)"

# r on the selected comment: the site's first one.
e2e_keys g
e2e_keys r
e2e_wait_for "Reply to 지수"
e2e_keys -l "답글도 갑니다"
e2e_keys C-d
e2e_expect "r's reply is posted" "posted to $WP_URL"
first=$(site_comments | awk -F'|' '$3 == "사이트의 첫 댓글" {print $1}')
tap_check "the site has the reply under its comment" \
    sh -c 'printf "%s\n" "$1" | grep -q "^[0-9]*|$2|답글도 갑니다$"' _ "$(site_comments)" "$first"

# A slow site: C's comment is still on its way when r answers it.  The
# reply waits for that job and goes after it, under it.
wp_hold
e2e_keys C
e2e_wait_for "Ctrl-D sends"
e2e_keys -l "느린 사이트에 쓴 글"
e2e_keys C-d
e2e_wait_for "sending comment"
e2e_keys G r
e2e_wait_for "Reply to admin"
e2e_keys -l "뒤따르는 답글"
e2e_keys C-d
e2e_expect "a reply while its parent is on its way waits its turn" \
    "is sent when the job before it is done"
wp_release
# site_has PATTERN: the site's comments match PATTERN within 20 s.
site_has() {
	_n=0
	while [ $_n -lt 200 ]; do
		site_comments | grep -q "$1" && return 0
		sleep 0.1
		_n=$((_n + 1))
	done
	return 1
}
tap_check "the slow site gets the comment" site_has "|0|느린 사이트에 쓴 글$"
slow=$(site_comments | awk -F'|' '$3 == "느린 사이트에 쓴 글" {print $1}')
tap_check "and then the reply, under it" site_has "^[0-9]*|$slow|뒤따르는 답글$"
e2e_expect_gone "neither is pending any more" "(pending:"

# The site goes away: a comment is pending, a reply to it waits for it.
wp_halt
e2e_keys C
e2e_wait_for "Ctrl-D sends"
e2e_keys -l "사이트가 없을 때 쓴 글"
e2e_keys C-d
e2e_expect "with the site down C's comment is pending" "pending"
e2e_keys G r
e2e_wait_for "Reply to admin"
e2e_keys -l "기다리는 답글"
e2e_keys C-d
e2e_expect "r's reply to it says it waits for it" "which is not on"
e2e_keys q q Q
e2e_wait_exit
wp_serve
"$TANDEM" comments --send >"$E2E_TMP/o" 2>&1
first=$(site_comments | awk -F'|' '$3 == "사이트가 없을 때 쓴 글" {print $1}')
tap_check "comments --send: the reply is the site's reply to the first" \
    sh -c '[ -n "$2" ] && printf "%s\n" "$1" | grep -q "^[0-9]*|$2|기다리는 답글$"' \
    _ "$(site_comments)" "$first"
tap_done
