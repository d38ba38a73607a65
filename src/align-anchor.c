/*
 * align-anchor.c: script-fair length and anchors of one paragraph.
 *
 * The aligner compares paragraphs of different languages by two things
 * that survive translation: how long they are, and the tokens both sides
 * must carry.  Length is counted in units where a Latin letter or digit is
 * 1 and a Hangul syllable, kana or Han ideograph is worth its calibrated
 * number of letters (ALIGN_W_*, fitted on Tatoeba pairs; see
 * data/langid/align-calibrate.py).  Anchors are numbers in one normal form
 * (full-width digits, "115,000", "115 000", "11만 5천", "11.5万" are all
 * 115000), month-day dates ("9월 16일", "9月16日", "September 16th",
 * "16 septembre"), Latin words inside CJK text and capitalised words in
 * Latin text (SBA, IASP, MOU, Zhongguancun), URLs, opening quotation
 * marks, opening parentheses and list symbols (▲); and sentence, question
 * and exclamation counts.
 *
 * UTF-8 is decoded with utf8_decode(): an ill-formed sequence becomes one
 * UTF8_BAD, which is no script, no space and no symbol.  Scripts are code
 * point ranges; that is all the aligner needs.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "align-anchor.h"
#include "utf8.h"
#include "xmalloc.h"

/*
 * Letters per Hangul syllable, kana and Han ideograph: least-squares fits
 * on the first 500 Tatoeba pairs of kor-eng, jpn-eng and cmn-eng (Tatoeba,
 * CC BY 2.0 FR; data/langid/align-calibrate.py prints these).
 */
#define ALIGN_W_HANGUL	2.102
#define ALIGN_W_KANA	1.542
#define ALIGN_W_HAN	2.796

#define ALIGN_NITEMS(a)	(sizeof (a) / sizeof (a)[0])

enum align_script {
	ALIGN_SCRIPT_NONE = 0,
	ALIGN_SCRIPT_LATIN,		/* Latin, Greek, Cyrillic letters */
	ALIGN_SCRIPT_DIGIT,
	ALIGN_SCRIPT_HANGUL,
	ALIGN_SCRIPT_KANA,
	ALIGN_SCRIPT_HAN,
};

/* A paragraph being scanned: its code points and the anchors so far. */
struct align_scan {
	const uint32_t		*c;
	size_t			 n;
	struct align_para	*p;
	size_t			 cap;
	int			 dquotes;	/* ASCII '"' seen */
	int			 open;		/* text since the last sentence end */
};

static const char *align_months[] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december",
	"janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet",
	"aout", "septembre", "octobre", "novembre", "decembre",
	"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
	"nov", "dec",
};

/* English and French number words from two; "one" and "un" are too common. */
static const char *align_numwords[] = {
	"two", "three", "four", "five", "six", "seven", "eight", "nine",
	"ten", "eleven", "twelve",
	"deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf",
	"dix", "onze", "douze",
};

static const char *align_ordinals[] = {
	"st", "nd", "rd", "th", "e", "er", "re", "eme", "ieme", "de"
};

/* Latin-1 letters folded to ASCII, from U+00C0; '\0' for × and ÷. */
static const char align_fold_latin1[] =
    "aaaaaaaceeeeiiiidnooooo\0ouuuuyts"
    "aaaaaaaceeeeiiiidnooooo\0ouuuuyty";

static enum align_script
align_anchor_script(uint32_t cp)
{
	/* The common cases first: ASCII, Hangul syllables, ideographs. */
	if (cp < 0x80) {
		if (cp >= '0' && cp <= '9')
			return ALIGN_SCRIPT_DIGIT;
		if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
			return ALIGN_SCRIPT_LATIN;
		return ALIGN_SCRIPT_NONE;
	}
	if (cp >= 0xac00 && cp <= 0xd7a3)
		return ALIGN_SCRIPT_HANGUL;
	if (cp >= 0x4e00 && cp <= 0x9fff)
		return ALIGN_SCRIPT_HAN;
	if (cp >= 0xff10 && cp <= 0xff19)
		return ALIGN_SCRIPT_DIGIT;
	if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
		return ALIGN_SCRIPT_LATIN;
	if (cp >= 0xc0 && cp <= 0x52f && cp != 0xd7 && cp != 0xf7 &&
	    !(cp >= 0x2b0 && cp <= 0x36f))
		return ALIGN_SCRIPT_LATIN;
	if ((cp >= 0x1e00 && cp <= 0x1eff) || (cp >= 0xff21 && cp <= 0xff3a) ||
	    (cp >= 0xff41 && cp <= 0xff5a))
		return ALIGN_SCRIPT_LATIN;
	if ((cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0x1100 && cp <= 0x11ff) ||
	    (cp >= 0x3130 && cp <= 0x318f))
		return ALIGN_SCRIPT_HANGUL;
	if ((cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x31f0 && cp <= 0x31ff) ||
	    (cp >= 0xff66 && cp <= 0xff9f))
		return ALIGN_SCRIPT_KANA;
	if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) ||
	    (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x2ffff))
		return ALIGN_SCRIPT_HAN;
	return ALIGN_SCRIPT_NONE;
}

