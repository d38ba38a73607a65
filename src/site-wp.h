/*
 * site-wp.h: comments with a WordPress site, through its REST API.
 *
 * Reading: site_wp_sync() finds the API of each translation's page (the
 * page's <link rel="https://api.w.org/">, else /wp-json/ at its origin),
 * the post's id (the page's shortlink "?p=ID", a "?p=" in the URL, else
 * the REST lookup of the URL's last path segment as a slug), reads every
 * page of GET wp/v2/comments?post=ID&per_page=100, turns each body's
 * HTML into text (html_comment_text) and hands them to the cache
 * (cache_remote_sync: updated in place, deleted ones dropped).
 *
 * Writing: site_wp_send() posts one of one's own comments that waits
 * (pending) to its translation's site, with the account's application
 * password (HTTP Basic), as a reply to its parent's id on the site: a
 * reply to one's own comment that is still pending waits for it
 * (site_wp_parent), and pending comments go oldest first, parents
 * before their replies.
 * A comment that may have arrived before (pending 2, after a timeout)
 * is looked up first and never sent twice.  The outcome is one of enum
 * site_wp_outcome with a message in the user's words.
 *
 * The functions block (fetch.h's timeouts); `tandem update` and the
 * reader call them from a worker.  Nothing here prints.
 */
#ifndef TANDEM_SITE_WP_H
#define TANDEM_SITE_WP_H

#include <stddef.h>

struct cache;
struct account;

/* Per-call knobs; zero is the default. */
struct site_wp_opts {
	long	 timeout;	/* seconds; $TANDEM_SITE_TIMEOUT, else 60 */
	int	 insecure_http;	/* allow posting over plain HTTP */
	/* Asked during each transfer; non-zero gives up (fetch.h). */
	int	(*cancelled)(void *);
	void	*cancel_arg;
};

/*
 * Fetch the comments of every translation of article that has a URL.
 * Returns the number of translations synced (0: none is on a site tandem
 * knows), or -1 with *cause when one failed (the others are kept).
 * *nfound: the comments the sites have.
 */
int	site_wp_sync(struct cache *, long long article,
	    const struct site_wp_opts *, size_t *nfound, char **cause);

enum site_wp_outcome {
	SITE_WP_SENT = 0,	/* it is the site's now */
	SITE_WP_KEPT,		/* cannot be sent now: still pending */
	SITE_WP_REFUSED,	/* the site said no: back to a draft */
	SITE_WP_NO_API,		/* no API tandem knows: stays local */
	SITE_WP_NO_ACCOUNT,	/* no account for the site: stays local */
	SITE_WP_LOCAL_PARENT,	/* answers a comment that stays here: so
				   does the reply */
};

struct article_comment;
/*
 * Send m (one's own, pending, remote_url set; from the cache) with the
 * account's password (pw, in memory only), and record the outcome in
 * the cache: sent, still pending (1, or 2 when it may have arrived), or
 * a draft again.  *msg says what happened, in the user's words.
 */
enum site_wp_outcome site_wp_send(struct cache *,
	    const struct article_comment *m, const struct account *,
	    const char *pw, const struct site_wp_opts *, char **msg);

/*
 * Can m go as far as its parent goes?  A reply goes as a reply to its
 * parent's id on the site, so it waits for its parent: -1 when m may go
 * now (*remote_parent: the parent's site id, 0 for top level); else the
 * outcome, recorded in the cache, with *msg naming site: SITE_WP_KEPT
 * while the parent is pending (the reply stays pending and goes after
 * it), SITE_WP_REFUSED when the parent is a draft (so is the reply),
 * SITE_WP_LOCAL_PARENT when the parent stays here, never to be sent (so
 * does the reply).  site_wp_send() asks it first; a caller may ask
 * before it asks for a password.  Reads only the cache.
 */
int	site_wp_parent(struct cache *, const struct article_comment *m,
	    const char *site, long long *remote_parent, char **msg);

/* Check user and password against the site of url (GET users/me). */
int	site_wp_check_login(const char *url, const char *user,
	    const char *pw, const struct site_wp_opts *, char **cause);

#endif
