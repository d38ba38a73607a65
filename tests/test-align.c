/*
 * test-align.c: the paragraph aligner, through align.h (and the anchor
 * scanner through align-anchor.h).
 *
 * The bundled sample is read from data/sample and split into its five
 * translations; every language pair must come out 8x8 one to one.  The
 * bead shapes are then provoked by editing the sample (merge, split,
 * delete, insert), anchors are shown to beat a misleading length, and
 * degenerate inputs must give a well-formed cover without crashing.
 * Our German and English text (tests/data/align) loses paragraphs on the
 * German side, as a large deletion shifts the ratio of the totals; and
 * long articles are searched in a band that grows linearly and finds what
 * the whole grid finds.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "align.h"
#include "align-anchor.h"
#include "align-bead.h"
#include "tap.h"
#include "xmalloc.h"

#define NLANGS	5
#define MAXPARA	16

static const char *langs[NLANGS] = { "ko", "en", "ja", "zh", "fr" };
static const char *markers[NLANGS] = {
	"- 관련 기사 더보기", "- See more related articles",
	"- 関連記事をもっと見る", "- 查看更多相关文章",
	"- Voir plus d'articles connexes",
};

/* The sample's paragraphs, per language, without titles. */
static char	*sample[NLANGS][MAXPARA];
static size_t	 nsample[NLANGS];

static int
sample_load(void)
{
	FILE	*f;
	char	 line[16384], *title = NULL;
	size_t	 len, lang = 0, nl = 0;

	if ((f = fopen(TANDEM_SRCDATADIR "/sample/seoul-sba-zhongguancun.txt",
	    "r")) == NULL)
		return -1;
	while (lang < NLANGS && fgets(line, sizeof line, f) != NULL) {
		len = strcspn(line, "\r\n");
		line[len] = '\0';
		if (strcmp(line, markers[lang]) == 0) {
			free(title);
			title = NULL;
			lang++;
			nl = 0;
			continue;
		}
		nl++;
		if (len == 0) {		/* after a title: it was one */
			if (nl == 2)
				FREE(&title);
			continue;
		}
		if (nl == 1 && lang != 0) {
			title = xstrdup(line);
			continue;
		}
		if (nsample[lang] < MAXPARA)
			sample[lang][nsample[lang]++] = xstrdup(line);
	}
	free(title);
	fclose(f);
	return lang == NLANGS ? 0 : -1;
}

/* Text array over C strings. */
static struct span *
texts(char **s, size_t n)
{
	struct span	*t;
	size_t			 i;

	t = xcalloc(n + 1, sizeof *t);
	for (i = 0; i < n; i++) {
		t[i].text = s[i];
		t[i].len = strlen(s[i]);
	}
	return t;
}

/* The pairs as "a+n:b+n" words, e.g. "0+1:0+1 1+2:1+1". */
static char *
pairs_string(const struct article_pair *p, size_t n)
{
	char	*s = xstrdup(""), *t;
	size_t	 i;

	for (i = 0; i < n; i++) {
		xasprintf(&t, "%s%s%d+%d:%d+%d", s, i ? " " : "", p[i].a_first,
		    p[i].a_count, p[i].b_first, p[i].b_count);
		free(s);
		s = t;
	}
	return s;
}

/* Do the pairs cover 0..na and 0..nb in order with counts 0..3? */
static int
pairs_cover(const struct article_pair *p, size_t n, size_t na, size_t nb)
{
	size_t	i;
	int	a = 0, b = 0;

	for (i = 0; i < n; i++) {
		if (p[i].a_first != a || p[i].b_first != b ||
		    p[i].a_count < 0 || p[i].a_count > 3 ||
		    p[i].b_count < 0 || p[i].b_count > 3 ||
		    p[i].a_count + p[i].b_count == 0 ||
		    !(p[i].confidence >= 0 && p[i].confidence <= 1) ||
		    p[i].manual != 0)
			return 0;
		a += p[i].a_count;
		b += p[i].b_count;
	}
	return (size_t)a == na && (size_t)b == nb;
}

