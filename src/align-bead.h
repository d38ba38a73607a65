/*
 * align-bead.h: the aligner's cost model, shared by align.c's search.
 *
 * align-bead.c turns two scanned translations into a struct align_ctx: the
 * paragraphs in script-fair units with their shared anchors, the length
 * ratio and variance, and the band of the grid the search fills;
 * align_bead_cost() prices one bead (a move of align_bead_moves[] from a
 * grid cell), its anchor merge done once per cell and move, its length
 * term read from a table.  align-band.c chooses the band (the whole grid,
 * or a strip around a coarser alignment), align.c runs the dynamic
 * programming over it and turns the path into article pairs.
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

/* How well one bead fits, for its confidence. */
struct align_fit {
	double		 delta;
	double		 shared;	/* anchor weight on both sides */
	double		 total;		/* mean anchor weight of the sides */
};

/*
 * The part of the grid the search visits: row i (a paragraphs used) holds
 * the cells j = lo[i] .. hi[i] (b paragraphs used), stored from off[i] on.
 * lo and hi never decrease and lo[i + 1] <= hi[i], so a path from (0, 0)
 * to (na, nb) always exists.  A small article's band is the whole grid;
 * a large one's follows a coarse alignment (align-band.c).
 */
struct align_band {
	size_t			*lo;
	size_t			*hi;
	size_t			*off;
	size_t			 cells;
};

struct align_ctx {
	struct align_item	*a;
	struct align_item	*b;
	size_t			 na;
	size_t			 nb;
	double			 r;		/* b units per a unit */
	double			 r_rank;	/* the same by rank */
	double			 s2;
	int			 flags;

	uint64_t		*gh[2];		/* merged group anchors */
	double			*gw[2];
	size_t			 gcap;

	struct align_band	 band;
	double			*v;		/* Viterbi cost, per band cell */
	unsigned char		*bp;		/* best move into the cell */
	double			*fw;		/* -log forward sum */
	double			*bw;		/* -log backward sum */
	float			*shared;	/* per cell and move, NAN unknown */
	double			*tail;		/* ALIGN_TAIL_N + 1 tail costs */
	int			 own_tail;
};

/* -log erfc(x) is tabulated at steps of 1 / ALIGN_TAIL_STEP up to x = 5. */
#define ALIGN_TAIL_STEP	256
#define ALIGN_TAIL_N	(5 * ALIGN_TAIL_STEP)

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
void	 align_bead_ctx_grid(struct align_ctx *);
void	 align_bead_ctx_free(struct align_ctx *);
double	 align_bead_cost(struct align_ctx *, size_t, size_t,
	     const struct align_move *, struct align_fit *);
struct align_item *align_bead_coarsen(const struct align_item *, size_t,
	     size_t *);
void	 align_bead_items_free(struct align_item *, size_t);
size_t	 align_bead_group_cap(const struct align_item *, size_t);

/* align-band.c: the band, from a coarse alignment when the grid is big. */
#define ALIGN_FULL_CELLS	65536	/* grids up to this are searched whole */
#define ALIGN_BAND_MARGIN	8	/* paragraphs either side of the guide */
void	 align_band_full(struct align_band *, size_t, size_t);
void	 align_band_build(struct align_ctx *);
void	 align_band_free(struct align_band *);
/* The cell (i, j) in the band, or SIZE_MAX outside it. */
static inline size_t
align_band_cell(const struct align_band *band, size_t i, size_t j)
{
	if (j < band->lo[i] || j > band->hi[i])
		return SIZE_MAX;
	return band->off[i] + (j - band->lo[i]);
}

/* align.c: one Viterbi sweep over the band and the path it gives. */
void	 align_viterbi(struct align_ctx *);
size_t	 align_path(const struct align_ctx *, unsigned char **);

#endif
