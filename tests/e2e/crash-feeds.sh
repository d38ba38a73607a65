#!/bin/sh
# crash-feeds.sh: SIGKILL at a random instant of tandem update leaves
# every feed as it was or wholly updated.  50 generated feeds from
# tests/feed-server.py; before each run every feed changes (a new
# version: every title says it, and the ETag), then tandem update is
# killed at a random instant within a measured whole update.  After each
# kill: PRAGMA integrity_check is ok and, for each feed, its stored ETag
# and every one of its entries' articles name one same version (of the
# 20 entries every version has; a version has 20 to 22).
# TANDEM_CRASH_SEED=n repeats a run's plan (the timing still varies).
. "$top_srcdir/tests/e2e/lib.sh"
command -v python3 >/dev/null 2>&1 ||
	{ echo "1..0 # SKIP python3 is not installed"; exit 0; }
e2e_server "$top_srcdir/tests/feed-server.py" || exit 1
PORT=$E2E_PORT
PYTHON=$E2E_PYTHON	# the interpreter itself, quicker to start than a shim
S="http://127.0.0.1:$PORT"
export NO_PROXY='*' no_proxy='*'
DB="$E2E_TMP/c.db"
SEED=${TANDEM_CRASH_SEED:-$(date +%s)}
tap_diag "seed $SEED (TANDEM_CRASH_SEED=$SEED repeats the plan)"
N=50 KILLS=10

"$PYTHON" - "$S" "$N" > "$E2E_TMP/feeds.opml" <<'PY'
import sys
s, n = sys.argv[1], int(sys.argv[2])
print('<?xml version="1.0"?><opml version="2.0"><head><title>t</title>'
      '</head><body>')
for i in range(1, n + 1):
    print('<outline type="rss" text="g%d" xmlUrl="%s/gen/%d.xml"/>' % (i, s, i))
print('</body></opml>')
PY
"$TANDEM" --db "$DB" import-opml --no-alternates "$E2E_TMP/feeds.opml" \
    > /dev/null 2>&1
bump() { "$PYTHON" -c 'import sys, urllib.request
urllib.request.urlopen(sys.argv[1] + "/bump?gen").read()' "$S"; }

# check: integrity, and each feed at one version.  Prints what is wrong.
check() {
	"$PYTHON" - "$DB" <<'PY'
import re, sqlite3, sys
c = sqlite3.connect(sys.argv[1])
ok = c.execute("PRAGMA integrity_check").fetchone()[0]
if ok != "ok":
    print("integrity_check:", ok); sys.exit(1)
bad = 0
for fid, etag in c.execute("SELECT id, etag FROM feed"):
    vs = set()
    # Entries 0-19 are in every version; 20 and 21 come and go.
    for key, title in c.execute("SELECT e.key, t.title FROM feed_entry e"
                                " JOIN translation t ON t.article_id ="
                                " e.article_id WHERE e.feed_id = ?", (fid,)):
        if int(key.split("-")[2]) < 20:
            vs.add(re.search(r" v(\d+)$", title).group(1))
    if etag is not None:
        vs.add(re.match(r'"v(\d+)-', etag).group(1))
    elif vs:
        print("feed %d: entries but no ETag" % fid); bad += 1
    if len(vs) > 1:
        print("feed %d: versions %s" % (fid, sorted(vs))); bad += 1
sys.exit(1 if bad else 0)
PY
}

start=$(date +%s.%N)
"$TANDEM" --db "$DB" update --per-host 16 > "$E2E_TMP/out" 2>&1
whole=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')
tap_check "a whole update of $N feeds" grep -q "^$N feeds, [0-9]* new articles, 0 failed" "$E2E_TMP/out"
tap_diag "a whole update takes $whole s"
tap_check "  and the cache is consistent" check

# mixed: whether the feeds are at different versions now.
mixed() {
	"$PYTHON" -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
sys.exit(0 if len(set(r[0][:4] for r in c.execute("SELECT etag FROM feed"))) > 1
    else 1)' "$DB"
}

k=0 changed=0
while [ "$k" -lt "$KILLS" ]; do
	k=$((k + 1))
	bump
	at=$(awk -v s="$SEED" -v k="$k" -v w="$whole" \
	    'BEGIN { srand(s + k); printf "%.3f\n", rand() * w }')
	"$TANDEM" --db "$DB" update --per-host 16 > /dev/null 2>&1 &
	pid=$!
	sleep "$at"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	if check > "$E2E_TMP/why" 2>&1; then
		tap_ok "kill $k at $at s: every feed whole or untouched"
	else
		tap_fail "kill $k at $at s: every feed whole or untouched"
		tap_diag "$(cat "$E2E_TMP/why")"
	fi
	mixed && changed=$((changed + 1))
done
# At least one kill must have landed mid-update (some feed moved on,
# some did not), or the test proves nothing.
tap_check "$changed of $KILLS kills landed between feeds" \
    [ "$changed" -gt 0 ]
"$TANDEM" --db "$DB" update --per-host 16 > "$E2E_TMP/out" 2>&1
tap_check "an update after the kills brings every feed up to date" check
tap_done