/* Align, check the cover, return the pairs as a string. */
static char *
run(const char *la, char **a, size_t na, const char *lb, char **b,
    size_t nb, int flags, double *conf, double *minconf)
{
	struct span	*ta = texts(a, na), *tb = texts(b, nb);
	struct article_pair	*p = NULL;
	size_t			 n = 0, i;
	char			*s;

	if (align_paragraphs_flags(la, ta, na, lb, tb, nb, flags, &p, &n,
	    conf) != 0)
		s = xstrdup("error");
	else if (!pairs_cover(p, n, na, nb))
		s = xstrdup("bad cover");
	else
		s = pairs_string(p, n);
	*minconf = 1;
	for (i = 0; i < n; i++)
		if (p[i].confidence < *minconf)
			*minconf = p[i].confidence;
	free(p);
	free(ta);
	free(tb);
	return s;
}

/* "0+1:0+1 1+1:1+1 ..." for n one-to-one pairs. */
static char *
diagonal(size_t n)
{
	struct article_pair	p[MAXPARA];
	size_t			i;

	for (i = 0; i < n; i++) {
		p[i].a_first = p[i].b_first = (int)i;
		p[i].a_count = p[i].b_count = 1;
	}
	return pairs_string(p, n);
}

static void
test_sample(void)
{
	size_t	 i, j;
	char	*got, *want = diagonal(8);
	double	 conf, minconf;

	for (i = 0; i < NLANGS; i++)
		is_int(nsample[i], 8, "sample: %s has 8 paragraphs", langs[i]);
	for (i = 0; i < NLANGS; i++) {
		for (j = i + 1; j < NLANGS; j++) {
			got = run(langs[i], sample[i], 8, langs[j], sample[j],
			    8, 0, &conf, &minconf);
			is_str(got, want, "sample %s-%s: 8x8 one to one",
			    langs[i], langs[j]);
			ok(conf >= 0.8 && minconf >= 0.5,
			    "sample %s-%s: confident (%.3f, lowest pair %.3f)",
			    langs[i], langs[j], conf, minconf);
			free(got);
		}
	}
	free(want);
}

/* Split s after its first sentence into *first and *rest (allocated). */
static void
sentence_split(const char *s, char **first, char **rest)
{
	static const char	*ends[] = { ".\" ", ". ", "。", "！", "？" };
	const char		*best = NULL, *p;
	size_t			 i, blen = 0;

	for (i = 0; i < sizeof ends / sizeof ends[0]; i++) {
		p = strstr(s, ends[i]);
		if (p != NULL && p[strlen(ends[i])] != '\0' &&
		    (best == NULL || p < best)) {
			best = p;
			blen = strlen(ends[i]);
		}
	}
	if (best == NULL) {
		*first = xstrdup(s);
		*rest = xstrdup("");
		return;
	}
	*first = xstrndup(s, (size_t)(best - s) + blen);
	while ((*first)[strlen(*first) - 1] == ' ')
		(*first)[strlen(*first) - 1] = '\0';
	*rest = xstrdup(best + blen);
}

static void
strings_free(char **s, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(s[i]);
}

/* One edit of the sample's b side (or a side) and the pairs it must give. */
struct move_case {
	const char	*name;
	int		 la, lb;	/* index into langs[] */
	int		 edit;
#define EDIT_MERGE_B	0	/* b[at] and b[at+1] become one */
#define EDIT_SPLIT_B	1	/* b[at] becomes two at a sentence end */
#define EDIT_DELETE_B	2
#define EDIT_INSERT_B	3	/* an unrelated paragraph before b[at] */
#define EDIT_SHIFT_A	4	/* a[at] loses its 2nd sentence to a[at+1] */
#define EDIT_DELETE_A	5
	int		 at;
	const char	*want;
};

