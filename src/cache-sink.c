/*
 * cache-sink.c: the import sink, which stores articles in the cache.
 *
 * Each article is one IMMEDIATE transaction, or with cache_batch() on a
 * savepoint inside a transaction that holds many; while a batch is open,
 * articles are aligned on a second thread (align-queue.h) and their
 * alignments stored between later articles.  This is import's hot path:
 * one prepared statement per row, nothing read back that the sink does
 * not need.
 *
 * Identity.  An article is known by its URL: the one its begin event
 * names (import_article.url), or any of its translations' (checked as
 * each translation comes).  URLs are compared in url_normalize()'s
 * form, kept in url_norm columns beside the URL as given.  In order:
 *
 *   1. the article's URL is that of a stored article, or else of a
 *      stored translation: that article (the oldest, if several);
 *   2. else the (source, key) of a stored article: that one, as before
 *      URLs counted (and for every article without a URL);
 *   3. else a new article; but if one of its translations then has the
 *      URL of a stored article (as in 1), that article adopts it: its
 *      translations move there and the new row goes, as if it had
 *      been found at begin.
 *
 * A match at begin wins over a translation's, so when the article's URL
 * names one stored article and a translation's another, the article's
 * is updated (and the other keeps its own, now shared, URL); of two
 * translations naming two articles, the first wins.  An updated article
 * keeps its source row and key: its source is where it was first seen
 * (the list shows that path), and a later import from elsewhere adds no
 * source row, or drops the one it added if no article uses it.  An
 * adopting article keeps its own URL when the import has none.  The
 * translation URLs that count are those of the last import: the older
 * go with the translations it replaces.
 *
 * Cost on the hot path: an article with a URL costs one more indexed
 * lookup (by URL, before the (source, key) one); a translation costs
 * one only while its article is new and its URL is not the article's.
 *
 * Re-import of an article already present, inside the transaction:
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

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "align.h"
#include "align-queue.h"
#include "cache-int.h"
#include "url.h"
#include "xmalloc.h"

/* The sink stores an import_policy where the model reads article_policy. */
_Static_assert((int)IMPORT_POLICY_UNKNOWN == (int)ARTICLE_POLICY_UNKNOWN &&
    (int)IMPORT_POLICY_OPEN == (int)ARTICLE_POLICY_OPEN &&
    (int)IMPORT_POLICY_LOGIN == (int)ARTICLE_POLICY_LOGIN &&
    (int)IMPORT_POLICY_CLOSED == (int)ARTICLE_POLICY_CLOSED,
    "import and article policies differ");

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

static double
cache_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Forget the text kept of the article being imported. */
static void
cache_import_forget(struct cache_import *im)
{
	align_job_free(im->job);
	im->job = NULL;
	FREE(&im->original);
	FREE(&im->url);
}

