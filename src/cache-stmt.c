/*
 * cache-stmt.c: every statement the cache runs, and how they are run.
 *
 * The SQL of each statement sits in one table, indexed by enum cache_sql
 * (cache-int.h), so the queries can be read side by side with the schema
 * in cache.c.  Statements are prepared once per connection, on first use,
 * and kept in struct cache; each is reset as soon as its rows are read so
 * that no read transaction stays open between calls (a reader would stop
 * seeing new imports and hold back WAL checkpoints).  Failures are filled
 * into *cause here and their kind kept for cache_last_error().
 */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cache-int.h"
#include "xmalloc.h"

/* What a comment knows of its site, after the columns 0-6. */
#define CACHE_REMOTE_COLUMNS \
	"coalesce(remote_id, 0), (SELECT coalesce(p.remote_id, 0) FROM" \
	" comment p WHERE p.id = comment.parent_id), remote_url, link," \
	" pending, article_id"

/* The library search's filters, on translation t of article a. */
#define CACHE_SEARCH_FILTER \
	" (?2 IS NULL OR lower(t.lang) = lower(?2)" \
	"  OR lower(t.lang) LIKE lower(?2) || '-%')" \
	" AND (?3 = 0 OR a.read = 0) AND (?4 IS NULL OR" \
	"  coalesce(substr(a.date, 1, 10)," \
	"   date(a.imported_at, 'unixepoch')) >= ?4)" \
	" AND ((?7 = 0 AND ?8 IS NULL) OR EXISTS (SELECT 1 FROM feed_entry e" \
	"  WHERE e.article_id = a.id AND (e.feed_id = ?7 OR e.feed_id IN" \
	"  (SELECT feed_id FROM feed_tag WHERE tag = ?8))))"


