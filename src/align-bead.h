/*
 * align-bead.h: the aligner's cost model, shared by align.c's search.
 *
 * align-bead.c turns two scanned translations into a struct align_ctx: the
 * paragraphs in script-fair units with their shared anchors, the length
 * ratio and variance, and the grid the search fills; align_bead_cost()
 * prices one bead (a move of align_bead_moves[] from a grid cell) and
 * remembers it per cell while the ratio stays.  align.c runs the dynamic
 * programming over the grid and turns the path into article pairs.
 * Internal to the aligner: nothing outside align*.c includes this.
 */
#ifndef TANDEM_ALIGN_BEAD_H
#define TANDEM_ALIGN_BEAD_H

#include <stddef.h>
#include <stdint.h>

#include "align.h"
#include "align-anchor.h"

/*
 * Bead shapes and their penalties in nats, tuned with the other ALIGN_*
 * weights by coordinate search on tests/bench/align-eval --split train.
 */
struct align_move {
	int		 da;
	int		 db;
	double		 penalty;
};
#define ALIGN_NMOVES	8
extern const struct align_move align_bead_moves[ALIGN_NMOVES];

/*
 * The article's own length ratio is trusted with weight n / (n +
 * ALIGN_ADAPT_N) against the calibrated one, n its paragraphs (or 1-1
 * pairs) per side: a few paragraphs already say more than Tatoeba.
 */
#define ALIGN_ADAPT_N	0.5

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
struct align_lang;

struct align_side {
	const struct align_lang	*lang;
	const struct span	*text;		/* the caller's */
	size_t			 n;
	struct align_para	*p;		/* NULL until scanned */
	uint64_t		*pool;		/* align_pool() of p */
	size_t			 npool;
};

const struct align_lang *align_bead_lang_find(const char *);
void	 align_bead_side_scan(struct align_side *);
void	 align_bead_ctx_init(struct align_ctx *, const struct align_side *,
	     const struct align_side *, int);
void	 align_bead_ctx_free(struct align_ctx *);
double	 align_bead_cost(struct align_ctx *, size_t, size_t,
	     const struct align_move *, struct align_fit *);

#endif
