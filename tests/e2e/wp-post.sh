#!/bin/sh
# wp-post.sh: comments posted to a real WordPress (tests/wp-site.sh)
# with an application password, checked by the REST API, not by tandem:
# a Korean comment and a reply, the site's refusals in the user's words
# (login required, a wrong password, comments closed, a duplicate), a
# server gone (pending, then sent once; a reply to a pending comment
# waits and goes as its reply; one to a local comment or a draft does
# not go) and one that stops answering
# mid-post (looked up, never sent twice); the password in no process's
# argv, the database or any file tandem writes.
. "$top_srcdir/tests/e2e/lib.sh"
. "$top_srcdir/tests/wp-site.sh"
wp_need || { trap - EXIT; rm -rf "$E2E_TMP"; exit 0; }
wp_start || { tap_fail "a WordPress site starts"; tap_done; }

export TANDEM_DB="$E2E_TMP/t.db" TANDEM_SITE_TIMEOUT=3
unset TANDEM_PASSWORD
mkdir -p "$E2E_TMP/secret"
printf '%s\n' "$WP_PASS" >"$E2E_TMP/secret/pw"
chmod 600 "$E2E_TMP/secret/pw"
printf 'not-the-password\n' >"$E2E_TMP/secret/bad"

# rest_count TEXT: how many comments of the site hold TEXT.
rest_count() {
	wp_rest GET "/wp-json/wp/v2/comments?per_page=100&context=edit" |
	    python3 -c 'import json, sys
print(sum(1 for c in json.load(sys.stdin) if sys.argv[1] in c["content"]["raw"]))' "$1"
}
# rest_parent TEXT: the parent and the id of the site's comment holding TEXT.
rest_parent() {
	wp_rest GET "/wp-json/wp/v2/comments?per_page=100&context=edit" |
	    python3 -c 'import json, sys
print(*[(c["parent"], c["id"]) for c in json.load(sys.stdin) if sys.argv[1] in c["content"]["raw"]][0])' "$1"
}
post() {
	wp_php '$p = wp_insert_post(array("post_title" => "'"$1"'", "post_name" => "'"$1"'",
	    "post_content" => "<p>Text of '"$1"'.</p>", "post_status" => "publish")); echo $p;'
}
P1=$(post open-story)
"$TANDEM" import "$WP_URL/open-story/" >/dev/null 2>&1
id1=$("$TANDEM" list | awk '/open-story/ {print $1; exit}')
[ -n "$id1" ] || id1=1

# Without an account a comment stays here, and says so.
"$TANDEM" comment "$id1" -m "local only" >/dev/null 2>&1
tap_check "without an account the comment is local and labelled so" \
    sh -c '"$TANDEM" comments "$1" | grep -q "(local)$"' _ "$id1"
tap_check "and the site never saw it" [ "$(rest_count 'local only')" = 0 ]

# A wrong password is refused at login, and nothing is stored.
"$TANDEM" login "$WP_URL" --user admin --password-command "cat $E2E_TMP/secret/bad" \
    >/dev/null 2>"$E2E_TMP/e"; rc=$?
tap_check "login with a wrong password fails" [ "$rc" -ne 0 ]
tap_check "and says the site refused the password" grep -q 'refused the application password of admin' "$E2E_TMP/e"
tap_check "whoami lists no account" sh -c '! "$TANDEM" whoami 2>/dev/null | grep -q admin'

# A password file others may read is refused.
chmod 644 "$E2E_TMP/secret/pw"
"$TANDEM" login "$WP_URL" --user admin --password-file "$E2E_TMP/secret/pw" \
    >/dev/null 2>"$E2E_TMP/e"
tap_check "a password file of mode 644 is refused" grep -q 'others may read it (mode 644)' "$E2E_TMP/e"
chmod 600 "$E2E_TMP/secret/pw"

# A password that went bad after login: the site's 401, the draft kept.
"$TANDEM" login "$WP_URL" --user admin --no-check \
    --password-command "cat $E2E_TMP/secret/bad" >/dev/null 2>&1
"$TANDEM" comment "$id1" -m "잘못된 비밀번호" >/dev/null 2>"$E2E_TMP/e"; rc=$?
tap_check "posting with a wrong password fails" [ "$rc" -ne 0 ]
tap_check "and says it is the password" grep -q 'refused the application password of admin (wrong password?)' "$E2E_TMP/e"
tap_check "the text is kept as a draft" \
    [ "$(sqlite3 "$TANDEM_DB" "SELECT state FROM comment WHERE body = '잘못된 비밀번호'")" = draft ]

"$TANDEM" login "$WP_URL" --user admin --password-command "cat $E2E_TMP/secret/pw" >"$E2E_TMP/o" 2>&1
tap_check "login with the application password from a command" grep -q "logged in to $WP_URL as admin" "$E2E_TMP/o"
tap_check "whoami lists the account" sh -c '"$TANDEM" whoami | grep -q "^$1 admin (password from a command)$"' _ "$WP_URL"