const char *const cache_sql[SQL__N] = {
	[SQL_BEGIN] = "BEGIN IMMEDIATE",
	[SQL_BEGIN_READ] = "BEGIN",
	[SQL_COMMIT] = "COMMIT",
	[SQL_ROLLBACK] = "ROLLBACK",
	[SQL_SAVEPOINT] = "SAVEPOINT article",
	[SQL_RELEASE] = "RELEASE article",
	[SQL_SOURCE_ADD] = "INSERT INTO source (location, added_at)"
	    " VALUES (?1, ?2) ON CONFLICT (location) DO NOTHING",
	[SQL_SOURCE_ID] = "SELECT id FROM source WHERE location = ?1",
	[SQL_ARTICLE_FIND] = "SELECT id FROM article"
	    " WHERE source_id = ?1 AND key = ?2",
	/* An article's URL first, then the oldest with a translation there. */
	[SQL_ARTICLE_BY_URL] = "SELECT id FROM ("
	    "SELECT 0 AS k, min(id) AS id FROM article WHERE url_norm = ?1"
	    " UNION ALL SELECT 1, min(article_id) FROM translation"
	    " WHERE url_norm = ?1) WHERE id IS NOT NULL ORDER BY k LIMIT 1",
	[SQL_ARTICLE_INSERT] = "INSERT INTO article (source_id, key, url,"
	    " date, author, original, policy, imported_at, updated_at,"
	    " url_norm) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9)",
	[SQL_ARTICLE_UPDATE] = "UPDATE article SET url = ?2, date = ?3,"
	    " author = ?4, original = ?5, policy = ?6, updated_at = ?7,"
	    " url_norm = ?8 WHERE id = ?1",
	[SQL_TRANSLATIONS_CLEAR] = "DELETE FROM translation"
	    " WHERE article_id = ?1",
	[SQL_ALIGNMENT_CLEAR_AUTO] = "DELETE FROM alignment"
	    " WHERE article_id = ?1 AND manual = 0",
	[SQL_COMMENTS_STALE] = "UPDATE comment SET state = 'stale'"
	    " WHERE article_id = ?1 AND state = 'source'"
	    " AND remote_id IS NULL",
	/* The new row's fields; its URL only if it has one. */
	[SQL_ARTICLE_ADOPT] = "UPDATE article SET (url, url_norm, date,"
	    " author, original, policy, updated_at) = (SELECT"
	    " coalesce(n.url, article.url), coalesce(n.url_norm,"
	    " article.url_norm), n.date, n.author, n.original, n.policy,"
	    " n.updated_at FROM article n WHERE n.id = ?2) WHERE id = ?1",
	[SQL_TRANSLATIONS_MOVE] = "UPDATE translation SET article_id = ?1"
	    " WHERE article_id = ?2",
	[SQL_SOURCE_DROP_EMPTY] = "DELETE FROM source WHERE id = ?1 AND"
	    " NOT EXISTS (SELECT 1 FROM article WHERE source_id = ?1)",
	[SQL_TRANSLATION_INSERT] = "INSERT INTO translation (article_id,"
	    " lang, position, title, title_derived, lang_confidence, url,"
	    " imported_at, url_norm)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
	[SQL_PARAGRAPH_INSERT] = "INSERT INTO paragraph (translation_id,"
	    " idx, text, bytes) VALUES (?1, ?2, ?3, ?4)",
	[SQL_COMMENT_UPSERT] = "INSERT INTO comment (article_id, seq,"
	    " parent_id, author, body, lang, created, state)"
	    " VALUES (?1, ?2, (SELECT id FROM comment"
	    "  WHERE article_id = ?1 AND seq = ?3), ?4, ?5, ?6, ?7, 'source')"
	    " ON CONFLICT (article_id, seq) DO UPDATE SET"
	    " parent_id = excluded.parent_id, author = excluded.author,"
	    " body = excluded.body, lang = excluded.lang,"
	    " created = excluded.created, state = 'source'",
	[SQL_COMMENTS_DROP_STALE] = "DELETE FROM comment"
	    " WHERE article_id = ?1 AND state = 'stale'",
	[SQL_LIST] = "SELECT " CACHE_LIST_COLUMNS
	    " FROM article a JOIN source s ON s.id = a.source_id"
	    CACHE_LIST_TITLE
	    " WHERE (a.imported_at, a.id) < (?1, ?2)"
	    " ORDER BY a.imported_at DESC, a.id DESC LIMIT ?4",
	/*
	 * The window's ids first, from the covering list index, so OFFSET
	 * skips index entries and not joined rows (End at 100,000 articles:
	 * 1 s before, 4 ms after).
	 */
	[SQL_LIST_AT] = "SELECT " CACHE_LIST_COLUMNS
	    " FROM (SELECT id FROM article ORDER BY imported_at DESC, id DESC"
	    "  LIMIT ?4 OFFSET ?5) w"
	    " JOIN article a ON a.id = w.id"
	    " JOIN source s ON s.id = a.source_id"
	    CACHE_LIST_TITLE
	    " ORDER BY a.imported_at DESC, a.id DESC",
	[SQL_ANY_ARTICLE] = "SELECT EXISTS (SELECT 1 FROM article)",
	[SQL_ARTICLE_LOAD] = "SELECT s.location, a.key, a.url, a.date,"
	    " a.author, a.original, a.policy, a.read, a.imported_at,"
	    " a.updated_at, a.starred FROM article a JOIN source s ON s.id = a.source_id"
	    " WHERE a.id = ?1",
	[SQL_TRANSLATIONS_LOAD] = "SELECT id, lang, title, title_derived,"
	    " lang_confidence, url FROM translation WHERE article_id = ?1"
	    " ORDER BY position",
	[SQL_PARAGRAPHS_LOAD] = "SELECT text FROM paragraph"
	    " WHERE translation_id = ?1 ORDER BY idx",
	[SQL_PARAGRAPH_SIZES] = "SELECT idx, bytes FROM paragraph"
	    " WHERE translation_id = ?1 ORDER BY idx",
	[SQL_PARAGRAPH_RANGE] = "SELECT idx, text FROM paragraph"
	    " WHERE translation_id = ?1 AND idx >= ?2 AND idx < ?3"
	    " ORDER BY idx",
	[SQL_PACK_LOAD] = "SELECT n, bytes FROM paragraph_pack"
	    " WHERE translation_id = ?1",
	[SQL_PACK_STORE] = "INSERT OR REPLACE INTO paragraph_pack"
	    " (translation_id, n, bytes) VALUES (?1, ?2, ?3)",
	[SQL_PACK_TRANSLATIONS] = "SELECT t.id FROM translation t"
	    " WHERE t.article_id = ?1 AND NOT EXISTS (SELECT 1 FROM"
	    " paragraph_pack p WHERE p.translation_id = t.id"
	    " AND length(p.bytes) = 4 * p.n)",
	[SQL_ARTICLE_REMOVE] = "DELETE FROM article WHERE id = ?1",
	[SQL_ARTICLE_SET_READ] = "UPDATE article SET read = ?2 WHERE id = ?1",
	[SQL_ARTICLE_SET_STARRED] = "UPDATE article SET starred = ?2"
	    " WHERE id = ?1",
	[SQL_STATE_COUNTS] = "SELECT n, unread, starred,"
	    " (SELECT max(id) FROM article) FROM article_count",
	[SQL_SETTING_GET] = "SELECT value FROM setting WHERE key = ?1",
	[SQL_SETTING_SET] = "INSERT INTO setting (key, value) VALUES (?1, ?2)"
	    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
	[SQL_SETTING_DELETE] = "DELETE FROM setting WHERE key = ?1",
	[SQL_ASETTING_GET] = "SELECT value FROM article_setting"
	    " WHERE article_id = ?2 AND key = ?1",
	[SQL_ASETTING_SET] = "INSERT INTO article_setting (article_id, key,"
	    " value) VALUES (?3, ?1, ?2) ON CONFLICT (article_id, key)"
	    " DO UPDATE SET value = excluded.value",
	[SQL_ASETTING_DELETE] = "DELETE FROM article_setting"
	    " WHERE article_id = ?2 AND key = ?1",
	[SQL_COMMENTS_LOAD] = "SELECT id, parent_id, author, body, lang,"
	    " created, state, " CACHE_REMOTE_COLUMNS
	    " FROM comment WHERE article_id = ?1 ORDER BY id",
	[SQL_REMOTE_FIND] = "SELECT id FROM comment WHERE article_id = ?1"
	    " AND remote_url = ?2 AND remote_id = ?3",
	[SQL_REMOTE_UPDATE] = "UPDATE comment SET parent_id = ?2,"
	    " author = ?3, body = ?4, created = ?5, link = ?6, lang = ?7"
	    " WHERE id = ?1",
	[SQL_REMOTE_INSERT] = "INSERT INTO comment (article_id, parent_id,"
	    " author, body, lang, created, state, remote_id, remote_url,"
	    " link) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'source', ?7, ?8, ?9)",
	[SQL_REMOTE_IDS] = "SELECT id, remote_id FROM comment"
	    " WHERE article_id = ?1 AND remote_url = ?2"
	    " AND remote_id IS NOT NULL",
	[SQL_REMOTE_DELETE] = "DELETE FROM comment WHERE id = ?1",
	[SQL_REMOTE_SENT] = "UPDATE comment SET remote_id = ?2,"
	    " remote_url = ?3, link = ?4, created = coalesce(?5, created),"
	    " author = coalesce(?6, author), pending = 0, state = 'posted',"
	    " lang = coalesce((SELECT t.lang FROM translation t"
	    "  WHERE t.article_id = comment.article_id AND t.url = ?3),"
	    "  lang) WHERE id = ?1",
	[SQL_REMOTE_PENDING] = "UPDATE comment SET pending = ?2,"
	    " remote_url = coalesce(?3, remote_url), state = ?4"
	    " WHERE id = ?1",
	[SQL_PENDING_LOAD] = "SELECT id, parent_id, author, body, lang,"
	    " created, state, " CACHE_REMOTE_COLUMNS
	    " FROM comment WHERE pending > 0 ORDER BY id",
	[SQL_ACCOUNT_PUT] = "INSERT OR REPLACE INTO account (site, user,"
	    " password_command, password_env, password_file, added_at)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[SQL_ACCOUNT_GET] = "SELECT site, user, password_command,"
	    " password_env, password_file FROM account WHERE site = ?1",
	[SQL_ACCOUNT_LIST] = "SELECT site, user, password_command,"
	    " password_env, password_file FROM account ORDER BY site",
	[SQL_ACCOUNT_DELETE] = "DELETE FROM account WHERE site = ?1",
	[SQL_COMMENT_UPDATE] = "UPDATE comment SET body = ?2, state = ?3,"
	    " created = ?4 WHERE id = ?1 AND state = 'draft'",
	[SQL_COMMENT_STATE] = "SELECT state, author, EXISTS (SELECT 1 FROM"
	    " comment r WHERE r.parent_id = ?1) FROM comment WHERE id = ?1",
	/* One's own, and no reply would lose its place in the thread. */
	[SQL_COMMENT_DELETE] = "DELETE FROM comment WHERE id = ?1"
	    " AND (state = 'draft' OR (state = 'posted' AND author IS ?2))"
	    " AND NOT EXISTS (SELECT 1 FROM comment r WHERE r.parent_id = ?1)",
	[SQL_DRAFT_DELETE] = "DELETE FROM comment WHERE id = ?1"
	    " AND state = 'draft'",
	[SQL_COMMENT_INSERT] = "INSERT INTO comment (article_id, parent_id,"
	    " author, body, lang, created, state)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[SQL_ALIGNMENT_LOAD] = "SELECT a_first, a_count, b_first, b_count,"
	    " confidence, manual FROM alignment WHERE article_id = ?1"
	    " AND lang_a = ?2 AND lang_b = ?3 ORDER BY idx",
	[SQL_ALIGNMENT_DELETE] = "DELETE FROM alignment WHERE article_id = ?1"
	    " AND lang_a = ?2 AND lang_b = ?3",
	[SQL_ALIGNMENT_INSERT] = "INSERT INTO alignment (article_id, lang_a,"
	    " lang_b, idx, a_first, a_count, b_first, b_count, confidence,"
	    " manual) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
	[SQL_COUNT] = "SELECT n FROM article_count",
	[SQL_COUNTS] = "SELECT (SELECT count(*) FROM source),"
	    " (SELECT count(*) FROM article),"
	    " (SELECT count(*) FROM translation),"
	    " (SELECT count(*) FROM paragraph),"
	    " (SELECT count(*) FROM comment),"
	    " (SELECT count(*) FROM alignment),"
	    " (SELECT count(*) FROM setting) +"
	    "  (SELECT count(*) FROM article_setting)",
	/*
	 * The library search (cache-search.c): ?1 the FTS5 expression, ?2
	 * a language, ?3 unread only, ?4 a date, ?5 the limit, ?6 how many
	 * of the newest matching paragraphs (and titles) are ranked.  Each
	 * translation's best hit, each article's best translation; the
	 * matching languages best first.
	 */
	[SQL_SEARCH] = "WITH hit(tid, pid, idx, score) AS MATERIALIZED ("
	    "  SELECT * FROM (SELECT p.translation_id, p.id, p.idx,"
	    "  tandem_rank(search_text, (SELECT max(id) FROM paragraph))"
	    "  FROM search_text JOIN paragraph p ON p.id = search_text.rowid"
	    "  JOIN translation t ON t.id = p.translation_id"
	    "  JOIN article a ON a.id = t.article_id"
	    "  WHERE search_text MATCH ?1 AND" CACHE_SEARCH_FILTER
	    "  ORDER BY search_text.rowid DESC LIMIT ?6)"
	    "  UNION ALL SELECT * FROM (SELECT search_title.rowid, NULL, NULL,"
	    "  2 * tandem_rank(search_title,"
	    "   (SELECT max(id) FROM translation)) FROM search_title"
	    "  JOIN translation t ON t.id = search_title.rowid"
	    "  JOIN article a ON a.id = t.article_id"
	    "  WHERE search_title MATCH ?1 AND" CACHE_SEARCH_FILTER
	    "  ORDER BY search_title.rowid DESC LIMIT ?6)),"
	    /* min() with bare columns: pid is the best hit's (NULL: title). */
	    " tr(tid, pid, aid, lang, position, score) AS MATERIALIZED ("
	    "  SELECT h.tid, h.pid, t.article_id, t.lang, t.position,"
	    "  min(h.score) FROM hit h JOIN translation t ON t.id = h.tid"
	    "  GROUP BY h.tid),"
	    " ar(aid, score) AS ("
	    "  SELECT aid, min(score) FROM tr GROUP BY aid ORDER BY 2, 1"
	    "  LIMIT ?5),"
	    " best(aid, score, tid, pid) AS ("
	    "  SELECT ar.aid, ar.score, b.tid, b.pid FROM ar JOIN tr b"
	    "  ON b.tid = (SELECT tid FROM tr WHERE tr.aid = ar.aid"
	    "   ORDER BY score, position LIMIT 1))"
	    " SELECT best.aid, best.score,"
	    " (SELECT group_concat(lang, ' ') FROM (SELECT lang FROM tr"
	    "   WHERE tr.aid = best.aid ORDER BY score, position)),"
	    " best.tid, best.pid,"
	    " (SELECT min(idx) FROM hit WHERE hit.tid = best.tid),"
	    " a.date, a.read"
	    " FROM best JOIN article a ON a.id = best.aid"
	    " ORDER BY best.score, best.aid",
	[SQL_SEARCH_TRANSLATION] = "SELECT lang, title FROM translation"
	    " WHERE id = ?1",
	[SQL_SEARCH_SNIPPET] = "SELECT snippet(search_text, 0, char(1),"
	    " char(2), '…', ?3) FROM search_text"
	    " WHERE search_text MATCH ?1 AND rowid = ?2",
	[SQL_SEARCH_TITLE_SNIPPET] = "SELECT snippet(search_title, 0,"
	    " char(1), char(2), '…', ?3) FROM search_title"
	    " WHERE search_title MATCH ?1 AND rowid = ?2",
	/*
	 * One step of the indexing (cache_search_step): the queue's ?1
	 * oldest rows, out of the index with the text it has for them,
	 * in with what they hold now (a row removed holds nothing).
	 */
	[SQL_SEARCH_UNINDEX_TEXT] = "INSERT INTO search_text (search_text,"
	    " rowid, text) SELECT 'delete', id, old FROM (SELECT id, old"
	    " FROM search_queue_text ORDER BY id LIMIT ?1) WHERE old IS NOT"
	    " NULL",
	[SQL_SEARCH_UNINDEX_TITLE] = "INSERT INTO search_title (search_title,"
	    " rowid, title) SELECT 'delete', id, old FROM (SELECT id, old"
	    " FROM search_queue_title ORDER BY id LIMIT ?1) WHERE old IS NOT"
	    " NULL",
	[SQL_SEARCH_FLUSH_TEXT] = "INSERT INTO search_text (rowid, text)"
	    " SELECT p.id, p.text FROM (SELECT id FROM search_queue_text"
	    " ORDER BY id LIMIT ?1) q JOIN paragraph p ON p.id = q.id"
	    " ORDER BY q.id",
	[SQL_SEARCH_FLUSH_TITLE] = "INSERT INTO search_title (rowid, title)"
	    " SELECT t.id, t.title FROM (SELECT id FROM search_queue_title"
	    " ORDER BY id LIMIT ?1) q JOIN translation t ON t.id = q.id"
	    " ORDER BY q.id",
	[SQL_SEARCH_CLEAR_TEXT] = "DELETE FROM search_queue_text WHERE id IN"
	    " (SELECT id FROM search_queue_text ORDER BY id LIMIT ?1)",
	[SQL_SEARCH_CLEAR_TITLE] = "DELETE FROM search_queue_title WHERE id IN"
	    " (SELECT id FROM search_queue_title ORDER BY id LIMIT ?1)",
	[SQL_SEARCH_LEFT] = "SELECT (SELECT count(*) FROM search_queue_text) +"
	    " (SELECT count(*) FROM search_queue_title)",
};

