/*
 * utf8.c: decoding, sanitising and measuring UTF-8 for the terminal.
 *
 * utf8_sanitize() is the gate every article string passes before it is
 * measured or shown.  It is one left-to-right pass with no lookbehind:
 *
 *	- invalid UTF-8 (overlong forms, surrogates, code points above
 *	  U+10FFFF, lone continuation bytes such as a raw 0x9b, truncated
 *	  sequences) becomes U+FFFD, one per maximal ill-formed subpart;
 *	- escape sequences are removed whole, in the 7-bit form (ESC [ ...)
 *	  and in the 8-bit form (U+009B ...): CSI up to its final byte, OSC up
 *	  to BEL or ST, DCS/SOS/PM/APC up to ST, two- and three-byte ESC
 *	  sequences; a string that is never terminated runs to the end of the
 *	  text, as it would in a terminal;
 *	- other C0 and C1 controls, DEL, CR, NUL (the length is what
 *	  counts), the byte order mark, the interlinear annotation marks
 *	  U+FFF9-FFFB and the bidi controls (U+061C, U+200E/F, U+202A-202E,
 *	  U+2066-2069) are dropped; nothing visible replaces them, so a
 *	  hidden control cannot be told from its absence, but neither can
 *	  it shift what follows;
 *	- LF is kept (U+2028 and U+2029 become LF) and means a hard line break;
 *	  utf8_sanitize_line(), for one-line fields, makes every line and
 *	  paragraph separator a space instead;
 *	- a tab becomes spaces up to the next multiple of UTF8_TABSTOP cells
 *	  counted from the start of the line, or is kept as a tab for the
 *	  layout, which expands it once it knows where lines start.
 *
 * Widths come from libunistring's uc_width() with the encoding "UTF-8",
 * which makes East Asian Ambiguous characters narrow; when the options ask
 * for wide ones, utf8_is_ambiguous() (a table from EastAsianWidth.txt)
 * picks them out.  uc_width() with a CJK encoding is not used for that: it
 * also widens Cyrillic, Greek and accented Latin, which no terminal does.
 */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unigbrk.h>
#include <uninorm.h>
#include <uniwidth.h>

#include "utf8.h"
#include "xmalloc.h"

/* A growing output buffer; one per call, never one per character. */
struct utf8_buf {
	char	*p;
	size_t	 len;
	size_t	 cap;
};

/*
 * East Asian Width "A" from EastAsianWidth-15.0.0.txt, adjacent ranges
 * merged.  Regenerate with any script that prints the ranges whose second
 * field is "A"; combining marks in it keep width 0 because uc_width() is
 * asked first.
 */
