/*
 * test-layout.c: line breaking, serialised as "|line   |" rows.
 *
 * Three kinds of test: a table of small cases (one per rule), a property
 * test over random mixed-script paragraphs at every width from 1 to 200,
 * and golden files of the sample article's five languages at widths 20,
 * 40, 80, 120 and 200 in tests/golden/layout/.  Run with
 * TANDEM_GOLDEN_UPDATE=1 to rewrite the goldens, then read them.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unigbrk.h>

#include "tap.h"
#include "layout-sample.h"
#include "layout.h"
#include "utf8.h"
#include "xmalloc.h"

#define N1 LAYOUT_AMBIGUOUS_NARROW
#define W2 LAYOUT_AMBIGUOUS_WIDE
#define KA LAYOUT_KOREAN_KEEP_ALL
#define KN LAYOUT_KOREAN_NORMAL

static const struct {
	const char	*name;
	const char	*text;
	int		 width;
	int		 amb;
	int		 korean;
	const char	*want;
} wrap_cases[] = {
	{ "Latin breaks at spaces", "The quick brown fox jumps", 10, N1, KA,
	    "|The quick |\n|brown fox |\n|jumps     |\n" },
	{ "trailing spaces are not counted", "aaaa     bbbb", 4, N1, KA,
	    "|aaaa|\n|bbbb|\n" },
	{ "exact fit", "abcd efgh", 9, N1, KA, "|abcd efgh|\n" },
	{ "a word with no opportunity is cut",
	    "abcdefghijklmnopqrstuvwxyz", 10, N1, KA,
	    "|abcdefghij|\n|klmnopqrst|\n|uvwxyz    |\n" },
	{ "URL breaks after / by UAX #14",
	    "see https://site.test/a/very/long/path ok", 12, N1, KA,
	    "|see https://|\n|site.test/a/|\n|very/long/  |\n"
	    "|path ok     |\n" },
	{ "URL without an opportunity is cut", "https://bookshelf.test", 8,
	    N1, KA, "|https://|\n|bookshel|\n|f.test  |\n" },
	{ "leading spaces that do not fit", " ab", 1, N1, KA,
	    "| |\n|a|\n|b|\n" },
	{ "Japanese breaks between characters", "日本語の文章です。", 6, N1,
	    KA, "|日本語|\n|の文章|\n|です。|\n" },
	{ "。 never starts a line", "あいう。", 6, N1, KA,
	    "|あい  |\n|う。  |\n" },
	{ "「 never ends a line", "あい「うえ」", 6, N1, KA,
	    "|あい  |\n|「う  |\n|え」  |\n" },
	{ "Chinese closing comma", "中文中文，中文", 8, N1, KA,
	    "|中文中  |\n|文，中文|\n" },
	{ "Korean keeps words whole", "서울시와 서울경제진흥원", 14, N1, KA,
	    "|서울시와      |\n|서울경제진흥원|\n" },
	{ "Korean normal breaks syllables", "서울시와 서울경제진흥원", 14, N1,
	    KN, "|서울시와 서울 |\n|경제진흥원    |\n" },
	{ "Korean fits", "서울시와 서울경제진흥원", 25, N1, KA,
	    "|서울시와 서울경제진흥원  |\n" },
	{ "Korean particle after Latin stays", "MOU를 체결", 6, N1, KA,
	    "|MOU를 |\n|체결  |\n" },
	{ "Korean word longer than the line", "중관촌국제홀딩스", 6, N1, KA,
	    "|중관촌|\n|국제홀|\n|딩스  |\n" },
	{ "forced break keeps ) off the line start", "가나다라)", 8, N1, KA,
	    "|가나다  |\n|라)     |\n" },
	{ "combining marks stay with their base",
	    "e\xcc\x81" "e\xcc\x81" "e\xcc\x81", 2, N1, KA,
	    "|e\xcc\x81" "e\xcc\x81|\n|e\xcc\x81 |\n" },
	{ "NFD Hangul is one cluster",
	    "\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab\xe1\x84\x80\xe1\x85\xb3"
	    "\xe1\x86\xaf", 3, N1, KA,
	    "|\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab |\n"
	    "|\xe1\x84\x80\xe1\x85\xb3\xe1\x86\xaf |\n" },
	{ "ZWJ family is never split", "👨‍👩‍👧‍👦👨‍👩‍👧‍👦", 3, N1, KA,
	    "|👨‍👩‍👧‍👦 |\n|👨‍👩‍👧‍👦 |\n" },
	{ "wide character in a 1-cell line", "한a", 1, N1, KA,
	    "|한|\n|a|\n" },
	{ "escape sequences are gone", "a\x1b[31mb c\x1b]0;t\a", 3, N1, KA,
	    "|ab |\n|c  |\n" },
	{ "tab expands from the line start", "a\tb", 12, N1, KA,
	    "|a       b   |\n" },
	{ "tab on a continuation line", "aaaa bbbb\tc", 6, N1, KA,
	    "|aaaa  |\n|bbbb  |\n|c     |\n" },
	{ "LF ends a line", "ab\ncd", 4, N1, KA, "|ab  |\n|cd  |\n" },
	{ "empty paragraph is one empty line", "", 3, N1, KA, "|   |\n" },
	{ "ambiguous narrow", "▲▲▲▲", 4, N1, KA, "|▲▲▲▲|\n" },
	{ "ambiguous wide", "▲▲▲▲", 4, W2, KA, "|▲▲|\n|▲▲|\n" },
	{ "French guillemets keep their word", "dit « Séoul » hier", 9, N1,
	    KA, "|dit      |\n|« Séoul »|\n|hier     |\n" },
	{ "closing guillemet stays too", "« Zhongguancun International »),"
	    " une", 26, N1, KA, "|« Zhongguancun            |\n"
	    "|International »), une     |\n" },
	{ "quotes are ambiguous too", "“ab” cd", 6, W2, KA,
	    "|“ab”|\n|cd    |\n" },
};

static void
test_wrap_cases(void)
{
	struct layout		 l;
	struct layout_opts	 o;
	char			*got;
	size_t			 i;

	layout_init(&l);
	for (i = 0; i < sizeof wrap_cases / sizeof wrap_cases[0]; i++) {
		o.ambiguous = wrap_cases[i].amb;
		o.korean_break = wrap_cases[i].korean;
		layout_clear(&l);
		layout_wrap(&l, 0, wrap_cases[i].text,
		    strlen(wrap_cases[i].text), wrap_cases[i].width, &o);
		got = layout_render(&l, wrap_cases[i].width, "|");
		is_str(got, wrap_cases[i].want, "wrap: %s", wrap_cases[i].name);
		free(got);
	}
	layout_free(&l);
}

static const struct {
	const char	*name;
	const char	*text;
	int		 cells;
	int		 amb;
	const char	*truncated;
	const char	*padded;
} fit_cases[] = {
	{ "fits", "abc", 3, N1, "abc", "abc" },
	{ "fits with room", "abc", 5, N1, "abc", "abc  " },
	{ "Latin cut", "Hello, world", 8, N1, "Hello, …", "Hello, …" },
	{ "wide ellipsis", "Hello, world", 8, W2, "Hello,…", "Hello,…" },
	{ "Hangul cut", "한국어입니다", 7, N1, "한국어…", "한국어…" },
	{ "Hangul cut, wide ellipsis", "한국어입니다", 7, W2, "한국…",
	    "한국… " },
	{ "wide char not halved", "한국어", 4, N1, "한…", "한… " },
	{ "ellipsis wider than the cells", "abc", 1, W2, "a", "a" },
	{ "nothing fits", "한국", 1, W2, "", " " },
	{ "zero cells", "abc", 0, N1, "", "" },
	{ "combining mark stays", "e\xcc\x81" "e\xcc\x81" "e\xcc\x81", 2,
	    N1, "e\xcc\x81…", "e\xcc\x81…" },
	{ "ZWJ family stays whole", "👨‍👩‍👧‍👦👨‍👩‍👧‍👦", 3, N1, "👨‍👩‍👧‍👦…",
	    "👨‍👩‍👧‍👦…" },
	{ "controls go first", "\x1b[31mab\x1b[0m", 2, N1, "ab", "ab" },
	{ "LF becomes a space", "a\nb", 3, N1, "a b", "a b" },
};

static void
test_fit(void)
{
	struct layout_opts	 o = LAYOUT_OPTS_DEFAULT;
	char			*got;
	size_t			 i;

	for (i = 0; i < sizeof fit_cases / sizeof fit_cases[0]; i++) {
		o.ambiguous = fit_cases[i].amb;
		got = layout_truncate(fit_cases[i].text,
		    strlen(fit_cases[i].text), fit_cases[i].cells, &o);
		is_str(got, fit_cases[i].truncated, "truncate: %s",
		    fit_cases[i].name);
		ok(utf8_width(got, strlen(got), &o) <= fit_cases[i].cells,
		    "truncate: %s: not wider than %d", fit_cases[i].name,
		    fit_cases[i].cells);
		free(got);
		got = layout_pad(fit_cases[i].text, strlen(fit_cases[i].text),
		    fit_cases[i].cells, &o);
		is_str(got, fit_cases[i].padded, "pad: %s", fit_cases[i].name);
		free(got);
	}
}

/* The line records themselves: paragraph, continuation, bytes, width. */
static void
test_records(void)
{
	struct layout		l;
	struct layout_opts	o = { N1, KA };
	size_t			i;
	int			good = 1;

	layout_init(&l);
	layout_wrap(&l, 7, "one two three", 13, 7, &o);
	layout_wrap(&l, 8, "中文", 6, 7, &o);
	is_int(l.nlines, 3, "records: line count");
	ok(l.lines[0].para == 7 && l.lines[1].para == 7 &&
	    l.lines[2].para == 8, "records: paragraph index");
	ok(!l.lines[0].cont && l.lines[1].cont && !l.lines[2].cont,
	    "records: continuation flags");
	is_str(layout_line_text(&l, 1), "three", "records: text of line 1");
	is_int(l.lines[0].len, 7, "records: \"one two\" is 7 bytes");
	ok(l.lines[1].poff == 8 && l.lines[1].plen == 5,
	    "records: line 1 is bytes 8..13 of its paragraph");
	is_int(l.lines[2].width, 4, "records: width of 中文");
	for (i = 0; i < l.nlines; i++) {
		if (utf8_width(layout_line_text(&l, i), l.lines[i].len, &o) !=
		    l.lines[i].width)
			good = 0;
	}
	ok(good, "records: width matches the text");
	layout_free(&l);
}

