/*
 * align-bead.c: what one bead of an alignment costs (see align.c for the
 * model and align-bead.h for how the search uses it).
 *
 * Per language calibration, the bead shapes, a side's paragraphs turned
 * into English units and anchor sets weighted by how rare they are, the
 * anchors a group of paragraphs shares with the other side's group, and
 * the cost and fit of each bead, kept per grid cell in a memo.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "align-bead.h"
#include "xmalloc.h"

/*
 * Per language: f, script-fair units per unit of English, and s2, the
 * Gale-Church variance per unit against English.  Measured by
 * data/langid/align-calibrate.py on the first 500 Tatoeba pairs of each
 * language with English (tatoeba.org, CC BY 2.0 FR; see data/README).
 * English is the reference; unknown languages get ALIGN_F_DEFAULT and
 * ALIGN_S2_DEFAULT.
 */
struct align_lang {
	const char	*tag;
	double		 f;
	double		 s2;
};

static const struct align_lang align_langs[] = {
	{ "en", 1.000, 0.000 }, { "eng", 1.000, 0.000 },
	{ "ko", 1.004, 2.191 }, { "kor", 1.004, 2.191 },
	{ "ja", 1.005, 2.161 }, { "jpn", 1.005, 2.161 },
	{ "zh", 1.007, 2.044 }, { "cmn", 1.007, 2.044 }, { "zho", 1.007, 2.044 },
	{ "fr", 1.162, 1.295 }, { "fra", 1.162, 1.295 },
};
#define ALIGN_F_DEFAULT		1.0
#define ALIGN_S2_DEFAULT	2.0
#define ALIGN_S2_MIN		1.0	/* floor for a pair's variance */

/* The penalties of align-bead.h's shapes, in order. */
const struct align_move align_bead_moves[ALIGN_NMOVES] = {
	{ 1, 1, 0.0 },
	{ 1, 0, 2.5 }, { 0, 1, 2.5 },
	{ 2, 1, 2.5 }, { 1, 2, 2.5 },
	{ 2, 2, 6.5 },
	{ 3, 1, 5.5 }, { 1, 3, 5.5 },
};
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
 * Nats per sentence the two sides of a bead differ by, and per question or
 * exclamation mark; the relative standard deviation added to the length
 * model so long paragraphs are not held to Gale-Church's sqrt(length).
 * All tuned on Tatoeba lines 1-500 and the sample
 * (tests/bench/align-eval --split train).
 */
#define ALIGN_SENT_K	1.0
#define ALIGN_MARK_K	0.5
#define ALIGN_REL_SD	0.3

const struct align_lang *
align_bead_lang_find(const char *tag)
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

/* A rank's length ratio and weight; r first, so it sorts as a double. */
struct align_rank {
	double	r;
	double	w;
};

static int
align_bead_double_cmp(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static int
align_bead_hash_cmp(const void *a, const void *b)
{
	uint64_t	x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* How many entries of the sorted array s equal h. */
static size_t
align_bead_count(const uint64_t *s, size_t n, uint64_t h)
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
 * align_bead_count() on it is the number of paragraphs holding an anchor. */
static uint64_t *
align_bead_pool(const struct align_para *p, size_t n, size_t *np)
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
	qsort(pool, *np, sizeof *pool, align_bead_hash_cmp);
	return pool;
}

/*
 * Turn one side's scanned paragraphs into items: units in English units,
 * and only the anchors the other side has too, weighted by how rare they
 * are in the article.
 */
static struct align_item *
align_bead_items(const struct align_para *p, size_t n, double f,
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
			if (align_bead_count(other, nother, h) == 0)
				continue;
			df = align_bead_count(mine, nmine, h) +
			    align_bead_count(other, nother, h);
			it[i].h[it[i].n] = h;
			it[i].w[it[i].n++] = align_kind_weight[
			    ALIGN_ANCHOR_KIND(h)] * sqrt(2.0 / (double)df);
		}
	}
	return it;
}