static const struct {
	uint32_t	lo, hi;
} utf8_ambiguous_table[] = {
	{ 0x00a1, 0x00a1 }, { 0x00a4, 0x00a4 }, { 0x00a7, 0x00a8 },
	{ 0x00aa, 0x00aa }, { 0x00ad, 0x00ae }, { 0x00b0, 0x00b4 },
	{ 0x00b6, 0x00ba }, { 0x00bc, 0x00bf }, { 0x00c6, 0x00c6 },
	{ 0x00d0, 0x00d0 }, { 0x00d7, 0x00d8 }, { 0x00de, 0x00e1 },
	{ 0x00e6, 0x00e6 }, { 0x00e8, 0x00ea }, { 0x00ec, 0x00ed },
	{ 0x00f0, 0x00f0 }, { 0x00f2, 0x00f3 }, { 0x00f7, 0x00fa },
	{ 0x00fc, 0x00fc }, { 0x00fe, 0x00fe }, { 0x0101, 0x0101 },
	{ 0x0111, 0x0111 }, { 0x0113, 0x0113 }, { 0x011b, 0x011b },
	{ 0x0126, 0x0127 }, { 0x012b, 0x012b }, { 0x0131, 0x0133 },
	{ 0x0138, 0x0138 }, { 0x013f, 0x0142 }, { 0x0144, 0x0144 },
	{ 0x0148, 0x014b }, { 0x014d, 0x014d }, { 0x0152, 0x0153 },
	{ 0x0166, 0x0167 }, { 0x016b, 0x016b }, { 0x01ce, 0x01ce },
	{ 0x01d0, 0x01d0 }, { 0x01d2, 0x01d2 }, { 0x01d4, 0x01d4 },
	{ 0x01d6, 0x01d6 }, { 0x01d8, 0x01d8 }, { 0x01da, 0x01da },
	{ 0x01dc, 0x01dc }, { 0x0251, 0x0251 }, { 0x0261, 0x0261 },
	{ 0x02c4, 0x02c4 }, { 0x02c7, 0x02c7 }, { 0x02c9, 0x02cb },
	{ 0x02cd, 0x02cd }, { 0x02d0, 0x02d0 }, { 0x02d8, 0x02db },
	{ 0x02dd, 0x02dd }, { 0x02df, 0x02df }, { 0x0300, 0x036f },
	{ 0x0391, 0x03a1 }, { 0x03a3, 0x03a9 }, { 0x03b1, 0x03c1 },
	{ 0x03c3, 0x03c9 }, { 0x0401, 0x0401 }, { 0x0410, 0x044f },
	{ 0x0451, 0x0451 }, { 0x2010, 0x2010 }, { 0x2013, 0x2016 },
	{ 0x2018, 0x2019 }, { 0x201c, 0x201d }, { 0x2020, 0x2022 },
	{ 0x2024, 0x2027 }, { 0x2030, 0x2030 }, { 0x2032, 0x2033 },
	{ 0x2035, 0x2035 }, { 0x203b, 0x203b }, { 0x203e, 0x203e },
	{ 0x2074, 0x2074 }, { 0x207f, 0x207f }, { 0x2081, 0x2084 },
	{ 0x20ac, 0x20ac }, { 0x2103, 0x2103 }, { 0x2105, 0x2105 },
	{ 0x2109, 0x2109 }, { 0x2113, 0x2113 }, { 0x2116, 0x2116 },
	{ 0x2121, 0x2122 }, { 0x2126, 0x2126 }, { 0x212b, 0x212b },
	{ 0x2153, 0x2154 }, { 0x215b, 0x215e }, { 0x2160, 0x216b },
	{ 0x2170, 0x2179 }, { 0x2189, 0x2189 }, { 0x2190, 0x2199 },
	{ 0x21b8, 0x21b9 }, { 0x21d2, 0x21d2 }, { 0x21d4, 0x21d4 },
	{ 0x21e7, 0x21e7 }, { 0x2200, 0x2200 }, { 0x2202, 0x2203 },
	{ 0x2207, 0x2208 }, { 0x220b, 0x220b }, { 0x220f, 0x220f },
	{ 0x2211, 0x2211 }, { 0x2215, 0x2215 }, { 0x221a, 0x221a },
	{ 0x221d, 0x2220 }, { 0x2223, 0x2223 }, { 0x2225, 0x2225 },
	{ 0x2227, 0x222c }, { 0x222e, 0x222e }, { 0x2234, 0x2237 },
	{ 0x223c, 0x223d }, { 0x2248, 0x2248 }, { 0x224c, 0x224c },
	{ 0x2252, 0x2252 }, { 0x2260, 0x2261 }, { 0x2264, 0x2267 },
	{ 0x226a, 0x226b }, { 0x226e, 0x226f }, { 0x2282, 0x2283 },
	{ 0x2286, 0x2287 }, { 0x2295, 0x2295 }, { 0x2299, 0x2299 },
	{ 0x22a5, 0x22a5 }, { 0x22bf, 0x22bf }, { 0x2312, 0x2312 },
	{ 0x2460, 0x24e9 }, { 0x24eb, 0x254b }, { 0x2550, 0x2573 },
	{ 0x2580, 0x258f }, { 0x2592, 0x2595 }, { 0x25a0, 0x25a1 },
	{ 0x25a3, 0x25a9 }, { 0x25b2, 0x25b3 }, { 0x25b6, 0x25b7 },
	{ 0x25bc, 0x25bd }, { 0x25c0, 0x25c1 }, { 0x25c6, 0x25c8 },
	{ 0x25cb, 0x25cb }, { 0x25ce, 0x25d1 }, { 0x25e2, 0x25e5 },
	{ 0x25ef, 0x25ef }, { 0x2605, 0x2606 }, { 0x2609, 0x2609 },
	{ 0x260e, 0x260f }, { 0x261c, 0x261c }, { 0x261e, 0x261e },
	{ 0x2640, 0x2640 }, { 0x2642, 0x2642 }, { 0x2660, 0x2661 },
	{ 0x2663, 0x2665 }, { 0x2667, 0x266a }, { 0x266c, 0x266d },
	{ 0x266f, 0x266f }, { 0x269e, 0x269f }, { 0x26bf, 0x26bf },
	{ 0x26c6, 0x26cd }, { 0x26cf, 0x26d3 }, { 0x26d5, 0x26e1 },
	{ 0x26e3, 0x26e3 }, { 0x26e8, 0x26e9 }, { 0x26eb, 0x26f1 },
	{ 0x26f4, 0x26f4 }, { 0x26f6, 0x26f9 }, { 0x26fb, 0x26fc },
	{ 0x26fe, 0x26ff }, { 0x273d, 0x273d }, { 0x2776, 0x277f },
	{ 0x2b56, 0x2b59 }, { 0x3248, 0x324f }, { 0xe000, 0xf8ff },
	{ 0xfe00, 0xfe0f }, { 0xfffd, 0xfffd }, { 0x1f100, 0x1f10a },
	{ 0x1f110, 0x1f12d }, { 0x1f130, 0x1f169 },
	{ 0x1f170, 0x1f18d }, { 0x1f18f, 0x1f190 },
	{ 0x1f19b, 0x1f1ac }, { 0xe0100, 0xe01ef },
	{ 0xf0000, 0xffffd }, { 0x100000, 0x10fffd },
};

