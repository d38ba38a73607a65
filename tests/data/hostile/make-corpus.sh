#!/bin/sh
# make-corpus.sh: writes the terminal-injection corpus of tests/data/hostile/
# (README there lists the files).  The files are committed; this script is
# how they were made, so a byte can be checked against its printf.  Run it
# from this directory: sh make-corpus.sh
#
# Conventions that tests/e2e/hostile-corpus.sh relies on:
#   PWNED-...   only ever inside the body of an escape sequence or control
#               string, which tandem must drop whole: it must never reach
#               the terminal, as text or otherwise;
#   77NN        CSI parameters no terminal needs on a small screen; tandem
#               itself never sends a CSI with one;
#   SEEN-...    plain text that must stay visible (tandem show and reader).
set -e
cd "$(dirname "$0")"

# art NAME FORMAT [ARGS]: the file NAME.txt is printf FORMAT ARGS.
art() { _n=$1; shift; printf "$@" > "$_n.txt"; }

art csi-cursor 'url: https://site.test/hostile/csi-cursor

== en
title: SEEN-csi-cursor cursor moves

Home\033[H and move\033[10;10H and far\033[7701;7701H away SEEN-cup.

Up\033[7702A down\033[7703B right\033[7704C left\033[7705D SEEN-cuu.

Column\033[7706G row\033[7707d save\033[s restore\033[u SEEN-col.

DEC save\0337 restore\0338 reverse index\033M next line\033E index\033D SEEN-dec.
'

art csi-clear 'url: https://site.test/hostile/csi-clear

== en
title: SEEN-csi-clear clear screen

Clear\033[2J the screen\033[3J and\033[7710J scrollback SEEN-clear.

Erase\033[K line\033[7711K chars\033[7712X delete\033[7713P SEEN-erase.

Insert lines\033[7714L delete lines\033[7715M insert\033[7716@ SEEN-ilines.

Scroll up\033[7717S down\033[7718T SEEN-scroll.

Reset\033c alignment test\033#8 double height\033#3 SEEN-reset.
'

art csi-sgr 'url: https://site.test/hostile/csi-sgr

== en
title: SEEN-csi-sgr \033[31mred\033[0m title

Red\033[31m and\033[0m blink\033[5m and\033[25m reverse\033[7m SEEN-sgr1\033[0m.

Hidden\033[8m SEEN-concealed\033[28m text and\033[7720;7721m odd\033[0m SEEN-sgr2.

Colours\033[38;5;7722m indexed\033[38;2;7723;0;0m direct\033[48;5;7724m SEEN-sgr3\033[m.

SEEN-sgr4 unfinished\033[1;7725

SEEN-sgr5 and a lone\033[

== fr
title: SEEN-csi-sgr-fr \033[44mbleu\033[0m

Le\033[1m gras\033[22m et\033[7726m rien SEEN-sgr-fr.
'

art csi-scroll 'url: https://site.test/hostile/csi-scroll

== en
title: SEEN-csi-scroll scroll regions

A region\033[5;10r set SEEN-stbm1 and\033[7730;7731r odd SEEN-stbm2.

Reset\033[r region, origin\033[?6h mode\033[?6l SEEN-origin.

Left and right margins\033[?69h\033[7732;7733s SEEN-slrm.

No wrap\033[?7l here\033[?7h SEEN-wrap.
'

art csi-modes 'url: https://site.test/hostile/csi-modes

== en
title: SEEN-csi-modes mode sets

Alternate screen\033[?1049h on\033[?1049l off\033[?47h\033[?47l SEEN-alt.

Mouse\033[?1000h\033[?1002h\033[?1003h\033[?1006h\033[?1015h on SEEN-mouse.

Paste\033[?2004h focus\033[?1004h cursor\033[?25l SEEN-modes1.

Insert\033[4h newline\033[20h keypad\033[?1h\033= odd\033[?7740h\033[?7741l SEEN-modes2.

Reports\033[6n\033[c\033[>c\033[7742n\033[?7743$p SEEN-reports.
'

art osc-title 'url: https://site.test/hostile/osc-title

== en
title: SEEN-osc-title title sets

Icon and title\033]0;PWNED-OSC0-BEL\007 by BEL SEEN-osc0.

Title\033]2;PWNED-OSC2-ST\033\\ by ST SEEN-osc2.

Icon\033]1;PWNED-OSC1\007 and a pushed\033[22;0t title\033[23;0t SEEN-osc1.

Title\033]2;PWNED-OSC2-C1ST\302\234 by an 8-bit ST SEEN-osc2c1.
'

art osc-hyperlink 'url: https://site.test/hostile/osc-hyperlink

== en
title: SEEN-osc-hyperlink \033]8;;https://evil.invalid/PWNED-OSC8-TITLE\033\\link\033]8;;\033\\

A \033]8;;https://evil.invalid/PWNED-OSC8-ST\033\\link\033]8;;\033\\ by ST SEEN-osc8st.

A \033]8;id=PWNED-OSC8-ID;https://evil.invalid/\007link\033]8;;\007 by BEL SEEN-osc8bel.

A link\033]8;;file:///etc/passwd?PWNED-OSC8-FILE\033\\ never closed SEEN-osc8open.
'

art osc-clipboard 'url: https://site.test/hostile/osc-clipboard

== en
title: SEEN-osc-clipboard clipboard

Set\033]52;c;PWNED-OSC52-BEL\007 by BEL SEEN-osc52bel.

Set\033]52;p;PWNED-OSC52-ST\033\\ by ST SEEN-osc52st.

Read back\033]52;c;?\007 the clipboard\033]52;PWNED-OSC52-Q;?\033\\ SEEN-osc52q.
'

art osc-palette 'url: https://site.test/hostile/osc-palette

== en
title: SEEN-osc-palette palette

Colour one\033]4;1;#PWNED-OSC4-BEL\007 red\033]4;2;rgb:ff/PWNED-OSC4-ST\033\\ SEEN-osc4.

Foreground\033]10;PWNED-OSC10\007 background\033]11;?PWNED-OSC11\033\\ SEEN-osc10.

Reset\033]104;PWNED-OSC104\007 cursor\033]12;PWNED-OSC12\007 SEEN-osc104.

Notify\033]9;PWNED-OSC9\007 and\033]777;notify;PWNED-OSC777;x\007 SEEN-osc9.
'

art dcs 'url: https://site.test/hostile/dcs

== en
title: SEEN-dcs device control strings

Request\033P$qPWNED-DCS-DECRQSS\033\\ status SEEN-dcs1.

Sixel\033Pq"1;1;1;1#0PWNED-DCS-SIXEL\033\\ image SEEN-dcs2.

Through tmux\033Ptmux;\033\033]52;c;PWNED-DCS-TMUX\007\033\\ passthrough SEEN-dcs3.

Termcap\033P+qPWNED-DCS-XTGETTCAP\033\\ query SEEN-dcs4.
'

art apc-pm-sos 'url: https://site.test/hostile/apc-pm-sos

== en
title: SEEN-apc-pm-sos private strings

Application\033_PWNED-APC\033\\ command SEEN-apc.

Kitty image\033_Ga=T,f=100;PWNED-APC-KITTY\033\\ here SEEN-kitty.

Privacy\033^PWNED-PM\033\\ message SEEN-pm.

Start of\033XPWNED-SOS\033\\ string SEEN-sos.

Cancelled\033_PWNED-APC-CAN\030 by CAN and\033^PWNED-PM-SUB\032 by SUB SEEN-can.
'

art c0 'url: https://site.test/hostile/c0

== en
title: SEEN-c0 \007bell\010\010\010\010back

Bell\007\007 backspace rm -rf /\010\010\010\010\010\010\010ls SEEN-c0bs.

Shift out\016 to line drawing\017 and back SEEN-c0so.

Vertical tab\013 form feed\014 carriage\rreturn SEEN-c0vt.

Delete\177 enquiry\005 cancel\030 sub\032 fs\034 us\037 SEEN-c0misc.
'

# C1 controls as raw bytes: invalid UTF-8 on their own.
art c1-raw 'url: https://site.test/hostile/c1-raw

== en
title: SEEN-c1-raw \2330m raw C1

CSI\2337727;7727H and OSC\235 and ST\234 SEEN-c1raw1.

All: \200\201\202\203\204\205\206\207\210\211\212\213\214\215\216\217 SEEN-c1raw2.

All: \220\221\222\223\224\225\226\227\230\231\232\233\234\235\236\237 SEEN-c1raw3.
'

# C1 controls encoded in UTF-8 (U+0080-U+009F), valid UTF-8.
art c1-utf8 'url: https://site.test/hostile/c1-utf8

== en
title: SEEN-c1-utf8 \302\2337728m title

CSI\302\2337729;7729H here SEEN-c1csi.

OSC\302\2350;PWNED-C1-OSC\302\234 and DCS\302\220PWNED-C1-DCS\302\234 SEEN-c1osc.

APC\302\237PWNED-C1-APC\302\234 PM\302\236PWNED-C1-PM\302\234 SOS\302\230PWNED-C1-SOS\302\234 SEEN-c1apc.

All: \302\200\302\201\302\202\302\203\302\204\302\205\302\206\302\207 SEEN-c1all1.

All: \302\210\302\211\302\212\302\213\302\214\302\215\302\216\302\217 SEEN-c1all2.

All: \302\221\302\222\302\223\302\224\302\225\302\226\302\227\302\231\302\232 SEEN-c1all3.
'

art bidi 'url: https://site.test/hostile/bidi

== en
title: SEEN-bidi \342\200\256eltit desrever\342\200\254

LRE\342\200\252 RLE\342\200\253 PDF\342\200\254 LRO\342\200\255 RLO\342\200\256 SEEN-bidi1.

LRI\342\201\246 RLI\342\201\247 FSI\342\201\250 PDI\342\201\251 SEEN-bidi2.

LRM\342\200\216 RLM\342\200\217 ALM\330\234 SEEN-bidi3.

if (admin\342\200\256 \342\201\246// check\342\201\251 \342\201\246) {\342\201\251 SEEN-trojan.

== ar
title: SEEN-bidi-ar \330\271\330\261\330\250\331\212\342\200\255

\330\271\330\261\330\250\331\212\342\200\256 \330\271\330\261\330\250\331\212\342\201\246 SEEN-bidi-ar.
'

art overlong 'url: https://site.test/hostile/overlong

== en
title: SEEN-overlong \300\257 slash

Slash\300\257 and\340\200\257 and\360\200\200\257 SEEN-overlong1.

ESC\300\233[7730m as two\340\200\233]0;SEEN-overlong-osc\007 bytes SEEN-overlong2.

NUL\300\200 and CSI\302\233 as\301\233 overlong SEEN-overlong3.
'

art surrogates 'url: https://site.test/hostile/surrogates

== en
title: SEEN-surrogates \355\240\200 high

High\355\240\200 low\355\277\277 pair\355\240\275\355\270\200 SEEN-surr1.

Beyond\364\220\200\200 five\370\210\200\200\200 six\374\204\200\200\200\200 SEEN-surr2.

Bytes\376\377 never\377\376 valid SEEN-surr3.
'

art continuation 'url: https://site.test/hostile/continuation

== en
title: SEEN-continuation \200 lone

Lone\200 and\277 and\2337731m SEEN-cont1.

Many\200\201\202\203\204\205\206\207\270\271\272\273\274\275\276\277 SEEN-cont2.

Cut\342\200 and\360\237\230 short SEEN-cont3.
'

# A truncated UTF-8 sequence is the very last thing in the file.
art truncated-utf8-eof 'url: https://site.test/hostile/truncated-utf8-eof

== en
title: SEEN-truncated-utf8-eof

The file ends SEEN-eof1 in the middle of a character:\344\270'

# An OSC that never ends: the file stops inside it.
art truncated-osc-eof 'url: https://site.test/hostile/truncated-osc-eof

== en
title: SEEN-truncated-osc-eof

Before SEEN-eof2.

The file ends inside a title set\033]0;PWNED-EOF-OSC'

# ESC as the last byte of lines: of the file, of a title, of a paragraph
# line (joined with a space: ESC SP G would be S8C1T), of a comment line.
art esc-eol 'url: https://site.test/hostile/esc-eol
author: Eve\033

== en
title: SEEN-esc-eol title\033

A line ending in ESC\033
G joined SEEN-esc1.

Another\033
[7732m joined SEEN-esc2.

== comment
author: Mallory\033

A comment line\033
]0;SEEN-esc3a\007 next SEEN-esc3.

== comment
parent: 1

Reply at the very end\033'

art title 'url: https://site.test/hostile/title
author: \033]0;PWNED-AUTHOR\007Eve\033[2J
date: 2025-01-01\033[7733m\342\200\256

== en
title: SEEN-title \033]0;PWNED-TITLE-OSC0\007\033]52;c;PWNED-TITLE-OSC52\007\033P$qPWNED-TITLE-DCS\033\\\033[2J\033[H\302\2337734m\342\200\256 end

Body SEEN-title-body.

== ko
title: SEEN-title-ko \033]2;PWNED-TITLE-KO\033\\\342\201\247\033[?1049l\033[7735;1H\302\235PWNED-TITLE-C1\302\234 \354\240\234\353\252\251

\353\263\270\353\254\270 SEEN-title-ko-body.
'

art comment 'url: https://site.test/hostile/comment
comments: open

== en
title: SEEN-comment comments

The article SEEN-comment-body.

== comment
author: \033]0;PWNED-COMMENT-AUTHOR\007Mallory\033[7736m SEEN-cauthor
date: 2025-02-02\033[2J

A comment\033]52;c;PWNED-COMMENT-OSC52\007 with\033[2J\033[H a clear SEEN-c1.
Its second line\033P$qPWNED-COMMENT-DCS\033\\ and\033_PWNED-COMMENT-APC\033\\ SEEN-c2.

== comment
author: Eve
parent: 1

A reply\302\2337737;1H with\302\235PWNED-COMMENT-C1\302\234 C1 and\342\200\256 bidi\342\201\246 SEEN-c3.

== comment
author: Trudy
parent: 2

A reply to the reply\033]8;;https://evil.invalid/PWNED-COMMENT-OSC8\033\\link\033]8;;\033\\ SEEN-c4\033[?1000h\033[7738;7738r.
'

# The url header: not printable ASCII, so no hyperlink may be made of it.
art url 'url: https://site.test/hostile/\033]52;c;PWNED-URL-OSC52\007x\033\\y

== en
title: SEEN-url hostile address

The address SEEN-url-body.
'

# A page dump (the scraper format) with the attacks.
art page-dump 'SEEN-page-dump \033]0;PWNED-PAGE-TITLE\007 Seoul opens a new office

The city\033[2J opened\033]52;c;PWNED-PAGE-OSC52\007 an office in Beijing on Monday SEEN-page1.
It will help\302\2337739m small companies\342\200\256 find partners abroad SEEN-page2.
- See more related articles
SEEN-page-ko \354\204\234\354\232\270\354\213\234 \353\262\240\354\235\264\354\247\225 \354\202\254\353\254\264\354\206\214 \033]2;PWNED-PAGE-KO\033\\\352\260\234\354\206\214

\354\204\234\354\232\270\354\213\234\353\212\224\033[7740;1H \354\233\224\354\232\224\354\235\274 \353\262\240\354\235\264\354\247\225\354\227\220 \354\202\254\353\254\264\354\206\214\353\245\274 \354\227\264\354\227\210\353\213\244 SEEN-page-ko1.
- \352\264\200\353\240\250 \352\270\260\354\202\254 \353\215\224\353\263\264\352\270\260
'

# NUL bytes: early in a file, the importer calls it binary; after its
# first 8 KiB the NUL is inside an article.
art nul-early 'url: https://site.test/hostile/nul-early

== en
title: SEEN-nul-early

Before\000after SEEN-nul1.
'
{
	printf 'url: https://site.test/hostile/nul-late\n\n== en\n'
	printf 'title: SEEN-nul-late\n\nPadding SEEN-nul2.\n\n'
	i=0
	while [ $i -lt 130 ]; do
		printf 'Padding paragraph %02d, long enough to push the NUL past the probe.\n\n' $i
		i=$((i + 1))
	done
	printf 'Before\000after\033]0;PWNED-NUL-LATE\007 the NUL SEEN-nul3.\n'
} > nul-late.txt
