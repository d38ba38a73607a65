#!/bin/sh
# reader-web.sh: articles from the web inside the reader.  `a` asks for a
# URL and fetches it in the background, the status line says how it
# goes, the keys keep working meanwhile and the article opens when it is
# in; Q during a fetch quits at once and stores nothing; a URL that is
# not http(s) or not there says so in one line; and `tandem URL` imports
# the story and opens the reader on it.  All against the loopback site of
# tests/web-server.py, never the network.
. "$top_srcdir/tests/e2e/lib.sh"
e2e_need_tmux
if [ -z "$PYTHON3" ] || ! command -v "$PYTHON3" >/dev/null 2>&1; then
	echo "1..0 # SKIP python3 is not installed"; exit 0
fi

unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY ALL_PROXY all_proxy
export no_proxy=127.0.0.1 NO_PROXY=127.0.0.1
export TANDEM_SAMPLE_DIR=""	# an empty cache stays empty

e2e_server "${WEB_SERVER:-$top_srcdir/tests/web-server.py}" || exit 1
port=$E2E_PORT
site="http://127.0.0.1:$port"

# a, a URL that answers 6 s late: progress, keys meanwhile, then the story.
e2e_start 100 30 "$TANDEM" --db "$E2E_TMP/web.db" --lang en
e2e_wait_for "Q:quit"
e2e_keys a
e2e_expect "a asks for a URL" "URL:"
e2e_keys -l "$site/story-en.html?delay=6"
e2e_keys Enter
e2e_expect "the status line says it is fetching" "fetching $site/story-en"
before=$(e2e_capture)
e2e_keys '?'
e2e_expect "keys work while it fetches: ? shows the help" \
    "any other key closes this help" 2
help=$(e2e_capture)
e2e_keys j
sleep 0.3
tap_check "and j scrolls it" [ "$(e2e_capture)" != "$help" ]
e2e_keys q
e2e_expect_gone "and q closes it" "any other key closes this help" 2
if e2e_capture | grep -q "fetching"; then
	tap_ok "all while the fetch was still under way"
else
	tap_fail "all while the fetch was still under way"
	e2e_dump "after the keys"
fi
tap_check "the screen before the keys was the list, fetching" \
    sh -c 'printf "%s\n" "$1" | grep -q "fetching"' _ "$before"
e2e_expect "the story opens when it is in" "Sunport turns its old ferry" 30
e2e_expect "with its five languages in the header" "en ko ja zh fr"
e2e_keys j
e2e_keys q
e2e_expect "q goes back to the list, which has the story" "1 article"
e2e_keys Q
e2e_expect_exit "Q exits 0"
tap_check "one article in the cache, in five languages" \
    [ "$("$TANDEM" --db "$E2E_TMP/web.db" list | grep -c 'en ko ja zh fr')" = 1 ]

# Not http(s): a status message, nothing fetched.
e2e_start 100 30 "$TANDEM" --db "$E2E_TMP/web.db"
e2e_wait_for "Q:quit"
e2e_keys a
e2e_wait_for "URL:"
e2e_keys -l "ftp://x"
e2e_keys Enter
e2e_expect "ftp://x: not an http or https URL" "not an http or https URL: ftp://x"

# A 404: the one-line reason in the status line.
e2e_keys a
e2e_wait_for "URL:"
e2e_keys -l "$site/missing"
e2e_keys Enter
e2e_expect "a 404 says so in the status line" "$site/missing: HTTP 404"
e2e_keys Q
e2e_expect_exit "Q exits 0 after the errors"

# Q while a fetch waits on a slow server: out at once, nothing stored.
e2e_start 100 30 "$TANDEM" --db "$E2E_TMP/cancel.db" --lang en
e2e_wait_for "Q:quit"
e2e_keys a
e2e_wait_for "URL:"
e2e_keys -l "$site/story-en.html?delay=25"
e2e_keys Enter
e2e_expect "a fetch that answers 25 s late is under way" \
    "fetching $site/story-en"
e2e_keys Q
e2e_expect_exit "Q during the fetch exits 0 without waiting for it" 0 5
tap_check "tandem list reads the cache after it" \
    sh -c '"$1" --db "$2" list > "$3"' _ "$TANDEM" "$E2E_TMP/cancel.db" \
    "$E2E_TMP/cancel.list"
tap_check "and lists no article" [ ! -s "$E2E_TMP/cancel.list" ]

# tandem URL: the import in the foreground, then the reader on the story.
e2e_start 100 30 "$TANDEM" --db "$E2E_TMP/url.db" --lang en \
    "$site/story-en.html"
e2e_expect "tandem URL opens the reader on the story" \
    "Sunport turns its old ferry" 30
e2e_expect "the story's languages" "en ko ja zh fr"
e2e_keys Q
e2e_expect_exit "and Q exits 0"
e2e_start 100 30 "$TANDEM" --db "$E2E_TMP/url.db" "$site/missing"
e2e_expect_exit "tandem URL with a 404 exits 1" 1
e2e_expect "saying why in one line" "tandem: $site/missing: HTTP 404"
tap_done
