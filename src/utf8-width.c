/*
 * utf8-width.c: the one rule for how many cells a grapheme cluster takes,
 * which is how the terminal will draw it.
 *
 * tmux, xterm and the terminals like them give each character of the
 * text wcwidth() cells and draw a zero-width one over the cell before it;
 * emoji-aware ones draw an emoji sequence (ZWJ, flags, keycaps, skin
 * tones, VS16) as one wide emoji.  utf8_cluster_part() cuts a cluster
 * into the cell-groups so drawn; every measurement (layout, side by side,
 * the list's columns, the status line) adds them up through
 * utf8_cluster_width(), and the curses layer draws one group per cell.
 * tests/test-width.c holds the table of cases, and tests/e2e/width.sh
 * prints each in tmux and reads the cursor column back.
 */
#include "config.h"

#include <unictype.h>
#include <unigbrk.h>

#include "utf8.h"

/*
 * Cells a character after the first of a cluster adds: spacing marks
 * (General_Category Mc: Devanagari ा ि ी ो ौ and their kin), Thai and Lao
 * AM, the halfwidth sound marks ﾞ ﾟ and a second Hangul leading jamo are
 * drawn in cells of their own, as by wcwidth() in tmux, xterm and the
 * terminals like it; nonspacing and enclosing marks, format characters,
 * vowel and trailing jamo (U+1160-11FF, U+D7B0-D7FF) add nothing.
 */
static int
utf8_spacing_width(uint32_t uc, int amb)
{
	int	w;

	if (uc < 0x300 || uc == UTF8_BAD)
		return 0;
	if (uc_is_general_category(uc, UC_CATEGORY_Mn) ||
	    uc_is_general_category(uc, UC_CATEGORY_Me) ||
	    uc_is_general_category(uc, UC_CATEGORY_Cf))
		return 0;
	w = utf8_char_width(uc, amb);
	return w > 0 ? w : 0;
}

/* Whether the cluster s[k..n) after base uc is drawn as one emoji. */
static int
utf8_cluster_is_emoji(uint32_t uc, const char *s, size_t k, size_t n)
{
	uint32_t	c;

	if ((uc >= 0x1f1e6 && uc <= 0x1f1ff) ||
	    (uc >= 0x80 && uc_is_property_extended_pictographic(uc)))
		return 1;
	while (k < n) {
		k += utf8_decode(s + k, n - k, &c);
		if (c == 0xfe0f || c == 0x20e3)
			return 1;
	}
	return 0;
}

/*
 * The first cell-group of one grapheme cluster of sanitised text, as the
 * terminal draws it: returns its length in bytes and sets *w to its cells.
 * This is the one width rule; utf8_cluster_width() adds up the groups and
 * the curses layer draws each group as one cell, so that both agree with
 * the terminal.  A group is
 *
 *	- an emoji (Extended_Pictographic or regional indicator base, or a
 *	  keycap or VS16 anywhere): the whole cluster.  The first character
 *	  decides, ZWJ-joined emoji and skin tones add nothing, VS16 makes a
 *	  narrow base wide and a flag (two regional indicators) is wide, as
 *	  emoji-aware terminals draw them;
 *	- else a spacing character with the nonspacing marks after it, up to
 *	  the next spacing one (utf8_spacing_width), so that क + ा is two
 *	  groups of one cell each and Hangul L+V+T is one group of two.
 *
 * Prepended marks (U+0600 ARABIC NUMBER SIGN and a few more) take the
 * next character into their group, even a space; terminals draw both, so
 * both count (else a title padded after one came out a cell short).
 * amb is 1 or 2.
 */
size_t
utf8_cluster_part(const char *s, size_t n, int amb, int *w)
{
	uint32_t	uc, c;
	size_t		k, next;
	int		cw, ri, pre;

	*w = 0;
	if (n == 0)
		return 0;
	k = utf8_decode(s, n, &uc);
	for (pre = 0; uc >= 0x600 && k < n &&
	    uc_graphemeclusterbreak_property(uc) == GBP_PREPEND; ) {
		if ((cw = utf8_char_width(uc, amb)) > 0)
			pre += cw;
		k += utf8_decode(s + k, n - k, &uc);
	}
	cw = utf8_char_width(uc, amb);
	if (cw < 0) {
		*w = pre;
		return n;
	}
	if (utf8_cluster_is_emoji(uc, s, k, n)) {
		ri = uc >= 0x1f1e6 && uc <= 0x1f1ff;
		while (k < n) {
			k += utf8_decode(s + k, n - k, &c);
			if (c == 0xfe0f && cw == 1)
				cw = 2;
			else if (ri && c >= 0x1f1e6 && c <= 0x1f1ff)
				cw = 2;
		}
		*w = pre + cw;
		return n;
	}
	while (k < n) {
		next = k + utf8_decode(s + k, n - k, &c);
		if (utf8_spacing_width(c, amb) > 0)
			break;
		k = next;
	}
	*w = pre + cw;
	return k;
}

/* Cells for one grapheme cluster of sanitised text; amb is 1 or 2. */
int
utf8_cluster_width(const char *s, size_t n, int amb)
{
	size_t	k;
	int	w, total = 0;

	while (n > 0) {
		k = utf8_cluster_part(s, n, amb, &w);
		total += w;
		s += k;
		n -= k;
	}
	return total;
}
