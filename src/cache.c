/*
 * cache.c: the local article cache in SQLite: open, schema, close.
 *
 * It creates the file, checks and migrates its schema, sets the
 * connection up (WAL, foreign keys, a busy timeout) and closes it; it
 * also runs the checks a test or "tandem check" asks for.  The schema
 * is drawn here, next to the migrations that make it; the statements
 * that use it are in cache-stmt.c, the import sink in cache-sink.c and
 * the reader's queries in cache-read.c and cache-comment.c, all sharing
 * struct cache through cache-int.h.
 *
 * Cache schema
 * ------------
 *
 *   source 1---n article 1---n translation 1---n paragraph
 *   (location)   (source_id,    (article_id,        (translation_id,
 *                 key) UNIQUE    lang) UNIQUE        idx) UNIQUE
 *                   |  |  |
 *                   |  |  +--n alignment   (article_id, lang_a, lang_b, idx)
 *                   |  +-----n comment     (parent_id -> comment, SET NULL)
 *                   +--------n article_setting (article_id, key)
 *
 *   setting (key PRIMARY KEY, value): global choices (identity, ...)
 *   account (site PRIMARY KEY, user, password_command, password_env,
 *            password_file, added_at): who one is on a site; no secret
 *   comment.remote_id, remote_url, link, pending: see migration 4
 *
 *   search_text (FTS5, rowid = paragraph.id, text)    the full-text
 *   search_title (FTS5, rowid = translation.id, title) index, external
 *   content kept in step by triggers through search_queue_text and
 *   search_queue_title (id, old: the text indexed, NULL if none): rows
 *   to index before the commit (cache_search_flush()); cache-search.c
 *   has the tokenizer
 *
 *   +-------------+  +----------------+  +------------------+  +-----------+
 *   | source      |  | article        |  | translation      |  | paragraph |
 *   | id          |<-| source_id      |  | id               |<-| trans..id |
 *   | location UQ |  | id             |<-| article_id       |  | idx       |
 *   | added_at    |  | key            |  | lang             |  | text      |
 *   +-------------+  | url date author|  | position         |  +-----------+
 *                    | original       |  | title            |
 *   +-------------+  | policy         |  | title_derived    |
 *   | setting     |  | read           |  | lang_confidence  |
 *   | key PK      |  | imported_at    |  | url imported_at  |
 *   | value       |  | updated_at     |  | url_norm         |
 *   +-------------+  | url_norm       |  +------------------+
 *                    | starred        |
 *   +-------------+  +----------------+
 *   | article_    |
 *   | count       |  n, unread, starred: kept by triggers on article
 *   +-------------+
 *
 *   +-----------------+  +-----------------------+  +---------------------+
 *   | article_setting |  | comment               |  | alignment           |
 *   | article_id FK   |  | id  article_id FK     |  | id  article_id FK   |
 *   | key value       |  | parent_id FK (->id)   |  | lang_a lang_b idx   |
 *   +-----------------+  | seq author body lang  |  | a_first a_count     |
 *                        | created state         |  | b_first b_count     |
 *                        +-----------------------+  | confidence manual   |
 *   FK: references the                              +---------------------+
 *   article (or comment) id, ON DELETE CASCADE (parent_id: SET NULL)
 *
 * Subscriptions (cache-feed.c):
 *
 *   feed 1---n feed_entry n---1 article      feed 1---n feed_tag
 *
 *   +------------------------+  +----------------+  +-------------+
 *   | feed                   |  | feed_entry     |  | feed_tag    |
 *   | id  url UQ  source     |<-| feed_id FK     |  | feed_id FK  |
 *   | title site lang        |  | key            |  | tag         |
 *   | alternates full_text   |  | article_id FK  |  +-------------+
 *   | etag last_modified     |  | digest seen_at |
 *   | checked_at updated_at  |  +----------------+
 *   | error gone retry_after |
 *   | added_at               |
 *   +------------------------+
 *
 * feed.url is where the feed is fetched (a 301 moves it); source is the
 * source location of its articles, the URL first added, never moved.
 * lang is the languages its entries were in, space-separated.  etag and
 * last_modified are the last answer's validators, sent back as
 * If-None-Match and If-Modified-Since; checked_at is the last attempt,
 * updated_at the last that succeeded, error the last failure (NULL after
 * a success); gone is set by an HTTP 410 (never fetched again), and
 * retry_after (seconds since the epoch) holds fetching off after a 429
 * or 503 that said so.  feed_entry maps (feed, entry id or link) to the
 * article it became, with a 64-bit digest of the entry's fields: a
 * repeat with the same digest is skipped, another updates the article.
 * An article of several per-language feeds has a feed_entry of each.
 *
 * policy is 'unknown', 'open', 'login' or 'closed'; comment.state is
 * 'source' (imported; seq is the importer's id), 'draft' or 'posted'
 * (written here; seq NULL), or 'stale' only inside a re-import.  An
 * alignment row says a_count paragraphs of lang_a from a_first face
 * b_count of lang_b from b_first: 1-1, 1-2, 2-1, 1-0 and 0-1 all fit.
 *
 * Indexes, one for each query the reader makes (test-cache checks the
 * plans):
 *
 *   article_list (imported_at DESC, id DESC)    the list, keyset paging
 *   article_unread, article_starred (the same, WHERE read = 0 / starred
 *     = 1)                                      the list's state filters
 *   article_date (date DESC, id DESC)           the list by date
 *   article UNIQUE (source_id, key)             re-import finds its row
 *   article_url (url_norm)                      ... or by its URL
 *   translation_url (url_norm, article_id)      ... or a translation's
 *   translation UNIQUE (article_id, lang)       one per language
 *   translation_order (article_id, position)    an article's languages
 *   paragraph UNIQUE (translation_id, idx)      a translation's text
 *   comment UNIQUE (article_id, seq)            comments; source upsert
 *   comment_remote UNIQUE (article_id, remote_url, remote_id)  site sync
 *   comment_pending (pending > 0)               comments --send
 *   comment_parent (parent_id)                  SET NULL on delete
 *   alignment UNIQUE (article_id, lang_a, lang_b, idx)
 *   source UNIQUE (location), setting and article_setting primary keys
 *   feed UNIQUE (url); feed_entry, feed_tag primary keys (feed, ...)
 *   feed_entry_article (article_id, feed_id)    a feed's counts, purge,
 *                                               the list's feed column
 *                                               and its --feed filter
 *
 * Every child row goes when its article goes (ON DELETE CASCADE, with
 * foreign_keys on).  Alignments hang off the article and name their
 * languages rather than pointing at translation rows, so re-importing
 * an article (which replaces its translations) keeps the manual ones.
 * The article list pages by keyset on (imported_at DESC, id DESC), served
 * by the index article_list; imported_at is the first import and does
 * not move on re-import, so pages stay stable.
 *
 * Versions: PRAGMA user_version counts the entries of cache_migrations[]
 * applied, each in its own transaction.  A file from a newer tandem is
 * refused before anything is written to it.
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


/*
 * The triggers that keep search_T (FTS5 over column C of table TABLE) in
 * step: each only notes the row in search_queue_T, with the text the
 * index holds for it if any (NULL: none yet), and cache_search_flush()
 * does the indexing before the sink commits (see migration 4).
 */
