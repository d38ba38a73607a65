/*
 * test-width.c: the width rule (utf8_cluster_part) against a table of
 * cases, one row or more per script the reader shows, and against what a
 * terminal really draws.
 *
 * Run with no argument it is a TAP unit test: utf8_width() of each row
 * must be the row's `ours'.  Run as `test-width --list' it prints the
 * table, one row a line (name, the bytes in hex, ours, tmux), for
 * tests/e2e/width.sh, which prints each row in a tmux pane and reads the
 * cursor column back: that must be the row's `tmux', the width tmux 3.3a
 * draws (wcwidth() per spacing character, ZWJ joining).  Where the two
 * differ, the row says why we count as we do.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "tap.h"
#include "utf8.h"

#define S(s) s, sizeof s - 1

static const struct {
	const char	*name;
	const char	*s;
	size_t		 len;
	int		 ours;
	int		 tmux;
	const char	*why;	/* when ours != tmux */
} width_table[] = {
	/* Devanagari: spacing vowel signs (Mc) take a cell, ् and ं none. */
	{ "deva ka+aa", S("का"), 2, 2, NULL },
	{ "deva ka+i", S("कि"), 2, 2, NULL },
	{ "deva ka+ii", S("की"), 2, 2, NULL },
	{ "deva ka+o", S("को"), 2, 2, NULL },
	{ "deva ka+au", S("कौ"), 2, 2, NULL },
	{ "deva ka+u (Mn)", S("कु"), 1, 1, NULL },
	{ "deva ka+virama+ssa", S("क्ष"), 2, 2, NULL },
	{ "deva hindi", S("हिन्दी"), 5, 5, NULL },
	{ "deva anusvara", S("हं"), 1, 1, NULL },
	/* Bengali: ো is one Mc code point drawn around the consonant. */
	{ "beng ka+o", S("কো"), 2, 2, NULL },
	{ "beng ka+i", S("কি"), 2, 2, NULL },
	{ "beng bangla", S("বাংলা"), 5, 5, NULL },
	/* Tamil: ொ is one Mc code point drawn on both sides, one cell. */
	{ "taml ka+i", S("கி"), 2, 2, NULL },
	{ "taml ka+o", S("கொ"), 2, 2, NULL },
	{ "taml ka+ii (Mn)", S("கீ"), 1, 1, NULL },
	{ "taml tamil", S("தமிழ்"), 4, 4, NULL },
	/* Thai: SARA AM takes a cell, tone marks and upper vowels none. */
	{ "thai ko+am", S("กำ"), 2, 2, NULL },
	{ "thai no+mai tho+am", S("น้ำ"), 2, 2, NULL },
	{ "thai ko+mai ek", S("ก่"), 1, 1, NULL },
	{ "thai ko+sara i", S("กิ"), 1, 1, NULL },
	{ "thai word", S("ภาษาไทย"), 7, 7, NULL },
	/* Lao */
	{ "laoo ko+am", S("ກຳ"), 2, 2, NULL },
	{ "laoo ko+i", S("ກິ"), 1, 1, NULL },
	{ "laoo word", S("ພາສາລາວ"), 7, 7, NULL },
	/* Khmer: ា is Mc; the coeng ្ and the subscript consonant. */
	{ "khmr ka+aa", S("កា"), 2, 2, NULL },
	{ "khmr ka+coeng+ka", S("ក្ក"), 2, 2, NULL },
	{ "khmr word", S("ខ្មែរ"), 4, 4, NULL },
	/* Myanmar */
	{ "mymr ka+aa", S("ကာ"), 2, 2, NULL },
	{ "mymr ka+i+u", S("ကို"), 1, 1, NULL },
	{ "mymr word", S("မြန်မာ"), 5, 5, NULL },
	/* Tibetan: vowel signs are Mn, the visarga ཿ is Mc. */
	{ "tibt ka+u", S("ཀུ"), 1, 1, NULL },
	{ "tibt ka+visarga", S("ཀཿ"), 2, 2, NULL },
	{ "tibt ka+subjoined ya", S("ཀྱ"), 1, 1, NULL },
	/* Halfwidth kana: the sound marks are spacing. */
	{ "halfwidth ka+dakuten", S("ｶﾞ"), 2, 2, NULL },
	{ "halfwidth ha+handakuten", S("ﾊﾟ"), 2, 2, NULL },
	{ "halfwidth word", S("ﾃﾞｰﾀ"), 4, 4, NULL },
	/* Hangul NFD: a leading jamo is wide, vowels and tails add none. */
	{ "hangul L+V", S("\xe1\x84\x80\xe1\x85\xa1"), 2, 2, NULL },
	{ "hangul L+V+T", S("\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab"), 2, 2,
	    NULL },
	{ "hangul LV+T", S("\xea\xb0\x80\xe1\x86\xa8"), 2, 2, NULL },
	{ "hangul two NFD syllables",
	    S("\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab\xe1\x84\x80\xe1\x85\xb3"
	    "\xe1\x86\xaf"), 4, 4, NULL },
	/* Emoji. */
	{ "emoji ZWJ family", S("👨‍👩‍👧"), 2, 2, NULL },
	{ "emoji ZWJ rainbow flag", S("🏳️‍🌈"), 2, 1,
	    "a white flag with VS16, then ZWJ: the same VS16 as below" },
	{ "emoji flag", S("🇫🇷"), 2, 2, NULL },
	{ "emoji two flags", S("🇫🇷🇩🇪"), 4, 4, NULL },
	{ "emoji wide, VS15", S("⌚\xef\xb8\x8e"), 2, 2, NULL },
	{ "emoji narrow, VS15", S("☺\xef\xb8\x8e"), 1, 1, NULL },
	{ "emoji wide, no selector", S("😀"), 2, 2, NULL },
	{ "emoji keycap", S("1\xef\xb8\x8f\xe2\x83\xa3"), 2, 1,
	    "tmux 3.3a ignores VS16; emoji-aware terminals (tmux 3.4, VTE, "
	    "kitty, WezTerm, foot) draw a keycap wide, and counting 2 where "
	    "tmux 3.3a draws 1 leaves a blank cell, never an overrun" },
	{ "emoji narrow, VS16", S("❤\xef\xb8\x8f"), 2, 1,
	    "as for the keycap: VS16 asks for the wide emoji presentation, "
	    "which tmux 3.3a does not give" },
	{ "emoji skin tone", S("👍🏽"), 2, 4,
	    "tmux 3.3a draws the modifier as a second wide emoji; one "
	    "cluster is one emoji elsewhere, and the reader (curses) keeps a "
	    "cell's nonspacing characters only, so it draws 2 cells there too" },
	/* Latin and CJK, the widths the layout was built on. */
	{ "latin NFD e+acute", S("e\xcc\x81"), 1, 1, NULL },
	{ "han", S("中文"), 4, 4, NULL },
};