static int
align_anchor_digit(uint32_t cp)
{
	if (cp >= '0' && cp <= '9')
		return cp - '0';
	if (cp >= 0xff10 && cp <= 0xff19)
		return cp - 0xff10;
	return -1;
}

static int
align_anchor_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == 0xa0 || cp == 0x202f ||
	    cp == 0x2009 || cp == 0x3000;
}

static size_t
align_anchor_skip(const struct align_scan *s, size_t i)
{
	while (i < s->n && align_anchor_space(s->c[i]))
		i++;
	return i;
}

/* Append the anchor of this kind and these bytes (FNV-1a, kind on top). */
static void
align_anchor_add(struct align_scan *s, enum align_anchor_kind kind,
    const char *bytes, size_t len)
{
	uint64_t	h = 14695981039346656037ULL;
	size_t		i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)bytes[i];
		h *= 1099511628211ULL;
	}
	h = (h & ~(7ULL << 61)) | ((uint64_t)kind << 61);
	if (s->p->nanchors == s->cap) {
		s->cap = s->cap == 0 ? 16 : s->cap * 2;
		s->p->anchors = xreallocarray(s->p->anchors, s->cap,
		    sizeof *s->p->anchors);
	}
	s->p->anchors[s->p->nanchors++] = h;
}

static void
align_anchor_add_number(struct align_scan *s, double v)
{
	char	buf[64];
	int	n;

	if (v < 1e15 && v == (double)(long long)v)
		n = snprintf(buf, sizeof buf, "%lld", (long long)v);
	else
		n = snprintf(buf, sizeof buf, "%.6g", v);
	align_anchor_add(s, ALIGN_ANCHOR_NUMBER, buf, (size_t)n);
}

static void
align_anchor_add_month(struct align_scan *s, int month)
{
	char	buf[8];
	int	n;

	n = snprintf(buf, sizeof buf, "%d", month);
	align_anchor_add(s, ALIGN_ANCHOR_MONTH, buf, (size_t)n);
}

static void
align_anchor_add_date(struct align_scan *s, int month, double day)
{
	char	buf[32];
	int	n;

	if (day >= 1 && day <= 31 && day == (int)day) {
		n = snprintf(buf, sizeof buf, "%d-%d", month, (int)day);
		align_anchor_add(s, ALIGN_ANCHOR_DATE, buf, (size_t)n);
	} else {
		align_anchor_add_month(s, month);
		align_anchor_add_number(s, day);
	}
}

/* Digits at c[i] with thousands separators and a decimal part; 0 if none. */
static size_t
align_anchor_number(const struct align_scan *s, size_t i, double *v)
{
	size_t	j = i, k;
	double	scale;
	int	d;

	*v = 0;
	while (j < s->n && (d = align_anchor_digit(s->c[j])) >= 0)
		*v = *v * 10 + d, j++;
	if (j == i)
		return 0;
	for (;;) {	/* "115,000", "115 000": a separator, then 3 digits */
		if (j + 3 >= s->n ||
		    (s->c[j] != ',' && !align_anchor_space(s->c[j])))
			break;
		for (k = 1; k <= 3; k++)
			if (align_anchor_digit(s->c[j + k]) < 0)
				break;
		if (k <= 3 || (j + 4 < s->n && align_anchor_digit(s->c[j + 4]) >= 0))
			break;
		for (k = 1; k <= 3; k++)
			*v = *v * 10 + align_anchor_digit(s->c[j + k]);
		j += 4;
	}
	if (j + 1 < s->n && (s->c[j] == '.' || s->c[j] == ',') &&
	    align_anchor_digit(s->c[j + 1]) >= 0) {
		scale = 0.1;
		for (j++; j < s->n && (d = align_anchor_digit(s->c[j])) >= 0; j++)
			*v += d * scale, scale /= 10;
	}
	return j - i;
}

