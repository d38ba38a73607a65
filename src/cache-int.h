/*
 * cache-int.h: what the cache*.c files share and nobody else sees.
 *
 * The one header that includes <sqlite3.h>, and only src/cache*.c
 * include it; everything outside the cache goes through cache.h, which
 * stays free of SQLite.  It holds struct cache, the table of every
 * statement the cache runs (prepared once per connection, on first use)
 * and the helpers that step them:
 *
 *   cache.c          open, schema and migrations, close, diagnostics
 *   cache-stmt.c     the statement table, stepping helpers, errors
 *   cache-sink.c     the import sink, batches, the alignment thread
 *   cache-read.c     the reader's queries: list, article, settings
 *   cache-list.c     the list filtered and sorted, reading state
 *   cache-comment.c  comments and stored alignments
 *   cache-feed.c     subscriptions: feeds, their state, entries seen
 *   cache-search.c   the full-text index's tokenizer, the library search
 *
 * Helpers that fail fill *cause and return -1, recording in struct cache
 * what kind of failure it was for cache_last_error().
 */
#ifndef TANDEM_CACHE_INT_H
#define TANDEM_CACHE_INT_H

#include <stddef.h>

#include <sqlite3.h>

#include "cache.h"

struct align_job;
struct align_queue;

/* Every statement tandem runs, prepared on first use (cache-stmt.c). */
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
	SQL_ARTICLE_BY_URL,
	SQL_ARTICLE_INSERT,
	SQL_ARTICLE_UPDATE,
	SQL_TRANSLATIONS_CLEAR,
	SQL_ALIGNMENT_CLEAR_AUTO,
	SQL_COMMENTS_STALE,
	SQL_ARTICLE_ADOPT,
	SQL_TRANSLATIONS_MOVE,
	SQL_SOURCE_DROP_EMPTY,
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
	SQL_PARAGRAPH_SIZES,
	SQL_PARAGRAPH_RANGE,
	SQL_PACK_LOAD,
	SQL_PACK_STORE,
	SQL_PACK_TRANSLATIONS,
	SQL_ARTICLE_REMOVE,
	SQL_ARTICLE_SET_READ,
	SQL_ARTICLE_SET_STARRED,
	SQL_STATE_COUNTS,
	SQL_SETTING_GET,
	SQL_SETTING_SET,
	SQL_SETTING_DELETE,
	SQL_ASETTING_GET,
	SQL_ASETTING_SET,
	SQL_ASETTING_DELETE,
	SQL_COMMENTS_LOAD,
	SQL_REMOTE_FIND,
	SQL_REMOTE_UPDATE,
	SQL_REMOTE_INSERT,
	SQL_REMOTE_IDS,
	SQL_REMOTE_DELETE,
	SQL_REMOTE_SENT,
	SQL_REMOTE_PENDING,
	SQL_PENDING_LOAD,
	SQL_ACCOUNT_PUT,
	SQL_ACCOUNT_GET,
	SQL_ACCOUNT_LIST,
	SQL_ACCOUNT_DELETE,
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
	SQL_SEARCH,
	SQL_SEARCH_TRANSLATION,
	SQL_SEARCH_SNIPPET,
	SQL_SEARCH_TITLE_SNIPPET,
	SQL_SEARCH_UNINDEX_TEXT,
	SQL_SEARCH_UNINDEX_TITLE,
	SQL_SEARCH_FLUSH_TEXT,
	SQL_SEARCH_FLUSH_TITLE,
	SQL_SEARCH_CLEAR_TEXT,
	SQL_SEARCH_CLEAR_TITLE,
	SQL_SEARCH_LEFT,
	SQL__N
};

extern const char *const cache_sql[SQL__N];

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

/*
 * The two list queries, by cursor and at a row number, return the same
 * columns (cache_list_row() in cache-read.c reads them in this order)
 * and pick each article's title the same way: from the translation that
 * ranks first, as above.
 */
/*
 * The feed an article came from (its first), as the list shows it: its
 * title, else its first tag, else its URL; one probe of feed_entry_article
 * per row shown.
 */
#define CACHE_LIST_FEED \
	" (SELECT coalesce(f.title, (SELECT min(tag) FROM feed_tag" \
	"  WHERE feed_id = f.id), f.url) FROM feed_entry e" \
	"  JOIN feed f ON f.id = e.feed_id WHERE e.article_id = a.id" \
	"  ORDER BY e.feed_id LIMIT 1)"
#define CACHE_LIST_COLUMNS \
	"a.id, a.imported_at, a.date, a.read, s.location," \
	" (SELECT group_concat(lang, ' ') FROM (SELECT lang" \
	"  FROM translation WHERE article_id = a.id ORDER BY position))," \
	" t.title, t.lang, a.starred," CACHE_LIST_FEED
