/*
 * align.c: paragraph alignment of two translations by dynamic programming.
 *
 * The search runs over the (na + 1) x (nb + 1) grid of "a paragraphs and b
 * paragraphs used so far", moving by one of the beads in align_bead_moves[]
 * (1-1, 1-0, 0-1, 2-1, 1-2, 2-2, 3-1, 1-3), in the manner of Gale and
 * Church (1993).  A bead's cost, in nats, is
 *
 *	length:    -log P(|delta|), delta = (lb - r la) / sd, where
 *	           sd^2 = s2 m + (ALIGN_REL_SD m)^2, m = (r la + lb) / 2,
 *	           la, lb in script-fair units over each language's factor
 *	           f, s2 = s2(a) + s2(b), r the document's own ratio;
 *	sentences: ALIGN_SENT_K per sentence the sides differ by, and
 *	           ALIGN_MARK_K per question or exclamation mark;
 *	anchors:   -ALIGN_ANCHOR_K * (weight of the anchors both sides of
 *	           the bead share);
 *	move:      a fixed penalty per bead shape (1-0 and 0-1 pay only it).
 *
 * r starts from the whole-article length ratio, pulled towards 1 when the
 * article is short, or from the ratio of the sides' lengths matched by
 * rank when that path is cheaper (a large deletion moves the totals, not
 * the ranks), and is estimated again from the 1-1 beads of a first pass.  An anchor's weight shrinks with the number of paragraphs it
 * occurs in and anchors found on one side only are dropped, so a shared
 * date or acronym outweighs a misleading length.
 *
 * Forward and backward sums over all paths (costs read as -log
 * probabilities) give every possible bead a posterior probability; the
 * path returned is the one with the largest sum of (posterior -
 * ALIGN_MEA_GAIN) over its beads, which beats the single cheapest path on
 * bead accuracy.  A pair's confidence is its posterior, halved at worst
 * when neither length nor anchors support it; an unpaired paragraph (1-0,
 * 0-1) never gets more than half.  The article's confidence is the mean
 * over pairs, weighted by the paragraphs they hold.
 *
 * The search covers a band of the grid (align-band.c): the whole grid up
 * to ALIGN_FULL_CELLS cells, else a strip around the path of the article
 * coarsened two by two, so time and memory are linear in its length;
 * only a side of more than ALIGN_MAX_PARAS paragraphs is paired by index
 * (align.h).  The search reads every bead several times (Viterbi sweeps
 * for the first ratios, the forward and backward sums, the accuracy
 * sweep and the result), so each band cell keeps each move's shared
 * anchor weight once merged, and the length term is read from a table
 * of -log erfc.
 *
 * A translation is scanned once however many pairs it is in: an
 * align_side holds its paragraphs' units and anchors (align.h).
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "align-bead.h"
#include "xmalloc.h"

/*
 * The gain a bead's posterior must beat to be chosen (align_sweep), tuned
 * with align-bead.c's weights (tests/bench/align-eval --split train).
 */
#define ALIGN_MEA_GAIN	0.45
/* Nats the ranked ratio's path must save to be taken, tuned likewise. */
#define ALIGN_RANK_MARGIN 0.5

/* -log(exp(-x) + exp(-y)), safe for large arguments. */
static double
align_lse(double x, double y)
{
	if (x == HUGE_VAL)
		return y;
	if (y == HUGE_VAL)
		return x;
	if (x > y)
		return y - log1p(exp(y - x));
	return x - log1p(exp(x - y));
}

enum align_pass {
	ALIGN_VITERBI,		/* cheapest path only */
	ALIGN_FORWARD,		/* and the forward sums */
	ALIGN_MEA,		/* the path of most expected accuracy */
};

/*
 * One pass over the band, cell by cell.  ALIGN_VITERBI fills the costs and
 * back pointers of the cheapest path, ALIGN_FORWARD the forward sums as
 * well.  After align_backward(), ALIGN_MEA fills the back pointers again
 * with the path whose beads have the largest summed posterior less
 * ALIGN_MEA_GAIN each (maximum expected accuracy), which gets more beads
 * right than the single cheapest path.
 */