/* What kind of failure SQLite's result code rc is. */
static enum cache_error
cache_error_kind(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_OK:
	case SQLITE_ROW:
	case SQLITE_DONE:
		return CACHE_OK;
	case SQLITE_READONLY:
		return CACHE_ERR_READONLY;
	case SQLITE_FULL:
		return CACHE_ERR_FULL;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return CACHE_ERR_BUSY;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return CACHE_ERR_CORRUPT;
	}
	return CACHE_ERR_OTHER;
}

/* Fill *cause with what failed and SQLite's message; returns -1. */
int
cache_fail(struct cache *c, char **cause, const char *what)
{
	c->error = cache_error_kind(sqlite3_extended_errcode(c->db));
	if (c->error == CACHE_OK)	/* a misuse SQLite did not see */
		c->error = CACHE_ERR_OTHER;
	xasprintf(cause, "%s: %s", what, sqlite3_errmsg(c->db));
	return -1;
}

/* Fill *cause with a failure of our own, of the given kind; returns -1. */
int
cache_failx(struct cache *c, enum cache_error kind, char **cause,
    const char *fmt, ...)
{
	va_list	ap;

	c->error = kind;
	va_start(ap, fmt);
	xvasprintf(cause, fmt, ap);
	va_end(ap);
	return -1;
}

