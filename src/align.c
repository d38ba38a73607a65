/*
 * align.c: paragraph alignment of two translations by dynamic programming.
 *
 * The search runs over the (na + 1) x (nb + 1) grid of "a paragraphs and b
 * paragraphs used so far", moving by one of the beads in align_moves[]
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
 * article is short, and is estimated again from the 1-1 beads of a first
 * pass.  An anchor's weight shrinks with the number of paragraphs it
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
 * Memory is four numbers per grid cell; above ALIGN_MAX_CELLS the article
 * is paired by index instead (align.h).  The search reads every bead five
 * times (two Viterbi sweeps, as the ratio is re-estimated in between, the
 * backward sums, the accuracy sweep and the result), so up to
 * ALIGN_MEMO_CELLS cells keep each move's anchors, cost and fit: the
 * anchor merges run once and the costs twice, once per ratio.
 *
 * A translation is scanned once however many pairs it is in: an
 * align_side holds its paragraphs' units and anchors (align.h).
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "align.h"
#include "align-anchor.h"
#include "xmalloc.h"

/*
 * Per language: f, script-fair units per unit of English, and s2, the
 * Gale-Church variance per unit against English.  Measured by
 * data/langid/align-calibrate.py on the first 500 Tatoeba pairs of each
 * language with English (tatoeba.org, CC BY 2.0 FR; see data/README).
 * English is the reference; unknown languages get ALIGN_F_DEFAULT and
 * ALIGN_S2_DEFAULT.
 */
static const struct align_lang {
	const char	*tag;
	double		 f;
	double		 s2;
} align_langs[] = {
	{ "en", 1.000, 0.000 }, { "eng", 1.000, 0.000 },
	{ "ko", 1.004, 2.191 }, { "kor", 1.004, 2.191 },
	{ "ja", 1.005, 2.161 }, { "jpn", 1.005, 2.161 },
	{ "zh", 1.007, 2.044 }, { "cmn", 1.007, 2.044 }, { "zho", 1.007, 2.044 },
	{ "fr", 1.162, 1.295 }, { "fra", 1.162, 1.295 },
};
#define ALIGN_F_DEFAULT		1.0
#define ALIGN_S2_DEFAULT	2.0
#define ALIGN_S2_MIN		1.0	/* floor for a pair's variance */

/*
 * Bead shapes and their penalties in nats, tuned with the other ALIGN_*
 * weights by coordinate search on tests/bench/align-eval --split train.
 */
static const struct align_move {
	int		 da;
	int		 db;
	double		 penalty;
} align_moves[] = {
	{ 1, 1, 0.0 },
	{ 1, 0, 2.5 }, { 0, 1, 2.5 },
	{ 2, 1, 2.5 }, { 1, 2, 2.5 },
	{ 2, 2, 6.5 },
	{ 3, 1, 5.5 }, { 1, 3, 5.5 },
};
#define ALIGN_NMOVES	(sizeof align_moves / sizeof align_moves[0])
#define ALIGN_MEMO_CELLS 16384	/* 5 MiB of memo at most */
#define ALIGN_MAXGROUP	3

/* Nats per unit of shared anchor weight, and the weight of each kind. */
#define ALIGN_ANCHOR_K	4.0
static const double align_kind_weight[] = {
	[ALIGN_ANCHOR_NUMBER] = 1.0,
	[ALIGN_ANCHOR_DATE] = 1.5,
	[ALIGN_ANCHOR_MONTH] = 0.5,
	[ALIGN_ANCHOR_WORD] = 1.0,
	[ALIGN_ANCHOR_QUOTE] = 0.3,
	[ALIGN_ANCHOR_SYMBOL] = 0.3,
	[ALIGN_ANCHOR_URL] = 2.0,
};

/*
 * The article's own length ratio is trusted with weight n / (n +
 * ALIGN_ADAPT_N) against the calibrated one, n its paragraphs (or 1-1
 * pairs) per side: a few paragraphs already say more than Tatoeba.
 */
#define ALIGN_ADAPT_N	0.5

