/*
 * cache.h: the local article cache, one SQLite file per user.
 *
 * Importers write into it through the struct import_sink that
 * cache_sink() fills in (one transaction, or savepoint in a batch, per
 * article: cache_batch()); the reader and
 * the CLI read it back as the plain structs of article.h.  Nothing here
 * exposes SQLite: only the cache's own files (src/cache*.c) see its
 * header, through their private src/cache-int.h.
 *
 * Every function that can fail returns 0, or -1 with *cause set to an
 * allocated one-line message for the caller to print and free; after a
 * failure cache_last_error() says what kind it was, so that the UI can
 * tell a read-only cache from a full disk or a busy one.  A cache
 * is used by one thread; several processes may share one file (WAL: one
 * imports while others read).
 */
#ifndef TANDEM_CACHE_H
#define TANDEM_CACHE_H

#include <stddef.h>

#include "article.h"
#include "import.h"

struct cache;

/* cache_open() flags. */
#define CACHE_READONLY	0x1	/* never write; the file must exist */
#define CACHE_CREATE	0x2	/* create the file (and its directory) */

/*
 * Where the list continues: the imported_at and id of the last row seen.
 * All zero means "from the top".  Fill it from the last row of a page with
 * cache_cursor_set().
 */
struct cache_cursor {
	long long	 imported_at;
	long long	 id;
};

/* The order of the article list. */
enum cache_sort {
	CACHE_SORT_IMPORTED = 0,	/* newest import first (the default) */
	CACHE_SORT_DATE,		/* the article's date, newest first */
	CACHE_SORT_TITLE,		/* the listed title, A to Z */
};

/*
 * Which articles the list shows and in what order; all zero is every
 * article, newest import first.  has names languages (NULL-terminated,
 * lower case, or NULL) that every article shown must have: "ko" also
 * matches a ko-KR translation; feed and tag narrow it to one
 * subscription's articles (cache-feed.h).  The strings are the caller's.
 */
struct cache_filter {
	int			 unread;	/* only unread articles */
	int			 starred;	/* only starred ones */
	const char *const	*has;
	enum cache_sort		 sort;
	long long		 feed;		/* only this feed's (0: all) */
	const char		*tag;		/* only those of the feeds
						   tagged so (NULL: all) */
};

/* The reading state of the whole cache, from counters (O(1)). */
struct cache_state {
	long long	 articles;
	long long	 unread;
	long long	 starred;
	long long	 max_id;	/* the largest id, 0 if none */
};

/* What imports through this cache's sink have done since it was opened. */
struct cache_import_stats {
	unsigned long	 articles_new;
	unsigned long	 articles_updated;
	unsigned long	 translations;
	unsigned long	 paragraphs;
	unsigned long	 comments;
	unsigned long	 rolled_back;	/* articles thrown away (ok = 0) */
};

/* Row counts, for tests and a future "tandem check". */
struct cache_counts {
	long long	 sources;
	long long	 articles;
	long long	 translations;
	long long	 paragraphs;
	long long	 comments;
	long long	 alignments;
	long long	 settings;
};

/*
 * The kind of the last failure on a cache, from SQLite's result code
 * (CACHE_OK before any); cache_error_string() gives a status line.
 */
enum cache_error {
	CACHE_OK,
	CACHE_ERR_READONLY,	/* the file or its directory is read-only */
	CACHE_ERR_FULL,		/* the disk (or a file size limit) is full */
	CACHE_ERR_BUSY,		/* another process held the lock too long */
	CACHE_ERR_CORRUPT,	/* the file is damaged or not a database */
	CACHE_ERR_OTHER,
};

/* Which query cache_explain() shows the plan of. */
enum cache_query {
	CACHE_QUERY_LIST,		/* a page of the article list */
	CACHE_QUERY_ARTICLE,		/* one article's translations */
	CACHE_QUERY_PARAGRAPHS,		/* one translation's paragraphs */
	CACHE_QUERY_PARAGRAPH_SIZES,	/* ... their lengths alone */
	CACHE_QUERY_PARAGRAPH_RANGE,	/* ... a range of their text */
	CACHE_QUERY_COMMENTS,		/* one article's comments */
	CACHE_QUERY_ALIGNMENT,		/* one language pair's alignment */
	CACHE_QUERY_BY_URL,		/* the import's article by URL */
	CACHE_QUERY_FILTERED,		/* a filtered page (the filter given) */
	CACHE_QUERY_FILTERED_COUNT,	/* its count */
	CACHE_QUERY_SEARCH,		/* the library search */
};

char	*cache_default_path(char **);
int	 cache_open(const char *, int, struct cache **, char **);
void	 cache_close(struct cache *);
const char *cache_path(const struct cache *);
int	 cache_version(void);
const char *cache_migration_sql(int);
enum cache_error cache_last_error(const struct cache *);
const char *cache_error_string(enum cache_error);

void	 cache_sink(struct cache *, struct import_sink *);
int	 cache_batch(struct cache *, int, char **);
unsigned long cache_batch_lost(struct cache *, char **);
unsigned long cache_batch_state(const struct cache *, int *);
int	 cache_readonly(const struct cache *);
void	 cache_error_reset(struct cache *);
const struct cache_import_stats *cache_import_stats(const struct cache *);
char	*cache_import_summary(const struct cache_import_stats *);

int	 cache_count(struct cache *, long long *, char **);
int	 cache_is_empty(struct cache *, int *, char **);
int	 cache_counts(struct cache *, struct cache_counts *, char **);
int	 cache_list(struct cache *, const char *const *,
	     const struct cache_cursor *, size_t, struct article_summary **,
	     size_t *, char **);