#define CACHE_LIST_TITLE \
	" LEFT JOIN translation t ON t.id = (SELECT p.id" \
	"  FROM translation p WHERE p.article_id = a.id" \
	"  ORDER BY " CACHE_LANG_RANK ", p.position LIMIT 1)"

/*
 * How long a statement waits for another process's lock (cache.c sets it
 * on open; cache_comment_save() shortens it for one save and restores it).
 */
#define CACHE_BUSY_MS	5000

/* Where the import sink is between begin and end. */
struct cache_import {
	int		 open;		/* between begin and end */
	long long	 article;
	long long	 source;	/* of a new article, for adoption */
	long long	 translation;	/* current; 0 before the first */
	long long	 position;	/* of the next translation */
	long long	 paragraph;	/* index of the next paragraph */
	int		 commenting;	/* a comment came: no more text */
	struct cache_import_stats pending; /* this article's, until commit */
	char		*original;	/* its original language, or NULL */
	char		*url;		/* its URL, normalised, or NULL */
	struct align_job *job;		/* its text so far, for the aligner */
};

/* A batch of articles in one transaction (cache_batch(), cache-sink.c). */
struct cache_batch {
	int			 on;
	int			 hold;		/* no commit until cache_batch()
						   (a feed's update) */
	int			 open;		/* its transaction is open */
	unsigned long		 articles;	/* in it so far */
	double			 started;	/* ms, monotonic */
	struct cache_import_stats stats;	/* its articles', until commit */
	unsigned long		 commits;	/* since the cache was opened */
	unsigned long		 lost;		/* dropped, not yet asked for */
	char			*lost_cause;	/* why, or NULL */
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
	enum cache_error	 error;		/* of the last failure */
	sqlite3_stmt		**feed_stmt;	/* cache-feed.c's, or NULL */
	long long		 search_left;	/* unindexed at the last search */
};

/* cache-pack.c */
int		 cache_pack_load(struct cache *, struct article_translation *,
		     int *, char **);
int		 cache_pack_article(struct cache *, long long, char **);
void		 cache_pack_later(struct cache *, long long);

/* cache-stmt.c */
int		 cache_fail(struct cache *, char **, const char *);
int		 cache_failx(struct cache *, enum cache_error, char **,
		     const char *, ...) __attribute__((format(printf, 4, 5)));
sqlite3_stmt	*cache_stmt(struct cache *, enum cache_sql, char **);
void		 cache_stmt_free(struct cache *);
char		*cache_column_text(sqlite3_stmt *, int);
int		 cache_step_done(struct cache *, sqlite3_stmt *, char **,
		     const char *);
int		 cache_step_id(struct cache *, sqlite3_stmt *, long long *,
		     char **);
int		 cache_run(struct cache *, enum cache_sql, char **);
int		 cache_run_id(struct cache *, enum cache_sql, long long, char **,
		     const char *);
int		 cache_rows(struct cache *, sqlite3_stmt *, size_t,
		     void (*)(sqlite3_stmt *, void *),
		     void (*)(void *, size_t), void **, size_t *, char **);
int		 cache_rows_id(struct cache *, enum cache_sql, long long,
		     size_t, void (*)(sqlite3_stmt *, void *),
		     void (*)(void *, size_t), void **, size_t *, char **);
void		 cache_rollback(struct cache *);
long long	 cache_now(void);

/* Bind a string that may be NULL; inline, as every import row binds some. */
static inline int
cache_bind_text(sqlite3_stmt *s, int i, const char *text)
{
	if (text == NULL)
		return sqlite3_bind_null(s, i);
	return sqlite3_bind_text(s, i, text, -1, SQLITE_STATIC);
}

/* cache.c */
int		 cache_plan(struct cache *, const char *, char **, char **);

/* cache-read.c: the list's rows, shared with cache-list.c. */
char		*cache_pref_string(const char *const *, int);
void		 cache_list_row(sqlite3_stmt *, void *);
void		 cache_list_free(void *, size_t);
int		 cache_list_run(struct cache *, sqlite3_stmt *,
		     const char *const *, size_t, struct article_summary **,
		     size_t *, char **);

/* cache-search.c */
int		 cache_search_register(struct cache *, char **);
int		 cache_rank_register(fts5_api *);	/* cache-rank.c */

/* cache-sink.c */
void		 cache_sink_close(struct cache *);
int		 cache_batch_hold(struct cache *, char **);
void		 cache_batch_abandon(struct cache *);

/* cache-feed.c */
void		 cache_feed_close(struct cache *);

/* cache-comment.c: stored alignments, also written by the sink. */
int		 cache_alignment_insert(struct cache *, long long, const char *,
		     const char *, const struct article_pair *, size_t, char **);
int		 cache_alignment_delete(struct cache *, long long, const char *,
		     const char *, char **);

#endif