/*
 * Nats per sentence the two sides of a bead differ by, and per question or
 * exclamation mark; the relative standard deviation added to the length
 * model so long paragraphs are not held to Gale-Church's sqrt(length); the
 * gain a bead's posterior must beat to be chosen (align_sweep).  All tuned
 * on Tatoeba lines 1-500 and the sample (tests/bench/align-eval
 * --split train).
 */
#define ALIGN_SENT_K	1.0
#define ALIGN_MARK_K	0.5
#define ALIGN_REL_SD	0.3
#define ALIGN_MEA_GAIN	0.45

/* One paragraph as the search sees it: English units, shared anchors. */
struct align_item {
	double		 units;
	int		 sentences;
	int		 questions;
	int		 exclaims;
	uint64_t	*h;		/* sorted */
	double		*w;		/* weight of h[i] */
	size_t		 n;
};

/*
 * One bead's anchors (NAN in total until computed) and its cost and
 * length fit under the ratio estimate numbered gen (0: none yet).  The
 * search reads each bead five times, but the ratio changes only once.
 */
struct align_memo {
	double		 shared;
	double		 total;
	double		 cost;
	double		 delta;
	unsigned	 gen;
};

/* How well one bead fits, for its confidence. */
struct align_fit {
	double		 delta;
	double		 shared;	/* anchor weight on both sides */
	double		 total;		/* mean anchor weight of the sides */
};

struct align_ctx {
	struct align_item	*a;
	struct align_item	*b;
	size_t			 na;
	size_t			 nb;
	double			 r;
	unsigned		 gen;		/* of r, from 1 */
	double			 s2;
	int			 flags;

	uint64_t		*gh[2];		/* merged group anchors */
	double			*gw[2];
	size_t			 gcap;

	double			*v;		/* Viterbi cost */
	unsigned char		*bp;		/* best move into the cell */
	double			*fw;		/* -log forward sum */
	double			*bw;		/* -log backward sum */
	struct align_memo	*memo;		/* per cell and move, or NULL */
};

/* One translation: its paragraphs, scanned when first aligned. */
struct align_side {
	const struct align_lang	*lang;
	const struct span	*text;		/* the caller's */
	size_t			 n;
	struct align_para	*p;		/* NULL until scanned */
	uint64_t		*pool;		/* align_pool() of p */
	size_t			 npool;
};

static const struct align_lang *
align_lang_find(const char *tag)
{
	size_t	i, n;

	if (tag == NULL)
		return NULL;
	n = strcspn(tag, "-_");
	for (i = 0; i < sizeof align_langs / sizeof align_langs[0]; i++) {
		if (strlen(align_langs[i].tag) == n &&
		    strncasecmp(align_langs[i].tag, tag, n) == 0)
			return &align_langs[i];
	}
	return NULL;
}

static int
align_hash_cmp(const void *a, const void *b)
{
	uint64_t	x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* How many entries of the sorted array s equal h. */
static size_t
align_count(const uint64_t *s, size_t n, uint64_t h)
{
	size_t	lo = 0, hi = n, mid, first;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (s[mid] < h)
			lo = mid + 1;
		else
			hi = mid;
	}
	first = lo;
	while (lo < n && s[lo] == h)
		lo++;
	return lo - first;
}

/* The distinct anchors of each paragraph of one side, pooled and sorted:
 * align_count() on it is the number of paragraphs holding an anchor. */
static uint64_t *
align_pool(const struct align_para *p, size_t n, size_t *np)
{
	uint64_t	*pool = NULL;
	size_t		 i, k, total = 0;

	for (i = 0; i < n; i++)
		total += p[i].nanchors;
	pool = xreallocarray(NULL, total + 1, sizeof *pool);
	*np = 0;
	for (i = 0; i < n; i++) {
		for (k = 0; k < p[i].nanchors; k++) {
			if (k == 0 || p[i].anchors[k] != p[i].anchors[k - 1])
				pool[(*np)++] = p[i].anchors[k];
		}
	}
	qsort(pool, *np, sizeof *pool, align_hash_cmp);
	return pool;
}

/*
 * Turn one side's scanned paragraphs into items: units in English units,
 * and only the anchors the other side has too, weighted by how rare they
 * are in the article.
 */