enum cache_error
cache_last_error(const struct cache *c)
{
	return c->error;
}

/* A status line for each kind of failure; the UI shows these. */
const char *
cache_error_string(enum cache_error kind)
{
	switch (kind) {
	case CACHE_OK:
		return "no error";
	case CACHE_ERR_READONLY:
		return "cache is read-only: not saved";
	case CACHE_ERR_FULL:
		return "disk full: not saved";
	case CACHE_ERR_BUSY:
		return "cache busy: try again";
	case CACHE_ERR_CORRUPT:
		return "cache is damaged: not saved";
	case CACHE_ERR_OTHER:
		break;
	}
	return "cache error: not saved";
}

/* The statement for sql, reset and unbound, or NULL and *cause. */
sqlite3_stmt *
cache_stmt(struct cache *c, enum cache_sql sql, char **cause)
{
	sqlite3_stmt	*s = c->stmt[sql];
	int		 rc;

	if (s != NULL) {
		sqlite3_reset(s);
		sqlite3_clear_bindings(s);
		return s;
	}
	rc = sqlite3_prepare_v3(c->db, cache_sql[sql], -1,
	    SQLITE_PREPARE_PERSISTENT, &s, NULL);
	if (rc != SQLITE_OK) {
		cache_fail(c, cause, "prepare");
		sqlite3_finalize(s);
		return NULL;
	}
	c->stmt[sql] = s;
	return s;
}