void
align_bead_items_free(struct align_item *it, size_t n)
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
align_bead_group(struct align_ctx *ctx, int side, const struct align_item *it,
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
align_bead_shared(const struct align_ctx *ctx, size_t n0, size_t n1)
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
 * sides share, merged once per cell and move and then read from the memo;
 * and, when fit is not NULL, their mean total (for the confidence, asked
 * for only along the chosen path).
 */
static double
align_bead_anchors(struct align_ctx *ctx, size_t i, size_t j,
    const struct align_move *m, struct align_fit *fit)
{
	float	*memo = NULL;
	double	 wa, wb, shared;
	size_t	 n0, n1, c;

	if (m->da == 0 || m->db == 0) {
		if (fit == NULL)
			return 0;
	} else if (fit == NULL && ctx->shared != NULL &&
	    (c = align_band_cell(&ctx->band, i, j)) != SIZE_MAX) {
		memo = &ctx->shared[c * ALIGN_NMOVES +
		    (size_t)(m - align_bead_moves)];
		if (!isnan(*memo))
			return *memo;
	}
	n0 = align_bead_group(ctx, 0, ctx->a + i, m->da, &wa);
	n1 = align_bead_group(ctx, 1, ctx->b + j, m->db, &wb);
	shared = (m->da == 0 || m->db == 0) ? 0 :
	    align_bead_shared(ctx, n0, n1);
	if (fit != NULL) {
		fit->total = (wa + wb) / 2;
		fit->shared = shared;
	}
	if (memo != NULL)
		*memo = (float)shared;
	return memo != NULL ? *memo : shared;
}

/* -log of the two-sided tail of the standard normal beyond |delta|. */
static double
align_bead_tail_exact(double x)
{
	if (x < 5.0)
		return -log(erfc(x));
	return x * x + log(x * 1.7724538509055159);	/* erfc asymptote */
}

/* The same from the table, linear between its steps. */
static double
align_bead_tail_cost(const struct align_ctx *ctx, double delta)
{
	double	x = fabs(delta) / 1.4142135623730951, t, f;
	size_t	k;

	if (!(x < 5.0))
		return align_bead_tail_exact(x);
	t = x * ALIGN_TAIL_STEP;
	k = (size_t)t;
	f = t - (double)k;
	return ctx->tail[k] + f * (ctx->tail[k + 1] - ctx->tail[k]);
}

/*
 * The cost of the bead of shape m that starts at (i, j); with fit not
 * NULL, also how well it fits (the search passes NULL).
 */
double
align_bead_cost(struct align_ctx *ctx, size_t i, size_t j,
    const struct align_move *m, struct align_fit *fit)
{
	double	la = 0, lb = 0, mean, cost, delta = 0, shared = 0;
	int	k, ds = 0, dq = 0, de = 0;

	if (fit != NULL)
		memset(fit, 0, sizeof *fit);
	if (~ctx->flags & ALIGN_NO_ANCHORS)
		shared = align_bead_anchors(ctx, i, j, m, fit);
	if (m->da == 0 || m->db == 0)
		return m->penalty;
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
	delta = (lb - ctx->r * la) / sqrt(ctx->s2 * mean +
	    ALIGN_REL_SD * ALIGN_REL_SD * mean * mean);
	cost = align_bead_tail_cost(ctx, delta) + m->penalty +
	    ALIGN_SENT_K * abs(ds) + ALIGN_MARK_K * (abs(dq) + abs(de));
	if (~ctx->flags & ALIGN_NO_ANCHORS)
		cost -= ALIGN_ANCHOR_K * shared;
	if (fit != NULL)
		fit->delta = delta;
	return cost;
}

/* The most anchors ALIGN_MAXGROUP neighbouring items hold together. */
size_t
align_bead_group_cap(const struct align_item *it, size_t n)
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
void
align_bead_side_scan(struct align_side *side)
{
	size_t	i;

	if (side->p != NULL)
		return;
	side->p = xcalloc(side->n + 1, sizeof *side->p);
	for (i = 0; i < side->n; i++)
		align_anchor_scan(side->text[i].text, side->text[i].len,
		    &side->p[i]);
	side->pool = align_bead_pool(side->p, side->n, &side->npool);
}

/*
 * The document's length ratio, b units per a unit, from the two sides'
 * paragraph lengths matched by rank: the k-th longest of a against the
 * k-th longest of b, the median of those ratios weighted by length.  A
 * paragraph missing on one side shifts only the ranks below it by one,
 * so a large deletion moves this far less than the ratio of the totals.
 */
static double
align_bead_ratio(const struct align_item *a, size_t na,
    const struct align_item *b, size_t nb)
{
	struct align_rank	*rk;
	double			*ua, *ub, half = 0, acc = 0, r;
	size_t			 n = na < nb ? na : nb, i, k, x, y;

	if (n == 0)
		return 1.0;
	ua = xreallocarray(NULL, na, sizeof *ua);
	ub = xreallocarray(NULL, nb, sizeof *ub);
	rk = xreallocarray(NULL, n, sizeof *rk);
	for (i = 0; i < na; i++)
		ua[i] = a[i].units;
	for (i = 0; i < nb; i++)
		ub[i] = b[i].units;
	qsort(ua, na, sizeof *ua, align_bead_double_cmp);
	qsort(ub, nb, sizeof *ub, align_bead_double_cmp);
	for (k = 0; k < n; k++) {	/* ranks spread over the longer side */
		x = na - 1 - k * na / n;
		y = nb - 1 - k * nb / n;
		rk[k].r = (ub[y] + 1) / (ua[x] + 1);
		rk[k].w = 1;
		half += rk[k].w / 2;
	}
	qsort(rk, n, sizeof *rk, align_bead_double_cmp);	/* by r */
	for (k = 0; k + 1 < n; k++)
		if ((acc += rk[k].w) >= half)
			break;
	r = rk[k].r;
	free(ua);
	free(ub);
	free(rk);
	return r;
}

/*
 * Items of a coarser level: neighbours merged two by two (the last alone
 * when n is odd), their units, marks and anchors added up.
 */
struct align_item *
align_bead_coarsen(const struct align_item *it, size_t n, size_t *np)
{
	struct align_item	*c;
	const struct align_item	*x, *y;
	size_t			 k, i, j, m;

	*np = (n + 1) / 2;
	c = xcalloc(*np + 1, sizeof *c);
	for (k = 0; k < *np; k++) {
		x = &it[2 * k];
		y = (2 * k + 1 < n) ? &it[2 * k + 1] : NULL;
		c[k] = *x;
		m = x->n + (y ? y->n : 0);
		c[k].h = xreallocarray(NULL, m + 1, sizeof *c[k].h);
		c[k].w = xreallocarray(NULL, m + 1, sizeof *c[k].w);
		c[k].n = m;
		if (y != NULL) {
			c[k].units += y->units;
			c[k].sentences += y->sentences;
			c[k].questions += y->questions;
			c[k].exclaims += y->exclaims;
		}
		for (i = j = m = 0; i < x->n || (y && j < y->n); m++) {
			if (y == NULL || j >= y->n ||
			    (i < x->n && x->h[i] <= y->h[j])) {
				c[k].h[m] = x->h[i];
				c[k].w[m] = x->w[i++];
			} else {
				c[k].h[m] = y->h[j];
				c[k].w[m] = y->w[j++];
			}
		}
	}
	return c;
}

/* Set up the search over two scanned sides: items, ratio, variance. */
void
align_bead_ctx_init(struct align_ctx *ctx, const struct align_side *sa,
    const struct align_side *sb, int flags)
{
	const struct align_lang	*la = sa->lang, *lb = sb->lang;
	size_t			 na = sa->n, nb = sb->n, i, g;
	double			 r, w, ta = 0, tb = 0;

	memset(ctx, 0, sizeof *ctx);
	ctx->na = na;
	ctx->nb = nb;
	ctx->flags = flags;
	ctx->a = align_bead_items(sa->p, na, la ? la->f : ALIGN_F_DEFAULT,
	    sa->pool, sa->npool, sb->pool, sb->npool);
	ctx->b = align_bead_items(sb->p, nb, lb ? lb->f : ALIGN_F_DEFAULT,
	    sb->pool, sb->npool, sa->pool, sa->npool);

	ctx->s2 = fmax((la ? la->s2 : ALIGN_S2_DEFAULT) +
	    (lb ? lb->s2 : ALIGN_S2_DEFAULT), ALIGN_S2_MIN);
	ctx->r = ctx->r_rank = 1.0;
	for (i = 0; i < na; i++)
		ta += ctx->a[i].units;
	for (i = 0; i < nb; i++)
		tb += ctx->b[i].units;
	if (~flags & ALIGN_NO_ADAPT && ta > 0 && tb > 0) {
		w = (double)(na < nb ? na : nb);
		w /= w + ALIGN_ADAPT_N;
		r = fmin(fmax(tb / ta, 0.5), 2.0);
		ctx->r = exp(w * log(r));
		r = fmin(fmax(align_bead_ratio(ctx->a, na, ctx->b, nb), 0.5),
		    2.0);
		ctx->r_rank = exp(w * log(r));
	}
	ctx->gcap = align_bead_group_cap(ctx->a, na);
	if ((g = align_bead_group_cap(ctx->b, nb)) > ctx->gcap)
		ctx->gcap = g;
	ctx->tail = xreallocarray(NULL, ALIGN_TAIL_N + 2, sizeof *ctx->tail);
	for (i = 0; i <= ALIGN_TAIL_N + 1; i++)
		ctx->tail[i] = align_bead_tail_exact((double)i /
		    ALIGN_TAIL_STEP);
	ctx->own_tail = 1;
}

/* Allocate what the search fills, once the band is chosen. */
void
align_bead_ctx_grid(struct align_ctx *ctx)
{
	size_t	i, cells = ctx->band.cells;

	for (i = 0; i < 2; i++) {
		ctx->gh[i] = xreallocarray(NULL, ctx->gcap + 1,
		    sizeof **ctx->gh);
		ctx->gw[i] = xreallocarray(NULL, ctx->gcap + 1,
		    sizeof **ctx->gw);
	}
	ctx->v = xreallocarray(NULL, cells, sizeof *ctx->v);
	ctx->fw = xreallocarray(NULL, cells, sizeof *ctx->fw);
	ctx->bw = xreallocarray(NULL, cells, sizeof *ctx->bw);
	ctx->bp = xmalloc(cells);
	ctx->shared = xreallocarray(NULL, cells * ALIGN_NMOVES,
	    sizeof *ctx->shared);
	for (i = 0; i < cells * ALIGN_NMOVES; i++)
		ctx->shared[i] = NAN;
}

void
align_bead_ctx_free(struct align_ctx *ctx)
{
	int	i;

	align_bead_items_free(ctx->a, ctx->na);
	align_bead_items_free(ctx->b, ctx->nb);
	for (i = 0; i < 2; i++) {
		free(ctx->gh[i]);
		free(ctx->gw[i]);
	}
	align_band_free(&ctx->band);
	free(ctx->v);
	free(ctx->fw);
	free(ctx->bw);
	free(ctx->bp);
	free(ctx->shared);
	if (ctx->own_tail)
		free(ctx->tail);
}