/* The CJK number multipliers: 만 万 萬, 억 億 亿, 천 千, 백 百. */
static double
align_anchor_multiplier(uint32_t cp)
{
	switch (cp) {
	case 0xb9cc: case 0x4e07: case 0x842c:
		return 1e4;
	case 0xc5b5: case 0x5104: case 0x4ebf:
		return 1e8;
	case 0xcc9c: case 0x5343:
		return 1e3;
	case 0xbc31: case 0x767e:
		return 1e2;
	}
	return 0;
}

/* A Latin word at c[i], folded to lower-case ASCII where it can be. */
static size_t
align_anchor_word(const struct align_scan *s, size_t i, char *buf,
    size_t size, size_t *len, int *upper)
{
	size_t		j;
	uint32_t	cp;
	char		ch;

	*len = 0;
	*upper = 0;
	for (j = i; j < s->n; j++) {
		cp = s->c[j];
		if (align_anchor_script(cp) != ALIGN_SCRIPT_LATIN)
			break;
		if (cp >= 0xff21 && cp <= 0xff5a)
			cp -= 0xff21 - 'A';
		if ((cp >= 'A' && cp <= 'Z') || (cp >= 0xc0 && cp <= 0xde))
			*upper = 1;
		ch = 0;
		if (cp < 0x80)
			ch = (char)(cp | 0x20);
		else if (cp >= 0xc0 && cp <= 0xff)
			ch = align_fold_latin1[cp - 0xc0];
		else if (cp == 0x153 || cp == 0x152)
			ch = 'o';
		if (ch == 0)	/* keep the code point's low bits */
			ch = (char)(0x80 | (cp & 0x7f));
		if (*len + 1 < size)
			buf[(*len)++] = ch;
	}
	buf[*len] = '\0';
	return j - i;
}

/* Every Latin word is looked up: test the first letter before strcmp. */
static int
align_anchor_lookup(const char **table, size_t n, const char *word)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (table[i][0] == word[0] && strcmp(table[i], word) == 0)
			return (int)i;
	return -1;
}

static int
align_anchor_month(const struct align_scan *s, size_t i, size_t *end)
{
	char	buf[16];
	size_t	len;
	int	upper, m;

	if (i >= s->n || align_anchor_script(s->c[i]) != ALIGN_SCRIPT_LATIN)
		return 0;
	*end = i + align_anchor_word(s, i, buf, sizeof buf, &len, &upper);
	m = align_anchor_lookup(align_months, ALIGN_NITEMS(align_months), buf);
	return m < 0 ? 0 : m % 12 + 1;
}

/* Skip an ordinal suffix glued to a number: 16th, 42nd, 42e, 1er. */
static size_t
align_anchor_ordinal(const struct align_scan *s, size_t i)
{
	char	buf[8];
	size_t	len, n;
	int	upper;

	if (i >= s->n || align_anchor_script(s->c[i]) != ALIGN_SCRIPT_LATIN)
		return i;
	n = align_anchor_word(s, i, buf, sizeof buf, &len, &upper);
	if (align_anchor_lookup(align_ordinals, ALIGN_NITEMS(align_ordinals),
	    buf) >= 0)
		return i + n;
	return i;
}

/*
 * "11만 5천", "11万5千", "11.5万": after a number, a multiplier, and maybe
 * more number-multiplier terms with smaller multipliers.  Returns where
 * the number ends and its value.
 */
static size_t
align_anchor_cjk_number(const struct align_scan *s, size_t j, double *v)
{
	double	m, last, w;
	size_t	k, n;

	k = align_anchor_skip(s, j);
	if (k >= s->n || (m = align_anchor_multiplier(s->c[k])) == 0)
		return j;
	*v *= m;
	last = m;
	j = k + 1;
	for (;;) {
		k = align_anchor_skip(s, j);
		if ((n = align_anchor_number(s, k, &w)) == 0 || k + n >= s->n)
			break;
		m = align_anchor_multiplier(s->c[k + n]);
		if (m == 0 || m >= last)
			break;
		*v += w * m;
		last = m;
		j = k + n + 1;
	}
	return j;
}

