#!/usr/bin/env python3
# rawscan.py: read the bytes a program sent to a terminal (tmux pipe-pane
# output) and report every control that article text could have put there.
#   rawscan.py tty FILE [URL]   what tandem itself sends is allowed: the
#                               CSI sequences curses uses, charset and
#                               keypad escapes, and one OSC 8 hyperlink to
#                               URL (the article's address); nothing else
#   rawscan.py pipe FILE        output to a pipe: text, LF and nothing else
#   rawscan.py screen FILE COLS a captured screen: no row over COLS cells
#   rawscan.py batch JOBS       many checks in one run (Python starts
#                               slowly): each line of JOBS is LABEL, KIND,
#                               FILE, ARG separated by tabs; prints a TAP
#                               line "ok LABEL" or "not ok LABEL" and
#                               "# " lines saying why for each
# In both, the output must be valid UTF-8 without C1 controls (U+0080-009F)
# or bidi controls, and hold no PWNED marker and no CSI parameter 7700-7799
# (tests/data/hostile/ puts those only inside escape sequences).
# A single check exits 0 when clean, else prints each problem on stderr.
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
# CSI finals curses uses for tmux-256color; no reports, no window ops.
CSI_FINALS = set(b"@ABCDEGHJKLMPSTXdfhlmrZ")


def scan(data, tty, url):
    bad = []

    def fail(i, what):
        ctx = data[max(0, i - 20):i + 40]
        bad.append("offset %d: %s: %r" % (i, what, ctx))

    for m in re.finditer(rb"PWNED", data):
        fail(m.start(), "a PWNED marker from the data")
    n, i = len(data), 0
    while i < n:
        b = data[i]
        if b == 0x1b and tty:
            i = escape(data, i, url, fail)
            continue
        if b < 0x20 or b == 0x7f:
            if b != 0x0a and not (tty and b in TTY_C0):
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
        if final not in CSI_FINALS:
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


def check(kind, path, arg):
    """Problems found by one check: kind is tty, pipe or screen."""
    with open(path, "rb") as f:
        data = f.read()
    if kind == "screen":
        rows = data.decode("utf-8", "replace").split("\n")
        return ["row %d is %d cells wide: %r" % (i, cells(r), r)
                for i, r in enumerate(rows) if cells(r) > int(arg)]
    url = arg.encode() if kind == "tty" and arg else None
    return scan(data, kind == "tty", url)


def main():
    """One check from the command line, or a batch of them as TAP lines."""
    if sys.argv[1] != "batch":
        bad = check(sys.argv[1], sys.argv[2],
                    sys.argv[3] if len(sys.argv) > 3 else "")
        for line in bad[:20]:
            print(line, file=sys.stderr)
        sys.exit(1 if bad else 0)
    with open(sys.argv[2]) as f:
        for job in f:
            label, kind, path, arg = job.rstrip("\n").split("\t")
            bad = check(kind, path, arg)
            print(("not ok " if bad else "ok ") + label)
            for line in bad[:20]:
                print("# " + line)
            if len(bad) > 20:
                print("# ... %d more" % (len(bad) - 20))


if __name__ == "__main__":
    main()