static const char *unrelated =
    "The weather in the coastal towns stayed mild for most of the autumn, "
    "and the fishermen reported good catches of mackerel and squid "
    "throughout the season, according to the cooperative of the region.";

static const char *unrelated_ko =
    "오늘 오후 부산 해운대 해수욕장에는 많은 피서객이 몰려 더위를 "
    "식혔으며, 기상청은 이번 주말까지 맑고 무더운 날씨가 이어질 것이라고 "
    "예보했다.";

static const struct move_case move_cases[] = {
	{ "2-1 (b merged)", 0, 1, EDIT_MERGE_B, 2,
	  "0+1:0+1 1+1:1+1 2+2:2+1 4+1:3+1 5+1:4+1 6+1:5+1 7+1:6+1" },
	{ "1-2 (b split)", 0, 1, EDIT_SPLIT_B, 2,
	  "0+1:0+1 1+1:1+1 2+1:2+2 3+1:4+1 4+1:5+1 5+1:6+1 6+1:7+1 7+1:8+1" },
	{ "2-2 (sentence moved)", 0, 1, EDIT_SHIFT_A, 2,
	  "0+1:0+1 1+1:1+1 2+2:2+2 4+1:4+1 5+1:5+1 6+1:6+1 7+1:7+1" },
	/* Deleting b[4], b[5] or b[6] instead is not recovered: the orphan
	 * a[k] is as long as b[k+1] and a 2-1 at the end absorbs the shift. */
	{ "1-0 (b deleted)", 0, 1, EDIT_DELETE_B, 2,
	  "0+1:0+1 1+1:1+1 2+1:2+0 3+1:2+1 4+1:3+1 5+1:4+1 6+1:5+1 7+1:6+1" },
	{ "0-1 (b inserted)", 0, 1, EDIT_INSERT_B, 4,
	  "0+1:0+1 1+1:1+1 2+1:2+1 3+1:3+1 4+0:4+1 4+1:5+1 5+1:6+1 6+1:7+1 "
	  "7+1:8+1" },
	{ "2-1 zh-fr (b merged)", 3, 4, EDIT_MERGE_B, 5,
	  "0+1:0+1 1+1:1+1 2+1:2+1 3+1:3+1 4+1:4+1 5+2:5+1 7+1:6+1" },
	{ "1-0 ja-en (a deleted)", 2, 1, EDIT_DELETE_A, 1,
	  "0+1:0+1 1+0:1+1 1+1:2+1 2+1:3+1 3+1:4+1 4+1:5+1 5+1:6+1 6+1:7+1" },
};

/* Apply one edit to copies of the sample's two sides. */
static void
move_edit(const struct move_case *mc, char **a, size_t *na, char **b,
    size_t *nb)
{
	size_t	i, at = (size_t)mc->at;
	char	*s1, *s2;

	*na = *nb = 0;
	for (i = 0; i < 8; i++) {
		if (mc->edit == EDIT_DELETE_A && i == at)
			continue;
		if (mc->edit == EDIT_SHIFT_A && i == at) {
			sentence_split(sample[mc->la][i], &s1, &s2);
			a[(*na)++] = s1;
			xasprintf(&a[(*na)++], "%s %s", s2,
			    sample[mc->la][i + 1]);
			free(s2);
			i++;
			continue;
		}
		a[(*na)++] = xstrdup(sample[mc->la][i]);
	}
	for (i = 0; i < 8; i++) {
		if (mc->edit == EDIT_INSERT_B && i == at)
			b[(*nb)++] = xstrdup(unrelated);
		if (mc->edit == EDIT_DELETE_B && i == at)
			continue;
		if (mc->edit == EDIT_MERGE_B && i == at) {
			xasprintf(&b[(*nb)++], "%s %s", sample[mc->lb][i],
			    sample[mc->lb][i + 1]);
			i++;
		} else if (mc->edit == EDIT_SPLIT_B && i == at) {
			sentence_split(sample[mc->lb][i], &b[*nb],
			    &b[*nb + 1]);
			*nb += 2;
		} else
			b[(*nb)++] = xstrdup(sample[mc->lb][i]);
	}
}

