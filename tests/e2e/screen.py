#!/usr/bin/env python3
# screen.py: checks on a captured tmux screen (text on stdin), measured in
# display cells the way tandem measures them in a non-CJK locale.
#   screen.py width COLS          every row fits in COLS cells
#   screen.py divider FIRST LAST  rows FIRST..LAST (0-based) have the
#                                 side-by-side divider in one column
#   screen.py pairs FIRST LAST    in rows FIRST..LAST, a row after a
#                                 blank row has text on both sides or
#                                 on neither (pairs start together)
#   screen.py inshow FILE FIRST LAST  the text of rows FIRST..LAST (each
#                                 stripped, blank ones left out) is a run
#                                 of FILE's lines (tandem show's, the
#                                 same), at least half of them text
# Exit status 0 when the check holds; the reason on stderr otherwise.
import re
import sys
import unicodedata


def cells(s):
    n = 0
    for ch in s:
        if unicodedata.combining(ch) or ch in "\u200d\ufe0f":
            continue
        n += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return n


def divider_col(line):
    m = re.search(r" \|( |$)", line)
    return None if m is None else cells(line[:m.start()])


def sides(line, col):
    """Text left and right of the divider at display column col."""
    n = 0
    for i, ch in enumerate(line):
        if n >= col:
            return line[:i].strip(), line[i + 3:].strip()
        n += cells(ch)
    return line.strip(), ""


def main():
    rows = sys.stdin.read().split("\n")
    what = sys.argv[1]
    if what == "width":
        limit = int(sys.argv[2])
        for i, r in enumerate(rows):
            if cells(r) > limit:
                sys.exit("row %d is %d cells wide: %r" % (i, cells(r), r))
        return
    if what == "inshow":
        with open(sys.argv[2], encoding="utf-8") as f:
            show = [x.strip() for x in f.read().split("\n") if x.strip()]
        first, last = int(sys.argv[3]), int(sys.argv[4])
        body = [x.strip() for x in rows[first:last + 1] if x.strip()]
        if len(body) * 2 < last + 1 - first:
            sys.exit("only %d rows of text: %r" % (len(body), body))
        n = len(body)
        for i in range(len(show) - n + 1):
            if show[i:i + n] == body:
                return
        near = [i for i, x in enumerate(show) if x == body[0]]
        sys.exit("not a run of %s (first row at %s): %r"
                 % (sys.argv[2], near[:3], body))
    first, last = int(sys.argv[2]), int(sys.argv[3])
    body = rows[first:last + 1]
    cols = set(divider_col(r) for r in body if divider_col(r) is not None)
    if what == "divider":
        if len(cols) != 1 or sum(divider_col(r) is None for r in body):
            sys.exit("divider columns %s in %r" % (sorted(cols, key=str), body))
        return
    if what == "pairs":
        if len(cols) != 1:
            sys.exit("no single divider column: %s" % sorted(cols, key=str))
        col = cols.pop()
        prev_blank, starts = False, 0
        for r in body:
            left, right = sides(r, col)
            if prev_blank and (left or right):
                starts += 1
                if not (left and right):
                    sys.exit("pair starts on one side only: %r" % r)
            prev_blank = not left and not right
        if starts == 0:
            sys.exit("no pair start on screen")
        return
    sys.exit("unknown check " + what)


if __name__ == "__main__":
    main()
