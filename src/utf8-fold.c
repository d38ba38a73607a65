/*
 * utf8-fold.c: the one folding of text for search, and the search tokens.
 *
 * The library index (cache-search.c's FTS5 tokenizer), the query it is
 * asked and the reader's search inside an article (view.c) all fold
 * text through utf8_fold_map(), so that what one finds the others find:
 * case folded in full ("Straße" = "strasse"), compatibility forms
 * decomposed (fullwidth letters, ligatures) and combining marks dropped
 * ("Séoul" = "Seoul"), dotless i and dotted capital I both i (Turkish
 * "İstanbul", "ılık"), a typographic apostrophe the same as ASCII's.
 * Han, kana and Hangul are left alone: decomposing Hangul would give
 * jamo, and a dakuten dropped from kana changes the word (か is not が).
 * Simplified and Traditional Han stay different characters (国 does
 * not find 國): a mapping between them is a dictionary, not a fold.
 *
 * utf8_tokenize() cuts folded text into the index's tokens: a word
 * (letters, digits and marks) of an alphabetic script is one token; a
 * run of Han, kana and Hangul, which has no spaces inside a Japanese or
 * Chinese sentence and glues particles onto Korean nouns (서울에서), is
 * cut into overlapping bigrams, the run's last character alone.  A
 * query of two or more such characters is then a phrase of bigrams that
 * matches anywhere inside a run; one character is asked as the prefix
 * of a bigram (search.c adds the '*').  Why bigrams and not FTS5's
 * trigram tokenizer or unicode61 is measured in cache-search.c.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>

#include "utf8.h"
#include "utf8-fold.h"
#include "xmalloc.h"

/*
 * Whether c belongs to a script written without spaces between words:
 * Hangul, kana, Han (with the iteration marks and the long vowel mark).
 * Ranges, not uc_script(): the tokenizer asks this of every character
 * of every import.
 */
int
utf8_is_cjk(uint32_t c)
{
	if (c < 0x1100)
		return 0;
	return (c <= 0x11ff) ||				/* Hangul jamo */
	    (c >= 0x2e80 && c <= 0x2fdf) ||		/* Han radicals */
	    (c >= 0x3005 && c <= 0x3007) ||		/* 々 〆 〇 */
	    (c >= 0x3041 && c <= 0x30ff && c != 0x30fb) || /* kana */
	    (c >= 0x3131 && c <= 0x318e) ||		/* compatibility jamo */
	    (c >= 0x31f0 && c <= 0x31ff) ||		/* small katakana */
	    (c >= 0x3400 && c <= 0x4dbf) ||		/* Han extension A */
	    (c >= 0x4e00 && c <= 0x9fff) ||		/* Han */
	    (c >= 0xa960 && c <= 0xa97f) ||		/* jamo extended A */
	    (c >= 0xac00 && c <= 0xd7ff) ||		/* syllables, jamo B */
	    (c >= 0xf900 && c <= 0xfaff) ||		/* compatibility Han */
	    (c >= 0xff66 && c <= 0xff9f) ||		/* halfwidth katakana */
	    (c >= 0xffa0 && c <= 0xffdc) ||		/* halfwidth jamo */
	    (c >= 0x20000 && c <= 0x3ffff);		/* Han extensions */
}

/* Whether c is part of a word: a letter, a digit or a mark. */
static int
utf8_fold_is_word(uint32_t c)
{
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9');
	if (c == UTF8_BAD)
		return 0;
	return uc_is_general_category_withtable(c, UC_CATEGORY_MASK_L |
	    UC_CATEGORY_MASK_N | UC_CATEGORY_MASK_M);
}

struct utf8_fold_buf {
	char	*s;
	size_t	 len, size;
	size_t	*map;		/* or NULL */
	int	 keep_marks;	/* the last base letter's script needs them */
};

/*
 * Whether the marks on letter c are part of its spelling in its script:
 * an Indic vowel sign or virama is, an accent on a Latin letter or
 * Arabic vowel points are not (readers type them or not).
 */
static int
utf8_fold_marks_matter(uint32_t c)
{
	return (c >= 0x0900 && c <= 0x0fff) ||	/* Indic, Thai, Lao, Tibetan */
	    (c >= 0x1000 && c <= 0x109f) ||	/* Myanmar */
	    (c >= 0x1780 && c <= 0x17ff);	/* Khmer */
}

static void
utf8_fold_put(struct utf8_fold_buf *b, const char *s, size_t n, size_t from)
{
	size_t	i;

	if (b->len + n + 1 > b->size) {
		b->size = (b->len + n + 1) * 2;
		b->s = xrealloc(b->s, b->size);
		if (b->map != NULL)
			b->map = xreallocarray(b->map, b->size,
			    sizeof *b->map);
	}
	memcpy(b->s + b->len, s, n);
	if (b->map != NULL)
		for (i = 0; i < n; i++)
			b->map[b->len + i] = from;
	b->len += n;
}