/*
 * Pieces the random paragraphs are made of.  Closing marks follow a
 * letter and opening marks precede one, so that a legal break always
 * exists at width 6 and more ("“中。" is 6 cells with wide quotes); a
 * run with no legal break that is wider than the line cannot keep its
 * closing mark off the next line's start, and is not tested.
 */
static const char *const pieces[] = {
	"中", "文", "日本", "語", "かな", "カタカナ", "한국어", "서울", "는",
	"word", "a", "Zhongguancun", "https://site.test/path", "e\xcc\x81",
	"\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab", "👨‍👩‍👧‍👦", "❤️", "👍🏽", "🇰🇷",
	"中。", "語、", "文，", "字」", "本）", "「中", "（文", "▲", "“", "”",
	"な…", " ", " ",
	" ", "  ", "\t", "\x1b[31m", "\x01", "\xc2\x9b" "1m", "\xff", "\xc0",
	"\x1b]0;x\a", "\xe2\x80\xae", "ＡＢ", "1.5", "(SBA)",
};

/* Remove spaces (the only thing a layout may drop) from s[0..n). */
static char *
strip_spaces(const char *s, size_t n, size_t *outlen)
{
	char	*out = xmalloc(n + 1);
	size_t	 i, o = 0;

	for (i = 0; i < n; i++) {
		if (s[i] != ' ')
			out[o++] = s[i];
	}
	out[o] = '\0';
	*outlen = o;
	return out;
}