/* Finalize every prepared statement, before closing the connection. */
void
cache_stmt_free(struct cache *c)
{
	int	i;

	for (i = 0; i < SQL__N; i++) {
		sqlite3_finalize(c->stmt[i]);
		c->stmt[i] = NULL;
	}
}

/* A copy of a text column, or NULL when it is NULL. */
char *
cache_column_text(sqlite3_stmt *s, int i)
{
	const unsigned char	*p;

	if ((p = sqlite3_column_text(s, i)) == NULL)
		return NULL;
	return xstrndup((const char *)p, (size_t)sqlite3_column_bytes(s, i));
}

/* Step a statement that returns no rows, then reset it. */
int
cache_step_done(struct cache *c, sqlite3_stmt *s, char **cause,
    const char *what)
{
	int	rc;

	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return cache_fail(c, cause, what);
	return 0;
}

/* Run a statement by its name with no parameters. */
int
cache_run(struct cache *c, enum cache_sql sql, char **cause)
{
	sqlite3_stmt	*s;

	if ((s = cache_stmt(c, sql, cause)) == NULL)
		return -1;
	return cache_step_done(c, s, cause, cache_sql[sql]);
}

/*
 * Run a statement whose parameter 1 is an id and that returns no rows;
 * what says what failed ("discarding draft").
 */