int	 cache_list_at(struct cache *, const char *const *, size_t, size_t,
	     struct article_summary **, size_t *, char **);
void	 cache_cursor_set(struct cache_cursor *,
	     const struct article_summary *);
int	 cache_article_load(struct cache *, long long, struct article **,
	     char **);
/* The same without the text, read later by article_text_need(). */
int	 cache_article_open(struct cache *, long long, struct article **,
	     char **);
/* The article a URL is of (its own or a translation's), or *id 0. */
int	 cache_article_by_url(struct cache *, const char *, long long *,
	     char **);
int	 cache_article_remove(struct cache *, long long, char **);
int	 cache_article_set_read(struct cache *, long long, int, char **);
int	 cache_article_set_starred(struct cache *, long long, int, char **);

/* cache-list.c: the list as a filter shows it (see struct cache_filter). */
int	 cache_filter_empty(const struct cache_filter *);
int	 cache_state(struct cache *, struct cache_state *, char **);
int	 cache_list_query(struct cache *, const struct cache_filter *,
	     const char *const *, size_t, size_t, struct article_summary **,
	     size_t *, char **);
int	 cache_list_count(struct cache *, const struct cache_filter *,
	     long long *, char **);
int	 cache_list_ids(struct cache *, const struct cache_filter *,
	     const char *const *, long long **, size_t *, char **);
int	 cache_list_by_ids(struct cache *, const char *const *,
	     const long long *, size_t, struct article_summary **, size_t *,
	     char **);
/* Call fn for every row in order; its non-zero return stops the walk. */
int	 cache_list_each(struct cache *, const struct cache_filter *,
	     const char *const *, int (*)(const struct article_summary *,
	     void *), void *, char **);
/* The row of the next unread article after row from (dir 1 or -1). */
int	 cache_list_find_unread(struct cache *, const struct cache_filter *,
	     const char *const *, size_t, int, size_t *, int *, char **);
int	 cache_list_mark_read(struct cache *, const struct cache_filter *,
	     long long *, char **);
int	 cache_explain_list(struct cache *, const struct cache_filter *,
	     enum cache_query, char **, char **);

int	 cache_setting_get(struct cache *, long long, const char *, char **,
	     char **);
int	 cache_setting_set(struct cache *, long long, const char *,
	     const char *, char **);

int	 cache_comments_load(struct cache *, long long,
	     struct article_comment **, size_t *, char **);
int	 cache_comment_add(struct cache *, long long,
	     const struct article_comment *, long long *, char **);

int	 cache_comment_update(struct cache *, long long, const char *,
	     enum article_comment_state, const char *, char **);
/* How long the comment editor's saves wait for another's write lock. */
#define CACHE_DRAFT_WAIT_MS	50
#define CACHE_SEND_WAIT_MS	1000
int	 cache_comment_save(struct cache *, long long,
	     const struct article_comment *, long long *, int, char **);
int	 cache_comment_remove(struct cache *, long long, const char *,
	     char **);

/* With a site (cache-remote.c; see there and site-wp.h). */
int	 cache_comments_pending(struct cache *, struct article_comment **,
	     size_t *, char **);
int	 cache_remote_sync(struct cache *, long long, const char *,
	     const char *, struct article_comment *, size_t, char **);
int	 cache_comment_sent(struct cache *, long long, const char *,
	     const struct article_comment *, char **);
int	 cache_comment_pending(struct cache *, long long, int, const char *,
	     char **);
int	 cache_comment_discard(struct cache *, long long, char **);
int	 cache_alignment_get(struct cache *, long long, const char *,
	     const char *, struct article_pair **, size_t *, char **);
int	 cache_alignment_put(struct cache *, long long, const char *,
	     const char *, const struct article_pair *, size_t, char **);

/*
 * The library search (cache-search.c).  Snippets mark each match with
 * CACHE_MARK_ON ... CACHE_MARK_OFF (control bytes: the caller sanitises
 * the text between them and draws the marks its own way).
 */
#define CACHE_MARK_ON	"\001"
#define CACHE_MARK_OFF	"\002"
struct cache_search_opts {
	const char	*lang;		/* a translation in it, or NULL */
	int		 unread;	/* unread articles only */
	const char	*since;		/* dated on or after YYYY-MM-DD */
	size_t		 limit;		/* at most; 0 is 20 */
	int		 snippets;	/* fill snippet */
	int		 snippet_tokens; /* its length in tokens; 0 is 16 */
	long long	 feed;		/* from this feed (cache-feed.h), or 0 */
	const char	*tag;		/* from a feed with this tag, or NULL */
};
struct cache_search_hit {
	long long	 id;		/* the article */
	char		*langs;		/* matching languages, best first */
	long long	 translation;	/* the best-matching one */
	char		*lang;		/* ... its language */
	char		*title;		/* ... and title */
	long long	 best;		/* its best paragraph; 0: the title */
	char		*snippet;	/* or NULL */
	long long	 paragraph;	/* its first match; -1: the title */
	double		 score;		/* bm25: lower is better */
	char		*date;		/* or NULL */
	int		 read;
};
int	 cache_search(struct cache *, const char *,
	     const struct cache_search_opts *, struct cache_search_hit **,
	     size_t *, char **);
void	 cache_search_free(struct cache_search_hit *, size_t);
long long cache_search_unindexed(const struct cache *);
int	 cache_search_left(struct cache *, long long *, char **);
int	 cache_search_step(struct cache *, long long, int, long long *,
	     char **);
int	 cache_search_index(struct cache *,
	     void (*)(void *, long long, long long), void *, char **);

int	 cache_integrity_check(struct cache *, char **);
int	 cache_explain(struct cache *, enum cache_query, char **, char **);

#endif