static void
test_moves(void)
{
	const struct move_case	*mc;
	char			*a[MAXPARA], *b[MAXPARA], *got;
	size_t			 i, na, nb;
	double			 conf, minconf;

	for (i = 0; i < sizeof move_cases / sizeof move_cases[0]; i++) {
		mc = &move_cases[i];
		move_edit(mc, a, &na, b, &nb);
		got = run(langs[mc->la], a, na, langs[mc->lb], b, nb, 0, &conf,
		    &minconf);
		is_str(got, mc->want, "move %s %s-%s", mc->name,
		    langs[mc->la], langs[mc->lb]);
		free(got);
		strings_free(a, na);
		strings_free(b, nb);
	}
}

/* Repeat a unit string until it holds at least n code points' worth. */
static char *
filler(const char *unit, size_t n, const char *tail)
{
	char	*s = xstrdup(""), *t;
	size_t	 k;

	for (k = 0; k < n; k++) {
		xasprintf(&t, "%s%s", s, unit);
		free(s);
		s = t;
	}
	xasprintf(&t, "%s%s", s, tail);
	free(s);
	return t;
}

/*
 * Korean a[2] was dropped in English; by length alone a[1] looks like the
 * partner of b[1], but b[1] carries a[2]'s year, name and number.
 */
static void
test_anchor_override(void)
{
	char	*a[4], *b[3], *got;
	double	 conf, minconf;

	a[0] = filler("가나다라마 ", 10, "");
	a[1] = filler("바사아자차 ", 10, "");
	a[2] = filler("카타파하가 ", 12, " 2024년 ZETA 1999명");
	a[3] = filler("나다라마바 ", 10, "");
	b[0] = filler("abcde ", 21, "");
	b[1] = filler("fghij ", 19, " 2024 ZETA 1999");
	b[2] = filler("klmno ", 21, "");
	got = run("ko", a, 4, "en", b, 3, ALIGN_NO_ANCHORS, &conf, &minconf);
	is_str(got, "0+1:0+1 1+1:1+1 2+1:2+0 3+1:2+1",
	    "override: length alone pairs the wrong paragraph");
	free(got);
	got = run("ko", a, 4, "en", b, 3, 0, &conf, &minconf);
	is_str(got, "0+1:0+1 1+1:1+0 2+1:1+1 3+1:2+1",
	    "override: shared anchors win over length");
	free(got);
	strings_free(a, 4);
	strings_free(b, 3);
}

/* Texts whose anchors must be the same, or must differ. */
static const struct anchor_case {
	const char	*x;
	const char	*y;
	int		 same;
} anchor_cases[] = {
	{ "9월 16일부터", "from September 16th", 1 },
	{ "9月16日", "le 16 septembre", 1 },
	{ "９月１６日", "9월 16일", 1 },
	{ "9월 16일", "9월 17일", 0 },
	{ "11만 5천여 개", "over 115,000 companies", 1 },
	{ "11.5万家企业", "plus de 115 000 entreprises", 1 },
	{ "11万5千以上", "１１５０００", 1 },
	{ "제42회 IASP", "the 42nd IASP", 1 },
	{ "서울경제진흥원(SBA)이", "the agency (SBA) attended", 1 },
	{ "SBA", "SEPA", 0 },
	{ "▲기술 도킹", "▲技術ドッキング", 1 },
	{ "“인용”", "« citation »", 1 },
	{ "https://example.invalid/a", "voir https://EXAMPLE.invalid/a.", 1 },
	{ "총 8건", "a total of eight", 1 },
	{ "Séoul", "SEOUL", 1 },
	{ "", "no anchors here at all", 1 },
};

