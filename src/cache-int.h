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
 *   cache-comment.c  comments and stored alignments
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
	SQL__N
};

extern const char *const cache_sql[SQL__N];

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
};

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

/* cache-search.c */
int		 cache_search_register(struct cache *, char **);
int		 cache_search_flush(struct cache *, char **);

/* cache-sink.c */
void		 cache_sink_close(struct cache *);

/* cache-comment.c: stored alignments, also written by the sink. */
int		 cache_alignment_insert(struct cache *, long long, const char *,
		     const char *, const struct article_pair *, size_t, char **);
int		 cache_alignment_delete(struct cache *, long long, const char *,
		     const char *, char **);

#endif
