#!/usr/bin/env python3
"""tui-bench.py: tandem's benchmarks in a real terminal (`make bench`).

For each cache size (BENCH_SIZES, default 1000,10000,100000):

  1. generate the articles (gen-articles.py) and import them with
     `tandem import`, timing it (articles/s); build the same articles as a
     newsboat cache when newsboat is installed;
  2. start the reader in a 120x40 tmux pane and time exec -> the newest
     article's title on screen, minus the floor of the harness (the same
     for a program that only prints a line, run just before); resident
     memory (VmHWM) and CPU time (schedstat, since exec) of the program
     at that moment;
  3. time Enter (open the article) and s (side by side) until the
     terminal output stops.

Then, once, on one long article in five scripts: the bytes written to the
terminal for first paint, j, Space, l and s, with less(1) on the same text
as the reference; and layout-bench's throughput.

Timing comes from a tmux control-mode client (%output notifications carry
every byte the pane's program writes, timestamped here as they arrive);
bytes come from `pipe-pane -o`.  Everything runs with a private tmux server
(-L, -f /dev/null), HOME, XDG directories and caches under the work
directory.  Prints a table and writes JSON (--json) so runs can be compared.
Timings are medians of --runs warm runs after one discarded warm-up.
"""

import argparse
import json
import os
import platform
import queue
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time

COLS, ROWS = 120, 40
QUIET = 0.25		# seconds without output that end a burst


def sh(*args, **kw):
    return subprocess.run(args, capture_output=True, text=True, **kw)


def version(*cmd, pattern=r"\S+"):
    try:
        out = sh(*cmd).stdout + sh(*cmd).stderr
    except OSError:
        return None
    m = re.search(pattern, out)
    return m.group(0) if m else out.strip().split("\n")[0] or None


def machine(tandem):
    cpu = None
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    import sqlite3
    nb = shutil.which("newsboat")
    return {
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "kernel": platform.release(),
        "loadavg": os.getloadavg(),
        "tandem": version(tandem, "--version", pattern=r"\d+\.\d+\S*"),
        "git": sh("git", "-C", os.path.dirname(os.path.abspath(__file__)),
                  "describe", "--always", "--dirty").stdout.strip() or None,
        "sqlite": sqlite3.sqlite_version,
        "ncurses": version("sh", "-c", "ldd " + tandem
                           + " | grep -o 'libncursesw[^ ]*'; tic -V",
                           pattern=r"ncurses \S+"),
        "tmux": version("tmux", "-V", pattern=r"\d\S*"),
        "less": version("less", "--version", pattern=r"less \d+"),
        "newsboat": version("newsboat", "-v", pattern=r"\d+\.\d+\S*")
        if nb else None,
    }