static int
anchors_equal(const struct align_para *p, const struct align_para *q)
{
	return p->nanchors == q->nanchors && (p->nanchors == 0 ||
	    memcmp(p->anchors, q->anchors, p->nanchors * sizeof *p->anchors)
	    == 0);
}

static void
test_anchors(void)
{
	const struct anchor_case	*ac;
	struct align_para		 p, q;
	size_t				 i;

	for (i = 0; i < sizeof anchor_cases / sizeof anchor_cases[0]; i++) {
		ac = &anchor_cases[i];
		align_anchor_scan(ac->x, strlen(ac->x), &p);
		align_anchor_scan(ac->y, strlen(ac->y), &q);
		ok(anchors_equal(&p, &q) == ac->same, "anchors: \"%s\" %s \"%s\"",
		    ac->x, ac->same ? "==" : "!=", ac->y);
		align_anchor_clear(&p);
		align_anchor_clear(&q);
	}
	align_anchor_scan("서울 SBA", strlen("서울 SBA"), &p);
	ok(p.cjk && p.units > 2 * 2 + 3 - 0.01 && p.nanchors == 1,
	    "units: Hangul weighs more than a letter (%.2f units)", p.units);
	align_anchor_clear(&p);
}

/* Degenerate inputs: well-formed answers, no crash, nothing leaked. */
static void
test_degenerate(void)
{
	struct span	 t[3], *big;
	struct article_pair	*p;
	size_t			 n, i, len = 200000;
	double			 conf;
	char			*got, *lng[3], *bad[3];
	char			*x[1] = { (char *)"짧은 문단." };
	char			*y[1] = { (char *)"A short paragraph." };
	int			 rc;

	rc = align_paragraphs("ko", NULL, 0, "en", NULL, 0, &p, &n, &conf);
	ok(rc == 0 && p == NULL && n == 0, "both empty: no pairs");
	rc = align_paragraphs("ko", NULL, 2, "en", NULL, 0, &p, &n, &conf);
	is_int(rc, -1, "NULL texts with a count: error");

	got = run("ko", x, 1, "en", NULL, 0, 0, &conf, &conf);
	is_str(got, "0+1:0+0", "one side empty: 1-0");
	free(got);
	got = run("ko", NULL, 0, "en", sample[1], 3, 0, &conf, &conf);
	is_str(got, "0+0:0+1 0+0:1+1 0+0:2+1", "other side empty: 0-1s");
	free(got);
	got = run("ko", x, 1, "en", y, 1, 0, &conf, &conf);
	is_str(got, "0+1:0+1", "1x1: one pair");
	free(got);
	got = run(NULL, x, 1, "xx-YY", y, 1, 0, &conf, &conf);
	is_str(got, "0+1:0+1", "unknown languages: neutral parameters");
	free(got);

	for (i = 0; i < 3; i++) {	/* 200 kB paragraphs */
		lng[i] = xmalloc(len + 1);
		memset(lng[i], "abc"[i], len);
		lng[i][len] = '\0';
		if (i == 1)
			memcpy(lng[i] + 1000, " 2024 MOU ", 10);
	}
	got = run("en", lng, 3, "fr", lng, 3, 0, &conf, &conf);
	is_str(got, "0+1:0+1 1+1:1+1 2+1:2+1", "very long paragraphs");
	free(got);
	strings_free(lng, 3);

	bad[0] = (char *)"\xff\xfe\xc0\xaf invalid \xed\xa0\x80 bytes";
	bad[1] = (char *)"truncated \xe4\xb8";
	bad[2] = (char *)"\xf4\x90\x80\x80\xe4\xb8\xad 12 SBA";
	for (i = 0; i < 3; i++) {
		t[i].text = bad[i];
		t[i].len = strlen(bad[i]);
	}
	rc = align_paragraphs("zh", t, 3, "en", t, 2, &p, &n, &conf);
	ok(rc == 0 && pairs_cover(p, n, 3, 2), "invalid UTF-8: a cover");
	free(p);
	t[0].text = NULL;
	t[0].len = 0;
	rc = align_paragraphs("zh", t, 1, "en", t, 1, &p, &n, &conf);
	ok(rc == 0 && pairs_cover(p, n, 1, 1), "NULL paragraph text: a cover");
	free(p);

	big = xcalloc(ALIGN_MAX_PARAS + 2, sizeof *big);
	for (i = 0; i < ALIGN_MAX_PARAS + 1; i++) {
		big[i].text = "x";
		big[i].len = 1;
	}
	rc = align_paragraphs("en", big, ALIGN_MAX_PARAS + 1, "fr", big, 1050,
	    &p, &n, &conf);
	ok(rc == 0 && pairs_cover(p, n, ALIGN_MAX_PARAS + 1, 1050) &&
	    conf == 0, "over ALIGN_MAX_PARAS paragraphs: index pairs, "
	    "confidence 0");
	free(p);
	rc = align_paragraphs("en", big, 1100, "fr", big, 1050, &p, &n, &conf);
	ok(rc == 0 && pairs_cover(p, n, 1100, 1050) && conf > 0,
	    "1100 x 1050 paragraphs: searched, not paired by index");
	free(p);
	free(big);
}

