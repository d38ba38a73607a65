/*
 * cache-remote.c: comments kept in step with a site, and accounts.
 *
 * A sync hands over every comment a site has for one translation URL;
 * in one transaction each is found by (article, URL, remote id) and
 * updated in place (an edit on the site changes the row, never adds
 * one), or added, its parent mapped from the site's id to the row; then
 * the rows of that URL the site no longer lists go (deleted on the
 * site).  Comments waiting to be sent are never touched by a sync.  A
 * sent comment becomes the site's: remote id, link and the site's date.
 * Accounts are plain rows; no secret is ever stored.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "account.h"
#include "cache-int.h"
#include "xmalloc.h"

/* The row of remote comment rid of url, or 0. */
static long long
cache_remote_row(struct cache *c, long long article, const char *url,
    long long rid, char **cause)
{
	sqlite3_stmt	*s;
	long long	 id = 0;

	if (rid <= 0 || (s = cache_stmt(c, SQL_REMOTE_FIND, cause)) == NULL)
		return rid <= 0 ? 0 : -1;
	sqlite3_bind_int64(s, 1, article);
	cache_bind_text(s, 2, url);
	sqlite3_bind_int64(s, 3, rid);
	if (cache_step_id(c, s, &id, cause) < 0)
		return -1;
	return id;
}

static int
cache_remote_put(struct cache *c, long long article, const char *url,
    const char *lang, const struct article_comment *m, char **cause)
{
	sqlite3_stmt	*s;
	long long	 row, parent;

	if ((row = cache_remote_row(c, article, url, m->remote_id,
	    cause)) < 0 || (parent = cache_remote_row(c, article, url,
	    m->remote_parent, cause)) < 0)
		return -1;
	s = cache_stmt(c, row != 0 ? SQL_REMOTE_UPDATE : SQL_REMOTE_INSERT,
	    cause);
	if (s == NULL)
		return -1;
	if (row != 0) {
		sqlite3_bind_int64(s, 1, row);
		if (parent != 0)
			sqlite3_bind_int64(s, 2, parent);
		cache_bind_text(s, 3, m->author);
		cache_bind_text(s, 4, m->body);
		cache_bind_text(s, 5, m->created);
		cache_bind_text(s, 6, m->link);
		cache_bind_text(s, 7, lang);
	} else {
		sqlite3_bind_int64(s, 1, article);
		if (parent != 0)
			sqlite3_bind_int64(s, 2, parent);
		cache_bind_text(s, 3, m->author);
		cache_bind_text(s, 4, m->body);
		cache_bind_text(s, 5, lang);
		cache_bind_text(s, 6, m->created);
		sqlite3_bind_int64(s, 7, m->remote_id);
		cache_bind_text(s, 8, url);
		cache_bind_text(s, 9, m->link);
	}
	return cache_step_done(c, s, cause, "saving comments");
}

static int
cache_remote_cmp(const void *a, const void *b)
{
	long long	x = *(const long long *)a, y = *(const long long *)b;

	return x < y ? -1 : x > y;
}

