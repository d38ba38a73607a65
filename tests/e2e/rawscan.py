#!/usr/bin/env python3
# rawscan.py: read the bytes a program sent to a terminal (tmux pipe-pane
# output) and report every control that article text could have put there.
#   rawscan.py base FILE        a baseline: what curses sent drawing the
#                               bundled sample on a clean cache, for one
#                               TERM; checked with fixed rules (the CSI,
#                               charset and keypad escapes curses uses,
#                               OSC 8 only) so that a leak cannot hide in
#                               it
#   rawscan.py tty FILE URL BASE  every escape sequence and C0 control in
#                               FILE must be one BASE holds (cursor moves
#                               and counts compared by shape, everything
#                               else byte for byte), bar one OSC 8
#                               hyperlink to URL (the article's address)
#   rawscan.py pipe FILE        output to a pipe: text, LF and nothing else
#   rawscan.py screen FILE COLS a captured screen: no row over COLS cells
#   rawscan.py batch JOBS       many checks in one run (Python starts
#                               slowly): each line of JOBS is LABEL, KIND,
#                               FILE, ARG[, BASE] separated by tabs; prints
#                               a TAP line "ok LABEL" or "not ok LABEL"
#                               and "# " lines saying why for each
# In all, the output must be valid UTF-8 without C1 controls (U+0080-009F)
# or bidi controls, and hold no PWNED marker and no CSI parameter 7700-7799
# (tests/data/hostile/ puts those only inside escape sequences).  Each
# problem is printed with its offset and the bytes around it.
# A single check exits 0 when clean, else prints each problem on stderr.
import functools
import os
import re
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from screen import cells  # noqa: E402

BIDI = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A)) | \
    {0x061C, 0x200E, 0x200F, 0x2028, 0x2029}
# Private modes curses sets: cursor keys, wrap, cursor blink and
# visibility, the alternate screen.
MODES = {1, 7, 12, 25, 1049}
# ANSI modes: insert (curses inserts characters with it), and 34,
# which tmux-256color's cnorm resets with the cursor.
ANSI_MODES = {4, 34}
# C0 controls curses sends besides LF: BS, HT, CR, and SI (in sgr0).
TTY_C0 = {0x08, 0x09, 0x0d, 0x0f}
# Two-byte escapes curses sends: save/restore cursor, keypad, reverse index.
ESC2 = set(b"78=>M")
# Three-byte escapes: designate G0 (ASCII or line drawing).
ESC3 = {b"(B", b"(0", b")0", b")B"}
# CSI finals curses uses; no reports, no window ops but xterm's title
# save and restore (CSI 22;0;0t, 23;0;0t) around the alternate screen.
CSI_FINALS = set(b"@ABCDEGHJKLMPSTXdfhlmrZ")


# CSI finals whose numbers are positions or counts, which depend on where
# the text falls (and the scroll region, on the layout): a baseline holds
# them by shape (digits as N).
POSITIONAL = set(b"@ABCDEFGHILMPSTXZ`abdefr")


def seq_end(data, i):
    """The index after the escape sequence at data[i] (an ESC)."""
    n = len(data)
    if i + 1 >= n:
        return n
    b = data[i + 1]
    if b == ord("["):
        j = i + 2
        while j < n and 0x20 <= data[j] <= 0x3f:
            j += 1
        return min(j + 1, n)
    if b in b"]PX^_":
        j = i + 2
        while j < n and data[j] != 0x07 and data[j:j + 2] != b"\x1b\\":
            j += 1
        return min(j + (1 if data[j:j + 1] == b"\x07" else 2), n)
    j = i + 1
    while j < n and 0x20 <= data[j] <= 0x2f:
        j += 1
    return min(j + 1, n)


def seq_key(seq):
    """What a baseline records of one sequence (or a C0 control)."""
    if seq[:2] == b"\x1b[" and len(seq) > 2 and seq[-1] in POSITIONAL:
        return re.sub(rb"[0-9]+", b"N", seq)
    return seq


@functools.lru_cache(maxsize=None)
def baseline(path):
    """The keys of every escape sequence and C0 control in a capture."""
    with open(path, "rb") as f:
        data = f.read()
    keys, i = set(), 0
    while i < len(data):
        if data[i] == 0x1b:
            j = seq_end(data, i)
            keys.add(seq_key(data[i:j]))
            i = j
            continue
        if data[i] < 0x20 or data[i] == 0x7f:
            keys.add(data[i:i + 1])
        i += 1
    return keys


def scan(data, mode, url, base=None):
    """Problems in DATA: mode is pipe, base (fixed rules) or tty (BASE)."""
    bad = []
    tty = mode != "pipe"

    def fail(i, what):
        ctx = data[max(0, i - 20):i + 40]
        bad.append("offset %d: %s: %r" % (i, what, ctx))

    for m in re.finditer(rb"PWNED", data):
        fail(m.start(), "a PWNED marker from the data")
    n, i = len(data), 0
    while i < n:
        b = data[i]
        if b == 0x1b and mode == "base":
            i = escape(data, i, url, fail)
            continue
        if b == 0x1b and tty:
            i = compare(data, i, url, base, fail)
            continue
        if b < 0x20 or b == 0x7f:
            if b != 0x0a and not (mode == "base" and b in TTY_C0) and \
                    not (mode == "tty" and bytes([b]) in base):
                fail(i, "control byte 0x%02x" % b)
            i += 1
            continue
        if b < 0x80:
            i += 1
            continue
        k = 2 if b >= 0xc2 and b < 0xe0 else 3 if b >= 0xe0 and b < 0xf0 \
            else 4 if b >= 0xf0 and b < 0xf5 else 0
        try:
            ch = data[i:i + k].decode("utf-8") if k else None
        except UnicodeDecodeError:
            ch = None
        if ch is None or len(ch) != 1:
            fail(i, "invalid UTF-8 (byte 0x%02x)" % b)
            i += 1
            continue
        cp = ord(ch)
        if 0x80 <= cp <= 0x9f:
            fail(i, "C1 control U+%04X" % cp)
        elif cp in BIDI:
            fail(i, "bidi control U+%04X" % cp)
        i += k
    return bad