int
cache_run_id(struct cache *c, enum cache_sql sql, long long id,
    char **cause, const char *what)
{
	sqlite3_stmt	*s;

	if ((s = cache_stmt(c, sql, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	return cache_step_done(c, s, cause, what);
}

/* Step a statement that returns one id (or none: *id = 0), then reset. */
int
cache_step_id(struct cache *c, sqlite3_stmt *s, long long *id,
    char **cause)
{
	int	rc;

	*id = 0;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return cache_fail(c, cause, "select");
	return 0;
}

/*
 * Step s, prepared and bound, to its end, appending one elsize element
 * per row to *vp that fill sets from the row; then reset s.  On error
 * the rows already read go to free_rows (NULL: plain free), and *vp and
 * *np are NULL and 0: every "rows into an array" query comes here.
 */
int
cache_rows(struct cache *c, sqlite3_stmt *s, size_t elsize,
    void (*fill)(sqlite3_stmt *, void *), void (*free_rows)(void *, size_t),
    void **vp, size_t *np, char **cause)
{
	char	*v = NULL;
	size_t	 n = 0, size = 0;
	int	 rc;

	*vp = NULL;
	*np = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (n == size) {
			size = size == 0 ? 16 : size * 2;
			v = xreallocarray(v, size, elsize);
		}
		memset(v + n * elsize, 0, elsize);
		fill(s, v + n++ * elsize);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		if (free_rows != NULL)
			free_rows(v, n);
		else
			free(v);
		return cache_fail(c, cause, "reading rows");
	}
	*vp = v;
	*np = n;
	return 0;
}

/* cache_rows() for a statement whose one parameter is an id. */
int
cache_rows_id(struct cache *c, enum cache_sql sql, long long id,
    size_t elsize, void (*fill)(sqlite3_stmt *, void *),
    void (*free_rows)(void *, size_t), void **vp, size_t *np, char **cause)
{
	sqlite3_stmt	*s;

	*vp = NULL;
	*np = 0;
	if ((s = cache_stmt(c, sql, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	return cache_rows(c, s, elsize, fill, free_rows, vp, np, cause);
}

/* Undo the open transaction, if SQLite has not already. */
void
cache_rollback(struct cache *c)
{
	if (!sqlite3_get_autocommit(c->db))
		sqlite3_exec(c->db, "ROLLBACK", NULL, NULL, NULL);
}

long long
cache_now(void)
{
	return (long long)time(NULL);
}