static void
align_sweep(struct align_ctx *ctx, enum align_pass pass)
{
	const struct align_band	*band = &ctx->band;
	const struct align_move	*m;
	size_t			 i, j, k, c, p;
	double			 cost, x, z = 0;

	if (pass == ALIGN_MEA)
		z = ctx->fw[band->cells - 1];
	for (i = 0; i <= ctx->na; i++) {
		for (j = band->lo[i]; j <= band->hi[i]; j++) {
			c = band->off[i] + (j - band->lo[i]);
			ctx->v[c] = (c == 0) ? 0 : HUGE_VAL;
			if (pass == ALIGN_FORWARD)
				ctx->fw[c] = ctx->v[c];
			ctx->bp[c] = 0;
			for (k = 0; k < ALIGN_NMOVES; k++) {
				m = &align_bead_moves[k];
				if ((size_t)m->da > i || (size_t)m->db > j ||
				    (p = align_band_cell(band, i - m->da,
				    j - m->db)) == SIZE_MAX)
					continue;
				cost = align_bead_cost(ctx, i - m->da,
				    j - m->db, m, NULL);
				if (pass == ALIGN_MEA) {
					x = ctx->v[p] + ALIGN_MEA_GAIN -
					    exp(z - ctx->fw[p] - cost -
					    ctx->bw[c]);
				} else {
					x = ctx->v[p] + cost;
					if (pass == ALIGN_FORWARD)
						ctx->fw[c] = align_lse(
						    ctx->fw[c], ctx->fw[p] +
						    cost);
				}
				if (x < ctx->v[c]) {
					ctx->v[c] = x;
					ctx->bp[c] = (unsigned char)k;
				}
			}
		}
	}
}

void
align_viterbi(struct align_ctx *ctx)
{
	align_sweep(ctx, ALIGN_VITERBI);
}

/* Backward sums: -log of the weight of all paths from a cell to the end. */
static void
align_backward(struct align_ctx *ctx)
{
	const struct align_band	*band = &ctx->band;
	const struct align_move	*m;
	size_t			 i, j, k, c, n;
	double			 cost;

	for (i = ctx->na + 1; i-- > 0; /* nothing */) {
		for (j = band->hi[i] + 1; j-- > band->lo[i]; /* nothing */) {
			c = band->off[i] + (j - band->lo[i]);
			ctx->bw[c] = (c == band->cells - 1) ? 0 : HUGE_VAL;
			for (k = 0; k < ALIGN_NMOVES; k++) {
				m = &align_bead_moves[k];
				if (i + m->da > ctx->na ||
				    (n = align_band_cell(band, i + m->da,
				    j + m->db)) == SIZE_MAX)
					continue;
				cost = align_bead_cost(ctx, i, j, m, NULL);
				ctx->bw[c] = align_lse(ctx->bw[c],
				    ctx->bw[n] + cost);
			}
		}
	}
}

/* The path the back pointers give, first bead first; returns its length. */
size_t
align_path(const struct align_ctx *ctx, unsigned char **movesp)
{
	unsigned char	*moves, t;
	size_t		 i = ctx->na, j = ctx->nb, n = 0, k;

	moves = xmalloc(ctx->na + ctx->nb + 1);
	while (i > 0 || j > 0) {
		k = ctx->bp[align_band_cell(&ctx->band, i, j)];
		moves[n++] = (unsigned char)k;
		i -= align_bead_moves[k].da;
		j -= align_bead_moves[k].db;
	}
	for (k = 0; k < n / 2; k++) {
		t = moves[k];
		moves[k] = moves[n - 1 - k];
		moves[n - 1 - k] = t;
	}
	*movesp = moves;
	return n;
}

/* The document's length ratio from the 1-1 beads of a first path. */
static void
align_reestimate(struct align_ctx *ctx)
{
	unsigned char	*moves;
	size_t		 n, k, i = 0, j = 0, n11 = 0;
	double		 la = 0, lb = 0, r, w;

	n = align_path(ctx, &moves);
	for (k = 0; k < n; k++) {
		if (align_bead_moves[moves[k]].da == 1 &&
		    align_bead_moves[moves[k]].db == 1) {
			la += ctx->a[i].units;
			lb += ctx->b[j].units;
			n11++;
		}
		i += align_bead_moves[moves[k]].da;
		j += align_bead_moves[moves[k]].db;
	}
	free(moves);
	if (n11 < 2 || la <= 0 || lb <= 0)
		return;
	r = fmin(fmax(lb / la, 0.5), 2.0);
	w = (double)n11 / ((double)n11 + ALIGN_ADAPT_N);
	ctx->r = exp(w * log(r));
}