static struct align_item *
align_items(const struct align_para *p, size_t n, double f,
    const uint64_t *mine, size_t nmine, const uint64_t *other, size_t nother)
{
	struct align_item	*it;
	size_t			 i, k, df;
	uint64_t		 h;

	it = xcalloc(n + 1, sizeof *it);
	for (i = 0; i < n; i++) {
		it[i].units = p[i].units / f;
		it[i].sentences = p[i].sentences;
		it[i].questions = p[i].questions;
		it[i].exclaims = p[i].exclaims;
		it[i].h = xreallocarray(NULL, p[i].nanchors + 1,
		    sizeof *it[i].h);
		it[i].w = xreallocarray(NULL, p[i].nanchors + 1,
		    sizeof *it[i].w);
		for (k = 0; k < p[i].nanchors; k++) {
			h = p[i].anchors[k];
			if (align_count(other, nother, h) == 0)
				continue;
			df = align_count(mine, nmine, h) +
			    align_count(other, nother, h);
			it[i].h[it[i].n] = h;
			it[i].w[it[i].n++] = align_kind_weight[
			    ALIGN_ANCHOR_KIND(h)] * sqrt(2.0 / (double)df);
		}
	}
	return it;
}

static void
align_items_free(struct align_item *it, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(it[i].h);
		free(it[i].w);
	}
	free(it);
}

/* Merge the sorted anchors of count items into the group buffer of side. */
static size_t
align_group(struct align_ctx *ctx, int side, const struct align_item *it,
    int count, double *sum)
{
	uint64_t	*h = ctx->gh[side];
	double		*w = ctx->gw[side];
	size_t		 n = 0, i, j, m;
	int		 k;

	*sum = 0;
	for (k = 0; k < count; k++) {
		i = n;
		j = it[k].n;
		m = n + j;
		while (j > 0) {		/* backwards, in place */
			if (i > 0 && h[i - 1] > it[k].h[j - 1]) {
				h[m - 1] = h[i - 1];
				w[m - 1] = w[i - 1];
				i--;
			} else {
				h[m - 1] = it[k].h[j - 1];
				w[m - 1] = it[k].w[j - 1];
				*sum += w[m - 1];
				j--;
			}
			m--;
		}
		n += it[k].n;
	}
	return n;
}

/* The weight of the anchors the two groups share, repeats by minimum. */
static double
align_shared(const struct align_ctx *ctx, size_t n0, size_t n1)
{
	const uint64_t	*h0 = ctx->gh[0], *h1 = ctx->gh[1];
	size_t		 i = 0, j = 0;
	double		 s = 0;

	while (i < n0 && j < n1) {
		if (h0[i] < h1[j])
			i++;
		else if (h0[i] > h1[j])
			j++;
		else
			s += ctx->gw[0][i++], j++;
	}
	return s;
}

/*
 * The anchor weight of the bead at cell (i, j) with move m: what the
 * sides share (fit->shared) and their mean total (fit->total), from the
 * memo when there is one.
 */
static void
align_anchors(struct align_ctx *ctx, size_t i, size_t j,
    const struct align_move *m, struct align_fit *fit)
{
	struct align_memo	*memo = NULL;
	double			 wa, wb;
	size_t			 n0, n1;

	if (ctx->memo != NULL) {
		memo = &ctx->memo[(i * (ctx->nb + 1) + j) * ALIGN_NMOVES +
		    (size_t)(m - align_moves)];
		if (!isnan(memo->total)) {
			fit->shared = memo->shared;
			fit->total = memo->total;
			return;
		}
	}
	n0 = align_group(ctx, 0, ctx->a + i, m->da, &wa);
	n1 = align_group(ctx, 1, ctx->b + j, m->db, &wb);
	fit->total = (wa + wb) / 2;
	fit->shared = (m->da == 0 || m->db == 0) ? 0 :
	    align_shared(ctx, n0, n1);
	if (memo != NULL) {
		memo->shared = fit->shared;
		memo->total = fit->total;
	}
}

