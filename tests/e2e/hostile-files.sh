#!/bin/sh
# hostile-files.sh: tandem import of files that are not articles, or are
# articles meant to hurt: empty, binary, a directory, unreadable, a
# symlink loop, a FIFO, a file that grows while read, a 1 GB sparse file,
# a 1 MB line, 100k paragraphs, 10,000 levels of comments, files whose
# time or memory would grow faster than their size, shell syntax in a
# title, a full disk (for one file, and in the middle of a batch of 200)
# and a read-only cache (for import, list and show, and the reader).  Each must end, quickly,
# in success or in one line "tandem: FILE: what" and a non-zero status,
# with the database unchanged (an iterdump compared before and after).
. "$top_srcdir/tests/e2e/lib.sh"
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 is not installed"; exit 0; }

SAMPLE="$top_srcdir/data/sample/seoul-sba-zhongguancun.txt"
DB="$E2E_TMP/t.db"
export TANDEM_DB="$DB" TANDEM_SAMPLE_DIR=""
F="$E2E_TMP/f"
mkdir "$F"
MNT=""
MNT2=""
WRITER=""
hf_cleanup() {
	[ -n "$WRITER" ] && kill "$WRITER" 2>/dev/null
	[ -n "$MNT" ] && umount "$MNT" 2>/dev/null
	[ -n "$MNT2" ] && umount "$MNT2" 2>/dev/null
	e2e_cleanup
}
trap hf_cleanup EXIT

# dump [DB]: the whole database as SQL text.
dump() {
	python3 - "${1:-$DB}" <<'PY'
import sqlite3, sys
con = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True)
for line in con.iterdump():
    print(line)
PY
}

# integrity DB: prints "ok" when SQLite finds the database sound.
integrity() {
	python3 - "$1" <<'PY'
import sqlite3, sys
con = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True)
print(con.execute("pragma integrity_check").fetchone()[0])
PY
}

# run_import FILE [SECONDS]: tandem import FILE under a deadline; sets rc
# and leaves stderr in $E2E_TMP/err.
run_import() {
	timeout "${2:-30}" "$TANDEM" import "$1" >/dev/null 2>"$E2E_TMP/err"
	rc=$?
}

# rejects NAME FILE WHAT: import FILE must fail with one line naming FILE
# and matching WHAT, exit non-zero, not hang and change nothing.
rejects() {
	dump > "$E2E_TMP/before"
	run_import "$2"
	dump > "$E2E_TMP/after"
	if [ "$rc" -eq 124 ]; then
		tap_fail "$1: import ends (it hung)"
	else
		tap_check "$1: exit status non-zero" [ "$rc" -ne 0 ]
	fi
	if [ "$(wc -l < "$E2E_TMP/err")" -eq 1 ] &&
	    grep -q "^tandem: $2: .*$3" "$E2E_TMP/err"; then
		tap_ok "$1: one-line error naming the file"
	else
		tap_fail "$1: one-line error naming the file"
		tap_diag "$(cat "$E2E_TMP/err")"
	fi
	tap_check "$1: database unchanged" cmp -s "$E2E_TMP/before" "$E2E_TMP/after"
}

# accepts NAME FILE: import FILE must succeed, adding one article, whose
# id it leaves in $id.
accepts() {
	n=$("$TANDEM" list | wc -l)
	run_import "$2" 60
	tap_check "$1: imports (exit 0, no hang)" [ "$rc" -eq 0 ]
	tap_check "$1: one more article" [ "$("$TANDEM" list | wc -l)" -eq $((n + 1)) ]
	id=$("$TANDEM" list | awk '{ print $1 }' | sort -n | tail -n 1)
}

"$TANDEM" import "$SAMPLE" >/dev/null
tap_check "the sample imports" [ "$("$TANDEM" list | wc -l)" -eq 1 ]

