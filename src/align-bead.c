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

static void
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
 * sides share (fit->shared) and their mean total (fit->total), from the
 * memo when there is one.
 */
static void
align_bead_anchors(struct align_ctx *ctx, size_t i, size_t j,
    const struct align_move *m, struct align_fit *fit)
{
	struct align_memo	*memo = NULL;
	double			 wa, wb;
	size_t			 n0, n1;

	if (ctx->memo != NULL) {
		memo = &ctx->memo[(i * (ctx->nb + 1) + j) * ALIGN_NMOVES +
		    (size_t)(m - align_bead_moves)];
		if (!isnan(memo->total)) {
			fit->shared = memo->shared;
			fit->total = memo->total;
			return;
		}
	}
	n0 = align_bead_group(ctx, 0, ctx->a + i, m->da, &wa);
	n1 = align_bead_group(ctx, 1, ctx->b + j, m->db, &wb);
	fit->total = (wa + wb) / 2;
	fit->shared = (m->da == 0 || m->db == 0) ? 0 :
	    align_bead_shared(ctx, n0, n1);
	if (memo != NULL) {
		memo->shared = fit->shared;
		memo->total = fit->total;
	}
}

/* -log of the two-sided tail of the standard normal beyond |delta|. */
static double
align_bead_tail_cost(double delta)
{
	double	x = fabs(delta) / 1.4142135623730951;

	if (x < 5.0)
		return -log(erfc(x));
	return x * x + log(x * 1.7724538509055159);	/* erfc asymptote */
}

/* The cost of the bead of shape m that starts at (i, j); fit for later. */
double
align_bead_cost(struct align_ctx *ctx, size_t i, size_t j,
    const struct align_move *m, struct align_fit *fit)
{
	struct align_memo	*memo = NULL;
	double			 la = 0, lb = 0, mean, cost;
	int			 k, ds = 0, dq = 0, de = 0;

	if (ctx->memo != NULL) {
		memo = &ctx->memo[(i * (ctx->nb + 1) + j) * ALIGN_NMOVES +
		    (size_t)(m - align_bead_moves)];
		if (memo->gen == ctx->gen) {
			fit->delta = memo->delta;
			fit->shared = memo->shared;
			fit->total = memo->total;
			return memo->cost;
		}
	}
	memset(fit, 0, sizeof *fit);
	if (~ctx->flags & ALIGN_NO_ANCHORS)
		align_bead_anchors(ctx, i, j, m, fit);
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
		cost = align_bead_tail_cost(fit->delta) + m->penalty +
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

/* The most anchors ALIGN_MAXGROUP neighbouring items hold together. */
static size_t
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

/* Set up the search over two scanned sides: items, ratio, variance, grid. */
void
align_bead_ctx_init(struct align_ctx *ctx, const struct align_side *sa,
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
	ctx->a = align_bead_items(sa->p, na, la ? la->f : ALIGN_F_DEFAULT,
	    sa->pool, sa->npool, sb->pool, sb->npool);
	ctx->b = align_bead_items(sb->p, nb, lb ? lb->f : ALIGN_F_DEFAULT,
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

	ctx->gcap = align_bead_group_cap(ctx->a, na);
	if ((g = align_bead_group_cap(ctx->b, nb)) > ctx->gcap)
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
	free(ctx->v);
	free(ctx->fw);
	free(ctx->bw);
	free(ctx->bp);
	free(ctx->memo);
}