/* Roll back what the sink holds and free its aligner, on cache_close(). */
void
cache_sink_close(struct cache *c)
{
	if (c->import.open || c->batch.open)
		sqlite3_exec(c->db, "ROLLBACK", NULL, NULL, NULL);
	cache_import_forget(&c->import);
	FREE(&c->batch.lost_cause);
	align_queue_free(c->aq);
	c->aq = NULL;
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

/* The stored article with this normalised URL (rule 1 above), or 0. */
static int
cache_import_by_url(struct cache *c, const char *url, long long *id,
    char **cause)
{
	sqlite3_stmt	*s;

	if ((s = cache_stmt(c, SQL_ARTICLE_BY_URL, cause)) == NULL)
		return -1;
	cache_bind_text(s, 1, url);
	return cache_step_id(c, s, id, cause);
}

/* Clear what a re-import of the article replaces. */
static int
cache_import_clear(struct cache *c, long long id, char **cause)
{
	c->import.pending.articles_new = 0;
	c->import.pending.articles_updated = 1;
	if (cache_run_id(c, SQL_TRANSLATIONS_CLEAR, id, cause,
	    "clearing translations") != 0 ||
	    cache_run_id(c, SQL_ALIGNMENT_CLEAR_AUTO, id, cause,
	    "clearing alignments") != 0)
		return -1;
	return cache_run_id(c, SQL_COMMENTS_STALE, id, cause,
	    "marking comments");
}

/* Insert the article, or update it and clear what a re-import replaces. */
static int
cache_import_article(struct cache *c, const struct import_article *ia,
    char **cause)
{
	struct cache_import	*im = &c->import;
	sqlite3_stmt		*s;
	const char		*policy;
	long long		 source = 0;

	policy = article_policy_name((enum article_policy)ia->policy);
	if (im->url != NULL &&
	    cache_import_by_url(c, im->url, &im->article, cause) != 0)
		return -1;
	if (im->article == 0) {
		if (cache_import_source(c, ia->source, &source, cause) != 0)
			return -1;
		if ((s = cache_stmt(c, SQL_ARTICLE_FIND, cause)) == NULL)
			return -1;
		sqlite3_bind_int64(s, 1, source);
		cache_bind_text(s, 2, ia->key);
		if (cache_step_id(c, s, &im->article, cause) != 0)
			return -1;
	}
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
		cache_bind_text(s, 9, im->url);
		if (cache_step_done(c, s, cause, "adding article") != 0)
			return -1;
		im->article = sqlite3_last_insert_rowid(c->db);
		im->source = source;
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
	cache_bind_text(s, 8, im->url);
	if (cache_step_done(c, s, cause, "updating article") != 0)
		return -1;
	return cache_import_clear(c, im->article, cause);
}

/*
 * Rule 3: the new article turns out to be the stored article id, named
 * by a translation's URL.  id takes the new row's fields and
 * translations, loses what a re-import replaces, and the new row (and
 * its source, if it was new too) goes.
 */
static int
cache_import_adopt(struct cache *c, long long id, char **cause)
{
	struct cache_import	*im = &c->import;
	sqlite3_stmt		*s;

	if ((s = cache_stmt(c, SQL_ARTICLE_ADOPT, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, im->article);
	if (cache_step_done(c, s, cause, "updating article") != 0 ||
	    cache_import_clear(c, id, cause) != 0)
		return -1;
	if ((s = cache_stmt(c, SQL_TRANSLATIONS_MOVE, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, im->article);
	if (cache_step_done(c, s, cause, "moving translations") != 0 ||
	    cache_run_id(c, SQL_ARTICLE_REMOVE, im->article, cause,
	    "removing article") != 0 ||
	    cache_run_id(c, SQL_SOURCE_DROP_EMPTY, im->source, cause,
	    "removing source") != 0)
		return -1;
	im->article = id;
	im->job->id = id;
	return 0;
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
	/* The importer may free *cause unseen: cache_batch_lost() tells. */
	b->lost += lost;
	free(b->lost_cause);
	b->lost_cause = xstrdup(s);
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
	if (!b->hold && (b->articles + 1 >= CACHE_BATCH_ARTICLES ||
	    cache_ms() - b->started >= CACHE_BATCH_MS))
		return cache_batch_commit(c, cause);
	b->articles++;
	return 0;
}

static int
cache_sink_begin(void *arg, const struct import_article *ia, char **cause)
{
	struct cache		*c = arg;
	struct cache_import	*im = &c->import;

	if (im->open)
		return cache_failx(c, CACHE_ERR_OTHER, cause,
		    "article begins inside another");
	if (c->flags & CACHE_READONLY)
		return cache_failx(c, CACHE_ERR_READONLY, cause,
		    "%s: the cache is open read-only", c->path);
	cache_import_forget(im);
	memset(im, 0, sizeof *im);
	if (ia->original != NULL)
		im->original = xstrdup(ia->original);
	if (cache_article_begin(c, cause) != 0)
		return -1;
	if (ia->url != NULL)
		im->url = url_normalize(ia->url);
	if (cache_import_article(c, ia, cause) != 0) {
		cache_article_abort(c, cause);
		return -1;
	}
	im->job = align_job_new(im->article);
	im->open = 1;
	return 0;
}

/*
 * Normalise a translation's URL into *url; while the article is new and
 * the URL not its own, look for a stored article there (rule 3).
 */
static int
cache_import_translation_url(struct cache *c, const char *given, char **url,
    char **cause)
{
	struct cache_import	*im = &c->import;
	long long		 id;

	*url = url_normalize(given);
	if (!im->pending.articles_new ||
	    (im->url != NULL && strcmp(im->url, *url) == 0))
		return 0;
	if (cache_import_by_url(c, *url, &id, cause) != 0 ||
	    (id != 0 && id != im->article &&
	    cache_import_adopt(c, id, cause) != 0)) {
		FREE(url);
		return -1;
	}
	return 0;
}

static int
cache_sink_translation(void *arg, const struct import_translation *it,
    char **cause)
{
	struct cache		*c = arg;
	struct cache_import	*im = &c->import;
	sqlite3_stmt		*s;
	char			*url = NULL;
	int			 rc;

	if (!im->open || im->commenting)
		return cache_failx(c, CACHE_ERR_OTHER, cause, "%s", im->open ?
		    "translation after comments" :
		    "translation outside an article");
	if (it->url != NULL && cache_import_translation_url(c, it->url, &url,
	    cause) != 0)
		return -1;
	if ((s = cache_stmt(c, SQL_TRANSLATION_INSERT, cause)) == NULL) {
		free(url);
		return -1;
	}
	sqlite3_bind_int64(s, 1, im->article);
	cache_bind_text(s, 2, it->lang);
	sqlite3_bind_int64(s, 3, im->position);
	cache_bind_text(s, 4, it->title);
	sqlite3_bind_int(s, 5, it->title_derived != 0);
	sqlite3_bind_double(s, 6, it->lang_confidence);
	cache_bind_text(s, 7, it->url);
	sqlite3_bind_int64(s, 8, cache_now());
	cache_bind_text(s, 9, url);
	rc = sqlite3_step(s);
	free(url);
	if (rc != SQLITE_DONE) {
		if (sqlite3_extended_errcode(c->db) ==
		    SQLITE_CONSTRAINT_UNIQUE)
			cache_failx(c, CACHE_ERR_OTHER, cause,
			    "two translations in '%s'", it->lang);
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

	if (!im->open || im->translation == 0 || im->commenting)
		return cache_failx(c, CACHE_ERR_OTHER, cause,
		    "paragraph outside a translation");
	if (len > INT_MAX)
		return cache_failx(c, CACHE_ERR_OTHER, cause,
		    "paragraph too long");
	if ((s = cache_stmt(c, SQL_PARAGRAPH_INSERT, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, im->translation);
	sqlite3_bind_int64(s, 2, im->paragraph);
	sqlite3_bind_text(s, 3, text, (int)len, SQLITE_STATIC);
	sqlite3_bind_int64(s, 4, (long long)len);
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

	if (!im->open)
		return cache_failx(c, CACHE_ERR_OTHER, cause,
		    "comment outside an article");
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
		if (!j->side[i].skip && cache_alignment_delete(c,
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
	    cause, "clearing alignments") != 0)
		return -1;
	for (i = 0; i < j->nsides; i++) {
		s = &j->side[i];
		if (i == j->base || s->skip)
			continue;
		if (s->rc != 0)
			return cache_failx(c, CACHE_ERR_OTHER, cause,
			    "aligning '%s' with '%s' failed", s->lang,
			    j->side[j->base].lang);
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

	if (!im->open)
		return cache_failx(c, CACHE_ERR_OTHER, cause,
		    "article ends before it begins");
	im->open = 0;
	if (!ok) {
		cache_import_forget(im);
		c->stats.rolled_back++;
		return cache_article_abort(c, cause);
	}
	if (cache_run_id(c, SQL_COMMENTS_DROP_STALE, im->article, cause,
	    "dropping old comments") != 0 ||
	    cache_pack_article(c, im->article, cause) != 0 ||
	    cache_align_prepare(c, cause) != 0 ||
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
	b->commits++;
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

	if (c->import.open)
		return cache_failx(c, CACHE_ERR_OTHER, cause,
		    "batch changed inside an article");
	rc = cache_batch_commit(c, cause);
	c->batch.on = on;
	c->batch.hold = 0;
	return rc;
}

/*
 * A feed's update (cache-feed.c): one transaction, open from now until
 * cache_batch(c, 0) commits it whatever its size or age, each article a
 * savepoint in it; so a crash leaves the feed as before or updated.
 */
int
cache_batch_hold(struct cache *c, char **cause)
{
	struct cache_batch	*b = &c->batch;

	if (cache_batch(c, 1, cause) != 0)
		return -1;
	if (cache_run(c, SQL_BEGIN, cause) != 0)
		return -1;
	b->hold = 1;
	b->open = 1;
	b->articles = 0;
	b->started = cache_ms();
	memset(&b->stats, 0, sizeof b->stats);
	return 0;
}

/* Give the held transaction up: nothing of it is stored. */
void
cache_batch_abandon(struct cache *c)
{
	struct cache_batch	*b = &c->batch;

	cache_rollback(c);
	cache_align_discard(c);
	c->stats.rolled_back += b->articles;
	b->open = b->on = b->hold = 0;
	b->articles = 0;
	memset(&b->stats, 0, sizeof b->stats);
}

/*
 * How many articles stored since the last commit went with a batch
 * dropped since the last call, and in *cause (if not NULL) why; 0 if
 * none did.  The article whose failure dropped the batch is not
 * counted: its importer reported it failed.  The importer's message
 * for a failure may never reach the user (an article thrown away with
 * ok = 0 has its cause freed), so the caller of a batch asks here
 * after every file.
 */
unsigned long
cache_batch_lost(struct cache *c, char **cause)
{
	struct cache_batch	*b = &c->batch;
	unsigned long		 lost = b->lost;

	if (cause != NULL) {
		*cause = b->lost_cause;
		b->lost_cause = NULL;
	}
	FREE(&b->lost_cause);
	b->lost = 0;
	return lost;
}

/*
 * Where the batch is: *pending, whether articles wait in it for a
 * commit; the number of commits so far, which moves whenever earlier
 * articles became safe.
 */
unsigned long
cache_batch_state(const struct cache *c, int *pending)
{
	*pending = c->batch.open;
	return c->batch.commits;
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

/*
 * "imported 1 article, 5 translations, 40 paragraphs"; with articles
 * that were there already, "imported 1 article, updated 2, ...": the
 * first count is of new articles only.
 */
char *
cache_import_summary(const struct cache_import_stats *st)
{
	unsigned long	 n = st->articles_new;
	char		*s, updated[64] = "";

	if (st->articles_updated != 0)
		snprintf(updated, sizeof updated, ", updated %lu",
		    st->articles_updated);
	xasprintf(&s, "imported %lu article%s%s, %lu translation%s,"
	    " %lu paragraph%s", n, n == 1 ? "" : "s", updated,
	    st->translations, st->translations == 1 ? "" : "s",
	    st->paragraphs, st->paragraphs == 1 ? "" : "s");
	return s;
}
