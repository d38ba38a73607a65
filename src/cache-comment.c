/*
 * cache-comment.c: comments and stored alignments of one article.
 *
 * Comments come with the article (state 'source', written by the sink)
 * or are written here ('draft', then 'posted'); only one's own change.
 * An alignment is stored per pair of languages, replaced whole; the sink
 * stores the automatic ones through cache_alignment_insert() and
 * cache_alignment_delete(), the reader its corrections through
 * cache_alignment_put().
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cache-int.h"
#include "xmalloc.h"

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

static void	cache_comments_free(void *, size_t);

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
	m->remote_id = sqlite3_column_int64(s, 7);
	m->remote_parent = sqlite3_column_int64(s, 8);
	m->remote_url = cache_column_text(s, 9);
	m->link = cache_column_text(s, 10);
	m->pending = sqlite3_column_int(s, 11);
	m->article = sqlite3_column_int64(s, 12);
}

/* Every comment waiting to be sent, of every article. */
int
cache_comments_pending(struct cache *c, struct article_comment **vp,
    size_t *np, char **cause)
{
	sqlite3_stmt	*s;
	void		*v;
	int		 rc;

	*vp = NULL;
	*np = 0;
	if ((s = cache_stmt(c, SQL_PENDING_LOAD, cause)) == NULL)
		return -1;
	rc = cache_rows(c, s, sizeof **vp, cache_comment_row,
	    cache_comments_free, &v, np, cause);
	*vp = v;
	return rc;
}

static void
cache_comments_free(void *v, size_t n)
{
	article_comments_free(v, n);
}

/* An article's comments, flat in creation order, with parent ids. */
int
cache_comments_load(struct cache *c, long long article,
    struct article_comment **vp, size_t *np, char **cause)
{
	void	*v;
	int	 rc;

	rc = cache_rows_id(c, SQL_COMMENTS_LOAD, article, sizeof **vp,
	    cache_comment_row, cache_comments_free, &v, np, cause);
	*vp = v;
	return rc;
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
	int		 rc;

	*vp = NULL;
	*np = 0;
	if ((s = cache_stmt(c, SQL_ALIGNMENT_LOAD, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, article);
	cache_bind_text(s, 2, lang_a);
	cache_bind_text(s, 3, lang_b);
	rc = cache_rows(c, s, sizeof **vp, cache_pair_row, NULL, &v, np,
	    cause);
	*vp = v;
	return rc;
}

/* Store the pairs of one language pair as rows idx 0 to n - 1. */
int
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
int
cache_alignment_delete(struct cache *c, long long article,
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
	sqlite3_stmt		*s;
	const unsigned char	*state, *author;
	int			 rc;

	if ((s = cache_stmt(c, SQL_COMMENT_STATE, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	state = rc == SQLITE_ROW ? sqlite3_column_text(s, 0) : NULL;
	author = rc == SQLITE_ROW ? sqlite3_column_text(s, 1) : NULL;
	if (rc == SQLITE_ROW && state != NULL &&
	    strcmp((const char *)state, "source") != 0 &&
	    strcmp((const char *)state, "stale") != 0 &&
	    sqlite3_column_int(s, 2) != 0)
		cache_failx(c, CACHE_ERR_OTHER, cause, "comment %lld has "
		    "replies; removing it would break their thread", id);
	else if (rc == SQLITE_ROW && state != NULL &&
	    strcmp((const char *)state, "posted") == 0)
		cache_failx(c, CACHE_ERR_OTHER, cause, "comment %lld is by "
		    "%s, not by you (see tandem whoami); only your own "
		    "comments can be removed", id, author ? (const char *)author
		    : "nobody named");
	else if (rc == SQLITE_ROW)
		cache_failx(c, CACHE_ERR_OTHER, cause, "comment %lld came with"
		    " the article; only your own comments can be changed", id);
	else if (rc == SQLITE_DONE)
		cache_failx(c, CACHE_ERR_OTHER, cause, "no comment %lld", id);
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

/*
 * Save one's own comment (a draft, or sent) into row *id, adding the row
 * when *id is 0 or the row was sent or discarded by another reader (see
 * cache_comment_update).  Waits at most wait_ms for another process's
 * write lock instead of the connection's CACHE_BUSY_MS, so that the
 * comment editor, which saves after every key, never freezes on a lock:
 * a busy cache fails fast (CACHE_ERR_BUSY) and the editor keeps the text.
 */
int
cache_comment_save(struct cache *c, long long article,
    const struct article_comment *m, long long *id, int wait_ms,
    char **cause)
{
	int	rc = 0;

	sqlite3_busy_timeout(c->db, wait_ms);
	if (*id != 0) {
		rc = cache_comment_update(c, *id, m->body, m->state, m->created,
		    cause);
		if (rc == 1)
			*id = 0;
	}
	if (*id == 0)
		rc = cache_comment_add(c, article, m, id, cause);
	sqlite3_busy_timeout(c->db, CACHE_BUSY_MS);
	return rc;
}

/* Discard a draft; nothing if it was sent or discarded meanwhile. */
int
cache_comment_discard(struct cache *c, long long id, char **cause)
{
	return cache_run_id(c, SQL_DRAFT_DELETE, id, cause,
	    "discarding draft");
}

/*
 * Remove one's own comment: a draft, or one posted under the name author
 * (the identity's).  One with replies stays, so no thread is torn.
 */
int
cache_comment_remove(struct cache *c, long long id, const char *author,
    char **cause)
{
	sqlite3_stmt	*s;

	if ((s = cache_stmt(c, SQL_COMMENT_DELETE, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	if (author != NULL)
		sqlite3_bind_text(s, 2, author, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s, 2);
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
	if (cache_alignment_delete(c, article, lang_a, lang_b,
	    cause) != 0 || cache_alignment_insert(c, article, lang_a, lang_b,
	    v, n, cause) != 0 || cache_run(c, SQL_COMMIT, cause) != 0)
		goto fail;
	return 0;
fail:
	cache_rollback(c);
	return -1;
}

