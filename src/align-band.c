/*
 * align-band.c: which cells of the grid the aligner's search visits.
 *
 * A grid of up to ALIGN_FULL_CELLS cells is searched whole, as before.  A
 * larger one is searched in a band around a guide, in the manner of
 * vecalign's coarse-to-fine search: both sides' paragraphs are merged two
 * by two into a coarser article (align_bead_coarsen), that article is
 * aligned the same way (so a long one recurses, each level half the size
 * of the last), and the fine search keeps only the cells within
 * ALIGN_BAND_MARGIN paragraphs of the boxes the coarse path crosses.  A
 * level costs its length times the band's width, and the levels halve, so
 * the whole search is linear in the article's length; a deletion or an
 * insertion of any size is a straight run of the coarse path, and the
 * band follows it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "align-bead.h"
#include "xmalloc.h"

static void
align_band_alloc(struct align_band *band, size_t na)
{
	band->lo = xreallocarray(NULL, na + 1, sizeof *band->lo);
	band->hi = xreallocarray(NULL, na + 1, sizeof *band->hi);
	band->off = xreallocarray(NULL, na + 1, sizeof *band->off);
}

/* Offsets from lo and hi; repairs the order the band must keep. */
static void
align_band_close(struct align_band *band, size_t na, size_t nb)
{
	size_t	i;

	band->lo[0] = 0;
	band->hi[na] = nb;
	for (i = na; i-- > 0; /* nothing */)	/* lo never decreases */
		if (band->lo[i] > band->lo[i + 1])
			band->lo[i] = band->lo[i + 1];
	for (i = 1; i <= na; i++)		/* nor does hi */
		if (band->hi[i] < band->hi[i - 1])
			band->hi[i] = band->hi[i - 1];
	for (i = 0; i < na; i++)		/* rows meet */
		if (band->hi[i] < band->lo[i + 1])
			band->hi[i] = band->lo[i + 1];
	band->cells = 0;
	for (i = 0; i <= na; i++) {
		if (band->hi[i] < band->lo[i])
			band->hi[i] = band->lo[i];
		band->off[i] = band->cells;
		band->cells += band->hi[i] - band->lo[i] + 1;
	}
}

void
align_band_full(struct align_band *band, size_t na, size_t nb)
{
	size_t	i;

	align_band_alloc(band, na);
	for (i = 0; i <= na; i++) {
		band->lo[i] = 0;
		band->hi[i] = nb;
	}
	align_band_close(band, na, nb);
}

/* Widen rows r0..r1 of the band to cover columns c0..c1. */
static void
align_band_box(struct align_band *band, size_t na, size_t nb, size_t r0,
    size_t r1, size_t c0, size_t c1)
{
	size_t	i, lo, hi;

	r0 = r0 > ALIGN_BAND_MARGIN ? r0 - ALIGN_BAND_MARGIN : 0;
	r1 = r1 + ALIGN_BAND_MARGIN < na ? r1 + ALIGN_BAND_MARGIN : na;
	lo = c0 > ALIGN_BAND_MARGIN ? c0 - ALIGN_BAND_MARGIN : 0;
	hi = c1 + ALIGN_BAND_MARGIN < nb ? c1 + ALIGN_BAND_MARGIN : nb;
	for (i = r0; i <= r1; i++) {
		if (lo < band->lo[i])
			band->lo[i] = lo;
		if (hi > band->hi[i] || band->hi[i] == SIZE_MAX)
			band->hi[i] = hi;
	}
}

/*
 * The band of ctx: the whole grid when small, else a strip around the
 * path of the article coarsened two by two.
 */
void
align_band_build(struct align_ctx *ctx)
{
	struct align_ctx	 c;
	unsigned char		*moves;
	size_t			 na = ctx->na, nb = ctx->nb, n, k, i, j, di, dj;

	if ((na + 1) * (nb + 1) <= ALIGN_FULL_CELLS || na < 2 || nb < 2 ||
	    (ctx->flags & ALIGN_WHOLE_GRID)) {
		align_band_full(&ctx->band, na, nb);
		return;
	}
	memset(&c, 0, sizeof c);
	c.r = ctx->r;
	c.s2 = ctx->s2;
	c.flags = ctx->flags;
	c.tail = ctx->tail;
	c.a = align_bead_coarsen(ctx->a, na, &c.na);
	c.b = align_bead_coarsen(ctx->b, nb, &c.nb);
	c.gcap = align_bead_group_cap(c.a, c.na);
	if ((k = align_bead_group_cap(c.b, c.nb)) > c.gcap)
		c.gcap = k;
	align_band_build(&c);
	align_bead_ctx_grid(&c);
	align_viterbi(&c);
	n = align_path(&c, &moves);

	align_band_alloc(&ctx->band, na);
	for (i = 0; i <= na; i++) {
		ctx->band.lo[i] = SIZE_MAX;
		ctx->band.hi[i] = SIZE_MAX;
	}
	for (k = 0, i = j = 0; k < n; k++) {	/* each bead's box, doubled */
		di = (size_t)align_bead_moves[moves[k]].da;
		dj = (size_t)align_bead_moves[moves[k]].db;
		align_band_box(&ctx->band, na, nb, 2 * i,
		    2 * (i + di) < na ? 2 * (i + di) : na, 2 * j,
		    2 * (j + dj) < nb ? 2 * (j + dj) : nb);
		i += di;
		j += dj;
	}
	free(moves);
	align_bead_ctx_free(&c);
	align_band_close(&ctx->band, na, nb);
}

void
align_band_free(struct align_band *band)
{
	free(band->lo);
	free(band->hi);
	free(band->off);
	memset(band, 0, sizeof *band);
}