/* -log of the two-sided tail of the standard normal beyond |delta|. */
static double
align_tail_cost(double delta)
{
	double	x = fabs(delta) / 1.4142135623730951;

	if (x < 5.0)
		return -log(erfc(x));
	return x * x + log(x * 1.7724538509055159);	/* erfc asymptote */
}

/* The cost of the bead of shape m that starts at (i, j); fit for later. */
static double
align_bead(struct align_ctx *ctx, size_t i, size_t j,
    const struct align_move *m, struct align_fit *fit)
{
	struct align_memo	*memo = NULL;
	double			 la = 0, lb = 0, mean, cost;
	int			 k, ds = 0, dq = 0, de = 0;

	if (ctx->memo != NULL) {
		memo = &ctx->memo[(i * (ctx->nb + 1) + j) * ALIGN_NMOVES +
		    (size_t)(m - align_moves)];
		if (memo->gen == ctx->gen) {
			fit->delta = memo->delta;
			fit->shared = memo->shared;
			fit->total = memo->total;
			return memo->cost;
		}
	}
	memset(fit, 0, sizeof *fit);
	if (~ctx->flags & ALIGN_NO_ANCHORS)
		align_anchors(ctx, i, j, m, fit);
	if (m->da == 0 || m->db == 0)
		cost = m->penalty;
	else {
		for (k = 0; k < m->da; k++) {
			la += ctx->a[i + k].units;
			ds += ctx->a[i + k].sentences;
			dq += ctx->a[i + k].questions;
			de += ctx->a[i + k].exclaims;
		}
		for (k = 0; k < m->db; k++) {
			lb += ctx->b[j + k].units;
			ds -= ctx->b[j + k].sentences;
			dq -= ctx->b[j + k].questions;
			de -= ctx->b[j + k].exclaims;
		}
		mean = (ctx->r * la + lb) / 2 + 1.0;
		fit->delta = (lb - ctx->r * la) / sqrt(ctx->s2 * mean +
		    ALIGN_REL_SD * ALIGN_REL_SD * mean * mean);
		cost = align_tail_cost(fit->delta) + m->penalty +
		    ALIGN_SENT_K * abs(ds) + ALIGN_MARK_K * (abs(dq) + abs(de));
		if (~ctx->flags & ALIGN_NO_ANCHORS)
			cost -= ALIGN_ANCHOR_K * fit->shared;
	}
	if (memo != NULL) {
		memo->shared = fit->shared;	/* also without anchors */
		memo->total = fit->total;
		memo->cost = cost;
		memo->delta = fit->delta;
		memo->gen = ctx->gen;
	}
	return cost;
}

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

/*
 * One pass over the grid, cell by cell.  The first kind (mea = 0) fills
 * the Viterbi costs, back pointers and forward sums.  After
 * align_backward(), mea = 1 fills the back pointers again with the path
 * whose beads have the largest summed posterior less ALIGN_MEA_GAIN each
 * (maximum expected accuracy), which gets more beads right than the
 * single cheapest path.
 */
static void
align_sweep(struct align_ctx *ctx, int mea)
{
	struct align_fit	 fit;
	const struct align_move	*m;
	size_t			 i, j, k, w = ctx->nb + 1, c, p;
	double			 cost, x, z = ctx->fw[ctx->na * w + ctx->nb];

	for (i = 0; i <= ctx->na; i++) {
		for (j = 0; j <= ctx->nb; j++) {
			c = i * w + j;
			ctx->v[c] = (c == 0) ? 0 : HUGE_VAL;
			if (!mea)
				ctx->fw[c] = ctx->v[c];
			ctx->bp[c] = 0;
			for (k = 0; k < ALIGN_NMOVES; k++) {
				m = &align_moves[k];
				if ((size_t)m->da > i || (size_t)m->db > j)
					continue;
				p = (i - m->da) * w + (j - m->db);
				cost = align_bead(ctx, i - m->da, j - m->db, m,
				    &fit);
				if (mea) {
					x = ctx->v[p] + ALIGN_MEA_GAIN - exp(z -
					    ctx->fw[p] - cost - ctx->bw[c]);
				} else {
					x = ctx->v[p] + cost;
					ctx->fw[c] = align_lse(ctx->fw[c],
					    ctx->fw[p] + cost);
				}
				if (x < ctx->v[c]) {
					ctx->v[c] = x;
					ctx->bp[c] = (unsigned char)k;
				}
			}
		}
	}
}

