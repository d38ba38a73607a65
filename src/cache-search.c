/*
 * cache-search.c: the library's full-text index, and searching it.
 *
 * Two FTS5 tables index what the cache stores, as external content so
 * the text is not kept twice: search_text over paragraph.text (rowid =
 * paragraph.id) and search_title over translation.title (rowid =
 * translation.id).  Triggers on those tables (migration 4 in cache.c)
 * keep them in step on every insert, update and delete, cascades of a
 * re-import or a removal included.
 *
 * The triggers only queue a row (search_queue_text, search_queue_title)
 * and nothing indexes it on the import's path: cache_search_step()
 * indexes the queue's oldest rows in a transaction of its own, and a
 * search (cache_search_ready()), `tandem index` and the reader between
 * keys call it until the queue is empty.  A writer without our
 * tokenizer (the sqlite3 shell, a script) can change the tables: its
 * changes wait in the queue too.
 *
 * Why not index in the import, as the sink once did before each commit:
 * it cost the import 60 % more CPU, against the 20 %.  Measured on
 * the generator's 1,000 articles (28,000 paragraphs, 15 MB of text),
 * FTS5's own insert (its hash of tokens and positions, segment writes
 * and merges) is most of it and our tokenizer a fifth (callgrind:
 * 2.8 G instructions of 5.8 G at 300 articles were the flush); tried
 * without a gain beyond the noise: a 32 or 64 MB 'hashsize', 'automerge'
 * 0, 4 or 16 with 'crisismerge' 64, 'pgsz' 16000, a 64 MB page cache.
 * Not tried: detail=column or none, since a CJK query is a phrase of
 * bigrams and FTS5 answers phrases and NEAR only with detail=full.
 * FTS5's cost follows the number of tokens, one a character in Han,
 * kana and Hangul.  Now the queue's triggers cost the import about 1 %
 * of CPU, and the indexing is paid once, later: `make bench-search`
 * prints both.
 *
 * The tokenizer is ours, "tandem", registered on every connection before
 * the schema is touched: utf8_tokenize() (utf8-fold.c) folds words of
 * alphabetic scripts and cuts Han, kana and Hangul into overlapping
 * bigrams.  Measured by tests/bench/search-bench.py on the generator's
 * ko/en/ja/zh/fr articles (1,000 articles, 45 MB of cache; SQLite 3.40),
 * FTS5's own tokenizers built contentless over the same paragraphs:
 *
 *   tokenizer        index, share of the cache   build     finds
 *   unicode61         4.5 MB  10 %                0.5 s    no word inside
 *                                                          a CJK run
 *   trigram          36.1 MB  80 %                1.8 s    no accent
 *                                                          folding in 3.40,
 *                                                          nothing under 3
 *                                                          characters
 *   tandem (ours)    12.4 MB  28 %                in the   all of
 *                                                 import   test-fold's table
 *
 * unicode61 takes a Chinese or Japanese sentence for one token and a
 * Korean noun with its particle for another; trigram finds those but
 * makes a token of every character, cannot fold accents before 3.45 and
 * needs three characters in a query (a Han word is often one or two).
 * Bigrams with our fold find all of it at a third of trigram's size.
 *
 * A search ranks paragraphs and titles by bm25 (tandem_rank() of
 * cache-rank.c, which estimates a common phrase's document count
 * instead of counting it; a title hit counts double), keeps each
 * translation's best and each article's best translation, with its best
 * and first matching paragraphs; a snippet is made only for the rows
 * returned, by rowid.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cache-int.h"
#include "search.h"
#include "utf8-fold.h"
#include "xmalloc.h"

/*
 * How many of the newest matching paragraphs (and as many titles) are
 * ranked: bm25 for every match of a word that nearly every article has
 * costs time in proportion to the library (300 ms at 10,000 articles),
 * so such a query is ranked among its newest 1,000 matches, and any
 * rarer one exactly.  Filters apply before the cut.
 */
#define CACHE_SEARCH_RANKED	1000

/*
 * How many queued rows of each table one step of the indexing takes,
 * in a transaction of its own: about a tenth of a second of CPU for
 * the generator's paragraphs, and few enough segments for FTS5's
 * automerge to keep a search's reads short.
 */
#define CACHE_SEARCH_STEP	2000

struct cache_fts_call {
	void	*ctx;
	int	(*token)(void *, int, const char *, int, int, int);
	int	 rc;
};

static int
cache_fts_token(void *arg, const char *tok, size_t len, size_t start,
    size_t end)
{
	struct cache_fts_call	*call = arg;

	call->rc = call->token(call->ctx, 0, tok, (int)len, (int)start,
	    (int)end);
	return call->rc != SQLITE_OK;
}

