/*
 * cache.c: the local article cache in SQLite.
 *
 * The only file that includes <sqlite3.h>.  It creates and migrates the
 * database, implements the import sink (one IMMEDIATE transaction per
 * article) and answers the reader's queries with the structs of
 * article.h.  Statements are prepared once per connection and kept in
 * struct cache, and reset as soon as their rows are read so that no read
 * transaction stays open between calls (a reader would stop seeing new
 * imports and hold back WAL checkpoints).  The file is longer than the
 * house's ~800 lines on purpose: it is the one place that speaks SQL, so
 * the schema and every statement can be read side by side.
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
 *   | value       |  | updated_at     |  +------------------+
 *   +-------------+  +----------------+
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
 *   article UNIQUE (source_id, key)             re-import finds its row
 *   translation UNIQUE (article_id, lang)       one per language
 *   translation_order (article_id, position)    an article's languages
 *   paragraph UNIQUE (translation_id, idx)      a translation's text
 *   comment UNIQUE (article_id, seq)            comments; source upsert
 *   comment_parent (parent_id)                  SET NULL on delete
 *   alignment UNIQUE (article_id, lang_a, lang_b, idx)
 *   source UNIQUE (location), setting and article_setting primary keys
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
 *
 * Re-import of a (source, key) already present, inside the transaction:
 *
 *   begin:  update the article row (read flag untouched)
 *           delete translations (paragraphs cascade), automatic alignments
 *           mark its source comments 'stale'
 *   comment: upsert on (article_id, seq), state back to 'source'
 *   end(1): delete comments still 'stale'; COMMIT
 *   end(0): ROLLBACK, as if nothing happened
 *
 * Local comments survive; one whose source parent vanished from the
 * source becomes top level (parent_id ON DELETE SET NULL).
 */
#include "config.h"

#include <sys/stat.h>

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "align.h"
#include "align-queue.h"
#include "cache.h"
#include "xmalloc.h"

#define CACHE_BUSY_MS	5000

/* The sink stores an import_policy where the model reads article_policy. */
_Static_assert((int)IMPORT_POLICY_UNKNOWN == (int)ARTICLE_POLICY_UNKNOWN &&
    (int)IMPORT_POLICY_OPEN == (int)ARTICLE_POLICY_OPEN &&
    (int)IMPORT_POLICY_LOGIN == (int)ARTICLE_POLICY_LOGIN &&
    (int)IMPORT_POLICY_CLOSED == (int)ARTICLE_POLICY_CLOSED,
    "import and article policies differ");

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
};
#define CACHE_VERSION \
	((int)(sizeof cache_migrations / sizeof cache_migrations[0]))

/*
 * Where translation p's language comes in the reader's preference, as
 * lang_rank() reckons it: ?3 holds the wanted tags (" zh-hant en "), ?6
 * their primary subtags padded to the same offsets (" zh      en ").  An
 * exact tag anywhere wins; else a primary subtag ("zh" for a zh-Hant
 * translation); else last.
 */
#define CACHE_LANG_RANK \
	"coalesce(nullif(instr(?3, ' ' || lower(p.lang) || ' '), 0)," \
	" nullif(instr(?6, ' ' || lower(substr(p.lang, 1," \
	" instr(replace(p.lang, '_', '-') || '-', '-') - 1)) || ' '), 0), 1e9)"

/* Every statement tandem runs, prepared on first use. */
enum cache_sql {
	SQL_BEGIN,
	SQL_BEGIN_READ,
	SQL_COMMIT,
	SQL_ROLLBACK,
	SQL_SAVEPOINT,
	SQL_RELEASE,
	SQL_SOURCE_ADD,
	SQL_SOURCE_ID,
	SQL_ARTICLE_FIND,
	SQL_ARTICLE_INSERT,
	SQL_ARTICLE_UPDATE,
	SQL_TRANSLATIONS_CLEAR,
	SQL_ALIGNMENT_CLEAR_AUTO,
	SQL_COMMENTS_STALE,
	SQL_TRANSLATION_INSERT,
	SQL_PARAGRAPH_INSERT,
	SQL_COMMENT_UPSERT,
	SQL_COMMENTS_DROP_STALE,
	SQL_LIST,
	SQL_LIST_AT,
	SQL_ANY_ARTICLE,
	SQL_ARTICLE_LOAD,
	SQL_TRANSLATIONS_LOAD,
	SQL_PARAGRAPHS_LOAD,
	SQL_ARTICLE_REMOVE,
	SQL_ARTICLE_SET_READ,
	SQL_SETTING_GET,
	SQL_SETTING_SET,
	SQL_SETTING_DELETE,
	SQL_ASETTING_GET,
	SQL_ASETTING_SET,
	SQL_ASETTING_DELETE,
	SQL_COMMENTS_LOAD,
	SQL_COMMENT_INSERT,
	SQL_COMMENT_UPDATE,
	SQL_COMMENT_STATE,
	SQL_COMMENT_DELETE,
	SQL_DRAFT_DELETE,
	SQL_ALIGNMENT_LOAD,
	SQL_ALIGNMENT_DELETE,
	SQL_ALIGNMENT_INSERT,
	SQL_COUNT,
	SQL_COUNTS,
	SQL__N
};

