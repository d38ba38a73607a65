/*
 * align.h: line up the paragraphs of two translations of one article.
 *
 * align_paragraphs() takes the paragraphs of translation a and of
 * translation b (UTF-8 with lengths, not necessarily NUL-terminated, never
 * modified) and returns the alignment in the stored form of article.h: an
 * array of struct article_pair that covers both sequences completely and
 * in order.  Each pair groups 0..3 paragraphs of a with 0..3 of b (1-1,
 * 1-2, 2-1, 2-2, 1-3, 3-1, 1-0, 0-1); a_first + a_count of one pair is the
 * a_first of the next, and likewise for b.  Every pair has a confidence in
 * 0..1 (the reader marks the low ones) and manual = 0; *confidence gets
 * one number for the whole article.
 *
 * The aligner is pure computation: no I/O, no global state, no curses, no
 * SQLite; the cache (cache-sink.c, cache-comment.c) stores what it
 * returns (cache_alignment_put).  Language tags are BCP 47-ish ("ko",
 * "zh-Hans", "fr_FR"); unknown or NULL tags get neutral parameters.  Invalid UTF-8 is read as U+FFFD, one per bad byte.
 *
 * Returns 0 and sets *pairs (allocated, the caller frees it with free();
 * NULL when both sides are empty), *npairs and *confidence.  Returns -1
 * only for a NULL text array with a non-zero count.  The search costs
 * time and memory linear in na + nb; a side of more than ALIGN_MAX_PARAS
 * paragraphs is paired by index with confidence 0 (`tandem align` says
 * so).
 */
#ifndef TANDEM_ALIGN_H
#define TANDEM_ALIGN_H

#include <stddef.h>

#include "article.h"
#include "span.h"

/* Paragraphs per side above which the search gives up (about 1 GB). */
#define ALIGN_MAX_PARAS		(1024 * 1024)

/* align_paragraphs_flags() switches, for the evaluation's ablations. */
#define ALIGN_NO_ANCHORS	0x1	/* length and moves only */
#define ALIGN_NO_ADAPT		0x2	/* calibrated ratio, not the document's */
#define ALIGN_WHOLE_GRID	0x4	/* no band: the exact, quadratic search */

int	 align_paragraphs(const char *, const struct span *, size_t,
	     const char *, const struct span *, size_t,
	     struct article_pair **, size_t *, double *);
int	 align_paragraphs_flags(const char *, const struct span *,
	     size_t, const char *, const struct span *, size_t, int,
	     struct article_pair **, size_t *, double *);

/*
 * The same for a translation aligned with several others: align_side_new()
 * keeps the paragraph array (the caller keeps it and its texts alive until
 * align_side_free()), align_sides() scans each side the first time it is
 * used and reuses the scan for the next pair.  align_side_new() returns
 * NULL for a NULL array with a non-zero count; align_sides() returns what
 * align_paragraphs_flags() does.
 */
struct align_side;
struct align_side *align_side_new(const char *, const struct span *,
	     size_t);
void	 align_side_free(struct align_side *);
int	 align_sides(struct align_side *, struct align_side *, int,
	     struct article_pair **, size_t *, double *);

/* The same for two translations as article.h holds them. */
int	 align_translations(const struct article_translation *,
	     const struct article_translation *, struct article_pair **,
	     size_t *, double *);
/* 1 if the pairs cover na and nb paragraphs exactly, in order. */
int	 align_pairs_valid(const struct article_pair *, size_t, size_t,
	     size_t);
/*
 * Turn the alignment of a with b into that of b with a, in place: each
 * pair's sides change places (a 1-2 becomes a 2-1, a 1-0 a 0-1), its
 * confidence and manual flag stay.
 */
void	 align_pairs_swap(struct article_pair *, size_t);

#endif