/* A number at c[i], as a date when a month marker or name goes with it. */
static size_t
align_anchor_scan_number(struct align_scan *s, size_t i)
{
	double	v, day;
	size_t	j, k, n, end;
	int	month;

	j = i + align_anchor_number(s, i, &v);
	k = align_anchor_skip(s, j);
	if (k < s->n && (s->c[k] == 0xc6d4 || s->c[k] == 0x6708) &&
	    v >= 1 && v <= 12 && v == (int)v) {		/* 월 月 */
		j = align_anchor_skip(s, k + 1);
		n = align_anchor_number(s, j, &day);
		k = align_anchor_skip(s, j + n);
		if (n != 0 && k < s->n &&
		    (s->c[k] == 0xc77c || s->c[k] == 0x65e5)) {	/* 일 日 */
			align_anchor_add_date(s, (int)v, day);
			return k + 1;
		}
		align_anchor_add_month(s, (int)v);
		return j;
	}
	j = align_anchor_ordinal(s, align_anchor_cjk_number(s, j, &v));
	if ((month = align_anchor_month(s, align_anchor_skip(s, j), &end))) {
		align_anchor_add_date(s, month, v);
		return end;
	}
	align_anchor_add_number(s, v);
	return j;
}

/* "http://", "https://" or "www." at c[i]: the URL up to white space. */
static size_t
align_anchor_scan_url(struct align_scan *s, size_t i)
{
	static const char	*starts[] = { "http://", "https://", "www." };
	char			 buf[256];
	size_t			 t, j, len = 0;
	const char		*p;

	for (t = 0; t < ALIGN_NITEMS(starts); t++) {
		for (p = starts[t], j = i; *p != '\0' && j < s->n; p++, j++)
			if ((s->c[j] | 0x20) != (uint32_t)*p)
				break;
		if (*p == '\0')
			break;
	}
	if (t == ALIGN_NITEMS(starts))
		return i;
	for (j = i; j < s->n && s->c[j] > ' ' && !align_anchor_space(s->c[j]);
	    j++) {
		if (len + 1 < sizeof buf && s->c[j] < 0x80)
			buf[len++] = (char)(s->c[j] >= 'A' && s->c[j] <= 'Z' ?
			    s->c[j] | 0x20 : s->c[j]);
	}
	while (len > 0 && strchr(".,;:)]>\"'", buf[len - 1]) != NULL)
		len--;
	align_anchor_add(s, ALIGN_ANCHOR_URL, buf, len);
	return j;
}

/* A Latin word at c[i]: a month (maybe with its day), a number word, or
 * a word worth matching across languages. */
static size_t
align_anchor_scan_word(struct align_scan *s, size_t i)
{
	char	buf[64];
	size_t	len, j, k, n;
	int	upper, m;
	double	v;

	if ((j = align_anchor_scan_url(s, i)) != i)
		return j;
	j = i + align_anchor_word(s, i, buf, sizeof buf, &len, &upper);
	if ((m = align_anchor_lookup(align_months, ALIGN_NITEMS(align_months),
	    buf)) >= 0) {
		k = align_anchor_skip(s, j);
		if ((n = align_anchor_number(s, k, &v)) != 0) {
			align_anchor_add_date(s, m % 12 + 1, v);
			return align_anchor_ordinal(s, k + n);
		}
		if (m < 24 && len > 4 && strcmp(buf, "march") != 0) {
			align_anchor_add_month(s, m % 12 + 1);
			return j;
		}
	}
	if ((m = align_anchor_lookup(align_numwords,
	    ALIGN_NITEMS(align_numwords), buf)) >= 0) {
		align_anchor_add_number(s, m % 11 + 2);
		return j;
	}
	if (len >= 2 && (s->p->cjk || upper))
		align_anchor_add(s, ALIGN_ANCHOR_WORD, buf, len);
	return j;
}

static int
align_anchor_quote(struct align_scan *s, uint32_t cp)
{
	switch (cp) {
	case 0x201c: case 0xab: case 0x300c: case 0x300e: case 0x2018:
	case 0x300a: case 0xff62:
		return 1;
	case '"': case 0xff02:
		return s->dquotes++ % 2 == 0;
	}
	return 0;
}

static int
align_anchor_symbol(uint32_t cp)
{
	return (cp >= 0x25a0 && cp <= 0x25ff) || cp == 0x2605 ||
	    cp == 0x2606 || cp == 0x203b || cp == 0x2022;
}

/*
 * Count a sentence end at c[i]: . ! ? followed by closing quotes or
 * brackets and then space or the end, or a full-width 。！？ not followed
 * by another one.  "11.5", "Co.," and "?!" count once or not at all.
 */
