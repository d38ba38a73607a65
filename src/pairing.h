/*
 * pairing.h: which paragraphs of two translations of an article face each
 * other.  The reader, tandem show, tandem align and tandem export all ask
 * here, so they agree on one policy:
 *
 *	stored for (a, b) and still fits      -> that
 *	else stored for (b, a) and still fits -> that, sides swapped
 *	else                                  -> align now, store as (a, b)
 *
 * "Fits" is align_pairs_valid(): the pairs cover both translations'
 * paragraphs as they are now; a translation that changed makes its stored
 * alignments stale.  Storing is a convenience (the next time is instant),
 * so a cache that cannot be written still gives the pairs.
 *
 * Nothing here prints: a problem comes back as *cause (allocated, one
 * line) and the caller decides whether to show it.
 */
#ifndef TANDEM_PAIRING_H
#define TANDEM_PAIRING_H

#include <stddef.h>

#include "article.h"

struct cache;

/*
 * The pairs of translation a with translation b of article id, in the
 * stored form of article.h (a_* count a's paragraphs).  *pairs is
 * allocated (free() it; NULL with *n = 0 when both are empty).  Returns
 * 0, or -1 with *cause when a new alignment could not be stored (a
 * read-only cache, a full disk): *pairs and *n are the aligner's then,
 * good to use, just not kept.  Only if the aligner fails is *pairs NULL
 * with -1 (show the paragraphs side by side by index).
 */
int	pairing_get(struct cache *, long long,
	    const struct article_translation *,
	    const struct article_translation *, struct article_pair **,
	    size_t *, char **);

/*
 * The first two steps alone: 0 and *pairs (allocated) if an alignment
 * that fits is stored either way round, else -1.  Needs only the
 * paragraph counts, where aligning reads both texts whole.
 */
int	pairing_find(struct cache *, long long,
	    const struct article_translation *,
	    const struct article_translation *, struct article_pair **,
	    size_t *);

/*
 * Store pairs of a with b (say a corrected one) for pairing_get(), in
 * place of any stored for b with a.
 */
int	pairing_put(struct cache *, long long,
	    const struct article_translation *,
	    const struct article_translation *, const struct article_pair *,
	    size_t, char **);

/* Align a with b afresh and store that, corrections forgotten. */
int	pairing_reset(struct cache *, long long,
	    const struct article_translation *,
	    const struct article_translation *, char **);

/* Whether two alignments pair the same paragraphs (confidence aside). */
int	pairing_same(const struct article_pair *, size_t,
	    const struct article_pair *, size_t);

#endif