static int
has_control(const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i;

	for (i = 0; i < n; i++) {
		if (p[i] < 0x20 || p[i] == 0x7f ||
		    (p[i] == 0xc2 && i + 1 < n && p[i + 1] >= 0x80 &&
		    p[i + 1] <= 0x9f))
			return 1;
	}
	return 0;
}

static int
starts_closing(const char *s)
{
	static const char *const closing[] = { "。", "、", "，", "」", "）" };
	size_t			 i;

	for (i = 0; i < sizeof closing / sizeof closing[0]; i++) {
		if (strncmp(s, closing[i], strlen(closing[i])) == 0)
			return 1;
	}
	return 0;
}

static size_t
random_para(char *buf, size_t size, unsigned *seed)
{
	size_t	n = 0, k, count, len;

	*seed = *seed * 1103515245 + 12345;
	count = 1 + (*seed >> 16) % 60;
	for (k = 0; k < count; k++) {
		*seed = *seed * 1103515245 + 12345;
		const char *p = pieces[(*seed >> 16) %
		    (sizeof pieces / sizeof pieces[0])];
		len = strlen(p);
		if (n + len >= size)
			break;
		memcpy(buf + n, p, len);
		n += len;
	}
	return n;
}

/* Do the lines of l hold exactly ref's visible clusters, in order? */
static int
same_clusters(const struct layout *l, const char *ref, size_t reflen)
{
	char	*brk, *line;
	size_t	 i, pos = 0, len;
	int	 good = 1;

	brk = xmalloc(reflen + 1);
	u8_grapheme_breaks((const uint8_t *)ref, reflen, brk);
	for (i = 0; i < l->nlines && good; i++) {
		line = strip_spaces(layout_line_text(l, i), l->lines[i].len,
		    &len);
		if (pos + len > reflen || memcmp(ref + pos, line, len) != 0)
			good = 0;
		pos += len;
		if (pos > 0 && pos < reflen && !brk[pos])
			good = 0;	/* a cluster split across lines */
		free(line);
	}
	free(brk);
	return good && pos == reflen;
}

