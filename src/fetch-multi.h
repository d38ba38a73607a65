/*
 * fetch-multi.h: many GETs at once, bytes out as each one ends.
 *
 * For feed updates: every feed is added at once, libcurl's multi
 * interface runs them in parallel (at most max_total connections, at
 * most max_host to one host; the rest wait their turn) and
 * fetch_multi_next() hands back each answer as it comes, in whatever
 * order they end.  The rules of fetch.h hold for each request (http and
 * https only, TLS verified, caps on size and time, proxies obeyed, the
 * same User-Agent): fetch-multi.c sets its handles up with fetch.c's
 * code.  What a feed needs besides is told apart here: a 304 to the
 * conditional GET, a 410 (gone), the Retry-After of a 429 or 503, and
 * the URL a chain of permanent redirects (301, 308) ended at.
 *
 * Nothing blocks longer than the timeout given to fetch_multi_next(), so
 * a caller with a main loop can drive it with a timeout of 0.  No curl
 * type appears here.  One thread uses a struct fetch_multi.
 */
#ifndef TANDEM_FETCH_MULTI_H
#define TANDEM_FETCH_MULTI_H

#include <stddef.h>

#include "fetch.h"

#define FETCH_MULTI_CONNECTIONS	16	/* at once, in all */
#define FETCH_MULTI_PER_HOST	2

struct fetch_multi;

/* One request that ended. */
struct fetch_multi_done {
	void		*tag;		/* as given to fetch_multi_add() */
	int		 failed;	/* then error says why */
	char		*error;		/* "URL: HTTP 503", or NULL */
	long		 status;	/* the final HTTP status, or 0 */
	int		 gone;		/* HTTP 410 */
	long long	 retry_after;	/* seconds since the epoch, or 0 */
	char		*moved_to;	/* where permanent redirects led, or
					   NULL */
	struct fetch_result result;	/* when it did not fail */
	double		 seconds;	/* how long it took */
};

/* base: fetch.h's options for every request (NULL: defaults);
   max_total and max_host: 0 for the defaults above. */
struct fetch_multi *fetch_multi_new(const struct fetch_opts *base,
	    int max_total, int max_host);
/* Queue a GET with the validators of an earlier answer (or NULLs). */
void	fetch_multi_add(struct fetch_multi *, const char *url,
	    const char *etag, const char *last_modified, void *tag);
/* Requests added and not yet handed back. */
size_t	fetch_multi_pending(const struct fetch_multi *);
/*
 * Run the transfers for up to timeout_ms (or until one ends): 1 and
 * *done filled (free it with fetch_multi_done_free()), 0 when none ended
 * in that time, -1 when none is left.
 */
int	fetch_multi_next(struct fetch_multi *, int timeout_ms,
	    struct fetch_multi_done *);
void	fetch_multi_done_free(struct fetch_multi_done *);
/* Abandon what is under way and free everything. */
void	fetch_multi_free(struct fetch_multi *);

/* A Retry-After value (seconds, or an HTTP date) -> seconds since the
   epoch, given now; 0 when unreadable. */
long long fetch_multi_retry_after(const char *, long long now);

#endif