# A Korean comment, then a reply to it.
"$TANDEM" comment "$id1" -m "서울 이야기 잘 읽었습니다" >"$E2E_TMP/o" 2>&1
tap_check "a Korean comment is posted" grep -q 'posted to' "$E2E_TMP/o"
tap_check "the site has it (REST GET)" [ "$(rest_count '서울 이야기 잘 읽었습니다')" = 1 ]
rid=$(sqlite3 "$TANDEM_DB" "SELECT remote_id FROM comment WHERE body = '서울 이야기 잘 읽었습니다'")
lid=$(sqlite3 "$TANDEM_DB" "SELECT id FROM comment WHERE body = '서울 이야기 잘 읽었습니다'")
tap_check "the local row took the site's id" [ -n "$rid" ] && [ "$rid" -gt 0 ]
tap_check "and shows as the site's, on its language version" \
    sh -c '"$TANDEM" comments "$1" | grep -q "^\[$2\] admin · .* · [a-zA-Z-]* (site)$"' _ "$id1" "$lid"
"$TANDEM" comment "$id1" --parent "$lid" -m "답글입니다" >/dev/null 2>&1
parent=$(wp_rest GET "/wp-json/wp/v2/comments?post=$P1&search=%EB%8B%B5%EA%B8%80" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["parent"])')
tap_check "the reply is the site's reply to it" [ "$parent" = "$rid" ]

# A duplicate.
"$TANDEM" comment "$id1" -m "서울 이야기 잘 읽었습니다" >/dev/null 2>"$E2E_TMP/e"
tap_check "a duplicate is refused as already posted" grep -q 'already has this comment' "$E2E_TMP/e"
tap_check "the site still has it once" [ "$(rest_count '서울 이야기 잘 읽었습니다')" = 1 ]

# Comments closed.
wp_php 'wp_update_post(array("ID" => '"$P1"', "comment_status" => "closed"));' >/dev/null
"$TANDEM" comment "$id1" -m "closed now" >/dev/null 2>"$E2E_TMP/e"
tap_check "closed comments say so" grep -q 'Comments are closed on' "$E2E_TMP/e"
wp_php 'wp_update_post(array("ID" => '"$P1"', "comment_status" => "open"));' >/dev/null

# The server is gone: pending, then sent once when it is back.
wp_halt
"$TANDEM" comment "$id1" -m "서버가 없을 때" >/dev/null 2>"$E2E_TMP/e"
tap_check "with the server down the comment is pending" grep -q 'pending: tandem comments --send' "$E2E_TMP/e"
tap_check "comments marks it pending" \
    sh -c '"$TANDEM" comments "$1" | grep -q "(pending: tandem comments --send)$"' _ "$id1"
wp_serve
"$TANDEM" comments --send >"$E2E_TMP/o" 2>&1
tap_check "comments --send sends it" grep -q 'posted to' "$E2E_TMP/o"
"$TANDEM" comments --send >"$E2E_TMP/o" 2>&1
tap_check "a second --send has nothing to send" grep -q 'no pending comments' "$E2E_TMP/o"
tap_check "the site has it exactly once" [ "$(rest_count '서버가 없을 때')" = 1 ]

# A reply to a comment that is not on the site yet waits for it, then
# goes as its reply.
wp_halt
"$TANDEM" comment "$id1" -m "먼저 쓴 글" >/dev/null 2>&1
plid=$(sqlite3 "$TANDEM_DB" "SELECT id FROM comment WHERE body = '먼저 쓴 글'")
"$TANDEM" comment "$id1" --parent "$plid" -m "그 글에 답합니다" >/dev/null 2>"$E2E_TMP/e"
tap_check "a reply to a pending comment says it waits for it" \
    grep -q "answers comment $plid, which is not on $WP_URL yet; it is pending and goes after it" "$E2E_TMP/e"
tap_check "both are pending" \
    [ "$(sqlite3 "$TANDEM_DB" "SELECT count(*) FROM comment WHERE pending > 0")" = 2 ]
wp_serve
"$TANDEM" comments --send >"$E2E_TMP/o" 2>&1
tap_check "comments --send sends both" [ "$(grep -c 'posted to' "$E2E_TMP/o")" = 2 ]
prid=$(sqlite3 "$TANDEM_DB" "SELECT remote_id FROM comment WHERE body = '먼저 쓴 글'")
rpar=$(rest_parent "그 글에 답합니다" | cut -d" " -f1)
tap_check "the reply is the site's reply to the first (REST GET)" \
    sh -c '[ -n "$1" ] && [ "$1" = "$2" ]' _ "$prid" "$rpar"