/* Drop the rows of url whose remote id is not among ids (sorted). */
static int
cache_remote_prune(struct cache *c, long long article, const char *url,
    const long long *ids, size_t n, char **cause)
{
	sqlite3_stmt	*s;
	long long	*gone = NULL, rid;
	size_t		 ngone = 0, cap = 0, i;
	int		 rc;

	if ((s = cache_stmt(c, SQL_REMOTE_IDS, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, article);
	cache_bind_text(s, 2, url);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		rid = sqlite3_column_int64(s, 1);
		if (bsearch(&rid, ids, n, sizeof *ids, cache_remote_cmp) != NULL)
			continue;
		if (ngone == cap)
			gone = xreallocarray(gone, cap = cap ? cap * 2 : 16,
			    sizeof *gone);
		gone[ngone++] = sqlite3_column_int64(s, 0);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		free(gone);
		return cache_fail(c, cause, "reading comments");
	}
	for (i = 0, rc = 0; i < ngone && rc == 0; i++)
		rc = cache_run_id(c, SQL_REMOTE_DELETE, gone[i], cause,
		    "removing comments");
	free(gone);
	return rc;
}

/* One comment of a sync: where it stands in the threads. */
struct cache_remote_key {
	long long	 id;		/* remote; first, for cache_remote_cmp */
	size_t		 i;		/* in v */
	int		 depth;		/* replies above it; -1 unknown */
	int		 walking;
};

static int
cache_remote_key_cmp(const void *a, const void *b)
{
	const struct cache_remote_key	*x = a, *y = b;

	if (x->depth != y->depth)
		return x->depth < y->depth ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* The key of remote id rid among k (sorted by id), or NULL. */
static struct cache_remote_key *
cache_remote_key(struct cache_remote_key *k, size_t n, long long rid)
{
	struct cache_remote_key	 want = { rid, 0, 0, 0 };

	if (rid <= 0)
		return NULL;
	return bsearch(&want, k, n, sizeof *k, cache_remote_cmp);
}

/*
 * The depth of each comment, walking up from k[j] to a parent whose
 * depth is known, a top-level one, or one already on the way up: a
 * cycle, which is cut there (its parent dropped).  A parent that is
 * not in v makes its reply top level.  Each comment is walked once.
 */
static void
cache_remote_depth(struct article_comment *v, struct cache_remote_key *k,
    size_t n, size_t j, struct cache_remote_key **path)
{
	struct cache_remote_key	*p = &k[j], *up;
	size_t			 top = 0;
	int			 d;

	while (p != NULL && p->depth < 0 && !p->walking) {
		p->walking = 1;
		path[top++] = p;
		up = cache_remote_key(k, n, v[p->i].remote_parent);
		if (up == NULL)
			v[p->i].remote_parent = 0;
		p = up;
	}
	if (p != NULL && p->walking) {
		/* The chain came back to p: p starts a thread instead. */
		v[p->i].remote_parent = 0;
		while (path[top - 1] != p)
			path[--top]->walking = 0;
		p->walking = 0;
		top--;
		p->depth = 0;
	}
	d = p != NULL ? p->depth : -1;
	while (top > 0) {
		path[--top]->depth = ++d;
		path[top]->walking = 0;
	}
}

/*
 * v's indexes in the order to store them: parents before their replies,
 * at every depth, since the parent's row must exist when its reply's is
 * written (neither a site's ids nor a feed's hashes need grow with age).
 * The ids, sorted, go to *idsp.
 */
static size_t *
cache_remote_order(struct article_comment *v, size_t n, long long **idsp)
{
	struct cache_remote_key	 *k, **path;
	size_t			 *order, i;

	k = xcalloc(n + 1, sizeof *k);
	path = xcalloc(n + 1, sizeof *path);
	for (i = 0; i < n; i++) {
		k[i].id = v[i].remote_id;
		k[i].i = i;
		k[i].depth = -1;
	}
	qsort(k, n, sizeof *k, cache_remote_cmp);
	for (i = 0; i < n; i++)
		cache_remote_depth(v, k, n, i, path);
	*idsp = xcalloc(n + 1, sizeof **idsp);
	for (i = 0; i < n; i++)
		(*idsp)[i] = k[i].id;
	qsort(k, n, sizeof *k, cache_remote_key_cmp);
	order = xcalloc(n + 1, sizeof *order);
	for (i = 0; i < n; i++)
		order[i] = k[i].i;
	free(path);
	free(k);
	return order;
}

/*
 * The site's comments on url (lang: its translation's language), v in
 * any order: update, add, and drop what the site no longer has.  A
 * reply whose parent v lacks, or that is its own ancestor, is kept at
 * the top level (v is changed to say so).
 */
int
cache_remote_sync(struct cache *c, long long article, const char *url,
    const char *lang, struct article_comment *v, size_t n, char **cause)
{
	long long	*ids;
	size_t		 i, *order;

	order = cache_remote_order(v, n, &ids);
	if (cache_run(c, SQL_BEGIN, cause) != 0)
		goto fail;
	for (i = 0; i < n; i++)
		if (cache_remote_put(c, article, url, lang, &v[order[i]],
		    cause) != 0)
			goto rollback;
	if (cache_remote_prune(c, article, url, ids, n, cause) != 0 ||
	    cache_run(c, SQL_COMMIT, cause) != 0)
		goto rollback;
	free(ids);
	free(order);
	return 0;
rollback:
	cache_rollback(c);
fail:
	free(ids);
	free(order);
	return -1;
}

/* Comment id went to the site: it is the site's comment now. */
int
cache_comment_sent(struct cache *c, long long id, const char *url,
    const struct article_comment *m, char **cause)
{
	sqlite3_stmt	*s;

	if ((s = cache_stmt(c, SQL_REMOTE_SENT, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, m->remote_id);
	cache_bind_text(s, 3, url);
	cache_bind_text(s, 4, m->link);
	cache_bind_text(s, 5, m->created);
	cache_bind_text(s, 6, m->author);
	return cache_step_done(c, s, cause, "saving comment");
}

/*
 * Mark comment id as waiting (1) or unsure (2) to go to url; 0 gives it
 * back as a draft (the site refused it: the text is kept to edit); -1
 * keeps it here as written (the site takes no comments tandem can send).
 */
int
cache_comment_pending(struct cache *c, long long id, int pending,
    const char *url, char **cause)
{
	sqlite3_stmt	*s;

	if ((s = cache_stmt(c, SQL_REMOTE_PENDING, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int(s, 2, pending > 0 ? pending : 0);
	cache_bind_text(s, 3, url);
	cache_bind_text(s, 4, pending != 0 ? "posted" : "draft");
	return cache_step_done(c, s, cause, "saving comment");
}

int
cache_account_put(struct cache *c, const struct account *a, char **cause)
{
	sqlite3_stmt	*s;

	if ((s = cache_stmt(c, SQL_ACCOUNT_PUT, cause)) == NULL)
		return -1;
	cache_bind_text(s, 1, a->site);
	cache_bind_text(s, 2, a->user);
	cache_bind_text(s, 3, a->password_command);
	cache_bind_text(s, 4, a->password_env);
	cache_bind_text(s, 5, a->password_file);
	sqlite3_bind_int64(s, 6, cache_now());
	return cache_step_done(c, s, cause, "saving the account");
}

static void
cache_account_row(sqlite3_stmt *s, void *row)
{
	struct account	*a = row;

	a->site = cache_column_text(s, 0);
	a->user = cache_column_text(s, 1);
	a->password_command = cache_column_text(s, 2);
	a->password_env = cache_column_text(s, 3);
	a->password_file = cache_column_text(s, 4);
}

static void
cache_accounts_free(void *v, size_t n)
{
	struct account	*a = v;
	size_t		 i;

	for (i = 0; i < n; i++)
		account_free(&a[i]);
	free(v);
}

int
cache_account_get(struct cache *c, const char *site, struct account *a,
    char **cause)
{
	sqlite3_stmt	*s;
	int		 rc;

	memset(a, 0, sizeof *a);
	if ((s = cache_stmt(c, SQL_ACCOUNT_GET, cause)) == NULL)
		return -1;
	cache_bind_text(s, 1, site);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		cache_account_row(s, a);
	sqlite3_reset(s);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return 1;
	return cache_fail(c, cause, "reading the account");
}

int
cache_account_remove(struct cache *c, const char *site, char **cause)
{
	sqlite3_stmt	*s;

	if ((s = cache_stmt(c, SQL_ACCOUNT_DELETE, cause)) == NULL)
		return -1;
	cache_bind_text(s, 1, site);
	if (cache_step_done(c, s, cause, "removing the account") != 0)
		return -1;
	return sqlite3_changes(c->db) == 0;
}

int
cache_accounts(struct cache *c, struct account **vp, size_t *np,
    char **cause)
{
	sqlite3_stmt	*s;
	void		*v;
	int		 rc;

	*vp = NULL;
	*np = 0;
	if ((s = cache_stmt(c, SQL_ACCOUNT_LIST, cause)) == NULL)
		return -1;
	rc = cache_rows(c, s, sizeof **vp, cache_account_row,
	    cache_accounts_free, &v, np, cause);
	*vp = v;
	return rc;
}
