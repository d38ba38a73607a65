/*
 * test-layout-sbs.c: two languages side by side.
 *
 * Small cases are compared as rendered text ("|left │ right|" per row);
 * the sample article is laid out as ko|en, ja|fr and zh|en at several
 * widths and checked for the invariants the reader pane relies on: every
 * row exactly as wide as the pane, paired paragraphs starting on the same
 * row, every line of both columns shown once and in order; at 38+38
 * cells they are also compared with goldens (tests/golden/layout/sbs-*,
 * rewritten with TANDEM_GOLDEN_UPDATE=1).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "layout-sample.h"
#include "layout-sbs.h"
#include "xmalloc.h"

#define P(s) { s, sizeof s - 1 }

static const struct layout_opts opts = {
	LAYOUT_AMBIGUOUS_NARROW, LAYOUT_KOREAN_KEEP_ALL
};

static void
test_default_pairs(void)
{
	static const struct span left[] = {
		P("하나 둘 셋 넷"), P("다섯"),
	};
	static const struct span right[] = {
		P("one two three four five six"), P("five"),
	};
	struct layout_sbs	 sbs;
	char			*got;

	layout_sbs_init(&sbs);
	layout_sbs_build(&sbs, left, 2, right, 2, NULL, 0, 8, 10, &opts);
	got = layout_sbs_render(&sbs, " │ ", "|");
	is_str(got,
	    "|하나 둘  │ one two   |\n"
	    "|셋 넷    │ three four|\n"
	    "|         │ five six  |\n"
	    "|         │           |\n"
	    "|다섯     │ five      |\n", "default pairing, ko|en");
	free(got);
	got = layout_sbs_render_row(&sbs, 1, " │ ");
	is_str(got, "셋 넷    │ three four", "one row, no edges");
	free(got);

	layout_sbs_build(&sbs, left, 2, right, 1, NULL, 0, 8, 10, &opts);
	got = layout_sbs_render(&sbs, " │ ", "|");
	is_str(got,
	    "|하나 둘  │ one two   |\n"
	    "|셋 넷    │ three four|\n"
	    "|         │ five six  |\n"
	    "|         │           |\n"
	    "|다섯     │           |\n", "default pairing, extra left alone");
	free(got);
	layout_sbs_free(&sbs);
}

static void
test_uneven_pairs(void)
{
	static const struct span left[] = {
		P("L0"), P("L1"), P("L2"), P("L3"),
	};
	static const struct span right[] = {
		P("R0"), P("R1"), P("R2"), P("R3"),
	};
	static const struct layout_sbs_pair pairs[] = {
		{ 0, 1, 0, 2 },		/* 1-2 */
		{ 1, 2, 2, 1 },		/* 2-1 */
		{ 3, 1, 3, 0 },		/* 1-0 */
		{ 4, 0, 3, 1 },		/* 0-1 */
	};
	static const size_t	 want_pair[] = { 0, 0, 0, 0, 1, 1, 1, 1, 2, 2,
	    3 };
	struct layout_sbs	 sbs;
	char			*got;
	size_t			 i;
	int			 good = 1;

	layout_sbs_init(&sbs);
	layout_sbs_build(&sbs, left, 4, right, 4, pairs, 4, 4, 4, &opts);
	got = layout_sbs_render(&sbs, " | ", "|");
	is_str(got,
	    "|L0   | R0  |\n"
	    "|     |     |\n"
	    "|     | R1  |\n"
	    "|     |     |\n"
	    "|L1   | R2  |\n"
	    "|     |     |\n"
	    "|L2   |     |\n"
	    "|     |     |\n"
	    "|L3   |     |\n"
	    "|     |     |\n"
	    "|     | R3  |\n", "1-2, 2-1, 1-0 and 0-1 pairs");
	free(got);
	is_int(sbs.nrows, 11, "uneven pairs: row count");
	for (i = 0; i < sbs.nrows && i < 11; i++) {
		if (sbs.rows[i].pair != want_pair[i])
			good = 0;
	}
	ok(good, "uneven pairs: each row knows its pair");
	ok(sbs.rows[3].sep && sbs.rows[7].sep && sbs.rows[9].sep &&
	    !sbs.rows[1].sep, "uneven pairs: separator rows are marked");
	layout_sbs_free(&sbs);
}