#define NCASES (sizeof width_table / sizeof width_table[0])

/* The table for tests/e2e/width.sh: name, hex bytes, ours, tmux. */
static void
width_list(void)
{
	size_t	i, j;

	for (i = 0; i < NCASES; i++) {
		printf("%s\t", width_table[i].name);
		for (j = 0; j < width_table[i].len; j++)
			printf("\\%03o", (unsigned char)width_table[i].s[j]);
		printf("\t%d\t%d\n", width_table[i].ours, width_table[i].tmux);
	}
}

int
main(int argc, char **argv)
{
	struct layout_opts	narrow = { LAYOUT_AMBIGUOUS_NARROW, 0 };
	size_t			i, j, k, a, b, len;
	const char		*s;
	char			brk[64];
	int			w, sum;

	setlocale(LC_ALL, "C.UTF-8");
	if (argc > 1 && strcmp(argv[1], "--list") == 0) {
		width_list();
		return 0;
	}
	for (i = 0; i < NCASES; i++) {
		is_int(utf8_width(width_table[i].s, width_table[i].len,
		    &narrow), width_table[i].ours, "%s", width_table[i].name);
		ok((width_table[i].ours == width_table[i].tmux) ==
		    (width_table[i].why == NULL), "%s: a reason if tmux "
		    "differs", width_table[i].name);
	}

	/* The cell-groups the reader draws add up to the width. */
	for (i = 0; i < NCASES; i++) {
		s = width_table[i].s;
		len = width_table[i].len;
		utf8_grapheme_breaks(s, len, brk);
		for (sum = 0, a = 0; a < len; a = b) {
			for (b = a + 1; b < len && !brk[b]; b++)
				;
			for (j = a; j < b; j += k) {
				k = utf8_cluster_part(s + j, b - j, 1, &w);
				sum += w;
			}
		}
		is_int(sum, width_table[i].ours, "%s: cell-groups add up",
		    width_table[i].name);
	}
	return tap_done();
}