/*
 * Random paragraphs built from tricky pieces and raw bytes (NUL too),
 * with a fixed seed: every answer must be a cover.  Under --enable-asan
 * this is the aligner's small fuzz run.
 */
static void
test_random(void)
{
	static const char	*pieces[] = {
		"\xff", "\xc0\xaf", "\xed\xa0\x80", "\xe4\xb8", "\xf4\x8f\xbf\xbf",
		"9월 16일", "11万", "115,000", "115 000", " ", ".", "?", "!", "\"",
		"(", "http://x", "www.", "September 16th", "▲", "SBA", "1e308",
		"99999999999999999999999", "１", "。", "“", "만", "5천", "mai 3",
	};
	struct span	 t[2][8];
	struct article_pair	*p;
	char			 buf[2][8][12 * 32];	/* 11 pieces at most */
	unsigned long		 seed = 12345;
	size_t			 n, na, nb, i, k, len, plen;
	double			 conf;
	int			 doc, side, bad = 0;
	const char		*piece;

#define RND()	(seed = seed * 6364136223846793005UL + 1442695040888963407UL, \
		    (unsigned)(seed >> 33))
	for (doc = 0; doc < 300; doc++) {
		na = RND() % 8;
		nb = RND() % 8;
		for (side = 0; side < 2; side++) {
			for (i = 0; i < (side ? nb : na); i++) {
				len = 0;
				for (k = RND() % 12; k > 0; k--) {
					if (RND() % 3 == 0) {
						buf[side][i][len++] = (char)RND();
						continue;
					}
					piece = pieces[RND() % (sizeof pieces /
					    sizeof pieces[0])];
					plen = strlen(piece);
					memcpy(buf[side][i] + len, piece, plen);
					len += plen;
				}
				t[side][i].text = buf[side][i];
				t[side][i].len = len;
			}
		}
		if (align_paragraphs(doc % 2 ? "ko" : "fr", t[0], na,
		    doc % 3 ? "zh" : NULL, t[1], nb, &p, &n, &conf) != 0 ||
		    !pairs_cover(p, n, na, nb) || !(conf >= 0 && conf <= 1))
			bad++;
		free(p);
	}
#undef RND
	is_int(bad, 0, "300 random documents: every answer a cover");
}

