/*
 * fuzz-sbs.c: two lists of paragraphs and random pairs (ranges that may
 * overlap, leave gaps or run past the end) through layout_sbs_build().
 * Input: left width, right width (each -2..150), options, number of
 * pairs (16: none, index pairing), number of left paragraphs, then the
 * pairs (4 bytes each), then the paragraphs separated by 0xff bytes.
 * Rows must point at real lines, use each line once and in order, and
 * every rendered row must be as wide as the two columns and the gutter.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "layout-sbs.h"

#define FUZZ_SBS_MAXPARAS	32

static void
fuzz_sbs_rows(const struct layout_sbs *sbs, size_t npairs,
    const struct layout_opts *o)
{
	const struct layout_sbs_row *r;
	size_t	 i, nextl = 0, nextr = 0;
	char	*row;
	int	 want, w, lw, rw;

	for (i = 0; i < sbs->nrows; i++) {
		r = &sbs->rows[i];
		fuzz_assert(r->pair < npairs);
		if (r->sep)
			fuzz_assert(r->left == LAYOUT_SBS_NONE &&
			    r->right == LAYOUT_SBS_NONE);
		if (r->left != LAYOUT_SBS_NONE) {
			fuzz_assert(r->left == nextl);
			nextl++;
		}
		if (r->right != LAYOUT_SBS_NONE) {
			fuzz_assert(r->right == nextr);
			nextr++;
		}
		row = layout_sbs_render_row(sbs, i, " | ");
		lw = sbs->lwidth;
		if (r->left != LAYOUT_SBS_NONE &&
		    sbs->left.lines[r->left].width > lw)
			lw = sbs->left.lines[r->left].width;
		rw = sbs->rwidth;
		if (r->right != LAYOUT_SBS_NONE &&
		    sbs->right.lines[r->right].width > rw)
			rw = sbs->right.lines[r->right].width;
		want = (lw > 0 ? lw : 0) + 3 + (rw > 0 ? rw : 0);
		w = utf8_width(row, strlen(row), o);
		if (w != want)
			fuzz_fail("row %zu: %d cells, want %d", i, w, want);
		free(row);
	}
	fuzz_assert(nextl == sbs->left.nlines);
	fuzz_assert(nextr == sbs->right.nlines);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_input	 in = { data, size };
	struct layout_sbs_pair	 pairs[16];
	struct span	 paras[FUZZ_SBS_MAXPARAS];
	struct layout_opts	 o;
	struct layout_sbs	 sbs;
	size_t			 npairs, nleft, n = 0, i;
	int			 lwidth, rwidth, f, nopairs;
	char			*all;

	lwidth = (int)(fuzz_byte(&in) % 153) - 2;
	rwidth = (int)(fuzz_byte(&in) % 153) - 2;
	f = (int)fuzz_byte(&in);
	o.ambiguous = (f & 1) ? LAYOUT_AMBIGUOUS_WIDE : LAYOUT_AMBIGUOUS_NARROW;
	o.korean_break = (f & 2) ? LAYOUT_KOREAN_NORMAL :
	    LAYOUT_KOREAN_KEEP_ALL;
	npairs = fuzz_byte(&in) % 17;
	nopairs = npairs == 16;
	if (nopairs)
		npairs = 0;
	nleft = fuzz_byte(&in) % (FUZZ_SBS_MAXPARAS / 2 + 1);
	for (i = 0; i < npairs; i++) {
		pairs[i].left = fuzz_byte(&in) % 20;
		pairs[i].nleft = fuzz_byte(&in) % 5;
		pairs[i].right = fuzz_byte(&in) % 20;
		pairs[i].nright = fuzz_byte(&in) % 5;
	}
	while (in.n > 0 && n < FUZZ_SBS_MAXPARAS)
		paras[n].text = fuzz_chunk(&in, &paras[n].len), n++;
	if (nleft > n)
		nleft = n;

	layout_sbs_init(&sbs);
	layout_sbs_build(&sbs, paras, nleft, paras + nleft, n - nleft,
	    nopairs ? NULL : pairs, npairs, lwidth, rwidth, &o);
	fuzz_sbs_rows(&sbs, nopairs ? (nleft > n - nleft ? nleft :
	    n - nleft) : npairs, &o);
	all = layout_sbs_render(&sbs, " | ", "|");
	free(all);
	layout_sbs_free(&sbs);
	return 0;
}
