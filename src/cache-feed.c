/*
 * cache-feed.c: subscriptions stored in the cache (cache-feed.h).
 *
 * Feeds, their tags, the state of their last fetch, and which article
 * each entry became; the tables are drawn in cache.c.  The statements
 * are kept apart from cache-stmt.c's table, prepared on first use into
 * c->feed_stmt, since only subscriptions use them.  A feed's update is
 * the import sink's batch held open (cache_batch_hold()): each article
 * a savepoint, the entries' rows and the feed's state written beside
 * them, one COMMIT at the end.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cache-feed.h"
#include "cache-int.h"
#include "url.h"
#include "xmalloc.h"

enum cache_feed_sql {
	FSQL_ADD,
	FSQL_TAG_ADD,
	FSQL_LIST,
	FSQL_GET,
	FSQL_TAGS,
	FSQL_BY_URL,
	FSQL_BY_TITLE,
	FSQL_PURGE,
	FSQL_REMOVE,
	FSQL_OF_ARTICLE,
	FSQL_ENTRY_GET,
	FSQL_ENTRY_PUT,
	FSQL_RESULT_OK,
	FSQL_RESULT_FAIL,
	FSQL_MOVE,
	FSQL_ENTRY_COMMENTS,
	FSQL_COMMENT_FEEDS,
	FSQL__N
};

#define FSQL_COLUMNS \
	"f.id, f.url, f.source, f.title, f.site, f.lang, f.alternates," \
	" f.full_text, f.etag, f.last_modified, f.checked_at, f.updated_at," \
	" f.error, f.gone, f.retry_after, f.added_at"

static const char *const cache_feed_sql[FSQL__N] = {
	[FSQL_ADD] = "INSERT INTO feed (url, source, title, site, lang,"
	    " alternates, full_text, added_at)"
	    " VALUES (?1, ?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[FSQL_TAG_ADD] = "INSERT INTO feed_tag (feed_id, tag) VALUES (?1, ?2)"
	    " ON CONFLICT DO NOTHING",
	[FSQL_LIST] = "SELECT " FSQL_COLUMNS ","
	    " (SELECT count(DISTINCT e.article_id) FROM feed_entry e"
	    "  WHERE e.feed_id = f.id),"
	    " (SELECT count(DISTINCT e.article_id) FROM feed_entry e"
	    "  JOIN article a ON a.id = e.article_id"
	    "  WHERE e.feed_id = f.id AND a.read = 0)"
	    " FROM feed f ORDER BY f.id",
	[FSQL_GET] = "SELECT " FSQL_COLUMNS ", 0, 0 FROM feed f"
	    " WHERE f.id = ?1",
	[FSQL_TAGS] = "SELECT tag FROM feed_tag WHERE feed_id = ?1"
	    " ORDER BY tag",
	[FSQL_BY_URL] = "SELECT id FROM feed WHERE url = ?1 OR url = ?2"
	    " OR source = ?1 ORDER BY id LIMIT 1",
	[FSQL_BY_TITLE] = "SELECT id FROM feed WHERE title = ?1"
	    " ORDER BY id LIMIT 1",
	/* Articles that only this feed's entries lead to. */
	[FSQL_PURGE] = "DELETE FROM article WHERE id IN"
	    " (SELECT e.article_id FROM feed_entry e WHERE e.feed_id = ?1"
	    "  AND NOT EXISTS (SELECT 1 FROM feed_entry o"
	    "  WHERE o.article_id = e.article_id AND o.feed_id <> ?1))",
	[FSQL_REMOVE] = "DELETE FROM feed WHERE id = ?1",
	[FSQL_OF_ARTICLE] = "SELECT feed_id FROM feed_entry"
	    " WHERE article_id = ?1 ORDER BY feed_id LIMIT 1",
	[FSQL_ENTRY_GET] = "SELECT article_id, digest FROM feed_entry"
	    " WHERE feed_id = ?1 AND key = ?2",
	[FSQL_ENTRY_PUT] = "INSERT INTO feed_entry"
	    " (feed_id, key, article_id, digest, seen_at)"
	    " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (feed_id, key)"
	    " DO UPDATE SET article_id = excluded.article_id,"
	    " digest = excluded.digest, seen_at = excluded.seen_at",
	[FSQL_RESULT_OK] = "UPDATE feed SET checked_at = ?2,"
	    " updated_at = ?2, error = NULL, retry_after = NULL,"
	    " etag = CASE WHEN ?3 THEN etag ELSE ?4 END,"
	    " last_modified = CASE WHEN ?3 THEN last_modified ELSE ?5 END,"
	    " title = coalesce(title, ?6), site = coalesce(?7, site),"
	    " lang = coalesce(?8, lang) WHERE id = ?1",
	[FSQL_RESULT_FAIL] = "UPDATE feed SET checked_at = ?2, error = ?3,"
	    " gone = gone OR ?4, retry_after = nullif(?5, 0) WHERE id = ?1",
	[FSQL_MOVE] = "UPDATE OR IGNORE feed SET url = ?2 WHERE id = ?1",
	[FSQL_ENTRY_COMMENTS] = "UPDATE feed_entry SET link = ?3,"
	    " comments_feed = ?4 WHERE feed_id = ?1 AND key = ?2",
	/* One per page: per-language feeds may name the same one twice. */
	[FSQL_COMMENT_FEEDS] = "SELECT e.link, min(e.comments_feed),"
	    " (SELECT t.lang FROM translation t WHERE t.article_id ="
	    " e.article_id AND t.url = e.link)"
	    " FROM feed_entry e WHERE e.article_id = ?1"
	    " AND e.link IS NOT NULL AND e.comments_feed IS NOT NULL"
	    " GROUP BY e.link ORDER BY e.link",
};