class Pane:
    """One tmux server, one 120x40 pane, one control-mode client."""

    def __init__(self, work, name, generation=0):
        self.name = name
        self.generation = generation
        self.sock = "tandem-bench-%d-%s-%d" % (os.getpid(), name, generation)
        self.work = work
        self.env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8")
        self.tmux("new-session", "-d", "-s", "b", "-x", str(COLS),
                  "-y", str(ROWS), "-e", "TERM=tmux-256color", "sleep",
                  "100000")
        for opt in (("status", "off"), ("remain-on-exit", "on"),
                    ("window-size", "manual"),
                    ("default-terminal", "tmux-256color")):
            self.tmux("set-option", "-g", *opt)
        self.tmux("resize-window", "-t", "b", "-x", str(COLS), "-y",
                  str(ROWS))
        self.q = queue.Queue()
        self.cc = subprocess.Popen(
            ["tmux", "-L", self.sock, "-f", "/dev/null", "-C", "attach",
             "-t", "b"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            env=self.env)
        threading.Thread(target=self._reader, daemon=True).start()
        self.pipe = os.path.join(work, "pipe-%s.out" % name)

    def tmux(self, *args):
        r = subprocess.run(["tmux", "-L", self.sock, "-f", "/dev/null",
                            *args], capture_output=True, env=self.env)
        return r.stdout.decode("utf-8", "replace")

    @staticmethod
    def _decode(s):
        # %output escapes bytes below space and backslash as \ooo.
        return re.sub(rb"\\([0-7]{3})",
                      lambda m: bytes([int(m.group(1), 8)]), s)

    def _reader(self):
        for line in self.cc.stdout:
            now = time.perf_counter()
            if line.startswith(b"%output "):
                data = line.rstrip(b"\n").split(b" ", 2)
                self.q.put((now, self._decode(data[2])
                            if len(data) > 2 else b""))

    def command(self, line):
        """Send one command through the control client; its send time.
        Raises TmuxGone when the server has died."""
        t = time.perf_counter()
        try:
            self.cc.stdin.write(line.encode() + b"\n")
            self.cc.stdin.flush()
        except (BrokenPipeError, ValueError):
            raise TmuxGone(self.sock)
        return t

    def alive(self):
        return self.cc.poll() is None

    def restart(self):
        """A new server in place of one that died (tmux 3.3a does)."""
        try:
            self.close()
        except OSError:
            pass
        self.__init__(self.work, self.name, self.generation + 1)

    def drain(self):
        while True:
            try:
                self.q.get_nowait()
            except queue.Empty:
                return

    def wait_for(self, needle, timeout=60):
        """Time output containing needle arrived, or None."""
        buf = b""
        end = time.perf_counter() + timeout
        while True:
            try:
                t, data = self.q.get(timeout=max(0.001,
                                                 end - time.perf_counter()))
            except queue.Empty:
                return None
            buf += data
            if needle in buf:
                return t
            buf = buf[-len(needle):]

    def settle(self, timeout=60, count=False):
        """Time of the last output before QUIET seconds of silence (or
        with count, the number of bytes until then)."""
        last, n = None, 0
        end = time.perf_counter() + timeout
        while time.perf_counter() < end:
            try:			# the first output may be slow
                t, data = self.q.get(timeout=QUIET if last else
                                     max(0.001, end - time.perf_counter()))
                last = t
                n += len(data)
            except queue.Empty:
                break
        return n if count else last

    def spawn(self, argv):
        """Start argv (a list) in the pane; the time the command was sent."""
        self.drain()
        quoted = " ".join("'" + a.replace("'", "'\\''") + "'" for a in argv)
        return self.command("respawn-pane -k -t b:0.0 " + quoted)

    def keys(self, *keys):
        self.drain()
        return self.command("send-keys -t b:0.0 " + " ".join(keys))

    def pid(self):
        return int(self.tmux("display-message", "-p", "-t", "b:0.0",
                             "#{pane_pid}").strip() or 0)

    def dead(self):
        return self.tmux("display-message", "-p", "-t", "b:0.0",
                         "#{pane_dead}").strip() == "1"

    def wait_dead(self, timeout=20):
        end = time.time() + timeout
        while time.time() < end:
            if self.dead():
                return True
            time.sleep(0.02)
        return False

    def capture(self, escapes=False):
        args = ["capture-pane", "-p", "-t", "b:0.0"]
        if escapes:
            args.insert(2, "-e")
        return self.tmux(*args)

    def pipe_start(self):
        open(self.pipe, "wb").close()
        self.tmux("pipe-pane", "-o", "-t", "b:0.0",
                  "cat >> '%s'" % self.pipe)

    def pipe_size(self):
        time.sleep(0.05)		# let cat write what tmux gave it
        return os.path.getsize(self.pipe)

    def close(self):
        try:
            self.cc.stdin.close()
        except OSError:
            pass
        self.tmux("kill-server")
        self.cc.wait()


class TmuxGone(Exception):
    """The tmux server under the control client died."""


def proc_stats(pid):
    """VmHWM in KiB and CPU seconds (all threads) of a live process."""
    hwm, cpu = None, 0.0
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    hwm = int(line.split()[1])
        for task in os.listdir("/proc/%d/task" % pid):
            with open("/proc/%d/task/%s/schedstat" % (pid, task)) as f:
                cpu += int(f.read().split()[0]) / 1e9
    except OSError:
        pass
    return hwm, cpu


def summary(xs):
    xs = [x for x in xs if x is not None]
    if not xs:
        return None
    return {"median": statistics.median(xs), "min": min(xs), "max": max(xs),
            "n": len(xs)}


# exec is timed from just before it: a python wrapper in the pane writes
# its CLOCK_MONOTONIC (time.perf_counter, the clock of the %output
# timestamps here) and execs the program, so neither tmux's spawning nor
# python's own start counts.
STAMP_FILE = os.path.join("/tmp", "tandem-bench-stamp-%d" % os.getpid())
# One line without single quotes: it passes through tmux's parser.
STAMP_CODE = ('import os, sys, time; f = open(sys.argv[1], "w"); '
              'c = open("/proc/self/schedstat").read().split()[0]; '
              'f.write(repr(time.perf_counter()) + " " + c); f.close(); '
              'os.execvp(sys.argv[2], sys.argv[2:])')


STAMP = {"cpu": 0.0}


def stamped(argv):
    if os.path.exists(STAMP_FILE):
        os.unlink(STAMP_FILE)
    return [sys.executable, "-S", "-c", STAMP_CODE, STAMP_FILE] + argv


def stamp():
    """The exec time the wrapper wrote, or None (then the run is redone).
    Also keeps the wrapper's own CPU time then, which stamp_cpu() gives."""
    for _ in range(50):
        try:
            with open(STAMP_FILE) as f:
                t, cpu = f.read().split()
                STAMP["cpu"] = int(cpu) / 1e9
                return float(t)
        except (OSError, ValueError):
            time.sleep(0.01)
    return None


def startup_runs(pane, argv, needle, runs, after=None, quit_key="Q"):
    """exec -> needle on screen, VmHWM and CPU at that moment."""
    out = {"paint": [], "hwm_kib": [], "cpu": [], "after": {},
           "floor": [], "floor_cpu": [], "runs": runs}
    i = retries = 0
    while i <= out["runs"]:
        if not pane.alive():		# tmux 3.3a's server does crash
            print("  (the tmux server died; starting another)", flush=True)
            pane.restart()
        try:
            done = startup_run(pane, argv, needle, after, quit_key, out, i)
        except TmuxGone:
            done = False
        if done:
            i += 1
            continue
        retries += 1
        if retries > 5:
            raise RuntimeError("%s: no exec stamp" % argv)
        # A server that stops passing a pane's output on (tmux 3.3a was
        # seen to, now and then) stays that way: start another.
        print("  (run %d gave no timing; restarting tmux)" % i, flush=True)
        pane.restart()
    return out


def startup_run(pane, argv, needle, after, quit_key, out, i):
    """Run i of startup_runs (0 only warms caches); False to redo it."""
    if FLOOR["argv"] and i > 0:	# paired: the same load for both
        pane.spawn(stamped(FLOOR["argv"]))
        f1 = pane.wait_for(FLOOR["needle"].encode(), timeout=20)
        f0 = stamp()
        fcpu = proc_stats(pane.pid())[1] - STAMP["cpu"]
    pane.spawn(stamped(argv))
    t1 = pane.wait_for(needle.encode(), timeout=180)
    t0 = stamp()
    if t0 is None or (i > 0 and FLOOR["argv"] and (f0 is None or
                                                   f1 is None)):
        pane.command("respawn-pane -k -t b:0.0 true")
        pane.wait_dead()
        return False
    if t1 is None:
        if not pane.alive():
            return False
        raise RuntimeError("%s: %r never appeared; screen:\n%s"
                           % (argv[-1], needle, pane.capture()))
    if i > 0 and FLOOR["argv"]:
        out["floor"].append(f1 - f0)
        out["floor_cpu"].append(fcpu)
    if i == 0 and t1 - t0 > 5:
        out["runs"] = min(out["runs"], 2)	# a slow start: fewer runs
    pid = pane.pid()
    hwm, cpu = proc_stats(pid)
    cpu -= STAMP["cpu"]		# the wrapper's, before exec
    extra = after(pane) if after else {}
    if i > 0:
        out["paint"].append(t1 - t0)
        out["hwm_kib"].append(hwm)
        out["cpu"].append(cpu)
        for k, v in extra.items():
            out["after"].setdefault(k, []).append(v)
    if quit_key is None:		# the next respawn -k ends it
        return True
    # Quit only once the program is quiet: tmux 3.3a's server was seen
    # to crash when a program quit straight after its first paint.
    pane.settle(timeout=5)
    pane.keys(quit_key)
    if not pane.wait_dead(30):
        pane.command("respawn-pane -k -t b:0.0 true")
        pane.wait_dead()
    return True


def tandem_keys(pane):
    """After the list is painted: Enter, s, s, q (back to the list), G
    (its last article: a window at the far end); seconds each."""
    pane.settle()
    res = {}
    for name, key in (("open", "Enter"), ("sbs_on", "s"), ("sbs_off", "s"),
                      ("back", "q"), ("list_end", "G")):
        t0 = pane.keys(key)
        t1 = pane.settle()
        res[name] = (t1 - t0) if t1 else None
    return res


def newsboat_keys(pane):
    pane.settle()
    t0 = pane.keys("Enter")
    t1 = pane.settle()
    return {"open": (t1 - t0) if t1 else None}


# The harness floor: exec -> a line on screen for tail -f, a program that
# only prints it (and stays, as tmux drops the output of a program that
# exits at once).  Run before each measured start, and subtracted from it.
FLOOR = {"argv": None, "needle": "#floor-line"}


def floor_setup(work):
    path = os.path.join(work, "floor.txt")
    with open(path, "w") as f:
        f.write(FLOOR["needle"] + "\n")
    FLOOR["argv"] = ["env", "tail", "-f", path]


def key_floor(pane, runs):
    """send-keys -> the echo of cat: what a keypress costs the harness."""
    pane.spawn(["env", "cat"])
    time.sleep(0.3)
    xs = []
    for i in range(runs + 1):
        t0 = pane.keys("x")
        t1 = pane.settle()
        if i and t1:
            xs.append(t1 - t0)
    pane.keys("C-d")
    pane.wait_dead()
    return summary(xs)


def import_size(args, n, tandem, env):
    """Generate n articles, import them, build newsboat's cache."""
    gdir = os.path.join(args.work, "articles-%d" % n)
    stamp = os.path.join(gdir, ".complete")
    if not os.path.exists(stamp):
        shutil.rmtree(gdir, ignore_errors=True)
        subprocess.run([sys.executable, args.gen, "--sample", args.sample,
                        "--count", str(n), "--out", gdir], check=True)
        open(stamp, "w").close()
    db = os.path.join(args.work, "tandem-%d.db" % n)
    for ext in ("", "-wal", "-shm"):
        if os.path.exists(db + ext):
            os.unlink(db + ext)
    files = sorted(f for f in os.listdir(gdir) if f.endswith(".txt"))
    nbytes = sum(os.path.getsize(os.path.join(gdir, f)) for f in files)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    for i in range(0, len(files), 2000):
        subprocess.run([tandem, "--db", db, "import"]
                       + [os.path.join(gdir, f) for f in files[i:i + 2000]],
                       check=True, env=env, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime
                                                - before.ru_stime)
    res = {"articles": n, "bytes": nbytes, "seconds": wall, "cpu": cpu,
           "per_s": n / wall, "mb_per_s": nbytes / wall / 1e6,
           "db_bytes": os.path.getsize(db)}
    nb = None
    if shutil.which("newsboat"):
        nb = newsboat_cache(args, n, env)
    return db, res, nb


def newsboat_setup(args, env):
    home = os.path.join(args.work, "nb-home")
    os.makedirs(os.path.join(home, ".config"), exist_ok=True)
    os.makedirs(os.path.join(home, ".local", "share"), exist_ok=True)
    urls = os.path.join(home, "urls")
    conf = os.path.join(home, "config")
    with open(urls, "w") as f:
        f.write("http://bench.invalid/feed\n")
    with open(conf, "w") as f:
        f.write("auto-reload no\nrefresh-on-startup no\n"
                "show-read-feeds yes\n")
    nbenv = dict(env, HOME=home, XDG_CONFIG_HOME=os.path.join(home,
                                                               ".config"),
                 XDG_DATA_HOME=os.path.join(home, ".local", "share"))
    return urls, conf, nbenv


def newsboat_cache(args, n, env):
    urls, conf, nbenv = newsboat_setup(args, env)
    cache = os.path.join(args.work, "newsboat-%d.db" % n)
    if os.path.exists(cache):
        os.unlink(cache)
    subprocess.run(["newsboat", "-u", urls, "-c", cache, "-C", conf, "-x",
                    "print-unread"], env=nbenv, check=True,
                   stdout=subprocess.DEVNULL)
    subprocess.run([sys.executable, args.gen, "--sample", args.sample,
                    "--count", str(n), "--newsboat", cache], check=True)
    return cache


def newest_title(tandem, db, env):
    line = sh(tandem, "--db", db, "list", env=env).stdout.split("\n")[0]
    m = re.search(r"#(\d+) ", line)
    return "#%s " % m.group(1)


def bytes_bench(args, tandem, env):
    """Terminal bytes for one long article, and less on the same text."""
    d = os.path.join(args.work, "long")
    os.makedirs(d, exist_ok=True)
    art = os.path.join(d, "long.txt")
    subprocess.run([sys.executable, args.gen, "--sample", args.sample,
                    "--long", art], check=True)
    db = os.path.join(d, "long.db")
    for ext in ("", "-wal", "-shm"):
        if os.path.exists(db + ext):
            os.unlink(db + ext)
    subprocess.run([tandem, "--db", db, "import", art], check=True, env=env,
                   stdout=subprocess.DEVNULL)
    text = os.path.join(d, "long-ko.txt")
    with open(text, "w") as f:
        f.write(sh(tandem, "--db", db, "show", "1", "--lang", "ko",
                   "--width", str(COLS), env=env).stdout)
    pane = Pane(args.work, "bytes")
    res = {}
    try:
        res["tandem"] = bytes_steps(
            pane, ["env", "TANDEM_LANG=ko,en", "TANDEM_SAMPLE_DIR=", tandem,
                   "--db", db],
            [("first_paint", None), ("open", ("Enter", 1)),
             ("line", ("j", 10)), ("page", ("Space", 3)),
             ("lang", ("l", 1)), ("sbs", ("s", 1))], "Q")
        res["less"] = bytes_steps(
            pane, ["env", "LESS=", "LESSHISTFILE=-", "less", text],
            [("first_paint", None), ("line", ("j", 10)),
             ("page", ("Space", 3))], "q")
    finally:
        pane.close()
    return res


def changed_text(before, after):
    """UTF-8 bytes of the text of the rows that differ from the old screen
    at the same place: what a terminal must be sent to show the new screen
    without scrolling (for a page down, the page's text)."""
    b, a = before.split("\n"), after.split("\n")
    b += [""] * (len(a) - len(b))
    return sum(len(row.rstrip().encode()) + 1 for i, row in enumerate(a)
               if row != b[i])


def bytes_steps(pane, argv, steps, quit_key):
    """Bytes per step through pipe-pane -o (and, to cross-check, counted
    from control-mode %output).  The pane first runs a shell that waits
    for a line with echo off, so the pipe is open before argv starts."""
    pane.spawn(["sh", "-c", 'stty -echo; read x; stty echo; exec "$@"',
                "sh"] + argv)
    time.sleep(0.3)
    pane.pipe_start()
    out = {}
    screen = ""
    for name, key in steps:
        # A step of several keys (j x10) is reported per key.
        times = 1 if key is None else key[1]
        size0 = pane.pipe_size()
        cc = text = 0
        for _ in range(times):
            pane.keys(key[0] if key else "Enter")
            cc += pane.settle(timeout=5, count=True)
            now = pane.capture()
            text += changed_text(screen, now)
            screen = now
        size1 = pane.pipe_size()
        out[name] = {"bytes": (size1 - size0) / times,
                     "control_bytes": cc / times, "text": text / times,
                     "screen": len(pane.capture(escapes=True).encode())}
    pane.tmux("pipe-pane", "-t", "b:0.0")	# close it while alive
    pane.keys(quit_key)
    pane.wait_dead()
    return out


def layout_bench(args):
    r = sh(args.layout_bench, args.sample)
    m = re.search(r"mean ([\d.]+) MB/s", r.stdout)
    return {"mb_per_s": float(m.group(1)) if m else None,
            "output": r.stdout}


def ms(x):
    return "%7.1f" % (x * 1e3) if x is not None else "      -"


def fmt_summary(s, scale=1e3, unit="ms"):
    if s is None:
        return "-"
    return "%.1f %s (%.1f..%.1f)" % (s["median"] * scale, unit,
                                      s["min"] * scale, s["max"] * scale)


def main():
    signal.signal(signal.SIGTERM, lambda *a: sys.exit(143))  # run finally:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--tandem", required=True)
    ap.add_argument("--layout-bench", required=True)
    ap.add_argument("--sample", required=True)
    ap.add_argument("--gen", default=os.path.join(here, "gen-articles.py"))
    ap.add_argument("--work", default="bench-work")
    ap.add_argument("--json", default="bench.json")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--sizes", default=os.environ.get(
        "BENCH_SIZES", "1000,10000,100000"))
    args = ap.parse_args()
    args.work = os.path.abspath(args.work)
    os.makedirs(args.work, exist_ok=True)
    if not shutil.which("tmux"):
        print("tui-bench: tmux is not installed", file=sys.stderr)
        return 1
    tandem = os.path.abspath(args.tandem)
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8",
               TANDEM_SAMPLE_DIR="", XDG_DATA_HOME=args.work,
               XDG_CONFIG_HOME=os.path.join(args.work, "config"))
    env.pop("TANDEM_DB", None)
    env.pop("TANDEM_LANG", None)
    result = {"machine": machine(tandem), "sizes": {}, "targets": {}}
    have_nb = shutil.which("newsboat") is not None
    sizes = [int(s) for s in args.sizes.split(",") if s]
    print("tandem benchmarks: %(cpu)s, %(nproc)d CPUs, kernel %(kernel)s"
          % result["machine"])
    print("  tandem %(tandem)s, sqlite %(sqlite)s, %(ncurses)s,"
          " tmux %(tmux)s, newsboat %(newsboat)s" % result["machine"])
    if not have_nb:
        print("  newsboat not installed: no comparison")
    lb = layout_bench(args)
    result["layout"] = lb
    print("layout: %.1f MB/s" % lb["mb_per_s"])

    pane = Pane(args.work, "start")
    try:
        floor_setup(args.work)
        floor = None
        kfloor = key_floor(pane, args.runs)
        result["floor"] = {"key": kfloor}
        print("harness floor: key %s" % fmt_summary(kfloor))
        for n in sizes:
            result["sizes"][n] = size_bench(args, pane, n, tandem, env,
                                            floor, kfloor)
            with open(args.json, "w") as f:	# partial, in case
                json.dump(result, f, indent=1, default=str)
    finally:
        pane.close()
    result["bytes"] = bytes_bench(args, tandem, env)
    if os.path.exists(STAMP_FILE):
        os.unlink(STAMP_FILE)
    report(result, sizes)
    with open(args.json, "w") as f:
        json.dump(result, f, indent=1, default=str)
    print("written %s" % args.json)
    return 0