static void
utf8_buf_grow(struct utf8_buf *b, size_t more)
{
	if (b->len + more <= b->cap)
		return;
	while (b->len + more > b->cap)
		b->cap = b->cap < 64 ? 64 : b->cap * 2;
	b->p = xrealloc(b->p, b->cap);
}

static void
utf8_buf_add(struct utf8_buf *b, const char *s, size_t n)
{
	utf8_buf_grow(b, n);
	memcpy(b->p + b->len, s, n);
	b->len += n;
}

/* Finish the buffer as a NUL-terminated string. */
static char *
utf8_buf_end(struct utf8_buf *b, size_t *outlen)
{
	utf8_buf_grow(b, 1);
	b->p[b->len] = '\0';
	if (outlen != NULL)
		*outlen = b->len;
	return b->p;
}

/* 1 or 2: what LAYOUT_AMBIGUOUS_AUTO means in the given LC_CTYPE name. */
int
utf8_ambiguous_for_locale(const char *name)
{
	if (name == NULL)
		return 1;
	if (strncmp(name, "ko", 2) == 0 || strncmp(name, "ja", 2) == 0 ||
	    strncmp(name, "zh", 2) == 0)
		return (name[2] == '\0' || name[2] == '_' || name[2] == '.' ||
		    name[2] == '@') ? 2 : 1;
	return 1;
}

/* The width of an ambiguous character, 1 or 2, under these options. */
int
utf8_ambiguous_cells(const struct layout_opts *opts)
{
	if (opts != NULL && opts->ambiguous == LAYOUT_AMBIGUOUS_NARROW)
		return 1;
	if (opts != NULL && opts->ambiguous == LAYOUT_AMBIGUOUS_WIDE)
		return 2;
	return utf8_ambiguous_for_locale(setlocale(LC_CTYPE, NULL));
}

