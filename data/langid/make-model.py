#!/usr/bin/env python3
# make-model.py: derive tandem's language identification model.
#
# langid.c decides most languages by script alone; within a script shared
# by several languages (Latin, Cyrillic, Han) it scores character 1- to
# 4-gram costs with naive Bayes.  This script builds those costs from
# openly licensed text on a Debian system and writes src/langid-model.c.
#
#   make-model.py corpus DIR [TATOEBA]
#                                 extract text: DIR/train/LANG.txt and
#                                 DIR/test/LANG.txt, one text per line
#                                 (DIR/test-tatoeba: Tatoeba's part only;
#                                 DIR/oom: languages no model covers,
#                                 for the benchmark; DIR/train-docs: the
#                                 document of each training line), and
#                                 DIR/inputs.txt, what was read
#   make-model.py model DIR       print the C model trained on DIR/train
#
# `make regen-langid TATOEBA_DIR=DIR` runs both into src/langid-model.c.
# Sources (see data/README, "Language identification profiles"):
#   - Tatoeba sentences in the directory TATOEBA (or $TATOEBA_DIR),
#     CC BY 2.0 FR: lines 1-800 of each file train, 801-1000 test;
#   - translated man pages of the Debian manpages-LL packages (GPL-3+) and
#     the English manpages package: one page in five (by a hash of its
#     name) is held out for testing, never trained on;
#   - gettext message catalogues (.mo) of a fixed list of Debian packages:
#     likewise one catalogue domain in five is held out.
# No source text is committed: only the derived, hashed n-gram costs.
# The same inputs give the same file, byte for byte: everything is read
# in a sorted or fixed order and nothing iterates over a set.  The model
# records its inputs at its top (file sizes and SHA-256, package versions)
# so that a changed model can be traced to a changed input.
#
# The n-gram walk, the case folding and the hash below must match
# langid.c exactly (langid_fold, langid_hash, langid_feed).
import gettext
import gzip
import hashlib
import math
import os
import re
import subprocess
import sys
import unicodedata
import zlib

import tatoeba

# Bump when a change here changes the output for the same inputs.
FORMAT = 2
MAN_PACKAGES = {
    "en": "manpages", "de": "manpages-de", "es": "manpages-es",
    "fr": "manpages-fr", "it": "manpages-it", "nl": "manpages-nl",
    "pt": "manpages-pt-br", "ru": "manpages-ru", "uk": "manpages-uk",
    "pl": "manpages-pl", "sv": "manpages-sv", "cs": "manpages-cs",
    "da": "manpages-da", "fi": "manpages-fi", "hu": "manpages-hu",
    "id": "manpages-id", "ro": "manpages-ro", "vi": "manpages-vi",
    "mk": "manpages-mk", "nb": "manpages-nb", "sr": "manpages-sr",
}
MO_LOCALES = {
    "de": ["de"], "es": ["es"], "fr": ["fr"], "it": ["it"], "nl": ["nl"],
    "pt": ["pt", "pt_BR"], "ru": ["ru"], "uk": ["uk"], "bg": ["bg"],
    "ja": ["ja"], "zh-Hans": ["zh_CN"], "zh-Hant": ["zh_TW", "zh_HK"],
    # The rest of the EU's languages, the UN's, and those of East and
    # Southeast Asia written in a shared script (issue 19).
    "sv": ["sv"], "da": ["da"], "nb": ["nb"], "fi": ["fi"], "et": ["et"],
    "lv": ["lv"], "lt": ["lt"], "pl": ["pl"], "cs": ["cs"], "sk": ["sk"],
    "sl": ["sl"], "hr": ["hr"], "hu": ["hu"], "ro": ["ro"], "ga": ["ga"],
    "mt": ["mt"], "ca": ["ca"], "tr": ["tr"], "id": ["id"], "ms": ["ms"],
    "vi": ["vi"], "tl": ["tl"],
    "sr": ["sr"], "mk": ["mk"], "be": ["be"], "kk": ["kk"],
    "ar": ["ar"], "fa": ["fa"], "ur": ["ur"],
}
# Languages the listed domains say little in: every catalogue installed
# for them is read (sorted by name, one domain in five held out as ever).
ALL_DOMAINS = ["ar", "fa", "ur", "mt", "tl", "ms", "kk", "mk", "be", "lv",
               "lt", "ga", "et"]