static int
cache_fts_tokenize(Fts5Tokenizer *t, void *ctx, int flags, const char *text,
    int len, int (*token)(void *, int, const char *, int, int, int))
{
	struct cache_fts_call	call = { ctx, token, SQLITE_OK };

	(void)t;
	if (len <= 0)
		return SQLITE_OK;
	utf8_tokenize(text, (size_t)len, (flags & FTS5_TOKENIZE_QUERY) != 0,
	    cache_fts_token, &call);
	return call.rc;
}

static int
cache_fts_create(void *ctx, const char **argv, int argc, Fts5Tokenizer **tp)
{
	static int	one;

	(void)ctx;
	(void)argv;
	if (argc != 0)
		return SQLITE_ERROR;
	*tp = (Fts5Tokenizer *)&one;	/* no state: any non-NULL pointer */
	return SQLITE_OK;
}

static void
cache_fts_delete(Fts5Tokenizer *t)
{
	(void)t;
}

/* Register the "tandem" tokenizer and tandem_rank() on c's connection. */
int
cache_search_register(struct cache *c, char **cause)
{
	static fts5_tokenizer	 tok = {
		cache_fts_create, cache_fts_delete, cache_fts_tokenize
	};
	sqlite3_stmt		*s = NULL;
	fts5_api		*api = NULL;
	int			 rc;

	rc = sqlite3_prepare_v2(c->db, "SELECT fts5(?1)", -1, &s, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_pointer(s, 1, &api, "fts5_api_ptr", NULL);
		sqlite3_step(s);
	}
	sqlite3_finalize(s);
	if (api == NULL || api->iVersion < 2) {
		xasprintf(cause, "%s: this SQLite has no FTS5", c->path);
		return -1;
	}
	if (api->xCreateTokenizer(api, "tandem", NULL, &tok, NULL) !=
	    SQLITE_OK || cache_rank_register(api) != SQLITE_OK) {
		xasprintf(cause, "%s: %s", c->path, sqlite3_errmsg(c->db));
		return -1;
	}
	return 0;
}

/*
 * Index up to rows of what the triggers queued, of each table, in a
 * transaction of its own; *done says how many rows it took.  Inside a
 * transaction a caller holds open (a feed's update) it does nothing:
 * the step would commit that caller's work.  Without wait, a lock held
 * by another process fails at once (busy) instead of after the busy
 * timeout: the reader indexes between keys and must not stall.
 */
int
cache_search_step(struct cache *c, long long rows, int wait,
    long long *done, char **cause)
{
	static const enum cache_sql	 step[] = {
		SQL_SEARCH_UNINDEX_TEXT, SQL_SEARCH_UNINDEX_TITLE,
		SQL_SEARCH_FLUSH_TEXT, SQL_SEARCH_FLUSH_TITLE
	};
	size_t				 i;
	long long			 n = 0;
	int				 rc;

	*done = 0;
	if (!sqlite3_get_autocommit(c->db))
		return 0;
	if (!wait)
		sqlite3_busy_timeout(c->db, 0);
	rc = cache_run(c, SQL_BEGIN, cause);
	if (!wait)
		sqlite3_busy_timeout(c->db, CACHE_BUSY_MS);
	if (rc != 0)
		return -1;
	for (i = 0; i < sizeof step / sizeof step[0]; i++)
		if (cache_run_id(c, step[i], rows, cause, "indexing") != 0)
			goto fail;
	if (cache_run_id(c, SQL_SEARCH_CLEAR_TEXT, rows, cause,
	    "indexing") != 0)
		goto fail;
	n = sqlite3_changes(c->db);
	if (cache_run_id(c, SQL_SEARCH_CLEAR_TITLE, rows, cause,
	    "indexing") != 0)
		goto fail;
	n += sqlite3_changes(c->db);
	if (cache_run(c, SQL_COMMIT, cause) != 0)
		goto fail;
	*done = n;
	return 0;
fail:
	cache_rollback(c);
	return -1;
}

/* How many rows (paragraphs and titles) wait for the index. */
int
cache_search_left(struct cache *c, long long *left, char **cause)
{
	sqlite3_stmt	*s;

	if ((s = cache_stmt(c, SQL_SEARCH_LEFT, cause)) == NULL)
		return -1;
	return cache_step_id(c, s, left, cause);
}

/*
 * Bring the index up to date, a step at a time; progress (or NULL) is
 * told after each step how many rows are done and how many were left
 * at the start.
 */
int
cache_search_index(struct cache *c,
    void (*progress)(void *, long long, long long), void *arg, char **cause)
{
	long long	left, done, all = 0;

	if (cache_search_left(c, &left, cause) != 0)
		return -1;
	while (all < left) {
		if (cache_search_step(c, CACHE_SEARCH_STEP, 1, &done, cause) != 0)
			return -1;
		if (done == 0)
			break;
		all += done;
		if (progress != NULL)
			progress(arg, all, left);
	}
	return 0;
}

