/*
 * test-unicode-conformance.c: libunistring against the Unicode test data.
 *
 * Runs GraphemeBreakTest.txt and LineBreakTest.txt (Debian package
 * unicode-data, /usr/share/unicode/auxiliary) through the functions the
 * layout uses -- u8_grapheme_breaks() (and utf8_grapheme_breaks(), its
 * fast path in utf8.c) and u8_possible_linebreaks() -- and through
 * u8_grapheme_next(), which the layout does not use because it cannot see
 * ZWJ sequences or flag pairs.  The installed libunistring may
 * implement an older Unicode than the data files, so not every line
 * passes: the test reports the counts, lists every failing line and holds
 * a floor.  Without the files it skips ("1..0 # SKIP").
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unigbrk.h>
#include <unilbrk.h>

#include "tap.h"
#include "utf8.h"
#include "xmalloc.h"

#define MAXCHARS 64

/*
 * libunistring 1.0 (Unicode 14) passes 7300 of 7654 lines of the
 * Unicode 15.0 LineBreakTest (95.4%): the misses are spaces after
 * mandatory breaks and combining marks after spaces.  Less a margin:
 */
#define LINEBREAK_FLOOR 94

/* One test line: the text and whether a break is expected before char k. */
struct conf_case {
	char	 text[MAXCHARS * 4 + 1];
	size_t	 len;
	size_t	 off[MAXCHARS + 1];	/* byte offset of char k */
	int	 brk[MAXCHARS + 1];	/* expected break before char k */
	size_t	 nchars;
	int	 surrogate;		/* not encodable in UTF-8 */
};

struct conf_count {
	size_t	pass, fail, skipped;
};

/* Parse "÷ 0020 × 0308 ÷" (up to '#'); 0 if the line holds no case. */
static int
conf_parse(const char *line, struct conf_case *c)
{
	const char	*p = line;
	char		*end;
	unsigned long	 uc;

	memset(c, 0, sizeof *c);
	while (*p != '\0' && *p != '#' && c->nchars < MAXCHARS) {
		if (strncmp(p, "÷", 2) == 0 || strncmp(p, "×", 2) == 0) {
			c->brk[c->nchars] = strncmp(p, "÷", 2) == 0;
			p += 2;
		} else if (*p == ' ' || *p == '\t')
			p++;
		else {
			uc = strtoul(p, &end, 16);
			if (end == p)
				return 0;
			p = end;
			if (uc >= 0xd800 && uc <= 0xdfff)
				c->surrogate = 1;
			c->off[c->nchars++] = c->len;
			c->len += utf8_encode((uint32_t)uc, c->text + c->len);
		}
	}
	c->off[c->nchars] = c->len;
	return c->nchars > 0;
}

/* Breaks per char boundary 1..nchars-1 from a flag array; 1 if right. */
static int
conf_check_grapheme(const struct conf_case *c, const char *p)
{
	size_t	k;

	for (k = 1; k < c->nchars; k++) {
		if ((p[c->off[k]] != 0) != c->brk[k])
			return 0;
	}
	return 1;
}

static int
conf_check_next(const struct conf_case *c)
{
	const uint8_t	*s = (const uint8_t *)c->text, *e = s + c->len, *q;
	char		 p[MAXCHARS * 4 + 1];

	memset(p, 0, sizeof p);
	for (q = s; q < e; q = u8_grapheme_next(q, e))
		p[q - s] = 1;
	return conf_check_grapheme(c, p);
}

static int
conf_check_line(const struct conf_case *c, const char *p)
{
	size_t	k;
	int	got;

	for (k = 1; k < c->nchars; k++) {
		got = p[c->off[k]] == UC_BREAK_POSSIBLE ||
		    p[c->off[k]] == UC_BREAK_HYPHENATION ||
		    p[c->off[k - 1]] == UC_BREAK_MANDATORY;
		if (got != c->brk[k])
			return 0;
	}
	return 1;
}

static void
conf_count(struct conf_count *n, int pass, size_t lineno, const char *what,
    const char *line, int list)
{
	if (pass) {
		n->pass++;
		return;
	}
	n->fail++;
	if (list)
		diag("%s fails line %zu: %.*s", what, lineno,
		    (int)strcspn(line, "#\n"), line);
}

