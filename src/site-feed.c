/*
 * site-feed.c: a story's comments from its comment feeds, for a site
 * without an API tandem knows.
 *
 * A feed entry may name a feed of its comments (wfw:commentRss, Atom
 * rel="replies" of a feed type); feed-update.c stores it beside the
 * entry's page (cache-feed.h).  Reading one is feed_parse() again: each
 * item is a comment (author, date, the body's HTML made text by
 * html_comment_text, link), its guid (else link) hashed to the remote
 * id, and the whole list handed to cache_remote_sync() for the page's
 * URL, as site-wp.c does with the REST API: edited ones are updated,
 * the ones the feed no longer has go, local comments are left alone.
 * An Atom comment feed threads its entries (RFC 4685): an entry's
 * thr:in-reply-to ref is its parent's id, hashed the same way, so the
 * reply's remote parent is its parent's remote id; cache_remote_sync()
 * keeps a reply whose parent is not in the feed at the top level.  RSS
 * comment feeds (WordPress's among them) have no threads: flat.
 * Posting stays site-wp.c's: such a site takes no comment from tandem.
 * site_feed_any_sync() is the one door for reading a story's comments:
 * the WordPress API first (its comments have threads and ids that
 * posting needs), the comment feeds when there is none.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "article.h"
#include "cache.h"
#include "cache-feed.h"
#include "charset.h"
#include "feed.h"
#include "fetch.h"
#include "html.h"
#include "site-feed.h"
#include "site-wp.h"
#include "xmalloc.h"

/* At most this many comments are kept of one feed. */
#define SITE_FEED_MAX	10000

struct site_feed_list {
	struct article_comment	*v;
	size_t			 n;
	size_t			 cap;
};

/* A positive 62-bit id for a guid: the cache's remote ids are numbers. */
static long long
site_feed_id(const char *s)
{
	uint64_t	h = 0xcbf29ce484222325ULL;

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	h &= 0x3fffffffffffffffULL;
	return h == 0 ? 1 : (long long)h;
}

static char *
site_feed_date(long long t)
{
	struct tm	 tm;
	time_t		 tt = (time_t)t;
	char		 buf[32];

	if (t == FEED_NO_DATE || gmtime_r(&tt, &tm) == NULL)
		return NULL;
	strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return xstrdup(buf);
}

static int
site_feed_entry(void *arg, const struct feed_entry *e, char **cause)
{
	struct site_feed_list	*l = arg;
	struct article_comment	*m;
	const char		*body, *key;
	enum feed_text		 type;

	(void)cause;
	key = e->id != NULL ? e->id : e->link;
	if (key == NULL || l->n >= SITE_FEED_MAX)
		return 0;
	if (l->n == l->cap)
		l->v = xreallocarray(l->v, l->cap = l->cap ? l->cap * 2 : 16,
		    sizeof *l->v);
	m = &l->v[l->n++];
	memset(m, 0, sizeof *m);
	body = e->content != NULL ? e->content : e->summary;
	type = e->content != NULL ? e->content_type : e->summary_type;
	if (body == NULL)
		m->body = xstrdup("");
	else if (type == FEED_TEXT_HTML)
		m->body = html_comment_text(body, strlen(body));
	else
		m->body = xstrdup(body);
	m->remote_id = site_feed_id(key);
	if (e->in_reply_to != NULL)
		m->remote_parent = site_feed_id(e->in_reply_to);
	m->author = e->author != NULL ? xstrdup(e->author) : NULL;
	m->created = site_feed_date(e->published != FEED_NO_DATE ?
	    e->published : e->updated);
	m->link = e->link != NULL ? xstrdup(e->link) : NULL;
	return 0;
}

static void
site_feed_ignore(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

/* Fetch and read one comment feed into *l. */
static int
site_feed_read(const char *url, const struct site_wp_opts *o,
    struct site_feed_list *l, char **cause)
{
	struct feed_handler	 h = { l, NULL, site_feed_entry,
				    site_feed_ignore };
	struct fetch_opts	 fo = { 0 };
	struct fetch_result	 r;
	int			 rc;

	fo.timeout = o != NULL && o->timeout > 0 ? o->timeout : 0;
	if (o != NULL) {
		fo.cancelled = o->cancelled;
		fo.cancel_arg = o->cancel_arg;
	}
	fo.ca_file = getenv("TANDEM_TEST_CA_FILE");
	if (fetch_url(url, &fo, &r, cause) != 0)
		return -1;
	rc = feed_parse(r.body, r.len, r.url != NULL ? r.url : url,
	    r.charset, &h, cause);
	fetch_result_free(&r);
	return rc;
}

int
site_feed_sync(struct cache *c, long long article,
    const struct site_wp_opts *o, size_t *nfound, char **cause)
{
	struct cache_comment_feed	*f;
	struct site_feed_list		 l;
	size_t				 n, i;
	int				 synced = 0, failed = 0;
	char				*why = NULL;

	*nfound = 0;
	if (cache_feed_comment_feeds(c, article, &f, &n, cause) != 0)
		return -1;
	for (i = 0; i < n; i++) {
		memset(&l, 0, sizeof l);
		if (site_feed_read(f[i].url, o, &l, &why) == 0 &&
		    cache_remote_sync(c, article, f[i].page, f[i].lang, l.v,
		    l.n, &why) == 0) {
			synced++;
			*nfound += l.n;
		} else if (!failed++) {
			*cause = why;
			why = NULL;
		}
		FREE(&why);
		article_comments_free(l.v, l.n);
	}
	cache_feed_comment_feeds_free(f, n);
	return failed > 0 ? -1 : synced;
}

/* The WordPress API when the page is WordPress's, else comment feeds. */
int
site_feed_any_sync(struct cache *c, long long article,
    const struct site_wp_opts *o, size_t *nfound, char **cause)
{
	char	*why = NULL;
	int	 rc;

	if ((rc = site_wp_sync(c, article, o, nfound, &why)) > 0)
		return rc;
	/* A page that is not WordPress's may still have comment feeds. */
	if ((rc = site_feed_sync(c, article, o, nfound, cause)) != 0 ||
	    why == NULL) {
		free(why);
		return rc;
	}
	*cause = why;
	return -1;
}