#define CACHE_SEARCH_TRIGGERS(T, TABLE, C) \
	"CREATE TRIGGER IF NOT EXISTS search_" T "_add AFTER INSERT ON " \
	TABLE " BEGIN INSERT OR IGNORE INTO search_queue_" T " (id, old)" \
	" VALUES (new.id, NULL); END;" \
	"CREATE TRIGGER IF NOT EXISTS search_" T "_remove AFTER DELETE ON " \
	TABLE " BEGIN INSERT OR IGNORE INTO search_queue_" T " (id, old)" \
	" VALUES (old.id, old." C "); END;" \
	"CREATE TRIGGER IF NOT EXISTS search_" T "_change AFTER UPDATE OF " \
	C " ON " TABLE " BEGIN INSERT OR IGNORE INTO search_queue_" T \
	" (id, old) VALUES (old.id, old." C "); END;"

static const char *const cache_migrations[] = {
	/* 1: the first schema. */
	"CREATE TABLE source ("
	" id INTEGER PRIMARY KEY,"
	" location TEXT NOT NULL UNIQUE,"
	" added_at INTEGER NOT NULL);"
	"CREATE TABLE article ("
	" id INTEGER PRIMARY KEY,"
	" source_id INTEGER NOT NULL"
	"  REFERENCES source(id) ON DELETE CASCADE,"
	" key TEXT NOT NULL,"
	" url TEXT, date TEXT, author TEXT, original TEXT,"
	" policy TEXT NOT NULL DEFAULT 'unknown'"
	"  CHECK (policy IN ('unknown', 'open', 'login', 'closed')),"
	" read INTEGER NOT NULL DEFAULT 0 CHECK (read IN (0, 1)),"
	" imported_at INTEGER NOT NULL,"
	" updated_at INTEGER NOT NULL,"
	" UNIQUE (source_id, key));"
	"CREATE INDEX article_list ON article (imported_at DESC, id DESC);"
	"CREATE TABLE translation ("
	" id INTEGER PRIMARY KEY,"
	" article_id INTEGER NOT NULL"
	"  REFERENCES article(id) ON DELETE CASCADE,"
	" lang TEXT NOT NULL,"
	" position INTEGER NOT NULL,"
	" title TEXT NOT NULL,"
	" title_derived INTEGER NOT NULL DEFAULT 0,"
	" lang_confidence REAL NOT NULL DEFAULT 1,"
	" url TEXT,"
	" imported_at INTEGER NOT NULL,"
	" UNIQUE (article_id, lang));"
	"CREATE INDEX translation_order ON translation (article_id, position);"
	"CREATE TABLE paragraph ("
	" id INTEGER PRIMARY KEY,"
	" translation_id INTEGER NOT NULL"
	"  REFERENCES translation(id) ON DELETE CASCADE,"
	" idx INTEGER NOT NULL,"
	" text TEXT NOT NULL,"
	" UNIQUE (translation_id, idx));"
	"CREATE TABLE alignment ("
	" id INTEGER PRIMARY KEY,"
	" article_id INTEGER NOT NULL"
	"  REFERENCES article(id) ON DELETE CASCADE,"
	" lang_a TEXT NOT NULL, lang_b TEXT NOT NULL,"
	" idx INTEGER NOT NULL,"
	" a_first INTEGER NOT NULL, a_count INTEGER NOT NULL,"
	" b_first INTEGER NOT NULL, b_count INTEGER NOT NULL,"
	" confidence REAL NOT NULL DEFAULT 0,"
	" manual INTEGER NOT NULL DEFAULT 0 CHECK (manual IN (0, 1)),"
	" CHECK (a_count >= 0 AND b_count >= 0 AND a_count + b_count > 0),"
	" UNIQUE (article_id, lang_a, lang_b, idx));"
	"CREATE TABLE comment ("
	" id INTEGER PRIMARY KEY,"
	" article_id INTEGER NOT NULL"
	"  REFERENCES article(id) ON DELETE CASCADE,"
	" parent_id INTEGER REFERENCES comment(id) ON DELETE SET NULL,"
	" seq INTEGER,"			/* the importer's id; NULL if local */
	" author TEXT, body TEXT NOT NULL, lang TEXT, created TEXT,"
	" state TEXT NOT NULL DEFAULT 'draft'"
	"  CHECK (state IN ('source', 'draft', 'posted', 'stale')),"
	" UNIQUE (article_id, seq));"
	"CREATE INDEX comment_parent ON comment (parent_id);"
	"CREATE TABLE setting ("
	" key TEXT PRIMARY KEY,"
	" value TEXT NOT NULL);"
	"CREATE TABLE article_setting ("
	" article_id INTEGER NOT NULL"
	"  REFERENCES article(id) ON DELETE CASCADE,"
	" key TEXT NOT NULL,"
	" value TEXT NOT NULL,"
	" PRIMARY KEY (article_id, key));",
	/*
	 * 2: the number of articles, kept by triggers: counting 100,000
	 * rows read every page of an index and took half the reader's
	 * start-up.
	 */
	"CREATE TABLE article_count (n INTEGER NOT NULL);"
	"INSERT INTO article_count SELECT count(*) FROM article;"
	"CREATE TRIGGER article_count_add AFTER INSERT ON article"
	" BEGIN UPDATE article_count SET n = n + 1; END;"
	"CREATE TRIGGER article_count_remove AFTER DELETE ON article"
	" BEGIN UPDATE article_count SET n = n - 1; END;",
	/*
	 * 3: an article is known by its URL, or a translation's
	 * (cache-sink.c).  The normal form (url.h) is a column of its own,
	 * as the URL shown and exported stays as the source spelled it;
	 * old rows get it through the SQL function url_normalize(), one
	 * statement a table.  Two articles of an old cache with one URL
	 * stay two; the next import of it updates the older.
	 */
	"ALTER TABLE article ADD COLUMN url_norm TEXT;"
	"UPDATE article SET url_norm = url_normalize(url)"
	" WHERE url IS NOT NULL;"
	"CREATE INDEX article_url ON article (url_norm);"
	"ALTER TABLE translation ADD COLUMN url_norm TEXT;"
	"UPDATE translation SET url_norm = url_normalize(url)"
	" WHERE url IS NOT NULL;"
	"CREATE INDEX translation_url ON translation (url_norm, article_id);",
	/*
	 * 4: reading state.  A star (bookmark) beside the read mark, both
	 * untouched by re-import and update; the unread and starred counts
	 * kept by triggers beside the article count, so that the list's
	 * header costs nothing at 100,000 articles; partial indexes in list
	 * order for the unread and starred filters, and one for the list by
	 * the article's own date.
	 */
	"ALTER TABLE article ADD COLUMN starred INTEGER NOT NULL DEFAULT 0"
	" CHECK (starred IN (0, 1));"
	"ALTER TABLE article_count ADD COLUMN unread INTEGER NOT NULL"
	" DEFAULT 0;"
	"ALTER TABLE article_count ADD COLUMN starred INTEGER NOT NULL"
	" DEFAULT 0;"
	"UPDATE article_count SET"
	" unread = (SELECT count(*) FROM article WHERE read = 0);"
	"DROP TRIGGER article_count_add;"
	"DROP TRIGGER article_count_remove;"
	"CREATE TRIGGER article_count_add AFTER INSERT ON article"
	" BEGIN UPDATE article_count SET n = n + 1,"
	" unread = unread + (new.read = 0), starred = starred + new.starred;"
	" END;"
	"CREATE TRIGGER article_count_remove AFTER DELETE ON article"
	" BEGIN UPDATE article_count SET n = n - 1,"
	" unread = unread - (old.read = 0), starred = starred - old.starred;"
	" END;"
	"CREATE TRIGGER article_count_state AFTER UPDATE OF read, starred"
	" ON article WHEN new.read != old.read OR new.starred != old.starred"
	" BEGIN UPDATE article_count SET"
	" unread = unread + (new.read = 0) - (old.read = 0),"
	" starred = starred + new.starred - old.starred; END;"
	"CREATE INDEX article_unread ON article (imported_at DESC, id DESC)"
	" WHERE read = 0;"
	"CREATE INDEX article_starred ON article (imported_at DESC, id DESC)"
	" WHERE starred = 1;"
	"CREATE INDEX article_date ON article (date DESC, id DESC);",
	/*
	 * 5: subscriptions (cache-feed.c).  A feed's articles keep the
	 * source it had when added (feed.source), so a 301 that moves
	 * feed.url neither duplicates nor orphans them; feed_entry says
	 * which article each entry became, and the digest of what the
	 * entry said, so an unchanged entry costs one lookup.  IF NOT
	 * EXISTS: a test makes an old cache by dropping what later
	 * migrations added, and these tables would survive that.
	 */
	"CREATE TABLE IF NOT EXISTS feed ("
	" id INTEGER PRIMARY KEY,"
	" url TEXT NOT NULL UNIQUE,"
	" source TEXT NOT NULL,"
	" title TEXT, site TEXT, lang TEXT,"
	" alternates INTEGER NOT NULL DEFAULT 1,"
	" full_text INTEGER NOT NULL DEFAULT 0,"
	" etag TEXT, last_modified TEXT,"
	" checked_at INTEGER, updated_at INTEGER,"
	" error TEXT,"
	" gone INTEGER NOT NULL DEFAULT 0,"
	" retry_after INTEGER,"
	" added_at INTEGER NOT NULL);"
	"CREATE TABLE IF NOT EXISTS feed_tag ("
	" feed_id INTEGER NOT NULL REFERENCES feed(id) ON DELETE CASCADE,"
	" tag TEXT NOT NULL,"
	" PRIMARY KEY (feed_id, tag));"
	"CREATE TABLE IF NOT EXISTS feed_entry ("
	" feed_id INTEGER NOT NULL REFERENCES feed(id) ON DELETE CASCADE,"
	" key TEXT NOT NULL,"
	" article_id INTEGER NOT NULL"
	"  REFERENCES article(id) ON DELETE CASCADE,"
	" digest INTEGER NOT NULL,"
	" seen_at INTEGER NOT NULL,"
	" PRIMARY KEY (feed_id, key));"
	"CREATE INDEX IF NOT EXISTS feed_entry_article ON feed_entry (article_id, feed_id);",
	/*
	 * 6: comments with the site (site-wp.c).  A comment read from a
	 * site is a 'source' row with its remote_id, the URL of the
	 * translation whose comments it is (remote_url) and its link; a
	 * re-import leaves those rows to the next sync.  One's own comment
	 * sent to a site gets the same columns; pending says it still has
	 * to go (1), or may have gone and is looked up before it is sent
	 * again (2).  Accounts name a site's user and where the password
	 * comes from, never the password.
	 */
	"ALTER TABLE comment ADD COLUMN remote_id INTEGER;"
	"ALTER TABLE comment ADD COLUMN remote_url TEXT;"
	"ALTER TABLE comment ADD COLUMN link TEXT;"
	"ALTER TABLE comment ADD COLUMN pending INTEGER NOT NULL DEFAULT 0"
	" CHECK (pending IN (0, 1, 2));"
	"CREATE UNIQUE INDEX comment_remote ON comment"
	" (article_id, remote_url, remote_id) WHERE remote_id IS NOT NULL;"
	"CREATE INDEX comment_pending ON comment (pending) WHERE pending > 0;"
	"CREATE TABLE account ("
	" site TEXT PRIMARY KEY,"
	" user TEXT NOT NULL,"
	" password_command TEXT, password_env TEXT, password_file TEXT,"
	" added_at INTEGER NOT NULL);",
	/*
	 * 7: the full-text index (cache-search.c): external content over
	 * paragraph and translation.  Triggers queue every row inserted,
	 * changed or removed, with the text the index has for it; the
	 * sink indexes the queue in a few statements before each commit.
	 * FTS5 writes a segment at every savepoint, and the sink takes one
	 * an article; and a trigger that touched the index would make
	 * every writer need our tokenizer, the sqlite3 shell included.
	 * A cascade fires them too.  The rows an old cache has are
	 * indexed here.  IF NOT EXISTS: a cache taken back to an older
	 * version by hand (as tests/e2e/import.sh does) keeps its index
	 * tables, which SQLite without our tokenizer cannot drop; the
	 * rebuild makes them right.
	 */
	"CREATE VIRTUAL TABLE IF NOT EXISTS search_text USING fts5(text,"
	" content='paragraph', content_rowid='id', tokenize='tandem');"
	"CREATE VIRTUAL TABLE IF NOT EXISTS search_title USING fts5(title,"
	" content='translation', content_rowid='id', tokenize='tandem');"
	"CREATE TABLE IF NOT EXISTS search_queue_text"
	" (id INTEGER PRIMARY KEY, old TEXT);"
	"CREATE TABLE IF NOT EXISTS search_queue_title"
	" (id INTEGER PRIMARY KEY, old TEXT);"
	CACHE_SEARCH_TRIGGERS("text", "paragraph", "text")
	CACHE_SEARCH_TRIGGERS("title", "translation", "title")
	"INSERT INTO search_text (search_text) VALUES ('rebuild');"
	"INSERT INTO search_title (search_title) VALUES ('rebuild');",
};
#define CACHE_VERSION \
	((int)(sizeof cache_migrations / sizeof cache_migrations[0]))

int
cache_version(void)
{
	return CACHE_VERSION;
}

/* The SQL that takes a cache from version - 1 to version, for tests. */
const char *
cache_migration_sql(int version)
{
	if (version < 1 || version > CACHE_VERSION)
		return NULL;
	return cache_migrations[version - 1];
}

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
	    CACHE_VERSION);
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
		if (version > CACHE_VERSION || version < 0) {
			cache_refuse_newer(c->path, version, cause);
			goto fail;
		}
		if (version == CACHE_VERSION)
			break;
		xasprintf(&sql, "%s PRAGMA user_version = %lld;",
		    cache_migrations[version], version + 1);
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
	if (version > CACHE_VERSION)
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
		if (version < CACHE_VERSION) {
			xasprintf(cause, "%s: database schema version %lld is"
			    " older than this tandem's (%d); open it once"
			    " without read-only to upgrade", c->path, version,
			    CACHE_VERSION);
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
	if (version == CACHE_VERSION)
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
	if ((version = cache_peek_version(path)) > CACHE_VERSION)
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