# Languages no model covers, read only to measure how often they are
# "und" (tests/bench/langid-bench): never trained on.
OUT_OF_MODEL = {
    "eo": ["eo"], "eu": ["eu"], "gl": ["gl"], "af": ["af"], "is": ["is"],
    "cy": ["cy"], "sq": ["sq"], "az": ["az"], "sw": ["sw"], "uz": ["uz"],
    "ky": ["ky"], "tt": ["tt"], "mn": ["mn"], "ug": ["ug"], "ps": ["ps"],
    "ku": ["ku"], "ckb": ["ckb"],
}
MO_DOMAINS = [
    "coreutils", "findutils", "grep", "sed", "tar", "diffutils", "bash",
    "make", "wget", "gettext-tools", "gettext-runtime", "glib20", "gtk20",
    "dpkg", "apt", "libapt-pkg6.0", "libc", "shadow", "systemd", "psmisc",
    "man-db", "gnupg2", "Linux-PAM", "adduser", "m4", "xz", "procps-ng",
    "binutils", "ld", "gprof", "PackageKit", "polkit-1", "appstream",
    "gdk-pixbuf", "gstreamer-1.0", "avahi", "sed", "gnutls30",
]
TATOEBA_FILES = {
    "en": ["tatoeba.cmn-eng.eng", "tatoeba.fra-eng.eng",
           "tatoeba.jpn-eng.eng", "tatoeba.kor-eng.eng"],
    "fr": ["tatoeba.fra-eng.fra"], "ko": ["tatoeba.kor-eng.kor"],
    "ja": ["tatoeba.jpn-eng.jpn"], "zh": ["tatoeba.cmn-eng.cmn"],
}
TATOEBA_TRAIN = 800
TATOEBA_DOC = 40             # training lines per "document" (fit-calibrate)

# Script groups the model covers; order of tags is the order of costs.
GROUPS = [
    ("LATIN", ["en", "fr", "de", "es", "it", "pt", "nl", "sv", "da", "nb",
               "fi", "et", "lv", "lt", "pl", "cs", "sk", "sl", "hr", "hu",
               "ro", "ga", "mt", "ca", "tr", "id", "ms", "vi", "tl"]),
    ("CYRILLIC", ["ru", "uk", "bg", "sr", "mk", "be", "kk"]),
    ("ARABIC", ["ar", "fa", "ur"]),
    ("HAN", ["ja", "zh-Hans", "zh-Hant"]),
]
MAX_ORDER = {"LATIN": 4, "CYRILLIC": 4, "ARABIC": 4, "HAN": 2}
KEEP = {1: 300, 2: 1000, 3: 3000, 4: 5000}     # top grams per language
HAN_KEEP = {1: 2500, 2: 1500}
TRAIN_CAP = 3000000          # characters of training text per language
SCALE = 4                    # costs are -ln(p) * SCALE, one character each
MAXCOST = 89                 # see code()
# A cost added before any text, in units of SCALE and langid.c's order
# weights: short Cyrillic text is Russian unless it clearly is not.
PRIOR = {"uk": 8, "bg": 16}
# A cost per letter of the script: Japanese seldom writes more than a few
# ideographs without a kana between them, so a run of Han alone is more
# likely Chinese the longer it gets (about 0.5 nat a character).
PER_LETTER = {"ja": 2}
ALPHA = 0.5                  # additive smoothing


def held_out(name):
    return zlib.crc32(name.encode()) % 5 == 0