/* One cluster only: the case allowed to be wider than the line. */
static int
one_cluster(const char *s, size_t n)
{
	char	*brk = xmalloc(n + 1);
	size_t	 i, count = 0;

	u8_grapheme_breaks((const uint8_t *)s, n, brk);
	for (i = 0; i < n; i++)
		count += brk[i] != 0;
	free(brk);
	return count <= 1;
}

struct prop_stats {
	size_t	layouts, lines, wide, order, controls, closing, widthbad;
};

static void
check_layout(const struct layout *l, int w, const char *ref, size_t reflen,
    const struct layout_opts *o, struct prop_stats *st)
{
	const struct layout_line	*ln;
	const char			*t;
	size_t				 i;

	st->layouts++;
	if (!same_clusters(l, ref, reflen))
		st->order++;
	for (i = 0; i < l->nlines; i++) {
		ln = &l->lines[i];
		t = layout_line_text(l, i);
		st->lines++;
		if (ln->width > w && !one_cluster(t, ln->len) &&
		    st->wide++ < 3)
			diag("width %d: line \"%.*s\" is %d wide", w,
			    (int)ln->len, t, ln->width);
		if (utf8_width(t, ln->len, o) != ln->width)
			st->widthbad++;
		if (has_control(t, ln->len))
			st->controls++;
		if (ln->cont && w >= 6 && starts_closing(t) &&
		    st->closing++ < 3)
			diag("width %d: \"%.*s\" after \"%.*s\"", w,
			    (int)ln->len, t, (int)l->lines[i - 1].len,
			    layout_line_text(l, i - 1));
	}
}