/* A pair's confidence: its posterior, less when nothing supports it. */
static double
align_confidence(double post, const struct align_move *m,
    const struct align_fit *fit)
{
	double	plen, anch, support;

	if (m->da == 0 || m->db == 0)	/* unpaired: always worth a look */
		support = 0;
	else {
		plen = erfc(fabs(fit->delta) / 1.4142135623730951);
		anch = fit->total > 0 ? fmin(fit->shared / fit->total, 1) : 0;
		support = 1 - (1 - plen) * (1 - anch);
	}
	post = fmin(fmax(post, 0), 1);
	return post * (0.5 + 0.5 * support);
}

/* The chosen path as article pairs with confidences. */
static void
align_result(struct align_ctx *ctx, struct article_pair **pairs,
    size_t *npairs, double *confidence)
{
	const struct align_band	*band = &ctx->band;
	struct align_fit	 fit;
	const struct align_move	*m;
	struct article_pair	*pp;
	unsigned char		*moves;
	size_t			 n, k, i = 0, j = 0;
	double			 cost, post, z, sum = 0, weight = 0;

	n = align_path(ctx, &moves);
	pp = xcalloc(n, sizeof *pp);
	z = ctx->fw[band->cells - 1];
	for (k = 0; k < n; k++) {
		m = &align_bead_moves[moves[k]];
		cost = align_bead_cost(ctx, i, j, m, &fit);
		post = exp(z - ctx->fw[align_band_cell(band, i, j)] - cost -
		    ctx->bw[align_band_cell(band, i + m->da, j + m->db)]);
		pp[k].a_first = (int)i;
		pp[k].a_count = m->da;
		pp[k].b_first = (int)j;
		pp[k].b_count = m->db;
		pp[k].confidence = align_confidence(post, m, &fit);
		pp[k].manual = 0;
		sum += pp[k].confidence * (m->da + m->db);
		weight += m->da + m->db;
		i += m->da;
		j += m->db;
	}
	free(moves);
	*pairs = pp;
	*npairs = n;
	*confidence = weight > 0 ? sum / weight : 1.0;
}

/*
 * A new ratio moves the coarse path too: choose the band again (only
 * when it is not the whole grid) and start the grid afresh.
 */
static void
align_regrid(struct align_ctx *ctx)
{
	int	i;

	if (ctx->band.cells == (ctx->na + 1) * (ctx->nb + 1))
		return;		/* the whole grid: nothing to move */
	for (i = 0; i < 2; i++) {
		free(ctx->gh[i]);
		free(ctx->gw[i]);
	}
	free(ctx->v);
	free(ctx->fw);
	free(ctx->bw);
	free(ctx->bp);
	free(ctx->shared);
	align_band_free(&ctx->band);
	align_band_build(ctx);
	align_bead_ctx_grid(ctx);
}

/*
 * Two first guesses at the ratio: the totals' (ctx->r, swept already) and
 * the ranked lengths' (align-bead.c), which a large deletion moves less.
 * Keep the ranked one when its cheapest path costs ALIGN_RANK_MARGIN
 * less, its path in the grid.
 */
static void
align_ratio_choose(struct align_ctx *ctx)
{
	double	r = ctx->r, cost = ctx->v[ctx->band.cells - 1];

	if (fabs(log(ctx->r_rank / r)) < 0.01)
		return;
	ctx->r = ctx->r_rank;
	align_regrid(ctx);
	align_sweep(ctx, ALIGN_VITERBI);
	if (ctx->v[ctx->band.cells - 1] + ALIGN_RANK_MARGIN <= cost)
		return;
	ctx->r = r;
	align_regrid(ctx);
	align_sweep(ctx, ALIGN_VITERBI);
}

/* Too big to search: pair by index, every pair marked doubtful. */
static void
align_by_index(size_t na, size_t nb, struct article_pair **pairs,
    size_t *npairs, double *confidence)
{
	struct article_pair	*pp;
	size_t			 n = na > nb ? na : nb, k;

	pp = xcalloc(n, sizeof *pp);
	for (k = 0; k < n; k++) {
		pp[k].a_first = (int)(k < na ? k : na);
		pp[k].a_count = k < na;
		pp[k].b_first = (int)(k < nb ? k : nb);
		pp[k].b_count = k < nb;
		pp[k].confidence = 0;
	}
	*pairs = pp;
	*npairs = n;
	*confidence = 0;
}

struct align_side *
align_side_new(const char *lang, const struct span *text, size_t n)
{
	struct align_side	*side;

	if (text == NULL && n != 0)
		return NULL;
	side = xcalloc(1, sizeof *side);
	side->lang = align_bead_lang_find(lang);
	side->text = text;
	side->n = n;
	return side;
}