/* An inserted paragraph is the least confident pair. */
static void
test_confidence(void)
{
	struct span	*ta, *tb;
	struct article_pair	*p;
	char			*b[9];
	size_t			 n, i, k = 0, low = 0;
	double			 conf, conf8;

	for (i = 0; i < 8; i++) {
		if (i == 4)
			b[k++] = (char *)unrelated_ko;
		b[k++] = sample[0][i];
	}
	ta = texts(sample[1], 8);
	tb = texts(sample[0], 8);
	align_paragraphs("en", ta, 8, "ko", tb, 8, &p, &n, &conf8);
	free(p);
	free(tb);
	tb = texts(b, 9);
	align_paragraphs("en", ta, 8, "ko", tb, 9, &p, &n, &conf);
	for (i = 1; i < n; i++)
		if (p[i].confidence < p[low].confidence)
			low = i;
	for (i = 0; i < n; i++)
		diag("pair %d+%d:%d+%d confidence %.3f", p[i].a_first,
		    p[i].a_count, p[i].b_first, p[i].b_count, p[i].confidence);
	ok(n == 9 && p[low].a_count == 0 && p[low].b_first == 4,
	    "confidence: the inserted paragraph is the least sure pair");
	ok(conf < conf8, "confidence: the article with an insertion is less "
	    "sure (%.3f < %.3f)", conf, conf8);
	free(p);
	free(ta);
	free(tb);
}

/* The ten paragraphs of tests/data/align/deletion.LANG. */
static int
deletion_load(const char *lang, char **p)
{
	FILE	*f;
	char	*path, line[4096];
	size_t	 n = 0;

	xasprintf(&path, "%s/deletion.%s", ALIGN_DATA, lang);
	f = fopen(path, "r");
	free(path);
	if (f == NULL)
		return -1;
	while (n < 10 && fgets(line, sizeof line, f) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		p[n++] = xstrdup(line);
	}
	fclose(f);
	return n == 10 ? 0 : -1;
}

/*
 * German paragraphs deleted (one, or three together worth 800 to 900
 * characters): every other pair must stay one to one.  Before the ranked
 * ratio, the three-paragraph cases shifted up to four pairs by one.
 */
static void
test_deletion(char **en, char **de)
{
	static const int	 cases[][3] = {
		{ 0, -1, -1 }, { 1, -1, -1 }, { 2, -1, -1 }, { 3, -1, -1 },
		{ 4, -1, -1 }, { 5, -1, -1 }, { 6, -1, -1 }, { 7, -1, -1 },
		{ 8, -1, -1 }, { 9, -1, -1 },
		{ 1, 3, 8 }, { 1, 5, 8 }, { 3, 5, 8 }, { 0, 1, 3 },
	};
	struct article_pair	 want[10];
	char			*b[10], *got, *w;
	size_t			 c, i, j, k, nd;
	double			 conf, minconf;

	for (c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		for (i = j = k = nd = 0; i < 10; i++) {
			want[i].a_first = (int)i;
			want[i].a_count = 1;
			want[i].b_first = (int)j;
			if (i == (size_t)cases[c][0] ||
			    i == (size_t)cases[c][1] ||
			    i == (size_t)cases[c][2]) {
				want[i].b_count = 0;
				nd += strlen(de[i]);
				continue;
			}
			want[i].b_count = 1;
			b[j++] = de[i];
		}
		w = pairs_string(want, 10);
		got = run("en", en, 10, "de", b, j, 0, &conf, &minconf);
		is_str(got, w, "German less %zu paragraphs (%zu bytes): the "
		    "rest one to one", 10 - j, nd);
		free(got);
		free(w);
	}
}

/* A long article: the repeated text, numbered now and then, thinned. */
static void
long_doc(char **en, char **de, size_t n, struct span **a, struct span **b,
    size_t *nb)
{
	size_t	k;
	char	*s;

	*a = xcalloc(n + 1, sizeof **a);
	*b = xcalloc(n + 1, sizeof **b);
	*nb = 0;
	for (k = 0; k < n; k++) {
		xasprintf(&s, k % 7 == 3 ? "%s (%zu)" : "%s", en[k % 10],
		    k * 13);
		(*a)[k].text = s;
		(*a)[k].len = strlen(s);
		if (k % 97 == 50)
			continue;
		xasprintf(&s, k % 7 == 3 ? "%s (%zu)" : "%s", de[k % 10],
		    k * 13);
		(*b)[*nb].text = s;
		(*b)[(*nb)++].len = strlen(s);
	}
}

