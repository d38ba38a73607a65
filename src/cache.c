/*
 * cache.c: the local article cache in SQLite: open, migrate, close.
 *
 * It creates the file, checks and migrates its schema (drawn, with the
 * migrations that make it, in cache-schema.c), sets the connection up
 * (WAL, foreign keys, a busy timeout) and closes it; it also runs the
 * checks a test or "tandem check" asks for.  The statements that use the
 * schema are in cache-stmt.c, the import sink in cache-sink.c and the
 * reader's queries in cache-read.c, cache-list.c and cache-comment.c, all
 * sharing struct cache through cache-int.h.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cache-int.h"
#include "url.h"
#include "xmalloc.h"



const char *
cache_path(const struct cache *c)
{
	return c->path;
}

/*
 * The default cache file: $TANDEM_DB, else $XDG_DATA_HOME/tandem/tandem.db,
 * else ~/.local/share/tandem/tandem.db.  XDG_DATA_HOME is ignored unless
 * absolute, as the XDG base directory specification says.
 */
char *
cache_default_path(char **cause)
{
	const char	*env;
	char		*path;

	if ((env = getenv("TANDEM_DB")) != NULL && *env != '\0')
		return xstrdup(env);
	if ((env = getenv("XDG_DATA_HOME")) != NULL && *env == '/') {
		xasprintf(&path, "%s/tandem/tandem.db", env);
		return path;
	}
	if ((env = getenv("HOME")) == NULL || *env == '\0') {
		*cause = xstrdup("no home directory: set HOME or TANDEM_DB");
		return NULL;
	}
	xasprintf(&path, "%s/.local/share/tandem/tandem.db", env);
	return path;
}

/* Create the missing directories above path, private to the user. */
static int
cache_mkdirs(const char *path, char **cause)
{
	char	*copy, *p;
	int	 rc = -1;

	copy = xstrdup(path);
	for (p = strchr(copy + 1, '/'); p != NULL; p = strchr(p + 1, '/')) {
		*p = '\0';
		if (mkdir(copy, 0700) != 0 && errno != EEXIST) {
			xasprintf(cause, "%s: %s", copy, strerror(errno));
			goto out;
		}
		*p = '/';
	}
	rc = 0;
out:
	free(copy);
	return rc;
}

/*
 * Make sure the file exists with mode 0600 before SQLite opens it; SQLite
 * would create it with 0644 less the umask, and gives its -wal and -shm
 * files the database's mode.
 */
static int
cache_create_file(const char *path, char **cause)
{
	int	fd;

	if (cache_mkdirs(path, cause) != 0)
		return -1;
	fd = open(path, O_RDWR|O_CREAT|O_CLOEXEC, 0600);
	if (fd == -1) {
		xasprintf(cause, "%s: %s", path, strerror(errno));
		return -1;
	}
	close(fd);
	return 0;
}

/* Run one statement returning a single integer (a PRAGMA, a count). */
static int
cache_query_int(struct cache *c, const char *sql, long long *v,
    char **cause)
{
	sqlite3_stmt	*s = NULL;
	int		 rc;

	*v = 0;
	rc = sqlite3_prepare_v2(c->db, sql, -1, &s, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			*v = sqlite3_column_int64(s, 0);
			rc = SQLITE_OK;
		} else if (rc == SQLITE_DONE)
			rc = SQLITE_OK;
	}
	if (rc != SQLITE_OK)
		xasprintf(cause, "%s: %s", c->path, sqlite3_errmsg(c->db));
	sqlite3_finalize(s);
	return rc == SQLITE_OK ? 0 : -1;
}