: > "$F/empty"
rejects "empty file" "$F/empty" "empty file"
printf '\177ELF\002\001\001\000\000\000binary' > "$F/binary"
rejects "binary file" "$F/binary" "binary"
mkdir "$F/dir"
rejects "empty directory" "$F/dir" "no files to import"
printf '== en\ntitle: Secret\n\nHidden.\n' > "$F/unreadable"
chmod 000 "$F/unreadable"
if [ "$(id -u)" -eq 0 ]; then
	TAP_N=$((TAP_N + 1))
	echo "ok $TAP_N # SKIP unreadable file: running as root, which may read it anyway"
else
	rejects "unreadable file" "$F/unreadable" "Permission denied"
fi
ln -s "$F/loop2" "$F/loop1"
ln -s "$F/loop1" "$F/loop2"
rejects "symlink loop" "$F/loop1" "symbolic links"
if mkfifo "$F/fifo" 2>/dev/null; then
	rejects "FIFO (nobody writes)" "$F/fifo" "not a regular file"
else
	TAP_N=$((TAP_N + 1)); echo "ok $TAP_N # SKIP mkfifo failed"
fi

# A 1 GB sparse file: refused before reading, in bounded memory.
truncate -s 1G "$F/sparse" 2>/dev/null ||
    dd if=/dev/zero of="$F/sparse" bs=1 count=0 seek=1G 2>/dev/null
rejects "1 GB sparse file" "$F/sparse" "too large"
set -- $(python3 - "$TANDEM" "$F/sparse" <<'PY'
import resource, subprocess, sys, time
t = time.time()
subprocess.run([sys.argv[1], "import", sys.argv[2]], stdout=subprocess.DEVNULL,
               stderr=subprocess.DEVNULL, timeout=60)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, int(time.time() - t))
PY
)
tap_check "1 GB sparse file: fails within 5 s (took ${2:-?} s)" [ "${2:-99}" -le 5 ]
tap_check "1 GB sparse file: peak memory under 40 MB (was ${1:-?} kB)" [ "${1:-999999}" -lt 40960 ]

# A file that grows while it is read: whatever was read gets imported, or
# it is too large; either way the import ends.  "yes" writes fast enough
# to pass the size limit; a slow writer follows.
: > "$F/growing"
(yes 'A line of a growing file.' >> "$F/growing") 2>/dev/null &
WRITER=$!
sleep 0.2
dump > "$E2E_TMP/before"
run_import "$F/growing"
kill "$WRITER" 2>/dev/null; wait "$WRITER" 2>/dev/null; WRITER=""
if [ "$rc" -eq 124 ]; then
	tap_fail "growing file: import ends (it hung)"
elif [ "$rc" -eq 0 ]; then
	# One article whose text is the file's lines and nothing else (the
	# last may be cut where the reader caught up with the writer).
	tap_check "growing file: imported what was there, nothing else" \
	    python3 - "$DB" <<'PY'
