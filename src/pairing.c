/*
 * pairing.c: the alignment of two translations as everything that shows
 * one gets it: from the cache either way round while it still fits the
 * paragraphs, else from the aligner, stored for next time (pairing.h).
 *
 * The cache keeps what import aligned (each translation with the
 * original) and what the reader corrected; any other pair of languages
 * is aligned the first time someone asks for it.
 */
#include "config.h"

#include <stdlib.h>

#include "align.h"
#include "cache.h"
#include "pairing.h"
#include "xmalloc.h"

/*
 * The stored alignment of a with b if there is one that still fits, else
 * NULL.  A cache that cannot be read has nothing that fits; if it cannot
 * be written either, storing the new alignment says so.
 */
static struct article_pair *
pairing_stored(struct cache *cache, long long id,
    const struct article_translation *a, const struct article_translation *b,
    size_t *n)
{
	struct article_pair	*p;
	char			*cause = NULL;

	if (cache_alignment_get(cache, id, a->lang, b->lang, &p, n,
	    &cause) != 0) {
		free(cause);
		*n = 0;
		return NULL;
	}
	if (*n > 0 && align_pairs_valid(p, *n, a->nparagraphs, b->nparagraphs))
		return p;
	free(p);
	*n = 0;
	return NULL;
}

int
pairing_find(struct cache *cache, long long id,
    const struct article_translation *a, const struct article_translation *b,
    struct article_pair **pairs, size_t *n)
{
	if ((*pairs = pairing_stored(cache, id, a, b, n)) != NULL)
		return 0;
	if ((*pairs = pairing_stored(cache, id, b, a, n)) != NULL) {
		align_pairs_swap(*pairs, *n);
		return 0;
	}
	return -1;
}

int
pairing_get(struct cache *cache, long long id,
    const struct article_translation *a, const struct article_translation *b,
    struct article_pair **pairs, size_t *n, char **cause)
{
	double	conf;

	if (pairing_find(cache, id, a, b, pairs, n) == 0)
		return 0;
	if (align_translations(a, b, pairs, n, &conf) != 0) {
		*pairs = NULL;
		*n = 0;
		xasprintf(cause, "aligning '%s' with '%s' failed", a->lang,
		    b->lang);
		return -1;
	}
	return cache_alignment_put(cache, id, a->lang, b->lang, *pairs, *n,
	    cause);
}

/*
 * One alignment per pair of languages: the corrected pairs replace what
 * was stored either way round, or a correction made while reading fr,en
 * would stay hidden behind the en|fr that import stored.  Two writes: if
 * the second fails, (a, b) is found first from a, b and the old (b, a)
 * from b, a, which the caller hears about through *cause.
 */
int
pairing_put(struct cache *cache, long long id,
    const struct article_translation *a, const struct article_translation *b,
    const struct article_pair *pairs, size_t n, char **cause)
{
	if (cache_alignment_put(cache, id, a->lang, b->lang, pairs, n,
	    cause) != 0)
		return -1;
	return cache_alignment_put(cache, id, b->lang, a->lang, NULL, 0,
	    cause);
}

/* The aligner's pairs of a with b, stored in place of any correction. */
int
pairing_reset(struct cache *cache, long long id,
    const struct article_translation *a, const struct article_translation *b,
    char **cause)
{
	struct article_pair	*pairs;
	size_t			 n;
	double			 conf;
	int			 rc;

	if (align_translations(a, b, &pairs, &n, &conf) != 0) {
		xasprintf(cause, "aligning '%s' with '%s' failed", a->lang,
		    b->lang);
		return -1;
	}
	rc = pairing_put(cache, id, a, b, pairs, n, cause);
	free(pairs);
	return rc;
}

int
pairing_same(const struct article_pair *a, size_t na,
    const struct article_pair *b, size_t nb)
{
	size_t	k;

	if (na != nb)
		return 0;
	for (k = 0; k < na; k++)
		if (a[k].a_first != b[k].a_first || a[k].a_count !=
		    b[k].a_count || a[k].b_first != b[k].b_first ||
		    a[k].b_count != b[k].b_count)
			return 0;
	return 1;
}