void
align_side_free(struct align_side *side)
{
	size_t	i;

	if (side == NULL)
		return;
	if (side->p != NULL) {
		for (i = 0; i < side->n; i++)
			align_anchor_clear(&side->p[i]);
		free(side->p);
	}
	free(side->pool);
	free(side);
}

int
align_sides(struct align_side *sa, struct align_side *sb, int flags,
    struct article_pair **pairs, size_t *npairs, double *confidence)
{
	struct align_ctx	ctx;
	size_t			na, nb;
	double			r;

	if (sa == NULL || sb == NULL || pairs == NULL || npairs == NULL ||
	    confidence == NULL)
		return -1;
	na = sa->n;
	nb = sb->n;
	*pairs = NULL;
	*npairs = 0;
	*confidence = 1.0;
	if (na == 0 && nb == 0)
		return 0;
	if (na > ALIGN_MAX_PARAS || nb > ALIGN_MAX_PARAS) {
		align_by_index(na, nb, pairs, npairs, confidence);
		return 0;
	}
	align_bead_side_scan(sa);
	align_bead_side_scan(sb);
	align_bead_ctx_init(&ctx, sa, sb, flags);
	align_band_build(&ctx);
	align_bead_ctx_grid(&ctx);
	align_sweep(&ctx, ALIGN_VITERBI);
	if (~flags & ALIGN_NO_ADAPT) {
		align_ratio_choose(&ctx);
		r = ctx.r;
		align_reestimate(&ctx);
		if (ctx.r != r)
			align_regrid(&ctx);
	}
	align_sweep(&ctx, ALIGN_FORWARD);
	align_backward(&ctx);
	align_sweep(&ctx, ALIGN_MEA);
	align_result(&ctx, pairs, npairs, confidence);
	align_bead_ctx_free(&ctx);
	return 0;
}

int
align_paragraphs_flags(const char *lang_a, const struct span *a,
    size_t na, const char *lang_b, const struct span *b, size_t nb,
    int flags, struct article_pair **pairs, size_t *npairs,
    double *confidence)
{
	struct align_side	*sa, *sb;
	int			 rc = -1;

	sa = align_side_new(lang_a, a, na);
	sb = align_side_new(lang_b, b, nb);
	if (sa != NULL && sb != NULL)
		rc = align_sides(sa, sb, flags, pairs, npairs, confidence);
	align_side_free(sa);
	align_side_free(sb);
	return rc;
}

int
align_paragraphs(const char *lang_a, const struct span *a, size_t na,
    const char *lang_b, const struct span *b, size_t nb,
    struct article_pair **pairs, size_t *npairs, double *confidence)
{
	return align_paragraphs_flags(lang_a, a, na, lang_b, b, nb, 0, pairs,
	    npairs, confidence);
}

/* Align two translations of an article (their paragraphs as stored). */
int
align_translations(const struct article_translation *a,
    const struct article_translation *b, struct article_pair **pairs,
    size_t *npairs, double *confidence)
{
	return align_paragraphs(a->lang, a->paragraphs, a->nparagraphs,
	    b->lang, b->paragraphs, b->nparagraphs, pairs, npairs, confidence);
}

/*
 * Do the pairs cover paragraphs 0..na-1 and 0..nb-1 in order, each once?
 * A stored alignment stops fitting when a translation changes.
 */
int
align_pairs_valid(const struct article_pair *p, size_t n, size_t na,
    size_t nb)
{
	size_t	i, a = 0, b = 0;

	for (i = 0; i < n; i++) {
		if (p[i].a_first < 0 || p[i].b_first < 0 || p[i].a_count < 0 ||
		    p[i].b_count < 0 || (size_t)p[i].a_first != a ||
		    (size_t)p[i].b_first != b ||
		    (p[i].a_count == 0 && p[i].b_count == 0))
			return 0;
		a += (size_t)p[i].a_count;
		b += (size_t)p[i].b_count;
	}
	return a == na && b == nb;
}

/* A side with no paragraphs still says where it is, so it swaps too. */
void
align_pairs_swap(struct article_pair *p, size_t n)
{
	size_t	i;
	int	t;

	for (i = 0; i < n; i++) {
		t = p[i].a_first;
		p[i].a_first = p[i].b_first;
		p[i].b_first = t;
		t = p[i].a_count;
		p[i].a_count = p[i].b_count;
		p[i].b_count = t;
	}
}
