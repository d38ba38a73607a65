/*
 * feed-update.h: fetch the feeds a user follows and store what is new.
 *
 * feed_update() loads the feeds from the cache (all, or those asked
 * for), fetches them all at once through fetch-multi.h with the
 * validators of their last answers, and stores each one's new and
 * changed entries as it arrives, in one transaction per feed
 * (cache-feed.h), so a crash leaves every feed as before or updated.
 * Entries go to articles through feed-store.h; pages (an entry's
 * hreflang alternates, the full text of a summary) through story.h,
 * fetched before the feed's transaction opens.  A feed that fails keeps
 * its articles and gets its error stored; a 410 marks it gone (never
 * fetched again), a Retry-After holds it off until then, a permanent
 * redirect moves its URL.
 *
 * It blocks until every feed is done: the reader runs it on a worker
 * thread with a cache connection of that thread (as story-job.c does),
 * progress coming back through the callback.  Nothing here prints.
 */
#ifndef TANDEM_FEED_UPDATE_H
#define TANDEM_FEED_UPDATE_H

#include <stddef.h>

struct cache;

struct feed_update_opts {
	const char *const	*langs;		/* Accept-Language, or NULL */
	int			 connections;	/* 0: fetch-multi.h's */
	int			 per_host;	/* 0: fetch-multi.h's */
	long			 timeout;	/* per feed, s; 0: fetch.h's */

	/* Tests only: passed to fetch_opts. */
	const char		*ca_file;
	const char		*noproxy;

	/* After each feed: done of total, the feed's title or URL (from
	   the network: sanitise before showing). */
	void	(*progress)(void *arg, size_t done, size_t total,
		    const char *name);
	/* "URL: HTTP 503", "URL: ..." parser warnings; may be NULL. */
	void	(*warn)(void *arg, const char *message);
	/* After a feed is stored: each article its update added or
	   changed whose entry links comments (a page, a feed, a count):
	   the comments to fetch.  May be NULL. */
	void	(*stored)(void *arg, long long feed, long long article);
	/* Asked about once a second and after each feed; true: stop, the
	   feeds not yet stored left as they were.  May be NULL. */
	int	(*stopped)(void *arg);
	void	 *arg;
};

struct feed_update_report {
	size_t	feeds;		/* fetched or tried */
	size_t	not_modified;	/* 304 */
	size_t	failed;
	size_t	held;		/* gone, or waiting for Retry-After */
	size_t	articles_new;
	size_t	articles_updated;
};

/* ids: the feeds to update (n of them), or NULL for all. */
int	feed_update(struct cache *, const long long *ids, size_t n,
	    const struct feed_update_opts *, struct feed_update_report *,
	    char **cause);

#endif