# --- extraction -----------------------------------------------------------

ROFF_ESC = re.compile(r"\\f(\[[^\]]*\]|\(..|.)|\\\((..)|\\\*(\(..|\[[^\]]*\]|.)"
                      r"|\\[&/,:|^%]|\\s[-+]?\d")
BOLD = re.compile(r"\\fB.*?(\\fP|\\fR|$)")


def roff_text(line):
    line = BOLD.sub(" ", line)
    line = line.replace("\\-", "-").replace("\\ ", " ").replace("\\e", "\\")
    line = ROFF_ESC.sub("", line)
    return line.replace("\\", "")


def man_paragraphs(path):
    try:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            lines = f.read().splitlines()
    except (OSError, UnicodeDecodeError, EOFError):
        return []
    paras, cur = [], []
    for line in lines:
        if line.startswith((".", "'")):
            if cur and not line.startswith((".\\\"", ".I ", ".B ")):
                paras.append(" ".join(cur))
                cur = []
            continue
        t = roff_text(line).strip()
        if t:
            cur.append(t)
    if cur:
        paras.append(" ".join(cur))
    return [p for p in (re.sub(r"\s+", " ", p) for p in paras) if letters(p) >= 20]


def letters(s):
    return sum(1 for c in s if unicodedata.category(c).startswith("L"))


