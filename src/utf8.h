/*
 * utf8.h: UTF-8 text made safe and measured in terminal cells.
 *
 * Everything that reaches the screen passes through here first.  Text from
 * articles is outside input: it may hold invalid UTF-8, terminal escape
 * sequences or bidi overrides, and any of those would let an article move
 * the cursor, retitle the terminal, write the clipboard or reorder what is
 * shown.  utf8_sanitize() removes them; the width functions then count
 * cells per grapheme cluster, never per byte or code point.
 *
 * The only other files that include libunistring headers are layout*.c;
 * what others need of the Unicode character database (a code point's
 * script, whether it is a letter) they ask here, in our own types.
 * The options struct every width and layout function honours is defined
 * here, at the bottom of the dependency chain, so that layout.h can include
 * this header and not the other way round.
 */
#ifndef TANDEM_UTF8_H
#define TANDEM_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* How wide East Asian Ambiguous characters are: see layout.h. */
enum layout_ambiguous {
	LAYOUT_AMBIGUOUS_AUTO = 0,	/* 2 in a ko/ja/zh LC_CTYPE, else 1 */
	LAYOUT_AMBIGUOUS_NARROW = 1,
	LAYOUT_AMBIGUOUS_WIDE = 2,
};

/* Where Korean may break: between words only, or between syllables. */
enum layout_korean {
	LAYOUT_KOREAN_KEEP_ALL = 0,	/* at spaces, like CSS keep-all */
	LAYOUT_KOREAN_NORMAL,		/* anywhere UAX #14 allows */
};

/*
 * Options for every function that measures or lays out text.  A NULL
 * pointer means LAYOUT_OPTS_DEFAULT; there is no other hidden state, except
 * that LAYOUT_AMBIGUOUS_AUTO reads the current LC_CTYPE locale.
 */
struct layout_opts {
	enum layout_ambiguous	ambiguous;
	enum layout_korean	korean_break;
};
#define LAYOUT_OPTS_DEFAULT { LAYOUT_AMBIGUOUS_AUTO, LAYOUT_KOREAN_KEEP_ALL }

/* Tabs stop every UTF8_TABSTOP cells from the start of the line. */
#define UTF8_TABSTOP 8

/* utf8_decode() stores this for a byte sequence that is not UTF-8. */
#define UTF8_BAD 0x110000U

int	 utf8_ambiguous_cells(const struct layout_opts *);
int	 utf8_ambiguous_for_locale(const char *);
int	 utf8_is_ambiguous(uint32_t);
int	 utf8_char_width(uint32_t, int);
size_t	 utf8_encode(uint32_t, char *);
int	 utf8_is_hangul(uint32_t);

/*
 * The scripts that tell languages apart (Unicode Scripts.txt, through
 * libunistring's uc_script).  UTF8_SCRIPT_OTHER is every other script,
 * Common (digits, punctuation) and Inherited (combining marks) included,
 * and anything that is not a code point, such as UTF8_BAD.
 */
enum utf8_script {
	UTF8_SCRIPT_OTHER = 0,
	UTF8_SCRIPT_LATIN, UTF8_SCRIPT_CYRILLIC, UTF8_SCRIPT_GREEK,
	UTF8_SCRIPT_HAN, UTF8_SCRIPT_HANGUL, UTF8_SCRIPT_HIRAGANA,
	UTF8_SCRIPT_KATAKANA, UTF8_SCRIPT_ARABIC, UTF8_SCRIPT_HEBREW,
	UTF8_SCRIPT_THAI, UTF8_SCRIPT_DEVANAGARI, UTF8_SCRIPT_BENGALI,
	UTF8_SCRIPT_TAMIL, UTF8_SCRIPT_TELUGU, UTF8_SCRIPT_KANNADA,
	UTF8_SCRIPT_MALAYALAM, UTF8_SCRIPT_GUJARATI, UTF8_SCRIPT_GURMUKHI,
	UTF8_SCRIPT_ORIYA, UTF8_SCRIPT_SINHALA, UTF8_SCRIPT_GEORGIAN,
	UTF8_SCRIPT_ARMENIAN, UTF8_SCRIPT_ETHIOPIC, UTF8_SCRIPT_KHMER,
	UTF8_SCRIPT_LAO, UTF8_SCRIPT_MYANMAR, UTF8_SCRIPT_TIBETAN,
	UTF8_SCRIPT_THAANA,
	UTF8_NSCRIPTS
};

enum utf8_script utf8_script(uint32_t);
const char	*utf8_script_name(enum utf8_script);
int	 utf8_is_letter(uint32_t);		/* general category L */
int	 utf8_is_upper(uint32_t);		/* uc_is_upper() */
int	 utf8_is_nonspacing_mark(uint32_t);	/* general category Mn */

char	*utf8_sanitize(const char *, size_t, size_t *,
	     const struct layout_opts *);
char	*utf8_sanitize_line(const char *, size_t, size_t *,
	     const struct layout_opts *);
char	*utf8_sanitize_keep_tabs(const char *, size_t, size_t *);
char	*utf8_valid_or_replace(const char *, size_t, size_t *, size_t *);
char	*utf8_normalize(const char *, size_t, size_t *);
int	 utf8_nfc_quick(uint32_t);

void	 utf8_grapheme_breaks(const char *, size_t, char *);
size_t	 utf8_cluster_part(const char *, size_t, int, int *);
int	 utf8_cluster_width(const char *, size_t, int);
int	 utf8_width(const char *, size_t, const struct layout_opts *);

/*
 * Decode one character from s (n > 0 bytes) into *uc and return how many
 * bytes it used.  An ill-formed sequence gives UTF8_BAD and the length of
 * its maximal subpart (at least 1), as Unicode recommends for U+FFFD.
 * Inline: every pass over the text calls it once per character.
 */
static inline size_t
utf8_decode(const char *s, size_t n, uint32_t *uc)
{
	const unsigned char	*p = (const unsigned char *)s;
	unsigned char		 lo = 0x80, hi = 0xbf;
	size_t			 need, i;
	uint32_t		 c = p[0];

	if (c < 0x80) {
		*uc = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		need = 1;
		c &= 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		need = 2;
		if (c == 0xe0)
			lo = 0xa0;
		else if (c == 0xed)
			hi = 0x9f;
		c &= 0x0f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		need = 3;
		if (c == 0xf0)
			lo = 0x90;
		else if (c == 0xf4)
			hi = 0x8f;
		c &= 0x07;
	} else {
		*uc = UTF8_BAD;
		return 1;
	}
	for (i = 1; i <= need; i++) {
		if (i >= n || p[i] < lo || p[i] > hi) {
			*uc = UTF8_BAD;
			return i;
		}
		c = (c << 6) | (p[i] & 0x3f);
		lo = 0x80;
		hi = 0xbf;
	}
	*uc = c;
	return need + 1;
}

#endif