/*
 * Before a search: index what waits, so that the search sees every
 * article.  A cache we may not write (read-only, or another process
 * holds the lock past the busy timeout) is searched as it is indexed,
 * and cache_search_unindexed() says how much it left out.
 */
static int
cache_search_ready(struct cache *c, char **cause)
{
	char	*why = NULL;

	c->search_left = 0;
	if (!cache_readonly(c) && cache_search_index(c, NULL, NULL, &why) ==
	    0)
		return 0;
	if (why != NULL && c->error != CACHE_ERR_BUSY &&
	    c->error != CACHE_ERR_READONLY) {
		*cause = why;
		return -1;
	}
	free(why);
	return cache_search_left(c, &c->search_left, cause);
}

/* How many rows the last search left out, unindexed; 0 normally. */
long long
cache_search_unindexed(const struct cache *c)
{
	return c->search_left;
}

void
cache_search_free(struct cache_search_hit *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(v[i].langs);
		free(v[i].lang);
		free(v[i].title);
		free(v[i].snippet);
		free(v[i].date);
	}
	free(v);
}

static void
cache_search_row(sqlite3_stmt *s, void *vp)
{
	struct cache_search_hit	*h = vp;

	h->id = sqlite3_column_int64(s, 0);
	h->score = sqlite3_column_double(s, 1);
	h->langs = cache_column_text(s, 2);
	h->translation = sqlite3_column_int64(s, 3);
	h->best = sqlite3_column_type(s, 4) == SQLITE_NULL ? 0 :
	    sqlite3_column_int64(s, 4);
	h->paragraph = sqlite3_column_type(s, 5) == SQLITE_NULL ? -1 :
	    sqlite3_column_int64(s, 5);
	h->date = cache_column_text(s, 6);
	h->read = sqlite3_column_int(s, 7);
}

/* The language and title of hit h's best translation; a snippet. */
static int
cache_search_detail(struct cache *c, const char *match,
    const struct cache_search_opts *o, struct cache_search_hit *h,
    char **cause)
{
	sqlite3_stmt	*s;
	int		 rc;

	if ((s = cache_stmt(c, SQL_SEARCH_TRANSLATION, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, h->translation);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		h->lang = cache_column_text(s, 0);
		h->title = cache_column_text(s, 1);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return cache_fail(c, cause, "search");
	if (!o->snippets)
		return 0;
	s = cache_stmt(c, h->best != 0 ? SQL_SEARCH_SNIPPET :
	    SQL_SEARCH_TITLE_SNIPPET, cause);
	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, match, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, h->best != 0 ? h->best : h->translation);
	sqlite3_bind_int(s, 3, o->snippet_tokens > 0 ? o->snippet_tokens : 16);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		h->snippet = cache_column_text(s, 0);
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return cache_fail(c, cause, "search");
	return 0;
}

/*
 * The articles that match the reader's query q, best first, at most
 * o->limit of them (0: 20).  A query search_query() refuses, or one
 * the index cannot read, fails with a line of our own in *cause.
 */
int
cache_search(struct cache *c, const char *q,
    const struct cache_search_opts *o, struct cache_search_hit **hp,
    size_t *np, char **cause)
{
	sqlite3_stmt	*s;
	char		*match, *why = NULL;
	size_t		 i;
	int		 rc;

	*hp = NULL;
	*np = 0;
	if ((match = search_query(q, cause)) == NULL)
		return -1;
	if (cache_search_ready(c, cause) != 0 ||
	    (s = cache_stmt(c, SQL_SEARCH, cause)) == NULL) {
		free(match);
		return -1;
	}
	sqlite3_bind_text(s, 1, match, -1, SQLITE_STATIC);
	cache_bind_text(s, 2, o->lang);
	sqlite3_bind_int(s, 3, o->unread);
	cache_bind_text(s, 4, o->since);
	sqlite3_bind_int64(s, 5, o->limit > 0 ? (long long)o->limit : 20);
	sqlite3_bind_int64(s, 6, CACHE_SEARCH_RANKED);
	sqlite3_bind_int64(s, 7, o->feed);
	cache_bind_text(s, 8, o->tag);
	rc = cache_rows(c, s, sizeof **hp, cache_search_row, NULL,
	    (void **)hp, np, &why);
	for (i = 0; rc == 0 && i < *np; i++)
		rc = cache_search_detail(c, match, o, &(*hp)[i], &why);
	if (rc != 0) {
		/*
		 * SQLite's words for a query FTS5 refused are not ours; a
		 * busy, full or broken cache keeps its own message.
		 */
		if (c->error == CACHE_ERR_OTHER)
			xasprintf(cause, "search \"%s\": the index cannot"
			    " read this query", q);
		else
			*cause = xstrdup(why);
		free(why);
	}
	if (rc != 0) {
		cache_search_free(*hp, *np);
		*hp = NULL;
		*np = 0;
	}
	free(match);
	return rc;
}