def man_pages(pkg):
    try:
        out = subprocess.run(["dpkg", "-L", pkg], capture_output=True,
                             text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        sys.exit("make-model.py: the man pages of %s are an input, and it is "
                 "not installed: apt-get install %s (see data/README)" %
                 (pkg, " ".join(sorted(MAN_PACKAGES.values()))))
    return sorted(p for p in out.splitlines()
                  if "/man/" in p and p.endswith(".gz") and os.path.isfile(p))


MO_CLEAN = re.compile(r"%[-+ #0-9.*]*[a-zA-Z]|%\([a-z_]+\)[sd]|\{[^}]*\}|<[^>]*>|&[a-z]+;")


def mo_strings(path, source):
    try:
        with open(path, "rb") as f:
            cat = gettext.GNUTranslations(f)._catalog
    except (OSError, UnicodeDecodeError, Exception):
        return []
    out = []
    for k, v in cat.items():
        if isinstance(k, tuple):
            k = k[0]
        if not k or k == v:
            continue
        s = k if source else v
        s = MO_CLEAN.sub(" ", s).replace("_", "").replace("\\n", " ")
        s = re.sub(r"\s+", " ", s).strip()
        if letters(s) >= 4:
            out.append(s)
    return out


ENGLISH = set("the and of to is in for with that this be are not from "
              "by on or an it as was can if each when which will have "
              "its read line lines time files use used".split())


def english(s):
    """Whether an untranslated English string slipped into a catalogue."""
    words = re.findall(r"[a-z]+", s.lower())
    return len(words) >= 3 and sum(w in ENGLISH for w in words) * 5 >= len(words)


def title_case(s):
    """Names and titles ("Bash Reference Manual, Brian Fox and Chet Ramey")
    are not prose in any language: most of their words are capitalised,
    which even German prose never does."""
    words = [w for w in re.findall(r"\w+", s) if not w.isdigit()]
    caps = sum(1 for w in words if w[0].isupper())
    return len(words) >= 3 and caps * 10 > len(words) * 6


TECHNICAL = re.compile(r"[%0-9/_=\\{}\[\]<>@#$|~*;:()`\"]|^[-+.]|\w\.\w|-$")
SCRIPT_OF_LANG = {"ru": "CYRILLIC", "uk": "CYRILLIC", "bg": "CYRILLIC",
                  "sr": "CYRILLIC", "mk": "CYRILLIC", "be": "CYRILLIC",
                  "kk": "CYRILLIC", "ky": "CYRILLIC", "tt": "CYRILLIC",
                  "mn": "CYRILLIC", "ar": "ARABIC", "fa": "ARABIC",
                  "ur": "ARABIC", "ug": "ARABIC", "ps": "ARABIC",
                  "ckb": "ARABIC", "ko": None, "ja": None, "zh": "HAN",
                  "zh-Hans": "HAN", "zh-Hant": "HAN"}


def prose(s, lang):
    """Man pages and catalogues hold code, options and tables as well as
    prose: drop technical words, and texts that are mostly technical or
    mostly in another script (untranslated English, names)."""
    words = s.split()
    keep = [w for w in words if not TECHNICAL.search(w.strip(",.!?'»«„“”"))]
    if not words or len(keep) * 10 < len(words) * 8:
        return None
    s = " ".join(keep)
    want = SCRIPT_OF_LANG.get(lang, "LATIN")
    if want is not None:
        lt = [c for c in s if unicodedata.category(c).startswith("L")]
        ok = sum(1 for c in lt if script_of(ord(c)) == want)
        if not lt or ok * 10 < len(lt) * 9:
            return None
    if lang != "en" and english(s):
        return None
    if title_case(s):
        return None
    return s if letters(s) >= 3 else None


def corpus(outdir, tdir):
    texts = {}   # lang -> {"train": [...], "test": [...]}
    docs = {}    # lang -> the document of each of texts[lang]["train"]
    read = {}    # Debian package -> files read from it

    def add(lang, part, items, clean=True, doc=None):
        if clean:
            items = [t for t in (prose(s, lang) for s in items) if t]
        texts.setdefault(lang, {"train": [], "test": [], "test-tatoeba": [],
                                "oom": []})[part].extend(items)
        if part == "train":
            docs.setdefault(lang, []).extend(doc(i) if callable(doc) else doc
                                             for i in range(len(items)))

    names = []
    for lang, files in TATOEBA_FILES.items():
        for name in files:
            lines = [l.strip() for l in tatoeba.lines(tdir, name) if l.strip()]
            names.append(name)
            add(lang, "train", lines[:TATOEBA_TRAIN], False,
                lambda i, name=name: "%s:%d" % (name, i // TATOEBA_DOC))
            add(lang, "test", lines[TATOEBA_TRAIN:], False)
            add(lang, "test-tatoeba", lines[TATOEBA_TRAIN:], False)
    for lang, pkg in MAN_PACKAGES.items():
        read[pkg] = man_pages(pkg)
        for p in read[pkg]:
            add(lang, "test" if held_out(os.path.basename(p)) else "train",
                man_paragraphs(p), doc=os.path.basename(p))
    mos = []
    for lang, locales in MO_LOCALES.items():
        for loc in locales:
            for dom in domains(loc):
                p = "/usr/share/locale/%s/LC_MESSAGES/%s.mo" % (loc, dom)
                if os.path.isfile(p):
                    mos.append(p)
                    add(lang, "test" if held_out(dom) else "train",
                        mo_strings(p, False), doc=dom)
    for lang, locales in sorted(OUT_OF_MODEL.items()):
        for loc in locales:
            for dom in MO_DOMAINS:
                p = "/usr/share/locale/%s/LC_MESSAGES/%s.mo" % (loc, dom)
                if os.path.isfile(p):
                    mos.append(p)
                    add(lang, "oom", mo_strings(p, False))
    split_han(texts)
    for dom in MO_DOMAINS:        # English: the msgids of the German ones
        p = "/usr/share/locale/de/LC_MESSAGES/%s.mo" % dom
        if os.path.isfile(p):
            mos.append(p)
            add("en", "test" if held_out(dom) else "train", mo_strings(p, True),
                doc=dom)
    mos = sorted(set(mos))
    for p, pkg in owners(mos).items():
        read.setdefault(pkg, []).append(p)
    for part in ("train", "test", "test-tatoeba", "oom"):
        os.makedirs(os.path.join(outdir, part), exist_ok=True)
    for lang, parts in sorted(texts.items()):
        for part, items in parts.items():
            if not items:
                continue
            seen, uniq = set(), []
            for s in items:
                if s not in seen:
                    seen.add(s)
                    uniq.append(s)
            with open(os.path.join(outdir, part, lang + ".txt"), "w",
                      encoding="utf-8") as f:
                for s in uniq:
                    f.write(s + "\n")
            if part == "train":
                write_docs(outdir, lang, items, docs.get(lang, []))
            print("%s %s: %d texts, %d chars" % (lang, part, len(uniq),
                  sum(map(len, uniq))))
    with open(os.path.join(outdir, "inputs.txt"), "w", encoding="utf-8") as f:
        for line in tatoeba.describe(tdir, names) + packages(read):
            f.write(line + "\n")


def write_docs(outdir, lang, items, docs):
    """DIR/train-docs/LANG.txt: the document (man page, catalogue domain,
    run of Tatoeba lines) each line of DIR/train/LANG.txt came from, for
    fit-calibrate.py's split by document.  Not written where the lines
    were regrouped (Han)."""
    if len(docs) != len(items):
        return
    os.makedirs(os.path.join(outdir, "train-docs"), exist_ok=True)
    seen = set()
    with open(os.path.join(outdir, "train-docs", lang + ".txt"), "w",
              encoding="utf-8") as f:
        for s, d in zip(items, docs):
            if s not in seen:
                seen.add(s)
                f.write(d + "\n")


def domains(loc):
    """The catalogue domains read for a locale: the fixed list, or for a
    language of ALL_DOMAINS every one installed."""
    if loc not in ALL_DOMAINS:
        return MO_DOMAINS
    d = "/usr/share/locale/%s/LC_MESSAGES" % loc
    try:
        return sorted(f[:-3] for f in os.listdir(d) if f.endswith(".mo"))
    except OSError:
        return []


def split_han(texts):
    """Tatoeba's Mandarin mixes Simplified and Traditional lines.  A
    character the Traditional catalogues use at least 3 times and the
    Simplified ones never (or the other way round) marks a training line
    as one or the other; lines with neither, or both, are not trained on.
    The held-out lines stay "zh", either form counting as right."""
    zh = texts.get("zh", {}).get("train", [])
    seen = {}
    for tag in ("zh-Hans", "zh-Hant"):
        cnt = {}
        for t in texts.get(tag, {}).get("train", []):
            for ch in t:
                if script_of(ord(ch)) == "HAN":
                    cnt[ch] = cnt.get(ch, 0) + 1
        seen[tag] = cnt
    only = {}
    for tag, other in (("zh-Hans", "zh-Hant"), ("zh-Hant", "zh-Hans")):
        only[tag] = set(c for c, k in seen[tag].items()
                        if k >= 3 and c not in seen[other])
    for t in zh:
        hans = any(c in only["zh-Hans"] for c in t)
        hant = any(c in only["zh-Hant"] for c in t)
        if hans != hant:
            texts["zh-Hans" if hans else "zh-Hant"]["train"].append(t)
    if "zh" in texts:
        texts["zh"]["train"] = []


# --- what was read --------------------------------------------------------

def owners(paths):
    """The Debian package each file comes from ("?" if dpkg does not know)."""
    r = subprocess.run(["dpkg", "-S"] + paths, capture_output=True, text=True)
    found = {}
    for line in r.stdout.splitlines():
        if ": " in line:
            pkgs, path = line.rsplit(": ", 1)
            found.setdefault(path, pkgs.split(", ")[0])
    return {p: found.get(p, "?") for p in paths}


def packages(read):
    """Lines recording the Debian files read, one per package: its version,
    how many files and bytes, and one SHA-256 over each file's name (as
    installed by the package, no machine-specific part) and contents."""
    out = ["Debian packages: man pages (manpages-l10n, GPL-3+; manpages, "
           "Linux man-pages licences) and gettext catalogues (each "
           "package's licence, /usr/share/doc/PACKAGE/copyright):"]
    for pkg in sorted(read):
        h, size = hashlib.sha256(), 0
        for p in read[pkg]:
            with open(p, "rb") as f:
                data = f.read()
            h.update(b"%s\0%d\0" % (p.encode(), len(data)))
            h.update(data)
            size += len(data)
        out.append("  %s %s: %d files, %d bytes" %
                   (pkg, version(pkg), len(read[pkg]), size))
        out.append("    sha256 %s" % h.hexdigest())
    return out


def version(pkg):
    r = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", pkg],
                       capture_output=True, text=True)
    return r.stdout.strip() if r.returncode == 0 and r.stdout else "?"


# --- the model ------------------------------------------------------------

def fold(c):
    """Lower-case the way langid_fold does (Latin and Cyrillic only)."""
    if 0x41 <= c <= 0x5a or (0xc0 <= c <= 0xde and c != 0xd7):
        return c + 0x20
    if 0x100 <= c <= 0x137 or 0x14a <= c <= 0x177:
        return c | 1
    if 0x139 <= c <= 0x148 or 0x179 <= c <= 0x17e:
        return c + 1 if c % 2 == 1 else c
    if c == 0x178:
        return 0xff
    if 0x400 <= c <= 0x40f:
        return c + 0x50
    if 0x410 <= c <= 0x42f:
        return c + 0x20
    if 0x460 <= c <= 0x4ff and c not in range(0x482, 0x48a):
        return c | 1 if c < 0x4c0 or c > 0x4cf else c
    return c


def script_of(c):
    """Close enough to uc_script() for the scripts we model."""
    if (0x41 <= c <= 0x5a or 0x61 <= c <= 0x7a or 0xc0 <= c <= 0x24f
            and c not in (0xd7, 0xf7) or 0x1e00 <= c <= 0x1eff):
        return "LATIN"
    if 0x400 <= c <= 0x52f:
        return "CYRILLIC"
    if (0x600 <= c <= 0x6ff or 0x750 <= c <= 0x77f or 0x8a0 <= c <= 0x8ff
            or 0xfb50 <= c <= 0xfdff or 0xfe70 <= c <= 0xfeff):
        return "ARABIC"
    if (0x4e00 <= c <= 0x9fff or 0x3400 <= c <= 0x4dbf or
            0xf900 <= c <= 0xfaff or c == 0x3005 or 0x20000 <= c <= 0x2ffff):
        return "HAN"
    return None


def fnv(cps):
    h = 2166136261
    for c in cps:
        h = ((h ^ c) * 16777619) & 0xffffffff
    return h


def walk(text, group, maxorder):
    """Walk text as langid.c's langid_feed() does: letters of group's
    script folded, an apostrophe inside a word kept, anything else one
    space.  After each code point kept, yield (win, first): win the last
    maxorder of them (a list the caller must not change), and kind: "U"
    for a letter that begins a word in capitals, "L" for one that begins
    it otherwise, "l" for a letter further in, "" for a space or an
    apostrophe.  make-model.py's grams() and fit-calibrate.py's share()
    both read text through this, so they cannot walk it differently."""
    win = [0x20]
    for ch in text + " ":
        c = ord(ch)
        cat = unicodedata.category(ch)
        if cat == "Mn":
            continue
        if c == 0x2019:
            c = 0x27
        kind = ""
        if script_of(c) == group and cat.startswith("L"):
            kind = "l"
            if win[-1] == 0x20:
                kind = "U" if cat == "Lu" else "L"
            c = fold(c)
        elif c == 0x27 and group != "HAN" and win[-1] != 0x20:
            pass
        else:
            c = 0x20
            if win[-1] == 0x20:
                continue
        win.append(c)
        if len(win) > maxorder:
            del win[0]
        yield win, kind


def grams(text, group, maxorder):
    """Yield (order, hash) like langid_feed: other text becomes one space."""
    for win, _ in walk(text, group, maxorder):
        for n in range(1, len(win) + 1):
            g = win[-n:]
            if g == [0x20]:
                continue
            yield n, fnv(g)


def train(directory, group, tags):
    maxorder = MAX_ORDER[group]
    counts = {}
    for tag in tags:
        path = os.path.join(directory, "train", tag + ".txt")
        cnt = {n: {} for n in range(1, maxorder + 1)}
        used = 0
        if os.path.isfile(path):
            with open(path, encoding="utf-8") as f:
                for line in f:
                    if used > TRAIN_CAP:
                        break
                    used += len(line)
                    for n, h in grams(line.strip(), group, maxorder):
                        cnt[n][h] = cnt[n].get(h, 0) + 1
        counts[tag] = cnt
    return counts


def build(counts, group, tags):
    maxorder = MAX_ORDER[group]
    keep = HAN_KEEP if group == "HAN" else KEEP
    table, denom, floor = {}, {}, {}
    for tag in tags:
        for n in range(1, maxorder + 1):
            c = counts[tag][n]
            denom[tag, n] = sum(c.values()) + ALPHA * (len(c) + 1)
            floor[tag, n] = cost(0, denom[tag, n])
            for h, k in sorted(c.items(), key=lambda kv: -kv[1])[:keep[n]]:
                table.setdefault(h, n)
    # An n-gram a language never had costs the same in every language:
    # its own smoothing would make a language with little training text
    # (Maltese, Urdu) the cheapest guess for anything it does not know.
    worst = {n: max(floor[tag, n] for tag in tags)
             for n in range(1, maxorder + 1)}
    rows = []
    for h in sorted(table):
        n = table[h]
        rows.append((h, [cost(counts[tag][n][h], denom[tag, n])
                         if counts[tag][n].get(h, 0) else worst[n]
                         for tag in tags]))
    unseen = [worst.get(n, 0) for tag in tags for n in range(0, maxorder + 1)]
    return rows, unseen


def cost(k, denom):
    return min(MAXCOST, round(-math.log((k + ALPHA) / denom) * SCALE))


def code(v):
    """One cost as one character of a C string: '#' (0) to '~' (89),
    skipping '?' (no trigraphs) and the backslash; langid_cost() undoes it."""
    c = 35 + v
    if c >= 63:
        c += 1
    if c >= 92:
        c += 1
    return chr(c)


def model(directory):
    out = sys.stdout
    out.write(HEADER % (SCALE, describe(directory)))
    for group, tags in GROUPS:
        counts = train(directory, group, tags)
        rows, unseen = build(counts, group, tags)
        name = group.lower()
        out.write("\n/* %s: %s; %d n-grams of 1 to %d characters. */\n" %
                  (group.capitalize(), " ".join(tags), len(rows), MAX_ORDER[group]))
        out.write("static const char *const langid_%s_tags[] = {\n\t%s\n};\n" %
                  (name, ", ".join('"%s"' % t for t in tags)))
        out.write("static const uint32_t langid_%s_hashes[] = {\n" % name)
        for i in range(0, len(rows), 6):
            out.write("\t" + ", ".join("0x%08x" % h for h, _ in rows[i:i + 6]) + ",\n")
        out.write("};\nstatic const char langid_%s_costs[] =\n" % name)
        per = max(1, 72 // len(tags))
        for i in range(0, len(rows), per):
            out.write('\t"%s"\n' % "".join(code(c) for _, costs in rows[i:i + per]
                                            for c in costs))
        out.write(";\nstatic const uint16_t langid_%s_prior[] = { %s };\n" %
                  (name, ", ".join(str(PRIOR.get(t, 0)) for t in tags)))
        out.write("static const uint16_t langid_%s_letter[] = { %s };\n" %
                  (name, ", ".join(str(PER_LETTER.get(t, 0)) for t in tags)))
        out.write("static const unsigned char langid_%s_unseen[] = {\n" % name)
        per = MAX_ORDER[group] + 1
        for i in range(0, len(unseen), per * 2):
            out.write("\t" + ", ".join(str(v) for v in unseen[i:i + per * 2]) + ",\n")
        out.write("};\n")
        out.write("const struct langid_model langid_model_%s = {\n"
                  "\tlangid_%s_tags, %d, %d, langid_%s_hashes,\n"
                  "\tlangid_%s_costs, %d, langid_%s_prior, langid_%s_letter,\n"
                  "\tlangid_%s_unseen\n};\n"
                  % (name, name, len(tags), MAX_ORDER[group], name, name,
                     len(rows), name, name, name))
        print("%s: %d rows" % (group, len(rows)), file=sys.stderr)


HEADER = """\
/*
 * langid-model.c: n-gram costs for langid.c.  GENERATED by
 * data/langid/make-model.py from openly licensed text; do not edit, run
 * `make regen-langid TATOEBA_DIR=DIR` instead (see data/README).
 *
 * Sources (data/README, "Language identification profiles"): Tatoeba
 * sentences (CC BY 2.0 FR), the translated man pages of Debian's
 * manpages-LL packages (GPL-3+) and Debian's manpages package (Linux
 * man-pages licences), and gettext catalogues of Debian packages (GPL/LGPL).
 * Only statistics are stored: for each n-gram, the 32-bit FNV-1a hash of
 * its folded code points and, per language, -ln(p) * %d rounded, coded
 * as one character (langid_cost() in langid.c).
 *
%s
 */
#include "config.h"

#include <stdint.h>

#include "langid.h"
"""


def describe(directory):
    """The header's record of the generator and of the inputs the corpus
    step read (DIR/inputs.txt), as comment lines."""
    try:
        with open(os.path.join(directory, "inputs.txt"), encoding="utf-8") as f:
            inputs = f.read().splitlines()
    except OSError:
        sys.exit("make-model.py: no %s/inputs.txt: run make-model.py corpus "
                 "first" % directory)
    lines = ["Generator: make-model.py format %d; per language the top "
             "%s 1- to 4-grams (Han: %s 1- and 2-grams) of up to %d "
             "characters of training text, smoothing %g.  Inputs:" %
             (FORMAT, "/".join(str(KEEP[n]) for n in sorted(KEEP)),
              "/".join(str(HAN_KEEP[n]) for n in sorted(HAN_KEEP)),
              TRAIN_CAP, ALPHA)]
    lines += inputs
    out = []
    for line in lines:
        if "*/" in line:
            sys.exit("make-model.py: %r cannot go in a C comment" % line)
        indent = len(line) - len(line.lstrip())
        out += [" * " + w for w in wrap(line, 76, indent)]
    return "\n".join(out)


def wrap(line, width, indent):
    """Split line at spaces into pieces of at most width characters, the
    later ones indented by indent + 2 (a long hash stays whole)."""
    words, out, cur = line.split(), [], " " * indent
    for w in words:
        if cur.strip() and len(cur) + 1 + len(w) > width:
            out.append(cur)
            cur = " " * (indent + 2)
        cur += ("" if not cur.strip() else " ") + w
    out.append(cur)
    return out


def main():
    argv = sys.argv[1:]
    if argv[:1] == ["corpus"] and len(argv) in (2, 3):
        corpus(argv[1], tatoeba.directory(argv[2] if len(argv) == 3 else None,
                                          "make-model.py"))
    elif argv[:1] == ["model"] and len(argv) == 2:
        model(argv[1])
    else:
        sys.exit("usage: make-model.py corpus DIR [TATOEBA] | model DIR")


if __name__ == "__main__":
    main()