tap_check "  which is top level there" [ "$(rest_parent '먼저 쓴 글')" = "0 $prid" ]

# A reply to a comment that stays here (written before the login) or to
# a draft: it does not go either, and says so.
llid=$(sqlite3 "$TANDEM_DB" "SELECT id FROM comment WHERE body = 'local only'")
"$TANDEM" comment "$id1" --parent "$llid" -m "로컬 글에 답글" >/dev/null 2>"$E2E_TMP/e"
tap_check "a reply to a local comment says it stays local" \
    grep -q "answers comment $llid, which is kept here and never sent to $WP_URL; the reply stays local too" "$E2E_TMP/e"
tap_check "  it is local, not pending" \
    [ "$(sqlite3 "$TANDEM_DB" "SELECT state, pending FROM comment WHERE body = '로컬 글에 답글'")" = "posted|0" ]
dlid=$(sqlite3 "$TANDEM_DB" "SELECT id FROM comment WHERE body = '잘못된 비밀번호'")
"$TANDEM" comment "$id1" --parent "$dlid" -m "초안에 답글" >/dev/null 2>"$E2E_TMP/e"
tap_check "a reply to a draft is kept as a draft" sh -c '
    grep -q "answers comment $1, a draft that is not on" "$2" &&
    [ "$(sqlite3 "$3" "SELECT state FROM comment WHERE body = '\''초안에 답글'\''")" = draft ]' \
    _ "$dlid" "$E2E_TMP/e" "$TANDEM_DB"
tap_check "  the site has neither" \
    [ "$(rest_count '로컬 글에 답글')$(rest_count '초안에 답글')" = 00 ]

# The server stores the comment, then stops answering: tandem cannot
# know; it looks before sending again.  Meanwhile ps must not show the
# password.
echo 6 >"$WP_DIR/site/wp-content/hang"
"$TANDEM" comment "$id1" -m "응답이 없을 때" >/dev/null 2>"$E2E_TMP/e" &
tpid=$!
sleep 1
ps -eo args >"$E2E_TMP/ps"
wait "$tpid"
rm -f "$WP_DIR/site/wp-content/hang"
tap_check "a timeout leaves the comment pending" grep -q 'timed out' "$E2E_TMP/e"
tap_check "the password is in no process's argv" sh -c '! grep -qF "$1" "$2"' _ "$WP_PASS" "$E2E_TMP/ps"
tap_check "ps did see tandem at work" grep -q 'tandem comment' "$E2E_TMP/ps"
sleep 4	# the site finishes its answer to nobody
"$TANDEM" comments --send >"$E2E_TMP/o" 2>&1
tap_check "comments --send after a timeout finds it on the site" grep -q 'posted to' "$E2E_TMP/o"
tap_check "the site has it exactly once" [ "$(rest_count '응답이 없을 때')" = 1 ]

# Login required, no account.
"$TANDEM" logout "$WP_URL" >/dev/null 2>&1
wp_php 'update_option("comment_registration", 1);' >/dev/null
post members-only >/dev/null
"$TANDEM" import "$WP_URL/members-only/" >/dev/null 2>&1
id2=$("$TANDEM" list | awk '/members-only/ {print $1; exit}')
"$TANDEM" comment "$id2" -m "익명" >/dev/null 2>"$E2E_TMP/e"
tap_check "comment_registration without login gives the login command" \
    grep -q "This site requires login to comment: tandem login $WP_URL --user NAME" "$E2E_TMP/e"

# A site without WordPress: posting says so, the comment stays local.
e2e_server "$top_srcdir/tests/web-server.py" || exit 1
pport=$E2E_PORT
tap_check "a page of a site without WordPress imports" \
    sh -c '"$1" import "$2" >/dev/null' _ "$TANDEM" "http://127.0.0.1:$pport/plain.html"
id3=$("$TANDEM" list | awk '/Plain page/ {print $1; exit}')
"$TANDEM" login "http://127.0.0.1:$pport" --user someone --no-check >/dev/null 2>&1
TANDEM_PASSWORD=x "$TANDEM" comment "$id3" -m "여기만" >/dev/null 2>"$E2E_TMP/e"
e2e_server_stop
tap_check "a site without WordPress: no API tandem knows" grep -q 'offers no API tandem knows; comment [0-9]* stays local' "$E2E_TMP/e"
tap_check "the comment stays, local and not pending" \
    sh -c '"$TANDEM" comments "$1" | grep -q "(local)$"' _ "$id3"

# No secret anywhere tandem writes.
tap_check "the password is not in the database" \
    sh -c '! sqlite3 "$1" .dump | grep -qF "$2"' _ "$TANDEM_DB" "$WP_PASS"
tap_check "nor in any file tandem wrote" \
    sh -c '! grep -rqF --exclude-dir=secret "$2" "$1"' _ "$E2E_TMP" "$WP_PASS"
tap_done