int
utf8_is_ambiguous(uint32_t uc)
{
	size_t	lo = 0, hi = sizeof utf8_ambiguous_table /
		    sizeof utf8_ambiguous_table[0], mid;

	if (uc < utf8_ambiguous_table[0].lo)
		return 0;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (uc < utf8_ambiguous_table[mid].lo)
			hi = mid;
		else if (uc > utf8_ambiguous_table[mid].hi)
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

/*
 * Cells for one code point: -1 for a control, 0 for a combining or
 * zero-width character, else 1 or 2; amb is 1 or 2.  UTF8_BAD is shown as
 * U+FFFD, itself ambiguous.
 */
int
utf8_char_width(uint32_t uc, int amb)
{
	int	w;

	if (uc >= 0x20 && uc < 0x7f)
		return 1;
	if ((uc >= 0xac00 && uc <= 0xd7a3) || (uc >= 0x4e00 && uc <= 0x9fff) ||
	    (uc >= 0x3041 && uc <= 0x3096) || (uc >= 0x309b && uc <= 0x30ff))
		return 2;	/* the common wide ones, without a call */
	if (uc == UTF8_BAD)
		uc = 0xfffd;
	w = uc_width(uc, "UTF-8");
	if (w == 1 && amb == 2 && utf8_is_ambiguous(uc))
		w = 2;
	return w;
}

/* Encode uc (UTF8_BAD as U+FFFD) into s, which has room for 4 bytes. */
size_t
utf8_encode(uint32_t uc, char *s)
{
	unsigned char	*p = (unsigned char *)s;

	if (uc == UTF8_BAD || uc > 0x10ffff || (uc >= 0xd800 && uc <= 0xdfff))
		uc = 0xfffd;
	if (uc < 0x80) {
		p[0] = uc;
		return 1;
	}
	if (uc < 0x800) {
		p[0] = 0xc0 | (uc >> 6);
		p[1] = 0x80 | (uc & 0x3f);
		return 2;
	}
	if (uc < 0x10000) {
		p[0] = 0xe0 | (uc >> 12);
		p[1] = 0x80 | ((uc >> 6) & 0x3f);
		p[2] = 0x80 | (uc & 0x3f);
		return 3;
	}
	p[0] = 0xf0 | (uc >> 18);
	p[1] = 0x80 | ((uc >> 12) & 0x3f);
	p[2] = 0x80 | ((uc >> 6) & 0x3f);
	p[3] = 0x80 | (uc & 0x3f);
	return 4;
}

/* Characters utf8_sanitize() drops: controls, bidi controls, BOM. */
static int
utf8_is_dropped(uint32_t uc)
{
	if (uc < 0x20 || (uc >= 0x7f && uc <= 0x9f))
		return uc != '\t' && uc != '\n';
	return uc == 0x061c || uc == 0x200e || uc == 0x200f ||
	    (uc >= 0x202a && uc <= 0x202e) || (uc >= 0x2066 && uc <= 0x2069) ||
	    uc == 0xfeff || (uc >= 0xfff9 && uc <= 0xfffb);
}

/*
 * Line and paragraph separators (LF, VT, FF, CR, the information
 * separators FS/GS/RS, NEL, U+2028, U+2029): what some program
 * somewhere takes for the end of a line.
 */
static int
utf8_is_break(uint32_t uc)
{
	return (uc >= '\n' && uc <= '\r') || (uc >= 0x1c && uc <= 0x1e) ||
	    uc == 0x85 || uc == 0x2028 || uc == 0x2029;
}

/* Skip a CSI body: parameters, intermediates and one final byte. */
static size_t
utf8_skip_csi(const unsigned char *p, size_t n, size_t i)
{
	for (; i < n; i++) {
		if (p[i] >= 0x40 && p[i] <= 0x7e)
			return i + 1;
		if (p[i] < 0x20 || p[i] > 0x3f)
			return i;	/* malformed: the rest is text again */
	}
	return n;
}

/*
 * Skip a control string (OSC, DCS, SOS, PM, APC) up to and including its
 * terminator: ST as ESC \ or U+009C, BEL for OSC only, or CAN/SUB, which
 * cancel it.  ESC followed by anything else ends the string unconsumed,
 * starting the next sequence, as in a VT parser.
 */
static size_t
utf8_skip_string(const unsigned char *p, size_t n, size_t i, int bel)
{
	for (; i < n; i++) {
		if (p[i] == 0x1b)
			return (i + 1 < n && p[i + 1] == '\\') ? i + 2 : i;
		if ((bel && p[i] == 0x07) || p[i] == 0x18 || p[i] == 0x1a)
			return i + 1;
		if (p[i] == 0xc2 && i + 1 < n && p[i + 1] == 0x9c)
			return i + 2;
	}
	return n;
}

/* Skip what the C1 control c1 starts; i is just after the introducer. */
static size_t
utf8_skip_c1(const unsigned char *p, size_t n, size_t i, uint32_t c1)
{
	switch (c1) {
	case 0x9b:				/* CSI */
		return utf8_skip_csi(p, n, i);
	case 0x9d:				/* OSC */
		return utf8_skip_string(p, n, i, 1);
	case 0x90:				/* DCS */
	case 0x98:				/* SOS */
	case 0x9e:				/* PM */
	case 0x9f:				/* APC */
		return utf8_skip_string(p, n, i, 0);
	}
	return i;
}

/* ESC at p[i]: return the index just after the whole escape sequence. */
static size_t
utf8_skip_escape(const unsigned char *p, size_t n, size_t i)
{
	unsigned char	b;

	if (++i >= n)
		return n;
	b = p[i];
	if (b >= 0x40 && b <= 0x5f)		/* 7-bit form of a C1 */
		return utf8_skip_c1(p, n, i + 1, b + 0x40);
	if (b >= 0x20 && b <= 0x2f) {		/* intermediates, final */
		while (i < n && p[i] >= 0x20 && p[i] <= 0x2f)
			i++;
		if (i < n && p[i] >= 0x30 && p[i] <= 0x7e)
			i++;
		return i;
	}
	if (b >= 0x30 && b <= 0x7e)		/* ESC 7, ESC c, ESC = ... */
		return i + 1;
	return i;		/* ESC before a control or non-ASCII: ESC only */
}

/* Breaks in s[from..to), which starts and ends at a certain break. */
static void
utf8_grapheme_chunk(const char *s, size_t from, size_t to, size_t nchars,
    char *p)
{
	if (nchars > 1)
		u8_grapheme_breaks((const uint8_t *)s + from, to - from,
		    p + from);
	p[from] = 1;
}

/*
 * Characters that always have a cluster break before and after them when
 * their neighbour is one too: not Extend, ZWJ, SpacingMark, Prepend,
 * Regional_Indicator, Hangul jamo, Extended_Pictographic, CR or LF
 * (UAX #29).  Between two of them there is a break, whatever came before.
 */
static int
utf8_is_simple(uint32_t uc)
{
	if (uc < 0x3000)
		return (uc >= 0x20 && uc <= 0x7e) ||
		    (uc >= 0xa0 && uc <= 0x24f && uc != 0xa9 && uc != 0xae) ||
		    (uc >= 0x2010 && uc <= 0x2027);
	return uc <= 0x3029 || (uc >= 0x3041 && uc <= 0x3096) ||
	    (uc >= 0x309b && uc <= 0x30ff) || (uc >= 0x4e00 && uc <= 0x9fff) ||
	    (uc >= 0xac00 && uc <= 0xd7a3) || (uc >= 0xff01 && uc <= 0xff60);
}

/*
 * Grapheme cluster breaks, as u8_grapheme_breaks() (p[i] = 1 if a cluster
 * starts at s[i]) but several times faster: text is cut where two simple
 * characters meet, and only the stretches between such cuts that hold
 * something else are given to libunistring, which needs no context from
 * before a cut.
 */
void
utf8_grapheme_breaks(const char *s, size_t n, char *p)
{
	size_t		i = 0, k, chunk = 0, nchars = 0;
	uint32_t	uc;
	int		simple, prev = 0;

	if (n == 0)
		return;		/* p may be NULL: an empty line has no buffer */
	memset(p, 0, n);
	while (i < n) {
		k = utf8_decode(s + i, n - i, &uc);
		simple = utf8_is_simple(uc);
		if (simple && prev) {
			if (i > chunk)
				utf8_grapheme_chunk(s, chunk, i, nchars, p);
			chunk = i;
			nchars = 0;
		}
		nchars++;
		prev = simple;
		i += k;
	}
	if (n > chunk)
		utf8_grapheme_chunk(s, chunk, n, nchars, p);
}

/* Width of sanitised text s[0..n), cluster by cluster; LF counts 0. */
static int
utf8_clusters_width(const char *s, size_t n, int amb)
{
	char	 stackbuf[256], *brk;
	size_t	 i, start;
	int	 w = 0;

	for (i = 0; i < n; i++) {
		if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] >= 0x7f)
			break;
	}
	if (i == n)
		return (int)n;
	brk = n <= sizeof stackbuf ? stackbuf : xmalloc(n);
	utf8_grapheme_breaks(s, n, brk);
	for (start = 0, i = 1; i <= n; i++) {
		if (i == n || brk[i]) {
			w += utf8_cluster_width(s + start, i - start, amb);
			start = i;
		}
	}
	if (brk != stackbuf)
		free(brk);
	return w;
}