static void
align_anchor_sentence(struct align_scan *s, size_t i)
{
	uint32_t	cp = s->c[i], nx;
	size_t		j = i + 1;
	int		wide = cp == 0x3002 || cp == 0xff01 || cp == 0xff1f;

	if (!wide && cp != '.' && cp != '!' && cp != '?')
		return;
	while (j < s->n && (s->c[j] == '"' || s->c[j] == '\'' ||
	    s->c[j] == ')' || s->c[j] == 0x201d || s->c[j] == 0x2019 ||
	    s->c[j] == 0xbb || s->c[j] == 0x300d || s->c[j] == 0x300f))
		j++;
	if (j < s->n) {
		nx = s->c[j];
		if (nx == '.' || nx == '!' || nx == '?' || nx == 0x3002 ||
		    nx == 0xff01 || nx == 0xff1f)
			return;
		if (!wide && !align_anchor_space(nx) && nx != '\n')
			return;
		j = align_anchor_skip(s, j);	/* "Co., Ltd. at the": no end */
		if (cp == '.' && j < s->n && ((s->c[j] >= 'a' &&
		    s->c[j] <= 'z') || (s->c[j] >= 0xdf && s->c[j] <= 0xff)))
			return;
	}
	s->p->sentences++;
	s->open = 0;
	if (cp == '?' || cp == 0xff1f)
		s->p->questions++;
	if (cp == '!' || cp == 0xff01)
		s->p->exclaims++;
}

static int
align_anchor_cmp(const void *a, const void *b)
{
	uint64_t	x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* Fill p from the paragraph's bytes: units, script and sorted anchors. */
void
align_anchor_scan(const char *text, size_t len, struct align_para *p)
{
	struct align_scan	 s;
	uint32_t		*c;
	size_t			 n, i;
	double			 cjk = 0, latin = 0;
	char			 buf[8];
	int			 l;

	memset(p, 0, sizeof *p);
	if (text == NULL)
		len = 0;
	c = xreallocarray(NULL, len + 1, sizeof *c);
	for (i = n = 0; i < len; n++)
		i += utf8_decode(text + i, len - i, &c[n]);
	for (i = 0; i < n; i++) {
		switch (align_anchor_script(c[i])) {
		case ALIGN_SCRIPT_LATIN:
		case ALIGN_SCRIPT_DIGIT:	latin += 1; break;
		case ALIGN_SCRIPT_HANGUL:	cjk += ALIGN_W_HANGUL; break;
		case ALIGN_SCRIPT_KANA:		cjk += ALIGN_W_KANA; break;
		case ALIGN_SCRIPT_HAN:		cjk += ALIGN_W_HAN; break;
		case ALIGN_SCRIPT_NONE:		break;
		}
	}
	p->units = cjk + latin;
	p->cjk = cjk > latin;

	memset(&s, 0, sizeof s);
	s.c = c;
	s.n = n;
	s.p = p;
	for (i = 0; i < n; /* nothing */) {
		enum align_script sc = align_anchor_script(c[i]);

		if (sc != ALIGN_SCRIPT_NONE)
			s.open = 1;
		if (sc == ALIGN_SCRIPT_DIGIT)
			i = align_anchor_scan_number(&s, i);
		else if (sc == ALIGN_SCRIPT_LATIN)
			i = align_anchor_scan_word(&s, i);
		else {
			align_anchor_sentence(&s, i);
			if (align_anchor_quote(&s, c[i]))
				align_anchor_add(&s, ALIGN_ANCHOR_QUOTE, "q", 1);
			else if (c[i] == '(' || c[i] == 0xff08)	/* （ */
				align_anchor_add(&s, ALIGN_ANCHOR_SYMBOL, "(", 1);
			else if (align_anchor_symbol(c[i])) {
				l = snprintf(buf, sizeof buf, "%x",
				    (unsigned)c[i]);
				align_anchor_add(&s, ALIGN_ANCHOR_SYMBOL, buf,
				    (size_t)l);
			}
			i++;
		}
	}
	if (s.open)		/* a last sentence without its full stop */
		p->sentences++;
	free(c);
	if (p->nanchors > 1)
		qsort(p->anchors, p->nanchors, sizeof *p->anchors,
		    align_anchor_cmp);
}

void
align_anchor_clear(struct align_para *p)
{
	FREE(&p->anchors);
	p->nanchors = 0;
}