import re, sqlite3, sys
c = sqlite3.connect(sys.argv[1])
assert c.execute("select count(*) from article").fetchone()[0] == 1
assert c.execute("pragma integrity_check").fetchone()[0] == "ok"
line = "A line of a growing file."
text = "\n".join(r[0] for r in c.execute("select text from paragraph"))
words = text.split()
whole = line.split() * (len(words) // len(line.split()) + 1)
assert words, "no text stored"
assert words[:-1] == whole[:len(words) - 1], "text other than the lines"
assert whole[len(words) - 1].startswith(words[-1]), "a torn word in the middle"
PY
else
	tap_check "growing file: refused with one line naming it" \
	    sh -c '[ "$(wc -l < "$1")" -eq 1 ] && grep -q "^tandem: $2: too large" "$1"' \
	    _ "$E2E_TMP/err" "$F/growing"
	dump > "$E2E_TMP/after"
	tap_check "growing file: database unchanged" \
	    cmp -s "$E2E_TMP/before" "$E2E_TMP/after"
fi
rm -f "$F/growing"

# The same, slowly (a line every half millisecond): the import takes what
# is there when it reaches the end, and stores exactly that.
: > "$F/slow"
python3 -c '
import sys, time
with open(sys.argv[1], "a") as f:
    for i in range(6000):
        f.write("A line of a growing file.\n")
        f.flush()
        time.sleep(0.0005)
' "$F/slow" &
WRITER=$!
n=0
while [ "$(wc -c < "$F/slow")" -lt 2000 ] && [ "$n" -lt 200 ]; do
	sleep 0.05
	n=$((n + 1))
done
TANDEM_DB="$E2E_TMP/slow.db" timeout 30 "$TANDEM" import "$F/slow" \
    >/dev/null 2>"$E2E_TMP/err"
rc=$?
kill "$WRITER" 2>/dev/null; wait "$WRITER" 2>/dev/null; WRITER=""
tap_check "slowly growing file: imported (exit $rc)" [ "$rc" -eq 0 ]
tap_check "slowly growing file: what was there, whole, nothing else" \
    python3 - "$E2E_TMP/slow.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
assert c.execute("select count(*) from article").fetchone()[0] == 1
assert c.execute("pragma integrity_check").fetchone()[0] == "ok"
line = "A line of a growing file.".split()
words = " ".join(r[0] for r in c.execute("select text from paragraph")).split()
whole = line * (len(words) // len(line) + 1)
assert len(words) > len(line), "hardly any text stored"
assert words[:-1] == whole[:len(words) - 1], "text other than the lines"
assert whole[len(words) - 1].startswith(words[-1]), "a torn word"
PY
rm -f "$F/slow"

# Large but valid articles.
python3 -c 'print("== en\ntitle: One long line\n\n" + "word " * 209715)' > "$F/line"
accepts "1 MB single line" "$F/line"
python3 -c '
print("== en\ntitle: Many paragraphs\n")
for i in range(100000):
    print("p%d\n" % i)' > "$F/many"
accepts "100k tiny paragraphs" "$F/many"
tap_check "100k tiny paragraphs: all stored" \
    sh -c '"$1" show "$2" | grep -q "^p99999$"' _ "$TANDEM" "$id"
python3 -c '
o = ["url: https://site.test/deep", "", "== en", "title: Deep", "", "Body."]
for i in range(1, 10001):
    o += ["", "== comment"] + (["parent: %d" % (i - 1)] if i > 1 else [])
    o += ["", "Level %d." % i]
print("\n".join(o))' > "$F/deep"
accepts "10,000 levels of comments" "$F/deep"
timeout 30 "$TANDEM" export "$id" > "$E2E_TMP/deep.out" 2>/dev/null
tap_check "10,000 levels of comments: export gives the file back" \
    cmp -s "$F/deep" "$E2E_TMP/deep.out"
tap_check "10,000 levels of comments: show works" \
    sh -c 'timeout 30 "$1" show "$2" >/dev/null' _ "$TANDEM" "$id"

# The comment pane of that thread opens at once (it took a minute when
# each redraw searched for every ancestor of every comment).
if command -v tmux >/dev/null 2>&1; then
	TANDEM_DB="$E2E_TMP/deep.db" "$TANDEM" import "$F/deep" >/dev/null
	TANDEM_DB="$E2E_TMP/deep.db" e2e_start 100 30 "$TANDEM" --db "$E2E_TMP/deep.db"
	e2e_wait_for "Deep"
	e2e_keys Enter
	e2e_wait_for "Body."
	e2e_keys c
	e2e_expect "10,000 levels of comments: the comment pane opens" "Level 1." 10 &&
	    e2e_keys j j j &&
	    e2e_expect "10,000 levels of comments: j moves in it" "Level 4." 10
	e2e_keys Q
	e2e_expect_exit "10,000 levels of comments: Q quits with status 0"
else
	TAP_N=$((TAP_N + 1)); echo "ok $TAP_N # SKIP comment pane: tmux is not installed"
fi

# Shell syntax in a title is text, nowhere run.
title='$(touch '"$E2E_TMP"'/pwned1) ; touch '"$E2E_TMP"'/pwned2 `touch '"$E2E_TMP"'/pwned3` ; rm -rf x'
printf '== en\ntitle: %s\n\nBody %s.\n' "$title" "$title" > "$F/shell"
accepts "shell syntax in a title" "$F/shell"
"$TANDEM" list > "$E2E_TMP/list.out" 2>&1
"$TANDEM" show "$id" --width 400 > "$E2E_TMP/show.out" 2>&1
"$TANDEM" export "$id" > "$E2E_TMP/export.out" 2>&1
"$TANDEM" export "$id" --format json > "$E2E_TMP/json.out" 2>&1
tap_check "shell syntax: nothing ran" \
    sh -c '! ls "$1"/pwned* >/dev/null 2>&1' _ "$E2E_TMP"
tap_check "shell syntax: list shows the title as text" \
    grep -qF '$(touch' "$E2E_TMP/list.out"
tap_check "shell syntax: show shows it whole" \
    grep -qF "$title" "$E2E_TMP/show.out"
tap_check "shell syntax: export gives the file back" \
    cmp -s "$F/shell" "$E2E_TMP/export.out"
tap_check "shell syntax: JSON keeps the backquotes" \
    grep -qF '`touch' "$E2E_TMP/json.out"

# Size against cost: an import of a file 4 times as large must take
# about 4 times as long (quadratic work gives 16), and its peak memory
# must stay within 4 times the input over a baseline, whatever the shape
# (a line, a section or a paragraph per byte or two).  Measured as CPU
# time and peak RSS of the child (getrusage), in its own database; the
# import may fail (most of these files break a limit), but must end.
SDB="$E2E_TMP/scale.db"
# measure FILE: "CPU-SECONDS PEAK-RSS-KB" of one tandem import FILE.
measure() {
	TANDEM_DB="$SDB" python3 - "$TANDEM" "$1" <<'PY'
import resource, subprocess, sys
try:
    subprocess.run([sys.argv[1], "import", sys.argv[2]], timeout=300,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
except subprocess.TimeoutExpired:
    print("999 0")
    sys.exit(0)
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print("%.3f %d" % (r.ru_utime + r.ru_stime, r.ru_maxrss))
PY
}
# scales NAME FILE-N FILE-4N: time(4n) / time(n) below 8.
scales() {
	set -- "$1" "$(measure "$2")" "$(measure "$3")"
	if python3 -c 'import sys
a, b = float(sys.argv[1]), float(sys.argv[2])
sys.exit(0 if (b + 0.05) / (a + 0.05) < 8 else 1)' "${2% *}" "${3% *}"; then
		tap_ok "$1: 4x the input, under 8x the time"
	else
		tap_fail "$1: 4x the input, under 8x the time"
		tap_diag "n: ${2% *} s, 4n: ${3% *} s"
	fi
}
# bounded NAME FILE: peak RSS minus the baseline within 4x FILE + 8 MiB.
# AddressSanitizer's redzones and quarantine (freed memory kept for a
# while) make a sanitised binary's RSS say nothing about ours: skipped.
asan=
if command -v ldd >/dev/null 2>&1 && ldd "$TANDEM" 2>/dev/null | grep -q 'libasan'; then
	asan=1
fi
bounded() {
	if [ -n "$asan" ]; then
		tap_skip "$1: peak memory within 4x the input" \
		    "AddressSanitizer build: its RSS is not ours"
		return
	fi
	set -- "$1" "$2" "$(measure "$2")" "$(wc -c < "$2")"
	rss=${3#* }
	if [ $(( (rss - BASE_RSS) * 1024 )) -le $(( 4 * $4 + 8388608 )) ]; then
		tap_ok "$1: peak memory within 4x the input"
	else
		tap_fail "$1: peak memory within 4x the input"
		tap_diag "input $4 bytes, peak RSS $rss KiB, baseline $BASE_RSS KiB"
	fi
}
BASE_RSS=$(measure "$SAMPLE"); BASE_RSS=${BASE_RSS#* }
python3 - "$F" <<'PY'
import sys
d = sys.argv[1]
def put(name, text):
    with open("%s/%s" % (d, name), "w") as f:
        f.write(text)
for n, tag in ((25000, "n"), (100000, "4n")):
    put("langs-" + tag, "".join("== x-%d\n\nText %d.\n\n" % (i, i)
                                for i in range(1, n + 1)))
put("comments-n", "== en\n\nBody.\n" + "".join(
    "\n== comment\nparent: %d\n\nC%d.\n" % (i - 1, i) for i in range(1, 20001)))
put("comments-4n", "== en\n\nBody.\n" + "".join(
    "\n== comment\nparent: %d\n\nC%d.\n" % (i - 1, i) for i in range(1, 80001)))
put("newlines-n", "x\n" + "\n" * (4 << 20))
put("newlines-4n", "x\n" + "\n" * (16 << 20))
put("chars-n", "a\n" * (2 << 20))
put("chars-4n", "a\n" * (8 << 20))
put("paras-4n", "== en\n\n" + "a\n\n" * 3000000)
PY
scales "100,000 language sections" "$F/langs-n" "$F/langs-4n"
scales "80,000 comments in a chain" "$F/comments-n" "$F/comments-4n"
scales "16 M lines of newlines" "$F/newlines-n" "$F/newlines-4n"
scales "8 M one-character lines" "$F/chars-n" "$F/chars-4n"
bounded "16 MiB of newlines" "$F/newlines-4n"
bounded "8 M one-character lines" "$F/chars-4n"
bounded "3 M paragraphs" "$F/paras-4n"
bounded "100,000 language sections" "$F/langs-4n"
rm -f "$F"/langs-* "$F"/comments-* "$F"/newlines-* "$F"/chars-* "$F"/paras-*

# A full disk: a small tmpfs when we may mount one, else a file size limit
# (SIGXFSZ ignored, so writes fail with EFBIG instead of killing tandem).
python3 -c '
print("== en\ntitle: Too big for the disk\n")
for i in range(20000):
    print("Paragraph %d, with enough words in it to need some room.\n" % i)' > "$F/big"
MNT="$E2E_TMP/full"
mkdir "$MNT"
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=1m tmpfs "$MNT" 2>/dev/null; then
	FDB="$MNT/t.db"
	TANDEM_DB="$FDB" "$TANDEM" import "$SAMPLE" >/dev/null
	dump "$FDB" > "$E2E_TMP/before"
	dd if=/dev/zero of="$MNT/filler" bs=4k 2>/dev/null
	TANDEM_DB="$FDB" timeout 30 "$TANDEM" import "$F/big" >/dev/null 2>"$E2E_TMP/err"
	rc=$?
	rm -f "$MNT/filler"
	how="full tmpfs"
else
	MNT=""
	FDB="$E2E_TMP/limited.db"
	TANDEM_DB="$FDB" "$TANDEM" import "$SAMPLE" >/dev/null
	dump "$FDB" > "$E2E_TMP/before"
	limit=$(( ($(wc -c < "$FDB") + 8191) / 512 ))
	(trap '' XFSZ; ulimit -f "$limit"; TANDEM_DB="$FDB" exec timeout 30 \
	    "$TANDEM" import "$F/big") >/dev/null 2>"$E2E_TMP/err"
	rc=$?
	how="ulimit -f"
fi
tap_check "disk full ($how): import fails" sh -c '[ "$1" -ne 0 ] && [ "$1" -ne 124 ]' _ "$rc"
tap_check "disk full ($how): one-line error naming the file" \
    sh -c '[ "$(wc -l < "$1")" -eq 1 ] && grep -q "^tandem: .*\(full\|I/O\|large\)" "$1"' \
    _ "$E2E_TMP/err"
tap_check "disk full ($how): database intact" [ "$(integrity "$FDB")" = ok ]
dump "$FDB" > "$E2E_TMP/after"
tap_check "disk full ($how): database unchanged" cmp -s "$E2E_TMP/before" "$E2E_TMP/after"
[ -n "$MNT" ] && umount "$MNT" && MNT=""

# A read-only cache: file and directory modes for a normal user; root
# ignores those, so as root a tmpfs remounted read-only stands in.
# fails_ro NAME: the import of $F/big into $ROD must fail in one line.
fails_ro() {
	TANDEM_DB="$ROD" timeout 30 "$TANDEM" import "$F/big" >/dev/null 2>"$E2E_TMP/err"
	tap_check "$1: import fails" sh -c '[ "$1" -ne 0 ] && [ "$1" -ne 124 ]' _ $?
	tap_check "$1: one-line error naming the cache" \
	    sh -c '[ "$(wc -l < "$1")" -eq 1 ] && grep -q "^tandem: $2: " "$1"' \
	    _ "$E2E_TMP/err" "$ROD"
}
RO="$E2E_TMP/ro"
mkdir "$RO"
TANDEM_DB="$RO/t.db" "$TANDEM" import "$SAMPLE" >/dev/null
dump "$RO/t.db" > "$E2E_TMP/before"
ROD=""
if [ "$(id -u)" -ne 0 ]; then
	ROD="$RO/t.db"
	chmod 444 "$ROD"
	fails_ro "read-only cache file"
	chmod 555 "$RO"
	fails_ro "read-only cache file and directory"
	chmod 755 "$RO"
	chmod 644 "$ROD"
	how="modes"
else
	MNT="$E2E_TMP/rofs"
	mkdir "$MNT"
	if mount -t tmpfs -o size=4m tmpfs "$MNT" 2>/dev/null; then
		ROD="$MNT/t.db"
		cp "$RO/t.db" "$ROD"
		mount -o remount,ro "$MNT"
		fails_ro "read-only file system"
		# SQLite cannot open a WAL database read-only without its
		# -shm file: check it with the file system writable again.
		mount -o remount,rw "$MNT"
		how="read-only tmpfs"
	else
		MNT=""
	fi
fi
if [ -n "$ROD" ]; then
	tap_check "read-only cache ($how): database intact" [ "$(integrity "$ROD")" = ok ]
	dump "$ROD" > "$E2E_TMP/after"
	tap_check "read-only cache ($how): database unchanged" \
	    cmp -s "$E2E_TMP/before" "$E2E_TMP/after"
else
	TAP_N=$((TAP_N + 1))
	echo "ok $TAP_N # SKIP read-only cache: root, and no tmpfs may be mounted"
fi
# A full disk in the middle of a batch: 200 files into a cache with room
# for a few.  Every file is either stored or reported: failed (its own
# line) or not imported (counted, and named, in the line that stops the
# import); the status is non-zero.  The articles of a dropped batch used
# to go unreported ("imported 0 articles ... (1 file failed)").
mkdir "$F/batch"
python3 - "$F/batch" <<'PY'
import sys
for i in range(200):
    with open("%s/a%03d.txt" % (sys.argv[1], i), "w") as f:
        f.write("== en\ntitle: Batch article %d\n\n" % i + "".join(
            "Paragraph %d of article %d, with words to take room.\n\n" % (k, i)
            for k in range(40)))
PY
MNT2="$E2E_TMP/full2"
mkdir "$MNT2"
BDB="$E2E_TMP/batch.db"
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=1m tmpfs "$MNT2" 2>/dev/null; then
	BDB="$MNT2/t.db"
	TANDEM_DB="$BDB" "$TANDEM" import "$SAMPLE" >/dev/null
	dd if=/dev/zero of="$MNT2/filler" bs=4k count=180 2>/dev/null
	TANDEM_DB="$BDB" timeout 60 "$TANDEM" import "$F/batch" \
	    >"$E2E_TMP/out" 2>"$E2E_TMP/err"
	rc=$?
	rm -f "$MNT2/filler"
	how="full tmpfs"
else
	MNT2=""
	TANDEM_DB="$BDB" "$TANDEM" import "$SAMPLE" >/dev/null
	limit=$(( ($(wc -c < "$BDB") + 65536) / 512 ))
	(trap '' XFSZ; ulimit -f "$limit"; TANDEM_DB="$BDB" exec timeout 60 \
	    "$TANDEM" import "$F/batch") >"$E2E_TMP/out" 2>"$E2E_TMP/err"
	rc=$?
	how="ulimit -f"
fi
stored=$(( $(TANDEM_DB="$BDB" "$TANDEM" list | wc -l) - 1 ))
failed=$(sed -n 's/.*(\([0-9]*\) files\{0,1\} failed.*/\1/p' "$E2E_TMP/out")
notimp=$(sed -n 's/.* \([0-9]*\) not imported).*/\1/p' "$E2E_TMP/out")
says=$(sed -n 's/^imported \([0-9]*\) article.*/\1/p' "$E2E_TMP/out")
tap_check "disk full in a batch ($how): import fails, no hang (exit $rc)" \
    sh -c '[ "$1" -ne 0 ] && [ "$1" -ne 124 ]' _ "$rc"
tap_check "disk full in a batch ($how): some files did not fit ($stored stored)" \
    [ "$stored" -lt 200 ]
tap_check "disk full in a batch ($how): the summary counts what is stored" \
    [ "${says:--1}" -eq "$stored" ]
if [ $((stored + ${failed:-0} + ${notimp:-0})) -eq 200 ]; then
	tap_ok "disk full in a batch ($how): stored + failed + not imported = 200"
else
	tap_fail "disk full in a batch ($how): stored + failed + not imported = 200"
	tap_diag "stored $stored, failed ${failed:-0}, not imported ${notimp:-0}"
	tap_diag "$(cat "$E2E_TMP/out"; head -5 "$E2E_TMP/err")"
fi
tap_check "disk full in a batch ($how): failed files each named" \
    [ "$(grep -c "^tandem: $F/batch/a[0-9]*\.txt: " "$E2E_TMP/err")" -eq "${failed:-0}" ]
if [ "${notimp:-0}" -gt 0 ]; then
	tap_check "disk full in a batch ($how): the files not imported are named" \
	    grep -q "^tandem: .*$notimp more files* w.* not imported ($F/batch/a[0-9]*\.txt.*); stopped" \
	    "$E2E_TMP/err"
else
	tap_ok "disk full in a batch ($how): no file left unnamed"
fi
tap_check "disk full in a batch ($how): database intact" [ "$(integrity "$BDB")" = ok ]
[ -n "$MNT2" ] && umount "$MNT2" && MNT2=""

# list and show on a disk so full that SQLite cannot make the -shm file
# (the WAL index readers share) still read the cache: immutable when the
# WAL is empty, else with the WAL index in memory.  They failed with
# "disk I/O error".
MNT2="$E2E_TMP/full3"
mkdir "$MNT2"
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=1m tmpfs "$MNT2" 2>/dev/null; then
	SDB3="$MNT2/t.db"
	TANDEM_DB="$SDB3" "$TANDEM" import "$SAMPLE" >/dev/null
	# A change left in the WAL, as by a writer killed before its
	# checkpoint; the -shm goes, so the WAL must be read without it.
	python3 - "$SDB3" <<'PY'
import os, sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("update translation set title = 'Only in the WAL' where lang = 'en'")
c.commit()
os._exit(0)
PY
	rm -f "$SDB3-shm"
	dd if=/dev/zero of="$MNT2/filler" bs=4k 2>/dev/null
	TANDEM_DB="$SDB3" timeout 30 "$TANDEM" --lang en list >"$E2E_TMP/out" 2>"$E2E_TMP/err"
	tap_check "full disk, no -shm, a WAL: list works (exit $?)" \
	    grep -q "Only in the WAL" "$E2E_TMP/out"
	tap_check "full disk, no -shm, a WAL: no error" [ ! -s "$E2E_TMP/err" ]
	rm -f "$SDB3-shm"
	TANDEM_DB="$SDB3" timeout 30 "$TANDEM" --lang en show 1 >"$E2E_TMP/out" 2>"$E2E_TMP/err"
	tap_check "full disk, no -shm, a WAL: show works (exit $?)" \
	    grep -q "Only in the WAL" "$E2E_TMP/out"
	# Without a WAL (every change checkpointed), as after a clean close.
	rm -f "$MNT2/filler"
	TANDEM_DB="$SDB3" "$TANDEM" list >/dev/null
	rm -f "$SDB3-shm" "$SDB3-wal"
	dd if=/dev/zero of="$MNT2/filler" bs=4k 2>/dev/null
	TANDEM_DB="$SDB3" timeout 30 "$TANDEM" --lang en list >"$E2E_TMP/out" 2>"$E2E_TMP/err"
	tap_check "full disk, no -shm, no WAL: list works (exit $?)" \
	    sh -c 'grep -q "Only in the WAL" "$1" && [ ! -s "$2" ]' _ "$E2E_TMP/out" "$E2E_TMP/err"
	TANDEM_DB="$SDB3" timeout 30 "$TANDEM" --lang en show 1 >"$E2E_TMP/out" 2>"$E2E_TMP/err"
	tap_check "full disk, no -shm, no WAL: show works (exit $?)" \
	    grep -q "Only in the WAL" "$E2E_TMP/out"
	TANDEM_DB="$SDB3" timeout 30 "$TANDEM" import "$SAMPLE" >/dev/null 2>"$E2E_TMP/err"
	rc=$?
	tap_check "full disk, no -shm: import says the disk is full (exit $rc)" \
	    sh -c '[ "$1" -ne 0 ] && [ "$(wc -l < "$2")" -eq 1 ] &&
	    grep -q "^tandem: $3: the disk is full" "$2"' _ "$rc" "$E2E_TMP/err" "$SDB3"
	rm -f "$MNT2/filler"
	tap_check "full disk, no -shm: database intact" [ "$(integrity "$SDB3")" = ok ]
	umount "$MNT2" && MNT2=""
else
	MNT2=""
	for n in 1 2 3 4 5 6 7 8; do
		tap_skip "full disk, no -shm: check $n" "not root, or no tmpfs may be mounted"
	done
fi

# The reader on a read-only cache (a read-only file system as root, else
# the file's mode) opens it, says so, and a key that writes (Enter marks
# the article read) says the change is not saved.  It refused to start.
ROR=""
if ! command -v tmux >/dev/null 2>&1; then
	:
elif [ "$(id -u)" -ne 0 ]; then
	mkdir "$E2E_TMP/ror"
	ROR="$E2E_TMP/ror/t.db"
	TANDEM_DB="$ROR" "$TANDEM" import "$SAMPLE" >/dev/null
	chmod 444 "$ROR"
	dump "$ROR" > "$E2E_TMP/before"
	how="mode 0444"
else
	MNT2="$E2E_TMP/rofs2"
	mkdir "$MNT2"
	if mount -t tmpfs -o size=4m tmpfs "$MNT2" 2>/dev/null; then
		ROR="$MNT2/t.db"
		TANDEM_DB="$ROR" "$TANDEM" import "$SAMPLE" >/dev/null
		dump "$ROR" > "$E2E_TMP/before"
		mount -o remount,ro "$MNT2"
		how="read-only tmpfs"
	else
		MNT2=""
	fi
fi
if [ -n "$ROR" ]; then
	TANDEM_DB="$ROR" e2e_start 100 30 "$TANDEM" --db "$ROR"
	e2e_expect "read-only cache ($how): the reader starts and says so" \
	    "read-only cache: changes are not saved" 10
	e2e_keys Enter
	e2e_expect "read-only cache ($how): a key that writes says it is not saved" \
	    "cache is read-only: not saved" 10
	e2e_keys Q
	e2e_expect_exit "read-only cache ($how): Q quits with status 0"
	# SQLite reads a WAL database read-only only with its -shm file.
	[ -n "$MNT2" ] && mount -o remount,rw "$MNT2"
	dump "$ROR" > "$E2E_TMP/after"
	tap_check "read-only cache ($how): reader changed nothing" \
	    sh -c '[ -s "$1" ] && cmp -s "$1" "$2"' _ "$E2E_TMP/before" "$E2E_TMP/after"
	[ -n "$MNT2" ] && umount "$MNT2" && MNT2=""
else
	for n in 1 2 3 4; do
		tap_skip "read-only cache, reader: check $n" "no tmux, or root without tmpfs"
	done
fi
tap_done