/* Append the spaces a tab stands for at the end of b, line starting at line. */
static void
utf8_clean_tab(struct utf8_buf *b, size_t line, int amb)
{
	static const char	spaces[UTF8_TABSTOP] = "        ";
	int			col;

	col = utf8_clusters_width(b->p + line, b->len - line, amb);
	utf8_buf_add(b, spaces, UTF8_TABSTOP - col % UTF8_TABSTOP);
}

/*
 * The end of the marks from i: combining marks, ZWJ, variation selectors
 * and skin tones, which extend the character before them.  After a tab
 * they extend nothing, and once the tab became spaces they would extend
 * a space (a space with U+FE0F is two cells), so they are dropped there,
 * also when controls or escape sequences dropped in between hid them.
 * The same at the start of the text or a line: there they would join
 * whatever is drawn before the text (a gutter's space).
 */
static size_t
utf8_skip_marks(const char *s, size_t n, size_t i)
{
	uint32_t	uc;
	size_t		k;
	int		gcb;

	while (i < n) {
		k = utf8_decode(s + i, n - i, &uc);
		if (uc == UTF8_BAD)
			break;
		gcb = uc_graphemeclusterbreak_property(uc);
		if (gcb != GBP_EXTEND && gcb != GBP_ZWJ && gcb != GBP_SPACINGMARK)
			break;
		i += k;
	}
	return i;
}