void
cache_feed_close(struct cache *c)
{
	int	i;

	if (c->feed_stmt == NULL)
		return;
	for (i = 0; i < FSQL__N; i++)
		sqlite3_finalize(c->feed_stmt[i]);
	FREE(&c->feed_stmt);
}

/* The statement, reset and unbound, or NULL and *cause. */
static sqlite3_stmt *
cache_feed_stmt(struct cache *c, enum cache_feed_sql sql, char **cause)
{
	sqlite3_stmt	*s;

	if (c->feed_stmt == NULL)
		c->feed_stmt = xcalloc(FSQL__N, sizeof *c->feed_stmt);
	if ((s = c->feed_stmt[sql]) != NULL) {
		sqlite3_reset(s);
		sqlite3_clear_bindings(s);
		return s;
	}
	if (sqlite3_prepare_v3(c->db, cache_feed_sql[sql], -1,
	    SQLITE_PREPARE_PERSISTENT, &s, NULL) != SQLITE_OK) {
		cache_fail(c, cause, "prepare");
		sqlite3_finalize(s);
		return NULL;
	}
	return c->feed_stmt[sql] = s;
}

static int
cache_feed_tags_load(struct cache *c, struct cache_feed *f, char **cause)
{
	sqlite3_stmt	*s;
	int		 rc;

	if ((s = cache_feed_stmt(c, FSQL_TAGS, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, f->id);
	f->tags = xcalloc(1, sizeof *f->tags);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		f->tags = xreallocarray(f->tags, f->ntags + 2,
		    sizeof *f->tags);
		f->tags[f->ntags++] = cache_column_text(s, 0);
		f->tags[f->ntags] = NULL;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return cache_fail(c, cause, "reading tags");
	return 0;
}

static void
cache_feed_row(sqlite3_stmt *s, void *v)
{
	struct cache_feed	*f = v;

	f->id = sqlite3_column_int64(s, 0);
	f->url = cache_column_text(s, 1);
	f->source = cache_column_text(s, 2);
	f->title = cache_column_text(s, 3);
	f->site = cache_column_text(s, 4);
	f->lang = cache_column_text(s, 5);
	f->alternates = sqlite3_column_int(s, 6);
	f->full_text = sqlite3_column_int(s, 7);
	f->etag = cache_column_text(s, 8);
	f->last_modified = cache_column_text(s, 9);
	f->checked_at = sqlite3_column_int64(s, 10);
	f->updated_at = sqlite3_column_int64(s, 11);
	f->error = cache_column_text(s, 12);
	f->gone = sqlite3_column_int(s, 13);
	f->retry_after = sqlite3_column_int64(s, 14);
	f->added_at = sqlite3_column_int64(s, 15);
	f->articles = sqlite3_column_int64(s, 16);
	f->unread = sqlite3_column_int64(s, 17);
}

void
cache_feed_free(struct cache_feed *f)
{
	size_t	i;

	if (f == NULL)
		return;
	free(f->url);
	free(f->source);
	free(f->title);
	free(f->site);
	free(f->lang);
	free(f->etag);
	free(f->last_modified);
	free(f->error);
	for (i = 0; i < f->ntags; i++)
		free(f->tags[i]);
	free(f->tags);
	memset(f, 0, sizeof *f);
}

static void
cache_feed_free_rows(void *v, size_t n)
{
	cache_feed_free_all(v, n);
}

void
cache_feed_free_all(struct cache_feed *f, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		cache_feed_free(&f[i]);
	free(f);
}

int
cache_feed_add(struct cache *c, const struct cache_feed *f, long long *id,
    char **cause)
{
	sqlite3_stmt	*s;
	size_t		 i;
	int		 rc;

	if (cache_run(c, SQL_BEGIN, cause) != 0)
		return -1;
	if ((s = cache_feed_stmt(c, FSQL_ADD, cause)) == NULL)
		goto fail;
	cache_bind_text(s, 1, f->url);
	cache_bind_text(s, 2, f->title);
	cache_bind_text(s, 3, f->site);
	cache_bind_text(s, 4, f->lang);
	sqlite3_bind_int(s, 5, f->alternates != 0);
	sqlite3_bind_int(s, 6, f->full_text != 0);
	sqlite3_bind_int64(s, 7, cache_now());
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		if (sqlite3_extended_errcode(c->db) == SQLITE_CONSTRAINT_UNIQUE)
			cache_failx(c, CACHE_ERR_OTHER, cause,
			    "%s: already subscribed", f->url);
		else
			cache_fail(c, cause, "adding feed");
		goto fail;
	}
	*id = sqlite3_last_insert_rowid(c->db);
	for (i = 0; i < f->ntags; i++) {
		if ((s = cache_feed_stmt(c, FSQL_TAG_ADD, cause)) == NULL)
			goto fail;
		sqlite3_bind_int64(s, 1, *id);
		cache_bind_text(s, 2, f->tags[i]);
		if (cache_step_done(c, s, cause, "adding tag") != 0)
			goto fail;
	}
	if (cache_run(c, SQL_COMMIT, cause) == 0)
		return 0;
fail:
	cache_rollback(c);
	return -1;
}

int
cache_feed_list(struct cache *c, struct cache_feed **fp, size_t *np,
    char **cause)
{
	sqlite3_stmt	*s;
	void		*v;
	size_t		 i;

	*fp = NULL;
	*np = 0;
	if ((s = cache_feed_stmt(c, FSQL_LIST, cause)) == NULL)
		return -1;
	if (cache_rows(c, s, sizeof **fp, cache_feed_row,
	    cache_feed_free_rows, &v, np, cause) != 0)
		return -1;
	*fp = v;
	for (i = 0; i < *np; i++) {
		if (cache_feed_tags_load(c, &(*fp)[i], cause) != 0) {
			cache_feed_free_all(*fp, *np);
			*fp = NULL;
			*np = 0;
			return -1;
		}
	}
	return 0;
}

int
cache_feed_get(struct cache *c, long long id, struct cache_feed *f,
    int *found, char **cause)
{
	sqlite3_stmt	*s;
	int		 rc;

	memset(f, 0, sizeof *f);
	*found = 0;
	if ((s = cache_feed_stmt(c, FSQL_GET, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		cache_feed_row(s, f);
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return cache_fail(c, cause, "reading feed");
	if (rc == SQLITE_DONE)
		return 0;
	*found = 1;
	if (cache_feed_tags_load(c, f, cause) != 0) {
		cache_feed_free(f);
		*found = 0;
		return -1;
	}
	return 0;
}

int
cache_feed_find(struct cache *c, const char *spec, long long *id,
    char **cause)
{
	sqlite3_stmt	*s;
	struct cache_feed f;
	char		*end, *norm;
	long long	 n;
	int		 found, rc;

	*id = 0;
	n = strtoll(spec, &end, 10);
	if (*spec != '\0' && *end == '\0' && n > 0) {
		if (cache_feed_get(c, n, &f, &found, cause) != 0)
			return -1;
		cache_feed_free(&f);
		if (found) {
			*id = n;
			return 0;
		}
	}
	if ((s = cache_feed_stmt(c, FSQL_BY_URL, cause)) == NULL)
		return -1;
	norm = url_normalize(spec);
	cache_bind_text(s, 1, spec);
	cache_bind_text(s, 2, norm);
	rc = cache_step_id(c, s, id, cause);
	free(norm);
	if (rc != 0 || *id != 0)
		return rc;
	if ((s = cache_feed_stmt(c, FSQL_BY_TITLE, cause)) == NULL)
		return -1;
	cache_bind_text(s, 1, spec);
	if (cache_step_id(c, s, id, cause) != 0)
		return -1;
	if (*id == 0)
		return cache_failx(c, CACHE_ERR_OTHER, cause,
		    "%s: no such feed", spec);
	return 0;
}

int
cache_feed_remove(struct cache *c, long long id, int purge,
    long long *purged, char **cause)
{
	sqlite3_stmt	*s;

	*purged = 0;
	if (cache_run(c, SQL_BEGIN, cause) != 0)
		return -1;
	if (purge) {
		if ((s = cache_feed_stmt(c, FSQL_PURGE, cause)) == NULL)
			goto fail;
		sqlite3_bind_int64(s, 1, id);
		if (cache_step_done(c, s, cause, "removing articles") != 0)
			goto fail;
		*purged = sqlite3_changes(c->db);
	}
	if ((s = cache_feed_stmt(c, FSQL_REMOVE, cause)) == NULL)
		goto fail;
	sqlite3_bind_int64(s, 1, id);
	if (cache_step_done(c, s, cause, "removing feed") != 0)
		goto fail;
	if (cache_run(c, SQL_COMMIT, cause) == 0)
		return 0;
fail:
	cache_rollback(c);
	return -1;
}

int
cache_feed_of_article(struct cache *c, long long article, long long *feed,
    char **cause)
{
	sqlite3_stmt	*s;

	if ((s = cache_feed_stmt(c, FSQL_OF_ARTICLE, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, article);
	return cache_step_id(c, s, feed, cause);
}

int
cache_feed_entry_get(struct cache *c, long long feed, const char *key,
    long long *article, uint64_t *digest, char **cause)
{
	sqlite3_stmt	*s;
	int		 rc;

	*article = 0;
	*digest = 0;
	if ((s = cache_feed_stmt(c, FSQL_ENTRY_GET, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, feed);
	cache_bind_text(s, 2, key);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*article = sqlite3_column_int64(s, 0);
		*digest = (uint64_t)sqlite3_column_int64(s, 1);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return cache_fail(c, cause, "reading entry");
	return 0;
}

int
cache_feed_begin(struct cache *c, char **cause)
{
	if (c->flags & CACHE_READONLY)
		return cache_failx(c, CACHE_ERR_READONLY, cause,
		    "%s: the cache is open read-only", c->path);
	return cache_batch_hold(c, cause);
}

int
cache_feed_entry_put(struct cache *c, long long feed, const char *key,
    long long article, uint64_t digest, char **cause)
{
	sqlite3_stmt	*s;

	if (article == 0)
		article = c->import.article;
	if (article == 0)
		return cache_failx(c, CACHE_ERR_OTHER, cause,
		    "entry without an article");
	if ((s = cache_feed_stmt(c, FSQL_ENTRY_PUT, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, feed);
	cache_bind_text(s, 2, key);
	sqlite3_bind_int64(s, 3, article);
	sqlite3_bind_int64(s, 4, (sqlite3_int64)digest);
	sqlite3_bind_int64(s, 5, cache_now());
	return cache_step_done(c, s, cause, "storing entry");
}

int
cache_feed_result(struct cache *c, long long feed,
    const struct cache_feed_result *r, char **cause)
{
	sqlite3_stmt	*s;

	if (r->moved_to != NULL) {
		if ((s = cache_feed_stmt(c, FSQL_MOVE, cause)) == NULL)
			return -1;
		sqlite3_bind_int64(s, 1, feed);
		cache_bind_text(s, 2, r->moved_to);
		if (cache_step_done(c, s, cause, "moving feed") != 0)
			return -1;
	}
	if (r->error != NULL) {
		if ((s = cache_feed_stmt(c, FSQL_RESULT_FAIL, cause)) == NULL)
			return -1;
		sqlite3_bind_int64(s, 1, feed);
		sqlite3_bind_int64(s, 2, cache_now());
		cache_bind_text(s, 3, r->error);
		sqlite3_bind_int(s, 4, r->gone != 0);
		sqlite3_bind_int64(s, 5, r->retry_after);
		return cache_step_done(c, s, cause, "storing feed state");
	}
	if ((s = cache_feed_stmt(c, FSQL_RESULT_OK, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, feed);
	sqlite3_bind_int64(s, 2, cache_now());
	sqlite3_bind_int(s, 3, r->not_modified != 0);
	cache_bind_text(s, 4, r->etag);
	cache_bind_text(s, 5, r->last_modified);
	cache_bind_text(s, 6, r->title);
	cache_bind_text(s, 7, r->site);
	cache_bind_text(s, 8, r->lang);
	return cache_step_done(c, s, cause, "storing feed state");
}

/* Is the feed's transaction still open (an article's failure kept it)? */
int
cache_feed_pending(const struct cache *c)
{
	return c->batch.hold && c->batch.open;
}

int
cache_feed_commit(struct cache *c, char **cause)
{
	return cache_batch(c, 0, cause);
}

void
cache_feed_abort(struct cache *c)
{
	cache_batch_abandon(c);
}


int
cache_feed_entry_comments(struct cache *c, long long feed, const char *key,
    const char *link, const char *comments_feed, char **cause)
{
	sqlite3_stmt	*s;

	if ((s = cache_feed_stmt(c, FSQL_ENTRY_COMMENTS, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, feed);
	cache_bind_text(s, 2, key);
	cache_bind_text(s, 3, link);
	cache_bind_text(s, 4, comments_feed);
	return cache_step_done(c, s, cause, "storing entry");
}

static void
cache_feed_comment_row(sqlite3_stmt *s, void *v)
{
	struct cache_comment_feed	*f = v;

	f->page = cache_column_text(s, 0);
	f->url = cache_column_text(s, 1);
	f->lang = cache_column_text(s, 2);
}

static void
cache_feed_comment_free_rows(void *v, size_t n)
{
	cache_feed_comment_feeds_free(v, n);
}

int
cache_feed_comment_feeds(struct cache *c, long long article,
    struct cache_comment_feed **fp, size_t *np, char **cause)
{
	sqlite3_stmt	*s;
	void		*v = NULL;

	*fp = NULL;
	*np = 0;
	if ((s = cache_feed_stmt(c, FSQL_COMMENT_FEEDS, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, article);
	if (cache_rows(c, s, sizeof **fp, cache_feed_comment_row,
	    cache_feed_comment_free_rows, &v, np, cause) != 0)
		return -1;
	*fp = v;
	return 0;
}

void
cache_feed_comment_feeds_free(struct cache_comment_feed *f, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(f[i].page);
		free(f[i].url);
		free(f[i].lang);
	}
	free(f);
}