def size_bench(args, pane, n, tandem, env, floor, kfloor):
    print("size %d: generating and importing ..." % n, flush=True)
    db, imp, nbcache = import_size(args, n, tandem, env)
    print("  import: %d articles in %.1f s, %.0f articles/s, %.1f MB/s"
          % (n, imp["seconds"], imp["per_s"], imp["mb_per_s"]), flush=True)
    if n <= 10000:
        # What SQLite alone does with the same rows (import-floor.py).
        r = sh(sys.executable, os.path.join(os.path.dirname(
            os.path.abspath(__file__)), "import-floor.py"), db, args.work)
        m = re.search(r"floor.*: ([\d.]+) articles/s, ([\d.]+) MB/s",
                      r.stdout)
        if m:
            imp["floor_per_s"] = float(m.group(1))
            imp["floor_mb_per_s"] = float(m.group(2))
        m = re.search(r"ceiling.*: ([\d.]+) articles/s, ([\d.]+) MB/s",
                      r.stdout)
        if m:
            imp["ceiling_per_s"] = float(m.group(1))
            imp["ceiling_mb_per_s"] = float(m.group(2))
        for line in r.stdout.strip().split("\n"):
            print("  " + line, flush=True)
    res = {"import": imp}
    needle = newest_title(tandem, db, env)
    argv = ["env", "TANDEM_SAMPLE_DIR=", "TANDEM_LANG=en", tandem,
            "--db", db]
    t = startup_runs(pane, argv, needle, args.runs, after=tandem_keys)
    res["tandem"] = digest(t, floor, kfloor)
    if nbcache:
        urls, conf, nbenv = newsboat_setup(args, env)
        nargv = ["env", "HOME=" + nbenv["HOME"],
                 "XDG_CONFIG_HOME=" + nbenv["XDG_CONFIG_HOME"],
                 "XDG_DATA_HOME=" + nbenv["XDG_DATA_HOME"],
                 "newsboat", "-u", urls, "-c", nbcache, "-C", conf]
        # newsboat opens on its feed list; the feed's title is its first
        # screen, Enter then shows the article titles.
        try:
            t = startup_runs(pane, nargv, "tandem bench feed", args.runs,
                             after=newsboat_keys, quit_key="Q")
            res["newsboat"] = digest(t, floor, kfloor)
        except RuntimeError as e:
            print("  newsboat: %s" % str(e).split("\n")[0])
            res["newsboat_error"] = str(e).split("\n")[0]
            pane.command("respawn-pane -k -t b:0.0 true")
            pane.wait_dead()
    return res