def compare(data, i, url, base, fail):
    """Check the sequence at data[i] against the baseline; the index after."""
    j = seq_end(data, i)
    seq = data[i:j]
    nums = [int(x) for x in re.findall(rb"[0-9]+", seq)]
    if seq[:2] == b"\x1b[" and any(7700 <= x <= 7799 for x in nums):
        fail(i, "CSI with a parameter from the data")
    if url is not None and seq in (b"\x1b]8;;" + url + b"\x1b\\",
                                   b"\x1b]8;;\x1b\\"):
        return j
    if seq_key(seq) in base:
        return j
    # Cursor moves, scrolls and counts depend on the text: one the sample
    # never needed passes if it is one curses uses (CSI_FINALS, ESC 7/8/M).
    if seq[:2] == b"\x1b[" and seq[-1] in POSITIONAL and \
            seq[-1] in CSI_FINALS and re.fullmatch(rb"[0-9;]*", seq[2:-1]):
        return j
    if seq in (b"\x1b7", b"\x1b8", b"\x1bM"):
        return j
    fail(i, "escape sequence %r, not one curses sent for the sample" % seq)
    return j


def escape(data, i, url, fail):
    """Check the escape sequence at data[i]; return the index after it."""
    n = len(data)
    if i + 1 >= n:
        fail(i, "ESC at the end of the output")
        return n
    b = data[i + 1]
    if b == ord("["):
        j = i + 2
        while j < n and 0x20 <= data[j] <= 0x3f:
            j += 1
        if j >= n or not 0x40 <= data[j] <= 0x7e:
            fail(i, "malformed CSI")
            return j
        body, final = data[i + 2:j], data[j]
        nums = [int(x) for x in re.findall(rb"[0-9]+", body)]
        if any(7700 <= x <= 7799 for x in nums):
            fail(i, "CSI with a parameter from the data")
        if final not in CSI_FINALS and \
                not (final == ord("t") and body in (b"22;0;0", b"23;0;0")):
            fail(i, "CSI %r%c" % (body, final))
        if body.startswith(b"?") and final in b"hl" and \
                any(x not in MODES for x in nums):
            fail(i, "private mode %r%c" % (body, final))
        if not body.startswith(b"?") and final in b"hl" and \
                any(x not in ANSI_MODES for x in nums):
            fail(i, "ANSI mode %r%c" % (body, final))
        if re.search(rb"[ -/]", body):
            fail(i, "CSI with intermediates %r%c" % (body, final))
        return j + 1
    if b == ord("]"):
        j = i + 2
        while j < n and data[j] not in (0x07, 0x1b):
            j += 1
        body = data[i + 2:j]
        if data[j:j + 2] != b"\x1b\\":
            fail(i, "OSC not ended by ST")
        elif body != b"8;;" and (url is None or body != b"8;;" + url):
            fail(i, "OSC %r" % body)
        return j + 2
    if b in b"PX^_":
        fail(i, "DCS, SOS, PM or APC")
        return i + 2
    if data[i + 1:i + 3] in ESC3:
        return i + 3
    if b in ESC2:
        return i + 2
    fail(i, "escape %r" % data[i:i + 3])
    return i + 2


def check(kind, path, arg, base=None):
    """Problems found by one check: kind is base, tty, pipe or screen."""
    with open(path, "rb") as f:
        data = f.read()
    if kind == "screen":
        rows = data.decode("utf-8", "replace").split("\n")
        return ["row %d is %d cells wide: %r" % (i, cells(r), r)
                for i, r in enumerate(rows) if cells(r) > int(arg)]
    if kind == "tty" and not base:
        return ["no baseline to compare with"]
    if kind == "tty" and not os.path.exists(base):
        return ["baseline %s was not recorded" % base]
    url = arg.encode() if kind in ("tty", "base") and arg else None
    keys = baseline(base) if kind == "tty" else None
    if kind == "base" and not data:
        return ["empty baseline"]
    return scan(data, kind, url, keys)


def main():
    """One check from the command line, or a batch of them as TAP lines."""
    if sys.argv[1] != "batch":
        bad = check(sys.argv[1], sys.argv[2],
                    sys.argv[3] if len(sys.argv) > 3 else "",
                    sys.argv[4] if len(sys.argv) > 4 else None)
        for line in bad[:20]:
            print(line, file=sys.stderr)
        sys.exit(1 if bad else 0)
    with open(sys.argv[2]) as f:
        for job in f:
            f5 = job.rstrip("\n").split("\t") + [None]
            label, kind, path, arg, base = f5[:5]
            bad = check(kind, path, arg, base)
            print(("not ok " if bad else "ok ") + label)
            for line in bad[:20]:
                print("# " + line)
            if len(bad) > 20:
                print("# ... %d more" % (len(bad) - 20))


if __name__ == "__main__":
    main()