/* Run one file; 0 if it could not be opened. */
static int
conf_run(const char *path, int grapheme)
{
	struct conf_case	 c;
	struct conf_count	 a = { 0, 0, 0 }, b = { 0, 0, 0 }, t = { 0, 0, 0 };
	char			 line[4096], p[MAXCHARS * 4 + 1];
	size_t			 lineno = 0, total;
	FILE			*f;

	if ((f = fopen(path, "r")) == NULL)
		return 0;
	while (fgets(line, sizeof line, f) != NULL) {
		lineno++;
		if (!conf_parse(line, &c))
			continue;
		if (c.surrogate) {
			a.skipped++;
			continue;
		}
		if (grapheme) {
			u8_grapheme_breaks((const uint8_t *)c.text, c.len, p);
			conf_count(&a, conf_check_grapheme(&c, p), lineno,
			    "u8_grapheme_breaks", line, 1);
			conf_count(&b, conf_check_next(&c), lineno,
			    "u8_grapheme_next", line, 0);
			utf8_grapheme_breaks(c.text, c.len, p);
			conf_count(&t, conf_check_grapheme(&c, p), lineno,
			    "utf8_grapheme_breaks", line, 1);
		} else {
			u8_possible_linebreaks((const uint8_t *)c.text, c.len,
			    "UTF-8", p);
			conf_count(&a, conf_check_line(&c, p), lineno,
			    "u8_possible_linebreaks", line, 1);
		}
	}
	fclose(f);
	total = a.pass + a.fail;
	if (grapheme) {
		diag("GraphemeBreakTest: u8_grapheme_breaks passes %zu of %zu "
		    "(%zu with surrogates skipped)", a.pass, total, a.skipped);
		diag("GraphemeBreakTest: u8_grapheme_next passes %zu of %zu "
		    "(not used by the layout)", b.pass, b.pass + b.fail);
		diag("GraphemeBreakTest: utf8_grapheme_breaks (the layout's "
		    "fast path) passes %zu of %zu", t.pass, t.pass + t.fail);
		is_int(t.pass, a.pass, "utf8_grapheme_breaks agrees with "
		    "u8_grapheme_breaks");
		ok(a.pass * 100 >= total * 99,
		    "grapheme clusters: at least 99%% of GraphemeBreakTest");
		ok(b.pass <= a.pass, "u8_grapheme_breaks is no worse than "
		    "u8_grapheme_next");
	} else {
		diag("LineBreakTest: u8_possible_linebreaks passes %zu of %zu "
		    "(%zu with surrogates skipped)", a.pass, total, a.skipped);
		ok(a.pass * 100 >= total * LINEBREAK_FLOOR,
		    "line breaks: at least %d%% of LineBreakTest",
		    LINEBREAK_FLOOR);
	}
	return 1;
}

/* Mark in no[] every code point in the ranges of lines that match. */
static size_t
conf_mark_ranges(const char *path, const char *field, unsigned char *no)
{
	FILE		*f;
	char		 line[512];
	unsigned long	 lo, hi, c;
	size_t		 n = 0;

	if ((f = fopen(path, "r")) == NULL)
		return 0;
	while (fgets(line, sizeof line, f) != NULL) {
		if (strstr(line, field) == NULL || line[0] == '#')
			continue;
		if (sscanf(line, "%lx..%lx", &lo, &hi) != 2) {
			if (sscanf(line, "%lx", &lo) != 1)
				continue;
			hi = lo;
		}
		for (c = lo; c <= hi && c < 0x110000; c++)
			no[c] = 1, n++;
	}
	fclose(f);
	return n;
}

/*
 * utf8_normalize() skips libunistring for text whose every code point
 * utf8_nfc_quick() accepts.  None of those may be NFC_QC=No or Maybe
 * (DerivedNormalizationProps.txt) or have a non-zero combining class
 * (UnicodeData.txt, field 3).
 */
static int
conf_nfc_quick(const char *dir)
{
	unsigned char	*no = xcalloc(0x110000, 1);
	char		*path, line[512], *p;
	FILE		*f;
	unsigned long	 c;
	size_t		 marked, wrong = 0, ccc = 0;
	int		 i;

	xasprintf(&path, "%s/../DerivedNormalizationProps.txt", dir);
	marked = conf_mark_ranges(path, "; NFC_QC; N", no);
	marked += conf_mark_ranges(path, "; NFC_QC; M", no);
	free(path);
	xasprintf(&path, "%s/../UnicodeData.txt", dir);
	if ((f = fopen(path, "r")) != NULL) {
		while (fgets(line, sizeof line, f) != NULL) {
			c = strtoul(line, &p, 16);
			for (i = 0; i < 2 && p != NULL; i++)
				p = strchr(p + 1, ';');
			if (p != NULL && atoi(p + 1) != 0 && c < 0x110000)
				no[c] = 1, ccc++;
		}
		fclose(f);
	}
	free(path);
	if (marked == 0 || ccc == 0) {
		free(no);
		return 0;
	}
	for (c = 0; c < 0x110000; c++)
		if (no[c] && utf8_nfc_quick((uint32_t)c)) {
			if (wrong++ < 5)
				diag("U+%04lX is not plainly NFC", c);
		}
	ok(wrong == 0, "NFC fast path: none of %zu NFC_QC No/Maybe and %zu "
	    "combining code points is taken as plain NFC", marked, ccc);
	ok(utf8_nfc_quick('a') && utf8_nfc_quick(0xd55c) &&
	    utf8_nfc_quick(0x4e2d) && !utf8_nfc_quick(0x301),
	    "NFC fast path takes a, 한, 中 and not U+0301");
	free(no);
	return 1;
}

int
main(void)
{
	const char	*dir = getenv("TANDEM_UCD_AUXDIR");
	char		*gpath, *lpath;
	int		 ran;

	if (dir == NULL)
		dir = TANDEM_UCD_AUXDIR;
	xasprintf(&gpath, "%s/GraphemeBreakTest.txt", dir);
	xasprintf(&lpath, "%s/LineBreakTest.txt", dir);
	ran = conf_run(gpath, 1);
	ran += conf_run(lpath, 0);
	ran += conf_nfc_quick(dir);
	free(gpath);
	free(lpath);
	if (ran == 0) {
		printf("1..0 # SKIP no Unicode test data in %s "
		    "(Debian package unicode-data)\n", dir);
		return 0;
	}
	return tap_done();
}