def digest(t, floor, kfloor):
    k = kfloor["median"] if kfloor else 0
    # Each start less its paired floor run, but never less than the
    # median floor: a floor run that was itself held up (68 ms once,
    # against 8.6) would make the start look faster than it was.
    fmed = statistics.median(t["floor"]) if t["floor"] else 0
    out = {"paint_raw": summary(t["paint"]),
           "floor": summary(t["floor"]),
           "paint": summary([x - min(f, fmed) for x, f in
                             zip(t["paint"], t["floor"])]),
           "hwm_kib": summary(t["hwm_kib"]),
           "cpu_at_paint": summary(t["cpu"]),
           "floor_cpu": summary(t["floor_cpu"])}
    for name, xs in t["after"].items():
        out[name] = summary([x - k for x in xs if x is not None])
    return out


def report(r, sizes):
    print()
    print("%-8s %-9s %-24s %-8s %-7s %-21s %-21s %s" % (
        "size", "program", "first paint (med min..max)", "RSS MiB",
        "CPU ms", "open (Enter)", "side by side (s)", "list end (G)"))
    for n in sizes:
        s = r["sizes"][n]
        for prog in ("tandem", "newsboat"):
            if prog not in s:
                if prog == "newsboat":
                    print("%-8d %-9s newsboat not installed" % (n, prog))
                continue
            d = s[prog]
            print("%-8d %-9s %-24s %-8s %-7s %-21s %-21s %s" % (
                n, prog, fmt_summary(d["paint"]),
                "%.1f" % (d["hwm_kib"]["median"] / 1024)
                if d["hwm_kib"] else "-",
                "%.1f" % (d["cpu_at_paint"]["median"] * 1e3),
                fmt_summary(d.get("open")),
                fmt_summary(d.get("sbs_on")),
                fmt_summary(d.get("list_end"))))
    print()
    print("import: " + ", ".join(
        "%d: %.1f s, %.0f art/s" % (n, r["sizes"][n]["import"]["seconds"],
                                    r["sizes"][n]["import"]["per_s"])
        for n in sizes))
    floors = ["%d: %.0f art/s" % (n, r["sizes"][n]["import"]["floor_per_s"])
              for n in sizes if "floor_per_s" in r["sizes"][n]["import"]]
    if floors:
        print("import floor, SQLite alone on the same rows: "
              + ", ".join(floors))
    ceilings = ["%d: %.0f art/s" % (n, r["sizes"][n]["import"][
        "ceiling_per_s"]) for n in sizes
        if "ceiling_per_s" in r["sizes"][n]["import"]]
    if ceilings:
        print("import ceiling, one blob per article and no index: "
              + ", ".join(ceilings))
    print("layout: %.1f MB/s" % r["layout"]["mb_per_s"])
    print()
    print("bytes written to the terminal (long ko/en/ja/zh/fr article):")
    print("(line: mean of 10 j, page: mean of 3 Space; changed text: bytes"
          " of the rows that differ from before; screen: the whole screen"
          " with its attributes)")
    print("%-8s %-12s %8s %9s %8s" % ("program", "step", "bytes",
                                      "changed", "screen"))
    for prog in ("tandem", "less"):
        for step, v in r["bytes"][prog].items():
            print("%-8s %-12s %8.0f %9.0f %8d" % (prog, step, v["bytes"],
                                                  v["text"], v["screen"]))
    targets(r, sizes)