/* Fold one character that is neither ASCII nor CJK into b. */
static void
utf8_fold_char(struct utf8_fold_buf *b, const char *s, size_t n, size_t from)
{
	uint8_t		 tmp[64], *r;
	size_t		 rlen = sizeof tmp, i, k;
	uint32_t	 c;
	char		 enc[4];

	utf8_decode(s, n, &c);
	if (c == 0x131 || c == 0x130) {		/* ı İ */
		utf8_fold_put(b, "i", 1, from);
		return;
	}
	if (c == 0x2019 || c == 0x2018 || c == 0x2bc) {
		utf8_fold_put(b, "'", 1, from);
		return;
	}
	r = u8_casefold((const uint8_t *)s, n, NULL, UNINORM_NFKD, tmp, &rlen);
	if (r == NULL) {
		utf8_fold_put(b, s, n, from);
		return;
	}
	for (i = 0; i < rlen; i += k) {
		k = utf8_decode((const char *)r + i, rlen - i, &c);
		if (c != UTF8_BAD &&
		    uc_is_general_category(c, UC_NON_SPACING_MARK)) {
			if (!b->keep_marks)
				continue;
		} else
			b->keep_marks = utf8_fold_marks_matter(c);
		if (c == 0x131)
			c = 'i';
		utf8_fold_put(b, enc, utf8_encode(c, enc), from);
	}
	if (r != tmp)
		free(r);
}

/*
 * Fold s (n bytes) for search into an allocated, NUL-terminated string
 * of *outlen bytes.  With map, *map gets an array of *outlen + 1
 * offsets: the byte of s each folded byte came from, and n at the end,
 * so a match in the folded text can be drawn on the original.
 */
char *
utf8_fold_map(const char *s, size_t n, size_t *outlen, size_t **map)
{
	struct utf8_fold_buf	 b;
	size_t			 i, k;
	uint32_t		 c;
	char			 lc;

	b.size = n + 16;
	b.s = xmalloc(b.size);
	b.len = 0;
	b.keep_marks = 0;
	b.map = map != NULL ? xreallocarray(NULL, b.size, sizeof *b.map) :
	    NULL;
	for (i = 0; i < n; i += k) {
		if ((unsigned char)s[i] < 0x80) {
			k = 1;
			lc = s[i];
			if (lc >= 'A' && lc <= 'Z')
				lc += 'a' - 'A';
			utf8_fold_put(&b, &lc, 1, i);
			b.keep_marks = 0;
			continue;
		}
		k = utf8_decode(s + i, n - i, &c);
		if (c == UTF8_BAD || utf8_is_cjk(c))
			utf8_fold_put(&b, s + i, k, i);
		else
			utf8_fold_char(&b, s + i, k, i);
	}
	b.s[b.len] = '\0';
	if (map != NULL) {
		b.map[b.len] = n;
		*map = b.map;
	}
	*outlen = b.len;
	return b.s;
}

char *
utf8_fold(const char *s, size_t n, size_t *outlen)
{
	return utf8_fold_map(s, n, outlen, NULL);
}

/*
 * Cut a run of CJK characters into bigrams, and the last one alone in a
 * document (so that a one-character query finds the end of a run); a
 * query of two or more leaves it out, as it would not follow the last
 * bigram where the run goes on in a document.
 */
static int
utf8_tokenize_cjk(const char *s, const size_t *at, size_t nat, int query,
    utf8_token_cb cb, void *arg)
{
	size_t	i, end;

	for (i = 0; i < nat; i++) {
		if (query && nat > 1 && i + 1 == nat)
			break;
		end = i + 1 < nat ? at[i + 2] : at[nat];
		if (cb(arg, s + at[i], end - at[i], at[i], end) != 0)
			return -1;
	}
	return 0;
}

/* Fold one word and hand it on; the offsets are the original's. */
static int
utf8_tokenize_word(const char *s, size_t start, size_t end,
    utf8_token_cb cb, void *arg)
{
	char	 ascii[UTF8_TOKEN_MAX], *f;
	size_t	 flen, i;
	int	 rc;

	/* Most words of most Latin text: no allocation. */
	for (i = start; i < end && i - start < sizeof ascii; i++) {
		if ((unsigned char)s[i] >= 0x80)
			break;
		ascii[i - start] = s[i] >= 'A' && s[i] <= 'Z' ?
		    s[i] + ('a' - 'A') : s[i];
	}
	if (i == end)
		return cb(arg, ascii, end - start, start, end);
	f = utf8_fold(s + start, end - start, &flen);
	if (flen > UTF8_TOKEN_MAX)
		flen = UTF8_TOKEN_MAX;
	rc = flen == 0 ? 0 : cb(arg, f, flen, start, end);
	free(f);
	return rc;
}

/*
 * Call cb with each search token of s, in order, with the byte offsets
 * in s it came from; query says s is a query, not a document.  A word
 * token is folded; a CJK token is s's own bytes.  Stops and returns -1
 * when cb returns non-zero.
 */
int
utf8_tokenize(const char *s, size_t n, int query, utf8_token_cb cb,
    void *arg)
{
	size_t		 i = 0, k, start, *at = NULL, nat, sat = 0;
	uint32_t	 c;
	int		 rc = 0;

	while (i < n && rc == 0) {
		k = utf8_decode(s + i, n - i, &c);
		if (utf8_is_cjk(c)) {
			nat = 0;
			while (i < n) {
				k = utf8_decode(s + i, n - i, &c);
				if (!utf8_is_cjk(c))
					break;
				if (nat + 2 > sat) {
					sat = sat * 2 + 16;
					at = xreallocarray(at, sat, sizeof *at);
				}
				at[nat++] = i;
				i += k;
			}
			at[nat] = i;
			rc = utf8_tokenize_cjk(s, at, nat, query, cb, arg);
		} else if (utf8_fold_is_word(c)) {
			start = i;
			while (i < n) {
				k = utf8_decode(s + i, n - i, &c);
				if (!utf8_fold_is_word(c) || utf8_is_cjk(c))
					break;
				i += k;
			}
			rc = utf8_tokenize_word(s, start, i, cb, arg);
		} else
			i += k;
	}
	free(at);
	return rc;
}
