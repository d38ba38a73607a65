#!/bin/sh
# web-bench.sh: how long `tandem import URL` takes for the five-language
# story served by tests/web-server.py on 127.0.0.1 (median of N runs,
# each into a fresh cache), beside the floor: curl fetching the same
# five pages one after another, if curl is installed.
#   usage: web-bench.sh TANDEM SRCDIR [N]
tandem=$1 srcdir=$2 n=${3:-9}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tandem-web-bench.XXXXXX") || exit 1
mkfifo "$tmp/in"
python3 "$srcdir/tests/web-server.py" < "$tmp/in" > "$tmp/port" &
srv=$!
exec 9> "$tmp/in"
trap 'kill "$srv" 2>/dev/null; rm -rf "$tmp"' EXIT
i=0
while [ ! -s "$tmp/port" ] && [ "$i" -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
site="http://127.0.0.1:$(cat "$tmp/port")"
export NO_PROXY='*' no_proxy='*'

# median CMD...: the median wall time of n runs of CMD, in ms.
median() {
	_i=0
	while [ "$_i" -lt "$n" ]; do
		rm -f "$tmp/db"*
		python3 -c 'import subprocess, sys, time
t = time.monotonic()
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
print("%.1f" % ((time.monotonic() - t) * 1000))' "$@" || return 1
		_i=$((_i + 1))
	done | sort -n | sed -n "$(( (n + 1) / 2 ))p"
}
t=$(median "$tandem" --db "$tmp/db" import "$site/en/2024/05/seed-library.html")
echo "tandem import (5 pages, parse, store, align): $t ms (median of $n)"
if command -v curl >/dev/null 2>&1; then
	set --
	for l in ko en ja zh fr; do
		set -- "$@" "$site/$l/2024/05/seed-library.html"
	done
	t=$(median curl -s -o /dev/null -o /dev/null -o /dev/null \
	    -o /dev/null -o /dev/null "$@")
	echo "curl, the same 5 pages (the floor):           $t ms"
else
	echo "curl is not installed: no floor"
fi
