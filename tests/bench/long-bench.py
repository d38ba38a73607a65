#!/usr/bin/env python3
"""long-bench.py: opening one long article, against less on the same text.

For articles of 10 KB, 1 MB and 6 MB (gen-long.py: made-up text, two
languages, about 290 bytes a paragraph; --sizes to change), imported
into a fresh cache:

  tandem  in a 120x40 tmux pane, the list painted and quiet, then Enter:
          the time until the first paragraph's marker is on the screen
          (first screen), the process's peak resident memory (VmHWM)
          then, and the time s (side by side) and l (next language) take
          until the terminal output stops;
  less    on the same text as `tandem show` prints it, in the same pane:
          exec until the marker is on the screen, and VmHWM then.

Both first screens are timed the same way, from the moment the key is
sent (tandem) or the program is exec'd (less) to the marker's arrival in
tmux's control-mode output (tui-bench.py's Pane).  Prints a table and,
with --json, writes the figures.  Run by `make bench`; alone:

    python3 tests/bench/long-bench.py --tandem src/tandem
"""

import argparse
import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location(
    "tui_bench", os.path.join(HERE, "tui-bench.py"))
tb = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tb)


def prepare(args, size, env):
    d = os.path.join(args.work, "long-%d" % size)
    os.makedirs(d, exist_ok=True)
    art = os.path.join(d, "article.txt")
    db = os.path.join(d, "article.db")
    subprocess.run([sys.executable, os.path.join(HERE, "gen-long.py"),
                    "--bytes", str(size), art], check=True)
    for ext in ("", "-wal", "-shm"):
        if os.path.exists(db + ext):
            os.unlink(db + ext)
    subprocess.run([args.tandem, "--db", db, "import", art], check=True,
                   env=env, stdout=subprocess.DEVNULL)
    text = os.path.join(d, "article-en.txt")
    with open(text, "w") as f:
        f.write(subprocess.run([args.tandem, "--db", db, "show", "1",
                                "--lang", "en", "--width", "118"],
                               env=env, capture_output=True,
                               text=True).stdout)
    return db, text, os.path.getsize(art)


def tandem_run(pane, args, db, size):
    argv = ["env", "TANDEM_SAMPLE_DIR=", "TANDEM_LANG=en", args.tandem,
            "--db", db]
    pane.spawn(tb.stamped(argv))
    if pane.wait_for(("Long en %d" % size).encode(), timeout=20) is None:
        raise RuntimeError("tandem: the list never appeared:\n"
                           + pane.capture())
    pane.settle(timeout=5)
    t0 = pane.keys("Enter")
    # Either language: l in the run before is remembered for the article.
    t1 = pane.wait_for(b"Firstpara", timeout=20)
    if t1 is None:
        raise RuntimeError("tandem: the article never appeared:\n"
                           + pane.capture())
    hwm = tb.proc_stats(pane.pid())[0]
    pane.settle(timeout=5)
    res = {"first": t1 - t0, "hwm_kib": hwm}
    for name, key in (("sbs", "s"), ("sbs_off", "s"), ("lang", "l")):
        k0 = pane.keys(key)
        k1 = pane.settle(timeout=10)
        res[name] = (k1 - k0) if k1 else None
    pane.keys("Q")
    if not pane.wait_dead(10):
        raise RuntimeError("tandem did not quit")
    return res


def less_run(pane, text):
    pane.spawn(tb.stamped(["env", "LESS=", "LESSHISTFILE=-", "less",
                           text]))
    t1 = pane.wait_for(b"Firstparaen", timeout=20)
    t0 = tb.stamp()
    if t1 is None or t0 is None:
        raise RuntimeError("less: no first screen:\n" + pane.capture())
    hwm = tb.proc_stats(pane.pid())[0]
    pane.settle(timeout=5)
    pane.keys("q")
    pane.wait_dead(20)
    return {"first": t1 - t0, "hwm_kib": hwm}


def run(pane, fn, *a):
    """fn(pane, ...), on a new tmux server if the last one died (tmux
    3.3a's does, now and then: see tui-bench.py)."""
    for attempt in range(3):
        if not pane.alive():
            pane.restart()
        try:
            return fn(pane, *a)
        except (tb.TmuxGone, RuntimeError) as e:
            if attempt == 2:
                raise
            print("  (%s; restarting tmux)" % str(e).split("\n")[0],
                  flush=True)
            pane.restart()


def median(runs, key):
    xs = [r[key] for r in runs if r.get(key) is not None]
    return statistics.median(xs) if xs else None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tandem", required=True)
    ap.add_argument("--work", default="bench-work")
    ap.add_argument("--json")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sizes", default="10000,1000000,6000000")
    args = ap.parse_args()
    args.tandem = os.path.abspath(args.tandem)
    args.work = os.path.abspath(args.work)
    os.makedirs(args.work, exist_ok=True)
    if not shutil.which("tmux"):
        print("long-bench: tmux is not installed", file=sys.stderr)
        return 1
    have_less = shutil.which("less") is not None
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8",
               TANDEM_SAMPLE_DIR="", XDG_DATA_HOME=args.work,
               XDG_CONFIG_HOME=os.path.join(args.work, "config"))
    env.pop("TANDEM_DB", None)
    result = {}
    pane = tb.Pane(args.work, "long")
    try:
        for size in [int(s) for s in args.sizes.split(",") if s]:
            db, text, nbytes = prepare(args, size, env)
            print("%d bytes ..." % size, flush=True)
            t = [run(pane, tandem_run, args, db, size)
                 for _ in range(args.runs + 1)][1:]
            r = {"bytes": nbytes, "tandem": {k: median(t, k) for k in
                                             t[0]}}
            if have_less:
                ls = [run(pane, less_run, text)
                      for _ in range(args.runs + 1)][1:]
                r["less"] = {k: median(ls, k) for k in ls[0]}
            result[size] = r
    finally:
        pane.close()
        if os.path.exists(tb.STAMP_FILE):
            os.unlink(tb.STAMP_FILE)
    print("long article: first screen and memory (medians of %d runs)"
          % args.runs)
    print("%-10s %-7s %12s %9s %9s %9s %9s" % (
        "article", "program", "first (ms)", "RSS MiB", "s (ms)",
        "s off", "l (ms)"))
    for size, r in result.items():
        for prog in ("tandem", "less"):
            if prog not in r:
                continue
            d = r[prog]

            def f(k, d=d):
                return "%.1f" % (d[k] * 1e3) if d.get(k) is not None \
                    else "-"
            print("%-10s %-7s %12s %9.1f %9s %9s %9s" % (
                "%.2f MB" % (r["bytes"] / 1e6), prog, f("first"),
                d["hwm_kib"] / 1024 if d.get("hwm_kib") else 0,
                f("sbs"), f("sbs_off"), f("lang")))
    print("(s, s off, l: from the key to the last output before %.2f s "
          "of quiet)" % tb.QUIET)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(result, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