static void
long_free(struct span *t, size_t n)
{
	size_t	k;

	for (k = 0; k < n; k++)
		free((char *)t[k].text);
	free(t);
}

/* Pairs that are the gold of long_doc(): 1-1, or 1-0 at k % 97 == 50. */
static size_t
long_right(const struct article_pair *p, size_t n)
{
	size_t	i, right = 0, del = 0;

	for (i = 0; i < n; i++) {
		if (p[i].a_count != 1)
			continue;
		if ((size_t)p[i].a_first % 97 == 50)
			right += p[i].b_count == 0;
		else
			right += p[i].b_count == 1 &&
			    (size_t)p[i].b_first == (size_t)p[i].a_first - del;
		if ((size_t)p[i].a_first % 97 == 50)
			del++;
	}
	return right;
}

/*
 * The band: linear in the article's length, the whole grid's answer on
 * an article big enough to be banded, and right on a long one.
 */
static void
test_band(char **en, char **de)
{
	struct align_side	*sa, *sb;
	struct align_ctx	 ctx;
	struct span		*a, *b;
	struct article_pair	*p, *q;
	size_t			 n, nq, nb;
	double			 conf;
	char			*s, *t;

	long_doc(en, de, 4000, &a, &b, &nb);
	sa = align_side_new("en", a, 4000);
	sb = align_side_new("de", b, nb);
	align_bead_side_scan(sa);
	align_bead_side_scan(sb);
	align_bead_ctx_init(&ctx, sa, sb, 0);
	align_band_build(&ctx);
	ok(ctx.band.cells < 4001 * 64,
	    "4000 paragraphs: a band of %zu cells, %.1f a row",
	    ctx.band.cells, (double)ctx.band.cells / 4001);
	align_bead_ctx_free(&ctx);
	align_side_free(sa);
	align_side_free(sb);
	align_paragraphs("en", a, 4000, "de", b, nb, &p, &n, &conf);
	ok(pairs_cover(p, n, 4000, nb) && long_right(p, n) >= 4000 - 4000 / 100,
	    "4000 paragraphs: %zu of %zu pairs right", long_right(p, n), n);
	free(p);
	long_free(a, 4000);
	long_free(b, nb);

	long_doc(en, de, 400, &a, &b, &nb);
	align_paragraphs("en", a, 400, "de", b, nb, &p, &n, &conf);
	align_paragraphs_flags("en", a, 400, "de", b, nb, ALIGN_WHOLE_GRID,
	    &q, &nq, &conf);
	s = pairs_string(p, n);
	t = pairs_string(q, nq);
	is_str(s, t, "400 paragraphs: the band finds the whole grid's pairs");
	free(s);
	free(t);
	free(p);
	free(q);
	long_free(a, 400);
	long_free(b, nb);
}

int
main(void)
{
	char	*en[10], *de[10];
	size_t	i, j;

	if (!ok(sample_load() == 0, "sample loads"))
		return tap_done();
	test_sample();
	test_moves();
	test_anchor_override();
	test_anchors();
	test_degenerate();
	test_random();
	test_confidence();
	if (ok(deletion_load("en", en) == 0 && deletion_load("de", de) == 0,
	    "deletion texts load")) {
		test_deletion(en, de);
		test_band(en, de);
		strings_free(en, 10);
		strings_free(de, 10);
	}
	for (i = 0; i < NLANGS; i++)
		for (j = 0; j < nsample[i]; j++)
			free(sample[i][j]);
	return tap_done();
}