def targets(r, sizes):
    t = r["targets"]
    big, small = max(sizes), min(sizes)
    p_big = r["sizes"][big]["tandem"]["paint"]["median"]
    p_small = r["sizes"][small]["tandem"]["paint"]["median"]
    t["paint_ms_at_%d" % big] = (p_big * 1e3, p_big <= 0.020)
    t["paint_ratio_%d_%d" % (big, small)] = (p_big / p_small,
                                             p_big <= 1.5 * p_small)
    worst = max(r["sizes"][n]["tandem"]["hwm_kib"]["max"] for n in sizes)
    t["rss_mib_max"] = (worst / 1024, worst <= 8 * 1024)
    b = r["bytes"]["tandem"]
    t["line_scroll_bytes"] = (b["line"]["bytes"], b["line"]["bytes"] <= 150)
    t["page_bytes_vs_text"] = (b["page"]["bytes"] / max(1, b["page"]["text"]),
                               b["page"]["bytes"] <= 1.1 * b["page"]["text"])
    t["lang_bytes_vs_screen"] = (b["lang"]["bytes"] / max(1,
                                                          b["lang"]["screen"]),
                                 b["lang"]["bytes"] <= b["lang"]["screen"])
    t["layout_mb_s"] = (r["layout"]["mb_per_s"],
                        r["layout"]["mb_per_s"] >= 50)
    rate = min(r["sizes"][n]["import"]["per_s"] for n in sizes)
    t["import_articles_s"] = (rate, rate >= 20000)
    print()
    print("targets:")
    for k, (v, ok) in t.items():
        print("  %-26s %10.2f  %s" % (k, v, "met" if ok else "MISSED"))


if __name__ == "__main__":
    sys.exit(main())