static const char *const cache_sql[SQL__N] = {
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
	[SQL_ARTICLE_INSERT] = "INSERT INTO article (source_id, key, url,"
	    " date, author, original, policy, imported_at, updated_at)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
	[SQL_ARTICLE_UPDATE] = "UPDATE article SET url = ?2, date = ?3,"
	    " author = ?4, original = ?5, policy = ?6, updated_at = ?7"
	    " WHERE id = ?1",
	[SQL_TRANSLATIONS_CLEAR] = "DELETE FROM translation"
	    " WHERE article_id = ?1",
	[SQL_ALIGNMENT_CLEAR_AUTO] = "DELETE FROM alignment"
	    " WHERE article_id = ?1 AND manual = 0",
	[SQL_COMMENTS_STALE] = "UPDATE comment SET state = 'stale'"
	    " WHERE article_id = ?1 AND state = 'source'",
	[SQL_TRANSLATION_INSERT] = "INSERT INTO translation (article_id,"
	    " lang, position, title, title_derived, lang_confidence, url,"
	    " imported_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	[SQL_PARAGRAPH_INSERT] = "INSERT INTO paragraph (translation_id,"
	    " idx, text) VALUES (?1, ?2, ?3)",
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
	[SQL_LIST] = "SELECT a.id, a.imported_at, a.date, a.read, s.location,"
	    " (SELECT group_concat(lang, ' ') FROM (SELECT lang"
	    "  FROM translation WHERE article_id = a.id ORDER BY position)),"
	    " t.title, t.lang"
	    " FROM article a JOIN source s ON s.id = a.source_id"
	    " LEFT JOIN translation t ON t.id = (SELECT p.id"
	    "  FROM translation p WHERE p.article_id = a.id"
	    "  ORDER BY " CACHE_LANG_RANK ", p.position LIMIT 1)"
	    " WHERE (a.imported_at, a.id) < (?1, ?2)"
	    " ORDER BY a.imported_at DESC, a.id DESC LIMIT ?4",
	/*
	 * The window's ids first, from the covering list index, so OFFSET
	 * skips index entries and not joined rows (End at 100,000 articles:
	 * 1 s before, 4 ms after).
	 */
	[SQL_LIST_AT] = "SELECT a.id, a.imported_at, a.date, a.read, s.location,"
	    " (SELECT group_concat(lang, ' ') FROM (SELECT lang"
	    "  FROM translation WHERE article_id = a.id ORDER BY position)),"
	    " t.title, t.lang"
	    " FROM (SELECT id FROM article ORDER BY imported_at DESC, id DESC"
	    "  LIMIT ?4 OFFSET ?5) w"
	    " JOIN article a ON a.id = w.id"
	    " JOIN source s ON s.id = a.source_id"
	    " LEFT JOIN translation t ON t.id = (SELECT p.id"
	    "  FROM translation p WHERE p.article_id = a.id"
	    "  ORDER BY " CACHE_LANG_RANK ", p.position LIMIT 1)"
	    " ORDER BY a.imported_at DESC, a.id DESC",
	[SQL_ANY_ARTICLE] = "SELECT EXISTS (SELECT 1 FROM article)",
	[SQL_ARTICLE_LOAD] = "SELECT s.location, a.key, a.url, a.date,"
	    " a.author, a.original, a.policy, a.read, a.imported_at,"
	    " a.updated_at FROM article a JOIN source s ON s.id = a.source_id"
	    " WHERE a.id = ?1",
	[SQL_TRANSLATIONS_LOAD] = "SELECT id, lang, title, title_derived,"
	    " lang_confidence, url FROM translation WHERE article_id = ?1"
	    " ORDER BY position",
	[SQL_PARAGRAPHS_LOAD] = "SELECT text FROM paragraph"
	    " WHERE translation_id = ?1 ORDER BY idx",
	[SQL_ARTICLE_REMOVE] = "DELETE FROM article WHERE id = ?1",
	[SQL_ARTICLE_SET_READ] = "UPDATE article SET read = ?2 WHERE id = ?1",
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
	    " created, state FROM comment WHERE article_id = ?1 ORDER BY id",
	[SQL_COMMENT_UPDATE] = "UPDATE comment SET body = ?2, state = ?3,"
	    " created = ?4 WHERE id = ?1 AND state = 'draft'",
	[SQL_COMMENT_STATE] = "SELECT state FROM comment WHERE id = ?1",
	[SQL_COMMENT_DELETE] = "DELETE FROM comment WHERE id = ?1"
	    " AND state IN ('draft', 'posted')",
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
};

/* Where the import sink is between begin and end. */
struct cache_import {
	int		 open;		/* between begin and end */
	long long	 article;
	long long	 translation;	/* current; 0 before the first */
	long long	 position;	/* of the next translation */
	long long	 paragraph;	/* index of the next paragraph */
	int		 commenting;	/* a comment came: no more text */
	struct cache_import_stats pending; /* this article's, until commit */
	char		*original;	/* its original language, or NULL */
	struct align_job *job;		/* its text so far, for the aligner */
};

/*
 * A batch: with cache_batch() on, articles are savepoints inside one
 * transaction, committed every CACHE_BATCH_ARTICLES articles or
 * CACHE_BATCH_MS, whichever comes first.  One commit for many articles
 * writes each index page once instead of once an article; a crash still
 * leaves each article whole or absent, and the lock is held briefly
 * enough for a reader's writes (read marks, comments) to wait it out.
 */
#define CACHE_BATCH_ARTICLES	500
#define CACHE_BATCH_MS		250

/*
 * In a batch, articles are aligned on a second thread (align-queue.h)
 * while the next ones are stored, and their alignments stored between
 * articles; no more than this many wait to be stored.
 */
#define CACHE_ALIGN_HELD	64

struct cache_batch {
	int			 on;
	int			 open;		/* its transaction is open */
	unsigned long		 articles;	/* in it so far */
	double			 started;	/* ms, monotonic */
	struct cache_import_stats stats;	/* its articles', until commit */
};

struct cache {
	sqlite3			*db;
	char			*path;
	int			 flags;
	sqlite3_stmt		*stmt[SQL__N];
	struct cache_import	 import;
	struct cache_batch	 batch;
	struct align_queue	*aq;		/* the batch's aligner, or NULL */
	struct cache_import_stats stats;
};

/* Fill *cause with what failed and SQLite's message; returns -1. */
static int
cache_fail(struct cache *c, char **cause, const char *what)
{
	xasprintf(cause, "%s: %s", what, sqlite3_errmsg(c->db));
	return -1;
}

/* The statement for sql, reset and unbound, or NULL and *cause. */
static sqlite3_stmt *
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

/* Bind a string that may be NULL. */
static int
cache_bind_text(sqlite3_stmt *s, int i, const char *text)
{
	if (text == NULL)
		return sqlite3_bind_null(s, i);
	return sqlite3_bind_text(s, i, text, -1, SQLITE_STATIC);
}

/* A copy of a text column, or NULL when it is NULL. */
static char *
cache_column_text(sqlite3_stmt *s, int i)
{
	const unsigned char	*p;

	if ((p = sqlite3_column_text(s, i)) == NULL)
		return NULL;
	return xstrndup((const char *)p, (size_t)sqlite3_column_bytes(s, i));
}

/* Step a statement that returns no rows, then reset it. */
static int
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
static int
cache_run(struct cache *c, enum cache_sql sql, char **cause)
{
	sqlite3_stmt	*s;

	if ((s = cache_stmt(c, sql, cause)) == NULL)
		return -1;
	return cache_step_done(c, s, cause, cache_sql[sql]);
}

/* Run a statement whose parameter 1 is an id and that returns no rows. */
static int
cache_run_id(struct cache *c, enum cache_sql sql, long long id,
    char **cause)
{
	sqlite3_stmt	*s;

	if ((s = cache_stmt(c, sql, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	return cache_step_done(c, s, cause, sql == SQL_ARTICLE_REMOVE ?
	    "removing article" : "updating article");
}

static long long
cache_now(void)
{
	return (long long)time(NULL);
}

static double
cache_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int
cache_version(void)
{
	return CACHE_VERSION;
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

/* Apply the migrations this file lacks, each in its own transaction. */
static int
cache_migrate(struct cache *c, char **cause)
{
	long long	 version;
	char		*sql;
	int		 rc;

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
	if (cache_exec(c, "PRAGMA journal_mode = WAL;"
	    " PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;",
	    cause) != 0)
		return -1;
	/* Up to date: no write lock, so opening never waits on an import. */
	if (version == CACHE_VERSION)
		return 0;
	return cache_migrate(c, cause);
}

/*
 * Open the cache at path.  CACHE_CREATE creates the file (0600) and its
 * directories (0700) when missing; CACHE_READONLY never writes.
 */
int
cache_open(const char *path, int flags, struct cache **cp, char **cause)
{
	struct cache	*c;
	long long	 version;
	int		 oflags, rc;

	*cp = NULL;
	if ((version = cache_peek_version(path)) > CACHE_VERSION)
		return cache_refuse_newer(path, version, cause);
	if (flags & CACHE_READONLY)
		oflags = SQLITE_OPEN_READONLY;
	else {
		oflags = SQLITE_OPEN_READWRITE;
		if ((flags & CACHE_CREATE) &&
		    cache_create_file(path, cause) != 0)
			return -1;
	}
	c = xcalloc(1, sizeof *c);
	c->path = xstrdup(path);
	c->flags = flags;
	rc = sqlite3_open_v2(path, &c->db, oflags, NULL);
	if (rc != SQLITE_OK) {
		xasprintf(cause, "%s: %s", path, c->db != NULL ?
		    sqlite3_errmsg(c->db) : sqlite3_errstr(rc));
		goto fail;
	}
	sqlite3_busy_timeout(c->db, CACHE_BUSY_MS);
	if (cache_setup(c, cause) != 0)
		goto fail;
	*cp = c;
	return 0;
fail:
	cache_close(c);
	return -1;
}

/* Forget the text kept of the article being imported. */
static void
cache_import_forget(struct cache_import *im)
{
	align_job_free(im->job);
	im->job = NULL;
	FREE(&im->original);
}

void
cache_close(struct cache *c)
{
	int	i;

	if (c == NULL)
		return;
	if (c->import.open || c->batch.open)
		sqlite3_exec(c->db, "ROLLBACK", NULL, NULL, NULL);
	cache_import_forget(&c->import);
	align_queue_free(c->aq);
	for (i = 0; i < SQL__N; i++)
		sqlite3_finalize(c->stmt[i]);
	sqlite3_close(c->db);
	free(c->path);
	free(c);
}

/* Undo the open transaction, if SQLite has not already. */
static void
cache_rollback(struct cache *c)
{
	if (!sqlite3_get_autocommit(c->db))
		sqlite3_exec(c->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Step a statement that returns one id (or none: *id = 0), then reset. */
static int
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

static int
cache_import_source(struct cache *c, const char *location, long long *id,
    char **cause)
{
	sqlite3_stmt	*s;

	if ((s = cache_stmt(c, SQL_SOURCE_ADD, cause)) == NULL)
		return -1;
	cache_bind_text(s, 1, location);
	sqlite3_bind_int64(s, 2, cache_now());
	if (cache_step_done(c, s, cause, "adding source") != 0)
		return -1;
	if ((s = cache_stmt(c, SQL_SOURCE_ID, cause)) == NULL)
		return -1;
	cache_bind_text(s, 1, location);
	return cache_step_id(c, s, id, cause);
}

/* Insert the article, or update it and clear what a re-import replaces. */
static int
cache_import_article(struct cache *c, long long source,
    const struct import_article *ia, char **cause)
{
	struct cache_import	*im = &c->import;
	sqlite3_stmt		*s;
	const char		*policy;

	policy = article_policy_name((enum article_policy)ia->policy);
	if ((s = cache_stmt(c, SQL_ARTICLE_FIND, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, source);
	cache_bind_text(s, 2, ia->key);
	if (cache_step_id(c, s, &im->article, cause) != 0)
		return -1;
	if (im->article == 0) {
		if ((s = cache_stmt(c, SQL_ARTICLE_INSERT, cause)) == NULL)
			return -1;
		sqlite3_bind_int64(s, 1, source);
		cache_bind_text(s, 2, ia->key);
		cache_bind_text(s, 3, ia->url);
		cache_bind_text(s, 4, ia->date);
		cache_bind_text(s, 5, ia->author);
		cache_bind_text(s, 6, ia->original);
		cache_bind_text(s, 7, policy);
		sqlite3_bind_int64(s, 8, cache_now());
		if (cache_step_done(c, s, cause, "adding article") != 0)
			return -1;
		im->article = sqlite3_last_insert_rowid(c->db);
		im->pending.articles_new = 1;
		return 0;
	}
	if ((s = cache_stmt(c, SQL_ARTICLE_UPDATE, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, im->article);
	cache_bind_text(s, 2, ia->url);
	cache_bind_text(s, 3, ia->date);
	cache_bind_text(s, 4, ia->author);
	cache_bind_text(s, 5, ia->original);
	cache_bind_text(s, 6, policy);
	sqlite3_bind_int64(s, 7, cache_now());
	if (cache_step_done(c, s, cause, "updating article") != 0)
		return -1;
	im->pending.articles_updated = 1;
	if (cache_run_id(c, SQL_TRANSLATIONS_CLEAR, im->article, cause) != 0 ||
	    cache_run_id(c, SQL_ALIGNMENT_CLEAR_AUTO, im->article, cause) != 0)
		return -1;
	return cache_run_id(c, SQL_COMMENTS_STALE, im->article, cause);
}

static void cache_stats_add(struct cache_import_stats *,
    const struct cache_import_stats *);
static int cache_batch_commit(struct cache *, char **);
static int cache_align_store(struct cache *, const struct align_job *,
    char **);
static int cache_align_flush(struct cache *, int, char **);
static void cache_align_discard(struct cache *);

/*
 * The batch's transaction is lost (it failed, or SQLite rolled it back):
 * roll back what is left, count its articles as rolled back and add to
 * *cause how many earlier ones went with it.  -1 if any did, else 0.
 */
static int
cache_batch_drop(struct cache *c, char **cause)
{
	struct cache_batch	*b = &c->batch;
	unsigned long		 lost = b->articles;
	char			*s;

	cache_rollback(c);
	cache_align_discard(c);
	b->open = 0;
	b->articles = 0;
	memset(&b->stats, 0, sizeof b->stats);
	c->stats.rolled_back += lost;
	if (lost == 0)
		return 0;
	if (*cause == NULL)
		*cause = xstrdup("the transaction was rolled back");
	xasprintf(&s, "%s (%lu more article%s imported since the last commit "
	    "%s not stored)", *cause, lost, lost == 1 ? "" : "s",
	    lost == 1 ? "was" : "were");
	free(*cause);
	*cause = s;
	return -1;
}

/* Open the article's transaction, or its savepoint in the batch. */
static int
cache_article_begin(struct cache *c, char **cause)
{
	struct cache_batch	*b = &c->batch;

	if (!b->on)
		return cache_run(c, SQL_BEGIN, cause);
	if (!b->open) {
		if (cache_run(c, SQL_BEGIN, cause) != 0)
			return -1;
		b->open = 1;
		b->articles = 0;
		b->started = cache_ms();
		memset(&b->stats, 0, sizeof b->stats);
	}
	if (cache_align_flush(c, 0, cause) != 0 ||
	    cache_run(c, SQL_SAVEPOINT, cause) != 0) {
		cache_batch_drop(c, cause);
		return -1;
	}
	return 0;
}

/*
 * Undo the article: its transaction, or back to its savepoint.  Some
 * errors (a full disk, I/O) make SQLite roll back the whole transaction
 * itself; then the batch's earlier articles are gone as well, and *cause
 * says so.  Returns 0, or -1 when more than this article was lost.
 */
static int
cache_article_abort(struct cache *c, char **cause)
{
	struct cache_batch	*b = &c->batch;

	if (!b->open) {
		cache_rollback(c);
		return 0;
	}
	if (!sqlite3_get_autocommit(c->db) &&
	    sqlite3_exec(c->db, "ROLLBACK TO article; RELEASE article", NULL,
	    NULL, NULL) == SQLITE_OK)
		return 0;
	return cache_batch_drop(c, cause);
}

/* The article is whole: commit it, or release it into the batch. */
static int
cache_article_commit(struct cache *c, char **cause)
{
	struct cache_batch	*b = &c->batch;

	if (!b->open) {
		align_job_run(c->import.job);
		if (cache_align_store(c, c->import.job, cause) != 0 ||
		    cache_run(c, SQL_COMMIT, cause) != 0)
			return -1;
		cache_stats_add(&c->stats, &c->import.pending);
		return 0;
	}
	if (cache_run(c, SQL_RELEASE, cause) != 0)
		return -1;
	if (c->aq == NULL)
		c->aq = align_queue_new();
	align_queue_push(c->aq, c->import.job);
	c->import.job = NULL;
	cache_stats_add(&b->stats, &c->import.pending);
	if (b->articles + 1 >= CACHE_BATCH_ARTICLES ||
	    cache_ms() - b->started >= CACHE_BATCH_MS)
		return cache_batch_commit(c, cause);
	b->articles++;
	return 0;
}

static int
cache_sink_begin(void *arg, const struct import_article *ia, char **cause)
{
	struct cache		*c = arg;
	struct cache_import	*im = &c->import;
	long long		 source;

	if (im->open) {
		*cause = xstrdup("article begins inside another");
		return -1;
	}
	if (c->flags & CACHE_READONLY) {
		xasprintf(cause, "%s: the cache is open read-only", c->path);
		return -1;
	}
	cache_import_forget(im);
	memset(im, 0, sizeof *im);
	if (ia->original != NULL)
		im->original = xstrdup(ia->original);
	if (cache_article_begin(c, cause) != 0)
		return -1;
	if (cache_import_source(c, ia->source, &source, cause) != 0 ||
	    cache_import_article(c, source, ia, cause) != 0) {
		cache_article_abort(c, cause);
		return -1;
	}
	im->job = align_job_new(im->article);
	im->open = 1;
	return 0;
}

static int
cache_sink_translation(void *arg, const struct import_translation *it,
    char **cause)
{
	struct cache		*c = arg;
	struct cache_import	*im = &c->import;
	sqlite3_stmt		*s;

	if (!im->open || im->commenting) {
		*cause = xstrdup(im->open ? "translation after comments" :
		    "translation outside an article");
		return -1;
	}
	if ((s = cache_stmt(c, SQL_TRANSLATION_INSERT, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, im->article);
	cache_bind_text(s, 2, it->lang);
	sqlite3_bind_int64(s, 3, im->position);
	cache_bind_text(s, 4, it->title);
	sqlite3_bind_int(s, 5, it->title_derived != 0);
	sqlite3_bind_double(s, 6, it->lang_confidence);
	cache_bind_text(s, 7, it->url);
	sqlite3_bind_int64(s, 8, cache_now());
	if (sqlite3_step(s) != SQLITE_DONE) {
		if (sqlite3_extended_errcode(c->db) ==
		    SQLITE_CONSTRAINT_UNIQUE)
			xasprintf(cause, "two translations in '%s'", it->lang);
		else
			cache_fail(c, cause, "adding translation");
		sqlite3_reset(s);
		return -1;
	}
	sqlite3_reset(s);
	im->translation = sqlite3_last_insert_rowid(c->db);
	align_job_side_add(im->job, it->lang);
	im->position++;
	im->paragraph = 0;
	im->pending.translations++;
	return 0;
}

static int
cache_sink_paragraph(void *arg, const char *text, size_t len, char **cause)
{
	struct cache		*c = arg;
	struct cache_import	*im = &c->import;
	sqlite3_stmt		*s;

	if (!im->open || im->translation == 0 || im->commenting) {
		*cause = xstrdup("paragraph outside a translation");
		return -1;
	}
	if (len > INT_MAX) {
		*cause = xstrdup("paragraph too long");
		return -1;
	}
	if ((s = cache_stmt(c, SQL_PARAGRAPH_INSERT, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, im->translation);
	sqlite3_bind_int64(s, 2, im->paragraph);
	sqlite3_bind_text(s, 3, text, (int)len, SQLITE_STATIC);
	if (cache_step_done(c, s, cause, "adding paragraph") != 0)
		return -1;
	align_job_para_add(im->job, text, len);
	im->paragraph++;
	im->pending.paragraphs++;
	return 0;
}

static int
cache_sink_comment(void *arg, const struct import_comment *ic,
    char **cause)
{
	struct cache		*c = arg;
	struct cache_import	*im = &c->import;
	sqlite3_stmt		*s;

	if (!im->open) {
		*cause = xstrdup("comment outside an article");
		return -1;
	}
	im->commenting = 1;
	if ((s = cache_stmt(c, SQL_COMMENT_UPSERT, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, im->article);
	sqlite3_bind_int64(s, 2, ic->id);
	sqlite3_bind_int64(s, 3, ic->parent);
	cache_bind_text(s, 4, ic->author);
	cache_bind_text(s, 5, ic->body);
	cache_bind_text(s, 6, ic->lang);
	cache_bind_text(s, 7, ic->created);
	if (cache_step_done(c, s, cause, "adding comment") != 0)
		return -1;
	im->pending.comments++;
	return 0;
}

static void
cache_stats_add(struct cache_import_stats *to,
    const struct cache_import_stats *from)
{
	to->articles_new += from->articles_new;
	to->articles_updated += from->articles_updated;
	to->translations += from->translations;
	to->paragraphs += from->paragraphs;
	to->comments += from->comments;
}

static int cache_alignment_insert(struct cache *, long long, const char *,
    const char *, const struct article_pair *, size_t, char **);
static int cache_run_alignment_delete(struct cache *, long long,
    const char *, const char *, char **);

/*
 * Get the article's alignment job ready: every translation is aligned
 * with the base one (the original, else the first).  A re-imported
 * article keeps a reader's manual alignment while it still fits; other
 * stored alignments of the pair go.  The reader composes other pairs of
 * languages from these when it needs them.
 */
static int
cache_align_prepare(struct cache *c, char **cause)
{
	struct cache_import	*im = &c->import;
	struct align_job	*j = im->job;
	struct article_pair	*p;
	const char		*la;
	size_t			 i, n;

	j->base = align_job_base(j, im->original);
	j->updated = im->pending.articles_updated;
	if (!j->updated || j->nsides < 2)	/* nothing to keep or drop */
		return 0;
	la = j->side[j->base].lang;
	for (i = 0; i < j->nsides; i++) {
		if (i == j->base)
			continue;
		if (cache_alignment_get(c, im->article, la, j->side[i].lang,
		    &p, &n, cause) != 0)
			return -1;
		j->side[i].skip = n > 0 && p[0].manual && align_pairs_valid(p,
		    n, j->side[j->base].n, j->side[i].n);
		free(p);
		if (!j->side[i].skip && cache_run_alignment_delete(c,
		    im->article, la, j->side[i].lang, cause) != 0)
			return -1;
	}
	return 0;
}

/*
 * Store the alignments of a job that has run.  A re-imported article's
 * automatic alignments go first: an earlier import of it in the same
 * batch may have stored some since its job was prepared, for languages
 * it may no longer have.
 */
static int
cache_align_store(struct cache *c, const struct align_job *j, char **cause)
{
	const struct align_job_side	*s;
	size_t				 i;

	if (j->updated && cache_run_id(c, SQL_ALIGNMENT_CLEAR_AUTO, j->id,
	    cause) != 0)
		return -1;
	for (i = 0; i < j->nsides; i++) {
		s = &j->side[i];
		if (i == j->base || s->skip)
			continue;
		if (s->rc != 0) {
			xasprintf(cause, "aligning '%s' with '%s' failed",
			    s->lang, j->side[j->base].lang);
			return -1;
		}
		if (cache_alignment_insert(c, j->id, j->side[j->base].lang,
		    s->lang, s->pairs, s->npairs, cause) != 0)
			return -1;
	}
	return 0;
}

/*
 * Store the alignments the worker has finished, oldest first: with all,
 * every job (before a commit); else those done, waiting only while more
 * than CACHE_ALIGN_HELD are held.  Called between articles, outside
 * their savepoints, so that a failed article takes none with it.  A
 * failure leaves the batch to be dropped.
 */
static int
cache_align_flush(struct cache *c, int all, char **cause)
{
	struct align_job	*j;
	int			 rc = 0, wait;

	if (c->aq == NULL)
		return 0;
	for (;;) {
		wait = all || align_queue_held(c->aq) > CACHE_ALIGN_HELD;
		if ((j = align_queue_pop(c->aq, wait)) == NULL)
			break;
		if (rc == 0)
			rc = cache_align_store(c, j, cause);
		align_job_free(j);
	}
	return rc;
}

/* Throw away the jobs of a lost batch. */
static void
cache_align_discard(struct cache *c)
{
	struct align_job	*j;

	while (c->aq != NULL && (j = align_queue_pop(c->aq, 1)) != NULL)
		align_job_free(j);
}

static int
cache_sink_end(void *arg, int ok, char **cause)
{
	struct cache		*c = arg;
	struct cache_import	*im = &c->import;

	if (!im->open) {
		*cause = xstrdup("article ends before it begins");
		return -1;
	}
	im->open = 0;
	if (!ok) {
		cache_import_forget(im);
		c->stats.rolled_back++;
		return cache_article_abort(c, cause);
	}
	if (cache_run_id(c, SQL_COMMENTS_DROP_STALE, im->article,
	    cause) != 0 || cache_align_prepare(c, cause) != 0 ||
	    cache_article_commit(c, cause) != 0) {
		cache_import_forget(im);
		c->stats.rolled_back++;
		cache_article_abort(c, cause);
		return -1;
	}
	cache_import_forget(im);
	return 0;
}

/* Commit the batch's transaction, if one is open. */
static int
cache_batch_commit(struct cache *c, char **cause)
{
	struct cache_batch	*b = &c->batch;

	if (!b->open)
		return 0;
	if (cache_align_flush(c, 1, cause) != 0) {
		cache_batch_drop(c, cause);
		return -1;
	}
	b->open = 0;
	if (cache_run(c, SQL_COMMIT, cause) != 0) {
		cache_batch_drop(c, cause);
		return -1;
	}
	cache_stats_add(&c->stats, &b->stats);
	return 0;
}

/*
 * Import many files as batches (on) or one transaction an article (off,
 * the default).  Turning it off commits what the batch holds; check the
 * result, as the articles since the last commit are stored only then.
 */
int
cache_batch(struct cache *c, int on, char **cause)
{
	int	rc;

	if (c->import.open) {
		*cause = xstrdup("batch changed inside an article");
		return -1;
	}
	rc = cache_batch_commit(c, cause);
	c->batch.on = on;
	return rc;
}

/* Fill in a sink that stores articles in this cache. */
void
cache_sink(struct cache *c, struct import_sink *sink)
{
	memset(sink, 0, sizeof *sink);
	sink->arg = c;
	sink->begin = cache_sink_begin;
	sink->translation = cache_sink_translation;
	sink->paragraph = cache_sink_paragraph;
	sink->comment = cache_sink_comment;
	sink->end = cache_sink_end;
}

const struct cache_import_stats *
cache_import_stats(const struct cache *c)
{
	return &c->stats;
}

/* "imported 1 article, 5 translations, 40 paragraphs" */
char *
cache_import_summary(const struct cache_import_stats *st)
{
	unsigned long	 n = st->articles_new + st->articles_updated;
	char		*s;

	xasprintf(&s, "imported %lu article%s, %lu translation%s,"
	    " %lu paragraph%s", n, n == 1 ? "" : "s", st->translations,
	    st->translations == 1 ? "" : "s", st->paragraphs,
	    st->paragraphs == 1 ? "" : "s");
	return s;
}

/*
 * Step s to its end, appending one elsize element per row to *vp that
 * fill sets from the row; then reset s.  On error the rows already read
 * stay in *vp and *np for the caller to free.
 */
static int
cache_rows(struct cache *c, sqlite3_stmt *s, size_t elsize,
    void (*fill)(sqlite3_stmt *, void *), void **vp, size_t *np,
    char **cause)
{
	char	*v = NULL;
	size_t	 size = 0;
	int	 rc;

	*np = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*np == size) {
			size = size == 0 ? 16 : size * 2;
			v = xreallocarray(v, size, elsize);
		}
		memset(v + *np * elsize, 0, elsize);
		fill(s, v + (*np)++ * elsize);
	}
	*vp = v;
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return cache_fail(c, cause, "reading rows");
	return 0;
}

int
cache_count(struct cache *c, long long *n, char **cause)
{
	sqlite3_stmt	*s;

	if ((s = cache_stmt(c, SQL_COUNT, cause)) == NULL)
		return -1;
	return cache_step_id(c, s, n, cause);
}

int
cache_counts(struct cache *c, struct cache_counts *n, char **cause)
{
	sqlite3_stmt	*s;
	int		 rc;

	memset(n, 0, sizeof *n);
	if ((s = cache_stmt(c, SQL_COUNTS, cause)) == NULL)
		return -1;
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		n->sources = sqlite3_column_int64(s, 0);
		n->articles = sqlite3_column_int64(s, 1);
		n->translations = sqlite3_column_int64(s, 2);
		n->paragraphs = sqlite3_column_int64(s, 3);
		n->comments = sqlite3_column_int64(s, 4);
		n->alignments = sqlite3_column_int64(s, 5);
		n->settings = sqlite3_column_int64(s, 6);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_ROW)
		return cache_fail(c, cause, "counting");
	return 0;
}

/* The preference list as " ko en ja ", which the list query searches. */
static char *
cache_pref_string(const char *const *pref, int primary)
{
	size_t	 i, k, n, len = 2;
	char	*s, *p;

	for (i = 0; pref != NULL && pref[i] != NULL; i++)
		len += strlen(pref[i]) + 1;
	p = s = xmalloc(len);
	*p++ = ' ';
	for (i = 0; pref != NULL && pref[i] != NULL; i++) {
		n = strlen(pref[i]);
		k = primary ? strcspn(pref[i], "-_") : n;
		for (len = 0; len < n; len++)
			*p++ = len < k ? (char)tolower((unsigned char)
			    pref[i][len]) : ' ';
		*p++ = ' ';
	}
	*p = '\0';
	return s;
}

static void
cache_list_row(sqlite3_stmt *s, void *row)
{
	struct article_summary	*a = row;

	a->id = sqlite3_column_int64(s, 0);
	a->imported_at = sqlite3_column_int64(s, 1);
	a->date = cache_column_text(s, 2);
	a->read = sqlite3_column_int(s, 3);
	a->source = cache_column_text(s, 4);
	if ((a->langs = cache_column_text(s, 5)) == NULL)
		a->langs = xstrdup("");
	if ((a->title = cache_column_text(s, 6)) == NULL)
		a->title = xstrdup("");
	a->title_lang = cache_column_text(s, 7);
}

/* Bind the language preference and limit of a list query, fetch rows. */
static int
cache_list_run(struct cache *c, sqlite3_stmt *s, const char *const *pref,
    size_t limit, struct article_summary **vp, size_t *np, char **cause)
{
	void	*v;
	char	*langs, *primary;
	int	 rc;

	langs = cache_pref_string(pref, 0);
	primary = cache_pref_string(pref, 1);
	sqlite3_bind_text(s, 3, langs, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 6, primary, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 4, limit > INT_MAX ? INT_MAX : (long long)limit);
	rc = cache_rows(c, s, sizeof **vp, cache_list_row, &v, np, cause);
	free(langs);
	free(primary);
	if (rc != 0) {
		article_summaries_free(v, *np);
		*np = 0;
		return -1;
	}
	*vp = v;
	return 0;
}

/*
 * One page of the article list, newest first: at most limit rows after
 * the cursor (NULL or zero for the first page).  Titles are in the first
 * language of pref (NULL-terminated, may be NULL) the article has, else
 * in its first translation.
 */
int
cache_list(struct cache *c, const char *const *pref,
    const struct cache_cursor *after, size_t limit,
    struct article_summary **vp, size_t *np, char **cause)
{
	sqlite3_stmt	*s;

	*vp = NULL;
	*np = 0;
	if ((s = cache_stmt(c, SQL_LIST, cause)) == NULL)
		return -1;
	if (after == NULL || (after->imported_at == 0 && after->id == 0)) {
		sqlite3_bind_int64(s, 1, LLONG_MAX);
		sqlite3_bind_int64(s, 2, LLONG_MAX);
	} else {
		sqlite3_bind_int64(s, 1, after->imported_at);
		sqlite3_bind_int64(s, 2, after->id);
	}
	return cache_list_run(c, s, pref, limit, vp, np, cause);
}

/*
 * The same page, but at a row number: for the reader's list, which jumps
 * (End, a search) where a cursor cannot follow.  Cheap enough: SQLite
 * steps through the list index without reading the rows it skips.
 */
int
cache_list_at(struct cache *c, const char *const *pref, size_t offset,
    size_t limit, struct article_summary **vp, size_t *np, char **cause)
{
	sqlite3_stmt	*s;

	*vp = NULL;
	*np = 0;
	if ((s = cache_stmt(c, SQL_LIST_AT, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 5, offset > INT_MAX ? INT_MAX : (long long)offset);
	return cache_list_run(c, s, pref, limit, vp, np, cause);
}

/* Is the cache empty?  O(1), unlike a count. */
int
cache_is_empty(struct cache *c, int *empty, char **cause)
{
	sqlite3_stmt	*s;
	int		 rc;

	if ((s = cache_stmt(c, SQL_ANY_ARTICLE, cause)) == NULL)
		return -1;
	if ((rc = sqlite3_step(s)) != SQLITE_ROW) {
		cache_fail(c, cause, "reading the article list");
		sqlite3_reset(s);
		return -1;
	}
	*empty = sqlite3_column_int(s, 0) == 0;
	sqlite3_reset(s);
	return 0;
}

/* Make the cursor continue the list after row last. */
void
cache_cursor_set(struct cache_cursor *cur, const struct article_summary *last)
{
	cur->imported_at = last->imported_at;
	cur->id = last->id;
}

static enum article_policy
cache_policy_value(const char *name)
{
	if (name == NULL)
		return ARTICLE_POLICY_UNKNOWN;
	if (strcmp(name, "open") == 0)
		return ARTICLE_POLICY_OPEN;
	if (strcmp(name, "login") == 0)
		return ARTICLE_POLICY_LOGIN;
	if (strcmp(name, "closed") == 0)
		return ARTICLE_POLICY_CLOSED;
	return ARTICLE_POLICY_UNKNOWN;
}

/* The article row itself; a missing id is an error. */
static int
cache_load_head(struct cache *c, long long id, struct article *a,
    char **cause)
{
	sqlite3_stmt	*s;
	int		 rc;

	if ((s = cache_stmt(c, SQL_ARTICLE_LOAD, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		a->id = id;
		a->source = cache_column_text(s, 0);
		a->key = cache_column_text(s, 1);
		a->url = cache_column_text(s, 2);
		a->date = cache_column_text(s, 3);
		a->author = cache_column_text(s, 4);
		a->original = cache_column_text(s, 5);
		a->policy = cache_policy_value((const char *)
		    sqlite3_column_text(s, 6));
		a->read = sqlite3_column_int(s, 7);
		a->imported_at = sqlite3_column_int64(s, 8);
		a->updated_at = sqlite3_column_int64(s, 9);
	}
	sqlite3_reset(s);
	if (rc == SQLITE_DONE) {
		xasprintf(cause, "no article %lld", id);
		return -1;
	}
	if (rc != SQLITE_ROW)
		return cache_fail(c, cause, "loading article");
	return 0;
}

static void
cache_paragraph_row(sqlite3_stmt *s, void *row)
{
	struct article_paragraph	*p = row;

	p->len = (size_t)sqlite3_column_bytes(s, 0);
	if ((p->text = cache_column_text(s, 0)) == NULL)
		p->text = xstrdup("");
}

static void
cache_translation_row(sqlite3_stmt *s, void *row)
{
	struct article_translation	*t = row;

	t->id = sqlite3_column_int64(s, 0);
	t->lang = cache_column_text(s, 1);
	t->title = cache_column_text(s, 2);
	t->title_derived = sqlite3_column_int(s, 3);
	t->lang_confidence = sqlite3_column_double(s, 4);
	t->url = cache_column_text(s, 5);
}

static int
cache_load_translations(struct cache *c, struct article *a, char **cause)
{
	struct article_translation	*t;
	sqlite3_stmt			*s;
	void				*v;
	size_t				 i;
	int				 rc;

	if ((s = cache_stmt(c, SQL_TRANSLATIONS_LOAD, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, a->id);
	rc = cache_rows(c, s, sizeof *t, cache_translation_row, &v,
	    &a->ntranslations, cause);
	a->translations = v;
	if (rc != 0)
		return -1;
	for (i = 0; i < a->ntranslations; i++) {
		t = &a->translations[i];
		if ((s = cache_stmt(c, SQL_PARAGRAPHS_LOAD, cause)) == NULL)
			return -1;
		sqlite3_bind_int64(s, 1, t->id);
		rc = cache_rows(c, s, sizeof *t->paragraphs,
		    cache_paragraph_row, &v, &t->nparagraphs, cause);
		t->paragraphs = v;
		if (rc != 0)
			return -1;
	}
	return 0;
}

/* One article with every translation and its paragraphs, in one snapshot. */
/* The article and its text, read in whatever transaction is open. */
static int
cache_article_read(struct cache *c, long long id, struct article **ap,
    char **cause)
{
	struct article	*a;

	*ap = NULL;
	a = xcalloc(1, sizeof *a);
	if (cache_load_head(c, id, a, cause) != 0 ||
	    cache_load_translations(c, a, cause) != 0) {
		article_free(a);
		return -1;
	}
	*ap = a;
	return 0;
}

int
cache_article_load(struct cache *c, long long id, struct article **ap,
    char **cause)
{
	int	rc;

	/* One read transaction, unless the caller (an import) has one. */
	if (!sqlite3_get_autocommit(c->db))
		return cache_article_read(c, id, ap, cause);
	if (cache_run(c, SQL_BEGIN_READ, cause) != 0)
		return -1;
	rc = cache_article_read(c, id, ap, cause);
	cache_rollback(c);
	return rc;
}

/* Remove an article and, by cascade, everything that hangs off it. */
int
cache_article_remove(struct cache *c, long long id, char **cause)
{
	if (cache_run_id(c, SQL_ARTICLE_REMOVE, id, cause) != 0)
		return -1;
	if (sqlite3_changes(c->db) == 0) {
		xasprintf(cause, "no article %lld", id);
		return -1;
	}
	return 0;
}

int
cache_article_set_read(struct cache *c, long long id, int flag,
    char **cause)
{
	sqlite3_stmt	*s;

	if ((s = cache_stmt(c, SQL_ARTICLE_SET_READ, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int(s, 2, flag != 0);
	if (cache_step_done(c, s, cause, "marking article") != 0)
		return -1;
	if (sqlite3_changes(c->db) == 0) {
		xasprintf(cause, "no article %lld", id);
		return -1;
	}
	return 0;
}

/*
 * A setting: global when article is 0, else that article's (removed with
 * it).  *value is NULL when the key is unset.
 */
int
cache_setting_get(struct cache *c, long long article, const char *key,
    char **value, char **cause)
{
	sqlite3_stmt	*s;
	int		 rc;

	*value = NULL;
	s = cache_stmt(c, article == 0 ? SQL_SETTING_GET : SQL_ASETTING_GET,
	    cause);
	if (s == NULL)
		return -1;
	cache_bind_text(s, 1, key);
	if (article != 0)
		sqlite3_bind_int64(s, 2, article);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		*value = cache_column_text(s, 0);
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return cache_fail(c, cause, "reading setting");
	return 0;
}

/* Set a setting; a NULL value removes it. */
int
cache_setting_set(struct cache *c, long long article, const char *key,
    const char *value, char **cause)
{
	sqlite3_stmt	*s;
	enum cache_sql	 sql;

	if (value == NULL)
		sql = article == 0 ? SQL_SETTING_DELETE : SQL_ASETTING_DELETE;
	else
		sql = article == 0 ? SQL_SETTING_SET : SQL_ASETTING_SET;
	if ((s = cache_stmt(c, sql, cause)) == NULL)
		return -1;
	cache_bind_text(s, 1, key);
	if (value != NULL)
		cache_bind_text(s, 2, value);
	if (article != 0)
		sqlite3_bind_int64(s, value != NULL ? 3 : 2, article);
	return cache_step_done(c, s, cause, "saving setting");
}

static const char *
cache_comment_state_name(enum article_comment_state state)
{
	switch (state) {
	case ARTICLE_COMMENT_DRAFT:
		return "draft";
	case ARTICLE_COMMENT_POSTED:
		return "posted";
	case ARTICLE_COMMENT_SOURCE:
		break;
	}
	return "source";
}

static enum article_comment_state
cache_comment_state_value(const char *name)
{
	if (name != NULL && strcmp(name, "draft") == 0)
		return ARTICLE_COMMENT_DRAFT;
	if (name != NULL && strcmp(name, "posted") == 0)
		return ARTICLE_COMMENT_POSTED;
	return ARTICLE_COMMENT_SOURCE;
}

static void
cache_comment_row(sqlite3_stmt *s, void *row)
{
	struct article_comment	*m = row;

	m->id = sqlite3_column_int64(s, 0);
	m->parent = sqlite3_column_int64(s, 1);
	m->author = cache_column_text(s, 2);
	if ((m->body = cache_column_text(s, 3)) == NULL)
		m->body = xstrdup("");
	m->lang = cache_column_text(s, 4);
	m->created = cache_column_text(s, 5);
	m->state = cache_comment_state_value((const char *)
	    sqlite3_column_text(s, 6));
}

/* An article's comments, flat in creation order, with parent ids. */
int
cache_comments_load(struct cache *c, long long article,
    struct article_comment **vp, size_t *np, char **cause)
{
	sqlite3_stmt	*s;
	void		*v;

	*vp = NULL;
	*np = 0;
	if ((s = cache_stmt(c, SQL_COMMENTS_LOAD, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, article);
	if (cache_rows(c, s, sizeof **vp, cache_comment_row, &v, np,
	    cause) != 0) {
		article_comments_free(v, *np);
		*np = 0;
		return -1;
	}
	*vp = v;
	return 0;
}

/* Add a comment written here (draft or posted); *id is its new id. */
int
cache_comment_add(struct cache *c, long long article,
    const struct article_comment *m, long long *id, char **cause)
{
	sqlite3_stmt	*s;

	if ((s = cache_stmt(c, SQL_COMMENT_INSERT, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, article);
	if (m->parent != 0)
		sqlite3_bind_int64(s, 2, m->parent);
	cache_bind_text(s, 3, m->author);
	cache_bind_text(s, 4, m->body);
	cache_bind_text(s, 5, m->lang);
	cache_bind_text(s, 6, m->created);
	cache_bind_text(s, 7, cache_comment_state_name(m->state));
	if (cache_step_done(c, s, cause, "adding comment") != 0)
		return -1;
	if (id != NULL)
		*id = sqlite3_last_insert_rowid(c->db);
	return 0;
}

static void
cache_pair_row(sqlite3_stmt *s, void *row)
{
	struct article_pair	*p = row;

	p->a_first = sqlite3_column_int(s, 0);
	p->a_count = sqlite3_column_int(s, 1);
	p->b_first = sqlite3_column_int(s, 2);
	p->b_count = sqlite3_column_int(s, 3);
	p->confidence = sqlite3_column_double(s, 4);
	p->manual = sqlite3_column_int(s, 5);
}

/* The stored alignment of one language pair, in order; may be empty. */
int
cache_alignment_get(struct cache *c, long long article, const char *lang_a,
    const char *lang_b, struct article_pair **vp, size_t *np, char **cause)
{
	sqlite3_stmt	*s;
	void		*v;

	*vp = NULL;
	*np = 0;
	if ((s = cache_stmt(c, SQL_ALIGNMENT_LOAD, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, article);
	cache_bind_text(s, 2, lang_a);
	cache_bind_text(s, 3, lang_b);
	if (cache_rows(c, s, sizeof **vp, cache_pair_row, &v, np,
	    cause) != 0) {
		free(v);
		*np = 0;
		return -1;
	}
	*vp = v;
	return 0;
}

static int
cache_alignment_insert(struct cache *c, long long article,
    const char *lang_a, const char *lang_b, const struct article_pair *v,
    size_t n, char **cause)
{
	sqlite3_stmt	*s;
	size_t		 i;

	for (i = 0; i < n; i++) {
		if ((s = cache_stmt(c, SQL_ALIGNMENT_INSERT, cause)) == NULL)
			return -1;
		sqlite3_bind_int64(s, 1, article);
		cache_bind_text(s, 2, lang_a);
		cache_bind_text(s, 3, lang_b);
		sqlite3_bind_int64(s, 4, (long long)i);
		sqlite3_bind_int(s, 5, v[i].a_first);
		sqlite3_bind_int(s, 6, v[i].a_count);
		sqlite3_bind_int(s, 7, v[i].b_first);
		sqlite3_bind_int(s, 8, v[i].b_count);
		sqlite3_bind_double(s, 9, v[i].confidence);
		sqlite3_bind_int(s, 10, v[i].manual != 0);
		if (cache_step_done(c, s, cause, "saving alignment") != 0)
			return -1;
	}
	return 0;
}

/* Drop the stored alignment of one language pair (no transaction). */
static int
cache_run_alignment_delete(struct cache *c, long long article,
    const char *lang_a, const char *lang_b, char **cause)
{
	sqlite3_stmt	*s;

	if ((s = cache_stmt(c, SQL_ALIGNMENT_DELETE, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, article);
	cache_bind_text(s, 2, lang_a);
	cache_bind_text(s, 3, lang_b);
	return cache_step_done(c, s, cause, "saving alignment");
}

/*
 * Why a write to comment id touched nothing: it does not exist, or it
 * came with the article (only one's own comments change).
 */
static int
cache_comment_refused(struct cache *c, long long id, char **cause)
{
	sqlite3_stmt	*s;
	int		 rc;

	if ((s = cache_stmt(c, SQL_COMMENT_STATE, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		xasprintf(cause, "comment %lld came with the article; only "
		    "your own comments can be changed", id);
	else if (rc == SQLITE_DONE)
		xasprintf(cause, "no comment %lld", id);
	else
		cache_fail(c, cause, "reading comment");
	sqlite3_reset(s);
	return -1;
}

/*
 * Save a draft: its body, time and state (still 'draft', or 'posted' when
 * sent).  1 if the row is no longer a draft: drafts belong to the cache,
 * so a second reader on it is offered the draft a first one is typing,
 * and either may send or discard it first.  Overwriting the sent comment
 * would lose it; the caller starts a new row instead.
 */
int
cache_comment_update(struct cache *c, long long id, const char *body,
    enum article_comment_state state, const char *created, char **cause)
{
	sqlite3_stmt	*s;

	if ((s = cache_stmt(c, SQL_COMMENT_UPDATE, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	cache_bind_text(s, 2, body);
	cache_bind_text(s, 3, cache_comment_state_name(state));
	cache_bind_text(s, 4, created);
	if (cache_step_done(c, s, cause, "saving comment") != 0)
		return -1;
	return sqlite3_changes(c->db) == 0;
}

/* Discard a draft; nothing if it was sent or discarded meanwhile. */
int
cache_comment_discard(struct cache *c, long long id, char **cause)
{
	return cache_run_id(c, SQL_DRAFT_DELETE, id, cause);
}

/* Remove one's own comment (draft or posted); replies lose their parent. */
int
cache_comment_remove(struct cache *c, long long id, char **cause)
{
	sqlite3_stmt	*s;

	if ((s = cache_stmt(c, SQL_COMMENT_DELETE, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	if (cache_step_done(c, s, cause, "removing comment") != 0)
		return -1;
	if (sqlite3_changes(c->db) == 0)
		return cache_comment_refused(c, id, cause);
	return 0;
}

/* Replace the stored alignment of one language pair, all or nothing. */
int
cache_alignment_put(struct cache *c, long long article, const char *lang_a,
    const char *lang_b, const struct article_pair *v, size_t n, char **cause)
{
	if (cache_run(c, SQL_BEGIN, cause) != 0)
		return -1;
	if (cache_run_alignment_delete(c, article, lang_a, lang_b,
	    cause) != 0 || cache_alignment_insert(c, article, lang_a, lang_b,
	    v, n, cause) != 0 || cache_run(c, SQL_COMMIT, cause) != 0)
		goto fail;
	return 0;
fail:
	cache_rollback(c);
	return -1;
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
			xasprintf(cause, "%s: %s", c->path,
			    sqlite3_column_text(s, 0));
	} else
		cache_fail(c, cause, "integrity check");
	sqlite3_finalize(s);
	return ok ? 0 : -1;
}

/*
 * The plan SQLite chooses for one of the reader's queries, a line per
 * step ("SEARCH a USING INDEX article_list (imported_at<?)"), so a test
 * can see that no query walks a whole table.
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
	};
	sqlite3_stmt	*s = NULL;
	char		*sql, *out, *line;
	int		 rc;

	*plan = NULL;
	xasprintf(&sql, "EXPLAIN QUERY PLAN %s", cache_sql[which[q]]);
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