/*
 * The end of the run from i that the sanitiser keeps byte for byte:
 * printable ASCII and valid characters that are not dropped, C1 or a line
 * break.  Copying runs rather than characters is what makes it fast.
 */
static size_t
utf8_clean_run(const char *s, size_t n, size_t i)
{
	const unsigned char	*p = (const unsigned char *)s;
	uint32_t		 uc;
	size_t			 k;

	while (i < n) {
		if (p[i] >= 0x20 && p[i] < 0x7f) {
			i++;
			continue;
		}
		if (p[i] < 0x80)
			break;
		k = utf8_decode(s + i, n - i, &uc);
		if (uc == UTF8_BAD || uc <= 0x9f || uc == 0x2028 ||
		    uc == 0x2029 || utf8_is_dropped(uc))
			break;
		i += k;
	}
	return i;
}

/* The sanitiser proper; see the comment at the top of the file. */
static char *
utf8_clean(const char *s, size_t n, size_t *outlen, int keeptabs, int amb,
    int oneline)
{
	const unsigned char	*p = (const unsigned char *)s;
	struct utf8_buf		 b = { NULL, 0, 0 };
	size_t			 i = 0, k, line = 0;
	uint32_t		 uc;
	int			 tab = 1;	/* no base yet: start, tab, LF */

	utf8_buf_grow(&b, n + 1);
	while (i < n) {
		if ((k = utf8_clean_run(s, n, i)) > i) {
			/* Marks at the start, after a line break or a tab
			   (or after what was dropped since) extend nothing. */
			if (tab)
				i = utf8_skip_marks(s, k, i);
			if (k > i) {
				utf8_buf_add(&b, s + i, k - i);
				tab = 0;
			}
			i = k;
			continue;
		}
		if (p[i] == 0x1b) {
			i = utf8_skip_escape(p, n, i);
			continue;
		}
		if (p[i] == '\t') {
			if (keeptabs)
				utf8_buf_add(&b, "\t", 1);
			else
				utf8_clean_tab(&b, line, amb);
			tab = 1;
			i++;
			continue;
		}
		k = utf8_decode(s + i, n - i, &uc);
		if (oneline && utf8_is_break(uc)) {
			utf8_buf_add(&b, " ", 1);
			tab = 0;
			i += k;
			continue;
		}
		if (uc >= 0x80 && uc <= 0x9f) {
			i = utf8_skip_c1(p, n, i + k, uc);
			continue;
		}
		i += k;
		if (uc == '\n' || uc == 0x2028 || uc == 0x2029) {
			utf8_buf_add(&b, "\n", 1);
			line = b.len;
			tab = 1;
		} else if (uc == UTF8_BAD) {
			utf8_buf_add(&b, "\xef\xbf\xbd", 3);
			tab = 0;
		}
		/* else dropped */
	}
	return utf8_buf_end(&b, outlen);
}