/* Every line of l appears in column col of the rows once, in order. */
static int
sample_lines_once(const struct layout_sbs *sbs, int right)
{
	const struct layout	*l = right ? &sbs->right : &sbs->left;
	size_t			 i, next = 0, v;

	for (i = 0; i < sbs->nrows; i++) {
		v = right ? sbs->rows[i].right : sbs->rows[i].left;
		if (v == LAYOUT_SBS_NONE)
			continue;
		if (v != next++)
			return 0;
	}
	return next == l->nlines;
}

/* Paired paragraphs start on the same row: the first row of each pair. */
static int
sample_pairs_aligned(const struct layout_sbs *sbs)
{
	const struct layout_sbs_row	*r;
	size_t				 i;

	for (i = 0; i < sbs->nrows; i++) {
		r = &sbs->rows[i];
		if (r->sep || (i > 0 && sbs->rows[i - 1].pair == r->pair &&
		    !sbs->rows[i - 1].sep))
			continue;
		if (r->left != LAYOUT_SBS_NONE &&
		    sbs->left.lines[r->left].cont)
			return 0;
		if (r->right != LAYOUT_SBS_NONE &&
		    sbs->right.lines[r->right].cont)
			return 0;
		if (r->left == LAYOUT_SBS_NONE && r->right == LAYOUT_SBS_NONE)
			return 0;
	}
	return 1;
}

static void
sample_check(const struct sample *s, int l, int r, int lw, int rw)
{
	struct layout_sbs_pair	 pairs[SAMPLE_MAXPARA];
	struct layout_sbs	 sbs;
	size_t			 i, npairs = 0, wrong = 0;
	char			*row, *got, *path;

	/* The Korean version has no title: the English one stands alone. */
	if (l == 0) {
		pairs[npairs++] = (struct layout_sbs_pair){ 0, 0, 0, 1 };
		for (i = 0; i < s->n[0]; i++)
			pairs[npairs++] = (struct layout_sbs_pair){ i, 1,
			    i + 1, 1 };
	}
	layout_sbs_init(&sbs);
	layout_sbs_build(&sbs, s->para[l], s->n[l], s->para[r], s->n[r],
	    npairs > 0 ? pairs : NULL, npairs, lw, rw, &opts);
	for (i = 0; i < sbs.nrows; i++) {
		row = layout_sbs_render_row(&sbs, i, " │ ");
		if (utf8_width(row, strlen(row), &opts) != lw + 3 + rw)
			wrong++;
		free(row);
	}
	is_int(wrong, 0, "%s|%s at %d+%d: every row exactly %d cells",
	    sample_lang[l], sample_lang[r], lw, rw, lw + 3 + rw);
	ok(sample_pairs_aligned(&sbs), "%s|%s at %d+%d: paired paragraphs "
	    "start on the same row", sample_lang[l], sample_lang[r], lw, rw);
	ok(sample_lines_once(&sbs, 0) && sample_lines_once(&sbs, 1),
	    "%s|%s at %d+%d: every line once, in order", sample_lang[l],
	    sample_lang[r], lw, rw);
	if (lw == 38 && rw == 38) {
		got = layout_sbs_render(&sbs, " │ ", "|");
		xasprintf(&path, "%s/sbs-%s-%s-038.txt", TANDEM_GOLDENDIR,
		    sample_lang[l], sample_lang[r]);
		sample_golden(path, got, path + strlen(TANDEM_GOLDENDIR) + 1);
		free(path);
		free(got);
	}
	layout_sbs_free(&sbs);
}

static void
test_sample(void)
{
	static const int	 combos[][2] = { { 0, 1 }, { 2, 4 }, { 3, 1 } };
	static const int	 widths[][2] = { { 20, 20 }, { 30, 45 },
	    { 38, 38 }, { 60, 80 } };
	struct sample		 s;
	size_t			 c, w;

	if (sample_load(&s, TANDEM_SRCDATADIR
	    "/sample/seoul-sba-zhongguancun.txt") != 0) {
		ok(0, "cannot load the sample");
		return;
	}
	for (c = 0; c < 3; c++) {
		for (w = 0; w < 4; w++)
			sample_check(&s, combos[c][0], combos[c][1],
			    widths[w][0], widths[w][1]);
	}
	free(s.buf);
}

int
main(void)
{
	test_default_pairs();
	test_uneven_pairs();
	test_sample();
	return tap_done();
}