/* Backward sums: -log of the weight of all paths from a cell to the end. */
static void
align_backward(struct align_ctx *ctx)
{
	struct align_fit	 fit;
	const struct align_move	*m;
	size_t			 i, j, k, w = ctx->nb + 1, c, n;
	double			 cost;

	for (i = ctx->na + 1; i-- > 0; /* nothing */) {
		for (j = ctx->nb + 1; j-- > 0; /* nothing */) {
			c = i * w + j;
			ctx->bw[c] = (i == ctx->na && j == ctx->nb) ? 0 :
			    HUGE_VAL;
			for (k = 0; k < ALIGN_NMOVES; k++) {
				m = &align_moves[k];
				if (i + m->da > ctx->na || j + m->db > ctx->nb)
					continue;
				n = (i + m->da) * w + (j + m->db);
				cost = align_bead(ctx, i, j, m, &fit);
				ctx->bw[c] = align_lse(ctx->bw[c],
				    ctx->bw[n] + cost);
			}
		}
	}
}

/* The path the back pointers give, first bead first; returns its length. */
static size_t
align_path(const struct align_ctx *ctx, unsigned char **movesp)
{
	unsigned char	*moves, t;
	size_t		 i = ctx->na, j = ctx->nb, n = 0, k;

	moves = xmalloc(ctx->na + ctx->nb + 1);
	while (i > 0 || j > 0) {
		k = ctx->bp[i * (ctx->nb + 1) + j];
		moves[n++] = (unsigned char)k;
		i -= align_moves[k].da;
		j -= align_moves[k].db;
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
		if (align_moves[moves[k]].da == 1 &&
		    align_moves[moves[k]].db == 1) {
			la += ctx->a[i].units;
			lb += ctx->b[j].units;
			n11++;
		}
		i += align_moves[moves[k]].da;
		j += align_moves[moves[k]].db;
	}
	free(moves);
	if (n11 < 2 || la <= 0 || lb <= 0)
		return;
	r = fmin(fmax(lb / la, 0.5), 2.0);
	w = (double)n11 / ((double)n11 + ALIGN_ADAPT_N);
	ctx->r = exp(w * log(r));
	ctx->gen++;
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
	struct align_fit	 fit;
	const struct align_move	*m;
	struct article_pair	*pp;
	unsigned char		*moves;
	size_t			 n, k, i = 0, j = 0, w = ctx->nb + 1;
	double			 cost, post, z, sum = 0, weight = 0;

	n = align_path(ctx, &moves);
	pp = xcalloc(n, sizeof *pp);
	z = ctx->fw[ctx->na * w + ctx->nb];
	for (k = 0; k < n; k++) {
		m = &align_moves[moves[k]];
		cost = align_bead(ctx, i, j, m, &fit);
		post = exp(z - ctx->fw[i * w + j] - cost -
		    ctx->bw[(i + m->da) * w + j + m->db]);
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

/* The most anchors ALIGN_MAXGROUP neighbouring items hold together. */
static size_t
align_group_cap(const struct align_item *it, size_t n)
{
	size_t	i, k, g, cap = 0;

	for (i = 0; i < n; i++) {
		g = 0;
		for (k = i; k < n && k < i + ALIGN_MAXGROUP; k++)
			g += it[k].n;
		if (g > cap)
			cap = g;
	}
	return cap;
}

/* Scan a side's paragraphs, once. */
static void
align_side_scan(struct align_side *side)
{
	size_t	i;

	if (side->p != NULL)
		return;
	side->p = xcalloc(side->n + 1, sizeof *side->p);
	for (i = 0; i < side->n; i++)
		align_anchor_scan(side->text[i].text, side->text[i].len,
		    &side->p[i]);
	side->pool = align_pool(side->p, side->n, &side->npool);
}

/* Set up the search over two scanned sides: items, ratio, variance, grid. */
static void
align_ctx_init(struct align_ctx *ctx, const struct align_side *sa,
    const struct align_side *sb, int flags)
{
	const struct align_lang	*la = sa->lang, *lb = sb->lang;
	size_t			 na = sa->n, nb = sb->n, i, cells, g;
	double			 ta = 0, tb = 0, r, w;

	memset(ctx, 0, sizeof *ctx);
	ctx->na = na;
	ctx->nb = nb;
	ctx->flags = flags;
	ctx->gen = 1;
	ctx->a = align_items(sa->p, na, la ? la->f : ALIGN_F_DEFAULT,
	    sa->pool, sa->npool, sb->pool, sb->npool);
	ctx->b = align_items(sb->p, nb, lb ? lb->f : ALIGN_F_DEFAULT,
	    sb->pool, sb->npool, sa->pool, sa->npool);

	ctx->s2 = fmax((la ? la->s2 : ALIGN_S2_DEFAULT) +
	    (lb ? lb->s2 : ALIGN_S2_DEFAULT), ALIGN_S2_MIN);
	ctx->r = 1.0;
	for (i = 0; i < na; i++)
		ta += ctx->a[i].units;
	for (i = 0; i < nb; i++)
		tb += ctx->b[i].units;
	if (~flags & ALIGN_NO_ADAPT && ta > 0 && tb > 0) {
		r = fmin(fmax(tb / ta, 0.5), 2.0);
		w = (double)(na < nb ? na : nb);
		w /= w + ALIGN_ADAPT_N;
		ctx->r = exp(w * log(r));
	}

	ctx->gcap = align_group_cap(ctx->a, na);
	if ((g = align_group_cap(ctx->b, nb)) > ctx->gcap)
		ctx->gcap = g;
	for (i = 0; i < 2; i++) {
		ctx->gh[i] = xreallocarray(NULL, ctx->gcap + 1, sizeof **ctx->gh);
		ctx->gw[i] = xreallocarray(NULL, ctx->gcap + 1, sizeof **ctx->gw);
	}
	cells = (na + 1) * (nb + 1);
	ctx->v = xreallocarray(NULL, cells, sizeof *ctx->v);
	ctx->fw = xreallocarray(NULL, cells, sizeof *ctx->fw);
	ctx->bw = xreallocarray(NULL, cells, sizeof *ctx->bw);
	ctx->bp = xmalloc(cells);
	ctx->memo = NULL;
	if (cells <= ALIGN_MEMO_CELLS) {
		ctx->memo = xreallocarray(NULL, cells * ALIGN_NMOVES,
		    sizeof *ctx->memo);
		for (i = 0; i < cells * ALIGN_NMOVES; i++) {
			ctx->memo[i].total = NAN;
			ctx->memo[i].gen = 0;
		}
	}
}

static void
align_ctx_free(struct align_ctx *ctx)
{
	int	i;

	align_items_free(ctx->a, ctx->na);
	align_items_free(ctx->b, ctx->nb);
	for (i = 0; i < 2; i++) {
		free(ctx->gh[i]);
		free(ctx->gw[i]);
	}
	free(ctx->v);
	free(ctx->fw);
	free(ctx->bw);
	free(ctx->bp);
	free(ctx->memo);
}

struct align_side *
align_side_new(const char *lang, const struct span *text, size_t n)
{
	struct align_side	*side;

	if (text == NULL && n != 0)
		return NULL;
	side = xcalloc(1, sizeof *side);
	side->lang = align_lang_find(lang);
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
	if (na >= ALIGN_MAX_CELLS || nb >= ALIGN_MAX_CELLS ||
	    (na + 1) * (nb + 1) > ALIGN_MAX_CELLS) {
		align_by_index(na, nb, pairs, npairs, confidence);
		return 0;
	}
	align_side_scan(sa);
	align_side_scan(sb);
	align_ctx_init(&ctx, sa, sb, flags);
	align_sweep(&ctx, 0);
	if (~flags & ALIGN_NO_ADAPT) {
		align_reestimate(&ctx);
		align_sweep(&ctx, 0);
	}
	align_backward(&ctx);
	align_sweep(&ctx, 1);
	align_result(&ctx, pairs, npairs, confidence);
	align_ctx_free(&ctx);
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