/*
 * Return an allocated, NUL-terminated copy of s[0..len) that is safe to
 * send to a terminal (see the top of the file), its length in *outlen.
 */
char *
utf8_sanitize(const char *s, size_t len, size_t *outlen,
    const struct layout_opts *opts)
{
	return utf8_clean(s, len, outlen, 0, utf8_ambiguous_cells(opts), 0);
}

/*
 * The same for a one-line field (a title, an author, a URL, a file
 * name): every line or paragraph separator becomes a space, so the
 * field cannot start a row of its own wherever it is printed.
 */
char *
utf8_sanitize_line(const char *s, size_t len, size_t *outlen,
    const struct layout_opts *opts)
{
	return utf8_clean(s, len, outlen, 0, utf8_ambiguous_cells(opts), 1);
}

/* The same, but tabs stay: for the layout, which expands them per line. */
char *
utf8_sanitize_keep_tabs(const char *s, size_t len, size_t *outlen)
{
	return utf8_clean(s, len, outlen, 1, 1, 0);
}

/*
 * For the importer: copy s with every ill-formed sequence replaced by
 * U+FFFD and nothing else changed; *nbad (if not NULL) gets the count.
 */
char *
utf8_valid_or_replace(const char *s, size_t len, size_t *outlen,
    size_t *nbad)
{
	struct utf8_buf	 b = { NULL, 0, 0 };
	size_t		 i = 0, run = 0, k, bad = 0;
	uint32_t	 uc;
	uint64_t	 w;

	utf8_buf_grow(&b, len + 1);
	while (i < len) {
		/* Valid text is copied a run at a time, ASCII 8 bytes a step. */
		if (len - i >= 8) {
			memcpy(&w, s + i, 8);
			if ((w & 0x8080808080808080ULL) == 0) {
				i += 8;
				continue;
			}
		}
		k = utf8_decode(s + i, len - i, &uc);
		if (uc == UTF8_BAD) {
			utf8_buf_add(&b, s + run, i - run);
			utf8_buf_add(&b, "\xef\xbf\xbd", 3);
			bad++;
			run = i + k;
		}
		i += k;
	}
	utf8_buf_add(&b, s + run, len - run);
	if (nbad != NULL)
		*nbad = bad;
	return utf8_buf_end(&b, outlen);
}