static int
cache_exec(struct cache *c, const char *sql, char **cause)
{
	if (sqlite3_exec(c->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
		xasprintf(cause, "%s: %s", c->path, sqlite3_errmsg(c->db));
		return -1;
	}
	return 0;
}

static int
cache_refuse_newer(const char *path, long long version, char **cause)
{
	xasprintf(cause, "%s: database schema version %lld is newer than this"
	    " tandem supports (%d); upgrade tandem", path, version,
	    cache_version());
	return -1;
}

/* url_normalize(url) in SQL, for migration 3; NULL stays NULL. */
static void
cache_sql_url_normalize(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char	*url;

	(void)argc;
	if ((url = sqlite3_value_text(argv[0])) == NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	sqlite3_result_text(ctx, url_normalize((const char *)url), -1, free);
}

/* Apply the migrations this file lacks, each in its own transaction. */
static int
cache_migrate(struct cache *c, char **cause)
{
	long long	 version;
	char		*sql;
	int		 rc;

	if (sqlite3_create_function(c->db, "url_normalize", 1,
	    SQLITE_UTF8|SQLITE_DETERMINISTIC, NULL, cache_sql_url_normalize,
	    NULL, NULL) != SQLITE_OK) {
		xasprintf(cause, "%s: %s", c->path, sqlite3_errmsg(c->db));
		return -1;
	}
	for (;;) {
		if (cache_exec(c, "BEGIN IMMEDIATE", cause) != 0)
			return -1;
		/* Another process may have migrated while we waited. */
		if (cache_query_int(c, "PRAGMA user_version", &version,
		    cause) != 0)
			goto fail;
		if (version > cache_version() || version < 0) {
			cache_refuse_newer(c->path, version, cause);
			goto fail;
		}
		if (version == cache_version())
			break;
		xasprintf(&sql, "%s PRAGMA user_version = %lld;",
		    cache_migration_sql(version + 1), version + 1);
		rc = sqlite3_exec(c->db, sql, NULL, NULL, NULL);
		free(sql);
		if (rc != SQLITE_OK) {
			xasprintf(cause, "%s: upgrading to schema version %lld:"
			    " %s", c->path, version + 1, sqlite3_errmsg(c->db));
			goto fail;
		}
		if (cache_exec(c, "COMMIT", cause) != 0)
			goto fail;
	}
	return cache_exec(c, "COMMIT", cause);
fail:
	sqlite3_exec(c->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

/*
 * The user_version in the file's header, without SQLite: a file from a
 * newer tandem is refused before SQLite opens it, so not even a -wal or
 * -shm file appears next to it.  -1 if the file is not (yet) a database.
 * The WAL may hold a newer header; cache_setup() checks that one.
 */
static long long
cache_peek_version(const char *path)
{
	unsigned char	h[100];
	int		fd;
	ssize_t		n;

	if ((fd = open(path, O_RDONLY|O_CLOEXEC)) == -1)
		return -1;
	n = read(fd, h, sizeof h);
	close(fd);
	if (n != (ssize_t)sizeof h || memcmp(h, "SQLite format 3", 16) != 0)
		return -1;
	return (long long)h[60] << 24 | h[61] << 16 | h[62] << 8 | h[63];
}

/*
 * Check the schema version before anything can write to the file, then
 * set the connection up and bring the schema up to date.
 */
static int
cache_setup(struct cache *c, char **cause)
{
	long long	version, tables;

	if (cache_search_register(c, cause) != 0)
		return -1;
	if (cache_query_int(c, "PRAGMA user_version", &version, cause) != 0)
		return -1;
	if (version > cache_version())
		return cache_refuse_newer(c->path, version, cause);
	if (version < 0) {
		xasprintf(cause, "%s: not a tandem database (schema version"
		    " %lld)", c->path, version);
		return -1;
	}
	if (version == 0) {
		if (cache_query_int(c, "SELECT count(*) FROM sqlite_master",
		    &tables, cause) != 0)
			return -1;
		if (tables != 0) {
			xasprintf(cause, "%s: not a tandem database (it has"
			    " tables but no schema version)", c->path);
			return -1;
		}
	}
	if (c->flags & CACHE_READONLY) {
		if (version < cache_version()) {
			xasprintf(cause, "%s: database schema version %lld is"
			    " older than this tandem's (%d); open it once"
			    " without read-only to upgrade", c->path, version,
			    cache_version());
			return -1;
		}
		return cache_exec(c, "PRAGMA foreign_keys = ON;", cause);
	}
	/*
	 * temp_store in memory: the sink's per-article savepoints and the
	 * index's flush (an INSERT ... SELECT into FTS5) wrote temporary
	 * files a page at a time, 245,000 writes more per 1,000 articles
	 * with the index than without (search-bench.py, cache-search.c).
	 */
	if (cache_exec(c, "PRAGMA journal_mode = WAL;"
	    " PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;"
	    " PRAGMA temp_store = MEMORY;", cause) != 0)
		return -1;
	/* Up to date: no write lock, so opening never waits on an import. */
	if (version == cache_version())
		return 0;
	return cache_migrate(c, cause);
}

/*
 * The file: URI of path, for SQLite's URI parameters: what a URI gives
 * a meaning to ('%', '?', '#') and controls are percent-encoded.
 */
static char *
cache_uri(const char *path, const char *query)
{
	const unsigned char	*p;
	char			*out, *o;

	out = o = xmalloc(strlen(path) * 3 + strlen(query) + 8);
	o += sprintf(o, "file:");
	for (p = (const unsigned char *)path; *p != '\0'; p++) {
		if (*p == '%' || *p == '?' || *p == '#' || *p < 0x20 ||
		    *p == 0x7f)
			o += sprintf(o, "%%%02X", *p);
		else
			*o++ = (char)*p;
	}
	sprintf(o, "?%s", query);
	return out;
}

/* Whether an open that failed may succeed without a shared WAL index. */
static int
cache_shm_failed(struct cache *c)
{
	switch (sqlite3_errcode(c->db) & 0xff) {
	case SQLITE_IOERR:
	case SQLITE_FULL:
	case SQLITE_CANTOPEN:
	case SQLITE_READONLY:
		return 1;
	}
	return 0;
}

/* Whether path's -wal file holds nothing: the main file is everything. */
static int
cache_wal_empty(const char *path)
{
	struct stat	 sb;
	char		*wal;
	int		 empty;

	xasprintf(&wal, "%s-wal", path);
	empty = stat(wal, &sb) != 0 ? errno == ENOENT : sb.st_size == 0;
	free(wal);
	return empty;
}

/*
 * Open c->path for reading when its -shm file (the WAL index other
 * processes share) can be neither created nor grown: a full disk, a
 * read-only directory.  With an empty WAL the file is opened immutable,
 * without locks or WAL; with one that holds transactions, in exclusive
 * locking mode, which keeps the WAL index in memory (SQLite's "WAL
 * without shared memory") but makes other processes wait while this
 * one has the file open.  Either way tandem writes nothing.
 */
static int
cache_open_noshm(struct cache *c, char **cause)
{
	char	*uri;
	int	 rc, empty;

	sqlite3_close(c->db);
	c->db = NULL;
	cache_stmt_free(c);
	c->flags |= CACHE_READONLY;
	empty = cache_wal_empty(c->path);
	uri = cache_uri(c->path, empty ? "immutable=1" : "mode=rw");
	rc = sqlite3_open_v2(uri, &c->db, SQLITE_OPEN_URI |
	    (empty ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE), NULL);
	free(uri);
	if (rc != SQLITE_OK) {
		xasprintf(cause, "%s: %s", c->path, c->db != NULL ?
		    sqlite3_errmsg(c->db) : sqlite3_errstr(rc));
		return -1;
	}
	sqlite3_busy_timeout(c->db, CACHE_BUSY_MS);
	/* Leave the WAL to a writer: no checkpoint into a full disk. */
	sqlite3_db_config(c->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
	if (!empty && cache_exec(c, "PRAGMA locking_mode = EXCLUSIVE",
	    cause) != 0)
		return -1;
	return cache_setup(c, cause);
}

/*
 * Open the file, and when that fails for want of a writable WAL index,
 * again without one (cache_open_noshm()).  The first failure's kind
 * stays in c->error, so that cache_last_error() says why the cache is
 * read-only.
 */
static int
cache_open_db(struct cache *c, int oflags, char **cause)
{
	enum cache_error	 why;
	int			 rc;

	rc = sqlite3_open_v2(c->path, &c->db, oflags, NULL);
	if (rc != SQLITE_OK) {
		xasprintf(cause, "%s: %s", c->path, c->db != NULL ?
		    sqlite3_errmsg(c->db) : sqlite3_errstr(rc));
		return -1;
	}
	sqlite3_busy_timeout(c->db, CACHE_BUSY_MS);
	if (cache_setup(c, cause) == 0)
		return 0;
	if (!cache_shm_failed(c))
		return -1;
	why = (sqlite3_errcode(c->db) & 0xff) == SQLITE_READONLY ||
	    (sqlite3_errcode(c->db) & 0xff) == SQLITE_CANTOPEN ?
	    CACHE_ERR_READONLY : CACHE_ERR_FULL;
	FREE(cause);
	if (cache_open_noshm(c, cause) != 0)
		return -1;
	c->error = why;
	return 0;
}

/*
 * Open the cache at path.  CACHE_CREATE creates the file (0600) and its
 * directories (0700) when missing; CACHE_READONLY never writes.  An
 * existing file that may not be written (its mode, a read-only file
 * system) or whose WAL index cannot be made (a full disk) is opened
 * read-only: cache_readonly() says so and cache_last_error() why.
 */
int
cache_open(const char *path, int flags, struct cache **cp, char **cause)
{
	struct cache	*c;
	long long	 version;
	int		 oflags, error;

	*cp = NULL;
	if ((version = cache_peek_version(path)) > cache_version())
		return cache_refuse_newer(path, version, cause);
	c = xcalloc(1, sizeof *c);
	c->path = xstrdup(path);
	c->flags = flags;
	if (flags & CACHE_READONLY)
		oflags = SQLITE_OPEN_READONLY;
	else {
		oflags = SQLITE_OPEN_READWRITE;
		if ((flags & CACHE_CREATE) &&
		    cache_create_file(path, cause) != 0) {
			error = errno;
			if (version < 0 || (error != EACCES && error != EROFS &&
			    error != EPERM) || access(path, R_OK) != 0)
				goto fail;
			FREE(cause);
			c->flags |= CACHE_READONLY;
			c->error = CACHE_ERR_READONLY;
			oflags = SQLITE_OPEN_READONLY;
		}
	}
	if (cache_open_db(c, oflags, cause) != 0)
		goto fail;
	*cp = c;
	return 0;
fail:
	cache_close(c);
	return -1;
}

/* Forget the last failure, so that cache_last_error() tells of the next. */
void
cache_error_reset(struct cache *c)
{
	c->error = CACHE_OK;
}

/*
 * Whether the cache may not be written: opened read-only, or SQLite
 * found the file so (a read-write open of a read-only file).
 */
int
cache_readonly(const struct cache *c)
{
	return (c->flags & CACHE_READONLY) ||
	    sqlite3_db_readonly(c->db, "main") == 1;
}

void
cache_close(struct cache *c)
{
	if (c == NULL)
		return;
	cache_sink_close(c);
	cache_feed_close(c);
	cache_stmt_free(c);
	sqlite3_close(c->db);
	free(c->path);
	free(c);
}

/* 0 if PRAGMA integrity_check says "ok", else -1 with its first line. */
int
cache_integrity_check(struct cache *c, char **cause)
{
	sqlite3_stmt	*s = NULL;
	int		 rc, ok = 0;

	rc = sqlite3_prepare_v2(c->db, "PRAGMA integrity_check", -1, &s,
	    NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		ok = strcmp((const char *)sqlite3_column_text(s, 0), "ok") == 0;
		if (!ok)
			cache_failx(c, CACHE_ERR_CORRUPT, cause, "%s: %s",
			    c->path, (const char *)sqlite3_column_text(s, 0));
	} else
		cache_fail(c, cause, "integrity check");
	sqlite3_finalize(s);
	return ok ? 0 : -1;
}

/* The plan of sql, a line per step, for cache_explain(). */
int
cache_plan(struct cache *c, const char *query, char **plan, char **cause)
{
	sqlite3_stmt	*s = NULL;
	char		*sql, *out, *line;
	int		 rc;

	*plan = NULL;
	xasprintf(&sql, "EXPLAIN QUERY PLAN %s", query);
	rc = sqlite3_prepare_v2(c->db, sql, -1, &s, NULL);
	free(sql);
	out = xstrdup("");
	while (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		xasprintf(&line, "%s%s\n", out, sqlite3_column_text(s, 3));
		free(out);
		out = line;
		rc = SQLITE_OK;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		free(out);
		return cache_fail(c, cause, "explain");
	}
	*plan = out;
	return 0;
}

/*
 * The plan SQLite chooses for one of the reader's queries, a line per
 * step ("SEARCH a USING INDEX article_list (imported_at<?)"), so a test
 * can see that no query walks a whole table.  The filtered ones are
 * cache_explain_list()'s (cache-list.c).
 */
int
cache_explain(struct cache *c, enum cache_query q, char **plan, char **cause)
{
	static const enum cache_sql which[] = {
		[CACHE_QUERY_LIST] = SQL_LIST,
		[CACHE_QUERY_ARTICLE] = SQL_TRANSLATIONS_LOAD,
		[CACHE_QUERY_PARAGRAPHS] = SQL_PARAGRAPHS_LOAD,
		[CACHE_QUERY_PARAGRAPH_SIZES] = SQL_PARAGRAPH_SIZES,
		[CACHE_QUERY_PARAGRAPH_RANGE] = SQL_PARAGRAPH_RANGE,
		[CACHE_QUERY_COMMENTS] = SQL_COMMENTS_LOAD,
		[CACHE_QUERY_ALIGNMENT] = SQL_ALIGNMENT_LOAD,
		[CACHE_QUERY_BY_URL] = SQL_ARTICLE_BY_URL,
		[CACHE_QUERY_SEARCH] = SQL_SEARCH,
	};
	struct cache_filter	 none;

	if (q == CACHE_QUERY_FILTERED || q == CACHE_QUERY_FILTERED_COUNT) {
		memset(&none, 0, sizeof none);
		return cache_explain_list(c, &none, q, plan, cause);
	}
	return cache_plan(c, cache_sql[which[q]], plan, cause);
}