static void
test_property(void)
{
	struct layout		 l;
	struct layout_opts	 o = { N1, KA };
	struct prop_stats	 st;
	char			 buf[2048], *san, *ref;
	size_t			 n, sanlen, reflen;
	unsigned		 seed = 20261126;
	int			 p, w;

	memset(&st, 0, sizeof st);
	layout_init(&l);
	for (p = 0; p < 60; p++) {
		n = random_para(buf, sizeof buf, &seed);
		o.ambiguous = p % 3 == 2 ? W2 : N1;
		o.korean_break = p % 2 ? KN : KA;
		san = utf8_sanitize(buf, n, &sanlen, &o);
		ref = strip_spaces(san, sanlen, &reflen);
		for (w = 1; w <= 200; w++) {
			layout_clear(&l);
			layout_wrap(&l, 0, buf, n, w, &o);
			check_layout(&l, w, ref, reflen, &o, &st);
		}
		free(ref);
		free(san);
	}
	layout_free(&l);
	diag("property: %zu layouts, %zu lines", st.layouts, st.lines);
	is_int(st.wide, 0, "property: no line wider than the width "
	    "(unless one cluster wider than the width)");
	is_int(st.order, 0, "property: every visible cluster once, in order, "
	    "never split");
	is_int(st.widthbad, 0, "property: line width matches its text");
	is_int(st.controls, 0, "property: no control byte in any line");
	is_int(st.closing, 0, "property: no line starts with closing CJK "
	    "punctuation (width >= 6)");
}

static const int golden_widths[] = { 20, 40, 80, 120, 200 };

/* The sample's language lang laid out at width w, goldens' format. */
static char *
golden_render(const struct sample *s, int lang, int w,
    const struct layout_opts *o)
{
	struct layout	 l;
	char		*out = NULL, *part, *tmp;
	size_t		 i;

	xasprintf(&out, "# %s at width %d, ambiguous %d\n", sample_lang[lang],
	    w, o->ambiguous);
	layout_init(&l);
	for (i = 0; i < s->n[lang]; i++) {
		layout_clear(&l);
		layout_wrap(&l, i, s->para[lang][i].text, s->para[lang][i].len,
		    w, o);
		part = layout_render(&l, w, "|");
		xasprintf(&tmp, "%s%s%s", out, i > 0 ? "\n" : "", part);
		free(out);
		free(part);
		out = tmp;
	}
	layout_free(&l);
	return out;
}

static void
test_golden(void)
{
	struct sample		 s;
	struct layout_opts	 o = { N1, KA };
	char			*got, *path, *name;
	int			 lang, i;

	if (sample_load(&s, TANDEM_SRCDATADIR
	    "/sample/seoul-sba-zhongguancun.txt") != 0) {
		ok(0, "golden: cannot load the sample");
		return;
	}
	is_int(s.n[0], 8, "sample: 8 Korean paragraphs");
	is_int(s.n[1], 9, "sample: English title and 8 paragraphs");
	for (lang = 0; lang < SAMPLE_NLANG; lang++) {
		for (i = 0; i < 5; i++) {
			got = golden_render(&s, lang, golden_widths[i], &o);
			xasprintf(&name, "%s-%03d", sample_lang[lang],
			    golden_widths[i]);
			xasprintf(&path, "%s/%s.txt", TANDEM_GOLDENDIR, name);
			sample_golden(path, got, name);
			free(path);
			free(name);
			free(got);
		}
	}
	o.ambiguous = W2;
	got = golden_render(&s, 0, 40, &o);
	sample_golden(TANDEM_GOLDENDIR "/ko-040-wide.txt", got,
	    "ko-040-wide");
	free(got);
	free(s.buf);
}

/*
 * An empty paragraph on a fresh layout, before any scratch space exists:
 * found by UBSan when the comment editor laid out its first, empty text.
 */
static void
test_empty_first(void)
{
	struct layout	l;

	layout_init(&l);
	/* Under UBSan the old code stopped the test here (memset(NULL)). */
	utf8_grapheme_breaks("", 0, NULL);
	layout_wrap(&l, 0, "", 0, 40, NULL);
	ok(l.nlines == 1 && l.lines[0].len == 0 && l.lines[0].width == 0,
	    "an empty first paragraph is one empty line");
	layout_wrap(&l, 1, "x", 1, 40, NULL);
	ok(l.nlines == 2 && l.lines[1].len == 1, "and the layout goes on");
	layout_free(&l);
}

int
main(void)
{
	test_empty_first();
	test_wrap_cases();
	test_records();
	test_fit();
	test_property();
	test_golden();
	return tap_done();
}