/*
 * Code points that are NFC_QC=Yes with combining class 0, in the blocks
 * articles are written in: Latin to U+02FF, general punctuation, CJK
 * punctuation and kana (less the tone and sound marks), ideographs,
 * Hangul syllables and fullwidth forms.  Text made only of these is
 * already NFC (tests/test-unicode-conformance.c checks the ranges against
 * DerivedNormalizationProps.txt).
 */
static const struct {
	uint32_t	lo, hi;
} utf8_nfc_ranges[] = {
	{ 0x0000, 0x02ff }, { 0x2010, 0x2027 }, { 0x2030, 0x205e },
	{ 0x3000, 0x3029 }, { 0x3030, 0x3098 }, { 0x309b, 0x30ff },
	{ 0x4e00, 0x9fff }, { 0xac00, 0xd7a3 }, { 0xff01, 0xffef },
};

int
utf8_nfc_quick(uint32_t uc)
{
	size_t	i;

	for (i = 0; i < sizeof utf8_nfc_ranges / sizeof utf8_nfc_ranges[0];
	    i++) {
		if (uc < utf8_nfc_ranges[i].lo)
			return 0;
		if (uc <= utf8_nfc_ranges[i].hi)
			return 1;
	}
	return 0;
}

/* Whether valid UTF-8 is plainly NFC already: see utf8_nfc_ranges. */
static int
utf8_is_plain_nfc(const char *s, size_t len)
{
	size_t		i = 0;
	uint32_t	uc;

	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		i += utf8_decode(s + i, len - i, &uc);
		if (!utf8_nfc_quick(uc))
			return 0;
	}
	return 1;
}

/* NFC of s (made valid first if it is not), allocated, NUL-terminated. */
char *
utf8_normalize(const char *s, size_t len, size_t *outlen)
{
	char	*valid, *out;
	uint8_t	*r;
	size_t	 vlen, rlen;

	valid = utf8_valid_or_replace(s, len, &vlen, NULL);
	if (utf8_is_plain_nfc(valid, vlen)) {
		if (outlen != NULL)
			*outlen = vlen;
		return valid;
	}
	r = u8_normalize(UNINORM_NFC, (const uint8_t *)valid, vlen, NULL,
	    &rlen);
	if (r == NULL) {
		if (errno == ENOMEM) {
			fprintf(stderr, "tandem: out of memory (normalising)\n");
			exit(1);
		}
		if (outlen != NULL)
			*outlen = vlen;
		return valid;
	}
	free(valid);
	out = xmalloc(rlen + 1);
	memcpy(out, r, rlen);
	out[rlen] = '\0';
	free(r);
	if (outlen != NULL)
		*outlen = rlen;
	return out;
}

/* Cells s[0..len) takes once sanitised, tabs expanded from its start. */
int
utf8_width(const char *s, size_t len, const struct layout_opts *opts)
{
	char	*t;
	size_t	 tlen, i;
	int	 amb, w;

	for (i = 0; i < len; i++) {
		if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] >= 0x7f)
			break;
	}
	if (i == len)
		return (int)len;
	amb = utf8_ambiguous_cells(opts);
	t = utf8_clean(s, len, &tlen, 0, amb, 0);
	w = utf8_clusters_width(t, tlen, amb);
	free(t);
	return w;
}
