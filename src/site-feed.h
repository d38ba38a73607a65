/*
 * site-feed.h: a story's comments read from its comment feeds
 * (site-feed.c), for sites without an API tandem knows.
 */
#ifndef TANDEM_SITE_FEED_H
#define TANDEM_SITE_FEED_H

#include <stddef.h>

struct cache;
struct site_wp_opts;

/*
 * Read the comment feed of every page of article that has one (stored
 * by tandem update) into the cache.  Returns the number of feeds read
 * (0: it has none), or -1 with *cause naming the first that failed
 * (the others are kept).  *nfound: the comments they have.  Blocks.
 */
int	site_feed_sync(struct cache *, long long article,
	    const struct site_wp_opts *, size_t *nfound, char **cause);

/*
 * As site_wp_sync() for a site with that API; for one without (or a
 * page that could not be read), site_feed_sync().  What tandem update,
 * comments --fetch and the comment pane call.
 */
int	site_feed_any_sync(struct cache *, long long article,
	    const struct site_wp_opts *, size_t *nfound, char **cause);

#endif
