/*
 * cache-feed.h: subscriptions in the cache (cache-feed.c).
 *
 * The feeds a user follows, their tags and settings, what the last
 * fetch of each answered (validators for a conditional GET, the error,
 * gone, retry-after) and which article each entry became.  The schema
 * is drawn in cache.c.  As the rest of the cache, every function
 * returns 0, or -1 with *cause an allocated one-line message.
 *
 * A feed's update is one transaction: cache_feed_begin(), then the
 * articles through the cache's import sink (cache_sink()) each followed
 * by cache_feed_entry_put(), then cache_feed_result() and
 * cache_feed_commit(); cache_feed_abort() stores nothing of it.  A fetch
 * that brings nothing new (304, an error) is cache_feed_result() alone.
 */
#ifndef TANDEM_CACHE_FEED_H
#define TANDEM_CACHE_FEED_H

#include <stddef.h>
#include <stdint.h>

struct cache;

struct cache_feed {
	long long	 id;
	char		*url;		/* where it is fetched */
	char		*source;	/* its articles' source */
	char		*title;		/* or NULL */
	char		*site;		/* or NULL */
	char		*lang;		/* "en fr", or NULL */
	int		 alternates;	/* follow entries' hreflang pages */
	int		 full_text;	/* fetch the page of a summary */
	char		*etag;		/* or NULL */
	char		*last_modified;	/* or NULL */
	long long	 checked_at;	/* 0: never */
	long long	 updated_at;	/* 0: never */
	char		*error;		/* the last attempt's, or NULL */
	int		 gone;		/* HTTP 410 */
	long long	 retry_after;	/* not before, or 0 */
	long long	 added_at;
	char		**tags;		/* NULL-terminated, sorted */
	size_t		 ntags;
	long long	 articles;	/* cache_feed_list() only */
	long long	 unread;
};

/* What one fetch of a feed said, for cache_feed_result(). */
struct cache_feed_result {
	const char	*error;		/* NULL: it succeeded */
	int		 not_modified;	/* 304 */
	int		 gone;		/* 410 */
	long long	 retry_after;	/* seconds since the epoch, or 0 */
	const char	*moved_to;	/* a 301's new URL, or NULL */
	/* On a 200 (NULL: keep the stored one). */
	const char	*etag;
	const char	*last_modified;
	const char	*title;
	const char	*site;
	const char	*lang;
};

/* Add a feed (url, title, site, lang, alternates, full_text, tags);
   *id its row.  An URL already followed is an error naming it. */
int	cache_feed_add(struct cache *, const struct cache_feed *, long long *,
	    char **);
/* Every feed, in id order, with article and unread counts. */
int	cache_feed_list(struct cache *, struct cache_feed **, size_t *,
	    char **);
/* One feed by its id, or *found 0. */
int	cache_feed_get(struct cache *, long long, struct cache_feed *,
	    int *found, char **);
/* The feed spec names: its id, its URL (normalised) or its title. */
int	cache_feed_find(struct cache *, const char *, long long *, char **);
void	cache_feed_free(struct cache_feed *);
void	cache_feed_free_all(struct cache_feed *, size_t);
/* Remove a feed; with purge, its articles no other feed has too. */
int	cache_feed_remove(struct cache *, long long, int purge,
	    long long *purged, char **);
/* The feed that an article came from (the first), or *feed 0. */
int	cache_feed_of_article(struct cache *, long long, long long *feed,
	    char **);

/* What the last update stored of an entry: *article 0 if never seen. */
int	cache_feed_entry_get(struct cache *, long long feed, const char *key,
	    long long *article, uint64_t *digest, char **);
int	cache_feed_begin(struct cache *, char **);
/* The entry key became article (0: the last stored through the sink). */
int	cache_feed_entry_put(struct cache *, long long feed, const char *key,
	    long long article, uint64_t digest, char **);
/* The entry key's page (link) and comment feed (or NULL); after the
   entry's cache_feed_entry_put(). */
int	cache_feed_entry_comments(struct cache *, long long feed,
	    const char *key, const char *link, const char *comments_feed,
	    char **);
int	cache_feed_result(struct cache *, long long feed,
	    const struct cache_feed_result *, char **);
/* Whether the feed's transaction is still open: after one article's
   failure it is (that article alone rolled back), after a lost
   transaction (a full disk) not. */
int	cache_feed_pending(const struct cache *);
int	cache_feed_commit(struct cache *, char **);
void	cache_feed_abort(struct cache *);

/* The comment feeds of an article's pages (site-feed.c). */
struct cache_comment_feed {
	char	*page;		/* the translation URL its comments go with */
	char	*url;		/* the comment feed */
	char	*lang;		/* that translation's language, or NULL */
};
int	cache_feed_comment_feeds(struct cache *, long long article,
	    struct cache_comment_feed **, size_t *, char **);
void	cache_feed_comment_feeds_free(struct cache_comment_feed *, size_t);

#endif
